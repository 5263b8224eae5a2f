"""Terminal output pinned as literal text, rendered as Rich's own tests render: into a Console
that believes it is a terminal but has no colours, so every character is compared; the list at
40, 80 and 200 columns (issue #17: ids and numbers are never cut, the title takes the rest)."""

import io

import pytest
from rich.console import Console

from newsreader.model import Article, ArticleHits, Hit, Listing, SearchHit, Summary
from newsreader.render.messages import Messages
from newsreader.render.pretty import RichPrinter

ROWS = [
    Summary(
        "001_aaaaaaaaaaaaaaaa",
        "2025-03-18",
        "World",
        "71",
        "Harbour reopens after winter storms close it for a week",
    ),
    Summary(
        "003_cccccccccccccccc", "", "Business", "63", "City council approves budget with new lanes"
    ),
    Summary("notes", "", "", "20", ""),
]


def _terminal(width: int = 80):
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=True,
        color_system=None,
        markup=False,
        emoji=False,
        highlight=False,
    )
    notes = io.StringIO()
    return RichPrinter(console, Messages(notes)), console.file, notes


def _screen(out: io.StringIO) -> list[str]:
    return [line.rstrip() for line in out.getvalue().splitlines()]


@pytest.mark.parametrize(
    "width, expected",
    [
        (
            40,
            [
                " id     date        title",
                " " + "─" * 38,
                " 1      2025-03-18  Harbour reopens af…",
                " 3                  City council appro…",
                " notes              (no title)  ⚠ no h…",
            ],
        ),
        (
            80,
            [
                " id     date        section   words  title",
                " " + "─" * 78,
                " 1      2025-03-18  World        71  Harbour reopens after winter storms close…",
                " 3                  Business     63  City council approves budget with new lan…",
                " notes                           20  (no title)  ⚠ no headline found",
            ],
        ),
        (
            200,
            [
                " id                    date        section   words  title",
                " " + "─" * 198,
                " 001_aaaaaaaaaaaaaaaa  2025-03-18  World        71  Harbour reopens after winter storms close it for a week",
                " 003_cccccccccccccccc              Business     63  City council approves budget with new lanes",
                " notes                                          20  (no title)  ⚠ no headline found",
            ],
        ),
    ],
)
def test_list_fits_any_width_without_cutting_ids_or_numbers(width, expected):
    printer, out, _ = _terminal(width)
    printer.listing(Listing(ROWS, 5, {"notes": ("no headline found",)}, numbered=lambda: True))
    screen = _screen(out)
    assert screen[1:6] == expected
    assert " ".join(screen[7:]) == "3 of 5 articles shown; use --limit 0 to see them all."
    assert all(len(line) <= width for line in screen)


def test_short_ids_are_not_numbers_when_a_number_is_shared():
    printer, out, _ = _terminal(60)
    printer.listing(Listing(ROWS, 3, numbered=lambda: False))
    assert _screen(out)[3].startswith(" 001_aaaaaaaaaaaaaaaa  2025-03-18  ")


def test_an_empty_list_says_so_on_stderr():
    printer, out, notes = _terminal()
    printer.listing(
        Listing([], 0, note="No article is in section 'Spor'; the sections are Sport, World.")
    )
    assert (
        out.getvalue() == ""
        and notes.getvalue() == "No article is in section 'Spor'; the sections are Sport, World.\n"
    )


def test_show_prints_title_metadata_credits_and_paragraphs():
    printer, out, _ = _terminal()
    printer.article(
        Article(
            id="x",
            path="x",
            title="Harbour reopens after winter storms",
            section="World",
            published="2025-03-18",
            authors=("Jane Doe",),
            credits=("A. Lens/Agency",),
            words=16,
            paragraphs=(
                "The harbour reopened on Monday after a week of storms kept the ferries in port.",
                "Crews worked overnight.",
            ),
        )
    )
    assert _screen(out) == [
        "Harbour reopens after winter storms",
        "World · 2025-03-18 · Jane Doe · 16 words · 1 min read",
        "Photos: A. Lens/Agency",
        "",
        "The harbour reopened on Monday after a week of storms kept the ferries in port.",
        "",
        "Crews worked overnight.",
    ]


