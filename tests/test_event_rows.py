"""Event rows from real parses: generic agents and unnamed targets reach the events table,
typed by sector, and never merge reports of different articles on a word like "police"."""

from __future__ import annotations

import datetime as dt

import polars as pl

from pipeline.analysis import ArticleInput, analyse_doc
from pipeline.corpus import build_entities, build_events
from pipeline.release import to_arrow
from pipeline.validation import validate_table

PUBLISHED = dt.date(2016, 10, 24)
TEXTS = {
    "a1": "The Kolkata police arrested two men on Saturday. Angela Merkel met Barack Obama "
          "in Berlin on Sunday.",
    "a2": "The Kolkata police arrested a shopkeeper on Saturday.",
}


def _build(nlp, texts: dict[str, str] = TEXTS) -> tuple[list[dict], list[dict]]:
    analyses = {aid: analyse_doc(nlp(text), ArticleInput(aid, text, PUBLISHED))
                for aid, text in texts.items()}
    entities = build_entities(analyses, texts)
    rows = [{"article_id": aid, "text": text, "published": PUBLISHED}
            for aid, text in texts.items()]
    return build_events(analyses, entities, rows)


def test_a_generic_agent_is_an_actor_with_its_sector_and_no_entity(nlp):
    events, _ = _build(nlp)
    arrests = [e for e in events if e["event_type"] == "COERCE"]
    assert arrests, events
    for event in arrests:
        assert len(event["actors"]) == len(event["actor_types"]) == len(event["actor_entity_ids"])
        i = event["actors"].index("Kolkata police")
        assert event["actor_types"][i] == "police" and event["actor_entity_ids"][i] is None
    named = [e for e in events if "Barack Obama" in e["actors"]]
    assert named and all(None not in e["actor_entity_ids"] for e in named)


def test_the_same_generic_agent_on_the_same_day_in_two_articles_is_two_events(nlp):
    events, mentions = _build(nlp)
    arrests = {e["event_id"] for e in events if e["event_type"] == "COERCE"}
    assert len(arrests) == 2
    assert all(e["article_count"] == 1 for e in events if e["event_id"] in arrests)
    assert len({m["event_id"] for m in mentions}) == len(events)


def test_rows_with_generic_actors_pass_the_events_schema(nlp):
    events, _ = _build(nlp)
    assert validate_table("events", pl.from_arrow(to_arrow("events", events))) == []


def test_an_agentless_arrest_implies_the_police_and_a_named_agent_implies_nothing(nlp):
    texts = {**TEXTS, "a3": "Fifty-one people have been arrested in Dunmore so far."}
    events, _ = _build(nlp, texts)
    agentless = [e for e in events
                 if e["event_type"] == "COERCE" and "Kolkata police" not in e["actors"]]
    assert [e["implied_actor_type"] for e in agentless] == ["police"]
    assert all(e["implied_actor_type"] is None for e in events if e not in agentless)
