"""Writing a release: write, audit, publish.

Tables are written to a staging folder, read back and validated there, and only then moved into
place under their semver version, ``latest.json`` last. A release is never modified afterwards;
publishing content identical to the latest release creates nothing. A lock serialises publishers
(the kernel drops it when its holder dies, so a crash cannot leave it stuck).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import fsspec
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from pipeline.card import write_card
from pipeline.config import DATASET_NAME
from pipeline.validation import ValidationError, validate_all
from schemas import PRIMARY_KEYS, TABLES
from schemas.derive import arrow_schema, frictionless_schema, table_description

LATEST = "latest.json"
LOCK_TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class ReleaseResult:
    """What a publish did: the version written, or why nothing was."""

    published: bool
    version: str | None
    path: str | None
    reason: str
    row_counts: dict[str, int] = field(default_factory=dict)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)


def to_arrow(name: str, rows: Sequence[Mapping]) -> pa.Table:
    """Rows of plain Python values as an Arrow table with the published schema, sorted by key."""
    table = pa.Table.from_pylist(list(rows), schema=arrow_schema(TABLES[name]))
    return table.sort_by([(column, "ascending") for column in PRIMARY_KEYS[name]])


def content_hash(table: pa.Table) -> str:
    """sha256 of a table's content (Arrow IPC bytes): equal data gives equal hashes."""
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return hashlib.sha256(sink.getvalue()).hexdigest()


def schema_hash() -> str:
    """sha256 of every published table's Arrow schema: changes mean a major version."""
    text = "\n".join(f"{name}: {arrow_schema(model)}" for name, model in TABLES.items())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_latest(output_dir: str) -> dict | None:
    """The latest.json pointer of the dataset, or None before the first release."""
    fs, root = _dataset_root(output_dir)
    path = f"{root}/{LATEST}"
    if not fs.exists(path):
        return None
    with fs.open(path, "r") as handle:
        return json.load(handle)


def read_release(output_dir: str, version: str | None = None) -> dict[str, pl.DataFrame]:
    """Every table of a release (the latest by default) as polars DataFrames."""
    fs, root = _dataset_root(output_dir)
    if version is None:
        latest = read_latest(output_dir)
        if latest is None:
            raise FileNotFoundError(f"no release published under {output_dir}")
        version = latest["path"]
    tables = {}
    for name in TABLES:
        with fs.open(f"{root}/{version}/{name}.parquet", "rb") as handle:
            tables[name] = pl.from_arrow(pq.read_table(handle))
    return tables


def _dataset_root(output_dir: str) -> tuple[fsspec.AbstractFileSystem, str]:
    fs, path = fsspec.core.url_to_fs(output_dir)
    return fs, f"{path.rstrip('/')}/{DATASET_NAME}"


