"""Sense faults of the strict hand checks (2026-12-03), each an example the fix keeps and a
counter-example it drops, on invented sentences parsed by the real model."""

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions

MONDAY = dt.date(2016, 10, 24)

CASES = [
    # billing is no charge: a sum charged (CAMEO 173 is a judicial charge)
    ("Dunmore prosecutors charged Tom Arden with fraud.", "charged", "ACCUSE", True),
    ("Venter Corp has charged the campaign approximately $3.7 million in travel costs.",
     "charged", "ACCUSE", False),
    # a poll's respondents state no stance as an event (lexicon.POLLED_GROUPS)
    ("Dana Roe supports Mara Quill.", "supports", "SUPPORT", True),
    ("About 62 percent of Port Velden voters support Mara Quill.", "support", "SUPPORT", False),
    # a public call for an act of others (lexicon.CALLED_ACTS) is a DEMAND; a phone call is not
    ("Tom Arden has vocally called to reject Mara Quill as well.", "called", "DEMAND", True),
    ("Tom Arden called to congratulate Mara Quill.", "called", "DEMAND", False),
]

#: (sentence, trigger, actors, targets): who acts and whom it is done to
ROLES = [
    # the one called on acts in what is called for; "called to reject" names nobody who does
    ("Dana Roe called on delegates to reject Mara Quill.", "reject", ["delegates"],
     ["Mara Quill"]),
    ("Tom Arden has vocally called to reject Mara Quill as well.", "reject", None, None),
    # a name the parser calls an organisation whose head is a place is where, not whom
    ("Senate Republicans who oppose him on Capitol Hill clashed with Tom Arden.", "oppose",
     ["Republicans"], []),
    ("The rebels launched an attack on Parliament Hill in Port Velden.", "attack", ["rebels"],
     ["Parliament Hill"]),
    # a hyphenated noun the parser split is the whole word, not its tail ("up", "in")
    ("Police opened an investigation into her email set-up.", "investigation",
     ["Police"], ["email set-up"]),
    ("Police opened an investigation into the break-in at Venter Corp.",
     "investigation", ["Police"], ["break-in"]),
]

#: (sentence, trigger, modality): "went out of her way to praise" says she praised
MODALITIES = [
    ("Dana Roe went out of her way to praise Mara Quill on Tuesday.", "praise", "asserted"),
    ("Dana Roe went out to praise Mara Quill on Tuesday.", "praise", "planned"),
]


@pytest.mark.parametrize(("text", "trigger", "etype", "found"), CASES,
                         ids=[f"{c[1]}-{c[2]}-{c[3]}" for c in CASES])
def test_hand_checked_sense(event_roles, text, trigger, etype, found):
    roles = event_roles(text)
    assert ((trigger in roles and roles[trigger][0] == etype) == found), roles


@pytest.mark.parametrize(("text", "trigger", "modality"), MODALITIES,
                         ids=[f"{c[1]}-{c[2]}" for c in MODALITIES])
def test_hand_checked_modality(nlp, text, trigger, modality):
    found = {m.trigger: m.modality for m in extract_event_mentions(nlp(text), MONDAY)}
    assert found.get(trigger) == modality, found


@pytest.mark.parametrize(("text", "trigger", "actors", "targets"), ROLES,
                         ids=[f"{c[1]}-{c[2]}" for c in ROLES])
def test_hand_checked_roles(event_roles, text, trigger, actors, targets):
    roles = event_roles(text)
    if actors is None:
        assert trigger not in roles or not roles[trigger][1], roles
    else:
        assert roles[trigger][1:] == (actors, targets), roles
