"""The index: parsed records and a full-text index in one SQLite file per news folder.

The only module that touches sqlite3. ``articles`` holds each file's
metadata (what ``list`` needs, without bodies), ``docs`` holds title and
body text, and ``fts`` is an FTS5 index over ``docs`` (external content, so
the text is stored once); ``terms`` lists the words grep's prefilter may widen
a fragment to, and ``unsplit`` the articles it must never rule out. A file is
re-parsed only when its size or mtime changed; vanished files are dropped.
Writes are committed in batches, so an interrupted first index keeps what it
finished and the next run resumes.
WAL and a busy timeout let two ``news`` processes share one index; a file
that is not a readable index of this format is deleted and rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import json
import operator
import os
import re
import sqlite3
import struct
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import GeneratorType
from typing import Callable, Iterable, Iterator

from newsreader.model import WORD, Article, Summary, Text

FORMAT = "9"  # bump when the schema changes; a changed parser is noticed by itself (``_format``)
_BATCH = 1000  # files parsed per committed transaction
#: Files to parse, at least, and share of the folder they must be, for a sync to take its new
#: grep words from the full-text index's own word list at its end (one pass in C) rather than
#: split each article's text in Python as it is stored (see _read_vocabulary).
_WORDS_FROM_INDEX = 5000
_INDEX_SHARE = 4
_CHUNK = 256  # rows read at a time when reading a chosen set of articles
#: Page cache while writing (KiB, negative): FTS5 inserts touch many pages. Reads keep SQLite's
#: 2 MB default, as a large cache costs a one-shot command more to fill than it saves.
_WRITING_CACHE = -65536
_TOKENIZER = "unicode61 remove_diacritics 0"  # the full-text index's; _word_joiners asks it too
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
    rowid INTEGER PRIMARY KEY, name BLOB UNIQUE NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    id TEXT NOT NULL, number INTEGER, hash TEXT, path TEXT NOT NULL, section TEXT, title TEXT NOT NULL,
    published TEXT, words INTEGER NOT NULL, authors TEXT NOT NULL, credits TEXT NOT NULL, warnings TEXT NOT NULL,
    listed TEXT NOT NULL,  -- the packed Summary `news list` prints
    keys BLOB NOT NULL  -- the file's furniture keys (parse.repeats), packed
);
CREATE TABLE pending(name BLOB PRIMARY KEY, keys BLOB NOT NULL);  -- files counted, not yet parsed
CREATE TABLE key_counts(key INTEGER PRIMARY KEY, files INTEGER NOT NULL, shared INTEGER NOT NULL);
CREATE INDEX by_id ON articles(id);
CREATE INDEX by_number ON articles(number);
CREATE INDEX by_hash ON articles(hash);
CREATE INDEX listing ON articles(published IS NULL, published DESC, number IS NULL, number, id, section, listed, warnings);
CREATE TABLE docs(rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='docs', content_rowid='rowid', tokenize='{tokenizer}');
-- merge 16 segments of a level at a time, not 4: a large sync spends a sixth less on the full-text
-- index, and queries read through the few more segments as fast (benchmarks/scale.py)
INSERT INTO fts(fts, rank) VALUES ('automerge', 16);
CREATE TABLE terms(term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE unsplit(rowid INTEGER PRIMARY KEY);  -- articles whose words the index may join (_joins_words)
"""
_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
_ASCII_BYTES = bytes(range(128))
_EDGES = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…–—"  # characters never inside a WORD
_META_COLUMNS = "rowid, name, id, number, hash, path, section, title, published, words, authors, credits, warnings"
_SELECT_META = ", ".join(f"a.{column}" for column in _META_COLUMNS.split(", "))  # as read through alias ``a``
_SELECT_TEXT = "a.id, a.path, a.section, d.title, d.body"  # what grep reads of an article
#: The rows named in ``wanted``, read from there (CROSS JOIN fixes the loop order): left to
#: itself, SQLite walks all 100,000 names in order and looks each up in ``wanted`` (2.5x slower
#: for the 2,600 candidates of a word in 3% of the files), to save sorting the few it keeps.
_WANTED_ARTICLES = "wanted w CROSS JOIN articles a ON a.rowid = w.rowid"
_BY_NUMBER = "number IS NULL, number, id"
#: ORDER BY clauses of ``news list --sort``, the same orders as ``library.sort_articles``
#: (SQLite compares text by code point, as Python does); the date order reads the
#: ``listing`` index, which holds every column it needs, so it needs no sorting at all.
_LIST_ORDERS = {"date": f"published IS NULL, published DESC, {_BY_NUMBER}", "number": _BY_NUMBER,
                "words": f"words DESC, {_BY_NUMBER}", "title": _BY_NUMBER}


