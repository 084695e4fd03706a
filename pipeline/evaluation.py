"""Scoring a release against a hand-made gold fixture (the seeds' annotations).

Matching is by normalised text (typographic quotes, dashes and whitespace folded), so the
figures do not depend on offsets or on the release's ids.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path

import polars as pl

from pipeline.config import PROJECT_ROOT
from pipeline.entities import TITLES, name_key

DEFAULT_GOLD = PROJECT_ROOT / "tests" / "fixtures" / "gold_seeds.json"
_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def load_gold(path: str | Path | None = None) -> dict:
    return json.loads(Path(path or DEFAULT_GOLD).read_text(encoding="utf-8"))


def norm(text: str | None) -> str:
    """Text folded for comparison: NFKC, straight quotes, one space, case-folded."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTE_CHARS)
    return " ".join(text.split()).casefold()


def _stem(source: str) -> str:
    return Path(source).stem


def evaluate(tables: Mapping[str, pl.DataFrame], gold: dict) -> dict:
    """Every figure of the report, as plain data."""
    articles = {_stem(row["source"]): row for row in tables["articles"].iter_rows(named=True)}
    ids = {stem: row["article_id"] for stem, row in articles.items()}
    return {
        "articles": _score_articles(articles, gold),
        "quotes": _score_quotes(tables["quotes"], ids, gold),
        "entities": _score_entities(tables, ids, gold),
        "events": _score_events(tables["events"], gold),
    }


def _score_articles(articles: dict, gold: dict) -> dict:
    scores = {"title": 0, "published": 0, "authors": 0, "body": 0, "total": 0, "failures": []}
    for stem, expected in gold["articles"].items():
        scores["total"] += 1
        row = articles.get(stem)
        if row is None:
            scores["failures"].append(f"{stem}: missing")
            continue
        checks = {
            "title": norm(row["title"]) == norm(expected["title"]),
            "published": str(row["published"]) == str(expected["published"]),
            "authors": sorted(row["authors"]) == sorted(expected["authors"]),
            "body": _body_ok(row["text"], expected),
        }
        for name, ok in checks.items():
            scores[name] += ok
            if not ok:
                scores["failures"].append(f"{stem}: {name}")
    return scores


def _body_ok(text: str, expected: dict) -> bool:
    """Right first and last paragraph, and no boilerplate line left anywhere."""
    paragraphs = [norm(p) for p in text.split("\n\n") if p.strip()]
    body = norm(text)
    return (bool(paragraphs) and paragraphs[0].startswith(norm(expected["body_first"]))
            and norm(expected["body_last"]) in paragraphs[-1]
            and not any(norm(b) in body for b in expected["boilerplate"]))


def _quote_matches(predicted: str, snippet: str) -> bool:
    pred, gold = norm(predicted), norm(snippet)
    return bool(pred) and (gold[:60] in pred or (len(pred) >= 8 and pred in gold))


def _score_quotes(quotes: pl.DataFrame, ids: dict, gold: dict) -> dict:
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in quotes.iter_rows(named=True):
        by_article[row["article_id"]].append(row)
    matched_a, speaker_ok, total_a = 0, 0, 0
    predicted_a: set[str] = set()
    predicted_b: set[str] = set()
    gold_match: list[tuple[dict, dict | None]] = []
    misses = []
    for entry in gold["quotes"]:
        candidates = by_article.get(ids.get(entry["article"], ""), [])
        matching = [q for q in candidates if _quote_matches(q["text"], entry["snippet"])]
        if entry["tier"] != "A":
            # Partial quotations are neither rewarded nor punished: every match is excused.
            predicted_b.update(q["quote_id"] for q in matching)
            continue
        found = matching[0] if matching else None
        gold_match.append((entry, found))
        total_a += 1
        if found is None:
            misses.append(f"{entry['article'][:3]} missed: {entry['snippet'][:50]}")
            continue
        matched_a += 1
        predicted_a.add(found["quote_id"])
        if (found["speaker"] or None) == entry["speaker"]:
            speaker_ok += 1
        else:
            misses.append(f"{entry['article'][:3]} speaker {found['speaker']!r} != "
                          f"{entry['speaker']!r}: {entry['snippet'][:40]}")
    seed_ids = set(ids.values())
    seed_quotes = [q for q in quotes.iter_rows(named=True) if q["article_id"] in seed_ids]
    judged = [q for q in seed_quotes if q["quote_id"] not in predicted_b - predicted_a]
    correct = [q for q in judged if q["quote_id"] in predicted_a]
    for q in judged:
        if q["quote_id"] not in predicted_a:
            misses.append(f"extra quote: {q['text'][:50]}")
    clusters = _score_clusters(gold_match, gold)
    return {
        "tier_a_total": total_a, "tier_a_found": matched_a,
        "recall": matched_a / total_a if total_a else 0.0,
        "precision": len(correct) / len(judged) if judged else 0.0,
        "speaker_accuracy": speaker_ok / matched_a if matched_a else 0.0,
        **clusters, "failures": misses,
    }


