"""Rich printer: tables, styles and highlighted matches, for terminals only.

Content is never interpreted: every string goes through :func:`clean` and
into a ``rich.text.Text`` (no markup, no emoji codes, no highlighter), so
``[bold]`` or ``:smile:`` in a file prints as written. The console is
passed in, already configured for colour, width and terminal-ness.
"""

from __future__ import annotations

import re
import shlex
from typing import Iterable, Mapping

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

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
    shown_id,
)
from newsreader.render.clean import clean, clean_field
from newsreader.render.facts import change_line, meta_line, report_line
from newsreader.render.messages import Messages

#: The widest a body is wrapped, in columns, however wide the terminal.
READING_WIDTH = 90
_MIN_TITLE = 16  # columns a list's title keeps before other columns give way
_FULL_ID_TITLE = 40  # ... and the title the full ids leave, else the short ids stand in
_MIN_SECTION = 8  # a section column narrower than this is dropped instead
_GAP = 2  # columns between two columns of a list
_BESIDE = 24  # columns a title needs beside an id before it goes on a line of its own
_EXPLAIN_TABLE = 72  # columns from which --explain is a table (text and reason beside each other)
_SECTIONS_WITH_DATES = 56  # columns a terminal needs for the sections' dates
_EDGES = 2  # the table's blank left and right edges
_NUMBERED = re.compile(r"0*(\d+)_[0-9a-f]{16}")  # a name whose running number `show` also takes
_ROLE_STYLES = {
    "title": "bold",
    "section": "magenta",
    "byline": "cyan",
    "date": "cyan",
    "credit": "dim",
    "caption": "dim",
    "body": "",
    "boilerplate": "red dim",
    "other": "yellow",
}


def _text(value: str, style: str = "") -> Text:
    """Untrusted text as an inert Rich Text."""
    return Text(clean_field(value), style=style)


def _highlighted(text: str, spans: tuple[tuple[int, int], ...], style: str = "") -> Text:
    """Untrusted ``text`` as inert Text in ``style``, the ``spans`` highlighted (each piece is
    cleaned on its own, so removed control characters cannot shift a highlight)."""
    line = Text(style=style)
    position = 0
    for start, end in spans:
        line.append(clean_field(text[position:start]))
        line.append(clean_field(text[start:end]), style="bold red")
        position = end
    line.append(clean_field(text[position:]))
    return line


