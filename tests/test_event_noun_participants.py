"""Noun triggers whose participant is a preposition's object or a qualifier (issue 16, event
recall): the staff a resignation or an appointment is "of" undergo it, the source of an
inquiry ("from X") makes it, and a qualified investigation ("additional", "criminal") is one
real investigation without an article; a threat of violence its named receiver got, a killing
its subject denies and concessions an object-control verb's object makes have their
participants. Invented sentences, the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions

MONDAY = dt.date(2016, 10, 24)


def _mentions(nlp, text: str) -> dict[str, tuple[str, list[str], list[str]]]:
    """trigger -> (type, actor texts, target texts)."""
    return {
        m.trigger: (m.event_type, [text[a:b] for a, b in m.actor_spans],
                    [text[a:b] for a, b in m.target_spans])
        for m in extract_event_mentions(nlp(text), MONDAY)
    }


def test_the_staff_a_resignation_is_of_undergo_it(nlp):
    text = ("Venter Corp dismantled its structure after problems that led to the resignation "
            "of key board members.")
    etype, actors, targets = _mentions(nlp, text)["resignation"]
    assert etype == "PERSONNEL" and not actors
    assert any("members" in t for t in targets)


def test_an_inquiry_from_an_office_is_made_by_it(nlp):
    text = "Venter Corp said it received an inquiry from the Justice Department."
    etype, actors, targets = _mentions(nlp, text)["inquiry"]
    assert etype == "INVESTIGATE" and actors == ["the Justice Department"]
    assert targets == ["Venter Corp"]


@pytest.mark.parametrize("text, trigger", [
    ("After additional investigations, the testimony given by Tom Arden had weakened.",
     "investigations"),
    ("Dana Roe said a criminal investigation had begun in Port Velden.", "investigation"),
])
def test_a_qualified_investigation_is_one_event(nlp, text, trigger):
    assert _mentions(nlp, text)[trigger][0] == "INVESTIGATE"


def test_a_science_investigation_stays_none(nlp):
    text = "The probe will conduct scientific investigations on the Moon."
    assert "investigations" not in _mentions(nlp, text)


def test_a_threat_of_violence_its_receiver_got_is_one(nlp):
    text = "Dana Roe said she received death threats after the vote."
    etype, actors, targets = _mentions(nlp, text)["threats"]
    assert etype == "THREATEN" and not actors and "Dana Roe" in targets


def test_who_denies_a_killing_is_its_alleged_author(nlp):
    etype, actors, targets = _mentions(nlp, "Mara Quill has denied the killing of Tom Arden.")[
        "killing"]
    assert etype == "ASSAULT" and actors == ["Mara Quill"] and targets == ["Tom Arden"]
    assert "killing" not in _mentions(nlp, "The killing was condemned.")


def test_the_object_of_prompt_makes_the_concessions(nlp):
    text = "The threat of tariffs has prompted officials from Harlow to make concessions."
    etype, actors, _ = _mentions(nlp, text)["concessions"]
    assert etype == "CONCEDE" and actors == ["officials"]


def test_a_threat_level_is_a_risk_not_a_threat(nlp):
    assert "threat" not in _mentions(nlp, "The terror threat level was raised in Port Velden.")
