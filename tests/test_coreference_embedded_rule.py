"""The rules' pick in the pronoun's own sentence does not stand against the ranker when it is
named inside a clause under the sentence's verb (pipeline/coreference.py ``rank``): "Asked
whether Ivo Brandt would run, he said" is not Brandt; "Reporters asked Ivo Brandt
whether he would run, and he said" still is.

The rules' pick for "he said" (the speaker of the reporting verb in the sentence before) does
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
# (sentences with the quotation, expected speaker): an example, then its counter-example.
REPORTED_CLAUSE_ROWS = (
    ("Mr. Arden said he would sail only because Mr. Brandt agreed to come. “We will win,” he "
     "said.", "Arden"),
    ("Mr. Brandt agreed to come. “We will win,” he said.", "Brandt"),
    ("Ivo Brandt, the harbour master, said Mr. Arden continued to hurt the port. “It is bad,” "
     "he said.", "Ivo Brandt"),
    ("The crowd cheered as soon as Mr. Brandt agreed to stay. “It is good,” he said.", "Brandt"),
)


@pytest.mark.parametrize(("sentence", "speaker"), EMBEDDED_ROWS + REPORTED_CLAUSE_ROWS)
def test_a_rules_pick_inside_a_subordinate_clause_gives_way(nlp, sentence, speaker):
    text = f"{INTRO}\n\n{sentence}"
    quote = next(q for q in extract_quotes(nlp(text)) if q.text[:1].isalpha())
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == speaker
