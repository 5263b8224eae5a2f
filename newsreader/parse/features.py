"""Numeric features of lines, shared by the parser and its training script.

Each non-blank line becomes a short vector of structure and language cues
(length, sentence shape, stopword density in the file's own language,
capitalisation, its cue role, its block, its place relative to the main
run of prose and its neighbours). :mod:`scoring` turns vectors into scores
with weights learned by ``tools/train_parser.py``; both sides call the same
functions here, so training and parsing can never disagree on a feature.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Collection
from functools import cache, lru_cache
from math import log1p
from operator import attrgetter

from newsreader.model import Role

_TOKEN = re.compile(r"\w+")
_LONG_TOKEN = re.compile(
    r"\w\w\w\w+"
)  # the runs of _TOKEN of four or more characters (\w{4,}, spelt faster)
_SENTENCE_CLOSERS = frozenset(".!?…\"”’'»)]")
_URLISH = re.compile(r"https?://|www\.|\.com\b|@\w")
_SEPARATORS = re.compile(r"\s[|•·]\s|\s[|•·]$|^[|•·]\s")
_DIGIT_BYTES = b"0123456789"
_UPPER_BYTES = bytes(range(65, 91))
_PUNCT_BYTES = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
#: bytes.translate table for ASCII text: word characters kept, every other byte a space
_ASCII_SPACES = bytes(
    byte if chr(byte).isalnum() or byte == 95 else 32 for byte in range(128)
) + bytes(range(128, 256))
#: bytes.translate table marking a word's letters: ASCII capitals "A", spaces kept, the rest "a"
_INITIALS = bytes(65 if 65 <= byte <= 90 else 32 if byte == 32 else 97 for byte in range(256))
_TYPOGRAPHY = (
    "’",
    "“",
    "”",
    "‘",
    "—",
    "–",
    "…",
    "\xa0",
)  # common in news text; none is a word character
_LANGUAGE_SAMPLE = 800  # characters read to pick the stopword language
_SAMPLE = 120  # characters of a line its ratios are measured on: long lines gain nothing from more
_SEARCHED_OPENING = (
    8000  # characters of the main run's opening up to which a headline's words are searched for
)
_INSIDE_WORDS = (
    8  # times a word may be found inside longer words before the opening's words are collected
)
_CUE_ROLES = (Role.BOILERPLATE, Role.CREDIT, Role.CAPTION, Role.BYLINE, Role.DATE)
_CUE_FLAGS = {
    role: tuple(float(role == other) for other in _CUE_ROLES) for role in _CUE_ROLES
}  # one-hot
_NO_CUE = (0.0,) * len(_CUE_ROLES)
_OTHER = Role.OTHER  # a global is read faster than an enum's attribute
_ROLE = attrgetter("role")  # a line's role, read in C
# roles of the two lines above and the three lines below a line that suggest it is a headline
_ABOVE_HEADLINE = frozenset((Role.BYLINE, Role.DATE, Role.SECTION))
_BELOW_HEADLINE = frozenset((Role.BYLINE, Role.DATE, Role.CREDIT, Role.CAPTION))
_BYLINE = Role.BYLINE
_BYLINE_REACH = 11  # a byline counts in the 10 lines below a headline candidate or the 11 above

LINE_FEATURES = (
    "bias",
    "words_log",
    "sentence_end",
    "colon_end",
    "stop_ratio",
    "cap_ratio",
    "digit_ratio",
    "punct_ratio",
    "separators",
    *(f"cue_{role}" for role in _CUE_ROLES),
    "alone",
    "block_log",
    "rel_pos",
    "in_run",
    "run_dist",
    "before_run",
    "prev_prose",
    "next_prose",
    "prev_words",
    "next_words",
    "duplicate",
    "upper_ratio",
    "urlish",
    "mean_word_len",
    "question_end",
    "words_in_run",
)
CONTEXT_FEATURES = (
    "self",
    "prev_1",
    "next_1",
    "prev_mean_3",
    "next_mean_3",
    "prev_max_3",
    "next_max_3",
    "window_mean_8",
    "doc_best",
    "below_best",
)
TITLE_FEATURES = (
    "bias",
    "words_log",
    "good_length",
    "period_end",
    "question_end",
    "colon_end",
    "alone",
    "cap_ratio",
    "stop_ratio",
    "body_overlap",
    "index_log",
    "rel_pos",
    "dist_to_run",
    "in_run",
    "after_cue",
    "before_cue",
    "first_candidate",
    "duplicate",
    "upper_ratio",
    "prev_short",
    "digit_ratio",
    "prev_headline",
    "next_sentence",
    "prose",
    "byline_below",
    "byline_above",
)


@lru_cache(maxsize=1)
def _stopword_table() -> tuple[tuple[str, frozenset[str]], ...]:
    """(ISO 639-1 code, stopword set) of every language the ``stop-words`` package ships,
    loaded once."""
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    table = []
    for code, language in LANGUAGE_MAPPING.items():
        try:
            table.append((code, frozenset(word.lower() for word in get_stop_words(language))))
        except Exception:  # a language file the installed version lacks: skip it, keep the rest
            continue
    return tuple(table)


def _stopword_lists() -> tuple[frozenset[str], ...]:
    """Stopword sets of every language the ``stop-words`` package ships, in a fixed order."""
    return tuple(words for _, words in _stopword_table())


@cache
def _written_list(number: int) -> frozenset[str]:
    """Stopword list ``number`` with each word also capitalised and in capitals, as it stands in
    a text: a line's words are looked up as written, without lower-casing each one."""
    words = _stopword_lists()[number]
    return words | {word.capitalize() for word in words} | {word.upper() for word in words}


