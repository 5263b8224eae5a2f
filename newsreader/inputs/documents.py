"""What a reader makes of a file: :class:`Document` records, and :func:`read_documents`, which
picks the reader by the file's name and content.

A file is one document (a text dump, a saved page, one JSON record) or a container of many
(JSON lines, a web archive, a feed); each document carries the text the parser reads and what
the format itself states about the article (its markup's metadata, a scraper's fields). The
readers of HTML, JSON, WARC and feeds are imported only when a file of their kind is met, so a
folder of text dumps never loads them. Nothing here raises on bad input: a malformed or cut
container yields every good record and one warning. Containers are read as a stream, one
record at a time, from bytes or from an open file; a single document is read up to a cap.
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass, field, replace
from hashlib import blake2b
from typing import BinaryIO, Callable, Iterable, Iterator

#: The formats :func:`read_documents` reads besides plain text, by the name's ending (a
#: ``.gz`` taken off first: any of them may be gzipped, and so may a text dump).
FORMATS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",  # only when it is a feed: any other XML is read as text
}
#: Bytes of one document read at most (after inflating); the rest is left out with a warning.
DOCUMENT_CAP = 8 * 1024 * 1024
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")
_SNIFF = 4096  # bytes an .xml file's root element is looked for in


@dataclass(frozen=True)
class Document:
    """One article as a reader found it in a file, before the parser.

    ``key`` is ``""`` when the file holds one article, else the item's key in its container,
    unique in the file and stable while the item is kept: its own id or URL when it states one,
    else ``#N``, its position from 1 (a repeated key gets ``#N`` appended).
    ``text`` is what the text parser reads (for HTML, the page as a browser's innerText shows
    it). The other fields are what the format states, ``None`` or empty when it does not:
    ``title``, ``authors``, ``published`` (``YYYY-MM-DD``), ``section``, ``url``, ``site``,
    ``language`` (ISO 639-1), ``credits`` (the pictures' credits a record states: this
    project's export); ``summary_only`` marks a feed item that carries only a summary;
    ``body`` holds the paragraphs when the source states the body itself (scraper JSON, this
    project's export); ``headings`` the page's ``<h1>`` texts, ``outline`` the texts of the
    ``<h2>``-``<h6>`` and list items inside the article's element; ``not_body`` the numbers of the
    lines of ``text`` (from 1, as the parser counts them) that markup marks as surely not the
    article's own text (navigation, asides, footers, figures, comment and share boxes);
    ``article`` those inside the element markup says holds the article (``itemprop=
    articleBody``, the ``<article>`` of its ``<h1>``), ``None`` when it names none;
    ``article_body`` the article's text as the page's metadata states it (JSON-LD
    ``articleBody``, which sites often cut short or leave out); ``warnings`` what went wrong
    reading it.
    """

    key: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    section: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    credits: tuple[str, ...] = ()
    summary_only: bool = False
    body: tuple[str, ...] | None = None
    headings: tuple[str, ...] = ()
    outline: frozenset[str] = field(default_factory=frozenset)
    not_body: frozenset[int] = field(default_factory=frozenset)
    article: frozenset[int] | None = None
    article_body: str | None = None
    warnings: tuple[str, ...] = ()


def format_of(name: str) -> str:
    """The format ``name`` says its file is in: ``html``, ``json``, ``jsonl``, ``warc``,
    ``feed`` (for ``.xml``: maybe a feed, its content decides) or ``text``."""
    lowered = name.lower().removesuffix(".gz")
    dot = lowered.rfind(".")
    return FORMATS.get(lowered[dot:], "text") if dot >= 0 else "text"


def reads_as_documents(name: str) -> bool:
    """Whether ``name`` is a file :func:`read_documents` reads as something other than a plain
    text dump: a format of :data:`FORMATS`, or anything gzipped. The folder scan keeps these
    beside its text dumps and reads them through :func:`read_documents`."""
    return name.lower().endswith(".gz") or format_of(name) != "text"


#: Name endings (a ``.gz`` taken off) of a text dump that may come gzipped.
_TEXT_ENDINGS = frozenset({"", ".txt", ".text"})


def is_readable(name: str, head: Callable[[], bytes]) -> bool:
    """Whether the folder scan reads ``name``, a file whose name says it is no plain text dump
    (:func:`reads_as_documents`): a format of :data:`FORMATS` or a gzipped text dump; but an
    ``.xml`` only when ``head()`` (its first bytes as stored) starts a feed, and JSON only when
    they name an article's fields (a scraper's manifest or a settings file is no article)."""
    lowered = name.lower().rpartition("/")[2]
    inner = lowered.removesuffix(".gz")
    suffix = inner[inner.rfind(".") :] if "." in inner else ""
    if suffix not in FORMATS:
        return inner != lowered and suffix in _TEXT_ENDINGS
    sniff = _SNIFFS.get(FORMATS[suffix] if suffix != ".xml" else "xml")
    if sniff is None:
        return True
    data = head()
    if inner != lowered and data[:2] == b"\x1f\x8b":
        try:
            data = zlib.decompressobj(wbits=31).decompress(data, _SNIFF)
        except zlib.error:
            return False
    return sniff(data)


def _names_fields(data: bytes) -> bool:
    """Whether JSON data names a field of an article record near its start."""
    return _RECORD_FIELDS.search(data[:_SNIFF]) is not None


#: Keys of the fields the scrapers and this project's export give an article (any one will do).
_RECORD_FIELDS = re.compile(rb'"(?:title|maintext|text|headline|paragraphs|authors?)"\s*:')


def read_documents(
    name: str, source: bytes | BinaryIO, read: Iterable[str] = ()
) -> Iterator[Document]:
    """The documents of one file, told apart by ``name`` and its content; ``source`` is the
    file's bytes or an open binary file (read as a stream), ``read`` what reading the bytes
    had to say (a file past the cap). Never raises on bad data: a file of none of the formats,
    or an ``.xml`` that is no feed, is one text document. What went wrong with the file as a
    whole (a cut gzip stream, bad records skipped) is one warning on its last document; a
    container with no good record yields one empty document saying so."""
    stream, damage = opened_content(name, source)
    kind = format_of(name)
    problems: list[str] = []  # what the container's reader could not read, said at the end
    if kind in ("jsonl", "warc"):
        # a cut or damaged gzip stream is the cause of whatever its reader then found amiss
        yield from with_trailing(_streamed(kind, stream, problems), lambda: damage() or problems)
        return
    data = stream.read(DOCUMENT_CAP + 1)
    notes = [*read, *damage()]
    if len(data) > DOCUMENT_CAP:
        data = data[:DOCUMENT_CAP]
        notes.append(
            f"file larger than {DOCUMENT_CAP // (1024 * 1024)} MB; only the start was read"
        )
    if kind == "feed" and not _is_feed(data):
        kind = "text"
    if kind == "html":
        from newsreader.inputs.html import html_document

        yield html_document(data, warnings=tuple(notes))
    elif kind == "json":
        from newsreader.inputs.records import json_documents

        yield from with_trailing(json_documents(data, problems), lambda: notes + problems)
    elif kind == "feed":
        from newsreader.inputs.feeds import feed_documents

        yield from with_trailing(feed_documents(data, problems), lambda: notes + problems)
    else:
        yield text_document(data, notes)


def text_document(data: bytes, warnings: Iterable[str] = ()) -> Document:
    """A text dump as a document: its decoded text, nothing else stated."""
    from newsreader.parse.decode import decode_bytes

    text, found = decode_bytes(data)
    return Document("", text, warnings=(*warnings, *found))


def _streamed(kind: str, stream: BinaryIO, problems: list[str]) -> Iterator[Document]:
    if kind == "jsonl":
        from newsreader.inputs.records import jsonl_documents

        return jsonl_documents(stream, problems)
    from newsreader.inputs.warc import warc_documents

    return warc_documents(stream, problems)


def with_trailing(
    documents: Iterable[Document], notes: Callable[[], list[str]]
) -> Iterator[Document]:
    """A container's documents, one held back so that the last one can carry ``notes()`` (what
    went wrong with the file as a whole, known only at its end); when there is none, one empty
    document carries them (an empty container says why, as an empty file does). Keys are made
    unique in the file: a key seen before gets ``#N`` (the position from 1) appended, and an
    item without one is ``#N``; only 8-byte digests of the keys are remembered."""
    held: Document | None = None
    seen: set[bytes] = set()
    for position, document in enumerate(documents, start=1):
        if held is not None:
            yield held
        held = _keyed(document, position, seen)
    found = notes()
    if held is None:
        if found:
            yield Document("", "", warnings=tuple(found))
        return
    yield replace(held, warnings=(*held.warnings, *found)) if found else held


