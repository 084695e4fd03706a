"""One build: what the sensor does on a tick, run in this process (the CLI and tests use it).

Puts new, changed and deleted sources in a new batch partition and executes one run of the
build job over it (so a full build of any number of sources is one run). The run's steps run
in this process unless the settings choose another executor (``NEWS_EXECUTOR``): then this
process coordinates the run and the steps run in child processes or on celery workers.
"""

import multiprocessing
import os
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import dagster as dg

from pipeline.config import Settings
from pipeline.defs import defs
from pipeline.defs.automation import fail_runs_without_worker, find_changes, new_batch
from pipeline.defs.batches import ARTICLES_JOB, split_changes
from pipeline.defs.constants import (
    BUILD_JOB,
    PUBLISH_JOB,
    RELEASE,
    SOURCE_BATCHES,
    WORKER_PID_TAG,
)
from pipeline.defs.executors import executor_run_config
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.provenance import publish_state
from pipeline.release import latest_release
from pipeline.sources import SourceChanges

#: How long a build waits for another build of the same work store before giving up.
BUILD_LOCK_TIMEOUT = 3600.0
#: At most this many batch runs are coordinated at once (the others wait for one to end).
PARALLEL_RUNS = 8


@dataclass(frozen=True)
class StoredRun:
    """A run coordinated by another process, as the instance stored it."""

    run_id: str
    success: bool
    all_events: Sequence[dg.DagsterEvent]

    @classmethod
    def read(cls, instance: dg.DagsterInstance, run_id: str) -> "StoredRun":
        run = instance.get_run_by_id(run_id)
        events = [entry.dagster_event for entry in instance.all_logs(run_id)
                  if entry.dagster_event is not None]
        return cls(run_id, run is not None and run.status == dg.DagsterRunStatus.SUCCESS,
                   events)


#: A run executed in this process, coordinated from it by another executor, or by another
#: process (the parallel batch runs).
RunResult = dg.ExecuteInProcessResult | dg.JobExecutionResult | StoredRun


@dataclass(frozen=True)
class BuildOutcome:
    """What a build did."""

    changes: SourceChanges
    result: RunResult | None
    release: dict
    batch: str | None = None
    publish_reason: str | None = None  # why it published with no source changed
    damaged: tuple[str, ...] = ()  # stored files that could not be read, set aside and rebuilt
    batches: tuple[str, ...] = ()  # every batch partition (several with NEWS_BATCH_SOURCES)
    batch_runs: tuple[RunResult, ...] = ()  # their build_articles runs, when several

    @property
    def success(self) -> bool:
        return self.result is None or self.result.success

    def errors(self) -> list[str]:
        """Each failed step with the error that caused it (Dagster's wrapper says only which
        op failed); the run's own failure when it repeats a step's is left out."""
        if self.result is None:
            return []
        messages: list[str] = []
        for event in self.result.all_events:
            error = getattr(event.event_specific_data, "error", None)
            if not (event.is_failure and error is not None):
                continue
            while error.cause is not None:
                error = error.cause
            message = f"{event.step_key or 'run'}: {error.message.strip()}"
            if not any(m.split(": ", 1)[1] == message.split(": ", 1)[1] for m in messages):
                messages.append(message)
        return messages


#: Called with each event of the run as it is stored (the CLI's progress view and log file).
EventListener = Callable[[dg.EventLogEntry], None]


def resource_config(settings: Settings | None = None) -> dict[str, dict]:
    """Every resource's config from ``settings`` (default: the environment now, not when the
    definitions were imported): a run gets exactly the settings its caller was given."""
    settings = settings or Settings.from_env()
    store = {"base_dir": settings.work_dir, "spacy_model": settings.spacy_model}
    return {
        "news": {"sources_dir": settings.sources_dir, "output_dir": settings.output_dir,
                 "part_bytes": settings.part_bytes},
        "spacy": {"model": settings.spacy_model, "n_process": settings.n_process},
        "work_store": store,
        "io_manager": store,
    }


def _run_config(resources: dict[str, dict], console_log_level: str | None,
                settings: Settings) -> dict:
    """The run's config: the resources, the executor when it is not the in-process one, and
    Dagster's console logger's level when given (``CRITICAL`` keeps a run that the caller logs
    elsewhere off the terminal)."""
    run_config: dict = {"resources": {name: {"config": values}
                                      for name, values in resources.items()}}
    if settings.executor != "in_process":
        run_config["execution"] = executor_run_config(settings)
    if console_log_level:
        run_config["loggers"] = {"console": {"config": {"log_level": console_log_level}}}
    return run_config


def job_named(name: str) -> dg.JobDefinition:
    """A job of the definitions, for executors that load it again in other processes."""
    return defs.resolve_job_def(name)


def _execute(job: str, instance: dg.DagsterInstance, run_config: dict, run_id: str,
             settings: Settings, partition_key: str | None,
             on_event: EventListener | None) -> RunResult:
    """One run of ``job``: in this process, or coordinated from here by the executor the
    settings choose. ``on_event`` sees the in-process run's events as they are stored; the
    steps of other executors store theirs from other processes, so it sees those when the
    run is over."""
    worker = {WORKER_PID_TAG: str(os.getpid())}  # this process coordinates the run
    if settings.executor == "in_process":
        if on_event is not None:
            instance.add_event_listener(run_id, on_event)
        return defs.resolve_job_def(job).execute_in_process(
            run_config=run_config, instance=instance, partition_key=partition_key,
            run_id=run_id, raise_on_error=False, tags=worker)
    target = dg.build_reconstructable_job(__name__, job_named.__name__,
                                          reconstructable_args=(job,))
    tags = {**worker, "dagster/partition": partition_key} if partition_key else worker
    result = dg.execute_job(target, instance, run_config=run_config, tags=tags,
                            raise_on_error=False)
    if on_event is not None:
        for entry in instance.all_logs(result.run_id):
            on_event(entry)
    return result


