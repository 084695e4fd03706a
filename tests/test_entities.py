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


# --- people's short forms, namesakes and variants (issue 15) ---------------------------------

from pipeline.entities import (  # noqa: E402
    GENDERED_WORDS,
    HONORIFIC_GENDERS,
    ORG_HEADS,
    SURNAME_HEADS,
    Rule,
    is_first_name,
    name_key,
)


def _local_name_of_last(nlp, text: str, short: str) -> str:
    mentions = [m for m in extract_mentions(nlp(text)) if m.text == short]
    assert mentions, f"no mention {short!r} in {text!r}"
    return mentions[-1].local_name


@pytest.mark.parametrize("rule", HONORIFIC_GENDERS + GENDERED_WORDS,
                         ids=lambda rule: f"{rule.word}-{rule.value}")
def test_every_gender_rule_resolves_its_example_and_its_counter_example(nlp, rule: Rule):
    # The rows' people are named so that only the word can tell them apart.
    assert not is_first_name("Velandra") and not is_first_name("Radomir")
    assert _local_name_of_last(nlp, rule.example, rule.short) == rule.expected
    assert _local_name_of_last(nlp, rule.counter, rule.short) == rule.counter_expected


@pytest.mark.parametrize("head", sorted(ORG_HEADS))
def test_a_person_named_name_with_a_body_head_word_is_that_body(head):
    from pipeline.entities import _typed_label

    name = f"Trump {head.title()}"
    assert _typed_label(name, 0, name, "PERSON") == ORG_HEADS[head]
    if head in SURNAME_HEADS:  # counter-example: a first name keeps a person ("John Tower")
        person = f"Donald {head.title()}"
        assert _typed_label(person, 0, person, "PERSON") == "PERSON"


def test_a_gendered_title_makes_a_person_of_any_label():
    from pipeline.entities import _typed_label

    body = "He met Mr. Trump."
    assert _typed_label(body, 11, "Trump", "ORG") == "PERSON"


def test_a_pronoun_after_a_surname_says_who_it_is(nlp):
    text = ("Hillary Clinton and Bill Clinton toured Ohio.\n\n"
            "Clinton said she would win the state.")
    assert _local_name_of_last(nlp, text, "Clinton") == "Hillary Clinton"


def test_a_short_form_the_article_leaves_open_stays_unresolved(nlp):
    text = ("Jeb Bush and George W. Bush campaigned in Ohio on Friday.\n\n"
            "Bush said the crowd was large.")
    (short,) = [m for m in extract_mentions(nlp(text)) if m.text == "Bush"]
    assert (short.local_name, short.ambiguous) == ("Bush", True)


def test_the_main_referent_takes_an_open_short_form(nlp):
    text = ("Hillary Clinton spoke. Mrs. Clinton smiled. Mrs. Clinton waved. Mrs. Clinton left."
            "\n\nBill Clinton came too.\n\nClinton thanked the donors.")
    assert _local_name_of_last(nlp, text, "Clinton") == "Hillary Clinton"


def test_a_person_named_later_is_not_an_earlier_short_form(nlp):
    text = ("Hillary Clinton spoke in Ohio. Mrs. Clinton smiled.\n\n"
            "Later her daughter, Chelsea Clinton, spoke. Ms. Clinton waved.")
    mentions = [m for m in extract_mentions(nlp(text)) if m.text == "Clinton"]
    assert [m.local_name for m in mentions] == ["Hillary Clinton", "Chelsea Clinton"]


def test_a_name_inside_a_longer_span_and_a_doubled_letter_are_one_person(nlp):
    text = ("Billionaire Donald Trump spoke. Donald Trump smiled. Hilary Clinton answered, "
            "and Hillary Clinton left.\n\nTrump waved. Mrs. Clinton waved back.")
    assert _local_name_of_last(nlp, text, "Trump") == "Donald Trump"
    assert _local_name_of_last(nlp, text, "Clinton") == "Hillary Clinton"


