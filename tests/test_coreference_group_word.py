"""A group word written before an untagged name ("Republicans Quill and Arden") is not part of the
person's span (pipeline/coreference.py, DocIndex.person_span), so the speaker a pronoun resolves
to is the person, not the party; on invented text parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.coreference import DocIndex, _group_word

# (text, word, whether it names the group its name belongs to)
GROUP_ROWS = (
    ("Republicans Quill of Port Velden and Arden of Velden Beach are against abolishing the "
     "department.", "Republicans", True),
    ("Senator Arden of Port Velden opposes the plan.", "Senator", False),
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
