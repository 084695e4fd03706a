"""A city and the club named after it (issue 15, the BBC corpus: "Liverpool", 153 mentions of
the city and Liverpool FC in one entity). In a sports report a place's name that acts as a
side (TEAM_ROLES) is the club, an ORG apart from the place; "in Port Velden" stays the
place, and a nation's side stays with its country. Invented names."""

from __future__ import annotations

import pytest

from pipeline.entities import (
    TEAM_ROLES,
    Mention,
    TeamRoleRule,
    extract_mentions,
    resolve_corpus,
    team_role,
)


def _role_of(nlp, text: str, name: str = "Port Velden") -> str:
    doc = nlp(text)
    start = text.index(name)
    return team_role(doc.char_span(start, start + len(name)).root)


@pytest.mark.parametrize("rule", TEAM_ROLES, ids=lambda rule: rule.kind)
def test_a_name_in_a_side_s_role_is_a_side(nlp, rule: TeamRoleRule):
    assert _role_of(nlp, rule.example) == rule.kind
    assert _role_of(nlp, rule.counter) == ""


def _entities(*rows: tuple[str, str, str]) -> dict[str, set[tuple[str, str]]]:
    """(entity name, label) of each article's mention, one article per (text, label, team)."""
    articles = {f"a{i}": [Mention(0, len(text), text, label, text, team=team)]
                for i, (text, label, team) in enumerate(rows)}
    result = resolve_corpus(articles)
    return {m["article_id"]: (result.names[m["entity_id"]], m["label"]) for m in result.mentions}


def test_a_club_named_after_a_place_is_apart_from_the_place():
    found = _entities(*[("Port Velden", "GPE", "")] * 3, ("Port Velden", "GPE", "side"),
                      ("Port Velden", "ORG", "side"))
    assert found["a0"] == ("Port Velden", "GPE")
    assert found["a3"] == found["a4"] == ("Port Velden", "ORG")


@pytest.mark.parametrize("rows", [
    # a club's name the corpus does not read as a place: one body
    [("Velden Rovers", "ORG", "")] * 3 + [("Velden Rovers", "ORG", "side")],
    # a nation's side stays with the nation
    [("Wales", "GPE", "")] * 3 + [("Wales", "GPE", "side")],
])
def test_a_side_not_named_after_a_city_stays_one_entity(rows):
    found = _entities(*rows)
    assert len(set(found.values())) == 1


def test_a_name_in_a_sports_report_is_the_club_when_the_corpus_sees_it_act_as_one():
    places = [("Port Velden", "GPE", "")] * 3
    assert _entities(*places, ("Port Velden", "GPE", "side"),
                     ("Port Velden", "GPE", "sport"))["a4"] == ("Port Velden", "ORG")
    assert _entities(*places, ("Port Velden", "GPE", "sport"))["a3"] == ("Port Velden", "GPE")


def test_in_a_sports_report_the_side_is_the_club_and_in_its_city_the_place(nlp):
    text = ("Port Velden beat Velden Rovers 2-0 in the league match on Saturday. The striker "
            "scored two goals in the second half and the goalkeeper saved a penalty. Fans "
            "celebrated in Port Velden after the match.")
    teams = {m.start: m.team for m in extract_mentions(nlp(text)) if m.text == "Port Velden"}
    assert teams == {0: "side", text.rindex("Port Velden"): ""}


def test_outside_a_sports_report_no_name_is_a_side(nlp):
    text = "Port Velden beat its own record for visitors on Saturday, the council said."
    assert not any(m.team for m in extract_mentions(nlp(text)))
