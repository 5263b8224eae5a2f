"""The index file itself: its schema, its format, opening it, and SQLite's errors as ours.

One SQLite file per news folder (or a database in memory, for ``--no-cache``).
A file that is not a readable index of this format and parser is deleted
and made anew: the index is a cache, rebuilt from the folder at any time.
WAL and a busy timeout let two ``news`` processes share it; every write
takes the write lock up front (``BEGIN IMMEDIATE``), so runs never
interleave half-done batches. SQLite failures leave this package only as
:class:`~newsreader.errors.IndexUnavailable` (or ``IndexDamaged``), told
apart by SQLite's own error codes.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import time
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from types import GeneratorType
from typing import Callable

from newsreader.errors import IndexDamaged, IndexUnavailable, Interrupted

try:
    import fcntl
except ImportError:  # not POSIX: updates rely on SQLite's locks alone
    fcntl = None

FORMAT = "16"
TOKENIZER = "unicode61 remove_diacritics 0"  # the full-text index's; see letters.py for what it does  # bump when the schema changes; a changed parser is noticed by its fingerprint
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
    rowid INTEGER PRIMARY KEY, name BLOB NOT NULL,
    part INTEGER NOT NULL,  -- the article's place in its file (0, or 0, 1, … in a file of many)
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,
    id TEXT NOT NULL, number INTEGER, hash TEXT, path TEXT NOT NULL, section TEXT, title TEXT NOT NULL,
    published TEXT, words INTEGER NOT NULL, authors TEXT NOT NULL, credits TEXT NOT NULL, warnings TEXT NOT NULL,
    language TEXT, url TEXT, site TEXT,
    listed TEXT NOT NULL,  -- the summary `news list` shows, packed (model.Summaries)
    keys BLOB NOT NULL,  -- the file's furniture keys, packed (see parse.furniture), on each part
    content INTEGER NOT NULL,  -- the content key of what it was parsed from: the reader's marks join on it (docs/state.md)
    UNIQUE(name, id)  -- file-name order, then id: the order grep and export read in
);
CREATE TABLE pending(name BLOB PRIMARY KEY, keys BLOB NOT NULL);  -- files counted, not yet parsed
CREATE TABLE key_counts(key INTEGER PRIMARY KEY, files INTEGER NOT NULL, shared INTEGER NOT NULL);
CREATE INDEX by_id ON articles(id);
CREATE INDEX by_number ON articles(number);
CREATE INDEX by_hash ON articles(hash);
-- what `news list` shows, in its default order: listing 100,000 articles reads this index alone,
-- one string a row, and sorts nothing
CREATE INDEX listing ON articles(published IS NULL, published DESC, number IS NULL, number, id, listed, content);
CREATE INDEX by_content ON articles(content);
CREATE INDEX warned ON articles(rowid) WHERE warnings != '[]';
CREATE TABLE docs(rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='docs', content_rowid='rowid', tokenize='{tokenizer}');
-- merge 16 segments of a level at a time, not 4: a large sync spends less on the full-text
-- index, and queries read through the few more segments as fast (benchmarks/scale.py)
INSERT INTO fts(fts, rank) VALUES ('automerge', 16);
CREATE TABLE terms(term TEXT PRIMARY KEY) WITHOUT ROWID;  -- grep's vocabulary (see vocabulary.py)
CREATE TABLE unsplit(rowid INTEGER PRIMARY KEY);  -- articles whose words the index may join
-- each article's MinHash signature, for finding wire copies (see copies.py)
CREATE TABLE copies(rowid INTEGER PRIMARY KEY, signature BLOB NOT NULL);
"""
_DAMAGE_CODES = {getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26)}
_INTERRUPT = getattr(sqlite3, "SQLITE_INTERRUPT", 9)
_BUSY_CODES = {getattr(sqlite3, "SQLITE_BUSY", 5), getattr(sqlite3, "SQLITE_LOCKED", 6)}
_BUSY_WAIT = 30.0  # seconds an index busy in another process is waited for, as SQLite's timeout
_BUSY_PAUSE = 0.05  # seconds between tries
#: SQLite virtual-machine steps between calls of a no-op Python function during a statement: running
#: Python lets a pending Ctrl-C handler run (its exception aborts the statement), so a long query
#: stops at once instead of when it ends.
_RESPONSIVE_STEPS = 20_000
MEMORY = Path(":memory:")


def _carry_on() -> int:
    return 0


def _casefold(text: str | None) -> str | None:
    """Python's casefold, for SQL: sections compare and titles sort as Python compares them."""
    return text.casefold() if text else text


