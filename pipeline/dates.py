"""Resolve a temporal expression (as spaCy's DATE entity gives it) to a calendar date.

``resolve_date(expression, anchor)`` returns ``(date, precision)``, precision one of
``"day"``, ``"week"`` (the date is that week's Monday), ``"month"`` (the 1st) or ``"year"``
(1 January); ``(None, None)`` when the expression is not a point in time or cannot be read.

Rules (no guessing):

* Absolute forms resolve without an anchor: "September 13, 2023", "13 Sep 2023", "2023-09-13",
  "January 2021", "in 2016".
* A day and month without a year ("Sept. 13", "13 September") takes the anchor's year; with no
  anchor it is unresolved.
* Relative forms need the anchor (the article's published date); with no anchor they give
  ``(None, None)``:
  a weekday ("Wednesday", "on Tuesday", "early on Tuesday") is the most recent such day on or
  before the anchor ("last Tuesday": strictly before; "next Tuesday": strictly after);
  "today"/"tonight"/"this morning", "yesterday", "last night", "tomorrow" (the table
  :data:`pipeline.date_expressions.DEICTIC_DAYS`); "last/this/next week|month|year";
  "N days/weeks/months/years ago"; a bare month name ("in January") is its most recent
  occurrence on or before the anchor's month; a holiday ("Christmas Eve", "Thanksgiving":
  :data:`pipeline.date_expressions.HOLIDAYS`) its most recent occurrence, or that of the year
  given ("Christmas 2015").
* The clause's tense, when the caller knows it (``direction``), turns the bare names around:
  in a clause about the future ("will meet on Saturday", "will arrive in July") a weekday,
  month, season or holiday is the next one on or after the anchor; a day and month without a
  year is the year before in a past clause when it is still to come ("was arrested on Dec.
  30" in January), the year after in a future one when it has gone.
* A season ("in the fall of 2015", "summer 2016", "last summer") is its year, precision
  ``"year"`` (no finer precision holds three months); without a year it needs the anchor.
* A day named by reference to one given before ("that day", "the same day", "later that
  day", "the next day", "a day earlier", "two weeks later") is no point by itself:
  ``(None, None)`` here; :func:`anaphoric_day` gives its offset
  (:data:`pipeline.date_expressions.ANAPHORIC_FORMS`), and the caller the day it refers to.
* Durations, ranges and vague spans ("18 months", "the past four months", "2018 and 2019",
  "the 1990s", "recent years") are not points in time: ``(None, None)``.

``date_in_name(path)`` is the ISO date a source's file name carries ("outlet_2016-10-24_slug.txt"),
the anchor of an article whose page states no date (cleaning takes it as the published date).
"""

from __future__ import annotations

import datetime
import re
from functools import cache

from pipeline.date_expressions import (
    ANAPHORIC_FORMS,
    DEICTIC_DAYS,
    DIRECTIONS,
    HOLIDAYS,
    Holiday,
)

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# Words that qualify a point in time without moving it ("early on Tuesday", "on Wednesday").
_FILLER = {
    "on", "in", "at", "by", "of", "over", "the", "early", "earlier", "late", "later", "mid",
    "around",
    "about", "during", "since", "from", "until", "till", "before", "after", "as", "recently",
    "morning", "afternoon", "evening", "night", "overnight", "day", "just", "only", "same",
    "start", "end", "beginning", "middle",
}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "overnight"}

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_RE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_RE_MDY = re.compile(rf"^({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?$")
_RE_DMY = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})\.?(?:,? (\d{{4}}))?$")
_RE_MY = re.compile(rf"^({_MONTH_RE})\.?,?(?: of)? (\d{{4}})$")
_RE_M = re.compile(rf"^({_MONTH_RE})\.?$")
_RE_Y = re.compile(r"^(1[5-9]\d\d|2[01]\d\d)$")
_RE_AGO = re.compile(r"^(\d+|[a-z]+) (day|week|month|year)s? ago$")
_RE_REL = re.compile(r"^(last|this|next|past|previous|coming) (week|month|year|weekend)$")
_RE_WEEKDAY = re.compile(r"^(?:(last|this|next|past) )?([a-z]+)$")
# Month a season starts in (northern hemisphere, as the news the pipeline reads).
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_RE_SEASON = re.compile(r"^(?:(last|this|next|past) )?(spring|summer|fall|autumn|winter)"
                        r"(?: of)?(?: (\d{4}))?$")

