"""The sense conditions' shared readings: a preposition of time attaches no party, a negated
condition ("!name") holds when its predicate does not, and an adverbial of habit makes a
trigger generic. Real parses (conftest's ``nlp``); the names and places are invented."""

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions
from pipeline.events.triggers import _Args, parse_condition

MON = dt.date(2016, 10, 24)


def _types(nlp, text: str) -> set[str]:
    return {m.event_type for m in extract_event_mentions(nlp(text), MON)}


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # "on Monday" is no call on anyone: naming, not a demand
        ("Tom Arden called it a disgrace on Monday.", "DEMAND", None),
        ("Tom Arden called on the council to act on Monday.", None, "DEMAND"),
        # "on Tuesday" is no shot at anyone: a dismissal
        ("Mara Quill fired Tom Arden on Tuesday.", "ASSAULT", "PERSONNEL"),
        ("Velden police fired on the crowd on Tuesday.", None, "ASSAULT"),
    ],
)
def test_a_preposition_of_time_attaches_no_party(nlp, text, wrong, right):
    found = _types(nlp, text)
    assert wrong is None or wrong not in found, (text, found)
    assert right is None or right in found, (text, found)


def test_a_negated_condition_holds_when_its_predicate_does_not(nlp):
    ((held, _),) = parse_condition("object_of_place")
    ((negated, _),) = parse_condition("!object_of_place")
    for text, place in (
        ("Rebels seized control of the town.", True),
        ("Tom Arden seized control of the party.", False),
    ):
        verb = next(t for t in nlp(text) if t.lemma_ == "seize")
        args = _Args(verb)
        assert held(args, frozenset()) is place, text
        assert negated(args, frozenset()) is not place, text


def test_an_adverbial_of_habit_makes_the_trigger_generic(nlp):
    assert "COERCE" not in _types(nlp, "Velden police arrest drunk drivers every weekend.")
    assert "COERCE" in _types(nlp, "Velden police arrested two drunk drivers this weekend.")


def test_withdrawing_from_a_place_is_a_retreat_and_from_an_auction_none(nlp):
    assert "RETREAT" in _types(nlp, "Harlow troops withdrew from Port Velden in March.")
    assert "RETREAT" not in _types(nlp, "The Velden gas firm withdrew from the auction.")


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # a candidate's withdrawal yields no ground; troops withdrawn from a place do
        ("Even before Mara Quill's withdrawal, Tom Arden was favored to win.", "RETREAT", None),
        ("Harlow announced the withdrawal of its troops from Port Velden.", None, "RETREAT"),
        # attacking someone as something is a label: words, not violence
        ("The Republicans attacked Tom Arden as a job killer.", "ASSAULT", "ACCUSE"),
        # asking for someone's position asks no actor for anything
        ("When asked for his position in October, Tom Arden declined.", "DEMAND", None),
    ],
)
def test_withdrawals_labels_and_questions(nlp, text, wrong, right):
    found = _types(nlp, text)
    assert wrong is None or wrong not in found, (text, found)
    assert right is None or right in found, (text, found)
