"""Corpus-level assembly: per-article results in, the published tables' rows out.

Articles are deduplicated (the same text under several names is one article; a page saved as
both .txt and .html is one article), speakers and event actors get their canonical entities,
quotations are clustered across articles and event mentions are merged into events.
"""

from __future__ import annotations

import datetime as dt
import gc
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from pipeline.analysis import ArticleAnalysis, SnappedSpan
from pipeline.casing import MIXED, text_case
from pipeline.cleaning import CleanedRecord
from pipeline.clustering import stable_id
from pipeline.duplicates import fingerprint, groups_of
from pipeline.entities import (
    CorpusEntities,
    Mention,
    country_of_capital,
    name_key,
    resolve_corpus,
)
from pipeline.events import PRECISION_RANK, ResolvedMention, merge_events
from pipeline.events.lexicon import ACTOR_SECTORS
from pipeline.quotes import cluster_quotes

SUMMARY_CHARS = 300
_HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Articles:
    """The articles and rejected tables, and which source key carries each article's NLP."""

    articles: list[dict]
    rejected: list[dict]
    primary_key: dict[str, str]  # article_id -> the source key whose analysis is used


def build_articles(cleaned: Mapping[str, CleanedRecord],
                   nlp_skipped: Mapping[str, str | None] | None = None) -> Articles:
    """One row per distinct article; every source either lands in an article or is rejected.

    Identical texts (same sha256) are one article listing every source; near-identical ones
    (wire copies with small edits) stay separate but share ``near_duplicate_group``.
    ``nlp_skipped`` maps a source to why its NLP layer is missing (its ``nlp_skipped``
    column), so an article whose analysis failed is published, and says so.
    """
    nlp_skipped = nlp_skipped or {}
    rejected = []
    groups: dict[str, list[str]] = defaultdict(list)
    html_by_stem = {
        posixpath.splitext(key)[0]: key
        for key, row in cleaned.items()
        if key.lower().endswith(_HTML_SUFFIXES) and not row.get("reason")
    }
    for key in sorted(cleaned):
        row = cleaned[key]
        if row.get("reason"):
            rejected.append({"source": key, "source_sha256": row.get("source_sha256"),
                             "reason": row["reason"]})
            continue
        html_twin = html_by_stem.get(posixpath.splitext(key)[0])
        owner = html_twin if html_twin and html_twin != key else key
        groups[cleaned[owner]["article_id"]].append(key)
    articles, primary = [], {}
    for article_id, keys in groups.items():
        html = [k for k in keys if k.lower().endswith(_HTML_SUFFIXES)]
        main = html[0] if html else keys[0]
        row = cleaned[main]
        article = row["article"]
        primary[article_id] = main
        articles.append({
            "article_id": article_id, "source": main, "sources": sorted(keys),
            "source_sha256": row["source_sha256"], "encoding": row["encoding"],
            "replaced_bytes": row.get("replaced_bytes", 0),
            "removed_characters": row.get("removed_characters", 0),
            "language": row.get("language"), "title": article.title,
            "published": article.published, "modified": article.modified,
            "authors": list(article.authors), "outlet": article.outlet,
            "wire": article.wire, "dateline": article.dateline,
            "captions": list(article.captions), "text": article.text,
            "text_case": text_case(article.text),
            "nlp_skipped": nlp_skipped.get(main),
        })
    groups = groups_of({row["article_id"]: cleaned[primary[row["article_id"]]].get("fingerprint")
                        or fingerprint(row["text"]) for row in articles})
    for row in articles:
        row["near_duplicate_group"] = groups.get(row["article_id"])
    return Articles(articles, rejected, primary)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a step that allocates millions of objects and
    no cycles: entity resolution's collections find nothing (none at 25,000 or 50,000
    articles), yet each full one walks the whole grown heap, 10-15 % of the step's time; of
    quote clustering's a fifth and of event merging's over half (24,000 synthetic articles:
    quotes 7.9 -> 6.1 s, events 4.8 -> 1.9 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_entities(analyses: Mapping[str, ArticleAnalysis],
                   texts: Mapping[str, str]) -> CorpusEntities:
    """Canonical entities and mention rows from every article's analysis (keyed by article_id)
    and body text (for names NER tagged elsewhere but missed here)."""
    with _collector_paused():
        mentions = {aid: [Mention(**m) for m in a["mentions"]] for aid, a in analyses.items()}
        acronyms = {aid: a["acronyms"] for aid, a in analyses.items()}
        return resolve_corpus(mentions, acronyms, {aid: texts[aid] for aid in analyses})


#: Words a description starts with; the word after them says whether it is written as a name.
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})


