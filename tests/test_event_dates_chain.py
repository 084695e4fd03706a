"""An undated trigger takes the date of the clause it is coordinated with or complements (one
time frame), but not across a conjunct set at a time of its own; invented sentences, the real
model."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions

THURSDAY = dt.date(2016, 5, 5)


def _dates(nlp, text: str, published: dt.date | None = THURSDAY) -> dict[str, tuple]:
    return {
        m.trigger: (m.date, m.date_precision) for m in extract_event_mentions(nlp(text), published)
    }


def test_a_forced_retreat_takes_the_year_of_the_attempt_it_is_coordinated_with(nlp):
    dates = _dates(
        nlp,
        "The government of Velden attempted to cut fuel subsidies in 2003, but "
        "was forced to back down in the face of public protests.",
        None,
    )
    assert dates["back down"] == (dt.date(2003, 1, 1), "year")
    assert dates["protests"] == (dt.date(2003, 1, 1), "year")


def test_a_subjectless_conjunct_of_a_reported_clause_takes_the_reporting_verbs_day(nlp):
    # the parser hangs "urged" on "was" (the reported clause), not on "said"
    dates = _dates(
        nlp,
        "Velden Party spokesman Tom Arden on Thursday evening said the Velden "
        "Party was not in a crisis, and urged that everyone take a deep breath "
        "and relax.",
    )
    assert dates["urged"] == (THURSDAY, "day")


def test_a_conjunct_in_the_perfect_is_not_dated_by_its_head(nlp):
    dates = _dates(
        nlp,
        "He was on probation for a hacking offense in Port Velden when he began "
        "targeting celebrities in 2012 and has been sentenced to seven years "
        "in prison there.",
    )
    assert dates["sentenced"] == (None, None)


def test_a_never_done_accusation_is_not_dated_by_a_noun_of_its_other_conjunct(nlp):
    dates = _dates(
        nlp,
        "The government in Velden has vigorously denied any role in the Sept. "
        "11, 2001, attacks, and Mara Quill has never formally accused her ally "
        "of complicity.",
    )
    assert dates.get("accused", (None, None)) == (None, None)


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        (
            "On Friday, Mara Quill criticised Tom Arden.",
            "criticised",
            (dt.date(2016, 4, 29), "day"),
        ),
        ("Mara Quill met with Tom Arden on Saturday.", "met", (dt.date(2016, 4, 30), "day")),
        ("Police arrested Tom Arden this week.", "arrested", (dt.date(2016, 5, 2), "week")),
        ("Mara Quill criticised the 2015 deal.", "criticised", (None, None)),
    ],
)
def test_weekdays_and_weeks_resolve_against_the_published_date(nlp, text, trigger, expected):
    assert _dates(nlp, text)[trigger] == expected


def test_a_purpose_infinitive_takes_its_head_clauses_date(nlp):
    # the year modifies "senators", the clause the vote is the purpose of
    dates = _dates(
        nlp,
        "Mara Quill was among 25 senators in 2008 to vote against the bailout of big banks.",
    )
    assert dates["vote"] == (dt.date(2008, 1, 1), "year")
