"""How the full-text tokenizer reads each character, against how grep's regular expressions do.

grep's prefilter asks the full-text index which articles hold a literal,
so it must know, character by character, what the tokenizer makes of the
text and of the query: the tokenizer folds case by its own Unicode tables,
Python's ``re`` by others (``re.IGNORECASE`` also pairs ``ı`` with ``i``,
``ſ`` with ``s``), and the two may be of different Unicode versions. Both
are asked here, never assumed: the installed SQLite by tokenizing every
letter in a scratch table, Python by its own case tables. :class:`Letters`
holds the answers: how to fold a literal as the tokenizer folds it, and
which characters make an article one the prefilter must never rule out.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator

from newsreader.index.database import TOKENIZER

_CAPITAL_SIGMA = (
    "\u03a3"  # the one letter Python's lower() reads by its place in the word (final: ς)
)


@dataclass(frozen=True)
class Letters:
    """What the tokenizer does to each character, where grep would read it otherwise.

    ``folds``: the characters the tokenizer folds to something other than Python's ``lower()``
    does (to another letter, or to nothing: a separator), with what it makes of them.
    ``unsafe``: the characters an article may hold only if the prefilter never rules it out,
    because a literal grep matches against them would not find them in the index: word
    characters the tokenizer folds unlike the rest of their case class (``İ``, ``ı``, letters
    newer than its tables), non-word characters it keeps inside a word (an accent written
    apart, ``cafe`` + U+0301), and, by rule, unassigned and private-use characters.
    """

    folds: dict[str, str]
    unsafe: frozenset[str]

    def fold(self, text: str) -> str:
        """``text`` as the tokenizer folds it, character by character (``lower()`` for ASCII)."""
        if text.isascii():
            return text.lower()
        return "".join(self.folds.get(character, character.lower()) for character in text)

    def fold_literal(self, literal: str) -> str | None:
        """A grep literal as the index holds it, or None when it holds a character the index may
        read otherwise (an article matching it is never ruled out: it cannot narrow)."""
        if not literal.isascii() and not self.unsafe.isdisjoint(literal):
            return None
        return self.fold(literal)

    def fold_text(self, text: str, non_ascii: set[str]) -> str:
        """``text`` (whose non-ASCII characters are ``non_ascii``) folded as the tokenizer folds
        it, by ``lower()`` in C when that gives the same: for a text holding no unsafe character,
        its ``WORD`` runs are then exactly the full-text index's words."""
        if non_ascii.isdisjoint(self.folds) and _CAPITAL_SIGMA not in non_ascii:
            return text.lower()
        return self.fold(text)

    def rule_out_never(self, non_ascii: set[str]) -> bool:
        """Whether a text whose non-ASCII characters are ``non_ascii`` must never be ruled out."""
        return bool(non_ascii) and (
            not self.unsafe.isdisjoint(non_ascii) or _unassigned_or_private(non_ascii)
        )

    def dumps(self) -> str:
        return json.dumps(
            {"folds": self.folds, "unsafe": "".join(sorted(self.unsafe))}, ensure_ascii=False
        )

    @classmethod
    def loads(cls, text: str) -> Letters:
        data = json.loads(text)
        return cls(data["folds"], frozenset(data["unsafe"]))


def _unassigned_or_private(characters: set[str]) -> bool:
    return any(unicodedata.category(character) in ("Cn", "Co") for character in characters)


@functools.lru_cache(maxsize=1)
def ask() -> Letters:
    """Ask the installed SQLite and Python how they read every character (once per process)."""
    tokens = _tokens([character for character in _beyond_ascii() if character.isalnum()])
    folds = {character: token for character, token in tokens.items() if token != character.lower()}
    unsafe = set(_joiners()) | {
        character for character in _unlike_their_class(tokens) if not character.isascii()
    }
    return Letters(folds, frozenset(unsafe))


