"""Where a run's steps run is configuration: the seeds build through Dagster's multiprocess
executor, and through dagster-celery's on one real worker with a real redis broker.

The worker is started with exactly the command docs/cluster.md gives (read from the file), with
a ``PATH`` that does not hold the virtualenv, against a ``redis-server`` on a free loopback port.
Redis comes from Debian's ``redis-server`` package (``.ci/run`` installs it); without it the
celery test skips and says so. Every process a test starts is killed with its process group
when the test ends, however it ends. Waits have generous deadlines as failure guards only.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq
import pytest

from pipeline.config import PROJECT_ROOT, Settings
from pipeline.defs import defs
from pipeline.defs.batches import ARTICLES_JOB, split_changes
from pipeline.defs.build import BuildOutcome, build
from pipeline.defs.constants import BUILD_JOB, PUBLISH_JOB
from pipeline.release import list_versions, read_release
from pipeline.sources import SourceChanges
from pipeline.validation import validate_relations

DOCS = PROJECT_ROOT / "docs" / "cluster.md"
WORKER_MODULE = "pipeline.defs.celery_worker"
#: Failure guards only: a wait that passes them means something is broken, not slow.
START_DEADLINE = 180.0
BUILD_DEADLINE = 1800.0


# --- configuration ----------------------------------------------------------------------------

def test_in_process_is_the_default_and_the_environment_chooses_another():
    assert Settings.from_env({}).executor == "in_process"
    chosen = Settings.from_env({"NEWS_EXECUTOR": "celery",
                                "NEWS_CELERY_BROKER": "redis://broker:6379/1"})
    assert (chosen.executor, chosen.celery_result_backend) == ("celery", "redis://broker:6379/1")
    with pytest.raises(ValueError, match="in_process, multiprocess, celery"):
        Settings.from_env({"NEWS_EXECUTOR": "k8s"})


def test_the_run_config_chooses_the_executor_and_its_fields():
    job = defs.resolve_job_def(BUILD_JOB)
    for mode in ("in_process", "multiprocess", "celery"):
        resolved = dg.validate_run_config(job, {"execution": {"config": {mode: {}}}})
        assert list(resolved["execution"]["news_executor"]) == [mode]
    celery = dg.validate_run_config(job, {"execution": {"config": {"celery": {
        "broker": "redis://elsewhere:6379/0"}}}})["execution"]["news_executor"]["celery"]
    assert celery["broker"] == "redis://elsewhere:6379/0"


def test_a_large_change_is_split_into_batches_with_the_deletions_in_the_first():
    changes = SourceChanges(added=("a", "b", "c"), changed=("d",), deleted=("gone",),
                            outdated=("e",))
    parts = split_changes(changes, 2)
    assert [part.to_build for part in parts] == [("a", "b"), ("c", "d"), ("e",)]
    assert [part.deleted for part in parts] == [("gone",), (), ()]
    assert split_changes(changes, 0) == [changes] == split_changes(changes, 5)


# --- processes --------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(command: list[str], log: Path, **options) -> subprocess.Popen:
    """A process in its own group (so its children go with it), output to ``log``."""
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True, **options)


def _stop(process: subprocess.Popen) -> None:
    """Kill the process group: politely, then for good."""
    for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 30)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue


def _tail(log: Path, lines: int = 40) -> str:
    text = log.read_text(errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def _wait_for(ready: Callable[[], bool], process: subprocess.Popen, log: Path, what: str) -> None:
    """Poll ``ready`` until it holds; fail naming ``what`` if the process exits first or the
    deadline (a guard against hanging, not a speed check) passes."""
    deadline = time.monotonic() + START_DEADLINE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} exited with {process.returncode}:\n{_tail(log)}")
        if ready():
            return
        time.sleep(0.5)
    pytest.fail(f"{what} was not ready within {START_DEADLINE:.0f} s:\n{_tail(log)}")


def _documented_worker_command() -> tuple[dict[str, str], list[str]]:
    """The worker command of docs/cluster.md: its variables and its argument list."""
    lines = [line for line in DOCS.read_text().splitlines()
             if f"-m celery -A {WORKER_MODULE} worker" in line]
    assert len(lines) == 1, "docs/cluster.md should give the celery worker command once"
    words = shlex.split(lines[0])
    variables = {}
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        variables[name] = value
    return variables, words


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """A throwaway redis-server on a free loopback port, nothing persisted; its URL."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install -y redis-server; "
                    ".ci/run installs it)")
    import redis

    folder = tmp_path_factory.mktemp("redis")
    port = _free_port()
    log = folder / "redis.log"
    process = _start([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                      "--appendonly", "no", "--dir", str(folder)], log)
    try:
        client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)

        def answers() -> bool:
            try:
                return bool(client.ping())
            except redis.exceptions.ConnectionError:
                return False

        _wait_for(answers, process, log, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


@contextlib.contextmanager
def _worker(redis_url: str, folder: Path, name: str | None = None) -> Iterator[dict]:
    """A celery worker started with the documented command (and ``-n name@%h`` when given,
    as a second worker on one machine needs); no virtualenv on its PATH."""
    from celery import Celery

    home = folder / "dagster_home"
    home.mkdir(parents=True)
    variables, command = _documented_worker_command()
    assert set(variables) == {"NEWS_CELERY_BROKER", "DAGSTER_HOME"}, variables
    assert command[0] == ".venv/bin/python", command
    if not (PROJECT_ROOT / command[0]).exists():  # a clone tested with another interpreter
        command[0] = sys.executable
    if name:
        command += ["-n", f"{name}@%h"]
    env = {**os.environ, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
           "NEWS_CELERY_BROKER": redis_url, "DAGSTER_HOME": str(home)}
    log = folder / "worker.log"
    process = _start(command, log, cwd=PROJECT_ROOT, env=env)
    client = Celery(broker=redis_url, backend=redis_url)
    try:
        def answers() -> bool:
            replies = client.control.ping(timeout=1.0)
            return any(name is None or next(iter(reply)).startswith(f"{name}@")
                       for reply in replies)

        _wait_for(answers, process, log, f"the celery worker {name or ''}")
        yield {"process": process, "log": log, "home": home, "name": name}
    finally:
        client.close()
        _stop(process)


@pytest.fixture(scope="module")
def celery_worker(redis_url, tmp_path_factory) -> Iterator[dict]:
    """One celery worker started exactly with the documented command."""
    with _worker(redis_url, tmp_path_factory.mktemp("celery")) as worker:
        yield worker


def _build_within_deadline(instance: dg.DagsterInstance, settings: Settings,
                           log: Path | None = None) -> BuildOutcome:
    """``build`` in a daemon thread, so a lost worker fails the test instead of hanging it."""
    outcome: list = []
    thread = threading.Thread(target=lambda: outcome.append(build(instance, settings=settings)),
                              daemon=True)
    thread.start()
    thread.join(BUILD_DEADLINE)
    if thread.is_alive() or not outcome:
        pytest.fail(f"the build did not finish within {BUILD_DEADLINE:.0f} s"
                    + (f"; worker log:\n{_tail(log)}" if log else ""))
    return outcome[0]


def _assert_seeds_release(outcome: BuildOutcome, output: Path) -> None:
    assert outcome.success, outcome.errors()
    assert outcome.release["version"] == "1.0.0"
    release = output / "news-events" / "1.0.0"
    assert pq.read_table(release / "articles.parquet").num_rows == 5
    assert validate_relations(read_release(str(output))) == []


def _step_events(instance: dg.DagsterInstance, run_id: str) -> list[dg.EventLogEntry]:
    return instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_SUCCESS)


