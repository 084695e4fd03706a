"""Finding and reading source files: bytes in, decoded text (or a clear rejection) out.

Sources live under a root that may be a local path or an fsspec URL (``file://``, ``memory://``,
``s3://``). Each file is identified by its path relative to that root, which is also its Dagster
partition key.

A local root is read defensively, because anything can be dropped into a watched folder:

- nothing outside the root is ever opened: a symlink whose target leaves the root, a dangling
  symlink, a symlink loop and a symlink to a folder are rejected without being opened; a symlink
  to a file inside the root is read;
- only regular files are opened (checked with ``lstat``/``stat`` first, and again with
  ``fstat`` on the open descriptor, opened non-blocking), so a FIFO or a device never hangs a
  scan; an unreadable file is rejected with the error;
- editor backup and lock files (``~name.txt``, ``name.txt~``, ``#name.txt#``) are never read but
  listed as rejected, so nothing disappears silently.

A rejected entry's sha256 is a deterministic pseudo-hash of its reason (``rejected_sha``): the
next scan sees it unchanged and does not rebuild it every time. Source names holding bidi
overrides or control characters are published escaped (``bidi\\u202etxt.exe.txt``), so a name
shows what it is; ``read_source`` maps the escaped key back to the file.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import asdict, dataclass
from typing import BinaryIO, TypedDict

import fsspec
from charset_normalizer import from_bytes
from fsspec.implementations.local import LocalFileSystem

from pipeline.storage import filesystem

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
# More NUL bytes than this share of a file is binary (UTF-16 or a binary format: 10-50 %);
# fewer are stray bytes in a text, removed and counted.
NUL_SHARE = 0.01
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Removed from text and counted: NUL, C0 controls but tab/newline/VT/FF/CR, DEL, C1, bidi.
_REMOVED_RE = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x9f{_BIDI}]")
# Escaped in source names: every control character, bidi formatting and direction marks.
_NAME_ESCAPE_RE = re.compile(f"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f{_BIDI}]")
_NAME_ESCAPED_RE = re.compile(r"\\u([0-9a-f]{4})")
_DECLARED_CHARSET_RE = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252.
_CHARSET_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}
BACKUP_REASON = "editor backup or lock file: not read"
CHANGED_REASON = "changed while it was being read; rebuilt by the next build"
VANISHED_REASON = "source vanished before it was read"


class RawRecord(TypedDict):
    """A read source as the read stage hands it to cleaning (and stores it): ``RawSource``'s
    fields as plain data."""

    source: str
    sha256: str | None
    size: int
    text: str | None
    encoding: str | None
    reason: str | None
    replaced_bytes: int
    removed_characters: int


@dataclass(frozen=True)
class RawSource:
    """A source file as read: its text when usable, else the reason it is rejected.

    ``replaced_bytes`` counts invalid bytes decoded as U+FFFD; ``removed_characters`` the NUL,
    control and bidi characters removed from the text.
    """

    source: str
    sha256: str | None
    size: int
    text: str | None
    encoding: str | None
    reason: str | None = None
    replaced_bytes: int = 0
    removed_characters: int = 0

    @property
    def rejected(self) -> bool:
        return self.text is None

    def record(self) -> RawRecord:
        """The read stage's output: plain data, stored per source version and cleaned next."""
        return RawRecord(**asdict(self))


def rejected_sha(reason: str) -> str:
    """The stand-in sha256 of a source rejected before its bytes were read: stable across scans,
    so an unchanged bad entry is not rebuilt by every build."""
    return hashlib.sha256(f"rejected:{reason}".encode()).hexdigest()


def _rejection(key: str, reason: str) -> RawSource:
    return RawSource(key, rejected_sha(reason), 0, None, None, reason)


def escape_name(name: str) -> str:
    """A source name with bidi overrides and control characters written as ``\\uXXXX``."""
    return _NAME_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", name)


def _unescape_name(key: str) -> str:
    def char(m: re.Match[str]) -> str:
        c = chr(int(m.group(1), 16))
        return c if _NAME_ESCAPE_RE.fullmatch(c) else m.group()

    return _NAME_ESCAPED_RE.sub(char, key)


def _name_kind(key: str) -> str | None:
    """"source", "backup" (an editor's backup or lock file of a source) or None (not a source:
    another suffix, or hidden)."""
    if any(part.startswith(".") for part in key.split("/")):
        return None
    name = key.rsplit("/", 1)[-1]
    if name.startswith("~") or name.endswith("~") or (name.startswith("#") and name.endswith("#")):
        return "backup" if name.strip("~#").lower().endswith(SOURCE_SUFFIXES) else None
    return "source" if name.lower().endswith(SOURCE_SUFFIXES) else None


