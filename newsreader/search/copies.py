"""Wire copies: near-duplicate bodies, found by MinHash over word shingles and grouped by LSH bands.

:func:`signature` turns a body into ``BINS`` 16-bit values: one permutation
hashing (Li, Owen and Zhang, 2012) of the 4-word shingles of the body's
opening, empty bins filled by rotation (Shrivastava and Li, 2014), each
bin keeping the low bits of its minimum (b-bit MinHash). Hashes are crc32
chains made by C-level ``map`` calls: about 0.1 ms an article, and the same
in every process and Python version, so signatures can be stored. Two
bodies agree in a bin with the probability that their shingle sets overlap
(their Jaccard similarity). :func:`find_groups` makes candidates of the
signatures that agree in a whole band of ``ROWS`` bins, keeps a pair when
they agree in at least ``SIMILAR`` of all bins, and joins pairs into groups.
"""

from __future__ import annotations

import re
import struct
from itertools import islice
from operator import eq
from typing import Hashable, Iterable, Iterator, TypeVar
from zlib import crc32

Key = TypeVar("Key", bound=Hashable)

BINS = 64  # values a signature holds
ROWS = 4  # values a band holds: two bodies that agree in a band are compared
BANDS = BINS // ROWS
#: Bins two signatures must share to be copies: an estimated Jaccard similarity of their shingles
#: of 0.5 (unrelated news articles share well under 0.05; a copy with light edits, over 0.6).
SIMILAR = BINS // 2
#: the latest bodies of a bucket a new one is compared with: many unlike bodies that agree in a
#: band (a shared template) would otherwise be compared pair by pair, quadratically
COMPARED = 32
SHINGLE = 4  # words a shingle holds
#: Characters of a body read: its opening, some 400 words, where a copy's editors change least
#: (sites cut a story's end, seldom its start); it also bounds the cost of a long article.
OPENING = 2500
#: Words a body needs for a signature: a shorter one (a brief, a caption) is nobody's copy.
MIN_WORDS = 25
_WORD = re.compile(r"[^\W_]+")  # as the full-text index splits words (model.WORD)
_ASCII_WORD = re.compile(rb"[^\W_]+")
_TO_BIN = 32 - (BINS - 1).bit_length()  # a crc32 shifted right by this is its bin
_VALUE = 0xFFFF  # the bits of a bin's minimum kept: the lowest, the most evenly spread
_PACKING = struct.Struct(f"<{BINS}H")
_ODD = 0x9E37  # added per bin a value is moved by when an empty bin takes a neighbour's


def signature(body: str) -> bytes:
    """The body's MinHash signature (``2 * BINS`` bytes), or ``b""`` when it has fewer than
    ``MIN_WORDS`` words. Case, punctuation and spacing do not change it."""
    words = _words(body[:OPENING].lower())
    if len(words) < MIN_WORDS:
        return b""
    hashes = map(crc32, words)  # each shingle's crc32 is the chain of its words'
    for start in range(1, SHINGLE):
        hashes = map(crc32, islice(words, start, None), hashes)
    descending = sorted(set(hashes), reverse=True)
    # the top bits choose the bin; written in descending order, each bin keeps its minimum
    smallest = dict(zip(map(_TO_BIN.__rrshift__, descending), descending))
    found = list(map(smallest.get, range(BINS)))
    if None in found:
        return _PACKING.pack(*_filled(found))
    return _PACKING.pack(*map(_VALUE.__and__, found))


def _words(text: str) -> list[bytes]:
    """The words of lower-case ``text`` as UTF-8: found in the bytes when all are ASCII (the
    same words, found faster)."""
    if text.isascii():
        return _ASCII_WORD.findall(text.encode())
    return list(map(str.encode, _WORD.findall(text)))


def _filled(found: list[int | None]) -> Iterator[int]:
    """Each bin's value; an empty bin takes the next full bin's (to the right, round the end),
    shifted by how far it is, so that two bodies' empty bins agree as often as the full ones
    they borrow from."""
    filled = list(found)
    for at in [at for at, value in enumerate(found) if value is None]:
        distance = 1
        while found[(at + distance) % BINS] is None:
            distance += 1
        filled[at] = found[(at + distance) % BINS] + distance * _ODD
    return map(_VALUE.__and__, filled)


def similarity(first: bytes, second: bytes) -> float:
    """The share of bins two signatures agree in: an estimate of their bodies' Jaccard similarity."""
    return sum(map(eq, _PACKING.unpack(first), _PACKING.unpack(second))) / BINS


def find_groups(signed: Iterable[tuple[Key, bytes]]) -> list[list[Key]]:
    """Groups of keys whose signatures are copies of each other (a copy of a copy joins the
    group), each in the order given, largest group first, then in the order of their first
    keys. Keys with an empty or malformed signature are in no group."""
    keys: list[Key] = []
    signatures: list[bytes] = []
    for key, found in signed:
        if len(found) == _PACKING.size:
            keys.append(key)
            signatures.append(found)
    parent = list(range(len(keys)))

    def root(at: int) -> int:
        while parent[at] != at:
            parent[at] = parent[parent[at]]
            at = parent[at]
        return at

    width = 2 * ROWS
    for band in range(0, _PACKING.size, width):  # a band at a time: one dict in memory
        seen: dict[bytes, list[int]] = {}
        for at, found in enumerate(signatures):
            others = seen.setdefault(found[band : band + width], [])
            for other in others[-COMPARED:]:
                if root(other) == root(at) or _copies(signatures[other], found):
                    parent[root(at)] = root(other)
                    break
            else:
                others.append(at)  # unlike every body before it in the bucket: compared too
    members: dict[int, list[Key]] = {}
    for at, key in enumerate(keys):
        members.setdefault(root(at), []).append(key)
    groups = [group for group in members.values() if len(group) > 1]
    order = {key: at for at, key in enumerate(keys)}
    return sorted(groups, key=lambda group: (-len(group), order[group[0]]))


def _copies(first: bytes, second: bytes) -> bool:
    return similarity(first, second) * BINS >= SIMILAR