def test_a_surname_ner_missed_is_found_where_the_person_is_named(nlp):
    doc = nlp("Trump visits Ohio\n\nDonald Trump visited Trump Tower. Later Trump left.")
    persons = [(m.text, m.local_name) for m in extract_mentions(doc) if m.label == "PERSON"]
    assert ("Trump", "Donald Trump") in persons
    assert all(text != "Trump" or doc.text[m_end:m_end + 6] != " Tower"
               for text, _, m_end in [(m.text, m.start, m.end) for m in extract_mentions(doc)])


def test_common_nouns_and_affixes_are_not_names(nlp):
    doc = nlp("A super PAC backed the Trump-led ticket, and Kim Il-sung was named.")
    texts = [m.text for m in extract_mentions(doc)]
    assert "PAC" not in texts and "super PAC" not in texts
    assert "Trump-led" not in texts
    assert all("Il-sung" in t or "Il" not in t for t in texts)


def test_middle_initials_merge_unless_two_middles_compete():
    articles = {"a1": [_mention("Donald J. Trump"), _mention("Hillary Rodham Clinton")],
                "a2": [_mention("Donald Trump"), _mention("Hillary Clinton")],
                "a3": [_mention("George W. Bush"), _mention("George H.W. Bush"),
                       _mention("George Bush")]}
    names = sorted(row["name"] for row in resolve_corpus(articles).entities)
    assert names == ["Donald J. Trump", "George Bush", "George H.W. Bush", "George W. Bush",
                     "Hillary Rodham Clinton"]


def test_relatives_never_merge_however_close_their_first_names():
    articles = {"a1": [_mention("Ivana Trump")], "a2": [_mention("Ivanka Trump")]}
    assert len(resolve_corpus(articles).entities) == 2


def test_acronym_dots_and_of_forms_merge():
    articles = {"a1": [_mention("F.B.I.", "ORG"), _mention("Department of Justice", "ORG")],
                "a2": [_mention("FBI", "ORG"), _mention("Justice Department", "ORG"),
                       _mention("Justice Ministry", "ORG")]}
    rows = {row["name"]: row["mention_count"] for row in resolve_corpus(articles).entities}
    assert sorted(rows.values()) == [1, 2, 2]
    assert rows["Justice Ministry"] == 1
    assert name_key("F.B.I.") == name_key("FBI")


def test_a_namesake_organisation_never_absorbs_the_person():
    articles = {"a1": [_mention("Donald Trump"), _mention("Trump", "PERSON", "Donald Trump")],
                "a2": [_mention("Trump International Hotel", "FAC"), _mention("Trump", "ORG")],
                "a3": [_mention("Trump International Hotel", "FAC")]}
    by_name = {row["name"]: row for row in resolve_corpus(articles).entities}
    assert by_name["Trump International Hotel"]["mention_count"] == 2
    assert by_name["Donald Trump"]["mention_count"] == 2


def test_an_unresolved_short_form_joins_the_person_the_corpus_means_by_it():
    full = [_mention("Barack Obama")] * 3
    articles = {"a1": full, "a2": list(full),
                "a3": [_mention("Michelle Obama"), _mention("Michelle Obama"),
                       _mention("Michelle Obama"),
                       Mention(0, 5, "Obama", "PERSON", "Obama", gender="m")],
                "a4": [Mention(0, 5, "Obama", "PERSON", "Obama", gender="f")]}
    result = resolve_corpus(articles)
    by_name = {row["name"]: row for row in result.entities}
    assert by_name["Barack Obama"]["mention_count"] == 7
    assert "Michelle Obama" in by_name and "Obama" not in by_name  # a4's "Mrs. Obama": hers


def test_an_ambiguous_short_form_is_not_given_to_anyone():
    full = [_mention("Jeb Bush")] * 5
    articles = {"a1": full, "a2": [Mention(0, 4, "Bush", "PERSON", "Bush", ambiguous=True)]}
    names = sorted(row["name"] for row in resolve_corpus(articles).entities)
    assert names == ["Bush", "Jeb Bush"]


