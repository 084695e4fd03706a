"""One build: what the sensor does on a tick, run in this process (the CLI and tests use it).

Registers new and changed sources as partitions and executes one run of the build job over
exactly those partitions (or of the publish job when sources were only deleted).
"""

from __future__ import annotations

from dataclasses import dataclass

import dagster as dg

from pipeline import config
from pipeline.defs import defs
from pipeline.defs.automation import find_changes, partition_requests
from pipeline.defs.constants import (
    BUILD_JOB,
    PARTITION_RANGE_END,
    PARTITION_RANGE_START,
    PUBLISH_JOB,
    SOURCES_PARTITIONS,
)
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.sources import SourceChanges


@dataclass(frozen=True)
class BuildOutcome:
    """What a build did."""

    changes: SourceChanges
    result: dg.ExecuteInProcessResult | None
    release: dict

    @property
    def success(self) -> bool:
        return self.result is None or self.result.success

    def errors(self) -> list[str]:
        """Each failed step with its error message."""
        if self.result is None:
            return []
        messages = []
        for event in self.result.all_events:
            error = getattr(event.event_specific_data, "error", None)
            if event.is_failure and error is not None:
                messages.append(f"{event.step_key}: {error.message.strip()}")
        return messages


def apply_partition_changes(instance: dg.DagsterInstance, changes: SourceChanges) -> None:
    for request in partition_requests(changes):
        if isinstance(request, dg.DeleteDynamicPartitionsRequest):
            for key in request.partition_keys:
                instance.delete_dynamic_partition(SOURCES_PARTITIONS.name, key)
        else:
            instance.add_dynamic_partitions(SOURCES_PARTITIONS.name, list(request.partition_keys))


def resource_config() -> dict[str, dict]:
    """Resource settings from the environment now (not when the definitions were imported)."""
    store = {"base_dir": config.work_dir()}
    return {
        "news": {"sources_dir": config.sources_dir(), "output_dir": config.output_dir()},
        "spacy": {"model": config.spacy_model(), "n_process": config.n_process()},
        "work_store": store,
        "io_manager": store,
    }


def build(instance: dg.DagsterInstance, republish: bool = False) -> BuildOutcome:
    """Build new or changed sources and publish; with nothing changed, do nothing (unless
    ``republish``, which rebuilds the corpus tables and publishes if they differ)."""
    settings = resource_config()
    changes = find_changes(instance, NewsConfig(**settings["news"]),
                           WorkStore(**settings["work_store"]))
    if not changes and not republish:
        return BuildOutcome(changes, None, {})
    apply_partition_changes(instance, changes)
    if changes.to_build:
        job = defs.resolve_job_def(BUILD_JOB)
        tags = {PARTITION_RANGE_START: changes.to_build[0],
                PARTITION_RANGE_END: changes.to_build[-1]}
    else:
        job, tags = defs.resolve_job_def(PUBLISH_JOB), {}
    run_config = {"resources": {name: {"config": values} for name, values in settings.items()}}
    result = job.execute_in_process(run_config=run_config, instance=instance, tags=tags,
                                    raise_on_error=False)
    release: dict = {}
    if result.success:
        materializations = result.asset_materializations_for_node("release")
        if materializations:
            release = {k: getattr(v, "value", v)
                       for k, v in materializations[-1].metadata.items()}
    return BuildOutcome(changes, result, release)
