"""Jobs, the source-watching sensor and the daily publishing schedule."""

import datetime as dt
import hashlib
import json

import dagster as dg

from pipeline.defs.constants import (
    BUILD_JOB,
    GROUP_CORPUS,
    GROUP_RELEASE,
    PUBLISH_JOB,
    SOURCE_BATCHES,
)
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.sources import SourceChanges, plan_changes, scan_sources

build_job = dg.define_asset_job(
    BUILD_JOB, selection=dg.AssetSelection.all(),
    description="A batch of sources through NLP, then the corpus tables and a release.",
)
publish_job = dg.define_asset_job(
    PUBLISH_JOB, selection=dg.AssetSelection.groups(GROUP_CORPUS, GROUP_RELEASE),
    description="Rebuild the corpus tables from stored per-article results and publish.",
)
_ACTIVE = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED,
           dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]


def find_changes(news: NewsConfig, store: WorkStore) -> tuple[SourceChanges, dict[str, str]]:
    """Sources that are new, changed or deleted since they were last built, and the scan."""
    current = scan_sources(news.sources_dir)
    registered = store.current_sources()
    return plan_changes(current, store.built_sources(), set(registered)), current


def new_batch(store: WorkStore, changes: SourceChanges, current: dict[str, str]) -> str:
    """Write the manifest of a batch building ``changes`` and return its partition key.

    Keys sort by creation time, so folding the manifests in key order gives the corpus.
    """
    manifest = {
        "sources": {source: current[source] for source in changes.to_build},
        "deleted": list(changes.deleted),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
    }
    digest = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()[:8]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    batch = f"{stamp}-{digest}"
    store.save_manifest(batch, {"batch": batch, **manifest})
    return batch


@dg.sensor(
    jobs=[build_job],
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Watches the sources directory; puts new, changed and deleted files in one "
                "batch partition and requests one run that builds it and publishes a release.",
)
def source_files_sensor(context: dg.SensorEvaluationContext, news: NewsConfig,
                        work_store: WorkStore) -> dg.SensorResult | dg.SkipReason:
    active = context.instance.get_run_records(
        dg.RunsFilter(job_name=BUILD_JOB, statuses=_ACTIVE), limit=1)
    if active:
        return dg.SkipReason("a build is queued or running; its sources are not rescanned yet")
    changes, current = find_changes(news, work_store)
    if not changes:
        return dg.SkipReason("no new, changed or deleted sources")
    batch = new_batch(work_store, changes, current)
    context.log.info(f"batch {batch}: {changes.describe()}")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=batch, partition_key=batch, job_name=BUILD_JOB)],
        dynamic_partitions_requests=[SOURCE_BATCHES.build_add_request([batch])],
    )


daily_publish = dg.ScheduleDefinition(
    name="daily_publish",
    job=publish_job,
    cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuilds the corpus tables and publishes a release if anything changed.",
)
