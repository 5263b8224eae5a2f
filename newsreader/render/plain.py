"""Plain-text printer: the stable, documented formats for pipes and scripts.

Every line is data: no colour, no box drawing, no header. Fields are
sanitised and single-line, so tab-separated columns never break. The
README's "Plain output" section documents each format; tests pin them.
"""

from __future__ import annotations

import shlex
from typing import Iterable, Mapping, TextIO

import textwrap3

from newsreader.model import (
    Article,
    ArticleHits,
    LineRole,
    Listing,
    MarkChange,
    SavedCount,
    SearchHit,
    SectionCount,
    Summary,
    SyncReport,
    shown_id,
    utf8_length,
)
from newsreader.render.clean import clean, clean_field, utf8_is_clean
from newsreader.render.facts import change_line, meta_line, report_line

_BLOCK = 20_000  # listing rows formatted, checked and written at a time
_ARTICLE_SEPARATOR = (
    "\f\n"  # between articles printed one after another: a form feed on its own line
)


class PlainPrinter:
    """Writes plain text to ``out``; ``width`` wraps article text (0 = no wrapping)."""

    default_limit = 0
    needs_records = False

    def __init__(self, out: TextIO, width: int = 80):
        self.out = out
        self.width = width

    def listing(self, listing: Listing) -> None:
        """``id<TAB>date<TAB>section<TAB>words<TAB>title``, one line per article (ids as
        ``shown_id`` prints them, unknown fields empty); a collapsed list adds
        ``<TAB>copies``, how many articles the line stands for.

        Written in blocks, each joined in C as UTF-8 (:meth:`Summaries.lines`) and checked once
        as a whole: a block holding nothing to clean (the usual case) is written as it is, its
        bytes straight to standard output when that takes UTF-8; one that does is cleaned field
        by field.
        """
        rows = listing.rows
        if listing.copies is not None:
            for row, count in zip(rows, listing.copies):
                self.out.write(_summary_line(row) + f"\t{count}\n")
            return
        write_utf8 = getattr(self.out, "write_utf8", None)  # stdout takes the bytes as they are
        for start in range(0, len(rows), _BLOCK):
            part = rows[start : start + _BLOCK]
            block = part.lines("\t")
            if not utf8_is_clean(block, tabs=4 * len(part), newlines=len(part)):
                self.out.write("".join(_summary_line(row) + "\n" for row in part))
            elif write_utf8 is not None:
                write_utf8(block)
            else:
                self.out.write(block.decode())

    def articles(self, articles: Iterable[Article]) -> None:
        """Each article as :meth:`article` prints it, a line holding only a form feed between two
        (as ``pr`` and mail tools separate pages: split on it)."""
        for number, article in enumerate(articles):
            if number:
                self.out.write(_ARTICLE_SEPARATOR)
            self.article(article)

    def article(self, article: Article) -> None:
        """Title, metadata line, blank line, then the paragraphs separated by blank lines."""
        self.out.write(clean_field(article.title) + "\n")
        self.out.write(clean_field(meta_line(article)) + "\n")
        for paragraph in article.paragraphs:
            self.out.write("\n" + self._wrap(clean_field(paragraph)) + "\n")

    def _wrap(self, text: str) -> str:
        if self.width <= 0:
            return text
        return textwrap3.fill(text, width=self.width, break_on_hyphens=False)

    def raw(self, article: Article, text: str) -> None:
        """The decoded original text, control characters removed."""
        self.out.write(clean(text))
        if text and not text.endswith("\n"):
            self.out.write("\n")

    def explain(self, article: Article, roles: list[LineRole]) -> None:
        """``line<TAB>role<TAB>reason<TAB>text`` for every non-blank line of the file."""
        for role in roles:
            self.out.write(f"{role.number}\t{role.role}\t{role.reason}\t{clean_field(role.text)}\n")

    def grep(self, results: Iterable[ArticleHits], mode: str, context: int = 0) -> int:
        """``id:paragraph:text`` per match, ``id-paragraph-text`` per context paragraph, ``--``
        between runs of paragraphs that are not adjacent (as grep does); ``id:count`` with
        ``-c``; ``id`` with ``-l``; with ``-n`` the raw file's ``path:line:text`` in place of
        id and paragraph; with ``--vimgrep`` ``path:line:column:text`` per match. Returns the
        articles matched."""
        matched = 0
        previous: tuple[str, int] | None = None
        for result in results:
            matched += 1
            article_id = shown_id(result.article.id)
            if mode == "files":
                self.out.write(article_id + "\n")
                continue
            if mode == "count":
                self.out.write(f"{article_id}:{result.count}\n")
                continue
            if mode == "vimgrep":
                self._vimgrep(result)
                continue
            where = clean_field(result.article.path) if mode == "numbered" else article_id
            for hit in result.hits:
                if context and previous is not None and previous != (article_id, hit.paragraph - 1):
                    self.out.write("--\n")
                sep = ":" if hit.matched else "-"
                place = hit.line if mode == "numbered" else hit.paragraph
                self.out.write(f"{where}{sep}{place}{sep}{clean_field(hit.text)}\n")
                previous = (article_id, hit.paragraph)
        return matched

    def _vimgrep(self, result: ArticleHits) -> None:
        path = clean_field(result.article.path)
        for hit in result.hits:
            for start, _ in hit.spans or ((0, 0),):
                column = hit.column + utf8_length(hit.text[:start])  # bytes, as editors count
                self.out.write(f"{path}:{hit.line}:{column}:{clean_field(hit.text)}\n")

    def ranked(self, results: list[SearchHit]) -> None:
        """``id<TAB>score<TAB>title`` per article, best first (score: BM25, higher is better),
        then ``<TAB>copies`` when collapsed."""
        for hit in results:
            copies = "" if hit.copies is None else f"\t{hit.copies}"
            self.out.write(
                f"{shown_id(hit.article.id)}\t{hit.score:.3f}\t{clean_field(hit.article.title)}{copies}\n"
            )

    def copies(self, groups: list[tuple[Article, ...]]) -> None:
        """``group<TAB>id<TAB>date<TAB>section<TAB>words<TAB>title`` per article, groups
        numbered from 1, largest first, each oldest first."""
        for number, group in enumerate(groups, start=1):
            for article in group:
                self.out.write(f"{number}\t{_summary_line(article)}\n")

    def report(self, report: SyncReport) -> None:
        """``N articles: P parsed, U unchanged, D dropped``."""
        self.out.write(report_line(report) + "\n")

    def sections(self, sections: list[SectionCount]) -> None:
        """``section<TAB>articles<TAB>first<TAB>last<TAB>unread`` per section, most articles
        first."""
        for count in sections:
            self.out.write(
                f"{clean_field(count.section)}\t{count.articles}\t{count.first}\t{count.last}"
                f"\t{count.unread if count.unread is not None else ''}\n"
            )

    def warnings(self, warned: Mapping[str, tuple[str, ...]]) -> None:
        """``id<TAB>warning`` per warning."""
        for article_id, found in warned.items():
            for warning in found:
                self.out.write(f"{shown_id(article_id)}\t{clean_field(warning)}\n")

    def changed(self, change: MarkChange) -> None:
        """``C of N articles marked read`` (see :func:`~newsreader.render.facts.change_line`)."""
        self.out.write(change_line(change) + "\n")

    def saved(self, searches: list[SavedCount]) -> None:
        """``name<TAB>unread<TAB>articles<TAB>query<TAB>filters`` per saved search, by name
        (filters as the options that ask for them, quoted as a shell reads them, so a line
        can be pasted back: ``--author 'jo b'``)."""
        for search in searches:
            filters = clean_field(shlex.join(search.filters))
            self.out.write(
                f"{search.name}\t{search.unread}\t{search.articles}\t{clean_field(search.query)}"
                f"\t{filters}\n"
            )

    def note(self, sentence: str) -> None:
        self.out.write(clean_field(sentence) + "\n")


def _summary_line(row: Summary | Article) -> str:
    """A list's line of one article (a summary or a record), without its newline."""
    if isinstance(row, Article):
        row = Summary(
            shown_id(row.id), row.published or "", row.section or "", str(row.words), row.title
        )
    return "\t".join(map(clean_field, row))
