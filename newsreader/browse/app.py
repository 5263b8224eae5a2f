"""The browser: the article list, a reader pane for one article, prompts and the key help.

Every action is one library call (``article`` with ``mark_read``, ``mark_read``, ``star``,
``tag``, ``filters``, ``page``, ``count``); a :class:`~newsreader.errors.NewsError` becomes a
notification, never a crash. Text from files goes through ``render.clean`` into Rich ``Text``.
"""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from newsreader.browse.rows import ArticleList
from newsreader.errors import NewsError
from newsreader.library import Library
from newsreader.model import Article, Filters, MarkedSummary, counted, shown_id
from newsreader.render.clean import clean_field
from newsreader.render.facts import meta_line

KEYS = """\
Enter     read the article
Esc, q    back (in the list: quit)
j k ↑ ↓   move; PgUp PgDn Space a screen (b back one, in an article)
g G       first / last
n / p     next / previous unread
r         read / unread
s         star / unstar
t         tags: +tag -tag
/         search, as news search
f         section (empty: all)
o         open the article's URL
?         these keys"""
MIN_SIZE = (20, 5)  # columns and lines the browser needs
SHOWN_CHARACTERS = 200_000  # of an article's paragraphs laid out, about 30,000 words


class Prompt(ModalScreen[str | None]):
    """One line of input; Enter gives it, Esc gives None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, label: str, value: str = ""):
        super().__init__()
        self.label, self.value = label, value

    def compose(self) -> ComposeResult:
        yield Static(Text(self.label), id="prompt-label")
        yield Input(value=self.value, id="prompt")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Help(ModalScreen[None]):
    """The keys; any key closes it."""

    def compose(self) -> ComposeResult:
        yield Static(Text(KEYS), id="help")

    def on_key(self) -> None:
        self.dismiss(None)


def article_view(article: Article) -> Group:
    """Title, metadata line, credits dimmed, the paragraphs: every string sanitised, as Text.
    Past ``SHOWN_CHARACTERS`` of paragraphs (a file of megabytes, no article) the rest is
    named, not laid out: wrapping it all would hold the screen for seconds."""
    parts = [Text(clean_field(article.title) or "(no title)", style="bold")]
    parts.append(Text(clean_field(meta_line(article)), style="italic"))
    if article.credits:
        parts.append(Text(clean_field("Credits: " + "; ".join(article.credits)), style="dim"))
    shown = 0
    for at, paragraph in enumerate(article.paragraphs):
        if shown > SHOWN_CHARACTERS:
            rest = sum(len(p.split()) for p in article.paragraphs[at:])
            note = f"… {counted(rest, 'more word')}: news show {shown_id(article.id)} has them all"
            parts += [Text(""), Text(clean_field(note), style="dim")]
            break
        parts += [Text(""), Text(clean_field(paragraph))]
        shown += len(paragraph)
    return Group(*parts)


class Scroller(VerticalScroll):
    """The article's scroller, moved by the keys that move the list too, and less's."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "End", show=False),
    ]


