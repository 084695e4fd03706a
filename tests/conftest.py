"""Shared fixtures: the real spaCy model (loaded once) and the committed seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import config

SEEDS = config.PROJECT_ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.analysis import load_model

    return load_model(config.DEFAULT_MODEL)


@pytest.fixture()
def seed_dir() -> Path:
    return SEEDS
