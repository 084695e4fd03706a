"""One build: what the sensor does on a tick, run in this process (the CLI and tests use it).

Puts new, changed and deleted sources in a new batch partition and executes one run of the
build job over it (so a full build of any number of sources is one run).
"""

from dataclasses import dataclass

import dagster as dg

from pipeline import config
from pipeline.defs import defs
from pipeline.defs.automation import fail_runs_without_worker, find_changes, new_batch
from pipeline.defs.constants import BUILD_JOB, PUBLISH_JOB, SOURCE_BATCHES
from pipeline.defs.resources import NewsConfig, WorkStore
from pipeline.provenance import publish_state
from pipeline.release import latest_release
from pipeline.sources import SourceChanges

#: How long a build waits for another build of the same work store before giving up.
BUILD_LOCK_TIMEOUT = 3600.0


@dataclass(frozen=True)
class BuildOutcome:
    """What a build did."""

    changes: SourceChanges
    result: dg.ExecuteInProcessResult | None
    release: dict
    batch: str | None = None
    publish_reason: str | None = None  # why it published with no source changed
    damaged: tuple[str, ...] = ()  # stored files that could not be read, set aside and rebuilt

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
    store = {"base_dir": config.work_dir(), "spacy_model": config.spacy_model()}
    return {
        "news": {"sources_dir": config.sources_dir(), "output_dir": config.output_dir()},
        "spacy": {"model": config.spacy_model(), "n_process": config.n_process()},
        "work_store": store,
        "io_manager": store,
    }


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
          lock_timeout: float = BUILD_LOCK_TIMEOUT) -> BuildOutcome:
    """Build new, changed, outdated and deleted sources as one batch and publish; with none,
    publish only when the release is behind what is built (or when ``republish``).

    One build at a time holds the work store's lock from the scan to the publish; a second
    build waits for it, then scans what is left.
    """
    settings = resource_config()
    store = WorkStore(**settings["work_store"])
    with store.build_lock(lock_timeout):
        fail_runs_without_worker(instance)
        damaged = store.set_aside_damaged()
        changes, current = find_changes(NewsConfig(**settings["news"]), store)
        behind = None if changes or republish else needs_publish(
            store, settings["news"]["output_dir"])
        if not changes and not republish and behind is None:
            return BuildOutcome(changes, None, {}, damaged=tuple(damaged))
        run_config = {"resources": {name: {"config": values}
                                    for name, values in settings.items()}}
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
    return BuildOutcome(changes, result, release, batch, behind, tuple(damaged))
