"""State that survives every failure: a build that failed or was killed between NLP and publish,
a damaged work store, a code upgrade, a killed run left STARTED, and two builds at once.

Each case makes the real fault (a real failed publish, truncated files, a SIGKILLed build
process, a write past a real file-size limit) and checks what the next build does.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import dagster as dg
import polars as pl
import pytest
from dagster._core.events import EngineEventData

from pipeline.defs.automation import fail_runs_without_worker, source_files_sensor
from pipeline.defs.build import build, resource_config
from pipeline.defs.constants import BUILD_JOB, CLEANED_ARTICLES, WORKER_PID_TAG
from pipeline.defs.resources import DamagedStoreFile, NewsConfig, WorkStore
from pipeline.provenance import STAGES, stage_versions
from pipeline.release import list_versions, read_latest, read_release

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _sources(folder: Path, count: int = 2) -> Path:
    folder.mkdir()
    for seed in SEEDS[:count]:
        shutil.copy(seed, folder / seed.name)
    return folder


def _store() -> WorkStore:
    return WorkStore(**resource_config()["work_store"])


@pytest.fixture()
def fresh(tmp_path, pipeline_instance):
    """Two seeds, an empty output folder and a temporary Dagster instance."""
    sources = _sources(tmp_path / "sources")
    output = tmp_path / "output"
    with pipeline_instance(tmp_path, str(sources), str(output)) as instance:
        yield {"instance": instance, "sources": sources, "output": output, "root": tmp_path}


def test_a_build_whose_publish_failed_is_published_by_the_next_one(fresh):
    """A real failure of the release step (the dataset folder cannot be made: a file is in
    its place); the next build has no source to build but publishes what was built."""
    blocker = fresh["output"] / "news-events"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("not a folder")
    failed = build(fresh["instance"])
    assert not failed.success
    assert any("release" in error for error in failed.errors()), failed.errors()
    blocker.unlink()

    again = build(fresh["instance"])
    assert not again.changes
    assert again.success, again.errors()
    assert again.publish_reason == "no complete release is published yet"
    assert again.release["version"] == "1.0.0"
    assert read_release(str(fresh["output"]))["articles"].height == 2
    assert build(fresh["instance"]).result is None  # and now there is nothing left to do


def test_a_removed_release_is_published_again(fresh):
    assert build(fresh["instance"]).release["version"] == "1.0.0"
    shutil.rmtree(fresh["output"] / "news-events")
    again = build(fresh["instance"])
    assert again.success, again.errors()
    assert again.publish_reason is not None
    assert list_versions(str(fresh["output"])) == ["1.0.0"]
    assert read_latest(str(fresh["output"]))["version"] == "1.0.0"


def test_damaged_stored_results_are_named_set_aside_and_rebuilt(fresh, caplog):
    assert build(fresh["instance"]).success
    work = fresh["output"] / ".work"
    (nlp_file,) = sorted((work / "article_nlp").glob(f"{SEEDS[0].name}/*.pkl"))
    nlp_file.write_bytes(nlp_file.read_bytes()[:100])  # a truncated pickle
    (clean_file,) = sorted((work / "cleaned_articles").glob(f"{SEEDS[1].name}/*.pkl"))
    clean_file.write_bytes(b"")  # a 0-byte file, as a full disk left one

    again = build(fresh["instance"])
    assert again.success, again.errors()
    assert set(again.damaged) == {str(nlp_file), str(clean_file)}
    assert str(nlp_file) in caplog.text and str(clean_file) in caplog.text
    assert set(again.changes.to_build) == {SEEDS[0].name, SEEDS[1].name}
    assert nlp_file.with_name(nlp_file.name + ".damaged").exists()
    assert nlp_file.stat().st_size > 100  # rebuilt whole
    tables = read_release(str(fresh["output"]))
    assert tables["articles"].height == 2
    assert tables["quotes"].filter(pl.col("speaker_entity_id").is_not_null()).height > 0


def test_a_damaged_manifest_or_table_is_named(fresh):
    assert build(fresh["instance"]).success
    store = _store()
    (manifest,) = (fresh["output"] / ".work" / "batches").glob("*.json")
    batch = manifest.stem
    manifest.write_text('{"sources": {"a.txt"')
    with pytest.raises(DamagedStoreFile, match=str(manifest)):
        store.load_manifest(batch)
    assert store.current_sources() == {}  # set aside: its sources count as never built
    table = fresh["output"] / ".work" / "quotes.parquet"
    table.write_bytes(table.read_bytes()[:200])
    with pytest.raises(DamagedStoreFile, match=str(table)):
        store.load_table("quotes")
    again = build(fresh["instance"])  # the sources are built again, the tables rewritten
    assert again.success, again.errors()
    assert set(again.changes.added) == {SEEDS[0].name, SEEDS[1].name}


_WRITE_PAST_LIMIT = textwrap.dedent("""
    import resource, signal, sys
    from pipeline.defs.resources import WorkStore
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        WorkStore(base_dir=sys.argv[1])._write(sys.argv[1] + "/table.bin", b"n" * 100_000)
    except OSError as error:
        print(error.errno)
