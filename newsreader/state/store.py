"""The reader's marks for one news folder: read, stars, tags, what ``--new`` has shown, saved
searches, and keeping them with the articles as files are renamed, edited and removed.

Every operation takes content keys (:func:`~newsreader.state.values.content_key`), many at a
time, and is one transaction: marking 1,000 articles is one ``executemany``. A set of keys to
look up goes into a temporary table (``chosen``) read with ``key IN temp.chosen``; a whole
folder's worth (``follow``, ``take_new``) is compared in Python with the rows read once. When
SQLite calls the file damaged mid-operation, the file is kept aside, a fresh one started and
the operation run again on it (:meth:`ReaderState._attempt`).
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from pathlib import Path
from typing import Callable, Iterable, Mapping, NamedTuple, TextIO, TypeVar

from newsreader.errors import NewsError
from newsreader.state import backup
from newsreader.state.database import StateFile, is_damage, state_path, unavailable
from newsreader.state.values import (
    MAX_WORD,
    BadSavedSearch,
    BadTag,
    Marks,
    SavedSearch,
    SearchFilters,
    UnknownFolder,
    UnknownSavedSearch,
    check_key,
    key_text,
    search_name,
    tag_word,
)

T = TypeVar("T")
#: Keys, or keys with the file name each was last seen under (the name lets an edit carry marks).
Keys = Iterable[int] | Mapping[int, str]
_FEW = 1000  # keys up to which looking each up beats reading all of a folder's
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"  # UTC, to the second
_TEMPORARY = """
CREATE TEMP TABLE IF NOT EXISTS chosen(key INTEGER PRIMARY KEY)
"""
#: Merge one article's marks into a row that may exist: a mark set on either side stays set
#: (with its time as first set), a known name stays known.
_FOLDERS_NAMED = 5  # folders named when the folder to adopt has no marks kept
_MERGE = """
INSERT INTO marks(folder, key, name, read, starred, read_at, starred_at) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (folder, key) DO UPDATE SET
    name = COALESCE(marks.name, excluded.name),
    read_at = CASE WHEN marks.read THEN marks.read_at ELSE excluded.read_at END,
    read = marks.read OR excluded.read,
    starred_at = CASE WHEN marks.starred THEN marks.starred_at ELSE excluded.starred_at END,
    starred = marks.starred OR excluded.starred
WHERE NOT marks.read AND excluded.read OR NOT marks.starred AND excluded.starred
    OR marks.name IS NULL AND excluded.name IS NOT NULL
"""  # the WHERE: a row the merge would leave as it is is not written (nor counted a change)
_EMPTY = (
    "NOT read AND NOT starred AND NOT EXISTS "
    "(SELECT 1 FROM tags t WHERE t.folder = marks.folder AND t.key = marks.key)"
)


class Adopted(NamedTuple):
    """What :meth:`ReaderState.adopt` took: how many articles' marks and saved searches, the
    (name, name here) of the searches taken under a new name, and whether the old folder's
    rows were moved (it is gone) rather than copied."""

    articles: int
    searches: int
    renamed: tuple[tuple[str, str], ...]
    moved: bool


class Imported(NamedTuple):
    """What :meth:`ReaderState.import_lines` read from a backup: how many articles and saved
    searches, how many rows of marks, tags and seen articles it added or changed here (0: all
    were here already), and the names of this folder's saved searches it replaced by another."""

    articles: int
    searches: int
    changed: int
    replaced: tuple[str, ...]


