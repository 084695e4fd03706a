"""How a release stores a table: one Parquet file, or a folder of part files.

At hundreds of thousands of articles a release that adds one article must not rewrite the
corpus (issue 17). A table whose Arrow data outgrows ``part_bytes`` is published as a folder
``<table>.parquet/`` of ``2**k`` part files; a row's part is a stable hash of its partition
column (``schemas.PARTITION_KEYS``: the article, for the per-article tables), so an added
article changes the one part its rows fall in and leaves every other part byte-identical to the
previous release's, which ``pipeline.release`` then shares (a hard link, or a server-side copy
on an object store) instead of writing. The four readers CONTRACT.md names (pyarrow, DuckDB,
polars, pandas) read such a folder, passed as ``release / "quotes.parquet"``, as one table.

The part count is sticky: a table keeps its previous release's count until its ideal count is
four times larger or smaller (changing it moves most rows, so rewrites the table once), and a
table never goes back from a folder to a single file (each change of layout is a major version).
Small releases (the seeds, a few thousand articles) keep one file per table.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.config import DEFAULT_PART_BYTES
from schemas import PARTITION_KEYS

__all__ = ["DEFAULT_PART_BYTES", "PART_GLOB", "SOURCES", "Part", "part_count",
           "previous_counts", "sources_table", "split"]
PART_PREFIX = "part-"
PART_GLOB = f"{PART_PREFIX}*.parquet"
#: The list of input files, stored in part files beside the tables once it outgrows a part
#: (datapackage.json lists it inline below that: every release rewrites that file).
SOURCES = "sources"
SOURCES_SCHEMA = pa.schema([pa.field("source", pa.string(), nullable=False),
                            pa.field("source_sha256", pa.string(), nullable=False)])
#: What picks a row's part: the tables' partition columns, and the source list's path.
KEYS = {**PARTITION_KEYS, SOURCES: "source"}


@dataclass(frozen=True)
class Part:
    """One Parquet file of a release table, serialised: what is written, or shared."""

    path: str  # in the release folder: "quotes.parquet", "quotes.parquet/part-00003.parquet"
    data: bytes
    rows: int

    @cached_property
    def hash(self) -> str:
        """``sha256:<hex>`` of its bytes, as datapackage.json writes a file's hash."""
        return "sha256:" + hashlib.sha256(self.data).hexdigest()

    def entry(self) -> dict:
        """This file as datapackage.json lists it (a resource's or a part's fields)."""
        return {"path": self.path, "bytes": len(self.data), "hash": self.hash, "rows": self.rows}


def part_count(table: pa.Table, previous: int, part_bytes: int) -> int:
    """How many part files ``table`` is stored in (1: a single file), given the count of the
    previous release (0 when it had none, 1 for a single file) and the target size."""
    need = table.nbytes / max(part_bytes, 1)
    ideal = 1 << math.ceil(math.log2(need)) if need > 1 else 1
    if previous <= 1:
        return ideal
    if previous / 4 < ideal < previous * 4:
        return previous
    return max(ideal, 2)


def previous_counts(package: Mapping | None) -> dict[str, int]:
    """Each table's part count in a release's datapackage.json (1 for a single file), and the
    source list's (1 when it is inline)."""
    if package is None:
        return {}
    counts = {r["name"]: len(r["parts"]) if "parts" in r else 1
              for r in package.get("resources", [])}
    listed = package.get("sources")
    counts[SOURCES] = len(listed["parts"]) if isinstance(listed, dict) else 1
    return counts


def sources_table(sources: Mapping[str, str]) -> pa.Table:
    """Every input file and its sha256, sorted by path: the source list as a table."""
    paths = sorted(sources)
    return pa.table({"source": paths, "source_sha256": [sources[p] for p in paths]},
                    schema=SOURCES_SCHEMA)


def split(name: str, table: pa.Table, count: int) -> list[Part]:
    """``table`` serialised as ``count`` files, its rows kept in their order within each."""
    if count <= 1:
        return [Part(f"{name}.parquet", parquet_bytes(table), table.num_rows)]
    buckets = _buckets(table.column(KEYS[name]), count)
    # Arrow's sort is stable: within a part rows keep the table's order (its primary key's)
    ordered = table.take(pc.sort_indices(pa.array(buckets, type=pa.int32())))
    counts = Counter(buckets)
    parts, start = [], 0
    for index in range(count):
        rows = counts.get(index, 0)
        piece = ordered.slice(start, rows)
        start += rows
        parts.append(Part(part_path(name, index), parquet_bytes(piece), rows))
    return parts


def part_path(name: str, index: int) -> str:
    return f"{name}.parquet/{PART_PREFIX}{index:05d}.parquet"


def _buckets(column: pa.ChunkedArray, count: int) -> list[int]:
    """The part of each row: a hash of its key that no library version changes (Python's and
    polars' hashes may), so the same key lands in the same part in every release."""
    keys = column.to_pylist()
    memo: dict[object, int] = {}
    out = []
    for key in keys:
        bucket = memo.get(key)
        if bucket is None:
            digest = hashlib.blake2b(str(key).encode("utf-8"), digest_size=8).digest()
            bucket = memo[key] = int.from_bytes(digest, "big") % count
        out.append(bucket)
    return out


def parquet_bytes(table: pa.Table) -> bytes:
    """A table as the bytes of one Parquet file (zstd): the same rows give the same bytes."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()