Result = tuple[datetime.date | None, str | None]
_NONE: Result = (None, None)


def _normalise(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"[()\[\],;:!?\"]", " ", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b(mid|early|late)-", r"\1 ", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    return text


def _strip_filler(text: str) -> str:
    words = text.split()
    while words and words[0] in _FILLER:
        words.pop(0)
    while words and words[-1] in _FILLER:
        words.pop()
    return " ".join(words)


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _absolute(text: str, anchor: datetime.date | None, direction: str | None = None
              ) -> Result | None:
    """Absolute forms; None when the text is not one of them. A day and month without a year
    take the anchor's, the year before in a clause about the past when that day is still to
    come ("was arrested on Dec. 30" in an article of 3 January), the year after in one about
    the future when it has gone ("will meet on Jan. 5" in an article of 28 December)."""
    if m := _RE_ISO.match(text):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (d, "day") if d else _NONE
    if m := _RE_MDY.match(text):
        month, day, year = _MONTHS[m[1]], int(m[2]), m[3]
    elif m := _RE_DMY.match(text):
        day, month, year = int(m[1]), _MONTHS[m[2]], m[3]
    else:
        if m := _RE_MY.match(text):
            return datetime.date(int(m[2]), _MONTHS[m[1]], 1), "month"
        if m := _RE_Y.match(text):
            return datetime.date(int(m[1]), 1, 1), "year"
        return None
    if year is not None:
        d = _safe_date(int(year), month, day)
        return (d, "day") if d else _NONE
    if anchor is None:
        return _NONE
    d = _safe_date(anchor.year, month, day)
    if d is not None and direction == "past" and d > anchor:
        d = _safe_date(anchor.year - 1, month, day)
    elif d is not None and direction == "future" and d < anchor:
        d = _safe_date(anchor.year + 1, month, day)
    return (d, "day") if d else _NONE


@cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{source})$")


#: Words before a named day that do not move it ("on Christmas Day", "late last night").
_LEAD = {"on", "in", "at", "by", "during", "over", "since", "until", "of", "early", "late",
         "around", "about"}


def _leads_stripped(text: str) -> list[str]:
    """``text`` and the same without its leading :data:`_LEAD` words ("on christmas eve")."""
    words = text.split()
    out = [text]
    while words and words[0] in _LEAD:
        words.pop(0)
        out.append(" ".join(words))
    return out


def _deictic(text: str, anchor: datetime.date) -> Result | None:
    """A day counted from the publication date (:data:`DEICTIC_DAYS`: "yesterday", "last
    night", "this morning"), read before the parts of the day are stripped as filler."""
    for form in _leads_stripped(text):
        for row in DEICTIC_DAYS:
            if _pattern(row.pattern).match(form):
                return anchor + datetime.timedelta(days=row.offset), "day"
    return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date:
    """The ``nth`` (1-based; -1: the last) ``weekday`` of a month."""
    if nth > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    y, m = _month_shift(year, month, 1)
    last = datetime.date(y, m, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> datetime.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    x = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * x) // 451
    month, day = divmod(h + x - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1}


def _holiday_in(row: Holiday, year: int) -> datetime.date:
    """The day ``row`` names in ``year`` (its fixed month and day, or its rule)."""
    if not row.rule:
        return datetime.date(year, row.month, row.day)
    if row.rule.startswith("easter"):
        shift = int(row.rule[len("easter"):] or 0)
        return _easter(year) + datetime.timedelta(days=shift)
    nth, weekday, month = row.rule.split()
    return _nth_weekday(year, _MONTHS[month], _WEEKDAYS[weekday], _ORDINALS[nth])


