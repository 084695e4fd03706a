"""The whole Definitions object loads, with the graph, checks, sensor and schedule users see."""

from __future__ import annotations

import dagster as dg

from pipeline.defs import defs
from pipeline.defs.constants import BUILD_JOB, PUBLISH_JOB, TABLE_KEYS


def test_definitions_load_with_every_asset_and_job():
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"raw_articles", "cleaned_articles", "article_nlp", "release"} <= keys
    assert {key.to_user_string() for key in TABLE_KEYS.values()} <= keys
    assert defs.resolve_job_def(BUILD_JOB) and defs.resolve_job_def(PUBLISH_JOB)


def test_every_table_has_a_blocking_check_and_column_schema():
    graph = defs.resolve_asset_graph()
    check_keys = graph.asset_check_keys
    for table, key in TABLE_KEYS.items():
        check = dg.AssetCheckKey(key, f"{table}_valid")
        assert check in check_keys
        assert graph.get_check_spec(check).blocking
        node = graph.get(key)
        assert node.metadata["dagster/column_schema"].columns


def test_sensor_and_schedule_run_by_default():
    sensor = defs.resolve_sensor_def("source_files_sensor")
    schedule = defs.resolve_schedule_def("daily_publish")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING


def test_assets_are_grouped_for_the_ui():
    graph = defs.resolve_asset_graph()
    groups = {graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert groups == {"ingest", "nlp", "corpus", "release"}