class ReaderState:
    """The marks of one news folder, in the state file of a data folder.

    ``ReaderState.open(data_dir, folder, warn)``; ``warn`` hears one sentence when a damaged
    file was kept aside and a fresh one started (``kept_aside`` lists them too). A mark on a key
    no file has any more is kept until :meth:`prune`. Raises StateUnavailable when the file
    cannot be used, StateTooNew (a StateUnavailable) for a file of a newer format.
    """

    def __init__(self, file: StateFile, folder: Path):
        self._file = file
        self.folder = folder
        self.folder_id = self._attempt("opened", self._register)

    @classmethod
    def open(
        cls, data_dir: Path, folder: Path, warn: Callable[[str], None] | None = None
    ) -> ReaderState:
        """The state of ``folder`` (its absolute path names it) in ``data_dir``'s state file,
        made if missing."""
        return cls(StateFile(state_path(data_dir), warn), folder.resolve())

    @property
    def path(self) -> Path:
        """The state file: the library ATTACHes it to join on its tables (docs/state.md)."""
        return self._file.path

    @property
    def kept_aside(self) -> list[Path]:
        """Damaged state files this object kept aside before starting afresh."""
        return list(self._file.kept_aside)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ReaderState:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check(self) -> bool:
        """Read the whole file; if it is damaged keep it aside, start afresh (``warn`` hears)
        and return False. For the library when a joined query says "malformed": the index or
        the state? (a full read: tens of ms at 100,000 marks)."""
        intact = self._file.check()
        if not intact:
            self.folder_id = self._attempt("opened", self._register)
        return intact

    # --- read, starred, tags ---------------------------------------------------------------

    def mark_read(self, keys: Keys, read: bool = True) -> int:
        """Mark the articles read (or unread); how many changed."""
        return self._set_flag("read", _named(keys), read)

    def star(self, keys: Keys, starred: bool = True) -> int:
        """Star the articles (or take their star away); how many changed."""
        return self._set_flag("starred", _named(keys), starred)

    def tag(self, keys: Keys, add: Iterable[str] = (), remove: Iterable[str] = ()) -> int:
        """Add the tags ``add`` to each article and take ``remove`` away (``news tag ID +a -b``;
        see :func:`tag_changes`); how many articles' tags changed. BadTag for a tag that is not
        a word or is both added and removed."""
        pairs = _named(keys)
        adding, removing = {tag_word(tag) for tag in add}, {tag_word(tag) for tag in remove}
        if adding & removing:
            raise BadTag(f"the tag {min(adding & removing)!r} cannot be both added and removed")
        return self._attempt("tagged", lambda: self._tag(pairs, adding, removing))

    def marks(self, keys: Iterable[int] | None = None) -> dict[int, Marks]:
        """The marks of the articles with any (of those ``keys``, or all): the others are unread,
        unstarred and untagged."""
        chosen = None if keys is None else _keys(keys)
        return self._attempt("read", lambda: self._marks(chosen))

    def read_keys(self) -> set[int]:
        """The keys of every article marked read."""
        return self._keys_where("read")

    def starred_keys(self) -> set[int]:
        """The keys of every starred article."""
        return self._keys_where("starred")

    def tagged(self, tags: Iterable[str]) -> set[int]:
        """The keys of the articles that carry every one of ``tags`` (at least one)."""
        wanted = sorted({tag_word(tag) for tag in tags})
        if not wanted:
            raise ValueError("tagged() needs a tag")
        query = " INTERSECT ".join(
            f"SELECT key FROM tags WHERE folder = :folder AND tag = :tag{n}"
            for n in range(len(wanted))
        )
        tag_params = {f"tag{n}": tag for n, tag in enumerate(wanted)}

        def read() -> set[int]:
            params = {"folder": self.folder_id, **tag_params}  # after damage, the fresh file's
            return {key for (key,) in self._db.execute(query, params)}

        return self._attempt("read", read)

    def tag_counts(self) -> dict[str, int]:
        """Every tag in use in this folder and how many articles carry it, by tag."""
        query = "SELECT tag, count(*) FROM tags WHERE folder = ? GROUP BY tag ORDER BY tag"
        return self._attempt("read", lambda: dict(self._db.execute(query, (self.folder_id,))))

    # --- identity: renames, edits, removals ---------------------------------------------------

    def carry(self, old_key: int, new_key: int) -> bool:
        """Move the marks of ``old_key`` to ``new_key`` (a file edited in place), merged with any
        it has; whether there was anything to move."""
        old, new = check_key(old_key), check_key(new_key)
        return self._attempt("updated", lambda: self._in_write(lambda: self._move(old, new)))

    def follow(self, files: Iterable[tuple[str, int]]) -> int:
        """Keep the marks with the folder's files, given every ``(name, key)`` it holds now: a
        marked key that no file holds any more, whose file name now holds a key without marks,
        has its marks carried there (the file was edited); each marked key present remembers
        its file's name (renames). How many were carried. Call it after a sync that changed
        files."""
        present = {name: check_key(key) for name, key in files}
        return self._attempt("updated", lambda: self._in_write(lambda: self._follow(present)))

    def prune(self, keep: Iterable[int]) -> int:
        """Forget the state of every article whose key is not in ``keep`` (the folder's keys);
        how many articles were forgotten. Never call it for a folder that may be missing files
        for a while (an unmounted disk): it is for ``news state prune``."""
        chosen = _keys(keep)
        return self._attempt("pruned", lambda: self._in_write(lambda: self._prune(chosen)))

    # --- new since last time ------------------------------------------------------------------

    def new_keys(self, keys: Iterable[int]) -> set[int]:
        """Those of ``keys`` not yet seen (see :meth:`take_new`), changing nothing."""
        chosen = _keys(keys)
        return self._attempt("read", lambda: self._new(chosen))

    def mark_seen(self, keys: Iterable[int]) -> None:
        """Count these articles as seen: the next ``--new`` does not show them."""
        chosen = _keys(keys)
        self._attempt("updated", lambda: self._in_write(lambda: self._see(chosen)))

    def take_new(self, keys: Iterable[int]) -> set[int]:
        """Those of ``keys`` not seen before, all of ``keys`` now counted as seen: one
        transaction, so two ``news list --new`` at once do not both show an article."""
        chosen = _keys(keys)

        def take() -> set[int]:
            new = self._new(chosen)
            self._see(new)  # the rest are in already: an unchanged folder writes nothing
            return new

        return self._attempt("updated", lambda: self._in_write(take))

    # --- saved searches -----------------------------------------------------------------------

    def save_search(
        self,
        name: str,
        query: str = "",
        filters: SearchFilters | Mapping | None = None,
        replace: bool = False,
    ) -> SavedSearch:
        """Keep a search under ``name``; BadSavedSearch for a bad name or filter, or a name in
        use unless ``replace``."""
        search = SavedSearch(name, query, filters if filters is not None else SearchFilters())

        def save() -> SavedSearch:
            verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
            if not self._db.execute(
                f"{verb} INTO saved VALUES (?, ?, ?, ?)", (self.folder_id, *self._saved_row(search))
            ).rowcount:
                raise BadSavedSearch(f"there is a saved search named {search.name!r} already")
            return search

        return self._attempt("updated", lambda: self._in_write(save))

    def saved_search(self, name: str) -> SavedSearch:
        """The search saved under ``name`` (any case); UnknownSavedSearch if none is."""
        folded = search_name(name)
        query = "SELECT name, query, filters FROM saved WHERE folder = ? AND name = ?"
        row = self._attempt(
            "read", lambda: self._db.execute(query, (self.folder_id, folded)).fetchone()
        )
        if row is None:
            raise UnknownSavedSearch(f"no saved search is named {folded!r}")
        return _saved(row)

    def saved_searches(self) -> list[SavedSearch]:
        """Every saved search of this folder, by name."""
        return self._attempt("read", self._saved_searches)

    def remove_search(self, name: str) -> None:
        """Forget the search saved under ``name``; UnknownSavedSearch if none is."""
        folded = search_name(name)
        query = "DELETE FROM saved WHERE folder = ? AND name = ?"
        removed = self._attempt(
            "updated",
            lambda: self._in_write(lambda: self._db.execute(query, (self.folder_id, folded))),
        )
        if not removed.rowcount:
            raise UnknownSavedSearch(f"no saved search is named {folded!r}")

    # --- a folder moved ---------------------------------------------------------------------

    def adopt(self, old_folder: Path) -> Adopted:
        """Take the state kept for ``old_folder`` (an absolute path: this folder before it was
        moved or renamed) into this folder's, merged as a backup is (a mark set on either side
        stays set). A saved search of a name this folder has for another search comes under a
        free name (``name-2``), unless this folder holds it word for word under another name (an
        earlier adopt): this folder's stays, and a moved folder's is not lost. Moved
        when ``old_folder`` is gone, copied when it is still there. UnknownFolder, naming the
        folders there are, when nothing is kept for it."""
        path = os.fsencode(old_folder)
        if old_folder == self.folder:
            raise UnknownFolder(f"{old_folder} is this folder: its marks are its own already.")
        moved = not old_folder.exists()

        def adopt() -> Adopted:
            row = self._db.execute("SELECT id FROM folders WHERE path = ?", (path,)).fetchone()
            if row is None:
                raise UnknownFolder(self._no_state_for(old_folder))
            return Adopted(*self._take(row[0], moved), moved)

        return self._attempt("updated", lambda: self._in_write(adopt))

    def _take(self, old: int, moved: bool) -> tuple[int, int, tuple[tuple[str, str], ...]]:
        """Merge folder ``old``'s rows into this folder's (inside a write); forget them if
        ``moved``. (articles with marks or seen, saved searches taken, and the (name, new name)
        of those taken under a new name: this folder has another search of theirs)."""
        new, both = self.folder_id, (self.folder_id, old)
        clashes = self._db.execute(  # not those this folder holds word for word, by any name
            "SELECT o.name, o.query, o.filters FROM saved o JOIN saved n "
            "ON n.folder = ?1 AND n.name = o.name AND (n.query, n.filters) != (o.query, o.filters) "
            "WHERE o.folder = ?2 AND NOT EXISTS (SELECT 1 FROM saved m "
            "WHERE m.folder = ?1 AND (m.query, m.filters) = (o.query, o.filters)) ORDER BY o.name",
            both,
        ).fetchall()
        (articles,) = self._db.execute(
            "SELECT count(*) FROM (SELECT key FROM marks WHERE folder = ? "
            "UNION SELECT key FROM seen WHERE folder = ?)",
            (old, old),
        ).fetchone()
        rows = self._db.execute(
            "SELECT key, name, read, starred, read_at, starred_at FROM marks WHERE folder = ?",
            (old,),
        ).fetchall()
        self._db.executemany(_MERGE, ((new, *row) for row in rows))
        searches = 0
        for table, columns in (
            ("tags", "key, tag"),
            ("seen", "key"),
            ("saved", "name, query, filters"),
        ):
            taken = self._db.execute(
                f"INSERT OR IGNORE INTO {table} SELECT ?, {columns} FROM {table} WHERE folder = ?",
                both,
            )
            searches = taken.rowcount  # the last: the saved searches this folder had no namesake of
        renamed = tuple((name, self._insert_renamed(name, rest)) for name, *rest in clashes)
        if moved:
            for table in ("tags", "marks", "seen", "saved"):
                self._db.execute(f"DELETE FROM {table} WHERE folder = ?", (old,))
            self._db.execute("DELETE FROM folders WHERE id = ?", (old,))
        return articles, searches + len(renamed), renamed

    def _insert_renamed(self, name: str, definition: list[str]) -> str:
        """Keep a saved search (``definition``: its query and filters, as stored) under the
        first of ``name-2``, ``name-3``, ... this folder has no search of; that name."""
        taken = {
            row[0]
            for row in self._db.execute(
                "SELECT name FROM saved WHERE folder = ?", (self.folder_id,)
            )
        }
        suffixes = (f"-{number}" for number in itertools.count(2))
        free = next(
            candidate
            for candidate in (name[: MAX_WORD - len(suffix)] + suffix for suffix in suffixes)
            if candidate not in taken
        )
        self._db.execute(
            "INSERT INTO saved VALUES (?, ?, ?, ?)", (self.folder_id, free, *definition)
        )
        return free

    def _no_state_for(self, old_folder: Path) -> str:
        """A sentence saying no marks are kept for ``old_folder``, naming the folders that have
        some (those gone first: a moved folder is one of them)."""
        rows = self._db.execute(
            "SELECT f.path, count(m.key) FROM folders f JOIN marks m ON m.folder = f.id "
            "WHERE f.id != ? GROUP BY f.id ORDER BY count(m.key) DESC",
            (self.folder_id,),
        ).fetchall()
        known = sorted(
            ((os.fsdecode(path), count) for path, count in rows),
            key=lambda pair: os.path.exists(pair[0]),
        )
        named = "; ".join(
            f"{path} ({count} marked{'' if os.path.exists(path) else ', gone'})"
            for path, count in known[:_FOLDERS_NAMED]
        )
        return f"No marks are kept for {old_folder}" + (
            f". Marks are kept for: {named}." if named else ", nor for any other folder."
        )

    # --- backup -------------------------------------------------------------------------------

    def export(self, stream: TextIO) -> int:
        """Write this folder's state to ``stream`` as JSON Lines (see :mod:`backup`); how many
        records (articles and saved searches) were written."""
        articles, searches = self._attempt("read", self._everything)
        stream.write(backup.header(str(self.folder)))
        for search in searches:
            stream.write(backup.saved_line(search))
        for article in articles:
            stream.write(backup.article_line(article))
        return len(articles) + len(searches)

    def import_lines(
        self, lines: Iterable[str], check: Callable[[SavedSearch], object] = lambda _: None
    ) -> Imported:
        """Merge a backup into this folder's state: marks and tags set on either side stay set,
        a saved search of the same name is replaced. BadBackup naming the first bad line, and
        nothing merged, if any line is not a record or ``check`` raises a NewsError for a saved
        search (the library checks that its filters run)."""
        read = backup.read_backup(lines)
        for search in read.saved:
            try:
                check(search)
            except NewsError as error:
                raise backup.BadBackup(f"the saved search {search.name!r}: {error}") from None
        changed, replaced = self._attempt(
            "updated", lambda: self._in_write(lambda: self._merge(read))
        )
        return Imported(len(read.articles), len(read.saved), changed, replaced)

    # --- inside -------------------------------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        return self._file.db

    def _attempt(self, doing: str, work: Callable[[], T]) -> T:
        """``work()``, with SQLite's errors as StateUnavailable; when they say the file is
        damaged, keep it aside, start afresh and run ``work`` once more. ``work`` must not
        consume its inputs (callers turn iterables into lists first)."""
        try:
            return work()
        except sqlite3.Error as error:
            if not is_damage(error):
                raise unavailable(error, doing) from None
        try:
            self._file.recover()
            self.folder_id = self._register()
            return work()
        except sqlite3.Error as error:
            raise unavailable(error, doing) from None

    def _in_write(self, work: Callable[[], T]) -> T:
        with self._file.writing():
            return work()

    def _register(self) -> int:
        """This folder's number in the file, given it on first use; also the temporary tables
        (each connection has its own)."""
        self._db.executescript(_TEMPORARY)
        path = os.fsencode(self.folder)
        query = "SELECT id FROM folders WHERE path = ?"
        row = self._db.execute(query, (path,)).fetchone()
        if row is None:
            with self._file.writing():
                self._db.execute("INSERT OR IGNORE INTO folders(path) VALUES (?)", (path,))
                row = self._db.execute(query, (path,)).fetchone()
        return row[0]

    def _choose(self, keys: list[int]) -> None:
        self._db.execute("DELETE FROM temp.chosen")
        self._db.executemany("INSERT OR IGNORE INTO temp.chosen VALUES (?)", ((k,) for k in keys))

    def _set_flag(self, flag: str, pairs: dict[int, bytes | None], on: bool) -> int:
        """Set or clear ``flag`` (read, starred) and remember the names given: one statement
        for all the keys, which leaves alone the rows it would not change (no page rewritten)."""

        def write() -> int:
            folder = self.folder_id  # here: after damage, the fresh file numbers folders anew
            rows = [(folder, key, name) for key, name in pairs.items()]
            if not on:
                changed = self._db.executemany(
                    f"UPDATE marks SET {flag} = 0, {flag}_at = NULL, name = COALESCE(?3, name) "
                    f"WHERE folder = ?1 AND key = ?2 AND {flag}",
                    rows,
                ).rowcount
                self._drop_empty(pairs)
                return changed
            self._choose(list(pairs))
            (already,) = self._db.execute(
                f"SELECT count(*) FROM marks WHERE folder = ? AND key IN temp.chosen AND {flag}",
                (folder,),
            ).fetchone()
            self._db.executemany(
                f"INSERT INTO marks(folder, key, name, {flag}, {flag}_at) "
                f"VALUES (?, ?, ?, 1, {_NOW}) ON CONFLICT (folder, key) DO UPDATE SET "
                f"{flag}_at = CASE WHEN marks.{flag} THEN marks.{flag}_at ELSE {_NOW} END, "
                f"{flag} = 1, name = COALESCE(excluded.name, marks.name) "
                f"WHERE NOT marks.{flag} OR excluded.name IS NOT COALESCE(marks.name, excluded.name)",
                rows,
            )
            return len(pairs) - already

        return self._attempt("marked", lambda: self._in_write(write))

    def _tag(self, pairs: dict[int, bytes | None], adding: set[str], removing: set[str]) -> int:
        folder = self.folder_id
        with self._file.writing():
            self._choose(list(pairs))
            had: dict[int, set[str]] = {}
            for key, tag in self._db.execute(
                "SELECT key, tag FROM tags WHERE folder = ? AND key IN temp.chosen",
                (folder,),
            ):
                had.setdefault(key, set()).add(tag)
            added = [(key, tag) for key in pairs for tag in adding - had.get(key, set())]
            removed = [(key, tag) for key in pairs for tag in removing & had.get(key, set())]
            self._db.executemany(
                "INSERT INTO marks(folder, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                ((folder, key) for key in {key for key, _ in added}),
            )
            self._db.executemany(
                "INSERT INTO tags VALUES (?, ?, ?)", ((folder, k, t) for k, t in added)
            )
            self._db.executemany(
                "DELETE FROM tags WHERE folder = ? AND key = ? AND tag = ?",
                ((folder, k, t) for k, t in removed),
            )
            self._drop_empty({key for key, _ in removed})
            self._remember_names(pairs)
        return len({key for key, _ in added + removed})

    def _drop_empty(self, keys: Iterable[int]) -> None:
        """Delete the rows of these keys that no longer hold a mark: a row means some state."""
        self._db.executemany(
            f"DELETE FROM marks WHERE folder = ? AND key = ? AND {_EMPTY}",
            ((self.folder_id, key) for key in keys),
        )

    def _remember_names(self, pairs: dict[int, bytes | None]) -> None:
        self._db.executemany(
            "UPDATE marks SET name = ? WHERE folder = ? AND key = ? AND name IS NOT ?",
            ((name, self.folder_id, key, name) for key, name in pairs.items() if name is not None),
        )

    def _keys_where(self, flag: str) -> set[int]:
        query = f"SELECT key FROM marks WHERE folder = ? AND {flag}"  # the partial index alone
        return self._attempt(
            "read", lambda: {k for (k,) in self._db.execute(query, (self.folder_id,))}
        )

    def _marks(self, keys: list[int] | None) -> dict[int, Marks]:
        folder = self.folder_id
        source = "{table} x WHERE x.folder = ?"
        if keys is not None:  # a lookup per chosen key (a join would first scan the folder's rows)
            source += " AND x.key IN temp.chosen"
        with self._file.reading():
            if keys is not None:
                self._choose(keys)
            tags: dict[int, list[str]] = {}
            for key, tag in self._db.execute(
                f"SELECT x.key, x.tag FROM {source.format(table='tags')} ORDER BY x.key, x.tag",
                (folder,),
            ):
                tags.setdefault(key, []).append(tag)
            rows = self._db.execute(
                "SELECT x.key, x.read, x.starred, x.read_at, x.starred_at, x.name "
                f"FROM {source.format(table='marks')}",
                (folder,),
            ).fetchall()
        return {
            key: Marks(
                bool(read),
                bool(starred),
                tuple(tags.get(key, ())),
                read_at,
                starred_at,
                None if name is None else os.fsdecode(name),
            )
            for key, read, starred, read_at, starred_at, name in rows
        }

    def _move(self, old: int, new: int) -> bool:
        """Merge ``old``'s marks into ``new``'s and forget ``old``'s (inside a write)."""
        folder = self.folder_id
        row = self._db.execute(
            "SELECT name, read, starred, read_at, starred_at FROM marks WHERE folder = ? AND key = ?",
            (folder, old),
        ).fetchone()
        if row is None or old == new:
            return False
        self._db.execute(_MERGE, (folder, new, *row))
        self._db.execute(
            "INSERT OR IGNORE INTO tags SELECT folder, ?, tag FROM tags WHERE folder = ? AND key = ?",
            (new, folder, old),
        )
        for table in ("tags", "marks"):
            self._db.execute(f"DELETE FROM {table} WHERE folder = ? AND key = ?", (folder, old))
        return True

    def _follow(self, present: dict[str, int]) -> int:
        """In Python, over the folder's marked keys (a few thousand) and the files (100,000):
        cheaper than loading every file into a temporary table to join."""
        folder = self.folder_id
        marked = {
            key: None if name is None else os.fsdecode(name)
            for key, name in self._db.execute(
                "SELECT key, name FROM marks WHERE folder = ?", (folder,)
            )
        }
        named: dict[int, str] = {}  # each present key's file name (the first by name, for copies)
        for name, key in present.items():
            if key not in named or name < named[key]:
                named[key] = name
        carried = 0
        for old, name in list(marked.items()):
            new = present.get(name) if old not in named and name is not None else None
            if new is not None and new not in marked:  # a key with marks of its own keeps them
                self._move(old, new)
                marked[new] = marked.pop(old)
                carried += 1
        renamed = [
            (os.fsencode(named[key]), folder, key)
            for key, name in marked.items()
            if key in named and present.get(name) != key
        ]
        self._db.executemany("UPDATE marks SET name = ? WHERE folder = ? AND key = ?", renamed)
        return carried

    def _prune(self, keep: list[int]) -> int:
        folder = self.folder_id
        self._choose(keep)
        gone = "folder = ? AND key NOT IN (SELECT key FROM temp.chosen)"
        (count,) = self._db.execute(
            f"SELECT count(*) FROM (SELECT key FROM marks WHERE {gone} "
            f"UNION SELECT key FROM seen WHERE {gone})",
            (folder, folder),
        ).fetchone()
        for table in ("tags", "marks", "seen"):
            self._db.execute(f"DELETE FROM {table} WHERE {gone}", (folder,))
        return count

    def _new(self, keys: list[int]) -> set[int]:
        folder = self.folder_id
        if len(keys) > _FEW:  # the folder's whole seen set, read once, beats a lookup a key
            query = "SELECT key FROM seen WHERE folder = ?"
        else:
            self._choose(keys)
            query = "SELECT key FROM seen WHERE folder = ? AND key IN temp.chosen"
        return set(keys).difference(key for (key,) in self._db.execute(query, (folder,)))

    def _see(self, keys: Iterable[int]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO seen VALUES (?, ?)", ((self.folder_id, key) for key in keys)
        )

    def _saved_searches(self) -> list[SavedSearch]:
        query = "SELECT name, query, filters FROM saved WHERE folder = ? ORDER BY name"
        return [_saved(row) for row in self._db.execute(query, (self.folder_id,))]

    @staticmethod
    def _saved_row(search: SavedSearch) -> tuple:
        return (search.name, search.query, json.dumps(search.filters.to_json(), sort_keys=True))

    def _everything(self) -> tuple[list[backup.ArticleState], list[SavedSearch]]:
        """Every article with state (marks or seen), by key, and every saved search."""
        with self._file.reading():
            marks = self._marks(None)
            seen = {
                k
                for (k,) in self._db.execute(
                    "SELECT key FROM seen WHERE folder = ?", (self.folder_id,)
                )
            }
            searches = self._saved_searches()
        articles = [
            backup.ArticleState(key, marks.get(key, Marks()), key in seen)
            for key in sorted(marks.keys() | seen, key=key_text)  # as written: diffs stay small
        ]
        return articles, searches

    def _merge(self, read: backup.Backup) -> tuple[int, tuple[str, ...]]:
        """Merge ``read`` (inside a write): (rows of marks, tags and seen added or changed, the
        saved searches replaced by another of their name)."""
        folder = self.folder_id
        before = self._db.total_changes
        rows = [(folder, *self._saved_row(search)) for search in read.saved]
        replaced = tuple(
            name
            for _, name, *definition in rows
            if self._db.execute(
                "SELECT 1 FROM saved WHERE folder = ? AND name = ? AND (query, filters) != (?, ?)",
                (folder, name, *definition),
            ).fetchone()
        )
        marked = [a for a in read.articles if a.marks.read or a.marks.starred or a.marks.tags]
        self._db.executemany(
            _MERGE,
            (
                (
                    folder,
                    a.key,
                    None if a.marks.name is None else os.fsencode(a.marks.name),
                    a.marks.read,
                    a.marks.starred,
                    a.marks.read_at,
                    a.marks.starred_at,
                )
                for a in marked
            ),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO tags VALUES (?, ?, ?)",
            ((folder, a.key, tag) for a in marked for tag in a.marks.tags),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO seen VALUES (?, ?)",
            ((folder, a.key) for a in read.articles if a.seen),
        )
        changed = self._db.total_changes - before
        self._db.executemany("INSERT OR REPLACE INTO saved VALUES (?, ?, ?, ?)", rows)
        return changed, replaced


def _keys(keys: Iterable[int]) -> list[int]:
    """The keys checked, once each, in a list (an operation may run twice, see _attempt)."""
    return list(dict.fromkeys(map(check_key, keys)))


def _named(keys: Keys) -> dict[int, bytes | None]:
    """Each key with the file name given for it, as stored (bytes), or None."""
    if isinstance(keys, Mapping):
        return {check_key(key): os.fsencode(name) for key, name in keys.items()}
    return dict.fromkeys(map(check_key, keys))


def _saved(row: tuple[str, str, str]) -> SavedSearch:
    name, query, filters = row
    return SavedSearch(name, query, SearchFilters.from_json(json.loads(filters)))
