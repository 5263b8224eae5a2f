"""A file's bytes and name to its :class:`Article`: decode, lay out, assemble the record.

No I/O, no printing, no state but memos of pure answers: the same bytes always give the same record.
"""

from __future__ import annotations

import re

from newsreader.model import Article, LineRole, valid_text
from newsreader.parse.decode import decode_bytes
from newsreader.parse.ids import split_name
from newsreader.parse.layout import lay_out
from newsreader.parse.stated import stated_facts


def parse_article(
    data: bytes,
    name: str,
    path: str = "",
    warnings: tuple[str, ...] = (),
    shared: frozenset[int] = frozenset(),
    keys: bytes | None = None,
) -> Article:
    """Parse one raw news file; ``warnings`` from reading it (e.g. truncation) are kept.
    ``shared``: the keys of the lines other files of its folder repeat; ``keys``: this file's,
    packed by ``furniture.file_keys`` from these very bytes, if taken already (see :mod:`furniture`)."""
    text, found = decode_bytes(data)
    layout = lay_out(text, shared, keys)
    notes = list(warnings) + found
    if not text.strip():
        if data or not warnings:  # no bytes and a reader's warning: it says why, not "empty"
            notes.append("empty file" if not data else "no text in file")
    elif not layout.title:
        notes.append("no headline found")
    paragraphs = tuple(layout.paragraphs())
    article_id, number, hash_ = split_name(name)
    url, site, language = stated_facts(text, [line.text for line in layout.lines])
    return Article(
        id=article_id,
        path=valid_text(path or name),
        title=layout.title,
        number=number,
        hash=hash_,
        section=section_name(layout.section),
        authors=tuple(layout.authors),
        published=layout.published,
        credits=tuple(layout.credits),
        paragraphs=paragraphs,
        words=layout.body_words(),
        warnings=tuple(notes),
        language=language or layout.language,
        url=url,
        site=site,
    )


#: A breadcrumb whose links ran together ("SportFootball", "WorldEurope"): capitalised words of
#: four letters or more, glued; the first is the section. Shorter parts are left alone, as they
#: are more often a name's own capitals ("McLaren", "LinkedIn") than two links.
_GLUED_CRUMBS = re.compile(r"([A-Z][a-z]{3,})(?:[A-Z][a-z]{3,})+")


def section_name(section: str | None) -> str | None:
    """The section a kicker names, its glued breadcrumbs split."""
    if section is None:
        return None
    glued = _GLUED_CRUMBS.fullmatch(section)
    return glued.group(1) if glued else section


def explain_lines(data: bytes, shared: frozenset[int] = frozenset()) -> list[LineRole]:
    """Every non-blank line of the decoded file with the role the parser gave it and why."""
    text, _ = decode_bytes(data)
    return lay_out(text, shared).roles()
