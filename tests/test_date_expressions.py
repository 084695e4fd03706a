"""Every row of pipeline/date_expressions.py: its example resolves as the row says, its
counter-example does not resolve by that row (no model needed: expressions only)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.date_expressions import (
    ANAPHORIC_FORMS,
    DEICTIC_DAYS,
    EXAMPLE_ANCHOR,
    HOLIDAYS,
)
from pipeline.dates import (
    _normalise,
    anaphoric_day,
    anaphoric_period,
    resolve_date,
    shift_period,
)


def _expected(text: str) -> tuple[dt.date, str]:
    day, precision = text.split("/")
    return dt.date.fromisoformat(day), precision


def _whole(pattern: str, expression: str) -> bool:
    return re.fullmatch(f"(?:{pattern})", _normalise(expression)) is not None


@pytest.mark.parametrize("row", DEICTIC_DAYS, ids=lambda r: r.example)
def test_deictic_day_rows(row):
    assert resolve_date(row.example, EXAMPLE_ANCHOR) == _expected(row.expected)
    assert resolve_date(row.example, None) == (None, None)  # no publication date: no day
    got = resolve_date(row.counter, EXAMPLE_ANCHOR)
    assert got != (EXAMPLE_ANCHOR + dt.timedelta(days=row.offset), "day")


@pytest.mark.parametrize("row", ANAPHORIC_FORMS, ids=lambda r: r.example)
def test_anaphoric_rows(row):
    assert anaphoric_period(row.example) == (row.precision, row.expected, None)
    if row.precision == "day":
        assert anaphoric_day(row.example) == (row.expected, None)
    else:
        assert anaphoric_day(row.example) is None  # no day offset: a coarser period
    # no point by itself: the caller gives the time referred to
    assert resolve_date(row.example, EXAMPLE_ANCHOR) == (None, None)
    assert not _whole(row.pattern, row.counter)  # not this row's (maybe another row's)


@pytest.mark.parametrize("expression", ["next week", "last month", "this year", "two years ago",
                                        "these days", "days earlier", "months later"])
def test_deictic_and_vague_forms_are_not_anaphoric(expression):
    assert anaphoric_period(expression) is None


@pytest.mark.parametrize(
    ("day", "precision", "offset", "expected"),
    [
        (dt.date(2012, 2, 26), "day", -1, dt.date(2012, 2, 25)),
        (dt.date(2012, 2, 26), "week", 1, dt.date(2012, 2, 27)),  # a Sunday: next Monday
        (dt.date(2012, 2, 26), "month", 1, dt.date(2012, 3, 1)),
        (dt.date(2012, 12, 26), "month", 1, dt.date(2013, 1, 1)),
        (dt.date(2012, 2, 26), "year", -2, dt.date(2010, 1, 1)),
    ],
)
def test_shift_period(day, precision, offset, expected):
    assert shift_period(day, precision, offset) == expected


@pytest.mark.parametrize("row", HOLIDAYS, ids=lambda r: r.example)
def test_holiday_rows(row):
    assert resolve_date(row.example, EXAMPLE_ANCHOR) == _expected(row.expected)
    assert not _whole(row.pattern, row.counter)
    assert resolve_date(row.counter, EXAMPLE_ANCHOR)[1] != "day"


@pytest.mark.parametrize("row", [r for r in HOLIDAYS if r.pattern.startswith("christmas")
                                 or r.rule], ids=lambda r: r.example)
def test_a_holiday_in_a_clause_about_the_future_is_the_next_one(row):
    day, _ = resolve_date(row.example, EXAMPLE_ANCHOR, "future")
    if re.search(r"\d{4}", row.example):
        assert day == _expected(row.expected)[0]  # a year given holds whatever the tense
    else:
        assert day >= EXAMPLE_ANCHOR
        assert (day - EXAMPLE_ANCHOR).days < 366


@pytest.mark.parametrize(
    ("expression", "direction", "expected"),
    [
        ("on Saturday", None, "2016-10-22/day"),  # the example: Monday 2016-10-24
        ("on Saturday", "past", "2016-10-22/day"),
        ("on Saturday", "future", "2016-10-29/day"),
        ("Monday", "future", "2016-10-24/day"),
        ("last Saturday", "future", "2016-10-22/day"),  # "last" decides, not the tense
        ("in July", None, "2016-07-01/month"),
        ("in July", "future", "2017-07-01/month"),
        ("in November", "future", "2016-11-01/month"),
        ("in November", None, "2015-11-01/month"),
        ("this summer", "future", "2017-01-01/year"),
        ("in the fall", "future", "2016-01-01/year"),
        ("Dec. 30", "past", "2015-12-30/day"),
        ("Oct. 22", "past", "2016-10-22/day"),
        ("Oct. 22", "future", "2017-10-22/day"),
        ("Nov. 8", "future", "2016-11-08/day"),
        ("Nov. 8", None, "2016-11-08/day"),
        ("March of 2016", None, "2016-03-01/month"),
    ],
)
def test_the_tense_of_the_clause_sets_which_way_a_bare_name_points(expression, direction,
                                                                   expected):
    assert resolve_date(expression, EXAMPLE_ANCHOR, direction) == _expected(expected)


@pytest.mark.parametrize("expression", ["four years ago", "last week", "yesterday",
                                        "Sept. 13, 2015", "in 2012"])
def test_a_tense_does_not_move_an_expression_that_says_its_own_direction(expression):
    assert resolve_date(expression, EXAMPLE_ANCHOR, "future") == resolve_date(
        expression, EXAMPLE_ANCHOR)


@pytest.mark.parametrize(
    ("expression", "anchor", "direction", "expected"),
    [
        # a weekend is the week it ends in (precision "week", that week's Monday)
        ("over the weekend", EXAMPLE_ANCHOR, None, "2016-10-17/week"),  # Monday: the one gone
        ("at the weekend", dt.date(2016, 10, 23), None, "2016-10-17/week"),  # Sunday: this one
        ("the weekend", EXAMPLE_ANCHOR, "future", "2016-10-24/week"),  # the coming one
        ("this weekend", EXAMPLE_ANCHOR, None, "2016-10-24/week"),
        ("this weekend", dt.date(2016, 10, 22), None, "2016-10-17/week"),  # Saturday
        ("last weekend", EXAMPLE_ANCHOR, None, "2016-10-17/week"),
        ("last weekend", dt.date(2016, 10, 23), None, "2016-10-10/week"),  # not the current
        ("this past weekend", EXAMPLE_ANCHOR, None, "2016-10-17/week"),
        ("this past Sunday", EXAMPLE_ANCHOR, None, "2016-10-23/day"),
    ],
)
def test_weekends(expression, anchor, direction, expected):
    assert resolve_date(expression, anchor, direction) == _expected(expected)


@pytest.mark.parametrize("expression", ["every weekend", "weekends", "a long weekend"])
def test_weekends_that_are_no_point_in_time(expression):
    assert resolve_date(expression, EXAMPLE_ANCHOR) == (None, None)
