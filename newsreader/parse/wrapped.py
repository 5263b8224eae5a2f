"""Text wrapped at a fixed width (a plain-text mail, an old archive, ``fmt`` output): the physical
lines of one paragraph joined back into one line before the passes read them.

A file is wrapped when its lines stay within one width (at most ``_MAX_WIDTH`` columns, bar a
stray link or two), at least ``_FULL_LINES`` of them are full (the next line's first word would
not have fitted on them) and the line below most full lines goes on with the sentence (opens in
lower case): a list of headlines or a menu fills its lines too, but each of its lines opens with
a capital. In such a file a full line is joined to the next one, as a wrapper breaks a line only
where the next word does not fit (a line broken after a word's hyphen is joined without a
space); a line with room left ends its paragraph, and a list item or an indented line opens a
new one. Files written with a line a paragraph (nearly all) have many
lines longer than the widest wrap, which one pass over the lengths tells.
"""

from __future__ import annotations

from itertools import islice

_MAX_WIDTH = 100  # columns of the widest wrap read (mail 72-78, terminals 80)
_MIN_WIDTH = 40  # columns of the narrowest
_STRAY = 2  # lines longer than the width a wrapped file may hold (a link, a table row)
_FULL_LINES = 5  # full lines a wrapped file has at least
_CONTINUED = 0.5  # share of the full lines whose next line opens in lower case, at least
_ITEM_MARKS = ("-", "*", "•", "–", "—", "·", ">")  # a list item or quote opens its own line


def wrapped_rows(rows: list[str]) -> list[tuple[int, str]] | None:
    """``rows`` (a file's lines) numbered from 1, each run of wrapped lines joined into its first
    line; None when the file is not wrapped (most files), so the caller numbers ``rows`` itself."""
    longer = filter(_MAX_WIDTH.__lt__, map(len, rows))  # lazy, in C: stops at the third
    if next(islice(longer, _STRAY, None), None) is not None:
        return None
    texts = [row.rstrip() for row in rows]
    width = max((len(text) for text in texts if len(text) <= _MAX_WIDTH), default=0)
    if width < _MIN_WIDTH:
        return None
    joins = [
        i
        for i in range(len(texts) - 1)
        if texts[i] and texts[i + 1].strip() and _fills(texts[i], texts[i + 1], width)
    ]
    continued = sum(texts[i + 1].lstrip()[:1].islower() for i in joins)
    if len(joins) < _FULL_LINES or continued < _CONTINUED * len(joins):
        return None
    joined = set(joins)
    numbered: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        if i - 1 in joined:
            number, head = numbered[-1]
            head = head.rstrip()
            space = "" if head[-1:] == "-" and head[-2:-1].isalpha() else " "  # "deep-" / "sea"
            numbered[-1] = (number, f"{head}{space}{text.strip()}")
        else:
            numbered.append((i + 1, text))
    return numbered


def _fills(line: str, following: str, width: int) -> bool:
    """Whether ``line`` was broken by the wrapper: the first word of the line below would not
    have fitted after it, and the line below is no list item and is indented no deeper."""
    rest = following.lstrip()
    if rest.startswith(_ITEM_MARKS) or len(following) - len(rest) > len(line) - len(line.lstrip()):
        return False
    first = rest.split(None, 1)[0]
    if first[:1].isdigit() and first.endswith((".", ")")):
        return False  # "2. Bring cash": a numbered item
    return len(line) + 1 + len(first) > width
