"""Who a surname is when a noun of a presidency's time follows it ("the Kessler
administration"), and how sure a short form is that follows one chosen by count alone."""

from __future__ import annotations

import pytest

from pipeline.entities import OFFICE_NOUNS, Rule, extract_mentions, resolve_corpus


def _last_local(nlp, text: str, short: str) -> str:
    mentions = [m for m in extract_mentions(nlp(text)) if m.text == short]
    assert mentions and mentions[-1].label == "PERSON", mentions
    return mentions[-1].local_name


def _corpus_name_at(nlp, texts: dict[str, str], article: str, at: int) -> str:
    result = resolve_corpus({name: extract_mentions(nlp(text)) for name, text in texts.items()})
    (entity_id,) = [
        e for (a, start, _), e in result.by_span.items() if a == article and start == at
    ]
    return result.names[entity_id]


@pytest.mark.parametrize("rule", OFFICE_NOUNS, ids=lambda rule: rule.word)
def test_every_office_noun_gives_the_surname_before_it_to_the_former_president(nlp, rule: Rule):
    assert _last_local(nlp, rule.example, rule.short) == rule.expected
    assert _last_local(nlp, rule.counter, rule.short) == rule.counter_expected


@pytest.mark.parametrize(
    "phrase", ["a potential Kessler administration", "the Kessler administration would"]
)
def test_a_hypothetical_or_future_term_is_the_candidates(nlp, phrase):
    (rule,) = [r for r in OFFICE_NOUNS if r.word == "administration"]
    text = rule.example.replace("the Kessler administration", phrase)
    assert _last_local(nlp, text, "Kessler") == rule.counter_expected


def test_the_corpus_gives_an_office_noun_to_the_bearer_it_knows_held_the_office(nlp):
    """The article names only the candidate; the corpus calls her husband "President"."""
    known = {
        f"k{i}": f"President Radomir Kessler spoke in Ohio on day {i}. He left early."
        for i in range(4)
    }
    text = (
        "Velandra Kessler won the primary in Ohio. Kessler thanked her voters.\n\n"
        "Aides who served in the Kessler administration praised her plans."
    )
    at = text.index("Kessler administration")
    assert _corpus_name_at(nlp, {**known, "a": text}, "a", at) == "Radomir Kessler"
    # counter-example: her campaign is hers
    text = text.replace("Kessler administration", "Kessler campaign")
    at = text.index("Kessler campaign")
    assert _corpus_name_at(nlp, {**known, "a": text}, "a", at) == "Velandra Kessler"


_RELATIVE = (
    "Tobias Kessler spoke on Monday. Anton Kessler was not there.\n\n"
    "Tobias Kessler said the charity was doing well. Tobias Kessler thanked donors.\n\n"
    "Tobias Kessler wrote an email on Tuesday.\n\n"
)


def test_a_surname_after_one_chosen_by_count_is_left_to_the_corpus_too(nlp):
    """Tobias Kessler, named in full every time, outnumbers Anton Kessler in his article: the first
    bare "Kessler" goes to Tobias by count alone, and the corpus, which names Anton far more,
    moves it; the next "Kessler", which carries on from it, moves with it."""
    famous = {
        f"n{i}": f"Anton Kessler spoke in Ohio on day {i}. Anton Kessler left." for i in range(10)
    }
    text = _RELATIVE + (
        "Public records show little evidence that Kessler made good on those "
        "promises. They show no gifts at all from Kessler since 2008."
    )
    at = text.rindex("Kessler since")
    assert _corpus_name_at(nlp, {**famous, "son": text}, "son", at) == "Anton Kessler"
    # counter-example: after Tobias is named in full again, the surname is his
    text = _RELATIVE + (
        "Public records show little evidence that Kessler made good on those "
        "promises.\n\nTobias Kessler called. Kessler said he was busy."
    )
    at = text.rindex("Kessler said")
    assert _corpus_name_at(nlp, {**famous, "son": text}, "son", at) == "Tobias Kessler"


def test_a_plural_title_gives_its_role_to_every_name_it_lists(nlp):
    """"Presidents Kell and Oyelaran": the title before the list makes the bare surname the
    president, not the candidate the article is about; the counter-example, the list without
    the title, is hers."""
    text = ("Velandra Oyelaran spoke in Ohio on Monday. Former President Radomir Oyelaran, her "
            "husband, stayed home.\n\nVelandra Oyelaran won the primary. Oyelaran thanked her "
            "voters.\n\nHer approval mirrors the second terms of Presidents Kell and Oyelaran, a "
            "historian said.")
    assert _last_local(nlp, text, "Oyelaran") == "Radomir Oyelaran"
    assert _last_local(nlp, text.replace("Presidents Kell", "Kell"), "Oyelaran") == (
        "Velandra Oyelaran")
