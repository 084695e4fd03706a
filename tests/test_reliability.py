"""Reliability, end to end: bad sources, duplicates, changed sources and a failing check.

One Dagster build (a temporary instance, sources and output folder) over a folder holding every
kind of bad source we know of next to one good seed. Each bad source must be either processed
correctly or quarantined with a clear reason, in the ``rejected`` table and as a per-partition
observation, and never fail the run or keep the good sources out of the release.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
import urllib.parse
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from pipeline.defs.build import build
from pipeline.duplicates import group_id, near_duplicate_groups
from pipeline.release import (
    latest_release,
    list_versions,
    publish_lock,
    read_latest,
    read_release,
)
from pipeline.sources import MAX_SOURCE_BYTES, read_source, scan_sources

FIXTURES = Path(__file__).parent / "fixtures" / "reliability"
SEED = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[0]
LIMIT_TEXT = f"{MAX_SOURCE_BYTES:,}-byte limit"
HUGE_BYTES = 20 * 1024 * 1024
# A minimal PNG: signature, IHDR chunk and the start of a real image's bytes.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + bytes(
    range(256)) * 8
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" * 20


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _write_huge(path: Path) -> None:
    """20 MB of plausible English text, written in pieces (never held in memory at once)."""
    paragraph = (_fixture("plain.txt").replace("\n\n", " ") + "\n\n").encode("utf-8")
    with path.open("wb") as handle:
        written = 0
        while written < HUGE_BYTES:
            handle.write(paragraph * 100)
            written += len(paragraph) * 100


def _bad_sources(folder: Path) -> None:
    """Every fault next to one good seed (and an exact copy of it under another name)."""
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(SEED, folder / "seed_copy.txt")
    harbour = _fixture("harbour.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\n   \r\n\n ")
    (folder / "image.txt").write_bytes(PNG)
    (folder / "report.txt").write_bytes(PDF)
    (folder / "harbour_cp1252.txt").write_bytes(harbour.encode("cp1252"))
    straight = harbour.replace("“", '"').replace("”", '"')
    (folder / "harbour_latin1.txt").write_bytes(
        straight.replace("Harbour council", "Harbour board").encode("latin-1"))
    (folder / "harbour_bom.txt").write_bytes(
        b"\xef\xbb\xbf" + harbour.replace("Portsmouth", "Southampton").encode("utf-8"))
    (folder / "harbour_crlf.txt").write_bytes(
        harbour.replace("Tuesday", "Monday").replace("\n", "\r\n").encode("utf-8"))
    _write_huge(folder / "huge.txt")
    for name in ("french.txt", "plain.txt", "wire_a.txt", "wire_b.txt"):
        shutil.copy(FIXTURES / name, folder / name)


@pytest.fixture(scope="module")
def env(tmp_path_factory, pipeline_instance):
    """The bad-sources folder built once through Dagster with a temporary instance."""
    root = tmp_path_factory.mktemp("reliability")
    sources, output = root / "sources", root / "output"
    _bad_sources(sources)
    with pipeline_instance(root, str(sources), str(output)) as instance:
        first = build(instance)
        tables = read_release(str(output)) if first.success else {}
        yield {"instance": instance, "sources": sources, "output": output, "first": first,
               "tables": tables}


def _article(env, source: str) -> dict:
    rows = env["tables"]["articles"].filter(pl.col("sources").list.contains(source)).to_dicts()
    assert len(rows) == 1, f"{source}: {len(rows)} articles"
    return rows[0]


def _rejection(env, source: str) -> str:
    rows = env["tables"]["rejected"].filter(pl.col("source") == source)
    assert rows.height == 1, f"{source} is not in the rejected table"
    return rows["reason"][0]


def test_the_build_succeeds_and_publishes_the_good_sources(env):
    first = env["first"]
    assert first.success, first.errors()
    assert first.release["version"] == "1.0.0"
    articles = env["tables"]["articles"]
    expected = {"seed.txt", "harbour_cp1252.txt", "harbour_latin1.txt", "harbour_bom.txt",
                "harbour_crlf.txt", "french.txt", "plain.txt", "wire_a.txt", "wire_b.txt"}
    published = {s for sources in articles["sources"].to_list() for s in sources}
    assert published == expected | {"seed_copy.txt"}
    assert articles.height == len(expected)
    rejected = set(env["tables"]["rejected"]["source"].to_list())
    assert rejected == {"empty.txt", "blank.txt", "image.txt", "report.txt", "huge.txt"}


@pytest.mark.parametrize(("source", "reason"), [
    ("empty.txt", "empty file"),
    ("blank.txt", "no text: whitespace only"),
    ("image.txt", "binary content: a PNG image"),
    ("report.txt", "binary content: a PDF document"),
    ("huge.txt", LIMIT_TEXT),
])
def test_each_bad_source_is_rejected_with_its_reason(env, source, reason):
    assert reason in _rejection(env, source)


def test_the_oversized_file_is_named_with_its_size_and_hashed(env):
    rejected = env["tables"]["rejected"].filter(pl.col("source") == "huge.txt").to_dicts()[0]
    size = (env["sources"] / "huge.txt").stat().st_size
    assert f"file is {size:,} bytes, over the {LIMIT_TEXT}" == rejected["reason"]
    assert rejected["source_sha256"] == scan_sources(str(env["sources"]))["huge.txt"]


def test_each_rejection_is_an_observation_of_its_partition(env):
    """The per-partition signal the UI shows: an observation of the batch partition naming
    the source and the reason (read failures on raw_articles, cleaning ones on
    cleaned_articles)."""
    seen = {}
    for asset in ("raw_articles", "cleaned_articles"):
        records = env["instance"].fetch_observations(dg.AssetKey(asset), limit=100).records
        for record in records:
            observation = record.asset_observation
            metadata = {k: v.value for k, v in observation.metadata.items()}
            assert metadata["status"] == "rejected"
            assert observation.partition in env["instance"].get_dynamic_partitions(
                "source_batches")
            seen[metadata["source"]] = metadata["reason"]
    assert set(seen) == {"empty.txt", "blank.txt", "image.txt", "report.txt", "huge.txt"}
    assert seen["image.txt"] == "binary content: a PNG image"
    assert LIMIT_TEXT in seen["huge.txt"]


@pytest.mark.parametrize(("source", "encoding"), [
    ("harbour_cp1252.txt", "cp1252"),
    ("harbour_latin1.txt", "cp1252"),  # Latin-1's letters are cp1252's: same decoding
    ("harbour_bom.txt", "utf-8-sig"),
    ("harbour_crlf.txt", "utf-8"),
    ("seed.txt", "utf-8"),
])
def test_encodings_are_detected_decoded_and_recorded(env, source, encoding):
    article = _article(env, source)
    assert article["encoding"] == encoding
    text = article["text"]
    assert "\r" not in text and "\ufeff" not in text and "\ufffd" not in text
    if source.startswith("harbour"):
        assert "£40 million" in text and "café-lined quay" in text
        assert article["language"] == "en"


def test_non_utf8_text_is_analysed_like_utf8(env):
    """The cp1252 copy yields the same quotes as the UTF-8 (BOM) copy of the same text."""
    quotes = env["tables"]["quotes"]
    cp1252 = quotes.filter(pl.col("article_id") == _article(env, "harbour_cp1252.txt")
                           ["article_id"])["text"].sort().to_list()
    bom = quotes.filter(pl.col("article_id") == _article(env, "harbour_bom.txt")
                        ["article_id"])["text"].sort().to_list()
    assert cp1252 == bom
    assert len(cp1252) == 2
    assert cp1252[0].startswith("This terminal will serve the town for fifty years")


def test_a_french_article_is_published_with_its_language_and_no_english_nlp(env):
    article = _article(env, "french.txt")
    assert article["language"] == "fr"
    for table in ("entity_mentions", "quotes", "event_mentions"):
        rows = env["tables"][table].filter(pl.col("article_id") == article["article_id"])
        assert rows.is_empty(), table


def test_an_article_without_quotes_entities_or_date_is_published(env):
    article = _article(env, "plain.txt")
    assert article["published"] is None
    assert article["language"] == "en"
    for table in ("quotes", "entity_mentions"):
        rows = env["tables"][table].filter(pl.col("article_id") == article["article_id"])
        assert rows.is_empty(), table


def test_identical_text_under_two_names_is_one_article_with_both_sources(env):
    article = _article(env, "seed.txt")
    assert article["sources"] == ["seed.txt", "seed_copy.txt"]
    assert article["source"] == "seed.txt"


def test_wire_copies_with_small_edits_share_a_near_duplicate_group(env):
    a, b = _article(env, "wire_a.txt"), _article(env, "wire_b.txt")
    assert a["article_id"] != b["article_id"]
    assert a["near_duplicate_group"] == b["near_duplicate_group"] == group_id(
        [a["article_id"], b["article_id"]])
    assert _article(env, "seed.txt")["near_duplicate_group"] is None
    assert _article(env, "plain.txt")["near_duplicate_group"] is None


def test_a_rebuild_without_changes_does_nothing(env):
    """Rejected sources count as built: the oversized file is not re-read on every build."""
    again = build(env["instance"])
    assert not again.changes, again.changes.describe()
    assert again.result is None


def test_deleted_and_changed_sources_make_a_release_that_says_so(env):
    (env["sources"] / "report.txt").unlink()
    plain = env["sources"] / "plain.txt"
    plain.write_text(plain.read_text(encoding="utf-8").replace("quiet week", "busy week"),
                     encoding="utf-8")
    old_plain = _article(env, "plain.txt")["article_id"]
    outcome = build(env["instance"])
    assert outcome.success, outcome.errors()
    assert outcome.changes.deleted == ("report.txt",)
    assert outcome.changes.changed == ("plain.txt",)
    assert outcome.release["version"] == "1.1.0"
    changelog = (env["output"] / "news-events" / "1.1.0" / "CHANGELOG.md").read_text()
    assert "## Sources removed\n- report.txt" in changelog
    assert "## Sources changed\n- plain.txt" in changelog
    tables = read_release(str(env["output"]))
    assert "report.txt" not in tables["rejected"]["source"].to_list()
    (plain_row,) = tables["articles"].filter(pl.col("source") == "plain.txt").to_dicts()
    assert "busy week" in plain_row["text"]
    assert plain_row["article_id"] != old_plain
    assert old_plain not in tables["articles"]["article_id"].to_list()

    (env["sources"] / "blank.txt").unlink()
    deleted_only = build(env["instance"])  # only a deletion: the publish job alone
    assert deleted_only.success, deleted_only.errors()
    assert deleted_only.release["version"] == "1.2.0"
    changelog = (env["output"] / "news-events" / "1.2.0" / "CHANGELOG.md").read_text()
    assert "## Sources removed\n- blank.txt" in changelog
    assert "blank.txt" not in read_release(str(env["output"]))["rejected"]["source"].to_list()


def test_a_failing_check_blocks_the_release_and_names_table_column_and_rows(env):
    """A stale intermediate (an article's text changed under its stored NLP offsets) makes
    invalid quote rows; the blocking check fails and the release step never runs."""
    output = env["output"] / "news-events"
    versions = list_versions(str(env["output"]))
    latest_bytes = (output / "latest.json").read_bytes()
    work = env["output"] / ".work" / "cleaned_articles"
    (path,) = (work / urllib.parse.quote("harbour_bom.txt", safe="")).glob("*.pkl")
    row = pickle.loads(path.read_bytes())
    # every offset into the text is now 10 characters off
    row["article"] = dataclasses.replace(row["article"], text="Breaking: " + row["article"].text)
    path.write_bytes(pickle.dumps(row))

    outcome = build(env["instance"], republish=True)
    assert not outcome.success
    failed = [e for e in outcome.result.get_asset_check_evaluations() if not e.passed]
    assert failed, "no asset check failed"
    # entity_mentions is checked first; its failure blocks everything downstream of it
    (check,) = failed
    table = check.asset_key.path[-1]
    assert table in ("entity_mentions", "quotes")
    message = check.metadata["failing_rows"].value
    assert f"table {table!r}, column 'start/end'" in message
    assert "articles.text[start:end] == text failed" in message
    assert row["article_id"] in message
    release_steps = [e for e in outcome.result.all_events
                     if e.step_key == "release" and e.event_type_value == "STEP_START"]
    assert release_steps == []
    assert outcome.result.asset_materializations_for_node("release") == []
    assert list_versions(str(env["output"])) == versions
    assert (output / "latest.json").read_bytes() == latest_bytes
    assert json.loads(latest_bytes) == read_latest(str(env["output"]))


def test_reading_an_oversized_source_keeps_memory_bounded(tmp_path):
    """Scanning and reading a 20 MB file never holds it in memory (Python allocations peak
    well under the file's size), and the rejection names the limit."""
    _write_huge(tmp_path / "huge.txt")
    tracemalloc.start()
    try:
        found = scan_sources(str(tmp_path))
        source = read_source(str(tmp_path), "huge.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert source.rejected and LIMIT_TEXT in source.reason
    assert source.sha256 == found["huge.txt"]
    assert peak < 4 * 1024 * 1024, f"peak {peak:,} bytes while reading a 20 MB file"


def test_near_duplicate_groups_link_small_edits_and_nothing_else():
    a, b = _fixture("wire_a.txt"), _fixture("wire_b.txt")
    other = _fixture("harbour.txt")
    edited = b.replace("Monday", "Sunday").replace("three places", "four places")
    groups = near_duplicate_groups({"a": a, "b": b, "c": edited, "h": other, "p": ""})
    assert set(groups) == {"a", "b", "c"}
    assert len(set(groups.values())) == 1
    assert groups["a"] == group_id(["c", "a", "b"])
    # the same articles in another order get the same group id
    assert near_duplicate_groups({"c": edited, "b": b, "a": a}) == {k: groups[k] for k in "abc"}
    rewritten = " ".join(reversed(a.split()))  # same words, another text
    assert near_duplicate_groups({"a": a, "r": rewritten}) == {}


# --- crashes and concurrent publishers (real processes, real SIGKILL) -----------------------

PUBLISHER = FIXTURES / "publisher.py"


def _publisher(output: Path, mode: str, salt: int = 0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(PUBLISHER), str(output), mode, str(salt)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])


def _run_publisher(output: Path, mode: str, salt: int = 0) -> subprocess.CompletedProcess:
    process = _publisher(output, mode, salt)
    stdout, stderr = process.communicate(timeout=180)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def _assert_consistent(output: Path) -> str | None:
    """What readers may see is whole: latest.json parses and names a complete release, and
    every visible release folder holds every file its datapackage lists, byte for byte. No
    dataset folder at all (a publisher killed before it made one) is whole too: nothing is
    published, and readers say so."""
    root = output / "news-events"
    latest = read_latest(str(output))
    visible = list_versions(str(output))
    found = latest_release(str(output))
    if not root.exists():
        assert latest is None and visible == [] and found is None
        with pytest.raises(FileNotFoundError, match="no release published"):
            read_release(str(output))
        return None
    if latest is None:  # at most the folder of a first publisher killed before latest.json
        assert visible in ([], ["1.0.0"]), visible
        assert found is None, "a release without latest.json was never published"
    else:
        assert set(latest) == {"version", "path"}
        assert latest["path"] in visible
        assert found is not None and found["version"] == latest["version"]
        assert found["found"]["note"] is None, found["found"]["note"]
    names = [p.name for p in root.iterdir() if not p.name.startswith(".")]
    assert set(names) <= {*visible, "latest.json"}, names
    for version in visible:
        package = json.loads((root / version / "datapackage.json").read_text())
        assert package["version"] == version
        for resource in package["resources"]:
            files = resource.get("parts", [resource])  # a folder of part files, or one file
            for file in files:
                data = (root / version / file["path"]).read_bytes()
                assert "sha256:" + hashlib.sha256(data).hexdigest() == file["hash"], version
            if "parts" in resource:  # a reader of the folder reads exactly the listed parts
                folder = root / version / resource["path"]
                assert sorted(f"{resource['path']}/{p.name}" for p in folder.iterdir()) == \
                    sorted(file["path"] for file in files), version
        assert (root / version / "CHANGELOG.md").exists()
    if latest:
        assert read_release(str(output))["articles"].height > 0
    return latest["version"] if latest else None


@pytest.mark.parametrize("mode", ["kill-staged", "kill-moved", "kill-pointer"])
def test_a_publisher_killed_at_each_step_leaves_the_dataset_whole(tmp_path, mode):
    assert _run_publisher(tmp_path, "once", 0).returncode == 0
    before = (tmp_path / "news-events" / "latest.json").read_bytes()
    killed = _run_publisher(tmp_path, mode, 1)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    _assert_consistent(tmp_path)
    if mode != "kill-pointer":
        assert (tmp_path / "news-events" / "latest.json").read_bytes() == before

    after = _run_publisher(tmp_path, "once", 1)  # the next build completes
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout)["version"] == "1.1.0"
    assert _assert_consistent(tmp_path) == "1.1.0"
    assert not [p for p in (tmp_path / "news-events").iterdir()
                if p.name.startswith((".staging-", ".latest.json."))]


def test_publishers_killed_at_random_times_never_leave_a_partial_release(tmp_path):
    """Each publisher is killed a random time after it says it started (so not while Python is
    still importing): anywhere from before the dataset folder exists to the middle of a later
    publish. Whatever the moment, readers see a whole dataset and the next publisher works."""
    assert _assert_consistent(tmp_path) is None  # before any publisher: no dataset folder
    chance = random.Random(8)
    salt = 0
    for _ in range(4):
        process = _publisher(tmp_path, "loop", salt)
        assert process.stdout.readline() == "started\n", process.communicate(timeout=30)[1]
        time.sleep(chance.uniform(0.0, 4.0))
        process.send_signal(signal.SIGKILL)
        stdout, stderr = process.communicate(timeout=30)
        assert process.returncode == -signal.SIGKILL, stderr  # killed, not failed on its own
        salt += sum(line.startswith("{") for line in stdout.splitlines()) + 1
        _assert_consistent(tmp_path)
    latest = _assert_consistent(tmp_path)
    after = _run_publisher(tmp_path, "once", salt)
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout)["published"]
    assert _assert_consistent(tmp_path) != latest


