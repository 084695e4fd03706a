"""Per-article NLP: one spaCy pass over each cleaned body, then entity, quote and event
extraction on the parsed document.

The result is plain data (offsets, strings, dates) so it can be stored per article and merged
at corpus level without the parse. Spans that the quote and event extractors point at (a
speaker, an actor, a place) are snapped to the entity mention they overlap, so the corpus stage
can give them canonical names.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypedDict

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.casing import onto_original, restore_case
from pipeline.doctext import doc_text, remember_text
from pipeline.entities import Mention, extract_mentions, find_acronyms
from pipeline.events import EventMention, extract_event_mentions
from pipeline.parallel import map_chunks
from pipeline.quotes import Quote, extract_quotes
from pipeline.spacy_speed import speed_up

if TYPE_CHECKING:
    from pipeline.cleaning import CleanedRecord

ANALYSED_LANGUAGES = frozenset({"en"})
# Parsing in several processes pays off only past a handful of documents per process.
MIN_DOCS_PER_PROCESS = 8
# Longer texts are parsed in pieces of at most this many characters: spaCy refuses a text over
# ``nlp.max_length`` (a million characters, E088) and its parse of one text needs temporary
# memory that grows with the text: 450 MB over the model's 250 for 100,000 characters.
PIECE_CHARS = 100_000
# Where a piece may end, best first: a paragraph break, a line break, a sentence end, a space.
PIECE_BOUNDARIES = ("\n\n", "\n", ". ", " ")
NLP_FAILED = "NLP failed"
MAX_REASON_CHARS = 300


class SnappedSpan(TypedDict):
    """A span a quote or an event points at (speaker, actor, target, place): the offsets of the
    entity mention it overlaps, so the corpus stage finds its canonical entity, or, without
    one, None offsets and the span's own text."""

    start: int | None
    end: int | None
    name: str


class _Analysis(TypedDict):
    mentions: list[dict[str, Any]]
    acronyms: dict[str, str]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    skipped: str | None


class ArticleAnalysis(_Analysis, total=False):
    """The NLP stage's output for one article, stored per source version and read by the
    corpus stage: plain data, no parse.

    ``mentions`` hold ``pipeline.entities.Mention``'s fields; ``quotes`` ``pipeline.quotes.Quote``'s
    and ``speaker`` (a :class:`SnappedSpan` or None); ``events``
    ``pipeline.events.EventMention``'s and ``actors``, ``targets`` (lists of spans) and
    ``place`` (a span or None). ``skipped`` says why the article has no NLP layer (None when it
    was analysed); ``failed`` is set when that is because its NLP raised.
    """

    failed: bool


@dataclass(frozen=True)
class ArticleInput:
    """What the NLP stage needs of a cleaned article."""

    key: Hashable  # identifies the article to the caller (e.g. source and sha256)
    text: str
    published: dt.date | None
    credit_names: tuple[str, ...] = ()
    language: str | None = "en"

    @classmethod
    def of(cls, key: Hashable, record: CleanedRecord) -> ArticleInput:
        """The NLP input of a cleaned (not rejected) record."""
        article = record["article"]
        return cls(key=key, text=article.text, published=article.published,
                   credit_names=tuple(article.credit_names), language=record.get("language"))


@lru_cache(maxsize=2)
def load_model(name: str) -> Language:
    """The installed spaCy pipeline ``name``, loaded once per process, with the faster,
    output-identical lemmatizer and attribute ruler of :mod:`pipeline.spacy_speed`."""
    return speed_up(spacy.load(name))


def model_version(name: str) -> str:
    nlp = load_model(name)
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', name)}-{nlp.meta.get('version', '')}"


