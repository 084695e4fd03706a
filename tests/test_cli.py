"""The command line as a script meets it: ``python -m pipeline ...`` in a subprocess, against
releases built from a copy of the seeds, checking output and exit codes (0 ok, 1 failed, 2 usage).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import config
from schemas import TABLES

pytestmark = pytest.mark.integration


def _run(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], env=env,
                          cwd=config.PROJECT_ROOT, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """Two releases: the seeds (1.0.0, built in three batches of at most two sources), then
    the seeds plus one article (1.1.0, one batch)."""
    root = tmp_path_factory.mktemp("cli")
    sources, output, home = root / "sources", root / "output", root / "dagster_home"
    shutil.copytree(config.PROJECT_ROOT / "seeds", sources)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWS_", "DAGSTER_"))}
    env.update(NEWS_SOURCES_DIR=str(sources), NEWS_OUTPUT_DIR=str(output),
               DAGSTER_HOME=str(home), NEWS_N_PROCESS="1")
    first = _run(dict(env, NEWS_BATCH_SOURCES="2"), "build")
    seed = sorted(sources.glob("*.txt"))[0].read_text(encoding="utf-8")
    (sources / "extra.txt").write_text(
        seed.replace("\n\n", "\n\nAn editor added this line, said Jane Doe, a reader.\n\n", 1),
        encoding="utf-8")
    second = _run(env, "build")
    return {"env": env, "root": root, "output": output, "first": first, "second": second}


def test_build_publishes_and_summarises_the_release(built):
    first = built["first"]
    assert first.returncode == 0, first.stderr[-3000:]
    assert "release: first release -> version 1.0.0" in first.stdout
    assert "rows in release 1.0.0" in first.stdout
    summary = {cells[0]: cells[1] for line in first.stdout.splitlines()
               if len(cells := [c.strip() for c in line.strip("│ ").split("│")]) == 2}
    assert summary["articles"] == "5"
    assert set(TABLES) <= set(summary)
    release = built["output"] / "news-events" / "1.0.0"
    assert (release / "README.md").is_file(), "the dataset card is written with each release"
    second = built["second"]
    assert second.returncode == 0, second.stderr[-3000:]
    assert "1 new, 0 changed, 0 deleted" in second.stdout
    assert "version 1.1.0" in second.stdout


def _stage_lines(stderr: str) -> dict[str, list[str]]:
    """The plain progress lines (stderr is no terminal) by stage: "read: 5/5 sources, ..."."""
    lines: dict[str, list[str]] = {}
    for line in stderr.splitlines():
        stage, _, rest = line.partition(": ")
        if stage in {"read", "clean", "NLP", "corpus tables", "release"}:
            lines.setdefault(stage, []).append(rest)
    return lines


def test_a_build_split_into_batches_reports_one_line_per_stage_for_all_of_them(built):
    """Three batch runs, then one publish run: each stage is one line counting every batch's
    sources, as a build of one batch would print it."""
    split, single = _stage_lines(built["first"].stderr), _stage_lines(built["second"].stderr)
    assert {stage: len(lines) for stage, lines in split.items()} == {
        "read": 1, "clean": 1, "NLP": 1, "corpus tables": 1, "release": 1}
    assert split["read"][0].startswith("5/5 sources, ")
    assert split["clean"][0].startswith("5/5 articles, ")
    assert split["NLP"][0].startswith("5/5 articles, ")
    assert split["release"][0].endswith("first release -> 1.0.0")
    assert single["read"][0].startswith("1/1 sources, ")
    assert single["NLP"][0].startswith("1/1 articles, ")


def test_build_with_nothing_new_succeeds_and_says_so(built):
    again = _run(built["env"], "build")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "nothing to build" in again.stdout


def test_build_that_fails_exits_1(built, tmp_path):
    env = dict(built["env"], NEWS_SPACY_MODEL="no_such_spacy_model",
               NEWS_OUTPUT_DIR=str(tmp_path / "out"), DAGSTER_HOME=str(tmp_path / "home"))
    failed = _run(env, "build")
    assert failed.returncode == 1, failed.stdout[-2000:]
    assert "build failed" in failed.stderr
    assert "error in article_nlp: OSError: [E050] Can't find model 'no_such_spacy_model'" \
        in failed.stderr  # the cause, not Dagster's "error occurred while executing op"
    log = Path(failed.stdout.splitlines()[-1].removeprefix("full log: "))
    assert "Stack Trace:" in log.read_text(encoding="utf-8")  # the whole error is in the log
    assert not (tmp_path / "out" / "news-events" / "latest.json").exists()


def test_versions_lists_both_and_marks_the_latest(built):
    listed = _run(built["env"], "versions")
    assert listed.returncode == 0
    assert listed.stdout.splitlines() == ["1.0.0", "1.1.0  (latest)"]


def test_versions_without_any_release_exits_1(built, tmp_path):
    none = _run(dict(built["env"], NEWS_OUTPUT_DIR=str(tmp_path)), "versions")
    assert none.returncode == 1
    assert "no release published" in none.stderr


def test_diff_prints_rows_added_removed_changed_per_table(built):
    diff = _run(built["env"], "diff", "1.0.0", "latest")
    assert diff.returncode == 0, diff.stderr
    lines = diff.stdout.splitlines()
    assert lines[0] == "1.0.0 -> 1.1.0"
    assert lines[1].split() == ["table", "added", "removed", "changed"]
    rows = {line.split()[0]: [int(n) for n in line.split()[1:]] for line in lines[2:]}
    assert set(rows) == set(TABLES)
    assert rows["articles"] == [1, 0, 1]
    assert rows["entity_mentions"][0] > 0


def test_diff_takes_release_folders_as_well_as_versions(built):
    releases = built["output"] / "news-events"
    by_path = _run(built["env"], "diff", str(releases / "1.0.0"), str(releases / "1.1.0"))
    assert by_path.returncode == 0, by_path.stderr
    by_version = _run(built["env"], "diff", "1.0.0", "1.1.0")
    assert by_path.stdout == by_version.stdout
    elsewhere = _run(built["env"], "diff", str(built["root"]), "1.1.0")
    assert elsewhere.returncode == 2
    assert "is not a release folder" in elsewhere.stderr


def test_diff_of_an_unknown_version_is_bad_usage(built):
    diff = _run(built["env"], "diff", "1.0.0", "7.7.7")
    assert diff.returncode == 2
    assert "no version 7.7.7" in diff.stderr and "1.1.0" in diff.stderr


def test_validate_accepts_a_published_release(built):
    folder = built["output"] / "news-events" / "1.1.0"
    ok = _run(built["env"], "validate", str(folder))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith("valid: ")
    assert "entity_mentions" in ok.stdout
    by_version = _run(built["env"], "validate", "latest")  # $NEWS_OUTPUT_DIR's latest: 1.1.0
    assert by_version.returncode == 0, by_version.stdout + by_version.stderr
    assert by_version.stdout.splitlines()[0] == f"valid: {folder}"


def test_validate_names_the_broken_table_and_exits_1(built, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(built["output"] / "news-events" / "1.1.0", broken)
    quotes = pq.read_table(broken / "quotes.parquet")
    shifted = pa.compute.add(quotes["start"], 1)
    pq.write_table(quotes.set_column(quotes.schema.get_field_index("start"), "start", shifted),
                   broken / "quotes.parquet")
    bad = _run(built["env"], "validate", str(broken))
    assert bad.returncode == 1
    assert "table 'quotes'" in bad.stdout and "problem(s)" in bad.stdout


def test_validate_of_a_missing_folder_is_bad_usage(built, tmp_path):
    missing = _run(built["env"], "validate", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "no release folder" in missing.stderr


def test_eval_scores_a_release_and_writes_json(built, tmp_path):
    report = tmp_path / "report.json"
    scored = _run(built["env"], "eval", "1.0.0", "--json", str(report))
    assert scored.returncode == 0, scored.stderr
    assert "| quote recall (tier A) |" in scored.stdout
    assert '"quotes"' in report.read_text()
    copy = tmp_path / "copy"  # a release folder anywhere
    shutil.copytree(built["output"] / "news-events" / "1.0.0", copy)
    by_path = _run(built["env"], "eval", str(copy))
    assert by_path.returncode == 0, by_path.stderr
    assert by_path.stdout == scored.stdout
    old_flag = _run(built["env"], "eval", "--version", "1.0.0")  # scripts written before TARGET
    assert old_flag.stdout == scored.stdout


def test_eval_of_a_cut_release_folder_names_the_file(built, tmp_path):
    copy = tmp_path / "cut"
    shutil.copytree(built["output"] / "news-events" / "1.0.0", copy)
    (copy / "quotes.parquet").write_bytes((copy / "quotes.parquet").read_bytes()[:100])
    cut = _run(built["env"], "eval", str(copy))
    assert cut.returncode == 1
    assert "quotes.parquet" in cut.stderr and "incomplete" in cut.stderr


def test_versions_takes_the_output_directory(built):
    env = {k: v for k, v in built["env"].items() if k != "NEWS_OUTPUT_DIR"}
    listed = _run(env, "versions", str(built["output"]))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == ["1.0.0", "1.1.0  (latest)"]


def test_build_flags_override_the_environment(built, tmp_path):
    """--sources and --output win over NEWS_SOURCES_DIR / NEWS_OUTPUT_DIR, and the work dir
    follows --output (settings are passed down, not written to the environment)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    seed = sorted((config.PROJECT_ROOT / "seeds").glob("*.txt"))[0]
    shutil.copy(seed, sources / seed.name)
    env = dict(built["env"], NEWS_SOURCES_DIR=str(tmp_path / "nowhere"),
               NEWS_OUTPUT_DIR=str(tmp_path / "not-here"), DAGSTER_HOME=str(tmp_path / "home"))
    flagged = _run(env, "build", "--sources", str(sources), "--output", str(tmp_path / "out"))
    assert flagged.returncode == 0, flagged.stderr[-3000:]
    assert (tmp_path / "out" / "news-events" / "1.0.0" / "datapackage.json").is_file()
    assert (tmp_path / "out" / ".work" / "batches").is_dir()
    assert not (tmp_path / "not-here").exists()


