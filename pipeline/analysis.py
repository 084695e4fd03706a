"""Per-article NLP: one spaCy pass over each cleaned body, then entity, quote and event
extraction on the parsed document.

The result is plain data (offsets, strings, dates) so it can be stored per article and merged
at corpus level without the parse. Spans that the quote and event extractors point at (a
speaker, an actor, a place) are snapped to the entity mention they overlap, so the corpus stage
can give them canonical names.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

import py3langid
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities import Mention, extract_mentions, find_acronyms
from pipeline.events import extract_event_mentions
from pipeline.quotes import extract_quotes

ANALYSED_LANGUAGES = frozenset({"en"})
# Parsing in several processes pays off only past a handful of documents per process.
MIN_DOCS_PER_PROCESS = 8


@dataclass(frozen=True)
class ArticleInput:
    """What the NLP stage needs of a cleaned article."""

    key: Hashable  # identifies the article to the caller (e.g. source and sha256)
    text: str
    published: dt.date | None
    credit_names: tuple[str, ...] = ()
    language: str | None = "en"


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None for text too short to tell."""
    if len(text.split()) < 5:
        return None
    language, _ = py3langid.classify(text[:5000])
    return language


@lru_cache(maxsize=2)
def load_model(name: str) -> Language:
    """The installed spaCy pipeline ``name``, loaded once per process."""
    return spacy.load(name)


def model_version(name: str) -> str:
    nlp = load_model(name)
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', name)}-{nlp.meta.get('version', '')}"


def analyse(
    articles: Sequence[ArticleInput],
    model: str,
    n_process: int = 1,
    batch_size: int = 64,
) -> Iterator[tuple[Hashable, dict]]:
    """Parse every analysable article with ``nlp.pipe`` and extract from each doc.

    Yields (key, analysis) in input order; articles in a language the model does not cover get
    an empty analysis that says so instead of wrong English NLP.

    With several processes, each worker parses a chunk of articles in its own ``nlp.pipe``
    stream *and* extracts from the docs, sending back only the plain-data results: unlike
    ``nlp.pipe(n_process=...)``, no Doc is serialised, pickled back and deserialised in this
    process, and chunks go to whichever worker is free (long articles do not leave one
    worker idle).
    """
    todo = [a for a in articles if a.language in ANALYSED_LANGUAGES or a.language is None]
    processes = max(1, min(n_process, len(todo) // MIN_DOCS_PER_PROCESS))
    if processes == 1:
        results: Iterable[tuple[Hashable, dict]] = _analyse_chunk(model, batch_size, todo)
    else:
        results = _analyse_in_workers(todo, model, processes, batch_size)
    parsed = dict(results)
    for article in articles:
        if article.key in parsed:
            yield article.key, parsed.pop(article.key)
        else:
            yield article.key, empty_analysis(f"language {article.language!r} is not analysed")


def _analyse_chunk(model: str, batch_size: int,
                   chunk: Sequence[ArticleInput]) -> list[tuple[Hashable, dict]]:
    """Parse and extract one chunk of articles in this process."""
    nlp = load_model(model)
    docs = nlp.pipe((a.text for a in chunk), batch_size=batch_size)
    return [(article.key, analyse_doc(doc, article))
            for article, doc in zip(chunk, docs, strict=True)]


def _analyse_chunk_star(args: tuple[str, int, Sequence[ArticleInput]]
                        ) -> list[tuple[Hashable, dict]]:
    return _analyse_chunk(*args)


def _analyse_in_workers(todo: Sequence[ArticleInput], model: str, processes: int,
                        batch_size: int) -> Iterator[tuple[Hashable, dict]]:
    """Parse and extract in ``processes`` worker processes, chunk by chunk, in input order.

    The model is loaded before the workers start (they share it on fork, as with spaCy's own
    ``n_process``); chunks are small enough to balance the load and large enough for spaCy to
    batch.
    """
    load_model(model)
    chunk_size = max(1, min(batch_size, -(-len(todo) // (processes * 4))))
    chunks = [(model, batch_size, todo[i:i + chunk_size])
              for i in range(0, len(todo), chunk_size)]
    with multiprocessing.get_context().Pool(processes) as pool:
        for results in pool.imap(_analyse_chunk_star, chunks):
            yield from results


def empty_analysis(skipped: str | None = None) -> dict:
    return {"mentions": [], "acronyms": {}, "quotes": [], "events": [], "skipped": skipped}


def analyse_doc(doc: Doc, article: ArticleInput) -> dict:
    """Entities, quotes and events of one parsed article, as plain data."""
    mentions = extract_mentions(doc, article.credit_names)
    snap = _SpanSnapper(mentions, doc.text)
    quotes = []
    for quote in extract_quotes(doc):
        row = asdict(quote)
        row["speaker"] = snap(quote.speaker_start, quote.speaker_end, prefer="PERSON")
        quotes.append(row)
    events = []
    for event in extract_event_mentions(doc, article.published):
        row = asdict(event)
        row["actors"] = [snap(s, e) for s, e in event.actor_spans]
        row["targets"] = [snap(s, e) for s, e in event.target_spans]
        row["place"] = snap(*event.place_span) if event.place_span else None
        events.append(row)
    return {
        "mentions": [asdict(m) for m in mentions],
        "acronyms": find_acronyms(doc.text),
        "quotes": quotes,
        "events": events,
        "skipped": None,
    }


class _SpanSnapper:
    """Map a character span to the entity mention it overlaps (its offsets), or to its text."""

    def __init__(self, mentions: Sequence[Mention], text: str) -> None:
        self._mentions = mentions
        self._text = text

    def __call__(self, start: int | None, end: int | None,
                 prefer: str | None = None) -> dict | None:
        if start is None or end is None:
            return None
        overlapping = [m for m in self._mentions if m.start < end and start < m.end]
        if overlapping:
            best = max(overlapping, key=lambda m: (m.label == prefer,
                                                   min(end, m.end) - max(start, m.start)))
            return {"start": best.start, "end": best.end, "name": best.local_name}
        return {"start": None, "end": None, "name": self._text[start:end].strip()}