def scan_sources(root: str) -> dict[str, str]:
    """Map every source file under ``root`` (recursively) to the sha256 of its bytes.

    An entry that is rejected without being read (see the module docstring) maps to
    ``rejected_sha`` of its reason.
    """
    fs, base = filesystem(root)
    if not fs.exists(base):
        raise FileNotFoundError(f"sources directory not found: {root}")
    if isinstance(fs, LocalFileSystem):
        return _scan_local(base)
    found: dict[str, str] = {}
    for path in sorted(fs.find(base)):
        key = path[len(base) :].lstrip("/")
        kind = _name_kind(key)
        if kind == "backup":
            found[escape_name(key)] = rejected_sha(BACKUP_REASON)
        elif kind == "source":
            found[escape_name(key)] = _sha256_of(fs, path)
    return found


def _scan_local(base: str) -> dict[str, str]:
    """The local scan: never follows a symlink out of the root or into a folder, never opens
    anything but a regular file."""
    root_real = os.path.realpath(base)
    found: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(base):  # does not descend into symlinked folders
        linked = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in linked)
        for name in sorted(filenames + linked):
            path = os.path.join(dirpath, name)
            key = os.path.relpath(path, base).replace(os.sep, "/")
            kind = _name_kind(key)
            if kind is None:
                continue
            try:
                sha = _local_sha(root_real, path) if kind == "source" else None
            except FileNotFoundError:
                continue  # deleted while the folder was scanned
            found[escape_name(key)] = sha or rejected_sha(BACKUP_REASON)
    return found


def _local_sha(root_real: str, path: str) -> str:
    problem = _local_problem(root_real, path)
    if problem:
        return rejected_sha(problem)
    handle, problem = _open_regular(path)
    if handle is None:
        return rejected_sha(problem or "unreadable file")
    with handle:
        return _sha256_of_handle(handle)


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _kind_of(mode: int) -> str:
    return next((kind for test, kind in _KINDS if test(mode)), "a special file")


def _local_problem(root_real: str, path: str) -> str | None:
    """Why a local entry must not be opened, or None for a regular file inside the root.
    Raises FileNotFoundError when the entry itself is gone."""
    info = os.lstat(path)
    link = stat.S_ISLNK(info.st_mode)
    if link:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return "dangling symlink: its target does not exist"
        except OSError as error:
            if error.errno == errno.ELOOP:
                return "symlink loop: the link never reaches a file"
            return f"unreadable symlink: {error.strerror}"
    real = os.path.realpath(path)
    if os.path.commonpath([root_real, real]) != root_real:
        return "symlink to a path outside the sources folder: never opened"
    if not stat.S_ISREG(info.st_mode):
        what = ("symlink to " if link else "") + _kind_of(info.st_mode)
        return f"{what}, not a regular file: never opened"
    return None


