"""Printers, chosen once per run: Rich for terminals, plain text for pipes, JSON on request.

All three implement :class:`Printer` with the same methods, so a command
hands its result to whichever :func:`make_printer` returns and never asks
where its output goes. They receive records (:mod:`newsreader.model`),
sanitise every string on the way out (:mod:`clean`), and send notes about
the data (parse warnings) to stderr through :class:`Messages`. Rich is
imported only when a terminal printer is made.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Protocol, TextIO

from newsreader.env import Environment, Output
from newsreader.model import (
    Article,
    ArticleHits,
    LineRole,
    Listing,
    MarkChange,
    SavedCount,
    SearchHit,
    SectionCount,
    SyncReport,
)
from newsreader.render.messages import Messages


class Printer(Protocol):
    """What every printer does; the plain printer's formats are documented in the README."""

    default_limit: int  # rows ``news list`` shows when no --limit is given (0: all)
    needs_records: bool  # whether a listing must carry full records rather than summaries

    def listing(self, listing: Listing) -> None:
        """The articles of ``news list``."""

    def articles(self, articles: Iterable[Article]) -> None:
        """Several full records, one after another (``news export``)."""

    def article(self, article: Article) -> None:
        """One article: title, metadata, body."""

    def raw(self, article: Article, text: str) -> None:
        """An article's original text."""

    def explain(self, article: Article, roles: list[LineRole]) -> None:
        """Every non-blank line of an article's file with its role and the reason."""

    def grep(self, results: Iterable[ArticleHits], mode: str, context: int = 0) -> int:
        """grep's results as they come (``mode``: lines, count or files); returns how many
        articles matched."""

    def ranked(self, results: list[SearchHit]) -> None:
        """Search results, best first."""

    def copies(self, groups: list[tuple[Article, ...]]) -> None:
        """Groups of wire copies (``news dupes``), largest first."""

    def report(self, report: SyncReport) -> None:
        """What an update of the index did."""

    def sections(self, sections: list[SectionCount]) -> None:
        """The folder's sections with their articles, dates and unread articles."""

    def warnings(self, warned: Mapping[str, tuple[str, ...]]) -> None:
        """Every article's parse warnings, by id."""

    def changed(self, change: MarkChange) -> None:
        """What a change of the reader's marks did (``news mark``, ``star``, ``tag``)."""

    def saved(self, searches: list[SavedCount]) -> None:
        """The saved searches with their unread and all articles."""

    def note(self, sentence: str) -> None:
        """One sentence saying what a command did (``news saved add``, ``state import``)."""


PLAIN_WIDTH = 80  # columns plain text is wrapped at unless --width says otherwise


def make_printer(
    env: Environment,
    output: Output,
    json: bool = False,
    width: int | None = None,
    paged: bool = False,
) -> Printer:
    """The printer for this run: JSON if asked, Rich on a terminal, else plain text. ``width``
    wraps article text (0: not at all; None: 80 columns piped, the terminal's up to 90 on one);
    ``paged``: long terminal output of articles goes through the pager."""
    if json:
        from newsreader.render.jsonl import JsonPrinter

        return JsonPrinter(env.stdout, ascii_only=not env.stdout_utf8)
    if output.pretty:
        from newsreader.render.pretty import RichPrinter

        pager = None
        if paged:
            from newsreader.render.pager import Pager

            encoding = "utf-8" if env.stdout_utf8 else env.stdout.encoding
            errors = "replace" if env.stdout_utf8 else env.stdout.errors
            pager = Pager(*env.pager(), output.height, encoding, errors)
        return RichPrinter(make_console(env.stdout, output), Messages(env.stderr), pager, width)
    from newsreader.render.plain import PlainPrinter

    return PlainPrinter(env.stdout, PLAIN_WIDTH if width is None else width)


def make_console(out: TextIO, output: Output):
    """A Rich console that never interprets markup, emoji codes or highlighting in content."""
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=True,
        no_color=not output.color,
        color_system="auto" if output.color else None,
        width=output.width,
        height=output.height,
        markup=False,
        emoji=False,
        highlight=False,
    )
