"""The rules' pick in the pronoun's own sentence does not stand against the ranker when it is
named inside a clause under the sentence's verb (pipeline/coreference.py ``rank``): "Asked
whether Ivo Brandt would run, he said" is not Brandt; "Reporters asked Ivo Brandt
whether he would run, and he said" still is. Invented text parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.quotes import extract_quotes

INTRO = "Tom Arden toured Port Velden on Monday."
# (sentence with the quotation, expected speaker): an example, then its counter-example.
EMBEDDED_ROWS = (
    ("Asked whether Ivo Brandt would run again, he said: “I hope not.”", "Tom Arden"),
    ("Reporters asked Ivo Brandt whether he would run again, and he said: “I hope so.”",
     "Ivo Brandt"),
    ("In an interview, Mr. Arden said Mr. Brandt had told harbour workers that he would not "
     "continue the old policy of “closing the docks at night.”", "Arden"),
    ("Mr. Brandt, who has run twice, said he would try again. “I hope so,” he said.",
     "Brandt"),
)


@pytest.mark.parametrize(("sentence", "speaker"), EMBEDDED_ROWS)
def test_a_rules_pick_inside_a_subordinate_clause_gives_way(nlp, sentence, speaker):
    text = f"{INTRO}\n\n{sentence}"
    quote = next(q for q in extract_quotes(nlp(text)) if q.text[:1].isalpha())
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == speaker
