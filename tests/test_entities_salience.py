"""Who a short form is, by who the article is about and who its sentences are about; and the
names a text with no mention under it may find an entity by."""

from __future__ import annotations

import pytest

from pipeline.entities import (
    ROLE_NOUN_MODIFIERS,
    CorpusEntities,
    Rule,
    extract_mentions,
    resolve_corpus,
)

# The article is about Velandra Halvorsen, whom the writer calls by the bare surname; her
# husband is named in full in the sentence before the surname.
_ABOUT_HER = ("Velandra Halvorsen won the primary in Ohio. Halvorsen thanked her voters "
              "there.\n\n")


def _last_bare(nlp, text: str) -> str:
    mentions = [m for m in extract_mentions(nlp(text)) if m.text == "Halvorsen"]
    assert mentions and mentions[-1].label == "PERSON", mentions
    return mentions[-1].local_name


def test_a_bare_surname_the_writer_keeps_for_the_main_referent_is_not_the_relative_just_named(
        nlp):
    text = _ABOUT_HER + ("On Monday former President Radomir Halvorsen caused a stir with a "
                         "visit to the judge. The judge must decide whether Halvorsen broke "
                         "the law.")
    assert _last_bare(nlp, text) == "Velandra Halvorsen"
    text = _ABOUT_HER + ("During former President Radomir Halvorsen's tenure, the plan failed. "
                         "Aides said Halvorsen was committed to it.")
    assert _last_bare(nlp, text) == "Velandra Halvorsen"


def test_a_bare_surname_that_carries_on_the_subject_of_the_sentence_before_is_that_person(nlp):
    # counter-example: the relative is the subject of one main clause, the surname of the next
    text = _ABOUT_HER + ("On Monday former President Radomir Halvorsen visited the judge. "
                         "Halvorsen said the visit was social.")
    assert _last_bare(nlp, text) == "Radomir Halvorsen"


def test_a_one_word_short_form_of_a_body_is_found_by_its_offsets_not_by_its_word(nlp):
    text = ("The Bank of England raised interest rates on Thursday. The Bank said inflation "
            "would rise next year.")
    mentions = extract_mentions(nlp(text))
    (short,) = [m for m in mentions if m.text == "Bank"]
    assert short.local_name == "Bank of England"  # in its article, the short form is the body
    result = resolve_corpus({"a": mentions})
    (body,) = {result.by_span[("a", m.start, m.end)] for m in mentions if "Bank" in m.text}
    assert result.names[body] == "Bank of England"
    # the events' generic "the bank" (another bank) finds no entity by the word
    assert (False, "bank") not in result.by_alias
    assert result.by_alias[(False, "bank of england")] == body
    rebuilt = CorpusEntities.from_columns(
        {k: [row[k] for row in result.entities] for k in ("entity_id", "name", "label",
                                                          "aliases")},
        {k: [row[k] for row in result.mentions] for k in ("article_id", "start", "end",
                                                          "entity_id")})
    assert (False, "bank") not in rebuilt.by_alias
    assert rebuilt.by_alias[(False, "bank of england")] == body


@pytest.mark.parametrize("rule", ROLE_NOUN_MODIFIERS, ids=lambda rule: rule.word)
def test_every_role_noun_modifier_points_the_surname_after_it_to_the_roles_holder(nlp,
                                                                                  rule: Rule):
    assert _last_titled(nlp, rule.example, rule.short) == rule.expected
    assert _last_titled(nlp, rule.counter, rule.short) == rule.counter_expected


def test_a_role_noun_that_is_not_the_subject_points_to_no_one(nlp):
    (rule,) = [r for r in ROLE_NOUN_MODIFIERS if r.word == "former"]
    text = rule.example.replace("The former president told the crowd",
                                "The crowd told the former president")
    assert _last_titled(nlp, text, rule.short) == rule.counter_expected


def _last_titled(nlp, text: str, short: str) -> str:
    mentions = [m for m in extract_mentions(nlp(text)) if m.text == short]
    assert mentions, f"no mention {short!r} in {text!r}"
    return mentions[-1].local_name
