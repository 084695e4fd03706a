"""Finding and reading source files: bytes in, decoded text (or a clear rejection) out.

Sources live under a root that may be a local path or an fsspec URL (``file://``, ``memory://``,
``s3://``). Each file is identified by its path relative to that root, which is also its Dagster
partition key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import fsspec
from charset_normalizer import from_bytes

SOURCE_SUFFIXES = (".txt", ".html", ".htm")
MAX_SOURCE_BYTES = 10 * 1024 * 1024
_CHUNK_BYTES = 1024 * 1024
_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
}


@dataclass(frozen=True)
class RawSource:
    """A source file as read: its text when usable, else the reason it is rejected."""

    source: str
    sha256: str | None
    size: int
    text: str | None
    encoding: str | None
    reason: str | None = None

    @property
    def rejected(self) -> bool:
        return self.text is None


def filesystem(url: str) -> tuple[fsspec.AbstractFileSystem, str]:
    """The fsspec filesystem and the path inside it for a local path or URL."""
    fs, path = fsspec.core.url_to_fs(url)
    return fs, path.rstrip("/")


def scan_sources(root: str) -> dict[str, str]:
    """Map every source file under ``root`` (recursively) to the sha256 of its bytes."""
    fs, base = filesystem(root)
    if not fs.exists(base):
        raise FileNotFoundError(f"sources directory not found: {root}")
    found: dict[str, str] = {}
    for path in sorted(fs.find(base)):
        if not path.lower().endswith(SOURCE_SUFFIXES):
            continue
        key = path[len(base) :].lstrip("/")
        if any(part.startswith(".") for part in key.split("/")):
            continue
        found[key] = _sha256_of(fs, path)
    return found


def _sha256_of(fs: fsspec.AbstractFileSystem, path: str) -> str:
    """sha256 of a file read in chunks: scanning a folder never holds a whole file in memory
    (a 20 MB or 2 GB file dropped among the sources costs one chunk, not its size)."""
    digest = hashlib.sha256()
    with fs.open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def read_source(root: str, key: str) -> RawSource:
    """Read and decode one source; never raises for bad content, returns a rejection instead.

    At most MAX_SOURCE_BYTES + 1 bytes are ever read, so memory stays bounded even when the
    file grows after its size was looked up. An oversized file is rejected with the limit named
    and still gets its sha256 (hashed in chunks), so that it counts as built: the next scan
    sees it unchanged instead of rebuilding it every time.
    """
    fs, base = filesystem(root)
    path = f"{base}/{key}"
    size = fs.size(path)
    data = b""
    if size <= MAX_SOURCE_BYTES:
        with fs.open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
        size = len(data)
    if size > MAX_SOURCE_BYTES:
        del data
        size = max(size, fs.size(path))
        return RawSource(key, _sha256_of(fs, path), size, None, None,
                         f"file is {size:,} bytes, over the {MAX_SOURCE_BYTES:,}-byte limit")
    return decode_source(key, data)


def decode_source(key: str, data: bytes) -> RawSource:
    """Decode bytes to text with line endings normalised, or say why that is not possible."""
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return RawSource(key, sha, 0, None, None, "empty file")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return RawSource(key, sha, len(data), None, None, f"binary content: {kind}")
    if b"\x00" in data[:4096]:
        return RawSource(key, sha, len(data), None, None, "binary content: NUL bytes")
    text, encoding = _decode(data)
    if text is None:
        return RawSource(key, sha, len(data), None, None,
                         "undecodable bytes: no text encoding fits")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return RawSource(key, sha, len(data), None, encoding, "no text: whitespace only")
    return RawSource(key, sha, len(data), text, encoding)


def _decode(data: bytes) -> tuple[str | None, str | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # English news outside UTF-8 is almost always cp1252 (a superset of Latin-1's letters).
    # Statistical detection is unreliable on short texts, so take cp1252 unless its result
    # looks like another script squeezed into Latin letters (then ask the detector).
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_ascii_letters(text):
        return text, "cp1252"
    best = from_bytes(data).best()
    if best is None:
        return (text, "cp1252") if text is not None else (None, None)
    return str(best), best.encoding


def _mostly_ascii_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    return sum(c.isascii() for c in letters) / len(letters) >= 0.7


def article_id(sha256: str) -> str:
    """An article's id: the same source content always gets the same id."""
    return "art_" + sha256[:16]


@dataclass(frozen=True)
class SourceChanges:
    """What a scan found against what was built: the keys to (re)build and to drop."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    deleted: tuple[str, ...]
    outdated: tuple[str, ...] = ()  # unchanged, but built by other code or another model

    @property
    def to_build(self) -> tuple[str, ...]:
        return self.added + self.changed + self.outdated

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.deleted or self.outdated)

    def describe(self) -> str:
        text = (f"{len(self.added)} new, {len(self.changed)} changed, "
                f"{len(self.deleted)} deleted source(s)")
        if self.outdated:
            text += f", {len(self.outdated)} re-extracted (the code or model changed)"
        return text


def plan_changes(current: dict[str, str], built: dict[str, str | None],
                 registered: set[str], outdated: set[str] | frozenset[str] = frozenset()
                 ) -> SourceChanges:
    """Compare a scan (key -> sha256) with what was built (key -> sha256 or None if never).

    ``registered`` are the keys already known as partitions: a registered key never built (its
    run failed or is queued) counts as added again, unless it is in ``outdated`` (built, but by
    another version of the extraction code or model), which is extracted again.
    """
    added = tuple(k for k in current
                  if k not in registered or (built.get(k) is None and k not in outdated))
    changed = tuple(k for k in current
                    if k in registered and built.get(k) is not None and built[k] != current[k])
    deleted = tuple(sorted(registered - set(current)))
    again = tuple(k for k in current
                  if k in registered and built.get(k) is None and k in outdated)
    return SourceChanges(added, changed, deleted, again)
