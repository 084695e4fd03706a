"""Targets beyond names (issue 16, "targets missing"): a thing or an unnamed group as written
when the trigger names no person or organisation as its target (``THING_TARGETS``), whom a
demand is made of ("called on X", "pressed for X to"), whom a called-for event is done to, and a
trip's destination. Invented sentences, the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions
from pipeline.events.mentions import ADDRESSEES, EVENT_OBJECTS, NO_TARGET_HEADS, THING_TARGETS

MONDAY = dt.date(2016, 10, 24)


def _targets(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    """trigger -> (type, target texts)."""
    return {
        m.trigger: (m.event_type, [text[a:b] for a, b in m.target_spans])
        for m in extract_event_mentions(nlp(text), MONDAY)
    }


@pytest.mark.parametrize(
    "text, trigger, etype, target",
    [
        ("The Velden Party backed the price cuts.", "backed", "SUPPORT", "price cuts"),
        ("Mara Quill attacked the plans for pensioners.", "attacked", "ACCUSE", "plans"),
        ("Officials in Port Velden banned firecrackers.", "banned", "SANCTION", "firecrackers"),
        ("Police stopped a vehicle near the harbour.", "stopped", "COERCE", "vehicle"),
        ("Tom Arden threatened to veto the bill.", "threatened", "THREATEN", "bill"),
        ("Tom Arden boycotted one of the debates.", "boycotted", "PROTEST", "one of the debates"),
        (
            "Two firms pulled out of the compensation talks.",
            "pulled out",
            "SANCTION",
            "compensation talks",
        ),
        (
            "Mara Quill called on industrialised nations to commit money.",
            "called",
            "DEMAND",
            "industrialised nations",
        ),
        ("Velden officials pressed for the council to ban cars.", "pressed", "DEMAND", "council"),
        (
            "Mara Quill called for the resignation of President Tom Arden.",
            "called",
            "DEMAND",
            "Tom Arden",
        ),
        ("Mara Quill flew to Port Velden on Friday.", "flew", "TRAVEL", "Port Velden"),
        ("Mara Quill visited a refugee camp near the border.", "visited", "VISIT", "refugee camp"),
        ("The Velden Party also had praise for the runners-up.", "praise", "SUPPORT", "runners-up"),
        ("Police arrested two men and a woman.", "arrested", "COERCE", "woman"),
        (
            "His friendship with Tom Arden is under investigation by the police.",
            "investigation",
            "INVESTIGATE",
            "friendship",
        ),
        (
            "Mara Quill called on world leaders to support a vaccination campaign.",
            "called",
            "DEMAND",
            "world leaders",
        ),
    ],
)
def test_a_target_that_is_no_name_is_read_where_its_type_reads_one(
    nlp, text, trigger, etype, target
):
    found = _targets(nlp, text)
    assert found[trigger][0] == etype
    assert target in found[trigger][1]


def test_a_named_target_leaves_no_room_for_a_thing(nlp):
    # "remarks" is the reason of the support, not a second target
    assert _targets(nlp, "The Velden Party backed Tom Arden for his remarks.")["backed"] == (
        "SUPPORT",
        ["Tom Arden"],
    )


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Police fired shots near the harbour.", "fired"),  # the instrument
        ("The council imposed tariffs on steel.", "imposed"),  # the sanction itself
        ("Mara Quill demanded an apology.", "demanded"),  # what is demanded, not of whom
    ],
)
def test_the_event_itself_or_what_is_demanded_is_no_target(nlp, text, trigger):
    found = _targets(nlp, text)
    assert trigger in found
    assert all(t.split()[-1] not in {"shots", "tariffs", "apology"} for t in found[trigger][1])


def test_a_thing_makes_no_side_of_talks(nlp):
    # a consultation needs two sides: a thing talked about is none
    assert "discussed" not in _targets(nlp, "Tom Arden discussed his career.")


def test_a_voted_against_bailout_is_the_target_not_the_banks_it_bails_out(nlp):
    found = _targets(nlp, "Mara Quill was among 25 senators to vote against the bailout of banks.")
    assert any(t.endswith("bailout") for t in found["vote"][1])


def test_every_thing_target_row_names_known_positions_and_types():
    positions = {
        "object",
        "complement",
        "of",
        "for",
        "on",
        "against",
        "into",
        "to",
        "from",
        "at",
        "out of",
        "for-to",
    }
    assert all(rows <= positions for rows in THING_TARGETS.values())
    assert set(EVENT_OBJECTS) <= set(THING_TARGETS)
    assert all(ADDRESSEES[t] <= THING_TARGETS[t] for t in ADDRESSEES)
    assert "hell" in NO_TARGET_HEADS and "bill" not in NO_TARGET_HEADS


def test_the_name_an_antecedent_describes_is_the_target(nlp):
    found = _targets(
        nlp,
        "The Velden Party defended Harbour Holdings, the property business "
        "that is being investigated by the council.",
    )
    assert found["investigated"][1] == ["Harbour Holdings"]


def test_whom_a_visit_of_no_place_is_to_is_not_a_website(nlp):
    assert "visited" not in _targets(nlp, "Mara Quill visited a website about the harbour.")


@pytest.mark.parametrize(
    "text, actor, target",
    [
        ("Mara Quill won an endorsement from Tom Arden.", "Tom Arden", "Mara Quill"),
        (
            "Mara Quill won the endorsement of the Velden Teachers Union.",
            "Velden Teachers Union",
            "Mara Quill",
        ),
        ("Tom Arden gave an endorsement to Mara Quill.", "Tom Arden", "Mara Quill"),
        ("Tom Arden's endorsement of Mara Quill came on Sunday.", "Tom Arden", "Mara Quill"),
    ],
)
def test_who_endorses_whom(nlp, text, actor, target):
    (mention,) = [m for m in extract_event_mentions(nlp(text), MONDAY) if m.event_type == "SUPPORT"]
    assert any(actor in text[a:b] for a, b in mention.actor_spans)
    assert [text[a:b] for a, b in mention.target_spans] == [target]


def test_a_dative_to_names_the_recipient(nlp):
    text = "The Velden Party donated $5m to the harbour fund."
    assert _targets(nlp, text)["donated"] == ("AID", ["harbour fund"])
