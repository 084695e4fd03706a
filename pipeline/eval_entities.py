"""Scoring entity resolution against hand-labelled mentions (``tests/fixtures/entity_gold``).

A gold row names a mention by file, offsets and its true referent. The texts are read as they
are on disk (no cleaning, so the offsets hold), parsed and extracted as the NLP stage does
(``extract_mentions``, ``find_acronyms``) and merged as the corpus stage does
(``build_entities``): the figures measure the pipeline's own code path, on the whole folder so
that cross-article merging sees the corpus it would see.

A gold mention is *found* when a predicted mention overlaps at least half of the shorter of the
two. Each referent's *home* is the predicted entity holding most of its found mentions, assigned
one to one (largest first), so two referents never share a home. Figures, over found mentions
whose referent is decided (``?`` rows are ambiguous and scored apart):

- resolution accuracy: the mention sits in its referent's home;
- pairwise precision / recall: of the mention pairs one entity holds, the share that share a
  referent (a false merge lowers precision), and of the pairs that share a referent, the share
  one entity holds (a false split lowers recall); B-cubed the same per mention;
- label errors: the entity's label is not one the gold row allows;
- ambiguous mentions guessed: an ambiguous mention placed in some referent's home.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "fixtures" / "entity_gold"
DEFAULT_GOLD = GOLD_DIR / "polnear_train.tsv"
AMBIGUOUS = "?"
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class GoldMention:
    file: str
    start: int
    end: int
    text: str
    referent_id: str
    referent: str
    labels: frozenset[str]  # allowed entity labels; empty: not scored


@dataclass(frozen=True)
class Predicted:
    """One predicted mention: where it is and the entity it landed in."""

    file: str
    start: int
    end: int
    entity_id: str
    entity: str
    label: str


def load_gold(path: str | Path = DEFAULT_GOLD) -> list[GoldMention]:
    """The gold rows of a TSV (file, start, end, text, referent_id, referent, label)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [GoldMention(row["file"], int(row["start"]), int(row["end"]), row["text"],
                            row["referent_id"], row["referent"],
                            frozenset(x for x in row["label"].split("|") if x))
                for row in csv.DictReader(handle, delimiter="\t")]


def check_offsets(gold: Iterable[GoldMention], texts: Mapping[str, str]) -> list[str]:
    """Rows whose offsets do not cut their text out of the file (a moved corpus, a typo)."""
    return [f"{g.file}:{g.start}-{g.end} {g.text!r}" for g in gold
            if texts.get(g.file, "")[g.start:g.end] != g.text]


# ---------------------------------------------------------------------------------------------
# predictions: the pipeline's own code path
# ---------------------------------------------------------------------------------------------


def read_texts(folder: str | Path, files: Iterable[str] | None = None) -> dict[str, str]:
    """File name -> text of every ``.txt`` in ``folder`` (``folder/txt`` when it has one)."""
    root = Path(folder)
    if (root / "txt").is_dir():
        root = root / "txt"
    wanted = set(files) if files is not None else None
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))
            if wanted is None or p.name in wanted}


def parse_docs(texts: Mapping[str, str], model: str, cache: Path | None = None) -> dict:
    """File name -> parsed doc, reusing ``cache`` (a DocBin) for texts it already holds parsed
    by the same model; new texts are parsed and the cache rewritten."""
    from spacy.tokens import DocBin

    from pipeline.analysis import load_model, model_version, parse

    nlp = load_model(model)
    version = model_version(model)
    known: dict[str, object] = {}
    if cache is not None and cache.exists():
        stored = DocBin(store_user_data=True).from_bytes(cache.read_bytes())
        for doc in stored.get_docs(nlp.vocab):
            if doc.user_data.get("model") == version:
                known[doc.text] = doc
    todo = [name for name, text in texts.items() if text not in known]
    for name, doc in zip(todo, parse(nlp, [texts[n] for n in todo], batch_size=16),
                         strict=True):
        doc.user_data["model"] = version
        known[texts[name]] = doc
    if cache is not None and todo:
        out = DocBin(store_user_data=True)
        for doc in known.values():
            out.add(doc)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(out.to_bytes())
    return {name: known[text] for name, text in texts.items()}


