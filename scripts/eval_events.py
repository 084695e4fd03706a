"""Event figures on the hand-labelled sentences of tests/fixtures/event_gold, by fixed folds.

    .venv/bin/python scripts/eval_events.py [--bbc DIR] [--benchmark-dev DIR] [--polnear DIR]
                                            [--gold TSV] [--work DIR] [--record] [--out FILE]
                                            [--show N]

The gold's articles are copied into ``<work>/sources/<corpus>/`` (outside the project; copies,
since the pipeline never opens a symlink that leaves its sources folder) and built into a
release in ``<work>/output`` by this checkout's own ``python -m pipeline build``, so the figures
measure what the code publishes. A second run with the same code finds nothing to build and
scores the same release again. See ``pipeline/eval_events.py`` for the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import config  # noqa: E402
from pipeline import eval_events as ev  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
FIGURE_ROWS = ("micro", "any_event")
ROLE_ROWS = ("actor_accuracy", "actor_type_accuracy", "implied_agent_accuracy",
             "target_accuracy", "modality_accuracy",
             "date_accuracy", "date_found")


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=Path, default=SHARED / "bbc")
    parser.add_argument("--benchmark-dev", type=Path, default=SHARED / "benchmark-dev")
    parser.add_argument("--polnear", type=Path, default=SHARED / "polnear-train")
    parser.add_argument("--gold", type=Path, default=ev.DEFAULT_GOLD)
    key = hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / f"news-events-eval-events-{key}")
    parser.add_argument("--record", action="store_true",
                        help="write the held-out and all-fold figures to quality/events.json")
    parser.add_argument("--out", type=Path, help="also write every figure as JSON here")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="print N sentences whose predicted types differ from the gold's "
                             "(their text is read from the corpus, never stored)")
    return parser.parse_args(argv)


def _stage_sources(gold: list[ev.GoldSentence], corpora: dict[str, Path], work: Path) -> None:
    """Copy the gold's articles into ``work/sources`` (and drop any other file there)."""
    root = work / "sources"
    wanted = {}
    for s in gold:
        src = ev.release_source(corpora, s.corpus, s.file)
        wanted[root / s.corpus / src.name] = src
    for path in sorted(root.rglob("*")) if root.exists() else ():
        if path.is_file() and path not in wanted:
            path.unlink()
    for dst, src in wanted.items():
        if dst.exists() and dst.read_bytes() == src.read_bytes():
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)


def _build(work: Path) -> Path:
    """Build and publish the staged sources with this checkout's code; the release folder."""
    env = {**os.environ, "DAGSTER_HOME": str(work / "dagster_home")}
    env.pop("NEWS_WORK_DIR", None)
    Path(env["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    log = work / "build.log"
    with log.open("w", encoding="utf-8") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "build", "--sources", str(work / "sources"),
             "--output", str(work / "output")], cwd=ROOT, env=env, stdout=handle,
            stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"eval-events: the build failed (exit {done.returncode}); see {log}")
    dataset = work / "output" / "news-events"
    latest = json.loads((dataset / "latest.json").read_text(encoding="utf-8"))
    return dataset / latest["path"]


def _tables(release: Path) -> tuple[dict, dict, list[dict], bool, str]:
    import polars as pl

    articles = pl.read_parquet(release / "articles.parquet").select("article_id", "source", "text")
    events = pl.read_parquet(release / "events.parquet")
    mentions = pl.read_parquet(release / "event_mentions.parquet")
    by_source = {}
    for row in articles.iter_rows(named=True):
        corpus, _, name = row["source"].partition("/")
        by_source[(corpus, name)] = (row["article_id"], row["text"])
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    preds = ev.predictions(events.to_dicts(), mentions.to_dicts())
    return by_source, preds, events.columns, "actor_types" in events.columns, package["version"]


