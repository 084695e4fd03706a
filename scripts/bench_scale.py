"""Benchmark (not a test): the corpus steps and the release at 25,000 to 400,000 articles.

What ``make bench-scale`` runs. Per-article results at those sizes do not exist, so they are
synthesised from real ones: the stored clean and NLP results of a built corpus (the BBC by
default, built first when ``--work`` holds none) are copied into *universes*, each copy's
capitalised words (surnames, places, organisations; not titles, first names, months or
stop words) respelt by a letter substitution of its universe. Spellings keep their lengths,
so every offset stays valid, and within a universe every name is spelt alike: clusters of
entities, quotations and events stay the size they are in the real corpus, and universes
share only what the world shares (first names, acronyms, common quotations). Near-duplicate
fingerprints are shifted per universe the same way.

Then, for each size, in a fresh process sampled for memory (PSS summed over its tree):

1. **full**: ``build_articles``, ``build_entities``, ``build_quotes``, ``build_events`` (the
   corpus steps' own code), the tables' Arrow conversion and ``release.publish`` (validation,
   Parquet, the release's files) into an empty output folder;
2. **one added**: one more article (a new universe's copy of an ordinary one:
   ``typical_article``), the same steps again and a second release next to the first: its
   time, and the bytes it wrote (``ReleaseResult.bytes_written``: part files equal to the
   first release's are shared, not written) against the first's.

The results are held in memory: loading them from the work store is not counted (the
``make bench`` incremental figure measures that at the BBC's size). A size whose process
passes ``--max-pss-gb`` is stopped and reported as such.

And **one long article**: the corpus' articles joined into one text of ``--long-article-chars``
characters (a million by default: spaCy's own limit, beyond which the parser gets it in
pieces), in a source folder beside five ordinary articles, built by ``news-events build`` in a
private instance: its time, each step's, and the peak PSS of the build's process tree.

Usage: ``python scripts/bench_scale.py [--work DIR] [--sizes 25000,100000,400000]
[--long-article-chars 1000000]``; ``--sizes`` with no list runs the long article alone,
``--long-article-chars 0`` the sizes alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import json
import os
import pickle
import random
import re
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import TreeRss  # noqa: E402  (make bench's sampler: one copy)

PYTHON = sys.executable
DEFAULT_SIZES = "25000,100000,400000"
LONG_ARTICLE_CHARS = 1_000_000
ORDINARY_BESIDE_LONG = 5
_CAPITALISED = re.compile(r"\b([A-Z])([a-z]{2,})\b")


# ---------------------------------------------------------------------------------------------
# the base: one stored result per source, whatever code version made it
# ---------------------------------------------------------------------------------------------


def _latest_pickles(folder: Path) -> dict[str, Any]:
    """Each source's newest stored result under one asset's folder of the work store."""
    found: dict[str, Any] = {}
    for source_dir in sorted(p for p in folder.iterdir() if p.is_dir() and p.name[0] != "_"):
        files = sorted(source_dir.glob("*.pkl"), key=lambda p: p.stat().st_mtime)
        if files:
            found[source_dir.name] = pickle.loads(files[-1].read_bytes())
    return found


def load_base(work: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(cleaned records, NLP results) by source of a built work store, sources with both."""
    cleaned = _latest_pickles(work / "cleaned_articles")
    analyses = _latest_pickles(work / "article_nlp")
    keep = sorted(s for s in cleaned if s in analyses and not cleaned[s].get("reason"))
    return {s: cleaned[s] for s in keep}, {s: analyses[s] for s in keep}


def ensure_built(corpus: Path, work: Path) -> None:
    """Build ``corpus`` with the README's command into ``work`` unless it holds results."""
    if (work / "article_nlp").is_dir():
        return
    home = work.parent / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text((PROJECT / "deploy" / "dagster.local.yaml").read_text())
    env = {**os.environ, "NEWS_SOURCES_DIR": str(corpus), "NEWS_WORK_DIR": str(work),
           "NEWS_OUTPUT_DIR": str(work.parent / "output"), "DAGSTER_HOME": str(home)}
    print(f"building {corpus} once into {work} (its results are the base) ...", flush=True)
    subprocess.run([str(Path(PYTHON).with_name("news-events")), "build"], env=env, check=True)


