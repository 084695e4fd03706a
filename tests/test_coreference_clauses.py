"""The clause roles the antecedent ranker reads (pipeline/coreference.py): a person who is the
subject of the sentence's main verb against one named in a clause under it, on invented text
parsed by the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.coreference import _embedded, _main_subject
from pipeline.quotes import extract_quotes

# (text, name, main-clause subject?, inside a subordinate clause?)
ROLE_ROWS = (
    ("Tom Arden said that Dana Roe had lost the vote.", "Arden", True, False),
    ("Tom Arden said that Dana Roe had lost the vote.", "Roe", False, True),
    ("The judge Tom Arden was referring to is Dana Roe.", "Arden", False, True),
    ("As Tom Arden toured Port Velden, he met the mayor.", "Arden", False, False),
    ("Tom Arden toured Port Velden and thanked Dana Roe.", "Arden", True, False),
)


@pytest.mark.parametrize(("text", "name", "main", "embedded"), ROLE_ROWS)
def test_a_mention_is_the_main_subject_or_inside_a_subordinate_clause(
        nlp, text, name, main, embedded):
    tok = next(t for t in nlp(text) if t.text == name)
    assert _main_subject(tok) is main
    assert _embedded(tok) is embedded


def _speaker(nlp, *paragraphs: str, quote: str) -> str | None:
    text = "\n\n".join(paragraphs)
    q = next(q for q in extract_quotes(nlp(text)) if q.text.startswith(quote))
    return None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]


def test_he_is_the_main_subject_not_the_person_of_the_clause_under_it(nlp):
    assert _speaker(
        nlp,
        "Tom Arden toured Port Velden on Monday.",
        "In his speech, Tom Arden expressed disappointment that voters had given Mark Ellison "
        "a real chance at the governorship.",
        "“It is a sad day for the harbour,” he said.",
        quote="It is a sad day") in ("Tom Arden", "Arden")
