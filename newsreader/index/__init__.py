"""The index: every article's record, its text and a full-text index, in one SQLite database.

The only package that imports sqlite3. ``database`` opens the file and
checks its format, ``sync`` keeps it in step with the folder, ``reads``
answers the commands, ``vocabulary`` keeps grep's word list, ``letters``
knows how the tokenizer reads each character, against how grep does, and
``copies`` keeps each article's signature for finding wire copies. It
knows no parser: a sync is handed a :class:`~newsreader.index.sync.Parsing`.
An index lives in the cache folder, one per news folder; ``--no-cache`` uses
one in memory, so every command runs the same code either way.
"""

from __future__ import annotations

from pathlib import Path

from newsreader.index.copies import Copying
from newsreader.index.database import MEMORY, index_path
from newsreader.index.sync import Parsing, Syncing

__all__ = ["Index", "Parsing", "index_path"]


class Index(Syncing, Copying):
    """An open index of one news folder (a file, or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None, fingerprint: str):
        super().__init__(MEMORY if path is None else path, fingerprint)
        self._terms_written: set[str] = set()
        self._letters = None

    @classmethod
    def reader(cls, path: Path) -> Index:
        """A connection of its own to the index file at ``path``, for reading only (a child
        process's: a connection must not cross a fork). Raises IndexUnavailable."""
        index = cls.__new__(cls)
        index.path, index._terms_written, index._letters = path, set(), None
        index.db = index.connect_read_only()
        return index