class StoreError(Exception):
    """The index cannot be used here (unwritable location, full disk); callers fall back to parsing."""


@dataclass(frozen=True)
class SyncReport:
    """What one sync did: files parsed, dropped, and left as they were."""

    parsed: int
    dropped: int
    unchanged: int


def _guarded(method):
    """Turn any SQLite failure of a reading method (or of iterating its results) into StoreError,
    so a damaged index found mid-command means "fall back to the files", never a traceback."""
    @functools.wraps(method)
    def call(*args, **kwargs):
        try:
            result = method(*args, **kwargs)
            return _guard_iteration(result) if isinstance(result, GeneratorType) else result
        except sqlite3.Error as error:
            raise StoreError(f"the index could not be read ({error})") from None
    return call


def _guard_iteration(results):
    try:
        yield from results
    except sqlite3.Error as error:
        raise StoreError(f"the index could not be read ({error})") from None


def index_path(cache_dir: Path, folder: Path) -> Path:
    """The index file for ``folder``: one per absolute folder path, inside ``cache_dir``."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return cache_dir / f"index-{key}.sqlite"


class Store:
    """An open index for one news folder."""

    def __init__(self, path: Path):
        self.path = path
        self._terms_written: set[str] = set()  # words this process already put in ``terms``
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"the index at {path} cannot be used ({error})") from None

    def _connect(self) -> sqlite3.Connection:
        """Open the file, creating the schema in a new one and rebuilding one that is
        corrupt or of another format. The check and the creation happen under the write
        lock, so two processes starting on a new index do not both create it."""
        try:
            db = self._open()
            if self._prepare(db):
                return db
            db.close()
        except sqlite3.DatabaseError:
            pass
        self._remove_files()
        db = self._open()
        self._prepare(db)
        return db

    def _prepare(self, db: sqlite3.Connection) -> bool:
        """Create the schema if the file is empty; False if it holds something else."""
        db.execute("BEGIN IMMEDIATE")
        try:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                schema = _SCHEMA.format(tokenizer=_TOKENIZER)
                for statement in filter(str.strip, schema.split(";")):  # not executescript: it would commit
                    db.execute(statement)
                db.execute("INSERT INTO meta VALUES ('format', ?)", (_format(),))
                ok = True
            else:
                found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() if "meta" in tables else None
                ok = bool(found and found[0] == _format())
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return ok

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=30000")
        db.create_function("casefold", 1, lambda text: text.casefold() if text else text, deterministic=True)
        return db

    def close(self) -> None:
        self.db.close()

    def discard_if_damaged(self, error: Exception) -> None:
        """Delete an index SQLite called malformed, so the next run builds a fresh one."""
        if "malformed" in str(error) or "not a database" in str(error):
            self.db.close()
            self._remove_files()

    def _remove_files(self) -> None:
        """Delete the index file and its WAL companions."""
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    @contextmanager
    def _transaction(self):
        """One atomic write: BEGIN IMMEDIATE takes the write lock up front (waiting for another
        process's write to finish), so concurrent runs never interleave half-done batches."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- keeping the index in step with the folder -------------------------------------------

    def sync(self, entries: Iterable, keys_many: Callable[[list], Iterator[bytes]],
             parse_many: Callable[[list, frozenset[int], Callable[[list], list]], Iterator[Article]],
             progress: Callable[[int, int], None] | None = None) -> SyncReport:
        """Bring the index in line with ``entries`` (scanned files). ``keys_many`` gives the
        furniture keys of a list of entries (see ``parse.repeats``), ``parse_many`` parses a
        list of entries with the folder's shared keys and a function giving the keys counted of
        a slice of them, so their lines are not hashed again, both in order; ``progress(done,
        total)`` follows the parsing.

        Two passes: the new and changed files' keys are counted first (``key_counts``, per key
        the files holding it), so every file is then parsed knowing what the whole folder
        shares; unchanged files holding a key whose shared state flipped are parsed again.
        Counted but unparsed files wait in ``pending``, so an interrupted run is finished by
        the next one, and the counts always match the rows and the pending files.
        """
        try:
            entries = list(entries)
            listing = _listing(entries)
            if self._meta("listing") == listing and self._meta("reparse") is None:
                return SyncReport(0, 0, len(entries))  # the very files the last complete sync left
            known = set(self.db.execute("SELECT name, size, mtime_ns FROM articles").fetchall())
            names = [_key(entry.name) for entry in entries]
            todo = [entry for entry, name in zip(entries, names) if (name, entry.size, entry.mtime_ns) not in known]
            seen = set(names)
            counted = {name for name, _, _ in known} | {row[0] for row in self.db.execute("SELECT name FROM pending")}
            gone = counted - seen
            if not todo and not gone and self._meta("reparse") is None:
                self._remember("listing", listing)
                return SyncReport(0, 0, len(seen))
            if progress and todo:
                progress(0, len(todo))
            self.db.execute(f"PRAGMA cache_size={_WRITING_CACHE}")
            self._count_files(todo, keys_many(todo), gone, counted)
            work = self._parse_list(entries)
            words_later = len(work) >= max(_WORDS_FROM_INDEX, len(entries) // _INDEX_SHARE)
            if words_later:  # until its end, greps do not widen fragments (see terms_containing)
                self._remember("vocabulary", "pending")
            done = 0
            batch: list = []
            for entry, article in zip(work, parse_many(work, self._shared_now(), self._counted_keys)):
                batch.append((entry, article))
                if len(batch) >= _BATCH:
                    done += self._write(batch, words_later)
                    batch = []
                    if progress:
                        progress(done, len(work))
            done += self._write(batch, words_later)
            if progress and work:
                progress(done, len(work))
            with self._transaction():
                self.db.execute(f"UPDATE key_counts SET shared = {_shared_sql()} WHERE shared != {_shared_sql()}")
                self.db.execute("DELETE FROM key_counts WHERE files <= 0 AND shared = 0")
                self.db.execute("DELETE FROM meta WHERE key = 'reparse'")
                if self._meta("vocabulary") is not None:  # this sync's, or one interrupted before its end
                    self._read_vocabulary()
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (listing,))
        except sqlite3.Error as error:  # disk full, read-only file, lock held too long, damage
            raise StoreError(f"the index could not be updated ({error})") from None
        return SyncReport(len(work), len(gone), len(seen) - len(work))

    def _count_files(self, todo: list, keys: Iterator[bytes], gone: set[bytes], counted: set[bytes]) -> None:
        """Pass one: take the old rows of changed and vanished files out of the counts (and
        the index), count the new and changed files' keys and hold them in ``pending``.
        ``counted`` names the files the counts hold now (indexed or pending)."""
        from newsreader.parse.furniture import unpack

        for start in range(0, len(todo) or 1, _BATCH):
            with self._transaction():
                if start == 0:
                    self.db.execute("INSERT OR REPLACE INTO meta VALUES ('reparse', '1')")
                    self.db.execute("DELETE FROM meta WHERE key = 'listing'")
                    for name in gone:
                        self._uncount(name)
                tally: Counter = Counter()  # a batch's keys added up first: furniture keys recur
                for entry, found in zip(todo[start:start + _BATCH], keys):
                    name = _key(entry.name)
                    if name in counted:
                        self._uncount(name)
                    tally.update(unpack(found))
                    self.db.execute("INSERT INTO pending VALUES (?, ?)", (name, found))
                self._add_counts(tally.items())

    def _uncount(self, name: bytes) -> None:
        """Take file ``name``'s row or pending keys out of the counts, and the row out of the index."""
        from newsreader.parse.furniture import unpack

        for rowid, keys in self.db.execute("SELECT rowid, keys FROM articles WHERE name = ?", (name,)).fetchall():
            self._add_counts((key, -1) for key in unpack(keys))
            self._delete([rowid])
        for (keys,) in self.db.execute("SELECT keys FROM pending WHERE name = ?", (name,)).fetchall():
            self._add_counts((key, -1) for key in unpack(keys))
            self.db.execute("DELETE FROM pending WHERE name = ?", (name,))

    def _add_counts(self, steps: Iterable[tuple[int, int]]) -> None:
        """Add each (key, files) step to the key's count of files."""
        self.db.executemany("INSERT INTO key_counts VALUES (?, ?, 0) "
                            "ON CONFLICT(key) DO UPDATE SET files = files + excluded.files", steps)

    def _parse_list(self, entries: list) -> list:
        """Pass two's files, in folder order: the pending ones, and the indexed ones holding a key
        whose shared state flipped since they were parsed."""
        from newsreader.parse.furniture import unpack

        wanted = {row[0] for row in self.db.execute("SELECT name FROM pending")}
        flipped = {row[0] for row in self.db.execute(f"SELECT key FROM key_counts WHERE shared != {_shared_sql()}")}
        if flipped:
            wanted |= {name for name, keys in self.db.execute("SELECT name, keys FROM articles")
                       if not flipped.isdisjoint(unpack(keys))}
        return [entry for entry in entries if _key(entry.name) in wanted]

    def _counted_keys(self, entries: list) -> list[bytes | None]:
        """The keys each entry was counted with, pending or in its row (None if neither)."""
        names = [_key(entry.name) for entry in entries]
        found: dict[bytes, bytes] = {}
        for start in range(0, len(names), _BATCH):
            chunk = names[start:start + _BATCH]
            marks = ", ".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT name, keys FROM articles WHERE name IN ({marks})", chunk))
            found.update(self.db.execute(f"SELECT name, keys FROM pending WHERE name IN ({marks})", chunk))
        return [found.get(name) for name in names]

    def _shared_now(self) -> frozenset[int]:
        return frozenset(row[0] for row in self.db.execute(f"SELECT key FROM key_counts WHERE {_shared_sql()}"))

    @_guarded
    def shared(self) -> frozenset[int]:
        """The folder's shared furniture keys, as the indexed records were parsed with."""
        return frozenset(row[0] for row in self.db.execute("SELECT key FROM key_counts WHERE shared"))

    @_guarded
    def folder_state(self) -> str | None:
        """What :meth:`remember_folder` stored after the last complete sync."""
        return self._meta("folder")

    def remember_folder(self, state: str) -> None:
        try:
            self._remember("folder", state)
        except sqlite3.Error as error:
            raise StoreError(f"the index could not be updated ({error})") from None

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _remember(self, key: str, value: str) -> None:
        with self._transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @_guarded
    def entries(self) -> list[tuple[str, int, int]]:
        """(name, size, mtime_ns) of every indexed file, by name."""
        rows = self.db.execute("SELECT name, size, mtime_ns FROM articles ORDER BY name").fetchall()
        return [(os.fsdecode(name), size, mtime) for name, size, mtime in rows]

    def _write(self, batch: list, words_later: bool) -> int:
        """Store freshly parsed (entry, article) pairs, replacing their old rows; each keeps the
        keys it was counted with (pending, or its old row's). ``words_later``: the sync reads
        most articles' grep words from the index at its end (see _insert)."""
        if not batch:
            return 0
        names = [_key(entry.name) for entry, _ in batch]
        marks = ", ".join("?" * len(names))
        with self._transaction():
            pending = dict(self.db.execute(f"SELECT name, keys FROM pending WHERE name IN ({marks})", names))
            old = {name: (rowid, keys) for rowid, name, keys in
                   self.db.execute(f"SELECT rowid, name, keys FROM articles WHERE name IN ({marks})", names)}
            self._delete([rowid for rowid, _ in old.values()])
            self.db.execute(f"DELETE FROM pending WHERE name IN ({marks})", names)
            for name, (entry, article) in zip(names, batch):
                keys = pending.get(name, old[name][1] if name in old else b"")
                self._insert(entry, keys, article, words_later)
        return len(batch)

    def _insert(self, entry, keys: bytes, article: Article, words_later: bool) -> None:
        cursor = self.db.execute(
            f"INSERT INTO articles({_META_COLUMNS.replace('rowid, ', '')}, size, mtime_ns, listed, keys) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_key(entry.name), article.id, article.number, article.hash, article.path, article.section, article.title,
             article.published, article.words, json.dumps(article.authors), json.dumps(article.credits),
             json.dumps(article.warnings), entry.size, entry.mtime_ns, Summary.of(article).pack(), keys),
        )
        rowid = cursor.lastrowid
        body = "\n".join(article.paragraphs)
        self.db.execute("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", (rowid, article.title, body))
        self.db.execute("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", (rowid, article.title, body))
        text = f"{article.title}\n{body}"
        others = _non_ascii(text)
        joined = _joins_words(others)
        if joined:
            self.db.execute("INSERT INTO unsplit VALUES (?)", (rowid,))
        if words_later and not joined and others.isdisjoint(_unlike_words()):
            return  # its words are the index's own, read at the end of the sync
        words = _terms(text, self._terms_written)
        if words:
            self.db.executemany("INSERT OR IGNORE INTO terms VALUES (?)", ((word,) for word in words))
            self._terms_written |= words

    def _read_vocabulary(self) -> None:
        """Add every word of the full-text index to ``terms`` and mark the list complete again.

        A large sync leaves its articles' words to this one pass over FTS5's own word list (in
        C), instead of splitting each article in Python as it is stored: for an article holding
        no character the two read differently (``_unlike_words``; those that join words make an
        article ``unsplit``), the index's words are exactly grep's words, lower-cased."""
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, 'fts', 'row')")
        self.db.execute("INSERT OR IGNORE INTO terms SELECT term FROM temp.fts_words")
        self.db.execute("DELETE FROM meta WHERE key = 'vocabulary'")

    def _delete(self, rowids: list[int]) -> None:
        for rowid in rowids:
            row = self.db.execute("SELECT title, body FROM docs WHERE rowid = ?", (rowid,)).fetchone()
            if row:
                self.db.execute("INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', ?, ?, ?)", (rowid, *row))
            self.db.execute("DELETE FROM docs WHERE rowid = ?", (rowid,))
            self.db.execute("DELETE FROM unsplit WHERE rowid = ?", (rowid,))
            self.db.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

    # --- reading ----------------------------------------------------------------------------

    @_guarded
    def articles(self, body: bool = False, rowids: Iterable[int] | None = None) -> Iterator[Article]:
        """Records in file-name order; without paragraphs unless ``body``; only ``rowids`` if given."""
        query = f"SELECT {_SELECT_META}{', d.body' if body else ''} FROM articles a"
        query += " JOIN docs d ON d.rowid = a.rowid" if body else ""
        for row in self._rows(query, rowids):
            yield _article(row, body)

    @_guarded
    def texts(self, rowids: Iterable[int] | None = None) -> Iterator[Text]:
        """What grep reads, in file-name order: :class:`~newsreader.model.Text` records (no JSON
        columns to decode, no body split into paragraphs); only ``rowids`` if given."""
        for row in self._rows(f"SELECT {_SELECT_TEXT} FROM articles a JOIN docs d ON d.rowid = a.rowid", rowids):
            yield Text._make(row)

    @_guarded
    def holding(self, literal: str, field: str, rowids: Iterable[int] | None = None) -> Iterator[Text]:
        """The articles whose searched text (``title``, ``body`` or ``all``) contains ``literal``,
        in file-name order, checked by SQLite in one query (no text leaves the database: bodies
        come back empty, so sorting the few rows that match costs nothing); only ``rowids`` if given."""
        where = {"title": "instr(d.title, ?) > 0", "body": "instr(d.body, ?) > 0",
                 "all": "(instr(d.title, ?) > 0 OR instr(d.body, ?) > 0)"}[field]
        source = "articles a"
        if rowids is not None:
            self._want(rowids)
            source = _WANTED_ARTICLES
        yield from map(Text._make, self.db.execute(
            f"SELECT a.id, a.path, a.section, d.title, '' FROM {source} CROSS JOIN docs d ON d.rowid = a.rowid "
            f"WHERE {where} ORDER BY a.name", (literal,) * where.count("?")))

    def _want(self, rowids: Iterable[int]) -> None:
        """Put ``rowids`` in the temporary table ``wanted``, for queries to join."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(rowid INTEGER PRIMARY KEY)")
        self.db.execute("DELETE FROM wanted")
        self.db.executemany("INSERT INTO wanted VALUES (?)", ((r,) for r in sorted(set(rowids))))

    def _rows(self, query: str, rowids: Iterable[int] | None) -> Iterator[tuple]:
        """Rows of ``query`` (over ``articles a``) by file name, limited to ``rowids`` if given.

        A subset is put in name order first (rowids only), then read in chunks of that
        order: SQLite's sorter would copy every row's body once more, and reading all
        candidates at once holds them all in memory (a GB for 26,000 at 1,000,000 files).
        """
        if rowids is None:
            yield from self.db.execute(query + " ORDER BY a.name")
            return
        self._want(rowids)
        order = [row[0] for row in self.db.execute(
            f"SELECT a.rowid FROM {_WANTED_ARTICLES} ORDER BY a.name").fetchall()]
        keyed = query.replace("SELECT ", "SELECT a.rowid, ", 1)
        for start in range(0, len(order), _CHUNK):
            chunk = order[start:start + _CHUNK]
            found = {row[0]: row[1:] for row in self.db.execute(
                f"{keyed} WHERE a.rowid IN ({', '.join('?' * len(chunk))})", chunk)}
            yield from (found[rowid] for rowid in chunk if rowid in found)

    @_guarded
    def listing(self, sort: str, section: str | None) -> tuple[list[str], dict[str, tuple[str, ...]]]:
        """Every article as a packed :class:`~newsreader.model.Summary` string in ``sort`` order
        (title order is left to the caller: SQLite cannot casefold), and the warnings of the
        rows that have any, by packed row. One stored string a row: 100,000 rows read in a blink."""
        where, params = ("WHERE casefold(section) = ?", (section.casefold(),)) if section is not None else ("", ())
        rows = self.db.execute(f"SELECT listed FROM articles {where} ORDER BY {_LIST_ORDERS[sort]}", params)
        listed = [row[0] for row in rows.fetchall()]  # fetchall: half the time of stepping the cursor
        warned = self.db.execute(f"SELECT listed, warnings FROM articles {where} {'AND' if where else 'WHERE'} "
                                 "warnings != '[]'", params)
        return listed, {row: tuple(json.loads(warnings)) for row, warnings in warned}

    @_guarded
    def files_for_id(self, query: str) -> list[tuple[str, int, int]]:
        """(name, size, mtime_ns) as indexed of the files an id names, by the rules of
        ``library.resolve_id``: the stem, else the running number, else a 4+ digit hash prefix."""
        columns = "SELECT name, size, mtime_ns FROM articles WHERE "
        rows = self.db.execute(columns + "id = ?", (query,)).fetchall()
        if not rows and query.isdigit():
            rows = self.db.execute(columns + "number = ?", (int(query),)).fetchall()
        if not rows and len(query) >= 4 and re.fullmatch(r"[0-9a-fA-F]+", query):
            prefix = query.lower()  # hex digits sort below "g": the range is the prefix, read off the index
            rows = self.db.execute(columns + "hash >= ? AND hash < ?", (prefix, prefix + "g")).fetchall()
        return [(os.fsdecode(name), size, mtime) for name, size, mtime in rows]

    @_guarded
    def rowid_of(self, name: str) -> int | None:
        row = self.db.execute("SELECT rowid FROM articles WHERE name = ?", (_key(name),)).fetchone()
        return row[0] if row else None

    @_guarded
    def matching(self, fts_query: str) -> set[int]:
        """Rowids of the documents an FTS5 query matches (none for ""), and of every document
        whose words the index may have joined (``unsplit``): no query can rule those out.
        Raises StoreError on a bad query."""
        found = {row[0] for row in self.db.execute("SELECT rowid FROM unsplit")}
        if fts_query:
            try:
                found.update(row[0] for row in self.db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (fts_query,)))
            except sqlite3.OperationalError as error:
                raise StoreError(str(error)) from None
        return found

    @_guarded
    def terms_containing(self, fragment: str, limit: int) -> list[str] | None:
        """Words ever indexed that contain ``fragment``; None when there are more than ``limit``.

        The list only grows (words of deleted articles stay): an extra word
        can only widen a grep's candidates, never lose a match.
        """
        if self._meta("vocabulary") is not None:
            return None  # a large sync has yet to add its articles' words (interrupted before its end)
        rows = self.db.execute("SELECT term FROM terms WHERE instr(term, ?) > 0 LIMIT ?", (fragment, limit + 1))
        terms = [row[0] for row in rows]
        return None if len(terms) > limit else terms

    @_guarded
    def rank(self, fts_query: str, limit: int, section: str | None, since: str | None,
             until: str | None) -> list[tuple[Article, float, str]]:
        """Best matches of a user's FTS5 query by BM25 (title weighs 5x), with a body snippet."""
        where, params = ["fts MATCH ?"], [fts_query]
        if section:
            where.append("casefold(a.section) = ?")
            params.append(section.casefold())
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("substr(a.published, 1, 10) <= ?")
            params.append(until)
        query = (f"SELECT {_SELECT_META}, bm25(fts, 5.0, 1.0) AS score, "
                 "snippet(fts, 1, char(2), char(3), '…', 16) FROM fts JOIN articles a ON a.rowid = fts.rowid "
                 f"WHERE {' AND '.join(where)} ORDER BY score LIMIT ?")
        try:
            rows = self.db.execute(query, (*params, limit)).fetchall()
        except sqlite3.OperationalError as error:
            raise StoreError(str(error)) from None
        return [(_article(row[:-2], False), -row[-2], row[-1]) for row in rows]


