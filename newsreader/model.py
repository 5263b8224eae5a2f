"""The article record and the per-line roles the parser assigns.

Everything here is plain data (frozen dataclasses, standard library only):
the parser builds these, the store keeps them, the renderers print them.
No colours, no I/O, no back-references.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

#: A word of a title or body, as the full-text index and grep's prefilter both count them:
#: a run of letters and digits (FTS5's unicode61 tokens). One definition, so the two agree.
WORD = re.compile(r"[^\W_]+")

#: The keys `news export` prints, in order; the README documents each one.
EXPORT_KEYS = (
    "id",
    "number",
    "hash",
    "path",
    "section",
    "title",
    "authors",
    "published",
    "credits",
    "paragraphs",
    "words",
    "language",
    "url",
    "site",
    "warnings",
)


@dataclass(frozen=True)
class Article:
    """One parsed news file.

    Invariants: ``id`` is the file stem; ``number``/``hash`` are set only when
    the name has the ``NNN_<16 hex>`` shape; ``words`` is the word count of
    ``paragraphs``; ``title`` is never None (empty when none was found, with a
    warning saying so); lists are tuples so the record is hashable and frozen.
    """

    id: str
    path: str
    title: str
    number: int | None = None
    hash: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    credits: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    words: int = 0
    warnings: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1, when known
    url: str | None = None  # where the article was published, when the file says
    site: str | None = None  # the site or outlet, when the file says
    #: what the reader said of it, when read from the index (None: straight from the parser)
    marks: ReaderMarks | None = None

    def to_dict(self, body: bool = True) -> dict:
        """The export schema as a JSON-ready dict; ``body=False`` leaves out the paragraphs;
        ``read``, ``starred`` and ``tags`` follow when the record carries the reader's marks."""
        data = asdict(self)
        out = {
            key: (list(data[key]) if isinstance(data[key], tuple) else data[key])
            for key in EXPORT_KEYS
        }
        if not body:
            del out["paragraphs"]
        if self.marks is not None:
            out.update(read=self.marks.read, starred=self.marks.starred, tags=list(self.marks.tags))
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """Rebuild a record from :meth:`to_dict` output (the JSON round trip)."""
        values = {key: data.get(key) for key in EXPORT_KEYS if key in data}
        for key in ("authors", "credits", "paragraphs", "warnings"):
            values[key] = tuple(values.get(key) or ())
        if "read" in data:
            values["marks"] = ReaderMarks(
                bool(data["read"]), bool(data.get("starred")), tuple(data.get("tags") or ())
            )
        return cls(**values)


@dataclass(frozen=True)
class ReaderMarks:
    """What the reader has said of an article: read, starred, its tags (folded, sorted)."""

    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()


class Summary(NamedTuple):
    """What ``news list`` shows of an article, as the text it shows: its id as printed
    (:func:`shown_id`), its date and section (``""`` when unknown), its word count written
    out, and its title."""

    id: str
    published: str
    section: str
    words: str
    title: str


class Summaries(Sequence[Summary]):
    """A listing's summaries, kept as the index stores them, one string per article (the
    fields joined by the unit separator, which no field keeps) and read back as its UTF-8
    bytes: 100,000 of them are read without decoding 100,000 strings, and each becomes a
    :class:`Summary` only when it is looked at. :meth:`lines` writes them all out at once,
    the fields joined by what a printer asks."""

    SEPARATOR = "\x1f"

    def __init__(self, packed: list[bytes]):
        self._packed = packed

    @classmethod
    def pack(cls, article: Article) -> str:
        """The one string an article's summary is kept as."""
        fields = (
            shown_id(article.id),
            article.published or "",
            article.section or "",
            str(article.words),
            article.title,
        )
        return cls.SEPARATOR.join(field.replace(cls.SEPARATOR, "") for field in fields)

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, at):
        if isinstance(at, slice):
            return Summaries(self._packed[at])
        return _unpacked(self._packed[at])

    def __iter__(self) -> Iterator[Summary]:
        return map(_unpacked, self._packed)

    def picked(self, positions: Iterable[int]) -> Summaries:
        """The summaries at ``positions``, in that order."""
        return Summaries([self._packed[at] for at in positions])

    def lines(self, separator: str) -> bytes:
        """Every summary on a line of its own, its fields joined by ``separator``, as UTF-8:
        one pass in C."""
        if not self._packed:
            return b""
        return (b"\n".join(self._packed) + b"\n").replace(b"\x1f", separator.encode())


