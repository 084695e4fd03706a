"""One long article: the parser only ever gets pieces of it, the joined doc is row for row the
pieces' own parses, and nothing about it changes what is extracted from it or from the
ordinary articles beside it. The seed articles and the real model; a 25,000-character text
under small piece sizes stands for a 1 MB one (``make bench-scale`` measures that one's time
and memory; no timing here)."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import config
from pipeline.analysis import ArticleInput, analyse, analyse_doc, parse, split_text
from pipeline.cleaning import clean_records
from pipeline.sources import read_version

SEEDS = config.PROJECT_ROOT / "seeds"
PIECE = 4_000


@pytest.fixture(scope="module")
def articles() -> list[ArticleInput]:
    """The seeds read and cleaned by the pipeline's own stages."""
    items = []
    for path in sorted(SEEDS.iterdir()):
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        items.append(((path.name, sha), dataclasses.asdict(read_version(str(SEEDS), path.name,
                                                                        sha))))
    return [ArticleInput.of(key, record) for key, record in clean_records(items)]


@pytest.fixture(scope="module")
def long_text(articles: list[ArticleInput]) -> str:
    text = "\n\n".join(a.text for a in articles)
    return (text + "\n\n") * 2


def _rows(doc: Doc, char_shift: int = 0, token_shift: int = 0) -> list[tuple]:
    """What the extractors read of each token, at the offsets of the whole text."""
    return [(t.idx + char_shift, t.text, t.whitespace_, t.tag_, t.pos_, t.dep_,
             t.head.i + token_shift, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for t in doc]


def test_the_parser_gets_pieces_and_the_doc_is_their_parses_joined(
        nlp: Language, long_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int]] = []
    pipe = nlp.pipe

    def spy(texts, batch_size=64, **kwargs):
        for text in texts:
            seen.append((len(text), batch_size))
            yield from pipe([text], batch_size=batch_size, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    doc = next(parse(nlp, [long_text], batch_size=64, piece_chars=PIECE))
    monkeypatch.undo()
    pieces = split_text(long_text, PIECE)
    assert len(pieces) > 5
    assert seen == [(len(p), 1) for p in pieces]
    assert doc.text == long_text
    expected, chars, tokens = [], 0, 0
    for piece in pieces:
        alone = nlp(piece)
        expected += _rows(alone, chars, tokens)
        chars, tokens = chars + len(piece), tokens + len(alone)
    assert _rows(doc) == expected
    assert doc.tensor.size == 0  # read by no extractor; 75 MB a million characters


def test_the_long_doc_without_its_tensor_yields_the_same_analysis(
        nlp: Language, long_text: str) -> None:
    article = ArticleInput(key="long", text=long_text, published=None)
    lean = next(parse(nlp, [long_text], batch_size=64, piece_chars=PIECE))
    full = Doc.from_docs(list(nlp.pipe(split_text(long_text, PIECE), batch_size=1)),
                         ensure_whitespace=False)
    assert full.tensor.shape[0] == len(full) == len(lean)
    result = analyse_doc(lean, article)
    assert result == analyse_doc(full, article)
    assert len(result["mentions"]) > 100 and result["quotes"] and result["events"]


def test_ordinary_articles_beside_a_long_one_keep_their_analyses(
        nlp: Language, articles: list[ArticleInput], long_text: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A limit under the long text and over every seed: only the long one is cut.
    monkeypatch.setattr(nlp, "max_length", 8_000)
    assert max(len(a.text) for a in articles) < 8_000 < len(long_text)
    model = config.DEFAULT_MODEL
    alone = dict(analyse(articles, model))
    long_article = ArticleInput(key="long", text=long_text, published=None)
    mixed = dict(analyse([*articles[:2], long_article, *articles[2:]], model))
    assert mixed.pop("long")["skipped"] is None
    assert mixed == alone