def predict(texts: Mapping[str, str], docs: Mapping[str, object]) -> list[Predicted]:
    """Every predicted mention of the texts, merged into entities as the corpus stage does."""
    from dataclasses import asdict

    from pipeline.corpus import build_entities
    from pipeline.entities import extract_mentions, find_acronyms

    analyses = {name: {"mentions": [asdict(m) for m in extract_mentions(docs[name])],
                       "acronyms": find_acronyms(text)} for name, text in texts.items()}
    entities = build_entities(analyses, dict(texts))
    return [Predicted(row["article_id"], row["start"], row["end"], row["entity_id"],
                      entities.names[row["entity_id"]], row["label"])
            for row in entities.mentions]


# ---------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------


def match(gold: Sequence[GoldMention], predicted: Sequence[Predicted]
          ) -> list[tuple[GoldMention, Predicted | None]]:
    """Each gold mention with the predicted mention overlapping it most (None: not found)."""
    by_file: dict[str, list[Predicted]] = defaultdict(list)
    for p in predicted:
        by_file[p.file].append(p)
    pairs = []
    for g in gold:
        best, best_overlap = None, 0
        for p in by_file.get(g.file, ()):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            shorter = min(g.end - g.start, p.end - p.start)
            if overlap > best_overlap and overlap >= MIN_OVERLAP * shorter:
                best, best_overlap = p, overlap
        pairs.append((g, best))
    return pairs


def homes(pairs: Sequence[tuple[GoldMention, Predicted]]) -> dict[str, str]:
    """Referent -> its home entity: most of its mentions, one to one, largest counts first."""
    counts = Counter((g.referent_id, p.entity_id) for g, p in pairs)
    home: dict[str, str] = {}
    taken: set[str] = set()
    for (referent, entity), _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if referent not in home and entity not in taken:
            home[referent] = entity
            taken.add(entity)
    return home


def _pairs(groups: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in groups)


def pairwise(pairs: Sequence[tuple[GoldMention, Predicted]]) -> tuple[float, float]:
    """Pairwise precision and recall of the predicted clustering of the gold mentions."""
    both = Counter((g.referent_id, p.entity_id) for g, p in pairs)
    same_entity = _pairs(Counter(p.entity_id for _, p in pairs).values())
    same_referent = _pairs(Counter(g.referent_id for g, _ in pairs).values())
    true = _pairs(both.values())
    return (true / same_entity if same_entity else 1.0,
            true / same_referent if same_referent else 1.0)


def b_cubed(pairs: Sequence[tuple[GoldMention, Predicted]]) -> tuple[float, float]:
    """B-cubed precision and recall: per mention, the share of its entity that shares its
    referent, and the share of its referent that shares its entity."""
    if not pairs:
        return 1.0, 1.0
    both = Counter((g.referent_id, p.entity_id) for g, p in pairs)
    entity_size = Counter(p.entity_id for _, p in pairs)
    referent_size = Counter(g.referent_id for g, _ in pairs)
    precision = sum(both[(g.referent_id, p.entity_id)] / entity_size[p.entity_id]
                    for g, p in pairs) / len(pairs)
    recall = sum(both[(g.referent_id, p.entity_id)] / referent_size[g.referent_id]
                 for g, p in pairs) / len(pairs)
    return precision, recall


