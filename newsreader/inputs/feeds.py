"""Saved feeds (``.rss``, ``.atom``, an ``.xml`` that is a feed): each item is a document.

feedparser reads every RSS and Atom dialect there is, and reads on past a malformed spot
(the file then yields what it could, with one warning). An item states its title, authors,
date, link and category; its content (``content:encoded``, Atom ``content``) is HTML and is
rendered as the HTML reader renders a page, its lines (but its figures': captions, credits)
the stated body. An item that has only a summary (``description``, Atom ``summary``) yields
the summary as its body, marked ``summary_only``. The key is the item's ``guid``/``id``, else
its link; the link is a URL only when it is one (an RSS guid is taken for the link by
default). Titles of type ``html`` and RSS's entities are read as text, and RSS's
``jo@example.com (Jo Bell)`` as the name. A feed is parsed whole, up to the reader's cap of a
single file.
"""

from __future__ import annotations

import html
import re
from email.utils import parsedate_tz
from typing import Any, Iterator

from newsreader.inputs.documents import Document

_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^([a-zA-Z]{2})(?:$|[-_])")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_EMAIL_NAME = re.compile(r"\s*[^\s@()]+@[^\s()]+\s*\((?P<name>[^()]+)\)\s*$")  # jo@x.org (Jo Bell)
_WEB_LINK = re.compile(r"https?://", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+")  # an address alone names no writer


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
    site = _title(channel)
    language = _language(channel.get("language"))
    for entry in parsed.get("entries", []):
        document = _item(entry, site, language)
        if document is not None:
            yield document


def _item(entry: Any, site: str | None, language: str | None) -> Document | None:
    from newsreader.inputs.html import html_paragraphs

    title = _title(entry)
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
    link = link if link and _WEB_LINK.match(link) else None  # a guid taken for a link ("hill-2")
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


def _title(node: Any) -> str | None:
    """The title of an item or of the feed as text: an Atom title of type ``html`` is markup
    (``&amp;amp;``, ``&lt;em&gt;``), read as a page's text is, and so are RSS's entities."""
    title = node.get("title")
    if not isinstance(title, str) or "<" not in title and "&" not in title:
        return _text(title)
    kind = (node.get("title_detail") or {}).get("type") or ""
    if kind.lower().startswith(_HTML_TYPES) and "<" in title:
        from newsreader.inputs.html import html_paragraphs

        return _text(" ".join(html_paragraphs(title)))  # rendered: its entities read once
    return _text(html.unescape(title))


def _authors(entry: Any) -> tuple[str, ...]:
    """The item's writers: each author's name (Atom), else RSS's ``author``, whose usual form
    ``jo@example.com (Jo Bell)`` is read here (feedparser cuts it wrongly after a long domain)."""
    stated = entry.get("author")
    match = _EMAIL_NAME.match(stated) if isinstance(stated, str) else None
    if match:
        names = [_text(match["name"])]
    else:
        names = [_text(author.get("name")) for author in entry.get("authors", []) or []]
        if not any(names):
            names = [_text(stated)]
    return tuple(dict.fromkeys(name for name in names if name and not _EMAIL.fullmatch(name)))


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