def test_a_surname_before_its_only_bearer_is_named_is_left_to_the_corpus(nlp):
    # Hillary is never named in full: the bare "Clinton" of the first paragraph is not Bill.
    text = ("Rally in Iowa\n\nSanders is gaining on Clinton in Iowa, polls show.\n\n"
            "Former President Bill Clinton campaigned in Des Moines.")
    first = next(m for m in extract_mentions(nlp(text)) if m.text == "Clinton")
    assert first.local_name == "Clinton"


def test_a_pronoun_counts_only_after_a_subject(nlp):
    text = "Clinton advisers say he will lose. Clinton said she would win."
    genders = [m.gender for m in extract_mentions(nlp(text)) if m.text == "Clinton"]
    assert genders == ["", "f"]


from pipeline.entities import NAMESAKE_HEADS, WORK_NOUNS, SpanRule  # noqa: E402


@pytest.mark.parametrize("rule", NAMESAKE_HEADS + WORK_NOUNS, ids=lambda rule: rule.word)
def test_every_namesake_rule_makes_its_example_a_body_and_leaves_its_counter_a_surname(
        nlp, rule: SpanRule):
    found = {(m.text, m.label) for m in extract_mentions(nlp(rule.example))}
    assert (rule.expected, rule.label) in found
    assert not any(text.startswith("Oyelaran") and label == "PERSON" and " " not in text
                   for text, label in found)
    counter = [m.text for m in extract_mentions(nlp(rule.counter))]
    assert rule.counter_expected in counter
    assert not any(text.startswith(rule.counter_expected + " ") for text in counter)


def test_a_relative_called_by_first_name_does_not_take_the_surname(nlp):
    text = ("Mr. Radomir Oyelaran spoke in Ohio. Mr. Oyelaran smiled.\n\n"
            "His brother, Tobias Oyelaran, flew planes. Tobias laughed. Tobias sang.\n\n"
            "Tobias left early, and Mr. Oyelaran said he missed him.")
    assert _local_name_of_last(nlp, text, "Oyelaran") == "Radomir Oyelaran"


def test_the_name_a_person_is_known_by_names_all_their_mentions(nlp):
    text = ("Life was good for a young Tobias Ellis Oyelaran.\n\nFriends remember Mr. Oyelaran, "
            "known as Tobi, as a larger-than-life presence. Tobi played tennis.")
    locals_ = {m.text: (m.local_name, m.label) for m in extract_mentions(nlp(text))}
    assert locals_["Tobias Ellis Oyelaran"] == ("Tobi Oyelaran", "PERSON")
    assert locals_["Oyelaran"] == locals_["Tobi"] == ("Tobi Oyelaran", "PERSON")
    # counter-example: without "known as" the full name stays the name
    plain = extract_mentions(nlp("Tobias Ellis Oyelaran spoke. Mr. Oyelaran, a lawyer, left."))
    assert {m.local_name for m in plain if m.label == "PERSON"} == {"Tobias Ellis Oyelaran"}


@pytest.mark.parametrize(("text", "span"), [
    ("Entrusting Tobias Oyelaran With The Codes Is Madness\n\nHe said so.", (0, 3)),
    ("Certainly Tobias Oyelaran has won.", (0, 3)),
    ("Results: Tobias Oyelaran 1, Velandra Brisk 2.", (2, 5)),
    ("We saw Tobias Oyelaran‘s plan.", (2, 5)),
])
def test_words_around_a_name_that_cannot_be_part_of_it_are_left_out(nlp, text, span):
    from spacy.tokens import Span

    doc = nlp(text)
    doc.ents = [Span(doc, *span, label="PERSON")]  # the span NER gives such names
    people = [m.text for m in extract_mentions(doc) if "Oyelaran" in m.text]
    assert people == ["Tobias Oyelaran"]


def test_an_editors_brackets_and_a_left_quote_apostrophe_fold_away():
    assert name_key("[Velandra] Oyelaran") == name_key("Velandra Oyelaran")
    assert name_key("Oyelaran‘s") == name_key("Oyelarans")


