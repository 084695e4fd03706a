"""Command-line interface: ``news-events build | eval | entities | validate | versions | diff``.

Exit codes, for scripts: 0 success, 1 the work failed (a failed build, an invalid or incomplete
release, a damaged latest.json, a missing release, ``eval --strict`` below target), 2 bad usage
(unknown command or option, a release folder or version that does not exist).

Every command that reads a release takes it as TARGET: a version (``1.2.0``), ``latest`` or
a release folder (``output/news-events/1.2.0``); ``--output`` (default ``$NEWS_OUTPUT_DIR``)
says where versions and ``latest`` are looked up, and ``versions`` takes that directory itself.

Every release is checked against its datapackage.json (each file's bytes and sha256) before it
is read; a damaged latest.json or an incomplete release is named on standard error, and ``latest``
then means the newest complete release (a warning says which).

Results go to standard output; progress and errors go to standard error. ``build`` draws one bar
per stage on a terminal and prints one line per stage elsewhere (CI logs, pipes); the run's
whole log goes to ``$DAGSTER_HOME/logs/build-*.log``, named by its last line (``-v``: live).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import json
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from pipeline import config
from pipeline.locks import exclusive

OK, FAILED, USAGE = 0, 1, 2
LATEST_FILE = "latest.json"

out = Console(highlight=False, markup=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)


class UsageError(Exception):
    """The command line names something that does not exist (exit code 2, like argparse)."""


class Failed(Exception):
    """The work found something wrong (exit code 1); each line names a file and its fault."""


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

#: The stage of the progress view each step of a build belongs to (the rest: corpus tables and
#: their checks), and what each stage counts.
_STEP_STAGES = {"raw_articles": "read", "cleaned_articles": "clean", "article_nlp": "NLP",
                "release": "release"}
_UNITS = {"read": "sources", "clean": "articles", "NLP": "articles", "corpus tables": "tables",
          "release": "step"}
_NLP_PROGRESS = re.compile(r"NLP: (\d+)/(\d+) articles")


@dataclass
class _Stage:
    """One stage of a build as the view shows it: a build split into batches runs the
    per-article stages once per batch run, and the stage sums them."""

    name: str
    started: float
    total: int | None = None
    completed: int = 0
    note: str = ""
    failed: bool = False
    task: TaskID | None = None
    busy: float = 0.0  # seconds spent in the stage by the runs before the current one
    entered: float | None = None  # when the current run entered it (None: not in it now)
    base: int = 0  # what the runs before the current one completed (NLP's progress lines)
    flagged: int = 0  # sources rejected (read, clean) or articles without NLP, over all runs
    done: bool = False  # no run will enter it again: its line is printed

    def elapsed(self, now: float) -> float:
        return self.busy + (now - self.entered if self.entered is not None else 0.0)

    def rate(self, now: float) -> str:
        """Items per second, for the stages that work per article."""
        elapsed = self.elapsed(now)
        if self.name not in {"read", "clean", "NLP"} or not self.completed or elapsed <= 0:
            return ""
        return f"{self.completed / elapsed:,.1f} {_UNITS[self.name]}/s"


class _BuildView:
    """Listens to a build's events: every event goes to the log file; the stages show as one
    bar each on a terminal (``progress``), as one plain line each elsewhere, or not at all
    (``verbose``: the log's lines are shown live instead).

    A build split into batches (``NEWS_BATCH_SOURCES``) is one build to its user: a stage's bar
    and line count every batch's sources, and the per-article stages' lines are printed when
    the last batch run ends."""

    def __init__(self, log: TextIO, progress: Progress | None, work_dir: str,
                 verbose: bool) -> None:
        from schemas import TABLES

        self.log, self.progress, self.work_dir, self.verbose = log, progress, work_dir, verbose
        self.tables = frozenset(TABLES)
        self.stages: dict[str, _Stage] = {}
        self.current: _Stage | None = None
        self.sources: int | None = None  # in the build's batches
        self.articles = 0  # cleaned and not rejected, so far
        self.batch_runs = 1  # the runs that build sources: the stages after them run once
        self.runs_ended = 0

    def planned(self, batch_sizes: list[int]) -> None:
        """The build's batches, by how many sources each builds (before any run starts)."""
        self.sources = sum(batch_sizes)
        self.batch_runs = max(len(batch_sizes), 1)

    def __call__(self, entry: Any) -> None:
        try:
            line = _log_line(entry)
            self.log.write(line)
            if self.verbose:
                sys.stderr.write(line)
            self._show(entry)
        except Exception as error:  # a display fault must not fail the run
            self.log.write(f"progress view: {type(error).__name__}: {error}\n")
        self.log.flush()

    def _show(self, entry: Any) -> None:
        event = entry.dagster_event
        kind = event.event_type_value if event else None
        stage = (_STEP_STAGES.get(entry.step_key, "corpus tables")
                 if entry.step_key and not entry.step_key.endswith("_valid") else None)
        if kind == "ASSET_MATERIALIZATION_PLANNED" and self.sources is None:
            self.sources = self._batch_size(getattr(event.event_specific_data, "partition", None))
        elif kind == "STEP_START" and stage:
            self._enter(stage, entry.timestamp)
        elif kind == "ASSET_MATERIALIZATION":
            self._materialized(event.event_specific_data.materialization, entry.timestamp)
        elif kind == "STEP_FAILURE" and self.current:
            self.current.failed = True
            self._refresh(self.current, entry.timestamp)
        elif kind in {"PIPELINE_SUCCESS", "PIPELINE_FAILURE"}:
            self._enter(None, entry.timestamp)
            self.runs_ended += 1
            if self.runs_ended >= self.batch_runs:
                for ended in self.stages.values():
                    self._finish(ended, entry.timestamp)
        elif event is None and (match := _NLP_PROGRESS.fullmatch(entry.user_message or "")):
            nlp = self.stages.get("NLP")
            if nlp:
                nlp.completed = nlp.base + int(match[1])
                nlp.total = max(nlp.total or 0, nlp.base + int(match[2]))
                self._refresh(nlp, entry.timestamp)

    def _batch_size(self, batch: str | None) -> int | None:
        """How many sources the run's batch builds, from its manifest (the bars' totals)."""
        if not batch:
            return None
        from pipeline.defs.resources import WorkStore

        return len(WorkStore(base_dir=self.work_dir).load_manifest(batch)["sources"])

    def _enter(self, name: str | None, now: float) -> None:
        """Start (or, in a later batch run, resume) stage ``name`` (None: the run ended),
        leaving the one before."""
        if self.current and self.current.name == name:
            return
        if self.current:
            self._leave(self.current, now)
        self.current = None
        if name is None:
            return
        stage = self.stages.get(name)
        if stage is None:
            total = {"read": self.sources, "clean": self.sources, "NLP": self.articles or None,
                     "corpus tables": len(self.tables), "release": 1}.get(name)
            stage = self.stages[name] = _Stage(name, now, total)
            if self.progress is not None:
                stage.task = self.progress.add_task(name, total=total, unit=_UNITS[name],
                                                    rate="", note="")
        stage.entered, stage.base = now, stage.completed
        self.current = stage

    def _leave(self, stage: _Stage, now: float) -> None:
        """The current run is done with ``stage``; a stage no later run enters is finished."""
        stage.busy, stage.entered = stage.elapsed(now), None
        if stage.name not in {"read", "clean", "NLP"} or self.runs_ended + 1 >= self.batch_runs:
            self._finish(stage, now)
        else:
            self._refresh(stage, now)

    def _materialized(self, materialization: Any, now: float) -> None:
        """Counts from each asset's materialization metadata, added over batch runs."""
        meta = {key: getattr(value, "value", value)
                for key, value in materialization.metadata.items()}
        asset = materialization.asset_key.to_user_string()
        stage = self.current
        if stage is None:
            return
        if asset == "raw_articles":
            stage.completed += int(meta.get("sources", 0))
            self._flag(stage, int(meta.get("rejected", 0)), "rejected")
        elif asset == "cleaned_articles":
            self.articles += int(meta.get("articles", 0))  # what NLP will parse
            stage.completed += int(meta.get("articles", 0)) + int(meta.get("rejected", 0))
            self._flag(stage, int(meta.get("rejected", 0)), "rejected")
            nlp = self.stages.get("NLP")
            if nlp is not None:
                nlp.total = self.articles
        elif asset == "article_nlp":
            stage.completed = stage.base + int(meta.get("articles", 0))
            self._flag(stage, int(meta.get("failed_articles", 0)), "without NLP")
        elif asset in self.tables:
            stage.completed += 1
        elif asset == "release":
            stage.completed = 1
            stage.note = f"{meta.get('reason', '')} -> {meta.get('version', '')}"
        self._refresh(stage, now)

    @staticmethod
    def _flag(stage: _Stage, count: int, what: str) -> None:
        """Add this run's ``count`` of sources or articles that went wrong to the stage's."""
        stage.flagged += count
        stage.note = f"{stage.flagged} {what}" if stage.flagged else ""

    def _refresh(self, stage: _Stage, now: float) -> None:
        if self.progress is not None and stage.task is not None:
            note = "failed" if stage.failed else stage.note
            self.progress.update(stage.task, completed=stage.completed, total=stage.total,
                                 rate=stage.rate(now), note=note)

    def _finish(self, stage: _Stage, now: float) -> None:
        if stage.done:
            return
        stage.done = True
        if stage.total is None or (not stage.failed and stage.completed != stage.total):
            stage.total = stage.completed
        self._refresh(stage, now)
        if self.progress is None and not self.verbose:
            count = f"{stage.completed}/{stage.total} {_UNITS[stage.name]}"
            parts = [count if stage.name != "release" else "",
                     f"{stage.elapsed(now):.1f} s", stage.rate(now),
                     "failed" if stage.failed else stage.note]
            err.print(f"{stage.name}: " + ", ".join(part for part in parts if part))


def _log_line(entry: Any) -> str:
    """One event as Dagster's console shows it, with a failure's error and stack below."""
    import logging

    stamp = dt.datetime.fromtimestamp(entry.timestamp, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    event = entry.dagster_event
    fields = [f"{stamp} +0000", "dagster", logging.getLevelName(entry.level), entry.job_name,
              entry.run_id, entry.step_key or "-", event.event_type_value if event else "LOG",
              entry.user_message]
    line = " - ".join(str(field) for field in fields) + "\n"
    error = getattr(getattr(event, "event_specific_data", None), "error", None)
    if error is not None:
        line += error.to_string() + "\n"
    return line


def _bars() -> Progress:
    """One bar per stage, kept on screen when done: a record of the build, not a spinner."""
    return Progress(TextColumn("{task.description:<14}"), BarColumn(bar_width=24),
                    MofNCompleteColumn(), TextColumn("{task.fields[unit]}"),
                    TimeElapsedColumn(), TextColumn("{task.fields[rate]}"),
                    TextColumn("{task.fields[note]}"), console=err)


def _open_instance(home: Path) -> Any:
    """The Dagster instance in ``home``, given the local instance configuration when it has
    none (telemetry off, the log level set: no warning, no banner on a fresh clone).

    Two builds started together on a new DAGSTER_HOME would both create its SQLite schema
    (an IntegrityError for one of them): the first to get here creates it.
    """
    import shutil

    import dagster as dg

    home.mkdir(parents=True, exist_ok=True)
    with exclusive(f"{home}/.instance.lock", "another build starting", timeout=600):
        if not (home / "dagster.yaml").exists():
            shutil.copyfile(config.LOCAL_INSTANCE_CONFIG, home / "dagster.yaml")
        return dg.DagsterInstance.from_config(str(home))


@contextlib.contextmanager
def _python_logs(log: TextIO, verbose: bool) -> Iterator[None]:
    """Python's log records and warnings go to the build's log file (and, verbose, to the
    terminal) while the build runs, instead of the terminal's last-resort handler."""
    import logging

    root = logging.getLogger()
    handlers = [logging.StreamHandler(log)] + ([logging.StreamHandler(sys.stderr)]
                                               if verbose else [])
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - "
                                               "%(message)s"))
        root.addHandler(handler)
    ours = logging.getLogger("pipeline")  # the pipeline's INFO too; other libraries' warnings
    level = ours.level
    ours.setLevel(logging.INFO)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        ours.setLevel(level)
        for handler in handlers:
            root.removeHandler(handler)


