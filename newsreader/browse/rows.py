"""The browser's article list: ``news list``'s columns, read from the index a page at a time.

A :class:`ArticleList` knows only how many rows there are; each line it paints asks for its
row, and a missing row brings its whole page (``PAGE`` rows) from the library. Unread rows are
bold, starred ones carry ``*``; the cursor row is reversed.
"""

from __future__ import annotations

from typing import Callable

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsreader.model import MarkedSummary
from newsreader.render.clean import clean_field

PAGE = 200  # rows read from the index at a time
_ID, _DATE, _SECTION, _WORDS = 20, 10, 12, 6  # column widths, as `news list` on a terminal
_ALL_COLUMNS = 80  # narrower than this, the id, section and words give way to the title
_DATE_COLUMNS = 50  # narrower than this, the date too


def row_text(row: MarkedSummary, width: int) -> Text:
    """One row as it is painted: star mark, id, date, section, words, title (fewer columns on
    a narrow screen); bold while unread."""
    cells = ["*" if row.starred else " "]
    if width >= _ALL_COLUMNS:
        cells += [
            set_cell_size(clean_field(row.id), _ID),  # cells: a CJK character takes two
            row.published[:_DATE].ljust(_DATE),
            set_cell_size(clean_field(row.section), _SECTION),
            row.words.rjust(_WORDS),
        ]
    elif width >= _DATE_COLUMNS:
        cells.append(row.published[:_DATE].ljust(_DATE))
    cells.append(clean_field(row.title))
    text = Text(" ".join(cells), no_wrap=True)
    text.truncate(width, overflow="ellipsis", pad=True)
    if not row.read:  # a span, not the base style: painting a line leaves the base style out
        text.stylize("bold")
    return text


class ArticleList(ScrollView, can_focus=True):
    """The rows of a listing, ``total`` of them, each page read by ``read_page(offset, limit)``."""

    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "move(-20)", "Page up", show=False),
        Binding("pagedown,space", "move(20)", "Page down", show=False),
        Binding("home,g", "move(-1000000000)", "First", show=False),
        Binding("end,G", "move(1000000000)", "Last", show=False),
        Binding("enter", "choose", "Read"),
    ]
    cursor = reactive(0)

    class Chosen(Message):
        """Enter on a row."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, read_page: Callable[[int, int], list[MarkedSummary]], total: int):
        super().__init__()
        self.read_page = read_page
        self.total = total
        self._pages: dict[int, list[MarkedSummary]] = {}

    def on_mount(self) -> None:
        self.virtual_size = Size(self.size.width, self.total)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.total)

    def row(self, index: int) -> MarkedSummary | None:
        """Row ``index`` (its page read if it was not), or None past the end."""
        if not 0 <= index < self.total:
            return None
        page = self._pages.get(index // PAGE)
        if page is None:
            page = self._pages[index // PAGE] = self.read_page(index // PAGE * PAGE, PAGE)
        return page[index % PAGE] if index % PAGE < len(page) else None

    def replace_row(self, index: int, row: MarkedSummary) -> None:
        """Show ``row`` at ``index`` from now on (its marks changed)."""
        page = self._pages.get(index // PAGE)
        if page is not None and index % PAGE < len(page):
            page[index % PAGE] = row
            self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        row = self.row(index)
        if row is None:
            return Strip.blank(width)
        text = row_text(row, width)
        if index == self.cursor:
            text.stylize(Style(reverse=True))
        segments = [segment for segment in text.render(self.app.console) if segment.text != "\n"]
        return Strip(segments, width) if segments else Strip([Segment(" " * width)], width)

    def watch_cursor(self, old: int, new: int) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.total:
            self.cursor = max(0, min(self.total - 1, self.cursor + step))

    def action_choose(self) -> None:
        if self.total:
            self.post_message(self.Chosen(self.cursor))
