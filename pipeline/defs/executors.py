"""Where a run's steps run: configuration, not code.

One executor, ``news_executor``, whose run config selects Dagster's in-process or multiprocess
executor or dagster-celery's ``celery_executor`` (``execution: {config: {celery: {broker:
…}}}``). Its default comes from the settings (``NEWS_EXECUTOR``, ``NEWS_CELERY_BROKER``,
``NEWS_CELERY_BACKEND``), so runs the sensor or the UI launch follow the code location's
environment, each run can choose another in the launchpad, and ``news-events build`` hands its
settings to the run as run config. In-process is the default: the NLP step already uses every
core through ``NEWS_N_PROCESS``, and a process per step would pay the start-up of Python,
Dagster and spaCy for each step.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import dagster as dg

from pipeline.config import Settings

#: What to install for ``celery`` (the extra pins dagster-celery and the redis client).
CELERY_EXTRA = "pip install -e '.[celery]' (dagster-celery and the redis client)"


def celery_available() -> bool:
    """Whether dagster-celery is installed (it is an optional extra)."""
    try:
        import dagster_celery  # noqa: F401
    except ImportError:
        return False
    return True


def _celery_field(settings: Settings) -> dg.Field:
    """dagster-celery's own config, with the broker and backend defaulting to the settings."""
    from dagster_celery.executor import CELERY_CONFIG

    fields = dict(CELERY_CONFIG)
    fields["broker"] = dg.Field(
        dg.StringSource, default_value=settings.celery_broker,
        description="The Celery broker URL the workers listen on; env NEWS_CELERY_BROKER.")
    fields["backend"] = dg.Field(
        dg.Noneable(dg.StringSource), default_value=settings.celery_backend or None,
        description="The Celery results backend; env NEWS_CELERY_BACKEND (default: the broker).")
    return dg.Field(fields, description="Each step is a Celery task on a worker pool "
                                         "(docs/cluster.md: the worker command).")


def _targets() -> dict[str, dg.ExecutorDefinition]:
    targets = {"in_process": dg.in_process_executor, "multiprocess": dg.multiprocess_executor}
    if celery_available():
        from celery.exceptions import DuplicateTaskNameWarning
        from dagster_celery import celery_executor

        # dagster-celery registers its step task again for every step it submits; Celery 5.7
        # warns each time, and the task is the same one.
        warnings.filterwarnings("ignore", message="Task name 'execute_plan' is already",
                                category=DuplicateTaskNameWarning)
        targets["celery"] = celery_executor
    return targets


def _requirements(config: Mapping[str, object]) -> Sequence[dg.ExecutorRequirement]:
    """Steps in other processes need a reconstructable job, a persistent instance and stored
    outputs (the work store); the in-process mode needs nothing."""
    return [] if "in_process" in config else dg.multiple_process_executor_requirements()


def make_executor(settings: Settings) -> dg.ExecutorDefinition:
    """The executor of the definitions, its default mode taken from ``settings``."""
    targets = _targets()
    if settings.executor not in targets:
        raise ImportError(f"NEWS_EXECUTOR={settings.executor} needs {CELERY_EXTRA}")
    modes = {name: target.config_schema.as_field() for name, target in targets.items()}
    if "celery" in targets:
        modes["celery"] = _celery_field(settings)

    @dg.executor(
        name="news_executor",
        config_schema=dg.Field(dg.Selector(modes), default_value=_mode_config(settings),
                               description="in_process (default), multiprocess or celery; "
                                           "env NEWS_EXECUTOR."),
        requirements=_requirements,
    )
    def news_executor(init_context: dg.InitExecutorContext) -> dg.Executor:
        ((mode, config),) = init_context.executor_config.items()
        target = targets[mode]
        if mode == "celery" and not config.get("backend"):
            config = {**config, "backend": config["broker"]}
        return target.executor_creation_fn(dg.InitExecutorContext(
            job=init_context.job, executor_def=target, executor_config=config,
            instance=init_context.instance))

    return news_executor


def _mode_config(settings: Settings) -> dict[str, dict]:
    """The executor's config for the mode ``settings`` choose (the default in the UI)."""
    config: dict = {}
    if settings.executor == "multiprocess":
        # step processes fork from a server that imported the definitions once, instead of
        # each importing Dagster, spaCy and the pipeline again (seeds here: 5m46s -> 2m25s)
        config = {"start_method": {"forkserver": {"preload_modules": ["pipeline.defs"]}}}
    elif settings.executor == "celery":
        config = {"broker": settings.celery_broker, "backend": settings.celery_result_backend}
    return {settings.executor: config}


def executor_run_config(settings: Settings) -> dict:
    """The run config's ``execution`` section that runs the steps where ``settings`` say."""
    return {"config": _mode_config(settings)}