def _build(args: argparse.Namespace) -> int:
    """One build in this process: what the sensor and its run do, then a summary; the run's
    whole log goes to a file that the last line names."""
    settings = config.Settings.from_env(sources_dir=args.sources, output_dir=args.output)
    home = Path(settings.dagster_home).resolve()
    log_path = home / "logs" / f"build-{dt.datetime.now():%Y%m%dT%H%M%S}-{os.getpid()}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    out.print(f"building sources from {settings.sources_dir} into {settings.output_dir}")
    with log_path.open("w", encoding="utf-8") as log, _python_logs(log, args.verbose):
        log.write(f"news-events build: sources {settings.sources_dir}, output "
                  f"{settings.output_dir}, work {settings.work_dir}, DAGSTER_HOME {home}\n")
        try:
            code = _build_and_report(args, settings, home, log)
        finally:
            log.flush()
    out.print(f"full log: {log_path}")
    return code


def _build_and_report(args: argparse.Namespace, settings: config.Settings, home: Path,
                      log: TextIO) -> int:
    with err.status("loading Dagster and the pipeline definitions…"):
        from pipeline.defs.build import build

        instance = _open_instance(home)
    bars = _bars() if err.is_terminal and not args.verbose else None
    view = _BuildView(log, bars, settings.work_dir, args.verbose)
    with bars or contextlib.nullcontext():
        # Dagster's console logger stays quiet: the view writes every event to the log file
        # (and, verbose, to the terminal), whatever the instance's python_log_level
        outcome = build(instance, republish=args.republish, settings=settings, on_event=view,
                        on_batches=view.planned, console_log_level="CRITICAL")
    out.print(f"sources: {outcome.changes.describe()}")
    if outcome.damaged:
        err.print(f"{len(outcome.damaged)} damaged stored file(s) set aside and rebuilt: "
                  + ", ".join(outcome.damaged[:5]))
    if outcome.publish_reason:
        out.print(f"publishing although no source changed: {outcome.publish_reason}")
    if outcome.result is None:
        out.print("nothing to build: no source is new, changed or deleted")
        return OK
    if not outcome.success:
        # each step's cause, with the notes under it that name the file or URL it failed on
        # (a store's own error often names none: botocore's NoSuchKey names no key)
        for message in outcome.errors():
            cause, *notes = message.splitlines()
            err.print(f"error in {cause}")
            for note in notes:
                err.print(f"  {note}")
        err.print(f"build failed (run {outcome.result.run_id}; sources {settings.sources_dir}, "
                  f"output {settings.output_dir}, work store {settings.work_dir})")
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

    if args.target and args.version:
        raise UsageError("give the release once: TARGET or --version")
    release_dir = _readable_release(args.target or args.version or "latest", _output(args))
    if args.gold and not Path(args.gold).is_file():
        raise UsageError(f"no gold fixture at {args.gold}")
    report = evaluate(_read_tables(release_dir), load_gold(args.gold))
    out.print(format_report(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, default=str))
    if args.record:
        _record_seeds(report, release_dir)
    failures = [f for part in report.values() for f in part.get("failures", [])]
    return FAILED if args.strict and failures else OK