def _open_regular(path: str) -> tuple[BinaryIO | None, str | None]:
    """Open the resolved path without following a last symlink and without blocking, and make
    sure it is (still) a regular file: (handle, None) or (None, why not)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(os.path.realpath(path), flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        return None, f"unreadable file: {error.strerror}"
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None, "not a regular file: never read"
    return os.fdopen(fd, "rb"), None


def _sha256_of(fs: fsspec.AbstractFileSystem, path: str) -> str:
    with fs.open(path, "rb") as handle:
        return _sha256_of_handle(handle)


def _sha256_of_handle(handle: BinaryIO) -> str:
    """sha256 of a file read in chunks: scanning a folder never holds a whole file in memory
    (a 20 MB or 2 GB file dropped among the sources costs one chunk, not its size)."""
    digest = hashlib.sha256()
    while chunk := handle.read(_CHUNK_BYTES):
        digest.update(chunk)
    return digest.hexdigest()


def read_source(root: str, key: str) -> RawSource:
    """Read and decode one source; never raises for bad content, returns a rejection instead.

    A local entry is checked again before it is opened (it may have become a symlink or a FIFO
    since the scan). At most MAX_SOURCE_BYTES + 1 bytes are ever read, so memory stays bounded
    even when the file grows after its size was looked up. An oversized file is rejected with
    the limit named and still gets its sha256 (hashed in chunks), so that it counts as built:
    the next scan sees it unchanged instead of rebuilding it every time.
    """
    fs, base = filesystem(root)
    path = f"{base}/{key}"
    real = f"{base}/{_unescape_name(key)}"
    if real != path and (fs.lexists(real) if hasattr(fs, "lexists") else fs.exists(real)):
        path = real
    if _name_kind(key) == "backup":
        return _rejection(key, BACKUP_REASON)
    if isinstance(fs, LocalFileSystem):
        problem = _local_problem(os.path.realpath(base), path)
        if problem:
            return _rejection(key, problem)
        handle, problem = _open_regular(path)
        if handle is None:
            return _rejection(key, problem or "unreadable file")
        size = os.fstat(handle.fileno()).st_size
    else:
        size = fs.size(path)
        handle = fs.open(path, "rb")
    with handle:
        if size <= MAX_SOURCE_BYTES:
            data = handle.read(MAX_SOURCE_BYTES + 1)
            if len(data) <= MAX_SOURCE_BYTES:
                return decode_source(key, data)
            del data
            handle.seek(0)
        sha = _sha256_of_handle(handle)
        size = max(size, handle.tell())
    return RawSource(key, sha, size, None, None,
                     f"file is {size:,} bytes, over the {MAX_SOURCE_BYTES:,}-byte limit")


def read_version(root: str, key: str, sha256: str) -> RawSource:
    """``read_source`` for the version a batch manifest names: whatever happens, the result is
    stored under that ``sha256``, so the source is in the release (as an article or rejected).

    A source deleted or changed between the scan and the read is rejected under the manifest's
    sha256; the next scan sees its new sha256 (or its deletion) and rebuilds it. Any OS error
    while reading rejects this source only.
    """
    try:
        read = read_source(root, key)
    except FileNotFoundError:
        return RawSource(key, sha256, 0, None, None, VANISHED_REASON)
    except OSError as error:
        return RawSource(key, sha256, 0, None, None, f"unreadable file: {error}")
    if read.sha256 != sha256:
        return RawSource(key, sha256, read.size, None, None, CHANGED_REASON)
    return read


def decode_source(key: str, data: bytes) -> RawSource:
    """Decode bytes to text with line endings normalised, or say why that is not possible.

    Stray NUL bytes, other control characters and bidi overrides are removed and counted
    (``removed_characters``); a file dense with NULs is binary. A text with no letter or digit
    (a file of quote marks) is no text.
    """
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return RawSource(key, sha, 0, None, None, "empty file")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return RawSource(key, sha, len(data), None, None, f"binary content: {kind}")
    if data.count(0) > NUL_SHARE * len(data):
        return RawSource(key, sha, len(data), None, None, "binary content: NUL bytes")
    text, encoding, replaced = _decode(data)
    if text is None:
        return RawSource(key, sha, len(data), None, None,
                         "undecodable bytes: no text encoding fits")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _REMOVED_RE.subn("", text)
    if not text.strip():
        return RawSource(key, sha, len(data), None, encoding, "no text: whitespace only")
    if not any(c.isalnum() for c in text):
        return RawSource(key, sha, len(data), None, encoding, "no text: no letters or digits")
    return RawSource(key, sha, len(data), text, encoding, None, replaced, removed)


def _utf8_replacing(data: bytes) -> tuple[str, int, int, int]:
    """UTF-8 with invalid bytes as U+FFFD: (text, replaced bytes, invalid sequences, valid
    multibyte characters), counted without a Python loop over the bytes."""
    text = data.decode("utf-8", errors="replace")
    genuine = data.count(b"\xef\xbf\xbd")  # U+FFFD already in the file
    inserted = text.count("\ufffd") - genuine
    replaced = len(data) - len(text.encode("utf-8")) + 3 * inserted
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - inserted - genuine
    return text, replaced, inserted, multibyte


def _declared_charset(data: bytes) -> str | None:
    """The ASCII-compatible charset an HTML ``<meta charset>`` or http-equiv Content-Type
    declares in the first 8 KiB, as a Python codec name."""
    m = _DECLARED_CHARSET_RE.search(data[:8192])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name.replace("-", "_")
    except (LookupError, UnicodeDecodeError):
        return None
    name = _CHARSET_ALIASES.get(name, name)
    if "<meta".encode(name, errors="replace") != b"<meta":
        return None  # UTF-16 and the like: a declaration we could not have read this way
    return name


def _decode(data: bytes) -> tuple[str | None, str | None, int]:
    """(text, encoding, replaced bytes). In order: BOM; strict UTF-8; UTF-8 with a few invalid
    bytes (more valid multibyte characters than invalid sequences: one bad byte must not turn
    a UTF-8 article into mojibake); a charset an HTML page declares, if its bytes decode with
    it; cp1252 unless that looks like another script; statistical detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, replaced, _, _ = _utf8_replacing(data[3:])
        return text, "utf-8-sig", replaced
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text, replaced, invalid, multibyte = _utf8_replacing(data)
    if multibyte > invalid:
        return text, "utf-8", replaced
    declared = _declared_charset(data)
    if declared and declared != "utf_8":
        try:
            return data.decode(declared), declared, 0
        except UnicodeDecodeError:
            pass
    # English news outside UTF-8 is almost always cp1252 (a superset of Latin-1's letters).
    # Statistical detection is unreliable on short texts, so take cp1252 unless its result
    # looks like another script squeezed into Latin letters (then ask the detector).
    try:
        cp1252: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None and _mostly_ascii_letters(cp1252):
        return cp1252, "cp1252", 0
    best = from_bytes(data).best()
    if best is not None and len({c for c in str(best) if c.isalpha()}) >= 8:
        return str(best), best.encoding, 0
    if best is None and cp1252 is None:
        return None, None, 0
    # Fewer than 8 distinct letters: the detector read a few repeated bytes (a line of quote
    # marks) as CJK text. Take cp1252, replacing the five bytes it leaves undefined.
    if cp1252 is None:
        cp1252 = data.decode("cp1252", errors="replace")
        return cp1252, "cp1252", cp1252.count("\ufffd")
    return cp1252, "cp1252", 0


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
