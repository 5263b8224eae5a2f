"""A file's lines as the passes see them, and the main run of prose among them.

:func:`split_lines` makes the :class:`Line` records that every pass reads and marks: a line
starts as ``OTHER`` (undecided), and a pass mostly gives roles to lines still undecided, so
the first pass to claim a line decides it. :class:`Page` holds what the learned passes share:
each line's measurements (:mod:`features`), the main run of prose (:func:`main_run`, the
landmark the headline and body are judged against) and the lines that are furniture of the
folder (:func:`furniture_and_run`, :func:`mark_furniture`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from newsreader.model import Role
from newsreader.parse.features import LineFacts, Opening, file_language
from newsreader.parse.furniture import KEYED_WORDS, repeated_lines
from newsreader.parse.names import PARTICLES
from newsreader.parse.reasons import Reason
from newsreader.parse.wrapped import wrapped_rows

# Role members as module names: a loop over every line reads a global faster than an enum's attribute
BODY, BOILERPLATE, BYLINE, CAPTION, CREDIT, DATE, OTHER, SECTION, TITLE = (
    Role.BODY,
    Role.BOILERPLATE,
    Role.BYLINE,
    Role.CAPTION,
    Role.CREDIT,
    Role.DATE,
    Role.OTHER,
    Role.SECTION,
    Role.TITLE,
)
#: How a sentence (or a label leading into the next line) ends: such a line is no kicker, label or name.
SENTENCE_ENDS = frozenset(".!?…:;\"”’'»)]")


def ends_a_sentence(text: str) -> bool:
    """Whether a line (stripped) ends as a sentence or a label leading into the next line does:
    its last character looked up, where a pattern anchored at the end scanned the whole line."""
    return text[-1:] in SENTENCE_ENDS


_HEADING_WORDS = (
    14  # words up to which an unlabelled line that is no prose costs the main run little
)
_OWN_PROSE = (
    150  # words of prose a file's main run must keep without its repeated lines to be an article
)
_OWN_PARAGRAPHS = 5  # ... in at least this many prose lines
#: Chinese and Japanese write no spaces between words: each ideograph or kana counts as a word
#: (in place of the run it stands in), so their paragraphs measure as prose as others do.
_IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_IDEOGRAPH_RUNS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: The UTF-8 bytes below 0xE3, the lead byte of U+3000 (kana and ideographs start past it): a
#: line whose UTF-8 is all of them holds none (see :func:`_may_hold_ideographs`).
_BELOW_U3000 = bytes(range(0xE3))


PARAGRAPH_WORDS = 12  # words past which a line ending a sentence is a block of its own
#: Words from which a line ending a sentence is a paragraph of its own to the body classifiers
#: (``Line.paragraph``): the prose line's (see ``LineFacts.prose``), so a wire story of one
#: short sentence a line ("The ferry to the islands was cancelled until Wednesday.") reads as
#: paragraphs, not as one block of a list. Headline-length lines, so only the body's features
#: see them apart: a two-line notice above the headline split into two blocks of one line
#: each reads as two headlines.
_SENTENCE_WORDS = 8
#: ... and so is every other line of its block, when the block holds this many or more: a
#: story's, where a box of furniture written the same way (an author's note, a newsletter's
#: pitch, a few comments) holds two to four.
_SENTENCE_RUN = 5
PARAGRAPH_ENDS = frozenset(".!?…\"”’'»")  # how such a line ends
OPENING_QUOTES = "\"'“‘«"  # may open a sentence


_TEXT, _BLOCK, _PARAGRAPH = attrgetter("text"), attrgetter("block"), attrgetter("paragraph")


# slots: the per-line loops read a line's fields on the interpreter's fast path, which a
# class attribute holding an enum member (a field's default, without slots) keeps them off
@dataclass(slots=True)
class Line:
    """A non-blank line with its role so far, and why."""

    number: int  # 1-based line number in the decoded text
    text: str
    block: int  # index of the blank-line-separated block it sits in
    words: int
    role: Role = OTHER
    reason: Reason = Reason.UNDECIDED
    paragraph: int = 0  # its block, or its own in a block of five sentence lines or more


@dataclass
class Page:
    """Everything the learned passes share about one file's lines."""

    lines: list[Line]
    facts: list[LineFacts]  # each line's measurements, in line order
    run: tuple[int, int]  # the main run of prose, first and last index; (0, -1) for none
    credits: list[str] = field(default_factory=list)  # photo credits the file gives, in order
    furniture: frozenset[int] = frozenset()  # indexes of the lines other files of the folder repeat
    language: str | None = None  # ISO 639-1, from the stopwords and the script (file_language)
    opening: Opening | None = None  # the main run's opening, made by the headline pass on first use
    counts: Counter = field(init=False)  # how often each text stands in the file
    blocks: Counter = field(init=False)  # how many lines each block holds
    paragraphs: Counter = field(init=False)  # how many lines each paragraph holds

    def __post_init__(self) -> None:
        # attrgetter: counted in C, without a generator's frame per line
        self.counts = Counter(map(_TEXT, self.lines))
        self.blocks = Counter(map(_BLOCK, self.lines))
        self.paragraphs = Counter(map(_PARAGRAPH, self.lines))


