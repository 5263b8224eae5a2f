"""The news folder's article files: one listing and one ``stat`` per file.

Regular files directly inside the folder are articles (a symlink counts
only when it points at a file inside the folder), or in its subfolders too
with ``recursive``, but for those that are clearly not articles: hidden
files, files whose name says they are something else (images, archives,
spreadsheets, CSV manifests, XML that is no feed) and binary files; they are
passed over and counted, and ``include``/``exclude`` globs override. Files of
the formats ``inputs`` reads (saved pages, scraper JSON, web archives, feeds,
gzipped text) are articles too, by their name (an ``.xml`` by its first bytes). At
100,000 files the ``stat`` calls are most of a re-scan, so on Linux a large
folder is stat-ed by two processes at once, the second half by a forked
child that sends back only numbers (never from a process running threads).
"""

from __future__ import annotations

import errno
import gc
import os
import stat
import sys
import threading
from array import array
from fnmatch import fnmatch
from functools import partial
from itertools import compress
from operator import methodcaller
from pathlib import Path
from typing import NamedTuple

from newsreader.errors import SourceError
from newsreader.inputs.documents import is_readable, reads_as_documents
from newsreader.model import Entry, ScanOptions

#: Folders with at least this many names are stat-ed by two processes (where fork is safe).
TWO_PROCESSES_FROM = 20_000 if sys.platform == "linux" else sys.maxsize


_new_entry = partial(tuple.__new__, Entry)  # Entry(*fields) without a Python-level call
_ENDS_TXT = methodcaller("endswith", ".txt")  # the usual name: checked in C before anything else
_HIDDEN = methodcaller("startswith", ".")
_FACTS = 5  # numbers a stat gives each path: mode, size, mtime_ns, ctime_ns, inode
_NO_FACTS = (0,) * _FACTS
_INODE_BITS = (
    2**63 - 1
)  # an inode is unsigned 64-bit; a signed 64-bit number holds all but its top bit


