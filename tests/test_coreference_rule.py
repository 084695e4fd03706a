"""The rules' antecedent against the trained ranker (pipeline/coreference.py ``rank``): the
rules' pick in the pronoun's own sentence stands only when the ranker finds it likely too."""

from __future__ import annotations

from pipeline.coreference import FEATURES, RULE_STANDS, Antecedent, rank


def _cand(key: str, **features: float) -> Antecedent:
    known = {n: features.get(n, 0.0) for n in FEATURES}
    extra = {"reported_speaker": 0.0, "latest_reported_speaker": 0.0, "reported_just_before": 0.0}
    return Antecedent(key, 0, 1, [], {**known, **extra, **features})


def _model(weights: dict[str, float]) -> dict:
    return {
        "mean": [0.0] * len(FEATURES),
        "scale": [1.0] * len(FEATURES),
        "bias": 0.0,
        "weights": [weights.get(n, 0.0) for n in FEATURES],
    }


RULE = {"rule_pick": 1.0, "rule_same_sentence": 1.0}


def test_the_rules_pick_in_the_pronouns_sentence_stands_when_the_ranker_finds_it_likely():
    # The ranker gives the rules' pick (Rell) 0.95, the other (Quill) 0.99: Rell stands.
    model = _model({"rule_pick": 2.944, "last_subject": 4.595})
    best, p = rank(model, [_cand("rell", **RULE), _cand("quill", last_subject=1.0)])
    assert best is not None and best.key == "rell" and p >= RULE_STANDS


def test_a_rules_pick_the_ranker_finds_unlikely_gives_way_to_the_better_scored():
    # "Asked by host Tam Rell whether ..., he said": the ranker gives Rell 0.5.
    model = _model({"last_subject": 4.595})
    best, _p = rank(model, [_cand("rell", **RULE), _cand("quill", last_subject=1.0)])
    assert best is not None and best.key == "quill"


def test_the_speaker_of_the_sentence_before_stands_alike():
    before = {"rule_pick": 1.0, "reported_just_before": 1.0}
    strong = _model({"rule_pick": 2.944, "last_subject": 4.595})
    best, _p = rank(strong, [_cand("rell", **before), _cand("quill", last_subject=1.0)])
    assert best is not None and best.key == "rell"
    weak = _model({"rule_pick": -1.0, "last_subject": 4.595})
    best, _p = rank(weak, [_cand("rell", **before), _cand("quill", last_subject=1.0)])
    assert best is not None and best.key == "quill"
