"""Text wrapped at a fixed width (a plain-text mail, an old archive): the physical lines of one
paragraph joined back into one line before the passes read them.

The width is the one at which most lines are full (:func:`_width`): a wrapped line falls short
of it by less than the next word, and a headline, a link or a rule may stand out past it. A line
is full when the next line's first word would not have fitted on it, or when it ends no sentence
within a tenth of the width (``fmt`` balances its lines). A file is wrapped when at least
``_FULL_LINES`` lines are full, they are most of the lines that have a line right below them (a
list of headlines or a poem of uneven lines fills few), and, where the script has case, enough
of the lines below them open in lower case, going on with a sentence. Widths are counted in
columns, as a wrapper counts them: a Chinese, Japanese or Korean character takes two.

In a wrapped file each full line is joined to the next: with no space after a word's hyphen
(``well-`` / ``known``, but not ``two-`` / ``and three-bedroom``) or between two ideographs.
A line is not joined to one that opens a field of its own: a link, a date or byline line, a
speaker's or a question's label (``Q:``, ``REPORTER:``), or, after a line that ends a sentence
or a colon or is an item itself, a list item (``-``, ``•``, ``2.``, ``(b)``): a dash or a year
opening a line after words that go on is the sentence's. Nor to a line indented deeper. A menu
(``Home | News | Sport``) or a table's row (columns apart by three spaces) is never full.
Files written with a line a paragraph, nearly all, have many lines longer than the widest wrap
(``_MAX_WIDTH``), which one lazy pass over the lengths tells.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice
from unicodedata import east_asian_width

_MAX_WIDTH = 100  # columns of the widest wrap read (mail 72-78, terminals 80)
_MIN_WIDTH = 40  # columns of the narrowest
_LONG_STRAYS = 5  # lines past _MAX_WIDTH a wrapped file may hold (links, a headline, a table)
_CLOSE = 3  # columns past the width a line may reach and still be the wrap's (fmt balances)
_STRAY_COST = 3  # full lines at a width that one line past it outweighs, choosing the width
_FULL_LINES = 5  # full lines a wrapped file has at least
_FULL_SHARE = 0.5  # of the lines with a line right below them (bar menus and rows), full ones
_CONTINUED = 0.3  # of the full lines over a line opening with a cased letter, lower case at least
_CASED = 3  # such openings needed to judge by case at all (Arabic, Chinese: none)
_BALANCED = 0.9  # share of the width a line ending no sentence fills to count as full
_HALF = 0.5  # share of the width a full line fills at least (a date over a rule is no wrap)
_SENTENCE_ENDS = tuple(".!?:;\"'”’)")
_SUSPENDED = frozenset({"and", "or", "to", "nor"})  # "two-" / "and three-bedroom"
_ITEM = re.compile(r"(?:[-*•–—·>]|\(?[0-9a-z]{1,3}[.)])\s")  # "- x", "• x", "2. x", "(b) x"
_LABEL = re.compile(r"(?:[QA]|[A-Z][A-Z'. -]{1,30}):\s")  # "Q: ...", "REPORTER: ..."
_FIELD_WORDS = 12  # words of a date or byline line, at most
_FIELD_OPENINGS = ("Updated", "Published", "Posted", "Last updated")
_MENU_MARKS = (" | ", " · ", " • ")


def wrapped_rows(rows: list[str]) -> list[tuple[int, str]] | None:
    """``rows`` (a file's lines) numbered from 1, each run of wrapped lines joined into its first
    line; None when the file is not wrapped (most files), so the caller numbers ``rows`` itself."""
    longer = filter(_MAX_WIDTH.__lt__, map(len, rows))  # lazy, in C: stops past the strays
    if next(islice(longer, _LONG_STRAYS, None), None) is not None:
        return None
    texts = [row.rstrip() for row in rows]
    width = _width(texts)
    if width is None:
        return None
    below = [
        i
        for i in range(len(texts) - 1)
        if texts[i] and texts[i + 1].strip() and not _menu_or_row(texts[i])
    ]
    joins = [i for i in below if _fills(texts[i], texts[i + 1], width)]
    if len(joins) < _FULL_LINES or len(joins) < _FULL_SHARE * len(below):
        return None
    openings = [texts[i + 1].lstrip()[:1] for i in joins if not texts[i + 1].isupper()]
    cased = [opening.islower() for opening in openings if opening.lower() != opening.upper()]
    if len(cased) >= _CASED and sum(cased) < _CONTINUED * len(cased):
        return None
    joined = set(joins)
    numbered: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        if i - 1 in joined:
            number, head = numbered[-1]
            numbered[-1] = (number, _join(head.rstrip(), text.strip()))
        else:
            numbered.append((i + 1, text))
    return numbered


def _width(texts: list[str]) -> int | None:
    """The width the lines (``texts``, right-stripped) were wrapped at, in columns (an ideograph
    takes two, :func:`_columns`): of the widths from
    ``_MIN_WIDTH`` to ``_MAX_WIDTH`` columns that some line reaches, the one at which most lines
    are full (as long as the width or shorter, but too long for the next line's first word),
    less a cost for each line between it and ``_MAX_WIDTH`` (a wrap leaves none past its
    width: a link or a rule standing out is no width). Line i is full at every width from its
    length up to its length with that word, so the count at a width is two bisections. Then
    the longest line up to ``_CLOSE`` columns past it: ``fmt`` balances its lines, leaving room
    on most, so its widest lines look like strays. None when no width makes any line full."""
    columns = [_columns(text) if _MIN_WIDTH <= len(text) <= _MAX_WIDTH else 0 for text in texts]
    spans = [
        (n, n + 1 + _columns(following.split(None, 1)[0]))
        for n, following in zip(columns, texts[1:])
        if n and following.strip()
    ]
    starts, ends = sorted(start for start, _ in spans), sorted(end for _, end in spans)
    lengths = sorted(n for n in columns if _MIN_WIDTH <= n <= _MAX_WIDTH)
    best, width = 0, None
    for candidate in sorted(set(lengths)):
        full = bisect_right(starts, candidate) - bisect_right(ends, candidate)
        score = full - _STRAY_COST * (len(lengths) - bisect_right(lengths, candidate))
        if score > best:
            best, width = score, candidate
    if width is None:
        return None
    return lengths[bisect_right(lengths, width + _CLOSE) - 1]


def _fills(line: str, following: str, width: int) -> bool:
    """Whether the wrapper broke ``line``, going on in ``following``: the next word did not fit
    on it, or it ends no sentence near the width; and ``following`` opens no field of its own."""
    rest = following.lstrip()
    columns = _columns(line)
    if not _HALF * width <= columns <= width:
        return False  # too short to have been broken, or longer than the wrap
    if len(following) - len(rest) > len(line) - len(line.lstrip()):
        return False  # the next line indented deeper
    full = columns + 1 + _columns(rest.split(None, 1)[0]) > width or (
        columns >= _BALANCED * width and not line.endswith(_SENTENCE_ENDS)
    )
    return full and not _opens_a_field(rest, line)  # the costlier test last


def _columns(text: str) -> int:
    """The columns ``text`` takes on a terminal, where a wrapper counts them: a Chinese,
    Japanese or Korean character takes two."""
    if text.isascii() or max(text) < "\u1100":  # wide characters start at U+1100
        return len(text)
    return len(text) + sum(east_asian_width(character) in "WF" for character in text)


def _menu_or_row(line: str) -> bool:
    """A menu's line (``Home | News | Sport``) or a table's row (columns three spaces apart):
    never wrapped, and no evidence against wrapping either."""
    return any(mark in line for mark in _MENU_MARKS) or "   " in line.strip()


def _opens_a_field(rest: str, line: str) -> bool:
    """Whether a line reading ``rest`` stands by itself after ``line``: a link, a label, a list
    item after a sentence, a colon or another item, or a short line of a date or a byline."""
    first = rest.split(None, 1)[0]
    if "://" in first or first.startswith("www.") or _LABEL.match(rest):
        return True
    if _ITEM.match(rest) and (line.endswith(_SENTENCE_ENDS) or _ITEM.match(line.lstrip())):
        return True
    if len(rest.split()) > _FIELD_WORDS or not rest[:1].isupper():
        return False
    # these read page, which reads this module: imported when a wrapped file first needs them
    from newsreader.parse.bylines import prefixed_byline_names
    from newsreader.parse.dates import find_date

    return (
        rest.startswith(_FIELD_OPENINGS)
        or prefixed_byline_names(rest) is not None
        or find_date(rest) is not None
    )


def _join(head: str, tail: str) -> str:
    """``head`` and the line wrapped below it as one: a space between, but none after a word's
    hyphen ("well-" / "known") or between two ideographs."""
    if head[-1:] == "-" and head[-2:-1].isalpha() and tail.split(None, 1)[0] not in _SUSPENDED:
        return head + tail
    if head[-1:] >= "\u3000" and tail[:1] >= "\u3000":
        return head + tail
    return f"{head} {tail}"
