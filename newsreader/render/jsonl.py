"""JSON printer: JSON Lines for lists, one object for a single article.

Strings keep their Unicode (``ensure_ascii=False``) for readability, but
control characters, bidi overrides and the lone surrogates that stand for
undecodable bytes in file names are written as ``\\uXXXX`` escapes,
so JSON output can go to a terminal or a pipe without acting on either.
When standard output cannot hold every character (a Latin-1 or ASCII locale),
every non-ASCII character is escaped so: JSON loses nothing to the encoding.
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Mapping, TextIO

from newsreader.model import (
    Article,
    ArticleHits,
    LineRole,
    Listing,
    MarkChange,
    SavedCount,
    SearchHit,
    SectionCount,
    SyncReport,
)

_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(value: object, ascii_only: bool = False) -> str:
    """One line of JSON with terminal-unsafe characters escaped (``ascii_only``: every
    character beyond ASCII)."""
    text = json.dumps(value, ensure_ascii=ascii_only)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class JsonPrinter:
    """Writes JSON to ``out``: the export schema, or objects shaped like it."""

    default_limit = 0
    needs_records = True

    def __init__(self, out: TextIO, ascii_only: bool = False):
        self.out = out
        self.ascii_only = ascii_only  # for an output whose encoding cannot hold every character

    def _line(self, value: object) -> None:
        self.out.write(dumps(value, self.ascii_only) + "\n")

    def listing(self, listing: Listing) -> None:
        """One record per line, without the paragraphs; with ``copies`` when collapsed."""
        for at, article in enumerate(listing.rows):
            record = article.to_dict(body=False)
            if listing.copies is not None:
                record["copies"] = listing.copies[at]
            self._line(record)

    def articles(self, articles: Iterable[Article]) -> None:
        """One full record per line (JSON Lines)."""
        for article in articles:
            self._line(article.to_dict())

    def article(self, article: Article) -> None:
        self._line(article.to_dict())

    def raw(self, article: Article, text: str) -> None:
        self._line({"id": article.id, "path": article.path, "text": text})

    def explain(self, article: Article, roles: list[LineRole]) -> None:
        for role in roles:
            self._line(
                {"line": role.number, "role": role.role, "reason": role.reason, "text": role.text}
            )

    def grep(self, results: Iterable[ArticleHits], mode: str, context: int = 0) -> int:
        """One object per article (``files``/``count``) or per printed paragraph."""
        matched = 0
        for result in results:
            matched += 1
            article_id = result.article.id
            if mode == "files":
                self._line({"id": article_id, "title": result.article.title})
            elif mode == "count":
                self._line({"id": article_id, "count": result.count})
            else:
                for hit in result.hits:
                    found = {
                        "id": article_id,
                        "paragraph": hit.paragraph,
                        "matched": hit.matched,
                        "text": hit.text,
                        "spans": [list(span) for span in hit.spans],
                    }
                    if mode in ("numbered", "vimgrep"):
                        found.update(path=result.article.path, line=hit.line, column=hit.column)
                    self._line(found)
        return matched

    def ranked(self, results: list[SearchHit]) -> None:
        for hit in results:
            self._line(
                {
                    "id": hit.article.id,
                    "score": round(hit.score, 4),
                    "title": hit.article.title,
                    "snippet": hit.snippet,
                    **({} if hit.copies is None else {"copies": hit.copies}),
                }
            )

    def copies(self, groups: list[tuple[Article, ...]]) -> None:
        """One object per group: its number and its articles' records without paragraphs."""
        for number, group in enumerate(groups, start=1):
            self._line(
                {"group": number, "articles": [article.to_dict(body=False) for article in group]}
            )

    def sections(self, sections: list[SectionCount]) -> None:
        for count in sections:
            self._line(
                {
                    "section": count.section or None,
                    "articles": count.articles,
                    "first": count.first or None,
                    "last": count.last or None,
                    "unread": count.unread,
                }
            )

    def warnings(self, warned: Mapping[str, tuple[str, ...]]) -> None:
        for article_id, found in warned.items():
            self._line({"id": article_id, "warnings": list(found)})

    def changed(self, change: MarkChange) -> None:
        self._line(
            {
                "action": change.action,
                "changed": change.changed,
                "articles": change.named,
                "copies": change.alike,
            }
        )

    def saved(self, searches: list[SavedCount]) -> None:
        for search in searches:
            self._line(
                {
                    "name": search.name,
                    "query": search.query,
                    "filters": list(search.filters),
                    "articles": search.articles,
                    "unread": search.unread,
                }
            )

    def note(self, sentence: str) -> None:
        self._line({"note": sentence})

    def report(self, report: SyncReport) -> None:
        self._line(
            {
                "articles": report.parsed + report.unchanged
                if report.articles is None
                else report.articles,
                "parsed": report.parsed,
                "unchanged": report.unchanged,
                "dropped": report.dropped,
                "unreadable": report.unreadable,
            }
        )
