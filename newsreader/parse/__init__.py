"""The parser: a pure function from a file's bytes and name to an :class:`Article`.

``article`` decodes the bytes (``decode``), has ``layout`` give each line a role and
assembles the record; ``layout`` runs the passes in order (cues, captions, authors, page,
title, body, dates), scored by learned classifiers (``features``, ``scoring``). ``furniture``
finds the boxes a folder's files share. ``parse_article`` and ``explain_lines`` load the
parser on first use: commands served from the index import this package for
:func:`fingerprint` and ``split_name`` alone, and must not pay for loading it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.parse.ids import split_name

if TYPE_CHECKING:
    from newsreader.parse.article import explain_lines, parse_article

__all__ = ["explain_lines", "fingerprint", "parse_article", "split_name"]
_LOADED_ON_USE = ("explain_lines", "parse_article")  # from newsreader.parse.article


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A short hex digest of the parser's code, weights and word lists (this package's
    ``.py``, ``.json`` and ``.txt`` files): records parsed by another parser are stale. Read
    from the files, so the parser itself is not imported."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.iterdir()):
        if path.suffix in (".py", ".json", ".txt"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def __getattr__(name: str):
    """``parse_article`` and ``explain_lines``, loaded on first use (see above)."""
    if name not in _LOADED_ON_USE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from newsreader.parse import article

    value = globals()[name] = getattr(article, name)  # kept: later reads find it at once
    return value