def _written_as_name(name: str) -> bool:
    """Whether ``name`` has a capitalised word after its determiner: "the Fed", "Dunmore"
    are names, "The bank", "police" are descriptions (in a mixed-case text)."""
    words = name.split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return any(word[:1].isupper() for word in words)


def _entity_of(entities: CorpusEntities, article_id: str, span: SnappedSpan | None,
               person: bool, cased: bool = False) -> str | None:
    """The entity a snapped span points at: by its mention offsets, else by its name.

    ``cased``: the span is from a mixed-case text, where a description written without a
    capital ("the bank") is no name and is not looked up as one (it would find the corpus's
    Bank of England); in a text all in one case every span is looked up.
    """
    if span is None:
        return None
    if span.get("start") is not None:
        found = entities.by_span.get((article_id, span["start"], span["end"]))
        if found:
            return found
    name = span.get("name") or ""
    if cased and not _written_as_name(name):
        return None
    return entities.by_alias.get((person, name_key(name)))


def _state_of_capital(entities: CorpusEntities, entity_id: str | None) -> str | None:
    """A capital acting as an event's actor stands for its state ("Seoul said" -> South Korea),
    when the corpus knows that state as an entity."""
    if entity_id is None or entities.labels.get(entity_id) != "GPE":
        return entity_id  # a person called Victoria is not the Seychelles
    country = country_of_capital(entities.names[entity_id])
    if country is None:
        return entity_id
    return entities.by_alias.get((False, name_key(country)), entity_id)


def build_quotes(analyses: Mapping[str, ArticleAnalysis],
                 entities: CorpusEntities) -> list[dict]:
    """Quote rows with canonical speakers and cross-article cluster ids."""
    with _collector_paused():
        return _quote_rows(analyses, entities)


def _quote_rows(analyses: Mapping[str, ArticleAnalysis],
                entities: CorpusEntities) -> list[dict]:
    rows = []
    for article_id, analysis in analyses.items():
        for quote in analysis["quotes"]:
            speaker_id = _entity_of(entities, article_id, quote.get("speaker"), person=True)
            speaker_span = quote.get("speaker")
            speaker = entities.names.get(speaker_id) if speaker_id else None
            if speaker is None and speaker_span and speaker_span.get("name"):
                # A named speaker the NER missed: keep the name, without an entity to join.
                speaker = speaker_span["name"]
            rows.append({
                "quote_id": stable_id("quo", article_id, quote["start"], quote["end"]),
                "article_id": article_id, "text": quote["text"],
                "start": quote["start"], "end": quote["end"],
                "speaker": speaker, "speaker_entity_id": speaker_id,
                "speaker_text": quote.get("speaker_text"),
                "speaker_label": entities.labels.get(speaker_id) if speaker_id else None,
                "speaker_start": (speaker_span or {}).get("start"),
                "speaker_end": (speaker_span or {}).get("end"),
                "cue": quote.get("cue"),
                "partial": bool(quote.get("partial")),
            })
    clusters = cluster_quotes([(row["quote_id"], row["text"]) for row in rows])
    for row in rows:
        row["cluster_id"] = clusters[row["quote_id"]]
    return rows


