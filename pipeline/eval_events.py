"""Scoring the published events against hand-labelled sentences (``tests/fixtures/event_gold``).

The gold points into the shared corpora by file and offsets (see its README). The scorer reads a
*release* built from exactly the gold's articles, so it measures what the pipeline publishes,
whatever the code behind ``event_mentions`` and ``events`` looks like: each gold sentence is
found in ``articles.text`` by its normalised text, and the mentions whose clause overlaps it are
the sentence's predictions.

Figures (sentence level):

- per type precision, recall, F1: a sentence is predicted type T when any mention overlapping it
  has an event of type T, and gold type T when one of its gold events has type T; micro figures
  over all types, and "any event" (the sentence has an event at all);
- actor accuracy: of the gold actors of events whose type was found in their sentence (pronouns
  left out), the share whose head word (the last word before "of", "from", a comma ...) is a
  word of one of the predicted events' actors; target accuracy the same for gold targets (the
  events table lists actors and targets together in ``actors`` unless it has a ``targets``
  column);
- actor type accuracy, when ``events`` has ``actor_types`` (else n/a): matched actors whose
  predicted type equals the gold sector; implied agent accuracy: of the gold events with a
  sector but no actor ("was fined": government), the share whose sentence has an event with
  that ``implied_actor_type``;
- modality accuracy: of the gold events whose type was found, the share with a predicted
  mention of that type and the same modality; date accuracy the same over gold events with a
  date (the predicted date cut to the gold precision, and the same precision);
- merge purity: of the predicted events with mentions in two or more gold sentences, the share
  whose sentences all hold a gold event of the predicted type (of one ``event_key`` when the
  gold says which real event each reports); kept together: of the gold events reported in
  several sentences (one ``event_key``), the share one predicted event holds.

Folds are fixed by file stem (sha256 modulo 5, ``pipeline.eval_quotes.fold_of``): the same
PolNeAR article is in the same fold for every scorer.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import PROJECT_ROOT
from pipeline.eval_quotes import FOLDS, HELD_OUT, fold_of, fold_token
from schemas.values import DATE_PRECISIONS, EVENT_TYPES, MODALITIES

GOLD_DIR = PROJECT_ROOT / "tests" / "fixtures" / "event_gold"
DEFAULT_GOLD = GOLD_DIR / "events.tsv"
NONE = "none"
#: Types a gold event may have: the published taxonomy and PLOVER's INVESTIGATE (issue 16).
GOLD_TYPES = (*EVENT_TYPES, *(t for t in ("INVESTIGATE",) if t not in EVENT_TYPES))
#: Actor sectors (CAMEO/PLOVER actor codes, spelled out); see the gold's README.
ACTOR_TYPES = ("government", "legislature", "party", "judiciary", "police", "military", "rebels",
               "opposition", "civilians", "business", "labor", "media", "ngo", "igo",
               "religious", "education", "sports", "criminal")
CORPORA = ("bbc", "polnear-train", "benchmark-dev")
_PRONOUN_WORDS = "he she it they we i you him her them us me his its their our my"
PRONOUNS = frozenset(_PRONOUN_WORDS.split())
_HEAD_CUT = re.compile(r",|\(|\b(?:of|from|in|who|which|that|for|with|at|on|based)\b")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
                       "\u00a0": " "})


# ---------------------------------------------------------------------------------------------
# the gold
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvent:
    event_type: str
    trigger: str
    actors: tuple[str, ...]
    actor_types: tuple[str, ...]
    target: tuple[str, ...]
    target_types: tuple[str, ...]
    modality: str
    date: str
    date_precision: str
    event_key: str = ""  # shared by the gold events that report one real event


@dataclass
class GoldSentence:
    corpus: str
    file: str
    start: int
    end: int
    length: int
    sha: str
    bucket: str
    events: list[GoldEvent] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.corpus, self.file, self.start)

    @property
    def types(self) -> frozenset[str]:
        return frozenset(e.event_type for e in self.events)

    @property
    def fold(self) -> int:
        return fold_of(Path(self.file).stem)


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|")) if value.strip() else ()


def load_gold(path: str | Path = DEFAULT_GOLD) -> list[GoldSentence]:
    """The gold sentences of the TSV, in file order, each with its events (none: no events)."""
    sentences: dict[tuple[str, str, int], GoldSentence] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = (row["corpus"], row["file"], int(row["start"]))
            s = sentences.setdefault(key, GoldSentence(
                row["corpus"], row["file"], int(row["start"]), int(row["end"]),
                int(row["length"]), row["sha"], row["bucket"]))
            if row["event_type"] != NONE:
                s.events.append(GoldEvent(
                    row["event_type"], row["trigger"], _split(row["actors"]),
                    _split(row["actor_types"]), _split(row["target"]),
                    _split(row["target_type"]), row["modality"], row["date"],
                    row["date_precision"], row.get("event_key") or ""))
    return list(sentences.values())


def problems(gold: Sequence[GoldSentence]) -> list[str]:
    """Rows that break the gold's rules (types, sectors, modalities, dates, overlaps)."""
    out = []
    seen: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for s in gold:
        where = f"{s.corpus}/{s.file}:{s.start}"
        if s.corpus not in CORPORA:
            out.append(f"{where}: unknown corpus")
        if not 0 <= s.start < s.end or len(s.sha) != 12:
            out.append(f"{where}: bad offsets or sha")
        if any(a < s.end and s.start < b for a, b in seen[(s.corpus, s.file)]):
            out.append(f"{where}: overlaps another gold sentence")
        seen[(s.corpus, s.file)].append((s.start, s.end))
        for e in s.events:
            out.extend(f"{where}: {p}" for p in _event_problems(e))
    return out


