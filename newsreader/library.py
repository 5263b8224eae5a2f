"""The news folder's articles: read the files safely, parse them, resolve ids.

Files are found by :mod:`newsreader.folder`; they are opened
read-only and read up to a cap, so a huge file costs bounded memory; a file
that cannot be read still yields a record, with a warning saying why.
:class:`Library` reads the folder through the index (:mod:`store`) when one
is available and falls back to parsing every file when it is not.
"""

from __future__ import annotations

import operator
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from newsreader.errors import UnknownIdError
from newsreader.folder import Entry, scan
from newsreader.model import FIELD_SEPARATOR, Article, LineRole, Summary, Text
from newsreader.search import ArticleHits, GrepQuery, fts_query, required_literals

#: Bytes read from one file at most; the rest is left out with a warning.
READ_CAP = 8 * 1024 * 1024
_MIN_HASH_PREFIX = 4


def bundled_seeds() -> Path:
    """The seed articles shipped with the package (or beside it, in a source checkout)."""
    from importlib import resources  # here, not at the top: most runs name their folder

    packaged = Path(str(resources.files("newsreader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def read_entry(entry: Entry) -> tuple[bytes, list[str]]:
    """The file's bytes, at most READ_CAP of them, and warnings about the read."""
    try:
        with open(entry.path, "rb") as handle:
            data = handle.read(READ_CAP + 1)
    except OSError as error:
        return b"", [f"could not read the file: {error.strerror or error}"]
    if len(data) > READ_CAP:
        return data[:READ_CAP], [f"file larger than {READ_CAP // (1024 * 1024)} MB; only the start was read"]
    return data, []


def raw_text(entry: Entry) -> str:
    """The file's original text, decoded (the raw text is never lost)."""
    from newsreader.parse.decode import decode_bytes

    return decode_bytes(read_entry(entry)[0])[0]


def explain_entry(entry: Entry, shared: frozenset[int]) -> list[LineRole]:
    """Every non-blank line of the file with the role the parser gives it and why."""
    from newsreader.parse import explain_lines

    return explain_lines(read_entry(entry)[0], shared)


def load(entry: Entry, shared: frozenset[int] = frozenset(), keys: bytes | None = None) -> Article:
    """Read and parse one entry, with the furniture keys its folder ``shared`` and, if taken
    already, its own ``keys`` (the parser is imported here: commands served by the index never
    load it)."""
    from newsreader.parse import parse_article

    data, warnings = read_entry(entry)
    return parse_article(data, entry.name, entry.path, tuple(warnings), shared, keys)


def _load_keyed(item: tuple[Entry, bytes | None], shared: frozenset[int]) -> Article:
    """:func:`load` of an (entry, its counted keys) pair, as :func:`load_all` hands them out."""
    return load(item[0], shared, item[1])


def keys_of(entry: Entry) -> bytes:
    """The entry's furniture keys (see ``parse.repeats``)."""
    from newsreader.parse.furniture import file_keys

    return file_keys(read_entry(entry)[0])


def folder_keys(entries: list[Entry], workers: int = 1) -> Iterator[bytes]:
    """Every entry's furniture keys, in order, on ``workers`` processes when there are many."""
    return _in_workers(keys_of, entries, workers)


def shared_keys(entries: list[Entry], workers: int = 1) -> frozenset[int]:
    """The furniture keys of a whole folder, read from its files (when there is no index)."""
    from newsreader.parse.furniture import shared_keys as pick

    return pick(folder_keys(entries, workers))


def load_all(entries: list[Entry], workers: int = 1, shared: frozenset[int] = frozenset(),
             keys_for: Callable[[list[Entry]], list[bytes | None]] | None = None) -> Iterator[Article]:
    """Parse every entry, in order, on ``workers`` processes when there are many. ``keys_for``,
    if given, returns the keys already taken of a slice of the entries (None where there are
    none), so those files' lines are not hashed again."""
    if keys_for is None:
        return _in_workers(load, entries, workers, shared)
    return _in_workers(_load_keyed, entries, workers, shared, prepare=lambda part: list(zip(part, keys_for(part))))


def _in_workers(work: Callable, entries: list[Entry], workers: int, *extra,
                prepare: Callable[[list[Entry]], list] | None = None) -> Iterator:
    """``work(item, *extra)`` for every entry, in order, on ``workers`` forked processes when
    there are many; the item is the entry, or what ``prepare`` makes of the slice of entries it
    is in (run in this process, a slice at a time, just before the slice is handed out)."""
    parts = (entries[start:start + _SLICE] for start in range(0, len(entries), _SLICE))
    items = parts if prepare is None else map(prepare, parts)
    if workers <= 1 or len(entries) < _PARALLEL_FROM:
        yield from (work(item, *extra) for part in items for item in part)
        return
    import gc
    import multiprocessing

    # Forked workers share the parent's memory until they write to it, and a garbage collection
    # pass writes to every object it visits: frozen objects are left alone, so a worker does not
    # end up copying the parent's file list (hundreds of MB at 1,000,000 files).
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers, _start_worker, (work, extra)) as pool:
            # Bounded slices, so workers never run far ahead of the consumer; the next slice is
            # queued while this one is read, so they do not idle while the consumer catches up.
            slices = (pool.imap(_work_in_worker, part, chunksize=32) for part in items)
            current = next(slices)
            for upcoming in slices:
                yield from current
                current = upcoming
            yield from current
    finally:
        gc.unfreeze()


_task: tuple = ()  # in a worker process only: the work function and its extra arguments


def _start_worker(work: Callable, extra: tuple) -> None:
    """Set up a worker: it leaves Ctrl-C to the main process (which stops the pool and exits
    cleanly) and keeps the work and its extra arguments, given once rather than with every task."""
    import signal

    global _task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _task = (work, extra)


def _work_in_worker(item):
    work, extra = _task
    return work(item, *extra)


_PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves
_SLICE = 2000  # entries handed to the workers at a time, so parsed records never pile up in memory


class Library:
    """One news folder, read through its index when ``store`` is given.

    ``warn`` receives one sentence when the index has to be given up (then
    every call parses the files directly, as with ``--no-cache``).
    """

    def __init__(self, folder: Path, store=None, warn: Callable[[str], None] = lambda message: None,
                 progress: Callable[[int, int], None] | None = None, workers: int = 1, full_check: bool = False):
        self.folder = folder
        self.store = store
        self.warn = warn
        self.workers = workers
        self.report = None  # what the last sync did, when there is an index
        self._entries: list[Entry] | None = None
        self._shared: frozenset[int] | None = None
        if not self._index_is_current(full_check):
            self._entries = scan(folder)
            if self.store is not None:
                self._sync(progress)

    @property
    def entries(self) -> list[Entry]:
        """The folder's article files (from the index when it is current: no scan needed)."""
        if self._entries is None:
            self._entries = self._entries_from_index() or scan(self.folder)
        return self._entries

    def _index_is_current(self, full_check: bool) -> bool:
        """True when the folder is as the last complete sync left it, so no sync is needed.

        A folder's mtime changes whenever a file is added, removed or renamed
        into it, so an unchanged mtime spares stat-ing every file (the costly
        part of a sync at 100,000 files). Files rewritten in place are caught
        by ``news index``, which always checks every file, and by ``show``,
        which checks the one file it shows.
        """
        from newsreader.store import StoreError

        if self.store is None or full_check:
            return False
        try:
            return self.store.folder_state() == _folder_state(self.folder)
        except (StoreError, OSError):
            return False  # the full sync that follows will repair or give up on the index

    def _entries_from_index(self) -> list[Entry] | None:
        prefix = os.path.join(str(self.folder), "")
        found = self._from_index(lambda store: store.entries())
        return None if found is None else [Entry(name, prefix + name, size, mtime) for name, size, mtime in found]

    def _sync(self, progress) -> None:
        from newsreader.store import StoreError

        state = _folder_state(self.folder)  # read before the scan, so a change during it is seen next time
        try:
            self.report = self.store.sync(self.entries, lambda todo: folder_keys(todo, self.workers),
                                          lambda todo, shared, keys_for: load_all(todo, self.workers, shared, keys_for),
                                          progress)
            self.store.remember_folder(state)
        except StoreError as error:
            self._give_up(error)

    def _give_up(self, error: Exception) -> None:
        self.warn(f"not using the index: {error}; reading the files directly")
        try:
            self.store.discard_if_damaged(error)
        except OSError:
            pass  # a location we cannot write to: the warning above says enough
        self.store = None

    def articles(self, section: str | None = None) -> list[Article]:
        """Every article's record, without paragraphs when read from the index."""
        return list(in_section(self._records(lambda store: list(store.articles())), section))

    def listing(self, section: str | None, sort: str) -> tuple[list[str], dict[str, tuple[str, ...]]]:
        """What ``news list`` shows: every article as a packed :class:`Summary` in ``sort`` order
        (see :func:`sort_articles`), and the warnings of the rows that have any, by packed row
        (two files whose rows are identical print identically, so they may share them)."""
        found = self._from_index(lambda store: store.listing(sort, section))
        if found is None:
            articles = sort_articles(self.articles(section), sort)
            packed = [Summary.of(article).pack() for article in articles]
            return packed, {row: article.warnings for row, article in zip(packed, articles) if article.warnings}
        rows, warned = found
        if sort == "title":  # the index gave number order; casefolding is Python's
            rows.sort(key=lambda row: row.rpartition(FIELD_SEPARATOR)[2].casefold())
        return rows, warned

    def all_articles(self, section: str | None = None) -> list[Article]:
        """Every article's full record, paragraphs included."""
        return list(in_section(self._records(lambda store: list(store.articles(body=True))), section))

    def _records(self, read) -> list[Article]:
        """``read(store)`` from the index, else every file parsed."""
        found = self._from_index(read)
        return found if found is not None else list(load_all(self.entries, self.workers, self.shared()))

    def shared(self) -> frozenset[int]:
        """The folder's furniture keys (see ``parse.repeats``): as the index last stored them,
        else counted from every file."""
        if self._shared is None:
            found = self._from_index(lambda store: store.shared())
            self._shared = found if found is not None else shared_keys(self.entries, self.workers)
        return self._shared

    def explain(self, entry: Entry) -> list[LineRole]:
        """Every non-blank line of the file with the role the parser gives it in this folder, and why."""
        return explain_entry(entry, self.shared())

    def _from_index(self, read):
        """``read(store)``, or None when there is no index or it fails (then it is given up)."""
        from newsreader.store import StoreError

        if not self.store:
            return None
        try:
            return read(self.store)
        except StoreError as error:
            self._give_up(error)
            return None

    def rank(self, query: str, limit: int, section: str | None, since: str | None, until: str | None):
        """Ranked full-text hits from the index; raises StoreError for a query FTS5 cannot parse.
        A damaged index is given up (and deleted for rebuilding) and yields no hits."""
        from newsreader.store import StoreError

        try:
            return self.store.rank(query, limit, section, since, until)
        except StoreError as error:
            if "could not be read" not in str(error):
                raise
            self._give_up(error)
            return []

    def article(self, query: str) -> tuple[Entry, Article]:
        """The entry and full record an id names, re-parsed if the file changed since it was indexed."""
        entry = self._entry_from_index(query) or resolve_id(self.entries, query)
        if self.store:
            current = _restat(entry)
            if current == entry:
                found = self._from_index(lambda store: _indexed_article(store, entry.name))
                if found:
                    return entry, found
            if current is not None and self.store:  # rewritten in place: its keys may change the folder's
                self._entries = scan(self.folder)
                self._sync(None)
                found = self._from_index(lambda store: _indexed_article(store, entry.name))
                if found:
                    return current, found
        return entry, load(entry, self.shared())

    def _entry_from_index(self, query: str) -> Entry | None:
        """The one file an id names, looked up in the index without listing the folder; None
        when the index cannot say (not current, no match, several): then the full rules apply."""
        if self._entries is not None or self.store is None:
            return None
        found = self._from_index(lambda store: store.files_for_id(query))
        if not found or len(found) != 1:
            return None
        name, size, mtime = found[0]
        return Entry(name, os.path.join(str(self.folder), name), size, mtime)

    def grep(self, query: GrepQuery, section: str | None, narrow: bool = True) -> Iterator[ArticleHits]:
        """Articles with matches, in file-name order; the index narrows the candidates first
        (unless ``narrow`` is False: then every article is scanned, for checking), and checks
        them itself when the pattern is a plain string and only matching files are wanted."""
        if not self.store:
            yield from query.run(map(Text.of, self.all_articles(section)))
            return
        from newsreader.store import StoreError

        try:
            rowids = self._candidates(query.regex) if narrow else None
            literal = query.plain_literal if narrow else None
            if literal is not None and rowids is not None:  # -l for a plain string: SQLite checks the candidates
                found = list(query.listed(in_section(self.store.holding(literal, query.field, rowids), section)))
            elif rowids is None and self.workers > 1:
                found = list(_parallel_scan(self.store.path, query, section, self.workers))
            else:
                found = list(query.run(in_section(self.store.texts(rowids), section)))
        except StoreError as error:
            self._give_up(error)
            yield from query.run(map(Text.of, self.all_articles(section)))
            return
        yield from found

    def _candidates(self, regex) -> set[int] | None:
        """Rowids of the articles the index says may match ``regex``; None when it cannot tell."""
        from newsreader.store import StoreError

        groups = required_literals(regex)
        query = fts_query(groups, lambda run: self.store.terms_containing(run, _MAX_EXPANSION)) if groups else None
        if query is None:
            return None
        try:
            return self.store.matching(query)  # "": no article can hold the literals, bar those matching() adds
        except StoreError:
            return None  # a query the index cannot run: scan everything instead


_MAX_EXPANSION = 300  # indexed words one fragment may stand for before the prefilter gives up on it


def _indexed_article(store, name: str) -> Article | None:
    """The full record the index holds for file ``name``, or None."""
    rowid = store.rowid_of(name)
    return next(store.articles(body=True, rowids=[rowid])) if rowid is not None else None


def _folder_state(folder: Path) -> str:
    """The folder's identity and modification time, as stored after a complete sync."""
    info = os.stat(folder)
    return f"{info.st_dev}:{info.st_ino}:{info.st_mtime_ns}"


def _restat(entry: Entry) -> Entry | None:
    """The entry as the file is now (None if it is gone)."""
    try:
        info = os.stat(entry.path)
    except OSError:
        return None
    return entry._replace(size=info.st_size, mtime_ns=info.st_mtime_ns)


def _parallel_scan(path: Path, query: GrepQuery, section: str | None, workers: int) -> Iterator[ArticleHits]:
    """A full scan of the index split across processes (each reads a stripe of the rows)."""
    import multiprocessing

    jobs = [(str(path), query, section, k, workers) for k in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers, _start_worker, (_scan_stripe, ())) as pool:
        found = [row for part in pool.map(_work_in_worker, jobs) for row in part]
    found.sort(key=operator.itemgetter(1, 0))  # path, then id: the order of a scan by file name
    for article_id, path_, title, hits, count in found:
        yield ArticleHits(Article(id=article_id, path=path_, title=title), hits, count)


def _scan_stripe(job) -> list[tuple]:
    """One worker's share of a full scan: the rows whose rowid falls in its stripe, each hit as
    a plain tuple (a tenth of the pickling of the objects, at 100,000 hits)."""
    from newsreader.store import stripe_texts

    path, query, section, stripe, stripes = job
    # streamed (bounded memory); hits carry no bodies, so little travels back to the parent
    return [(found.article.id, found.article.path, found.article.title, found.hits, found.count)
            for found in query.run(in_section(stripe_texts(Path(path), stripe, stripes), section))]


def resolve_id(entries: list[Entry], query: str) -> Entry:
    """The entry a user's id names: full stem, running number, or a unique hash prefix.

    Raises UnknownIdError naming the candidates (ambiguous) or the closest ids (unknown).
    Cheap string tests narrow the entries before the exact name rules apply, so a
    lookup among 100,000 files stays fast.
    """
    from newsreader.parse import split_name

    stems = [(entry, split_name(entry.name)[0] if not entry.name.isascii() else
              entry.name.rsplit(".", 1)[0] if "." in entry.name.lstrip(".") else entry.name) for entry in entries]
    exact = [entry for entry, stem in stems if stem == query]
    if exact:
        return exact[0]
    matches = []
    if query.isdigit():
        wanted = query.lstrip("0") or "0"
        matches = [entry for entry, stem in stems
                   if (stem.partition("_")[0].lstrip("0") or "0") == wanted and split_name(entry.name)[1] == int(query)]
    if not matches and len(query) >= _MIN_HASH_PREFIX and re.fullmatch(r"[0-9a-fA-F]+", query):
        prefix = query.lower()
        matches = [entry for entry, stem in stems
                   if stem.partition("_")[2].startswith(prefix) and (split_name(entry.name)[2] or "").startswith(prefix)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(split_name(entry.name)[0] for entry in matches[:5])
        raise UnknownIdError(f"The id {query!r} is ambiguous: it matches {listed}.")
    raise UnknownIdError(_unknown_message(query, [stem for _, stem in stems]))


def _unknown_message(query: str, stems: list[str]) -> str:
    """One sentence for an id that matches nothing, with the closest ids when there are any."""
    import difflib

    close = difflib.get_close_matches(query, stems, n=3, cutoff=0.5)
    if close:
        return f"No article has the id {query!r}; did you mean {', '.join(close)}?"
    return f"No article has the id {query!r}; `news list` shows the ids."


def in_section(articles: Iterable[Article], section: str | None) -> Iterator[Article]:
    """The articles whose section equals ``section`` ignoring case (all when it is None), lazily."""
    if section is None:
        return iter(articles)
    wanted = section.casefold()
    return (article for article in articles if (article.section or "").casefold() == wanted)


def sort_articles(articles: list[Article], key: str) -> list[Article]:
    """Articles ordered by ``key``: date (newest first, undated last, then by number),
    number, title, or words (longest first)."""
    def by_number(article: Article):
        return (article.number is None, article.number or 0, article.id)

    if key == "date":
        dated = sorted((a for a in articles if a.published), key=by_number)
        dated.sort(key=lambda a: a.published, reverse=True)
        return dated + sorted((a for a in articles if not a.published), key=by_number)
    if key == "title":
        return sorted(articles, key=lambda a: (a.title.casefold(), by_number(a)))
    if key == "words":
        return sorted(articles, key=lambda a: (-a.words, by_number(a)))
    return sorted(articles, key=by_number)
