"""Chunked work over a process pool, results in input order.

Used where a step applies a pure function to every article of a large batch (cleaning, NLP):
chunks go to whichever worker is free, so long articles do not leave a worker idle, and only
plain data crosses process boundaries.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from threadpoolctl import threadpool_limits

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_chunks(
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    processes: int,
    chunk_size: int,
) -> Iterator[Result]:
    """``work`` over ``items`` in chunks, in ``processes`` forked workers (in this process
    when one is enough); yields the results in input order.

    ``work`` must be a module-level function (workers receive it by reference); whatever it
    needs that is expensive to build (a spaCy model) should be loaded before calling this, so
    the forked workers share it.
    """
    chunks = [items[i : i + chunk_size] for i in range(0, len(items), max(1, chunk_size))]
    if processes <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from work(chunk)
        return
    # Forked workers share the parent's memory until they write to it, and the garbage
    # collector writes to every object it scans: freezing moves what exists now out of its
    # reach, so the model and the batch stay shared instead of being copied into each worker.
    gc.freeze()
    threads = max(1, (os.cpu_count() or 1) // processes)
    pool = multiprocessing.get_context("fork").Pool(processes, initializer=_start_worker,
                                                    initargs=(threads,))
    try:
        for results in pool.imap(work, chunks):
            yield from results
        pool.close()  # workers finish and exit on their own
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()


def _start_worker(threads: int) -> None:
    """Each worker gets its share of the cores for matrix arithmetic: numpy's BLAS would
    otherwise start a thread per core in every worker, and those threads wait on each other.

    Workers die on SIGTERM, whatever handler the parent process installed (an inherited
    Python-level handler never runs while a worker waits on the pool's queue lock, so a
    terminated pool would wait for it forever)."""
    threadpool_limits(limits=threads, user_api="blas")
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
