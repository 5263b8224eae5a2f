"""Scraper JSON: records that state the article's fields and body themselves.

Three shapes are read, told apart by their keys: this project's own ``news export`` records
(``id``, ``paragraphs``, ...; README "Export schema"), news-please's (``maintext``,
``date_publish``, ``source_domain``, ...) and newspaper4k's (``text``, ``publish_date``,
``source_url``, ``meta_lang``, ...); trafilatura's JSON (``text``, ``author``, ``hostname``)
comes along. A ``.json`` file holds one record or a list of them (a list cut short keeps its
complete records); a ``.jsonl`` file one record a line, read as a stream. Each record's key
is its own ``id`` or ``url``; the stated body is kept as the record's paragraphs.
"""

from __future__ import annotations

import json
import re
from typing import Any, BinaryIO, Iterator

from newsreader.inputs.documents import DOCUMENT_CAP, Document
from newsreader.model import valid_text

_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^([a-zA-Z]{2})(?:$|[-_])")
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/?#:]+)", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BODY_KEYS = ("paragraphs", "maintext", "text", "body", "content", "article")


def json_documents(data: bytes, problems: list[str]) -> Iterator[Document]:
    """The records of a ``.json`` file: one object, or a list of them (a list cut short or
    broken keeps the records before the damage). What could not be read goes to ``problems``
    (one line for the file)."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        yield from _listed(text, problems)
        return
    try:
        value = json.loads(text)
    except ValueError as error:
        problems.append(f"not valid JSON ({error.msg} at line {error.lineno}); nothing read")
        return
    document = record_document(value)
    if document is None:
        problems.append("the JSON holds no article record (no title or text)")
    else:
        yield document


def jsonl_documents(stream: BinaryIO, problems: list[str]) -> Iterator[Document]:
    """The records of a ``.jsonl`` file, one a line, read as a stream; lines that are not
    article records are counted into one warning in ``problems`` at the end."""
    bad = total = 0
    first_bad = 0
    number = 0
    while True:
        raw = stream.readline(DOCUMENT_CAP + 1)
        if not raw:
            break
        number += 1
        if len(raw) > DOCUMENT_CAP:  # the rest of an overlong line is skipped
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(DOCUMENT_CAP)
            raw = b"{"  # counted as a bad line
        if not raw.strip():
            continue
        total += 1
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        document = record_document(value) if value is not None else None
        if document is None:
            bad += 1
            first_bad = first_bad or number
            continue
        yield document
    if bad:
        problems.append(
            f"1 of {total} lines is not an article record (line {first_bad}); skipped"
            if bad == 1
            else f"{bad} of {total} lines are not article records (the first is line "
            f"{first_bad}); skipped"
        )


def _listed(text: str, problems: list[str]) -> Iterator[Document]:
    """The records of a JSON list, one at a time, up to any damage."""
    decoder = json.JSONDecoder()
    at, bad, end = 1, 0, len(text)
    while True:
        while at < end and text[at] in " \t\r\n,":
            at += 1
        if at >= end:
            problems.append("the JSON list is cut short; read the records before the cut")
            break
        if text[at] == "]":
            break
        try:
            value, at = decoder.raw_decode(text, at)
        except ValueError:
            problems.append(
                "the JSON list is damaged; read the records before the damage"
                if text.rstrip().endswith("]")
                else "the JSON list is cut short; read the records before the cut"
            )
            break
        document = record_document(value)
        if document is None:
            bad += 1
        else:
            yield document
    if bad:
        problems.append(
            "1 item of the JSON list is not an article record; skipped"
            if bad == 1
            else f"{bad} items of the JSON list are not article records; skipped"
        )


def record_document(value: Any) -> Document | None:
    """One scraper or export record as a document, ``None`` when it is no article record."""
    if not isinstance(value, dict):
        return None
    value = _unicode(value)
    title = _text(value.get("title"))
    paragraphs = _paragraphs(value)
    if not title and not paragraphs:
        return None
    url = _text(value.get("url")) or _text(value.get("canonical_link"))
    key = _text(value.get("id")) or url or ""
    text = "\n\n".join(([title] if title else []) + list(paragraphs)) + "\n"
    return Document(
        key=key,
        text=text,
        title=title,
        authors=_authors(value),
        published=_day(
            value.get("published")
            or value.get("date_publish")
            or value.get("publish_date")
            or value.get("date")
        ),
        # this project's export (its "paragraphs") states its section, even as none: its
        # "tags" are its reader's own; a scraper's tags or categories may name the section
        section=_text(value.get("section"))
        if "paragraphs" in value
        else _text(value.get("section")) or _first_category(value),
        url=url,
        site=_text(value.get("site"))
        or _text(value.get("source_domain"))
        or _text(value.get("hostname"))
        or _host(_text(value.get("source_url")) or url),
        language=_language(value.get("language") or value.get("meta_lang")),
        credits=_credits(value),
        body=paragraphs,
    )


def _unicode(value: Any) -> Any:
    """``value`` with every lone surrogate as U+FFFD (:func:`~newsreader.model.valid_text`): a
    JSON escape (``"\\udcff"``) makes one, and no index, terminal or UTF-8 file can hold it."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, list):
        return [_unicode(item) for item in value]
    if isinstance(value, dict):
        return {_unicode(key): _unicode(item) for key, item in value.items()}
    return value


def _paragraphs(value: dict) -> tuple[str, ...]:
    """The stated body: a list of paragraphs, or a text whose paragraphs stand apart by blank
    lines (newspaper4k) or by single line breaks (news-please, trafilatura)."""
    for key in _BODY_KEYS:
        body = value.get(key)
        if isinstance(body, list):
            return tuple(p.strip() for p in body if isinstance(p, str) and p.strip())
        if isinstance(body, str) and body.strip():
            parts = (
                _PARAGRAPH_BREAK.split(body) if _PARAGRAPH_BREAK.search(body) else body.split("\n")
            )
            return tuple(" ".join(p.split()) for p in parts if p.strip())
    return ()


def _authors(value: dict) -> tuple[str, ...]:
    found = value.get("authors")
    if found is None:
        found = value.get("author")
    if isinstance(found, str):
        found = [part for part in found.split(";")]
    if not isinstance(found, list):
        return ()
    names = (_text(name.get("name") if isinstance(name, dict) else name) for name in found)
    return tuple(dict.fromkeys(name for name in names if name))


def _credits(value: dict) -> tuple[str, ...]:
    """The pictures' credits a record lists (this project's export does), each one line."""
    found = value.get("credits")
    if not isinstance(found, list):
        return ()
    return tuple(dict.fromkeys(text for text in map(_text, found) if text))


def _first_category(value: dict) -> str | None:
    categories = value.get("categories") or value.get("tags")
    if isinstance(categories, list) and categories:
        return _text(categories[0])
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(value.split())[:2000] or None


def _day(value: Any) -> str | None:
    """``YYYY-MM-DD`` of a date as written (``2023-12-22 10:00:00``, ISO), else ``None``."""
    match = _DAY.match(value) if isinstance(value, str) else None
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month}-{day}" if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 else None


def _language(value: Any) -> str | None:
    match = _LANGUAGE.match(value.strip()) if isinstance(value, str) else None
    return match.group(1).lower() if match else None


def _host(url: str | None) -> str | None:
    match = _HOST.match(url) if url else None
    return match.group(1).lower() if match else None