@contextlib.contextmanager
def publish_lock(output_dir: str, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the dataset's publish lock; waits for another publisher, then gives up clearly.

    Local filesystems only: an flock is released by the kernel when its holder dies, so a
    crashed build never leaves the dataset locked. Object stores have no such primitive; there
    one publisher at a time is the deployment's job (Dagster's run queue with a concurrency key).
    """
    fs, root = _dataset_root(output_dir)
    if not isinstance(fs, LocalFileSystem):
        yield
        return

    os.makedirs(root, exist_ok=True)
    with open(f"{root}/.lock", "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"another build has been publishing to {root} for over {timeout:.0f} s; "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def next_version(previous: dict | None, fingerprint: dict) -> tuple[str | None, str]:
    """The semver of a new release and why, or (None, reason) when nothing changed."""
    if previous is None:
        return "1.0.0", "first release"
    old = previous.get("fingerprint", {})
    major, minor, patch = (int(part) for part in previous["version"].split("."))
    if old.get("schema") != fingerprint["schema"]:
        return f"{major + 1}.0.0", "the published schema changed"
    if old.get("tables") == fingerprint["tables"]:
        return None, "no table changed since the latest release"
    if old.get("sources") != fingerprint["sources"]:
        return f"{major}.{minor + 1}.0", "sources were added, removed or changed"
    return f"{major}.{minor}.{patch + 1}", "a correction with the same sources"


def publish(
    tables: Mapping[str, pa.Table],
    output_dir: str,
    sources: Mapping[str, str],
    provenance: Mapping[str, str],
) -> ReleaseResult:
    """Write, validate and publish a release; publish nothing when the content is unchanged.

    ``sources`` maps every input file (published or rejected) to its sha256; ``provenance``
    names the code and model versions that produced the tables.
    Raises ValidationError (naming table, column and first failing rows) and leaves the
    previous release and ``latest.json`` untouched when any check fails.
    """
    missing = set(TABLES) - set(tables)
    if missing:
        raise ValueError(f"tables missing from the release: {sorted(missing)}")
    fs, root = _dataset_root(output_dir)
    fs.makedirs(root, exist_ok=True)
    with publish_lock(output_dir):
        _remove_stale_staging(fs, root)
        latest = read_latest(output_dir)
        previous = _read_datapackage(fs, f"{root}/{latest['path']}") if latest else None
        staging = f"{root}/.staging-{uuid.uuid4().hex}"
        fs.makedirs(staging, exist_ok=True)
        try:
            return _stage_and_publish(fs, root, staging, tables, sources, provenance, previous,
                                      output_dir)
        finally:
            if fs.exists(staging):
                fs.rm(staging, recursive=True)


def _stage_and_publish(fs, root, staging, tables, sources, provenance, previous, output_dir):
    for name in TABLES:
        with fs.open(f"{staging}/{name}.parquet", "wb") as handle:
            pq.write_table(tables[name], handle, compression="zstd")
    staged = {}
    for name in TABLES:
        with fs.open(f"{staging}/{name}.parquet", "rb") as handle:
            staged[name] = pl.from_arrow(pq.read_table(handle))
    problems = validate_all(staged)
    if problems:
        raise ValidationError(problems)

    fingerprint = {
        "schema": schema_hash(),
        "tables": {name: content_hash(tables[name]) for name in TABLES},
        "sources": hashlib.sha256(json.dumps(sorted(sources.items())).encode()).hexdigest(),
    }
    version, reason = next_version(previous, fingerprint)
    counts = {name: tables[name].num_rows for name in TABLES}
    if version is None:
        return ReleaseResult(False, previous["version"], None, reason, counts)

    old_tables = read_release(output_dir, previous["version"]) if previous else None
    changes = {name: _diff(name, old_tables[name] if old_tables else None, staged[name])
               for name in TABLES}
    package = _datapackage(fs, staging, version, tables, sources, provenance, fingerprint)
    _write_text(fs, f"{staging}/datapackage.json", json.dumps(package, indent=2))
    changelog = _changelog(version, reason, previous, sources, changes, counts)
    _write_text(fs, f"{staging}/CHANGELOG.md", changelog)
    write_card(fs, staging, staged, package)  # README.md + figures: pipeline/card.py

    final = f"{root}/{version}"
    if fs.exists(final):
        # ``version`` is newer than latest.json, which is rewritten last: this folder is from a
        # publisher killed between moving its release into place and pointing latest.json at
        # it (tests/test_reliability.py kills one there). It was never published; replace it,
        # or every later build would fail on it.
        fs.rm(final, recursive=True)
    fs.mv(staging, final, recursive=True)
    tmp = f"{root}/.{LATEST}.{uuid.uuid4().hex}.tmp"
    _write_text(fs, tmp, json.dumps({"version": version, "path": version}))
    fs.mv(tmp, f"{root}/{LATEST}")
    return ReleaseResult(True, version, final, reason, counts, changes)


def _remove_stale_staging(fs, root: str) -> None:
    """Staging folders left by a build that died mid-publish are never visible; clear them."""
    for path in fs.ls(root, detail=False):
        name = path.rstrip("/").rsplit("/", 1)[-1]
        if name.startswith((".staging-", f".{LATEST}.")):
            fs.rm(path, recursive=True)


def _read_datapackage(fs, release_dir: str) -> dict:
    with fs.open(f"{release_dir}/datapackage.json", "r") as handle:
        return json.load(handle)


def _write_text(fs, path: str, text: str) -> None:
    with fs.open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def _diff(name: str, old: pl.DataFrame | None, new: pl.DataFrame) -> dict[str, int]:
    """Rows added, removed and changed (same key, other values) against the previous release."""
    if old is None:
        return {"added": new.height, "removed": 0, "changed": 0}
    key = list(PRIMARY_KEYS[name])
    if list(old.columns) != list(new.columns):
        old = old.select([c for c in new.columns if c in old.columns])
    old_keys = old.select(key).unique()
    new_keys = new.select(key).unique()
    added = new_keys.join(old_keys, on=key, how="anti").height
    removed = old_keys.join(new_keys, on=key, how="anti").height
    changed = 0
    if old.columns == new.columns:
        old_hashed = old.select(*key, _row=old.hash_rows(seed=7))
        new_hashed = new.select(*key, _row=new.hash_rows(seed=7))
        joined = new_hashed.join(old_hashed, on=key, how="inner", suffix="_old")
        changed = joined.filter(pl.col("_row") != pl.col("_row_old")).height
    return {"added": added, "removed": removed, "changed": changed}


def _datapackage(fs, staging, version, tables, sources, provenance, fingerprint) -> dict:
    resources = []
    for name, model in TABLES.items():
        path = f"{staging}/{name}.parquet"
        with fs.open(path, "rb") as handle:
            data = handle.read()
        resources.append({
            "name": name,
            "path": f"{name}.parquet",
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "description": table_description(model),
            "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "rows": tables[name].num_rows,
            "schema": frictionless_schema(model, PRIMARY_KEYS[name]),
        })
    return {
        "name": DATASET_NAME,
        "version": version,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "profile": "data-package",
        "resources": resources,
        "sources": [{"path": path, "hash": "sha256:" + sha}
                    for path, sha in sorted(sources.items())],
        "provenance": dict(provenance),
        "fingerprint": fingerprint,
    }


def _changelog(version, reason, previous, sources, changes, counts) -> str:
    lines = [f"# {DATASET_NAME} {version}", "",
             f"Released {dt.date.today().isoformat()}: {reason}."]
    if previous:
        lines.append(f"Compared with {previous['version']}.")
        old_sources = {s["path"]: s["hash"] for s in previous.get("sources", [])}
        new_sources = {path: "sha256:" + sha for path, sha in sources.items()}
        for title, names in (
            ("Sources added", sorted(set(new_sources) - set(old_sources))),
            ("Sources removed", sorted(set(old_sources) - set(new_sources))),
            ("Sources changed", sorted(p for p in set(new_sources) & set(old_sources)
                                       if new_sources[p] != old_sources[p])),
        ):
            if names:
                lines += ["", f"## {title}", *[f"- {name}" for name in names]]
    lines += ["", "## Tables", "", "| table | rows | added | removed | changed |",
              "|---|---:|---:|---:|---:|"]
    for name in TABLES:
        change = changes[name]
        lines.append(f"| {name} | {counts[name]} | {change['added']} | {change['removed']} | "
                     f"{change['changed']} |")
    return "\n".join(lines) + "\n"


def list_versions(output_dir: str) -> list[str]:
    """Published versions, oldest first."""
    fs, root = _dataset_root(output_dir)
    if not fs.exists(root):
        return []
    names = [p.rstrip("/").rsplit("/", 1)[-1] for p in fs.ls(root, detail=False)]
    versions = [n for n in names if n.count(".") == 2 and n.replace(".", "").isdigit()]
    return sorted(versions, key=lambda v: tuple(int(part) for part in v.split(".")))


def diff_releases(output_dir: str, old: str, new: str) -> dict[str, dict[str, int]]:
    """Rows added, removed and changed per table between two published versions."""
    old_tables, new_tables = read_release(output_dir, old), read_release(output_dir, new)
    return {name: _diff(name, old_tables[name], new_tables[name]) for name in TABLES}
