"""Event dates and modality (issue 16 items 5 and 6), on invented sentences and articles.

Dates: an article's published date comes from its page, else from its file name, so weekdays and
months in its events resolve ("on Saturday" in an article of Monday 2016-10-24 is 2016-10-22);
a date is the trigger's own clause's. Modality: demanded, requested, hypothetical and
counterfactual events are not asserted; a presupposed event noun is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest

from pipeline.analysis import ArticleInput, analyse_doc
from pipeline.cleaning import clean_record
from pipeline.events import extract_event_mentions, lexicon
from pipeline.events.modality import _modality
from pipeline.sources import RawRecord

MONDAY = dt.date(2016, 10, 24)

_BODY = (
    "Harbour Times reporters followed the council of Dunmore through a long week of votes.\n\n"
    "Senator Jane Morrow told the council that the budget would be balanced by the spring and "
    "that the new ferry service across the bay would start within the year.\n\n"
    "{event}\n\n"
    "Residents of the old harbour district said they welcomed the plans but worried about the "
    "cost of the new bridge, which the council has promised to finish before the winter.\n\n"
    "The council meets again next month to vote on the final budget for the coming year."
)


def _raw(name: str, text: str) -> RawRecord:
    data = text.encode()
    return {"source": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
            "text": text, "encoding": "utf-8", "reason": None, "replaced_bytes": 0,
            "removed_characters": 0}


def _article(name: str, event: str, head: str = "") -> dict:
    text = f"Dunmore council week\n\n{head}" + _BODY.format(event=event)
    record = clean_record(name, _raw(name, text))
    assert record["reason"] is None
    return record


# --- the published date --------------------------------------------------------------------


def test_a_file_name_date_is_the_published_date_of_a_text_without_one():
    record = _article("harbour-times_2016-10-24_dunmore-council.txt",
                      "Police in Dunmore arrested Tom Keller on Saturday.")
    assert record["article"].published == MONDAY


def test_a_date_line_of_the_page_beats_the_file_name():
    record = _article("harbour-times_2016-10-24_dunmore-council.txt",
                      "Police in Dunmore arrested Tom Keller on Saturday.",
                      head="Published: October 25, 2016\n\n")
    assert record["article"].published == dt.date(2016, 10, 25)


def test_a_date_the_text_mentions_does_not_beat_the_file_name():
    record = _article("harbour-times_2016-10-24_dunmore-council.txt",
                      "The harbour was founded on July 14, 1789, by fishermen from Lisbon.")
    assert record["article"].published == MONDAY


def test_a_weekday_resolves_against_the_file_name_date(nlp):
    name = "harbour-times_2016-10-24_dunmore-council.txt"
    record = _article(name, "On Saturday, police in Dunmore arrested Tom Keller at the port.")
    analysis = analyse_doc(nlp(record["article"].text), ArticleInput.of(name, record))
    arrests = [e for e in analysis["events"] if e["event_type"] == "COERCE"]
    assert arrests, analysis["events"]
    assert (str(arrests[0]["date"]), arrests[0]["date_precision"]) == ("2016-10-22", "day")


# --- dates in sentences --------------------------------------------------------------------


def _mention(nlp, text: str, event_type: str, published: dt.date | None = MONDAY):
    found = [m for m in extract_event_mentions(nlp(text), published)
             if m.event_type == event_type]
    assert found, f"no {event_type} in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        ("Police in Dunmore arrested Tom Keller on Saturday.", "COERCE",
         (dt.date(2016, 10, 22), "day")),
        ("Thursday at a rally in Harlow, Senator Jane Morrow called out her rival Tom Keller "
         "for insulting farmers.", "ACCUSE", (dt.date(2016, 10, 20), "day")),
        ("The Dunmore union held a protest in February.", "PROTEST",
         (dt.date(2016, 2, 1), "month")),
        ("Police in Dunmore had last month charged Tom Keller with fraud.", "ACCUSE",
         (dt.date(2016, 9, 1), "month")),
        ("Rebels killed 30 people in Lisbon last November.", "ASSAULT",
         (dt.date(2015, 11, 1), "month")),
        ("Senator Jane Morrow resigned from the Dunmore council in the fall of 2015.",
         "PERSONNEL", (dt.date(2015, 1, 1), "year")),  # a season holds no finer precision
        ("Police in Dunmore arrested Tom Keller in early February.", "COERCE",
         (dt.date(2016, 2, 1), "month")),
    ],
)
def test_the_date_of_the_triggers_clause(nlp, text, event_type, expected):
    m = _mention(nlp, text, event_type)
    assert (m.date, m.date_precision) == expected


def test_a_year_is_never_taken_from_another_clause(nlp):
    m = _mention(nlp, "The mayor of Harlow visited Lyon on Saturday, two days after "
                 "protesters were arrested in 2012.", "VISIT")
    assert (m.date, m.date_precision) == (dt.date(2016, 10, 22), "day")
    arrest = _mention(nlp, "The mayor of Harlow visited Lyon on Saturday, two days after "
                      "protesters were arrested in 2012.", "COERCE")
    assert (arrest.date, arrest.date_precision) == (dt.date(2012, 1, 1), "year")


def test_a_subjectless_participle_shares_the_time_of_its_clause(nlp):
    m = _mention(nlp, "Eight refugees were detained attempting to enter Harlow from Dunmore "
                 "on Monday.", "COERCE")
    assert (m.date, m.date_precision) == (MONDAY, "day")


def test_a_participle_lends_no_date_from_a_noun_it_governs(nlp):
    m = _mention(nlp, "Police arrested Tom Keller, accusing him of a 2012 robbery.", "COERCE")
    assert (m.date, m.date_precision) == (None, None)


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        ("Sean Keller was killed in the 2012 Harlow attack.", "ASSAULT",
         (dt.date(2012, 1, 1), "year")),  # the frame the event happened in
        ("Jane Morrow met Tom Keller at the 2015 summit in Oslo.", "CONSULT",
         (dt.date(2015, 1, 1), "year")),
        ("The Saturday meeting between Jane Morrow and Tom Keller ended early.", "CONSULT",
         (dt.date(2016, 10, 22), "day")),  # the trigger's own modifier
        ("Police arrested the 2012 robbery suspect in Dunmore.", "COERCE", (None, None)),
        ("Harlow deployed troops to all 11 of the March 1 provinces.",
         "MOBILIZE", (None, None)),
    ],
)
def test_a_date_modifying_another_noun_is_that_nouns(nlp, text, event_type, expected):
    m = _mention(nlp, text, event_type)
    assert (m.date, m.date_precision) == expected


def test_without_a_published_date_a_weekday_stays_unresolved(nlp):
    m = _mention(nlp, "Police in Dunmore arrested Tom Keller on Saturday.", "COERCE",
                 published=None)
    assert (m.date, m.date_precision) == (None, None)


# --- modality ------------------------------------------------------------------------------


def _modality_of(nlp, sentence: str) -> str:
    """The modality the rules give the [bracketed] trigger word (whether the sentence's
    participants make it a mention is the argument rules' business)."""
    word = re.search(r"\[([^\]]+)\]", sentence)[1]
    text = sentence.replace(f"[{word}]", word)
    at = sentence.index("[")
    span = nlp(text).char_span(at, at + len(word))
    assert span is not None and len(span) == 1, text
    return _modality(span[0])


CUES = {name: value for name, value in vars(lexicon).items()
        if isinstance(value, lexicon.ModalityCue)}


@pytest.mark.parametrize("name", sorted(CUES))
def test_each_modality_cue_row_decides_its_example_and_spares_its_counter_example(nlp, name):
    cue = CUES[name]
    assert _modality_of(nlp, cue.example) == cue.modality
    assert _modality_of(nlp, cue.counter) == cue.counter_modality


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # demanded and requested events are not asserted; the demand itself is
        ("Senator Jane Morrow said Tom Keller should be [arrested].", "possible"),
        ("The opposition asked the government to [arrest] Tom Keller.", "possible"),
        ("The opposition called for the [arrest] of Tom Keller.", "possible"),
        ("The mayor of Harlow demanded that the police [arrest] Tom Keller.", "possible"),
        ("The mayor of Harlow [demanded] that the police arrest Tom Keller.", "asserted"),
        ("Senator Jane Morrow is calling for Tom Keller to be [banned] from the country.",
         "possible"),
        ("Senator Jane Morrow has threatened to [veto] the Dunmore bill.", "possible"),
        # hypothetical and counterfactual
        ("Tom Keller would have [resigned] if the board had asked him.", "possible"),
        ("If Tom Keller [resigned], the board of Harlow Bank would collapse.", "possible"),
        # a presupposed event under a counterfactual is the event that happened
        ("If the board of Harlow Bank had hoped Tom Keller's [resignation] would end the "
         "inquiry, it was wrong.", "asserted"),
        # negation stays in its clause
        ("Senator Jane Morrow said workers did not want to strike and [called] for talks with "
         "the government.", "asserted"),
        ("Tom Keller can't go on television and [accuse] me of lying.", "negated"),
        ("No [arrests] were made after the march in Lyon.", "negated"),
        # a finite conjunct keeps its head's hedge
        ("Tom Keller reportedly met Jane Morrow and [attacked] the board of Harlow Bank.",
         "hedged"),
    ],
)
def test_modality(nlp, sentence, modality):
    assert _modality_of(nlp, sentence) == modality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Saturday, Jane Morrow visited Lyon. Later that day, police arrested Tom Keller.",
         (dt.date(2016, 10, 22), "day")),
        ("On Saturday, Jane Morrow visited Lyon. The next day, police arrested Tom Keller.",
         (dt.date(2016, 10, 23), "day")),
        ("Later that day, police arrested Tom Keller.", (None, None)),  # no day before
        # a day phrase the NER leaves untagged, with a year that must agree
        ("On Saturday, Jane Morrow visited Lyon. That same day in 2016, police arrested Tom "
         "Keller.", (dt.date(2016, 10, 22), "day")),
        ("On Saturday, Jane Morrow visited Lyon. Police arrested Tom Keller on the same day.",
         (dt.date(2016, 10, 22), "day")),
        ("On Saturday, Jane Morrow visited Lyon. That same day in 2009, police arrested Tom "
         "Keller.", (dt.date(2009, 1, 1), "year")),
    ],
)
def test_that_day_is_the_day_the_article_dated_before(nlp, text, expected):
    m = _mention(nlp, text, "COERCE")
    assert (m.date, m.date_precision) == expected


def test_a_participial_adjunct_shares_its_governing_clauses_date(nlp):
    m = _mention(nlp, "On Friday, Senator Jane Morrow attacked the council while praising "
                 "Tom Keller.", "SUPPORT")
    assert (m.date, m.date_precision) == (dt.date(2016, 10, 21), "day")
    m = _mention(nlp, "In 1992, Jane Morrow challenged the council, advocating for a new "
                 "trade agreement.", "SUPPORT")
    assert (m.date, m.date_precision) == (dt.date(1992, 1, 1), "year")


def test_an_adjunct_set_at_another_time_takes_no_date_from_its_clause(nlp):
    m = _mention(nlp, "On Friday, Senator Jane Morrow attacked the council after praising "
                 "Tom Keller.", "SUPPORT")
    assert (m.date, m.date_precision) == (None, None)
