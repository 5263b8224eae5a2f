"""A news folder as the commands and the browser see it: ``Library.open(folder, env)``.

Opening a library checks the folder, opens its index (in the cache folder,
or in memory for ``--no-cache`` or when the cache cannot be used) and brings
the index in step with the folder; every operation then reads the index, so
indexed and ``--no-cache`` runs share one code path. When the index on disk
fails mid-command, the library says so once, sets it aside (deleting it if
it is damaged: it is a cache) and goes on from an index in memory.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, TextIO

from newsreader.env import Environment
from newsreader.errors import (
    IndexDamaged,
    IndexUnavailable,
    SourceError,
    UnknownIdError,
    UnreadableError,
    UsageError,
)
from newsreader.folder import Scan, check_folder, restat, scan
from newsreader.index import Index, index_path
from newsreader.inputs.text import UNREADABLE, located_in_file
from newsreader.model import (
    Article,
    ArticleHits,
    Entry,
    Filters,
    IdQuery,
    LineRole,
    Listing,
    MarkChange,
    MarkedSummary,
    SavedCount,
    ScanOptions,
    SearchHit,
    SectionCount,
    SortKey,
    SyncReport,
    Text,
    counted,
    shown_id,
)
from newsreader.parsing import FolderParsing, explain, load, raw
from newsreader.state import (
    Adopted,
    Imported,
    ReaderState,
    SavedSearch,
    SearchFilters,
    StateUnavailable,
    state_path,
    tag_changes,
)

if TYPE_CHECKING:  # each loads with the command that needs it: a list loads none of them
    from newsreader.search.matcher import GrepQuery

_MAX_EXPANSION = 300  # indexed words one fragment may stand for before the prefilter gives up on it
#: Files a folder needs before an unchanged folder mtime is trusted to mean unchanged files: below
#: it every file is stat-ed on every command (milliseconds), so edits in place are seen at once.
TRUST_FOLDER_FROM = 10_000
_SUGGESTIONS = 3  # closest ids named when an id names none
GREP_TIMEOUT = 10.0  # seconds grep's regex may run on one article before it is stopped (--timeout)
_CANDIDATES_SHOWN = 5  # ids named when an id names several
_SECTIONS_NAMED = 12  # sections named when a section asked for does not exist
_COLLAPSE_WINDOW = 4  # a collapsed search ranks this many times the hits it shows, and again


def bundled_seeds() -> Path:
    """The seed articles shipped with the package (or beside it, in a source checkout)."""
    from importlib import resources

    packaged = Path(str(resources.files("newsreader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def source_folder(option: Path | None, env: Environment) -> Path:
    """The folder to read: ``--dir``, else $NEWS_DIR, else ./seeds if it exists, else the bundled seeds."""
    return option if option is not None else env.news_dir or bundled_seeds()


class Place(NamedTuple):
    """Where an article is: its file, and its place among the file's articles (0 for a file of
    one; a web archive, a feed or JSON lines hold many)."""

    entry: Entry
    part: int = 0


class Library:
    """One news folder read through its index. Make one with :meth:`open`."""

    def __init__(
        self,
        folder: Path,
        index: Index,
        env: Environment,
        warn: Callable[[str], None],
        progress: Callable[[str, int, int], None] | None,
        scanning: ScanOptions = ScanOptions(),
    ):
        self.folder = folder
        self.index = index
        self.env = env
        self.warn = warn
        self.progress = progress
        self.scanning = scanning
        self.report: SyncReport | None = None  # what bringing the index in step did, when it had to
        self._reader: ReaderState | None = None  # the reader's marks, opened when first needed

    @classmethod
    def open(
        cls,
        folder: Path,
        env: Environment,
        *,
        cache: bool = True,
        full_check: bool = False,
        warn: Callable[[str], None] = lambda message: None,
        progress: Callable[[str, int, int], None] | None = None,
        scanning: ScanOptions = ScanOptions(),
    ) -> Library:
        """The library of ``folder``, its index up to date. ``cache``: keep the index in the cache
        folder (else in memory); ``full_check`` (``news index``): stat every file even when the
        folder looks unchanged, and raise IndexUnavailable at once when the index on disk cannot
        be used, rather than read the folder in memory for nothing; ``warn`` receives one
        sentence if the index on disk has to be given up, or about what the scan passed over;
        ``progress(phase, done, total)`` follows a long update; ``scanning``: which files are
        read (see :class:`~newsreader.folder.ScanOptions`). Raises SourceError for a bad
        folder."""
        check_folder(folder)
        folder = _absolute(folder, env)
        index = None
        if cache:
            place = index_path(env.cache_dir, folder, "recursive" if scanning.recursive else "")
            try:
                index = Index(place, _fingerprint())
            except IndexUnavailable as error:
                if full_check:  # `news index`: parsing in memory would only end in this error
                    raise
                warn(f"not using the index: {error}; reading the files directly")
        library = cls(folder, index or Index(None, _fingerprint()), env, warn, progress, scanning)
        if full_check or not library._is_current():
            library._read_folder(library._scan(), told=full_check)
        return library

    def _scan(self) -> Scan:
        return scan(self.folder, self.scanning)

    # --- keeping the index in step ---------------------------------------------------------

    def _is_current(self) -> bool:
        """True when a large folder is as the last complete sync left it (same identity and
        mtime: adding, removing or renaming a file changes a folder's mtime), so no file needs a
        stat. A folder of fewer than TRUST_FOLDER_FROM files is always checked file by file (it
        is cheap), so an edit in place is seen at once there."""
        if self.index.in_memory:
            return False
        try:
            state, _, files = (self.index.folder_state() or "").partition(" ")
            return state == self._state() and int(files or 0) >= TRUST_FOLDER_FROM
        except (IndexUnavailable, OSError, ValueError):
            return False  # the full sync that follows repairs or gives up the index

    def _read_folder(self, found: Scan, told: bool = False) -> None:
        """Bring the index in line with the scanned files; on failure, go on in memory. The
        folder's state is kept only when every file could be read: those that could not are
        listed with a warning and read again by the next command. What the scan passed over is
        said when the index changed, or when ``told`` (``news index``); a folder holding no
        article files but subfolders, every time."""
        for name, reason in found.skipped:
            self.warn(f"skipped {name}: {reason}")
        state = self._state()  # read before the sync, so a change during it is seen next time
        parsing = FolderParsing(self.env.workers)
        try:
            self.report = self.index.sync(found.entries, parsing, self.progress)
            if not self.report.unreadable:
                self.index.remember_folder(f"{state} {len(found.entries)}")
        except IndexUnavailable as error:
            if self.index.in_memory or told:  # `news index` is for the index on disk
                raise
            self._give_up(error)
            self.report = self.index.sync(found.entries, parsing, self.progress)
        if found.passed_over and (told or self.report.parsed or self.report.dropped):
            kinds = ", ".join(
                f"{count} {kind}" for kind, count in sorted(found.passed_over.items())
            )
            total = sum(found.passed_over.values())
            what = "files that are not articles" if total > 1 else "file that is not an article"
            self.warn(f"passed over {total} {what} ({kinds}); --include GLOB reads them")
        if self.report.parsed or self.report.dropped:
            self._follow()
        if found.subfolders and not found.entries:
            self.warn(
                f"the folder holds no article files, but {counted(found.subfolders, 'subfolder')}; "
                "--recursive reads them"
            )

    def _state(self) -> str:
        """The folder's identity and mtime, and how it is scanned: what a sync leaves to compare
        the next command's folder with (a different scan is a different folder)."""
        info = os.stat(self.folder)
        globs = repr((self.scanning.include, self.scanning.exclude)).encode(
            "utf-8", "surrogatepass"
        )
        return f"{info.st_dev}:{info.st_ino}:{info.st_mtime_ns}:{hashlib.blake2b(globs, digest_size=8).hexdigest()}"

    def _give_up(self, error: IndexUnavailable) -> None:
        """Say why the index on disk is no longer used, delete it if damaged, go on in memory."""
        self.warn(f"not using the index: {error}; reading the files directly")
        try:
            if isinstance(error, IndexDamaged):
                self.index.discard()
            else:
                self.index.close()
        except OSError:
            pass  # a location we cannot write to: the warning says enough
        self.index = Index(None, _fingerprint())

    def _reading(self, read: Callable[[Index], object]):
        """``read(index)``; when the index on disk fails, the same from an index in memory (or
        again, when it was the joined state file that was damaged: see :meth:`_state_was_damaged`)."""
        try:
            return read(self._joined())
        except IndexUnavailable as error:
            if self._state_was_damaged(error):
                return read(self._joined())
            if self.index.in_memory:
                raise
            self._give_up(error)
            self._read_folder(self._scan())
            return read(self._joined())

    def _streaming(self, read: Callable[[Index], Iterator]) -> Iterator:
        """``read(index)`` item by item; a failure before the first item is retried in memory
        (see :meth:`_reading`), one after it is raised: what was printed cannot be taken back."""
        try:
            items = read(self._joined())
            first = next(items, _END)
        except IndexUnavailable as error:
            if not self._state_was_damaged(error):
                if self.index.in_memory:
                    raise
                self._give_up(error)
                self._read_folder(self._scan())
            items = read(self._joined())
            first = next(items, _END)
        if first is _END:
            return
        yield first
        yield from items

    # --- the reader's state ------------------------------------------------------------------

    def _use_state(self, create: bool = True) -> ReaderState | None:
        """The reader's state of this folder, opened on first use (``create``: making the state
        file if there is none; else None when there is none: nothing was ever marked)."""
        if self._reader is None:
            data = self.env.data_dir
            if data.exists() and not data.is_dir():  # no marks to read is not the same as none
                raise StateUnavailable(
                    f"The data folder {data} (NEWS_DATA_DIR) is not a folder: the reader's marks "
                    "cannot be read or kept there."
                )
            if not create and not state_path(data).exists():
                return None
            self._reader = ReaderState.open(self.env.data_dir, self.folder, self.warn)
        return self._reader

    def _joined(self) -> Index:
        """The index, with the state file attached once the state is open (a new index in
        memory, or a state started afresh, is attached again)."""
        state = self._reader
        if state is not None and self.index.state_folder != state.folder_id:
            self.index.attach_state(state.path, state.folder_id)
        return self.index

    def _state_was_damaged(self, error: IndexUnavailable) -> bool:
        """Whether a damaged page an index query met was the attached state file's: then it has
        been kept aside and started afresh (``warn`` said where), and the query may run again."""
        if not isinstance(error, IndexDamaged) or self._reader is None:
            return False
        if self._reader.check():
            return False
        self.index.state_folder = None  # the old attachment names the file kept aside
        return True

    def _follow(self) -> None:
        """Keep the reader's marks with the files after a sync that changed some (an edited
        file's marks move to its new content; see ``ReaderState.follow``)."""
        state = self._use_state(create=False)
        if state is not None:  # a file of many is left out: its name holds several keys
            pairs = self._reading(lambda index: index.contents())
            files = Counter(name for name, _ in pairs)
            state.follow((name, key) for name, key in pairs if files[name] == 1)

    def _keys(self, ids: list[str], filters: Filters | None = None) -> tuple[dict[int, str], int]:
        """The content keys (with their file names) of the articles the ids name, or with no
        ids, of every article the filters pass, and how many articles that is; every id is
        resolved before anything changes."""
        if ids:
            places = list(dict.fromkeys(self._resolve_all(ids)))
            return self._contents(places), len(places)
        self._use_state()
        pairs = self._reading(lambda index: index.contents(filters or Filters()))
        return {key: name for name, key in pairs}, len(pairs)

    def _change(self, action: str, changed: int, keys: dict[int, str], named: int) -> MarkChange:
        """What a change of marks did to the texts of the ``named`` articles, with the articles
        not named that share the marks because they hold the same text as one that was."""
        shared = self._reading(lambda index: index.sharing(list(keys))) if keys else 0
        return MarkChange(action, changed, len(keys), max(shared - named, 0))

    def mark_read(
        self, ids: list[str], read: bool = True, filters: Filters | None = None
    ) -> MarkChange:
        """Mark the articles the ids name (or, with no ids, every one ``filters`` passes) read or
        unread (``news mark``)."""
        keys, named = self._keys(ids, filters)
        changed = self._use_state().mark_read(keys, read) if keys else 0
        return self._change("read" if read else "unread", changed, keys, named)

    def star(self, ids: list[str], starred: bool = True) -> MarkChange:
        """Star the articles the ids name, or take their stars away."""
        keys, named = self._keys(ids)
        changed = self._use_state().star(keys, starred)
        return self._change("starred" if starred else "unstarred", changed, keys, named)

    def tag(self, ids: list[str], changes: list[str]) -> MarkChange:
        """Add (``+tag``) and remove (``-tag``) tags on the articles the ids name; BadTag for a
        word that is neither."""
        add, remove = tag_changes(changes)
        keys, named = self._keys(ids)
        return self._change("tagged", self._use_state().tag(keys, add, remove), keys, named)

    def save_search(
        self, name: str, query: str, filters: dict, replace: bool = False
    ) -> SavedSearch:
        """Keep ``query`` (a ``news search`` query, "" for every article) and ``filters`` (the
        fields of :class:`SearchFilters`) under ``name``; the query, tags and dates are checked
        now, so a saved search always runs. BadSavedSearch for a bad name or a name in use
        (unless ``replace``)."""
        search = SavedSearch(name, query, SearchFilters(**filters))
        self._saved_filters(search)
        return self._use_state().save_search(search.name, query, search.filters, replace)

    def remove_search(self, name: str) -> None:
        """Forget a saved search; UnknownSavedSearch if none has that name."""
        self._use_state().remove_search(name)

    def saved_searches(self) -> list[SavedCount]:
        """Every saved search with its articles and how many are unread now."""
        counts = []
        for search in self._use_state().saved_searches():
            filters = self._saved_filters(search)
            articles = self._reading(partial(Index.count, filters=filters))
            unread = self._reading(partial(Index.count, filters=replace(filters, read=False)))
            counts.append(
                SavedCount(search.name, search.query, _options(search.filters), articles, unread)
            )
        return counts

    def saved_filters(self, name: str) -> Filters:
        """The filters of the search saved under ``name`` (``news list --saved``);
        UnknownSavedSearch if there is none."""
        return self._saved_filters(self._use_state().saved_search(name))

    def _saved_filters(self, search: SavedSearch) -> Filters:
        given = search.filters
        filters = self.filters(
            given.section,
            given.author,
            given.since,
            given.until,
            language=given.language,
            read=False if given.unread else None,
            starred=given.starred,
            tags=given.tags,
        )
        if not search.query.strip():
            return filters
        from newsreader.search.query import parse_query

        return replace(filters, matching=parse_query(search.query).fts)

    def export_state(self, stream: TextIO) -> int:
        """Write this folder's marks and saved searches to ``stream`` as JSON Lines (see
        docs/state.md); how many records were written."""
        return self._use_state().export(stream)

    def import_state(self, lines: Iterable[str]) -> Imported:
        """Merge a backup into this folder's state. BadBackup, nothing merged, when a line is
        not a record or a saved search's filters cannot run (a language or date this version
        cannot read would fail every later `saved list`)."""
        return self._use_state().import_lines(lines, check=self._saved_filters)

    def adopt_state(self, old_folder: Path) -> Adopted:
        """Take the marks kept for ``old_folder`` (relative to the working folder), this folder
        before it was moved or renamed. UnknownFolder when none are kept for it."""
        return self._use_state().adopt(_absolute(old_folder, self.env))

    def prune_state(self) -> int:
        """Forget the marks of articles no file of the folder holds now; how many. Refused
        (UsageError) while some article file of the folder, in any subfolder, is not read with
        these options (``--exclude``, or subfolders without ``-R``): its marks would go too."""
        pairs = self._reading(lambda index: index.contents())
        held = {name for name, _ in pairs}
        unread = [
            e for e in scan(self.folder, ScanOptions(recursive=True)).entries if e.name not in held
        ]
        if unread:
            raise UsageError(
                f"{counted(len(unread), 'article file')} of the folder ({shown_id(unread[0].name)}"
                f"{', …' if len(unread) > 1 else ''}) {'is' if len(unread) == 1 else 'are'} not "
                "read with these options, and the marks of what they hold would be forgotten: "
                "run news -R state prune, without --include or --exclude."
            )
        return self._use_state().prune(key for _, key in pairs)

    def page(
        self, filters: Filters = Filters(), offset: int = 0, limit: int = 100
    ) -> list[MarkedSummary]:
        """Rows ``offset`` to ``offset + limit`` of the listing (newest first) with their marks:
        what the browser shows, read as it scrolls."""
        self._use_state()
        return self._reading(lambda index: index.page(SortKey.DATE, filters, offset, limit))

    def count(self, filters: Filters = Filters()) -> int:
        """How many articles the filters pass."""
        self._use_state(create=filters.marked)
        return self._reading(lambda index: index.count(filters))

    def update(self) -> SyncReport:
        """What the last update of the index on disk did (open the library with ``full_check``);
        raises IndexUnavailable when there is none to update."""
        if self.index.in_memory or self.report is None:
            raise IndexUnavailable("The index could not be opened or updated here.")
        return replace(self.report, articles=self._reading(Index.article_count))

    # --- what the commands read ------------------------------------------------------------

    def filters(
        self,
        section: str | None = None,
        author: str | None = None,
        since: str | None = None,
        until: str | None = None,
        *,
        language: str | None = None,
        read: bool | None = None,
        starred: bool = False,
        tags: Iterable[str] = (),
        new: bool = False,
        before: str | None = None,
        saved: str | None = None,
        query: str | None = None,
    ) -> Filters:
        """The filters these options ask for (dates relative to the environment's today; see
        :func:`~newsreader.filters.make_filters`), on top of those of the search saved as
        ``saved``, and only articles matching ``query`` (as ``news search`` reads it) if given;
        raises UsageError for a date that cannot be read, BadTag for a bad tag, QueryError for
        a query that cannot be read."""
        tags = tuple(tags)
        base = self.saved_filters(saved) if saved is not None else None
        given = Filters()
        options = (section, author, since, until, before, read, language)
        if options != (None,) * len(options) or starred or tags or new:
            from newsreader.filters import make_filters

            given = make_filters(
                self.env.today,
                section,
                author,
                since,
                until,
                language=language,
                read=read,
                starred=starred,
                tags=tags,
                new=new,
                before=before,
            )
        if base is not None:
            given = _combined(base, given)
        if query is not None and query.strip():
            from newsreader.search.query import parse_query

            given = replace(given, matching=parse_query(query).fts)
        return given

    def listing(
        self,
        sort: SortKey | str = SortKey.DATE,
        filters: Filters = Filters(),
        limit: int = 0,
        records: bool = False,
        reverse: bool = False,
        collapse: bool = False,
    ) -> Listing:
        """The articles ``news list`` shows, in ``sort`` order (``reverse``: backwards, unknown
        values still last): the first ``limit`` (0: all) of those the filters pass, as summaries,
        or as records without paragraphs; ``collapse``: only the first of each group of wire
        copies, with how many articles it stands for. Raises UsageError for an unknown sort order."""
        sort = _sort_key(sort)
        self._use_state(create=filters.marked or filters.new)

        def read(index: Index) -> Listing:
            copies = None
            if records:
                rows = list(index.articles(sort, filters, reverse=reverse))
            else:
                rows = index.summaries(sort, filters, reverse)
            if collapse:  # summaries name an article as it is shown
                ids = [row.id for row in rows]
                groups = self._groups(index, filters, str if records else shown_id)
                kept = _collapsed(ids, groups, Counter(map(groups.get, ids)))
                positions = [at for at, _ in kept]
                rows = [rows[at] for at in positions] if records else rows.picked(positions)
                copies = [count for _, count in (kept[:limit] if limit else kept)]
            shown = rows[:limit] if limit else rows
            warned = index.warnings(filters)
            if not records:  # summaries name an article as it is shown
                warned = {shown_id(article_id): found for article_id, found in warned.items()}
            if limit and warned:  # only the shown rows' warnings: a list of 100 of 100,000
                ids = {row.id for row in shown}
                warned = {
                    article_id: found for article_id, found in warned.items() if article_id in ids
                }
            note = "" if rows else self._nothing_listed(index, filters)
            return Listing(shown, len(rows), warned, note, index.numbers_distinct, copies)

        listing = self._reading(read)
        if filters.new:  # what was listed is no longer new (the rest of a --limit still is)
            keys = self._reading(lambda index: index.contents(filters, sort, reverse))
            self._use_state().mark_seen(key for _, key in keys[: limit or None])
        return listing

    @staticmethod
    def _nothing_listed(index: Index, filters: Filters) -> str:
        """Why a list is empty, in a sentence: no articles at all, a section the folder does not
        have (naming those it has), or filters that leave none."""
        sections = index.sections()
        if not sections:
            return "The folder holds no articles."
        known = [count.section for count in sections if count.section]
        if filters.section is not None and filters.section.casefold() not in {
            name.casefold() for name in known
        }:
            names = ", ".join(known[:_SECTIONS_NAMED]) + (
                ", …" if len(known) > _SECTIONS_NAMED else ""
            )
            return (
                f"No article is in section {filters.section!r}; the sections are {names or 'none'}."
            )
        languages = index.languages() if filters.languages else []
        if filters.languages and not set(filters.languages) & set(languages):
            known = ", ".join(languages[:_SECTIONS_NAMED]) or "none known"
            wanted = " or ".join(filters.languages)
            return f"No article is in {wanted}; the articles' languages are {known}."
        return "No article passes the filters."

    def export(self, filters: Filters = Filters()) -> Iterator[Article]:
        """Every full record the filters pass, by file name, with the reader's marks."""
        self._use_state(create=filters.marked)
        return self._streaming(lambda index: index.articles(None, filters, body=True))

    def article(self, query: str, mark_read: bool = False) -> tuple[Place, Article]:
        """Where the article an id names is, and its full record, its file parsed again first
        if it changed since it was indexed (its new lines may change what the folder shares,
        and a file of many may have moved its articles); ``mark_read``: the article counts as
        read from now on (the record says what it was before). Raises :class:`UnreadableError`
        for a file that could not be read: its record holds nothing to show."""
        self._use_state(create=mark_read)
        place = self._resolve(IdQuery(query))
        current = restat(place.entry)
        if (
            current is not None and current != place.entry
        ):  # rewritten in place, or unreadable when indexed
            self._read_folder(self._scan())
            place = self._resolve(IdQuery(query))
        entry, part = place
        found = (
            self._reading(lambda index: index.article(entry.name, part))
            if current is not None
            else None
        )
        record = found or load(entry, self._reading(Index.shared), part=part)
        for warning in record.warnings:
            if warning.startswith(UNREADABLE):  # a record of nothing: no article to show
                why = warning.removeprefix(UNREADABLE).lstrip(": ")
                raise UnreadableError(f"Could not read {shown_id(record.id)}: {why}.")
        if mark_read:
            self._mark_shown([place])
        return place, record

    def articles(
        self, ids: list[str], filters: Filters = Filters(), mark_read: bool = False
    ) -> list[Article]:
        """The full records the ids name, in their order, those the filters pass; every id is
        resolved first, so an unknown one stops before anything is shown. ``mark_read``: those
        returned count as read from now on."""
        self._use_state(create=mark_read or filters.marked)
        found = [self.article(query) for query in dict.fromkeys(ids)]
        if filters:
            passing = self._reading(lambda index: index.rowids(filters))
            named = self._reading(
                lambda index: index.rowids_of(
                    [(place.entry.name, place.part) for place, _ in found]
                )
            )
            found = [pair for pair, rowid in zip(found, named) if rowid in passing]
        if mark_read:
            self._mark_shown([place for place, _ in found])
        return [article for _, article in found]

    def _mark_shown(self, places: list[Place]) -> None:
        """Mark these articles read: they were shown."""
        self._use_state().mark_read(self._contents(places))

    def _contents(self, places: list[Place]) -> dict[int, str]:
        """The content keys of the articles at these places (with their file names)."""
        wanted = [(place.entry.name, place.part) for place in places]
        found = self._reading(lambda index: index.contents_of(wanted))
        return {found[place]: place[0] for place in wanted if place in found}

    def output_folder(self, folder: Path) -> Path:
        """Where ``folder`` (relative to the working folder) is, to write files into; raises
        UsageError when it is the news folder or inside it: the news folder is never written."""
        place = _absolute(folder, self.env)
        if place == self.folder or self.folder in place.parents:
            raise UsageError(f"{folder} is in the news folder, which news never writes to.")
        return place

    def ids_starting(self, prefix: str, most: int = 200) -> list[str]:
        """The ids (as shown) that begin with ``prefix``, at most ``most`` of them."""
        return [
            shown_id(found)
            for found in self._reading(lambda index: index.ids_starting(prefix, most))
        ]

    def sections(self) -> list[SectionCount]:
        """Every section with its articles, dates and unread articles (case variants are one
        section)."""
        self._use_state(create=False)
        return self._reading(Index.sections)

    def languages(self) -> list[str]:
        """The languages of the folder's articles (ISO 639-1), most articles first."""
        return self._reading(Index.languages)

    def warnings(self) -> dict[str, tuple[str, ...]]:
        """The parse warnings of every article that has any, by id."""
        return self._reading(Index.warnings)

    def raw(self, place: Place) -> str:
        """The article's original text, decoded: its file's, or its own part of a file of many."""
        return raw(place.entry, place.part)

    def explain(self, place: Place) -> list[LineRole]:
        """Every non-blank line of the article's text with the role the parser gives it in this
        folder, and why."""
        return explain(place.entry, self._reading(Index.shared), place.part)

    def _resolve_all(self, ids: list[str]) -> list[Place]:
        """Where the articles the ids name are, in order: ids given in full found in one read of
        the index (marking 1,000 at once), the others (numbers, prefixes, unknown or ambiguous
        ids) one by one, as :meth:`_resolve` finds them."""
        queries = [IdQuery(text) for text in dict.fromkeys(ids)]
        of_stem = {stem: query for query in queries for stem in query.stems}
        found: dict[IdQuery, set[tuple]] = {}
        for article_id, *row in self._reading(lambda index: index.files_for_ids(list(of_stem))):
            found.setdefault(of_stem[article_id], set()).add(tuple(row))
        return [
            self._place(*found[query])
            if len(found.get(query, ())) == 1 and query.file_name is None
            else self._resolve(query)
            for query in queries
        ]

    def _place(self, row: tuple) -> Place:
        """The place of an index row (name, part, size, mtime_ns, ctime_ns, inode)."""
        name, part, *stamp = row
        return Place(Entry(name, os.path.join(str(self.folder), name), *stamp), part)

    def _resolve(self, query: IdQuery) -> Place:
        """Where the one article an id names is; raises UnknownIdError naming the candidates or
        the closest ids."""
        found = sorted(self._reading(lambda index: index.files_for_id(query)))
        if len(found) == 1:
            return self._place(found[0])
        if found:
            from newsreader.parse import split_name

            names = list(dict.fromkeys(name for name, *_ in found))
            if len(names) == 1:  # a file of several, named
                raise UnknownIdError(
                    f"The file {shown_id(names[0])} holds {len(found)} articles: give one's id "
                    "(news list shows them)."
                )
            ids = [shown_id(split_name(name)[0]) for name in names]
            if len(set(ids)) < len(ids) or query.file_name is not None:  # ctrl.txt, ctrl.json
                listed = ", ".join(map(shown_id, names[:_CANDIDATES_SHOWN]))
                raise UnknownIdError(
                    f"The id {query.text!r} is ambiguous: files {listed} have it; name the file."
                )
            listed = ", ".join(ids[:_CANDIDATES_SHOWN])
            raise UnknownIdError(f"The id {query.text!r} is ambiguous: it matches {listed}.")
        import difflib

        close = difflib.get_close_matches(
            query.text, list(map(shown_id, self._reading(Index.ids))), n=_SUGGESTIONS, cutoff=0.5
        )
        if close:
            raise UnknownIdError(
                f"No article has the id {query.text!r}; did you mean {', '.join(close)}?"
            )
        raise UnknownIdError(f"No article has the id {query.text!r}; `news list` shows the ids.")

    def grep(
        self,
        pattern: str,
        *,
        fixed: bool = False,
        ignore_case: bool = False,
        smart_case: bool = False,
        word: bool = False,
        field: str = "all",
        context: int = 0,
        mode: str = "lines",
        filters: Filters = Filters(),
        narrow: bool = True,
        timeout: float = GREP_TIMEOUT,
    ) -> Iterator[ArticleHits]:
        """Articles ``pattern`` matches, in file-name order, as they are found (see
        :func:`~newsreader.search.matcher.compile_pattern` and
        :class:`~newsreader.search.matcher.GrepQuery` for the options); raises PatternError
        for an invalid pattern, GrepTimeout when it runs longer than ``timeout`` seconds on
        one article (0: no limit). The index narrows the candidates first (unless ``narrow``
        is False: then every article is scanned, for checking), and checks them itself when
        the pattern is a plain string and only matching files are wanted; the regex runs in
        child processes (see :mod:`matching`), a full scan of a large index on every core."""
        from newsreader.matching import matched
        from newsreader.search.matcher import compile_pattern, make_query

        regex = compile_pattern(
            pattern, fixed=fixed, ignore_case=ignore_case, smart_case=smart_case, word=word
        )
        located = mode in ("numbered", "vimgrep")
        query = make_query(regex, field, context, "lines" if located else mode)

        def read(index: Index) -> Iterator[ArticleHits]:
            rowids = self._candidates(index, query) if narrow else None
            if filters:
                allowed = index.rowids(filters)
                rowids = allowed if rowids is None else rowids & allowed
            literal = query.plain_literal if narrow else None
            if (
                literal is not None and rowids is not None
            ):  # -l for a plain string: SQLite checks the candidates
                return query.listed(index.holding(literal, query.field, rowids))
            return matched(self._sources(index, rowids), query, timeout)

        self._use_state(create=filters.marked)
        found = self._streaming(read)
        return map(located_in_file, found) if located else found

    def _sources(
        self, index: Index, rowids: set[int] | None
    ) -> list[Callable[[], Iterable[tuple[int, Text]]]]:
        """What each child process of a grep reads (see :mod:`matching`): stripes of the whole
        index on every core, or the candidates in file-name order, each on a connection of the
        child's own; from an index in memory, its texts read here first."""
        if index.in_memory:
            texts = list(enumerate(index.texts(rowids)))
            return [lambda: texts]
        if rowids is None and self.env.workers > 1:
            return [
                partial(_stripe, index.path, k, self.env.workers) for k in range(self.env.workers)
            ]
        return [partial(_chosen, index.path, rowids)]

    @staticmethod
    def _candidates(index: Index, query: GrepQuery) -> set[int] | None:
        """Rowids of the articles the index says may match; None when it cannot tell."""
        from newsreader.search.literals import required_literals
        from newsreader.search.prefilter import fts_query

        groups = required_literals(query.regex)
        if not groups:
            return None

        def fold(literal: str) -> str | None:  # ASCII folds by lower(): no need to ask the index
            return literal.lower() if literal.isascii() else index.letters().fold_literal(literal)

        found = fts_query(groups, fold, lambda run: index.terms_containing(run, _MAX_EXPANSION))
        return None if found is None else index.matching(found)

    def rank(
        self,
        query: str,
        limit: int = 20,
        filters: Filters = Filters(),
        by_date: bool = False,
        reverse: bool = False,
        collapse: bool = False,
    ) -> list[SearchHit]:
        """The best ``limit`` matches (0: all) of a user's query (see :mod:`search.query`) among
        those the filters pass, or the newest first (``by_date``); ``collapse``: only the first
        match of each group of wire copies, with how many matches it stands for. Raises
        UsageError for an empty query and QueryError for one that cannot be read."""
        from newsreader.search.query import parse_query

        fts = parse_query(query).fts
        self._use_state(create=filters.marked)

        def read(index: Index) -> list[SearchHit]:
            if not collapse:
                return index.rank(fts, limit, filters, by_date, reverse)
            # the best matches first, more of them until enough groups are seen: only the hits
            # shown get a snippet, but every match counts in its group
            window = max(_COLLAPSE_WINDOW * limit, 100) if limit else 0
            hits = index.rank(fts, window, filters, by_date, reverse)
            groups = self._groups(index, filters)
            counts = Counter(map(groups.get, index.ids_matching(fts, filters)))
            kept = _collapsed([hit.article.id for hit in hits], groups, counts, limit)
            while len(kept) < limit and len(hits) == window:
                window *= _COLLAPSE_WINDOW
                hits = index.rank(fts, window, filters, by_date, reverse)
                kept = _collapsed([hit.article.id for hit in hits], groups, counts, limit)
            return [replace(hits[at], copies=count) for at, count in kept]

        return self._reading(read)

    def copies(self, filters: Filters = Filters()) -> list[tuple[Article, ...]]:
        """The groups of wire copies among the articles the filters pass (near-duplicate bodies,
        see :mod:`search.copies`), largest first; each group's articles oldest first (undated
        last), then by id. Signs the articles that have no signature yet first."""

        def read(index: Index) -> list[tuple[Article, ...]]:
            grouped: dict[int, list[Article]] = {}
            for number, article in self._grouped(index, filters):
                grouped.setdefault(number, []).append(article)
            return [tuple(sorted(group, key=_oldest_first)) for group in grouped.values()]

        return self._reading(read)

    def _groups(
        self, index: Index, filters: Filters, named: Callable[[str], str] = str
    ) -> dict[str, int]:
        """The group number of every article with wire copies among those the filters pass, by
        its id as ``named`` writes it."""
        return {named(article.id): number for number, article in self._grouped(index, filters)}

    def _grouped(self, index: Index, filters: Filters) -> Iterator[tuple[int, Article]]:
        """(group number, record) of every article that has wire copies among those the
        filters pass, the largest group first."""
        from newsreader.search.copies import find_groups

        self._sign(index)
        groups = find_groups(index.signatures(filters))
        records = index.records(rowid for group in groups for rowid in group)
        for number, group in enumerate(groups):
            for rowid in group:
                yield number, records[rowid]

    def _sign(self, index: Index) -> None:
        """Sign the articles that have no signature yet (new or changed since the last time)."""
        from newsreader.search.copies import signature

        index.sign(signature, self.progress)


_END = object()


def _combined(base: Filters, given: Filters) -> Filters:
    """A saved search's filters with those given on the command line on top: a filter given
    replaces the saved one, tags add up (all must match)."""
    changes = {
        name: getattr(given, name)
        for name in ("section", "author", "since", "until", "read")
        if getattr(given, name) is not None
    }
    return replace(
        base,
        **changes,
        languages=given.languages or base.languages,
        starred=base.starred or given.starred,
        tags=tuple(sorted({*base.tags, *given.tags})),
        new=given.new,
    )


def _options(filters: SearchFilters) -> tuple[str, ...]:
    """A saved search's filters as the options that ask for them."""
    words: list[str] = []
    for name in ("section", "author", "since", "until", "language"):
        if getattr(filters, name) is not None:
            words += [f"--{name}", getattr(filters, name)]
    words += ["--unread"] * filters.unread + ["--starred"] * filters.starred
    for tag in filters.tags:
        words += ["--tag", tag]
    return tuple(words)


def _collapsed(
    ids: list[str], groups: dict[str, int], counts: Counter, most: int = 0
) -> list[tuple[int, int]]:
    """(position, articles it stands for) of each row a collapsed list keeps: the first of each
    group of copies (``groups`` names each id's; ``counts`` has each group's articles) and every
    row in none; at most ``most`` (0: all)."""
    kept: list[tuple[int, int]] = []
    seen: set[int] = set()
    for at, article_id in enumerate(ids):
        group = groups.get(article_id)
        if group is None:
            kept.append((at, 1))
        elif group not in seen:
            seen.add(group)
            kept.append((at, counts[group]))
        if len(kept) == most:
            break
    return kept


def _oldest_first(article: Article) -> tuple:
    return (article.published is None, article.published or "", article.id)


def _sort_key(name: SortKey | str) -> SortKey:
    try:
        return SortKey(name)
    except ValueError:
        orders = ", ".join(key.value for key in SortKey)
        raise UsageError(f"There is no sort order {name!r}; the orders are {orders}.") from None


def _fingerprint() -> str:
    """The parser's and the readers' code: records made by other code are stale."""
    from newsreader.inputs import fingerprint as readers
    from newsreader.parse import fingerprint

    return f"{fingerprint()}{readers()}"


def _absolute(folder: Path, env: Environment) -> Path:
    """The folder's absolute path, links resolved: records name their files by it, whatever the
    spelling of --dir (the index is one per resolved folder too)."""
    try:
        return (env.cwd / folder).resolve()
    except (OSError, RuntimeError) as error:
        raise SourceError(
            f"The news folder {folder} cannot be used: {getattr(error, 'strerror', None) or error}."
        ) from None


def _stripe(path: Path, stripe: int, stripes: int) -> Iterator[tuple[int, Text]]:
    return Index.reader(path).texts_in_stripe(stripe, stripes)


def _chosen(path: Path, rowids: set[int] | None) -> Iterator[tuple[int, Text]]:
    return enumerate(Index.reader(path).texts(rowids))