""")


def test_a_write_that_fails_midway_leaves_the_old_file_whole(tmp_path):
    """A real failed write (the kernel's file-size limit, as a full disk does): the stored
    file keeps its old bytes and no partial or temporary file is left."""
    store = WorkStore(base_dir=str(tmp_path))
    store._write(f"{tmp_path}/table.bin", b"old")
    done = subprocess.run([sys.executable, "-c", _WRITE_PAST_LIMIT, str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "27", done.stderr  # EFBIG
    assert (tmp_path / "table.bin").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.bin"]
    assert resource.getrlimit(resource.RLIMIT_FSIZE)[0] == resource.RLIM_INFINITY


_WRITE_BATCH_PAST_LIMIT = _WRITE_PAST_LIMIT.replace(
    '._write(sys.argv[1] + "/table.bin", b"n" * 100_000)',
    '._write_all([(sys.argv[1] + "/a/one.pkl", b"small"),'
    ' (sys.argv[1] + "/b/two.pkl", b"n" * 100_000)])')


def test_a_batch_write_that_fails_midway_publishes_none_of_its_files(tmp_path):
    """Files written together are renamed into place only once all are on disk: a failure on
    the second leaves the first unpublished too, and no temporary file behind."""
    store = WorkStore(base_dir=str(tmp_path))
    store._write_all([(f"{tmp_path}/a/one.pkl", b"old one"), (f"{tmp_path}/a/three.pkl", b"3")])
    done = subprocess.run([sys.executable, "-c", _WRITE_BATCH_PAST_LIMIT, str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "27", done.stderr  # EFBIG
    assert (tmp_path / "a" / "one.pkl").read_bytes() == b"old one"
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["one.pkl", "three.pkl"]
    assert list((tmp_path / "b").iterdir()) == []


def test_results_of_another_code_version_are_extracted_again(fresh):
    """Stored results made by another version of the extraction code are never served: the
    next build extracts those sources again and the release records the versions."""
    assert build(fresh["instance"]).success
    work = fresh["output"] / ".work"
    for asset in ("raw_articles", "cleaned_articles", "article_nlp"):
        for path in (work / asset).glob("*/*.pkl"):
            path.rename(path.with_name(path.name.split("-")[0] + "-0ld0ld0ld0ld.pkl"))
    again = build(fresh["instance"])
    assert again.success, again.errors()
    assert set(again.changes.outdated) == {SEEDS[0].name, SEEDS[1].name}
    assert not again.changes.added
    assert "2 re-extracted" in again.changes.describe()
    package = json.loads((fresh["output"] / "news-events" / "1.0.0" / "datapackage.json")
                         .read_text())
    versions = package["provenance"]["stage_versions"]
    assert versions == stage_versions(resource_config()["spacy"]["model"])
    assert set(versions) == set(STAGES)


def _build_process(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "build"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _env(root: Path, sources: Path, output: Path) -> dict[str, str]:
    home = root / "home"
    home.mkdir(exist_ok=True)
    return {**os.environ, "DAGSTER_HOME": str(home), "NEWS_SOURCES_DIR": str(sources),
            "NEWS_OUTPUT_DIR": str(output), "NEWS_N_PROCESS": "1"}


def test_a_killed_build_never_blocks_the_sensor(tmp_path):
    """A `news-events build` killed while its run is STARTED: the sensor marks the run failed
    (its worker is gone) instead of skipping every later tick, and requests a build."""
    sources, output = _sources(tmp_path / "sources"), tmp_path / "output"
    env = _env(tmp_path, sources, output)
    instance = dg.DagsterInstance.from_config(env["DAGSTER_HOME"])  # its storage, made once
    process = _build_process(env)
    try:
        for _ in range(1200):  # until the run is STARTED (bounded: 10 min at most)
            if instance.get_runs(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])):
                break
            assert process.poll() is None, process.communicate()
            time.sleep(0.5)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        (run,) = instance.get_runs(dg.RunsFilter(job_name=BUILD_JOB))
        assert run.status == dg.DagsterRunStatus.STARTED  # what the kill left behind

        news = NewsConfig(sources_dir=str(sources), output_dir=str(output))
        store = WorkStore(base_dir=f"{output}/.work")
        context = dg.build_sensor_context(instance=instance,
                                          resources={"news": news, "work_store": store})
        tick = source_files_sensor(context)
        assert isinstance(tick, dg.SensorResult), tick
        assert len(tick.run_requests) == 1
        assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.FAILURE
    finally:
        if process.poll() is None:
            process.kill()
        instance.dispose()


def test_a_live_run_is_left_alone(fresh):
    """The worker check fails only dead runs: this process's finished build and a started run
    whose worker (this process) is alive are not touched."""
    assert build(fresh["instance"]).success
    instance = fresh["instance"]
    run = instance.create_run_for_job(
        dg.Definitions(jobs=[dg.define_asset_job(BUILD_JOB)]).resolve_job_def(BUILD_JOB),
        status=dg.DagsterRunStatus.STARTED)
    instance.report_engine_event(f"Executing steps in process (pid: {os.getpid()})", run,
                                 EngineEventData.in_process(os.getpid()))
    assert fail_runs_without_worker(instance) == []
    assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.STARTED


def test_two_builds_started_together_publish_one_whole_release(tmp_path):
    """Two `news-events build` on the same output, started together: one builds and
    publishes, the other waits for the build lock, then finds nothing left to build."""
    sources, output = _sources(tmp_path / "sources", 3), tmp_path / "output"
    env = _env(tmp_path, sources, output)
    processes = [_build_process(env) for _ in range(2)]
    outputs = [process.communicate(timeout=900) for process in processes]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr[-3000:]
    said = " ".join(stdout for stdout, _ in outputs)
    assert said.count("version 1.0.0") == 1, said
    assert "nothing to build" in said, said
    assert list_versions(str(output)) == ["1.0.0"]
    tables = read_release(str(output))
    assert tables["articles"].height == 3
    quotes = tables["quotes"]
    assert quotes.height > 0
    assert quotes.filter(pl.col("speaker").is_not_null()
                         & pl.col("speaker_entity_id").is_null()).height == 0


def test_a_batch_just_saved_is_read_back_as_written_and_a_rewritten_file_anew(tmp_path):
    """The next step of a run gets the saved results without unpickling them again; a file
    written since is read from disk."""
    store = WorkStore(base_dir=str(tmp_path))
    version = ("a.txt", "0" * 64)
    value = {"text": "Body.", "batch": "b1"}
    store.save_batch(CLEANED_ARTICLES, "b1", {version: value})
    assert store.load_batch(CLEANED_ARTICLES, "b1")[version] is value
    path = store.version_path(CLEANED_ARTICLES, *version)
    store._write(path, pickle.dumps({"text": "Changed.", "batch": "b1"}))  # another size
    assert store.load_batch(CLEANED_ARTICLES, "b1")[version]["text"] == "Changed."


def test_a_run_killed_before_its_executor_logged_a_pid_is_failed_by_its_tag(tmp_path):
    """`news-events build` tags each run with its own pid when it creates it: a build killed
    between the run's start and the executor's first engine event (which names the pid) is
    still seen to have no worker, and a run whose tagged process lives is left alone."""
    from dagster._core.storage.dagster_run import DagsterRun

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    with dg.DagsterInstance.local_temp(str(tmp_path)) as instance:
        for run_id, pid in (("killed", int(gone.stdout)), ("alive", os.getpid())):
            instance.add_run(DagsterRun(job_name=BUILD_JOB, run_id=run_id,
                                        status=dg.DagsterRunStatus.STARTED,
                                        tags={WORKER_PID_TAG: str(pid)}))
        assert fail_runs_without_worker(instance) == ["killed"]
        assert instance.get_run_by_id("killed").status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id("alive").status == dg.DagsterRunStatus.STARTED
