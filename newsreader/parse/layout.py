"""Give every non-blank line of an article its role, from structure alone.

The method, in three passes over the lines:
1. the body is the contiguous run of lines with the most prose in it
   (a maximum-sum run: prose lines add their words, short or junk lines
   subtract), so navigation, teasers and footers fall outside it;
2. the headline is the best headline-shaped line above the body, weighing
   its length, its distance to the body and how many of its words the body
   repeats; the kicker just above it is the section;
3. lines between headline and body, and junk inside the body, are sorted by
   the cues in :mod:`cues`, :mod:`bylines` and :mod:`dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.model import LineRole
from newsreader.parse import cues
from newsreader.parse.bylines import byline_names, names_in
from newsreader.parse.dates import find_date

_SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)\]]$")
_WORD = re.compile(r"\w+")
_BREADCRUMB = re.compile(r"\s*(?:/|›|»|>|\|)\s*")


@dataclass
class Line:
    """A non-blank line with the facts the passes share."""

    number: int  # 1-based line number in the decoded text
    text: str
    block: int  # index of the blank-line-separated block it sits in
    words: int
    role: str = "other"
    reason: str = ""


@dataclass
class Layout:
    """The outcome of :func:`lay_out`: roles per line plus the fields they yield."""

    lines: list[Line]
    title: str
    section: str | None
    authors: list[str]
    published: str | None
    credits: list[str]

    def roles(self) -> list[LineRole]:
        return [LineRole(line.number, line.text, line.role, line.reason) for line in self.lines]

    def paragraphs(self) -> list[str]:
        return [line.text for line in self.lines if line.role == "body"]


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text``, stripped, with their block index."""
    lines: list[Line] = []
    block = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            block += 1
            continue
        lines.append(Line(number, stripped, block, len(stripped.split())))
    return lines


def lay_out(text: str) -> Layout:
    """Assign a role to every non-blank line of ``text`` and collect the record's fields."""
    lines = split_lines(text)
    credits: list[str] = []
    _mark_cues(lines, credits)
    start, end = _body_run(lines)
    title_at = _find_title(lines, start, end)
    section = _mark_head(lines, title_at)
    _mark_body(lines, title_at, start, end)
    authors = _authors(lines, title_at, end)
    published = _published(lines, title_at, end)
    title = lines[title_at].text if title_at is not None else ""
    return Layout(lines, title, section, authors, published, _unique(credits))


def _mark_cues(lines: list[Line], credits: list[str]) -> None:
    """First pass: roles a line earns by itself (credits, captions, junk, bylines, dates)."""
    for line in lines:
        _mark_line_cue(line, credits)
    for i, line in enumerate(lines):  # short unlabelled lines beside a credit are its caption
        if line.role == "other" and line.words <= 6 and not _SENTENCE_END.search(line.text):
            near = lines[max(0, i - 1):i + 2]
            if any(other.role == "credit" and other.block == line.block for other in near if other is not line):
                line.role, line.reason = "caption", "short label beside a photo credit"


def _mark_line_cue(line: Line, credits: list[str]) -> None:
    """The role a line earns by itself, checked from the most to the least specific cue."""
    text = line.text
    if cues.is_caption_label(text):
        line.role, line.reason = "caption", "caption or image-source label"
    elif cues.is_boilerplate(text):
        line.role, line.reason = "boilerplate", "navigation, sharing or advertising text"
    elif line.words <= 14 and byline_names(text) is not None:
        line.role, line.reason = "byline", "starts like a byline"
    elif (found := cues.credits_in(text)) is not None:
        line.role, line.reason = "credit", "photo or image credit"
        credits.extend(found)
    elif line.words <= 12 and find_date(text):
        line.role, line.reason = "date", "a short line holding a date"
    elif line.words <= 80 and (credit := cues.trailing_credit(text)):
        line.role, line.reason = "caption", "ends with a photo credit in parentheses"
        credits.append(credit)


def is_prose(line: Line) -> bool:
    """Sentence-like text: long enough, and ending like a sentence or simply long."""
    return line.role == "other" and (
        (line.words >= 8 and _SENTENCE_END.search(line.text) is not None) or line.words >= 20
    )


def _line_score(line: Line) -> float:
    """How much a line adds to a body run: prose adds its words, the rest costs."""
    if is_prose(line):
        return float(line.words)
    if line.role in ("credit", "caption"):
        return -1.0
    if line.role == "other" and line.words <= 14:
        return -2.0
    return -4.0