def _record_seeds(report: dict, release_dir: str) -> None:
    """Keep the figures in quality/seeds.json, with the release's stage versions; only for
    a release of the seeds, the articles the gold fixture describes."""
    import fsspec

    from pipeline import quality

    fs, root = fsspec.core.url_to_fs(release_dir)
    with fs.open(f"{root.rstrip('/')}/datapackage.json", "r", encoding="utf-8") as handle:
        package = json.load(handle)
    listed = package.get("sources", [])  # a large release's are in sources.parquet: no seeds
    hashes = [s["hash"].removeprefix("sha256:") for s in listed] if isinstance(listed, list) else []
    if not quality.are_seeds(hashes):
        err.print(f"not recorded: release {package['version']} is not of the seeds/ articles")
        return
    err.print(f"figures recorded in {quality.record_seeds(report, package)}")


def _read_tables(release_dir: str) -> dict:
    """Every table of a release folder (checked whole already) as polars DataFrames."""
    from pipeline.release import read_table
    from schemas import TABLES

    return {name: read_table(release_dir, name) for name in TABLES}


def _entities(args: argparse.Namespace) -> int:
    """The most mentioned entities of a release with their aliases, for review (issue 15)."""
    from pipeline.eval_entities import audit, format_audit

    tables = _read_tables(_readable_release(args.target or "latest", _output(args)))
    sources = dict(zip(tables["articles"]["article_id"], tables["articles"]["source"],
                       strict=True))
    rows = audit(tables["entities"].iter_rows(named=True),
                 tables["entity_mentions"].iter_rows(named=True), sources, args.top)
    out.print(format_audit(rows))
    return OK


