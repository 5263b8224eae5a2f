"""grep's prefilter: the literals a match needs, as a full-text query over the index.

A word run inside a literal must be a whole indexed word, one at its right
end may begin a longer word (a prefix query), and any other run may sit
inside a longer word, so it is widened to the indexed words containing it
(the index's vocabulary). The query never rules out an article the regex
could match; the library adds the articles the index may read otherwise.
"""

from __future__ import annotations

from typing import Callable

from newsreader.model import WORD

MIN_RUN = 3  # shorter word runs are too common to narrow anything


def fts_query(
    groups: list[list[str]], fold: Callable[[str], str | None], terms_containing
) -> str | None:
    """An FTS5 query every article matching ``groups`` satisfies, or None when it cannot narrow.

    Each literal is first folded as the index folds its words (``fold``; None for a literal
    the index may read otherwise, which then narrows nothing). A word run inside a literal
    ("de" in "a de b") must be a whole indexed word; a run at the literal's right end must
    start one (a prefix query); any other run may sit inside a longer word, so it is expanded
    through ``terms_containing(run)`` (the index's vocabulary; None when too many).
    Returns ``""`` when no article can match.
    """
    clauses = []
    for group in groups:
        options = []
        for literal in group:
            folded = fold(literal)
            option = None if folded is None else _literal_query(folded, terms_containing)
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
    runs = [(start, end, run) for start, end, run in runs if end - start >= MIN_RUN]
    if not runs:
        return None
    # prefer a run whose word boundaries the literal shows (exact word, then prefix), then the longest
    start, end, run = max(
        runs, key=lambda r: ((r[0] > 0) + (r[0] > 0 and r[1] < len(literal)), r[1] - r[0])
    )
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
    if prefix and len(words[-1]) < MIN_RUN:
        words, prefix = words[:-1], False
    firsts = [words[0]]
    if runs[0][0] == 0:  # open on the left: the first word may be the end of a longer one
        terms = terms_containing(words[0]) if len(words[0]) >= MIN_RUN else None
        firsts = [term for term in terms if term.endswith(words[0])] if terms is not None else None
        if firsts == []:
            return ""  # no indexed word ends that way: no article can hold the literal
        if firsts is None or len(firsts) > _MAX_PHRASES:
            words, firsts = words[1:], None
    if not words or (len(words) == 1 and firsts is None and len(words[0]) < MIN_RUN):
        return None
    star = "*" if prefix else ""
    rest = words[1:] if firsts else words
    phrases = (
        [_quote(" ".join([first, *rest])) + star for first in firsts]
        if firsts
        else [_quote(" ".join(rest)) + star]
    )
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


_MAX_PHRASES = 20  # words a phrase's open first run may stand for before it is left out


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
