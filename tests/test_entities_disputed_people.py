"""A person NER took for a body (issue 15, polnear-train: "Carly Fiorina" tagged ORG in 32
articles, her 48 bare "Fiorina"s given to her husband Frank, the one Fiorina NER tagged a
person). Within an article, a full name that starts with a first name of one gender is a
person's when its surname alone is followed by a pronoun of that gender; across the corpus, a
majority of person mentions is enough for such a name. Platforms NER takes for people
("Twitter", PERSON in 154 mentions) are companies, and a word cut from a weekday ("Super" of
"Super Tuesday", GPE in 54) names no entity. The rows stand for NER's tags, the parse is the
real model's."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.entities import PLATFORMS, _people_by_surname, _person_by_first_name, extract_mentions


def _rows(text: str, label: str) -> list[tuple[int, int, str, str]]:
    """Every "Margaret Oyelaran" and lone "Oyelaran" of ``text``, tagged ``label``."""
    rows, at = [], 0
    while (start := text.find("Oyelaran", at)) != -1:
        full = text.rfind("Margaret ", 0, start) == start - len("Margaret ")
        begin = start - len("Margaret ") if full else start
        rows.append((begin, start + len("Oyelaran"), text[begin:start + len("Oyelaran")], label))
        at = start + 1
    return rows


def test_a_surname_she_follows_makes_the_full_name_a_person(nlp):
    text = ("Margaret Oyelaran took the stage in Port Velden. Oyelaran said she would win. "
            "Later Oyelaran told voters she had a plan.")
    relabelled = _people_by_surname(nlp(text), _rows(text, "ORG"))
    assert [label for *_, label in relabelled] == ["PERSON", "PERSON", "PERSON"]


def test_a_firm_named_after_a_first_name_keeps_its_label(nlp):
    text = ("Margaret Oyelaran opened a store in Port Velden. Oyelaran said it would grow. "
            "Later Oyelaran said it had hired staff.")
    relabelled = _people_by_surname(nlp(text), _rows(text, "ORG"))
    assert [label for *_, label in relabelled] == ["ORG", "ORG", "ORG"]


def test_a_pronoun_of_the_other_gender_keeps_the_label(nlp):
    text = ("Margaret Oyelaran took the stage in Port Velden. Oyelaran said he would win. "
            "Later Oyelaran told voters he had a plan.")
    relabelled = _people_by_surname(nlp(text), _rows(text, "ORG"))
    assert [label for *_, label in relabelled] == ["ORG", "ORG", "ORG"]


@pytest.mark.parametrize("key, counts, surnames, expected", [
    ("margaret oyelaran", Counter(PERSON=5, ORG=4), set(), "PERSON"),
    ("margaret oyelaran", Counter(PERSON=4, ORG=5), set(), None),  # no majority
    ("velden foundation", Counter(PERSON=5, ORG=4), set(), None),  # no first name
    ("margaret foundation", Counter(PERSON=5, ORG=4), set(), None),  # a body's head
    ("general oyelaran", Counter(PERSON=5, ORG=4), set(), None),  # a title, no first name
    ("oyelaran", Counter(PERSON=5, ORG=4), {"oyelaran"}, "PERSON"),
    ("madison", Counter(PERSON=5, GPE=4), {"oyelaran"}, None),  # no disputed bearer's surname
])
def test_a_majority_of_people_with_a_first_name_is_a_person(key, counts, surnames, expected):
    assert _person_by_first_name(key, counts, surnames) == expected


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_a_platform_is_a_company_whatever_ner_says(nlp, platform):
    name = {"youtube": "YouTube", "tiktok": "TikTok", "whatsapp": "WhatsApp",
            "linkedin": "LinkedIn"}.get(platform, platform.title())
    text = f"Dana Roe said on {name} that she would run, and Tom Arden wrote on {name} too."
    labels = {m.text: m.label for m in extract_mentions(nlp(text))}
    assert labels.get(name, "ORG") == "ORG" and labels.get("Dana Roe") == "PERSON"


@pytest.mark.parametrize("text, word, kept", [
    ("Sanders won most states voting on Super Tuesday in March.", "Super", False),
    ("Shops in Velden opened early for Cyber Monday.", "Cyber", False),
    ("Tom Arden said Tuesday that he would run.", "Tom Arden", True),  # a person is no day
    ("Tom Arden told CNN Tuesday that he would run.", "CNN", True),  # the day is the verb's
])
def test_a_word_cut_from_the_weekday_after_it_names_a_day(nlp, text, word, kept):
    assert (word in {m.text for m in extract_mentions(nlp(text))}) is kept
