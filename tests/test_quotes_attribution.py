"""Whether a sentence attributes a quoted span to anyone, as the quotation acceptor reads it
(:data:`pipeline.quotes.ATTRIBUTION_FEATURES`): each row's example sets its feature on the
quoted span, its counter-example does not."""

from __future__ import annotations

import pytest

from pipeline.quotes import (
    ATTRIBUTION_FEATURES,
    QUOTE_FEATURES,
    _quote_model,
    _span_head,
    extract_quotes,
    span_records,
)


def _feature(nlp, text: str, name: str) -> float:
    _ix, records = span_records(nlp(text))
    assert records, text
    return max(r["quote_features"][name] for r in records)


@pytest.mark.parametrize(("name", "example", "counter"), ATTRIBUTION_FEATURES)
def test_an_attribution_feature_is_set_by_its_example_only(
        nlp, name: str, example: str, counter: str) -> None:
    assert _feature(nlp, example, name) == 1.0
    assert _feature(nlp, counter, name) == 0.0


SHORT_ROWS = [row for row in ATTRIBUTION_FEATURES if f"short_x_{row[0]}" in QUOTE_FEATURES]


@pytest.mark.parametrize(("name", "example", "_counter"), SHORT_ROWS)
def test_a_short_span_carries_its_own_copy_of_the_person_and_cue_features(
        nlp, name: str, example: str, _counter: str) -> None:
    short = f"short_x_{name}"
    _ix, records = span_records(nlp(example))
    for r in records:
        f = r["quote_features"]
        assert f[short] == f[name] * float(f["words_1"] or f["words_2"])


def test_a_quoted_whole_sentence_has_the_sentence_root_as_its_head(nlp) -> None:
    # The root's head is itself: the phrase head is found by index, not by object identity.
    doc = nlp('According to Mara Quill, the port is "dying."')
    ix, [r] = span_records(doc)
    head = _span_head(ix, r["span"])
    assert head is not None and head.text == "dying"
    inner = nlp('Tom Arden said the "harbour plan" was late.')
    ix, [r] = span_records(inner)
    assert _span_head(ix, r["span"]).text == "plan"


def test_the_shipped_acceptor_reads_the_attribution_features() -> None:
    model = _quote_model()
    assert model is not None
    for name, _example, _counter in ATTRIBUTION_FEATURES:
        assert name in model["features"]


# (text, the quoted words, whether the shipped acceptor keeps them as a quotation)
ACCEPTOR_CASES = [
    ('Tom Arden said the harbour plan was "reckless" and would fail.', "reckless", True),
    ('Mara Quill warned that the port deal was a "disaster" for the town.', "disaster", True),
    # Counter-examples: a show the speaker spoke on, the same word with nobody saying it.
    ('Tom Arden said on "Velden Tonight" that the plan would fail.', "Velden Tonight", False),
    ('The harbour plan, a "disaster" for the town, was dropped in May.', "disaster", False),
]


@pytest.mark.parametrize(("text", "words", "kept"), ACCEPTOR_CASES)
def test_a_short_quoted_span_is_a_quotation_when_someone_is_attributed_it(
        nlp, text: str, words: str, kept: bool) -> None:
    found = [q.text for q in extract_quotes(nlp(text))]
    assert (words in found) is kept
