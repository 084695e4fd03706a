"""Speakers the recogniser mislabels: a one-word "place" that speaks and that the article also
writes untagged is a name (a country always tagged a place is not), and a mixed-case surname
("LeVell said") is a name although ``is_title`` turns it down."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.coreference import DocIndex


def _speaking(doc, word: str):
    return [t for t in doc if t.text == word and t.dep_ == "nsubj"][-1]


def test_a_speaking_place_the_article_also_writes_untagged_is_a_name(nlp) -> None:
    doc = nlp("Dquell leads the mosque in Port Velden. Dquell said the doors were open.")
    last = _speaking(doc, "Dquell")
    doc.ents = [Span(doc, last.i, last.i + 1, label="GPE")]  # the first stays untagged
    a, b = DocIndex(doc).person_span(doc[last.i])
    assert doc.text[a:b] == "Dquell"


def test_a_place_always_tagged_a_place_is_not(nlp) -> None:
    doc = nlp("Velden leads the league. Velden said the doors were open.")
    doc.ents = [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text == "Velden"]
    assert DocIndex(doc).person_span(_speaking(doc, "Velden")) is None


def test_a_mixed_case_surname_is_a_name(nlp) -> None:
    doc = nlp("After the vote, LeVell said the talks were over.")
    ix = DocIndex(doc)
    tok = _speaking(doc, "LeVell")
    a, b = ix.person_span(tok)
    assert doc.text[a:b] == "LeVell"