def build_events(analyses: Mapping[str, ArticleAnalysis], entities: CorpusEntities,
                 articles: Sequence[Mapping]) -> tuple[list[dict], list[dict]]:
    """Events (merged across articles) and one event_mentions row per report.

    ``articles`` are article rows (article_id, text, published): the published date lets
    undated reports of an event merge with dated ones from articles of the same days.
    """
    with _collector_paused():
        return _event_tables(analyses, entities, articles)


def _event_tables(analyses: Mapping[str, ArticleAnalysis], entities: CorpusEntities,
                  articles: Sequence[Mapping]) -> tuple[list[dict], list[dict]]:
    texts = {row["article_id"]: row["text"] for row in articles}
    published = {row["article_id"]: _as_date(row.get("published")) for row in articles}
    cased = {row["article_id"]: row.get("text_case", MIXED) == MIXED for row in articles}
    resolved: list[ResolvedMention] = []
    details: dict[str, dict] = {}
    for article_id, analysis in analyses.items():
        for event in analysis["events"]:
            participants = _participants(entities, article_id, event, texts[article_id],
                                         cased[article_id])
            place_id = _entity_of(entities, article_id, event.get("place"), person=False,
                                  cased=cased[article_id])
            key = stable_id("evm", article_id, event["trigger_start"], event["event_type"])
            date = _as_date(event.get("date"))
            resolved.append(ResolvedMention(
                key=key, article_id=article_id, event_type=event["event_type"],
                actors=_merge_keys(entities, article_id, participants),
                location=entities.names.get(place_id) if place_id else None,
                date=date, date_precision=event.get("date_precision"),
                modality=event["modality"], published=published.get(article_id),
                actor_names=_role_names(entities, participants, actor=True),
                target_names=_role_names(entities, participants, actor=False),
                sense=event.get("sense", ""),
                clause=stable_id("cl", " ".join(
                    texts[article_id][event["start"]:event["end"]].split())),
            ))
            details[key] = {"article_id": article_id, "participants": participants,
                            "place_id": place_id, **event}
    event_of = merge_events(resolved)
    members: dict[str, list[ResolvedMention]] = defaultdict(list)
    for mention in resolved:
        members[event_of[mention.key]].append(mention)
    events, event_mentions = [], []
    for event_id, group in members.items():
        events.append(_event_row(event_id, group, details, entities, texts))
        for mention in group:
            detail = details[mention.key]
            event_mentions.append({
                "event_mention_id": mention.key, "event_id": event_id,
                "article_id": mention.article_id, "start": detail["start"],
                "end": detail["end"], "trigger": detail["trigger"],
            })
    return events, event_mentions


@dataclass(frozen=True)
class _Participant:
    """An actor or target of one mention: a named entity (``entity_id``), or a generic agent or
    an unnamed target by its text ("Dunmore police", "51 persons"); ``sector`` is the actor's
    type (police, judiciary, ...) when the text says; ``actor`` is False for a target."""

    name: str
    entity_id: str | None
    sector: str | None
    actor: bool = True


def _participants(entities: CorpusEntities, article_id: str, event: Mapping,
                  text: str, cased: bool = False) -> list[_Participant]:
    """The mention's actors then targets, each once; a typed actor that is no entity, or a
    place or organisation qualifying a generic agent ("Dunmore" of "Dunmore police"), is the
    generic agent by its text."""
    spans = [*event["actors"], *event["targets"]]
    raw = [*(event.get("actor_spans") or ()), *[None] * len(event["targets"])]
    sectors = [*(event.get("actor_types") or ()), *[None] * len(spans)]
    out: list[_Participant] = []
    for index, (span, offsets, sector) in enumerate(zip(spans, raw, sectors, strict=False)):
        actor = index < len(event["actors"])
        if span is None:
            continue
        ent = _entity_of(entities, article_id, span, person=True, cased=cased) or _entity_of(
            entities, article_id, span, person=False, cased=cased)
        qualified = _qualified_agent(text, offsets, sector) if ent else None
        if qualified or (ent is None and sector is not None and offsets is not None):
            name = qualified or " ".join(text[offsets[0]:offsets[1]].split())
            part = _Participant(name, None, sector, actor)
        elif ent:
            ent = _state_of_capital(entities, ent)
            part = _Participant(entities.names[ent], ent, sector, actor)
        else:
            part = _Participant(" ".join((span.get("name") or "").split()), None, None, actor)
        if part.name and all((p.entity_id or p.name) != (part.entity_id or part.name)
                             for p in out):
            out.append(part)
    return out


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _qualified_agent(text: str, offsets: Sequence[int] | None, sector: str | None) -> str | None:
    """"Dunmore police" when the actor span is "Dunmore" and the word after it names the
    actor's sector; None when the entity acts itself ("Dunmore said")."""
    if sector is None or offsets is None:
        return None
    found = _NEXT_WORD.match(text, offsets[1])
    if not found:
        return None
    word = found.group(1).lower()
    if sector not in (ACTOR_SECTORS.get(word), ACTOR_SECTORS.get(word.removesuffix("s"))):
        return None
    return " ".join(text[offsets[0]:found.end()].split())


