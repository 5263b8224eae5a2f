"""Text wrapped at a fixed width (plain-text mail, old archives, ``fmt``): each paragraph's
lines are read as one line, and lists, menus and files written a line a paragraph are not."""

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.parse import explain_lines, parse_article
from newsreader.parse.wrapped import wrapped_rows

STORY = (Path(__file__).parent / "fixtures" / "parse" / "wire_single_newlines.txt").read_text(
    encoding="utf-8"
)


def wrapped(text: str, width: int) -> str:
    """``text`` as a mail client sends it: a blank line between lines, each wrapped at ``width``."""
    return "\n\n".join(textwrap.fill(line, width) for line in text.splitlines())


@pytest.mark.parametrize("width", [60, 72, 78, 100])
def test_a_story_wrapped_at_a_fixed_width_reads_as_the_same_story(width):
    whole = parse_article(STORY.replace("\n", "\n\n").encode(), "a.txt")
    folded = parse_article(wrapped(STORY, width).encode(), "a.txt")
    assert len(folded.paragraphs) == 7 and folded.paragraphs == whole.paragraphs
    assert (folded.title, folded.published) == (whole.title, whole.published)


def test_a_joined_paragraph_keeps_the_number_of_its_first_line():
    text = wrapped(STORY, 60)
    first = next(role for role in explain_lines(text.encode()) if role.role == "body")
    assert first.text.startswith("HARBORTOWN (Example Wire) —") and len(first.text) > 60
    assert text.split("\n")[first.number - 1].startswith("HARBORTOWN")


def test_a_word_broken_after_its_hyphen_is_joined_without_a_space():
    story = (
        "the board said the works would start in april and that the well-known local "
        "contractor had been chosen again, as it was for the last repairs of the old pier "
        "twenty years ago, when the harbour was still run by the town council and not by "
        "the board, which took it over after a long and sometimes bitter fight in court "
        "that went on for three years and cost both sides far more than the pier itself"
    )
    rows = textwrap.wrap(story, 64)  # textwrap breaks after a hyphen where the word won't fit
    assert rows[0].endswith(" well-")
    assert wrapped_rows(rows) == [(1, story)]


@pytest.mark.parametrize(
    "rows",
    [
        # a menu and a list of headlines fill their lines too, but every line opens with a capital
        [
            "Harbour board votes to rebuild the old pier before the summer comes",
            "Fishermen say the boards of the old pier were no longer safe to walk",
            "Council keeps the library open for five more years after a long vote",
            "Ferry strike strands thousands on the islands as the wage talks fail",
            "Bakery chain to close fourteen shops as the cost of flour doubles again",
            "Late header sends the town's football club into the cup semi-finals",
            "Puppet theatre reopens with a play about its own long and busy past",
        ],
        # a story written a line a paragraph: most lines are longer than any wrap
        [
            "The harbour board voted on Tuesday to rebuild the old pier before the summer, "
            "after years of complaints from fishermen about its boards and its lights."
        ]
        * 8,
    ],
)
def test_lists_menus_and_unwrapped_text_are_left_as_they_are(rows):
    assert wrapped_rows(rows) is None


def test_list_items_and_indented_lines_in_a_wrapped_story_stay_their_own_lines():
    prose = textwrap.wrap(" ".join(["the harbour board met and voted on the pier"] * 8) + ":", 60)
    items = [
        "- new boards along the whole length of the pier and lights",
        "2. a wider landing stage for the ferries and the fishing",
        "    indented: a letter from the fishermen, quoted in full",
    ]
    joined = wrapped_rows([*prose, *items])
    assert joined is not None
    assert [text for _, text in joined[1:]] == items


PARAGRAPHS = [
    "HARBORTOWN -- The harbour board voted on Tuesday to rebuild the old pier before the summer "
    "season opens, ending a debate that had run for three years in the town.",
    "Fishermen had asked for the work for years, saying the boards were no longer safe to walk "
    "on and that two boats had been damaged at the far end of the pier last winter.",
    "The new pier will be wider and will have lights along its whole length, the board said in "
    "a statement after the meeting on Tuesday evening in the old customs house.",
    "Work starts in April, and the board expects the pier to open again by the end of June if "
    "the weather holds through the spring and the timber arrives on time.",
]


def body(paragraphs: list[str], width: int = 72) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def joined(text: str) -> list[str]:
    rows = wrapped_rows(text.split("\n"))
    assert rows is not None, "not read as wrapped"
    return [line for _, line in rows if line]


