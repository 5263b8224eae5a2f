"""What a text dump says about itself on a line of its own: where it was published (a line
that is a web address, bare or labelled ``URL:``, ``Source:``, ``Link:``…), the site (that
address's host) and its language (a line ``Language: xx``). The first such line counts."""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple


class _LinePattern(NamedTuple):
    """A pattern of a whole line, twice: at the text's start, and after a newline. Not one
    pattern opening with ``^`` in multiline mode, which is tried at every position: the second
    opens with a literal, so the search skips from newline to newline."""

    at_start: re.Pattern
    after_newline: re.Pattern


def _line_pattern(line: str) -> _LinePattern:
    return _LinePattern(
        re.compile(line, re.IGNORECASE | re.MULTILINE),
        re.compile("\n" + line, re.IGNORECASE | re.MULTILINE),
    )


def _first_line(pattern: _LinePattern, text: str) -> re.Match | None:
    """The first line of ``text`` that ``pattern`` matches whole (its groups as the line's)."""
    return pattern.at_start.match(text) or pattern.after_newline.search(text)


_ADDRESS_LINE = _line_pattern(
    r"[ \t]*(?:(?:url|source|link|canonical|permalink|original(?: url)?)[ \t]*:[ \t]*)?"
    r"(https?://([^\s/?#<>\"']+)[^\s<>\"']*)[ \t]*$"
)
_LANGUAGE_LINE = _line_pattern(
    r"[ \t]*(?:language[ \t]*|lang):[ \t]*([a-z]{2})(?:[-_][a-z]{2})?[ \t]*$"
)

_LABELS = ("anguage", "ANGUAGE", "ang:", "ANG:")  # what a language line holds, whatever its case


class Stated(NamedTuple):
    """A dump's address, its host as the site (no ``www.``), its ISO 639-1 language."""

    url: str | None
    site: str | None
    language: str | None


_NOTHING_STATED = Stated(None, None, None)


def stated_facts(text: str, lines: Iterable[str] | None = None) -> Stated:
    """The address, site and language ``text`` states on lines of their own (None if it does not).
    ``lines``: its non-blank lines, stripped, when at hand (the parser's): a stated line is
    still one once stripped, so a text none of whose lines could state anything
    (:func:`_may_state`) is not searched at all. Most dumps state nothing, and the few lines
    with a colon are tried instead of five scans of the whole text."""
    if lines is not None and not any(map(_may_state, lines)):
        return _NOTHING_STATED
    # most dumps state neither: a search for a fixed string rules a line out far faster
    address = _first_line(_ADDRESS_LINE, text) if "://" in text else None
    language = _first_line(_LANGUAGE_LINE, text) if any(map(text.__contains__, _LABELS)) else None
    host = address.group(2).lower().rsplit("@", 1)[-1].split(":", 1)[0] if address else None
    return Stated(
        address.group(1) if address else None,
        host.removeprefix("www.") if host else None,
        language.group(1).lower() if language else None,
    )


def _may_state(line: str) -> bool:
    """Whether a stripped line is shaped like an address or a language stated on a line of its
    own: both hold a colon, which one scan in C finds missing from most lines."""
    return ":" in line and bool(
        _ADDRESS_LINE.at_start.match(line) or _LANGUAGE_LINE.at_start.match(line)
    )
