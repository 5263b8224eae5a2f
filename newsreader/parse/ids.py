"""A file's id, running number and hash, read from its name (``NNN_<16 hex>.txt``).

Light on purpose: the library resolves ids typed by the user with these, without loading the parser.
"""

from __future__ import annotations

import re

from newsreader.model import valid_text

_NAME = re.compile(r"^(?P<number>\d+)_(?P<hash>[0-9a-f]{16})$")


def split_name(name: str) -> tuple[str, int | None, str | None]:
    """A file name's id (its stem, after the folders it sits in below the news folder, when it
    was found there: ``2024/05/001_ab…``) and, for ``NNN_<16 hex>`` names, its number and hash.

    Bytes of the name that are not UTF-8 become U+FFFD, so an id is always valid text.
    """
    folders, _, base = valid_text(name).rpartition("/")
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    article_id = f"{folders}/{stem}" if folders else stem
    match = _NAME.match(stem)
    if not match:
        return article_id, None, None
    return article_id, int(match["number"]), match["hash"]
