"""A body whose name begins with a place keeps its whole name where the text writes it whole
or calls it by its kind; a kind with many members ("District Court") and a state's body
after a state code are no body the country's code joins."""

from __future__ import annotations

import pytest

from pipeline.entities import KIND_NOUNS, ONE_OF_MANY, Mention, extract_mentions, resolve_corpus


def _names(nlp, text: str, word: str) -> list[str]:
    return [m.local_name for m in extract_mentions(nlp(text)) if m.text == word]


def test_a_place_the_text_goes_on_with_the_rest_of_a_body_name_is_the_body(nlp):
    """Gdansk, a real city (the place rule reads GeoNames) that no development article names:
    NER cutting "Gdansk Analytica" after its place leaves the text to say it is the firm."""
    text = (
        "The campaign hired a firm called Gdansk Analytica in May.\n\n"
        "It balked at the price of Gdansk Analytica’s services. Voters in Gdansk were surprised."
    )
    mentions = [m for m in extract_mentions(nlp(text)) if m.text.startswith("Gdansk")]
    cut = [m for m in mentions if m.text == "Gdansk"]
    assert cut, "the test needs NER to cut the name"
    after = [m.local_name for m in cut if text[m.end : m.end + 10] == " Analytica"]
    alone = [m.local_name for m in cut if text[m.end : m.end + 10] != " Analytica"]
    assert set(after) <= {"Gdansk Analytica"}
    assert alone == ["Gdansk"]


@pytest.mark.parametrize("rule", KIND_NOUNS, ids=lambda r: r.noun)
def test_a_place_before_a_body_kind_noun_is_the_body(nlp, rule):
    """Each row: the place before the row's noun is the article's body of that kind (Velden,
    invented, is no known place, so the texts use Turku, a real city no development article
    names); before another noun the place."""
    example = rule.example.replace("Velden", "Turku")
    counter = rule.counter.replace("Velden", "Turku")
    expected = rule.expected.replace("Velden", "Turku")
    assert _names(nlp, example, "Turku")[-1:] == [expected]
    assert _names(nlp, counter, "Turku")[-1:] == ["Turku"]


def _court_articles(prefixed: str, bare: str) -> dict[str, list[Mention]]:
    us = [Mention(0, 4, "U.S.", "GPE", "U.S.")]
    return {
        "a1": [*us, Mention(10, 10 + len(prefixed), prefixed, "ORG", prefixed)],
        "a2": [*us, Mention(10, 10 + len(bare), bare, "ORG", bare)],
    }


@pytest.mark.parametrize("rule", ONE_OF_MANY, ids=lambda r: r.word)
def test_a_kind_with_many_members_stays_apart_from_the_country_coded_name(rule):
    result = resolve_corpus(_court_articles(*rule.example))
    names = {m["text"]: result.names[m["entity_id"]] for m in result.mentions}
    assert names[rule.example[0]] != names[rule.example[1]]
    result = resolve_corpus(_court_articles(*rule.counter))
    names = {m["text"]: result.names[m["entity_id"]] for m in result.mentions}
    assert names[rule.counter[0]] == names[rule.counter[1]]


def test_a_state_code_is_no_country_code():
    """ "NV Post" (a state's paper, one of fifty Posts) stays apart from the corpus's "Post",
    though NER reads the state code as a place; "U.S. Post" would join it."""
    nv = [Mention(0, 2, "NV", "GPE", "NV")] * 1
    articles = {
        "a1": [*nv, Mention(10, 17, "NV Post", "ORG", "NV Post")],
        "a2": [Mention(0, 4, "U.S.", "GPE", "U.S."), Mention(10, 14, "Post", "ORG", "Post")],
        "a3": [
            Mention(0, 4, "U.S.", "GPE", "U.S."),
            Mention(10, 19, "U.S. Post", "ORG", "U.S. Post"),
        ],
    }
    result = resolve_corpus(articles)
    names = {m["text"]: result.names[m["entity_id"]] for m in result.mentions}
    assert names["NV Post"] != names["Post"]
    assert names["U.S. Post"] == names["Post"]