def _step_pids(instance: dg.DagsterInstance, run_id: str) -> set[int]:
    """The processes that ran the run's steps."""
    return {entry.dagster_event.pid for entry in _step_events(instance, run_id)}


# --- builds -----------------------------------------------------------------------------------

@pytest.mark.integration
# pytest shows warnings that the definitions filter (pipeline/defs/executors.py says why)
@pytest.mark.filterwarnings("ignore:Task name 'execute_plan' is already")
def test_the_seeds_build_on_a_celery_worker(celery_worker, redis_url, tmp_path,
                                            pipeline_instance):
    sources, output = tmp_path / "sources", tmp_path / "output"
    shutil.copytree(PROJECT_ROOT / "seeds", sources)
    with pipeline_instance(tmp_path, str(sources), str(output)) as instance:
        settings = Settings.from_env(executor="celery", celery_broker=redis_url)
        outcome = _build_within_deadline(instance, settings, celery_worker["log"])
        _assert_seeds_release(outcome, output)
        run_id = outcome.result.run_id
        steps = {entry.step_key for entry in _step_events(instance, run_id)}
        on_worker = {entry.step_key for entry in instance.all_logs(
            run_id, of_type=dg.DagsterEventType.ENGINE_EVENT)
            if "in celery worker" in entry.message}
        assert {"raw_articles", "article_nlp", "release"} <= steps
        assert on_worker == steps
        # the worker's solo pool ran them in the worker's own process
        assert _step_pids(instance, run_id) == {celery_worker["process"].pid}
        run = instance.get_run_by_id(run_id)
        assert run.tags["dagster/partition"] == outcome.batch


