"""Entity mentions: trimming, within-article short forms, acronyms, countries, corpus merging."""

from __future__ import annotations

import pytest

from pipeline.entities import (
    CorpusEntities,
    Mention,
    country_of,
    entity_id,
    extract_mentions,
    find_acronyms,
    resolve_corpus,
)


def _mention(text: str, label: str = "PERSON", local: str | None = None) -> Mention:
    return Mention(0, len(text), text, label, local or text)


def test_titles_and_possessives_stay_outside_the_mention(nlp):
    doc = nlp("President Joe Biden met Mr Rishi Sunak. Mr Sunak’s plan was praised.")
    texts = [m.text for m in extract_mentions(doc)]
    assert "Joe Biden" in texts
    assert "Rishi Sunak" in texts
    assert "Sunak" in texts
    assert not any(t.startswith(("Mr", "President")) or t.endswith("’s") for t in texts)


def test_offsets_cut_the_mention_text(nlp):
    doc = nlp("Prime Minister Jacinda Ardern visited the United States on Monday.")
    for mention in extract_mentions(doc):
        assert doc.text[mention.start:mention.end] == mention.text


def test_short_form_resolves_to_the_full_name_in_the_article(nlp):
    doc = nlp("Angela Merkel spoke in Berlin. Later, Merkel left. Mrs Merkel was tired.")
    locals_ = {m.text: m.local_name for m in extract_mentions(doc)}
    assert locals_["Merkel"] == "Angela Merkel"


def test_people_sharing_a_name_part_stay_apart():
    mentions = {"a1": [_mention("Park Chung-hee"), _mention("Park Geun-hye"),
                       _mention("Park Geun-hye")]}
    result = resolve_corpus(mentions)
    names = {row["name"] for row in result.entities}
    assert names == {"Park Chung-hee", "Park Geun-hye"}


def test_credit_names_are_not_mentions(nlp):
    doc = nlp("Sarah Connor said the plan would work. Photo by John Reese.")
    mentions = extract_mentions(doc, credit_names=["John Reese"])
    assert "John Reese" not in [m.text for m in mentions]


def test_acronym_definitions_are_found():
    text = ("NATO is short for the North Atlantic Treaty Organization, a military alliance. "
            "The World Health Organization (WHO) said so.")
    assert find_acronyms(text) == {"NATO": "North Atlantic Treaty Organization",
                                   "WHO": "World Health Organization"}


def test_country_forms_map_through_pycountry():
    assert country_of("US")[0] == "USA"
    assert country_of("U.S.")[0] == "USA"
    assert country_of("United States")[0] == "USA"
    assert country_of("N. Korea")[0] == "PRK"
    assert country_of("Democratic People's Republic of Korea")[0] == "PRK"
    assert country_of("Reuters") is None


def test_corpus_merges_spelling_variants_countries_and_defined_acronyms():
    articles = {
        "a1": [_mention("Moon Jae-in"), _mention("United States", "GPE"),
               _mention("ROK", "ORG"), _mention("Republic of Korea", "GPE")],
        "a2": [_mention("Moon Jae In"), _mention("US", "GPE"), _mention("the Alps", "LOC",
                                                                        "Alps")],
        "a3": [_mention("Moon Jae-in"), _mention("South Korea", "GPE")],
    }
    result = resolve_corpus(articles, {"a1": {"ROK": "Republic of Korea"}})
    by_name = {row["name"]: row for row in result.entities}
    assert by_name["Moon Jae-in"]["article_count"] == 3
    assert by_name["United States"]["mention_count"] == 2
    assert by_name["South Korea"]["mention_count"] == 3
    assert "ROK" in by_name["South Korea"]["aliases"]


def test_a_person_never_merges_with_a_place():
    articles = {"a1": [_mention("Jordan", "PERSON"), _mention("Jordan", "GPE")]}
    labels = sorted(row["label"] for row in resolve_corpus(articles).entities)
    assert labels == ["GPE", "PERSON"]


def test_overwhelming_label_evidence_corrects_a_minority_label():
    articles = {f"a{i}": [_mention("Ivan Petrov", "PERSON")] for i in range(5)}
    articles["a9"] = [_mention("Ivan Petrov", "ORG")]
    result = resolve_corpus(articles)
    assert [(row["label"], row["mention_count"]) for row in result.entities] == [("PERSON", 6)]