class RichPrinter:
    """Writes Rich renderables to ``console`` and notes (an empty result) to ``messages``;
    articles taller than the screen go through ``pager`` when there is one; ``width`` wraps
    article text (None: the terminal's up to READING_WIDTH; 0: the terminal's)."""

    default_limit = 100
    needs_records = False

    def __init__(self, console: Console, messages: Messages, pager=None, width: int | None = None):
        self.console = console
        self.messages = messages
        self.pager = pager
        self.width = width

    def _paged(self, *renderables, **options) -> None:
        """Print, or show through the pager when there is one and the output is taller than the screen."""
        if self.pager is None:
            self.console.print(*renderables, **options)
            return
        with self.console.capture() as captured:
            self.console.print(*renderables, **options)
        shown = captured.get()
        if not self.pager.show(shown):
            self.console.file.write(shown)

    def listing(self, listing: Listing) -> None:
        """A table of id, date, section, words and title that fits the terminal at any width:
        ids and numbers are never cut (the short id ``show`` takes stands in for a long one),
        columns give way in the order section, words, date, and the title takes the rest."""
        if not listing.rows:
            self.messages.note(listing.note or "No articles.")
            return
        rows = list(listing.rows)
        columns, short = _list_columns(rows, listing, self.console.width)
        table = Table(
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            header_style="bold",
            padding=(0, 1),
            collapse_padding=True,
        )
        for name, width in columns:
            table.add_column(
                name,
                width=width,
                no_wrap=True,
                overflow="ellipsis",
                style={"id": "cyan", "section": "magenta"}.get(name, ""),
                justify="right" if name == "words" else "left",
            )
        for at, article in enumerate(rows):
            cells = [_list_cell(article, name, listing, short) for name, _ in columns]
            if listing.copies is not None:  # the title is the last column
                cells[-1] = _marked_copies(listing.copies[at], cells[-1])
            table.add_row(*cells)
        self.console.print(table)
        if listing.total > len(listing.rows):
            self.console.print(
                Text(
                    f"{len(listing.rows)} of {listing.total} articles shown; "
                    "use --limit 0 to see them all.",
                    style="dim",
                )
            )

    def articles(self, articles: Iterable[Article]) -> None:
        """Each article as :meth:`article` shows it, a rule between two, all through one pager."""
        parts: list = []
        for article in articles:
            if parts:
                parts.append(Padding(Text("─" * self._reading_width(), style="dim"), (1, 0, 1, 0)))
            parts.append(self._article(article))
        if not parts:
            self.messages.note("No article passes the filters.")
            return
        self._paged(Group(*parts), width=self._reading_width())

    def article(self, article: Article) -> None:
        """Title, metadata, credits and the body wrapped to a comfortable width."""
        self._paged(self._article(article), width=self._reading_width())

    def _reading_width(self) -> int:
        if self.width is None:
            return min(self.console.width, READING_WIDTH)
        return self.width or self.console.width

    @staticmethod
    def _article(article: Article) -> Group:
        parts = [_text(article.title or "(no title)", "bold"), _text(meta_line(article), "dim")]
        if article.credits:
            parts.append(_text("Photos: " + "; ".join(article.credits), "dim italic"))
        for warning in article.warnings:
            parts.append(_text("warning: " + warning, "yellow"))
        for paragraph in article.paragraphs:
            parts.append(Padding(_text(paragraph), (1, 0, 0, 0)))
        return Group(*parts)

    def raw(self, article: Article, text: str) -> None:
        self._paged(Text(clean(text)), soft_wrap=True)

    def grep(self, results: Iterable[ArticleHits], mode: str, context: int = 0) -> int:
        """Hits grouped under each article's id and title, matches highlighted; wrapped
        paragraphs keep their indent; with -c the count stands before the title, with -l
        only id and title (a title too long for the line is cut, never wrapped under)."""
        matched = 0
        for result in results:
            matched += 1
            if mode == "vimgrep":
                for hit in result.hits:
                    for start, _ in hit.spans or ((0, 0),):
                        self.console.print(
                            Text(
                                f"{clean_field(result.article.path)}:{hit.line}:"
                                f"{hit.column + start}:{clean_field(hit.text)}"
                            ),
                            soft_wrap=True,
                        )
                continue
            if mode in ("files", "count"):
                self.console.print(self._heading(result, result.count if mode == "count" else None))
                continue
            if matched > 1:
                self.console.print()
            self.console.print(self._wrapped_heading(result))
            hits = Table.grid(padding=(0, 1))
            hits.add_column(no_wrap=True, width=5)
            hits.add_column(overflow="fold")
            for hit in result.hits:
                place = (
                    f"{hit.line}"
                    if mode == "numbered"
                    else f"{'¶' if hit.paragraph else 'T'}{hit.paragraph}"
                )
                hits.add_row(
                    Text(place, style="green" if hit.matched else "dim"),
                    _highlighted(hit.text, hit.spans, "" if hit.matched else "dim"),
                )
            self.console.print(hits)
        if not matched:
            self.messages.note("No article matches.")
        return matched

    def _heading(self, result: ArticleHits, count: int | None) -> Text:
        """An article's id (and count) then as much of its title as the line holds: the id and
        the count are never cut."""
        line = Text.assemble((shown_id(result.article.id), "bold cyan"), "  ")
        if count is not None:
            line.append_text(Text.assemble((str(count), "green"), "  "))
        title = _text(result.article.title, "bold")
        title.truncate(max(1, self.console.width - line.cell_len), overflow="ellipsis")
        return line.append_text(title)

    def _wrapped_heading(self, result: ArticleHits):
        """An article's id, then its title wrapped beside it (see :func:`_beside`)."""
        return _beside(
            [(shown_id(result.article.id), "bold cyan")],
            _text(result.article.title, "bold"),
            self.console.width,
        )

    def ranked(self, results: list[SearchHit]) -> None:
        """Each hit: id, score and title (its matched words highlighted), then its snippet."""
        if not results:
            self.messages.note("No article matches the query.")
        for number, hit in enumerate(results):
            if number:
                self.console.print()
            fixed = [(shown_id(hit.article.id), "bold cyan"), (f"{hit.score:.2f}", "green")]
            title = _highlighted(hit.article.title, hit.title_spans, "bold")
            if hit.copies is not None:
                title = _marked_copies(hit.copies, title)
            self.console.print(_beside(fixed, title, self.console.width))
            self.console.print(Padding(_highlighted(hit.snippet, hit.spans, "dim"), (0, 0, 0, 2)))

    def copies(self, groups: list[tuple[Article, ...]]) -> None:
        """Each group under a heading with its size; an article a line: id, date, title."""
        if not groups:
            self.messages.note("No article has a wire copy.")
        for number, group in enumerate(groups, start=1):
            if number > 1:
                self.console.print()
            self.console.print(Text(f"Group {number}: {len(group)} articles", style="bold"))
            for article in group:
                fixed = [(shown_id(article.id), "cyan")]
                if article.published:
                    fixed.append((article.published, "dim"))
                title = _text(article.title) if article.title else Text("(no title)", style="dim")
                self.console.print(
                    Padding(_beside(fixed, title, self.console.width - 2), (0, 0, 0, 2))
                )

    def explain(self, article: Article, roles: list[LineRole]) -> None:
        """Each line of the file with its role and the reason for it: a table, or on a narrow
        terminal, where a table's text and reason columns would fold a word a line, each line
        stacked (number and role, then its text, then the reason, indented)."""
        if self.console.width < _EXPLAIN_TABLE:
            self._paged(Group(*map(_stacked_role, roles)))
            return
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        table.add_column("line", justify="right", style="dim", no_wrap=True)
        table.add_column("role", no_wrap=True)
        table.add_column("text", ratio=3, overflow="fold")
        table.add_column("why", ratio=1, style="dim")
        for role in roles:
            style = _ROLE_STYLES.get(role.role, "")
            table.add_row(
                str(role.number),
                Text(role.role, style=style),
                _text(role.text, style),
                _text(role.reason),
            )
        self._paged(table)

    def report(self, report: SyncReport) -> None:
        self.console.print(Text(report_line(report)))

    def changed(self, change: MarkChange) -> None:
        self.console.print(Text(change_line(change)))

    def note(self, sentence: str) -> None:
        self.console.print(_text(sentence))

    def saved(self, searches: list[SavedCount]) -> None:
        """A table of the saved searches: name, unread, articles, query, filters."""
        if not searches:
            self.messages.note("There are no saved searches; news saved add NAME QUERY keeps one.")
            return
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        table.add_column("name", style="cyan", no_wrap=True)
        table.add_column("unread", justify="right", style="bold", no_wrap=True)
        table.add_column("articles", justify="right", no_wrap=True)
        table.add_column("query", overflow="fold")
        table.add_column("filters", style="dim", overflow="fold")
        for search in searches:
            table.add_row(
                search.name,
                str(search.unread),
                str(search.articles),
                _text(search.query),
                _text(shlex.join(search.filters)),
            )
        self.console.print(table)

    def sections(self, sections: list[SectionCount]) -> None:
        """A table of the sections, most articles first."""
        dated = self.console.width >= _SECTIONS_WITH_DATES  # else the dates give way to the names
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        table.add_column(
            "section", style="magenta", no_wrap=True, overflow="ellipsis", min_width=_MIN_SECTION
        )
        table.add_column("articles", justify="right", no_wrap=True)
        table.add_column("unread", justify="right", style="bold", no_wrap=True)
        if dated:
            table.add_column("first", no_wrap=True)
            table.add_column("last", no_wrap=True)
        for count in sections:
            name = _text(count.section) if count.section else Text("(none)", style="dim italic")
            unread = "" if count.unread is None else str(count.unread)
            table.add_row(
                name, str(count.articles), unread, *((count.first, count.last) if dated else ())
            )
        self.console.print(table)

    def warnings(self, warned: Mapping[str, tuple[str, ...]]) -> None:
        """Each article with its parse warnings."""
        if not warned:
            self.messages.note("No article has parse warnings.")
            return
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("warning", style="yellow", overflow="fold")
        for article_id, found in warned.items():
            table.add_row(shown_id(article_id), _text("; ".join(found)))
        self.console.print(table)


