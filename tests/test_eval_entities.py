"""The entity scorer: figures known by construction, gold offsets, the pipeline on tiny texts."""

from __future__ import annotations

import pytest

from pipeline import config
from pipeline.eval_entities import (
    GOLD_DIR,
    GoldMention,
    Predicted,
    check_offsets,
    evaluate_folder,
    format_report,
    load_gold,
    read_texts,
    score,
)

TINY_GOLD = GOLD_DIR / "tiny.tsv"
POLNEAR = config.PROJECT_ROOT.parent / "shared" / "corpora" / "polnear-train"


def _gold(referent: str, start: int, label: str = "PERSON") -> GoldMention:
    return GoldMention("a.txt", start, start + 5, "Xxxxx", referent, referent,
                       frozenset([label]) if label else frozenset())


def _pred(start: int, entity: str, label: str = "PERSON") -> Predicted:
    return Predicted("a.txt", start, start + 5, entity, entity, label)


def test_one_entity_holding_two_people_scores_as_computed_by_hand():
    # Three mentions of H and two of B, all in one entity "Clinton": H's home is that
    # entity, B has none. Pairs in one entity: C(5,2) = 10, of which C(3,2) + C(2,2) = 4 share
    # a referent; every pair sharing a referent is in one entity.
    gold = [_gold("H", 0), _gold("H", 10), _gold("H", 20), _gold("B", 30), _gold("B", 40)]
    predicted = [_pred(start, "Clinton") for start in (0, 10, 20, 30, 40)]
    figures = score(gold, predicted)
    assert figures["accuracy"] == pytest.approx(3 / 5)
    assert figures["pairwise_precision"] == pytest.approx(4 / 10)
    assert figures["pairwise_recall"] == 1.0
    assert figures["b_cubed_precision"] == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    assert figures["false_merges"] == ["'Clinton' holds 3 H, 2 B"]
    assert figures["false_splits"] == []


def test_a_split_a_miss_a_label_error_and_a_guessed_ambiguous_mention():
    gold = [_gold("T", 0), _gold("T", 10), _gold("T", 20), _gold("F", 30, "ORG"),
            _gold("?", 40, ""), _gold("T", 50)]
    predicted = [_pred(0, "Donald Trump"), _pred(10, "Donald Trump"), _pred(20, "Trump"),
                 _pred(30, "F.B.I.", "GPE"), _pred(40, "Donald Trump")]
    figures = score(gold, predicted)
    assert (figures["found"], figures["missed"], figures["ambiguous"]) == (5, 1, 1)
    assert figures["accuracy"] == pytest.approx(3 / 4)  # T's third mention is in "Trump"
    assert figures["pairwise_precision"] == 1.0
    assert figures["pairwise_recall"] == pytest.approx(1 / 3)
    assert figures["false_splits"] == ["T in 2 'Donald Trump', 1 'Trump'"]
    assert figures["label_errors"] == 1
    assert figures["ambiguous_guessed"] == 1
    assert "Missed:" in format_report(figures)


def test_a_prediction_must_overlap_half_of_the_shorter_span():
    gold = [GoldMention("a.txt", 0, 12, "Donald Trump", "T", "T", frozenset())]
    assert score(gold, [Predicted("a.txt", 0, 18, "e", "e", "PERSON")])["found"] == 1
    assert score(gold, [Predicted("a.txt", 10, 20, "e", "e", "PERSON")])["found"] == 0


def test_tiny_gold_rows_cut_their_own_texts():
    gold = load_gold(TINY_GOLD)
    assert check_offsets(gold, read_texts(GOLD_DIR / "tiny")) == []


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="../shared/corpora/polnear-train not here")
def test_polnear_gold_rows_cut_the_corpus_texts():
    gold = load_gold()
    assert len(gold) >= 300 and len({g.file for g in gold}) >= 60
    assert check_offsets(gold, read_texts(POLNEAR, {g.file for g in gold})) == []


def test_the_pipeline_resolves_the_tiny_fixture(nlp):
    # Mrs./Mr. Clinton beside both Clintons, a headline "Clinton" (the main referent), Trump
    # Tower beside Donald J. Trump, F.B.I./FBI, Department of Justice / Justice Department,
    # NER's missed "Trump"s, and a "Bush" between two Bushes that must stay open.
    figures = evaluate_folder(GOLD_DIR / "tiny", TINY_GOLD)
    assert (figures["articles"], figures["gold"], figures["found"]) == (4, 23, 23)
    assert figures["accuracy"] == 1.0
    assert (figures["pairwise_precision"], figures["pairwise_recall"]) == (1.0, 1.0)
    assert figures["false_merges"] == figures["false_splits"] == []
    assert figures["label_errors"] == 0
    assert (figures["ambiguous"], figures["ambiguous_guessed"]) == (1, 0)


def test_the_audit_lists_aliases_and_flags_the_unusual_ones():
    from pipeline.eval_entities import audit, format_audit

    entities = [{"entity_id": "e1", "name": "Donald Trump", "label": "PERSON",
                 "mention_count": 52, "article_count": 3},
                {"entity_id": "e2", "name": "United States", "label": "GPE",
                 "mention_count": 2, "article_count": 1},
                {"entity_id": "e3", "name": "Oslo", "label": "GPE", "mention_count": 1,
                 "article_count": 1}]
    mentions = ([{"entity_id": "e1", "text": "Trump", "article_id": "a1"}] * 50
                + [{"entity_id": "e1", "text": "Donald Trump", "article_id": "a2"},
                   {"entity_id": "e1", "text": "Ivana", "article_id": "a3"},
                   {"entity_id": "e2", "text": "US", "article_id": "a1"},
                   {"entity_id": "e2", "text": "United States", "article_id": "a1"},
                   {"entity_id": "e3", "text": "Oslo", "article_id": "a1"}])
    rows = audit(entities, mentions, {"a2": "src/two.txt", "a3": "src/three.txt"}, top=2)
    assert [row["name"] for row in rows] == ["Donald Trump", "United States"]
    assert rows[0]["aliases"] == [("Trump", 50), ("Donald Trump", 1), ("Ivana", 1)]
    # "Ivana" shares no word with the name; "Donald Trump" is under 2 % of 52; "US" spells
    # the initials of "United States" and is usual.
    assert [(u["alias"], u["articles"]) for u in rows[0]["unusual"]] == [
        ("Donald Trump", ["src/two.txt"]), ("Ivana", ["src/three.txt"])]
    assert rows[1]["unusual"] == []
    assert "unusual: 'Ivana' (1) in three" in format_audit(rows)
