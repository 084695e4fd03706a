"""Where files live: one way to turn a local path or an fsspec URL into a filesystem and a path.

Sources, the work store and releases may each be a local path, ``file://``, ``memory://`` or an
object-store URL; all of them resolve here, so a path means the same thing to every stage.
"""

from __future__ import annotations

import functools

import fsspec


def filesystem(url: str) -> tuple[fsspec.AbstractFileSystem, str]:
    """The fsspec filesystem of a local path or URL and the path inside it, without a trailing
    slash (so ``f"{path}/{name}"`` is always one separator)."""
    fs, path = fsspec.core.url_to_fs(url)
    return fs, path.rstrip("/")


#: :func:`filesystem`, parsed once per URL: the work store resolves its root for each of the
#: thousands of per-article files a corpus step reads, and parsing it each time cost a fifth of
#: the step. (Only for roots that do not depend on the working directory changing under them.)
cached_filesystem = functools.lru_cache(maxsize=16)(filesystem)
