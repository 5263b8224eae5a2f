"""grep's regular expression run in child processes, each article within a time budget.

Python's ``re`` cannot be interrupted: a pattern that backtracks without end
(``(a+)+!`` on a long run of a's) holds its process, Ctrl-C included, for as
long as it runs. So the matching runs in forked children, each reading its
share of the articles and sending back what matched; each child notes in
shared memory the article it is on and since when, and the parent, which only
waits, stops them all when one article takes longer than the budget, or at
once on Ctrl-C. Children leave quietly when the parent is gone.
"""

from __future__ import annotations

import ctypes
import heapq
import os
import signal
import time
from multiprocessing import get_context
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator

from newsreader.errors import GrepTimeout, IndexDamaged, IndexUnavailable, NewsError
from newsreader.model import Article, ArticleHits, Text
from newsreader.search.matcher import GrepQuery

_SEND_EVERY = (
    0.05  # seconds a child holds found articles before sending them (streams the first hits)
)
_SEND_AT = 256  # ... or this many
_WATCH_EVERY = 0.2  # seconds between the parent's looks at the children's clocks
_ID_BYTES = 400  # bytes of the current article's id a child keeps for the parent's message
_DONE = "done"
_KINDS = {
    kind.__name__: kind for kind in (IndexDamaged, IndexUnavailable)
}  # raised again as they were


class _Slot(ctypes.Structure):
    """What a child is doing, in memory the parent shares: since when (monotonic ns, 0 = idle)
    it has been on which article."""

    _fields_ = [("since", ctypes.c_int64), ("article", ctypes.c_char * _ID_BYTES)]


def matched(
    sources: list[Callable[[], Iterable[tuple[int, Text]]]], query: GrepQuery, budget: float
) -> Iterator[ArticleHits]:
    """The articles ``query`` matches among those the ``sources`` give (each called in a child of
    its own, giving each article with its place in the order wanted, every source in that
    order), in that order, as they are found: an article found is given once every other child
    has passed its place or finished, so a full scan streams its first lines at once and holds
    only what one child is ahead of the others. Raises GrepTimeout when one article takes more
    than ``budget`` seconds (0: no limit)."""
    context = get_context("fork")
    children = []
    try:
        for source in sources:
            receiver, sender = context.Pipe(duplex=False)
            slot = context.RawValue(_Slot)
            process = context.Process(
                target=_child, args=(source, query, sender, slot), daemon=True
            )
            process.start()
            sender.close()
            children.append((process, receiver, slot))
        yield from _merged(_gather(children, budget), len(children))
    finally:
        for process, receiver, _ in children:
            if process.is_alive():
                process.kill()
            process.join()
            receiver.close()


def _merged(messages: Iterator[tuple[int, list, int | None]], children: int):
    """The hits of every child in one order: each message is (child, [(place, hits)...], the
    place it has passed, None when it is done); a hit is given once no child still at work
    may yet send one with an earlier place."""
    waiting: list[tuple[int, int, ArticleHits]] = []  # a heap of (place, child, hits)
    passed: dict[int, int] = {}  # the place each child at work has passed; none sent yet: absent
    working = set(range(children))
    for child, found, place in messages:
        for at, hits in found:
            heapq.heappush(waiting, (at, child, hits))
        if place is None:
            working.discard(child)
        else:
            passed[child] = place
        if len(passed.keys() & working) < len(working):
            continue  # a child that has sent nothing may still send anything
        bound = min((passed[c] for c in working), default=None)
        while waiting and (bound is None or waiting[0][0] <= bound):
            yield heapq.heappop(waiting)[2]
    while waiting:
        yield heapq.heappop(waiting)[2]


def _gather(children: list, budget: float) -> Iterator[tuple[int, list, int | None]]:
    """(child, [(place, hits)...], place passed or None when done) as the children send them;
    watches their clocks between messages."""
    number = {receiver: k for k, (_, receiver, _) in enumerate(children)}
    waiting = {receiver: slot for _, receiver, slot in children}
    while waiting:
        for receiver in wait(list(waiting), timeout=_WATCH_EVERY):
            try:
                message = receiver.recv()
            except EOFError:
                raise NewsError(
                    "The search stopped unexpectedly (a worker process died)."
                ) from None
            if message == _DONE:
                del waiting[receiver]
                yield number[receiver], [], None
            elif isinstance(message, tuple):  # what stopped the child: index errors keep their kind
                kind, text = message
                raise _KINDS.get(kind, NewsError)(
                    text if kind in _KINDS else f"The search failed: {kind}: {text}."
                )
            else:
                batch, place = message
                hits = [
                    (at, ArticleHits(Article(id=id_, path=path, title=title), found, count))
                    for at, id_, path, title, found, count in batch
                ]
                yield number[receiver], hits, place
        _check_clocks(waiting.values(), budget)


def _check_clocks(slots: Iterable[_Slot], budget: float) -> None:
    if not budget:
        return
    now = time.monotonic_ns()
    for slot in slots:
        since = slot.since
        if since and now - since > budget * 1e9:
            raise GrepTimeout(
                f"The pattern ran for more than {budget:g} s on article "
                f"{slot.article.decode('utf-8', 'replace')!r} and was stopped (it may backtrack "
                "without end): simplify it, or allow more time with --timeout."
            )


def _child(
    source: Callable[[], Iterable[tuple[int, Text]]], query: GrepQuery, sender, slot: _Slot
) -> None:
    """Match every article of ``source``, noting each in ``slot``, sending batches of results
    with the place of the last article read: also with none found, so the parent can give the
    other children's hits up to there."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the children
    try:
        batch: list[tuple] = []
        sent = time.monotonic()
        for place, text in source():
            slot.article = text.id.encode("utf-8", "replace")[: _ID_BYTES - 1]
            slot.since = time.monotonic_ns()
            found = query.hits(text)
            if found:
                batch.append(
                    (
                        place,
                        found.article.id,
                        found.article.path,
                        found.article.title,
                        found.hits,
                        found.count,
                    )
                )
            if len(batch) >= _SEND_AT or time.monotonic() - sent > _SEND_EVERY:
                sender.send([batch, place])  # a list: a tuple is an error's (kind, text)
                batch, sent = [], time.monotonic()
        slot.since = 0
        if batch:
            sender.send([batch, batch[-1][0]])
        sender.send(_DONE)
    except (BrokenPipeError, EOFError, ConnectionError):
        pass  # the parent is gone, or stopped us: nothing to say
    except BaseException as error:  # noqa: BLE001 - told to the parent, which reports it
        try:
            sender.send((type(error).__name__, str(error)))
        except OSError:
            pass
    finally:
        os._exit(0)  # no cleanup of the parent's state copied into this process
