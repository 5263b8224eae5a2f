"""Saved feeds (``.rss``, ``.atom``, an ``.xml`` that is a feed): each item is a document.

feedparser reads every RSS and Atom dialect there is, and reads on past a malformed spot
(the file then yields what it could, with one warning). An item states its title, authors,
date, link and category; its content (``content:encoded``, Atom ``content``) is HTML and is
rendered as the HTML reader renders a page, its lines the stated body. An item that has only
a summary (``description``, Atom ``summary``) yields the summary as its body, marked
``summary_only``. The key is the item's ``guid``/``id``, else its link. A feed is parsed
whole, up to the reader's cap of a single file.
"""

from __future__ import annotations

import re
from email.utils import parsedate_tz
from typing import Any, Iterator

from newsreader.inputs.documents import Document

_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^([a-zA-Z]{2})(?:$|[-_])")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def feed_documents(data: bytes, problems: list[str]) -> Iterator[Document]:
    """The items of a feed; a malformed feed yields what feedparser could read and a warning
    in ``problems``."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.get("bozo"):
        error = parsed.get("bozo_exception")
        reason = str(error).splitlines()[0][:120] if error else "not well-formed"
        problems.append(f"the feed is not well-formed ({reason}); read what could be read")
    channel = parsed.get("feed", {})
    site = _text(channel.get("title"))
    language = _language(channel.get("language"))
    for entry in parsed.get("entries", []):
        document = _item(entry, site, language)
        if document is not None:
            yield document


def _item(entry: Any, site: str | None, language: str | None) -> Document | None:
    from newsreader.inputs.html import html_paragraphs

    title = _text(entry.get("title"))
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    summary = entry.get("summary") or ""
    source = contents[0] if contents else entry.get("summary_detail") or {"value": summary}
    value = source.get("value") or ""
    if (source.get("type") or "text/html").lower().startswith(_HTML_TYPES):
        body = html_paragraphs(value)
    else:
        body = tuple(line.strip() for line in value.splitlines() if line.strip())
    if not title and not body:
        return None
    link = _text(entry.get("link"))
    tags = entry.get("tags") or []
    return Document(
        key=_text(entry.get("id")) or link or "",
        text="\n\n".join(([title] if title else []) + list(body)) + "\n",
        title=title,
        authors=_authors(entry),
        published=_day(entry.get("published") or entry.get("updated")),
        section=_text(tags[0].get("term")) if tags else None,
        url=link,
        site=site,
        language=_language(entry.get("language")) or language,
        summary_only=not contents,
        body=body,
    )


def _authors(entry: Any) -> tuple[str, ...]:
    names = [_text(author.get("name")) for author in entry.get("authors", []) or []]
    if not any(names):
        names = [_text(entry.get("author"))]
    return tuple(dict.fromkeys(name for name in names if name))


def _day(value: Any) -> str | None:
    """``YYYY-MM-DD`` of a feed's date as written: ISO (Atom) or RFC 822 (RSS), no time-zone
    conversion (feedparser's own parsed dates are in UTC: a late-evening item moves a day)."""
    if not isinstance(value, str):
        return None
    match = _DAY.match(value)
    if match:
        year, month, day = match.groups()
        return f"{year}-{month}-{day}" if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 else None
    parts = parsedate_tz(value)
    if parts is None or not parts[0]:
        return None
    return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split())[:2000] or None


def _language(value: Any) -> str | None:
    match = _LANGUAGE.match(value.strip()) if isinstance(value, str) else None
    return match.group(1).lower() if match else None