def _event_problems(e: GoldEvent) -> list[str]:
    out = []
    if e.event_type not in GOLD_TYPES:
        out.append(f"type {e.event_type!r}")
    if e.modality not in MODALITIES:
        out.append(f"modality {e.modality!r}")
    if e.actors and e.actor_types and len(e.actors) != len(e.actor_types):
        out.append("actors and actor_types differ in length")
    for sector in (*e.actor_types, *e.target_types):
        if sector and sector not in ACTOR_TYPES:
            out.append(f"sector {sector!r}")
    if bool(e.date) != bool(e.date_precision):
        out.append("date without precision or precision without date")
    if e.date and not _date_fits(e.date, e.date_precision):
        out.append(f"date {e.date!r} is not ISO at precision {e.date_precision!r}")
    return out


_DATE_FORMS = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}",
               "week": r"\d{4}-\d\d-\d\d"}


def _date_fits(date: str, precision: str) -> bool:
    return precision in DATE_PRECISIONS and re.fullmatch(_DATE_FORMS[precision], date) is not None


def normalise(text: str) -> str:
    """The sentence as the gold hashes it: every whitespace run one space, no ends."""
    return " ".join(text.split())


def sentence_sha(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:12]


def gold_text_path(corpora: Mapping[str, Path], corpus: str, file: str) -> Path:
    """The file the gold offsets point into."""
    root = Path(corpora[corpus])
    return {"bbc": root / file, "polnear-train": root / "txt" / file,
            "benchmark-dev": root / "gold" / file}[corpus]


def release_source(corpora: Mapping[str, Path], corpus: str, file: str) -> Path:
    """The file the release is built from (a benchmark page: its saved html)."""
    if corpus == "benchmark-dev":
        return Path(corpora[corpus]) / "html" / f"{Path(file).stem}.html"
    return gold_text_path(corpora, corpus, file)


def verify(gold: Sequence[GoldSentence], read: Callable[[str, str], str | None]) -> list[str]:
    """Gold sentences whose offsets do not cut out the hashed sentence (a moved corpus)."""
    bad = []
    for s in gold:
        text = read(s.corpus, s.file)
        piece = text[s.start:s.end] if text is not None else ""
        if text is None or len(normalise(piece)) != s.length or sentence_sha(piece) != s.sha:
            bad.append(f"{s.corpus}/{s.file}:{s.start}-{s.end}")
    return bad


# ---------------------------------------------------------------------------------------------
# finding the gold sentences in the published text
# ---------------------------------------------------------------------------------------------


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space and quotes and dashes folded, and the index
    in ``text`` of each character kept."""
    chars, index = [], []
    space = False
    for i, c in enumerate(text.translate(_FOLD)):
        if c.isspace():
            if not space and chars:
                chars.append(" ")
                index.append(i)
            space = True
            continue
        space = False
        chars.append(c)
        index.append(i)
    return "".join(chars), index


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Where the (normalised) sentence lies in ``text``, whitespace and quote marks aside."""
    needle = normalise(sentence).translate(_FOLD)
    hay, index = _folded(text)
    at = hay.find(needle)
    if at < 0 or not needle:
        return None
    return index[at], index[at + len(needle) - 1] + 1