HARBOUR = ArticleHits(
    Article(id="001_aaaaaaaaaaaaaaaa", path="", title="Harbour reopens after the winter storms"),
    (
        Hit(
            1,
            "The harbour reopened on Monday after a week of storms kept the ferries in port.",
            True,
            ((4, 11),),
        ),
        Hit(2, "Crews worked overnight.", False),
    ),
    1,
)


def test_grep_keeps_a_hanging_indent_and_never_cuts_an_id_or_a_count():
    printer, out, _ = _terminal(40)
    assert printer.grep([HARBOUR], "lines", 1) == 1
    printer.grep([HARBOUR], "count")
    printer.grep([HARBOUR], "files")
    assert _screen(out) == [
        "001_aaaaaaaaaaaaaaaa",
        "  Harbour reopens after the winter",
        "  storms",
        "¶1    The harbour reopened on Monday",
        "      after a week of storms kept the",
        "      ferries in port.",
        "¶2    Crews worked overnight.",
        "001_aaaaaaaaaaaaaaaa  1  Harbour reopen…",
        "001_aaaaaaaaaaaaaaaa  Harbour reopens a…",
    ]


def test_grep_with_nothing_found_says_so_on_stderr():
    printer, out, notes = _terminal()
    assert printer.grep([], "lines") == 0
    assert out.getvalue() == "" and notes.getvalue() == "No article matches.\n"


def test_search_shows_each_hit_with_its_snippet():
    printer, out, _ = _terminal(40)
    printer.ranked(
        [
            SearchHit(
                Article(id="a1", path="", title="Ferry strike strands thousands on the islands"),
                3.25,
                "…the ferry strike began on Monday when the crews walked out…",
                ((4, 9),),
                ((0, 5),),
            )
        ]
    )
    assert _screen(out) == [
        "a1  3.25  Ferry strike strands thousands",
        "          on the islands",
        "  …the ferry strike began on Monday when",
        "  the crews walked out…",
    ]


def test_content_cannot_style_or_move_the_terminal():
    printer, out, _ = _terminal()
    printer.article(
        Article(
            id="x",
            path="x",
            title="[bold]Loud[/bold] :smile: \x1b[31mred\x1b]0;title\x07",
            paragraphs=("Tab\there \x1b[2J cleared?\u2028next",),
            words=3,
        )
    )
    text = out.getvalue()
    assert "[bold]Loud[/bold] :smile: red" in text and "\x1b" not in text and "\x07" not in text
    assert "\u2028" not in text and "cleared? next" in text


def test_explain_stacks_each_line_on_a_narrow_terminal_and_is_a_table_on_a_wide_one():
    from newsreader.model import LineRole

    roles = [
        LineRole(
            1, "Harbour reopens after the winter storms", "title", "scored highest as the headline"
        ),
        LineRole(
            3, "\x1b[31mShare\x1b[0m", "boilerplate", "navigation, sharing or advertising text"
        ),
    ]
    printer, out, _ = _terminal(40)
    printer.explain(Article("001_aaaaaaaaaaaaaaaa", "a.txt", "Harbour"), roles)
    assert _screen(out) == [
        "1  title",
        "  Harbour reopens after the winter",
        "  storms",
        "    scored highest as the headline",
        "3  boilerplate",
        "  Share",
        "    navigation, sharing or advertising",
        "    text",
    ]
    printer, out, _ = _terminal(100)
    printer.explain(Article("001_aaaaaaaaaaaaaaaa", "a.txt", "Harbour"), roles)
    screen = [line for line in _screen(out) if line]
    assert screen[0].split() == ["line", "role", "text", "why"]
    assert screen[2].split()[:2] == ["1", "title"] and screen[2].endswith("headline")
