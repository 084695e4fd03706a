"""Where files live: one way to turn a local path or an fsspec URL into a filesystem and a path.

Sources, the work store and releases may each be a local path, ``file://``, ``memory://`` or an
object-store URL (``s3://``, ``gs://``, ``az://`` with its fsspec package installed); all of them
resolve here, so a path means the same thing to every stage.

Two kinds of store behave differently where it matters, publishing: a local filesystem has
folders and an atomic rename, so a release is staged and renamed into place; an object store
has neither (a "folder" is a key prefix that exists once one object is under it, and a rename
is a copy of every object), so a release is written under its version and committed by one
object, ``latest.json`` (``pipeline.release``).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

import fsspec
from fsspec.implementations.local import LocalFileSystem

#: Protocols whose listings are always current (no listing cache to go stale).
_LOCAL_PROTOCOLS = (None, "file", "local", "memory")


def filesystem(url: str) -> tuple[fsspec.AbstractFileSystem, str]:
    """The fsspec filesystem of a local path or URL and the path inside it, without a trailing
    slash (so ``f"{path}/{name}"`` is always one separator).

    An object store's listings are not cached: fsspec would otherwise answer "no such file"
    from a listing made before another process (a sensor, a worker, a person uploading a
    source) wrote the file.
    """
    protocol, _ = fsspec.core.split_protocol(url)
    options = {} if protocol in _LOCAL_PROTOCOLS else {"use_listings_cache": False}
    fs, path = fsspec.core.url_to_fs(url, **options)
    return fs, path.rstrip("/")


#: :func:`filesystem`, parsed once per URL: the work store resolves its root for each of the
#: thousands of per-article files a corpus step reads, and parsing it each time cost a fifth of
#: the step. (Only for roots that do not depend on the working directory changing under them.)
cached_filesystem = functools.lru_cache(maxsize=16)(filesystem)


def renames_atomically(fs: fsspec.AbstractFileSystem) -> bool:
    """Whether ``fs`` has real folders and an atomic rename (a local filesystem), so a whole
    folder can be put in place at once; an object store (or fsspec's memory store, used in
    tests as one) has neither."""
    return isinstance(fs, LocalFileSystem)


def location(fs: fsspec.AbstractFileSystem, path: str) -> str:
    """``path`` as a person would type it: a local path as is, anything else as its URL
    (``s3://bucket/key``: fsspec paths carry no protocol)."""
    return path if isinstance(fs, LocalFileSystem) else fs.unstrip_protocol(path)


@contextlib.contextmanager
def naming(fs: fsspec.AbstractFileSystem, path: str, doing: str,
           keep: tuple[type[Exception], ...] = ()) -> Iterator[None]:
    """Any error raised inside (but those of the ``keep`` types: not about storage) gets a
    note naming the file or URL it was ``doing`` (e.g. "writing"): a store's own errors often
    do not (botocore's ``NoSuchKey`` names no key).

    A note, not a new exception: the error keeps its type (a caller catching
    FileNotFoundError still does) and its traceback, and Dagster's and Python's reports show
    it. An error already noted with a location inside this one keeps only the inner note.
    """
    try:
        yield
    except keep:
        raise
    except Exception as error:
        where = location(fs, path)
        if not any(where in note for note in getattr(error, "__notes__", ())):
            error.add_note(f"while {doing} {where}")
        raise
