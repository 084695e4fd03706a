"""A whole build with fsspec URLs: sources in fsspec's memory filesystem, output as file://."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import dagster as dg
import fsspec
import pyarrow.parquet as pq
import pytest

from pipeline.defs.build import build
from pipeline.release import read_release
from pipeline.validation import validate_relations
from schemas import TABLES

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def url_build(tmp_path_factory):
    memory = fsspec.filesystem("memory")
    sources_root = f"/news-events-test-{uuid.uuid4().hex}/sources"
    seeds = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".html"))
    for seed in seeds:
        memory.pipe(f"{sources_root}/{seed.name}", seed.read_bytes())
    root = tmp_path_factory.mktemp("fsspec")
    output = root / "output"
    home = root / "dagster_home"
    home.mkdir()
    patch = pytest.MonkeyPatch()
    patch.setenv("NEWS_SOURCES_DIR", f"memory://{sources_root}")
    patch.setenv("NEWS_OUTPUT_DIR", output.as_uri())  # file:///...
    patch.delenv("NEWS_WORK_DIR", raising=False)
    patch.setenv("NEWS_N_PROCESS", "1")
    try:
        with dg.instance_for_test(temp_dir=str(home)) as instance:
            outcome = build(instance)
            yield {"outcome": outcome, "output": output, "seeds": seeds, "instance": instance}
    finally:
        patch.undo()
        memory.rm(sources_root.rsplit("/", 1)[0], recursive=True)


def test_build_from_memory_to_file_url_publishes_a_valid_release(url_build):
    outcome = url_build["outcome"]
    assert outcome.success, outcome.errors()
    assert outcome.release["version"] == "1.0.0"
    news = url_build["output"] / "news-events"
    assert json.loads((news / "latest.json").read_text())["version"] == "1.0.0"
    assert pq.read_table(news / "1.0.0" / "articles.parquet").num_rows == len(url_build["seeds"])
    for table in TABLES:
        assert (news / "1.0.0" / f"{table}.parquet").exists(), table


def test_release_read_back_through_the_url_is_consistent(url_build):
    tables = read_release(url_build["output"].as_uri())
    assert tables["articles"].height == len(url_build["seeds"])
    assert validate_relations(tables) == []


def test_work_store_lives_under_the_output_url(url_build):
    assert (url_build["output"] / ".work").is_dir()


def test_rebuild_from_urls_without_changes_does_nothing(url_build):
    again = build(url_build["instance"])
    assert again.result is None
