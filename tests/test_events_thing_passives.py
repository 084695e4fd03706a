"""Agentless passives of a thing (issue 16): every row of ``lexicon.THING_PASSIVES`` parsed
with the real model. The example ("the plan was rejected on Monday") yields a mention of the
row's type with the thing as its target and no actor; the counter-example (an active clause
without subject, or no act at all) yields none."""

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions
from pipeline.events.lexicon import THING_PASSIVES, ThingPassive
from pipeline.events.mentions import RECEIVED_COUNTER, RECEIVED_EXAMPLES

MONDAY = dt.date(2016, 10, 24)


def _row_id(row: ThingPassive) -> str:
    return f"{row.event_type}-{row.example[:30]}"


@pytest.mark.parametrize("row", THING_PASSIVES, ids=_row_id)
def test_the_example_reports_the_act_on_the_thing(nlp, row):
    found = [m for m in extract_event_mentions(nlp(row.example), MONDAY)
             if m.event_type == row.event_type]
    assert found, row.example
    assert all(not m.actor_spans for m in found), found
    assert any(m.target_spans for m in found), found


@pytest.mark.parametrize("row", THING_PASSIVES, ids=_row_id)
def test_the_counter_example_reports_no_such_act(nlp, row):
    found = [m for m in extract_event_mentions(nlp(row.counter), MONDAY)
             if m.event_type == row.event_type]
    assert not found, (row.counter, found)


def test_a_named_agent_still_acts(nlp):
    """Where the passive names its agent, the agent acts (no actorless mention is added)."""
    found = [m for m in extract_event_mentions(
        nlp("The Velden housing plan was rejected by Tom Arden on Monday."), MONDAY)
        if m.event_type == "REJECT"]
    assert found and all(m.actor_spans for m in found), found


@pytest.mark.parametrize("row", RECEIVED_EXAMPLES, ids=lambda r: r[0][:30])
def test_a_receiving_verb_makes_the_of_phrase_the_endorser(nlp, row):
    text, endorser, endorsed = row
    found = [m for m in extract_event_mentions(nlp(text), MONDAY) if m.event_type == "SUPPORT"]
    assert found, text
    actors = {text[a:b] for m in found for a, b in m.actor_spans}
    targets = {text[a:b] for m in found for a, b in m.target_spans}
    assert endorser in actors and endorsed in targets, found


def test_a_verb_that_receives_nothing_keeps_the_of_phrase_endorsed(nlp):
    text, endorsed = RECEIVED_COUNTER
    found = [m for m in extract_event_mentions(nlp(text), MONDAY) if m.event_type == "SUPPORT"]
    actors = {text[a:b] for m in found for a, b in m.actor_spans}
    assert endorsed not in actors, found