def test_settings_read_the_environment_once_and_take_overrides():
    env = {"NEWS_OUTPUT_DIR": "/data/out", "NEWS_N_PROCESS": "3"}
    settings = config.Settings.from_env(env)
    assert settings.output_dir == "/data/out" and settings.work_dir == "/data/out/.work"
    assert settings.n_process == 3
    assert settings.sources_dir == str(config.PROJECT_ROOT / "seeds")
    moved = config.Settings.from_env(env, output_dir="/elsewhere", sources_dir=None)
    assert moved.work_dir == "/elsewhere/.work"  # follows the output unless set itself
    assert moved.sources_dir == settings.sources_dir  # None: not given
    pinned = config.Settings.from_env({**env, "NEWS_WORK_DIR": "/work"}, output_dir="/elsewhere")
    assert pinned.work_dir == "/work"
    with pytest.raises(TypeError, match="unknown settings"):
        config.Settings.from_env(env, output="/typo")


def test_bad_usage_exits_2():
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWS_")}
    assert _run(env, "no-such-command").returncode == 2
    assert _run(env, "validate").returncode == 2
    assert _run(env, "diff", "1.0.0").returncode == 2
    assert _run(env, "eval", "no-such-release").returncode == 2
    helped = _run(env, "--help")
    assert helped.returncode == 0 and "Exit codes" in helped.stdout


def test_the_entry_point_runs_python_exit_steps_and_keeps_the_exit_code(tmp_path):
    """``run`` leaves through ``os._exit`` (past the native teardown that can abort a finished
    command), but after what interpreter exit would run: atexit handlers and a non-daemon
    thread's end, the output flushed, the command's own code."""
    script = (
        "import atexit, sys, threading, time\n"
        "from pipeline import cli\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "threading.Thread(target=lambda: (time.sleep(0.2), print('thread ended'))).start()\n"
        f"sys.argv = ['news-events', 'validate', {str(tmp_path / 'nowhere')!r}]\n"
        "cli.run()\n"
        "print('not reached')\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=config.PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "no release folder" in done.stderr
    assert done.stdout.split() == ["thread", "ended", "atexit", "ran"]