def report(figs: dict) -> str:
    parts = ("held_out", "all")
    lines = [f"{'type':<14}" + "".join(f"{p + ' P/R/F1':>26}" for p in parts)
             + f"{'gold':>6}{'pred':>6}"]
    types = sorted(set(figs["all"]["per_type"]) | set())
    for typ in [*types, *FIGURE_ROWS]:
        cells = []
        for p in parts:
            row = figs[p][typ] if typ in FIGURE_ROWS else figs[p]["per_type"].get(typ)
            cells.append("-" if row is None else
                         f"{_fmt(row['precision'])}/{_fmt(row['recall'])}/{_fmt(row['f1'])}")
        all_row = figs["all"][typ] if typ in FIGURE_ROWS else figs["all"]["per_type"][typ]
        lines.append(f"{typ:<14}" + "".join(f"{c:>26}" for c in cells)
                     + f"{all_row['gold']:>6}{all_row['predicted']:>6}")
    for key in ROLE_ROWS:
        lines.append(f"{key:<22}" + "".join(f"{_fmt(figs[p][key]):>18}" for p in parts))
    for p in parts:
        m = figs[p]["merge"]
        lines.append(f"merge purity ({p}): {_fmt(m['purity'])} ({m['pure']}/{m['events']} "
                     "events with mentions in 2+ gold sentences); kept together: "
                     f"{_fmt(m['kept_together'])} of {m['keyed_events']} gold events found "
                     "in 2+ of their sentences")
    lines.append("sentences by selection bucket (all folds): exact type-set match")
    for bucket, row in figs["all"]["by_bucket"].items():
        lines.append(f"  {bucket:<24} {_fmt(row['exact']):>6}  of {row['sentences']}")
    lines.append("failure classes (all folds):")
    for name, n in list(figs["all"]["failures"].items())[:30]:
        lines.append(f"  {n:>5}  {name}")
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    corpora = {"bbc": args.bbc, "benchmark-dev": args.benchmark_dev,
               "polnear-train": args.polnear}
    for name, folder in corpora.items():
        if not folder.is_dir():
            print(f"eval-events: no {name} corpus at {folder}; point to it with "
                  f"--{'polnear' if name == 'polnear-train' else name} DIR", file=sys.stderr)
            return 2
    gold = ev.load_gold(args.gold)
    texts: dict[tuple[str, str], str] = {}
    for s in gold:
        path = ev.gold_text_path(corpora, s.corpus, s.file)
        if (s.corpus, s.file) not in texts and path.exists():
            texts[(s.corpus, s.file)] = path.read_text(encoding="utf-8")
    bad = ev.verify(gold, lambda c, f: texts.get((c, f)))
    if bad:
        print(f"eval-events: {len(bad)} gold sentences do not match their corpus "
              f"(first: {bad[0]}); is it the right corpus?", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    _stage_sources(gold, corpora, args.work)
    release = _build(args.work)
    articles, preds, _, has_types, version = _tables(release)
    by_gold_file = {}
    for s in gold:  # a benchmark page is published from its .html, the gold names its .txt
        source = (s.corpus, ev.release_source(corpora, s.corpus, s.file).name)
        if source in articles:
            by_gold_file[(s.corpus, s.file)] = articles[source]
    placed, missing = ev.place(gold, texts, by_gold_file, preds)
    figs = ev.figures(gold, placed, missing, has_types)
    figs["release"] = str(release)
    figs["release_version"] = version
    print(f"{len(gold)} gold sentences in {figs['gold_articles']} articles; {len(placed)} found "
          f"in release {version} ({release}); {len(missing)} not found (cleaned away)")
    print(report(figs))
    for d in ev.disagreements(gold, placed)[:args.show]:
        text = " ".join(texts[(d["corpus"], d["file"])][d["start"]:d["end"]].split())
        print(f"\n{d['corpus']}/{d['file']}:{d['start']} [{d['bucket']}] gold {d['gold']} "
              f"predicted {d['triggers']}\n  {text}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figs, indent=1) + "\n", encoding="utf-8")
    if args.record:
        from pipeline.quality import record_events

        print(f"figures recorded in {record_events(figs, corpora, config.spacy_model())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