def test_a_role_title_picks_the_person_the_article_gives_that_role(nlp):
    text = ("Secretary of State Hillary Oyelaran spoke in Ohio. Mrs. Oyelaran smiled. "
            "Mrs. Oyelaran waved. Mrs. Oyelaran left.\n\n"
            "Former President Bill Oyelaran came too. The crowd cheered. "
            "President Oyelaran thanked the donors.")
    assert _local_name_of_last(nlp, text, "Oyelaran") == "Bill Oyelaran"
    # counter-example: without the title, the article's main referent keeps the surname
    plain = text.replace("President Oyelaran thanked", "Oyelaran thanked")
    assert _local_name_of_last(nlp, plain, "Oyelaran") == "Hillary Oyelaran"


def test_the_main_referent_keeps_a_bare_surname_after_a_relative_is_named(nlp):
    text = ("Hillary Oyelaran spoke in Ohio. Mrs. Oyelaran smiled. Mrs. Oyelaran waved.\n\n"
            "Her husband, Bill Oyelaran, is popular there. The crowd cheered. Voters like "
            "Oyelaran's plans, polls show.")
    assert _local_name_of_last(nlp, text, "Oyelaran") == "Hillary Oyelaran"


def test_a_first_name_misspelt_with_a_single_letter_is_the_same_person_across_articles():
    articles = {"a1": [_mention("Hillary Oyelaran")] * 3, "a2": [_mention("Hilary Oyelaran")],
                "a3": [_mention("Ivanka Oyelaran")]}  # counter-example: a relative stays apart
    names = sorted(row["name"] for row in resolve_corpus(articles).entities)
    assert names == ["Hillary Oyelaran", "Ivanka Oyelaran"]


def test_a_first_name_coordinated_with_a_full_name_is_a_person_of_that_surname(nlp):
    text = ("The parents, Tobias and Velandra Oyelaran, spoke.\n\n"
            "Mr. Oyelaran said he was sad. Ms. Oyelaran agreed.")
    mentions = extract_mentions(nlp(text))
    assert [m.local_name for m in mentions if m.text == "Tobias"] == ["Tobias Oyelaran"]
    assert next(m.local_name for m in mentions if m.text == "Oyelaran") == "Tobias Oyelaran"


def test_a_title_that_fits_no_candidate_better_guesses_no_one(nlp):
    # Neither first name tells a gender (the lexicon knows neither): "Mr." cannot pick one.
    text = ("Radomir Oyelaran and Velandra Oyelaran spoke.\n\n"
            "The crowd cheered. The band played. Mr. Oyelaran said he was sad.")
    assert _local_name_of_last(nlp, text, "Oyelaran") == "Oyelaran"
    # counter-example: a surname of someone named in full is not a first name here
    other = extract_mentions(nlp("Sadiq Brisk met Oyelaran and Velandra Brisk. Later "
                                 "Radomir Oyelaran left."))
    assert [m.local_name for m in other if m.text == "Oyelaran"] != ["Oyelaran Brisk"]


def test_a_role_the_only_candidate_does_not_hold_leaves_the_short_form_to_the_corpus(nlp):
    text = ("Former President Bill Oyelaran spoke in Ohio on Monday.\n\n"
            "The crowd cheered. The band played. Secretary Oyelaran did not attend.")
    assert _local_name_of_last(nlp, text, "Oyelaran") == "Oyelaran"
    # counter-example: the role he holds, or none, keeps him
    same = text.replace("Secretary Oyelaran", "President Oyelaran")
    assert _local_name_of_last(nlp, same, "Oyelaran") == "Bill Oyelaran"


def test_a_full_name_before_a_namesake_head_is_the_body(nlp):
    from spacy.tokens import Span

    doc = nlp("Gifts came from the Tobias J. Oyelaran Foundation in 2010. Tobias J. Oyelaran "
              "gave them.")
    doc.ents = [Span(doc, 4, 7, label="PERSON"), Span(doc, 11, 14, label="PERSON")]
    found = [(m.text, m.label) for m in extract_mentions(doc)]
    assert found == [("Tobias J. Oyelaran Foundation", "ORG"), ("Tobias J. Oyelaran", "PERSON")]