# ---------------------------------------------------------------------------------------------
# universes
# ---------------------------------------------------------------------------------------------


def _kept_words() -> frozenset[str]:
    """Capitalised words every universe shares: titles, first names, months, weekdays and
    stop words ("Mr", "John", "March", "The")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from pipeline.entities import TITLES

    names = json.loads((PROJECT / "pipeline" / "data" / "first_names.json").read_text())
    calendar = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "monday", "tuesday",
                "wednesday", "thursday", "friday", "saturday", "sunday"]
    return frozenset({*STOP_WORDS, *TITLES, *names["p_female"], *calendar})


class Universe:
    """One copy of the corpus: its respelling of names and its shift of fingerprints."""

    def __init__(self, number: int, kept: frozenset[str]) -> None:
        self.number, self.kept = number, kept
        letters = list(string.ascii_lowercase)
        random.Random(number).shuffle(letters)
        self.table = str.maketrans(string.ascii_lowercase, "".join(letters))
        self.shift = random.Random(-number - 1).getrandbits(31)

    def _word(self, match: re.Match) -> str:
        word = match[0]
        return word if word.lower() in self.kept else match[1] + match[2].translate(self.table)

    def respell(self, value: Any) -> Any:
        """Every string inside ``value`` respelt (same lengths); other values as they are."""
        if self.number == 0:
            return value
        if isinstance(value, str):
            return _CAPITALISED.sub(self._word, value)
        if isinstance(value, dict):
            return {self.respell(k): self.respell(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.respell(v) for v in value)
        return value

    def fingerprint(self, value: tuple) -> tuple:
        """Shingles xor-ed and MinHash rows offset per universe: Jaccard within a universe
        and band collisions within it stay, across universes they (almost) vanish."""
        shingle_set, signature = value
        if self.number == 0:
            return value
        moved = frozenset(s ^ self.shift for s in shingle_set)
        return moved, (None if signature is None else signature + self.shift)

    def record(self, source: str, cleaned: dict) -> tuple[str, str, dict]:
        """The universe's copy of one cleaned record: its source key, sha256 and record."""
        from pipeline.clustering import stable_id

        key = f"u{self.number:04d}/{source}"
        sha = hashlib.sha256(f"{cleaned['source_sha256']}:{self.number}".encode()).hexdigest()
        article = cleaned["article"]
        copy = dict(cleaned)
        copy["article"] = dataclasses.replace(
            article, text=self.respell(article.text), title=self.respell(article.title),
            captions=self.respell(list(article.captions)))
        copy["article_id"] = stable_id("art", cleaned["article_id"], self.number)
        copy["source_sha256"] = sha
        if cleaned.get("fingerprint") is not None:
            copy["fingerprint"] = self.fingerprint(cleaned["fingerprint"])
        return key, sha, copy


def synthesise(cleaned: dict[str, Any], analyses: dict[str, Any], size: int, first: int = 0,
               sources: list[str] | None = None
               ) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """``size`` articles from universes ``first``, ``first + 1``, ...: cleaned records and NLP
    results by source key, and each key's sha256 (copies of ``sources``, default: all)."""
    kept = _kept_words()
    base = sources or sorted(cleaned)
    out_cleaned, out_nlp, shas = {}, {}, {}
    universe = None
    for index in range(size):
        number, position = divmod(index, len(base))
        if universe is None or universe.number != first + number:
            universe = Universe(first + number, kept)
        source = base[position]
        key, sha, record = universe.record(source, cleaned[source])
        out_cleaned[key], shas[key] = record, sha
        out_nlp[key] = universe.respell(analyses[source])
    return out_cleaned, out_nlp, shas


# ---------------------------------------------------------------------------------------------
# one size, in its own process
# ---------------------------------------------------------------------------------------------