# --- validate ------------------------------------------------------------------------------

def _validate(args: argparse.Namespace) -> int:
    """The files against datapackage.json, then every table against its model, then the
    relations (with a bar over the tables): a cut or swapped file is named before its schema."""
    from pipeline.release import check_release
    from pipeline.validation import validate_relations
    from schemas import TABLES

    release_dir = _validate_target(args)
    lines = [f"file {problem}" for problem in check_release(release_dir, rows=True)]
    with _progress() as progress:
        task = progress.add_task("validating tables", total=len(TABLES) + 1)
        tables, problems = _validate_tables(release_dir, lines, progress, task)
        if tables is not None and not problems:  # relations are meaningless otherwise
            progress.update(task, description="checking offsets and keys")
            problems += validate_relations(tables)
        progress.advance(task)
    lines += [problem.describe() for problem in problems]
    for line in lines:
        out.print(line)
    if lines:
        out.print(f"{len(lines)} problem(s) in {release_dir}")
        return FAILED
    out.print(f"valid: {release_dir}")
    out.print(_row_counts_table("rows", {name: frame.height for name, frame in tables.items()}))
    return OK


def _validate_tables(release_dir: str, lines: list[str], progress: Progress,
                     task: TaskID) -> tuple:
    """Each table read and checked against its model; a file that cannot be read is added to
    ``lines`` (unless the datapackage check named it already) and the tables become None."""
    import pyarrow as pa

    from pipeline.release import read_table
    from pipeline.validation import validate_table
    from schemas import TABLES

    tables: dict | None = {}
    problems = []
    for name in TABLES:
        progress.update(task, description=f"validating {name}")
        file = f"{name}.parquet"
        try:
            frame = read_table(release_dir, name)
        except (OSError, pa.ArrowException) as error:
            fault = "missing" if isinstance(error, FileNotFoundError) else f"unreadable ({error})"
            if not any(line.startswith(f"file {file}:") for line in lines):
                lines.append(f"file {file}: {fault}")
            tables = None
        else:
            problems += validate_table(name, frame)
            if tables is not None:
                tables[name] = frame
        progress.advance(task)
    return tables, problems


