"""Measure (and optionally retrain) the article cleaner on the article-extraction benchmark.

Metric: the benchmark's own. Tokens are `\\w+` runs, a body is the multiset of its 4-token
shingles, and a page scores F1 of precision and recall between the cleaned body's shingles and the
gold body's. Figures are per-page means and medians.

    .venv/bin/python scripts/eval_clean.py [--corpus DIR] [--bbc DIR] [--train]

The corpus defaults to $NEWS_BENCHMARK_DEV, else ../shared/corpora/benchmark-dev beside the
clone (`make eval-clean NEWS_BENCHMARK_DEV=DIR`); it holds txt/*.txt and html/*.html pages with
gold/<page>.txt bodies. A missing corpus is named, with how to point at one (exit 2).

`--train` runs 5-fold cross-validation by page (train on four folds, score the held-out fold:
the honest `.txt` figure), then fits on all pages and writes `pipeline/data/paragraph_model.json`.
Without it, the shipped model is scored on the corpus (in-sample for the `.txt` figure).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import cleaning, config, quality  # noqa: E402

TOKEN_RE = re.compile(r"\w+")
FOLDS = 5
STAGES = 4
THRESHOLD = 0.3


def shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = TOKEN_RE.findall(text)
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def f1(gold: str, predicted: str) -> float:
    g, p = shingles(gold), shingles(predicted)
    hits = sum((g & p).values())
    if not hits:
        return 0.0
    precision, recall = hits / sum(p.values()), hits / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def block_labels(blocks: list[str], gold: str) -> np.ndarray:
    """1 for a block whose shingles are mostly in the gold body (short block: a gold line)."""
    gold_tokens = [t.lower() for t in TOKEN_RE.findall(gold)]
    gold_shingles = {" ".join(gold_tokens[i : i + 4]) for i in range(len(gold_tokens) - 3)}
    gold_lines = {" ".join(TOKEN_RE.findall(line.lower())) for line in gold.split("\n")}
    labels = []
    for block in blocks:
        tokens = [t.lower() for t in TOKEN_RE.findall(block)]
        if len(tokens) >= 6:
            own = [" ".join(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
            labels.append(sum(s in gold_shingles for s in own) / len(own) >= 0.5)
        else:
            labels.append(" ".join(tokens) in gold_lines)
    return np.array(labels, dtype=float)


def load_pages(corpus: Path) -> list[tuple[str, str, str]]:
    """(id, page text, gold body) for every page with a gold file."""
    return [
        (path.stem, path.read_text(encoding="utf-8"), (corpus / "gold" / path.name).read_text())
        for path in sorted((corpus / "txt").glob("*.txt"))
    ]


def body_with(classifier: cleaning.BlockClassifier, raw: str) -> str:
    """The cleaned `.txt` body when the given classifier (e.g. one CV fold's) is in charge."""
    blocks, title = cleaning.classifier_inputs(raw)
    if not blocks:
        return ""
    keep = cleaning.select_blocks(blocks, classifier.scores(blocks, title), classifier.threshold)
    return "\n\n".join(b for b, k in zip(blocks, keep, strict=True) if k)


def train(pages: list[tuple[str, str, str]]) -> list[tuple[float, str]]:
    """Cross-validate, report held-out scores, then fit on everything and save the model."""
    inputs = []
    for _, raw, gold in pages:
        blocks, title = cleaning.classifier_inputs(raw)
        inputs.append((blocks, title, block_labels(blocks, gold)))
    scores = []
    for fold in range(FOLDS):
        train_set = [x for i, x in enumerate(inputs) if i % FOLDS != fold and len(x[0])]
        model = cleaning.fit_classifier(train_set, STAGES)
        model = cleaning.BlockClassifier(model.stages, THRESHOLD)
        for i, (name, raw, gold) in enumerate(pages):
            if i % FOLDS == fold:
                scores.append((f1(gold, body_with(model, raw)), name))
    final = cleaning.fit_classifier([x for x in inputs if len(x[0])], STAGES)
    final = cleaning.BlockClassifier(final.stages, THRESHOLD)
    cleaning.MODEL_PATH.parent.mkdir(exist_ok=True)
    cleaning.MODEL_PATH.write_text(json.dumps(final.to_json()) + "\n", encoding="utf-8")
    return scores


def report(label: str, scores: list[tuple[float, str]]) -> None:
    values = [s for s, _ in scores]
    if not values:
        print(f"{label}: no pages")
        return
    print(
        f"{label}: mean F1 {statistics.mean(values):.4f}  median {statistics.median(values):.4f}"
        f"  pages {len(values)}"
    )
    print("  worst 5: " + ", ".join(f"{name} {s:.3f}" for s, name in sorted(scores)[:5]))


def score_all(
    corpus: Path, kind: str, clean: Callable[[str], cleaning.CleanArticle]
) -> list[tuple[float, str]]:
    scores = []
    for path in sorted((corpus / kind).glob(f"*.{kind}")):
        gold = (corpus / "gold" / f"{path.stem}.txt").read_text(encoding="utf-8")
        raw = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
        scores.append((f1(gold, clean(raw).text), path.stem))
    return scores


def bbc_check(bbc: Path, limit: int = 200) -> None:
    """Clean, boilerplate-free articles: the cleaner must keep nearly all of the body."""
    files = sorted(p for p in bbc.glob("*.txt") if p.name != "DUPLICATES.txt")
    recalls, titles = [], 0
    for path in files[:limit]:
        lines = path.read_text(encoding="utf-8", errors="replace").strip().split("\n")
        article = cleaning.clean_text("\n".join(lines))
        gold = Counter(" ".join(lines[1:]).split())
        got = Counter(article.text.split())
        recalls.append(sum((gold & got).values()) / max(sum(gold.values()), 1))
        titles += article.title == cleaning.normalize_text(lines[0])
    start = time.perf_counter()
    for path in files:
        cleaning.clean_text(path.read_text(encoding="utf-8", errors="replace"))
    elapsed = time.perf_counter() - start
    print(
        f"bbc: mean word recall {statistics.mean(recalls):.4f} over {len(recalls)}, "
        f"titles {titles}/{len(recalls)}, all {len(files)} cleaned in {elapsed:.1f}s"
    )


def missing_corpus(corpus: Path) -> str | None:
    """Why ``corpus`` cannot be scored (no pages with gold bodies), or None: a mean over no
    pages is a StatisticsError, not a figure."""
    kinds = {kind: sorted((corpus / kind).glob(f"*.{kind}")) for kind in ("txt", "html")}
    if not any(kinds.values()):
        return f"no benchmark pages at {corpus} (txt/*.txt, html/*.html)"
    without_gold = [path.name for paths in kinds.values() for path in paths
                    if not (corpus / "gold" / f"{path.stem}.txt").is_file()]
    if without_gold:
        return (f"{len(without_gold)} page(s) of {corpus} have no gold/<page>.txt body, "
                f"e.g. {without_gold[0]}")
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(
        os.environ.get("NEWS_BENCHMARK_DEV") or ROOT.parent / "shared/corpora/benchmark-dev"),
        help="benchmark pages with gold bodies (default $NEWS_BENCHMARK_DEV, else "
             "../shared/corpora/benchmark-dev)")
    parser.add_argument("--bbc", type=Path, default=Path(
        os.environ.get("NEWS_BENCH_CORPUS") or ROOT.parent / "shared/corpora/bbc"),
        help="clean articles for the word-recall check (default $NEWS_BENCH_CORPUS; skipped "
             "when absent)")
    parser.add_argument("--train", action="store_true", help="cross-validate and retrain")
    args = parser.parse_args()
    problem = missing_corpus(args.corpus)
    if problem:
        print(f"eval-clean: {problem}; point at the benchmark with --corpus DIR or "
              "NEWS_BENCHMARK_DEV=DIR (make eval-clean NEWS_BENCHMARK_DEV=DIR)", file=sys.stderr)
        return 2
    scores = {}
    if args.train:
        scores["txt_cv"] = train(load_pages(args.corpus))
        report(f"txt ({FOLDS}-fold CV, held-out pages)", scores["txt_cv"])
        cleaning.load_classifier.cache_clear()
    scores["txt"] = score_all(args.corpus, "txt", cleaning.clean_text)
    report("txt (shipped model)", scores["txt"])
    scores["html"] = score_all(args.corpus, "html", cleaning.clean_html)
    report("html", scores["html"])
    print("figures recorded in", quality.record_clean(
        {kind: [s for s, _ in pairs] for kind, pairs in scores.items()}, args.corpus,
        config.spacy_model(), cross_validated=args.train))
    if args.bbc.is_dir():
        bbc_check(args.bbc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
