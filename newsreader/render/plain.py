"""Plain-text printer: the stable, documented formats for pipes and scripts.

Every line is data: no colour, no box drawing, no header. Fields are
sanitised and single-line, so tab-separated columns never break. The
README's "Plain output" section documents each format; tests pin them.
"""

from __future__ import annotations

from typing import Iterable, TextIO

import textwrap3

from newsreader.model import FIELD_SEPARATOR, Article, LineRole
from newsreader.render.clean import clean, clean_field, needs_cleaning
from newsreader.render.facts import meta_line
from newsreader.search import ArticleHits

_BLOCK = 20_000  # listing rows checked and written at a time


class PlainPrinter:
    """Writes plain text to ``out``; ``width`` wraps ``show`` output (0 = no wrapping)."""

    def __init__(self, out: TextIO, width: int = 80):
        self.out = out
        self.width = width

    def listing(self, rows: list[str], warned: dict[str, tuple[str, ...]], total: int) -> None:
        """``id<TAB>date<TAB>section<TAB>words<TAB>title``, one line per packed Summary row.

        Written in blocks that are checked once as a whole and sent as they are
        when nothing needs cleaning (the usual case, and 100,000 rows' worth of
        work saved); a block that does need it is cleaned field by field.
        """
        for start in range(0, len(rows), _BLOCK):
            part = rows[start:start + _BLOCK]
            block = "\n".join(part) + "\n"
            if not needs_cleaning(block) and block.count("\n") == len(part):
                self.out.write(block.replace(FIELD_SEPARATOR, "\t"))
            else:
                self.out.write("".join("\t".join(map(clean_field, row.split(FIELD_SEPARATOR))) + "\n"
                                       for row in part))

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

    def grep(self, results: Iterable[ArticleHits], mode: str, context: int = 0) -> int:
        """``id:paragraph:text`` per match, ``id-paragraph-text`` per context line; returns articles matched.

        With context, ``--`` separates runs of paragraphs that are not adjacent, as grep does.
        """
        matched = 0
        previous: tuple[str, int] | None = None
        for result in results:
            matched += 1
            article_id = clean_field(result.article.id)
            if mode == "files":
                self.out.write(article_id + "\n")
                continue
            if mode == "count":
                self.out.write(f"{article_id}:{result.count}\n")
                continue
            for hit in result.hits:
                if context and previous is not None and previous != (article_id, hit.paragraph - 1):
                    self.out.write("--\n")
                sep = ":" if hit.matched else "-"
                self.out.write(f"{article_id}{sep}{hit.paragraph}{sep}{clean_field(hit.text)}\n")
                previous = (article_id, hit.paragraph)
        return matched

    def ranked(self, results: list[tuple[Article, float, str]]) -> None:
        """``id<TAB>score<TAB>title`` per article, best first (score: BM25, higher is better)."""
        for article, score, _ in results:
            self.out.write(f"{clean_field(article.id)}\t{score:.3f}\t{clean_field(article.title)}\n")

    def explain(self, article: Article, roles: list[LineRole]) -> None:
        """``line<TAB>role<TAB>reason<TAB>text`` for every non-blank line of the file."""
        for role in roles:
            self.out.write(f"{role.number}\t{role.role}\t{role.reason}\t{clean_field(role.text)}\n")
