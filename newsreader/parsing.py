"""The parser as the index's sync uses it: files read, keyed and parsed on worker processes.

:class:`FolderParsing` is the :class:`~newsreader.index.Parsing` the library
hands to a sync: each file's furniture keys for the first pass, each file's
records (parsed knowing what the folder shares) for the second, both in
order and spread over the cores. A text dump goes straight to the text
parser; any other file goes through its reader (``inputs.documents``) and
the evidence path, one record a document. A saved page is read (rendered)
once: the first pass keeps its document for the second, up to a budget. JSON
lines and web archives are streamed: their records are read here, one
document at a time, so a huge one never sits in memory. The parser and the
readers are imported inside the functions, so a command served by the index
never loads them.
"""

from __future__ import annotations

from typing import BinaryIO, Callable, Iterable, Iterator, Mapping, NamedTuple

from newsreader import workers
from newsreader.inputs.documents import Document, format_of, reads_as_documents
from newsreader.inputs.text import Read, open_entry, raw_text, read_entry
from newsreader.model import Article, Entry, LineRole
from newsreader.state.values import content_key, unread_key

#: Formats whose files are read as a stream of records, in this process (see the module note).
STREAMED = ("jsonl", "warc")
#: Characters of documents the first pass of a sync keeps for the second; files past it are
#: read again there.
KEPT_CHARACTERS = 32 * 1024 * 1024


class Kept(NamedTuple):
    """What the first pass read of a file of one document, so the second need not read it
    again: the document, its file's content key, and whether the file could be read."""

    document: Document
    content: int
    readable: bool

    def size(self) -> int:
        return len(self.document.text) + len(self.document.article_body or "")


def load(
    entry: Entry, shared: frozenset[int] = frozenset(), keys: bytes | None = None, part: int = 0
) -> Article:
    """Read and parse one file, with the furniture keys its folder ``shared`` and, if taken
    already, its own ``keys``: its record, or the ``part``-th (from 0) of a file of many."""
    articles, _ = _loaded(entry, shared, keys)
    if articles is None:
        articles = _streamed(entry, shared)[0]
    return next(
        (article for number, (article, _) in enumerate(articles) if number == part),
        _no_such_part(entry),
    )


def _no_such_part(entry: Entry) -> Article:
    from newsreader.parse import split_name

    return Article(
        split_name(entry.name)[0], entry.path, "", warnings=("the file no longer holds it",)
    )


def _loaded(
    entry: Entry, shared: frozenset[int], keys: bytes | None, kept: Kept | None = None
) -> tuple[tuple[tuple[Article, int], ...] | None, bool]:
    """:func:`load`'s records, each with its content key (the reader's marks hang on it: see
    ``state.content_key``), and whether the file could be read; None for the records of a file
    streamed in the calling process (:data:`STREAMED`). A text dump is keyed by its bytes, a
    document of another format by what names it (:func:`_one_key`). ``kept``: the file's
    document as the first pass read it, if it kept it."""
    if reads_as_documents(entry.name) and format_of(entry.name) in STREAMED:
        return None, True
    if kept is not None:
        from newsreader.inputs.articles import articles_of

        article, _ = next(articles_of(entry, iter((kept.document,)), shared, keys))
        return ((article, kept.content),), kept.readable
    read = read_entry(entry)
    if not reads_as_documents(entry.name):
        from newsreader.parse import parse_article

        article = parse_article(
            read.data, entry.name, entry.path, tuple(read.warnings), shared, keys
        )
        return ((article, _key(entry, read)),), read.readable
    from newsreader.inputs.articles import articles_of
    from newsreader.inputs.documents import read_documents

    found = tuple(
        articles_of(entry, read_documents(entry.name, read.data, read.warnings), shared, keys)
    )
    if len(found) == 1:
        return ((found[0][0], _one_key(entry, read, found[0][1])),), read.readable
    return tuple(_keyed(found)), read.readable


def _key(entry: Entry, read: Read) -> int:
    """The content key of a text dump (or a saved page, or a gzipped dump): of its bytes, or
    its own when it could not be read (see ``state.values.unread_key``)."""
    return content_key(read.data) if read.readable else unread_key(entry.name)


def _one_key(entry: Entry, read: Read, identity: str) -> int:
    """The content key of the one document of a file that is no plain text dump: a saved
    page's, a gzipped dump's or an unreadable file's as a text dump's (:func:`_key`: pages
    rendering to the same text, or to none, are not one article); a record's, a feed's or an
    archive's of ``identity``, what names the document (``inputs.articles.identity``), as
    each of a file of many is keyed, so it keeps its marks when its file gains a second."""
    if format_of(entry.name) in ("text", "html") or not read.readable:
        return _key(entry, read)
    return content_key(identity.encode("utf-8", "surrogatepass"))


def _keyed(articles: Iterable[tuple[Article, str]]) -> Iterator[tuple[Article, int]]:
    """Each record with the content key of what names its document."""
    for article, identity in articles:
        yield article, content_key(identity.encode("utf-8", "surrogatepass"))