@functools.lru_cache(maxsize=1)
def _format() -> str:
    """The schema's FORMAT and a fingerprint of the parser's code and weights: records parsed by
    another parser are stale, so an index made by one is rebuilt rather than trusted. Read from
    the package's files (well under a millisecond), so the parser itself is not imported."""
    digest = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "parse").iterdir()):
        if path.suffix in (".py", ".json"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{FORMAT}:{digest.hexdigest()[:16]}"


def _shared_sql() -> str:
    """SQL that is true for a ``key_counts`` row whose key is shared now (``parse.repeats``:
    a key's lowest bit says pair or single line, which need different numbers of files)."""
    from newsreader.parse.furniture import LINE_FILES, PAIR_FILES

    return f"(files >= CASE WHEN key & 1 THEN {PAIR_FILES} ELSE {LINE_FILES} END)"


def _terms(text: str, known: set[str]) -> set[str]:
    """The words (``WORD`` runs, lower-cased) of ``text`` that are not in ``known``.

    Splits on whitespace first, in C, and runs the regex only on the new chunks
    that are not a single word already (those with punctuation attached): a few
    times faster than the regex over the whole text, with the same result.
    """
    found = set()
    for chunk in set(text.lower().split()) - known:
        word = chunk.strip(_EDGES)  # "said," and "(AP)" are words once their edges go
        if word.isalnum():  # exactly the characters of a WORD run
            found.add(word)
        elif word:
            found.update(WORD.findall(word))
    return found - known


def _non_ascii(text: str) -> set[str]:
    """The characters of ``text`` beyond ASCII: its UTF-8 without the ASCII bytes, decoded, all in
    C (a set of the whole text costs six times as much)."""
    if text.isascii():
        return set()
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))


