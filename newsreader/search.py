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
from newsreader.model import WORD, Article, Text

@dataclass(frozen=True)
class Hit:
    """One paragraph to print: its number, text, whether it matched, and the spans to highlight."""

    paragraph: int
    text: str
    matched: bool
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ArticleHits:
    """An article with its matching (and context) paragraphs; ``count`` counts matching ones
    (1 in ``files`` mode, which stops at the first; ``hits`` is empty unless mode is ``lines``)."""

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
    literals: tuple[tuple[str, ...], ...] = ()  # from paragraph_literals: a paragraph lacking them cannot match

    def hits(self, text: Text) -> ArticleHits | None:
        """The paragraphs of an article the regex matches, or None when nothing matches.
        The hits carry only the id, path and title of the article (what printers show), so a
        grep that collects thousands of them does not hold every body in memory."""
        if self.mode != "lines":
            return self._tally(text)
        units = list(enumerate(self._searched(text), start=1 if self.field == "body" else 0))
        candidates = [unit for unit in units if self._may_match(unit[1])] if self.literals else units
        spans = {}
        for number, line in candidates:
            found = [match.span() for match in self.regex.finditer(line)]
            if found:  # empty matches (e.g. ``a*``) still match the paragraph but highlight nothing
                spans[number] = tuple(span for span in found if span[1] > span[0])
        if not spans:
            return None
        lines = dict(units)
        shown = _with_context(sorted(spans), self.context, set(lines))
        hits = tuple(Hit(number, lines[number], number in spans, spans.get(number, ())) for number in shown)
        return ArticleHits(_shown(text), hits, len(spans))

    def _tally(self, text: Text) -> ArticleHits | None:
        """``files`` and ``count``: whether any paragraph matches, or how many do, with no
        paragraph numbers to keep (the hot loop of a grep over 100,000 articles)."""
        lines = self._searched(text)
        if len(self.literals) == 1 and len(self.literals[0]) == 1:  # the usual case: one literal, tested inline
            literal = self.literals[0][0]
            lines = [line for line in lines if literal in line]
        elif self.literals:
            lines = [line for line in lines if self._may_match(line)]
        search = self.regex.search
        if self.mode == "files":
            return ArticleHits(_shown(text), (), 1) if any(map(search, lines)) else None
        count = len(list(filter(None, map(search, lines))))  # C loops: no Python frame per paragraph
        return ArticleHits(_shown(text), (), count) if count else None

    @property
    def plain_literal(self) -> str | None:
        """The pattern as a plain string when it is nothing else (``ceasefire``, ``-F 'a.b'``), in
        ``files`` mode: then an article matches exactly when its searched text contains it
        (a literal with no newline cannot straddle paragraphs), which the index can check."""
        if self.mode != "files" or self.regex.flags & re.IGNORECASE:
            return None
        sre = _sre()
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


def make_query(regex: re.Pattern, field: str = "all", context: int = 0, mode: str = "lines") -> GrepQuery:
    """A GrepQuery that skips the paragraphs lacking the regex's literals (:func:`paragraph_literals`)."""
    return GrepQuery(regex, field, context, mode, paragraph_literals(regex))


def _shown(text: Text) -> Article:
    """What a printer shows of a matching article: its id, path and title, no body."""
    return Article(id=text.id, path=text.path, title=text.title)


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


# --- index prefilter: what any match must contain --------------------------------------------

_MIN_RUN = 3  # shorter word runs are too common to narrow anything


def required_literals(regex: re.Pattern) -> list[list[str]]:
    """Literal strings any match must contain, as an AND of OR-groups (lower-cased).

    Conservative by construction: a pattern part whose text cannot be known
    (a class, a wildcard, an optional piece, a lookaround) only ends a
    literal, so every match of the regex contains one string of every group.
    An empty list means nothing is known and every article is a candidate.
    """
    return _literal_groups(regex, fold=True)


