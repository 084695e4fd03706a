"""The production instance configuration (deploy/dagster.yaml) against a real PostgreSQL.

Installs PostgreSQL from the Debian packages when it is missing (CI runs as root with apt),
starts a throwaway cluster on loopback on a free port in a temporary folder, and builds the five
seeds with ``DagsterInstance.get()`` loaded from that very file. Runs, partitions and
materializations must then be in the database, not on local disk.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from pipeline.defs.build import build

PROJECT = Path(__file__).resolve().parents[1]
CONFIG = PROJECT / "deploy" / "dagster.yaml"
DATABASE = "news_events_test"
USER = "dagster"

pytestmark = pytest.mark.integration


def _postgres_bin() -> Path | None:
    """The folder holding initdb/pg_ctl: on PATH, or Debian's versioned folder."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _install_postgres() -> Path:
    """PostgreSQL's binaries, installed with apt-get when absent (skips if that is impossible)."""
    found = _postgres_bin()
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("PostgreSQL is not installed and apt-get cannot install it here "
                    "(needs root and apt): `apt-get install -y postgresql`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
        done = subprocess.run(install, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"apt-get could not install postgresql: {done.stderr[-500:]}")
    found = _postgres_bin()
    if found is None:
        pytest.fail("postgresql was installed but initdb is nowhere to be found")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ensure_cluster_owner() -> None:
    """PostgreSQL refuses to run as root; the Debian package creates ``postgres``, else we do."""
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)


def _as_cluster_owner(command: list[str]) -> list[str]:
    """The command as the ``postgres`` account when we are root, else as ourselves."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="module")
def postgres() -> Iterator[dict[str, str]]:
    """A running throwaway cluster with an empty database; its connection settings."""
    bin_dir = _install_postgres()
    folder = Path(tempfile.mkdtemp(prefix="news-events-pg-"))  # not under root's 0700 tmp
    data, password = folder / "data", secrets.token_hex(12)
    (folder / "pw").write_text(password)
    if os.geteuid() == 0:
        _ensure_cluster_owner()
        shutil.chown(folder, "postgres")
        shutil.chown(folder / "pw", "postgres")
    port = _free_port()
    try:
        subprocess.run(_as_cluster_owner([
            str(bin_dir / "initdb"), "-D", str(data), "--username", USER,
            "--pwfile", str(folder / "pw"), "--auth", "scram-sha-256", "--encoding", "UTF8",
            "--no-instructions",
        ]), check=True, capture_output=True)
        subprocess.run(_as_cluster_owner([
            str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
            "-o", f"-c listen_addresses=127.0.0.1 -c port={port} -k {folder}", "start",
        ]), check=True, capture_output=True)
        settings = {"DAGSTER_PG_USERNAME": USER, "DAGSTER_PG_PASSWORD": password,
                    "DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_PORT": str(port),
                    "DAGSTER_PG_DB": DATABASE}
        connection = _connect(settings, "postgres")
        connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
        try:
            connection.cursor().execute(f"CREATE DATABASE {DATABASE}")
        finally:
            connection.close()
        yield settings
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_cluster_owner([
                str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop",
            ]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _connect(settings: dict[str, str], database: str | None = None):
    import psycopg2

    return psycopg2.connect(
        host=settings["DAGSTER_PG_HOST"], port=int(settings["DAGSTER_PG_PORT"]),
        user=settings["DAGSTER_PG_USERNAME"], password=settings["DAGSTER_PG_PASSWORD"],
        dbname=database or settings["DAGSTER_PG_DB"],
    )


def _query(settings: dict[str, str], sql: str) -> list[tuple]:
    connection = _connect(settings)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def built(postgres, tmp_path_factory):
    """The seeds built once with the instance deploy/dagster.yaml describes."""
    root = tmp_path_factory.mktemp("postgres")
    home, sources, output = root / "dagster_home", root / "sources", root / "output"
    home.mkdir()
    shutil.copy(CONFIG, home / "dagster.yaml")
    shutil.copytree(PROJECT / "seeds", sources)
    patch = pytest.MonkeyPatch()
    for name, value in postgres.items():
        patch.setenv(name, value)
    patch.setenv("DAGSTER_HOME", str(home))
    patch.setenv("NEWS_SOURCES_DIR", str(sources))
    patch.setenv("NEWS_OUTPUT_DIR", str(output))
    patch.delenv("NEWS_WORK_DIR", raising=False)
    patch.setenv("NEWS_N_PROCESS", "1")
    try:
        with dg.DagsterInstance.get() as instance:
            outcome = build(instance)
            yield {"instance": instance, "outcome": outcome, "home": home,
                   "settings": postgres}
    finally:
        patch.undo()


def test_the_instance_from_deploy_dagster_yaml_uses_postgres(built):
    instance = built["instance"]
    for storage in (instance.run_storage, instance.event_log_storage,
                    instance.schedule_storage):
        assert type(storage).__module__.startswith("dagster_postgres"), type(storage)
    assert not (built["home"] / "history").exists()  # no local SQLite run storage


def test_a_build_with_the_postgres_instance_publishes(built):
    outcome = built["outcome"]
    assert outcome.success, outcome.errors()
    assert outcome.release["version"] == "1.0.0"


def test_runs_partitions_and_materializations_are_stored_in_postgres(built):
    settings = built["settings"]
    runs = _query(settings, "SELECT pipeline_name, status FROM runs")
    assert ("build_dataset", "SUCCESS") in runs
    partitions = {row[0] for row in _query(
        settings, "SELECT partition FROM dynamic_partitions "
                  "WHERE partitions_def_name = 'source_batches'")}
    assert len(partitions) == 1  # one batch: the five seeds
    assert partitions == set(built["instance"].get_dynamic_partitions("source_batches"))
    materialized = {row[0] for row in _query(
        settings, "SELECT DISTINCT partition FROM event_logs "
                  "WHERE dagster_event_type = 'ASSET_MATERIALIZATION' "
                  "AND asset_key = '[\"article_nlp\"]'")}
    assert materialized == partitions
    checks = _query(settings, "SELECT count(*) FROM event_logs "
                              "WHERE dagster_event_type = 'ASSET_CHECK_EVALUATION'")
    assert checks[0][0] == 7