def _run_batches(instance: dg.DagsterInstance, run_config: dict, settings: Settings,
                 batches: list[str], on_event: EventListener | None
                 ) -> tuple[RunResult, tuple[RunResult, ...]]:
    """The runs that build ``batches`` and publish: the run that decides the build, and the
    batch runs when there are several.

    One batch is one run of the build job; none, one run of the publish job. Several batches
    get one run of the articles job each, at the same time when their steps run outside this
    process (each run is coordinated by a thread here), then, if all of them succeeded, one
    publish run builds the corpus tables from every stored result and releases once.
    """
    if len(batches) <= 1:
        job = BUILD_JOB if batches else PUBLISH_JOB
        batch = batches[0] if batches else None
        return _execute(job, instance, run_config, str(uuid.uuid4()), settings, batch,
                        on_event), ()
    runs: tuple[RunResult, ...]
    if settings.executor == "in_process":
        runs = tuple(_execute(ARTICLES_JOB, instance, run_config, str(uuid.uuid4()), settings,
                              batch, on_event) for batch in batches)
    else:
        # One process coordinates each run (Dagster's run set-up reconfigures logging, which
        # deadlocked runs coordinated by threads of one process).
        spawn = multiprocessing.get_context("spawn")
        ref = instance.get_ref()
        with ProcessPoolExecutor(min(PARALLEL_RUNS, len(batches)), mp_context=spawn) as pool:
            run_ids = list(pool.map(_coordinate_batch, [ref] * len(batches),
                                    [run_config] * len(batches), [settings] * len(batches),
                                    batches))
        runs = tuple(StoredRun.read(instance, run_id) for run_id in run_ids)
        if on_event is not None:
            for run in runs:
                for entry in instance.all_logs(run.run_id):
                    on_event(entry)
    failed = next((run for run in runs if not run.success), None)
    if failed is not None:
        return failed, runs
    return _execute(PUBLISH_JOB, instance, run_config, str(uuid.uuid4()), settings, None,
                    on_event), runs


def _coordinate_batch(instance_ref: object, run_config: dict, settings: Settings,
                      batch: str) -> str:
    """In a process of its own: one run of the articles job over ``batch``; its run id."""
    with dg.DagsterInstance.from_ref(instance_ref) as instance:
        return _execute(ARTICLES_JOB, instance, run_config, str(uuid.uuid4()), settings,
                        batch, None).run_id


def needs_publish(store: WorkStore, output_dir: str) -> str | None:
    """Why the corpus must be published although no source changed, or None.

    What is built is compared with what is published: a build killed or failed between NLP
    and publish, a release folder or ``latest.json`` damaged or removed, or an upgrade of the
    corpus code all leave the release behind the work store.
    """
    corpus = store.current_sources()
    state = publish_state(corpus, store.spacy_model)
    package = latest_release(output_dir)
    if package is None:
        return "no complete release is published yet" if corpus else None
    if package.get("fingerprint", {}).get("sources") != state["sources"]:
        return "the latest release does not hold the current sources"
    if store.load_published() != state:
        return "the corpus was not published by this version of the code"
    return None


def build(instance: dg.DagsterInstance, republish: bool = False,
          lock_timeout: float = BUILD_LOCK_TIMEOUT, settings: Settings | None = None,
          on_event: EventListener | None = None,
          console_log_level: str | None = None,
          on_batches: Callable[[list[int]], None] | None = None) -> BuildOutcome:
    """Build new, changed, outdated and deleted sources as one batch (or batches of at most
    ``settings.batch_sources``) and publish; with none, publish only when the release is
    behind what is built (or when ``republish``).

    One build at a time holds the work store's lock from the scan to the publish; a second
    build waits for it, then scans what is left. ``on_event`` sees every event of the run as
    the instance stores it (in this thread, so it must be quick and must not raise);
    ``on_batches`` is told how many sources each batch builds before the first run starts (a
    progress view's totals: a split build is one build to its user).
    """
    settings = settings or Settings.from_env()
    resources = resource_config(settings)
    store = WorkStore(**resources["work_store"])
    with store.build_lock(lock_timeout):
        fail_runs_without_worker(instance)
        damaged = store.set_aside_damaged()
        changes, current = find_changes(NewsConfig(**resources["news"]), store)
        behind = None if changes or republish else needs_publish(
            store, resources["news"]["output_dir"])
        if not changes and not republish and behind is None:
            return BuildOutcome(changes, None, {}, damaged=tuple(damaged))
        run_config = _run_config(resources, console_log_level, settings)
        parts = split_changes(changes, settings.batch_sources) if changes else []
        batches = [new_batch(store, part, current) for part in parts]
        if batches:
            instance.add_dynamic_partitions(SOURCE_BATCHES.name, batches)
        if on_batches is not None:
            on_batches([len(part.to_build) for part in parts])
        result, batch_runs = _run_batches(instance, run_config, settings, batches, on_event)
    release: dict = {}
    if result.success:
        materializations = result.asset_materializations_for_node(RELEASE.to_python_identifier())
        if materializations:
            release = {k: getattr(v, "value", v)
                       for k, v in materializations[-1].metadata.items()}
    return BuildOutcome(changes, result, release, batches[0] if batches else None, behind,
                        tuple(damaged), tuple(batches), batch_runs)