@pytest.mark.integration
def test_the_seeds_build_with_the_multiprocess_executor(tmp_path, pipeline_instance):
    sources, output = tmp_path / "sources", tmp_path / "output"
    shutil.copytree(PROJECT_ROOT / "seeds", sources)
    with pipeline_instance(tmp_path, str(sources), str(output)) as instance:
        outcome = _build_within_deadline(instance, Settings.from_env(executor="multiprocess"))
        _assert_seeds_release(outcome, output)
        pids = _step_pids(instance, outcome.result.run_id)
        assert os.getpid() not in pids
        assert len(pids) > 1  # a process per step


def _workers_of(instance: dg.DagsterInstance, run_id: str) -> set[str]:
    """The celery workers that ran the run's steps (their node names)."""
    return {entry.dagster_event.event_specific_data.metadata["Celery worker"].value
            for entry in instance.all_logs(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT)
            if "Celery worker" in entry.dagster_event.event_specific_data.metadata}


@pytest.mark.integration
@pytest.mark.filterwarnings("ignore:Task name 'execute_plan' is already")
def test_batches_build_in_parallel_runs_on_two_workers_then_publish_once(
        celery_worker, redis_url, tmp_path, pipeline_instance):
    sources, output = tmp_path / "sources", tmp_path / "output"
    shutil.copytree(PROJECT_ROOT / "seeds", sources)
    with _worker(redis_url, tmp_path / "second", name="second") as second, \
            pipeline_instance(tmp_path, str(sources), str(output)) as instance:
        settings = Settings.from_env(executor="celery", celery_broker=redis_url,
                                     batch_sources=2)
        outcome = _build_within_deadline(instance, settings, second["log"])
        _assert_seeds_release(outcome, output)
        assert list_versions(str(output)) == ["1.0.0"]  # one release after all batches
        assert len(outcome.batches) == 3  # five seeds, at most two per batch
        runs = {run.run_id: run for run in instance.get_runs()}
        assert sorted(run.job_name for run in runs.values()) == [ARTICLES_JOB] * 3 + [
            PUBLISH_JOB]
        batch_runs = [runs[run.run_id] for run in outcome.batch_runs]
        assert all(run.success for run in outcome.batch_runs)
        assert sorted(run.tags["dagster/partition"] for run in batch_runs) == sorted(
            outcome.batches)
        assert runs[outcome.result.run_id].job_name == PUBLISH_JOB
        # the batch runs' steps went to whichever worker was free: both of them
        workers = set().union(*(_workers_of(instance, run.run_id) for run in batch_runs))
        assert {worker.split("@")[0] for worker in workers} == {"celery", "second"}
