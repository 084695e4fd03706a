"""A definite or possessive description a quotation's speaker is written as ("the candidate",
"the company", "Dana Roe's campaign") stands for the person or body the text named: one row of
the tables :data:`pipeline.coreference.ROLE_NOUNS`, :data:`BODY_NOUNS` and :data:`OWNED_NOUNS`
per case, each with its counter-example (the noun introduced without a name, or a noun that is
not the owner speaking)."""

from __future__ import annotations

import pytest

from pipeline.coreference import (
    BODY_COUNTER,
    BODY_EXAMPLE,
    BODY_NOUNS,
    OWNED_COUNTER,
    OWNED_EXAMPLE,
    OWNED_NOUNS,
    ROLE_COUNTER,
    ROLE_EXAMPLE,
    ROLE_NOUNS,
    DocIndex,
)
from pipeline.entities import GENDER_OF_WORD
from pipeline.quotes import extract_quotes


def _referent(nlp, text: str, noun: str) -> str | None:
    doc = nlp(text)
    tok = [t for t in doc if t.lower_ == noun.split("-")[-1]][-1]  # "front-runner": its head
    found = DocIndex(doc).nominal_referent(tok)
    return None if found is None else doc.text[found[0] : found[1]]


@pytest.mark.parametrize("noun", sorted(ROLE_NOUNS))
def test_a_role_new_to_the_text_is_the_person_it_is_about(nlp, noun: str) -> None:
    name = "Mara Quill" if GENDER_OF_WORD.get(noun) == "f" else "Tom Arden"
    text = ROLE_EXAMPLE.format(noun=noun).replace("Tom Arden", name)
    assert _referent(nlp, text, noun) == name
    assert _referent(nlp, ROLE_COUNTER.format(noun=noun), noun) is None


def test_a_gendered_role_passes_over_the_other_gender(nlp) -> None:
    text = ('Mara Quill met Tom Arden in Port Velden on Monday.\n\n'
            '"We will win," the businessman said.')
    assert _referent(nlp, text, "businessman") == "Tom Arden"


@pytest.mark.parametrize("noun", sorted(BODY_NOUNS))
def test_a_body_noun_is_the_organisation_last_named(nlp, noun: str) -> None:
    assert _referent(nlp, BODY_EXAMPLE.format(noun=noun), noun) == "Venter Corp"
    assert _referent(nlp, BODY_COUNTER.format(noun=noun), noun) is None


@pytest.mark.parametrize("noun", sorted(OWNED_NOUNS))
@pytest.mark.parametrize("owner", ["Dana Roe's", "her"])
def test_what_a_person_owns_speaks_for_the_owner(nlp, noun: str, owner: str) -> None:
    assert _referent(nlp, OWNED_EXAMPLE.format(owner=owner, noun=noun), noun) == "Dana Roe"
    assert _referent(nlp, OWNED_COUNTER.format(owner=owner), "spokesman") is None


def test_a_noun_ending_an_organisations_name_is_that_organisation(nlp) -> None:
    text = ("The Port Velden City Council met Tom Arden on Monday.\n\n"
            '"We will vote," the council said.')
    assert _referent(nlp, text, "council") == "The Port Velden City Council"


def test_a_compound_kind_must_be_in_the_bodys_name(nlp) -> None:
    text = 'Venter Corp opened a plant on Monday.\n\n"We object," the rights group said.'
    assert _referent(nlp, text, "group") is None


def test_the_quotation_gets_the_role_nouns_person(nlp) -> None:
    doc = nlp('Mara Quill toured Port Velden on Monday.\n\n"We will win," the candidate said.')
    (quote,) = extract_quotes(doc)
    assert doc.text[quote.speaker_start : quote.speaker_end] == "Mara Quill"


def test_an_age_names_a_person(nlp) -> None:
    text = 'Mara Quill toured Port Velden on Monday.\n\n"We will win," said the 46-year-old.'
    assert _referent(nlp, text, "old") == "Mara Quill"


def test_a_campaign_named_for_a_person_is_that_persons(nlp) -> None:
    text = 'Dana Roe toured Port Velden.\n\n"We will win," the Quill campaign said.'
    assert _referent(nlp, text, "campaign") == "Quill"
