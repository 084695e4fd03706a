"""Who acts when no name does (issue 16, actors): an unnamed body or person by its head acts as
written (mentions.AGENT_ROWS, tested from the rows' examples and counter-examples) when the
event has a target, a passive participle conjoined to one shares its agent, a counted plural
undergoes, and a named visitor visits without a place named. Invented sentences, real spaCy."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions
from pipeline.events.mentions import AGENT_HEADS, AGENT_ROWS

WED = dt.date(2023, 9, 13)


def _mentions(nlp, text: str, event_type: str):
    doc = nlp(text)
    return doc, [m for m in extract_event_mentions(doc, WED) if m.event_type == event_type]


def _actors(nlp, text: str, event_type: str) -> list[str]:
    doc, found = _mentions(nlp, text, event_type)
    return [doc.text[a:b] for m in found for a, b in m.actor_spans]


ROW_TYPES = {"suspended": "SANCTION", "urged": "DEMAND", "threatens": "THREATEN", "back": "SUPPORT"}


def _type_of(text: str) -> str:
    return next(t for w, t in ROW_TYPES.items() if w in text.split())


@pytest.mark.parametrize("row", AGENT_ROWS, ids=lambda r: r.example[:30])
def test_an_agent_head_acts_and_a_thing_does_not(nlp, row):
    found = _actors(nlp, row.example, _type_of(row.example))
    heads = [nlp(w)[-1].lemma_.lower() for w in found]
    assert heads and all(h in AGENT_HEADS for h in heads), found
    assert not _actors(nlp, row.counter, _type_of(row.counter))


def test_conjoined_bodies_act_together(nlp):
    text = "Universities and head teachers have backed the Quill proposals."
    assert _actors(nlp, text, "SUPPORT") == ["Universities", "head teachers"]


def test_a_bare_person_noun_is_too_vague_to_act(nlp):
    assert not _actors(nlp, "People visiting the museum praised Mara Quill.", "SUPPORT")
    assert not _mentions(nlp, "The man resigned.", "PERSONNEL")[1]


def test_an_unnamed_body_alone_makes_no_event(nlp):
    # with whom or what it is done to it does ("the league suspended X"), alone it does not
    assert not _mentions(nlp, "The club apologised.", "CONCEDE")[1]
    assert _actors(nlp, "The club apologised to Mara Quill.", "CONCEDE") == ["club"]


def test_a_conjoined_passive_shares_the_agent(nlp):
    text = "Tom Arden was hauled out of the embassy by police and promptly taken into custody."
    _, found = _mentions(nlp, text, "COERCE")
    taken = [m for m in found if m.trigger.startswith("taken")]
    assert taken and taken[0].actor_spans, [m.trigger for m in found]
    # one with its own auxiliary has its own (here no) agent
    _, found = _mentions(
        nlp, "Tom Arden has been detained by Velden police and should be freed.", "RETREAT"
    )
    assert all(not m.actor_spans for m in found)


def test_a_counted_plural_undergoes(nlp):
    doc, found = _mentions(nlp, "Around three dozen adoptees have been deported.", "COERCE")
    assert [doc.text[a:b] for m in found for a, b in m.target_spans] == [
        "Around three dozen adoptees"
    ]


def test_a_named_visitor_visits_without_a_place(nlp):
    assert _actors(nlp, "Mara Quill visited once while she was a senator.", "VISIT") == [
        "Mara Quill"
    ]
    # an unnamed arrival is none: "officers arrived"
    assert not _mentions(nlp, "The officers arrived by the time the attacker had gone.", "TRAVEL")[
        1
    ]


def test_an_unnamed_actor_is_typed_by_its_head(nlp):
    _, found = _mentions(
        nlp, "Universities and head teachers have backed the Quill proposals.", "SUPPORT"
    )
    assert found[0].actor_types == ("education", "education")
    _, found = _mentions(nlp, "The league suspended Tom Arden for two games.", "SANCTION")
    assert found[0].actor_types == ("sports",)
    # a head no table types stays untyped
    _, found = _mentions(nlp, "Other advisers urged the governor to default.", "DEMAND")
    assert found[0].actor_types == (None,)


def test_it_acting_on_a_target_stands_as_written(nlp):
    # whom "it" stands for lies outside the sentence; the threat is reported
    assert _actors(nlp, "It has also threatened to sue the Velden government.", "THREATEN") == [
        "It"
    ]
    # an "it" that is no subject of the trigger is none ("it is rare to be arrested")
    assert not _mentions(nlp, "It is rare to be arrested in Port Velden.", "COERCE")[1]
