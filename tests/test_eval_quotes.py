"""The quote scorer on tests/fixtures/polnear_tiny: three made-up articles in PolNeAR's format.

The first test scores hand-made predictions, so every figure is known by construction; the
second runs the pipeline's own extraction on the fixture with the real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import config
from pipeline.eval_quotes import evaluate_corpus, fold_of, load_corpus, name_tokens, score

FIXTURE = Path(__file__).parent / "fixtures" / "polnear_tiny"


@pytest.fixture(scope="module")
def corpus():
    return {a.name: a for a in load_corpus(FIXTURE)}


def _pred(article, n: int, speaker: str | None = None, local: str | None = None) -> dict:
    g = article.quotes[n]
    return {"start": g.start, "end": g.end, "speaker": speaker, "local_speaker": local}


def test_folds_are_fixed_by_file_name(corpus):
    assert {name: a.fold for name, a in corpus.items()} == {
        "tiny_bridge": 0, "tiny_strike": 4, "tiny_trial": 3}
    assert fold_of("tiny_strike") == 4


def test_pronoun_and_nominal_speakers_are_derived_from_the_annotation(corpus):
    keys = {(name, g.source_text): set(g.keys) for name, a in corpus.items() for g in a.quotes}
    assert keys[("tiny_bridge", "she")] == {"whitfield"}
    # "the spokesman" refers to "The city's spokesman, Tom Baker", not to the nearest name.
    assert keys[("tiny_bridge", "the spokesman")] == {"baker"}
    # Mr. Reyes is male: "he" is him.
    assert keys[("tiny_strike", "he")] == {"reyes"}
    # No named person is ever called "the port authority": not derivable.
    assert keys[("tiny_strike", "The port authority")] == set()
    assert keys[("tiny_trial", "she")] == {"lind"}


def test_figures_of_hand_made_predictions(corpus):
    bridge, strike = corpus["tiny_bridge"], corpus["tiny_strike"]
    elephant = bridge.other_quoted[0]
    predictions = {
        "tiny_bridge": [
            _pred(bridge, 0, "Jane Whitfield"),  # name, right
            _pred(bridge, 1, "Jane Whitfield"),  # pronoun, right
            _pred(bridge, 2),  # name, no speaker
            _pred(bridge, 3, "Jane Whitfield"),  # nominal, wrong speaker
            {"start": elephant[0], "end": elephant[1], "speaker": None, "local_speaker": None},
        ],
        "tiny_strike": [
            _pred(strike, 0, None, "Maria Okafor"),  # name, right by its local name
            _pred(strike, 1, "Maria Okafor"),  # nominal, not derivable
            _pred(strike, 3, "Reyes"),  # pronoun, right; quote 2 is missed
            {"start": 0, "end": 10, "speaker": None, "local_speaker": None},  # the headline
        ],
        "tiny_trial": [],  # four missed quotes
    }
    articles = list(corpus.values())
    every = score(articles, predictions)
    assert (every["gold"], every["predicted"]) == (12, 9)
    assert every["recall"] == round(7 / 12, 4)
    assert every["recall_3plus"] == round(7 / 11, 4)  # "regrettable." is one word
    assert every["precision"] == round(7 / 9, 4)
    assert every["speaker_name"] == round(2 / 3, 4)
    assert every["speaker_pronoun_nominal"] == round(2 / 3, 4)
    assert every["failures"] == {
        "name: missed quote": 3, "pronoun: missed quote": 2, "name: no speaker": 1,
        "nominal: wrong speaker": 1, "nominal: gold speaker not derivable": 1,
        "extra: quoted outside any attribution": 1, "extra: not a gold segment": 1,
    }
    assert every["pronoun_nominal_derivable"] == {
        "pronoun": {"derivable": 4, "total": 4}, "nominal": {"derivable": 1, "total": 2}}
    held = score(articles, predictions, folds=[4])
    assert (held["gold"], held["recall"], held["precision"]) == (4, 0.75, 0.75)
    assert (held["speaker_name"], held["speaker_pronoun_nominal"]) == (1.0, 1.0)


def test_the_pipeline_on_the_fixture(nlp):
    figures = evaluate_corpus(FIXTURE, config.DEFAULT_MODEL)
    every = figures["all"]
    assert figures["articles"] == 3
    assert every["gold"] == 12
    assert every["recall_3plus"] == 1.0
    assert every["speaker_name"] == 1.0
    assert every["speaker_pronoun_nominal"] == 1.0
    # The one-word "regrettable." has a cue ("called") and is kept; what is left: "white
    # elephant" (no attribution) is taken for a quotation cued by "call".
    assert every["recall"] == 1.0
    assert every["failures"] == {
        "nominal: gold speaker not derivable": 1, "extra: quoted outside any attribution": 1}


def test_name_tokens_fold_like_the_gold_keys():
    assert name_tokens("Martin O’Malley") == {"martin", "omalley"}
    assert name_tokens("Trump’s") == {"trump"}
    assert name_tokens("José Núñez") == {"jose", "nunez"}


def test_hyphenated_names_fold_as_one_key():
    assert "lopezcantera" in name_tokens("Carlos Lopez-Cantera")


REFERENTS = Path(__file__).parent / "fixtures" / "polnear_referents" / "tiny.json"


def test_figures_against_hand_checked_referents():
    corpus = {a.name: a for a in load_corpus(FIXTURE, REFERENTS)}
    bridge, strike = corpus["tiny_bridge"], corpus["tiny_strike"]
    predictions = {
        "tiny_bridge": [_pred(bridge, 1, "Jane Whitfield"), _pred(bridge, 3, "Jane Whitfield")],
        "tiny_strike": [_pred(strike, 1, "Maria Okafor"), _pred(strike, 3, "Reyes")],
        "tiny_trial": [],
    }
    every = score(list(corpus.values()), predictions)
    # Derived: the port authority is not derivable, so 2 of 3 as before.
    assert every["speaker_pronoun_nominal"] == round(2 / 3, 4)
    # Checked: the port authority is named (and Okafor is wrong); Lind is unsure, not counted.
    assert every["speaker_pronoun_nominal_checked"] == 0.5
    assert every["speakers_checked"] == {
        "pronoun": {"missed quote": 1, "right": 2}, "nominal": {"wrong speaker": 2}}
    assert every["pronoun_nominal_checked"] == {
        "pronoun": {"checked": 3, "total": 4}, "nominal": {"checked": 2, "total": 2}}


def test_a_stale_referent_is_an_error(tmp_path):
    stale = tmp_path / "stale.json"
    stale.write_text('{"quotes": [{"file": "tiny_bridge", "start": 1, "end": 9, '
                     '"source": "she", "referent": ["whitfield"]}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="match no pronoun"):
        load_corpus(FIXTURE, stale)