def _joins_words(characters: set[str]) -> bool:
    """Whether a text holding ``characters`` (its non-ASCII ones) may be read by the full-text
    index as one word where grep reads two (``WORD`` runs): its tokenizer keeps some characters
    inside a word that are no word characters for grep, such as an accent written apart ("cafe"
    + U+0301), a private-use character, or one its Unicode tables do not know yet. A document
    holding one is never ruled out by grep's prefilter, so the indexed grep stays equal to a
    full scan."""
    if not characters:
        return False
    import unicodedata  # here, not at the top: only commands that write the index need it

    joiners = _word_joiners()
    return any(character in joiners or unicodedata.category(character) in ("Cn", "Co") for character in characters)


@functools.lru_cache(maxsize=1)
def _word_joiners() -> frozenset[str]:
    """The assigned characters that no grep word holds but this SQLite's tokenizer keeps inside
    a word (unassigned and private-use ones are taken as such without asking): each is put
    between two letters in a row of its own, and the rows where the letter is no word of its
    own name them. About 0.05 s, once per process that writes an index."""
    import unicodedata

    candidates = [character for character in _beyond_ascii() if not character.isalnum()
                  and unicodedata.category(character) not in ("Cn", "Co")]
    apart = {row[0] for row in _tokenized([f"x{character}x" for character in candidates],
                                          "SELECT rowid FROM probe WHERE probe MATCH 'x'")}
    return frozenset(character for number, character in enumerate(candidates) if number not in apart)


