"""A capitalised singular noun inside its sentence that the article never writes in lower case
is a name the tagger did not know (:meth:`pipeline.coreference.DocIndex.unknown_name`), so a
speaker or an antecedent; a capitalised word opening a sentence is not."""

from __future__ import annotations

from pipeline.coreference import DocIndex

NAMED = ("The filmmaker D’Quill spoke in Port Velden. After the vote, D’Quill replied that it "
         "was over.")


def _subjects(nlp, text: str) -> list:
    doc = nlp(text)
    return doc, [t for t in doc if t.dep_ == "nsubj"]


def test_an_untagged_capitalised_noun_is_a_name(nlp) -> None:
    doc, subjects = _subjects(nlp, NAMED)
    first = subjects[0]
    assert first.text == "D’Quill" and first.tag_ == "NN" and not first.ent_type_
    ix = DocIndex(doc)
    assert ix.unknown_name(first)
    a, b = ix.person_span(first)
    assert doc.text[a:b].endswith("D’Quill")


def test_a_capitalised_word_opening_its_sentence_is_not(nlp) -> None:
    doc, subjects = _subjects(nlp, "Critics replied that the port would reopen.")
    ix = DocIndex(doc)
    assert not any(ix.unknown_name(t) for t in subjects)
    assert all(ix.person_span(t) is None for t in subjects)
