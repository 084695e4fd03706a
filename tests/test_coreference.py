"""The antecedent ranker of pronoun speakers (pipeline/coreference.py) on invented fixture text,
parsed by the real spaCy model, and its training (scripts/train_antecedents.py) on toy rows."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from pipeline.coreference import (
    FEATURES,
    _in_title,
    antecedent_model,
    candidates,
    name_key,
    rank,
)
from pipeline.quotes import extract_quotes, pronoun_cases, quote_records

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))


def _speaker(nlp, *paragraphs: str, quote: str) -> str | None:
    text = "\n\n".join(paragraphs)
    q = next(q for q in extract_quotes(nlp(text)) if q.text.startswith(quote))
    return None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]


def test_the_shipped_model_matches_the_features():
    model = antecedent_model()
    assert model is not None and model["features"] == list(FEATURES)
    assert "folds [0, 1, 2, 3]" in model["trained_on"]


@pytest.mark.parametrize(("text", "key"), [
    ("Hillary Clinton", "clinton"), ("Clinton’s", "clinton"), ("Harry B. Harris Jr.", "harris"),
    ("José Núñez", "nunez"),
])
def test_name_key_is_the_folded_surname(text, key):
    assert name_key(text) == key


def test_candidates_are_one_per_surname_with_all_their_mentions(nlp):
    text = ("Senator Dana Whitcombe toured the plant on Monday. Whitcombe met workers there.\n\n"
            "“We will keep these jobs here,” she said.")
    ix, records = quote_records(nlp(text), antecedents=False)
    [(_r, cands)] = list(pronoun_cases(ix, records))
    [whitcombe] = [c for c in cands if c.key == "whitcombe"]
    assert [m.text for m in whitcombe.mentions] == ["Dana Whitcombe", "Whitcombe"]
    assert whitcombe.features["rule_pick"] == 1.0
    assert whitcombe.features["last_subject"] == 1.0


def test_a_name_inside_another_persons_title_is_no_candidate(nlp):
    text = ("The primary in Ohio ended on Tuesday with a record turnout.\n\n"
            "Mercer campaign manager Jon Berg picked up a similar thread. "
            "“Voters see that they have a lot in common,” he said.")
    ix, records = quote_records(nlp(text), antecedents=False)
    [(_r, cands)] = list(pronoun_cases(ix, records))
    assert [c.key for c in cands] == ["berg"]
    pos = text.index("he said")
    assert {c.key for c in candidates(ix, pos, "m", None, [])} == {"mercer", "berg"}


@pytest.mark.parametrize(("text", "name", "modifier"), [
    ("The primary in Ohio ended on Tuesday with a record turnout.\n\nMercer campaign manager "
     "Jon Berg picked up a similar thread.", "Mercer", True),
    ("David Fenton said the Mercer outlets have been standing in the way.", "Mercer", True),
    ("The Mercer campaign was coming apart, Jon Berg said.", "Mercer", True),
    ("Dan Mercer met Jon Berg on Monday.", "Dan Mercer", False),
    ("Dan Mercer met Jon Berg on Monday.", "Jon Berg", False),
])
def test_a_name_that_only_modifies_a_noun(nlp, text, name, modifier):
    [ent] = [e for e in nlp(text).ents if e.text == name]
    assert _in_title(ent) is modifier


def test_the_person_the_paragraph_is_about_beats_a_nearer_name_in_an_object(nlp):
    assert _speaker(
        nlp,
        "Martin Groberg, 33, spoke about his decision, including why he will not be supporting "
        "the nominee Donald Trump.",
        "“He has absolutely zero experience in uniform,” he said.",
        quote="He has absolutely") in ("Martin Groberg", "Groberg")


def test_a_person_of_the_other_gender_is_no_antecedent_while_another_fits(nlp):
    assert _speaker(
        nlp,
        "Mark Ellison met Julia Navarro at the plant on Monday. Mark Ellison praised the deal.",
        "“We are ready to sign it this week,” she said.",
        quote="We are ready") == "Julia Navarro"


def test_rank_prefers_the_better_scored_candidate_among_those_that_fit():
    from pipeline.coreference import Antecedent

    def cand(key: str, **features: float) -> Antecedent:
        return Antecedent(key, 0, 1, [], {n: features.get(n, 0.0) for n in FEATURES})

    model = {"mean": [0.0] * len(FEATURES), "scale": [1.0] * len(FEATURES), "bias": 0.0,
             "weights": [1.0 if n == "last_subject" else 0.0 for n in FEATURES]}
    best, _p = rank(model, [cand("a"), cand("b", last_subject=1.0)])
    assert best is not None and best.key == "b"
    best, _p = rank(model, [cand("a"), cand("b", last_subject=1.0, gender_clashes=1.0)])
    assert best is not None and best.key == "a"


def test_training_learns_which_feature_marks_the_right_candidate():
    from train_antecedents import accuracy, fit

    rng = np.random.default_rng(0)
    rows = []
    for _ in range(60):
        x = rng.normal(size=(4, len(FEATURES)))
        right = int(rng.integers(4))
        x[:, 0] = 0.0
        x[right, 0] = 1.0  # only the right candidate has the first feature
        rows.append({"x": x.tolist(), "y": [float(i == right) for i in range(4)]})
    model = fit(rows)
    assert accuracy(model, rows) == 1.0
    assert int(np.argmax(model.weights)) == 0


def test_both_stages_read_one_document_index(nlp):
    from pipeline.coreference import DocIndex
    from pipeline.events.actors import _DocIndex as EventsIndex
    from pipeline.quotes import _DocIndex as QuotesIndex

    assert issubclass(QuotesIndex, DocIndex) and issubclass(EventsIndex, DocIndex)
    text = "Dana Whitcombe said: “Marta Oyelaran will win this race.”"
    ix = EventsIndex(nlp(text))
    assert ix.in_quote(text.index("Marta")) and not ix.in_quote(text.index("Dana"))


def test_a_name_takes_its_gender_from_the_honorific_the_first_name_or_the_full_mention(nlp):
    from pipeline.coreference import DocIndex

    text = ("Mr. Okonkwo arrived late. Maria Lindqvist spoke first, and Lindqvist left early. "
            "Hale stayed.")
    ix = DocIndex(nlp(text))

    def gender(word: str) -> str | None:
        at = text.rindex(word)
        return ix.name_gender((at, at + len(word)))

    assert (gender("Okonkwo"), gender("Maria Lindqvist"), gender("Lindqvist")) == ("m", "f", "f")
    assert gender("Hale") is None  # a surname alone, never after a title: nothing tells


def _resolved(nlp, text: str, pronoun: str) -> list[str]:
    from pipeline.events.actors import _DocIndex as EventsIndex

    doc = nlp(text)
    ix = EventsIndex(doc)
    [tok] = [t for t in doc if t.text == pronoun]
    return [text[a:b] for a, b in ix.resolve_pronoun(tok)]


def test_an_events_pronoun_skips_the_person_of_the_other_gender(nlp):
    assert _resolved(nlp, "Mark Ellison met Julia Navarro at the plant on Monday. She praised "
                     "the deal.", "She") == ["Julia Navarro"]


def test_an_object_pronoun_is_not_its_own_clauses_subject(nlp):
    assert _resolved(nlp, "Peter Halvorsen approached Tomas Berg at the bar and then punched "
                     "him.", "him") == ["Tomas Berg"]


def test_an_events_he_is_the_person_the_sentence_is_about_not_a_nearer_name(nlp):
    # The events' former rule took the nearest person before the pronoun (Tomas Berg).
    assert _resolved(nlp, "Peter Halvorsen started his day by calling into the morning shows "
                     "to preempt an expected attack from Tomas Berg - and then he flew to Bergen "
                     "to hold a rally.", "he") == ["Peter Halvorsen"]
