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
  "today"/"tonight"/"this morning", "yesterday", "tomorrow"; "last/this/next week|month|year";
  "N days/weeks/months/years ago"; a bare month name ("in January") is its most recent
  occurrence on or before the anchor's month.
* A season ("in the fall of 2015", "summer 2016", "last summer") is its year, precision
  ``"year"`` (no finer precision holds three months); without a year it needs the anchor.
* A day named by reference to one given before ("that day", "the same day", "later that
  day", "the next day") is no point by itself: ``(None, None)`` here; :func:`anaphoric_day`
  gives its offset, and the caller the day it refers to.
* Durations, ranges and vague spans ("18 months", "the past four months", "2018 and 2019",
  "the 1990s", "recent years") are not points in time: ``(None, None)``.

``date_in_name(path)`` is the ISO date a source's file name carries ("outlet_2016-10-24_slug.txt"),
the anchor of an article whose page states no date (cleaning takes it as the published date).
"""

from __future__ import annotations

import datetime
import re

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
    "on", "in", "at", "by", "of", "the", "early", "earlier", "late", "later", "mid", "around",
    "about", "during", "since", "from", "until", "till", "before", "after", "as", "recently",
    "morning", "afternoon", "evening", "night", "overnight", "day", "just", "only", "same",
    "start", "end", "beginning", "middle",
}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "overnight"}

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_RE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_RE_MDY = re.compile(rf"^({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?$")
_RE_DMY = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})\.?(?:,? (\d{{4}}))?$")
_RE_MY = re.compile(rf"^({_MONTH_RE})\.?,? (\d{{4}})$")
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


def _absolute(text: str, anchor: datetime.date | None) -> Result | None:
    """Absolute forms; None when the text is not one of them."""
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
    if year is None:
        if anchor is None:
            return _NONE
        y = anchor.year
    else:
        y = int(year)
    d = _safe_date(y, month, day)
    return (d, "day") if d else _NONE


def _named_day(text: str, anchor: datetime.date) -> Result | None:
    if text in {"today", "tonight", "this morning", "this afternoon", "this evening", "now"}:
        return anchor, "day"
    if text in {"yesterday", "last night", "yesterday morning", "yesterday afternoon",
                "yesterday evening", "yesterday night"}:
        return anchor - datetime.timedelta(days=1), "day"
    if text in {"tomorrow", "tomorrow morning", "tomorrow night", "tomorrow evening"}:
        return anchor + datetime.timedelta(days=1), "day"
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


def _this_last_next(text: str, anchor: datetime.date) -> Result | None:
    """"last/this/next week|weekend|month|year"."""
    if not (m := _RE_REL.match(text)):
        return None
    delta = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m[1]]
    unit = m[2]
    if unit in {"week", "weekend"}:
        monday = _monday(anchor) + datetime.timedelta(weeks=delta)
        if unit == "weekend":
            return monday + datetime.timedelta(days=5), "week"
        return monday, "week"
    if unit == "month":
        y, mo = _month_shift(anchor.year, anchor.month, delta)
        return datetime.date(y, mo, 1), "month"
    return datetime.date(anchor.year + delta, 1, 1), "year"


def _weekday(text: str, anchor: datetime.date) -> Result | None:
    """A weekday: the most recent one on or before the anchor ("on Saturday" in an article of
    Monday 2016-10-24 is 2016-10-22); "last": strictly before; "next": strictly after."""
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
    return anchor - datetime.timedelta(days=back), "day"


def _month_name(text: str, anchor: datetime.date) -> Result | None:
    """A bare month ("in January"): its most recent occurrence; "last/this/next January"."""
    if m := _RE_M.match(text):
        month = _MONTHS[m[1]]
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return datetime.date(year, month, 1), "month"
    if m := re.match(rf"^(last|this|next) ({_MONTH_RE})$", text):
        month = _MONTHS[m[2]]
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m[1]]
        if m[1] == "last" and month < anchor.month:
            year = anchor.year
        return datetime.date(year, month, 1), "month"
    return None


def _season(text: str, anchor: datetime.date | None) -> Result | None:
    """A season ("in the fall of 2015", "summer 2016", "last summer"): three months that no
    precision below a year holds, so its year, precision "year". Without a year it is the
    anchor's most recent such season ("last": the one before the current; "next": to come)."""
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
    else:
        year = anchor.year if start <= anchor.month else anchor.year - 1
    return datetime.date(year, 1, 1), "year"


_RELATIVE_FORMS = (_named_day, _ago, _this_last_next, _weekday, _month_name)


def _relative(text: str, anchor: datetime.date) -> Result | None:
    for form in _RELATIVE_FORMS:
        found = form(text, anchor)
        if found is not None:
            return found
    return None


def resolve_date(expression: str, anchor: datetime.date | None) -> Result:
    """A temporal expression -> (date, precision); see the module docstring for the rules."""
    if not expression or not expression.strip():
        return _NONE
    text = _normalise(expression)
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
    absolute = _absolute(core, anchor)
    if absolute is not None:
        return absolute
    season = _season(core, anchor)
    if season is not None:
        return season
    if anchor is None:
        return _NONE
    try:
        relative = _relative(core, anchor)
    except (ValueError, OverflowError):  # "3000 years ago": before year 1, not a date
        return _NONE
    if relative is not None:
        return relative
    # A relative phrase with a trailing qualifier ("last week's", "Tuesday's meeting" are
    # already trimmed); anything else is a duration or unreadable.
    return _NONE


#: Days named by reference to a day the article gave before ("later that day": that day), with
#: the offset in days from it. Each pattern is matched against the whole normalised
#: expression, a year ("that same day in 2014") or a part of the day allowed after it.
#: Example: "Later that day, police arrested him" (the day of the sentence before);
#: counter-example: "these days", "one day", "every day", "day after day" (no reference).
ANAPHORIC_DAYS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^(?:(?:later|earlier|early|late) )?(?:on )?(?:that|the same|that same|"
                r"that very) (?:day|night|morning|afternoon|evening)$"), 0),
    (re.compile(r"^(?:on )?the (?:next|following) (?:day|morning|afternoon|evening|night)$"
                r"|^(?:on )?the day after$"), 1),
    (re.compile(r"^(?:on )?the (?:previous|preceding) (?:day|night|evening)$"
                r"|^(?:on )?the day before$"), -1),
)
_RE_TRAILING_YEAR = re.compile(r"^(.*?)(?: in)? ((?:1[5-9]|2[01])\d\d)$")


def anaphoric_day(expression: str) -> tuple[int, int | None] | None:
    """(offset in days, year or None) of an expression naming a day by reference to one the
    text gave before ("that day", "the same day", "later that day", "the next day", "that
    same day in 2014"), else None; see :data:`ANAPHORIC_DAYS`. The caller supplies the day
    referred to: the last one the article dated before the expression."""
    text = _normalise(expression)
    year = None
    if m := _RE_TRAILING_YEAR.match(text):
        text, year = m[1], int(m[2])
    for pattern, offset in ANAPHORIC_DAYS:
        if pattern.match(text):
            return offset, year
    return None


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


__all__ = ["anaphoric_day", "date_in_name", "resolve_date"]
