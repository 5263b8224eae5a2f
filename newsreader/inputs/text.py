"""Raw text dumps: a file's bytes, read up to a cap, and its original text decoded."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from typing import BinaryIO, NamedTuple

from newsreader.model import ArticleHits, Entry, utf8_length

#: Bytes read from one file at most; the rest is left out with a warning.
READ_CAP = 8 * 1024 * 1024
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer


UNREADABLE = "could not read the file"  # how a read's warning opens when nothing was read


class Read(NamedTuple):
    """A file's bytes (at most READ_CAP), warnings about the read, and whether it could be read
    at all (a file that could not is not to be remembered as read: it is tried again)."""

    data: bytes
    warnings: list[str]
    readable: bool = True


def open_entry(entry: Entry) -> BinaryIO | Read:
    """The file, open for reading, or the unreadable :class:`Read` saying why it is not. It is
    opened non-blocking and must still be a regular file once open (it may have been swapped
    for a FIFO or a folder since the scan), so opening never blocks."""
    try:
        fd = os.open(entry.path, os.O_RDONLY | _NONBLOCK)
    except OSError as error:
        return Read(b"", [f"{UNREADABLE}: {error.strerror or error}"], False)
    handle = os.fdopen(fd, "rb")
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError as error:
        handle.close()
        return Read(b"", [f"{UNREADABLE}: {error.strerror or error}"], False)
    if not regular:
        handle.close()
        return Read(b"", [f"{UNREADABLE}: it is no longer a regular file"], False)
    return handle


def read_entry(entry: Entry) -> Read:
    """Read the file up to READ_CAP, without ever blocking (see :func:`open_entry`)."""
    opened = open_entry(entry)
    if isinstance(opened, Read):
        return opened
    with opened as handle:
        try:
            data = handle.read(READ_CAP + 1)
        except OSError as error:
            return Read(b"", [f"{UNREADABLE}: {error.strerror or error}"], False)
    if len(data) > READ_CAP:
        return Read(
            data[:READ_CAP],
            [f"file larger than {READ_CAP // (1024 * 1024)} MB; only the start was read"],
        )
    return Read(data, [])


def raw_text(entry: Entry) -> str:
    """The file's original text, decoded (the raw text is never lost)."""
    from newsreader.parse.decode import decode_bytes

    return decode_bytes(read_entry(entry).data)[0]


def file_text(entry: Entry) -> str:
    """The whole file's text decoded, inflated first when its name ends in ``.gz`` (as editors
    and pagers open it), up to READ_CAP."""
    if not entry.path.lower().endswith(".gz"):
        return raw_text(entry)
    from newsreader.inputs.documents import opened_content
    from newsreader.parse.decode import decode_bytes

    opened = open_entry(entry)
    if isinstance(opened, Read):
        return ""
    with opened:
        stream, _ = opened_content(entry.path, opened)
        return decode_bytes(stream.read(READ_CAP))[0]


def located_in_file(found: ArticleHits) -> ArticleHits:
    """``found`` with each paragraph's line in the file and the column it starts at, in UTF-8
    bytes as Vim's quickfix list and ripgrep count it, for editors (``grep -n``,
    ``--vimgrep``; a gzipped file's lines once inflated). Paragraphs are
    looked for in the decoded lines in order, the title from the top; one not found (the parser
    joined or trimmed it, or a markup tag splits it) keeps 0."""
    lines = file_text(Entry("", found.article.path, 0, 0)).split("\n")
    located, cursor = [], 0
    for hit in found.hits:
        start = 0 if hit.paragraph == 0 else cursor
        number = next((k for k in range(start, len(lines)) if hit.text in lines[k]), None)
        if number is None:
            located.append(hit)
            continue
        if hit.paragraph:
            cursor = number + 1
        column = utf8_length(lines[number][: lines[number].index(hit.text)]) + 1
        located.append(replace(hit, line=number + 1, column=column))
    return replace(found, hits=tuple(located))