_RE_HOLIDAY_YEAR = re.compile(r"^(.*?)(?: of| in)? ((?:1[5-9]|2[01])\d\d)$")


def _holiday(text: str, anchor: datetime.date | None, direction: str | None) -> Result | None:
    """A named day of the year (:data:`HOLIDAYS`): that of the year given, else the most recent
    on or before the anchor (the next on or after it for ``direction`` "future")."""
    year = None
    if m := _RE_HOLIDAY_YEAR.match(text):
        text, year = m[1], int(m[2])
    for form in _leads_stripped(text):
        form = form.removeprefix("the ") if not form.startswith("the fourth") else form
        for row in HOLIDAYS:
            if not _pattern(row.pattern).match(form):
                continue
            if year is not None:
                return _holiday_in(row, year), "day"
            if anchor is None:
                return _NONE
            day = _holiday_in(row, anchor.year)
            if direction == "future" and day < anchor:
                day = _holiday_in(row, anchor.year + 1)
            elif direction != "future" and day > anchor:
                day = _holiday_in(row, anchor.year - 1)
            return day, "day"
    return None


def _ago(text: str, anchor: datetime.date) -> Result | None:
    """"N days/weeks/months/years ago"."""
    if not (m := _RE_AGO.match(text)):
        return None
    n = int(m[1]) if m[1].isdigit() else _NUMBERS.get(m[1])
    if n is None:
        return _NONE
    unit = m[2]
    if unit == "day":
        return anchor - datetime.timedelta(days=n), "day"
    if unit == "week":
        return _monday(anchor - datetime.timedelta(weeks=n)), "week"
    if unit == "month":
        y, mo = _month_shift(anchor.year, anchor.month, -n)
        return datetime.date(y, mo, 1), "month"
    return datetime.date(anchor.year - n, 1, 1), "year"


def _weekend(anchor: datetime.date, direction: str | None, strictly_before: bool = False
             ) -> Result:
    """A weekend, as the week it ends (precision "week", the date that week's Monday, as every
    week): "over the weekend" is the last one begun on or before the anchor (the one under way
    on a Saturday or Sunday), the coming one in a clause about the future; "last weekend" on a
    Sunday is the one before."""
    monday = _monday(anchor)
    if anchor.weekday() < 5 and direction != "future":
        monday -= datetime.timedelta(weeks=1)  # a weekday: the weekend just gone
    if strictly_before and anchor.weekday() >= 5:
        monday -= datetime.timedelta(weeks=1)
    return monday, "week"


def _this_last_next(text: str, anchor: datetime.date) -> Result | None:
    """"last/this/next week|weekend|month|year"."""
    if not (m := _RE_REL.match(text)):
        return None
    delta = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m[1]]
    unit = m[2]
    if unit == "weekend" and m[1] in {"last", "past", "previous", "this"}:
        return _weekend(anchor, "future" if m[1] == "this" else None,
                        strictly_before=m[1] != "this")
    if unit in {"week", "weekend"}:
        return _monday(anchor) + datetime.timedelta(weeks=delta), "week"
    if unit == "month":
        y, mo = _month_shift(anchor.year, anchor.month, delta)
        return datetime.date(y, mo, 1), "month"
    return datetime.date(anchor.year + delta, 1, 1), "year"


def _weekday(text: str, anchor: datetime.date, direction: str | None = None) -> Result | None:
    """A weekday: the most recent one on or before the anchor ("on Saturday" in an article of
    Monday 2016-10-24 is 2016-10-22), the next on or after it in a clause about the future
    ("will meet on Saturday": 2016-10-29); "last": strictly before; "next": strictly after."""
    words = text.split()
    if words and words[-1] in _PARTS_OF_DAY and len(words) == 2 and words[0] in _WEEKDAYS:
        text = words[0]
    if not ((m := _RE_WEEKDAY.match(text)) and m[2] in _WEEKDAYS):
        return None
    target = _WEEKDAYS[m[2]]
    back = (anchor.weekday() - target) % 7
    if m[1] in {"last", "past"}:
        back = back or 7
    elif m[1] == "next":
        return anchor + datetime.timedelta(days=(target - anchor.weekday()) % 7 or 7), "day"
    elif direction == "future":
        return anchor + datetime.timedelta(days=(target - anchor.weekday()) % 7), "day"
    return anchor - datetime.timedelta(days=back), "day"