def _body_run(lines: list[Line]) -> tuple[int, int]:
    """Index range [start, end] of the maximum-scoring contiguous run of lines."""
    best, best_range = float("-inf"), (0, -1)
    total, run_start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, run_start = 0.0, i
        total += _line_score(line)
        if total > best:
            best, best_range = total, (run_start, i)
    start, end = best_range
    while start <= end and not is_prose(lines[start]):
        start += 1
    while end >= start and not is_prose(lines[end]):
        end -= 1
    return start, end


def _find_title(lines: list[Line], start: int, end: int) -> int | None:
    """Index of the headline: the best headline-shaped line above the body."""
    if not lines:
        return None
    body_words = _content_words(" ".join(line.text for line in lines[start:min(end + 1, start + 8)]))
    limit = start if start <= end else len(lines)
    best, best_at = float("-inf"), None
    for i in range(max(0, limit - 60), limit):
        score = _title_score(lines[i], limit - i, body_words)
        if score > best:
            best, best_at = score, i
    return best_at


def _title_score(line: Line, distance: int, body_words: set[str]) -> float:
    """Score a headline candidate; very negative for lines that cannot be one."""
    if line.role != "other" or not 2 <= line.words <= 40 or line.text.endswith((".", ",", ";")):
        return float("-inf")
    score = 0.0
    score += 3.0 if 5 <= line.words <= 25 else 0.0
    words = _content_words(line.text)
    if words and body_words:
        score += 6.0 * len(words & body_words) / len(words)
    score -= 0.15 * distance
    return score


def _mark_head(lines: list[Line], title_at: int | None) -> str | None:
    """Mark the headline, everything above it, and return the section kicker."""
    if title_at is None:
        return None
    lines[title_at].role, lines[title_at].reason = "title", "headline-shaped line nearest the body"
    section = None
    for i in range(title_at - 1, max(-1, title_at - 4), -1):
        line = lines[i]
        if section is None and line.role == "other" and line.words <= 5 and not _SENTENCE_END.search(line.text):
            section = _BREADCRUMB.split(line.text)[0].strip() or None
            if section:
                line.role, line.reason = "section", "short kicker above the headline"
    for line in lines[:title_at]:
        if line.role == "other":
            line.role, line.reason = "boilerplate", "above the headline"
    return section


def _mark_body(lines: list[Line], title_at: int | None, start: int, end: int) -> None:
    """Body lines are the unlabelled lines of the run; what lies outside it is dropped."""
    first = (title_at + 1) if title_at is not None else 0
    for i in range(first, len(lines)):
        line = lines[i]
        if line.role != "other":
            continue
        if start <= i <= end:
            line.role, line.reason = "body", "inside the main run of prose"
        elif i < start:
            line.role, line.reason = "boilerplate", "between headline and body, not prose"
        else:
            line.role, line.reason = "boilerplate", "after the main run of prose"


def _authors(lines: list[Line], title_at: int | None, end: int) -> list[str]:
    """Names from the first byline near the headline, else from any byline."""
    bylines = [i for i, line in enumerate(lines) if line.role == "byline"]
    if not bylines:
        return []
    near = [i for i in bylines if title_at is None or i > title_at - 5]
    for i in near + bylines:
        names = byline_names(lines[i].text) or []
        if not names and i + 1 < len(lines):
            names = _names_on_next_line(lines, i)
        if names:
            return names
    return []


def _names_on_next_line(lines: list[Line], i: int) -> list[str]:
    """A lone "By" takes its names from the following line, which becomes part of the byline."""
    following = lines[i + 1]
    names = names_in(following.text) if following.words <= 8 else []
    if names:
        following.role, following.reason = "byline", "names after a lone byline word"
    return names


def _published(lines: list[Line], title_at: int | None, end: int) -> str | None:
    """The date of the first date line near the headline, else of any date line."""
    dated = [i for i, line in enumerate(lines) if line.role == "date"]
    near = [i for i in dated if title_at is None or title_at - 5 < i]
    for i in near + dated:
        found = find_date(lines[i].text)
        if found:
            return found
    for i in [i for i, line in enumerate(lines) if line.role == "byline"]:
        found = find_date(lines[i].text)
        if found:
            return found
    return None


def _content_words(text: str) -> set[str]:
    """Lower-cased words of four or more letters: a cheap, language-neutral content proxy."""
    return {word for word in _WORD.findall(text.lower()) if len(word) >= 4}


def _unique(items: list[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))
