"""``news search`` queries: what a user types, read as a full-text query that always parses.

Ordinary text just works: every word is searched, and a word with
punctuation inside (``cease-fire``, ``U.S.``, ``don't``, ``$10``, ``50%``,
``Biden:``) is searched as the words it holds, in order (a phrase). On top
of that: ``"exact phrases"``, ``prefix*``, ``AND``, ``OR``, ``NOT`` (in
capitals; ``a NOT b``) and parentheses. A query that still makes no sense
(an unclosed quote, ``OR`` with nothing after it) is refused with one
sentence saying what is wrong, in the user's terms; the result handed to the
index is FTS5 syntax in which every word is quoted, so nothing the user
types is ever read as FTS5's own syntax (column filters, ``NEAR``, ``^``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.errors import QueryError, UsageError
from newsreader.model import WORD

MAX_WORDS = (
    64  # the full-text index's time grows faster than the words do: a few hundred take minutes
)
_OPERATORS = ("AND", "OR", "NOT")
_TOKEN = re.compile(r'\s*(?:(")|([()])|([^\s()"]+))')


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: the FTS5 text to run and the words it searches for (for highlighting)."""

    fts: str
    words: tuple[str, ...]


def parse_query(text: str) -> SearchQuery:
    """Read a user's query; raises UsageError for an empty one and QueryError, with one sentence,
    for one that cannot be read."""
    if not text.strip():
        raise UsageError("The search query is empty; give at least one word.")
    parser = _Parser(_tokens(text))
    fts = parser.expression()
    if parser.peek() == ")":
        raise QueryError("The search query has a ')' with no '(' before it.")
    if not parser.words:
        raise QueryError(f"The search query {text!r} has no words to search for.")
    if len(parser.words) > MAX_WORDS:
        raise QueryError(
            f"The search query has {len(parser.words)} words; search with at most {MAX_WORDS}."
        )
    return SearchQuery(fts, tuple(parser.words))


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: ``phrase``, ``(``, ``)``, ``op`` or ``term``."""
    tokens = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:  # only spaces were left
            break
        quote, paren, bare = match.groups()
        position = match.end()
        if quote:
            end = text.find('"', position)
            if end < 0:
                raise QueryError('The search query has a quotation mark (") that is never closed.')
            star = text.startswith("*", end + 1)
            tokens.append(("phrase*" if star else "phrase", text[position:end]))
            position = end + 1 + star
        elif paren:
            tokens.append((paren, paren))
        elif bare in _OPERATORS:
            tokens.append(("op", bare))
        else:
            tokens.append(("term", bare))
    return tokens


class _Parser:
    """Recursive descent over the tokens: OR of ANDs of NOTs of words, phrases and groups
    (FTS5's own precedence), written back as FTS5 with every word quoted."""

    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.at = 0
        self.words: list[str] = []

    def peek(self) -> str | None:
        if self.at >= len(self.tokens):
            return None
        kind, text = self.tokens[self.at]
        return text if kind in ("op", "(", ")") else kind

    def expression(self) -> str:
        parts = [self._all()]
        while self.peek() == "OR":
            self.at += 1
            parts.append(self._all("OR"))
        return _joined(parts, "OR")

    def _all(self, after: str | None = None) -> str:
        parts = [self._unless(after)]
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.at += 1
                parts.append(self._unless("AND"))
            else:
                parts.append(self._unless())
        return _joined([part for part in parts if part], "AND")

    def _unless(self, after: str | None = None) -> str:
        part = self._one(after)
        while self.peek() == "NOT":
            self.at += 1
            excluded = self._one("NOT")
            if not part:
                raise QueryError("NOT needs words before it, as in 'ferry NOT strike'.")
            part = f"({part} NOT {excluded})" if excluded else part
        return part

    def _one(self, after: str | None) -> str:
        """One word, phrase or parenthesised group ("" for a word with nothing to search)."""
        token = self.peek()
        if token in ("AND", "OR"):
            raise QueryError(f"{token} needs words on both sides, as in 'ferry {token} strike'.")
        if token == "NOT":
            raise QueryError("NOT needs words before it, as in 'ferry NOT strike'.")
        if token in (None, ")"):
            if after == "NOT":
                raise QueryError("NOT needs words after it, as in 'ferry NOT strike'.")
            if after:
                raise QueryError(
                    f"{after} needs words on both sides, as in 'ferry {after} strike'."
                )
            raise QueryError(
                "The search query has a ')' with no '(' before it."
                if token == ")"
                else "The search query has no words where some are needed."
            )
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "(":
            if self.peek() == ")":
                raise QueryError("The search query has empty parentheses.")
            inside = self.expression()
            if self.peek() != ")":
                raise QueryError("The search query has a '(' that is never closed.")
            self.at += 1
            return inside  # a quoted word or phrase, or already in parentheses (see _joined)
        prefix = kind == "phrase*" or (kind == "term" and text.endswith("*"))
        text = text.rstrip("*") if kind == "term" else text
        found = WORD.findall(text)
        if not found:
            return ""  # punctuation alone ("&", "—"): nothing to search for
        self.words.extend(found)
        # quoted, the full-text index reads the text as the words it holds, in order (a phrase)
        return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


def _joined(parts: list[str], operator: str) -> str:
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return "(" + f" {operator} ".join(parts) + ")"