def _month_name(text: str, anchor: datetime.date, direction: str | None = None
                ) -> Result | None:
    """A bare month ("in January"): its most recent occurrence (the next, this one included,
    in a clause about the future: "will arrive in July"); "last/this/next January"."""
    if m := _RE_M.match(text):
        month = _MONTHS[m[1]]
        if direction == "future":
            year = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return datetime.date(year, month, 1), "month"
    if m := re.match(rf"^(last|this|next) ({_MONTH_RE})$", text):
        month = _MONTHS[m[2]]
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m[1]]
        if m[1] == "last" and month < anchor.month:
            year = anchor.year
        return datetime.date(year, month, 1), "month"
    return None


def _season(text: str, anchor: datetime.date | None, direction: str | None = None
            ) -> Result | None:
    """A season ("in the fall of 2015", "summer 2016", "last summer"): three months that no
    precision below a year holds, so its year, precision "year". Without a year it is the
    anchor's most recent such season ("last": the one before the current; "next": to come);
    in a clause about the future ("will push for it this summer") the one not yet over."""
    if not (m := _RE_SEASON.match(text)):
        return None
    if m[3]:
        return datetime.date(int(m[3]), 1, 1), "year"
    if anchor is None:
        return _NONE
    start = _SEASONS[m[2]]
    if m[1] in {"last", "past"}:
        year = anchor.year if start + 3 <= anchor.month else anchor.year - 1
    elif m[1] == "next":
        year = anchor.year if start > anchor.month else anchor.year + 1
    elif direction == "future":
        year = anchor.year if start + 2 >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if start <= anchor.month else anchor.year - 1
    return datetime.date(year, 1, 1), "year"


def _relative(text: str, anchor: datetime.date, direction: str | None) -> Result | None:
    text = re.sub(r"^this past ", "last ", text)  # "this past Sunday", "this past weekend"
    if text == "weekend":  # "over the weekend", "at the weekend"
        return _weekend(anchor, direction)
    for form in (_ago, _this_last_next):
        found = form(text, anchor)
        if found is not None:
            return found
    for directed in (_weekday, _month_name):
        found = directed(text, anchor, direction)
        if found is not None:
            return found
    return None


#: Directions :func:`resolve_date` takes: the tense of the clause the expression dates.
DIRECTIONS_OF_TIME = frozenset({"past", "future"})


def resolve_date(expression: str, anchor: datetime.date | None,
                 direction: str | None = None) -> Result:
    """A temporal expression -> (date, precision); see the module docstring for the rules.
    ``direction`` ("past", "future" or None) is the tense of the clause the expression dates:
    a bare weekday, month, season or holiday in a clause about the future is the next one
    ("Port Velden will vote on Saturday"), not the last."""
    if not expression or not expression.strip():
        return _NONE
    if direction not in DIRECTIONS_OF_TIME:
        direction = None
    text = _normalise(expression)
    if anchor is not None and (deictic := _deictic(text, anchor)) is not None:
        return deictic
    if anaphoric_period(expression) is not None:
        return _NONE  # "the following week", "that year": the caller's time referred to
    if re.search(r"\b(and|or|to|between)\b|\d{4}s\b|\d+-\d+\b", text) and not _RE_ISO.match(
        text
    ):
        return _NONE  # ranges and decades are not points in time
    core = _strip_filler(text)
    if not core:
        return _NONE
    words = core.split()
    if len(words) > 1 and words[0] in _WEEKDAYS:  # "Wednesday, September 13, 2023"
        rest = _strip_filler(" ".join(words[1:]))
        absolute = _absolute(rest, anchor)
        if absolute is not None and absolute[0] is not None:
            return absolute
    absolute = _absolute(core, anchor, direction)
    if absolute is not None:
        return absolute
    season = _season(core, anchor, direction)
    if season is not None:
        return season
    holiday = _holiday(text, anchor, direction) or _holiday(core, anchor, direction)
    if holiday is not None:
        return holiday
    if anchor is None:
        return _NONE
    try:
        relative = _relative(core, anchor, direction)
    except (ValueError, OverflowError):  # "3000 years ago": before year 1, not a date
        return _NONE
    if relative is not None:
        return relative
    # A relative phrase with a trailing qualifier ("last week's", "Tuesday's meeting" are
    # already trimmed); anything else is a duration or unreadable.
    return _NONE