#: Bits of a language's field in a packed vote (see :func:`_votes`): an unsigned short's, which
#: holds the count of any sample (its _LANGUAGE_SAMPLE characters hold far fewer than 2**16 words).
_VOTE_BITS = array("H").itemsize * 8


@lru_cache(maxsize=1)
def _votes() -> dict[str, int]:
    """Each stopword's vote, packed into one int: a 1 in the field of every language that lists
    it. Adding up a sample's votes (one ``sum`` in C) counts its stopwords in every language at
    once, where a tally per word and then per language took a Python loop. Words listed by the
    same languages share one int: a few hundred of them, which stay in the CPU's cache."""
    languages: dict[str, list[int]] = {}
    for number, words in enumerate(_stopword_lists()):
        for word in words:
            languages.setdefault(word, []).append(number)
    packed: dict[tuple[int, ...], int] = {}
    return {
        word: packed.setdefault(
            tuple(numbers), sum(1 << (_VOTE_BITS * number) for number in numbers)
        )
        for word, numbers in languages.items()
    }


def file_language(text: str) -> tuple[str | None, frozenset[str]]:
    """The language of ``text`` (ISO 639-1; None when nothing tells) and its stopword set
    (empty when none fits): the stopword lists vote on the start of the text, and a text mostly
    in Greek, Cyrillic, Chinese, Japanese or Korean letters is told by its script (a Cyrillic
    text keeps the vote's Ukrainian or Bulgarian; else it is Russian)."""
    table = _stopword_table()
    sample = _plain(text[:_LANGUAGE_SAMPLE]).lower()
    words = _tokens(sample, sample.encode("utf-8", "replace"))[0]
    # the words that are no stopword left out before the sum: each addition copies a wide int
    packed = sum(filter(None, map(_votes().get, words)))
    # the fields unpacked: each language's count of stopwords in the sample, in table order
    hits = array("H", packed.to_bytes(len(table) * _VOTE_BITS // 8, sys.byteorder))
    stopwords = _written_list(hits.index(max(hits))) if any(hits) else frozenset()
    language = table[hits.index(max(hits))][0] if any(hits) else None
    script = None if sample.isascii() else _script(sample)
    if script is not None and not (script in _CYRILLIC and language in _CYRILLIC):
        language = script  # the vote's stopwords stay: the features were learned with them
    return language, stopwords


_SCRIPTS = (  # each script's letters, and the language it tells
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # hiragana and katakana (with ideographs: Japanese)
    ("zh", re.compile(r"[\u4e00-\u9fff]")),  # CJK ideographs
    ("ko", re.compile(r"[\uac00-\ud7af]")),  # Hangul syllables
    ("el", re.compile(r"[\u0370-\u03ff]")),  # Greek
    ("ru", re.compile(r"[\u0400-\u04ff]")),  # Cyrillic: Russian unless the vote says otherwise
)
_ANY_SCRIPT = re.compile(r"[\u0370-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = ("ru", "uk", "bg")
_SCRIPT_SHARE = 0.3  # share of a sample's letters a script must have to tell its language


def _script(sample: str) -> str | None:
    """The language a sample's script tells, when at least 30 % of its letters are Greek,
    Cyrillic, kana, ideographs or Hangul; None for other scripts (Latin above all). One search
    in C answers for most samples, which hold none of those letters."""
    if not _ANY_SCRIPT.search(sample):
        return None
    letters = len(_LETTER.findall(sample)) or 1
    counts = {language: len(pattern.findall(sample)) for language, pattern in _SCRIPTS}
    if counts["ja"] and counts["ja"] + counts["zh"] >= _SCRIPT_SHARE * letters:
        return "ja"
    language = max(counts, key=counts.__getitem__)
    return language if counts[language] >= _SCRIPT_SHARE * letters else None


class LineFacts:
    """Per-line measurements computed once and reused by both feature sets."""

    __slots__ = (
        "words",
        "stop_ratio",
        "cap_ratio",
        "digit_ratio",
        "punct_ratio",
        "upper_ratio",
        "mean_word_len",
        "sentence_end",
        "prose",
    )

    def __init__(self, text: str, stopwords: frozenset[str], words: int, measured: bool = True):
        """``measured``: False for a line whose cue role is final (see ``page.line_facts``), of
        which only the shape (words, sentence end, prose) is ever read; its ratios stay 0."""
        self.words = words  # the caller has counted them already
        self.sentence_end = sentence_end = text[-1:] in _SENTENCE_CLOSERS
        self.prose = (words >= 8 and sentence_end) or words >= 20
        if not measured:
            self.stop_ratio = self.cap_ratio = self.mean_word_len = 0.0
            self.upper_ratio = self.digit_ratio = self.punct_ratio = 0.0
            return
        text = text[:_SAMPLE]
        raw = text.encode("utf-8", "replace")
        tokens, spaced = _tokens(text, raw)
        count = len(tokens) or 1
        self.stop_ratio = sum(map(stopwords.__contains__, tokens)) / count
        # words opening with an ASCII capital: a space, then a capital, counted in C
        self.cap_ratio = (b" " + spaced.translate(_INITIALS)).count(b" A") / count
        self.mean_word_len = len("".join(tokens)) / count
        # Character classes counted on the UTF-8 bytes with bytes.translate, which runs in C:
        # ASCII classes are exact, and the rare non-ASCII letter or mark only blurs a ratio.
        length = len(raw) or 1
        digits = length - len(raw.translate(None, _DIGIT_BYTES))
        punct = length - len(raw.translate(None, _PUNCT_BYTES))
        upper = length - len(raw.translate(None, _UPPER_BYTES))
        letters = length - digits - punct - raw.count(b" ")
        self.upper_ratio = upper / letters if letters > 0 else 0.0
        self.digit_ratio = digits / length
        self.punct_ratio = punct / length


def _plain(text: str) -> str:
    """``text`` with the usual non-ASCII characters of news text (typographic quotes, dashes,
    no-break spaces) as spaces: none is a word character, so the words stay, and a text left
    ASCII is lower-cased, split and searched many times faster than a wide string."""
    if not text.isascii():
        for mark in _TYPOGRAPHY:
            text = text.replace(mark, " ")
    return text


def _tokens(text: str, raw: bytes) -> tuple[list[str], bytes]:
    """The ``_TOKEN`` runs of ``text`` (``raw``: its UTF-8 bytes), and their UTF-8 bytes with
    spaces between (where :class:`LineFacts` counts their initials), faster than the pattern finds
    them: every ASCII byte that is no word character becomes a space and the rest is split, in C.
    Typographic quotes, dashes and no-break spaces, the usual non-ASCII characters of news text
    and no word characters either, become spaces first, so most lines take that path; a chunk
    left with other characters in it ("café", "a½b") gets the pattern, and the ASCII separators
    around it, and the whitespace split on, end words anyway."""
    if not text.isascii():
        text = _plain(text)
        raw = text.encode("utf-8", "replace")
    spaced = raw.translate(_ASCII_SPACES)
    chunks = spaced.decode("utf-8").split()
    if text.isascii():
        return chunks, spaced
    words: list[str] = []
    for chunk in chunks:
        if chunk.isascii():
            words.append(chunk)
        else:
            words.extend(_TOKEN.findall(chunk))
    return words, " ".join(words).encode("utf-8", "replace")


def line_vectors(
    lines,
    facts: list[LineFacts],
    indexes: list[int],
    run: tuple[int, int],
    counts: dict[str, int],
    paragraphs: dict[int, int],
    needed: Collection[str] = LINE_FEATURES,
) -> list[list[float]]:
    """The LINE_FEATURES vector of each line of ``indexes`` (``lines`` are ``page.Line`` records
    with cue roles set; ``paragraphs``: how many lines each paragraph holds).
    One loop for all of a page's candidates, with what they share read once, and flags written
    ``1.0 if ... else 0.0``, cheaper than ``float(...)``: this runs for every candidate line of
    every file. The pattern-searching features left out of ``needed`` (those no classifier
    compares, see ``scoring.tested``) are 0.0."""
    start, end = run
    n = len(lines)
    separators, urlish = "separators" in needed, "urlish" in needed
    vectors = []
    for i in indexes:
        line, fact = lines[i], facts[i]
        inside = start <= i <= end
        distance = 0 if inside else (start - i if i < start else i - end)
        prev_fact = facts[i - 1] if i > 0 else None
        next_fact = facts[i + 1] if i + 1 < n else None
        text = line.text
        words_log = log1p(fact.words)
        block_size = paragraphs[line.paragraph]
        vectors.append(
            [
                1.0,
                words_log,
                1.0 if fact.sentence_end else 0.0,
                1.0 if text.endswith(":") else 0.0,
                fact.stop_ratio,
                fact.cap_ratio,
                fact.digit_ratio,
                fact.punct_ratio,
                1.0 if separators and _has_separator(text) else 0.0,
                *_CUE_FLAGS.get(line.role, _NO_CUE),
                1.0 if block_size == 1 else 0.0,
                log1p(block_size),
                i / n,
                1.0 if inside else 0.0,
                log1p(distance),
                1.0 if i < start else 0.0,
                1.0 if prev_fact is not None and prev_fact.prose else 0.0,
                1.0 if next_fact is not None and next_fact.prose else 0.0,
                log1p(prev_fact.words) if prev_fact else 0.0,
                log1p(next_fact.words) if next_fact else 0.0,
                1.0 if counts[text] > 1 else 0.0,
                fact.upper_ratio,
                1.0 if urlish and _looks_like_url(text) else 0.0,
                fact.mean_word_len / 10,
                1.0 if text.endswith("?") else 0.0,
                words_log if inside else 0.0,
            ]
        )
    return vectors


def _has_separator(text: str) -> bool:
    """A spaced "|", "•" or "·" in the first 200 characters (a menu or a byline's separators)."""
    head = text[:200]
    return ("|" in head or "•" in head or "·" in head) and _SEPARATORS.search(head) is not None


def _looks_like_url(text: str) -> bool:
    """A web address, domain or handle in the first 200 characters."""
    head = text[:200]
    return ("/" in head or "www" in head or ".com" in head or "@" in head) and _URLISH.search(
        head
    ) is not None


def title_vector(
    lines,
    facts: list[LineFacts],
    i: int,
    run: tuple[int, int],
    body: Opening,
    first_candidate: int,
    counts: dict[str, int],
    blocks: dict[int, int],
) -> list[float]:
    """The TITLE_FEATURES vector of candidate headline ``i``; ``body``: the opening of the main
    run, which its content words are looked up in. Flags are written ``1.0 if ... else 0.0``,
    cheaper than ``float(...)``, and the neighbours' roles are searched in C (``_ROLE``)."""
    line, fact = lines[i], facts[i]
    start, end = run
    text = line.text
    n = len(lines)
    words = content_words(text)
    overlap = sum(map(body.__contains__, words)) / len(words) if words else 0.0
    above = lines[i - 2 if i >= 2 else 0 : i]
    below = lines[i + 1 : i + _BYLINE_REACH]  # the three lines below first
    return [
        1.0,
        log1p(fact.words),
        1.0 if 4 <= fact.words <= 25 else 0.0,
        1.0 if text.endswith(".") else 0.0,
        1.0 if text.endswith(("?", "!")) else 0.0,
        1.0 if text.endswith(":") else 0.0,
        1.0 if blocks[line.block] == 1 else 0.0,
        fact.cap_ratio,
        fact.stop_ratio,
        overlap,
        log1p(i),
        i / n,
        log1p(abs(start - i)) * (1.0 if i <= start else -1.0),
        1.0 if start <= i <= end else 0.0,
        0.0 if _ABOVE_HEADLINE.isdisjoint(map(_ROLE, above)) else 1.0,
        0.0 if _BELOW_HEADLINE.isdisjoint(map(_ROLE, below[:3])) else 1.0,
        1.0 if i == first_candidate else 0.0,
        1.0 if counts[text] > 1 else 0.0,
        fact.upper_ratio,
        1.0 if i > 0 and facts[i - 1].words <= 4 else 0.0,
        fact.digit_ratio,
        1.0 if i > 0 and headline_shaped(lines[i - 1], facts[i - 1]) else 0.0,
        1.0
        if (
            i + 1 < n
            and lines[i + 1].role is _OTHER
            and facts[i + 1].sentence_end
            and facts[i + 1].words > fact.words
        )
        else 0.0,
        1.0 if fact.prose and text.endswith(".") else 0.0,
        1.0 if _BYLINE in map(_ROLE, below) else 0.0,
        1.0
        if _BYLINE in map(_ROLE, lines[i - _BYLINE_REACH if i >= _BYLINE_REACH else 0 : i])
        else 0.0,
    ]


def content_words(text: str) -> set[str]:
    """Lower-cased words of four or more letters: a cheap, language-neutral content proxy."""
    return set(_LONG_TOKEN.findall(text.lower()))


class Opening:
    """The opening lines of the main run, asked which of a headline's words it uses: ``word in
    opening`` when a lower-cased word of four or more letters stands there as a whole run of
    word characters.

    Each word is searched for where it occurs (a ``str.find`` in C, cheaper than splitting the
    opening into a set first). A long opening, or a word found inside longer words again and
    again, has all its words collected once instead, so no file costs more than that one pass.
    """

    __slots__ = ("text", "words")

    def __init__(self, text: str):
        # ASCII, when it can: lower-cased and searched faster; a space at either end, so every
        # word found has a character on each side
        self.text = f" {_plain(text).lower()} "
        self.words = self._collected() if len(self.text) > _SEARCHED_OPENING else None

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` stands in the opening as a whole run of word characters, as ``\\w+``
        finds them: searched for (inline, as this runs for every word of every candidate)
        until it stands between two characters that are not ``\\w`` (letters, digits and
        numerals of any script, and "_"), or collected with all the opening's words."""
        if self.words is None:
            text, size = self.text, len(word)
            at = text.find(word)
            for _ in range(_INSIDE_WORDS):
                if at < 0:
                    return False
                before, after = text[at - 1], text[at + size]
                if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                    return True
                at = text.find(word, at + 1)
            self.words = self._collected()
        return word in self.words

    def _collected(self) -> set[str]:
        return content_words(self.text)


def headline_shaped(line, fact: LineFacts) -> bool:
    """Unlabelled, 4 to 25 words, not ending like a sentence: how headlines look."""
    return line.role is _OTHER and 4 <= fact.words <= 25 and not line.text.endswith((".", ",", ";"))


_NO_SCORE = [0.0]  # the neighbours' scores before the first candidate and after the last


def context_vectors(scores: list[float]) -> list[list[float]]:
    """CONTEXT_FEATURES of every body candidate, from all candidates' first-pass scores.

    Body text comes in runs, so what the neighbours look like is strong
    evidence: a short line between two paragraphs is likely a subheading,
    one among link lists is likely navigation. Every article has a body, so
    the page's best line is evidence too, even on a page of weak scores.
    """
    best = max(scores, default=0.0)
    vectors = []
    for k, own in enumerate(scores):
        # the slices' starts clamped by conditionals, not max(): this runs for every candidate
        before = scores[k - 3 : k] if k >= 3 else scores[:k] or _NO_SCORE
        after = scores[k + 1 : k + 4] or _NO_SCORE
        window = scores[k - 8 if k >= 8 else 0 : k + 9]
        vectors.append(
            [
                own,
                before[-1],
                after[0],
                sum(before) / len(before),
                sum(after) / len(after),
                max(before),
                max(after),
                sum(window) / len(window),
                best,
                best - own,
            ]
        )
    return vectors
