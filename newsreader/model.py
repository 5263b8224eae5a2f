"""The article record and the per-line roles the parser assigns.

Everything here is plain data (frozen dataclasses, standard library only):
the parser builds these, the store keeps them, the renderers print them.
No colours, no I/O, no back-references.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import NamedTuple

#: A word of a title or body, as the full-text index and grep's prefilter both count them:
#: a run of letters and digits (FTS5's unicode61 tokens). One definition, so the two agree.
WORD = re.compile(r"[^\W_]+")

#: The keys `news export` prints, in order; the README documents each one.
EXPORT_KEYS = (
    "id", "number", "hash", "path", "section", "title", "authors", "published",
    "credits", "paragraphs", "words", "warnings",
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

    def to_dict(self, body: bool = True) -> dict:
        """The export schema as a JSON-ready dict; ``body=False`` leaves out the paragraphs."""
        data = asdict(self)
        out = {key: (list(data[key]) if isinstance(data[key], tuple) else data[key]) for key in EXPORT_KEYS}
        if not body:
            del out["paragraphs"]
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        """Rebuild a record from :meth:`to_dict` output (the JSON round trip)."""
        values = {key: data.get(key) for key in EXPORT_KEYS if key in data}
        for key in ("authors", "credits", "paragraphs", "warnings"):
            values[key] = tuple(values.get(key) or ())
        return cls(**values)


#: Joins the fields of a packed :class:`Summary`: the ASCII unit separator, a control
#: character no printer ever shows, so removing it from the fields loses nothing.
FIELD_SEPARATOR = "\x1f"


class Summary(NamedTuple):
    """What ``news list`` shows of an article; a named tuple, cheap to make by the 100,000."""

    id: str
    published: str | None
    section: str | None
    words: int
    title: str
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, article: Article) -> "Summary":
        return cls(article.id, article.published, article.section, article.words, article.title, article.warnings)

    def pack(self) -> str:
        """The five shown fields as one string (see :meth:`unpack`), as the index stores it for each article."""
        fields = (self.id, self.published or "", self.section or "", str(self.words), self.title)
        return FIELD_SEPARATOR.join(field.replace(FIELD_SEPARATOR, "") for field in fields)

    @classmethod
    def unpack(cls, packed: str, warnings: tuple[str, ...] = ()) -> "Summary":
        article_id, published, section, words, title = packed.split(FIELD_SEPARATOR)
        return cls(article_id, published or None, section or None, int(words), title, warnings)


class Text(NamedTuple):
    """What grep reads of an article: the body's paragraphs as one string joined by newlines
    (as the index stores it, so a scan of 100,000 articles splits none it need not)."""

    id: str
    path: str
    section: str | None
    title: str
    body: str

    @classmethod
    def of(cls, article: Article) -> "Text":
        return cls(article.id, article.path, article.section, article.title, "\n".join(article.paragraphs))


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
