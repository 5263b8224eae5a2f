"""Terminal output pinned as literal text, rendered as Rich's own tests render: into a Console of
80 columns that believes it is a terminal but has no colours, so every character is compared."""

import io

import pytest
from rich.console import Console

from newsreader.model import Article, ArticleHits, Hit, Listing, SearchHit, Summary
from newsreader.render.pretty import RichPrinter

RULE = "─" * 78


@pytest.fixture
def terminal():
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None,
                      markup=False, emoji=False, highlight=False)
    return RichPrinter(console), console.file


def _screen(out: io.StringIO) -> list[str]:
    return [line.rstrip() for line in out.getvalue().splitlines()]


def test_list_is_a_table_with_a_footer_when_rows_were_left_out(terminal):
    printer, out = terminal
    rows = [Summary("001_aaaaaaaaaaaaaaaa", "2025-03-18", "World", 71,
                    "Harbour reopens after winter storms close it for a week"),
            Summary("003_cccccccccccccccc", "", "Business", 63, "City council approves budget with new lanes"),
            Summary("notes", "", "", 20, "")]
    printer.listing(Listing(rows, 5, {"notes": ("no headline found",)}))
    assert _screen(out) == [
        "",
        " id                     date         section    words   title",
        " " + RULE,
        " 001_aaaaaaaaaaaaaaaa   2025-03-18   World         71   Harbour reopens after …",
        " 003_cccccccccccccccc                Business      63   City council approves …",
        " notes                                             20   (no title)  ⚠ no headl…",
        "",
        "3 of 5 articles shown; use --limit 0 to see them all.",
    ]


def test_show_prints_title_metadata_credits_and_paragraphs(terminal):
    printer, out = terminal
    printer.article(Article(
        id="x", path="x", title="Harbour reopens after winter storms", section="World", published="2025-03-18",
        authors=("Jane Doe",), credits=("A. Lens/Agency",), words=16,
        paragraphs=("The harbour reopened on Monday after a week of storms kept the ferries in port.",
                    "Crews worked overnight.")))
    assert _screen(out) == [
        "Harbour reopens after winter storms",
        "World · 2025-03-18 · Jane Doe · 16 words · 1 min read",
        "Photos: A. Lens/Agency",
        "",
        "The harbour reopened on Monday after a week of storms kept the ferries in port.",
        "",
        "Crews worked overnight.",
    ]


def test_grep_groups_hits_under_each_article(terminal):
    printer, out = terminal
    first = ArticleHits(Article(id="001_aaaaaaaaaaaaaaaa", path="", title="Harbour reopens"),
                        (Hit(1, "The harbour reopened on Monday.", True, ((4, 11),)),
                         Hit(2, "Crews worked overnight.", False)), 1)
    second = ArticleHits(Article(id="002_bbbbbbbbbbbbbbbb", path="", title="Harbour fees"),
                         (Hit(0, "Harbour fees", True, ((0, 7),)),), 1)
    assert printer.grep([first, second], "lines", 1) == 2
    assert _screen(out) == [
        "001_aaaaaaaaaaaaaaaa  Harbour reopens",
        "¶1   The harbour reopened on Monday.",
        "¶2   Crews worked overnight.",
        "",
        "002_bbbbbbbbbbbbbbbb  Harbour fees",
        "T0   Harbour fees",
    ]


def test_search_shows_each_hit_with_its_snippet(terminal):
    printer, out = terminal
    printer.ranked([SearchHit(Article(id="a1", path="", title="Ferry strike"), 3.25, "…the ferry strike began…",
                              ((4, 9),))])
    assert _screen(out) == ["a1  3.25  Ferry strike", "…the ferry strike began…"]


def test_content_cannot_style_or_move_the_terminal(terminal):
    printer, out = terminal
    printer.article(Article(id="x", path="x", title="[bold]Loud[/bold] :smile: \x1b[31mred\x1b]0;title\x07",
                            paragraphs=("Tab\there \x1b[2J cleared?",), words=3))
    text = out.getvalue()
    assert "[bold]Loud[/bold] :smile: red" in text and "\x1b" not in text and "\x07" not in text