def _validate_target(args: argparse.Namespace) -> str:
    """The release folder ``validate`` checks: a folder path, or a version (``latest``: what
    latest.json names, damaged or not) under ``--output``."""
    from pipeline.release import list_versions, read_latest

    target = args.target
    if Path(target).is_dir():
        return target
    output = _output(args)
    if target == "latest":
        try:
            latest = read_latest(output)
        except ValueError as error:  # DamagedRelease: the message names the file
            raise Failed(str(error)) from None
        if latest is None:
            raise FileNotFoundError(f"no release published under {output}")
        if latest["path"] not in list_versions(output):
            raise Failed(f"{_release_dir(output, LATEST_FILE)} names {latest['path']}, "
                         "which is not there")
        return _release_dir(output, latest["path"])
    if re.fullmatch(r"\d+\.\d+\.\d+", target):
        _known_version(output, target)
        return _release_dir(output, target)
    raise UsageError(f"no release folder at {target} (give a folder, a version or 'latest')")


# --- versions and diff ---------------------------------------------------------------------

def _versions(args: argparse.Namespace) -> int:
    """Every release folder, the latest marked; a damaged latest.json or an incomplete release
    is named on standard error (exit 1) after the list."""
    from pipeline.release import check_release, find_latest, list_versions

    output = args.output_dir or _output(args)
    found = find_latest(output)
    versions = list_versions(output)
    if not versions:
        raise Failed(found.note or f"no release published under {output}")
    broken = []
    for version in versions:
        problems = check_release(_release_dir(output, version))
        broken += [f"{_release_dir(output, version)}/{problem}" for problem in problems]
        marker = "  (latest)" if version == found.version else ""
        out.print(version + marker + ("  (incomplete)" if problems else ""))
    if found.note:
        broken.append(found.note)
    if broken:
        raise Failed("\n".join(broken))
    return OK