def _streamed(entry: Entry, shared: frozenset[int]) -> tuple[Iterable[tuple[Article, int]], bool]:
    """The records of a streamed file, read as they are asked for, and whether it could be
    opened (when not, one record saying why)."""
    opened = open_entry(entry)
    if isinstance(opened, Read):
        from newsreader.parse import parse_article

        article = parse_article(b"", entry.name, entry.path, tuple(opened.warnings))
        return ((article, unread_key(entry.name)),), False
    return _read_stream(entry, opened, shared), True


def _read_stream(
    entry: Entry, handle: BinaryIO, shared: frozenset[int]
) -> Iterator[tuple[Article, int]]:
    from newsreader.inputs.articles import articles_of
    from newsreader.inputs.documents import read_documents

    with handle:
        yield from _keyed(articles_of(entry, read_documents(entry.name, handle), shared, None))


def explain(entry: Entry, shared: frozenset[int], part: int = 0) -> list[LineRole]:
    """Every non-blank line of the file (of its ``part``-th document) with the role the parser
    gives it and why."""
    if not reads_as_documents(entry.name):
        from newsreader.parse import explain_lines

        return explain_lines(read_entry(entry).data, shared)
    from newsreader.inputs.evidence import explain_document

    document = document_of(entry, part)
    return explain_document(document, shared) if document else []


def raw(entry: Entry, part: int = 0) -> str:
    """The original text of a text dump, decoded; of any other file's ``part``-th document, the
    text the parser read (a saved page as a browser shows it, a record's stated text)."""
    if not reads_as_documents(entry.name):
        return raw_text(entry)
    document = document_of(entry, part)
    return document.text if document else ""


def document_of(entry: Entry, part: int) -> Document | None:
    """The ``part``-th document (from 0) of a file that is not a text dump, or None."""
    from newsreader.inputs.documents import read_documents

    opened = open_entry(entry)
    if isinstance(opened, Read):
        return None
    with opened:
        return next(
            (
                document
                for number, document in enumerate(read_documents(entry.name, opened))
                if number == part
            ),
            None,
        )


def keys_of(entry: Entry) -> tuple[bytes, Kept | None]:
    """The file's furniture keys, packed (see ``parse.furniture``): those of a text dump, or of
    the text of a saved page; none for a file of many documents, or of one that states its
    body. With them, what was read of a page (or a gzipped text dump) for the second pass."""
    from newsreader.parse.furniture import file_keys

    if not reads_as_documents(entry.name):
        return file_keys(read_entry(entry).data), None
    if format_of(entry.name) not in ("html", "text"):
        return b"", None
    from newsreader.inputs.documents import read_documents

    read = read_entry(entry)
    documents = list(read_documents(entry.name, read.data, read.warnings))
    if len(documents) != 1:
        return b"", None
    kept = Kept(documents[0], _key(entry, read), read.readable)  # keyed by its bytes
    if kept.document.body is not None:
        return b"", kept
    return file_keys(kept.document.text.encode("utf-8", "surrogatepass")), kept


def _load_keyed(
    item: tuple[Entry, bytes | None, Kept | None], shared: frozenset[int]
) -> tuple[tuple[tuple[Article, int], ...] | None, bool]:
    """:func:`_loaded` of an (entry, its counted keys, what the first pass kept of it) triple,
    as :meth:`FolderParsing.parse` hands them out."""
    return _loaded(item[0], shared, item[1], item[2])


class FolderParsing:
    """Keys and records of a folder's files on ``processes`` worker processes (see :mod:`workers`).
    The documents read for the keys are kept, up to :data:`KEPT_CHARACTERS`, for the records."""

    def __init__(self, processes: int = 1):
        from newsreader.parse.furniture import SHARED_FROM, unpack

        self.processes = processes
        self.shared_from: Mapping[int, int] = SHARED_FROM
        self.unpack: Callable[[bytes], set[int]] = unpack  # the distinct keys of a packing
        self._kept: dict[Entry, Kept] = {}

    def keys(self, entries: list[Entry]) -> Iterator[bytes]:
        self._kept = {}
        room = KEPT_CHARACTERS
        for entry, (keys, kept) in zip(entries, workers.in_order(keys_of, entries, self.processes)):
            if kept is not None and kept.size() <= room:
                room -= kept.size()
                self._kept[entry] = kept
            yield keys

    def _with_kept(self, entries: list[Entry], keys: list[bytes | None]) -> list[tuple]:
        """Each entry with its counted keys and what the first pass kept of it (handed on once)."""
        return [(entry, own, self._kept.pop(entry, None)) for entry, own in zip(entries, keys)]

    def parse(
        self,
        entries: list[Entry],
        shared: frozenset[int],
        keys_for: Callable[[list[Entry]], list[bytes | None]],
    ) -> Iterator[tuple[Iterable[tuple[Article, int]], bool]]:
        parsed = workers.in_order(
            _load_keyed,
            entries,
            self.processes,
            shared,
            prepare=lambda part: self._with_kept(part, keys_for(part)),
        )
        for entry, (articles, readable) in zip(entries, parsed):
            yield (articles, readable) if articles is not None else _streamed(entry, shared)