def score(gold: Sequence[GoldMention], predicted: Sequence[Predicted]) -> dict:
    """Every figure of the report, with the failure cases, as plain data."""
    matched = match(gold, predicted)
    missed = [g for g, p in matched if p is None]
    found = [(g, p) for g, p in matched if p is not None]
    decided = [(g, p) for g, p in found if g.referent_id != AMBIGUOUS]
    ambiguous = [(g, p) for g, p in found if g.referent_id == AMBIGUOUS]
    home = homes(decided)
    wrong = [(g, p) for g, p in decided if home.get(g.referent_id) != p.entity_id]
    precision, recall = pairwise(decided)
    b3_precision, b3_recall = b_cubed(decided)
    labels = [(g, p) for g, p in found if g.labels and p.label not in g.labels]
    home_entities = set(home.values())
    names = {p.entity_id: p.entity for _, p in found}
    referents = {g.referent_id: g.referent for g, _ in decided}
    return {
        "gold": len(gold), "found": len(found), "missed": len(missed),
        "decided": len(decided), "ambiguous": len(ambiguous),
        "ambiguous_guessed": sum(p.entity_id in home_entities for _, p in ambiguous),
        "accuracy": 1 - len(wrong) / len(decided) if decided else 1.0,
        "pairwise_precision": precision, "pairwise_recall": recall,
        "b_cubed_precision": b3_precision, "b_cubed_recall": b3_recall,
        "false_merges": _false_merges(decided), "false_splits": _false_splits(decided, home),
        "label_errors": len(labels),
        "wrong": [_case(g, p) for g, p in wrong],
        "label_cases": [_case(g, p) for g, p in labels],
        "missed_cases": [f"{g.file}:{g.start} {g.text!r} ({g.referent})" for g in missed],
        "homes": {referents[r]: names[e] for r, e in home.items()},
    }


def _case(g: GoldMention, p: Predicted) -> str:
    return f"{g.file}:{g.start} {g.text!r}: {g.referent} -> {p.entity!r} ({p.label})"


def _false_merges(decided: Sequence[tuple[GoldMention, Predicted]]) -> list[str]:
    """Entities holding mentions of several referents, with the count of each."""
    held: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for g, p in decided:
        held[(p.entity_id, p.entity)][g.referent] += 1
    return [f"{name!r} holds " + ", ".join(f"{n} {r}" for r, n in refs.most_common())
            for (_, name), refs in sorted(held.items(), key=lambda kv: -sum(kv[1].values()))
            if len(refs) > 1]


def _false_splits(decided: Sequence[tuple[GoldMention, Predicted]],
                  home: Mapping[str, str]) -> list[str]:
    """Referents spread over several entities, with the count in each."""
    spread: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in decided:
        spread[g.referent][p.entity] += 1
    return [f"{referent} in " + ", ".join(f"{n} {e!r}" for e, n in entities.most_common())
            for referent, entities in sorted(spread.items(), key=lambda kv: -sum(
                kv[1].values())) if len(entities) > 1]


def format_report(figures: dict) -> str:
    """The figures as a table, then every failure case."""
    f = figures
    lines = [
        "| measure | value | target |",
        "|---|---|---|",
        f"| gold mentions found | {f['found']}/{f['gold']} ({f['missed']} missed by NER) | |",
        f"| resolution accuracy | {f['accuracy']:.3f} ({f['decided'] - len(f['wrong'])}/"
        f"{f['decided']}) | >= 0.95 |",
        f"| pairwise precision / recall | {f['pairwise_precision']:.3f} / "
        f"{f['pairwise_recall']:.3f} | >= 0.98 / |",
        f"| B-cubed precision / recall | {f['b_cubed_precision']:.3f} / "
        f"{f['b_cubed_recall']:.3f} | |",
        f"| entities merging referents | {len(f['false_merges'])} | 0 |",
        f"| referents split | {len(f['false_splits'])} | 0 |",
        f"| label errors | {f['label_errors']} | 0 |",
        f"| ambiguous mentions guessed | {f['ambiguous_guessed']}/{f['ambiguous']} | 0 |",
    ]
    sections = [("False merges", f["false_merges"]), ("False splits", f["false_splits"]),
                ("Wrongly resolved", f["wrong"]), ("Label errors", f["label_cases"]),
                ("Missed", f["missed_cases"])]
    for title, cases in sections:
        if cases:
            lines += ["", f"{title}:", *[f"- {c}" for c in cases]]
    return "\n".join(lines)


