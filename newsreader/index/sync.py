"""Keeping the index in step with the folder: parse what is new or changed, drop what is gone.

A sync runs two passes. First the new and changed files' furniture keys are
counted (``key_counts``: per key, the files holding it), so every file is
then parsed knowing what the whole folder shares; an unchanged file holding a
key whose shared state flipped is parsed again. Counted but unparsed files
wait in ``pending``, so an interrupted run is finished by the next one, and
the counts always match the rows and the pending files. Writes are committed
every ``BATCH`` files. The parser comes in through :class:`Parsing`: the
index knows no parser internals.
"""

from __future__ import annotations

import hashlib
import json
import operator
import sqlite3
import struct
import sys
from collections import Counter
from itertools import chain
from typing import Callable, Iterable, Iterator, Mapping, Protocol

from newsreader.index import vocabulary
from newsreader.index.database import Database, as_news_error
from newsreader.model import Article, Entry, Summaries, SyncReport

BATCH = 1000  # files parsed per committed transaction
_STEP = 50  # files between two reports of progress: a bar that moves smoothly, at no cost
#: Files to parse, at least, and share of the folder they must be, for a sync to take its new
#: grep words from the full-text index's own word list at its end (one pass in C) rather than
#: split each article's text in Python as it is stored (see _read_vocabulary).
WORDS_FROM_INDEX = 5000
INDEX_SHARE = 4
#: Page cache while writing (KiB, negative): full-text inserts touch many pages. Reads keep
#: SQLite's small default, as a large cache costs a one-shot command more to fill than it saves.
_WRITING_CACHE = -65536
_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
_NAME = operator.attrgetter("name")
_STAMP = operator.attrgetter(
    "size", "mtime_ns", "ctime_ns", "inode"
)  # what says a file's content changed
_UNREAD = -1  # the mtime stored for a file that could not be read: no scan ever matches it


class Parsing(Protocol):
    """What a sync needs of the parser; the library hands it in."""

    #: files that must share a key for its lines to be furniture, by the key's kind (lowest bit)
    shared_from: Mapping[int, int]

    def keys(self, entries: list[Entry]) -> Iterator[bytes]:
        """Each entry's packed furniture keys, in order."""

    def parse(
        self,
        entries: list[Entry],
        shared: frozenset[int],
        keys_for: Callable[[list[Entry]], list[bytes | None]],
    ) -> Iterator[tuple[Iterable[tuple[Article, int]], bool]]:
        """Each entry's records (one, or one per article of a file holding many), in order, each
        with the content key of what it was parsed from (a column of its own: the reader's marks
        join on it), parsed with the folder's ``shared`` keys, and whether its file could be
        read; ``keys_for`` gives the keys already counted of a slice of the entries, so they are
        not taken again."""

    def unpack(self, keys: bytes) -> set[int]:
        """The distinct keys of a packing made by :meth:`keys`."""


def name_key(name: str) -> bytes:
    """A file name as stored: its bytes, so names that are not valid UTF-8 fit too
    (``os.fsencode`` without its per-call overhead: a sync makes 100,000 of these)."""
    return name.encode(_FS_ENCODING, _FS_ERRORS)


def folder_digest(entries: list[Entry]) -> str:
    """A digest of the scanned files' names, sizes and mtimes, in order: equal digests, same
    files. Made by C-level calls, far cheaper than comparing the scan with the index row by row."""
    names = "\0".join(map(_NAME, entries)).encode(
        _FS_ENCODING, _FS_ERRORS
    )  # no file name holds a NUL
    digest = hashlib.blake2b(f"{len(entries)} {len(names)}\n".encode(), digest_size=16)
    digest.update(names)
    digest.update(struct.pack(f"{4 * len(entries)}q", *chain.from_iterable(map(_STAMP, entries))))
    return digest.hexdigest()


