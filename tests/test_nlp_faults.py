"""NLP faults: one article that cannot be parsed or extracted is published without its NLP layer,
saying why, and costs no other article its analysis; a text too long for spaCy is parsed in
pieces. Real seed articles, the real model, real failures (no mocks)."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import dagster as dg
import pytest

from pipeline import config
from pipeline.analysis import ArticleInput, analyse, parse, split_text
from pipeline.cleaning import clean_records
from pipeline.corpus import build_articles
from pipeline.defs.assets.nlp import article_nlp
from pipeline.defs.resources import SpacyResource
from pipeline.release import to_arrow
from pipeline.sources import read_version

MODEL = config.DEFAULT_MODEL
SEEDS = config.PROJECT_ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "reliability"


def _cleaned(root: Path, *names: str) -> dict[tuple[str, str], dict]:
    """Sources read and cleaned by the pipeline's own stages, keyed by version."""
    items = []
    for name in names:
        sha = hashlib.sha256((root / name).read_bytes()).hexdigest()
        items.append(((name, sha), dataclasses.asdict(read_version(str(root), name, sha))))
    return dict(clean_records(items))


@pytest.fixture(scope="module")
def seeds() -> dict[tuple[str, str], dict]:
    return _cleaned(SEEDS, *sorted(p.name for p in SEEDS.iterdir()))


def _inputs(cleaned: dict, **overrides: dict) -> list[ArticleInput]:
    """The NLP inputs of cleaned rows; ``overrides`` maps a source to fields to replace."""
    return [ArticleInput.of(version, row) if version[0] not in overrides else
            dataclasses.replace(ArticleInput(key=version, text=row["article"].text,
                                             published=None), **overrides[version[0]])
            for version, row in cleaned.items()]


def _source(cleaned: dict, index: int) -> str:
    return sorted(cleaned)[index][0]


def test_an_article_whose_extraction_raises_is_kept_with_the_error(nlp, seeds):
    # A published date that came through as ISO text, not a date: resolving "Wednesday"
    # against it raises inside the real date resolver, for this article only.
    bad = _source(seeds, 1)
    good = dict(analyse(_inputs(seeds), MODEL))
    row = seeds[next(v for v in seeds if v[0] == bad)]
    inputs = _inputs(seeds, **{bad: {"text": row["article"].text,
                                     "published": row["article"].published.isoformat()}})
    out = dict(analyse(inputs, MODEL))
    failed = out.pop(next(v for v in seeds if v[0] == bad))
    assert failed["failed"] is True
    assert failed["skipped"] == ("NLP failed: AttributeError: 'str' object has no attribute "
                                 "'weekday'")
    assert failed["mentions"] == failed["events"] == failed["quotes"] == []
    assert len(out) == 4
    assert all(out[v] == good[v] for v in out)
    assert all(a["skipped"] is None and a["mentions"] for a in out.values())


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_a_text_the_parser_refuses_loses_only_its_article(nlp, seeds, batch_size):
    # spaCy raises E1041 on a text that is not a string: the stream breaks mid-batch.
    bad = _source(seeds, 2)
    good = dict(analyse(_inputs(seeds), MODEL, batch_size=batch_size))
    out = dict(analyse(_inputs(seeds, **{bad: {"text": None}}), MODEL, batch_size=batch_size))
    failed = out.pop(next(v for v in seeds if v[0] == bad))
    assert failed["skipped"].startswith("NLP failed: ValueError: [E1041]")
    assert all(out[v] == good[v] for v in out)


def test_the_nlp_asset_warns_counts_and_the_articles_table_says_why(nlp, seeds, capfd):
    cleaned = {**seeds, **_cleaned(FIXTURES, "french.txt")}
    bad = _source(seeds, 0)
    batch = {version: {**row, "batch": "b1"} for version, row in cleaned.items()}
    for version, row in batch.items():
        if version[0] == bad:  # the date as text: this article's extraction raises
            row["article"] = dataclasses.replace(
                row["article"], published=row["article"].published.isoformat())
    context = dg.build_asset_context()
    results = article_nlp(context, spacy=SpacyResource(model=MODEL, n_process=1),
                          cleaned_articles=batch)
    assert context.get_output_metadata("result")["failed_articles"] == 1
    warnings = [line for line in capfd.readouterr().err.splitlines() if " WARNING " in line]
    assert len(warnings) == 1 and bad in warnings[0] and "AttributeError" in warnings[0]

    skipped = {source: result["skipped"] for (source, _), result in results.items()}
    built = build_articles({source: row for (source, _), row in cleaned.items()}, skipped)
    notes = {row["source"]: row["nlp_skipped"]
             for row in to_arrow("articles", built.articles).to_pylist()}
    assert notes.pop(bad).startswith("NLP failed: AttributeError")
    assert notes.pop("french.txt") == "language 'fr' is not analysed"
    assert notes == {source: None for source, _ in seeds if source != bad}


def test_split_text_cuts_after_paragraphs_then_lines_then_sentences(seeds):
    text = next(iter(seeds.values()))["article"].text
    pieces = split_text(text, 600)
    assert "".join(pieces) == text
    assert len(pieces) > 5 and all(len(p) <= 600 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    one_paragraph = text.replace("\n\n", " ")
    pieces = split_text(one_paragraph, 600)
    assert "".join(pieces) == one_paragraph
    assert all(p.endswith(". ") for p in pieces[:-1])
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_text(text, len(text)) == [text]


def test_a_text_parsed_in_pieces_is_one_doc_over_the_whole_text(nlp, seeds):
    texts = [row["article"].text for row in seeds.values()]
    docs = list(parse(nlp, texts, batch_size=64, piece_chars=800))
    assert [doc.text for doc in docs] == texts
    for doc, text in zip(docs, texts, strict=True):
        whole = nlp(text)
        assert len(doc.ents) >= 0.8 * len(whole.ents)
        assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
        # Every piece starts a sentence; the parse inside a piece is the parser's own.
        assert doc.has_annotation("DEP") and len(list(doc.sents)) >= len(list(whole.sents))


def test_a_text_over_the_model_limit_is_analysed(nlp, seeds, monkeypatch):
    # The article over spaCy's limit (E088 without the pieces): a 30,000-character text under
    # a 10,000-character limit stands for a 1.1 MB one under the default million, which takes
    # minutes to parse (see the README).
    text = "".join(row["article"].text + "\n\n" for row in seeds.values())
    text = (text * (30_000 // len(text) + 1))[:30_000]
    monkeypatch.setattr(nlp, "max_length", 10_000)
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    (_, analysis), = analyse([ArticleInput(key="long", text=text, published=None)], MODEL)
    assert analysis["skipped"] is None
    assert len(analysis["mentions"]) > 100
    assert all(text[m["start"]:m["end"]] == m["text"] for m in analysis["mentions"])
    assert all(text[q["start"]:q["end"]] == q["text"] for q in analysis["quotes"])
