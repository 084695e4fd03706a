"""Fault classes of the strict hand checks of 40 random events of polnear-train and the BBC
corpus (issue 16, fourth pass): the object of "assailed her for supporting" acts in the gerund,
the names a group subject lists act ("companies including X and Y"), a restriction's "on" names
whom it is put on, and an athletics meeting, goals conceded, a board meeting, a stage show's
tour and media greeted are no events. Invented sentences, the real model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger, actor", [
    ("Tom Arden assailed Mara Quill for supporting the Dunmore war.", "supporting", "Mara Quill"),
    ("Tom Arden praised Dana Roe for backing the Port Velden plan.", "backing", "Dana Roe"),
])
def test_the_object_of_a_reason_gerund_acts_in_it(event_roles, text, trigger, actor):
    etype, actors, _ = event_roles(text)[trigger]
    assert etype == "SUPPORT" and actors == [actor]


def test_a_thing_object_leaves_the_gerund_to_the_subject(event_roles):
    text = "Tom Arden used the money for supporting the Port Velden plan."
    assert event_roles(text)["supporting"][1] == ["Tom Arden"]


def test_the_names_a_group_subject_lists_act(event_roles):
    text = ("Major companies including Venter Corp, Volkswagen and Siemens have spent much of "
            "2004 in tough talks with unions about trimming jobs.")
    etype, actors, _ = event_roles(text)["talks"]
    assert etype == "CONSULT" and "Volkswagen" in actors and "Siemens" in actors


def test_a_ban_is_imposed_on_its_object_s_on(event_roles):
    text = "The EU imposed its arms ban on Port Velden in 1989."
    etype, actors, targets = event_roles(text)["imposed"]
    assert etype == "SANCTION" and actors == ["EU"] and targets == ["Port Velden"]


@pytest.mark.parametrize("text, trigger", [
    ("Tom Arden is now hoping to gain a late entry into Sunday's international indoor "
     "meeting in Port Velden.", "meeting"),
    ("The Londoners have conceded six goals in their two subsequent league outings.",
     "conceded"),
    ("Venter Corp has its board meeting on Friday to consider its financial results.",
     "meeting"),
    ("Tom Arden has toured the country with his one man show.", "toured"),
    ("As he arrived at the court, Tom Arden greeted the waiting media.", "greeted"),
])
def test_no_event(event_roles, text, trigger):
    assert trigger not in event_roles(text)
