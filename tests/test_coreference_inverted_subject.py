"""The speaker of a reporting verb the parser gave no subject (pipeline/coreference.py
``DocIndex.subject``): the name right after a finite verb ("..., said Mara Quill") or after a
passive's agent ("asked by host Mara Quill"), but not the name after an infinitive, which is its
object ("Tom Arden asked her to call Mara Quill": Quill is called, she does not speak).
Invented text parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.coreference import DocIndex

# (text, the reporting verb, the word the verb's speaker is found at, or None): an example,
# then its counter-examples.
INVERTED_ROWS = (
    ("“We will win,” said Mara Quill.", "said", "Quill"),
    ("The question was asked by host Mara Quill on Monday.", "asked", "Quill"),
    ("Tom Arden asked her to call Mara Quill at once.", "call", None),
)


@pytest.mark.parametrize(("text", "verb", "speaker"), INVERTED_ROWS)
def test_the_name_after_a_verb_speaks_only_after_a_finite_verb(nlp, text, verb, speaker):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    found = DocIndex(doc).subject(tok)
    assert (found.text if found is not None else None) == speaker
