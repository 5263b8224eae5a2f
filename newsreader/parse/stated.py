"""What a text dump says about itself on a line of its own: where it was published (a line
that is a web address, bare or labelled ``URL:``, ``Source:``, ``Link:``…), the site (that
address's host) and its language (a line ``Language: xx``). The first such line counts."""

from __future__ import annotations

import re
from typing import NamedTuple

_ADDRESS_LINE = re.compile(
    r"^[ \t]*(?:(?:url|source|link|canonical|permalink|original(?: url)?)[ \t]*:[ \t]*)?"
    r"(https?://([^\s/?#<>\"']+)[^\s<>\"']*)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LANGUAGE_LINE = re.compile(
    r"^[ \t]*(?:language[ \t]*|lang):[ \t]*([a-z]{2})(?:[-_][a-z]{2})?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)

_LABELS = ("anguage", "ANGUAGE", "ang:", "ANG:")  # what a language line holds, whatever its case


class Stated(NamedTuple):
    """A dump's address, its host as the site (no ``www.``), its ISO 639-1 language."""

    url: str | None
    site: str | None
    language: str | None


def stated_facts(text: str) -> Stated:
    """The address, site and language ``text`` states on lines of their own (None if it does not)."""
    # most dumps state neither: a search for a fixed string rules a line out far faster
    address = _ADDRESS_LINE.search(text) if "://" in text else None
    language = _LANGUAGE_LINE.search(text) if any(map(text.__contains__, _LABELS)) else None
    host = address.group(2).lower().rsplit("@", 1)[-1].split(":", 1)[0] if address else None
    return Stated(
        address.group(1) if address else None,
        host.removeprefix("www.") if host else None,
        language.group(1).lower() if language else None,
    )