def _tokens(letters: list[str]) -> dict[str, str]:
    """The token the tokenizer makes of each letter alone ("" for one it takes for a separator).
    Asked in rows of many letters apart, each letter's token at its place; a row where some
    letter made no token is asked again a letter a row."""
    rows = [letters[start : start + _PER_ROW] for start in range(0, len(letters), _PER_ROW)]
    found: dict[int, dict[int, str]] = {}
    for row, place, token in _tokenized(
        [" ".join(row) for row in rows], "SELECT doc, offset, term FROM probe_words"
    ):
        found.setdefault(row, {})[place] = token
    tokens = {}
    for number, row in enumerate(rows):
        read = found.get(number, {})
        if len(read) == len(row):
            tokens.update(zip(row, (read[place] for place in range(len(row)))))
        else:
            alone = dict(_tokenized(row, "SELECT doc, term FROM probe_words"))
            tokens.update((letter, alone.get(place, "")) for place, letter in enumerate(row))
    return tokens


_PER_ROW = 256  # letters asked about in one row


def _unlike_their_class(tokens: dict[str, str]) -> Iterator[str]:
    """The letters whose token differs from the one most of their case class gets (a separator
    always does): Python's ``re.IGNORECASE`` matches any of a class against any other, while the
    index finds a letter only under its own token."""
    lower, extra = _simple_lower(), _extra_cases()
    classes: dict[int, list[str]] = {}
    for character in [*filter(str.isalnum, map(chr, range(128))), *tokens]:
        code = lower(ord(character))
        classes.setdefault(min((code, *extra.get(code, ()))), []).append(character)
    for members in classes.values():
        shown = [tokens.get(member, member.lower()) for member in members]
        if len(members) == 1:
            if not shown[0]:
                yield members[0]
            continue
        ascii_tokens = [token for member, token in zip(members, shown) if member.isascii()]
        usual = ascii_tokens[0] if ascii_tokens else Counter(shown).most_common(1)[0][0]
        yield from (member for member, token in zip(members, shown) if not token or token != usual)


def _simple_lower() -> Callable[[int], int]:
    """The simple lower-case mapping Python's ``re`` compares letters by, ignoring case."""
    try:
        from _sre import unicode_tolower
    except ImportError:  # pragma: no cover - another Python: the full mapping, when one letter

        def unicode_tolower(code: int) -> int:
            lowered = chr(code).lower()
            return ord(lowered) if len(lowered) == 1 else code

    return unicode_tolower


@functools.lru_cache(maxsize=1)
def _extra_cases() -> dict[int, tuple[int, ...]]:
    """re's own table of letters it matches ignoring case beyond their lower case."""
    try:
        from re._compiler import _EXTRA_CASES  # Python 3.11+

        return _EXTRA_CASES
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile

        return {key: tuple(values) for key, values in sre_compile._ignorecase_fixes.items()}


def _joiners() -> Iterator[str]:
    """The assigned non-word characters this tokenizer keeps inside a word: each is put between
    two letters in a row of its own, and the rows where the letter is no word of its own name them."""
    candidates = [
        character
        for character in _beyond_ascii()
        if not character.isalnum() and unicodedata.category(character) not in ("Cn", "Co")
    ]
    apart = {
        row[0]
        for row in _tokenized(
            [f"x{character}x" for character in candidates],
            "SELECT rowid FROM probe WHERE probe MATCH 'x'",
        )
    }
    return (character for number, character in enumerate(candidates) if number not in apart)


def _beyond_ascii() -> Iterator[str]:
    """Every character past ASCII in the planes that hold assigned ones (the BMP without
    surrogates, planes 1 to 3, and plane 14's tags and variation selectors). Characters beyond
    are unassigned or private use, which are unsafe by rule."""
    for first, last in ((0x80, 0xD7FF), (0xE000, 0x3FFFF), (0xE0000, 0xE0FFF)):
        yield from map(chr, range(first, last + 1))


def _tokenized(texts: list[str], query: str) -> list[tuple]:
    """``query``'s rows over a scratch in-memory full-text table ``probe`` holding ``texts`` (row
    i holds texts[i]) with the index's tokenizer, and its word list ``probe_words`` (fts5vocab,
    one row per word read)."""
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.execute(f"CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='{TOKENIZER}')")
        scratch.execute(
            "CREATE VIRTUAL TABLE temp.probe_words USING fts5vocab(main, 'probe', 'instance')"
        )
        scratch.executemany("INSERT INTO probe(rowid, text) VALUES (?, ?)", enumerate(texts))
        return scratch.execute(query).fetchall()
    finally:
        scratch.close()