@functools.lru_cache(maxsize=1)
def _unlike_words() -> frozenset[str]:
    """The non-ASCII word characters this SQLite's tokenizer does not read as grep's lower-cased
    words do (folded otherwise, like "µ" to "μ", or taken for a separator), and the capital
    sigma, which Python lower-cases by its place in the word: an article holding one keeps its
    words split in Python even in a sync that reads the index's word list (see
    _read_vocabulary). Each character is the text of a row of its own, whose word is compared
    with the character lower-cased. About 0.4 s, once per process, only for large syncs."""
    candidates = [character for character in _beyond_ascii() if character.isalnum()]
    read = dict(_tokenized(candidates, "SELECT doc, term FROM probe_words"))
    return frozenset(character for number, character in enumerate(candidates)
                     if read.get(number) != character.lower()) | {"\u03a3"}


def _beyond_ascii() -> Iterator[str]:
    """Every character past ASCII in the planes that hold assigned ones (the BMP without
    surrogates, planes 1 to 3, and plane 14's tags and variation selectors): what the probes ask
    SQLite about. Characters beyond are unassigned or private use, taken as such by rule."""
    for first, last in ((0x80, 0xD7FF), (0xE000, 0x3FFFF), (0xE0000, 0xE0FFF)):
        yield from map(chr, range(first, last + 1))