_RE_TRAILING_YEAR = re.compile(r"^(.*?)(?: in)? ((?:1[5-9]|2[01])\d\d)$")


def anaphoric_period(expression: str) -> tuple[str, int, int | None] | None:
    """(precision, offset in units of it, year or None) of an expression naming a time by
    reference to one the text gave before ("that year": ("year", 0, None), "a month later":
    ("month", 1, None), "a day earlier": ("day", -1, None)), else None; see
    :data:`pipeline.date_expressions.ANAPHORIC_FORMS`."""
    text = _normalise(expression)
    year = None
    if m := _RE_TRAILING_YEAR.match(text):
        text, year = m[1], int(m[2])
    for row in ANAPHORIC_FORMS:
        if not (found := _pattern(row.pattern).match(text)):
            continue
        groups = found.groupdict()
        n = groups.get("n")
        count = 1 if n is None else int(n) if n.isdigit() else _NUMBERS[n]
        sign = DIRECTIONS[groups["dir"]] if groups.get("dir") else 1
        return row.precision, sign * count * row.unit, year
    return None


def shift_period(date: datetime.date, precision: str, offset: int) -> datetime.date:
    """The start of the period of ``precision`` ``offset`` periods from the one ``date`` lies
    in (a week starts on its Monday)."""
    if precision == "day":
        return date + datetime.timedelta(days=offset)
    if precision == "week":
        return _monday(date) + datetime.timedelta(weeks=offset)
    if precision == "month":
        y, mo = _month_shift(date.year, date.month, offset)
        return datetime.date(y, mo, 1)
    return datetime.date(date.year + offset, 1, 1)


def anaphoric_day(expression: str) -> tuple[int, int | None] | None:
    """(offset in days, year or None) of an expression naming a day by reference to one the
    text gave before ("that day", "the same day", "later that day", "the next day", "that
    same day in 2014", "a day earlier", "two weeks later"), else None; see
    :data:`pipeline.date_expressions.ANAPHORIC_FORMS`. The caller supplies the day
    referred to: the last one the article dated before the expression."""
    found = anaphoric_period(expression)
    if found is None or found[0] != "day":
        return None
    return found[1], found[2]


_RE_NAME_DATE = re.compile(r"(?<![0-9])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![0-9])")


def date_in_name(path: str) -> datetime.date | None:
    """The ISO date a source's file name carries, as archives name their articles
    ("outlet_2016-10-24_slug.txt"): the article's publication date when its text states none,
    so its weekdays and "last month" resolve. Only the name counts (a folder "2016-10-24/" may
    be a crawl's date), and a name with two different dates ("2016-01-01_to_2016-02-01") or an
    impossible one gives None."""
    name = re.split(r"[\\/]", path)[-1]
    found = {_safe_date(int(m[1]), int(m[2]), int(m[3])) for m in _RE_NAME_DATE.finditer(name)}
    return found.pop() if len(found) == 1 else None


__all__ = ["anaphoric_day", "anaphoric_period", "date_in_name", "resolve_date", "shift_period"]
