"""What DocIndex.person_span (pipeline/coreference.py) takes for a person's name: a group word
written before an untagged name ("Republicans Quill and Arden") is not part of it, and an
untagged three-word name with no first name is a body's ("Left Coast Watch first reported"), so
a pronoun resolves to the person, not the party or the outlet; invented text, real spaCy."""

from __future__ import annotations

import pytest

from pipeline.coreference import DocIndex, _group_word

# (text, word, whether it names the group its name belongs to)
GROUP_ROWS = (
    ("Republicans Quill of Port Velden and Arden of Velden Beach are against abolishing the "
     "department.", "Republicans", True),
    ("Senator Arden of Port Velden opposes the plan.", "Senator", False),
    # a plural inside a body's name, a name word of its own before it
    ("Harbour Rights Watch first reported the plan.", "Rights", False),
)


@pytest.mark.parametrize(("text", "word", "group"), GROUP_ROWS)
def test_a_group_word_before_a_name_is_told_from_a_title(nlp, text, word, group):
    tok = next(t for t in nlp(text) if t.text == word)
    assert _group_word(tok) is group


def test_the_person_span_leaves_the_group_word_out(nlp):
    text = GROUP_ROWS[0][0]
    doc = nlp(text)
    ix = DocIndex(doc)
    quill = next(t for t in doc if t.text == "Quill")
    found = ix.person_span(quill)
    assert found is not None
    assert text[found[0] : found[1]] == "Quill"


# An untagged name of three words or more with no first name is a body's, not a person's:
# (text, the name the reporting verb's subject heads, or None when it names no person).
UNTAGGED_ROWS = (
    ("The pastor spoke on his show, “Evenings with Tom Arden,” Left Coast Watch first reported.",
     None),
    ("Later, Tom Quill Arden first reported the fire.", "Tom Quill Arden"),
)


@pytest.mark.parametrize(("text", "name"), UNTAGGED_ROWS)
def test_an_untagged_name_without_a_first_name_is_no_person(nlp, text, name):
    doc = nlp(text)
    ix = DocIndex(doc)
    subj = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "report")
    found = ix.person_span(subj)
    assert (None if found is None else text[found[0] : found[1]]) == name
