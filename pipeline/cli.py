"""Command-line interface: ``news-events build | eval | validate | versions | diff``.

Exit codes: 0 success, 1 the work failed (a validation error, a failed run), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pipeline import config


def _build(args: argparse.Namespace) -> int:
    if args.sources:
        os.environ["NEWS_SOURCES_DIR"] = args.sources
    if args.output:
        os.environ["NEWS_OUTPUT_DIR"] = args.output
    os.environ.setdefault("DAGSTER_HOME", str(config.PROJECT_ROOT / ".dagster_home"))
    Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)

    import dagster as dg

    from pipeline.defs.build import build

    print(f"building sources from {config.sources_dir()} into {config.output_dir()}")
    outcome = build(dg.DagsterInstance.get(), republish=args.republish)
    print(f"sources: {outcome.changes.describe()}")
    if outcome.result is None:
        print("nothing to build: no source is new, changed or deleted")
        return 0
    if not outcome.success:
        for message in outcome.errors():
            print(f"error in {message}", file=sys.stderr)
        print(f"build failed (run {outcome.result.run_id})", file=sys.stderr)
        return 1
    release = outcome.release
    print(f"release: {release.get('reason')} -> version {release.get('version')}"
          + (f" at {release['path']}" if release.get("path") else ""))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluation import evaluate, format_report, load_gold
    from pipeline.release import read_release

    output = args.output or config.output_dir()
    tables = read_release(output, args.version)
    report = evaluate(tables, load_gold(args.gold))
    print(format_report(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, default=str))
    return 0


def _validate(args: argparse.Namespace) -> int:
    import polars as pl
    import pyarrow.parquet as pq

    from pipeline.validation import validate_all
    from schemas import TABLES

    release_dir = Path(args.path)
    tables = {name: pl.from_arrow(pq.read_table(release_dir / f"{name}.parquet"))
              for name in TABLES}
    problems = validate_all(tables)
    for problem in problems:
        print(problem.describe())
    print("valid" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _versions(args: argparse.Namespace) -> int:
    from pipeline.release import list_versions, read_latest

    output = args.output or config.output_dir()
    latest = read_latest(output)
    for version in list_versions(output):
        marker = "  (latest)" if latest and latest["version"] == version else ""
        print(version + marker)
    return 0


def _diff(args: argparse.Namespace) -> int:
    from pipeline.release import diff_releases

    output = args.output or config.output_dir()
    for table, change in diff_releases(output, args.old, args.new).items():
        print(f"{table:16} +{change['added']:<6} -{change['removed']:<6} ~{change['changed']}")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="news-events", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build new or changed sources and publish")
    build.add_argument("--sources", help="sources directory or URL (default $NEWS_SOURCES_DIR)")
    build.add_argument("--output", help="output directory or URL (default $NEWS_OUTPUT_DIR)")
    build.add_argument("--republish", action="store_true",
                       help="rebuild the corpus tables even when no source changed")
    build.set_defaults(handler=_build)
    evaluation = commands.add_parser("eval", help="score a release against the gold fixture")
    evaluation.add_argument("--output")
    evaluation.add_argument("--version", help="release version (default: latest)")
    evaluation.add_argument("--gold", help="gold fixture JSON (default: the project's)")
    evaluation.add_argument("--json", help="also write the figures to this JSON file")
    evaluation.set_defaults(handler=_eval)
    validate = commands.add_parser("validate", help="validate a release folder")
    validate.add_argument("path")
    validate.set_defaults(handler=_validate)
    versions = commands.add_parser("versions", help="list published versions")
    versions.add_argument("--output")
    versions.set_defaults(handler=_versions)
    diff = commands.add_parser("diff", help="rows added, removed and changed between releases")
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--output")
    diff.set_defaults(handler=_diff)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