def _timed(times: dict[str, float], name: str, step: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = step()
    times[name] = round(time.perf_counter() - started, 2)
    return value


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def corpus_and_release(cleaned: dict, analyses: dict, shas: dict, output: Path) -> dict:
    """The corpus steps and a release over the given results: step times and bytes written."""
    from pipeline import corpus
    from pipeline.config import Settings
    from pipeline.entities import CorpusEntities
    from pipeline.release import publish, to_arrow

    times: dict[str, float] = {}
    built = _timed(times, "articles", lambda: corpus.build_articles(cleaned))
    by_article = {row["article_id"]: analyses[built.primary_key[row["article_id"]]]
                  for row in built.articles}
    texts = {row["article_id"]: row["text"] for row in built.articles}
    resolved = _timed(times, "entities", lambda: corpus.build_entities(by_article, texts))
    lookup = CorpusEntities.from_columns(
        to_arrow("entities", resolved.entities).to_pydict(),
        to_arrow("entity_mentions", resolved.mentions).to_pydict())
    quotes = _timed(times, "quotes", lambda: corpus.build_quotes(by_article, lookup))
    events, event_mentions = _timed(
        times, "events", lambda: corpus.build_events(by_article, lookup, built.articles))
    rows = {"articles": built.articles, "rejected": built.rejected,
            "entities": resolved.entities, "entity_mentions": resolved.mentions,
            "quotes": quotes, "events": events, "event_mentions": event_mentions}
    tables = _timed(times, "arrow", lambda: {n: to_arrow(n, r) for n, r in rows.items()})
    part_bytes = Settings.from_env().part_bytes  # NEWS_PART_BYTES, as a build reads it
    result = _timed(times, "release", lambda: publish(
        tables, str(output), shas, {"code_version": "bench-scale"}, part_bytes=part_bytes))
    # what the publish wrote; part files equal to the previous release's are hard links
    release = output / "news-events" / str(result.version)
    parts = {name: len(list((release / f"{name}.parquet").glob("part-*.parquet")))
             for name in rows}
    return {"steps_s": times, "total_s": round(sum(times.values()), 2),
            "version": result.version, "published": result.published, "reason": result.reason,
            "bytes_written": result.bytes_written, "bytes_shared": result.bytes_shared,
            "release_bytes": _folder_bytes(release), "part_files": parts,
            "rows": {n: t.num_rows for n, t in tables.items()}}


def typical_article(analyses: dict[str, Any]) -> str:
    """The source with the median number of entity mentions: the added article is an ordinary
    one (the corpus's first file by name may be a list of duplicates, with none)."""
    ranked = sorted(analyses, key=lambda source: (len(analyses[source]["mentions"]), source))
    return ranked[len(ranked) // 2]


def run_size(work: Path, size: int, output: Path) -> dict:
    """Full corpus steps and release at ``size`` articles, then one article added."""
    cleaned, analyses = load_base(work)
    started = time.perf_counter()
    synth_cleaned, synth_nlp, shas = synthesise(cleaned, analyses, size)
    synthesis_s = round(time.perf_counter() - started, 1)
    gc.freeze()
    full = corpus_and_release(synth_cleaned, synth_nlp, shas, output)
    universes = -(-size // len(cleaned))
    extra_cleaned, extra_nlp, extra_shas = synthesise(cleaned, analyses, 1, first=universes,
                                                      sources=[typical_article(analyses)])
    synth_cleaned.update(extra_cleaned)
    synth_nlp.update(extra_nlp)
    shas.update(extra_shas)
    added = corpus_and_release(synth_cleaned, synth_nlp, shas, output)
    return {"size": size, "base_articles": len(cleaned), "universes": universes,
            "synthesis_s": synthesis_s, "full": full, "one_added": added}


# ---------------------------------------------------------------------------------------------
# one long article, through the command line
# ---------------------------------------------------------------------------------------------


def corpus_articles(corpus: Path) -> list[Path]:
    """The corpus' article files in name order (not its upper-case notes: DUPLICATES.txt)."""
    return sorted(p for p in corpus.glob("*.txt") if not p.stem.isupper())


def write_long_sources(corpus: Path, folder: Path, chars: int) -> int:
    """``folder`` made a source folder: the corpus' first articles joined, paragraph apart,
    into one text of at most ``chars`` characters under a headline of its own, and the next
    :data:`ORDINARY_BESIDE_LONG` articles as they are. Returns the long text's length."""
    folder.mkdir(parents=True)
    files = corpus_articles(corpus)
    parts, length = ["One long record of the year's news"], 0
    for path in files:
        body = path.read_text(encoding="utf-8").strip()
        length += len(parts[-1]) + 2
        if length + len(body) + 1 > chars:
            break
        parts.append(body)
    text = "\n\n".join(parts) + "\n"
    (folder / "long-record.txt").write_text(text, encoding="utf-8")
    joined = len(parts) - 1
    for path in files[joined:joined + ORDINARY_BESIDE_LONG]:
        (folder / path.name).write_bytes(path.read_bytes())
    return len(text)


_STEP_DONE = re.compile(r'Finished execution of step "([^"]+)" in (?:(\d+)m)?([\d.]+)(ms|s)')


def step_seconds(log: str) -> dict[str, float]:
    """Each step's duration as the build's log states it ("in 3m17s", "in 147ms")."""
    times = {}
    for step, minutes, value, unit in _STEP_DONE.findall(log):
        seconds = float(value) / (1000 if unit == "ms" else 1) + 60 * int(minutes or 0)
        times[step] = round(seconds, 2)
    return times


def measure_long_article(corpus: Path, tmp: Path, chars: int, max_pss_mb: float) -> dict:
    """``news-events build`` of one long article beside ordinary ones, in a fresh instance:
    wall time, step times, peak PSS of the process tree."""
    root = tmp / "long-article"
    length = write_long_sources(corpus, root / "sources", chars)
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((PROJECT / "deploy" / "dagster.local.yaml").read_text())
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "DAGSTER_HOME": str(home),
           "NEWS_SOURCES_DIR": str(root / "sources"), "NEWS_WORK_DIR": str(root / "work"),
           "NEWS_OUTPUT_DIR": str(root / "output")}
    argv = [str(Path(PYTHON).with_name("news-events")), "build", "-v"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            cwd=PROJECT, env=env)
    _, stderr, stopped, memory = _sampled(proc, max_pss_mb)
    logs = sorted((home / "logs").glob("build-*.log"))
    row = {"characters": length, "ordinary_articles": ORDINARY_BESIDE_LONG, **memory,
           "steps_s": step_seconds(logs[-1].read_text()) if logs else {}}
    if stopped:
        return {**row, "stopped": f"over {max_pss_mb:.0f} MB PSS"}
    if proc.returncode != 0:
        return {**row, "failed": stderr[-2000:]}
    return row


# ---------------------------------------------------------------------------------------------
# the driver
# ---------------------------------------------------------------------------------------------


def _sampled(proc: subprocess.Popen, max_pss_mb: float) -> tuple[str, str, bool, dict]:
    """Wait for ``proc``, sampling its tree's memory, killing it past ``max_pss_mb``: its
    output, error output, whether it was stopped, and its wall time and memory figures."""
    started = time.perf_counter()
    sampler = TreeRss(proc.pid)
    stopped = False
    while proc.poll() is None:
        if sampler.peak_pss_mb > max_pss_mb:
            proc.kill()
            stopped = True
        time.sleep(1)
    stdout, stderr = proc.communicate()
    _, peak_pss, largest = sampler.stop()
    return stdout, stderr, stopped, {"wall_s": round(time.perf_counter() - started, 1),
                                     "peak_pss_mb": peak_pss, "largest_process_rss_mb": largest}


def _measure(work: Path, size: int, tmp: Path, max_pss_mb: float) -> dict:
    """One size in a fresh process, stopped when its tree passes ``max_pss_mb``."""
    output = tmp / f"output-{size}"
    argv = [PYTHON, __file__, "_size", str(work), str(size), str(output)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=PROJECT, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    stdout, stderr, stopped, memory = _sampled(proc, max_pss_mb)
    if stopped:
        return {"size": size, "stopped": f"over {max_pss_mb:.0f} MB PSS", **memory}
    if proc.returncode != 0:
        return {"size": size, "failed": stderr[-2000:], **memory}
    return {**json.loads(stdout.strip().splitlines()[-1]), **memory}


def _table(results: list[dict]) -> str:
    lines = ["| articles | corpus steps + release | peak PSS | bytes written | one added: time "
             "| one added: bytes (share of full) |", "|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        if "full" not in r:
            lines.append(f"| {r['size']:,} | {r.get('stopped') or 'failed'} after "
                         f"{r['wall_s']} s | {r['peak_pss_mb'] / 1024:.2f} GB | | | |")
            continue
        full, added = r["full"], r["one_added"]
        share = added["bytes_written"] / max(full["bytes_written"], 1)
        lines.append(f"| {r['size']:,} | {full['total_s']} s | {r['peak_pss_mb'] / 1024:.2f} GB "
                     f"| {full['bytes_written'] / 1e6:.1f} MB | {added['total_s']} s "
                     f"| {added['bytes_written'] / 1e6:.1f} MB ({share:.0%}) |")
    return "\n".join(lines)


def _long_table(row: dict) -> str:
    nlp = row["steps_s"].get("article_nlp")
    return "\n".join([
        "| one long article | build time | of which NLP | peak PSS | largest process RSS |",
        "|---:|---:|---:|---:|---:|",
        f"| {row['characters']:,} characters (+ {row['ordinary_articles']} ordinary) "
        f"| {row.get('stopped') or row.get('failed', '')[-80:] or str(row['wall_s']) + ' s'} "
        f"| {'' if nlp is None else f'{nlp} s'} | {row['peak_pss_mb'] / 1024:.2f} GB "
        f"| {row['largest_process_rss_mb'] / 1024:.2f} GB |"])


def _write_json(path: Path, corpus: Path, results: list[dict] | None,
                long_article: dict | None) -> None:
    """Into ``path``, keeping what an earlier run measured that this one did not."""
    old = json.loads(path.read_text()) if path.exists() else {}
    merged = {"corpus": str(corpus), "results": old.get("results", []),
              "long_article": old.get("long_article")}
    if results is not None:
        merged["results"] = results
    if long_article is not None:
        merged["long_article"] = long_article
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(merged, indent=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("NEWS_BENCH_CORPUS", "../shared/corpora/bbc")))
    parser.add_argument("--work", type=Path, default=None,
                        help="a work store holding the corpus' results (default: built once "
                             "into the temporary folder's news-events-bench-scale/work)")
    parser.add_argument("--sizes", nargs="?", const="", default=DEFAULT_SIZES,
                        help="comma-separated corpus sizes; given with no list, none")
    parser.add_argument("--long-article-chars", type=int, default=LONG_ARTICLE_CHARS,
                        help="length of the one long article built by the command line "
                             "(0: none)")
    parser.add_argument("--max-pss-gb", type=float, default=16.0,
                        help="stop a size whose process tree passes this (the machine has 24)")
    parser.add_argument("--json", type=Path, default=PROJECT / "bench-results" / "bench-scale.json")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.gettempdir()) / "news-events-bench-scale" / "work"
    if sizes:
        ensure_built(args.corpus.resolve(), work)
    results, long_article = [], None
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for size in sizes:
            print(f"{size:,} articles ...", flush=True)
            results.append(_measure(work, size, Path(tmp), args.max_pss_gb * 1024))
            print(json.dumps(results[-1]), flush=True)
        if args.long_article_chars > 0:
            print(f"one article of {args.long_article_chars:,} characters ...", flush=True)
            long_article = measure_long_article(args.corpus.resolve(), Path(tmp),
                                                args.long_article_chars, args.max_pss_gb * 1024)
            print(json.dumps(long_article), flush=True)
    _write_json(args.json, args.corpus, results if sizes else None, long_article)
    if sizes:
        print(_table(results))
    if long_article is not None:
        print(_long_table(long_article))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_size":
        print(json.dumps(run_size(Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))))
        sys.exit(0)
    sys.exit(main())