def _tokenized(texts: list[str], query: str) -> list[tuple]:
    """``query``'s rows over a scratch in-memory full-text table ``probe`` holding ``texts`` (row
    i holds texts[i]) with the index's tokenizer, and its word list ``probe_words`` (fts5vocab,
    one row per word read)."""
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.execute(f"CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='{_TOKENIZER}')")
        scratch.execute("CREATE VIRTUAL TABLE temp.probe_words USING fts5vocab(main, 'probe', 'instance')")
        scratch.executemany("INSERT INTO probe(rowid, text) VALUES (?, ?)", enumerate(texts))
        return scratch.execute(query).fetchall()
    finally:
        scratch.close()


def _listing(entries: list) -> str:
    """A digest of the scanned files' names, sizes and mtimes, in order: equal digests, same files.

    Made by C-level calls (~60 ms for 100,000 files), where comparing the scan
    with the index row by row takes ~0.3 s; a re-scan that finds the digest the
    last complete sync stored has nothing to do.
    """
    names = "\0".join(map(_NAME, entries)).encode(_FS_ENCODING, _FS_ERRORS)  # no file name holds a NUL
    digest = hashlib.blake2b(f"{len(entries)} {len(names)}\n".encode(), digest_size=16)
    digest.update(names)
    digest.update(struct.pack(f"{len(entries)}q", *map(_SIZE, entries)))
    digest.update(struct.pack(f"{len(entries)}q", *map(_MTIME, entries)))
    return digest.hexdigest()