def _unpacked(packed: bytes) -> Summary:
    """A packed summary's fields; a byte that is not UTF-8 (a damaged index) becomes U+FFFD
    rather than failing the listing."""
    return Summary._make(packed.decode(errors="replace").split(Summaries.SEPARATOR))


@dataclass(frozen=True)
class Listing:
    """The articles a list shows: ``rows`` (:class:`Summaries`, or records without paragraphs
    when the printer needs every field), how many there were before a limit (``total``), the parse
    warnings of those that have any, by id, what to say when there are none (``note``), and
    ``numbered``, asked only when needed: whether every running number in the folder names
    one article (so the number alone may stand for a long id). ``copies``, when the list is
    collapsed: how many articles each row stands for (itself and its wire copies)."""

    rows: Summaries | Sequence[Article]
    total: int
    warnings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""
    numbered: Callable[[], bool] = lambda: False
    copies: Sequence[int] | None = None


@dataclass(frozen=True)
class Filters:
    """Which articles a command looks at: each filter given must hold. ``section`` compares
    ignoring case; ``author`` is part of any author's name, ignoring case; ``since`` and
    ``until`` are ISO days, both included (an undated article passes neither); ``languages``:
    ISO 639-1 codes, any of which the article's language must be. The reader's
    marks: ``read`` True (only read) or False (only unread), ``starred``, ``tags`` (folded; all
    must match), ``new`` (not yet shown by ``list --new``); ``matching``: an FTS5 query the
    article must match (a saved search's)."""

    section: str | None = None
    author: str | None = None
    since: str | None = None
    until: str | None = None
    languages: tuple[str, ...] = ()
    read: bool | None = None
    starred: bool = False
    tags: tuple[str, ...] = ()
    new: bool = False
    matching: str | None = None

    def __bool__(self) -> bool:
        given = (self.section is not None, self.author, self.since, self.until, self.languages)
        return any(given) or bool(self.marked or self.matching)

    @property
    def marked(self) -> bool:
        """Whether the reader's marks decide (the state must be joined)."""
        return self.read is not None or self.starred or bool(self.tags) or self.new


class SortKey(str, Enum):
    """Orders of ``news list``: date (newest first, undated last), number, title (ignoring case),
    words (longest first); ties, and undated articles, go by running number, then id."""

    DATE = "date"
    NUMBER = "number"
    TITLE = "title"
    WORDS = "words"

    def __str__(self) -> str:
        return self.value


class Entry(NamedTuple):
    """One article file in the folder: its name, full path, and what its ``stat`` says of its
    content: size, modification and change times, inode (any edit changes one of them; the
    change time even when the modification time is put back).

    A named tuple and a plain string path, because a scan builds 100,000 of
    them and both are several times cheaper to make than the alternatives.
    """

    name: str
    path: str
    size: int
    mtime_ns: int
    ctime_ns: int = 0
    inode: int = 0


@dataclass(frozen=True)
class ScanOptions:
    """How a news folder is read: its subfolders too (``recursive``), and the globs that make a
    file an article whatever it looks like (``include``) or never one (``exclude``)."""

    recursive: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncReport:
    """What one update of the index did: files parsed, dropped, and left as they were, how
    many of those parsed could not be read (listed with a warning, read again next time), and
    the parse warnings of those parsed, by id (said once, when a file is read)."""

    parsed: int
    dropped: int
    unchanged: int
    unreadable: int = 0
    warned: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    articles: int | None = None  # the articles the index holds, when a file may hold several


