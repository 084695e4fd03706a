"""Police and riot reports (issue 16): every row of ``senses.POLICE_REPORTS`` parsed with the
real model. The example yields a mention of the row's type on its trigger, done by the row's
sector (the actor's type, or the agent an agentless report implies: "51 persons have been
arrested" is police work); the counter-example yields no mention of that type."""

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions
from pipeline.events.senses import POLICE_REPORTS, PoliceReport

MONDAY = dt.date(2016, 10, 24)


def _row_id(row: PoliceReport) -> str:
    return f"{row.question}-{row.trigger}-{row.example[:24]}"


def _agents(mention) -> set[str]:
    """The sectors that act in a mention: its actors' types, else the implied agent's."""
    return {s for s in (*mention.actor_types, mention.implied_sector) if s}


@pytest.mark.parametrize("row", POLICE_REPORTS, ids=_row_id)
def test_the_example_reports_the_act_by_its_sector(nlp, row):
    found = [m for m in extract_event_mentions(nlp(row.example), MONDAY)
             if m.event_type == row.event_type]
    assert found, row.example
    on_trigger = [m for m in found if m.trigger.startswith(row.trigger)]
    if row.sector:
        assert any(row.sector in _agents(m) for m in on_trigger), (row.example, found)
    else:
        assert on_trigger and not any("police" in _agents(m) for m in found), (
            row.example, found)


@pytest.mark.parametrize("row", POLICE_REPORTS, ids=_row_id)
def test_the_counter_example_reports_no_such_act(nlp, row):
    found = [m for m in extract_event_mentions(nlp(row.counter), MONDAY)
             if m.event_type == row.event_type]
    assert not found, (row.counter, found)


def test_the_table_covers_the_three_questions_with_distinct_examples():
    assert {row.question for row in POLICE_REPORTS} == {"arrest", "kill", "force"}
    texts = [row.example for row in POLICE_REPORTS]
    assert len(texts) == len(set(texts))
