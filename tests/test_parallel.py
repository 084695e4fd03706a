"""Work spread over processes gives exactly what one process gives, in input order."""

from __future__ import annotations

import os
from pathlib import Path

from threadpoolctl import threadpool_info

from pipeline.analysis import ArticleInput, analyse
from pipeline.cleaning import clean_records
from pipeline.config import DEFAULT_MODEL
from pipeline.parallel import map_chunks

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _square_all(chunk):
    return [x * x for x in chunk]


def test_map_chunks_keeps_input_order_across_workers():
    items = list(range(103))
    assert list(map_chunks(_square_all, items, processes=2, chunk_size=7)) == [
        x * x for x in items]


def _blas_threads(chunk):
    return [max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")
            for _ in chunk]


def test_each_worker_gets_its_share_of_the_cores_for_blas():
    # numpy's BLAS would start a thread per core in every worker, oversubscribing the cores
    share = max(1, (os.cpu_count() or 1) // 2)
    assert set(map_chunks(_blas_threads, list(range(8)), processes=2, chunk_size=2)) == {share}


def test_cleaning_and_nlp_in_two_processes_match_one_process():
    raws = [((f"{i}/{path.name}", "sha"), {"source": f"{i}/{path.name}", "reason": None,
                                           "sha256": f"{i:064x}", "encoding": "utf-8",
                                           "text": path.read_text(encoding="utf-8")})
            for i in range(4) for path in SEEDS]
    cleaned_one = list(map_chunks(clean_records, raws, processes=1, chunk_size=3))
    cleaned_two = list(map_chunks(clean_records, raws, processes=2, chunk_size=3))
    strip = [(version, {k: v for k, v in record.items() if k != "fingerprint"})
             for version, record in cleaned_one]
    assert strip == [(version, {k: v for k, v in record.items() if k != "fingerprint"})
                     for version, record in cleaned_two]
    inputs = [ArticleInput.of(version, record) for version, record in cleaned_one]
    one = list(analyse(inputs, DEFAULT_MODEL, n_process=1))
    two = list(analyse(inputs, DEFAULT_MODEL, n_process=2, batch_size=4))
    assert one == two
    assert [key for key, _ in two] == [a.key for a in inputs]