def paragraph_literals(regex: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """The same groups in their exact case, for skipping paragraphs without them before the
    regex runs (``"ly" in text`` is several times cheaper than searching for ``\\b\\w+ly\\b``);
    none for a pattern that ignores case anywhere, where exact case proves nothing."""
    if regex.flags & re.IGNORECASE or _CASELESS_GROUP.search(regex.pattern):
        return ()
    return tuple(tuple(group) for group in _literal_groups(regex, fold=False))


def _sre():
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    return sre_parse


_CASELESS_GROUP = re.compile(r"\(\?[a-zA-Z-]*i[a-zA-Z-]*[:)]")  # (?i:...) or (?si); may over-match: then no skipping


def _literal_groups(regex: re.Pattern, fold: bool) -> list[list[str]]:
    sre_parse = _sre()
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # the pattern compiled, so this is a parser-internals difference: know nothing
        return []
    return [group for group in _sequence(list(parsed), sre_parse, fold) if all(group)]


def _sequence(items: list, sre, fold: bool) -> list[list[str]]:
    """Requirement groups of a sequence of parsed regex items (lower-cased if ``fold``).

    Consecutive items that can each match only a few known strings (letters,
    a group of alternative words) are multiplied out into one group of whole
    alternatives: "climate (change|crisis)" needs "climate change" or
    "climate crisis", which says more than its pieces do.
    """
    groups: list[list[str]] = []
    current = [""]  # the alternatives the known run so far can be

    def flush() -> None:
        if current != [""]:
            groups.append(sorted({text.lower() if fold else text for text in current}))
        current[:] = [""]

    for op, arg in items:
        known = _exact((op, arg), sre)
        if known is not None and len(current) * len(known) <= _MAX_ALTERNATIVES:
            current[:] = [head + tail for head in current for tail in known]
            continue
        flush()
        if op is sre.SUBPATTERN:
            groups.extend(_sequence(list(arg[-1]), sre, fold))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and arg[0] >= 1:
            groups.extend(_sequence(list(arg[2]), sre, fold))
        elif op is sre.BRANCH:
            choices = [_best(_sequence(list(branch), sre, fold)) for branch in arg[1]]
            if all(choices):
                groups.append(sorted(set(choices)))
    flush()
    return groups


_MAX_ALTERNATIVES = 16  # whole strings a known run may stand for before it is cut into pieces


def _exact(item, sre) -> list[str] | None:
    """Every string a parsed item can match, when that is a short list (a literal, a group
    of literals, alternatives of those); else None."""
    op, arg = item
    if op is sre.LITERAL:
        return [chr(arg)]
    if op is sre.SUBPATTERN and not arg[1] and not arg[2]:  # no flags switched inside
        found = [""]
        for inner in arg[-1]:
            known = _exact(inner, sre)
            if known is None or len(found) * len(known) > _MAX_ALTERNATIVES:
                return None
            found = [head + tail for head in found for tail in known]
        return found
    if op is sre.BRANCH:
        found = []
        for branch in arg[1]:
            known = _exact((sre.SUBPATTERN, (None, 0, 0, branch)), sre)
            if known is None:
                return None
            found.extend(known)
        return found if len(found) <= _MAX_ALTERNATIVES else None
    return None


def _best(groups: list[list[str]]) -> str | None:
    """The single most selective literal of a branch (the longest one that stands alone)."""
    singles = [group[0] for group in groups if len(group) == 1]
    return max(singles, key=len) if singles else None


def fts_query(groups: list[list[str]], terms_containing) -> str | None:
    """An FTS5 query every article matching ``groups`` satisfies, or None when it cannot narrow.

    A word run inside a literal ("de" in "a de b") must be a whole indexed
    word; a run at the literal's right end must start one (a prefix query);
    any other run may sit inside a longer word, so it is expanded through
    ``terms_containing(run)`` (the index's vocabulary; None when too many).
    Returns ``""`` when no article can match.
    """
    clauses = []
    for group in groups:
        options = []
        for literal in group:
            option = _literal_query(literal, terms_containing)
            if option is None:
                options = None
                break
            if option:
                options.append(option)
        if options is None:
            continue  # one alternative cannot be narrowed: the group says nothing
        if not options:
            return ""  # no alternative can occur in any article
        clauses.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(clauses) if clauses else None


def _literal_query(literal: str, terms_containing) -> str | None:
    """The FTS5 clause for one literal; None if it cannot narrow, "" if nothing can contain it."""
    runs = [(m.start(), m.end(), m.group()) for m in WORD.finditer(literal)]
    if len(runs) >= 2:
        phrase = _phrase_query(literal, runs, terms_containing)
        if phrase is not None:
            return phrase
    runs = [(start, end, run) for start, end, run in runs if end - start >= _MIN_RUN]
    if not runs:
        return None
    # prefer a run whose word boundaries the literal shows (exact word, then prefix), then the longest
    start, end, run = max(runs, key=lambda r: ((r[0] > 0) + (r[0] > 0 and r[1] < len(literal)), r[1] - r[0]))
    if start > 0 and end < len(literal):
        return _quote(run)
    if start > 0:  # bounded on the left, open on the right: the word starts with the run
        return _quote(run) + "*"
    terms = terms_containing(run)
    if terms is None:
        return None
    return "(" + " OR ".join(_quote(term) for term in terms) + ")" if terms else ""


def _phrase_query(literal: str, runs: list[tuple[int, int, str]], terms_containing) -> str | None:
    """Several word runs as an FTS5 phrase (adjacent words, in order): inner runs are whole
    words, the last run may begin a longer word (a prefix), and the first may end one, so it
    stands for the indexed words that end with it. An edge run too short to narrow, or with
    too many such words, is left out of the phrase; None when no word is left."""
    words = [run for _, _, run in runs]
    prefix = runs[-1][1] == len(literal)
    if prefix and len(words[-1]) < _MIN_RUN:
        words, prefix = words[:-1], False
    firsts = [words[0]]
    if runs[0][0] == 0:  # open on the left: the first word may be the end of a longer one
        terms = terms_containing(words[0]) if len(words[0]) >= _MIN_RUN else None
        firsts = [term for term in terms if term.endswith(words[0])] if terms is not None else None
        if firsts == []:
            return ""  # no indexed word ends that way: no article can hold the literal
        if firsts is None or len(firsts) > _MAX_PHRASES:
            words, firsts = words[1:], None
    if not words or (len(words) == 1 and firsts is None and len(words[0]) < _MIN_RUN):
        return None
    star = "*" if prefix else ""
    rest = words[1:] if firsts else words
    phrases = [_quote(" ".join([first, *rest])) + star for first in firsts] if firsts else [_quote(" ".join(rest)) + star]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


_MAX_PHRASES = 20  # words a phrase's open first run may stand for before it is left out


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