def _keyed(document: Document, position: int, seen: set[bytes]) -> Document:
    key = document.key or f"#{position}"
    digest = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    if digest in seen:
        key = f"{key}#{position}"
        digest = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    seen.add(digest)
    return document if key == document.key else replace(document, key=key)


def opened_content(name: str, source: bytes | BinaryIO) -> tuple[BinaryIO, Callable[[], list[str]]]:
    """A buffered stream of the file's content (inflated when its name ends in ``.gz``), and a
    function saying, once it has been read, what went wrong reading it."""
    raw: BinaryIO = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
    if not name.lower().endswith(".gz"):
        return raw, list
    head = raw.read(2)
    if head != b"\x1f\x8b":
        return io.BufferedReader(_Prefixed(head, raw)), lambda: [
            "named .gz but not gzipped; read as it is"
        ]
    inflating = _SafeGzip(_Prefixed(head, raw))
    return io.BufferedReader(inflating), lambda: list(inflating.damage)


def _is_feed(data: bytes) -> bool:
    """Whether XML data is an RSS, RDF or Atom feed: its root element, near the start."""
    head = data[:_SNIFF].lower()
    return any(root in head for root in _FEED_ROOTS)


#: What the scan checks a file's first bytes for before reading it, by format (see is_readable).
_SNIFFS: dict[str, Callable[[bytes], bool]] = {
    "xml": _is_feed,
    "json": _names_fields,
    "jsonl": _names_fields,
}


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were read already (``head``), put back in front."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size], self._head = self._head[:size], self._head[size:]
            return size
        chunk = self._stream.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _SafeGzip(io.RawIOBase):
    """Inflates a gzip stream (one member or several) in bounded pieces and never raises: a
    cut or damaged stream ends where the damage starts, with what came out before it, and
    ``damage`` says so (one warning)."""

    _CHUNK = 64 * 1024

    def __init__(self, stream: BinaryIO):
        self._pieces = self._inflated(stream)
        self._pending = b""
        self.damage: list[str] = []

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._pending = piece
        size = min(len(buffer), len(self._pending))
        buffer[:size], self._pending = self._pending[:size], self._pending[size:]
        return size

    def _inflated(self, stream: BinaryIO) -> Iterator[bytes]:
        inflater, data = zlib.decompressobj(wbits=31), b""
        while True:
            data = data or stream.read(self._CHUNK)
            if not data:
                if not inflater.eof:
                    self.damage.append("gzip stream cut short; read what it held")
                return
            try:
                piece = inflater.decompress(data, self._CHUNK)  # at most a chunk out at a time
            except zlib.error:
                self.damage.append("gzip stream damaged; read what came before the damage")
                return
            data = inflater.unconsumed_tail
            if piece:
                yield piece
            if inflater.eof:  # another member may follow; anything else after the last is ignored
                data = inflater.unused_data
                if len(data) < 2:
                    data += stream.read(self._CHUNK)
                if data[:2] != b"\x1f\x8b":
                    return
                inflater = zlib.decompressobj(wbits=31)