def _beside(fixed: list[tuple[str, str]], title: Text, width: int):
    """``fixed`` cells (text, style), never cut, then ``title`` wrapped beside them with a hanging
    indent; when that leaves the title less than _BESIDE columns, on an indented line of its own."""
    room = width - sum(len(text) + 2 for text, _ in fixed)
    if room < _BESIDE:
        head = Text("  ").join(Text(text, style=style) for text, style in fixed)
        return Group(head, Padding(title, (0, 0, 0, 2)))
    grid = Table.grid(padding=(0, 2))
    for text, style in fixed:
        grid.add_column(no_wrap=True, style=style, width=len(text), min_width=len(text))
    grid.add_column(overflow="fold", ratio=1)
    grid.add_row(*(text for text, _ in fixed), title)
    return grid


def _list_columns(rows: list, listing: Listing, width: int) -> tuple[list[tuple[str, int]], bool]:
    """The list's columns and their widths at ``width``, and whether ids are shown short: the
    richest layout that leaves the title _MIN_TITLE columns (full ids first, then short ones,
    then the section narrowed, then section, words and date dropped, in that order); the
    title gets the rest."""
    full = max(len(shown_id(row.id)) for row in rows)
    short = max(
        2, *(len(_short_id(row.id, listing)) for row in rows)
    )  # never under its header, "id"
    date = 10 if any(row.published for row in rows) else 0
    longest = max(len(clean_field(row.section or "")) for row in rows)
    section = min(16, max(len("section"), longest)) if longest else 0
    words = max(len("words"), *(len(str(row.words)) for row in rows))
    choices = [
        (full, date, section, words),
        (short, date, section, words),
        (short, date, min(section, _MIN_SECTION), words),
        (short, date, 0, words),
        (short, date, 0, 0),
        (short, 0, 0, 0),
    ]
    for number, sizes in enumerate(choices):
        fixed = [
            (name, size) for name, size in zip(("id", "date", "section", "words"), sizes) if size
        ]
        room = width - _EDGES - sum(size + _GAP for _, size in fixed)
        if room >= (_FULL_ID_TITLE if number == 0 else _MIN_TITLE) or number == len(choices) - 1:
            return [*fixed, ("title", max(1, room))], sizes[0] < full
    raise AssertionError("the last layout always fits")


