"""Teasers: the headlines of other stories, each over its blurb, in a run.

"More from the site" boxes, related stories and newsletters pair a headline with the first
words of its story, cut with an ellipsis. Two or more such pairs in a row are the page's, never
the story's: none of the development corpus's true bodies holds one, and a headline among them
is another story's (:func:`mark_teasers`, before the headline is sought), with the box's
pairs whose blurb is whole between such a run and a pair a few lines below it; so are two or
more lines in a row of a blog's recent comments ("reader on Another story: “the comment…”
date"), and a grid of three or more headlines each given twice (a picture's text, then its
link's).
Others pair it with a one-sentence summary; three such pairs in a row at the body's end leave
it, or two when each has its date or its writer's name below it (:func:`drop_summary_teasers`,
once the body is judged): on the development corpus, 3 of the 136 lines in such runs are in a
true body (a subheading over a paragraph rarely comes three times in a row with paragraphs that
short). So do three or more cards in a row, each with its own "By …" line, at the body's end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import compress
from operator import attrgetter

from newsreader.parse.authors import only_names
from newsreader.parse.bylines import prefixed_byline_names
from newsreader.parse.page import (
    BODY,
    BOILERPLATE,
    BYLINE,
    DATE,
    OTHER,
    Line,
    ends_a_sentence,
    last_body,
)
from newsreader.parse.reasons import Reason

_PAIRS = 2  # headline-and-blurb pairs in a row that make a run of teasers
_BRIDGED = 4  # lines between a run of teasers and a teaser pair below it that is the run's, at most
_HEADLINE_WORDS = (2, 16)  # words a teaser's headline has
_BLURB_WORDS = 6  # words a blurb has at least
_CUT = ("…", "...")  # how a blurb cut short ends
_SUMMARY_PAIRS = 3  # headline-and-summary pairs in a row that make a run of teasers
_DATED_PAIRS = 2  # dated teasers (headline, summary, date or name) in a row that make a run
_CARD_LINES = 7  # lines of a teaser card, at most (kicker, headline, byline, summary, date)
_CARDS = 3  # cards in a row that make a river
_CARD_HEADLINE_WORDS = 30  # words of a card's headline, at most
_TITLE_CASE = 0.6  # share of a title-case headline's words that open with a capital, at least
_NAME_WORDS = 4  # words of a teaser's writer's name line, at most
_SUMMARY_WORDS = 40  # words a teaser's summary has at most
#: A recent comment's line: its writer's name (a word or two), "on", the other story's headline
#: (four words or more), then the comment in quotes. A story's own sentence has more words
#: before its "on"; a quote from social media or on a topic names fewer after it ("She wrote on
#: Facebook: “…”", "Hart on the comeback: “…”").
_COMMENT_ON = re.compile(r"(?:\S{1,40} ){1,2}on (?:[^:\s]+ ){3,60}[^:\s]+: [“\"]")
_WRITER_SPAN = 84  # characters of a commenter's name and " on ", at most
_CLOSING_QUOTES = ("”", '"')
_COMMENT_DATE = 40  # characters of the date or time after a comment's closing quote, at most
_COMMENTS = 2  # recent comments in a row that make the box
_DOUBLED_WORDS = 4  # words a headline given twice has at least (a table's names repeat too)
_DOUBLED_PAIRS = 3  # headlines given twice in a row that make a grid (a chorus repeats two)
_TEXT, _ROLE = attrgetter("text"), attrgetter("role")
_JUDGED = (Reason.ARTICLE_TEXT, Reason.PAGE_FURNITURE)  # what the body classifiers decided


def mark_teasers(lines: list[Line]) -> None:
    """Mark each run of two or more teasers boilerplate: headlines over their blurbs cut short,
    headlines each given twice, or readers' recent comments."""
    texts = list(map(_TEXT, lines))
    teasers = list(map(_teaser, lines, lines[1:]))
    runs = [(teasers, _PAIRS)]
    same = list(map(str.__eq__, texts, texts[1:]))  # line i given again right below it
    if True in same:
        doubled = [False] * len(same)
        for i in compress(range(len(same)), same):  # in C, to the few lines given twice
            doubled[i] = _doubled(lines[i])
        runs.append((doubled, _DOUBLED_PAIRS))
    for pairs, least in runs:
        for start, end in _runs(pairs, lambda start, end, least=least: end - start >= 2 * least):
            for line in lines[start:end]:
                line.role, line.reason = BOILERPLATE, Reason.TEASER
    if True in teasers:  # most files hold no teaser pair at all
        _bridge_teasers(lines, teasers)
    _mark_recent_comments(lines)


