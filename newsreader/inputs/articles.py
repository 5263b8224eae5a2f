"""A file's documents as article records: one named as its file, or many named after it.

A file holding one document (a text dump, a saved page, one scraper record) is one article
whose id is the file's (its name without the extension, and without ``.gz``). A file of
many (JSON lines, a web archive, a feed, a JSON list) gives an article per document, each
with an id of the file's and the document's own key (:func:`contained_id`), and no running
number or hash: those name files.
"""

from __future__ import annotations

import re
from dataclasses import replace
from hashlib import blake2b
from itertools import chain
from typing import Iterator

from newsreader.inputs.documents import Document
from newsreader.inputs.evidence import article_from
from newsreader.model import KEY_DIGITS, Article, Entry

_UUID = re.compile(r"[0-9a-fA-F]{8}(?:-?[0-9a-fA-F]{4}){3}-?[0-9a-fA-F]{12}")


def articles_of(
    entry: Entry, documents: Iterator[Document], shared: frozenset[int], keys: bytes | None
) -> Iterator[tuple[Article, str]]:
    """The records of a file's documents, each with what names its content for the reader's
    marks (its own id or URL when it states one, else its text). A file of one document is one
    article named as the file; each of many is named after the file and its key
    (:func:`contained_id`)."""
    name = entry.name[:-3] if entry.name.lower().endswith(".gz") else entry.name  # id: no .gz
    first, second = next(documents, None), next(documents, None)
    if second is None:
        document = first or Document("", "")
        yield article_from(document, name, entry.path, shared, keys), identity(document, name)
        return
    for document in chain((first, second), documents):
        article = article_from(document, name, entry.path, shared)
        article = replace(
            article, id=contained_id(article.id, document.key), number=None, hash=None
        )
        yield article, identity(document, name)


def identity(document: Document, file: str) -> str:
    """What names a document for the reader's marks: its own key when that names it wherever
    it is found (a URL, a ``urn:`` or ``tag:`` URI, a UUID), so an item keeps its marks when
    its feed is saved again, in this file or another; else, when it states a short key of its
    own (``"id": 7``, a guid ``valley-17``), the URL it states (an item's link), else that key
    within ``file`` (its name in the folder): two files' items ``1`` are two stories, and an
    item keeps its marks as its text is updated; else its text."""
    if _names_anywhere(document.key):
        return document.key
    if not document.key or (document.key[:1] == "#" and document.key[1:].isdigit()):
        return document.text
    if document.url and _names_anywhere(document.url):
        return document.url
    return f"{file}\0{document.key}"


def _names_anywhere(key: str) -> bool:
    """Whether ``key`` names one thing wherever it is found: a URL or URN, a tag URI, a UUID."""
    return "://" in key or key[:4].lower() in ("urn:", "tag:") or bool(_UUID.fullmatch(key))


def contained_id(file_id: str, key: str) -> str:
    """The id of the document ``key`` (its own id or URL, or ``#N``) in the file ``file_id``:
    ``file#N`` for the N-th item that states no key of its own, else ``file#`` and KEY_DIGITS
    hex digits of the key's digest, stable while the item is in the file whatever moves
    around it."""
    if key[:1] == "#" and key[1:].isdigit():
        return f"{file_id}{key}"
    digest = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=KEY_DIGITS // 2).hexdigest()
    return f"{file_id}#{digest}"
