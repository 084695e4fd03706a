"""Event dates read by the clause: the tense of the trigger's clause sets which way a bare
weekday, month or holiday points (rows of pipeline/events/mentions.py's DirectionCue tables,
each example and counter-example parsed with the real model), a day the parser tags TIME
("Tuesday night") dates its clause, and a day named from the one before ("a day earlier")
takes that day. Invented names, published Monday 2016-10-24."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.events import extract_event_mentions
from pipeline.events.mentions import (
    ANNOUNCING_HEADS,
    EVENT_ANTECEDENTS,
    FUTURE_AUX,
    FUTURE_MODALS,
    OCCURRENCE_VERBS,
    PAST_AUX,
    SCHEDULE_HEADS,
    SIMULTANEOUS_CLAUSES,
    UPCOMING,
)

MONDAY = dt.date(2016, 10, 24)
CUES = (FUTURE_AUX, FUTURE_MODALS, SCHEDULE_HEADS, PAST_AUX, UPCOMING)
#: Rows whose counter-example has no date (``counter_date`` "").
CLAUSE_CUES = (SIMULTANEOUS_CLAUSES, EVENT_ANTECEDENTS, OCCURRENCE_VERBS, ANNOUNCING_HEADS)


def _date_of(nlp, marked: str, published: dt.date | None = MONDAY) -> dt.date | None:
    """The date of the mention whose trigger is the [bracketed] word."""
    at = marked.index("[")
    text = marked.replace("[", "").replace("]", "")
    word = re.match(r"\[([^\]]+)\]", marked[at:])[1]
    for m in extract_event_mentions(nlp(text), published):
        if m.trigger_start == at and m.trigger.startswith(word.split()[0]):
            return m.date
    raise AssertionError(f"no mention for {word!r} in {text!r}")


@pytest.mark.parametrize("cue", CUES, ids=lambda c: c.example)
def test_direction_cue_rows(nlp, cue):
    assert _date_of(nlp, cue.example) == dt.date.fromisoformat(cue.date)
    assert _date_of(nlp, cue.counter) == dt.date.fromisoformat(cue.counter_date)


def test_a_bare_month_in_a_clause_about_the_future_is_the_coming_one(nlp):
    marked = "Mara Quill will [visit] Port Velden in July."
    assert _date_of(nlp, marked) == dt.date(2017, 7, 1)
    assert _date_of(nlp, "Mara Quill [visited] Port Velden in July.") == dt.date(2016, 7, 1)


def test_a_holiday_dates_its_clause(nlp):
    marked = "Police in Port Velden [arrested] Tom Arden on Christmas Eve."
    assert _date_of(nlp, marked) == dt.date(2015, 12, 24)


def test_a_weekday_and_part_of_day_tagged_time_dates_the_clause(nlp):
    # spaCy: "Tuesday" DATE, a compound of "night" TIME, which hangs on the verb
    marked = "Mara Quill [suspended] her campaign for mayor of Port Velden Tuesday night."
    assert _date_of(nlp, marked) == dt.date(2016, 10, 18)


def test_last_night_dates_the_clause(nlp):
    marked = "Police in Port Velden [arrested] Tom Arden last night."
    assert _date_of(nlp, marked) == dt.date(2016, 10, 23)


def test_a_clock_time_gives_no_date_and_hides_none(nlp):
    marked = "Police in Port Velden [arrested] Tom Arden at 9 p.m. on Saturday."
    assert _date_of(nlp, marked) == dt.date(2016, 10, 22)
    assert _date_of(nlp, "Police in Port Velden [arrested] Tom Arden at 9 p.m.") is None


def test_a_day_earlier_is_the_day_before_the_one_the_text_gave(nlp):
    text = ("Police in Port Velden arrested Tom Arden on Saturday. A day earlier, six "
            "protesters were [arrested] outside the Venter Corp offices.")
    assert _date_of(nlp, text) == dt.date(2016, 10, 21)


def test_a_day_earlier_with_no_day_before_it_is_no_date(nlp):
    text = "A day earlier, six protesters were [arrested] outside the Venter Corp offices."
    assert _date_of(nlp, text) is None


@pytest.mark.parametrize("cue", CLAUSE_CUES, ids=lambda c: c.example)
def test_clause_cue_rows(nlp, cue):
    assert _date_of(nlp, cue.example) == dt.date.fromisoformat(cue.date)
    assert _date_of(nlp, cue.counter) is None


@pytest.mark.parametrize(
    ("marked", "expected", "precision"),
    [
        ("Police in Port Velden [arrested] Tom Arden on Saturday.", "2016-10-22", "day"),
        ("Police in Port Velden [arrested] Tom Arden yesterday.", "2016-10-23", "day"),
        ("Police in Port Velden [arrested] Tom Arden last week.", "2016-10-17", "week"),
        ("Police in Port Velden [arrested] Tom Arden four years ago.", "2012-01-01", "year"),
        ("Police in Port Velden [arrested] Tom Arden in February.", "2016-02-01", "month"),
        ("Police in Port Velden [arrested] Tom Arden in the fall of 2015.", "2015-01-01",
         "year"),
        ("Police in Port Velden [arrested] Tom Arden over the weekend.", "2016-10-17", "week"),
        ("Venter Corp [fired] Tom Arden on Christmas Day 2014.", "2014-12-25", "day"),
    ],
)
def test_the_issues_forms_in_a_parsed_clause(nlp, marked, expected, precision):
    at = marked.index("[")
    text = marked.replace("[", "").replace("]", "")
    found = [m for m in extract_event_mentions(nlp(text), MONDAY) if m.trigger_start == at]
    assert found, text
    assert (found[0].date, found[0].date_precision) == (dt.date.fromisoformat(expected),
                                                        precision)


def test_an_event_noun_takes_the_future_of_the_verb_it_is_the_object_of(nlp):
    marked = "Mara Quill will attend Saturday's [meeting] with Tom Arden in Port Velden."
    assert _date_of(nlp, marked) == dt.date(2016, 10, 29)
    marked = "Mara Quill attended Saturday's [meeting] with Tom Arden in Port Velden."
    assert _date_of(nlp, marked) == dt.date(2016, 10, 22)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Mara Quill left Venter Corp in March 2012. A month later, she [visited] Port Velden.",
         "2012-04-01", "month"),
        ("Mara Quill left Venter Corp in March 2012. Tom Arden [visited] Port Velden that year.",
         "2012-01-01", "year"),
        ("Mara Quill left Venter Corp on Saturday. The following week, police [arrested] "
         "Tom Arden.", "2016-10-24", "week"),
        # a year is too coarse for "that month": passed over for the day before it
        ("Police arrested Mara Quill on Oct. 3. Venter Corp had hired her in 2012. Tom Arden "
         "[visited] Port Velden that month.", "2016-10-01", "month"),
    ],
)
def test_a_period_named_from_the_time_the_text_gave_before(nlp, text, expected, precision):
    at = text.index("[")
    found = [m for m in extract_event_mentions(nlp(text.replace("[", "").replace("]", "")),
                                               MONDAY) if m.trigger_start == at]
    assert found, text
    assert (found[0].date, found[0].date_precision) == (dt.date.fromisoformat(expected),
                                                        precision)


def test_an_announced_act_to_come_is_not_dated_by_its_announcement(nlp):
    marked = "Mara Quill announced on Saturday that she will [resign] from Venter Corp."
    assert _date_of(nlp, marked) is None
