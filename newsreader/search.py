"""Pattern compilation and matching for ``news grep``; pure, no I/O.

A pattern becomes one compiled regex (``-F``, ``-w``, ``-i``, ``-S`` are
applied here once), then each article yields the paragraphs it matched,
with match spans for highlighting and optional context paragraphs.
Paragraph 0 is the title; the body's paragraphs count from 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from newsreader.errors import PatternError
from newsreader.model import Article

FIELDS = ("title", "body", "all")


@dataclass(frozen=True)
class Hit:
    """One paragraph to print: its number, text, whether it matched, and the spans to highlight."""

    paragraph: int
    text: str
    matched: bool
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ArticleHits:
    """An article with its matching (and context) paragraphs; ``count`` counts matching ones."""

    article: Article
    hits: tuple[Hit, ...]
    count: int


def compile_pattern(pattern: str, *, fixed: bool = False, ignore_case: bool = False,
                    smart_case: bool = False, word: bool = False) -> re.Pattern:
    """Compile a grep pattern; raises PatternError with one sentence when it is invalid."""
    source = re.escape(pattern) if fixed else pattern
    if word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    caseless = ignore_case or (smart_case and not any(c.isupper() for c in pattern))
    try:
        return re.compile(source, re.IGNORECASE if caseless else 0)
    except re.error as error:
        where = f" at position {error.pos}" if error.pos is not None else ""
        raise PatternError(f"The pattern {pattern!r} is not a valid regular expression: {error.msg}{where}.") from None


def find_hits(article: Article, regex: re.Pattern, field: str = "all", context: int = 0) -> ArticleHits | None:
    """The paragraphs of ``article`` that ``regex`` matches, or None when nothing matches."""
    units: list[tuple[int, str]] = []
    if field in ("title", "all"):
        units.append((0, article.title))
    if field in ("body", "all"):
        units.extend(enumerate(article.paragraphs, start=1))
    spans = {}
    for number, text in units:
        if regex.search(text) is not None:
            # empty matches (e.g. ``a*``) still match the paragraph but highlight nothing
            spans[number] = tuple(match.span() for match in regex.finditer(text) if match.end() > match.start())
    if not spans:
        return None
    texts = dict(units)
    shown = _with_context(sorted(spans), context, set(texts))
    hits = tuple(Hit(number, texts[number], number in spans, spans.get(number, ())) for number in shown)
    return ArticleHits(article, hits, len(spans))


def _with_context(matched: list[int], context: int, available: set[int]) -> list[int]:
    """Matched paragraph numbers plus ``context`` body paragraphs either side, in order."""
    shown = set(matched)
    for number in matched:
        if number == 0:
            continue
        for near in range(number - context, number + context + 1):
            if near >= 1 and near in available:
                shown.add(near)
    return sorted(shown)


def grep_articles(articles: Iterable[Article], regex: re.Pattern, field: str = "all",
                  context: int = 0) -> Iterator[ArticleHits]:
    """Every article with at least one match, in the order given."""
    for article in articles:
        found = find_hits(article, regex, field, context)
        if found:
            yield found