#: Lines below the headline where the article's own byline and date block stands.
BYLINE_BELOW = 10
#: Lines either side of a dateline or byline further down where another line giving another
#: date or author makes it one of a list (teasers, comments): see :func:`listed_near`.
LISTED_SPAN = 4


def last_body(lines: list[Line]) -> int:
    """The index of the body's last line, found from the page's foot (it is usually near it);
    -1 when no line is body."""
    return next((i for i in range(len(lines) - 1, -1, -1) if lines[i].role is BODY), -1)


def listed_near(indexes: list[int], i: int) -> list[int]:
    """Those of the sorted line ``indexes`` within ``LISTED_SPAN`` lines of line ``i``, found by
    bisection: a page may hold thousands of dated or bylined lines."""
    return indexes[bisect_left(indexes, i - LISTED_SPAN) : bisect_right(indexes, i + LISTED_SPAN)]


#: Words of a line that goes on with a sentence the line above it began, and of that line.
GOES_ON_WORDS = 6
_OPENS_A_SENTENCE = 4


def goes_on(lines: list[Line], i: int) -> bool:
    """Whether line ``i + 1`` goes on with a sentence line ``i`` began, as a hard-wrapped text
    breaks them: no blank line between the two, line ``i`` of four words or more ending no sentence
    and in no title case, line ``i + 1`` prose of six words or more opening in lower case.
    Not a brand ("iPhone ..."), a name's particle ("de Blasio said ...") or a label ("tags:
    ...", "estimated reading time: ...") opening it."""
    if i + 1 >= len(lines):
        return False
    line, below = lines[i], lines[i + 1]
    words = below.text.split(None, 4)
    return (
        below.words >= GOES_ON_WORDS
        and below.number == line.number + 1
        and below.text[:1].islower()
        and not below.text[1:2].isupper()
        and not (words[0] in PARTICLES and words[1][:1].isupper())
        and not any(word.endswith(":") for word in words[:4])
        and line.words >= _OPENS_A_SENTENCE
        and not ends_a_sentence(line.text)
        and any(word[:1].islower() for word in line.text.split()[1:])
    )


