"""Faulty sources from the red-team pass (issue 13): each is read correctly or rejected with its
reason, never fails, hangs or blocks a build, and nothing outside the sources root is read.

Unit tests drive the pure functions on real files, FIFOs and symlinks the test makes; one
Dagster build over a folder holding every fault next to a good seed checks the whole path.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl
import pytest

from pipeline.cleaning import clean_record, clean_records, clean_text
from pipeline.corpus import build_articles
from pipeline.defs.build import build
from pipeline.release import read_release
from pipeline.sources import (
    BACKUP_REASON,
    CHANGED_REASON,
    decode_source,
    read_source,
    read_version,
    rejected_sha,
    scan_sources,
)

PROJECT = Path(__file__).resolve().parents[1]
SEED = sorted((PROJECT / "seeds").glob("*.txt"))[0]
SECRET = "Confidential memo: the outside-the-root marker 7f3a9c must never be published."

STORY = (
    "Council approves new cycle lanes for the city centre\n\n"
    "The city council on Tuesday approved a plan to build six kilometres of protected cycle "
    "lanes through the centre, after a two-hour debate in which residents, shop owners and "
    "cycling groups argued over parking, deliveries and safety, and the transport committee "
    "promised that work on the first section along the river would begin in the spring and "
    "finish before the end of next year.\n\n"
)
SHARE_STORY = STORY + "Facebook Twitter Linkedin Mail\n"
QUOTED = (
    "Harbour council approves new ferry terminal\n\n"
    "The harbour council on Tuesday approved plans for a new ferry terminal in Portsmouth, "
    "ending a two-year dispute over the cost of the project.\n\n"
    "“This terminal will serve the town for fifty years,” said Margaret Ellison, the "
    "council’s chair, after the vote.\n\n"
    "Opponents had argued that the £40 million budget was too high. “We will keep watching "
    "every penny,” said Tom Haines, who leads the residents’ association.\n"
)
POLISH_HTML = (
    '<!DOCTYPE html><html><head><meta charset="windows-1250"><title>Wałęsa w Gdańsku</title>'
    "</head><body><article><h1>Wałęsa w Gdańsku</h1>"
    "<p>Lech Wałęsa, były prezydent Polski i założyciel Solidarności, spotkał się w środę z "
    "mieszkańcami Gdańska i powiedział, że żadna decyzja w sprawie stoczni jeszcze nie "
    "zapadła, a rozmowy z rządem potrwają co najmniej kilka tygodni.</p>"
    "<p>Według organizatorów na spotkanie przyszło ponad dwa tysiące osób, które przez "
    "dwie godziny zadawały pytania o przyszłość zakładu i miejsc pracy w regionie.</p>"
    "</article></body></html>"
)
RUSSIAN_HTML = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    "</head><body><p>Президент заявил, что переговоры продолжатся на следующей неделе.</p>"
    "</body></html>"
)


def _one_bad_byte(text: str) -> bytes:
    """UTF-8 bytes of ``text`` with one cp1252 apostrophe pasted into the first paragraph."""
    data = text.encode("utf-8")
    cut = data.index(b"ferry terminal in")
    return data[:cut] + b"\x92" + data[cut:]


# --- symlinks, FIFOs, folders, unreadable files -----------------------------------------------


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET)
    return secret


def test_a_symlink_out_of_the_root_is_rejected_and_one_inside_is_read(tmp_path, outside):
    root = tmp_path / "sources"
    root.mkdir()
    (root / "story.txt").write_text(STORY)
    (root / "passwd.txt").symlink_to(outside)
    (root / "escape.txt").symlink_to("../outside/secret.txt")  # relative, same target
    (root / "alias.txt").symlink_to("story.txt")
    found = scan_sources(str(root))
    for key in ("passwd.txt", "escape.txt"):
        read = read_source(str(root), key)
        assert read.rejected
        assert read.reason == "symlink to a path outside the sources folder: never opened"
        assert found[key] == read.sha256 == rejected_sha(read.reason)
    alias = read_source(str(root), "alias.txt")
    assert alias.text == STORY
    assert found["alias.txt"] == found["story.txt"] == alias.sha256


def test_a_root_that_is_itself_a_symlink_still_reads_its_files(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "story.txt").write_text(STORY)
    (tmp_path / "link").symlink_to(real)
    assert read_source(str(tmp_path / "link"), "story.txt").text == STORY


def _special_entries(root: Path) -> dict[str, str]:
    """A FIFO, a dangling symlink, a symlink loop and a symlink to a folder, with the reason
    each must get."""
    os.mkfifo(root / "x.txt")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    (root / "loop_a.txt").symlink_to("loop_b.txt")
    (root / "loop_b.txt").symlink_to("loop_a.txt")
    (root / "folder").mkdir()
    (root / "y.txt").symlink_to("folder")
    loop = "symlink loop: the link never reaches a file"
    return {
        "x.txt": "a FIFO (named pipe), not a regular file: never opened",
        "dangling.txt": "dangling symlink: its target does not exist",
        "loop_a.txt": loop,
        "loop_b.txt": loop,
        "y.txt": "symlink to a folder, not a regular file: never opened",
    }


def test_fifo_dangling_link_loop_and_link_to_a_folder_are_rejected_without_hanging(tmp_path):
    expected = _special_entries(tmp_path)
    (tmp_path / "story.txt").write_text(STORY)
    found = scan_sources(str(tmp_path))  # a FIFO opened for reading would block here
    assert set(found) == {*expected, "story.txt"}
    for key, reason in expected.items():
        read = read_source(str(tmp_path), key)
        assert (read.text, read.reason) == (None, reason), key
        assert found[key] == read.sha256 == rejected_sha(reason), key
    assert scan_sources(str(tmp_path)) == found  # deterministic: not rebuilt on every scan


_UNREADABLE_PROBE = """
import json, os, sys
sys.path.insert(0, sys.argv[2])
from pipeline.sources import read_source, scan_sources
import tempfile
scan_sources(tempfile.mkdtemp())  # every lazy import done while the clone is still readable
if os.geteuid() == 0:  # chmod 000 does not stop root: read as nobody
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
root = sys.argv[1]
found = scan_sources(root)
reads = {key: read_source(root, key) for key in found}
reads = {key: [read.reason, read.sha256] for key, read in reads.items()}
print(json.dumps({"uid": os.geteuid(), "found": found, "reads": reads}))
"""


def test_an_unreadable_file_is_rejected_and_the_rest_is_read():
    root = Path(tempfile.mkdtemp())
    try:
        root.chmod(0o755)  # uid 65534 can enter it
        (root / "story.txt").write_text(STORY)
        (root / "story.txt").chmod(0o644)
        (root / "locked.txt").write_text(SECRET)
        (root / "locked.txt").chmod(0o000)
        probe = subprocess.run([sys.executable, "-c", _UNREADABLE_PROBE, str(root), str(PROJECT)],
                               capture_output=True, text=True, timeout=120, check=False)
        assert probe.returncode == 0, probe.stderr
        result = json.loads(probe.stdout)
    finally:
        shutil.rmtree(root)
    assert result["uid"] != 0
    reason = "unreadable file: Permission denied"
    assert result["reads"]["locked.txt"] == [reason, rejected_sha(reason)]
    assert result["found"]["locked.txt"] == rejected_sha(reason)
    assert result["reads"]["story.txt"][0] is None


# --- names: bidi overrides and editor backups -------------------------------------------------


def test_a_bidi_name_is_published_escaped_and_its_text_stripped_and_counted(tmp_path):
    name = "bidi\u202etxt.exe.txt"
    (tmp_path / name).write_text("Pay the \u202einvoice\u202c today\u2066 please.\n" + STORY)
    (key,) = scan_sources(str(tmp_path))
    assert key == "bidi\\u202etxt.exe.txt"
    read = read_source(str(tmp_path), key)
    assert read.source == key
    assert read.text.startswith("Pay the invoice today please.\n")
    assert read.removed_characters == 3
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in read.text)


def test_a_name_that_spells_an_escape_literally_is_read_as_itself(tmp_path):
    (tmp_path / "note\\u202e.txt").write_text(STORY)
    (key,) = scan_sources(str(tmp_path))
    assert key == "note\\u202e.txt"
    assert read_source(str(tmp_path), key).text == STORY


def test_editor_backups_and_locks_are_listed_as_rejected_and_never_read(tmp_path):
    for name in ("~draft.txt", "draft.txt~", "#draft.txt#", "~$report.html"):
        os.mkfifo(tmp_path / name)  # opening any of them would block the test
    (tmp_path / "notes.md~").write_text("not a source backup")
    found = scan_sources(str(tmp_path))
    assert set(found) == {"~draft.txt", "draft.txt~", "#draft.txt#", "~$report.html"}
    for key in found:
        assert read_source(str(tmp_path), key).reason == BACKUP_REASON
        assert found[key] == rejected_sha(BACKUP_REASON)


def test_fsspec_memory_urls_still_work_with_escaped_names():
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/faults/bidi\u202e.txt", STORY.encode())
    fs.pipe("/faults/~backup.txt", b"old")
    try:
        found = scan_sources("memory://faults")
        assert set(found) == {"bidi\\u202e.txt", "~backup.txt"}
        assert read_source("memory://faults", "bidi\\u202e.txt").text == STORY
        assert read_source("memory://faults", "~backup.txt").reason == BACKUP_REASON
    finally:
        fs.rm("/faults", recursive=True)


# --- decoding ---------------------------------------------------------------------------------


def test_utf8_with_one_bad_byte_stays_utf8_and_counts_it():
    read = decode_source("a.txt", _one_bad_byte(QUOTED))
    assert read.encoding == "utf-8"
    assert read.replaced_bytes == 1
    assert "\ufffd" in read.text and "“This terminal" in read.text and "£40" in read.text
    assert "â€" not in read.text and "Äù" not in read.text


def test_cp1252_and_latin1_files_still_decode_as_cp1252():
    for codec in ("cp1252", "latin-1"):
        text = QUOTED if codec == "cp1252" else QUOTED.replace("“", '"').replace(
            "”", '"').replace("’", "'")
        read = decode_source("b.txt", text.encode(codec))
        assert (read.encoding, read.replaced_bytes, read.text) == ("cp1252", 0, text)


def test_a_declared_html_charset_is_honoured():
    polish = decode_source("p.html", POLISH_HTML.encode("cp1250"))
    assert polish.encoding == "cp1250"
    assert "Lech Wałęsa" in polish.text
    russian = decode_source("r.html", RUSSIAN_HTML.encode("cp1251"))
    assert russian.encoding == "cp1251"
    assert "Президент заявил" in russian.text
    # valid UTF-8 with multibyte characters wins over a wrong declaration
    utf8 = decode_source("u.html", POLISH_HTML.encode("utf-8"))
    assert utf8.encoding == "utf-8" and "Lech Wałęsa" in utf8.text


def test_stray_nuls_are_removed_and_counted_and_nul_dense_files_are_binary():
    stray = decode_source("n.txt", STORY.replace("approved", "app\x00roved\x00").encode())
    assert stray.text == STORY.replace("approved", "approved")
    assert stray.removed_characters == 2
    utf16 = decode_source("w.txt", STORY.encode("utf-16-le"))
    assert utf16.reason == "binary content: NUL bytes"


def test_a_file_of_quote_marks_is_not_text():
    for data in ("“”‘’\"'«»\n".encode() * 20, b"\x93\x94\x91\x92" * 30, b"\x81\x93\x94" * 20):
        read = decode_source("q.txt", data)
        assert read.reason == "no text: no letters or digits", data[:8]


# --- cleaning ---------------------------------------------------------------------------------


def test_a_one_paragraph_story_ending_in_a_share_bar_keeps_its_paragraph():
    article = clean_text(SHARE_STORY)
    assert article.title == "Council approves new cycle lanes for the city centre"
    assert article.text.startswith("The city council on Tuesday approved")
    assert article.text.endswith("before the end of next year.")
    assert "Facebook" not in article.text


def _raw(source: str, text: str | None, **extra) -> dict:
    read = decode_source(source, text.encode()) if text else None
    return {"source": source, "sha256": read.sha256 if read else "0" * 64,
            "size": len(text or ""), "text": text, "encoding": "utf-8", "reason": None,
            "replaced_bytes": 0, "removed_characters": 0, **extra}


def test_an_exception_while_cleaning_one_source_rejects_only_that_source():
    good = ("good.txt", "a" * 64)
    # A record that says it was read but holds no text: clean_record itself raises on it.
    broken = ("broken.txt", "b" * 64)
    out = dict(clean_records([(good, _raw("good.txt", QUOTED)),
                              (broken, _raw("broken.txt", None))]))
    assert out[good]["reason"] is None and "Margaret Ellison" in out[good]["article"].text
    assert out[broken]["reason"].startswith("cleaning failed: ")
    assert "Error" in out[broken]["reason"]

    def strict_ascii(source: str, raw: dict) -> dict:
        """A real cleaner that cannot take non-ASCII text."""
        return clean_record(source, {**raw, "text": raw["text"].encode("ascii").decode()})

    out = dict(clean_records([(good, _raw("good.txt", QUOTED)),
                              (("plain.txt", "c" * 64), _raw("plain.txt", STORY))], strict_ascii))
    assert out[good]["reason"].startswith("cleaning failed: UnicodeEncodeError: 'ascii' codec")
    assert out[("plain.txt", "c" * 64)]["reason"] is None


def test_decoding_counts_reach_the_articles_table():
    raw = decode_source("a.txt", _one_bad_byte(QUOTED).replace(b"Tuesday", b"Tues\x00day"))
    record = clean_record("a.txt", dataclasses.asdict(raw))
    row = build_articles({"a.txt": record}).articles[0]
    assert (row["replaced_bytes"], row["removed_characters"]) == (1, 1)


# --- a file changed between the scan and the read ---------------------------------------------


def test_a_file_changed_after_the_scan_is_rejected_under_the_scanned_sha(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    scanned = scan_sources(str(tmp_path))["story.txt"]
    story.write_text(STORY.replace("six kilometres", "eight kilometres"))
    read = read_version(str(tmp_path), "story.txt", scanned)
    assert (read.sha256, read.reason, read.text) == (scanned, CHANGED_REASON, None)
    assert scan_sources(str(tmp_path))["story.txt"] != scanned  # the next scan rebuilds it
    unchanged = read_version(str(tmp_path), "story.txt", scan_sources(str(tmp_path))["story.txt"])
    assert unchanged.reason is None and "eight kilometres" in unchanged.text
    story.unlink()
    assert read_version(str(tmp_path), "story.txt", scanned).reason == (
        "source vanished before it was read")


# --- one build over every fault ---------------------------------------------------------------

AS_ROOT = os.geteuid() == 0


def _faulty_folder(root: Path, secret: Path) -> dict[str, str]:
    """Every fault next to one good seed; returns the rejections expected (source -> reason)."""
    root.mkdir()
    shutil.copy(SEED, root / "seed.txt")
    (root / "alias.txt").symlink_to("seed.txt")
    (root / "passwd.txt").symlink_to(secret)
    expected = _special_entries(root)
    expected["passwd.txt"] = "symlink to a path outside the sources folder: never opened"
    (root / "bidi\u202etxt.exe.txt").write_text(QUOTED.replace("Tuesday", "Mon\u202eday"))
    (root / "share.txt").write_text(SHARE_STORY)
    (root / "one_bad_byte.txt").write_bytes(_one_bad_byte(QUOTED.replace("Portsmouth", "Poole")))
    (root / "polish.html").write_bytes(POLISH_HTML.encode("cp1250"))
    (root / "nul.txt").write_bytes(STORY.replace("council", "coun\x00cil", 1).replace(
        "cycle", "bicycle").encode())
    (root / "quotes.txt").write_text("“” ‘’ \"\" ''\n" * 10)
    expected["quotes.txt"] = "no text: no letters or digits"
    (root / "~seed.txt").write_text(STORY.replace("city", "town"))
    expected["~seed.txt"] = BACKUP_REASON
    if not AS_ROOT:  # root reads mode-000 files: the dropped-privilege unit test covers it
        (root / "locked.txt").write_text(SECRET)
        (root / "locked.txt").chmod(0o000)
        expected["locked.txt"] = "unreadable file: Permission denied"
    return expected


@pytest.fixture(scope="module")
def faults(tmp_path_factory, pipeline_instance):
    root = tmp_path_factory.mktemp("faults")
    secret = root / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n\n" + STORY.replace("city", "port"))
    sources, output = root / "sources", root / "output"
    expected = _faulty_folder(sources, secret)
    with pipeline_instance(root, str(sources), str(output)) as instance:
        outcome = build(instance)
        tables = read_release(str(output)) if outcome.success else {}
        yield {"outcome": outcome, "tables": tables, "expected": expected,
               "instance": instance,
               "secret_sha256": hashlib.sha256(secret.read_bytes()).hexdigest()}
    if (sources / "locked.txt").exists():
        (sources / "locked.txt").chmod(0o644)


def _article(faults, source: str) -> dict:
    rows = faults["tables"]["articles"].filter(pl.col("sources").list.contains(source))
    assert rows.height == 1, f"{source}: {rows.height} articles"
    return rows.to_dicts()[0]


def test_the_faulty_folder_builds_and_publishes_the_good_sources(faults):
    outcome = faults["outcome"]
    assert outcome.success, outcome.errors()
    seed = _article(faults, "seed.txt")
    assert seed["sources"] == ["alias.txt", "seed.txt"]
    assert seed["title"] and seed["language"] == "en"
    assert faults["tables"]["entity_mentions"].filter(
        pl.col("article_id") == seed["article_id"]).height > 0


def test_each_fault_is_rejected_with_its_reason(faults):
    rejected = dict(faults["tables"]["rejected"].select("source", "reason").iter_rows())
    assert rejected == faults["expected"]


def test_nothing_outside_the_root_is_read_or_published(faults):
    for name, table in faults["tables"].items():
        for column in table.columns:
            if table.schema[column] == pl.String:
                assert not table[column].str.contains("7f3a9c").any(), (name, column)
    sha256s = set(faults["tables"]["articles"]["source_sha256"])
    assert faults["secret_sha256"] not in sha256s


def test_bidi_name_share_bar_bad_byte_charset_and_nul_articles_are_published(faults):
    bidi = _article(faults, "bidi\\u202etxt.exe.txt")
    assert bidi["source"] == "bidi\\u202etxt.exe.txt"
    assert "Monday" in bidi["text"] and bidi["removed_characters"] == 1
    share = _article(faults, "share.txt")
    assert share["text"].startswith("The city council") and "Facebook" not in share["text"]
    bad = _article(faults, "one_bad_byte.txt")
    assert (bad["encoding"], bad["replaced_bytes"]) == ("utf-8", 1)
    assert "“This terminal" in bad["text"]
    polish = _article(faults, "polish.html")
    assert polish["encoding"] == "cp1250" and "Lech Wałęsa" in polish["text"]
    nul = _article(faults, "nul.txt")
    assert nul["removed_characters"] == 1 and "council" in nul["text"]
    assert _article(faults, "seed.txt")["removed_characters"] == 0


def test_a_rebuild_of_the_faulty_folder_does_nothing(faults):
    again = build(faults["instance"])
    assert not again.changes, again.changes.describe()
