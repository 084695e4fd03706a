"""Shared fixtures: the real spaCy model (loaded once) and the committed seed articles."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import pytest

from pipeline import config

SEEDS = config.PROJECT_ROOT / "seeds"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The builds run in this process froze their loaded results out of the garbage
    collector's reach (see ``WorkStore.load_current``); unfreeze them so the interpreter
    finalises every object at exit, as extension modules (DuckDB's) expect."""
    gc.unfreeze()
    gc.collect()


@pytest.fixture(scope="session")
def nlp():
    from pipeline.analysis import load_model

    return load_model(config.DEFAULT_MODEL)


@pytest.fixture(scope="session")
def event_roles(nlp) -> Callable[[str], dict[str, tuple[str, list[str], list[str]]]]:
    """Trigger -> (type, actor texts, target texts) of a text's event mentions, published on a
    Monday (2016-10-24): the view the events tests assert on."""
    from pipeline.events import extract_event_mentions

    monday = dt.date(2016, 10, 24)

    def roles(text: str) -> dict[str, tuple[str, list[str], list[str]]]:
        return {
            m.trigger: (m.event_type, [text[a:b] for a, b in m.actor_spans],
                        [text[a:b] for a, b in m.target_spans])
            for m in extract_event_mentions(nlp(text), monday)
        }

    return roles


@pytest.fixture()
def seed_dir() -> Path:
    return SEEDS


@contextlib.contextmanager
def _pipeline_instance(root: Path, sources: str, output: str) -> Iterator[dg.DagsterInstance]:
    """A temporary Dagster instance under ``root`` with the pipeline pointed at ``sources`` and
    ``output`` (paths or URLs) through its environment variables, one worker process."""
    patch = pytest.MonkeyPatch()
    patch.setenv("NEWS_SOURCES_DIR", sources)
    patch.setenv("NEWS_OUTPUT_DIR", output)
    patch.delenv("NEWS_WORK_DIR", raising=False)
    patch.setenv("NEWS_N_PROCESS", "1")
    home = root / "dagster_home"
    home.mkdir()
    try:
        with dg.instance_for_test(temp_dir=str(home)) as instance:
            yield instance
    finally:
        patch.undo()


@pytest.fixture(scope="session")
def pipeline_instance():
    """``pipeline_instance(root, sources, output)``: see ``_pipeline_instance``."""
    return _pipeline_instance