_NAME, _SIZE, _MTIME = operator.attrgetter("name"), operator.attrgetter("size"), operator.attrgetter("mtime_ns")


def _key(name: str) -> bytes:
    """A file name as stored: its bytes, so names that are not valid UTF-8 fit too
    (``os.fsencode``, without its per-call overhead: a sync makes 100,000 of these)."""
    return name.encode(_FS_ENCODING, _FS_ERRORS)


@_guarded
def stripe_texts(path: Path, stripe: int, stripes: int) -> Iterator[Text]:
    """Grep's records (see :meth:`Store.texts`) of the rows with ``rowid % stripes == stripe``,
    read-only: one worker's share of a full scan."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute(f"SELECT {_SELECT_TEXT} FROM articles a JOIN docs d ON d.rowid = a.rowid "
                          "WHERE a.rowid % ? = ?", (stripes, stripe))
        while chunk := rows.fetchmany(256):  # in chunks: faster than a row at a time, and memory stays bounded
            yield from map(Text._make, chunk)
    finally:
        db.close()


def _article(row: tuple, body: bool) -> Article:
    (_, _, article_id, number, hash_, path, section, title, published, words, authors, credits,
     warnings) = row[:13]
    return Article(
        id=article_id, path=path, title=title, number=number, hash=hash_, section=section,
        authors=tuple(json.loads(authors)), published=published, credits=tuple(json.loads(credits)),
        paragraphs=tuple(row[13].split("\n")) if body and row[13] else (), words=words,
        warnings=tuple(json.loads(warnings)),
    )
