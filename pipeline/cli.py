"""Command-line interface: ``news-events build | eval | validate | versions | diff``.

Exit codes, for scripts: 0 success, 1 the work failed (a failed build, an invalid release, a
missing release, ``eval --strict`` below target), 2 bad usage (unknown command or option, a
release folder or version that does not exist).

Results go to standard output; progress (spinners, bars) and errors go to standard error, and
progress is only drawn on a terminal, so piping a command's output gives clean text.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from pipeline import config

OK, FAILED, USAGE = 0, 1, 2

out = Console(highlight=False, markup=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)


class UsageError(Exception):
    """The command line names something that does not exist (exit code 2, like argparse)."""


def _progress() -> Progress:
    """A progress bar on standard error, drawn only on a terminal (CI logs stay readable)."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


def _row_counts_table(title: str, counts: dict[str, int],
                      changes: dict[str, dict[str, int]] | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    if changes:
        for column in ("added", "removed", "changed"):
            table.add_column(column, justify="right")
    for name, rows in counts.items():
        extra = ([str(changes[name][c]) for c in ("added", "removed", "changed")]
                 if changes and name in changes else [])
        table.add_row(name, str(rows), *extra)
    return table


# --- build ---------------------------------------------------------------------------------

def _build(args: argparse.Namespace) -> int:
    """One build in this process: what the sensor and its run do, then a summary."""
    if args.sources:
        os.environ["NEWS_SOURCES_DIR"] = args.sources
    if args.output:
        os.environ["NEWS_OUTPUT_DIR"] = args.output
    os.environ.setdefault("DAGSTER_HOME", str(config.PROJECT_ROOT / ".dagster_home"))
    Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)

    with err.status("loading Dagster and the pipeline definitions…"):
        import dagster as dg

        from pipeline.defs.build import build

    out.print(f"building sources from {config.sources_dir()} into {config.output_dir()}")
    # Dagster streams its own log lines (each step, the NLP progress) to standard error; the
    # spinner only says the run is going on, it does not pretend to know how far it is.
    with err.status("running the build (one Dagster run; its log follows)…"):
        outcome = build(dg.DagsterInstance.get(), republish=args.republish)
    out.print(f"sources: {outcome.changes.describe()}")
    if outcome.result is None:
        out.print("nothing to build: no source is new, changed or deleted")
        return OK
    if not outcome.success:
        for message in outcome.errors():
            err.print(f"error in {message}")
        err.print(f"build failed (run {outcome.result.run_id})")
        return FAILED
    release = outcome.release
    out.print(f"release: {release.get('reason')} -> version {release.get('version')}"
              + (f" at {release['path']}" if release.get("path") else ""))
    counts = {key.split("/", 1)[1]: int(value) for key, value in release.items()
              if key.startswith("rows/")}
    if counts:
        out.print(_row_counts_table(f"rows in release {release.get('version')}", counts))
    return OK


# --- eval ----------------------------------------------------------------------------------

def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluation import evaluate, format_report, load_gold
    from pipeline.release import read_release

    output = args.output or config.output_dir()
    _require_version(output, args.version)
    if args.gold and not Path(args.gold).is_file():
        raise UsageError(f"no gold fixture at {args.gold}")
    tables = read_release(output, args.version)
    report = evaluate(tables, load_gold(args.gold))
    out.print(format_report(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, default=str))
    failures = [f for part in report.values() for f in part.get("failures", [])]
    return FAILED if args.strict and failures else OK


# --- validate ------------------------------------------------------------------------------

def _validate(args: argparse.Namespace) -> int:
    """Every table against its model, then the relations, with a bar over the tables."""
    import polars as pl
    import pyarrow.parquet as pq

    from pipeline.validation import validate_relations, validate_table
    from schemas import TABLES

    release_dir = Path(args.path)
    if not release_dir.is_dir():
        raise UsageError(f"no release folder at {release_dir}")
    missing = [name for name in TABLES if not (release_dir / f"{name}.parquet").is_file()]
    if missing:
        err.print(f"invalid release: missing {', '.join(f'{m}.parquet' for m in missing)}")
        return FAILED

    tables: dict[str, pl.DataFrame] = {}
    problems = []
    with _progress() as progress:
        task = progress.add_task("validating tables", total=len(TABLES) + 1)
        for name in TABLES:
            progress.update(task, description=f"validating {name}")
            tables[name] = pl.from_arrow(pq.read_table(release_dir / f"{name}.parquet"))
            problems += validate_table(name, tables[name])
            progress.advance(task)
        progress.update(task, description="checking offsets and keys")
        if not problems:  # relations are meaningless over tables of the wrong shape
            problems += validate_relations(tables)
        progress.advance(task)
    for problem in problems:
        out.print(problem.describe())
    if problems:
        out.print(f"{len(problems)} problem(s) in {release_dir}")
        return FAILED
    out.print(f"valid: {release_dir}")
    out.print(_row_counts_table("rows", {name: frame.height for name, frame in tables.items()}))
    return OK


