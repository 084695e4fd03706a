"""How the corpus step links an event's participants and place to entities: by the mention
under a span, else by its name, and a description written without a capital ("the bank")
is no name in a mixed-case text."""

from __future__ import annotations

import pytest

from pipeline.corpus import _entity_of, _written_as_name
from pipeline.entities import CorpusEntities

BANK = "ent_bank"
ENTITIES = CorpusEntities(entities=[], mentions=[],
                          by_alias={(False, "bank"): BANK, (False, "the fed"): "ent_fed"},
                          names={BANK: "Bank", "ent_fed": "Fed"},
                          labels={BANK: "ORG", "ent_fed": "ORG"})


@pytest.mark.parametrize(("name", "written_as_name"), [
    ("the Fed", True), ("Dunmore", True), ("the Bank of Narvia", True),
    ("The bank", False), ("bank", False), ("police", False), ("those banks", False), ("", False),
])
def test_a_name_has_a_capitalised_word_after_its_determiner(name, written_as_name):
    assert _written_as_name(name) is written_as_name


def test_a_description_is_not_looked_up_by_name_in_a_mixed_case_text():
    described = {"name": "bank", "start": 4, "end": 8}  # "The bank agreed", no mention under it
    assert _entity_of(ENTITIES, "art_1", described, person=False, cased=True) is None
    assert _entity_of(ENTITIES, "art_1", {"name": "the Fed"}, person=False, cased=True) == "ent_fed"
    # all in one case, the case says nothing: every span is looked up by its name
    assert _entity_of(ENTITIES, "art_1", {"name": "bank"}, person=False, cased=False) == BANK


def test_the_mention_under_a_span_links_it_whatever_its_case():
    linked = CorpusEntities(entities=[], mentions=[], by_span={("art_1", 0, 8): BANK})
    described = {"name": "the bank", "start": 0, "end": 8}
    assert _entity_of(linked, "art_1", described, person=False, cased=True) == BANK