@dataclass(frozen=True)
class SectionCount:
    """A section of the folder: its name (as most of its articles spell it), how many articles
    it has, and the first and last day they were published ("" when none is dated), and how many
    are unread."""

    section: str
    articles: int
    first: str = ""
    last: str = ""
    unread: int | None = None  # of its articles, those not marked read (None: not counted)


#: Hash digits an id needs before it is read as a prefix of an article's hash.
MIN_HASH_PREFIX = 4
#: Hex digits of the key that names an article inside a file of several (``file#`` and them).
KEY_DIGITS = 10
_HEX = frozenset("0123456789abcdefABCDEF")
_LARGEST_NUMBER = 2**63 - 1  # what an index can store


def valid_text(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name or an argument) replaced
    by U+FFFD, so it can be stored, compared and printed."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no undecodable byte makes ("\ud800")
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def shown_id(article_id: str) -> str:
    """An id as the printers show it: itself when every character is printable, else with
    backslash escapes as ``ls -b`` writes them (``new\\nline``, ``\\x1b``, ``\\u202e``), so a
    name holding a tab, a newline, an escape or a bidi control prints on one safe line and
    :class:`IdQuery` reads the printed form back (its backslashes are then doubled)."""
    if article_id.isprintable():
        return article_id
    return "".join(map(_escaped, article_id))