def _bridge_teasers(lines: list[Line], teasers: list[bool]) -> None:
    """A teaser pair below a run of them, with one or two pairs of undecided lines between
    (``_BRIDGED`` lines at most) each a short line over a whole one-sentence blurb, is the
    run's, and so are those pairs: the box's teasers whose blurb was not cut ("Police cruiser
    hits bar." over "No one was hurt."). Only between a run and a pair below it: alone, such a
    pair is a subheading over a short paragraph, and a kicker or byline between a box and a
    story's headline over its cut lede (a paywall) is no such pair."""
    marked = [i for i, line in enumerate(lines) if line.reason is Reason.TEASER]
    for i in compress(range(len(teasers)), teasers):
        at = bisect_left(marked, i)
        if not at or lines[i].reason is Reason.TEASER:
            continue  # no run above, or the pair is one already
        between = lines[marked[at - 1] + 1 : i]
        if (
            2 <= len(between) <= _BRIDGED
            and len(between) % 2 == 0
            and all(map(_whole_teaser, between[::2], between[1::2]))
        ):
            for line in (*between, lines[i], lines[i + 1]):
                line.role, line.reason = BOILERPLATE, Reason.TEASER
            marked[at:at] = range(marked[at - 1] + 1, i + 2)  # a pair further down may follow


def _whole_teaser(headline: Line, blurb: Line) -> bool:
    """Whether ``headline`` over ``blurb``, both undecided, may be a teaser whose blurb is
    whole: a line of a headline's length over one of a summary's that ends a sentence."""
    return (
        headline.role is OTHER
        and blurb.role is OTHER
        and headline.words <= _HEADLINE_WORDS[1]
        and _BLURB_WORDS <= blurb.words <= _SUMMARY_WORDS
        and ends_a_sentence(blurb.text)
    )


def _doubled(line: Line) -> bool:
    """Whether ``line``, given again right below it, is a teaser's headline given twice in a
    row (picture, then link)."""
    return line.words >= _DOUBLED_WORDS and line.role is OTHER and _headline_shaped(line)


def _mark_recent_comments(lines: list[Line]) -> None:
    """Mark each run of two or more recent comments (see ``_COMMENT_ON``) boilerplate."""
    found = [
        i
        for i, line in enumerate(lines)
        if line.role is OTHER
        and line.text.find(" on ", 0, _WRITER_SPAN) >= 0  # near the start: read no further
        and _comment_on(line.text)
    ]
    run: list[int] = []
    for i in [*found, -1]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        if len(run) >= _COMMENTS:
            for k in run:
                lines[k].role, lines[k].reason = BOILERPLATE, Reason.TEASER
        run = [i]


def _comment_on(text: str) -> bool:
    """Whether ``text`` reads as a recent comment's line: the comment cut short ("…”"), or its
    date and time after it. A story's quote ("He said on Monday: “We will.”") ends the line,
    or its speaker follows it ("…,” she said.")."""
    if not (": “" in text or ': "' in text) or not _COMMENT_ON.match(text):
        return False
    close = max(text.rfind(quote) for quote in _CLOSING_QUOTES)
    after = text[close + 1 :]
    if not after:
        return text[close - 1] == "…"
    return len(after) <= _COMMENT_DATE and any(c.isdigit() for c in after)


def _teaser(headline: Line, blurb: Line) -> bool:
    """Whether ``headline`` and the line after it read as a teaser's headline and its blurb."""
    return (
        blurb.text.endswith(_CUT)
        and blurb.words >= _BLURB_WORDS
        and blurb.role is OTHER
        and headline.role is OTHER
        and _headline_shaped(headline)
    )


def drop_summary_teasers(lines: list[Line]) -> None:
    """Body lines in a run of three or more teasers whose blurbs are one short sentence each
    (a headline with no sentence end, then its summary) leave the body, when no body line
    stands below the run: subheadings over short paragraphs in an explainer have the story go
    on after them, a box of other stories ends it."""
    last = last_body(lines)

    def ends_the_body(start: int, end: int) -> bool:
        return end - start >= 2 * _SUMMARY_PAIRS and end > last

    for start, end in [
        *_runs(list(map(_summary_teaser, lines, lines[1:])), ends_the_body),
        *_dated_runs(lines, last),
        *_card_runs(lines, last),
    ]:
        for line in lines[start:end]:
            if line.role is BODY:
                line.role, line.reason = BOILERPLATE, Reason.TEASER