# --- versions and diff ---------------------------------------------------------------------

def _versions(args: argparse.Namespace) -> int:
    from pipeline.release import list_versions, read_latest

    output = args.output or config.output_dir()
    latest = read_latest(output)
    versions = list_versions(output)
    if not versions:
        err.print(f"no release published under {output}")
        return FAILED
    for version in versions:
        marker = "  (latest)" if latest and latest["version"] == version else ""
        out.print(version + marker)
    return OK


def _diff(args: argparse.Namespace) -> int:
    from pipeline.release import diff_releases

    output = args.output or config.output_dir()
    old, new = _require_version(output, args.old), _require_version(output, args.new)
    changes = diff_releases(output, old, new)
    out.print(f"{old} -> {new}")
    out.print(f"{'table':16} {'added':>8} {'removed':>8} {'changed':>8}")
    for table, change in changes.items():
        out.print(f"{table:16} {change['added']:>8} {change['removed']:>8} "
                  f"{change['changed']:>8}")
    return OK


def _require_version(output: str, version: str | None) -> str | None:
    """The version named (``latest`` resolved), or UsageError naming the ones that exist."""
    from pipeline.release import list_versions, read_latest

    if version is None:
        return None
    if version == "latest":
        latest = read_latest(output)
        if latest is None:
            raise FileNotFoundError(f"no release published under {output}")
        return latest["version"]
    versions = list_versions(output)
    if version not in versions:
        raise UsageError(f"no version {version} under {output}; published: "
                         + (", ".join(versions) or "none"))
    return version


# --- the parser ----------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="news-events", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = root.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build new or changed sources and publish")
    build.add_argument("--sources", help="sources directory or URL (default $NEWS_SOURCES_DIR)")
    build.add_argument("--output", help="output directory or URL (default $NEWS_OUTPUT_DIR)")
    build.add_argument("--republish", action="store_true",
                       help="rebuild the corpus tables even when no source changed")
    build.set_defaults(handler=_build)
    evaluation = commands.add_parser("eval", help="score a release against the gold fixture")
    evaluation.add_argument("--output", help="output directory (default $NEWS_OUTPUT_DIR)")
    evaluation.add_argument("--version", help="release version (default: latest)")
    evaluation.add_argument("--gold", help="gold fixture JSON (default: the project's)")
    evaluation.add_argument("--json", help="also write the figures to this JSON file")
    evaluation.add_argument("--strict", action="store_true",
                            help="exit 1 when any figure misses its target")
    evaluation.set_defaults(handler=_eval)
    validate = commands.add_parser("validate", help="validate a release folder")
    validate.add_argument("path", help="a release folder, e.g. output/news-events/1.0.0")
    validate.set_defaults(handler=_validate)
    versions = commands.add_parser("versions", help="list published versions")
    versions.add_argument("--output", help="output directory (default $NEWS_OUTPUT_DIR)")
    versions.set_defaults(handler=_versions)
    diff = commands.add_parser("diff", help="rows added, removed and changed between releases")
    diff.add_argument("old", help="a version, or 'latest'")
    diff.add_argument("new", help="a version, or 'latest'")
    diff.add_argument("--output", help="output directory (default $NEWS_OUTPUT_DIR)")
    diff.set_defaults(handler=_diff)
    return root


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (never raise, so scripts see 0, 1 or 2)."""
    args = parser().parse_args(argv)  # exits 2 itself on bad usage
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UsageError as error:
        err.print(f"news-events {args.command}: error: {error}")
        return USAGE
    except FileNotFoundError as error:
        err.print(f"error: {error}")
        return FAILED
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    except Exception as error:  # a script needs an exit code (1), not a traceback
        err.print(f"error: {type(error).__name__}: {error}")
        if os.environ.get("NEWS_DEBUG"):
            raise
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
