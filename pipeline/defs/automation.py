"""Jobs, the source-watching sensor and the daily publishing schedule."""

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import dagster as dg

from pipeline.defs.constants import (
    BUILD_JOB,
    GROUP_CORPUS,
    GROUP_RELEASE,
    PUBLISH_JOB,
    SOURCE_BATCHES,
    WORKER_PID_TAG,
)
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.locks import LockBusy
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


def _started_at(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), or None when it is gone or a
    zombie. Read from /proc, so a pid reused by a later process is told apart."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(float(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, StopIteration):
        return None
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] in {"Z", "X"}:
        return None
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def _worker_pid(instance: dg.DagsterInstance, record: dg.RunRecord) -> tuple[int, float] | None:
    """The run worker's pid, and when it was known: the pid `news-events build` tagged the run
    with when it created it (:data:`WORKER_PID_TAG`), else the first engine event of the run
    that names one (the launcher's "Started process for run", or the executor's "Executing
    steps in process")."""
    tagged = record.dagster_run.tags.get(WORKER_PID_TAG)
    if tagged is not None:
        return int(tagged), record.create_timestamp.timestamp()
    run_id = record.dagster_run.run_id
    for entry in instance.all_logs(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT):
        data = entry.dagster_event.event_specific_data if entry.dagster_event else None
        pid = (getattr(data, "metadata", None) or {}).get("pid")
        if pid is not None:
            return int(pid.value), entry.timestamp
    return None


def fail_runs_without_worker(instance: dg.DagsterInstance) -> list[str]:
    """Mark as failed every started build or publish run whose worker process has died (a
    killed ``make run`` leaves its run STARTED for ever, and the sensor would wait for it).

    The worker is alive when a process with its pid exists and started before the pid was
    logged (a later process that reuses the pid is not the worker).
    """
    failed = []
    records = [record for job in (BUILD_JOB, PUBLISH_JOB) for record in instance.get_run_records(
        dg.RunsFilter(job_name=job, statuses=[dg.DagsterRunStatus.STARTED]))]
    for record in records:
        worker = _worker_pid(instance, record)
        if worker is None:
            continue  # not started far enough to say; run monitoring's start timeout covers it
        pid, logged = worker
        started = _started_at(pid)
        if started is None or started > logged + 2.0:
            instance.report_run_failed(
                record.dagster_run, f"its run worker (pid {pid}) is gone: the run was killed")
            failed.append(record.dagster_run.run_id)
    return failed


def find_changes(news: NewsConfig, store: WorkStore) -> tuple[SourceChanges, dict[str, str]]:
    """Sources that are new, changed or deleted since they were last built, and the scan."""
    current = scan_sources(news.sources_dir)
    registered = store.current_sources()
    built = store.built_sources()
    unbuilt = {source: sha for source, sha in current.items()
               if registered.get(source) == sha and source not in built}
    outdated = set(store.outdated_sources(unbuilt))
    return plan_changes(current, built, set(registered), outdated), current


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
    for run_id in fail_runs_without_worker(context.instance):
        context.log.warning(f"run {run_id} was started but its worker is gone: marked failed")
    active = context.instance.get_run_records(
        dg.RunsFilter(job_name=BUILD_JOB, statuses=_ACTIVE), limit=1)
    if active:
        return dg.SkipReason(f"build run {active[0].dagster_run.run_id} is "
                             f"{active[0].dagster_run.status.value.lower()}; its sources are "
                             "not rescanned until it ends")
    try:
        with work_store.build_lock(timeout=0):
            changes, current = find_changes(news, work_store)
            if not changes:
                return dg.SkipReason("no new, changed or deleted sources")
            batch = new_batch(work_store, changes, current)
    except LockBusy as busy:
        return dg.SkipReason(str(busy))
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