def analyse(
    articles: Sequence[ArticleInput],
    model: str,
    n_process: int = 1,
    batch_size: int = 64,
) -> Iterator[tuple[Hashable, ArticleAnalysis]]:
    """Parse every analysable article with ``nlp.pipe`` and extract from each doc.

    Yields (key, analysis) in input order; articles in a language the model does not cover get
    an empty analysis that says so instead of wrong English NLP.

    With several processes, each worker parses a chunk of articles in its own ``nlp.pipe``
    stream *and* extracts from the docs, sending back only the plain-data results: unlike
    ``nlp.pipe(n_process=...)``, no Doc is serialised, pickled back and deserialised in this
    process, and chunks go to whichever worker is free (long articles do not leave one
    worker idle).
    """
    todo = [a for a in articles if _is_analysed(a)]
    processes = max(1, min(n_process, len(todo) // MIN_DOCS_PER_PROCESS))
    load_model(model)  # before the workers fork, so they share it (as spaCy's n_process does)
    chunk_size = max(1, min(batch_size, -(-len(todo) // (processes * 4))))
    chunks = [(model, batch_size, article) for article in todo]
    # Results come back in input order, each as soon as its chunk is done, so the caller can
    # show progress: collecting them first kept the NLP bar at 0 until the last chunk.
    parsed = map_chunks(_analyse_chunk, chunks, processes, chunk_size)
    for article in articles:
        if _is_analysed(article):
            yield next(parsed)
        else:
            yield article.key, empty_analysis(f"language {article.language!r} is not analysed")
    for _ in parsed:  # none is left: this lets the pool close its workers
        pass


def _is_analysed(article: ArticleInput) -> bool:
    return article.language in ANALYSED_LANGUAGES or article.language is None


def _analyse_chunk(chunk: Sequence[tuple[str, int, ArticleInput]]
                   ) -> list[tuple[Hashable, ArticleAnalysis]]:
    """Parse and extract one chunk of articles in this process: one ``nlp.pipe`` stream.

    No article's failure fails the chunk: one that cannot be extracted gets an analysis saying
    why; when the stream itself breaks, the articles it had not yielded yet are parsed one by
    one, so only the one that breaks the parser is lost.
    """
    if not chunk:
        return []
    model, batch_size = chunk[0][0], chunk[0][1]
    articles = [article for _, _, article in chunk]
    nlp = load_model(model)
    restored = [_restored(a) for a in articles]
    docs = parse(nlp, [r or a.text for r, a in zip(restored, articles, strict=True)],
                 batch_size)
    results: list[tuple[Hashable, ArticleAnalysis]] = []
    for article, copy in zip(articles, restored, strict=True):
        try:
            doc = next(docs)
        except Exception:  # the stream is closed from here on
            results.extend((a.key, _analyse_alone(nlp, a)) for a in articles[len(results):])
            break
        results.append((article.key, _extract(doc, article, copy is not None)))
    return results


def _analyse_alone(nlp: Language, article: ArticleInput) -> ArticleAnalysis:
    copy = _restored(article)
    try:
        doc = next(parse(nlp, [copy or article.text], batch_size=1))
    except Exception as error:
        return failed_analysis(error)
    return _extract(doc, article, copy is not None)


def _restored(article: ArticleInput) -> str | None:
    """The case-restored copy to parse in place of a one-case text, else None (a text that is
    no string is left for the parser to refuse, one article at a time)."""
    return restore_case(article.text) if isinstance(article.text, str) else None


def _extract(doc: Doc, article: ArticleInput, restored: bool = False) -> ArticleAnalysis:
    """The article's analysis from its parse (of a case-restored copy when ``restored``: then
    laid on the article's own words first, :mod:`pipeline.casing`)."""
    try:
        return analyse_doc(onto_original(doc, article.text) if restored else doc, article)
    except Exception as error:  # RecursionError included: one article, not the batch
        return failed_analysis(error)


def parse(nlp: Language, texts: Sequence[str], batch_size: int,
          piece_chars: int = PIECE_CHARS) -> Iterator[Doc]:
    """One doc per text, in order, the texts streamed through ``nlp.pipe`` in batches.

    A text longer than ``piece_chars`` is parsed in pieces (:func:`split_text`), one piece
    per batch so that its parse needs no more memory than one piece's, and the pieces are
    joined into one doc whose text is the original's: every offset into it stays valid
    (:func:`_parse_long`).
    """
    size = min(piece_chars, nlp.max_length)
    short: list[str] = []
    for text in texts:
        if isinstance(text, str) and len(text) > size:
            yield from nlp.pipe(short, batch_size=batch_size)
            short = []
            yield _parse_long(nlp, text, size)
        else:
            short.append(text)
    yield from nlp.pipe(short, batch_size=batch_size)


def _parse_long(nlp: Language, text: str, size: int) -> Doc:
    """One doc of ``text`` parsed a piece at a time, without the pieces' tensors.

    The tensors (tok2vec's 96 floats a token, 75 MB for a 1 MB text) are read by no extractor;
    kept, they were held twice at the join (pieces and joined doc), and their release left
    the parser's freed scratch memory scattered: the doc of a 1 MB article held the process
    at 750 MB instead of 450 MB through its extraction. That scratch is then handed back to the
    system (:func:`_return_freed_memory`), which takes it to 330 MB.
    """
    pieces = []
    for piece in nlp.pipe(split_text(text, size), batch_size=1):
        piece.tensor = np.zeros((0,), dtype="float32")
        pieces.append(piece)
    doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    del pieces
    _return_freed_memory()
    return doc


def _return_freed_memory() -> None:
    """Give the memory the allocator holds free back to the system (glibc's ``malloc_trim``;
    elsewhere nothing): a parse's scratch is freed but stays mapped, counted as this
    process's, through the minutes a long article's extraction takes."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def split_text(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back to
    it exactly, each ending at the best boundary (:data:`PIECE_BOUNDARIES`) in its second half,
    so that a cut rarely falls inside a sentence the parser needs whole."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = size
        for boundary in PIECE_BOUNDARIES:
            at = window.rfind(boundary, size // 2)
            if at >= 0:
                cut = at + len(boundary)
                break
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def empty_analysis(skipped: str | None = None) -> ArticleAnalysis:
    return {"mentions": [], "acronyms": {}, "quotes": [], "events": [], "skipped": skipped}


def failed_analysis(error: BaseException) -> ArticleAnalysis:
    """The empty analysis of an article whose NLP raised ``error``, saying so in ``skipped``
    (flagged ``failed``, so the caller can report it)."""
    reason = f"{NLP_FAILED}: {type(error).__name__}: {error}"
    if len(reason) > MAX_REASON_CHARS:
        reason = reason[:MAX_REASON_CHARS - 1] + "…"
    return {**empty_analysis(reason), "failed": True}


def _fields(record: Mention | Quote | EventMention) -> dict[str, Any]:
    """A record's fields as a dict. Their values are numbers, strings, dates and tuples, so
    ``dataclasses.asdict``'s deep copy (a tenth of the extraction's time) would copy nothing
    that can change."""
    return dict(vars(record))


def analyse_doc(doc: Doc, article: ArticleInput) -> ArticleAnalysis:
    """Entities, quotes and events of one parsed article, as plain data."""
    remember_text(doc, article.text)
    mentions = extract_mentions(doc, article.credit_names)
    snap = _SpanSnapper(mentions, doc_text(doc))
    quotes = []
    for quote in extract_quotes(doc):
        row = _fields(quote)
        row["speaker"] = snap(quote.speaker_start, quote.speaker_end, prefer="PERSON")
        quotes.append(row)
    events = []
    attributed, unattributed = _quote_ranges(quotes)
    for event in extract_event_mentions(doc, article.published):
        if any(start <= event.trigger_start < end for start, end in unattributed):
            continue
        if ((event.modality == "planned" or event.event_type in SPEECH_ACT_TYPES)
                and any(start <= event.trigger_start < end for start, end in attributed)
                and _speaker_own_act(doc, event.trigger_start)):
            continue
        row = _fields(event)
        row["actors"] = [snap.headed(doc, s, e) for s, e in event.actor_spans]
        row["targets"] = [snap.headed(doc, s, e) for s, e in event.target_spans]
        row["place"] = snap(*event.place_span) if event.place_span else None
        events.append(row)
    return {
        "mentions": [_fields(m) for m in mentions],
        "acronyms": find_acronyms(doc_text(doc)),
        "quotes": quotes,
        "events": events,
        "skipped": None,
    }


def _quote_ranges(quotes: Sequence[dict[str, Any]]
                  ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The attributed and the unattributed quotations' spans. Events inside an unattributed one
    (a scare quote, a title, a slogan) are dropped; an event an attributed speaker describes ("he
    should apologise", "they deported me") is an event as the gold labels it, with the modality
    its own clause gives (the speaking itself is no trigger: speech verbs have no sense row)."""
    attributed, unattributed = [], []
    for q in quotes:
        said = q["speaker_text"] is not None or q["cue"] is not None
        (attributed if said else unattributed).append((q["start"], q["end"]))
    return attributed, unattributed


#: First-person subjects: inside a quotation, the speaker (or the speaker's side) as actor.
FIRST_PERSON = frozenset({"i", "we"})
#: Types whose first-person trigger in a quotation is the quotation's own speech act, reported
#: speech and no event: "We urge the council to think again" (the speaker's call, in the quotes
#: table); not "Tom Keller urged the council to think again" (another's call, reported).
SPEECH_ACT_TYPES = frozenset({"DEMAND"})


def _speaker_own_act(doc: Doc, trigger_start: int) -> bool:
    """Whether the trigger's subject is the quotation's first person: the speaker's own planned
    act ("I will be asking Parliament to renew it") is a statement of intent and the speaker's
    own call the quotation itself, no event; what a speaker says others did or should do, or
    what "we would investigate" if asked, is one."""
    span = doc.char_span(trigger_start, trigger_start + 1, alignment_mode="expand")
    tok = span[0] if span else None
    for _ in range(3):
        if tok is None:
            return False
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FIRST_PERSON
               for c in tok.children):
            return True
        if tok.dep_ not in {"xcomp", "conj"}:
            return False
        tok = tok.head
    return False


#: Heads that say nothing of what a span names (a parse rooted on "the" or a comma).
_NO_HEAD_POS = frozenset({"DET", "PUNCT", "ADP", "CCONJ", "PART"})


class _SpanSnapper:
    """Map a character span to the entity mention it overlaps (its offsets), or to its text."""

    def __init__(self, mentions: Sequence[Mention], text: str) -> None:
        self._mentions = mentions
        self._text = text

    def __call__(self, start: int | None, end: int | None,
                 prefer: str | None = None) -> SnappedSpan | None:
        if start is None or end is None:
            return None
        overlapping = [m for m in self._mentions if m.start < end and start < m.end]
        if overlapping:
            best = max(overlapping, key=lambda m: (m.label == prefer,
                                                   min(end, m.end) - max(start, m.start)))
            return {"start": best.start, "end": best.end, "name": best.local_name}
        return {"start": None, "end": None, "name": self._text[start:end].strip()}

    def headed(self, doc: Doc, start: int, end: int) -> SnappedSpan | None:
        """An event participant's span snapped only to a mention holding its head word: "the
        Harlow attorney", "Republican nominee", "Oyelaran supporters" are the attorney, the
        nominee, the supporters (by their text), not the entity that modifies them."""
        span = doc.char_span(start, end, alignment_mode="expand")
        head = span.root if span is not None and len(span) else None
        if head is None or head.pos_ in _NO_HEAD_POS:
            return self(start, end)  # a span the parse gives no content head: as before
        if not any(m.start <= head.idx < m.end for m in self._mentions
                   if m.start < end and start < m.end):
            return {"start": None, "end": None, "name": self._text[start:end].strip()}
        return self(start, end)
