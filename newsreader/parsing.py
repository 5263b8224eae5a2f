"""The parser as the index's sync uses it: files read, keyed and parsed on worker processes.

:class:`FolderParsing` is the :class:`~newsreader.index.Parsing` the library
hands to a sync: each file's furniture keys for the first pass, each file's
record (parsed knowing what the folder shares) for the second, both in
order and spread over the cores. The parser is imported inside the workers'
functions, so a command served by the index never loads it.
"""

from __future__ import annotations

from typing import Callable, Iterator, Mapping

from newsreader import workers
from newsreader.inputs.text import read_entry
from newsreader.model import Article, Entry, LineRole


def load(entry: Entry, shared: frozenset[int] = frozenset(), keys: bytes | None = None) -> Article:
    """Read and parse one file, with the furniture keys its folder ``shared`` and, if taken
    already, its own ``keys``."""
    return _loaded(entry, shared, keys)[0]


def _loaded(entry: Entry, shared: frozenset[int], keys: bytes | None) -> tuple[Article, bool, int]:
    """:func:`load`'s record, whether the file could be read, and the content key of the bytes
    the record was parsed from (the reader's marks hang on it: see ``state.content_key``)."""
    from newsreader.parse import parse_article
    from newsreader.state.values import content_key

    read = read_entry(entry)
    article = parse_article(read.data, entry.name, entry.path, tuple(read.warnings), shared, keys)
    return article, read.readable, content_key(read.data)


def explain(entry: Entry, shared: frozenset[int]) -> list[LineRole]:
    """Every non-blank line of the file with the role the parser gives it and why."""
    from newsreader.parse import explain_lines

    return explain_lines(read_entry(entry).data, shared)


def keys_of(entry: Entry) -> bytes:
    """The file's furniture keys, packed (see ``parse.furniture``)."""
    from newsreader.parse.furniture import file_keys

    return file_keys(read_entry(entry).data)


def _load_keyed(
    item: tuple[Entry, bytes | None], shared: frozenset[int]
) -> tuple[Article, bool, int]:
    """:func:`_loaded` of an (entry, its counted keys) pair, as :meth:`FolderParsing.parse` hands them out."""
    return _loaded(item[0], shared, item[1])


class FolderParsing:
    """Keys and records of a folder's files on ``processes`` worker processes (see :mod:`workers`)."""

    def __init__(self, processes: int = 1):
        from newsreader.parse.furniture import SHARED_FROM, unpack

        self.processes = processes
        self.shared_from: Mapping[int, int] = SHARED_FROM
        self.unpack: Callable[[bytes], set[int]] = unpack  # the distinct keys of a packing

    def keys(self, entries: list[Entry]) -> Iterator[bytes]:
        return workers.in_order(keys_of, entries, self.processes)

    def parse(
        self,
        entries: list[Entry],
        shared: frozenset[int],
        keys_for: Callable[[list[Entry]], list[bytes | None]],
    ) -> Iterator[tuple[Article, bool, int]]:
        return workers.in_order(
            _load_keyed,
            entries,
            self.processes,
            shared,
            prepare=lambda part: list(zip(part, keys_for(part))),
        )
