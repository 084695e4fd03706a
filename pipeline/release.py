"""Writing a release: write, audit, publish.

Tables are written, read back and validated, then published under their semver version with
``latest.json`` written last, as the single commit point. How depends on the store
(``pipeline.storage.renames_atomically``):

- a local filesystem: the release is staged in a hidden folder and renamed into place whole,
  then latest.json is replaced by a rename; a lock serialises publishers (the kernel drops it
  when its holder dies, so a crash cannot leave it stuck);
- an object store (S3 and the like: no rename, no folders): every object is written directly
  under ``<version>/``, read back and checked (bytes and sha256 against what was written), and
  only then is latest.json put, one object that is there whole or not at all. Nothing is
  moved, nothing is copied but a part file equal to the previous release's (one server-side
  copy, where it stays: ``pipeline.release_parts``), and nothing needs a folder to exist (an
  absent prefix lists as empty: S3 has no empty folders). A version is visible only once
  latest.json has named it (``list_versions`` shows none newer); one a killed publisher left
  half-written is ignored by readers and removed by the next publish, which writes that
  number again.

A release is never modified afterwards; publishing content identical to the latest release
creates nothing.

Readers never trust ``latest.json`` blindly: a release is *complete* when its datapackage.json
parses and every file it lists is there with its bytes and sha256 (``check_release``), and
``latest_release`` falls back to the newest complete release when latest.json is damaged or names
a missing or incomplete folder. ``publish`` repairs such a latest.json before it numbers the next
release, and never reuses the number of a folder already on disk after a repair.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import re
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
from pipeline.locks import exclusive
from pipeline.provenance import sources_fingerprint
from pipeline.quality import QUALITY_FILE, are_seeds, release_document, seeds_set
from pipeline.release_parts import (
    DEFAULT_PART_BYTES,
    PART_GLOB,
    SOURCES,
    Part,
    part_count,
    previous_counts,
    sources_table,
    split,
)
from pipeline.storage import filesystem, location, naming, renames_atomically
from pipeline.validation import ValidationError, validate_all
from schemas import PRIMARY_KEYS, TABLES
from schemas.derive import arrow_schema, frictionless_schema, table_description

LATEST = "latest.json"
DATAPACKAGE = "datapackage.json"
LOCK_TIMEOUT_SECONDS = 600
SEMVER = re.compile(r"\d+\.\d+\.\d+")


class DamagedRelease(ValueError):
    """A release file that is there but unusable; the message names the file and the fault."""


class UnverifiedWrite(OSError):
    """An object read back from the store differs from what was written; names its URL."""


@dataclass(frozen=True)
class ReleaseResult:
    """What a publish did: the version written, or why nothing was."""

    published: bool
    version: str | None
    path: str | None
    reason: str
    row_counts: dict[str, int] = field(default_factory=dict)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    repaired: str | None = None  # what was wrong with latest.json and how publish repaired it
    bytes_written: int = 0  # bytes of the files this publish wrote (tables and the rest)
    bytes_shared: int = 0  # bytes of unchanged part files shared with the previous release


@dataclass(frozen=True)
class LatestRelease:
    """What a reader finds as the latest release: the release used and what was wrong, if any."""

    package: dict | None  # its datapackage.json; None when no complete release is published
    version: str | None
    path: str | None  # the release folder (fsspec path, no protocol)
    note: str | None  # what was wrong with latest.json and what is used instead; None if sound
    named: str | None = None  # the folder a parsable latest.json names, even a broken one


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
    """The latest.json pointer of the dataset, or None before the first release.

    Raises DamagedRelease (naming the file) when it is empty, unparsable or not a pointer.
    """
    fs, root = _dataset_root(output_dir)
    path = f"{root}/{LATEST}"
    if not fs.exists(path):
        return None
    return _read_pointer(fs, path)


def latest_release(output_dir: str) -> dict | None:
    """The datapackage.json (a dict) of the latest complete release, or None when none is.

    It is the release latest.json names when that one is complete, else (latest.json empty,
    unparsable, not a pointer, or naming a missing or incomplete folder) the newest complete
    release on disk. No latest.json means nothing was published when at most a 1.0.0 folder is
    there (a first publisher killed before its last step): None; with other releases on disk,
    it was lost, and the newest complete one is used. The dict is datapackage.json's (``version``,
    ``resources`` with each file's ``hash``, ``bytes`` and ``rows``, ``fingerprint``, ...) plus
    one key of its own, ``"found"``: ``{"path": the release folder, "note": None, or what was
    wrong with latest.json and which release is used instead}``.
    """
    found = find_latest(output_dir)
    if found.package is None:
        return None
    return {**found.package, "found": {"path": found.path, "note": found.note}}


def find_latest(output_dir: str) -> LatestRelease:
    """The latest complete release and what was wrong on the way (see ``latest_release``)."""
    fs, root = _dataset_root(output_dir)
    return _find_latest(fs, root)


def check_release(release_dir: str, rows: bool = False) -> list[str]:
    """Why a release folder is incomplete, one ``"<file>: <fault>"`` line per file; [] if whole.

    Checks that datapackage.json parses and lists each file with the bytes and sha256 it has
    (and, with ``rows``, the row count of each Parquet file): what a reader needs to trust it.
    """
    fs, path = filesystem(release_dir)
    return _release_problems(fs, path, rows)


def read_release(output_dir: str, version: str | None = None) -> dict[str, pl.DataFrame]:
    """Every table of a release (the latest complete one by default) as polars DataFrames.

    Raises FileNotFoundError when nothing is published or the version is not there, and
    DamagedRelease naming the files when the release is incomplete.
    """
    fs, root = _dataset_root(output_dir)
    if version is None:
        found = _find_latest(fs, root)
        if found.path is None:
            if found.note:
                raise DamagedRelease(found.note)
            raise FileNotFoundError(f"no release published under {output_dir}")
        release_dir = found.path
    else:
        release_dir = f"{root}/{version}"
        if version not in _visible_versions(fs, root):
            raise FileNotFoundError(f"no release {version} under {output_dir}")
        problems = _release_problems(fs, release_dir)
        if problems:
            raise DamagedRelease(f"release {release_dir} is incomplete: " + "; ".join(problems))
    return _read_tables(fs, release_dir)


def read_table(release_dir: str, name: str) -> pl.DataFrame:
    """One table of a release folder (a path or URL): its single Parquet file, or every part
    file of its folder ``<name>.parquet/`` (what pyarrow, DuckDB, polars and pandas read)."""
    fs, path = filesystem(release_dir)
    return _read_table(fs, path, name)


def _read_table(fs, release_dir: str, name: str) -> pl.DataFrame:
    path = f"{release_dir}/{name}.parquet"
    files = [path] if fs.isfile(path) else sorted(fs.glob(f"{path}/{PART_GLOB}"))
    if not files:
        raise FileNotFoundError(path)
    tables = []
    for file in files:
        with fs.open(file, "rb") as handle:
            tables.append(pq.read_table(handle))
    return pl.from_arrow(pa.concat_tables(tables))


def _read_tables(fs, release_dir: str) -> dict[str, pl.DataFrame]:
    return {name: _read_table(fs, release_dir, name) for name in TABLES}


def _read_pointer(fs, path: str) -> dict:
    with fs.open(path, "rb") as handle:
        data = handle.read()
    if not data.strip():
        raise DamagedRelease(f"{path} is empty")
    try:
        pointer = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DamagedRelease(f"{path} is not valid JSON ({error})") from None
    if not (isinstance(pointer, dict) and isinstance(pointer.get("version"), str)
            and isinstance(pointer.get("path"), str) and SEMVER.fullmatch(pointer["path"])):
        raise DamagedRelease(f'{path} is not a pointer like {{"version": "1.0.0", "path": '
                             f'"1.0.0"}}: {data[:80].decode("utf-8", "replace")!r}')
    return pointer


def _find_latest(fs, root: str) -> LatestRelease:
    pointer_path = f"{root}/{LATEST}"
    named = None
    if not fs.exists(pointer_path):
        on_disk = _versions(fs, root)
        if on_disk in ([], ["1.0.0"]):  # nothing, or a first publish killed before its end
            return LatestRelease(None, None, None, None)
        fault = f"{pointer_path} is missing, but releases {', '.join(on_disk)} are on disk"
    else:
        try:
            named = _read_pointer(fs, pointer_path)["path"]
        except DamagedRelease as error:
            fault = str(error)
    if named is not None:
        package, problem = _complete(fs, root, named)
        if package is not None:
            return LatestRelease(package, named, f"{root}/{named}", None, named)
        fault = f"{pointer_path} names {named}, which {problem}"
    for version in reversed(_fallbacks(fs, root, named)):
        package, _ = _complete(fs, root, version) if version != named else (None, None)
        if package is not None:
            return LatestRelease(package, version, f"{root}/{version}",
                                 f"{fault}; using {version}, the newest complete release",
                                 named)
    return LatestRelease(None, None, None, f"{fault}; no complete release on disk", named)


def _fallbacks(fs, root: str, named: str | None) -> list[str]:
    """The versions a reader may fall back to when latest.json is damaged: any on disk, but on
    an object store none above the one latest.json names (a version appears there object by
    object, so one above the pointer is a publish that never committed)."""
    versions = _versions(fs, root)
    if named is None or renames_atomically(fs):
        return versions
    return [v for v in versions if _semver(v) < _semver(named)]


def _complete(fs, root: str, version: str) -> tuple[dict | None, str | None]:
    """The datapackage of release ``version`` when it is complete, else (None, what is not)."""
    release_dir = f"{root}/{version}"
    if not fs.isdir(release_dir):
        return None, "is not there"
    problems = _release_problems(fs, release_dir)
    if problems:
        return None, f"is incomplete: {problems[0]}"
    package = _read_datapackage(fs, release_dir)
    if package["version"] != version:
        return None, f"holds the datapackage.json of {package['version']}"
    return package, None


def _release_problems(fs, release_dir: str, rows: bool = False) -> list[str]:
    package_path = f"{release_dir}/{DATAPACKAGE}"
    if not fs.exists(package_path):
        return [f"{DATAPACKAGE}: missing"]
    try:
        package = _read_datapackage(fs, release_dir)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [f"{DATAPACKAGE}: not valid JSON ({error})"]
    resources = package.get("resources") if isinstance(package, dict) else None
    if not (isinstance(resources, list) and resources and isinstance(package.get("version"), str)
            and SEMVER.fullmatch(package["version"])):
        return [f"{DATAPACKAGE}: no version and resources list"]
    problems = []
    # quality.json is referenced beside the tables (not a table: no schema, no rows), and
    # so is a large release's source list
    listed = package.get("sources")
    for resource in [*resources, *([package["quality"]] if "quality" in package else []),
                     *([listed] if isinstance(listed, dict) else [])]:
        if isinstance(resource, dict) and isinstance(resource.get("parts"), list):
            for part in resource["parts"]:
                problems += _resource_problems(fs, release_dir, part, rows)
            problems += _unlisted_parts(fs, release_dir, resource)
        else:
            problems += _resource_problems(fs, release_dir, resource, rows)
    return problems


def _unlisted_parts(fs, release_dir: str, resource: dict) -> list[str]:
    """Part files in a table's folder that datapackage.json does not list: a reader of the
    folder would read their rows too, so the release is not what it says."""
    listed = {part.get("path") for part in resource["parts"] if isinstance(part, dict)}
    folder = f"{release_dir}/{resource.get('path')}"
    found = {path[len(release_dir) + 1:] for path in fs.glob(f"{folder}/*")}
    return [f"{path}: not listed in {DATAPACKAGE}, yet read with the table"
            for path in sorted(found - listed)]


def _resource_problems(fs, release_dir: str, resource: object, rows: bool) -> list[str]:
    """One line naming a listed file and every way it differs from its datapackage entry."""
    if not (isinstance(resource, dict) and isinstance(resource.get("path"), str)
            and isinstance(resource.get("bytes"), int) and isinstance(resource.get("hash"), str)):
        return [f"{DATAPACKAGE}: a resource without path, bytes and hash: {resource!r:.80}"]
    name = resource["path"]
    path = f"{release_dir}/{name}"
    if not fs.isfile(path):
        return [f"{name}: missing"]
    faults = []
    size = fs.size(path)
    if size != resource["bytes"]:
        faults.append(f"{size:,} bytes, {DATAPACKAGE} says {resource['bytes']:,}")
    digest = "sha256:" + _sha256(fs, path)
    if digest != resource["hash"]:
        faults.append(f"{digest[:19]}… where {DATAPACKAGE} says {resource['hash'][:19]}…")
    if rows and isinstance(resource.get("rows"), int) and name.endswith(".parquet"):
        try:
            with fs.open(path, "rb") as handle:
                count = pq.ParquetFile(handle).metadata.num_rows
        except (OSError, pa.ArrowException) as error:
            faults.append(f"not a readable Parquet file ({error})")
        else:
            if count != resource["rows"]:
                faults.append(f"{count:,} rows, {DATAPACKAGE} says {resource['rows']:,}")
    return [f"{name}: {'; '.join(faults)}"] if faults else []


def _sha256(fs, path: str) -> str:
    digest = hashlib.sha256()
    with fs.open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _dataset_root(output_dir: str) -> tuple[fsspec.AbstractFileSystem, str]:
    fs, path = filesystem(output_dir)
    return fs, f"{path}/{DATASET_NAME}"


def _visible_versions(fs, root: str) -> list[str]:
    """The versions readers may see, oldest first. On a local filesystem every release folder
    (a rename put it there whole); on an object store those up to the one latest.json names
    (the version readers use when latest.json is damaged), none newer: a newer one is a publish
    that has not committed, or never will."""
    on_disk = _versions(fs, root)
    if renames_atomically(fs) or not on_disk:
        return on_disk
    try:
        newest = _read_pointer(fs, f"{root}/{LATEST}")["path"]
    except (FileNotFoundError, DamagedRelease):
        newest = _find_latest(fs, root).version
    return [v for v in on_disk if newest is not None and _semver(v) <= _semver(newest)]


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
    with exclusive(f"{root}/.lock", f"another build publishing to {root}", timeout):
        yield


def added_columns(previous: dict) -> list[str] | None:
    """The ``table.column`` names the current schemas add to a previous release's, or None
    when they change or remove anything it had (a break: a major version). Adding a column
    keeps every reader of the old layout working, so it is a minor version (CONTRACT.md)."""
    added = []
    old_tables = {r["name"]: r.get("schema", {}) for r in previous.get("resources", [])}
    if set(old_tables) - set(TABLES):
        return None
    for name, model in TABLES.items():
        new_fields = {f["name"]: (f["arrowType"], f["constraints"]["required"])
                      for f in frictionless_schema(model, PRIMARY_KEYS[name])["fields"]}
        old_fields = {f["name"]: (f.get("arrowType"), f.get("constraints", {}).get("required"))
                      for f in old_tables.get(name, {}).get("fields", [])}
        if any(new_fields.get(column) != kind for column, kind in old_fields.items()):
            return None
        added += [f"{name}.{column}" for column in new_fields if column not in old_fields]
    return added


def next_version(previous: dict | None, fingerprint: dict,
                 floor: str | None = None) -> tuple[str | None, str]:
    """The semver of a new release and why, or (None, reason) when nothing changed.

    ``floor`` is a version that must not be reused (after a repair of latest.json, the highest
    folder on disk: a damaged release may have been read by someone); when it is above the
    previous version, the bump applies to it instead.
    """
    if previous is None:
        if floor is None:
            return "1.0.0", "first release"
        return _bump(floor, 0), "no complete release on disk to compare with"
    old = previous.get("fingerprint", {})
    added = added_columns(previous) if old.get("schema") != fingerprint["schema"] else []
    layout = _layout_change(old.get("layout") or {}, fingerprint.get("layout") or {})
    if old.get("schema") != fingerprint["schema"] and added is None:
        part, reason = 0, "the published schema changed"
    elif layout and old.get("tables") != fingerprint["tables"]:
        part, reason = 0, f"the published layout changed: {layout}"
    elif added:
        part, reason = 1, "columns were added: " + ", ".join(added)
    elif old.get("tables") == fingerprint["tables"]:
        return None, "no table changed since the latest release"
    elif old.get("sources") != fingerprint["sources"]:
        part, reason = 1, "sources were added, removed or changed"
    else:
        part, reason = 2, "a correction with the same sources"
    base = max(previous["version"], floor or "0.0.0", key=_semver)
    return _bump(base, part), reason


def _layout_change(old: Mapping[str, int], new: Mapping[str, int]) -> str:
    """Which tables moved between a single file and a folder of part files (a reader's path
    ``<table>.parquet`` changes kind: a major version, CONTRACT.md); "" when none did. A
    fingerprint without a layout is of a release where every table was one file."""
    folders = sorted(n for n, count in new.items() if count > 1 and old.get(n, 1) <= 1)
    files = sorted(n for n, count in new.items() if count <= 1 and old.get(n, 1) > 1)
    said = []
    if folders:
        said.append(", ".join(folders) + " now stored as folders of part files "
                    "(<table>.parquet/part-*.parquet)")
    if files:
        said.append(", ".join(files) + " now stored as single files")
    return "; ".join(said)


def _semver(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _bump(version: str, part: int) -> str:
    """``version`` with its major (0), minor (1) or patch (2) number raised, the rest zeroed."""
    numbers = list(_semver(version))
    numbers[part] += 1
    return ".".join(str(n) for n in numbers[:part + 1] + [0] * (2 - part))


def publish(
    tables: Mapping[str, pa.Table],
    output_dir: str,
    sources: Mapping[str, str],
    provenance: Mapping[str, str],
    quality: Sequence[Mapping] = (),
    part_bytes: int = DEFAULT_PART_BYTES,
) -> ReleaseResult:
    """Write, validate and publish a release; publish nothing when the content is unchanged.

    ``sources`` maps every input file (published or rejected) to its sha256; ``provenance``
    names the code and model versions that produced the tables; ``quality`` holds the recorded
    figure sets (``pipeline.quality.load_all``), written to ``quality.json`` marked current or
    not against the release's stage versions. A table of more than ``part_bytes`` (Arrow
    bytes) is stored as a folder of part files (``pipeline.release_parts``); a part whose
    bytes equal the previous release's same part is shared with it, not written again.
    Raises ValidationError (naming table, column and first failing rows) and leaves the
    previous release and ``latest.json`` untouched when any check fails. A damaged or dangling
    latest.json is repaired first (``ReleaseResult.repaired`` says how), so that the new
    release is numbered from, and compared with, the latest complete one. A store's error
    carries a note naming the file or URL it failed on.
    """
    missing = set(TABLES) - set(tables)
    if missing:
        raise ValueError(f"tables missing from the release: {sorted(missing)}")
    fs, root = _dataset_root(output_dir)
    with naming(fs, root, "publishing to", keep=(ValidationError, DamagedRelease)):
        if not renames_atomically(fs):
            found = _find_latest(fs, root)
            repaired = _repair_latest(fs, root, found) if found.note else None
            parts = _serialise(tables, sources, found.package, part_bytes)
            return _write_and_commit(fs, root, tables, parts, sources, provenance,
                                     found.package, repaired, quality)
        fs.makedirs(root, exist_ok=True)
        with publish_lock(output_dir):
            _remove_stale_staging(fs, root)
            found = _find_latest(fs, root)
            repaired = _repair_latest(fs, root, found) if found.note else None
            staging = f"{root}/.staging-{uuid.uuid4().hex}"
            fs.makedirs(staging, exist_ok=True)
            parts = _serialise(tables, sources, found.package, part_bytes)
            try:
                return _stage_and_publish(fs, root, staging, tables, parts, sources,
                                          provenance, found.package, repaired, quality)
            finally:
                if fs.exists(staging):
                    fs.rm(staging, recursive=True)


def _repair_latest(fs, root: str, found: LatestRelease) -> str:
    """Point latest.json at the release readers fall back to (or remove it when there is none):
    a reader then sees what the next publish compares with."""
    if found.version is None:
        if fs.exists(f"{root}/{LATEST}"):
            fs.rm(f"{root}/{LATEST}")
        return f"{found.note}; removed {LATEST}"
    _point_latest(fs, root, found.version)
    return f"{found.note}; {LATEST} now names {found.version}"


def _point_latest(fs, root: str, version: str) -> None:
    """Rewrite latest.json atomically: locally a temporary file, then a rename over the old
    one; on an object store one put (an object is replaced whole or not at all)."""
    text = json.dumps({"version": version, "path": version})
    if not renames_atomically(fs):
        with naming(fs, f"{root}/{LATEST}", "writing"):
            _write_text(fs, f"{root}/{LATEST}", text)
        return
    tmp = f"{root}/.{LATEST}.{uuid.uuid4().hex}.tmp"
    _write_text(fs, tmp, text)
    fs.mv(tmp, f"{root}/{LATEST}")


@dataclass
class _Draft:
    """A release being written: its tables as validated, its number and what changed."""

    tables: Mapping[str, pa.Table]
    parts: Mapping[str, list[Part]]  # each table's Parquet files, serialised
    kept: frozenset[str]  # the part files whose bytes equal the previous release's
    staged: dict[str, pl.DataFrame]  # the tables as read back from their Parquet bytes
    version: str | None
    reason: str
    fingerprint: dict
    counts: dict[str, int]
    previous: dict | None
    repaired: str | None


def _serialise(tables: Mapping[str, pa.Table], sources: Mapping[str, str],
               previous: dict | None, part_bytes: int) -> dict[str, list[Part]]:
    """Each table as the Parquet files it is published in (one, or a folder of parts whose
    count follows the previous release's), and the source list's part files once it outgrows
    a part (below that, datapackage.json lists the sources itself)."""
    before = previous_counts(previous)
    parts = {name: split(name, tables[name],
                         part_count(tables[name], before.get(name, 0), part_bytes))
             for name in TABLES}
    listed = sources_table({path: "sha256:" + sha for path, sha in sources.items()})
    count = part_count(listed, before.get(SOURCES, 0), part_bytes)
    if count > 1:
        parts[SOURCES] = split(SOURCES, listed, count)
    return parts


def _draft(fs, root, tables, parts, sources, previous, repaired) -> _Draft:
    """Validate the tables as read back from their bytes, then number the release (None:
    nothing changed)."""
    staged = {name: pl.from_arrow(pa.concat_tables(
        [pq.read_table(pa.BufferReader(part.data)) for part in parts[name]]))
        for name in TABLES}
    problems = validate_all(staged)
    if problems:
        raise ValidationError(problems)
    fingerprint = {
        "schema": schema_hash(),
        "tables": {name: content_hash(tables[name]) for name in TABLES},
        "sources": sources_fingerprint(dict(sources)),
        "layout": {name: len(files) for name, files in parts.items()},
    }
    floor = (_versions(fs, root) or [None])[-1] if repaired else None
    version, reason = next_version(previous, fingerprint, floor)
    if repaired:
        reason = f"{reason} (repaired first: {repaired})"
    counts = {name: tables[name].num_rows for name in TABLES}
    before = _previous_files(previous)
    kept = frozenset(p.path for files in parts.values() for p in files
                     if before.get(p.path) == p.hash)
    return _Draft(tables, parts, kept, staged, version, reason, fingerprint, counts, previous,
                  repaired)


def _unchanged(draft: _Draft) -> ReleaseResult:
    return ReleaseResult(False, draft.previous["version"], None, draft.reason, draft.counts,
                         repaired=draft.repaired)


def _write_rest(fs, root, folder, draft, sources, provenance, quality
                ) -> tuple[dict[str, dict[str, int]], dict[str, str]]:
    """Everything of a release but its tables, into ``folder``: quality.json, datapackage.json
    (each file's bytes and sha256, from the tables' serialised parts), CHANGELOG.md and the
    card. Returns what changed per table, and the sha256 of each file written here whose
    content is known (to check the store's copy against)."""
    previous, version, staged = draft.previous, draft.version, draft.staged
    old_dir = f"{root}/{previous['version']}" if previous else None
    before = (previous["version"], _listed_sources(fs, old_dir, previous)) if old_dir else None
    changes = {name: _table_changes(fs, old_dir, draft, name) for name in TABLES}
    package = _datapackage(version, draft.parts, sources, provenance, draft.fingerprint)
    scores, package["quality"] = _write_quality(fs, folder, version, staged, sources,
                                                provenance, quality)
    texts = {DATAPACKAGE: json.dumps(package, indent=2),
             "CHANGELOG.md": _changelog(version, draft.reason, before, sources, changes,
                                        draft.counts, _shared_parts(draft))}
    for name, text in texts.items():
        _write_text(fs, f"{folder}/{name}", text)
    history = [*_quality_history(fs, root, version), (version, scores)]
    write_card(fs, folder, staged, package, scores, history)  # README.md + figures: card.py
    written = {part.path: part.hash for files in draft.parts.values() for part in files}
    written[QUALITY_FILE] = package["quality"]["hash"]
    written.update({name: "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
                    for name, text in texts.items()})
    return changes, written


def _table_changes(fs, old_dir: str | None, draft: _Draft, name: str) -> dict[str, int]:
    """Rows added, removed and changed in one table against the previous release. A table
    split into as many parts as before is compared part by part: a part whose bytes are
    unchanged holds the same rows, and a row that moved changed both its parts, so only the
    changed parts are read (at 100,000 articles, a few of 1,000)."""
    new = draft.staged[name]
    if old_dir is None:
        return _diff(name, None, new)
    files = draft.parts[name]
    if len(files) == 1 or previous_counts(draft.previous).get(name) != len(files):
        return _diff(name, _read_table(fs, old_dir, name), new)
    changed = [p for p in files if p.path not in draft.kept]
    empty = arrow_schema(TABLES[name]).empty_table()
    new_rows = pa.concat_tables([empty, *(pq.read_table(pa.BufferReader(p.data))
                                          for p in changed)])
    old_rows = []
    for part in changed:
        with fs.open(f"{old_dir}/{part.path}", "rb") as handle:
            old_rows.append(pq.read_table(handle))
    return _diff(name, pl.from_arrow(pa.concat_tables(old_rows) if old_rows else empty),
                 pl.from_arrow(new_rows))


def _shared_parts(draft: _Draft) -> dict[str, tuple[int, int]]:
    """Per table stored in parts: (its part count, how many equal the previous release's)."""
    return {name: (len(files), sum(p.path in draft.kept for p in files))
            for name, files in draft.parts.items() if len(files) > 1}


def _previous_files(previous: dict | None) -> dict[str, str]:
    """Each part file of a release's datapackage.json and its hash (single files are not
    shared: a release's own file is never linked to another's)."""
    if previous is None:
        return {}
    listed = previous.get("sources")
    return {part["path"]: part["hash"]
            for resource in [*previous.get("resources", []),
                             *([listed] if isinstance(listed, dict) else [])]
            for part in resource.get("parts", [])}


def _put_tables(fs, folder: str, draft: _Draft, previous_dir: str | None) -> tuple[int, int]:
    """Write each table's files into ``folder``, sharing a part file equal to the previous
    release's (a hard link on a local disk, a server-side copy on an object store: no bytes
    sent). Returns (bytes written, bytes shared)."""
    same, new = [], []
    for files in draft.parts.values():
        if len(files) > 1 and renames_atomically(fs):
            fs.makedirs(f"{folder}/{files[0].path.rsplit('/', 1)[0]}", exist_ok=True)
        for part in files:
            (same if part.path in draft.kept else new).append(part)
    if same and not _share(fs, previous_dir, folder, [part.path for part in same]):
        new, same = same + new, []
    for part in new:
        target = f"{folder}/{part.path}"
        with naming(fs, target, "writing"):
            fs.pipe_file(target, part.data)
    return sum(len(p.data) for p in new), sum(len(p.data) for p in same)


def _share(fs, source_dir: str, target_dir: str, paths: list[str]) -> bool:
    """Put each of ``paths`` under ``source_dir`` at the same path under ``target_dir``
    without sending its bytes: hard links on a local disk, one batch of server-side copies on
    an object store (s3fs runs them concurrently). False when the store cannot (then the
    caller writes them all)."""
    if isinstance(fs, LocalFileSystem):
        try:
            for path in paths:
                os.link(f"{source_dir}/{path}", f"{target_dir}/{path}")
        except OSError:  # a filesystem without hard links
            for path in paths:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{target_dir}/{path}")
            return False
        return True
    try:
        source = location(fs, source_dir)
        with naming(fs, target_dir, f"copying unchanged part files of {source} to"):
            fs.copy([f"{source_dir}/{p}" for p in paths], [f"{target_dir}/{p}" for p in paths])
    except NotImplementedError:
        return False
    return True


def _publish_into(fs, root, folder, draft, sources, provenance, quality
                  ) -> tuple[dict[str, dict[str, int]], int, int]:
    """Write a numbered draft's files into ``folder`` and check every one read back. Returns
    what changed per table, bytes written and bytes shared."""
    previous_dir = f"{root}/{draft.previous['version']}" if draft.previous else None
    written_bytes, shared = _put_tables(fs, folder, draft, previous_dir)
    changes, written = _write_rest(fs, root, folder, draft, sources, provenance, quality)
    _verify(fs, folder, written)
    # every file but the Parquet ones was written here (quality.json, datapackage.json,
    # CHANGELOG.md, the card and its figures)
    rest = sum(info["size"] for path, info in fs.find(folder, detail=True).items()
               if not path.endswith(".parquet"))
    return changes, written_bytes + rest, shared


def _stage_and_publish(fs, root, staging, tables, parts, sources, provenance, previous,
                       repaired=None, quality=()):
    """The local protocol: write and check the release in ``staging``, rename it into place,
    then point latest.json at it."""
    draft = _draft(fs, root, tables, parts, sources, previous, repaired)
    if draft.version is None:
        return _unchanged(draft)
    changes, written, shared = _publish_into(fs, root, staging, draft, sources, provenance,
                                             quality)
    final = f"{root}/{draft.version}"
    if fs.exists(final):
        # ``version`` is newer than latest.json, which is rewritten last: this folder is from a
        # publisher killed between moving its release into place and pointing latest.json at
        # it (tests/test_reliability.py kills one there). It was never published; replace it,
        # or every later build would fail on it. It is renamed out of sight first, so that a
        # kill during the removal leaves a hidden staging folder, not a half-deleted release.
        hidden = f"{root}/.staging-{uuid.uuid4().hex}"
        fs.mv(final, hidden, recursive=True)
        fs.rm(hidden, recursive=True)
    fs.mv(staging, final, recursive=True)
    _point_latest(fs, root, draft.version)
    return ReleaseResult(True, draft.version, final, draft.reason, draft.counts, changes,
                         repaired, written, shared)


def _write_and_commit(fs, root, tables, parts, sources, provenance, previous, repaired=None,
                      quality=()):
    """The object-store protocol (no rename, no folders): the tables are serialised and
    validated in memory, every object is put under ``<root>/<version>/``, read back and
    checked against what was written, and latest.json is put last: until then readers do
    not see the version, and a publisher killed on the way leaves only objects the next
    publish removes."""
    draft = _draft(fs, root, tables, parts, sources, previous, repaired)
    if draft.version is None:
        return _unchanged(draft)
    final = f"{root}/{draft.version}"
    _remove_uncommitted(fs, root, draft)
    changes, written, shared = _publish_into(fs, root, final, draft, sources, provenance,
                                             quality)
    _point_latest(fs, root, draft.version)
    return ReleaseResult(True, draft.version, location(fs, final), draft.reason, draft.counts,
                         changes, repaired, written, shared)


def _remove_uncommitted(fs, root: str, draft: _Draft) -> None:
    """Remove what killed publishers left on an object store: the objects of the version about
    to be written, and, when latest.json was sound, of every version above the one it names
    (never committed, never seen by a reader). After a repair nothing else is removed: a
    version above a damaged pointer may have been read, and is numbered past instead."""
    stale = {draft.version}
    if draft.previous is not None and not draft.repaired:
        stale.update(v for v in _versions(fs, root)
                     if _semver(v) > _semver(draft.previous["version"]))
    for version in sorted(stale, key=_semver):
        folder = f"{root}/{version}"
        with naming(fs, folder, "removing the uncommitted release"):
            if fs.exists(folder):
                fs.rm(folder, recursive=True)


def _verify(fs, folder: str, written: Mapping[str, str]) -> None:
    """Read every object back from the store and check its sha256 against what was written
    (and that the card is there): UnverifiedWrite naming the first that differs."""
    for name, digest in [*written.items(), ("README.md", None)]:
        path = f"{folder}/{name}"
        with naming(fs, path, "checking"):
            if not fs.isfile(path):
                raise UnverifiedWrite(f"{location(fs, path)}: missing after it was written")
            if digest is not None and "sha256:" + _sha256(fs, path) != digest:
                raise UnverifiedWrite(f"{location(fs, path)}: its bytes read back differ "
                                      "from what was written")


def _write_quality(fs, staging, version, staged, sources, provenance, recorded
                   ) -> tuple[dict, dict]:
    """Write quality.json (recorded figures marked current or not; a release of the seeds
    scores itself, which is cheap and current by construction); return it and its entry."""
    stages = dict(provenance.get("stage_versions") or {})
    sets = list(recorded)
    if are_seeds(sources.values()):
        from pipeline.evaluation import evaluate, load_gold

        own = seeds_set(evaluate(staged, load_gold()), version, stages)
        sets = [own, *(s for s in sets if s.get("scorer") != "seeds")]
    document = release_document(sets, version, stages, provenance.get("code_version"))
    data = (json.dumps(document, indent=2) + "\n").encode("utf-8")
    with fs.open(f"{staging}/{QUALITY_FILE}", "wb") as handle:
        handle.write(data)
    return document, {
        "path": QUALITY_FILE, "format": "json", "mediatype": "application/json",
        "description": "Quality figures of the project's scorers, each set marked current "
                       "or not for this release's stage versions.",
        "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
    }


def _quality_history(fs, root: str, version: str) -> list[tuple[str, dict]]:
    """The quality.json of each earlier release on disk that has one (older ones do not;
    an unreadable one is left out of the figure, never guessed)."""
    history = []
    for other in _visible_versions(fs, root):
        path = f"{root}/{other}/{QUALITY_FILE}"
        if _semver(other) >= _semver(version) or not fs.isfile(path):
            continue
        try:
            with fs.open(path, "r", encoding="utf-8") as handle:
                history.append((other, json.load(handle)))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
    return history


def _remove_stale_staging(fs, root: str) -> None:
    """Staging folders left by a build that died mid-publish are never visible; clear them.

    A dataset root with nothing in it yet may not exist at all (object stores have no empty
    folders): nothing to clear.
    """
    try:
        paths = fs.ls(root, detail=False)
    except FileNotFoundError:
        return
    for path in paths:
        name = path.rstrip("/").rsplit("/", 1)[-1]
        if name.startswith((".staging-", f".{LATEST}.")):
            with contextlib.suppress(FileNotFoundError):
                fs.rm(path, recursive=True)


def _read_datapackage(fs, release_dir: str) -> dict:
    with fs.open(f"{release_dir}/{DATAPACKAGE}", "r", encoding="utf-8") as handle:
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


def _datapackage(version, parts, sources, provenance, fingerprint) -> dict:
    """The release's datapackage.json; each table's bytes and sha256 are those of its
    serialised ``parts`` (its file's content as written). A table stored as a folder has
    the folder as ``path`` (what readers open), its totals, and each file under ``parts``."""
    resources = []
    for name, model in TABLES.items():
        files = parts[name]
        where = files[0].entry() if len(files) == 1 else _folder_entry(name, files)
        resources.append({
            "name": name,
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "description": table_description(model),
            **where,
            "schema": frictionless_schema(model, PRIMARY_KEYS[name]),
        })
    return {
        "name": DATASET_NAME,
        "version": version,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "profile": "data-package",
        "resources": resources,
        "sources": _sources_entry(sources, parts.get(SOURCES)),
        "provenance": dict(provenance),
        "fingerprint": fingerprint,
    }


def _sources_entry(sources: Mapping[str, str], files: list[Part] | None) -> list | dict:
    """datapackage.json's ``sources``: every input file with its sha256, inline; or, once the
    list outgrows a part, where its part files are (``sources.parquet/``: columns ``source``
    and ``source_sha256``), so a release adding one source does not rewrite all of them."""
    if not files:
        return [{"path": path, "hash": "sha256:" + sha} for path, sha in sorted(sources.items())]
    return {"format": "parquet", "mediatype": "application/vnd.apache.parquet",
            "description": "Every input file (published or rejected) with its sha256.",
            **_folder_entry(SOURCES, files)}


def _folder_entry(name: str, files: list[Part]) -> dict:
    """A folder of part files as datapackage.json lists it: the folder, its totals, each part."""
    return {"path": f"{name}.parquet", "bytes": sum(len(p.data) for p in files),
            "rows": sum(p.rows for p in files), "parts": [p.entry() for p in files]}


def listed_sources(release_dir: str, package: Mapping) -> dict[str, str]:
    """Every input file of a release and its ``sha256:`` hash, from datapackage.json or, for a
    large release, from its ``sources.parquet`` part files."""
    fs, path = filesystem(release_dir)
    return _listed_sources(fs, path, package)


def _listed_sources(fs, release_dir: str, package: Mapping) -> dict[str, str]:
    listed = package.get("sources") or []
    if isinstance(listed, list):
        return {s["path"]: s["hash"] for s in listed}
    frame = _read_table(fs, release_dir, SOURCES)
    return dict(zip(frame["source"].to_list(), frame["source_sha256"].to_list(), strict=True))


def _changelog(version, reason, previous, sources, changes, counts, shared) -> str:
    """CHANGELOG.md; ``previous`` is (its version, its sources with their hashes) or None."""
    lines = [f"# {DATASET_NAME} {version}", "",
             f"Released {dt.date.today().isoformat()}: {reason}."]
    if previous:
        old_version, old_sources = previous
        lines.append(f"Compared with {old_version}.")
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
    if shared:
        lines += ["", "## Part files", "",
                  "Tables stored as folders (`<table>.parquet/part-*.parquet`; read the folder "
                  "as one table): part files, and how many are unchanged from the previous "
                  "release.", "", "| table | parts | unchanged |", "|---|---:|---:|"]
        lines += [f"| {name} | {count} | {same} |" for name, (count, same) in shared.items()]
    return "\n".join(lines) + "\n"


def list_versions(output_dir: str) -> list[str]:
    """The releases readers may see, oldest first (``check_release`` says whether each is
    whole): every release folder on a local filesystem; on an object store none newer than
    the one latest.json names (see ``_visible_versions``)."""
    fs, root = _dataset_root(output_dir)
    return _visible_versions(fs, root)


def _versions(fs, root: str) -> list[str]:
    try:
        paths = fs.ls(root, detail=True)
    except FileNotFoundError:
        return []
    names = [p["name"].rstrip("/").rsplit("/", 1)[-1] for p in paths if p["type"] == "directory"]
    return sorted((n for n in names if SEMVER.fullmatch(n)), key=_semver)


def diff_releases(output_dir: str, old: str, new: str) -> dict[str, dict[str, int]]:
    """Rows added, removed and changed per table between two published versions."""
    old_tables, new_tables = read_release(output_dir, old), read_release(output_dir, new)
    return {name: _diff(name, old_tables[name], new_tables[name]) for name in TABLES}
