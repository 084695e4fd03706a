"""A known place's name is the place, not a body named after it; and a word the corpus writes
alone as a person nearly always is that person under any label NER gave it."""

from __future__ import annotations

from pipeline.entities import (
    COMPASS_WORDS,
    PLACE_HEADS,
    Mention,
    extract_mentions,
    resolve_corpus,
)


def _names(nlp, text: str, word: str) -> list[tuple[str, str]]:
    return [(m.local_name, m.label) for m in extract_mentions(nlp(text)) if m.text == word]


def test_a_known_place_is_not_short_for_a_body_named_after_it(nlp):
    """Gdansk, a real city (the rule reads GeoNames) that no development article names."""
    text = (
        "The Gdansk Courier reported on Monday that the mayor would resign.\n\n"
        "Voters in Gdansk said they were surprised."
    )
    assert _names(nlp, text, "Gdansk") == [("Gdansk", "GPE")]


def test_a_known_place_is_short_for_its_own_longer_name(nlp):
    """The counter-example: a county, a parish (PLACE_HEADS) is the place's longer name."""
    assert "county" in PLACE_HEADS
    text = (
        "Gdansk County voted on Monday to close two schools.\n\n"
        "Voters in Gdansk said they were surprised."
    )
    assert _names(nlp, text, "Gdansk") == [("Gdansk County", "GPE")]


def _alone(text: str, label: str) -> Mention:
    return Mention(0, len(text), text, label, text)


def test_a_word_written_alone_as_a_person_nearly_always_is_a_person_under_any_label():
    """Six "Halvorsen" tagged GPE in an article that never names him in full, beside the
    corpus's twenty bare "Halvorsen" resolved to Tobias Halvorsen: the six are him too."""
    articles = {
        f"a{i}": [
            Mention(0, 16, "Tobias Halvorsen", "PERSON", "Tobias Halvorsen"),
            *[
                Mention(20 + 10 * j, 29 + 10 * j, "Halvorsen", "PERSON", "Tobias Halvorsen")
                for j in range(4)
            ],
        ]
        for i in range(5)
    }
    articles["tagged"] = [
        Mention(10 * j, 10 * j + 9, "Halvorsen", "GPE", "Halvorsen") for j in range(6)
    ]
    result = resolve_corpus(articles)
    (row,) = [r for r in result.entities if "Halvorsen" in r["aliases"]]
    assert (row["name"], row["label"], row["mention_count"]) == ("Tobias Halvorsen", "PERSON", 31)


def test_a_word_mostly_written_alone_as_a_place_keeps_its_place_label():
    """The counter-example: "Halvorsen" written alone as a place as often as a person (a
    town of that name) stays a place where NER said so."""
    articles = {
        f"a{i}": [
            Mention(0, 16, "Tobias Halvorsen", "PERSON", "Tobias Halvorsen"),
            Mention(20, 29, "Halvorsen", "PERSON", "Tobias Halvorsen"),
        ]
        for i in range(5)
    }
    articles["town"] = [
        Mention(10 * j, 10 * j + 9, "Halvorsen", "GPE", "Halvorsen") for j in range(6)
    ]
    result = resolve_corpus(articles)
    labels = {r["name"]: r["label"] for r in result.entities}
    assert labels["Halvorsen"] == "GPE"


def test_a_body_after_a_country_code_is_the_body_the_corpus_names_without_it():
    """ "U.S." is read as the country wherever it stands alone; the "Velden Senate" after it is
    the corpus's "Velden Senate"; a show "Velden Today" after a code stays apart from a
    newspaper "USA Velden Today" (its label differs)."""
    us = [Mention(0, 4, "U.S.", "GPE", "U.S.")]
    articles = {
        "a1": [*us, Mention(10, 27, "U.S. Velden Senate", "ORG", "U.S. Velden Senate")],
        "a2": [*us, Mention(10, 23, "Velden Senate", "ORG", "Velden Senate")],
        "a3": [
            *us,
            Mention(10, 30, "USA Velden Today", "ORG", "USA Velden Today"),
            Mention(40, 52, "Velden Today", "WORK_OF_ART", "Velden Today"),
        ],
    }
    result = resolve_corpus(articles)
    names = {m["text"]: result.names[m["entity_id"]] for m in result.mentions}
    assert names["U.S. Velden Senate"] == names["Velden Senate"]
    assert names["USA Velden Today"] != names["Velden Today"]


def test_a_compass_word_alone_is_a_region_not_the_longer_place_it_begins(nlp):
    """"across the South" beside South Carolina is the region (COMPASS_WORDS); the
    counter-example, a place's first word that is no compass word, is its longer name."""
    assert {"south", "west"} <= COMPASS_WORDS
    text = ("Mara Quill campaigned in {place} on Monday.\n\n"
            "She hopes to win across {short} in March.")
    assert _names(nlp, text.format(place="South Carolina", short="the South"), "South") == [
        ("South", "LOC")]
    assert _names(nlp, text.format(place="West Velden", short="the West"), "West") == [
        ("West", "LOC")]
    assert _names(nlp, text.format(place="Velden Carolina", short="Velden"), "Velden") == [
        ("Velden Carolina", "GPE")]