def _dated_runs(lines: list[Line], last: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of two or more dated or signed teasers (a headline, its
    one-sentence summary, then a date line or its writer's name: "More from ...") that reaches
    below the body's last line. Only a line two above such a line may open one: the search goes
    from one such line to the next."""
    i = 0
    closing = [  # the date lines, and short lines that may be names (most lines are neither)
        k
        for k in range(2, len(lines))
        if lines[k].role is DATE
        or (
            lines[k].words <= _NAME_WORDS
            and lines[k - 1].words >= _BLURB_WORDS  # under a summary: not a menu's item
            and _signed(lines, k)
        )
    ]
    for start in [k - 2 for k in closing]:
        if start < i:
            continue  # a run not taken is no run from any line inside it either
        end = start
        while (
            end + 2 < len(lines)
            and _signed(lines, end + 2)
            and _summary_teaser(lines[end], lines[end + 1])
        ):
            end += 3
        if end - start >= 3 * _DATED_PAIRS and end > last:
            yield start, end
        i = max(end, start + 1)


def _card_runs(lines: list[Line], last: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each river of teaser cards reaching below the body's last line: a
    headline over its "By …" line, the bylines at one spacing of 2 to ``_CARD_LINES`` lines with
    no other byline between, three times or more, and only short lines between (a kicker, a
    one-sentence summary, a date). A run starts at its first headline and takes as many lines
    below its last byline as each card has. A story's timeline (a date over each event) has no
    bylines, and answers signed "By …" below their paragraphs have no headline over them."""
    if list(map(_ROLE, lines)).count(BYLINE) < _CARDS:  # in C: most pages have a byline or two
        return
    anchors = [k for k, line in enumerate(lines) if line.role is BYLINE and _card_byline(line)]
    n = 0
    while n + 1 < len(anchors):
        gap, run = anchors[n + 1] - anchors[n], 0  # run: the cards in a row from anchors[n]
        while (
            n + run < len(anchors)
            and (not run or anchors[n + run] - anchors[n + run - 1] == gap)
            and _card(lines, anchors[n + run], gap)
        ):
            run += 1
        if run >= _CARDS and 2 <= gap <= _CARD_LINES:
            end = min(len(lines), anchors[n + run - 1] + gap - 1)
            if end > last:
                yield anchors[n] - 1, end
            n += run
        else:  # its last byline may open a run of another spacing
            n += max(1, run - 1)


def _card(lines: list[Line], byline: int, gap: int) -> bool:
    """Whether a card's headline stands right over ``byline``, with nothing longer than a
    summary below it down to the next card. A headline ends in no full stop, or is in title
    case (`Too Old? Biden World Thinks Pundits Just Don't Get Joe.`): a paragraph signed below
    it is neither."""
    if not byline:
        return False
    headline = lines[byline - 1]
    text = headline.text.rstrip("”’\"' ")
    return (
        headline.words <= _CARD_HEADLINE_WORDS
        and not text.endswith(":")
        and (not text.endswith(".") or _title_case(text))
        and all(line.words <= _SUMMARY_WORDS for line in lines[byline + 1 : byline + gap - 1])
    )


def _title_case(text: str) -> bool:
    """Most of the words of ``text`` open with a capital, as a headline's do in title case."""
    words = text.split()
    return sum(word[:1].isupper() for word in words) >= _TITLE_CASE * len(words)


def _card_byline(line: Line) -> bool:
    """Whether a byline (``line``) is a card's: it opens with a "by" word, as a list's "Award -
    NAME" lines, which read as bylines too, do not."""
    return bool(prefixed_byline_names(line.text))


def _signed(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` may close a teaser: a date line, or names alone under a headline and
    its summary (the names asked last: most short lines close no teaser)."""
    line = lines[k]
    return line.role is DATE or (
        line.words <= _NAME_WORDS
        and line.text[:1].isupper()
        and _summary_teaser(lines[k - 2], lines[k - 1])
        and only_names(line.text)
    )


def _summary_teaser(headline: Line, blurb: Line) -> bool:
    """Whether ``headline`` and the line after it, both judged by the body classifiers, read
    as a teaser's headline and a whole one-sentence summary of its story; a numbered heading
    ("2. Bring cash") is the story's own step over its paragraph. The headline's shape first:
    it rules out most pairs (a paragraph over the next)."""
    text = blurb.text
    return (
        _headline_shaped(headline)
        and headline.reason in _JUDGED
        and blurb.reason in _JUDGED
        and _BLURB_WORDS <= blurb.words <= _SUMMARY_WORDS
        and not headline.text.split(None, 1)[0].rstrip(".):").isdigit()  # a story's own step
        and ends_a_sentence(text)
        and not text.endswith((":", *_CUT))
    )


def _headline_shaped(line: Line) -> bool:
    """A teaser's headline: a few words that end no sentence."""
    low, high = _HEADLINE_WORDS
    return low <= line.words <= high and not ends_a_sentence(line.text)


def _runs(pairs: list[bool], enough: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of lines made of pairs in a row (``pairs[i]``: line i and line
    i + 1 make a pair, judged beforehand in one pass in C) that ``enough`` accepts; the search
    goes on past each run accepted, else a line on, and skips in C from one line that opens a
    pair to the next: most lines open none."""
    i = _next_pair(pairs, 0)
    while i < len(pairs):
        end = i
        while end < len(pairs) and pairs[end]:
            end += 2
        if enough(i, end):
            yield i, end
            i = end
        else:
            i += 1
        i = _next_pair(pairs, i)


def _next_pair(pairs: list[bool], i: int) -> int:
    """The first index from ``i`` on whose line opens a pair; past the end when none does. A
    search from ``i``, never a copy of the rest: a page of many teasers asks once a run."""
    try:
        return pairs.index(True, i)
    except ValueError:
        return len(pairs)
