"""The backup format: a folder's marks as JSON Lines, written and read back.

The first line names the format (``{"type": "newsreader-state", "format": 1, ...}``); then one
line per saved search and one per article with any state, keys as 16 hex digits (JSON tools
read large numbers as floats). Reading is strict and all-or-nothing: the first line that is not
a record of this format stops the import with its line number, and nothing is merged, so a
damaged or hand-edited backup is fixed and imported again rather than half restored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from newsreader.errors import NewsError
from newsreader.state.values import (
    BadSavedSearch,
    BadTag,
    Marks,
    SavedSearch,
    key_from_text,
    key_text,
    tag_word,
)

FORMAT = 1
HEADER = "newsreader-state"
_ARTICLE_FIELDS = {
    "type",
    "key",
    "name",
    "read",
    "read_at",
    "starred",
    "starred_at",
    "tags",
    "seen",
}
_SAVED_FIELDS = {"type", "name", "query", "filters"}


class BadBackup(NewsError):
    """That is not a reader-state backup (the JSON Lines `news state export` writes)."""


@dataclass(frozen=True)
class ArticleState:
    """One article's line of a backup: its key, marks and whether ``--new`` has shown it."""

    key: int
    marks: Marks = field(default_factory=Marks)
    seen: bool = False


@dataclass
class Backup:
    """A backup read and checked: what an import merges."""

    articles: list[ArticleState] = field(default_factory=list)
    saved: list[SavedSearch] = field(default_factory=list)


def header(folder: str) -> str:
    """The first line of a backup of ``folder`` (named for the reader; an import ignores it)."""
    return _line({"type": HEADER, "format": FORMAT, "folder": folder})


def article_line(article: ArticleState) -> str:
    """An article's line: its key and, of the rest, what differs from an unmarked article."""
    marks = article.marks
    record: dict[str, Any] = {"type": "article", "key": key_text(article.key)}
    if marks.name is not None:
        record["name"] = marks.name
    if marks.read:
        record.update(read=True, read_at=marks.read_at)
    if marks.starred:
        record.update(starred=True, starred_at=marks.starred_at)
    if marks.tags:
        record["tags"] = list(marks.tags)
    if article.seen:
        record["seen"] = True
    return _line(record)


def saved_line(search: SavedSearch) -> str:
    return _line(
        {
            "type": "saved",
            "name": search.name,
            "query": search.query,
            "filters": search.filters.to_json(),
        }
    )


def _line(record: dict[str, Any]) -> str:
    # ASCII: a file name that is not UTF-8 (kept as surrogates) still makes a valid line
    return json.dumps(record, ensure_ascii=True) + "\n"


def read_backup(lines: Iterable[str]) -> Backup:
    """Every record of a backup, checked; BadBackup naming the first line that is not one."""
    backup = Backup()
    empty = True
    for number, record in _records(lines):
        empty = False
        try:
            kind = record.get("type")
            if kind == HEADER:
                _check_header(record, number)
            elif kind == "article":
                backup.articles.append(_article(record))
            elif kind == "saved":
                backup.saved.append(_saved(record))
            else:
                raise ValueError(f"unknown record type {kind!r}")
        except (ValueError, TypeError, BadTag, BadSavedSearch) as error:
            raise BadBackup(f"line {number} of the backup: {error}") from None
    if empty:  # most likely the wrong file, or a backup cut to nothing: say so, merge nothing
        raise BadBackup("the backup is empty")
    return backup


def _records(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise BadBackup(f"line {number} of the backup is not JSON ({error})") from None
        if not isinstance(record, dict):
            raise BadBackup(f"line {number} of the backup is not a JSON object")
        yield number, record


def _check_header(record: dict[str, Any], number: int) -> None:
    version = record.get("format")
    if type(version) is not int:
        raise ValueError("the header has no format number")
    if version > FORMAT:
        raise BadBackup(
            f"line {number} of the backup: it was written by a newer newsreader "
            f"(format {version}, this one reads {FORMAT})"
        )


def _article(record: dict[str, Any]) -> ArticleState:
    _only(record, _ARTICLE_FIELDS)
    read, starred, seen = (_flag(record, name) for name in ("read", "starred", "seen"))
    tags = record.get("tags", [])
    if not isinstance(tags, list):
        raise ValueError("tags is a list")
    marks = Marks(
        read=read,
        starred=starred,
        tags=tuple(sorted({tag_word(tag) for tag in tags})),
        read_at=_text(record, "read_at") if read else None,
        starred_at=_text(record, "starred_at") if starred else None,
        name=_text(record, "name"),
    )
    return ArticleState(key_from_text(record.get("key")), marks, seen)


def _saved(record: dict[str, Any]) -> SavedSearch:
    _only(record, _SAVED_FIELDS)
    try:  # a JSON escape can make a lone surrogate, which no query or filter can hold
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("a saved search holds text that is not Unicode") from None
    return SavedSearch(record.get("name"), record.get("query", ""), record.get("filters", {}))


def _only(record: dict[str, Any], fields: set[str]) -> None:
    unknown = set(record) - fields
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")


def _flag(record: dict[str, Any], name: str) -> bool:
    value = record.get(name, False)
    if not isinstance(value, bool):
        raise ValueError(f"{name} is true or false")
    return value


def _text(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{name} is text")
    return value