def _may_hold_ideographs(line: str) -> bool:
    """Whether a line not in ASCII may hold kana or an ideograph: a character from U+3000 on,
    whose UTF-8 opens with a byte from 0xE3 on (as do surrogates and characters past U+FFFF,
    which send the line on too). Encoded and filtered in C, in half the time the pattern
    takes to find none in a line with a curly quote."""
    return bool(line.encode("utf-8", "surrogatepass").translate(None, _BELOW_U3000))


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text``, stripped, with their block index and word count.

    A block is a run of lines between blank lines, but two long lines that end sentences, one
    after the other, are two paragraphs whatever the blank lines: wire copy and some CMSs
    separate paragraphs by a single newline, and the classifiers must see them as they see
    blank-line paragraphs. A block with many shorter sentence lines is a paragraph a line to the
    body classifiers only (``_SENTENCE_WORDS``, ``_SENTENCE_RUN``).

    The count is ``len(line.split())`` without building the words: every whitespace character
    but the space is unprintable, so a printable line without double spaces has one word more
    than spaces (inline: this runs on every line of every file); Chinese and Japanese count by
    characters (``_IDEOGRAPHS``). A file wrapped at a fixed width has each paragraph's lines
    joined into one line, numbered as its first (:mod:`wrapped`).
    """
    lines: list[Line] = []
    block = 0
    alone = False  # the line before is a paragraph: a paragraph next to it opens a block
    sentences: list[Line] = []  # the lines ending a sentence in _SENTENCE_WORDS or more
    undecided = Reason.UNDECIDED  # read once, not per line: an enum's attribute is slow to read
    rows = text.split("\n")
    for number, raw in wrapped_rows(rows) or enumerate(rows, start=1):
        stripped = raw.strip()
        if stripped:
            plain = "  " not in stripped and stripped.isprintable()
            words = stripped.count(" ") + 1 if plain else len(stripped.split())
            if (
                not stripped.isascii()
                and _may_hold_ideographs(stripped)
                and (ideographs := len(_IDEOGRAPHS.findall(stripped)))
            ):
                words += ideographs - len(_IDEOGRAPH_RUNS.findall(stripped))
            ends = stripped[-1] in PARAGRAPH_ENDS
            paragraph = words >= PARAGRAPH_WORDS and ends
            if paragraph and alone:
                first = lines[-1]  # the paragraph before: its own block too, if it shared one
                if len(lines) > 1 and lines[-2].block == first.block:
                    block += 1
                    first.block = first.paragraph = block
                block += 1
            alone = paragraph
            # positional: a call with keywords costs more, on every line of every file
            line = Line(number, stripped, block, words, OTHER, undecided, block)
            lines.append(line)
            if ends and words >= _SENTENCE_WORDS:
                sentences.append(line)
        else:
            block += 1
            alone = False
    _apart(lines, sentences)
    return lines


def _apart(lines: list[Line], sentences: list[Line]) -> None:
    """Make each line of a block that holds ``_SENTENCE_RUN`` or more of the ``sentences`` (a
    story's block, its paragraphs or its subheadings and list items between them separated by
    single newlines) a paragraph of its own: numbered by its line, negative, so no block's
    number is one. The sentences stand in line order, down which blocks never go back, so
    a block holds that many when the first and the last of that many in a row share it."""
    dense = {
        first.block
        for first, last in zip(sentences, sentences[_SENTENCE_RUN - 1 :])
        if first.block == last.block
    }
    if dense:
        for line in lines:
            if line.block in dense:
                line.paragraph = -line.number


def line_facts(
    lines: list[Line], text: str, stopwords: frozenset[str] | None = None
) -> list[LineFacts]:
    """Each line's measurements, in the stopwords of the language ``text`` (the file) is in
    (``stopwords``, when found already). A line with a role already never becomes a candidate
    again: only its shape is measured. A short line is measured once (``_SHORT_FACTS``)."""
    if stopwords is None:
        stopwords = file_language(text)[1]
    return [
        _short_facts(line.text, stopwords, line.words)
        if line.words <= _REMEMBERED_WORDS
        and len(line.text) <= _REMEMBERED_LENGTH
        and line.role is OTHER
        else LineFacts(line.text, stopwords, line.words, line.role is OTHER)
        for line in lines
    ]


#: The measurements of short unlabelled lines taken before, by text and stopword set: the files
#: of a folder repeat their furniture (kickers, labels, a staff byline), which stays unlabelled
#: where no cue claims it. A line's measurements follow from its text, its words and the
#: stopwords alone, and no pass changes them, so files may share them. Lines of more than
#: _REMEMBERED_WORDS words are left out: an article's paragraphs are its own. Emptied when
#: full, so it stays a few megabytes.
_SHORT_FACTS: dict[tuple[str, frozenset[str], int], LineFacts] = {}
_SHORT_FACTS_HELD = 16_384
_REMEMBERED_WORDS = 14  # a heading's or a label's length, as cues.SHORT_LINE
_REMEMBERED_LENGTH = 200  # characters of a remembered line, at most: one "word" may be huge


def _short_facts(text: str, stopwords: frozenset[str], words: int) -> LineFacts:
    """The measurements of a short unlabelled line, remembered (see ``_SHORT_FACTS``)."""
    key = (text, stopwords, words)
    known = _SHORT_FACTS.get(key)
    if known is None:
        if len(_SHORT_FACTS) >= _SHORT_FACTS_HELD:
            _SHORT_FACTS.clear()
        known = _SHORT_FACTS[key] = LineFacts(text, stopwords, words)
    return known


def main_run(
    lines: list[Line], facts: list[LineFacts], furniture: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """Index range [start, end] of the contiguous run of lines with the most prose.

    Prose lines add their word count, other lines subtract a little (junk
    more than short unlabelled lines); the best-scoring run is trimmed to
    start and end on prose. (0, -1) when there is no prose at all.
    ``furniture``: lines that count as junk although still unlabelled.
    """
    best, best_range = 0.0, (0, -1)
    total, run_start = 0.0, 0
    for i, (line, fact) in enumerate(zip(lines, facts)):
        if total <= 0:
            total, run_start = 0.0, i
        unlabelled = line.role is OTHER and i not in furniture
        if unlabelled and fact.prose:
            total += fact.words
        else:
            total -= 2.0 if unlabelled and line.words <= _HEADING_WORDS else 4.0
        if total > best:
            best, best_range = total, (run_start, i)
    start, end = best_range
    while start <= end and not (
        lines[start].role is OTHER and start not in furniture and facts[start].prose
    ):
        start += 1
    return start, end


def furniture_and_run(
    lines: list[Line], facts: list[LineFacts], shared: frozenset[int], keys: bytes | None
) -> tuple[frozenset[int], tuple[int, int]]:
    """The unlabelled lines that other files of the folder repeat (``shared``, ``keys``: see
    :mod:`furniture`), which are furniture, and the main run without them; unless the file
    copies another article (an update, a syndicated story), whose repeated lines are its news:
    then no furniture, and the main run of all the lines.

    Furniture stands apart from the article, so without it the main run is still an article
    with little repeated in it; a copy's repeated lines are interleaved with its longer
    paragraphs (too long to be counted), so they sit inside the new run, or too little is left."""
    repeated = (
        frozenset(
            i
            for i in repeated_lines([line.text for line in lines], shared, keys)
            if lines[i].role is OTHER
        )
        if shared
        else frozenset()
    )
    if repeated:
        start, end = run = main_run(lines, facts, repeated)
        prose = [
            facts[i].words
            for i in range(start, end + 1)
            if lines[i].role is OTHER and i not in repeated and facts[i].prose
        ]
        keyed = {
            i: facts[i].words
            for i in range(start, end + 1)
            if facts[i].prose and facts[i].words <= KEYED_WORDS and lines[i].role is OTHER
        }
        if (
            len(prose) >= _OWN_PARAGRAPHS
            and sum(prose) >= _OWN_PROSE
            and sum(keyed.get(i, 0) for i in repeated) * 2 < sum(keyed.values())
        ):
            return repeated, run
    return frozenset(), main_run(lines, facts)


def mark_furniture(lines: list[Line], furniture: frozenset[int]) -> None:
    """Mark the furniture lines :func:`furniture_and_run` found as boilerplate."""
    repeated = (BOILERPLATE, Reason.REPEATED)
    for i in furniture:
        lines[i].role, lines[i].reason = repeated
