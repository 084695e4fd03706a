"""Quotation recall, precision and speaker accuracy on a PolNeAR-style corpus, by fixed folds.

    .venv/bin/python scripts/eval_quotes.py [--corpus DIR] [--out FILE] [--cache FILE]
        [--referents FILE]

The texts are parsed once and the parse kept in ``--cache`` (a spaCy DocBin, reused only for
the same texts and model); extraction always runs on the current code. Figures: held-out fold,
fit folds and all folds (see ``pipeline/eval_quotes.py`` for the rules); the pronoun and
nominal speakers also against the hand-checked referents of ``--referents`` (by default those of
polnear-train's held-out fold; ``none`` for no file); the JSON goes to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import config  # noqa: E402
from pipeline.eval_quotes import (  # noqa: E402
    DEFAULT_CORPUS,
    DEFAULT_PARSE_CACHE,
    DEFAULT_REFERENTS,
    evaluate_corpus,
)
from pipeline.quality import record_quotes  # noqa: E402

ROWS = ("recall", "recall_3plus", "precision", "speaker_name", "speaker_pronoun_nominal",
        "speaker_pronoun_nominal_checked")


def report(figures: dict) -> str:
    parts = ("held_out", "fit_folds", "all")
    lines = [f"{'figure':<32}" + "".join(f"{p:>12}" for p in parts)]
    for row in ROWS:
        lines.append(f"{row:<32}" + "".join(f"{_fmt(figures[p][row]):>12}" for p in parts))
    lines.append(f"{'gold / predicted':<32}" + "".join(
        f"{figures[p]['gold']:>6}/{figures[p]['predicted']:<5}" for p in parts))
    for kind in ("pronoun", "nominal"):
        lines.append(f"{kind + ' derivable':<32}" + "".join(
            f"{figures[p]['pronoun_nominal_derivable'][kind]['derivable']:>6}/"
            f"{figures[p]['pronoun_nominal_derivable'][kind]['total']:<5}" for p in parts))
        lines.append(f"{kind + ' hand-checked':<32}" + "".join(
            f"{figures[p]['pronoun_nominal_checked'][kind]['checked']:>6}/"
            f"{figures[p]['pronoun_nominal_checked'][kind]['total']:<5}" for p in parts))
    lines.append("against the hand-checked referents (held out):")
    for kind, outcomes in figures["held_out"]["speakers_checked"].items():
        lines.append(f"  {kind}: " + ", ".join(f"{k} {n}" for k, n in outcomes.items()))
    lines.append("failure classes (all folds):")
    for name, n in figures["all"]["failures"].items():
        lines.append(f"  {n:>6}  {name}")
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "eval_quotes.json")
    parser.add_argument("--model", default=config.spacy_model())
    parser.add_argument("--cache", type=Path, default=DEFAULT_PARSE_CACHE)
    parser.add_argument("--referents", default=str(DEFAULT_REFERENTS),
                        help="hand-checked referents (JSON), or 'none'")
    args = parser.parse_args(argv)
    if not (args.corpus / "gold_direct_quotes.json").exists():
        print(f"no annotated corpus at {args.corpus} (gold_direct_quotes.json missing)",
              file=sys.stderr)
        return 2
    referents = None if args.referents == "none" else Path(args.referents)
    figures = evaluate_corpus(args.corpus, args.model, args.cache, referents)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(report(figures))
    print(f"figures written to {args.out}")
    print(f"figures recorded in {record_quotes(figures, args.model)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
