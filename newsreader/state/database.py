"""The state file itself: where it lives, its schema and format, opening it, and damage.

One SQLite file, ``state.sqlite`` in the data folder, holds the marks of every news folder,
each row keyed by the folder's number in ``folders``. Unlike the index it is the user's own
data: a damaged file is never deleted but kept aside (``state-damaged-N.sqlite``) and a fresh
one started, and a file of a newer format is left untouched (:class:`StateTooNew`). WAL, a busy
timeout and ``BEGIN IMMEDIATE`` for every write let several ``news`` processes change it at
once; SQLite's failures leave this package only as :class:`StateUnavailable`.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from newsreader.errors import NewsError

try:
    import fcntl
except ImportError:  # not POSIX: starting afresh relies on the re-check alone
    fcntl = None

FILE_NAME = "state.sqlite"
FORMAT = 1  # bump when the schema changes, and teach _prepare to bring older files up to it
_BUSY_MS = 30_000  # how long a write waits for another process's write before giving up
#: The tables the library may join on are documented in docs/state.md; keep the two in step.
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE folders(id INTEGER PRIMARY KEY, path BLOB UNIQUE NOT NULL);
-- one row per article the reader has marked (read, starred or tagged), none for the others
CREATE TABLE marks(
    folder INTEGER NOT NULL, key INTEGER NOT NULL, name BLOB,
    read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0,
    read_at TEXT, starred_at TEXT,
    PRIMARY KEY (folder, key)
) WITHOUT ROWID;
-- `IN (SELECT key FROM marks WHERE folder = ? AND starred)` reads this alone (see _STATISTICS);
-- read keys are most rows, read from the primary key: an index of them would double the writes
CREATE INDEX starred_keys ON marks(folder, key) WHERE starred;
CREATE TABLE tags(
    folder INTEGER NOT NULL, key INTEGER NOT NULL, tag TEXT NOT NULL,
    PRIMARY KEY (folder, key, tag)
) WITHOUT ROWID;
CREATE INDEX tagged ON tags(folder, tag, key);
-- what `news list --new` has shown (or been told to count as seen)
CREATE TABLE seen(folder INTEGER NOT NULL, key INTEGER NOT NULL, PRIMARY KEY (folder, key)) WITHOUT ROWID;
CREATE TABLE saved(
    folder INTEGER NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL, filters TEXT NOT NULL,
    PRIMARY KEY (folder, name)
)
"""
#: What the query planner is told of the tables (sqlite_stat1), fixed: an attached file's tables
#: are planned from these, and without them SQLite prefers the primary key to the partial index
#: of stars (reading every mark of a folder to find a few stars). The shape, not the counts,
#: matters: many marks per folder, few of them stars, a few articles per tag.
_STATISTICS = [
    ("marks", "marks", "100000 1000 1"),
    ("marks", "starred_keys", "1000 10 1"),
    ("tags", "tags", "10000 100 10 1"),
    ("tags", "tagged", "10000 100 10 1"),
    ("seen", "seen", "100000 1000 1"),
    ("saved", "sqlite_autoindex_saved_1", "100 10 1"),
]
#: Page cache while open (KiB, negative): marking 1,000 articles among 100,000 touches most
#: pages of the marks' tree, and a cache smaller than it spills them to the WAL twice.
_CACHE = -16384
SYNCHRONOUS = "FULL"  # the user's own data: each commit reaches the disk (one fsync a command)
_DAMAGE_CODES = {getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26)}


class StateUnavailable(NewsError):
    """The reader state cannot be used (an unwritable data folder, a full disk, a lock held too long)."""


class StateTooNew(StateUnavailable):
    """The reader state was written by a newer newsreader; it is left as it is."""


def state_path(data_dir: Path) -> Path:
    """The state file inside the data folder."""
    return data_dir / FILE_NAME


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite's ``error`` says the file is damaged or not a database at all."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # Python 3.10 has no error codes: its messages are SQLite's own
        return "malformed" in str(error) or "not a database" in str(error)
    return code & 0xFF in _DAMAGE_CODES


def unavailable(error: sqlite3.Error | OSError, doing: str) -> StateUnavailable:
    """SQLite's (or the file system's) ``error`` while ``doing`` something, as ours."""
    reason = getattr(error, "strerror", None) or error
    return StateUnavailable(f"the reader state could not be {doing} ({reason})")


class Damaged(Exception):
    """Inside this package: the file is damaged, or is not a state database."""


