"""Who acts when the subject is a pronoun (issue 16, actors): first person in a quotation is its
speaker or the group the speaker speaks for, a reported "he" of an unnamed speaker is that
speaker as written, "they" the group named before, "its" its clause's subject; a phase verb's
subject runs its object noun's event. Invented sentences, real spaCy."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events import extract_event_mentions

WED = dt.date(2023, 9, 13)


def _actors(nlp, text: str, event_type: str) -> list[str]:
    doc = nlp(text)
    found = [m for m in extract_event_mentions(doc, WED) if m.event_type == event_type]
    assert found, f"no {event_type} in {text!r}"
    return [doc.text[a:b] for a, b in found[0].actor_spans]


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        ('"I blame Tom Keller for the closure," Jane Morrow said.', "ACCUSE", ["Jane Morrow"]),
        ('Jane Morrow told the council: "I fully support Tom Keller."', "SUPPORT",
         ["Jane Morrow"]),
        ('"We will sue Tom Keller," a Microsoft spokesman said.', "ACCUSE", ["Microsoft"]),
        ('"We arrested Tom Keller at the port," the police said.', "COERCE", ["police"]),
    ],
)
def test_first_person_in_a_quotation_is_its_speaker(nlp, text, event_type, expected):
    assert _actors(nlp, text, event_type) == expected


def test_first_person_outside_a_quotation_stays_as_written(nlp):
    # the author's "we": no speaker to stand for
    assert _actors(nlp, "We asked Tom Keller to resign.", "DEMAND") == ["We"]
    # a person speaking for no named group: "we" is not the person
    assert _actors(nlp, '"We will sue Tom Keller," Jane Morrow said.', "ACCUSE") == ["We"]


def test_an_unnamed_speaker_is_the_reported_he_as_written(nlp):
    assert _actors(nlp, "The home secretary said he would not launch an investigation.",
                   "INVESTIGATE") == ["home secretary"]


def test_a_speaker_who_cannot_be_the_reported_he_leaves_it_to_its_antecedent(nlp):
    text = "Jane Morrow told a reporter who asked whether she would sue Tom Keller."
    assert _actors(nlp, text, "ACCUSE") == ["Jane Morrow"]  # not the reporter


def test_they_is_the_group_named_before(nlp):
    text = ("Senate Democrats seized the floor on Wednesday. Jane Morrow said they would sue "
            "Tom Keller.")
    assert _actors(nlp, text, "ACCUSE") == ["Democrats"]
    # no group named before: "they" as written, never a person
    assert _actors(nlp, "Jane Morrow said they would sue Tom Keller.", "ACCUSE") == ["they"]


def test_its_is_its_clauses_subject(nlp):
    assert _actors(nlp, "Sweden has dropped its investigation into Tom Keller.",
                   "INVESTIGATE") == ["Sweden"]


def test_a_phase_verbs_subject_runs_the_event_of_its_object(nlp):
    assert _actors(nlp, "Dunmore prosecutors decided to reopen the investigation in May.",
                   "INVESTIGATE") == ["Dunmore prosecutors"]
    # a verb whose subject undergoes the event names no investigator
    assert _actors(nlp, "Tom Keller faced an investigation by the Dunmore police.",
                   "INVESTIGATE") != ["Tom Keller"]


def test_a_conjoined_name_the_ner_missed_acts_with_the_others(nlp):
    text = ("Chaffetz and Rep. Bob Goodlatte (R-Va.), for example, earlier asked the U.S. "
            "attorney in D.C. whether Clinton committed perjury.")
    assert sorted(_actors(nlp, text, "DEMAND")) == ["Bob Goodlatte", "Chaffetz"]


def test_who_acts_at_a_meeting_takes_part_in_it(nlp):
    text = "Tom Keller explained his reasons to his constituents at a meeting in Harlow."
    assert _actors(nlp, text, "CONSULT") == ["Tom Keller"]
    text = "The package was announced by Jane Morrow after talks with the fishermen."
    assert _actors(nlp, text, "CONSULT") == ["Jane Morrow"]