def _escaped(character: str) -> str:
    if character == "\\":
        return "\\\\"
    if character.isprintable():
        return character
    code = ord(character)
    named = _NAMED_ESCAPES.get(character)
    return named or (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


_NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_ESCAPE = re.compile(r"\\(?:([\\tnr])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")


def _unescaped(shown: str) -> str:
    """The id :func:`shown_id` printed as ``shown``."""

    def one(match: re.Match) -> str:
        named, *codes = match.groups()
        if named:
            return {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[named]
        code = int(next(code for code in codes if code), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()

    return _ESCAPE.sub(one, shown)


@dataclass(frozen=True)
class IdQuery:
    """An id as a user gives it, and what it may name, in this order: the full stem
    (``000_ab421d6d9d13d5bb``, or as :func:`shown_id` printed it); the running number when it is
    ASCII digits (``0``, ``000``); a prefix of the 16-hex hash of at least MIN_HASH_PREFIX
    digits (``ab42``); for an article inside a file of several, ``FILE#`` and a prefix of its
    10-hex key of as many digits (``crawl#4417``). A text with a dot may also be a file's name
    below the folder (``ctrl.txt``, ``./ctrl.json``), named whether or not it is an id too."""

    text: str

    def __post_init__(self):
        if not self.text.isprintable():  # bytes of the argument that were not UTF-8: as ids
            object.__setattr__(self, "text", valid_text(self.text))  # have them (U+FFFD)

    @property
    def stems(self) -> tuple[str, ...]:
        """The stems the id may be: as given, and read back from its printed form."""
        if "\\" not in self.text:
            return (self.text,)
        return tuple(dict.fromkeys((self.text, _unescaped(self.text))))

    @property
    def number(self) -> int | None:
        if self.text.isascii() and self.text.isdigit() and int(self.text) <= _LARGEST_NUMBER:
            return int(self.text)
        return None

    @property
    def hash_prefix(self) -> str | None:
        if len(self.text) >= MIN_HASH_PREFIX and set(self.text) <= _HEX:
            return self.text.lower()
        return None

    @property
    def file_name(self) -> str | None:
        """The file name the text may be (a dot in it; ``./`` taken off), else None."""
        return self.text.removeprefix("./") if "." in self.text else None

    @property
    def key_prefix(self) -> str | None:
        """``FILE#`` and the key's digits given, lower-cased, when the text ends so."""
        text = _unescaped(self.text) if "\\" in self.text else self.text  # as `list` shows it
        file, mark, key = text.rpartition("#")
        if mark and file and len(key) >= MIN_HASH_PREFIX and set(key) <= _HEX:
            return f"{file}#{key.lower()}"
        return None


class Text(NamedTuple):
    """What grep reads of an article: the body's paragraphs as one string joined by newlines
    (as the index stores it, so a scan of 100,000 articles splits none it need not)."""

    id: str
    path: str
    section: str | None
    title: str
    body: str


@dataclass(frozen=True)
class Hit:
    """One paragraph grep prints: its number (0 is the title), text, whether it matched (or is
    context), the spans of the matches to highlight, and, when asked for, where the paragraph
    stands in the raw file: its line and the column it starts at (1-based, in UTF-8 bytes; 0
    when unknown)."""

    paragraph: int
    text: str
    matched: bool
    spans: tuple[tuple[int, int], ...] = ()
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class ArticleHits:
    """An article grep matched, with its matching (and context) paragraphs; ``count`` counts
    the matching ones (1 when only whether it matched was asked; ``hits`` is then empty, as it
    is when only the count was asked). ``article`` carries its id, path and title only."""

    article: Article
    hits: tuple[Hit, ...]
    count: int


@dataclass(frozen=True)
class SearchHit:
    """One ranked search result: the record (no paragraphs), its score (BM25, higher is
    better), a snippet of the body (its opening when only the title matched) with the spans
    of the matched words, and the spans of those in the title; ``copies``, when the results
    are collapsed: how many matching articles it stands for (itself and its wire copies)."""

    article: Article
    score: float
    snippet: str
    spans: tuple[tuple[int, int], ...] = ()
    title_spans: tuple[tuple[int, int], ...] = ()
    copies: int | None = None


class Role(str, Enum):
    """What the parser decided a non-blank line is; each line gets exactly one.

    A ``str`` enum: a role equals, hashes and prints as its value ("title"), which is what
    ``news show --explain`` and the JSON output show.
    """

    SECTION = "section"
    TITLE = "title"
    BYLINE = "byline"
    DATE = "date"
    CREDIT = "credit"
    CAPTION = "caption"
    BODY = "body"
    BOILERPLATE = "boilerplate"
    OTHER = "other"  # not decided yet; no line keeps it once the parser is done

    def __str__(self) -> str:
        return self.value


#: Every role a line can get, in the order above.
ROLES = tuple(Role)


@dataclass(frozen=True)
class LineRole:
    """What the parser decided about one non-blank line of the decoded text.

    ``role`` is one of :data:`ROLES`; ``reason`` is a short human sentence
    fragment saying why, shown by ``news show --explain``.
    """

    number: int
    text: str
    role: Role
    reason: str = field(default="")


class MarkedSummary(NamedTuple):
    """A row of the browser's list: what ``news list`` shows of an article (its :class:`Summary`
    fields) and whether it is read and starred."""

    id: str
    published: str
    section: str
    words: str
    title: str
    read: bool
    starred: bool


@dataclass(frozen=True)
class MarkChange:
    """What one change of the reader's marks did: ``action`` (``read``, ``unread``, ``starred``,
    ``unstarred``, ``tagged``), the articles ``changed`` and those ``named`` in all (articles of
    the same text count once), and ``alike``: articles not named that share the marks, holding
    the same text as one named."""

    action: str
    changed: int
    named: int
    alike: int = 0


@dataclass(frozen=True)
class SavedCount:
    """A saved search with its articles now and how many of them are unread: its ``query``
    (a ``news search`` query, "" for every article) and ``filters`` as ``news`` options."""

    name: str
    query: str
    filters: tuple[str, ...]
    articles: int
    unread: int


def utf8_length(text: str) -> int:
    """Bytes of ``text`` in UTF-8, where editors and ripgrep count columns (a lone surrogate
    from an undecodable file counts as its three bytes)."""
    return len(text.encode("utf-8", "surrogatepass"))


def counted(number: int, one: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``: the number and its noun, plural but for one (``many``
    when the plural is not the noun and an s: ``copies``, ``saved searches``)."""
    return f"{number} {one if number == 1 else many or one + 's'}"