def _diff(args: argparse.Namespace) -> int:
    """Rows added, removed and changed per table; OLD and NEW are versions, ``latest`` or
    release folders (``<output>/news-events/<version>``) of one output."""
    from pipeline.release import diff_releases

    (old_output, old), (new_output, new) = (_output_and_version(target, _output(args))
                                            for target in (args.old, args.new))
    if old_output != new_output:
        raise UsageError(f"{args.old} and {args.new} are releases of different outputs "
                         f"({old_output}, {new_output}); diff compares releases of one")
    old, new = _require_version(old_output, old), _require_version(new_output, new)
    changes = diff_releases(old_output, old, new)
    out.print(f"{old} -> {new}")
    out.print(f"{'table':16} {'added':>8} {'removed':>8} {'changed':>8}")
    for table, change in changes.items():
        out.print(f"{table:16} {change['added']:>8} {change['removed']:>8} "
                  f"{change['changed']:>8}")
    return OK


def _output(args: argparse.Namespace) -> str:
    """The output directory a command reads: ``--output``, else the settings'."""
    return args.output or config.Settings.from_env().output_dir


def _output_and_version(target: str, output: str) -> tuple[str, str]:
    """(output, version) of a TARGET: a version or ``latest`` under ``output``, or a release
    folder path, whose output is two levels up (``<output>/news-events/<version>``)."""
    if not Path(target).is_dir():
        return output, target
    folder = Path(target).resolve()
    if folder.parent.name != config.DATASET_NAME or not re.fullmatch(r"\d+\.\d+\.\d+",
                                                                       folder.name):
        raise UsageError(f"{target} is not a release folder "
                         f"(<output>/{config.DATASET_NAME}/<version>)")
    return str(folder.parent.parent), folder.name


def _readable_release(target: str, output: str) -> str:
    """The release folder of a TARGET (a folder anywhere, a version or ``latest``), checked
    whole against its datapackage.json: Failed naming each broken file otherwise."""
    from pipeline.release import check_release

    if not Path(target).is_dir():
        return _release_dir(output, _require_version(output, target))
    problems = check_release(target)
    if problems:
        raise Failed("\n".join(f"{target}/{problem}" for problem in problems)
                     + f"\nrelease {target} is incomplete: its files differ from its "
                     "datapackage.json")
    return target


def _release_dir(output: str, version: str) -> str:
    """A release folder (or a file of the dataset) as a path or URL under ``output``."""
    return f"{output.rstrip('/')}/{config.DATASET_NAME}/{version}"


def _known_version(output: str, version: str) -> None:
    """UsageError naming the versions that exist, unless ``version`` is one of them."""
    from pipeline.release import list_versions

    versions = list_versions(output)
    if version not in versions:
        raise UsageError(f"no version {version} under {output}; published: "
                         + (", ".join(versions) or "none"))