# ---------------------------------------------------------------------------------------------
# predictions from a release's tables
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Predicted:
    """One published mention with its event's fields."""

    start: int
    end: int
    trigger: str
    event_id: str
    event_type: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    actor_types: tuple[str, ...] | None
    modality: str
    date: str | None
    date_precision: str | None
    implied_actor_type: str | None = None


def predictions(events: Iterable[Mapping], mentions: Iterable[Mapping]
                ) -> dict[str, list[Predicted]]:
    """Article id -> its mentions, joined to their events' type, actors, modality and date."""
    by_id = {e["event_id"]: e for e in events}
    out: dict[str, list[Predicted]] = defaultdict(list)
    for m in mentions:
        e = by_id.get(m["event_id"])
        if e is None:
            continue
        date = e.get("date")
        out[m["article_id"]].append(Predicted(
            int(m["start"]), int(m["end"]), m.get("trigger") or "", e["event_id"],
            e["event_type"], tuple(e.get("actors") or ()), tuple(e.get("targets") or ()),
            tuple(e["actor_types"]) if e.get("actor_types") is not None else None,
            e.get("modality") or "", None if date is None else str(date),
            e.get("date_precision"), e.get("implied_actor_type")))
    return out


def overlapping(preds: Sequence[Predicted], start: int, end: int) -> list[Predicted]:
    """Mentions whose clause overlaps the sentence."""
    return [p for p in preds if p.start < end and start < p.end]


# ---------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------


def head_word(text: str) -> str | None:
    """The head of an actor phrase, folded: the last word before a post-modifier or comma
    ("officials in the Harlow administration" -> officials, "Sir Alan Crewe" -> crewe);
    None for a pronoun."""
    words = _WORD.findall(_HEAD_CUT.split(text.strip(" '\""), maxsplit=1)[0])
    if not words:
        words = _WORD.findall(text)
    if not words or (len(words) == 1 and words[0].casefold() in PRONOUNS):
        return None
    return fold_token(words[-1]).rstrip(".")


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def actor_matches(gold_actor: str, predicted: Iterable[str]) -> int | None:
    """Index of the predicted actor one of whose words is the gold actor's head, or None."""
    head = head_word(gold_actor)
    if head is None:
        return None
    for i, name in enumerate(predicted):
        words = {_stem(fold_token(w).rstrip(".")) for w in _WORD.findall(name or "")}
        if _stem(head) in words:
            return i
    return None


def _date_right(e: GoldEvent, preds: Sequence[Predicted]) -> bool:
    size = {"day": 10, "week": 10, "month": 7, "year": 4}[e.date_precision]
    return any(p.date and p.date[:size] == e.date and p.date_precision == e.date_precision
               for p in preds)


@dataclass
class _Tally:
    counts: Counter = field(default_factory=Counter)
    per_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    buckets: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    failures: Counter = field(default_factory=Counter)


def _score_sentence(s: GoldSentence, preds: Sequence[Predicted], t: _Tally) -> None:
    predicted_types = {p.event_type for p in preds}
    gold_types = set(s.types)
    for typ in predicted_types | gold_types:
        c = t.per_type[typ]
        c["tp"] += typ in gold_types and typ in predicted_types
        c["fp"] += typ not in gold_types
        c["fn"] += typ not in predicted_types
        if typ not in gold_types:
            t.failures[f"extra {typ}" + (" (no gold event)" if not gold_types else "")] += 1
        elif typ not in predicted_types:
            t.failures[f"missed {typ}"] += 1
    t.counts["any_tp"] += bool(gold_types) and bool(predicted_types)
    t.counts["any_gold"] += bool(gold_types)
    t.counts["any_pred"] += bool(predicted_types)
    t.buckets[s.bucket]["sentences"] += 1
    t.buckets[s.bucket]["exact"] += gold_types == predicted_types
    for e in s.events:
        same = [p for p in preds if p.event_type == e.event_type]
        if not same:
            continue
        _score_roles(e, same, t)
        t.counts["modality_judged"] += 1
        right = any(p.modality == e.modality for p in same)
        t.counts["modality_right"] += right
        if not right:
            t.failures[f"modality {e.modality} -> {same[0].modality}"] += 1
        if e.date:
            t.counts["date_judged"] += 1
            t.counts["date_found"] += any(p.date for p in same)
            t.counts["date_right"] += _date_right(e, same)


