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
    prose = textwrap.wrap(" ".join(["the harbour board met again and voted on the pier"] * 8), 60)
    items = [
        "- new boards along the whole length of the pier and lights",
        "2. a wider landing stage for the ferries and the fishing",
        "    indented: a letter from the fishermen, quoted in full",
    ]
    joined = wrapped_rows([*prose, *items])
    assert joined is not None
    assert [text for _, text in joined[1:]] == items


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