def test_two_publishers_started_together_never_interleave(tmp_path):
    (tmp_path / "news-events").mkdir()
    first, second = _publisher(tmp_path, "logged", 1), _publisher(tmp_path, "logged", 2)
    (tmp_path / "go").touch()
    results = [json.loads(p.communicate(timeout=180)[0]) for p in (first, second)]
    assert first.returncode == second.returncode == 0
    order = (tmp_path / "order.log").read_text().split()
    entries = list(zip(order[::2], order[1::2], strict=True))
    assert [action for action, _ in entries] == ["enter", "exit", "enter", "exit"], order
    assert entries[0][1] == entries[1][1] and entries[2][1] == entries[3][1], order
    assert sorted(r["version"] for r in results) == ["1.0.0", "1.1.0"]
    _assert_consistent(tmp_path)
    changelog = (tmp_path / "news-events" / "1.1.0" / "CHANGELOG.md").read_text()
    assert "Compared with 1.0.0." in changelog


def test_a_dead_lock_holder_never_blocks_the_next_publisher(tmp_path):
    holder = _publisher(tmp_path, "hold")
    assert holder.stdout.readline().strip() == "locked"
    with pytest.raises(TimeoutError, match=r"another build publishing to .* is running"), \
            publish_lock(str(tmp_path), timeout=0.5):
        pass
    waiting = _publisher(tmp_path, "once", 0)
    holder.send_signal(signal.SIGKILL)
    holder.communicate(timeout=30)
    stdout, stderr = waiting.communicate(timeout=180)
    assert waiting.returncode == 0, stderr
    assert json.loads(stdout)["version"] == "1.0.0"
    _assert_consistent(tmp_path)
