"""A document noun a quotation's source is written as ("the statement said", "the email read")
stands for whoever issued the document, as the syntax beside the noun or its earlier use names
them (pipeline/coreference.py ``DocIndex.issuer``): one test per row of
:data:`~pipeline.coreference.DOCUMENT_ROWS` and :data:`~pipeline.coreference.ISSUING_ROWS`, each
with its counter-example (a recipient, an outlet that obtained it, what it is about). Invented
texts parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.coreference import (
    DOCUMENT_NOUNS,
    DOCUMENT_QUOTE,
    DOCUMENT_ROWS,
    ISSUING_ROWS,
    DocIndex,
)
from pipeline.quotes import extract_quotes

NAMES = ("Venter Corp", "Tom Arden", "Mara Quill", "Dana Roe", "The Port Velden Herald")


def _referent(nlp, text: str) -> str | None:
    """What the last document noun of ``text`` (the quotation's source) stands for."""
    doc = nlp(text)
    noun = [t for t in doc if t.lemma_.lower() in DOCUMENT_NOUNS][-1]
    found = DocIndex(doc).nominal_referent(noun)
    return None if found is None else doc.text[found[0] : found[1]]


def _named(sentence: str) -> str:
    return next(n for n in NAMES if n in sentence)


@pytest.mark.parametrize(("noun", "example", "counter"), DOCUMENT_ROWS,
                         ids=[row[0] for row in DOCUMENT_ROWS])
def test_a_document_speaks_for_its_issuer(nlp, noun: str, example: str, counter: str) -> None:
    quote = DOCUMENT_QUOTE.format(noun=noun)
    found = _referent(nlp, example + quote)
    assert found is not None and found.split()[-1] == _named(example).split()[-1]
    assert _referent(nlp, counter + quote) is None


@pytest.mark.parametrize(("lemma", "example", "counter"),
                         [(r[0], r[3], r[4]) for r in ISSUING_ROWS],
                         ids=[row[0] for row in ISSUING_ROWS])
def test_an_issuing_verb_names_the_issuer(nlp, lemma: str, example: str, counter: str) -> None:
    noun = next(n for n in DOCUMENT_NOUNS if f" {n} " in example)
    quote = DOCUMENT_QUOTE.format(noun=noun)
    assert any(t.lemma_ == lemma for t in nlp(example))
    assert _referent(nlp, example + quote) == _named(example)
    assert _referent(nlp, counter + quote) is None


def test_the_quotation_gets_the_issuer(nlp) -> None:
    text = ("Venter Corp issued a statement on Monday.\n\n"
            '"We will grow," the statement said. "We will hire."')
    doc = nlp(text)
    speakers = {text[q.speaker_start : q.speaker_end] for q in extract_quotes(doc)}
    assert speakers == {"Venter Corp"}


def test_a_speakers_statement_is_the_speakers(nlp) -> None:
    text = ('Tom Arden met Dana Roe. In a statement, she thanked the council.\n\n'
            '"We will grow," the statement said.')
    assert _referent(nlp, text) == "Dana Roe"
