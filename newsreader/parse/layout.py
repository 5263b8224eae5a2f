"""Give every non-blank line of an article its role, from structure alone: the passes, in order.

1. cues: what lines say they are by themselves (:mod:`cues`), then the captions and the
   bylines their neighbours give away (:mod:`captions`, :mod:`authors`);
2. the main run: the stretch with the most prose, without the boxes other files of the
   folder repeat (:mod:`page`), the landmark for the learned passes;
3. the headline: the candidate the title classifier scores highest; the kicker above it is
   the section, everything above is dropped (:mod:`title`);
4. the body: the lines below it the body classifiers score as body, bar a biography (:mod:`body`)
   and a picture's caption over its credit (:mod:`captions`).
The classifiers (:mod:`features`, :mod:`scoring`) learn from :func:`read_page`'s pages in
``tools/train_parser.py``; their weights ship in ``weights.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsreader.model import LineRole
from newsreader.parse.authors import (
    find_authors,
    join_lone_bylines,
    mark_names_above_run,
    mark_names_below_title,
)
from newsreader.parse.body import TEXT, Thresholds, mark_biographies, mark_body
from newsreader.parse.boxes import drop_lines_between_notices, mark_skipped_boxes
from newsreader.parse.captions import drop_captions_over_credits, mark_captions
from newsreader.parse.cues import mark_cues, notice_phrases
from newsreader.parse.dates import published
from newsreader.parse.features import file_language
from newsreader.parse.page import (
    BODY,
    Line,
    Page,
    furniture_and_run,
    line_facts,
    mark_furniture,
    split_lines,
)
from newsreader.parse.quotes import drop_pull_quotes
from newsreader.parse.teasers import drop_summary_teasers, mark_teasers
from newsreader.parse.title import find_title, mark_head, section_trailer, title_and_kicker


@dataclass
class Layout:
    """The outcome of :func:`lay_out`: roles per line plus the fields they yield."""

    lines: list[Line]
    title: str
    section: str | None
    authors: list[str]
    published: str | None
    credits: list[str]
    language: str | None = None

    def roles(self) -> list[LineRole]:
        return [
            LineRole(line.number, line.text, line.role, line.reason.value) for line in self.lines
        ]

    def paragraphs(self) -> list[str]:
        return [line.text for line in self.lines if line.role is BODY]

    def body_words(self) -> int:
        """Words in the body paragraphs, as ``str.split`` counts them (already counted per line)."""
        return sum(line.words for line in self.lines if line.role is BODY)


def read_page(text: str, shared: frozenset[int] = frozenset(), keys: bytes | None = None) -> Page:
    """Passes 1 and 2: the lines with the roles they earn by themselves and by their
    neighbours, their measurements and the main run of prose. ``shared`` holds the keys other
    files of the folder repeat, ``keys`` the file's own when taken already (see :mod:`furniture`)."""
    lines = split_lines(text)
    credits: list[str] = []
    mark_cues(lines, credits, notice_phrases(text))
    mark_captions(lines, credits)
    mark_teasers(lines)
    mark_skipped_boxes(lines)
    join_lone_bylines(lines)
    language, stopwords = file_language(text)
    facts = line_facts(lines, text, stopwords)
    furniture, run = furniture_and_run(lines, facts, shared, keys)
    mark_furniture(lines, furniture)
    mark_names_above_run(lines, run)
    return Page(lines, facts, run, credits, furniture, language)


def lay_out(text: str, shared: frozenset[int] = frozenset(), keys: bytes | None = None) -> Layout:
    """Assign a role to every non-blank line of ``text`` and collect the record's fields."""
    page = read_page(text, shared, keys)
    title_at, section = mark_head_and_body(page, find_title(page))
    return gather(page, title_at, section)


def mark_head_and_body(
    page: Page, headline: tuple | None, thresholds: Thresholds = TEXT
) -> tuple[int | None, str | None]:
    """Pass 3: the headline's block and the body below it marked; (the headline's line, the
    section found above it). ``thresholds``: the body scores lines need (``body.TEXT`` for a
    text dump). Readers that know more of the page correct the body after it."""
    title_at = headline[0] if headline else None
    section = mark_head(page.lines, headline)
    if title_at is not None:
        mark_names_below_title(page.lines, title_at)
    mark_body(page, title_at, thresholds)
    drop_summary_teasers(page.lines)
    drop_lines_between_notices(page.lines)
    drop_pull_quotes(page.lines)
    return title_at, section


def gather(page: Page, title_at: int | None, section: str | None) -> Layout:
    """Pass 4: the record's fields from the marked lines: the headline and its kicker, the
    section, authors (biographies of them leave the body, then captions over a credit), date,
    credits and language."""
    lines = page.lines
    title = ""
    if title_at is not None:
        title, kicker = title_and_kicker(lines, title_at)
        section = kicker or section  # run into the headline: the article's own kicker
    section = section or section_trailer(lines, title_at)
    authors = find_authors(lines, title_at)
    mark_biographies(lines, authors, -1 if title_at is None else title_at)
    drop_captions_over_credits(lines)  # after the biographies: a late one ends the story
    return Layout(
        lines,
        title,
        section,
        authors,
        published(lines, title_at, day_first=page.language not in (None, "en")),
        list(dict.fromkeys(page.credits)),
        page.language,
    )
