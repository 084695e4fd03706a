"""Short quotations the acceptor reads off their syntax: the name a naming word gives
(``NAMING_WORDS``: "the phrase "X"", "an ad titled "X"") and words inside what a speech noun
reports ("Dana Roe's claim that the vote was "rigged""), whose owner is the speaker."""

import pytest

from pipeline.quotes import (
    NAMING_WORDS,
    _named_as,
    _speech_noun,
    _speech_noun_above,
    extract_quotes,
)


def _before_first_mark(doc):
    return list(doc[: next(t.i for t in doc if t.text == '"')])


@pytest.mark.parametrize(("lemma", "pos", "example", "counter"), NAMING_WORDS)
def test_naming_word_table(nlp, lemma, pos, example, counter):
    assert _named_as(_before_first_mark(nlp(example))), example
    assert not _named_as(_before_first_mark(nlp(counter))), counter


def test_so_called_is_a_scare_quote_not_a_name(nlp):
    doc = nlp('Port Velden built its so-called "special relationship" with Venter Corp.')
    assert not _named_as(_before_first_mark(doc))


@pytest.mark.parametrize(("text", "noun"), [
    ('Tom Arden repeated his claim that the vote was "rigged" on Monday.', "claim"),
    ('Dana Roe denied the assertion that she had "attacked" the mayor.', "assertion"),
    ('The council rejected Mara Quill\'s statement that the port was "broke" last year.',
     "statement"),
])
def test_words_under_a_speech_noun(nlp, text, noun):
    doc = nlp(text)
    span = next(t for t in doc if t.i > 0 and doc[t.i - 1].text == '"')
    found = _speech_noun_above(span)
    assert found is not None and found.text == noun


def test_nouns_that_report_nothing(nlp):
    doc = nlp("The harbour statement was a claim, a shipment, a warning and a vision.")
    assert [t.text for t in doc if _speech_noun(t)] == ["statement", "claim", "warning"]
    pier = nlp('Tom Arden walked to the "old" pier on Monday.')
    assert _speech_noun_above(next(t for t in pier if t.text == "old")) is None


def test_owner_of_the_speech_noun_speaks(nlp):
    text = ("Port Velden voters went to the polls on Tuesday. Mara Quill's claim that the count "
            "was \"rigged\" drew a rebuke from the election board.")
    quotes = extract_quotes(nlp(text))
    rigged = [q for q in quotes if q.text == "rigged"]
    assert len(rigged) == 1 and "Mara Quill" in (rigged[0].speaker_text or "")
