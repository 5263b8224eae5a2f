"""Readers of the files in a news folder: each turns a file into what the parser reads.

A raw text dump (``text``) is its bytes, read up to a cap, with warnings about the read;
saved pages, scraper JSON, web archives and feeds become :class:`documents.Document`
records, one per article (``documents`` picks the reader). Files are untrusted: opened
read-only, never written, and a file that cannot be read still yields a record with a
warning.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A short hex digest of the readers' code and of ``parsing.py`` (which gives records
    their content keys): records read, or keyed, by other code are stale. Read from the files,
    so the readers themselves are not imported."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in [*sorted(here.glob("*.py")), here.parent / "parsing.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