def test_a_namesake_head_joined_by_a_hyphen_still_ends_the_body(nlp):
    from spacy.tokens import Span

    doc = nlp("Radomir Oyelaran spoke at the Oyelaran Global Initiative-America on Monday.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="PERSON")]
    found = [(m.text, m.label) for m in extract_mentions(doc)]
    assert ("Oyelaran Global Initiative", "ORG") in found


def test_a_person_is_not_propagated_into_the_body_named_after_them():
    from pipeline.entities import propagate_names

    name = "Tobias J. Oyelaran"
    articles = {"a1": [Mention(0, 18, name, "PERSON", name)],
                "a2": [Mention(0, 18, name, "PERSON", name)], "a3": []}
    texts = {"a1": name + " spoke.", "a2": name + " left.",
             "a3": "Gifts of the Tobias J. Oyelaran Foundation and of Tobias J. Oyelaran."}
    found = [(m.start, m.text) for m in propagate_names(articles, texts)["a3"]]
    assert found == [(texts["a3"].rindex(name), name)]


@pytest.mark.parametrize(("text", "line", "expected"), [
    # a headline's verbs after a first name and a surname
    ("Tobias Oyelaran Leads", "Tobias Oyelaran Leads In New Poll Of Ohio Voters",
     "Tobias Oyelaran"),
    ("Tobias Oyelaran Responds To", "Tobias Oyelaran Responds To Question About Wages",
     "Tobias Oyelaran"),
    # one capitalised word before them, anywhere
    ("Billionaire Tobias Oyelaran", "The rise of Billionaire Tobias Oyelaran surprised many.",
     "Tobias Oyelaran"),
    # counter-examples: a name of three, a suffix, a verb outside a headline
    ("Marta Ruth Oyelaran", "Marta Ruth Oyelaran Wins Award For Best Bakery In Leeds",
     "Marta Ruth Oyelaran"),
    ("Tobias Oyelaran Jr.", "Tobias Oyelaran Jr. Wins Award For Best Bakery In Leeds",
     "Tobias Oyelaran Jr."),
    ("Tobias Oyelaran Leads", "Polls say that Tobias Oyelaran Leads the race.",
     "Tobias Oyelaran Leads"),
])
def test_headline_words_are_cut_from_a_name(text, line, expected):
    from pipeline.entities import _names_without_headline_words

    start = line.index(text)
    ((s, e, name, _),) = _names_without_headline_words(
        [(start, start + len(text), text, "PERSON")], line)
    assert (line[s:e], name) == (expected, expected)


def test_a_name_the_article_tags_alone_is_cut_from_the_words_around_it():
    from pipeline.entities import _names_without_headline_words

    body = "Tobias Oyelaran Burns Rivals\n\nTobias Oyelaran spoke."
    rows = [(0, 21, "Tobias Oyelaran Burns", "PERSON"), (30, 45, "Tobias Oyelaran", "PERSON")]
    assert [r[2] for r in _names_without_headline_words(rows, body)] == ["Tobias Oyelaran"] * 2


from pipeline.entities import BODY_ALIASES, AliasRule  # noqa: E402


@pytest.mark.parametrize("rule", BODY_ALIASES, ids=lambda rule: rule.alias)
def test_every_body_alias_joins_its_body_and_leaves_its_counter_example_apart(rule: AliasRule):
    articles = {"a1": [_mention(rule.alias, "ORG")], "a2": [_mention(rule.name, "ORG")],
                "a3": [_mention(rule.counter, "ORG")]}
    result = resolve_corpus(articles)
    entity_of = {m["article_id"]: m["entity_id"] for m in result.mentions}
    assert entity_of["a1"] == entity_of["a2"] != entity_of["a3"]


from pipeline.entities import FAMILY_WORDS  # noqa: E402


@pytest.mark.parametrize("rule", FAMILY_WORDS, ids=lambda rule: rule.word)
def test_every_family_word_leaves_the_surname_before_it_open(nlp, rule: Rule):
    (short,) = [m for m in extract_mentions(nlp(rule.example)) if m.text == rule.short]
    # no one person: left open, or not taken for a person at all
    assert short.local_name == rule.expected and (short.ambiguous or short.label != "PERSON")
    assert _local_name_of_last(nlp, rule.counter, rule.short) == rule.counter_expected


@pytest.mark.parametrize(("name", "label"), [
    ("Indiana OYP", "ORG"), ("Junge OYP", "ORG"),  # a body's initials end it
    ("Tobias Oyelaran III", "PERSON"), ("TOBIAS OYELARAN", "PERSON"),  # counter-examples
])
def test_a_person_span_ending_in_initials_is_a_body(name, label):
    from pipeline.entities import _typed_label

    assert _typed_label(name, 0, name, "PERSON") == label


def test_a_name_cut_inside_parentheses_ends_before_them():
    from pipeline.entities import _trim

    text = "the Oyelaran Bureau of Investigation (OBI said"
    start = text.index("Oyelaran")
    s, e = _trim(text, start, text.index(" said"), "ORG")
    assert text[s:e] == "Oyelaran Bureau of Investigation"
    s, e = _trim("the Oyelaran Bureau (OBI) said", 4, 25, "ORG")  # counter-example: closed
    assert "the Oyelaran Bureau (OBI) said"[s:e] == "Oyelaran Bureau (OBI)"


from pipeline.entities import CAMPAIGN_NOUNS  # noqa: E402


@pytest.mark.parametrize("rule", CAMPAIGN_NOUNS, ids=lambda rule: rule.word)
def test_every_campaign_noun_gives_the_surname_before_it_to_the_main_referent(nlp, rule: Rule):
    assert _local_name_of_last(nlp, rule.example, rule.short) == rule.expected
    assert _local_name_of_last(nlp, rule.counter, rule.short) == rule.counter_expected


@pytest.mark.parametrize(("text", "role"), [
    ("She is best placed to be president. Oyelaran won.", ""),  # the word ends a sentence
    ("Voters want a real Governor. Oyelaran won.", ""),
    ("She met President Oyelaran.", "president"),  # counter-examples: a title before the name
    ("She met Gov. Oyelaran.", "governor"),  # an abbreviation's dot is no full stop
    ("She met Dr. Oyelaran.", "dr"),
])
def test_a_role_word_ending_the_sentence_before_is_no_title(text, role):
    from pipeline.entities import _role_before

    assert _role_before(text, text.index("Oyelaran"), any_case=True) == role


def test_a_pronoun_in_another_clause_gives_no_gender(nlp):
    """"he" hangs on "decision", the main subject's: no male hint that would send the short
    form away from the only Clinton the article names."""
    text = ("Bernie Sanders attacked Hillary Clinton on Tuesday.\n\n"
            "Sanders was asked to name a specific decision Clinton made while serving in the "
            "Senate that he believes was influenced by donors.")
    (short,) = [m for m in extract_mentions(nlp(text)) if m.text == "Clinton"]
    assert (short.gender, short.local_name) == ("", "Hillary Clinton")
    # counter-example: a pronoun in the clause the name's clause modifies is the name's
    doc = nlp("Alan Grayson and Dena Grayson spoke.\n\n"
              "After Grayson decided to run for the Senate, he told donors.")
    (hinted,) = [m for m in extract_mentions(doc) if m.text == "Grayson"]
    assert hinted.gender == "m"


def test_two_surnames_joined_by_a_hyphen_are_two_people(nlp):
    text = ("Donald Trump and Hillary Clinton met voters in Ohio on Monday.\n\n"
            "Voters said a Trump-Clinton race would be close.")
    texts = {m.text: m.local_name for m in extract_mentions(nlp(text)) if m.start > 60}
    assert texts == {"Trump": "Donald Trump", "Clinton": "Hillary Clinton"}
    # counter-example: a double-barrelled surname the article never splits stays one name
    doc = nlp("Ruta Oyelaran-Varga spoke in Ohio on Monday. Oyelaran-Varga thanked voters.")
    assert not [m for m in extract_mentions(doc) if m.text in ("Oyelaran", "Varga")]


def test_a_titled_surname_no_named_person_holds_is_someone_else(nlp):
    """Only President Bill Clinton is named in full; "Secretary Clinton" is someone else, and
    the bare "Clinton" the article keeps using is that someone, for the corpus to name."""
    text = ("A diplomat said former Secretary Clinton put speed over security. This puts "
            "Clinton on defense.\n\nHe served under President Bill Clinton and Obama.\n\n"
            "She cited Clinton's visit to the United Nations. Secretary Clinton sent emails.")
    at = text.index("Clinton's visit")
    (bare,) = [m for m in extract_mentions(nlp(text)) if m.start == at]
    assert bare.local_name == "Clinton"
    # counter-example: with no other role in play the bare surname is the named person
    text = ("He served under President Bill Clinton and Obama.\n\n"
            "She cited Clinton's visit to the United Nations.")
    assert _local_name_of_last(nlp, text, "Clinton") == "Bill Clinton"


def _corpus_name_at(nlp, texts: dict[str, str], article: str, at: int) -> str:
    result = resolve_corpus({name: extract_mentions(nlp(text)) for name, text in texts.items()})
    (entity_id,) = [e for (a, start, _), e in result.by_span.items()
                    if a == article and start == at]
    return result.names[entity_id]


def test_a_relative_kept_in_full_leaves_the_bare_surname_to_the_famous_bearer(nlp):
    """Eric Trump is named in full every time and outnumbers Donald Trump in his article: by
    count alone the bare "Trump" would be his; the corpus, which names Donald Trump far more,
    decides."""
    famous = {f"n{i}": f"Donald Trump spoke in Ohio on day {i}. Donald Trump left."
              for i in range(10)}
    text = ("Eric Trump spoke on Monday. Donald Trump was not there.\n\n"
            "Eric Trump said the charity was doing well. Eric Trump thanked donors.\n\n"
            "Eric Trump wrote an email on Tuesday.\n\n"
            "Public records show little evidence that Trump made good on those promises.")
    at = text.rindex("Trump made")
    assert _corpus_name_at(nlp, {**famous, "son": text}, "son", at) == "Donald Trump"
    # counter-example: a relative the article also calls by bare surname keeps the count
    text = ("Eric Trump spoke on Monday. Donald Trump was not there.\n\n"
            "Eric Trump said the charity was doing well. Trump thanked donors.\n\n"
            "Public records show little evidence that Trump made good on those promises.")
    at = text.rindex("Trump made")
    assert _corpus_name_at(nlp, {**famous, "son": text}, "son", at) == "Eric Trump"


def test_a_pronoun_gender_that_fits_nobody_named_is_dropped(nlp):
    text = ("Gloria Borger interviewed Bernie Sanders on Sunday.\n\n"
            "Borger said he has no backing from his colleagues, and Sanders laughed.")
    assert _local_name_of_last(nlp, text, "Borger") == "Gloria Borger"
    # counter-example: a title's gender that fits nobody named is someone else
    text = "Gloria Borger interviewed Bernie Sanders on Sunday.\n\nMr. Borger said nothing."
    assert _local_name_of_last(nlp, text, "Borger") == "Borger"


@pytest.mark.parametrize("names, joined", [
    (("Veldenians", "Veldenian"), True),  # the members and the adjective: one group
    (("Republicans", "Republican"), True),
    (("Veldenies", "Veldeny"), True),  # a plural in "ies" ("Tories", "Tory")
    (("Veldenies", "Veldenie"), True),  # and in "s" ("Brownies", "Brownie")
    (("Democrats", "Democratic"), False),  # no plural of it
    (("Veldenians", "Veldenia"), False),  # the people and their place
])
def test_a_group_with_and_without_its_plural_is_one_group(names, joined):
    label = {"Veldenia": "GPE"}
    articles = {f"a{i}": [_mention(name, label.get(name, "NORP"))] for i, name in enumerate(names)}
    entity_of = {m["article_id"]: m["entity_id"] for m in resolve_corpus(articles).mentions}
    assert (entity_of["a0"] == entity_of["a1"]) is joined
