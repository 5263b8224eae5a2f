"""The index's wire-copy signatures: one a row in ``copies``, made for the articles that lack one.

The index knows no MinHash: the library hands :meth:`Copying.sign` the
function that makes a signature of a body. An article's signature goes
with its row (a changed file's new row has none), so signing after each
sync reads only the articles that are new or changed since the last.
An article too short to sign keeps an empty signature, so it is read once.
"""

from __future__ import annotations

import sqlite3
from typing import Callable, Iterable

from newsreader.index.database import as_news_error, guarded
from newsreader.index.reads import Reading, _article
from newsreader.model import Article, Filters

_BATCH = 500  # articles signed per committed transaction


class Copying(Reading):
    """Signatures of the articles' bodies, stored and read (with the reads' filters)."""

    def sign(
        self,
        signature: Callable[[str], bytes],
        progress: Callable[[str, int, int], None] | None = None,
    ) -> int:
        """Store ``signature(body)`` for every article that has none yet; returns how many were
        signed. Raises IndexUnavailable when the index cannot be written."""
        try:
            todo = [  # read off a small index of the articles, not the table of bodies
                row[0]
                for row in self.db.execute(
                    "SELECT rowid FROM articles a WHERE NOT EXISTS "
                    "(SELECT 1 FROM copies c WHERE c.rowid = a.rowid)"
                )
            ]
            for start in range(0, len(todo), _BATCH):
                if progress:
                    progress("copies", start, len(todo))
                chunk = todo[start : start + _BATCH]
                rows = self.db.execute(
                    f"SELECT rowid, body FROM docs WHERE rowid IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
                with self.transaction():
                    self.db.executemany(
                        "INSERT OR REPLACE INTO copies VALUES (?, ?)",
                        ((rowid, signature(body)) for rowid, body in rows),
                    )
        except sqlite3.Error as error:
            raise as_news_error(error, "updated") from None
        if progress and todo:
            progress("copies", len(todo), len(todo))
        return len(todo)

    @guarded
    def signatures(self, filters: Filters = Filters()) -> list[tuple[int, bytes]]:
        """(rowid, signature) of every signed article the filters pass, by file name."""
        where, params = self._where(filters, "c.signature != x''")
        return self.db.execute(
            f"SELECT a.rowid, c.signature FROM articles a JOIN copies c ON c.rowid = a.rowid "
            f"{where} ORDER BY a.name",
            params,
        ).fetchall()

    @guarded
    def ids_matching(self, fts_query: str, filters: Filters = Filters()) -> list[str]:
        """The id of every article an FTS5 query matches among those the filters pass (no
        ranking, no snippet: what a collapsed search counts its groups' matches with)."""
        where, params = self._where(filters, "fts MATCH ?")
        rows = self.db.execute(
            f"SELECT a.id FROM fts JOIN articles a ON a.rowid = fts.rowid {where}",
            (fts_query, *params),
        )
        return [row[0] for row in rows]

    @guarded
    def records(self, rowids: Iterable[int]) -> dict[int, Article]:
        """The records (without paragraphs) of the articles ``rowids`` name, by rowid."""
        query = f"SELECT {self._meta()} FROM articles a WHERE a.rowid IN ({{marks}})"
        return {row[0]: _article(row, False) for row in self._rows_in(query, list(rowids))}