def _short_id(article_id: str, listing: Listing) -> str:
    """The shortest id ``show`` takes for this article: its running number when no other
    article of the folder has it, else the id itself (as shown)."""
    match = _NUMBERED.fullmatch(article_id)
    return match.group(1) if match and listing.numbered() else shown_id(article_id)


def _list_cell(article, column: str, listing: Listing, short: bool) -> Text:
    if column == "id":
        return Text(_short_id(article.id, listing) if short else shown_id(article.id))
    if column == "title":
        title = _text(article.title) if article.title else Text("(no title)", style="dim italic")
        warnings = listing.warnings.get(article.id)
        if warnings:
            title.append("  ⚠ " + "; ".join(clean_field(w) for w in warnings), style="yellow")
        return title
    if column == "words":
        return Text(str(article.words))
    return _text((article.published if column == "date" else article.section) or "")


def _marked_copies(count: int, title: Text) -> Text:
    """A collapsed row's title, after how many articles it stands for (``×3``) when they are
    several: first, so a title cut to fit the line keeps it."""
    if count <= 1:
        return title
    return Text.assemble((f"×{count}", "bold yellow"), " ", title)


def _stacked_role(role: LineRole) -> Group:
    """One line of ``--explain`` on a narrow terminal: its number and role, then its text
    indented, then the reason indented further (told apart without colour too)."""
    style = _ROLE_STYLES.get(role.role, "")
    heading = Text.assemble((str(role.number), "dim"), "  ", (role.role, style))
    return Group(
        heading,
        Padding(_text(role.text, style), (0, 0, 0, 2)),
        Padding(_text(role.reason, "dim"), (0, 0, 0, 4)),
    )
