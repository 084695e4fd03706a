"""An exclusive lock on a local file that the kernel drops when its holder dies.

Used around what must never run twice at once on the same data: a build from scan to publish,
and a publish. An ``flock`` is released when its process exits, however it exits, so a killed
build never leaves the data locked. Object stores have no such primitive; there one build at a
time is the deployment's job (Dagster's run queue with a concurrency limit).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator


class LockBusy(TimeoutError):
    """Another process holds the lock (past the timeout, or at once when not waiting)."""


@contextlib.contextmanager
def exclusive(path: str, what: str, timeout: float) -> Iterator[None]:
    """Hold the lock file ``path``; wait up to ``timeout`` seconds (0: do not wait) for the
    process that holds it, then raise LockBusy saying that ``what`` is running."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockBusy(f"{what} is running (it holds {path}); try again when it has "
                                   "finished") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
