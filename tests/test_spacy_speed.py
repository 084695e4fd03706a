"""The stand-in lemmatizer and attribute ruler, and numpy's matrix multiply, leave every token
exactly as spaCy's own pipeline does."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from thinc.api import Model

from pipeline import config
from pipeline.spacy_speed import ArrayAttributeRuler, CachedLemmatizer, speed_up

SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))
# Sentences that reach the ruler's rarer rules: two-token patterns, the rules on dependencies,
# spaces, contractions, and tokens its tag table and later rules both set.
RULE_CASES = [
    "We're gonna win, y'all, and I ain't worried. Let's go.",
    "There is a plan and there were two; it's what they'd done.",
    "  Nothin' doin'  \n\n ol' Bob said he'd've come.  C'mon, 'nuff!",
    "That which I gave him, he gave me. Somebody did it, but nobody knew.",
    "She does, he has, I am, you are; I'd like that, wouldn't you? He got it, she gets it.",
    # a two-token rule ("gon" "na") must not match across two docs of one batch
    "He said gon",
    "na is a word.",
]


def token_view(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.Language, spacy.Language]:
    return spacy.load(config.DEFAULT_MODEL), speed_up(spacy.load(config.DEFAULT_MODEL))


def test_the_stand_ins_take_the_originals_places(pipelines) -> None:
    plain, fast = pipelines
    assert fast.pipe_names == plain.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedLemmatizer)


def test_every_neural_layer_multiplies_with_numpy(pipelines) -> None:
    plain, fast = pipelines
    def layers(nlp: spacy.Language) -> list:
        return [layer for _, pipe in nlp.pipeline if isinstance(getattr(pipe, "model", None), Model)
                for layer in pipe.model.walk()]
    assert layers(fast) and not any(layer.ops.use_blis for layer in layers(fast))
    assert all(layer.ops.use_blis for layer in layers(plain))


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_every_token_attribute_is_the_same_as_spacys(pipelines, batch_size: int) -> None:
    plain, fast = pipelines
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + RULE_CASES + [""]
    for expected, got in zip(plain.pipe(texts, batch_size=batch_size),
                             fast.pipe(texts, batch_size=batch_size), strict=True):
        assert token_view(got) == token_view(expected)


def test_a_single_call_is_the_same_as_a_stream(pipelines) -> None:
    plain, fast = pipelines
    for text in RULE_CASES:
        assert token_view(fast(text)) == token_view(plain(text))


def test_a_ruler_with_rules_of_another_kind_keeps_spacys_own() -> None:
    nlp = spacy.load(config.DEFAULT_MODEL)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    speed_up(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert [t.lemma_ for t in nlp("It was very very good.")][2:4] == ["very", "very"]
