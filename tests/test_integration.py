"""The whole graph on the seeds, through Dagster with a temporary instance and output folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq
import pytest

from pipeline.defs import defs
from pipeline.defs.build import build, resource_config
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.release import list_versions, read_release
from pipeline.validation import validate_relations
from schemas import TABLES

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def env(tmp_path_factory, pipeline_instance):
    """Sources, output and Dagster instance in temporary folders; one first build."""
    root = tmp_path_factory.mktemp("integration")
    sources, output = root / "sources", root / "output"
    shutil.copytree(SEEDS, sources)
    with pipeline_instance(root, str(sources), str(output)) as instance:
        first = build(instance)
        yield {"instance": instance, "sources": sources, "output": output, "first": first}


def test_first_build_publishes_a_valid_release_of_five_articles(env):
    first = env["first"]
    assert first.success, first.errors()
    assert first.release["version"] == "1.0.0"
    latest = json.loads((env["output"] / "news-events" / "latest.json").read_text())
    assert latest == {"version": "1.0.0", "path": "1.0.0"}
    release = env["output"] / "news-events" / "1.0.0"
    assert pq.read_table(release / "articles.parquet").num_rows == 5
    for table in TABLES:
        rows = pq.read_table(release / f"{table}.parquet").num_rows
        assert rows > 0 or table == "rejected", table
    assert validate_relations(read_release(str(env["output"]))) == []


def test_full_build_is_one_dagster_run(env):
    runs = env["instance"].get_runs()
    assert len([r for r in runs if r.job_name == "build_dataset"]) == 1


def test_every_table_check_passed(env):
    evaluations = env["first"].result.get_asset_check_evaluations()
    assert len(evaluations) == len(TABLES)
    assert all(evaluation.passed for evaluation in evaluations)


def test_rebuild_without_changes_publishes_nothing(env):
    again = build(env["instance"])
    assert again.result is None
    assert list_versions(str(env["output"])) == ["1.0.0"]


def test_a_new_source_publishes_a_minor_version_naming_it(env):
    seed = sorted(env["sources"].glob("*.txt"))[2]
    text = seed.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    paragraphs[-1] = "An editor added this closing paragraph, said Jane Doe, a reader."
    (env["sources"] / "sixth.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    outcome = build(env["instance"])
    assert outcome.success, outcome.errors()
    assert outcome.changes.added == ("sixth.txt",)
    assert outcome.release["version"] == "1.1.0"
    changelog = (env["output"] / "news-events" / "1.1.0" / "CHANGELOG.md").read_text()
    assert "## Sources added\n- sixth.txt" in changelog
    assert read_release(str(env["output"]))["articles"].height == 6


def test_sensor_tick_registers_a_new_file_and_requests_one_run(env):
    (env["sources"] / "seventh.txt").write_text("Title\n\nA short new article body here.")
    settings = resource_config()
    store = WorkStore(**settings["work_store"])
    context = dg.build_sensor_context(
        instance=env["instance"],
        resources={"news": NewsConfig(**settings["news"]), "work_store": store},
        definitions=defs,
    )
    result = defs.resolve_sensor_def("source_files_sensor")(context)
    assert isinstance(result, dg.SensorResult)
    (added,) = result.dynamic_partitions_requests
    (batch,) = added.partition_keys
    assert store.load_manifest(batch)["sources"].keys() == {"seventh.txt"}
    (request,) = result.run_requests
    assert (request.job_name, request.partition_key) == ("build_dataset", batch)


def test_the_seeds_release_scores_one_on_every_figure_of_their_gold(env):
    """The seeds' gold (titles, dates, quotes and speakers, clusters, entities, key events)
    against the first build's release: a rule change that loses a key event fails here, not
    only in `make eval`."""
    from pipeline.evaluation import evaluate, load_gold
    from pipeline.quality import seeds_figures

    # the first release: later tests of this module add sources and publish again
    first = read_release(str(env["output"]), env["first"].release["version"])
    figures = seeds_figures(evaluate(first, load_gold()))
    assert figures == dict.fromkeys(figures, 1.0), figures
