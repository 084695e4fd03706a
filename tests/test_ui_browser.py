"""End to end through the Dagster UI, as a user meets it: ``dagster dev`` on a copy of the seeds,
headless Chromium on the asset graph, "Materialize all…" over every partition, a release on disk.

Debian's ``chromium`` is installed with apt when missing (the test is skipped, saying why, only
without root or apt); Playwright's Python package drives it (no browser download). The server
runs with a temporary DAGSTER_HOME whose ``dagster.yaml`` allows one run at a time: the sensor
(on by default) registers the sources and launches its build as soon as the daemon starts, and
the user's backfill then waits for it instead of racing it over the same files. Every wait is
bounded; the server's whole process group is killed at the end; a screenshot is saved to
``test-artifacts/ui.png`` (and ``ui-failure.png`` when a step fails).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pipeline import config

pytestmark = pytest.mark.integration

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = config.PROJECT_ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SERVER_START_SECONDS = 120
SENSOR_RUN_SECONDS = 60  # the sensor ticks when the daemon starts, then every 30 s
BUILD_SECONDS = 420  # the sensor's run, then the user's backfill, one after the other
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}
APT_LOCK_SECONDS = 600  # how long apt waits for another installer to finish


def ensure_chromium() -> Path:
    """Debian's Chromium, installed with apt when missing; skip only where that is impossible."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip(f"{CHROMIUM} is missing and cannot be installed here (needs root and "
                    "apt-get): run `apt-get install -y chromium` as root")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Another process installing packages (a second test run, an unattended upgrade) holds
    # dpkg's lock: wait for it rather than fail (two clones tested at once did).
    wait = ["-o", f"DPkg::Lock::Timeout={APT_LOCK_SECONDS}"]
    install = ["apt-get", *wait, "install", "-y", "--no-install-recommends", "chromium"]
    done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=900,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:  # a fresh machine may have no package lists yet
        subprocess.run(["apt-get", *wait, "update"], env=env, capture_output=True, timeout=600,
                       stdin=subprocess.DEVNULL, check=True)
        subprocess.run(install, env=env, capture_output=True, timeout=900,
                       stdin=subprocess.DEVNULL, check=True)
    assert CHROMIUM.exists(), "apt-get installed chromium but /usr/bin/chromium is missing"
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(what: str, seconds: float, probe: Callable[[], object], every: float = 1.0):
    """Call ``probe`` until it returns something truthy; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        with contextlib.suppress(OSError, ValueError):
            value = probe()
            if value:
                return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(every)


def _default_signals() -> None:
    """The server's processes get default SIGINT/SIGTERM even when this shell ignores them
    (a background job's do), so that stopping the process group works."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def dagster_dev(root: Path) -> Iterator[dict]:
    """``dagster dev -w workspace.yaml`` on a free port with temporary home, sources, output."""
    home, sources, output = root / "dagster_home", root / "sources", root / "output"
    home.mkdir()
    shutil.copytree(config.PROJECT_ROOT / "seeds", sources)
    (home / "dagster.yaml").write_text(
        "telemetry:\n  enabled: false\n"
        "run_queue:\n  max_concurrent_runs: 1\n")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWS_", "DAGSTER_"))}
    env.update(DAGSTER_HOME=str(home), NEWS_SOURCES_DIR=str(sources),
               NEWS_OUTPUT_DIR=str(output), NEWS_N_PROCESS="1")
    dagster = Path(sys.executable).parent / "dagster"  # this interpreter's environment's
    log = (root / "dagster.log").open("wb")
    server = subprocess.Popen(
        [str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=config.PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=_default_signals,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        def up() -> bool:
            if server.poll() is not None:
                pytest.fail(f"dagster dev exited with {server.returncode}:\n" + _tail(root))
            with urllib.request.urlopen(f"{url}/server_info", timeout=5) as response:
                return response.status == 200

        wait_for("dagster dev to serve its UI", SERVER_START_SECONDS, up)
        yield {"url": url, "output": output, "root": root}
    finally:
        _stop(server)
        log.close()


def _stop(server: subprocess.Popen) -> None:
    """Stop the server's whole process group (webserver, daemon, code servers, run workers)."""
    for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, sig)
        try:
            server.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):  # stragglers of the group, by its id
        os.killpg(server.pid, signal.SIGKILL)


def _tail(root: Path, chars: int = 4000) -> str:
    path = root / "dagster.log"
    return path.read_text(errors="replace")[-chars:] if path.exists() else ""


def graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(f"{url}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["data"]


RUNS = "{ runsOrError { ... on Runs { results { runId status jobName tags { key value } } } } }"
BACKFILLS = ("{ partitionBackfillsOrError { ... on PartitionBackfills "
             "{ results { id status } } } }")


def runs(url: str) -> list[dict]:
    return graphql(url, RUNS)["runsOrError"]["results"]


def backfills(url: str) -> list[dict]:
    return graphql(url, BACKFILLS)["partitionBackfillsOrError"]["results"]


def test_materialize_everything_from_the_asset_graph(tmp_path):
    chromium = ensure_chromium()
    sync_playwright = pytest.importorskip(
        "playwright.sync_api", reason="playwright is a dev dependency: pip install -e '.[dev]'"
    ).sync_playwright
    ARTIFACTS.mkdir(exist_ok=True)

    with dagster_dev(tmp_path) as server, sync_playwright() as playwright:
        url, output = server["url"], server["output"]
        browser = playwright.chromium.launch_persistent_context(
            tempfile.mkdtemp(dir=tmp_path, prefix="chromium-profile-"),
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1600, "height": 1000},
        )
        page = browser.new_page()
        page.set_default_timeout(30_000)
        try:
            # The asset graph: the four groups of the pipeline.
            page.goto(f"{url}/asset-groups", wait_until="domcontentloaded")
            materialize = page.get_by_role("button", name="Materialize all…")
            materialize.wait_for(state="visible", timeout=60_000)
            _dismiss_welcome(page)
            for group in ("ingest", "nlp", "corpus", "release"):
                assert page.get_by_role("button", name=group).first.is_visible(), group

            # The sensor registers a batch of sources as a partition in the tick that requests
            # its run.
            wait_for("the sensor's run (it registers the sources' batch as a partition)",
                     SENSOR_RUN_SECONDS, lambda: any(
                         {"key": "dagster/sensor_name", "value": "source_files_sensor"}
                         in run["tags"] for run in runs(url)), every=2)

            # The user materializes everything: all partitions. The dialog launches one run
            # for a single partition, or a backfill (one run: single-run policy) for several.
            before = {run["runId"] for run in runs(url)}
            materialize.click()
            dialog = page.get_by_role("dialog")
            dialog.get_by_role("button", name="All", exact=True).click()
            dialog.get_by_text(re.compile(r"^[1-9][0-9]* partitions?$")).wait_for(state="visible")
            launch = re.compile(r"^Launch (backfill|[0-9]+ runs?)$")
            dialog.get_by_role("button", name=launch).click()
            wait_for("the user's run or backfill to be created", 30,
                     lambda: backfills(url) or {r["runId"] for r in runs(url)} - before)

            def all_done() -> list[dict] | None:
                if any(b["status"] in ("REQUESTED", "CANCELING") for b in backfills(url)):
                    return None
                current = runs(url)
                return current if all(r["status"] in FINISHED for r in current) else None

            finished = wait_for("every run (and backfill) to finish", BUILD_SECONDS,
                                all_done, every=3)
            failed = [r for r in finished if r["status"] != "SUCCESS"]
            assert not failed, f"runs failed: {failed}\n{_tail(tmp_path)}"
            assert all(b["status"] == "COMPLETED_SUCCESS" for b in backfills(url)), _tail(tmp_path)
            launched = [r for r in finished if not any(
                t["key"] == "dagster/sensor_name" for t in r["tags"])]
            assert launched, "no run launched from the UI"

            latest = json.loads((output / "news-events" / "latest.json").read_text())
            release = output / "news-events" / latest["path"]
            assert (release / "articles.parquet").is_file()
            assert (release / "README.md").is_file()

            # What the user sees afterwards: the graph with every asset materialized.
            page.goto(f"{url}/asset-groups", wait_until="domcontentloaded")
            page.get_by_role("button", name="Materialize all…").wait_for(state="visible")
            _dismiss_welcome(page)
            page.wait_for_timeout(2000)
            page.screenshot(path=str(ARTIFACTS / "ui.png"), full_page=True)
        except BaseException:
            with contextlib.suppress(Exception):
                page.screenshot(path=str(ARTIFACTS / "ui-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    assert (ARTIFACTS / "ui.png").stat().st_size > 10_000


def _dismiss_welcome(page) -> None:
    """A fresh browser profile gets Dagster's one-time community dialog: skip it."""
    skip = page.get_by_role("button", name="Skip")
    with contextlib.suppress(Exception):
        skip.wait_for(state="visible", timeout=3000)
        skip.click()
