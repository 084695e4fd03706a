"""Entity resolution figures on hand-labelled mentions (tests/fixtures/entity_gold).

    .venv/bin/python scripts/eval_entities.py [--corpus DIR] [--gold TSV] [--cache FILE]
                                              [--only-gold-files] [--out FILE] [--no-record]

The corpus's texts are parsed once and kept in ``--cache`` (a spaCy DocBin reused for the same
texts and model); extraction and the corpus merge always run on the current code (see
``pipeline/eval_entities.py`` for the figures).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import config  # noqa: E402
from pipeline.eval_entities import DEFAULT_GOLD, evaluate_folder, format_report  # noqa: E402
from pipeline.quality import record_entities  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear-train"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", default=config.DEFAULT_MODEL)
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "news-events-entity-docs.spacy")
    parser.add_argument("--only-gold-files", action="store_true",
                        help="parse only the articles the gold points into (faster, but the "
                             "corpus merge then sees fewer articles)")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--no-record", action="store_true",
                        help="do not record the figures in quality/ (a measurement while "
                             "working; the recorded figures are the final code's)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"eval-entities: no corpus at {args.corpus}; set NEWS_POLNEAR=<folder>",
              file=sys.stderr)
        return 2
    figures = evaluate_folder(args.corpus, args.gold, args.model, args.cache,
                              args.only_gold_files)
    print(f"{figures['gold']} gold mentions in {figures['gold_articles']} articles; corpus of "
          f"{figures['articles']} articles ({args.corpus})")
    print(format_report(figures))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if not args.no_record:
        print(f"figures recorded in {record_entities(figures, args.corpus, args.model)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
