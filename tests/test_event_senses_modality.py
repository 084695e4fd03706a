"""Modality rules beside the cue rows: a condition on the trigger makes even a "will" possible,
"unlikely to" hedges, an "imminent" event is planned, a bare "be" passive is asked for. Real
parses (conftest's ``nlp``); the names and places are invented."""

import re

import pytest

from pipeline.events.modality import _modality


def _modality_of(nlp, sentence: str) -> str:
    """The modality of the [bracketed] trigger word."""
    word = re.search(r"\[([^\]]+)\]", sentence)[1]
    at = sentence.index("[")
    span = nlp(sentence.replace(f"[{word}]", word)).char_span(at, at + len(word))
    assert span is not None and len(span) == 1, sentence
    return _modality(span[0])


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("If Dunmore police find enough evidence, they will [arrest] Tom Keller.", "possible"),
        ("Dunmore police will [arrest] Tom Keller on Monday.", "planned"),
        ("Sources said Harlow is unlikely to [agree] to the cut.", "hedged"),
        ("Sources said Harlow is ready to [agree] to the cut.", "possible"),
        ("Harlow and Dunmore have announced their imminent [withdrawal] from Velden.", "planned"),
        ("Harlow and Dunmore have announced their [withdrawal] from Velden.", "asserted"),
        # the mandative subjunctive asks for the act
        ("It is time a special prosecutor be [appointed] to look into Harlow Bank.", "possible"),
        ("A special prosecutor was [appointed] to look into Harlow Bank.", "asserted"),
    ],
)
def test_conditions_likelihood_and_imminence(nlp, sentence, modality):
    assert _modality_of(nlp, sentence) == modality