@pytest.mark.parametrize(
    "stray",
    [
        "Read more: https://harbortown-news.example/local/2024/03/05/pier-rebuild-vote",
        "=" * 80,
        "Harbour board votes to rebuild the old pier, and fishermen cheer at last",
    ],
)
def test_a_link_rule_or_headline_past_the_width_does_not_hide_it(stray):
    """The width is where lines are full, not the longest line: one line standing out past it
    is a stray, left as it is."""
    lines = joined(f"Pier to be rebuilt\n{stray}\n\n{body(PARAGRAPHS)}")
    assert lines == ["Pier to be rebuilt", stray, *PARAGRAPHS]


@pytest.mark.parametrize(
    "below",
    [
        "Updated: Tuesday 5 March 2024, 18:42",
        "March 5, 2024",
        "By Jo Bell and Ann Lee",
        "Von Jo Bell",
        "https://harbortown-news.example/pier-vote",
        "Q: Why did the board wait so long to vote on the pier?",
        "REPORTER: And what will the pier cost the town?",
    ],
)
def test_a_line_that_opens_a_field_is_not_joined_to_the_headline_above(below):
    headline = "Harbour board votes to rebuild the old pier before the summer season"
    lines = joined(f"{headline}\n{below}\n\n{body(PARAGRAPHS)}")
    assert lines[:2] == [headline, below]


def test_table_rows_inside_a_wrapped_story_stay_rows():
    rows = [
        "Sat 9 Mar  Harbortown Rovers v Valley United      Quay Park   3.00pm",
        "Sat 16 Mar Cliffside Athletic v Harbortown Rovers  The Downs   3.00pm",
        "Tue 19 Mar Harbortown Rovers v Northgate Town      Quay Park   7.45pm",
    ]
    lines = joined(body(PARAGRAPHS) + "\n\nFixtures:\n" + "\n".join(rows))
    assert lines == [*PARAGRAPHS, "Fixtures:", *rows]


def test_capitalised_nouns_and_capital_letters_throughout_still_read_as_wrapped():
    german = [
        "HAFENSTADT -- Nach drei Jahren Streit hat der Hafenrat am Dienstagabend den Neubau des "
        "alten Anlegers beschlossen. Die Entscheidung fiel mit sieben zu zwei Stimmen im Rat.",
        "Die Fischer der Stadt hatten den Neubau seit Jahren verlangt. Die Holzplanken seien "
        "morsch, das Geländer wackle und im Winter hätten zwei Kutter Schäden erlitten.",
        "Bürgermeisterin Anna Holt sprach von einem guten Tag für den Hafen. Der neue Anleger "
        "werde breiter und bekomme Laternen auf ganzer Länge und eine Plattform für Fähren.",
    ]
    assert joined(body(german, 60)) == german
    capitals = [p.upper() for p in PARAGRAPHS]
    assert joined(body(capitals, 69)) == capitals


def test_a_dash_or_a_year_opening_a_line_goes_on_with_the_sentence():
    story = (
        "The regatta will be held in the new harbour at the end -- weather permitting -- of "
        "June, when hundreds of boats come to the bay and the town fills up for the week, as "
        "it has done every summer since the first pier was built in the spring of 1901. It was "
        "damaged twice in storms and rebuilt once, in the years after the war ended."
    )
    for width in range(60, 80):
        lines = joined(body([story, *PARAGRAPHS], width))
        assert lines[0] == story, width


def test_a_suspended_hyphen_keeps_its_space_and_ideographs_join_without_one():
    story = (
        "the council will build forty homes by the harbour, a mix of one-, two- and "
        "three-bedroom houses, most of them for rent, on the land behind the old customs house "
        "that the board sold to the town last year after a long and sometimes bitter fight"
    )
    width = next(w for w in range(40, 90) if " two-\n" in textwrap.fill(story, w))
    rows = textwrap.wrap(story, width)
    assert joined("\n".join(rows) + "\n\n" + body(PARAGRAPHS)) == [story, *PARAGRAPHS]
    japanese = "港湾委員会は火曜日、夏のシーズンが始まる前に古い桟橋を建て直すことを決めた。" * 6
    rows = [japanese[i : i + 36] for i in range(0, len(japanese), 36)]  # 72 columns
    assert joined("\n".join(rows) + "\n\n" + body(PARAGRAPHS)) == [japanese, *PARAGRAPHS]


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(
        st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=12), min_size=50).map(
            " ".join
        ),
        min_size=3,
        max_size=5,
    ),
    width=st.integers(60, 100),
)
def test_wrapping_then_joining_gives_back_the_paragraphs(paragraphs, width):
    """Three paragraphs of 300 characters or more, wrapped at 60 to 100 columns: a wrapped file
    by every test (lines of 48 columns or more, two full lines a paragraph at least)."""
    rows = "\n\n".join(textwrap.fill(p, width) for p in paragraphs).split("\n")
    joined = wrapped_rows(rows)
    assert joined is not None
    assert [text for _, text in joined if text] == paragraphs
