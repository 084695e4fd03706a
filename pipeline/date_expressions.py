"""The temporal expressions :mod:`pipeline.dates` reads by table: one row per form, with an
example it resolves and a counter-example it must leave alone (``tests/test_date_expressions.py``
checks both for every row).

Each ``pattern`` is matched against the whole expression after :func:`pipeline.dates._normalise`
(lower case, punctuation and a possessive "'s" dropped). Rows are data: adding a form is adding a
row here, with its example and counter-example.

* :data:`DEICTIC_DAYS`: a day named from the publication date ("yesterday": one day before it).
* :data:`ANAPHORIC_FORMS`: a time named from the one the text gave before ("a day earlier", "two
  days later", "the same day", "that year", "a month later", "the following week"); the
  offset is ``sign * n * unit`` units of the row's ``precision`` (days for "day"), ``n`` the
  pattern's ``n`` group (a number word or digits; 1 without it) and ``sign`` from its ``dir``
  group.
* :data:`HOLIDAYS`: a named day of the year ("Christmas", "Thanksgiving"), a fixed month and
  day or a rule; with a year ("Christmas 2015") it is that year's, without one the most recent
  on or before the publication date (the next on or after it in a clause about the future).

Example anchor of every row: Monday 2016-10-24 (:data:`EXAMPLE_ANCHOR`). Examples give the
expected result as ``"YYYY-MM-DD/precision"``; an anaphoric row's example is the offset in days.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

#: The publication date every row's example is resolved against (a Monday).
EXAMPLE_ANCHOR = datetime.date(2016, 10, 24)

_PART = r"(?: (?:morning|afternoon|evening|night))?"


class DeicticDay(NamedTuple):
    """A day a fixed number of days from the publication date."""

    pattern: str
    offset: int
    example: str
    expected: str
    counter: str


DEICTIC_DAYS: tuple[DeicticDay, ...] = (
    DeicticDay(r"(?:earlier |later )?today" + _PART + r"|tonight|this (?:morning|afternoon|evening)"
               r"|now", 0,
               "this morning", "2016-10-24/day", "this week"),
    DeicticDay(r"yesterday" + _PART + r"|last night|late yesterday|early yesterday", -1,
               "last night", "2016-10-23/day", "last year"),
    DeicticDay(r"the day before yesterday", -2,
               "the day before yesterday", "2016-10-22/day", "the day before"),
    DeicticDay(r"tomorrow" + _PART, 1,
               "tomorrow morning", "2016-10-25/day", "tomorrow's world leaders"),
    DeicticDay(r"the day after tomorrow", 2,
               "the day after tomorrow", "2016-10-26/day", "the day after"),
)

_N = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"


class AnaphoricForm(NamedTuple):
    """A time ``sign * n * unit`` units of ``precision`` (days, weeks, months or years) from
    the time the text named before."""

    pattern: str
    unit: int
    example: str
    expected: int
    counter: str
    precision: str = "day"


#: Signs of the ``dir`` group of :data:`ANAPHORIC_FORMS`.
DIRECTIONS = {"earlier": -1, "before": -1, "previously": -1, "prior": -1,
              "later": 1, "after": 1, "afterwards": 1, "on": 1}

ANAPHORIC_FORMS: tuple[AnaphoricForm, ...] = (
    AnaphoricForm(r"(?:(?:later|earlier|early|late) )?(?:on )?(?:that|the same|that same|"
                  r"that very) (?:day|night|morning|afternoon|evening)", 0,
                  "later that day", 0, "these days"),
    AnaphoricForm(r"(?:later|earlier) (?:in|on) the (?:day|morning|afternoon|evening)", 0,
                  "earlier in the day", 0, "earlier in the year"),
    AnaphoricForm(r"(?:on )?the (?:next|following) (?:day|morning|afternoon|evening|night)"
                  r"|(?:on )?the day after", 1,
                  "the next morning", 1, "the next few days"),
    AnaphoricForm(r"(?:on )?the (?:previous|preceding) (?:day|night|evening)"
                  r"|(?:on )?the day before", -1,
                  "the previous day", -1, "the previous year"),
    AnaphoricForm(_N + r" days? (?P<dir>earlier|later|before|after)", 1,
                  "a day earlier", -1, "days earlier"),
    AnaphoricForm(_N + r" weeks? (?P<dir>earlier|later|before|after)", 7,
                  "two weeks later", 14, "weeks later"),
    # weeks, months and years: the period of the time referred to, moved; "next week", "last
    # month" without "the" are the publication date's (pipeline.dates)
    AnaphoricForm(r"(?:that|the same|that same) week", 0,
                  "that same week", 0, "this week", "week"),
    AnaphoricForm(r"the (?:following|next) week|the week after", 1,
                  "the following week", 1, "next week", "week"),
    AnaphoricForm(r"the (?:previous|preceding|prior) week|the week before", -1,
                  "the previous week", -1, "last week", "week"),
    AnaphoricForm(r"(?:that|the same|that same) month", 0,
                  "that month", 0, "this month", "month"),
    AnaphoricForm(r"the (?:following|next) month|the month after", 1,
                  "the next month", 1, "next month", "month"),
    AnaphoricForm(r"the (?:previous|preceding|prior) month|the month before", -1,
                  "the previous month", -1, "last month", "month"),
    AnaphoricForm(_N + r" months? (?P<dir>earlier|later|before|after)", 1,
                  "a month later", 1, "months later", "month"),
    AnaphoricForm(r"(?:that|the same|that same) year", 0,
                  "that year", 0, "this year", "year"),
    AnaphoricForm(r"the (?:following|next) year|the year after", 1,
                  "the following year", 1, "next year", "year"),
    AnaphoricForm(r"the (?:previous|preceding|prior) year|the year before", -1,
                  "the year before", -1, "last year", "year"),
    AnaphoricForm(_N + r" years? (?P<dir>earlier|later|before|after)", 1,
                  "two years earlier", -2, "two years ago", "year"),
)


class Holiday(NamedTuple):
    """A named day: ``month``/``day``, or ``rule`` ("4th thu nov", "last mon may")."""

    pattern: str
    month: int
    day: int
    rule: str
    example: str
    expected: str
    counter: str


HOLIDAYS: tuple[Holiday, ...] = (
    Holiday(r"christmas(?: day)?|xmas", 12, 25, "",
            "on Christmas Day", "2015-12-25/day", "the Christmas season"),
    Holiday(r"christmas eve", 12, 24, "",
            "Christmas Eve", "2015-12-24/day", "Christmas week"),
    Holiday(r"boxing day", 12, 26, "",
            "Boxing Day 2014", "2014-12-26/day", "boxing match"),
    Holiday(r"new year day|new years day", 1, 1, "",
            "on New Year's Day", "2016-01-01/day", "the new year"),
    Holiday(r"new year eve|new years eve", 12, 31, "",
            "New Year's Eve", "2015-12-31/day", "New Year's resolutions"),
    Holiday(r"valentine day", 2, 14, "",
            "Valentine's Day", "2016-02-14/day", "Valentine's cards"),
    Holiday(r"independence day|the fourth of july|fourth of july", 7, 4, "",
            "the Fourth of July", "2016-07-04/day", "the fourth of five"),
    Holiday(r"halloween", 10, 31, "",
            "Halloween", "2015-10-31/day", "Halloween costumes"),
    Holiday(r"veterans day|armistice day", 11, 11, "",
            "Veterans Day", "2015-11-11/day", "veterans"),
    Holiday(r"bastille day", 7, 14, "",
            "Bastille Day", "2016-07-14/day", "the Bastille"),
    Holiday(r"thanksgiving(?: day)?", 0, 0, "4th thu nov",
            "Thanksgiving", "2015-11-26/day", "thanksgiving prayers"),
    Holiday(r"memorial day", 0, 0, "last mon may",
            "Memorial Day", "2016-05-30/day", "a memorial"),
    Holiday(r"labor day|labour day", 0, 0, "1st mon sep",
            "Labor Day", "2016-09-05/day", "Labor Party"),
    Holiday(r"martin luther king day|martin luther king jr day|mlk day", 0, 0, "3rd mon jan",
            "Martin Luther King Day", "2016-01-18/day", "Martin Luther King"),
    Holiday(r"easter(?: sunday)?", 0, 0, "easter",
            "Easter Sunday", "2016-03-27/day", "Eastern"),
    Holiday(r"good friday", 0, 0, "easter-2",
            "Good Friday", "2016-03-25/day", "a good Friday"),
)

__all__ = ["ANAPHORIC_FORMS", "DEICTIC_DAYS", "DIRECTIONS", "EXAMPLE_ANCHOR", "HOLIDAYS",
           "AnaphoricForm", "DeicticDay", "Holiday"]
