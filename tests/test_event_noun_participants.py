"""Noun triggers whose participant is a preposition's object or a qualifier (issue 16, event
recall): the staff a resignation or an appointment is "of" undergo it, the source of an
inquiry ("from X") makes it, and a qualified investigation ("additional", "criminal") is one
real investigation without an article; a threat of violence its named receiver got, a killing
its subject denies and concessions an object-control verb's object makes have their
participants. Invented sentences, the real model."""

from __future__ import annotations

import pytest


def test_the_staff_a_resignation_is_of_undergo_it(event_roles):
    text = ("Venter Corp dismantled its structure after problems that led to the resignation "
            "of key board members.")
    etype, actors, targets = event_roles(text)["resignation"]
    assert etype == "PERSONNEL" and not actors
    assert any("members" in t for t in targets)


def test_an_inquiry_from_an_office_is_made_by_it(event_roles):
    text = "Venter Corp said it received an inquiry from the Justice Department."
    etype, actors, targets = event_roles(text)["inquiry"]
    assert etype == "INVESTIGATE" and actors == ["the Justice Department"]
    assert targets == ["Venter Corp"]


@pytest.mark.parametrize("text, trigger", [
    ("After additional investigations, the testimony given by Tom Arden had weakened.",
     "investigations"),
    ("Dana Roe said a criminal investigation had begun in Port Velden.", "investigation"),
])
def test_a_qualified_investigation_is_one_event(event_roles, text, trigger):
    assert event_roles(text)[trigger][0] == "INVESTIGATE"


def test_a_science_investigation_stays_none(event_roles):
    text = "The probe will conduct scientific investigations on the Moon."
    assert "investigations" not in event_roles(text)


def test_a_threat_of_violence_its_receiver_got_is_one(event_roles):
    text = "Dana Roe said she received death threats after the vote."
    etype, actors, targets = event_roles(text)["threats"]
    assert etype == "THREATEN" and not actors and "Dana Roe" in targets


def test_who_denies_a_killing_is_its_alleged_author(event_roles):
    etype, actors, targets = event_roles("Mara Quill has denied the killing of Tom Arden.")[
        "killing"]
    assert etype == "ASSAULT" and actors == ["Mara Quill"] and targets == ["Tom Arden"]
    assert "killing" not in event_roles("The killing was condemned.")


def test_the_object_of_prompt_makes_the_concessions(event_roles):
    text = "The threat of tariffs has prompted officials from Harlow to make concessions."
    etype, actors, _ = event_roles(text)["concessions"]
    assert etype == "CONCEDE" and actors == ["officials"]


def test_a_threat_level_is_a_risk_not_a_threat(event_roles):
    assert "threat" not in event_roles("The terror threat level was raised in Port Velden.")