def _score_roles(e: GoldEvent, same: Sequence[Predicted], t: _Tally) -> None:
    if not e.actors and e.actor_types and e.actor_types[0]:
        # an implied agent ("was fined": government): the events table's implied_actor_type
        t.counts["implied_judged"] += 1
        t.counts["implied_right"] += any(p.implied_actor_type == e.actor_types[0] for p in same)
    for i, actor in enumerate(e.actors):
        if head_word(actor) is None:
            continue
        t.counts["actor_judged"] += 1
        hit = None
        for p in same:
            j = actor_matches(actor, p.actors)
            if j is not None:
                hit = (p, j)
                break
        t.counts["actor_right"] += hit is not None
        if hit is None:
            t.failures["actor not found" if any(p.actors for p in same) else "no actor"] += 1
            continue
        gold_type = e.actor_types[i] if i < len(e.actor_types) else ""
        p, j = hit
        if gold_type and p.actor_types is not None:
            t.counts["actor_type_judged"] += 1
            t.counts["actor_type_right"] += j < len(p.actor_types) and \
                p.actor_types[j] == gold_type
    for target in e.target:
        if head_word(target) is None:
            continue
        t.counts["target_judged"] += 1
        t.counts["target_right"] += any(
            actor_matches(target, p.targets or p.actors) is not None for p in same)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (2tp / (2tp + fp + fn): 0 for a type never found)."""
    return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "f1": _ratio(2 * tp, 2 * tp + fp + fn), "gold": tp + fn, "predicted": tp + fp}


def merge_purity(gold: Sequence[GoldSentence], placed: Mapping[tuple, list[Predicted]]) -> dict:
    """Merging, both ways.

    Purity: of the predicted events with mentions in two or more gold sentences, the share
    whose sentences all hold a gold event of the event's type, and, when those gold events
    carry an ``event_key``, one key. Kept together: of the keyed gold events whose type was
    found in two or more of their sentences, the share whose found mentions one predicted event
    holds."""
    sentences_of: dict[str, set[tuple]] = defaultdict(set)
    type_of: dict[str, str] = {}
    by_key = {s.key: s for s in gold}
    for key, preds in placed.items():
        for p in preds:
            sentences_of[p.event_id].add(key)
            type_of[p.event_id] = p.event_type
    multi = {eid: keys for eid, keys in sentences_of.items() if len(keys) >= 2}
    pure = 0
    for eid, keys in multi.items():
        typ = type_of[eid]
        if not all(typ in by_key[k].types for k in keys):
            continue
        labels = [{e.event_key for e in by_key[k].events if e.event_type == typ} for k in keys]
        keyed = [ls for ls in labels if ls != {""}]
        pure += len(keyed) < 2 or bool(set.intersection(*keyed) - {""})
    reports: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for s in gold:
        for e in s.events:
            if e.event_key and s.key in placed:
                reports[(e.event_key, e.event_type)].append(s.key)
    judged = together = 0
    for (_, typ), keys in reports.items():
        ids = [found for k in keys if (found := {p.event_id for p in placed[k]
                                                 if p.event_type == typ})]
        if len(ids) < 2:
            continue
        judged += 1
        together += bool(set.intersection(*ids))
    return {"events": len(multi), "pure": pure, "purity": _ratio(pure, len(multi)),
            "keyed_events": judged, "kept_together": _ratio(together, judged)}


def score(gold: Sequence[GoldSentence], placed: Mapping[tuple, list[Predicted]],
          folds: Iterable[int] | None = None) -> dict:
    """The figures on the gold sentences of ``folds`` that were found in the release
    (``placed``: sentence key -> the mentions overlapping it)."""
    wanted = set(range(FOLDS) if folds is None else folds)
    chosen = [s for s in gold if s.fold in wanted and s.key in placed]
    t = _Tally()
    for s in chosen:
        _score_sentence(s, placed[s.key], t)
    c = t.counts
    per_type = {typ: _prf(v["tp"], v["fp"], v["fn"]) for typ, v in sorted(t.per_type.items())}
    micro = _prf(*(sum(v[k] for v in t.per_type.values()) for k in ("tp", "fp", "fn")))
    return {
        "sentences": len(chosen),
        "sentences_with_events": sum(1 for s in chosen if s.events),
        "gold_events": sum(len(s.events) for s in chosen),
        "micro": micro,
        "any_event": _prf(c["any_tp"], c["any_pred"] - c["any_tp"], c["any_gold"] - c["any_tp"]),
        "per_type": per_type,
        "actor_accuracy": _ratio(c["actor_right"], c["actor_judged"]),
        "actors_judged": c["actor_judged"],
        "actor_type_accuracy": _ratio(c["actor_type_right"], c["actor_type_judged"]),
        "implied_agent_accuracy": _ratio(c["implied_right"], c["implied_judged"]),
        "target_accuracy": _ratio(c["target_right"], c["target_judged"]),
        "targets_judged": c["target_judged"],
        "modality_accuracy": _ratio(c["modality_right"], c["modality_judged"]),
        "modality_judged": c["modality_judged"],
        "date_accuracy": _ratio(c["date_right"], c["date_judged"]),
        "date_found": _ratio(c["date_found"], c["date_judged"]),
        "dates_judged": c["date_judged"],
        "merge": merge_purity(chosen, {s.key: placed[s.key] for s in chosen}),
        "by_bucket": {b: {"sentences": v["sentences"], "exact": _ratio(v["exact"], v["sentences"])}
                      for b, v in sorted(t.buckets.items())},
        "failures": dict(t.failures.most_common()),
    }


def place(gold: Sequence[GoldSentence], gold_texts: Mapping[tuple[str, str], str],
          articles: Mapping[str, tuple[str, str]], preds: Mapping[str, list[Predicted]]
          ) -> tuple[dict[tuple, list[Predicted]], list[str]]:
    """Each gold sentence found in its article's published text, with the mentions overlapping
    it; and the sentences not found (``articles``: (corpus, file) -> (article id, text)).

    ``gold_texts`` holds the texts the gold offsets point into."""
    placed, missing = {}, []
    for s in gold:
        art = articles.get((s.corpus, s.file))
        source = gold_texts.get((s.corpus, s.file))
        span = locate(source[s.start:s.end], art[1]) if art and source is not None else None
        if span is None:
            missing.append(f"{s.corpus}/{s.file}:{s.start}" + ("" if art else " (no article)"))
            continue
        placed[s.key] = overlapping(preds.get(art[0], ()), *span)
    return placed, missing


def disagreements(gold: Sequence[GoldSentence], placed: Mapping[tuple, list[Predicted]]
                  ) -> list[dict]:
    """Every placed sentence whose predicted types differ from the gold's, with both sides
    (for reading the misses: the scorer prints them with ``--show``)."""
    out = []
    for s in gold:
        if s.key not in placed:
            continue
        preds = placed[s.key]
        predicted = {p.event_type for p in preds}
        if predicted != set(s.types):
            out.append({"corpus": s.corpus, "file": s.file, "start": s.start, "end": s.end,
                        "bucket": s.bucket, "gold": sorted(s.types),
                        "predicted": sorted(predicted),
                        "triggers": sorted({f"{p.event_type}:{p.trigger}" for p in preds})})
    return out


def figures(gold: Sequence[GoldSentence], placed: Mapping[tuple, list[Predicted]],
            missing: Sequence[str], has_actor_types: bool) -> dict:
    """Held-out fold, the other folds and all folds, with what could not be scored."""
    fit = [f for f in range(FOLDS) if f not in HELD_OUT]
    out = {
        "gold_sentences": len(gold), "gold_articles": len({(s.corpus, s.file) for s in gold}),
        "found_in_release": len(placed), "not_found": list(missing),
        "folds": FOLDS, "held_out_folds": list(HELD_OUT),
        "held_out": score(gold, placed, HELD_OUT), "fit_folds": score(gold, placed, fit),
        "all": score(gold, placed),
        "actor_types_published": has_actor_types,
    }
    return out