def evaluate_folder(folder: str | Path, gold_path: str | Path = DEFAULT_GOLD,
                    model: str | None = None, cache: Path | None = None,
                    only_gold_files: bool = False) -> dict:
    """Parse the folder (or only the gold's files), run the pipeline's entity code, score."""
    from pipeline import config

    gold = load_gold(gold_path)
    files = {g.file for g in gold}
    texts = read_texts(folder, files if only_gold_files else None)
    bad = check_offsets(gold, texts)
    if bad:
        raise ValueError(f"{len(bad)} gold rows do not match {folder}: {bad[:3]}")
    docs = parse_docs(texts, model or config.DEFAULT_MODEL, cache)
    figures = score(gold, predict(texts, docs))
    figures["articles"] = len(texts)
    figures["gold_articles"] = len(files)
    return figures


# ---------------------------------------------------------------------------------------------
# the audit of a release (news-events entities)
# ---------------------------------------------------------------------------------------------

UNUSUAL_SHARE = 0.02  # an alias used for under 2 % of a large entity's mentions is unusual
UNUSUAL_MIN_MENTIONS = 20
SHOWN_ALIASES = 10
SHOWN_ARTICLES = 3


def audit(entities: Iterable[Mapping], mentions: Iterable[Mapping],
          sources: Mapping[str, str], top: int = 40) -> list[dict]:
    """The ``top`` most mentioned entities, each with its aliases as written (count per
    alias) and the articles where an alias is unusual for it, for a person to review.

    An alias is unusual when it shares no word with the entity's name ("Ivana" under "Peter
    Halvorsen": a merge to check) or, for an entity of at least :data:`UNUSUAL_MIN_MENTIONS`
    mentions, holds under :data:`UNUSUAL_SHARE` of them (a stray "Halvorsen" under a hotel).
    ``sources`` maps article_id to its source file, which names the article.
    """
    rows = sorted(entities, key=lambda r: (-r["mention_count"], r["name"]))[:top]
    wanted = {row["entity_id"] for row in rows}
    aliases: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in mentions:
        if m["entity_id"] in wanted:
            aliases[m["entity_id"]][m["text"]] += 1
            where[(m["entity_id"], m["text"])].append(m["article_id"])
    out = []
    for row in rows:
        counts = aliases[row["entity_id"]]
        total = sum(counts.values())
        name_words = set(_words(row["name"]))
        unusual = []
        for alias, n in sorted(counts.items(), key=lambda kv: (kv[1], kv[0])):
            foreign = not name_words & set(_words(alias)) and not _initials_of(alias, row["name"])
            rare = total >= UNUSUAL_MIN_MENTIONS and n < UNUSUAL_SHARE * total
            if foreign or rare:
                articles = sorted({sources.get(a, a) for a in where[(row["entity_id"], alias)]})
                unusual.append({"alias": alias, "count": n, "articles": articles})
        out.append({"name": row["name"], "label": row["label"], "mentions": row["mention_count"],
                    "articles": row["article_count"], "aliases": counts.most_common(),
                    "unusual": unusual})
    return out


def _initials_of(alias: str, name: str) -> bool:
    """Whether ``alias`` spells the initials of ``name`` ("US", "United States")."""
    initials = "".join(w[0] for w in _words(name) if w not in {"of", "the", "and", "for"})
    return len(initials) > 1 and _words(alias) == [initials]


def _words(name: str) -> list[str]:
    from pipeline.entities import name_key

    return name_key(name).split()


def format_audit(rows: Sequence[dict]) -> str:
    """One block per entity: rank, name, label, counts; aliases; unusual aliases' articles."""
    lines = []
    for rank, row in enumerate(rows, 1):
        lines.append(f"{rank:>3}. {row['name']}  [{row['label']}]  {row['mentions']} mentions, "
                     f"{row['articles']} articles")
        shown = row["aliases"][:SHOWN_ALIASES]
        more = len(row["aliases"]) - len(shown)
        lines.append("      aliases: " + ", ".join(f"{a} ({n})" for a, n in shown)
                     + (f", +{more} more" if more > 0 else ""))
        for case in row["unusual"]:
            names = [Path(a).stem for a in case["articles"][:SHOWN_ARTICLES]]
            extra = len(case["articles"]) - len(names)
            lines.append(f"      unusual: {case['alias']!r} ({case['count']}) in "
                         + ", ".join(names) + (f" +{extra}" if extra > 0 else ""))
    return "\n".join(lines)