def test_entity_ids_are_stable_and_lookups_rebuild_from_the_tables():
    result = resolve_corpus({"a1": [_mention("Ada Lovelace")]})
    assert result.entities[0]["entity_id"] == entity_id("Ada Lovelace", "PERSON")
    def columns(rows: list[dict]) -> dict[str, list]:
        return {key: [row[key] for row in rows] for key in rows[0]}

    rebuilt = CorpusEntities.from_columns(columns(result.entities), columns(result.mentions))
    assert rebuilt.by_span == result.by_span


@pytest.mark.parametrize("text", ["the", "‘", "s"])
def test_tiny_or_lowercase_entities_are_dropped(nlp, text):
    doc = nlp(f"He said {text} was fine.")
    assert all(m.text[0].isupper() for m in extract_mentions(doc))


def test_hyphen_joined_place_names_stay_whole(nlp):
    doc = nlp("He will visit factories in Komsomolsk-on-Amur next week.")
    texts = [m.text for m in extract_mentions(doc)]
    assert "Komsomolsk-on-Amur" in texts


def test_a_surname_mislabelled_as_organisation_is_the_person():
    raw = [(0, 12, "Anna Kovacs", "PERSON"), (40, 46, "Kovacs", "ORG")]
    from pipeline.entities import _resolve_within_article

    second = _resolve_within_article(raw)[1]
    assert (second.local_name, second.label) == ("Anna Kovacs", "PERSON")


def test_a_body_named_before_its_longer_namesake_is_its_own_entity():
    from pipeline.entities import _resolve_within_article

    raw = [(0, 6, "Google", "ORG"), (30, 42, "Google Video", "ORG"), (60, 66, "Google", "ORG"),
           (80, 92, "Azov Council", "ORG"), (100, 104, "Azov", "ORG"),
           (120, 126, "France", "GPE"), (140, 158, "France Televisions", "ORG")]
    local = [m.local_name for m in _resolve_within_article(raw)]
    assert local == ["Google", "Google Video", "Google", "Azov Council", "Azov Council",
                     "France", "France Televisions"]


def test_names_ner_missed_are_found_where_tagged_elsewhere():
    texts = {"a1": "Talks at Camp David ended.", "a2": "They met at Camp David again.",
             "a3": "Camp David was quiet."}
    articles = {"a1": [Mention(9, 19, "Camp David", "FAC", "Camp David")],
                "a2": [Mention(12, 22, "Camp David", "FAC", "Camp David")], "a3": []}
    result = resolve_corpus(articles, texts=texts)
    (entity,) = result.entities
    assert entity["article_count"] == 3
    assert ("a3", 0, 10) in result.by_span


def test_a_one_word_facility_joins_the_one_longer_name_it_begins():
    articles = {"a1": [_mention("Baikonur Cosmodrome", "FAC")],
                "a2": [_mention("Baikonur Cosmodrome", "FAC")],
                "a3": [_mention("Baikonur", "ORG")]}
    (entity,) = resolve_corpus(articles).entities
    assert (entity["name"], entity["article_count"]) == ("Baikonur Cosmodrome", 3)


def test_a_name_after_a_title_is_a_person_even_when_ner_misses_it(nlp):
    doc = nlp("Among them was Korean People’s Army Marshal Pak Jong Chon, state media said.")
    mentions = {m.text: m.label for m in extract_mentions(doc)}
    assert mentions.get("Pak Jong Chon") == "PERSON"


def test_a_word_mostly_used_alone_stays_its_own_entity():
    articles = {f"a{i}": [_mention("Windows", "PRODUCT")] for i in range(4)}
    articles["b1"] = [_mention("Windows Vista", "PRODUCT")]
    names = sorted(row["name"] for row in resolve_corpus(articles).entities)
    assert names == ["Windows", "Windows Vista"]


def test_company_initials_are_not_country_codes():
    articles = {"a1": [_mention("BA", "ORG"), _mention("US", "GPE")],
                "a2": [_mention("Bosnia and Herzegovina", "GPE")]}
    names = sorted(row["name"] for row in resolve_corpus(articles).entities)
    assert names == ["BA", "Bosnia and Herzegovina", "United States"]


def test_initials_read_as_a_place_only_sometimes_are_not_a_country():
    articles = {f"a{i}": [_mention("BT", "GPE" if i % 2 else "ORG")] for i in range(6)}
    articles["b1"] = [_mention("US", "GPE")]
    names = sorted(row["name"] for row in resolve_corpus(articles).entities)
    assert names == ["BT", "United States"]
