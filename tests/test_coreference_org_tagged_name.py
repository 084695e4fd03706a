"""A full name the recogniser tags as an organisation still tells its surname's gender by its
first name (:func:`pipeline.coreference.key_genders`), so a family member of the other gender
named elsewhere ("her husband, Tom Quill") leaves the surname undecided instead of deciding it."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.coreference import DocIndex, key_genders

TEXT = "Mara Quill ran the port. Her husband, Tom Quill, ran the harbour."


def _doc(nlp, first_label: str):
    doc = nlp(TEXT)
    second = next(i for i, t in enumerate(doc) if t.text == "Tom")
    doc.ents = [Span(doc, 0, 2, label=first_label), Span(doc, second, second + 2, label="PERSON")]
    return doc


def test_an_org_tagged_full_name_counts_as_gender_evidence(nlp) -> None:
    assert "quill" not in key_genders(DocIndex(_doc(nlp, "ORG")))  # Mara (f) and Tom (m)
    assert "quill" not in key_genders(DocIndex(_doc(nlp, "PERSON")))


def test_an_organisation_without_a_first_name_tells_nothing(nlp) -> None:
    doc = nlp("Venter Corp hired Tom Quill.")
    tom = next(i for i, t in enumerate(doc) if t.text == "Tom")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, tom, tom + 2, label="PERSON")]
    genders = key_genders(DocIndex(doc))
    assert genders.get("quill") == "m"
    assert "corp" not in genders
