"""The news folder's article files: one listing and one ``stat`` per file.

Only regular files directly inside the folder are articles (a symlink
counts only when it points at a file inside the folder). At 100,000 files
the ``stat`` calls are most of a re-scan, so on Linux a large folder is
stat-ed by two processes at once, the second half by a forked child that
sends back only numbers (never from a process running threads).
"""

from __future__ import annotations

import errno
import gc
import os
import stat
import sys
import threading
from array import array
from functools import partial
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from newsreader.errors import SourceError
from newsreader.model import Entry

#: Folders with at least this many names are stat-ed by two processes (where fork is safe).
TWO_PROCESSES_FROM = 20_000 if sys.platform == "linux" else sys.maxsize


_new_entry = partial(tuple.__new__, Entry)  # Entry(*fields) without a Python-level call
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
    """What a scan found: the article files, sorted by name, and the names it passed over with
    the reason (only those a user would want to hear of, such as a link that loops)."""

    entries: list[Entry]
    skipped: list[tuple[str, str]]


def scan(folder: Path) -> Scan:
    """The article files of ``folder``; raises SourceError if it is unusable.

    The garbage collector is paused meanwhile: the scan makes hundreds of thousands of strings
    and tuples, none of which can form a cycle, and the collections their number would set off
    cost a re-scan of 100,000 files about 30 ms for nothing.
    """
    check_folder(folder)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _scan(folder)
    finally:
        if collecting:
            gc.enable()


def _scan(folder: Path) -> Scan:
    prefix = os.path.join(str(folder), "")
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        raise SourceError(f"The news folder {folder} cannot be read: {error.strerror}.") from None
    paths = list(map(prefix.__add__, names))
    facts = _stat_all(paths)
    columns = [facts[k::_FACTS] for k in range(_FACTS)]
    modes = columns[0]
    rows = zip(names, paths, *columns[1:])
    entries = list(map(_new_entry, compress(rows, map(stat.S_ISREG, modes))))
    skipped: list[tuple[str, str]] = []
    if len(entries) == len(names):
        return Scan(entries, skipped)
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
    return Scan(entries, skipped)


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
    """An Entry for a symlink that points at a regular file inside the folder, else None."""
    try:
        target = Path(path).resolve()
        if target.parent != root or not target.is_file():
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