def check_folder(folder: Path) -> None:
    """Raise SourceError unless ``folder`` is an existing folder this process may list and enter."""
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise SourceError(f"The news folder {folder} does not exist.") from None
    except OSError as error:  # a name too long, a folder above it that cannot be entered
        raise SourceError(
            f"The news folder {folder} cannot be used: {error.strerror or error}."
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise SourceError(f"The news path {folder} is not a folder.")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise SourceError(f"The news folder {folder} cannot be read: permission denied.")


class Scan(NamedTuple):
    """What a scan found: the article files, sorted by name (a path relative to the folder,
    with ``recursive``); the names it skipped with the reason a user should hear (a link that
    loops); how many files it passed over as not articles, by kind ("hidden", "binary", or the
    suffix that says what they are); and, when it read only the folder itself, how many
    subfolders it saw."""

    entries: list[Entry]
    skipped: list[tuple[str, str]]
    passed_over: dict[str, int]
    subfolders: int = 0


#: Name endings that say a file is something other than an article (JSON or XML whose first
#: bytes name no article record or feed: a manifest, settings; the others are read).
NOT_ARTICLES = frozenset(
    ".json .jsonl .csv .tsv .xml .yaml .yml .toml .ini .pdf .png .jpg .jpeg .gif .webp .svg .ico .bmp "
    ".tif .tiff .mp3 .mp4 .m4a .mov .avi .wav .ogg .webm .zip .gz .tgz .bz2 .xz .zst .7z .tar .rar .exe "
    ".dll .so .bin .db .sqlite .sqlite3 .pyc .doc .docx .xls .xlsx .ppt .pptx .odt .ods .css .js .log".split()
)
_SNIFFED = 4096  # bytes read of a file to tell binary from text, or a feed from other XML


def scan(folder: Path, options: ScanOptions = ScanOptions()) -> Scan:
    """The article files of ``folder``, read as the ``options`` say (see :class:`ScanOptions`;
    globs as gitignore reads them: see :func:`_matches`). Raises SourceError if the
    folder is unusable.

    The garbage collector is paused meanwhile: the scan makes hundreds of thousands of strings
    and tuples, none of which can form a cycle, and the collections their number would set off
    cost a re-scan of 100,000 files tens of milliseconds for nothing.
    """
    check_folder(folder)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _scan(folder, options.recursive, options.include, options.exclude)
    finally:
        if collecting:
            gc.enable()


def _scan(
    folder: Path, recursive: bool, include: tuple[str, ...], exclude: tuple[str, ...]
) -> Scan:
    prefix = os.path.join(str(folder), "")
    names = _names(folder, recursive)
    passed_over: dict[str, int] = {}
    if include or exclude or not all(map(_ENDS_TXT, names)) or any(map(_HIDDEN, names)):
        names = [name for name in names if _is_article(name, prefix, include, exclude, passed_over)]
    paths = list(map(prefix.__add__, names))
    facts = _stat_all(paths)
    columns = [facts[k::_FACTS] for k in range(_FACTS)]
    modes = columns[0]
    rows = zip(names, paths, *columns[1:])
    entries = list(map(_new_entry, compress(rows, map(stat.S_ISREG, modes))))
    skipped: list[tuple[str, str]] = []
    subfolders = 0
    if not entries and not recursive:  # only then is a hint to read the subfolders any use
        subfolders = sum(
            stat.S_ISDIR(mode) for name, mode in zip(names, modes) if not name.startswith(".")
        )
    if len(entries) == len(names):
        return Scan(entries, skipped, passed_over, subfolders)
    links = [(name, path) for name, path, mode in zip(names, paths, modes) if stat.S_ISLNK(mode)]
    if links:  # rare: each is resolved, and kept when it points at a file inside the folder
        root = folder.resolve()
        for name, path in links:
            try:
                entry = _linked_entry(name, path, root)
            except RuntimeError:  # Path.resolve's word for a link that loops (before Python 3.13)
                skipped.append((name, "a symbolic link that loops"))
                continue
            if entry:
                entries.append(entry)
        entries.sort()
    return Scan(entries, skipped, passed_over, subfolders)


def _names(folder: Path, recursive: bool) -> list[str]:
    """The folder's entry names, sorted (with ``recursive``, every file's path below it, hidden
    folders and links to folders not entered)."""
    try:
        if not recursive:
            return sorted(os.listdir(folder))
        found = []
        for top, folders, files in os.walk(folder, onerror=_refuse):
            folders[:] = [name for name in folders if not name.startswith(".")]
            relative = os.path.relpath(top, folder)
            found.extend(files if relative == "." else (f"{relative}/{name}" for name in files))
        return sorted(found)
    except OSError as error:
        raise SourceError(f"The news folder {folder} cannot be read: {error.strerror}.") from None


def _refuse(error: OSError) -> None:
    raise error


def _is_article(
    name: str,
    prefix: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    passed_over: dict[str, int],
) -> bool:
    """Whether ``name`` is read as an article, counting in ``passed_over`` why not."""
    if any(_matches(name, glob) for glob in exclude):
        return False  # the user's own word: nothing to tell them
    if any(_matches(name, glob) for glob in include):
        return True
    elif name.rpartition("/")[2].startswith("."):
        kind = "hidden"
    else:
        suffix = os.path.splitext(name)[1].lower()
        if reads_as_documents(name) and is_readable(name, partial(_head, prefix + name)):
            return True
        if suffix in NOT_ARTICLES:
            kind = suffix
        elif suffix in ("", ".txt", ".text") or not _binary(prefix + name):
            return True
        else:
            kind = "binary"
    passed_over[kind] = passed_over.get(kind, 0) + 1
    return False


def _matches(name: str, glob: str) -> bool:
    """Whether ``glob`` names the file at ``name`` (its path below the folder), as gitignore
    reads it: a glob with a slash matches that path, one without the file's name or the name of
    any folder on the way to it (``drafts``, ``x.txt``, ``*.bak``)."""
    if "/" in glob:
        return fnmatch(name, glob)
    return any(fnmatch(part, glob) for part in name.split("/"))


def _binary(path: str) -> bool:
    """Whether a regular file's first bytes hold a NUL, as text never does (anything else, or
    a file that cannot be read, is left to the checks that follow)."""
    return b"\0" in _head(path)


def _head(path: str) -> bytes:
    """A regular file's first bytes (none when it cannot be read or is no regular file).
    Opened without blocking: a FIFO must not wait for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""
    try:
        return os.read(fd, _SNIFFED) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


def _stat_all(paths: list[str]) -> array:
    """(mode, size, mtime_ns, ctime_ns, inode) of each path, flat, without following symlinks;
    mode 0 when the path cannot be stat-ed. Large folders are split with a forked child."""
    if (
        len(paths) < TWO_PROCESSES_FROM or threading.active_count() > 1
    ):  # forking a threaded process is unsafe
        return _stats(paths)
    half = len(paths) // 2
    try:
        reader, writer = os.pipe()
        child = os.fork()
    except OSError:
        return _stats(paths)
    if child == 0:  # the child: stat the second half, write the numbers, leave without cleanup
        try:
            os.close(reader)
            _write_all(writer, _stats(paths[half:]).tobytes())
        finally:
            os._exit(0)
    os.close(writer)
    facts = _stats(paths[:half])
    with os.fdopen(reader, "rb") as pipe:
        theirs = pipe.read()
    os.waitpid(child, 0)
    if (
        len(theirs) != _FACTS * (len(paths) - half) * facts.itemsize
    ):  # the child failed: do its share here
        return facts + _stats(paths[half:])
    facts.frombytes(theirs)
    return facts


def _stats(paths: list[str]) -> array:
    """(mode, size, mtime_ns, ctime_ns, inode) of each path, flat (see :func:`_stat_all`), in
    this process."""
    facts = array("q")
    add = facts.extend
    for path in paths:
        try:
            info = os.stat(path, follow_symlinks=False)
        except OSError:
            add(_NO_FACTS)
            continue
        add(
            (
                info.st_mode,
                info.st_size,
                info.st_mtime_ns,
                info.st_ctime_ns,
                info.st_ino & _INODE_BITS,
            )
        )
    return facts


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd`` (a pipe takes it in pieces)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _linked_entry(name: str, path: str, root: Path) -> Entry | None:
    """An Entry for a symlink that points at a regular file inside the folder (in a subfolder
    too: the link is how the user put it among the articles), else None."""
    try:
        target = Path(path).resolve()
        if root not in target.parents or not target.is_file():
            return None
        info = target.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise RuntimeError("a symbolic link that loops") from None
        return None
    return Entry(
        name, path, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino & _INODE_BITS
    )


def restat(entry: Entry) -> Entry | None:
    """The entry as its file is now (None if it is gone)."""
    try:
        info = os.stat(entry.path)
    except OSError:
        return None
    return entry._replace(
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        ctime_ns=info.st_ctime_ns,
        inode=info.st_ino & _INODE_BITS,
    )
