"""What the state holds, checked where it comes in: content keys, tags, saved-search names and
filters.

A content key is a 64-bit digest of a file's bytes (:func:`content_key`): SQLite compares it as
an integer, which keeps the library's joins over 100,000 articles cheap. Tags and saved-search
names are *words*, compared ignoring case: they are stored folded (NFC, then ``casefold``).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from newsreader.errors import NewsError

#: The longest tag or saved-search name, in characters.
MAX_WORD = 64
# a letter or digit, then letters, digits, '_', '-' or '.' (\w is Unicode: any script's letters)
_WORD = re.compile(r"[^\W_][\w.-]*")
_KEY_RANGE = range(-(2**63), 2**63)
_HEX_KEY = re.compile(r"[0-9a-f]{16}")


class BadTag(NewsError):
    """A tag is a word: a letter or digit, then letters, digits, '_', '-' or '.' (at most 64)."""


class BadSavedSearch(NewsError):
    """A saved search needs a name that is a word (a letter or digit, then letters, digits, '_',
    '-' or '.') and known filters."""


class UnknownSavedSearch(NewsError):
    """No saved search has that name."""


class UnknownFolder(NewsError):
    """No marks are kept for that folder."""


def content_key(data: bytes) -> int:
    """The key an article's marks hang on: the first 64 bits of a BLAKE2b digest of the file's
    bytes, as a signed integer (SQLite's own). It must never change: every mark is keyed by it."""
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def unread_key(name: str) -> int:
    """The key of a file that could not be read, its own (from its name): the marks of what it
    held wait on it and go back when it is read again (see ``ReaderState.follow``), and no
    other file shares them, as every unreadable or empty file would share the key of no bytes."""
    return content_key(b"\0could not be read\0" + os.fsencode(name))


def check_key(key: Any) -> int:
    """``key`` if it is a content key; a TypeError or ValueError (the library's mistake) if not."""
    if type(key) is not int:
        raise TypeError(f"a content key is an int, not {type(key).__name__}")
    if key not in _KEY_RANGE:
        raise ValueError(f"a content key fits in 64 bits: {key}")
    return key


def key_text(key: int) -> str:
    """A key as 16 hex digits, as backups write it (JSON tools read big numbers as floats)."""
    return f"{key & (2**64 - 1):016x}"


def key_from_text(text: Any) -> int:
    """The key :func:`key_text` wrote; ValueError for anything else."""
    if not isinstance(text, str) or not _HEX_KEY.fullmatch(text):
        raise ValueError("a key is 16 lowercase hex digits")
    return int.from_bytes(bytes.fromhex(text), "big", signed=True)


def _word(text: Any) -> str | None:
    """``text`` folded (NFC, casefold) if it is a word of at most MAX_WORD characters, else None."""
    if not isinstance(text, str):
        return None
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    if len(folded) > MAX_WORD or not _WORD.fullmatch(folded):
        return None
    return folded


def tag_word(text: Any) -> str:
    """The tag ``text`` names, folded (``Climate`` and ``climate`` are one tag); BadTag if it is
    not a word."""
    folded = _word(text)
    if folded is None:
        raise BadTag(
            f"{text!r} is not a tag: a tag is a letter or digit, then letters, digits, '_', '-' "
            f"or '.' (at most {MAX_WORD})"
        )
    return folded


def tag_changes(words: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The tags to add and to remove that ``+tag`` / ``-tag`` words ask for; a later word about
    the same tag wins (``+a -a`` removes it). BadTag for a word without its sign or not a tag."""
    wanted: dict[str, bool] = {}
    for word in words:
        if word[:1] not in ("+", "-"):
            raise BadTag(
                f"{word!r} is not a tag change: write +TAG to add a tag, -TAG to remove one"
            )
        wanted[tag_word(word[1:])] = word[0] == "+"
    return (
        frozenset(tag for tag, add in wanted.items() if add),
        frozenset(tag for tag, add in wanted.items() if not add),
    )


def search_name(text: Any) -> str:
    """The saved-search name ``text`` gives, folded; BadSavedSearch if it is not a word."""
    folded = _word(text)
    if folded is None:
        raise BadSavedSearch(
            f"{text!r} cannot name a saved search: a name is a letter or digit, then letters, "
            f"digits, '_', '-' or '.' (at most {MAX_WORD})"
        )
    return folded


@dataclass(frozen=True)
class SearchFilters:
    """The filters a saved search keeps, as the user gave them: ``since``/``until`` stay as typed
    (``7d`` means the seven days before each use), ``tags`` must all match."""

    section: str | None = None
    author: str | None = None
    since: str | None = None
    until: str | None = None
    unread: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()
    language: str | None = None  # as typed: ISO 639-1 codes, separated by commas

    def __post_init__(self):
        for name in ("section", "author", "since", "until", "language"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise BadSavedSearch(f"the filter {name} of a saved search is text")
        for name in ("unread", "starred"):
            if not isinstance(getattr(self, name), bool):
                raise BadSavedSearch(f"the filter {name} of a saved search is true or false")
        if isinstance(self.tags, str) or not isinstance(self.tags, Iterable):
            raise BadSavedSearch("the filter tags of a saved search is a list of tags")
        object.__setattr__(self, "tags", tuple(sorted({tag_word(tag) for tag in self.tags})))

    @classmethod
    def from_json(cls, data: Any) -> SearchFilters:
        """The filters a JSON object names; BadSavedSearch for one it does not know."""
        if not isinstance(data, Mapping):
            raise BadSavedSearch("the filters of a saved search are a JSON object")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise BadSavedSearch(
                f"a saved search has no filter {sorted(unknown)[0]!r} "
                f"(known: {', '.join(cls.__dataclass_fields__)})"
            )
        return cls(**data)

    def to_json(self) -> dict[str, Any]:
        """The filters given (those not at their default), tags as a list."""
        given = {}
        for name, spec in self.__dataclass_fields__.items():
            value = getattr(self, name)
            if value != (spec.default if name != "tags" else ()):
                given[name] = list(value) if name == "tags" else value
        return given


@dataclass(frozen=True)
class SavedSearch:
    """A search kept under a name: a ``news search`` query (empty: every article) and filters;
    the name is folded like a tag."""

    name: str
    query: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)

    def __post_init__(self):
        object.__setattr__(self, "name", search_name(self.name))
        if not isinstance(self.query, str):
            raise BadSavedSearch("the query of a saved search is text")
        if not isinstance(self.filters, SearchFilters):
            object.__setattr__(self, "filters", SearchFilters.from_json(self.filters))


@dataclass(frozen=True)
class Marks:
    """What the reader has said of one article: read, starred (each with when, UTC ISO time, when
    known) and its tags (folded, sorted); ``name`` is the file name last seen with this content."""

    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()
    read_at: str | None = None
    starred_at: str | None = None
    name: str | None = None
