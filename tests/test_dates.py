"""Tests for pipeline.dates.resolve_date (relative forms against an anchor, absolute forms)."""

import datetime as dt

import pytest

from pipeline.dates import anaphoric_day, date_in_name, resolve_date

WED = dt.date(2023, 9, 13)  # a Wednesday


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Wednesday", (dt.date(2023, 9, 13), "day")),
        ("on Wednesday", (dt.date(2023, 9, 13), "day")),
        ("on Tuesday", (dt.date(2023, 9, 12), "day")),
        ("early on Tuesday", (dt.date(2023, 9, 12), "day")),
        ("Thursday", (dt.date(2023, 9, 7), "day")),
        ("last Wednesday", (dt.date(2023, 9, 6), "day")),
        ("next Friday", (dt.date(2023, 9, 15), "day")),
        ("Wednesday (Sept 13)", (dt.date(2023, 9, 13), "day")),
        ("yesterday", (dt.date(2023, 9, 12), "day")),
        ("last week", (dt.date(2023, 9, 4), "week")),
        ("this week", (dt.date(2023, 9, 11), "week")),
        ("last month", (dt.date(2023, 8, 1), "month")),
        ("last year", (dt.date(2022, 1, 1), "year")),
        ("two days ago", (dt.date(2023, 9, 11), "day")),
        ("Sept. 13", (dt.date(2023, 9, 13), "day")),
        ("13 September", (dt.date(2023, 9, 13), "day")),
        ("in January", (dt.date(2023, 1, 1), "month")),
        ("in November", (dt.date(2022, 11, 1), "month")),
    ],
)
def test_relative_forms_resolve_against_anchor(expression, expected):
    assert resolve_date(expression, WED) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("September 13, 2023", (dt.date(2023, 9, 13), "day")),
        ("13 Sep 2023", (dt.date(2023, 9, 13), "day")),
        ("2023-09-13", (dt.date(2023, 9, 13), "day")),
        ("in January 2021", (dt.date(2021, 1, 1), "month")),
        ("January 2021", (dt.date(2021, 1, 1), "month")),
        ("in 2016", (dt.date(2016, 1, 1), "year")),
        ("2016", (dt.date(2016, 1, 1), "year")),
    ],
)
def test_absolute_forms_need_no_anchor(expression, expected):
    assert resolve_date(expression, None) == expected
    assert resolve_date(expression, WED) == expected


@pytest.mark.parametrize(
    "expression",
    ["Wednesday", "on Tuesday", "last week", "yesterday", "Sept. 13", "in January", "today"],
)
def test_relative_forms_without_anchor_are_unresolved(expression):
    assert resolve_date(expression, None) == (None, None)


@pytest.mark.parametrize(
    "expression",
    ["18 months", "the past four months", "2018 and 2019", "the 1990s", "75 years", "", "soon",
     "February 30, 2023"],
)
def test_durations_ranges_and_junk_are_unresolved(expression):
    assert resolve_date(expression, WED) == (None, None)


def test_weekday_on_anchor_day_is_the_anchor_itself():
    monday = dt.date(2024, 1, 1)
    assert resolve_date("Monday", monday) == (monday, "day")
    assert resolve_date("Sunday", monday) == (dt.date(2023, 12, 31), "day")


def test_a_weekday_is_the_last_one_on_or_before_the_published_date():
    monday = dt.date(2016, 10, 24)
    assert resolve_date("on Saturday", monday) == (dt.date(2016, 10, 22), "day")
    assert resolve_date("Sunday", monday) == (dt.date(2016, 10, 23), "day")
    assert resolve_date("on Monday", monday) == (monday, "day")


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("in the fall of 2015", None, (dt.date(2015, 1, 1), "year")),
        ("summer 2016", None, (dt.date(2016, 1, 1), "year")),
        ("last summer", dt.date(2016, 10, 24), (dt.date(2016, 1, 1), "year")),
        ("last fall", dt.date(2016, 10, 24), (dt.date(2015, 1, 1), "year")),
        ("this spring", dt.date(2016, 2, 1), (dt.date(2015, 1, 1), "year")),
        ("next spring", dt.date(2016, 10, 24), (dt.date(2017, 1, 1), "year")),
        ("last summer", None, (None, None)),
    ],
)
def test_a_season_is_its_year(expression, anchor, expected):
    assert resolve_date(expression, anchor) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("harbour-times_2016-10-24_council-votes.txt", dt.date(2016, 10, 24)),
        ("archive/harbour-times_2016-10-24_council-votes.txt", dt.date(2016, 10, 24)),
        ("2016-10-24.html", dt.date(2016, 10, 24)),
        ("notes_2016-10-24_and_2016-10-24.txt", dt.date(2016, 10, 24)),
        ("crawl-2016-10-24/council-votes.txt", None),  # a folder's date is the crawl's
        ("digest_2016-01-01_to_2016-02-01.txt", None),  # two dates: which one?
        ("harbour-times_2016-02-30_council.txt", None),  # no such day
        ("politics_229.txt", None),
        ("id-120161024-x.txt", None),  # digits run on: no date
    ],
)
def test_the_date_a_file_name_carries(path, expected):
    assert date_in_name(path) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("that day", (0, None)),
        ("Later that day", (0, None)),
        ("the same day", (0, None)),
        ("That same day in 2014", (0, 2014)),
        ("that night", (0, None)),
        ("the next day", (1, None)),
        ("the following day", (1, None)),
        ("the day before", (-1, None)),
        ("these days", None),
        ("one day", None),
        ("day after day", None),
        ("Saturday", None),
    ],
)
def test_anaphoric_days_and_their_offsets(expression, expected):
    assert anaphoric_day(expression) == expected
    if expected is not None:  # no point by itself: the caller gives the day referred to
        assert resolve_date(expression, dt.date(2016, 10, 24)) == (None, None)