def _require_version(output: str, version: str | None) -> str | None:
    """The version named, checked complete (``latest``: the latest complete release, with a
    warning when latest.json is damaged); UsageError when it does not exist, Failed naming
    each broken file when it is incomplete."""
    from pipeline.release import check_release, find_latest

    if version is None:
        return None
    if version == "latest":
        found = find_latest(output)
        if found.version is None:
            if found.note:
                raise Failed(found.note)
            raise FileNotFoundError(f"no release published under {output}")
        if found.note:
            err.print(f"warning: {found.note}")
        return found.version
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        raise UsageError(f"no release folder or version {version} (give a folder, a version "
                         "like 1.2.0 or 'latest')")
    _known_version(output, version)
    release_dir = _release_dir(output, version)
    problems = check_release(release_dir)
    if problems:
        raise Failed("\n".join(f"{release_dir}/{problem}" for problem in problems)
                     + f"\nrelease {version} is incomplete: its files differ from its "
                     "datapackage.json")
    return version


# --- the parser ----------------------------------------------------------------------------

TARGET_HELP = ("a release: a version (1.2.0), 'latest' or a release folder "
               "(e.g. output/news-events/1.2.0)")
OUTPUT_HELP = "output directory for versions and 'latest' (default $NEWS_OUTPUT_DIR)"

def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="news-events", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = root.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build new or changed sources and publish")
    build.add_argument("--sources", help="sources directory or URL (default $NEWS_SOURCES_DIR)")
    build.add_argument("--output", help="output directory or URL (default $NEWS_OUTPUT_DIR)")
    build.add_argument("--republish", action="store_true",
                       help="rebuild the corpus tables even when no source changed")
    build.add_argument("-v", "--verbose", action="store_true",
                       help="show the run's log live instead of the progress bars (it always "
                            "goes to $DAGSTER_HOME/logs/build-*.log)")
    build.set_defaults(handler=_build)
    evaluation = commands.add_parser("eval", help="score a release against the gold fixture")
    evaluation.add_argument("target", nargs="?", help=TARGET_HELP + " (default: latest)")
    evaluation.add_argument("--output", help=OUTPUT_HELP)
    evaluation.add_argument("--version", help=argparse.SUPPRESS)  # before TARGET existed
    evaluation.add_argument("--gold", help="gold fixture JSON (default: the project's)")
    evaluation.add_argument("--json", help="also write the figures to this JSON file")
    evaluation.add_argument("--strict", action="store_true",
                            help="exit 1 when any figure misses its target")
    evaluation.add_argument("--record", action="store_true",
                            help="keep the figures in quality/seeds.json (a release of the "
                                 "seeds only): the next release's quality.json holds them")
    evaluation.set_defaults(handler=_eval)
    entities = commands.add_parser(
        "entities", help="the most mentioned entities with their aliases, to review merges")
    entities.add_argument("target", nargs="?", help=TARGET_HELP + " (default: latest)")
    entities.add_argument("--top", type=int, default=40, help="how many entities (default 40)")
    entities.add_argument("--output", help=OUTPUT_HELP)
    entities.set_defaults(handler=_entities)
    validate = commands.add_parser(
        "validate", help="check a release's files against its datapackage.json, then its tables")
    validate.add_argument("target", help=TARGET_HELP)
    validate.add_argument("--output", help=OUTPUT_HELP)
    validate.set_defaults(handler=_validate)
    versions = commands.add_parser("versions", help="list published versions")
    versions.add_argument("output_dir", nargs="?", metavar="OUTPUT",
                          help="output directory (default $NEWS_OUTPUT_DIR)")
    versions.add_argument("--output", help=OUTPUT_HELP)
    versions.set_defaults(handler=_versions)
    diff = commands.add_parser("diff", help="rows added, removed and changed between releases")
    diff.add_argument("old", help=TARGET_HELP)
    diff.add_argument("new", help=TARGET_HELP)
    diff.add_argument("--output", help=OUTPUT_HELP)
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
    except Failed as error:
        for line in str(error).splitlines():
            err.print(f"error: {line}")
        return FAILED
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


def run() -> NoReturn:
    """The console entry point: :func:`main`, then an exit without the native teardown.

    Arrow's and polars' thread pools can abort the process while the C++ runtime destroys them
    at exit ("terminate called without an active exception", exit -6), after a command has
    done all its work and printed its result. So CPython's own exit steps run here (other
    threads joined, the atexit handlers: logs flushed, temporary folders removed), and then
    ``os._exit`` ends the process with the command's code, skipping the native part.
    """
    code = main()
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()  # what interpreter finalisation would run first
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
