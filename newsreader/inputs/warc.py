"""Web archives (``.warc``, ``.warc.gz``): each HTML page an archive holds is a document.

warcio reads the archive as a stream, record by record, whether each record is gzipped on
its own (as ``.warc.gz`` files are) or the file is plain; only one record's page is in
memory at a time. A ``response`` (or ``resource``) record with a 2xx status and an HTML
content type is a page: its HTTP body, decoded from chunks and content encodings, goes
through the HTML reader, with the record's target URI as its key and its address when the
page names no canonical one. An archive cut short or damaged yields the pages before the
damage and one warning.
"""

from __future__ import annotations

import re
from typing import BinaryIO, Iterator

from newsreader.inputs.documents import DOCUMENT_CAP, Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([-\w.:]+)", re.I)


def warc_documents(stream: BinaryIO, problems: list[str]) -> Iterator[Document]:
    """The HTML pages of a web archive read from ``stream``; damage goes to ``problems``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from newsreader.inputs.html import html_document

    pages = records = 0
    try:
        for record in ArchiveIterator(stream, check_digests=False):
            records += 1
            page = _page(record)
            if page is None:
                continue
            data, uri, charset, notes = page
            if getattr(record.raw_stream, "limit", 0) > 0 and len(data) <= DOCUMENT_CAP:
                problems.append(f"web archive cut short after {pages} pages; read those")
                return  # the archive ends inside this record: no good page, nothing after
            pages += 1
            yield html_document(_decoded(data, charset), key=uri, url=uri or None, warnings=notes)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        reason = str(error).strip().splitlines()[0][:120] if str(error).strip() else "cut short"
        problems.append(
            f"web archive damaged after {pages} pages ({reason}); read the pages before it"
        )
        return
    if not pages:
        problems.append(f"no HTML pages in the web archive ({records} records read)")


def _page(record) -> tuple[bytes, str, str | None, tuple[str, ...]] | None:
    """A record's HTML page: its bytes (at most DOCUMENT_CAP), target URI, declared charset
    and warnings; ``None`` for any other record."""
    if record.rec_type not in ("response", "resource"):
        return None
    content_type = ""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = (http.get_statuscode() or "").strip()
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().lstrip().startswith(_HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    data = record.content_stream().read(DOCUMENT_CAP + 1)
    notes = []
    if len(data) > DOCUMENT_CAP:
        data = data[:DOCUMENT_CAP]
        notes.append(
            f"page larger than {DOCUMENT_CAP // (1024 * 1024)} MB; only the start was read"
        )
    declared = _CHARSET.search(content_type)
    return data, uri.strip("<> "), declared.group(1) if declared else None, tuple(notes)


def _decoded(data: bytes, charset: str | None) -> bytes | str:
    """The page as the HTML reader takes it: the bytes, unless they are not UTF-8 and the HTTP
    header names a charset (which then decodes them, as a browser would)."""
    if not charset:
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    name = "windows-1252" if charset.lower() in ("iso-8859-1", "latin-1", "us-ascii") else charset
    try:
        return data.decode(name, "replace")
    except LookupError:
        return data
