"""grep's matcher: a pattern becomes one regex, and each article yields the paragraphs it matched.

``-F``, ``-w``, ``-i`` and ``-S`` are applied once, in :func:`compile_pattern`;
a :class:`GrepQuery` then runs over :class:`~newsreader.model.Text` records,
skipping paragraphs that lack the pattern's literals before the regex runs.
Paragraph 0 is the title; the body's paragraphs count from 1. Pure, no I/O.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Iterable, Iterator

from newsreader.errors import PatternError
from newsreader.model import Article, ArticleHits, Hit, Text
from newsreader.search.literals import paragraph_literals, sre_parser


def compile_pattern(
    pattern: str,
    *,
    fixed: bool = False,
    ignore_case: bool = False,
    smart_case: bool = False,
    word: bool = False,
) -> re.Pattern:
    """Compile a grep pattern; raises PatternError with one sentence when it is invalid, nested
    too deeply for Python's parser, or holds a set Python may read differently in the future
    (``[[:alpha:]]``: POSIX classes are not Python's)."""
    source = re.escape(pattern) if fixed else pattern
    if word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    caseless = ignore_case or (smart_case and not any(c.isupper() for c in pattern))
    shown = _shown_pattern(pattern)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", FutureWarning)
            return re.compile(source, re.IGNORECASE if caseless else 0)
    except re.error as error:
        where = f" at position {error.pos}" if error.pos is not None else ""
        raise PatternError(
            f"The pattern {shown} is not a valid regular expression: {error.msg}{where}."
        ) from None
    except RecursionError:
        raise PatternError(f"The pattern {shown} is nested too deeply to compile.") from None
    except FutureWarning as warning:
        hint = (
            _POSIX_HINT
            if _POSIX_CLASS.search(pattern)
            else "escape a '[' meant literally inside a set as '\\['"
        )
        raise PatternError(
            f"The pattern {shown} has a set Python reads ambiguously ({warning}): {hint}."
        ) from None


_POSIX_CLASS = re.compile(r"\[:[a-z]+:\]")
_POSIX_HINT = (
    "POSIX classes such as [:alpha:] are not Python regular expressions; "
    "use [^\\W\\d_] for letters, \\d for digits, \\s for spaces, \\w for word characters"
)
_SHOWN_PATTERN = 80  # characters of a pattern quoted in an error


def _shown_pattern(pattern: str) -> str:
    """The pattern quoted in an error, shortened when long."""
    return repr(pattern if len(pattern) <= _SHOWN_PATTERN else pattern[:_SHOWN_PATTERN] + "…")


@dataclass(frozen=True)
class GrepQuery:
    """One grep: the compiled regex, the field searched, context paragraphs, and what the
    output needs (``mode``): every matching paragraph with its spans (``lines``), how many
    paragraphs match (``count``) or only whether any does (``files``). The last two skip
    collecting spans, and ``files`` stops at an article's first match, as grep -l does.
    :func:`make_query` fills in ``literals``: paragraphs lacking them are skipped."""

    regex: re.Pattern
    field: str = "all"
    context: int = 0
    mode: str = "lines"
    literals: tuple[
        tuple[str, ...], ...
    ] = ()  # from paragraph_literals: a paragraph lacking them cannot match

    def hits(self, text: Text) -> ArticleHits | None:
        """The paragraphs of an article the regex matches, or None when nothing matches.
        The hits carry only the id, path and title of the article (what printers show), so a
        grep that collects thousands of them does not hold every body in memory."""
        if self.mode != "lines":
            return self._tally(text)
        units = list(enumerate(self._searched(text), start=1 if self.field == "body" else 0))
        candidates = (
            [unit for unit in units if self._may_match(unit[1])] if self.literals else units
        )
        spans = {}
        for number, line in candidates:
            found = [match.span() for match in self.regex.finditer(line)]
            if found:  # empty matches (e.g. ``a*``) still match the paragraph but highlight nothing
                spans[number] = tuple(span for span in found if span[1] > span[0])
        if not spans:
            return None
        lines = dict(units)
        shown = _with_context(sorted(spans), self.context, set(lines))
        hits = tuple(
            Hit(number, lines[number], number in spans, spans.get(number, ())) for number in shown
        )
        return ArticleHits(_shown(text), hits, len(spans))

    def _tally(self, text: Text) -> ArticleHits | None:
        """``files`` and ``count``: whether any paragraph matches, or how many do, with no
        paragraph numbers to keep (the hot loop of a grep over 100,000 articles)."""
        lines = self._searched(text)
        if (
            len(self.literals) == 1 and len(self.literals[0]) == 1
        ):  # the usual case: one literal, tested inline
            literal = self.literals[0][0]
            lines = [line for line in lines if literal in line]
        elif self.literals:
            lines = [line for line in lines if self._may_match(line)]
        search = self.regex.search
        if self.mode == "files":
            return ArticleHits(_shown(text), (), 1) if any(map(search, lines)) else None
        count = len(
            list(filter(None, map(search, lines)))
        )  # C loops: no Python frame per paragraph
        return ArticleHits(_shown(text), (), count) if count else None

    @property
    def plain_literal(self) -> str | None:
        """The pattern as a plain string when it is nothing else (``ceasefire``, ``-F 'a.b'``), in
        ``files`` mode: then an article matches exactly when its searched text contains it
        (a literal with no newline cannot straddle paragraphs), which the index can check."""
        if self.mode != "files" or self.regex.flags & re.IGNORECASE:
            return None
        sre = sre_parser()
        try:
            items = list(sre.parse(self.regex.pattern, self.regex.flags))
        except Exception:  # the pattern compiled, so this is a parser-internals difference: say no
            return None
        if not items or any(op is not sre.LITERAL for op, _ in items):
            return None
        literal = "".join(chr(code) for _, code in items)
        return literal if "\n" not in literal else None

    def listed(self, texts: Iterable[Text]) -> Iterator[ArticleHits]:
        """``files`` hits for texts already known to match (see :attr:`plain_literal`)."""
        return (ArticleHits(_shown(text), (), 1) for text in texts)

    def _searched(self, text: Text) -> list[str]:
        """The paragraphs the field covers, in order: the title (paragraph 0), then the body's."""
        lines = [text.title] if self.field != "body" else []
        if self.field != "title" and text.body:
            lines += text.body.split("\n")
        return lines

    def _may_match(self, text: str) -> bool:
        return all(any(literal in text for literal in group) for group in self.literals)

    def run(self, texts: Iterable[Text]) -> Iterator[ArticleHits]:
        """Every article with at least one match, in the order given."""
        for text in texts:
            found = self.hits(text)
            if found:
                yield found


def make_query(
    regex: re.Pattern, field: str = "all", context: int = 0, mode: str = "lines"
) -> GrepQuery:
    """A GrepQuery that skips the paragraphs lacking the regex's literals (:func:`paragraph_literals`)."""
    return GrepQuery(regex, field, context, mode, paragraph_literals(regex))


def _shown(text: Text) -> Article:
    """What a printer shows of a matching article: its id, path and title, no body."""
    return Article(id=text.id, path=text.path, title=text.title)


def _with_context(matched: list[int], context: int, available: set[int]) -> list[int]:
    """Matched paragraph numbers plus ``context`` body paragraphs either side, in order (a
    context wider than the article is the whole article: never more steps than paragraphs)."""
    context = min(context, len(available))
    shown = set(matched)
    for number in matched:
        if number == 0:
            continue
        for near in range(max(1, number - context), number + context + 1):
            if near in available:
                shown.add(near)
    return sorted(shown)
