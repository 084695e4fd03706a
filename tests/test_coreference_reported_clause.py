"""The rules' pick for "he said" (the speaker of the reporting verb in the sentence before) does
not stand against the ranker when that verb sits inside what another reporting verb reports
(pipeline/coreference.py ``rank``, ``_inside_report``): in "Mr. Arden said he would sail only
because Mr. Brandt agreed to come. "...," he said" the speaker is Arden, not Brandt, whose
"agreed" is part of what Arden said. A reporting verb that is the sentence's own still gives
its speaker ("Mr. Brandt agreed to come. "...," he said" is Brandt), and so does one in a
clause no reporting verb governs ("The crowd cheered as soon as Mr. Brandt agreed").
Invented text parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.quotes import extract_quotes

INTRO = "Tom Arden toured Port Velden on Monday."
# (sentences with the quotation, expected speaker): an example, then its counter-example.
REPORTED_CLAUSE_ROWS = (
    ("Mr. Arden said he would sail only because Mr. Brandt agreed to come. “We will win,” he "
     "said.", "Arden"),
    ("Mr. Brandt agreed to come. “We will win,” he said.", "Brandt"),
    ("Ivo Brandt, the harbour master, said Mr. Arden continued to hurt the port. “It is bad,” "
     "he said.", "Ivo Brandt"),
    ("The crowd cheered as soon as Mr. Brandt agreed to stay. “It is good,” he said.", "Brandt"),
)


@pytest.mark.parametrize(("sentences", "speaker"), REPORTED_CLAUSE_ROWS)
def test_a_speaker_inside_a_report_gives_way(nlp, sentences, speaker):
    text = f"{INTRO}\n\n{sentences}"
    quote = next(q for q in extract_quotes(nlp(text)) if q.text[:1].isalpha())
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == speaker
