"""A candidate's gender (pipeline/coreference.py ``_candidate_gender``): the surname's, unless
its latest mention is a full name whose first name says otherwise ("Mara Arden" is a woman in
an article whose Arden is Mr. Arden); a bare surname keeps the surname's, and a surname of
unknown gender stays unknown whatever one first name says. Spans from invented text parsed by
the real spaCy model."""

from __future__ import annotations

import pytest

from pipeline.coreference import Antecedent, _candidate_gender

# (text, the latest mention, the surname's gender as the article gives it, expected gender):
# an example, then its counter-examples.
MENTION_GENDER_ROWS = (
    ("Mara Arden runs the ferry.", "Mara Arden", "m", "f"),
    ("Arden runs the ferry.", "Arden", "m", "m"),
    ("Mara Arden runs the ferry.", "Mara Arden", None, None),
)


@pytest.mark.parametrize(("text", "mention", "surname", "expected"), MENTION_GENDER_ROWS)
def test_a_full_name_gives_its_own_gender(nlp, text, mention, surname, expected):
    doc = nlp(text)
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention))
    assert span is not None
    genders = {"arden": surname} if surname else {}
    cand = Antecedent("arden", span.start_char, span.end_char, [span])
    assert _candidate_gender(cand, genders) == expected
