"""Jobs, the source-watching sensor and the daily publishing schedule."""


import hashlib
import json

import dagster as dg

from pipeline.defs.constants import (
    BUILD_JOB,
    GROUP_CORPUS,
    GROUP_RELEASE,
    PARTITION_RANGE_END,
    PARTITION_RANGE_START,
    PUBLISH_JOB,
    SOURCES_PARTITIONS,
)
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.sources import SourceChanges, plan_changes, scan_sources

build_job = dg.define_asset_job(
    BUILD_JOB, selection=dg.AssetSelection.all(),
    description="Sources of the run through NLP, then the corpus tables and a release.",
)
publish_job = dg.define_asset_job(
    PUBLISH_JOB, selection=dg.AssetSelection.groups(GROUP_CORPUS, GROUP_RELEASE),
    description="Rebuild the corpus tables from stored per-article results and publish.",
)


def find_changes(instance: dg.DagsterInstance, news: NewsConfig,
                 work_store: WorkStore) -> SourceChanges:
    """Sources that are new, changed or deleted since they were last built."""
    current = scan_sources(news.sources_dir)
    registered = set(instance.get_dynamic_partitions(SOURCES_PARTITIONS.name))
    built = {}
    for key in registered & set(current):
        raw = work_store.load_partition("raw_articles", key)
        built[key] = raw["sha256"] if raw else None
    return plan_changes(current, built, registered)


def partition_requests(changes: SourceChanges) -> list:
    """Partition updates putting every key to build at the end, in one contiguous range.

    A changed or failed source is deleted and added again, so that one run over the range
    from the first to the last key to build covers exactly them.
    """
    requests: list = []
    stale = [*changes.deleted, *changes.to_build]
    if stale:
        requests.append(SOURCES_PARTITIONS.build_delete_request(stale))
    if changes.to_build:
        requests.append(SOURCES_PARTITIONS.build_add_request(list(changes.to_build)))
    return requests


def run_request(changes: SourceChanges, current_digest: str) -> dg.RunRequest:
    """One run for all the changes: the build job over the range, or just a republish."""
    if changes.to_build:
        return dg.RunRequest(
            run_key=f"sources-{current_digest}",
            job_name=BUILD_JOB,
            tags={PARTITION_RANGE_START: changes.to_build[0],
                  PARTITION_RANGE_END: changes.to_build[-1]},
        )
    return dg.RunRequest(run_key=f"sources-{current_digest}", job_name=PUBLISH_JOB)


@dg.sensor(
    jobs=[build_job, publish_job],
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Watches the sources directory; registers new or changed files as partitions "
                "and requests one run that builds them and publishes a release.",
)
def source_files_sensor(context: dg.SensorEvaluationContext, news: NewsConfig,
                        work_store: WorkStore) -> dg.SensorResult | dg.SkipReason:
    changes = find_changes(context.instance, news, work_store)
    if not changes:
        return dg.SkipReason("no new, changed or deleted sources")
    digest = hashlib.sha256(json.dumps(
        [changes.added, changes.changed, changes.deleted]).encode()).hexdigest()[:16]
    context.log.info(f"sources: {changes.describe()}")
    return dg.SensorResult(
        run_requests=[run_request(changes, digest)],
        dynamic_partitions_requests=partition_requests(changes),
    )


daily_publish = dg.ScheduleDefinition(
    name="daily_publish",
    job=publish_job,
    cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuilds the corpus tables and publishes a release if anything changed.",
)
