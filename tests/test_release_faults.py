"""Damaged releases, from the red-team pass of issue 13: readers and publishers never crash.

Real publishes of small valid tables into a temporary folder, then real damage: latest.json
emptied, cut short, or pointing at a folder that is missing or holds a truncated Parquet file,
a quotes table cut to fewer rows. The library finds the latest *complete* release and says what
it skipped; ``publish`` repairs latest.json before numbering the next release; the command line
names the file and the fault (``python -m pipeline`` in a subprocess, exit codes 0 / 1 / 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fsspec.implementations.local import LocalFileSystem
from fsspec.implementations.memory import MemoryFileSystem
from test_release import PROVENANCE, SOURCES, _rows, _tables

from pipeline import config
from pipeline.release import (
    DamagedRelease,
    _remove_stale_staging,
    check_release,
    latest_release,
    list_versions,
    publish,
    read_latest,
    read_release,
)

NEW_SOURCES = {**SOURCES, "b.txt": "2" * 64}
MORE_SOURCES = {**NEW_SOURCES, "c.txt": "3" * 64}


def _second_rows() -> dict[str, list[dict]]:
    rows = _rows()
    rows["articles"].append(dict(rows["articles"][0], article_id="art_2", source="b.txt",
                                 sources=["b.txt"]))
    return rows


def _third_rows() -> dict[str, list[dict]]:
    rows = _second_rows()
    rows["articles"].append(dict(rows["articles"][0], article_id="art_3", source="c.txt",
                                 sources=["c.txt"]))
    return rows


@pytest.fixture()
def output(tmp_path) -> Path:
    """Two releases: 1.0.0 (one article) and 1.1.0 (two articles), latest.json at 1.1.0."""
    assert publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE).version == "1.0.0"
    assert publish(_tables(_second_rows()), str(tmp_path), NEW_SOURCES,
                   PROVENANCE).version == "1.1.0"
    return tmp_path


def _root(output: Path) -> Path:
    return output / "news-events"


def _truncate(path: Path, keep: int = 100) -> None:
    path.write_bytes(path.read_bytes()[:keep])


def _cut_to_rows(path: Path, rows: int) -> None:
    """Rewrite a Parquet file with only its first rows: still a valid file, another content."""
    pq.write_table(pq.read_table(path).slice(0, rows), path)


# --- the library: latest_release, read_release, check_release --------------------------------

def test_latest_release_is_the_datapackage_latest_json_names(output):
    found = latest_release(str(output))
    package = json.loads((_root(output) / "1.1.0" / "datapackage.json").read_text())
    assert found == {**package, "found": {"path": str(_root(output) / "1.1.0"), "note": None}}
    assert check_release(str(_root(output) / "1.1.0"), rows=True) == []


def test_latest_release_before_any_publish_is_none(tmp_path):
    assert latest_release(str(tmp_path)) is None
    (tmp_path / "news-events").mkdir()
    assert latest_release(str(tmp_path)) is None
    with pytest.raises(FileNotFoundError, match="no release published"):
        read_release(str(tmp_path))


@pytest.mark.parametrize(("content", "fault"), [
    (b"", "is empty"),
    (b"  \n", "is empty"),
    (b'{"version": "1.1', "is not valid JSON"),
    (b"\xff\xfe garbage", "is not valid JSON"),
    (b'["1.1.0"]', "is not a pointer"),
    (b'{"version": "1.1.0", "path": "../../etc"}', "is not a pointer"),
])
def test_a_damaged_latest_json_falls_back_to_the_newest_complete_release(output, content, fault):
    pointer = _root(output) / "latest.json"
    pointer.write_bytes(content)
    with pytest.raises(DamagedRelease, match=fault):
        read_latest(str(output))
    found = latest_release(str(output))
    assert found["version"] == "1.1.0"
    note = found["found"]["note"]
    assert str(pointer) in note and fault in note and "using 1.1.0" in note
    assert read_release(str(output))["articles"].height == 2


def test_latest_json_naming_a_missing_folder_falls_back(output):
    (_root(output) / "latest.json").write_text('{"version": "1.4.0", "path": "1.4.0"}')
    found = latest_release(str(output))
    assert found["version"] == "1.1.0"
    assert "names 1.4.0, which is not there; using 1.1.0" in found["found"]["note"]


def test_a_lost_latest_json_with_releases_on_disk_falls_back_and_is_repaired(output):
    (_root(output) / "latest.json").unlink()
    found = latest_release(str(output))
    assert found["version"] == "1.1.0"
    assert "latest.json is missing, but releases 1.0.0, 1.1.0 are on disk" in found[
        "found"]["note"]
    result = publish(_tables(_third_rows()), str(output), MORE_SOURCES, PROVENANCE)
    assert result.version == "1.2.0" and "latest.json now names 1.1.0" in result.repaired
    assert read_latest(str(output))["version"] == "1.2.0"


def test_a_lone_1_0_0_without_latest_json_was_never_published(tmp_path):
    """What a first publisher killed between moving its folder and writing latest.json leaves:
    nothing is published, and the next publish replaces the folder."""
    publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE)
    (_root(tmp_path) / "latest.json").unlink()
    assert latest_release(str(tmp_path)) is None
    result = publish(_tables(_second_rows()), str(tmp_path), NEW_SOURCES, PROVENANCE)
    assert (result.version, result.reason, result.repaired) == ("1.0.0", "first release", None)
    assert read_release(str(tmp_path))["articles"].height == 2


def test_latest_json_naming_a_truncated_release_falls_back_to_the_one_before(output):
    _truncate(_root(output) / "1.1.0" / "quotes.parquet")
    found = latest_release(str(output))
    assert found["version"] == "1.0.0"
    note = found["found"]["note"]
    assert "names 1.1.0, which is incomplete: quotes.parquet: 100 bytes" in note
    assert note.endswith("using 1.0.0, the newest complete release")
    assert read_release(str(output))["articles"].height == 1  # 1.0.0's tables
    with pytest.raises(DamagedRelease, match=r"1\.1\.0 is incomplete: quotes\.parquet: 100 "):
        read_release(str(output), "1.1.0")


def test_no_complete_release_at_all_is_none_with_the_reason(output):
    _truncate(_root(output) / "1.1.0" / "quotes.parquet")
    (_root(output) / "1.0.0" / "datapackage.json").write_text("{")
    assert latest_release(str(output)) is None
    with pytest.raises(DamagedRelease, match="no complete release on disk"):
        read_release(str(output))


def test_check_release_names_each_file_and_what_differs(output):
    release = _root(output) / "1.1.0"
    _cut_to_rows(release / "articles.parquet", 1)
    (release / "events.parquet").unlink()
    problems = check_release(str(release), rows=True)
    assert len(problems) == 2
    articles, events = sorted(problems)
    assert articles.startswith("articles.parquet: ")
    assert "1 rows, datapackage.json says 2" in articles
    assert "where datapackage.json says sha256:" in articles
    assert events == "events.parquet: missing"
    assert [p for p in check_release(str(release)) if "rows" in p] == []  # rows only if asked
    (release / "datapackage.json").unlink()
    assert check_release(str(release)) == ["datapackage.json: missing"]


# --- publish repairs latest.json first ---------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b'{"version": "1.1', b'{"version": "1.4.0", '
                                                               b'"path": "1.4.0"}'])
def test_publish_repairs_a_damaged_latest_json_then_numbers_from_the_latest_complete(
        output, content):
    (_root(output) / "latest.json").write_bytes(content)
    result = publish(_tables(_third_rows()), str(output), MORE_SOURCES, PROVENANCE)
    assert result.published and result.version == "1.2.0"
    assert "latest.json" in result.repaired and "names 1.1.0" in result.repaired
    assert result.reason.startswith("sources were added, removed or changed (repaired first: ")
    assert read_latest(str(output)) == {"version": "1.2.0", "path": "1.2.0"}
    assert latest_release(str(output))["found"]["note"] is None
    changelog = (_root(output) / "1.2.0" / "CHANGELOG.md").read_text()
    assert "Compared with 1.1.0." in changelog and "## Sources added\n- c.txt" in changelog


def test_publish_of_unchanged_content_still_repairs_latest_json(output):
    (_root(output) / "latest.json").write_text("not json")
    result = publish(_tables(_second_rows()), str(output), NEW_SOURCES, PROVENANCE)
    assert not result.published and result.version == "1.1.0"
    assert "not valid JSON" in result.repaired and "names 1.1.0" in result.repaired
    assert read_latest(str(output)) == {"version": "1.1.0", "path": "1.1.0"}
    assert list_versions(str(output)) == ["1.0.0", "1.1.0"]


def test_publish_after_a_truncated_latest_release_never_reuses_its_number(output):
    """latest.json named 1.1.0, so someone may have read 1.1.0: the next release compares with
    1.0.0 (the newest complete one) but is numbered above 1.1.0, which is left as it was."""
    damaged = _root(output) / "1.1.0" / "quotes.parquet"
    _truncate(damaged)
    damaged_bytes = damaged.read_bytes()
    result = publish(_tables(_second_rows()), str(output), NEW_SOURCES, PROVENANCE)
    assert result.published and result.version == "1.2.0"
    assert "names 1.1.0, which is incomplete: quotes.parquet" in result.repaired
    assert "latest.json now names 1.0.0" in result.repaired
    assert result.changes["articles"] == {"added": 1, "removed": 0, "changed": 0}
    assert "Compared with 1.0.0." in (_root(output) / "1.2.0" / "CHANGELOG.md").read_text()
    assert damaged.read_bytes() == damaged_bytes
    assert latest_release(str(output))["version"] == "1.2.0"


def test_publish_with_no_complete_release_removes_latest_json_then_publishes(output):
    _truncate(_root(output) / "1.1.0" / "quotes.parquet")
    _truncate(_root(output) / "1.0.0" / "articles.parquet")
    result = publish(_tables(_second_rows()), str(output), NEW_SOURCES, PROVENANCE)
    assert "no complete release on disk; removed latest.json" in result.repaired
    assert result.published and result.version == "2.0.0"
    assert result.reason.startswith("no complete release on disk to compare with")
    assert latest_release(str(output))["version"] == "2.0.0"


def test_a_publish_into_an_empty_or_absent_dataset_root_works(tmp_path):
    """Clearing stale staging folders must not need the dataset root to hold anything (an
    object store has no empty folders, so the root may not exist at all)."""
    _remove_stale_staging(LocalFileSystem(), str(tmp_path / "absent" / "news-events"))
    _remove_stale_staging(MemoryFileSystem(), "/release-faults-absent/news-events")
    (tmp_path / "news-events").mkdir()
    assert publish(_tables(_rows()), str(tmp_path), SOURCES, PROVENANCE).version == "1.0.0"


# --- the command line ---------------------------------------------------------------------------

def _cli(output: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWS_")}
    env["NEWS_OUTPUT_DIR"] = str(output)
    return subprocess.run([sys.executable, "-m", "pipeline", *args], env=env,
                          cwd=config.PROJECT_ROOT, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


def test_cli_validate_by_version_and_latest(output):
    for target in ("1.0.0", "latest"):
        ok = _cli(output, "validate", target)
        assert ok.returncode == 0, ok.stdout + ok.stderr
        assert ok.stdout.splitlines()[0] == "valid: " + str(
            _root(output) / ("1.0.0" if target == "1.0.0" else "1.1.0"))
    unknown = _cli(output, "validate", "7.7.7")
    assert unknown.returncode == 2
    assert "no version 7.7.7" in unknown.stderr and "1.0.0, 1.1.0" in unknown.stderr


def test_cli_validate_names_a_quotes_table_cut_to_fewer_rows(output):
    _cut_to_rows(_root(output) / "1.1.0" / "quotes.parquet", 0)
    bad = _cli(output, "validate", "1.1.0")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    (line,) = [line for line in bad.stdout.splitlines() if line.startswith("file ")]
    assert line.startswith("file quotes.parquet: ")
    assert "0 rows, datapackage.json says 1" in line and "bytes" in line and "sha256" in line
    assert "problem(s) in" in bad.stdout and "valid: " not in bad.stdout


def test_cli_validate_reports_a_missing_or_unparsable_datapackage(output):
    folder = _root(output) / "1.0.0"
    (folder / "datapackage.json").write_text('{"resources": [')
    bad = _cli(output, "validate", str(folder))
    assert bad.returncode == 1
    assert "file datapackage.json: not valid JSON" in bad.stdout
    (folder / "datapackage.json").unlink()
    (folder / "events.parquet").unlink()
    bad = _cli(output, "validate", str(folder))
    assert bad.returncode == 1
    assert "file datapackage.json: missing" in bad.stdout
    assert "file events.parquet: missing" in bad.stdout


def test_cli_with_a_damaged_latest_json_says_so_and_uses_the_newest_complete(output):
    pointer = _root(output) / "latest.json"
    pointer.write_text('{"version": "1.1')
    versions = _cli(output, "versions")
    assert versions.returncode == 1
    assert versions.stdout.splitlines() == ["1.0.0", "1.1.0  (latest)"]
    assert f"error: {pointer} is not valid JSON" in versions.stderr
    diff = _cli(output, "diff", "1.0.0", "latest")
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.splitlines()[0] == "1.0.0 -> 1.1.0"
    assert f"warning: {pointer} is not valid JSON" in diff.stderr
    validate = _cli(output, "validate", "latest")
    assert validate.returncode == 1
    assert f"error: {pointer} is not valid JSON" in validate.stderr
    assert "Traceback" not in versions.stderr + diff.stderr + validate.stderr


def test_cli_with_latest_json_naming_a_missing_folder(output):
    (_root(output) / "1.1.0").rename(_root(output) / ".gone")
    versions = _cli(output, "versions")
    assert versions.returncode == 1
    assert versions.stdout.splitlines() == ["1.0.0  (latest)"]
    assert "latest.json names 1.1.0, which is not there; using 1.0.0" in versions.stderr
    evaluated = _cli(output, "eval")
    assert evaluated.returncode == 0, evaluated.stderr
    assert "| quote recall (tier A) |" in evaluated.stdout
    assert "warning: " in evaluated.stderr and "using 1.0.0" in evaluated.stderr


def test_cli_with_a_truncated_release_names_the_file(output):
    quotes = _root(output) / "1.1.0" / "quotes.parquet"
    _truncate(quotes)
    versions = _cli(output, "versions")
    assert versions.returncode == 1
    assert versions.stdout.splitlines() == ["1.0.0  (latest)", "1.1.0  (incomplete)"]
    assert f"error: {quotes}: 100 bytes, datapackage.json says " in versions.stderr
    for args in (("diff", "1.0.0", "1.1.0"), ("eval", "--version", "1.1.0")):
        failed = _cli(output, *args)
        assert failed.returncode == 1, args
        assert f"error: {quotes}: 100 bytes" in failed.stderr, args
        assert "release 1.1.0 is incomplete" in failed.stderr, args
        assert "Traceback" not in failed.stderr
    diff = _cli(output, "diff", "1.0.0", "latest")  # latest: the newest complete, 1.0.0
    assert diff.returncode == 0 and diff.stdout.startswith("1.0.0 -> 1.0.0")
