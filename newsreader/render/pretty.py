"""Rich printer: tables, styles and highlighted matches, for terminals only.

Content is never interpreted: every string goes through :func:`clean` and
into a ``rich.text.Text`` (no markup, no emoji codes, no highlighter), so
``[bold]`` or ``:smile:`` in a file prints as written. The console is
passed in, already configured for colour, width and terminal-ness.
"""

from __future__ import annotations

from typing import Iterable

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsreader.model import Article, ArticleHits, LineRole, Listing, SearchHit, SyncReport, shown_id
from newsreader.render.clean import clean, clean_field
from newsreader.render.facts import meta_line, report_line

#: The widest a body is wrapped, in columns, however wide the terminal.
READING_WIDTH = 90
_LIST_COLUMNS = ("id", "date", "section", "words", "title")
_ROLE_STYLES = {
    "title": "bold", "section": "magenta", "byline": "cyan", "date": "cyan", "credit": "dim",
    "caption": "dim", "body": "", "boilerplate": "red dim", "other": "yellow",
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
    """Writes Rich renderables to ``console``; a single article taller than the screen goes
    through ``pager`` when there is one."""

    default_limit = 100
    needs_records = False

    def __init__(self, console: Console, pager=None):
        self.console = console
        self.pager = pager

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
        """A table of id, date, section, words and title that fits the terminal."""
        articles = listing.rows
        rows = [(_text(shown_id(a.id)), _text(a.published or ""), _text(a.section or ""), str(a.words)) for a in articles]
        widths = [max([len(row[i]) for row in rows] + [len(name)]) for i, name in enumerate(_LIST_COLUMNS[:4])]
        widths[0], widths[2] = min(widths[0], 24), min(widths[2], 16)
        # Rich shrinks every no-wrap column when a row is too wide, so give the title the rest explicitly.
        title_width = max(10, self.console.width - sum(widths) - 3 * len(widths) - 2)
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        for name, width, style in zip(_LIST_COLUMNS, widths + [title_width], ("cyan", "", "magenta", "", "")):
            table.add_column(name, style=style, width=width, no_wrap=True, overflow="ellipsis",
                             justify="right" if name == "words" else "left")
        for article, row in zip(articles, rows):
            title = _text(article.title) if article.title else Text("(no title)", style="dim italic")
            warnings = listing.warnings.get(article.id)
            if warnings:
                title.append("  ⚠ " + "; ".join(clean_field(w) for w in warnings), style="yellow")
            table.add_row(*row, title)
        self.console.print(table)
        if listing.total > len(articles):
            self.console.print(Text(f"{len(articles)} of {listing.total} articles shown; "
                                    "use --limit 0 to see them all.", style="dim"))

    def articles(self, articles: Iterable[Article]) -> None:
        """Each article as :meth:`article` shows it, a rule between two."""
        for number, article in enumerate(articles):
            if number:
                self.console.rule(style="dim")
            self.article(article, paged=False)

    def article(self, article: Article, paged: bool = True) -> None:
        """Title, metadata, credits and the body wrapped to a comfortable width."""
        width = min(self.console.width, READING_WIDTH)
        parts = [_text(article.title or "(no title)", "bold"), _text(meta_line(article), "dim")]
        if article.credits:
            parts.append(_text("Photos: " + "; ".join(article.credits), "dim italic"))
        for warning in article.warnings:
            parts.append(_text("warning: " + warning, "yellow"))
        for paragraph in article.paragraphs:
            parts.append(Padding(_text(paragraph), (1, 0, 0, 0)))
        if paged:
            self._paged(Group(*parts), width=width)
        else:
            self.console.print(Group(*parts), width=width)

    def raw(self, article: Article, text: str) -> None:
        self._paged(Text(clean(text)), soft_wrap=True)

    def grep(self, results: Iterable[ArticleHits], mode: str, context: int = 0) -> int:
        """Hits grouped under each article's id and title, matches highlighted."""
        matched = 0
        for result in results:
            matched += 1
            header = Text.assemble((shown_id(result.article.id), "bold cyan"), "  ",
                                   (clean_field(result.article.title), "bold"))
            if mode == "files":
                self.console.print(header)
                continue
            if mode == "count":
                header.append(f"  {result.count}", style="green")
                self.console.print(header)
                continue
            if matched > 1:
                self.console.print()
            self.console.print(header)
            for hit in result.hits:
                line = Text()
                line.append(f"{'¶' if hit.paragraph else 'T'}{hit.paragraph:<4}", style="green" if hit.matched else "dim")
                line.append_text(_highlighted(hit.text, hit.spans, "" if hit.matched else "dim"))
                self.console.print(line)
        return matched

    def ranked(self, results: list[SearchHit]) -> None:
        """Each hit: id, score and title, then its snippet with the matched words highlighted."""
        for number, hit in enumerate(results):
            if number:
                self.console.print()
            header = Text.assemble((shown_id(hit.article.id), "bold cyan"), "  ", (f"{hit.score:.2f}", "green"), "  ")
            header.append_text(_highlighted(hit.article.title, hit.title_spans, "bold"))
            self.console.print(header)
            self.console.print(_highlighted(hit.snippet, hit.spans, "dim"))

    def explain(self, article: Article, roles: list[LineRole]) -> None:
        """Each line of the file with its role and the reason for it."""
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        table.add_column("line", justify="right", style="dim", no_wrap=True)
        table.add_column("role", no_wrap=True)
        table.add_column("text", ratio=3, overflow="fold")
        table.add_column("why", ratio=1, style="dim")
        for role in roles:
            style = _ROLE_STYLES.get(role.role, "")
            table.add_row(str(role.number), Text(role.role, style=style), _text(role.text, style), _text(role.reason))
        self._paged(table)

    def report(self, report: SyncReport) -> None:
        self.console.print(Text(report_line(report)))
