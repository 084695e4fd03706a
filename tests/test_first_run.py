"""A fresh clone's first build, as a user meets it: ``news-events build`` in a subprocess with a
DAGSTER_HOME that does not exist yet, over a copy of two seeds.

The output must fit on one screen and say where the log is; nothing Dagster prints for a
missing instance configuration (the telemetry banner, the dagster.yaml warning), no DEBUG line
and no BetaWarning may reach the terminal. The run's whole log is in the file the last line
names, and ``-v`` shows it live. The Dagster instance the build used then shows, for every
published table, the release version, file URI and bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipeline import config
from pipeline.defs.resources import NewsConfig, WorkStore
from schemas import TABLES

pytestmark = pytest.mark.integration

SCREEN_LINES = 40


def _build(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "build", *args], env=env,
                          cwd=config.PROJECT_ROOT, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)


def _log_file(completed: subprocess.CompletedProcess) -> Path:
    """The log file the last line of standard output names."""
    last = completed.stdout.splitlines()[-1]
    match = re.fullmatch(r"full log: (.+\.log)", last)
    assert match, f"last line does not name a log file: {last!r}"
    return Path(match[1])


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("first_run")
    sources, home = root / "sources", root / "dagster_home"  # home: not created beforehand
    sources.mkdir()
    seeds = sorted((config.PROJECT_ROOT / "seeds").glob("*.txt"))
    for seed in seeds[:2]:
        shutil.copy(seed, sources / seed.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWS_", "DAGSTER_"))}
    env.update(NEWS_SOURCES_DIR=str(sources), NEWS_OUTPUT_DIR=str(root / "output"),
               DAGSTER_HOME=str(home), NEWS_N_PROCESS="1")
    return {"env": env, "home": home, "sources": sources, "seeds": seeds, "root": root,
            "build": _build(env)}


def test_first_build_is_calm_and_fits_on_one_screen(first):
    built = first["build"]
    assert built.returncode == 0, built.stderr[-3000:]
    output = built.stdout + built.stderr
    assert len(output.splitlines()) <= SCREEN_LINES, output
    assert "DEBUG" not in output
    assert "BetaWarning" not in output and "Warning" not in output
    assert "dagster.yaml" not in output
    assert "elemetry" not in output and "Welcome to Dagster" not in output
    # without a terminal: one plain line per stage, no bars
    stages = [line.split(":", 1)[0] for line in built.stderr.splitlines()]
    assert stages == ["read", "clean", "NLP", "corpus tables", "release"], built.stderr
    assert "NLP: 2/2 articles" in built.stderr
    assert "release: first release -> version 1.0.0" in built.stdout
    assert "│ articles        │    2 │" in built.stdout


def test_the_log_file_holds_the_runs_step_log(first):
    log = _log_file(first["build"])
    assert log.is_file() and log.parent == first["home"] / "logs"
    text = log.read_text(encoding="utf-8")
    for step in ("raw_articles", "cleaned_articles", "article_nlp", "quotes", "release"):
        assert re.search(rf" - {step} - STEP_SUCCESS - ", text), f"no STEP_SUCCESS of {step}"
    assert " - DEBUG - " in text  # the whole log, not what the terminal showed
    assert "PIPELINE_SUCCESS" in text


def test_a_fresh_dagster_home_gets_the_local_instance_config(first):
    written = (first["home"] / "dagster.yaml").read_text(encoding="utf-8")
    assert written == config.LOCAL_INSTANCE_CONFIG.read_text(encoding="utf-8")
    instance = dg.DagsterInstance.from_config(str(first["home"]))
    assert instance.telemetry_enabled is False
    assert instance.python_log_level == "INFO"


def test_each_table_reports_its_release_version_uri_and_bytes(first):
    """The release step's observations of every table, read back from the build's instance
    and compared with the published datapackage.json."""
    import json

    release = first["root"] / "output" / "news-events" / "1.0.0"
    resources = {r["name"]: r for r in json.loads((release / "datapackage.json").read_text())
                 ["resources"]}
    instance = dg.DagsterInstance.from_config(str(first["home"]))
    for table in TABLES:
        records = instance.fetch_observations(dg.AssetKey(table), limit=1).records
        assert records, f"no observation of {table}"
        metadata = records[0].asset_observation.metadata
        assert metadata["release_version"].value == "1.0.0"
        assert metadata["uri"].value == str((release / f"{table}.parquet").resolve())
        assert metadata["bytes"].value == resources[table]["bytes"]
        assert metadata["bytes"].value == (release / f"{table}.parquet").stat().st_size
        assert metadata["rows"].value == resources[table]["rows"]
    # the release's own materialization says what it wrote: a first release shares nothing
    (record,) = instance.fetch_materializations(dg.AssetKey("release"), limit=1).records
    written = record.asset_materialization.metadata
    files = [p for p in release.rglob("*") if p.is_file()]
    assert written["bytes_written"].value == sum(p.stat().st_size for p in files)
    assert written["bytes_shared"].value == 0


def test_a_skipped_sensor_tick_says_why(first):
    """What the UI's tick list shows for a skipped tick (runs before the verbose test adds a
    source): nothing new, then another build holding the work store's lock."""
    from pipeline.defs.automation import source_files_sensor
    from pipeline.defs.build import resource_config

    settings = config.Settings.from_env(first["env"])
    resources = resource_config(settings)
    news = NewsConfig(**resources["news"])
    store = WorkStore(**resources["work_store"])
    instance = dg.DagsterInstance.from_config(str(first["home"]))
    context = dg.build_sensor_context(instance=instance,
                                      resources={"news": news, "work_store": store})
    idle = source_files_sensor(context)
    assert isinstance(idle, dg.SkipReason)
    assert idle.skip_message == "no new, changed or deleted sources"
    with store.build_lock(timeout=0):
        busy = source_files_sensor(context)
    assert isinstance(busy, dg.SkipReason)
    assert "another build of this work store" in busy.skip_message


def test_verbose_shows_the_log_live(first):
    sources = first["sources"]
    shutil.copy(first["seeds"][2], sources / first["seeds"][2].name)
    verbose = _build(first["env"], "-v")
    assert verbose.returncode == 0, verbose.stderr[-3000:]
    assert re.search(r" - article_nlp - STEP_START - ", verbose.stderr), verbose.stderr[-2000:]
    assert "release: minor" in verbose.stdout or "version 1.1.0" in verbose.stdout
    log = _log_file(verbose)
    assert log != _log_file(first["build"])
    assert " - release - STEP_SUCCESS - " in log.read_text(encoding="utf-8")
