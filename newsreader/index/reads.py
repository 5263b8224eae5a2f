"""Reading the index: lists, records, grep's texts and candidates, ranked search, id lookups.

Every method hands out records of :mod:`newsreader.model`; nothing SQLite
leaves this package. Reads of a chosen set of articles (grep's candidates)
go through a temporary ``wanted`` table and come back in file-name order,
a chunk at a time, so memory stays bounded at any folder size.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from newsreader.errors import QueryError
from newsreader.index.database import Database, as_news_error, guarded
from newsreader.index.sync import name_key
from newsreader.model import (
    KEY_DIGITS,
    Article,
    Filters,
    IdQuery,
    MarkedSummary,
    ReaderMarks,
    SearchHit,
    SectionCount,
    SortKey,
    Summaries,
    Text,
)

if TYPE_CHECKING:
    from newsreader.index.letters import Letters

_CHUNK = 256  # rows read at a time when reading a chosen set of articles
#: The digits of a key in an id, as IdQuery.key_prefix lower-cases them.
_HEX_DIGITS = frozenset("0123456789abcdef")
#: A LIMIT beyond any index (SQLite's integers are 64-bit; a user may ask for more).
_MOST_ROWS = 2**62
_META = (
    "a.rowid, a.id, a.number, a.hash, a.path, a.section, a.title, a.published, a.words, a.authors, "
    "a.credits, a.warnings, a.language, a.url, a.site"
)
_META_COLUMNS = _META.count(",") + 1
_BODY = _META_COLUMNS + 2  # after the two columns of the reader's marks (see Reading._meta)
_TEXT = "a.id, a.path, a.section, d.title, d.body"  # what grep reads of an article
#: The rows named in ``wanted``, read from there (CROSS JOIN fixes the loop order): left to
#: itself, SQLite walks every name in order and looks each up in ``wanted``, to save sorting
#: the few it keeps, which is far slower for a few thousand candidates among 100,000.
_WANTED = "wanted w CROSS JOIN articles a ON a.rowid = w.rowid"
_BY_NUMBER = "a.number IS NULL, a.number, a.id"
#: ORDER BY of each sort key. The date order is the ``listing`` index's own, so listing every
#: article in it sorts nothing; ``casefold`` is Python's, registered with the connection.
ORDERS = {
    SortKey.DATE: f"a.published IS NULL, a.published DESC, {_BY_NUMBER}",
    SortKey.NUMBER: _BY_NUMBER,
    SortKey.TITLE: f"casefold(a.title), {_BY_NUMBER}",
    SortKey.WORDS: f"a.words DESC, {_BY_NUMBER}",
}
_ALL = Filters()


class Reading(Database):
    """The reading half of the index."""

    _letters: Letters | None
    #: the folder's number in the reader's state file, once attached (see attach_state)
    state_folder: int | None = None

    def attach_state(self, path: Path, folder: int) -> None:
        """Join the reader's state file (docs/state.md) to this connection as ``state``, for
        the folder numbered ``folder`` there: filters on marks and records with marks need it.
        Attaching again (a state file started afresh after damage) replaces the first."""
        try:
            self.state_folder = None
            if any(row[1] == "state" for row in self.db.execute("PRAGMA database_list")):
                self.db.execute("DETACH DATABASE state")
            self.db.execute("ATTACH DATABASE ? AS state", (os.fsdecode(path),))
        except sqlite3.Error as error:
            raise as_news_error(error, "joined with the reader's marks") from None
        self.state_folder = folder

    def _meta(self) -> str:
        """The columns of a record: ``_META``, then the reader's marks (read and starred as
        bits 1 and 2, the tags space-separated), NULL when no state is attached."""
        folder = self.state_folder
        if folder is None:
            return f"{_META}, NULL, NULL"
        return (
            f"{_META}, (SELECT m.read + 2 * m.starred FROM state.marks m "
            f"WHERE m.folder = {int(folder)} AND m.key = a.content), "
            "(SELECT group_concat(tag, ' ') FROM (SELECT t.tag FROM state.tags t "
            f"WHERE t.folder = {int(folder)} AND t.key = a.content ORDER BY t.tag))"
        )

    def _where(self, filters: Filters, *conditions: str) -> tuple[str, list]:
        return _where(filters, self.state_folder, *conditions)

    @guarded
    def contents(
        self, filters: Filters = _ALL, sort: SortKey | None = None, reverse: bool = False
    ) -> list[tuple[str, int]]:
        """(file name, content key) of every article the filters pass, in ``sort`` order (else
        by file name): what the reader's marks are set on."""
        where, params = self._where(filters)
        order = _order(sort, reverse) if sort is not None else "a.name"
        rows = self.db.execute(
            f"SELECT a.name, a.content FROM articles a {where} ORDER BY {order}", params
        )
        return [(os.fsdecode(name), content) for name, content in rows.fetchall()]

    @guarded
    def page(self, sort: SortKey, filters: Filters, offset: int, limit: int) -> list[MarkedSummary]:
        """``limit`` rows of the listing from row ``offset`` (in ``sort`` order), with their
        read and starred marks: the browser reads its list a screen at a time."""
        where, params = self._where(filters)
        folder = self.state_folder
        marks = (
            f"(SELECT m.read + 2 * m.starred FROM state.marks m "
            f"WHERE m.folder = {int(folder)} AND m.key = a.content)"
            if folder is not None
            else "0"
        )
        rows = self.db.execute(
            f"SELECT a.listed, {marks} FROM articles a {where} ORDER BY {_order(sort, False)} "
            "LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [
            MarkedSummary(
                *listed.split(Summaries.SEPARATOR),
                bool(flags and flags & 1),
                bool(flags and flags & 2),
            )
            for listed, flags in rows.fetchall()
        ]

    @guarded
    def count(self, filters: Filters = _ALL) -> int:
        """How many articles the filters pass."""
        where, params = self._where(filters)
        return self.db.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]

    def _rows_in(self, query: str, values: list) -> Iterator[tuple]:
        """The rows of ``query`` for each chunk of ``values``, whose ``{marks}`` stands for the
        chunk's placeholders (``?, ?, …``): SQLite caps the parameters of one statement."""
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            yield from self.db.execute(query.format(marks=", ".join("?" * len(chunk))), chunk)

    @guarded
    def sharing(self, keys: list[int]) -> int:
        """How many articles hold one of these content keys (the reader's marks are shared by
        articles of the same text)."""
        query = "SELECT count(*) FROM articles WHERE content IN ({marks})"
        return sum(count for (count,) in self._rows_in(query, keys))

    @guarded
    def contents_of(self, places: list[tuple[str, int]]) -> dict[tuple[str, int], int]:
        """The content key of each of these (file name, part) the index holds."""
        query = "SELECT name, part, content FROM articles WHERE name IN ({marks})"
        names = [name_key(name) for name, _ in places]
        return {
            (os.fsdecode(name), part): content
            for name, part, content in self._rows_in(query, names)
        }

    def letters(self) -> Letters:
        """How the tokenizer reads each character (see :mod:`letters`): asked of SQLite and
        Python once per index and kept with it (the index's format names both versions)."""
        from newsreader.index.letters import Letters, ask

        if self._letters is None:
            stored = self.meta("letters")
            self._letters = Letters.loads(stored) if stored else ask()
            if not stored and not self.in_memory:
                try:
                    if self.db.in_transaction:  # asked while storing articles: kept with them
                        self.db.execute(
                            "INSERT OR REPLACE INTO meta VALUES ('letters', ?)",
                            (self._letters.dumps(),),
                        )
                    else:
                        self.remember("letters", self._letters.dumps())
                except sqlite3.Error:
                    pass  # a read-only index: asked again next time
        return self._letters

    @guarded
    def folder_state(self) -> str | None:
        """What ``remember_folder`` stored after the last complete sync."""
        return self.meta("folder")

    @guarded
    def shared(self) -> frozenset[int]:
        """The folder's shared furniture keys, as the indexed records were parsed with."""
        return frozenset(
            row[0] for row in self.db.execute("SELECT key FROM key_counts WHERE shared")
        )

    @guarded
    def summaries(self, sort: SortKey, filters: Filters = _ALL, reverse: bool = False) -> Summaries:
        """What ``news list`` shows of every article the filters pass, in ``sort`` order, read
        from the ``listing`` index alone, one string an article (see :class:`Summaries`)."""
        where, params = self._where(filters)
        order = _order(sort, reverse)
        rows = self.db.execute(
            f"SELECT CAST(a.listed AS BLOB) FROM articles a {where} ORDER BY {order}", params
        )  # as bytes, not decoded: a third faster at 100,000 rows
        return Summaries([row[0] for row in rows.fetchall()])  # fetchall: far faster than stepping

    @guarded
    def warnings(self, filters: Filters = _ALL) -> dict[str, tuple[str, ...]]:
        """The parse warnings of the articles that have any, by id (a partial index finds them)."""
        where, params = self._where(filters, "a.warnings != '[]'")
        rows = self.db.execute(f"SELECT a.id, a.warnings FROM articles a {where}", params)
        return {article_id: tuple(json.loads(found)) for article_id, found in rows}

    @guarded
    def rowids(self, filters: Filters) -> set[int]:
        """The rowids of the articles the filters pass."""
        where, params = self._where(filters)
        return {
            row[0] for row in self.db.execute(f"SELECT a.rowid FROM articles a {where}", params)
        }

    @guarded
    def articles(
        self,
        sort: SortKey | None = None,
        filters: Filters = _ALL,
        body: bool = False,
        reverse: bool = False,
    ) -> Iterator[Article]:
        """Records the filters pass in ``sort`` order, else by file name, without paragraphs
        unless ``body``."""
        where, params = self._where(filters)
        columns = f"{self._meta()}, d.body" if body else self._meta()
        join = " JOIN docs d ON d.rowid = a.rowid" if body else ""
        order = _order(sort, reverse) if sort is not None else "a.name, a.id"
        rows = self.db.execute(
            f"SELECT {columns} FROM articles a{join} {where} ORDER BY {order}", params
        )
        while chunk := rows.fetchmany(_CHUNK):
            yield from (_article(row, body) for row in chunk)

    @guarded
    def article(self, name: str, part: int = 0) -> Article | None:
        """The full record of the ``part``-th article of file ``name``, or None."""
        rows = self.db.execute(
            f"SELECT {self._meta()}, d.body FROM articles a JOIN docs d ON d.rowid = a.rowid "
            "WHERE a.name = ? AND a.part = ?",
            (name_key(name), part),
        ).fetchall()
        return _article(rows[0], True) if rows else None

    @guarded
    def files_for_id(self, query: IdQuery) -> list[tuple]:
        """(name, part, size, mtime_ns, ctime_ns, inode) of the articles an id names, by
        :class:`IdQuery`'s rules: the id, else the running number, else a hash prefix, else a
        key prefix (hex digits sort below "g": each range is the prefix, read off an index);
        and the file the text may name (both, if both match)."""
        columns = "SELECT name, part, size, mtime_ns, ctime_ns, inode FROM articles WHERE "
        rows = self.db.execute(
            columns + f"id IN ({', '.join('?' * len(query.stems))})", query.stems
        ).fetchall()
        if query.file_name is not None:  # "ctrl.txt", even where it is another file's id
            named = self.db.execute(columns + "name = ?", (os.fsencode(query.file_name),))
            rows += [row for row in named if row not in rows]
        if not rows and query.number is not None:
            rows = self.db.execute(columns + "number = ?", (query.number,)).fetchall()
        if not rows and query.hash_prefix is not None:
            prefix = query.hash_prefix
            rows = self.db.execute(
                columns + "hash >= ? AND hash < ?", (prefix, prefix + "g")
            ).fetchall()
        if not rows and query.key_prefix is not None:
            prefix = query.key_prefix
            key_at = prefix.rindex("#") + 1
            rows = [  # the range also holds other ids that start so: "feed#1234 b#…", the
                # single article of "feed#1234a.txt", the 12,345th item of feed ("feed#12345")
                row
                for article_id, *row in self.db.execute(
                    "SELECT id, " + columns[len("SELECT ") :] + "id >= ? AND id < ?",
                    (prefix, prefix + "g"),
                )
                if len(article_id) - key_at == KEY_DIGITS
                and _HEX_DIGITS.issuperset(article_id[key_at:])
            ]
        return [(os.fsdecode(name), *stamp) for name, *stamp in rows]

    @guarded
    def files_for_ids(self, ids: list[str]) -> list[tuple]:
        """(id, name, part, size, mtime_ns, ctime_ns, inode) of the articles with these ids."""
        query = "SELECT id, name, part, size, mtime_ns, ctime_ns, inode FROM articles WHERE id IN ({marks})"
        return [
            (article_id, os.fsdecode(name), *stamp)
            for article_id, name, *stamp in self._rows_in(query, ids)
        ]

    @guarded
    def rowids_of(self, places: list[tuple[str, int]]) -> list[int | None]:
        """The rowid of each (file name, part) (None for one the index does not hold)."""
        keys = [name_key(name) for name, _ in places]
        found = {
            (name, part): rowid
            for name, part, rowid in self.db.execute(
                f"SELECT name, part, rowid FROM articles WHERE name IN ({', '.join('?' * len(keys))})",
                keys,
            )
        }
        return [found.get((key, part)) for key, (_, part) in zip(keys, places)]

    @guarded
    def languages(self) -> list[str]:
        """The languages the folder's articles are in (ISO 639-1), most articles first."""
        rows = self.db.execute(
            "SELECT language FROM articles WHERE language IS NOT NULL "
            "GROUP BY language ORDER BY count(*) DESC, language"
        )
        return [row[0] for row in rows]

    @guarded
    def sections(self) -> list[SectionCount]:
        """Every section with its articles and dates; spellings that differ only in case are one
        section, named as most of its articles spell it; the articles without one last, as ""."""
        merged: dict[str, list] = {}
        unread = "count(*)"  # no state joined: nothing was marked read
        if self.state_folder is not None:
            unread = (
                "sum(a.content NOT IN (SELECT key FROM state.marks "
                f"WHERE folder = {int(self.state_folder)} AND read))"
            )
        groups = self.db.execute(
            f"SELECT ifnull(section, ''), count(*), min(published), max(published), {unread} "
            "FROM articles a GROUP BY section"
        ).fetchall()
        # the most common spelling names the section; of two as common, one not all in capitals
        groups.sort(key=lambda group: (-group[1], group[0].isupper(), group[0]))
        for section, articles, first, last, unread_here in groups:
            entry = merged.setdefault(section.casefold(), [section, 0, [], [], 0])
            entry[1] += articles
            entry[4] += unread_here
            entry[2].extend([first] if first else [])
            entry[3].extend([last] if last else [])
        counts = [
            SectionCount(name, total, min(firsts, default=""), max(lasts, default=""), unread)
            for name, total, firsts, lasts, unread in merged.values()
        ]
        return sorted(
            counts, key=lambda count: (not count.section, -count.articles, count.section.casefold())
        )

    @guarded
    def numbers_distinct(self) -> bool:
        """Whether no two articles share a running number (read off the index of numbers)."""
        return (
            self.db.execute(
                "SELECT 1 FROM articles WHERE number IS NOT NULL GROUP BY number "
                "HAVING count(*) > 1 LIMIT 1"
            ).fetchone()
            is None
        )

    @guarded
    def ids_starting(self, prefix: str, most: int) -> list[str]:
        """Up to ``most`` ids beginning with ``prefix``, in order (a range of the index of ids)."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id >= ? AND substr(id, 1, ?) = ? ORDER BY id LIMIT ?",
            (prefix, len(prefix), prefix, most),
        )
        return [row[0] for row in rows]

    @guarded
    def article_count(self) -> int:
        """How many articles the index holds."""
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    @guarded
    def ids(self) -> list[str]:
        """Every article's id (for suggestions when an id names none)."""
        return [row[0] for row in self.db.execute("SELECT id FROM articles")]

    @guarded
    def texts(self, rowids: Iterable[int] | None = None) -> Iterator[Text]:
        """What grep reads, in file-name order: :class:`~newsreader.model.Text` records (no JSON
        columns to decode, no body split into paragraphs); only ``rowids`` if given."""
        for row in self._rows(
            f"SELECT {_TEXT} FROM articles a JOIN docs d ON d.rowid = a.rowid", rowids
        ):
            yield Text._make(row)

    @guarded
    def holding(
        self, literal: str, field: str, rowids: Iterable[int] | None = None
    ) -> Iterator[Text]:
        """The articles whose searched text (``title``, ``body`` or ``all``) contains ``literal``,
        in file-name order, checked by SQLite in one query (no text leaves the database: bodies
        come back empty, so sorting the few rows that match costs nothing); only ``rowids`` if given."""
        where = {
            "title": "instr(d.title, ?) > 0",
            "body": "instr(d.body, ?) > 0",
            "all": "(instr(d.title, ?) > 0 OR instr(d.body, ?) > 0)",
        }[field]
        source = "articles a"
        if rowids is not None:
            self._want(rowids)
            source = _WANTED
        yield from map(
            Text._make,
            self.db.execute(
                f"SELECT a.id, a.path, a.section, d.title, '' FROM {source} CROSS JOIN docs d ON d.rowid = a.rowid "
                f"WHERE {where} ORDER BY a.name, a.id",
                (literal,) * where.count("?"),
            ),
        )

    @guarded
    def texts_in_stripe(self, stripe: int, stripes: int) -> Iterator[tuple[int, Text]]:
        """Grep's records (see :meth:`texts`) of the rows with ``rowid % stripes == stripe``, in
        file-name order, each with its place in that order among all the rows: one worker's
        share of a full scan, which the parent merges with the others' as they come."""
        rows = self.db.execute(
            f"SELECT o.place, {_TEXT} FROM (SELECT rowid, row_number() OVER "
            "(ORDER BY name, id) AS place FROM articles) o "
            "JOIN articles a ON a.rowid = o.rowid JOIN docs d ON d.rowid = a.rowid "
            "WHERE a.rowid % ? = ? ORDER BY o.place",
            (stripes, stripe),
        )
        while chunk := rows.fetchmany(
            _CHUNK
        ):  # in chunks: faster than a row at a time, memory bounded
            for place, *text in chunk:
                yield place, Text._make(text)

    def _want(self, rowids: Iterable[int]) -> None:
        """Put ``rowids`` in the temporary table ``wanted``, for queries to join."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(rowid INTEGER PRIMARY KEY)")
        self.db.execute("DELETE FROM wanted")
        self.db.executemany("INSERT INTO wanted VALUES (?)", ((r,) for r in sorted(set(rowids))))

    def _rows(self, query: str, rowids: Iterable[int] | None) -> Iterator[tuple]:
        """Rows of ``query`` (over ``articles a``) by file name, limited to ``rowids`` if given.

        A subset is put in name order first (rowids only), then read in chunks of that
        order: SQLite's sorter would copy every row's body once more, and reading all
        candidates at once would hold them all in memory.
        """
        if rowids is None:
            rows = self.db.execute(query + " ORDER BY a.name, a.id")
            while chunk := rows.fetchmany(_CHUNK):
                yield from chunk
            return
        self._want(rowids)
        order = [
            row[0]
            for row in self.db.execute(
                f"SELECT a.rowid FROM {_WANTED} ORDER BY a.name, a.id"
            ).fetchall()
        ]
        keyed = query.replace("SELECT ", "SELECT a.rowid, ", 1)
        for start in range(0, len(order), _CHUNK):
            chunk = order[start : start + _CHUNK]
            found = {
                row[0]: row[1:]
                for row in self.db.execute(
                    f"{keyed} WHERE a.rowid IN ({', '.join('?' * len(chunk))})", chunk
                )
            }
            yield from (found[rowid] for rowid in chunk if rowid in found)

    @guarded
    def matching(self, fts_query: str) -> set[int] | None:
        """Rowids of the documents an FTS5 query matches (none for ""), and of every document
        whose words the index may have joined (``unsplit``): no query can rule those out.
        None when the full-text index cannot run the query (then nothing is ruled out)."""
        found = {row[0] for row in self.db.execute("SELECT rowid FROM unsplit")}
        if fts_query:
            try:
                found.update(
                    row[0]
                    for row in self.db.execute(
                        "SELECT rowid FROM fts WHERE fts MATCH ?", (fts_query,)
                    )
                )
            except sqlite3.OperationalError:
                return None
        return found

    @guarded
    def terms_containing(self, fragment: str, limit: int) -> list[str] | None:
        """Words ever indexed that contain ``fragment``; None when there are more than ``limit``,
        or while a large sync has yet to add its articles' words (interrupted before its end).

        The list only grows (words of deleted articles stay): an extra word
        can only widen a grep's candidates, never lose a match.
        """
        if self.meta("vocabulary") is not None:
            return None
        rows = self.db.execute(
            "SELECT term FROM terms WHERE instr(term, ?) > 0 LIMIT ?", (fragment, limit + 1)
        )
        found = [row[0] for row in rows]
        return None if len(found) > limit else found

    @guarded
    def rank(
        self,
        fts_query: str,
        limit: int,
        filters: Filters = _ALL,
        by_date: bool = False,
        reverse: bool = False,
    ) -> list[SearchHit]:
        """The best ``limit`` matches (0: all) of an FTS5 query by BM25 (title weighs 5x), or the
        newest first when ``by_date``, among those the filters pass, each with a body snippet.
        Raises QueryError for a query the full-text index cannot parse."""
        where, params = self._where(filters, "fts MATCH ?")
        order = f"{ORDERS[SortKey.DATE]}, score" if by_date else f"score, {_BY_NUMBER}"
        if reverse:
            order = _reversed(order)
        query = (
            f"SELECT {self._meta()}, bm25(fts, 5.0, 1.0) AS score, snippet(fts, 1, char(2), char(3), '…', 16), "
            "highlight(fts, 0, char(2), char(3)) FROM fts JOIN articles a ON a.rowid = fts.rowid "
            f"{where} ORDER BY {order} LIMIT ?"
        )
        try:
            rows = self.db.execute(
                query, (fts_query, *params, min(limit or _MOST_ROWS, _MOST_ROWS))
            ).fetchall()
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", sqlite3.SQLITE_ERROR) != sqlite3.SQLITE_ERROR:
                raise
            raise QueryError(
                "The search query could not be read."
            ) from None  # search.query quotes every word
        return [
            SearchHit(_article(row[:-3], False), -row[-3], *_marked(row[-2]), _marked(row[-1])[1])
            for row in rows
        ]


def _where(filters: Filters, state: int | None, *conditions: str) -> tuple[str, list]:
    """A WHERE clause (over ``articles a``) for the filters and any other ``conditions`` (whose
    parameters, if any, come before the filters'), and the filters' parameters; ``state`` is
    the folder's number in the attached state file, which filters on the reader's marks need."""
    where, params = list(conditions), []
    if filters.marked:
        if state is None:
            raise ValueError("filters on the reader's marks need the state attached")
        where.extend(_marked_where(filters, state))
        params.extend(filters.tags)
    if filters.matching is not None:
        where.append("a.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
        params.append(filters.matching)
    if filters.section is not None:
        where.append("casefold(a.section) = ?")
        params.append(filters.section.casefold())
    if filters.author:
        where.append(
            "EXISTS (SELECT 1 FROM json_each(a.authors) WHERE instr(casefold(value), ?) > 0)"
        )
        params.append(filters.author.casefold())
    if filters.languages:
        where.append(f"a.language IN ({', '.join('?' * len(filters.languages))})")
        params.extend(filters.languages)
    if filters.since:
        where.append("a.published >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(filters.until)
    return ("WHERE " + " AND ".join(where) if where else ""), params


def _marked_where(filters: Filters, folder: int) -> list[str]:
    """The conditions of the filters on the reader's marks, as docs/state.md gives them (the
    folder's number is SQLite's own integer, written in; one ``?`` per tag)."""
    marks = f"SELECT key FROM state.marks WHERE folder = {int(folder)}"
    where = []
    if filters.read is False:
        where.append(f"a.content NOT IN ({marks} AND read)")
    elif filters.read:  # the + keeps SQLite walking the listing index (docs/state.md)
        where.append(f"+a.content IN ({marks} AND read)")
    if filters.starred:
        where.append(f"a.content IN ({marks} AND starred)")
    where.extend(
        f"a.content IN (SELECT key FROM state.tags WHERE folder = {int(folder)} AND tag = ?)"
        for _ in filters.tags
    )
    if filters.new:
        where.append(f"a.content NOT IN (SELECT key FROM state.seen WHERE folder = {int(folder)})")
    return where


def _order(sort: SortKey, reverse: bool) -> str:
    return _reversed(ORDERS[sort]) if reverse else ORDERS[sort]


def _reversed(order: str) -> str:
    """An ORDER BY read backwards: each term's direction flipped, but those that put unknown
    values last (``x IS NULL``), which keep them there."""
    terms = [term.strip() for term in order.split(",")]
    return ", ".join(
        term
        if term.endswith("IS NULL")
        else term[:-5]
        if term.endswith(" DESC")
        else f"{term} DESC"
        for term in terms
    )


def _marked(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """An FTS5 snippet whose matches are marked with STX/ETX, as its text and the matches' spans."""
    text, spans = [], []
    position = 0
    for k, piece in enumerate(snippet.split("\x02")):
        match, _, rest = piece.partition("\x03") if k else ("", "", piece)
        if match:
            spans.append((position, position + len(match)))
        text.append(match + rest)
        position += len(match) + len(rest)
    return "".join(text), tuple(spans)


def _article(row: tuple, body: bool) -> Article:
    """The record of a row of :meth:`Reading._meta` (and the body, when ``body``)."""
    (_, article_id, number, hash_, path, section, title, published, words, authors, credits, warnings,
     language, url, site, flags, tags) = row[:_BODY]  # fmt: skip
    flags = flags or 0
    return Article(
        id=article_id,
        path=path,
        title=title,
        number=number,
        hash=hash_,
        section=section,
        authors=tuple(json.loads(authors)),
        published=published,
        credits=tuple(json.loads(credits)),
        paragraphs=tuple(row[_BODY].split("\n")) if body and row[_BODY] else (),
        words=words,
        warnings=tuple(json.loads(warnings)),
        language=language,
        url=url,
        site=site,
        marks=ReaderMarks(bool(flags & 1), bool(flags & 2), tuple(tags.split(" ")) if tags else ()),
    )
