"""Scans that read a doc's columns instead of its Token objects find what a token loop finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import LOWER, ORTH
from spacy.language import Language

from pipeline import config
from pipeline.analysis import load_model, parse
from pipeline.doctext import _KEY, doc_text, indexes_where, remember_text
from pipeline.entities import TITLES
from pipeline.events.mentions import SPORTS_DOCUMENT_WORDS, SPORTS_WORDS, is_sports_report
from pipeline.events.triggers import _trigger_type, possible_triggers

SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model(config.DEFAULT_MODEL)


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    texts.append("Police arrested two men. The minister's visit to Paris was cancelled; "
                 "Gen. Ivan Petrov attacked the plan.")
    return list(nlp.pipe(texts))


def test_remember_text_keeps_the_parsed_string_only(nlp: Language) -> None:
    doc = nlp("He said: \u201cNo.\u201d  \n\nThen he left. ")
    remember_text(doc, "something else")
    assert _KEY not in doc.user_data and doc_text(doc) == doc.text
    fresh = nlp("He left.  ")
    remember_text(fresh, "He left.  ")
    assert fresh.user_data[_KEY] == "He left.  " == fresh.text
    empty = nlp("")
    remember_text(empty, "")
    assert doc_text(empty) == ""


def test_a_doc_parsed_in_pieces_keeps_its_text(nlp: Language) -> None:
    text = "One sentence here. " * 30
    doc = next(parse(nlp, [text], batch_size=4, piece_chars=100))
    remember_text(doc, text)
    assert doc_text(doc) == text == doc.text


def test_indexes_where_matches_a_token_loop(nlp: Language, docs: list) -> None:
    def title(text: str) -> bool:
        return text.casefold().rstrip(".") in TITLES and text[0].isupper()
    for doc in docs:
        assert indexes_where(doc, ORTH, title) == [t.i for t in doc if title(t.text)]
        assert indexes_where(doc, LOWER, lambda w: w == "the") == [
            t.i for t in doc if t.lower_ == "the"]
    assert indexes_where(nlp(""), ORTH, title) == []


def test_possible_triggers_hold_every_trigger(docs: list) -> None:
    found = 0
    for doc in docs:
        candidates = {t.i for t in possible_triggers(doc)}
        triggers = {t.i for t in doc if _trigger_type(t) is not None}
        assert triggers <= candidates
        assert all(doc[i].pos_ in {"VERB", "NOUN", "PROPN"} for i in candidates)
        found += len(triggers)
    assert found


def test_a_sports_report_is_found_from_the_columns(nlp: Language) -> None:
    for doc in nlp.pipe(["The striker scored two goals.", "The striker left.", ""]):
        words = {t.lower_ for t in doc}
        assert is_sports_report(doc) == (len(words & SPORTS_WORDS) >= SPORTS_DOCUMENT_WORDS)
    assert is_sports_report(nlp("The striker scored two goals."))
