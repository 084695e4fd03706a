"""One build: what the sensor does on a tick, run in this process (the CLI and tests use it).

Puts new, changed and deleted sources in a new batch partition and executes one run of the
build job over it (so a full build of any number of sources is one run).
"""

from dataclasses import dataclass

import dagster as dg

from pipeline import config
from pipeline.defs import defs
from pipeline.defs.automation import find_changes, new_batch
from pipeline.defs.constants import BUILD_JOB, PUBLISH_JOB, SOURCE_BATCHES
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.sources import SourceChanges


@dataclass(frozen=True)
class BuildOutcome:
    """What a build did."""

    changes: SourceChanges
    result: dg.ExecuteInProcessResult | None
    release: dict
    batch: str | None = None

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
    """Build new, changed and deleted sources as one batch and publish; with nothing changed,
    do nothing (unless ``republish``: rebuild the corpus tables and publish if they differ)."""
    settings = resource_config()
    store = WorkStore(**settings["work_store"])
    changes, current = find_changes(NewsConfig(**settings["news"]), store)
    if not changes and not republish:
        return BuildOutcome(changes, None, {})
    run_config = {"resources": {name: {"config": values} for name, values in settings.items()}}
    batch = None
    if changes:
        batch = new_batch(store, changes, current)
        instance.add_dynamic_partitions(SOURCE_BATCHES.name, [batch])
        result = defs.resolve_job_def(BUILD_JOB).execute_in_process(
            run_config=run_config, instance=instance, partition_key=batch,
            raise_on_error=False)
    else:
        result = defs.resolve_job_def(PUBLISH_JOB).execute_in_process(
            run_config=run_config, instance=instance, raise_on_error=False)
    release: dict = {}
    if result.success:
        materializations = result.asset_materializations_for_node("release")
        if materializations:
            release = {k: getattr(v, "value", v)
                       for k, v in materializations[-1].metadata.items()}
    return BuildOutcome(changes, result, release, batch)
