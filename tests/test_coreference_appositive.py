"""A name in apposition to a subject is that subject (pipeline/coreference.py ``_clause_role``):
in "The harbour master, Tom Arden, warned ..." Arden is who the sentence is about, so "He said"
after it is Arden, not the speaker of the paragraph before; a name in apposition to an object
("Ivo Brandt thanked the harbour master, Tom Arden") is not. Invented text parsed by the real
spaCy model."""

from __future__ import annotations

import pytest

from pipeline.quotes import extract_quotes

INTRO = "“The port will close,” Ivo Brandt said on Monday."
# (sentences with the quotation, expected speaker): an example, then its counter-example.
APPOSITIVE_ROWS = (
    ("The harbour master, Tom Arden, warned that such a closure would be “a disaster.” He said "
     "the workers “deserve better than this.”", "Tom Arden"),
    ("Ivo Brandt later thanked the harbour master, Tom Arden, for his help. He said the workers "
     "“deserve better than this.”", "Ivo Brandt"),
)


@pytest.mark.parametrize(("sentences", "speaker"), APPOSITIVE_ROWS)
def test_a_name_in_apposition_to_the_subject_is_the_subject(nlp, sentences, speaker):
    text = f"{INTRO}\n\n{sentences}"
    quote = next(q for q in extract_quotes(nlp(text)) if q.text.startswith("deserve"))
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == speaker