def _score_clusters(gold_match: list[tuple[dict, dict | None]], gold: dict) -> dict:
    """Required clusters whole, and false merges: two predicted quotes in one cluster that
    share no gold utterance (a gold quote without a cluster is an utterance of its own)."""
    required = gold["quote_clusters_required"]
    found = 0
    for cluster in required:
        members = [q for entry, q in gold_match if entry.get("cluster") == cluster]
        if members and all(members) and len({q["cluster_id"] for q in members}) == 1:
            found += 1
    utterances: dict[str, set[str]] = defaultdict(set)
    cluster_of: dict[str, str] = {}
    for entry, quote in gold_match:
        if quote is not None:
            label = entry.get("cluster") or f"{entry['article']}:{entry['snippet']}"
            utterances[quote["quote_id"]].add(label)
            cluster_of[quote["quote_id"]] = quote["cluster_id"]
    false_merges = set()
    quote_ids = sorted(utterances)
    for i, a in enumerate(quote_ids):
        for b in quote_ids[i + 1:]:
            if cluster_of[a] == cluster_of[b] and not utterances[a] & utterances[b]:
                false_merges.add(cluster_of[a])
    return {"clusters_required": len(required), "clusters_found": found,
            "cluster_false_merges": len(false_merges)}


def _alias_key(alias: str) -> str:
    words = alias.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in TITLES:
        words = words[1:]
    return name_key(" ".join(words))


def _score_entities(tables: Mapping[str, pl.DataFrame], ids: dict, gold: dict) -> dict:
    seed_ids = set(ids.values())
    mentions = tables["entity_mentions"].filter(pl.col("article_id").is_in(list(seed_ids)))
    entities = {row["entity_id"]: row for row in tables["entities"].iter_rows(named=True)}
    by_key: dict[str, Counter] = defaultdict(Counter)
    for row in mentions.iter_rows(named=True):
        by_key[name_key(row["text"])][row["entity_id"]] += 1
    resolved, homes, failures = 0, defaultdict(list), []
    for entry in gold["entities"]:
        landing: Counter = Counter()
        for alias in entry["aliases"]:
            landing.update(by_key.get(_alias_key(alias), Counter()))
        if not landing:
            failures.append(f"{entry['canonical']}: no mention found")
            continue
        home, count = landing.most_common(1)[0]
        homes[home].append(entry["canonical"])
        row = entities[home]
        ok = (count / sum(landing.values()) >= 0.9 and row["name"] == entry["canonical"]
              and row["article_count"] == entry["articles"])
        resolved += ok
        if not ok:
            failures.append(f"{entry['canonical']}: landed on {row['name']!r} "
                            f"({count}/{sum(landing.values())} mentions, "
                            f"{row['article_count']} articles, gold {entry['articles']})")
    merged = {home: names for home, names in homes.items() if len(names) > 1}
    failures += [f"false merge: {names}" for names in merged.values()]
    credit_keys = {name_key(name) for name in gold["not_body_people"]}
    credit_mentions = sum(1 for row in mentions.iter_rows(named=True)
                          if name_key(row["text"]) in credit_keys)
    return {"total": len(gold["entities"]), "resolved": resolved,
            "false_merges": len(merged), "credit_mentions": credit_mentions,
            "failures": failures}


def _score_events(events: pl.DataFrame, gold: dict) -> dict:
    rows = list(events.iter_rows(named=True))
    found, failures = 0, []
    for entry in gold["events"]:
        types = set(entry.get("types") or [])

        def fits(row: dict, entry: dict = entry, types: set = types) -> bool:
            return (set(entry["actors"]) <= set(row["actors"])
                    and str(row["date"]) == entry["date"]
                    and (not types or row["event_type"] in types)
                    and (entry["place"] is None
                         or norm(entry["place"]) in norm(row["location"] or "")))

        candidates = sorted((r for r in rows if fits(r)), key=lambda r: -r["article_count"])
        best = candidates[0] if candidates else None
        if best and best["article_count"] >= entry["min_articles"]:
            found += 1
        else:
            failures.append(f"{entry['id']} {entry['kind']}: "
                            + (f"best has {best['article_count']} article(s)" if best
                               else "no matching event"))
    return {"total": len(gold["events"]), "found": found, "events": len(rows),
            "failures": failures}


def format_report(report: dict) -> str:
    """The report as one table, then what failed."""
    a, q, e, v = report["articles"], report["quotes"], report["entities"], report["events"]
    n = a["total"]
    lines = [
        "| measure | value | target |",
        "|---|---|---|",
        f"| titles | {a['title']}/{n} | {n}/{n} |",
        f"| published dates | {a['published']}/{n} | {n}/{n} |",
        f"| author lists | {a['authors']}/{n} | {n}/{n} |",
        f"| bodies | {a['body']}/{n} | {n}/{n} |",
        f"| quote recall (tier A) | {q['recall']:.3f} ({q['tier_a_found']}/{q['tier_a_total']}) "
        "| >= 0.95 |",
        f"| quote precision | {q['precision']:.3f} | >= 0.95 |",
        f"| canonical speaker accuracy | {q['speaker_accuracy']:.3f} | >= 0.95 |",
        f"| quote clusters | {q['clusters_found']}/{q['clusters_required']}, "
        f"{q['cluster_false_merges']} false merge(s) | 6/6, 0 |",
        f"| entities resolved | {e['resolved']}/{e['total']}, {e['false_merges']} false merge(s) "
        f"| {e['total']}/{e['total']}, 0 |",
        f"| credit names among mentions | {e['credit_mentions']} | 0 |",
        f"| key events | {v['found']}/{v['total']} ({v['events']} events in all) "
        f"| {v['total']}/{v['total']} |",
    ]
    failures = a["failures"] + q["failures"] + e["failures"] + v["failures"]
    if failures:
        lines += ["", "Failures:", *[f"- {f}" for f in failures]]
    return "\n".join(lines)