def _role_names(entities: CorpusEntities, participants: Sequence[_Participant],
                actor: bool) -> tuple[str, ...]:
    """The actors' (or targets') identities for merging: canonical names, else the text."""
    return tuple(entities.names[p.entity_id] if p.entity_id else p.name.casefold()
                 for p in participants if p.actor is actor)


def _merge_keys(entities: CorpusEntities, article_id: str,
                participants: Sequence[_Participant]) -> tuple[str, ...]:
    """What a mention merges on: its named participants; a mention with none merges only
    within its article, on its generic participants qualified by the article ("police"
    arrested someone in every other report: never evidence of one event across articles)."""
    named = sorted(entities.names[p.entity_id] for p in participants if p.entity_id)
    if named:
        return tuple(named)
    return tuple(sorted(f"{p.name.casefold()}\x1f{article_id}" for p in participants))


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _event_row(event_id: str, group: Sequence[ResolvedMention], details: Mapping[str, dict],
               entities: CorpusEntities, texts: Mapping[str, str]) -> dict:
    counts: Counter[str] = Counter()
    sectors: dict[str, Counter[str]] = defaultdict(Counter)
    firsts: dict[str, _Participant] = {}
    for mention in group:
        for part in details[mention.key]["participants"]:
            ident = part.entity_id or f"\x1f{part.name}"
            counts[ident] += 1
            firsts.setdefault(ident, part)
            if part.sector:
                sectors[ident][part.sector] += 1
    order = [ident for ident, _ in counts.most_common()]
    participants = [firsts[ident] for ident in order]
    dated = sorted((PRECISION_RANK.get(m.date_precision or "", 9), m.date, m.date_precision)
                   for m in group if m.date is not None)
    places = Counter(m.location for m in group if m.location)
    first = min(group, key=lambda m: (m.article_id, details[m.key]["start"]))
    detail = details[first.key]
    summary = " ".join(texts[first.article_id][detail["start"]:detail["end"]].split())
    asserted = any(m.modality == "asserted" for m in group)
    implied = Counter(details[m.key].get("implied_sector") for m in group)
    implied.pop(None, None)
    return {
        "event_id": event_id,
        "event_type": Counter(m.event_type for m in group).most_common(1)[0][0],
        "date": dated[0][1] if dated else None,
        "date_precision": dated[0][2] if dated else None,
        "location": places.most_common(1)[0][0] if places else None,
        "actors": [p.name for p in participants],
        "actor_entity_ids": [p.entity_id for p in participants],
        "actor_types": [sectors[i].most_common(1)[0][0] if sectors[i] else None
                        for i in order],
        "implied_actor_type": (implied.most_common(1)[0][0]
                               if implied and not any(sectors.values()) else None),
        "modality": ("asserted" if asserted
                     else Counter(m.modality for m in group).most_common(1)[0][0]),
        "article_count": len({m.article_id for m in group}),
        "mention_count": len(group),
        "summary": summary[:SUMMARY_CHARS],
    }