class Syncing(Database):
    """The writing half of the index."""

    _terms_written: set[str]  # words this process already put in ``terms``

    def sync(
        self,
        entries: Iterable[Entry],
        parsing: Parsing,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> SyncReport:
        """Bring the index in line with ``entries`` (the scanned files); ``progress(done, total)``
        follows the parsing. Raises IndexUnavailable when the index cannot be written."""
        try:
            with self.updating(lambda: (progress or _quiet)("waiting", 0, 0)):
                return self._sync(list(entries), parsing, progress)
        except sqlite3.Error as error:  # disk full, read-only file, lock held too long, damage
            raise as_news_error(error, "updated") from None

    def _sync(self, entries: list[Entry], parsing: Parsing, progress) -> SyncReport:
        listing = folder_digest(entries)
        if self.meta("listing") == listing and self.meta("reparse") is None:
            return SyncReport(0, 0, len(entries))  # the very files the last complete sync left
        known = set(
            self.db.execute(
                "SELECT DISTINCT name, size, mtime_ns, ctime_ns, inode FROM articles"
            ).fetchall()
        )
        names = [name_key(entry.name) for entry in entries]
        todo = [entry for entry, name in zip(entries, names) if (name, *_STAMP(entry)) not in known]
        seen = set(names)
        counted = {row[0] for row in known} | {
            row[0] for row in self.db.execute("SELECT name FROM pending")
        }
        gone = counted - seen
        if not todo and not gone and self.meta("reparse") is None:
            self.remember("listing", listing)
            return SyncReport(0, 0, len(seen))
        progress = progress or _quiet
        self.db.execute(f"PRAGMA cache_size={_WRITING_CACHE}")
        shared_sql = _shared_sql(parsing.shared_from)
        self._count_files(todo, parsing, gone, counted, progress)
        work = self._parse_list(entries, parsing, shared_sql)
        self._stamp_shared(work, shared_sql)
        words_later = len(work) >= max(WORDS_FROM_INDEX, len(entries) // INDEX_SHARE)
        if (
            words_later
        ):  # until its end, greps do not widen fragments (see Reading.terms_containing)
            self.remember("vocabulary", "pending")
        warned: dict[str, tuple[str, ...]] = {}
        unreadable = self._parse_and_write(work, parsing, shared_sql, words_later, progress, warned)
        progress("writing", 0, 1)
        with self.transaction():
            self.db.execute("DELETE FROM key_counts WHERE files <= 0 AND shared = 0")
            self.db.execute("DELETE FROM meta WHERE key = 'reparse'")
            if (
                self.meta("vocabulary") is not None
            ):  # this sync's, or one interrupted before its end
                self._read_vocabulary()
            if not unreadable:  # else the next sync must look at the files again
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (listing,))
        progress("writing", 1, 1)
        return SyncReport(len(work), len(gone), len(seen) - len(work), unreadable, warned)

    def _parse_and_write(
        self,
        work: list[Entry],
        parsing: Parsing,
        shared_sql: str,
        words_later: bool,
        progress,
        warned: dict[str, tuple[str, ...]],
    ) -> int:
        """Pass two: parse ``work`` with the folder's shared keys and store the records in batches,
        noting the parse warnings in ``warned``. A file that could not be read is stored as if it
        had no modification time, so the next sync reads it again. Returns how many could not."""
        shared = frozenset(
            row[0] for row in self.db.execute(f"SELECT key FROM key_counts WHERE {shared_sql}")
        )
        unreadable = 0
        batch: list = []
        progress("parsing", 0, len(work))
        for number, (entry, (articles, readable)) in enumerate(
            zip(work, parsing.parse(work, shared, self._counted_keys)), start=1
        ):
            if number % _STEP == 0:
                progress("parsing", number, len(work))
            if not readable:
                unreadable += 1
                entry = entry._replace(mtime_ns=_UNREAD)
            held = None  # each part is held back one step, so the last one is known
            for part, (article, content) in enumerate(articles):
                if article.warnings:
                    warned[article.id] = article.warnings
                if held:
                    batch.append((*held, False))
                held = (entry, part, article, content)
                if len(batch) >= BATCH:
                    self._write(batch, words_later)
                    batch = []
            if held:
                batch.append((*held, True))
        self._write(batch, words_later)
        progress("parsing", len(work), len(work))
        return unreadable

    def _count_files(
        self, todo: list[Entry], parsing: Parsing, gone: set[bytes], counted: set[bytes], progress
    ) -> None:
        """Pass one: take the old rows of changed and vanished files out of the counts (and
        the index), count the new and changed files' keys and hold them in ``pending``.
        ``counted`` names the files the counts hold now (indexed or pending)."""
        keys = parsing.keys(todo)
        progress("counting", 0, len(todo))
        for start in range(0, len(todo) or 1, BATCH):
            with self.transaction():
                if start == 0:
                    self.db.execute("INSERT OR REPLACE INTO meta VALUES ('reparse', '1')")
                    self.db.execute("DELETE FROM meta WHERE key = 'listing'")
                    for name in gone:
                        self._uncount(name, parsing)
                tally: Counter = Counter()  # a batch's keys added up first: furniture keys recur
                for number, (entry, found) in enumerate(
                    zip(todo[start : start + BATCH], keys), start
                ):
                    if number % _STEP == 0:
                        progress("counting", number, len(todo))
                    name = name_key(entry.name)
                    if name in counted:
                        self._uncount(name, parsing)
                    tally.update(parsing.unpack(found))
                    self.db.execute("INSERT INTO pending VALUES (?, ?)", (name, found))
                self._add_counts(tally.items())
        progress("counting", len(todo), len(todo))

    def _uncount(self, name: bytes, parsing: Parsing) -> None:
        """Take file ``name``'s keys (its rows', counted once for the file, or pending) out of
        the counts, and its rows out of the index."""
        rows = self.db.execute(
            "SELECT rowid, keys FROM articles WHERE name = ? ORDER BY part", (name,)
        ).fetchall()
        if rows:
            self._add_counts((key, -1) for key in parsing.unpack(rows[0][1]))
            self._delete([rowid for rowid, _ in rows])
        for (keys,) in self.db.execute(
            "SELECT keys FROM pending WHERE name = ?", (name,)
        ).fetchall():
            self._add_counts((key, -1) for key in parsing.unpack(keys))
            self.db.execute("DELETE FROM pending WHERE name = ?", (name,))

    def _add_counts(self, steps: Iterable[tuple[int, int]]) -> None:
        """Add each (key, files) step to the key's count of files."""
        self.db.executemany(
            "INSERT INTO key_counts VALUES (?, ?, 0) "
            "ON CONFLICT(key) DO UPDATE SET files = files + excluded.files",
            steps,
        )

    def _parse_list(self, entries: list[Entry], parsing: Parsing, shared_sql: str) -> list[Entry]:
        """Pass two's files, in folder order: the pending ones, and the indexed ones holding a key
        whose shared state flipped since they were parsed."""
        wanted = {row[0] for row in self.db.execute("SELECT name FROM pending")}
        flipped = {
            row[0]
            for row in self.db.execute(f"SELECT key FROM key_counts WHERE shared != {shared_sql}")
        }
        if flipped:
            wanted |= {
                name
                for name, keys in self.db.execute("SELECT name, keys FROM articles")
                if not flipped.isdisjoint(parsing.unpack(keys))
            }
        return [entry for entry in entries if name_key(entry.name) in wanted]

    def _stamp_shared(self, work: list[Entry], shared_sql: str) -> None:
        """Before pass two: the indexed files of ``work`` (parsed with an older shared state) go
        back to ``pending``, their rows out, their keys still counted once; then every count
        notes the shared state this pass parses with. A pass cut short leaves the files it did
        not reach pending and the ones it did current, so the next sync parses only the rest
        (noting the state at the end took every file holding a shared key for changed)."""
        names = [name_key(entry.name) for entry in work]
        with self.transaction():
            for start in range(0, len(names), BATCH):
                chunk = names[start : start + BATCH]
                marks = ", ".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT name, rowid, keys, part FROM articles WHERE name IN ({marks})", chunk
                ).fetchall()
                self.db.executemany(
                    "INSERT OR IGNORE INTO pending VALUES (?, ?)",
                    ((name, keys) for name, _, keys, part in rows if part == 0),
                )
                self._delete([rowid for _, rowid, _, _ in rows])
            self.db.execute(
                f"UPDATE key_counts SET shared = {shared_sql} WHERE shared != {shared_sql}"
            )

    def _counted_keys(self, entries: list[Entry]) -> list[bytes | None]:
        """The keys each entry was counted with, pending or in its row (None if neither)."""
        names = [name_key(entry.name) for entry in entries]
        found: dict[bytes, bytes] = {}
        for start in range(0, len(names), BATCH):
            chunk = names[start : start + BATCH]
            marks = ", ".join("?" * len(chunk))
            found.update(
                self.db.execute(f"SELECT name, keys FROM articles WHERE name IN ({marks})", chunk)
            )
            found.update(
                self.db.execute(f"SELECT name, keys FROM pending WHERE name IN ({marks})", chunk)
            )
        return [found.get(name) for name in names]

    def remember_folder(self, state: str) -> None:
        """Store the folder's identity and mtime after a complete sync (see Reading.folder_state)."""
        try:
            self.remember("folder", state)
        except sqlite3.Error as error:
            raise as_news_error(error, "updated") from None

    def _write(self, batch: list[tuple[Entry, int, Article, int, bool]], words_later: bool) -> None:
        """Store freshly parsed (entry, part, article, content key, last part of its file) rows;
        each keeps the keys its file was counted with, which wait in ``pending`` (every file pass
        two parses is there, its old rows gone: see :meth:`_stamp_shared`). A file's pending mark
        goes with its last part, so a file of many cut short by an interrupted sync is parsed
        again. ``words_later``: the sync reads most articles' grep words from the index at its
        end (see _insert)."""
        if not batch:
            return
        names = [name_key(entry.name) for entry, *_ in batch]
        marks = ", ".join("?" * len(names))
        with self.transaction():
            pending = dict(
                self.db.execute(f"SELECT name, keys FROM pending WHERE name IN ({marks})", names)
            )
            finished = [name for name, (*_, last) in zip(names, batch) if last]
            self.db.executemany("DELETE FROM pending WHERE name = ?", ((n,) for n in finished))
            for name, (entry, part, article, content, _) in zip(names, batch):
                self._insert(name, part, entry, pending[name], article, content, words_later)

    def _insert(
        self,
        name: bytes,
        part: int,
        entry: Entry,
        keys: bytes,
        article: Article,
        content: int,
        words_later: bool,
    ) -> None:
        cursor = self.db.execute(
            "INSERT INTO articles(name, part, id, number, hash, path, section, title, published, "
            "words, authors, credits, warnings, language, url, site, listed, size, mtime_ns, "
            "ctime_ns, inode, keys, content) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                part,
                article.id,
                article.number,
                article.hash,
                article.path,
                article.section,
                article.title,
                article.published,
                article.words,
                json.dumps(article.authors),
                json.dumps(article.credits),
                json.dumps(article.warnings),
                article.language,
                article.url,
                article.site,
                Summaries.pack(article),
                entry.size,
                entry.mtime_ns,
                entry.ctime_ns,
                entry.inode,
                keys,
                content,
            ),
        )
        rowid = cursor.lastrowid
        body = "\n".join(article.paragraphs)
        self.db.execute(
            "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", (rowid, article.title, body)
        )
        self.db.execute(
            "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", (rowid, article.title, body)
        )
        text = f"{article.title}\n{body}"
        others = vocabulary.non_ascii(text)
        if others and self.letters().rule_out_never(others):
            self.db.execute("INSERT INTO unsplit VALUES (?)", (rowid,))
            return  # never ruled out: grep needs none of its words
        if words_later:
            return  # its words are the index's own, read at the end of the sync
        folded = self.letters().fold_text(text, others) if others else text.lower()
        words = vocabulary.terms(folded, self._terms_written)
        if words:
            self.db.executemany(
                "INSERT OR IGNORE INTO terms VALUES (?)", ((word,) for word in words)
            )
            self._terms_written |= words

    def _read_vocabulary(self) -> None:
        """Add every word of the full-text index to ``terms`` and mark the list complete again.

        A large sync leaves its articles' words to this one pass over FTS5's own word list (in
        C), instead of splitting each article in Python as it is stored: for an article the
        prefilter may rule out, the index's words are exactly its folded words (see :mod:`letters`)."""
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, 'fts', 'row')"
        )
        self.db.execute("INSERT OR IGNORE INTO terms SELECT term FROM temp.fts_words")
        self.db.execute("DELETE FROM meta WHERE key = 'vocabulary'")

    def _delete(self, rowids: list[int]) -> None:
        for rowid in rowids:
            row = self.db.execute(
                "SELECT title, body FROM docs WHERE rowid = ?", (rowid,)
            ).fetchone()
            if row:
                self.db.execute(
                    "INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                    (rowid, *row),
                )
            self.db.execute("DELETE FROM docs WHERE rowid = ?", (rowid,))
            self.db.execute("DELETE FROM unsplit WHERE rowid = ?", (rowid,))
            self.db.execute("DELETE FROM copies WHERE rowid = ?", (rowid,))
            self.db.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))


def _shared_sql(shared_from: Mapping[int, int]) -> str:
    """SQL true for a ``key_counts`` row whose key is shared now: the parser's rule, as data."""
    cases = " ".join(f"WHEN {kind} THEN {files}" for kind, files in sorted(shared_from.items()))
    return f"(files >= CASE key & 1 {cases} END)"


def _quiet(phase: str, done: int, total: int) -> None:
    """Progress nobody follows."""
