"""The parser: a pure function from a file's bytes and name to an :class:`Article`.

``decode`` turns bytes into text, ``layout`` gives each line a role, and
this module assembles the record. No I/O, no printing, no global state:
the same bytes always give the same record.
"""

from __future__ import annotations

import re

from newsreader.model import Article, LineRole
from newsreader.parse.decode import decode_bytes
from newsreader.parse.layout import lay_out

_NAME = re.compile(r"^(?P<number>\d+)_(?P<hash>[0-9a-f]{16})$")


def parse_article(data: bytes, name: str, path: str = "", warnings: tuple[str, ...] = (),
                  shared: frozenset[int] = frozenset(), keys: bytes | None = None) -> Article:
    """Parse one raw news file; ``warnings`` from reading it (e.g. truncation) are kept.
    ``shared``: the line pairs other files of its folder repeat; ``keys``: this file's, packed
    by ``furniture.file_keys`` from these very bytes, if taken already (see :mod:`furniture`)."""
    text, found = decode_bytes(data)
    layout = lay_out(text, shared, keys)
    notes = list(warnings) + found
    if not text.strip():
        notes.append("empty file" if not data else "no text in file")
    elif not layout.title:
        notes.append("no headline found")
    paragraphs = tuple(layout.paragraphs())
    article_id, number, hash_ = split_name(name)
    return Article(
        id=article_id,
        path=valid_text(path or name),
        title=layout.title,
        number=number,
        hash=hash_,
        section=layout.section,
        authors=tuple(layout.authors),
        published=layout.published,
        credits=tuple(layout.credits),
        paragraphs=paragraphs,
        words=layout.body_words(),
        warnings=tuple(notes),
    )


def explain_lines(data: bytes, shared: frozenset[int] = frozenset()) -> list[LineRole]:
    """Every non-blank line of the decoded file with the role the parser gave it and why."""
    text, _ = decode_bytes(data)
    return lay_out(text, shared).roles()


def split_name(name: str) -> tuple[str, int | None, str | None]:
    """A file name's id (its stem) and, for ``NNN_<16 hex>`` names, its number and hash.

    Bytes of the name that are not UTF-8 become U+FFFD, so an id is always valid text.
    """
    base = valid_text(name.rsplit("/", 1)[-1])
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    match = _NAME.match(stem)
    if not match:
        return stem, None, None
    return stem, int(match["number"]), match["hash"]


def valid_text(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name) replaced by U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
