"""Pull quotes: a sentence of the story set again in large type beside it, and repeated blurbs.

A magazine lifts a line out of a paragraph and prints it again between paragraphs, often
without its opening words ("To Kessler, it's a movement ..." becomes "It's a movement ...");
a shop's page repeats a product's blurb. Both read as body to the classifiers, and the
story holds the words once.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter

from newsreader.parse.page import BODY, BOILERPLATE, Line
from newsreader.parse.reasons import Reason

_QUOTE_WORDS = 8  # words a repeat has at least: a story may hold a short heading twice
_QUOTE_MOST = 40  # words a repeat has at most: pull quotes and blurbs are short
_BLURB_WORDS = 20  # words a line repeated whole has at least: a shop's blurb, not a recipe's step
_QUOTES = "\"'“”‘’«»"  # the marks a pull quote may gain or lose around it
_TAIL = 16  # characters before a sentence's full stop that find where a repeat may stand
_NEAR = 30  # lines either side of a repeat where the words it repeats may stand
_TAIL_OF = itemgetter(slice(-_TAIL, None))  # a sentence's last characters, taken in C


def drop_pull_quotes(lines: list[Line]) -> None:
    """Body lines of eight to forty words ending with a full stop whose text (case and outer
    quote marks aside) stands again in another body line that is longer, or the same and above
    it (a blurb of twenty words or more: a story may repeat a short step), near it. Not the
    body's first line, a standfirst the opening paragraph repeats, nor its last, a closing
    line that calls back to the opening. The sentences' last characters are counted first:
    most stand once. The body lines are case-folded once, when the first quote needs them,
    not once for every quote near them."""
    body = [line for line in lines if line.role is BODY]
    if len(body) < 2:
        return
    text = " ".join([line.text for line in body]) + " "  # the last line's stop ends a sentence too
    tails = Counter(map(_TAIL_OF, text.split(". ")))
    dropped: set[int] = set()
    folded: list[str] = []  # the body lines' texts case-folded, made for the first quote
    for k in range(1, len(body) - 1):
        line = body[k]
        if not _QUOTE_WORDS <= line.words <= _QUOTE_MOST:
            continue
        quote = line.text.strip(_QUOTES)
        # its own sentence is counted when it ends the line with a bare full stop
        if quote[-1:] != "." or tails[quote[-_TAIL - 1 : -1]] < 1 + line.text.endswith("."):
            continue
        folded = folded or [other.text.casefold() for other in body]
        if _repeats(body, folded, k, dropped):
            dropped.add(k)
            line.role, line.reason = BOILERPLATE, Reason.PULL_QUOTE


def _repeats(body: list[Line], folded: list[str], k: int, dropped: set[int]) -> bool:
    """Whether line ``k``'s words (case and outer quote marks aside) start a word of another
    body line near it, not dropped, longer, or the same and above it when it is a blurb;
    ``folded``: each body line's text case-folded."""
    quote = body[k].text.strip(_QUOTES).casefold()
    for j in range(max(0, k - _NEAR), min(len(body), k + _NEAR + 1)):
        line = body[j]
        if j == k or j in dropped:
            continue
        if not (len(line.text) > len(body[k].text) or (j < k and body[k].words >= _BLURB_WORDS)):
            continue
        other = folded[j]
        at = other.find(quote)
        while at != -1:
            if at == 0 or not other[at - 1].isalnum():
                return True
            at = other.find(quote, at + 1)
    return False