def index_path(cache_dir: Path, folder: Path, variant: str = "") -> Path:
    """The index file for ``folder``: one per absolute folder path (and ``variant`` of reading
    it, such as its subfolders too), inside ``cache_dir``."""
    named = str(folder.resolve()) + (f"\0{variant}" if variant else "")
    key = hashlib.sha256(named.encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return cache_dir / f"index-{key}.sqlite"


def as_news_error(error: sqlite3.Error, doing: str) -> BaseException:
    """SQLite's ``error`` while ``doing`` something, as the error the library handles: damage
    (SQLite's corrupt and not-a-database codes), any other reason the index is unusable, or
    Ctrl-C noticed in the middle of a statement (see :meth:`Database._open`)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code == _INTERRUPT or (code is None and str(error) == "interrupted"):
        return Interrupted()
    if code is None:  # Python 3.10 has no error codes: its messages are SQLite's own
        damaged = "malformed" in str(error) or "not a database" in str(error)
    else:
        damaged = code & 0xFF in _DAMAGE_CODES
    kind = IndexDamaged if damaged else IndexUnavailable
    return kind(f"the index could not be {doing} ({error})")


def _busy(error: sqlite3.Error) -> bool:
    """Whether SQLite failed because another connection holds the database."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # Python 3.10: SQLite's own messages
        return "locked" in str(error) or "busy" in str(error)
    return code & 0xFF in _BUSY_CODES


def _drop_tables(db: sqlite3.Connection) -> None:
    """Drop every table of ``db`` inside the caller's transaction: the full-text tables first,
    which take their own shadow tables with them, then the rest (their indexes go with them)."""
    virtual = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    plain = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    for query in (virtual, plain):  # the second read after the first's drops
        for (name,) in db.execute(query).fetchall():
            db.execute(f'DROP TABLE "{name.replace(chr(34), chr(34) * 2)}"')


def guarded(method):
    """Raise a failure of a reading method (or of iterating its results) as IndexUnavailable."""

    @functools.wraps(method)
    def call(*args, **kwargs):
        try:
            result = method(*args, **kwargs)
        except sqlite3.Error as error:
            raise as_news_error(error, "read") from None
        return _guard_iteration(result) if isinstance(result, GeneratorType) else result

    return call


def _guard_iteration(results):
    try:
        yield from results
    except sqlite3.Error as error:
        raise as_news_error(error, "read") from None


class Database:
    """An open index: the connection, its format check, transactions and the ``meta`` table.

    ``fingerprint`` names the parser that made the records (``parse.fingerprint``): an index
    made by another parser, or of another schema, is rebuilt rather than trusted.
    """

    def __init__(self, path: Path, fingerprint: str):
        self.path = path
        # records, words and folding all depend on the parser, the tokenizer's tables and Python's
        self.format = (
            f"{FORMAT}:{fingerprint}:{sqlite3.sqlite_version}:{unicodedata.unidata_version}"
        )
        try:
            if path != MEMORY:
                path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
        except OSError as error:
            why = error.strerror or str(error)
            if path.parent.exists() and not path.parent.is_dir():  # mkdir's "File exists"
                why = f"{path.parent} is not a folder"
            raise IndexUnavailable(f"the index at {path} cannot be used ({why})") from None
        except sqlite3.Error as error:
            raise IndexUnavailable(f"the index at {path} cannot be used ({error})") from None

    @property
    def in_memory(self) -> bool:
        return self.path == MEMORY

    def _connect(self) -> sqlite3.Connection:
        """Open the file, creating the schema in a new one and rebuilding one of another format,
        both under the write lock, so two processes starting on a new or an old index neither
        both create it nor delete what the other made. An index another process holds busy is
        waited for (SQLite's own 30 s, then as long again for a refusal it gives at once) and
        never taken for damage; only a damaged file is deleted and made anew."""
        deadline = time.monotonic() + _BUSY_WAIT
        while True:
            db = None
            try:
                db = self._open()
                self._prepare(db)
                return db
            except sqlite3.DatabaseError as error:
                if db is not None:
                    db.close()
                if isinstance(as_news_error(error, "opened"), IndexDamaged):
                    break
                # busy: another process is making it (switching it to WAL, say), which
                # SQLite may report at once, without waiting
                if not _busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(_BUSY_PAUSE)
        self.remove_files()
        db = self._open()
        self._prepare(db)
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        """Create the schema if the database is empty, or anew if it holds another format (an
        older schema, another parser's records), in one write transaction."""
        db.execute("BEGIN IMMEDIATE")
        try:
            tables = {
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            found = (
                db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
                if "meta" in tables
                else None
            )
            if not (found and found[0] == self.format):
                if tables:
                    _drop_tables(db)
                for statement in filter(str.strip, _SCHEMA.format(tokenizer=TOKENIZER).split(";")):
                    db.execute(statement)  # not executescript: it would commit
                db.execute("INSERT INTO meta VALUES ('format', ?)", (self.format,))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def connect_read_only(self) -> sqlite3.Connection:
        """A read-only connection to the index file (no format check: its opener made one)."""
        try:
            db = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, timeout=30, isolation_level=None
            )
        except sqlite3.Error as error:
            raise as_news_error(error, "read") from None
        db.create_function("casefold", 1, _casefold, deterministic=True)
        return db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.set_progress_handler(_carry_on, _RESPONSIVE_STEPS)
        if not self.in_memory:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA busy_timeout=30000")
        db.create_function("casefold", 1, _casefold, deterministic=True)
        return db

    def close(self) -> None:
        self.db.close()

    def discard(self) -> None:
        """Close and delete the index (a cache: the next run builds it again)."""
        self.db.close()
        if not self.in_memory:
            self.remove_files()

    def remove_files(self) -> None:
        """Delete the index file and its WAL companions."""
        if self.in_memory:
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    @contextmanager
    def updating(self, waiting: Callable[[], None] = lambda: None):
        """Hold the index's update lock (a lock file beside it) while the folder is brought in
        step: a second process updating the same index waits, then finds the work done, instead
        of planning the same work from the same state and colliding with the first.
        ``waiting`` is called once before such a wait (the terminal says why nothing moves)."""
        if self.in_memory or fcntl is None:
            yield
            return
        try:
            lock = open(f"{self.path}.lock", "a+b")
        except OSError as error:
            raise IndexUnavailable(
                f"the index could not be locked for an update ({error.strerror or error})"
            ) from None
        with lock:
            try:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    waiting()
                    fcntl.flock(lock, fcntl.LOCK_EX)  # released on close, or when its holder dies
            except OSError as error:
                raise IndexUnavailable(
                    f"the index could not be locked ({error.strerror or error})"
                ) from None
            yield

    @contextmanager
    def transaction(self):
        """One atomic write; BEGIN IMMEDIATE waits for another process's write to finish."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def remember(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
