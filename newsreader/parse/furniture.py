"""Page furniture: the boxes a site repeats on its pages, found by comparing a folder's files.

A site's fixed boxes ("Why you can trust us", an editors' note) recur from page to page with
the same neighbours; an article's own lines do not, even where another page links to its
headline (there the neighbours differ). So a pair of adjacent lines is furniture once two
files share it, a single line once three do (a sidebar headline that moves around):
:data:`SHARED_FROM` states that rule, for the parser and the index alike. Only lines of up to
40 words are keyed: furniture is short, and keys for every paragraph would swell the index.
:func:`file_keys` gives a file's keys (as the index stores them), :func:`shared_keys` a
folder's furniture, :func:`repeated_lines` the lines of a file that carry it.
"""

from __future__ import annotations

from array import array
from collections import Counter
from hashlib import blake2b
from typing import Iterable

from newsreader.parse.decode import decode_bytes

_MIN_WORDS = (
    4  # shorter lines (labels, kickers, "Advertisement") repeat by nature and are left to the cues
)
KEYED_WORDS = 40  # longer lines are paragraphs
_MAX_PAIR = (
    600  # bytes of a counted pair at most: a short line beside a long paragraph still counts
)
PAIR, LINE = 1, 0  # a key's kind, its lowest bit: a pair of adjacent lines, or a single line
#: Files of a folder that must hold a key of each kind for its lines to be furniture: a pair is
#: a box with its neighbours, but a single line may be a headline that other pages link to.
SHARED_FROM: dict[int, int] = {PAIR: 2, LINE: 3}


def kind(key: int) -> int:
    """A key's kind, :data:`PAIR` or :data:`LINE`: its lowest bit (``key & 1`` in SQL too)."""
    return key & 1


#: The hash of every key, before any text: copied for each key, which costs less than making
#: a hash with its options anew (a file has a few dozen keys, and every file of a folder is keyed)
_BLAKE2B = blake2b(digest_size=8)


def _key(text: bytes, of_kind: int) -> int:
    hashed = _BLAKE2B.copy()
    hashed.update(text)
    return (int.from_bytes(hashed.digest(), "big", signed=True) & ~1) | of_kind


def line_keys(lines: list[str]) -> list[tuple[tuple[int, ...], int]]:
    """(line indexes, key) for every counted single line and pair of adjacent (stripped) lines;
    a key is a signed 64-bit hash of the text, ignoring case and spacing (:func:`_normalised`).
    Lines too long to be counted are not normalised at all: a file's paragraphs are most of its
    text."""
    texts = [_normalised(line) if len(line) < _MAX_PAIR else b"" for line in lines]
    words = [text.count(b" ") + 1 if text else 0 for text in texts]
    counted = [_MIN_WORDS <= n <= KEYED_WORDS for n in words]
    keys = [((i,), _key(text, LINE)) for i, text in enumerate(texts) if counted[i]]
    keys += [
        ((i, i + 1), _key(texts[i] + b"\n" + texts[i + 1], PAIR))
        for i in range(len(texts) - 1)
        if (counted[i] or counted[i + 1])
        and texts[i]
        and texts[i + 1]
        and len(texts[i]) + len(texts[i + 1]) < _MAX_PAIR
    ]
    return keys


_ASCII = bytes(range(128))


def _normalised(line: str) -> bytes:
    """A stripped line as it is keyed: case-folded, its spacing made single, in UTF-8. A
    printable line without double spaces holds no spacing to normalise (every whitespace
    character but the space is unprintable), which spares splitting and joining most lines.
    One whose characters beyond ASCII fold to themselves (typographic quotes and dashes, the
    usual ones of English news) folds as its UTF-8 bytes lower-cased: ``str.casefold`` looks
    up every character of a wide string (~5 ns each), ``bytes.lower`` touches ASCII bytes
    alone, and folding goes character by character, so the two agree on such a line."""
    if "  " in line or not line.isprintable():
        return " ".join(line.casefold().split()).encode("utf-8", "surrogatepass")
    data = line.encode("utf-8", "surrogatepass")
    if line.isascii():
        return data.lower()
    beyond = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    if beyond.casefold() == beyond:  # a letter that folds otherwise makes the fold differ
        return data.lower()
    return line.casefold().encode("utf-8", "surrogatepass")


def split_text(text: str) -> list[str]:
    """A decoded file's non-blank lines, stripped: the lines the parser sees."""
    return [line for line in (raw.strip() for raw in text.split("\n")) if line]


def file_keys(data: bytes) -> bytes:
    """The keys of a raw file, packed as 64-bit integers (how the index stores them): every key
    in line order, then the index of the line each starts at. A parse given them
    (:func:`repeated_lines`) finds the file's furniture without hashing its lines again."""
    found = line_keys(split_text(decode_bytes(data)[0]))
    return array("q", [key for _, key in found] + [where[0] for where, _ in found]).tobytes()


def unpack(keys: bytes) -> set[int]:
    """The distinct keys :func:`file_keys` packed: what a file adds to its folder's counts."""
    return set(_unpacked(keys)[0])


def _unpacked(keys: bytes) -> tuple[array, array]:
    """The keys and the line indexes :func:`file_keys` packed."""
    found = array("q")
    found.frombytes(keys)
    half = len(found) // 2
    return found[:half], found[half:]


def _positions(keys: bytes) -> Iterable[tuple[tuple[int, ...], int]]:
    """(line indexes, key) as :func:`line_keys` gives them, from :func:`file_keys`' packing."""
    found, first = _unpacked(keys)
    # kind(key), spelt out: this runs for every key of every file parsed from the index
    return (
        ((line, line + 1) if key & 1 == PAIR else (line,), key) for key, line in zip(found, first)
    )


def shared_keys(files: Iterable[bytes]) -> frozenset[int]:
    """The keys of a folder's files (as :func:`file_keys` gives them) that enough files share
    to make their lines furniture."""
    counts: Counter = Counter()
    for keys in files:
        counts.update(unpack(keys))
    # kind(key), spelt out: this runs for every distinct key of a folder
    return frozenset(key for key, seen in counts.items() if seen >= SHARED_FROM[key & 1])


def repeated_lines(lines: list[str], shared: frozenset[int], keys: bytes | None = None) -> set[int]:
    """Indexes of the lines that carry a key in ``shared``. ``keys``: the file's packed keys
    (:func:`file_keys`), when at hand, read instead of hashing the lines; a line they place
    outside the file (it changed since they were taken) is left out."""
    found: set[int] = set()
    if shared:
        for where, key in line_keys(lines) if keys is None else _positions(keys):
            if key in shared and 0 <= where[0] and where[-1] < len(lines):
                found.update(where)
    return found
