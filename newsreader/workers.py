"""Running a function over many items on forked worker processes, results in order.

Parsing a folder and scanning every article are CPU-bound and independent
per file, so the library spreads them over the cores. Items are handed out
a slice at a time, so results never pile up in memory and the workers never
run far ahead of the consumer. Workers leave Ctrl-C to the main process and
exit quietly when it is gone.
"""

from __future__ import annotations

from typing import Callable, Iterator

PARALLEL_FROM = 400  # items below which starting worker processes costs more than it saves
SLICE = 2000  # items handed to the workers at a time


def in_order(
    work: Callable, items: list, workers: int, *extra, prepare: Callable[[list], list] | None = None
) -> Iterator:
    """``work(item, *extra)`` for every item, in order, on ``workers`` forked processes when there
    are many; ``prepare``, if given, turns each slice of the items into what ``work`` receives
    (run in this process, a slice at a time, just before the slice is handed out)."""
    parts = (items[start : start + SLICE] for start in range(0, len(items), SLICE))
    prepared = parts if prepare is None else map(prepare, parts)
    if workers <= 1 or len(items) < PARALLEL_FROM:
        yield from (work(item, *extra) for part in prepared for item in part)
        return
    import gc

    # Forked workers share the parent's memory until they write to it, and a garbage collection
    # pass writes to every object it visits: frozen objects are left alone, so a worker does not
    # end up copying the parent's list of items.
    gc.freeze()
    try:
        with _pool(workers, work, extra) as pool:
            # the next slice is queued while this one is read, so workers do not idle meanwhile
            slices = (pool.imap(_run, part, chunksize=32) for part in prepared)
            current = next(slices)
            for upcoming in slices:
                yield from current
                current = upcoming
            yield from current
    finally:
        gc.unfreeze()


def _pool(workers: int, work: Callable, extra: tuple):
    import multiprocessing

    return multiprocessing.get_context("fork").Pool(workers, _start_worker, (work, extra))


_task: tuple = ()  # in a worker process only: the work function and its extra arguments


def _start_worker(work: Callable, extra: tuple) -> None:
    """Set up a worker: it leaves Ctrl-C to the main process (which stops the pool and exits
    cleanly), keeps the work and its extra arguments (given once rather than with every task),
    and writes nothing to stderr: a task's error goes back to the main process, which reports
    it, and a worker whose main process was killed must leave without a traceback."""
    import os
    import signal

    global _task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    os.close(quiet)
    _task = (work, extra)


def _run(item):
    work, extra = _task
    return work(item, *extra)