class Reader(Screen):
    """One article, scrolled with the usual keys."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, article: Article):
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        with Scroller(id="reader"):
            yield Static(article_view(self.article), id="article")
        yield Static(id="status")

    def on_mount(self) -> None:
        self.query_one("#reader").focus()


class BrowseApp(App):
    """The articles of a library that pass some filters, newest first, to read one by one."""

    CSS = """
    #article { max-width: 90; padding: 0 1; }
    #status { dock: bottom; height: 1; background: $panel; }
    Prompt, Help { align: center middle; }
    #prompt-label { width: 60; background: $panel; padding: 0 1; }
    #prompt { width: 60; }
    #help { width: auto; height: auto; padding: 1 2; background: $panel; border: round $accent; }
    #small { content-align: center middle; height: 100%; }
    """
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("n", "unread(1)", "Next unread"),
        Binding("p", "unread(-1)", "Previous unread"),
        Binding("r", "toggle_read", "Read/unread"),
        Binding("s", "star", "Star"),
        Binding("t", "tag", "Tag"),
        Binding("slash", "search", "Search"),
        Binding("f", "section", "Section"),
        Binding("o", "open_url", "Open URL"),
        Binding("question_mark", "help", "Keys"),
    ]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, library: Library, filters: Filters = Filters()):
        super().__init__()
        self.library = library
        self.filters = filters
        self.shown: tuple[int, Article] | None = None  # the row open in the reader, and its record

    def compose(self) -> ComposeResult:
        yield self._list()
        yield Static(id="status")

    def _list(self) -> ArticleList:
        return ArticleList(
            lambda offset, limit: self.library.page(self.filters, offset, limit),
            self.library.count(self.filters),
        )

    @property
    def rows(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        self.rows.focus()
        self._status()

    def _status(self, note: str = "") -> None:
        """The bottom line: how many articles, the filters, a note; ? for the keys."""
        given = [f"section {self.filters.section}"] if self.filters.section else []
        given += ["a search"] if self.filters.matching else []
        words = counted(self.rows.total, "article") + (f" ({', '.join(given)})" if given else "")
        line = Text(clean_field(f"{words} · {note or '? keys · q quit'}"))
        for status in self.screen.query("#status").results(Static):
            status.update(line)

    def _reload(self) -> None:
        """The list again from the index, for new filters."""
        old = self.rows
        new = self._list()
        self.mount(new, before=old)
        old.remove()
        new.focus()
        self.call_after_refresh(self._status)

    # --- reading -------------------------------------------------------------------------

    def on_article_list_chosen(self, event: ArticleList.Chosen) -> None:
        self._open(event.index)

    def _open(self, index: int) -> None:
        row = self.rows.row(index)
        if row is None:
            return
        article = self._do(lambda: self.library.article(row.id, mark_read=True)[1])
        if article is None:
            return
        self.rows.replace_row(index, row._replace(read=True))
        self.shown = (index, article)
        if isinstance(self.screen, Reader):
            self.pop_screen()
        self.push_screen(Reader(article))
        self.call_after_refresh(self._status, clean_field(row.id))

    def _current(self) -> tuple[int, MarkedSummary] | None:
        """The row the keys act on: the one open in the reader, else the cursor's."""
        index = self.shown[0] if isinstance(self.screen, Reader) and self.shown else None
        index = self.rows.cursor if index is None else index
        row = self.rows.row(index)
        return None if row is None else (index, row)

    def _do(self, call):
        """``call()``, its NewsError shown as a notification (None then)."""
        try:
            return call()
        except NewsError as error:
            self.notify(clean_field(str(error)), severity="error")
            return None

    # --- the keys ------------------------------------------------------------------------

    def action_unread(self, step: int) -> None:
        """Move to the next (or previous) unread row; from the reader, open it."""
        current = self._current()
        index = (current[0] if current else -1) + step
        while 0 <= index < self.rows.total:
            row = self.rows.row(index)
            if row is not None and not row.read:
                self.rows.cursor = index
                if isinstance(self.screen, Reader):
                    self._open(index)
                return
            index += step
        self.notify("No more unread articles that way.")

    def action_toggle_read(self) -> None:
        current = self._current()
        if current and self._do(
            lambda: self.library.mark_read([current[1].id], not current[1].read)
        ):
            self.rows.replace_row(current[0], current[1]._replace(read=not current[1].read))

    def action_star(self) -> None:
        current = self._current()
        if current and self._do(lambda: self.library.star([current[1].id], not current[1].starred)):
            self.rows.replace_row(current[0], current[1]._replace(starred=not current[1].starred))

    def action_tag(self) -> None:
        """A prompt for tag changes, naming the tags the article has now."""
        current = self._current()
        if current is None:
            return
        article = self._do(lambda: self.library.article(current[1].id)[1])
        tags = ", ".join(article.marks.tags) if article and article.marks else ""

        def tagged(words: str | None) -> None:
            if words and words.split():
                changes = [word if word[0] in "+-" else f"+{word}" for word in words.split()]
                if self._do(lambda: self.library.tag([current[1].id], changes)) is not None:
                    self._status(f"tagged {' '.join(changes)}")

        label = f"Tags: {tags or 'none'} · +tag adds, -tag removes"
        self.push_screen(Prompt(clean_field(label)), tagged)

    def action_search(self) -> None:
        def searched(query: str | None) -> None:
            if query is None:
                return
            filters = self._do(lambda: self.library.filters(query=query))
            if filters is not None:
                self.filters = replace(self.filters, matching=filters.matching)
                self._back_to_list()

        self.push_screen(Prompt("Search (as news search; empty: every article):"), searched)

    def action_section(self) -> None:
        def chosen(section: str | None) -> None:
            if section is not None:
                self.filters = replace(self.filters, section=section.strip() or None)
                self._back_to_list()

        self.push_screen(Prompt("Section (empty: all):", self.filters.section or ""), chosen)

    def _back_to_list(self) -> None:
        while isinstance(self.screen, Reader):
            self.pop_screen()
        self._reload()

    def action_open_url(self) -> None:
        article = self.shown[1] if isinstance(self.screen, Reader) and self.shown else None
        if article is None:
            current = self._current()
            article = current and self._do(lambda: self.library.article(current[1].id)[1])
        if article and article.url:
            import webbrowser  # 10 ms of imports the first screen need not wait for

            webbrowser.open(article.url)
        elif article:
            self.notify("The file does not say where the article was published.")

    def action_help(self) -> None:
        self.push_screen(Help())

    def on_resize(self) -> None:
        small = self.size.width < MIN_SIZE[0] or self.size.height < MIN_SIZE[1]
        if small:
            self.notify("The terminal is too small for news browse.", severity="warning")