class StateFile:
    """The open state file: its connection, format check, transactions and damage recovery.

    ``warn`` hears, once per file kept aside, a sentence saying where the damaged file went.
    """

    def __init__(self, path: Path, warn: Callable[[str], None] | None = None):
        self.path = path
        self.warn = warn
        self.kept_aside: list[Path] = []  # damaged files this object set aside
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise unavailable(error, f"kept in {path.parent}") from None
        self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            if _is_new(self.path):  # made under the lock: switching a new file to WAL is
                with self._locked():  # refused at once, not waited for, while another does
                    return self._open()
            return self._open()
        except Damaged:
            return self._start_afresh()

    def _open(self) -> sqlite3.Connection:
        """The file opened and checked: Damaged if it is not a state database, StateTooNew if
        it is one of a newer format."""
        try:
            db = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise unavailable(error, "opened") from None
        try:
            db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
            db.execute("PRAGMA temp_store=MEMORY")
            db.execute(f"PRAGMA cache_size={_CACHE}")
            self._prepare(db)
        except BaseException as error:
            db.close()
            if isinstance(error, sqlite3.Error):
                if is_damage(error):
                    raise Damaged() from None
                raise unavailable(error, "opened") from None
            raise
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        """Check the format of the file; in an empty one, create the schema, under the write
        lock (taken only then), so two processes starting on a new file do not both create it."""
        for begin in ("BEGIN", "BEGIN IMMEDIATE"):
            db.execute(begin)
            try:
                tables = {
                    row[0]
                    for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                if tables:
                    self._check_format(db, tables)
                elif begin == "BEGIN IMMEDIATE":
                    _create(db)
            except BaseException:
                _roll_back(db)
                raise
            db.execute("COMMIT")
            if tables or begin == "BEGIN IMMEDIATE":
                return

    def _check_format(self, db: sqlite3.Connection, tables: set[str]) -> None:
        found = (
            db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if "meta" in tables
            else None
        )
        if not found or not str(found[0]).isdigit():
            raise Damaged()  # some other database: kept aside like a damaged one
        if int(found[0]) > FORMAT:
            raise StateTooNew(
                f"the reader state at {self.path} was written by a newer newsreader "
                f"(format {found[0]}, this one reads {FORMAT}); it is left as it is"
            )

    def recover(self) -> None:
        """After SQLite called the open file damaged: keep it aside and start afresh."""
        self.db.close()
        self.db = self._start_afresh()

    def _start_afresh(self) -> sqlite3.Connection:
        """Keep the damaged file aside and open a new one, under a lock beside it: another
        process that found the same damage may have done so already, so check again first."""
        with self._locked():
            try:
                db = self._open()
                if _intact(db):
                    return db
                db.close()
            except Damaged:
                pass
            aside = self._keep_aside()
            try:
                db = self._open()
            except Damaged:
                raise StateUnavailable(
                    f"the reader state at {self.path} could not be started afresh"
                ) from None
        self.kept_aside.append(aside)
        if self.warn:
            self.warn(
                f"the reader state was damaged: it is kept as {aside} and a fresh one was started"
            )
        return db

    def _keep_aside(self) -> Path:
        """Rename the damaged file (and its WAL companions) to the first free
        ``state-damaged-N.sqlite``: it is the user's data, never deleted."""
        number = 1
        while (aside := self.path.with_name(f"{self.path.stem}-damaged-{number}.sqlite")).exists():
            number += 1
        try:
            for suffix in ("", "-wal", "-shm"):
                source = Path(f"{self.path}{suffix}")
                if source.exists():
                    os.replace(source, f"{aside}{suffix}")
        except OSError as error:
            raise StateUnavailable(
                f"the damaged reader state at {self.path} could not be kept aside "
                f"({error.strerror or error})"
            ) from None
        return aside

    @contextmanager
    def _locked(self):
        if fcntl is None:
            yield
            return
        try:
            lock = open(f"{self.path}.lock", "a+b")
        except OSError as error:
            raise unavailable(error, "locked") from None
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the process dies
            yield

    def check(self) -> bool:
        """Read the whole file (SQLite's ``quick_check``); if it is damaged, keep it aside and
        start afresh. True if it was intact. A connection of its own reads the disk, not the
        pages this one keeps in memory."""
        try:
            db = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000, isolation_level=None)
            try:
                intact = _intact(db)
            finally:
                db.close()
        except sqlite3.Error as error:
            if not is_damage(error):
                raise unavailable(error, "checked") from None
            intact = False
        if not intact:
            self.recover()
        return intact

    @contextmanager
    def writing(self):
        """One atomic write; BEGIN IMMEDIATE waits for another process's write to finish."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            _roll_back(self.db)
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def reading(self):
        """Several reads that see one moment of the file (another process may write between);
        inside a transaction already, that one."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            _roll_back(self.db)  # nothing to keep: temporary tables only

    def close(self) -> None:
        self.db.close()


def _create(db: sqlite3.Connection) -> None:
    for statement in _SCHEMA.split(";"):
        db.execute(statement)  # not executescript: it would commit
    db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
    db.execute("ANALYZE")  # makes sqlite_stat1, to hold the planner's fixed figures
    db.execute("DELETE FROM sqlite_stat1")
    db.executemany("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)", _STATISTICS)


def _intact(db: sqlite3.Connection) -> bool:
    """Whether SQLite's quick check finds every page of the file sound."""
    try:
        return db.execute("PRAGMA quick_check").fetchone() == ("ok",)
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return False
        raise


def _roll_back(db: sqlite3.Connection) -> None:
    """End a failed transaction, if SQLite has not already (it may, after damage or a full disk)."""
    if db.in_transaction:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error that brought us here is the one to report


def _is_new(path: Path) -> bool:
    """Whether the state file is still to be made (missing, or empty)."""
    try:
        return path.stat().st_size == 0
    except OSError:
        return True
