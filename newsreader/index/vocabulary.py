"""grep's vocabulary: which words the index holds, and which articles it may not split as grep does.

grep's prefilter widens a word fragment ("easefir") to the indexed words
containing it, read from the ``terms`` table. The full-text tokenizer and
grep do not always read words alike: the tokenizer keeps some characters
inside a word that end a grep word (an accent written apart, private-use
characters, characters newer than its Unicode tables), so an article holding
one is marked ``unsplit`` and never ruled out; and it folds a few letters
otherwise than Python lower-cases them (µ, a final capital sigma), so such
an article's words are split in Python. Which characters they are is asked
of the installed SQLite itself, never assumed.
"""

from __future__ import annotations

import functools
import sqlite3
from typing import Iterator

from newsreader.index.database import TOKENIZER
from newsreader.model import WORD

_ASCII_BYTES = bytes(range(128))
_EDGES = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…–—"  # characters never inside a WORD


def terms(text: str, known: set[str]) -> set[str]:
    """The words (``WORD`` runs, lower-cased) of ``text`` that are not in ``known``.

    Splits on whitespace first, in C, and runs the regex only on the new chunks
    that are not a single word already (those with punctuation attached): a few
    times faster than the regex over the whole text, with the same result.
    """
    found = set()
    for chunk in set(text.lower().split()) - known:
        word = chunk.strip(_EDGES)  # "said," and "(AP)" are words once their edges go
        if word.isalnum():  # exactly the characters of a WORD run
            found.add(word)
        elif word:
            found.update(WORD.findall(word))
    return found - known


def non_ascii(text: str) -> set[str]:
    """The characters of ``text`` beyond ASCII: its UTF-8 without the ASCII bytes, decoded, all in
    C (a set of the whole text costs several times as much)."""
    if text.isascii():
        return set()
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))


def joins_words(characters: set[str]) -> bool:
    """Whether a text holding ``characters`` (its non-ASCII ones) may be read by the full-text
    index as one word where grep reads two: it holds a character the tokenizer keeps inside a
    word that no grep word holds, or an unassigned or private-use one."""
    if not characters:
        return False
    import unicodedata  # here: only commands that write the index need it

    joiners = word_joiners()
    return any(character in joiners or unicodedata.category(character) in ("Cn", "Co") for character in characters)


def folds_otherwise(characters: set[str]) -> bool:
    """Whether a text holding ``characters`` has a word the index folds unlike Python's lower()."""
    return not characters.isdisjoint(unlike_words())


@functools.lru_cache(maxsize=1)
def word_joiners() -> frozenset[str]:
    """The assigned characters that no grep word holds but this SQLite's tokenizer keeps inside
    a word: each is put between two letters in a row of its own, and the rows where the letter
    is no word of its own name them. Asked once per process that writes an index."""
    import unicodedata

    candidates = [character for character in _beyond_ascii() if not character.isalnum()
                  and unicodedata.category(character) not in ("Cn", "Co")]
    apart = {row[0] for row in _tokenized([f"x{character}x" for character in candidates],
                                          "SELECT rowid FROM probe WHERE probe MATCH 'x'")}
    return frozenset(character for number, character in enumerate(candidates) if number not in apart)


@functools.lru_cache(maxsize=1)
def unlike_words() -> frozenset[str]:
    """The non-ASCII word characters this SQLite's tokenizer does not read as grep's lower-cased
    words do (folded otherwise, like "µ" to "μ", or taken for a separator), and the capital
    sigma, which Python lower-cases by its place in the word. Each character is the text of a
    row of its own, whose word is compared with the character lower-cased; asked once per
    process, only for syncs that read the index's word list."""
    candidates = [character for character in _beyond_ascii() if character.isalnum()]
    read = dict(_tokenized(candidates, "SELECT doc, term FROM probe_words"))
    return frozenset(character for number, character in enumerate(candidates)
                     if read.get(number) != character.lower()) | {"\u03a3"}


def _beyond_ascii() -> Iterator[str]:
    """Every character past ASCII in the planes that hold assigned ones (the BMP without
    surrogates, planes 1 to 3, and plane 14's tags and variation selectors): what the probes ask
    SQLite about. Characters beyond are unassigned or private use, taken as such by rule."""
    for first, last in ((0x80, 0xD7FF), (0xE000, 0x3FFFF), (0xE0000, 0xE0FFF)):
        yield from map(chr, range(first, last + 1))


def _tokenized(texts: list[str], query: str) -> list[tuple]:
    """``query``'s rows over a scratch in-memory full-text table ``probe`` holding ``texts`` (row
    i holds texts[i]) with the index's tokenizer, and its word list ``probe_words`` (fts5vocab,
    one row per word read)."""
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.execute(f"CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='{TOKENIZER}')")
        scratch.execute("CREATE VIRTUAL TABLE temp.probe_words USING fts5vocab(main, 'probe', 'instance')")
        scratch.executemany("INSERT INTO probe(rowid, text) VALUES (?, ?)", enumerate(texts))
        return scratch.execute(query).fetchall()
    finally:
        scratch.close()
