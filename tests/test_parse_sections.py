"""Sections as the parser names them: a breadcrumb whose links ran together is split (#17)."""

import pytest

from newsreader.parse import parse_article

PROSE = "The officials said more would follow in the weeks ahead, and the town waited to hear more."


@pytest.mark.parametrize(
    "kicker, section",
    [
        ("SportFootball", "Sport"),
        ("WorldEurope", "World"),
        ("Sport", "Sport"),
        ("McLaren", "McLaren"),
        ("NewsUK", "NewsUK"),
        ("US News", "US News"),
    ],
)
def test_a_glued_breadcrumb_names_its_first_link(kicker, section):
    text = (
        f"{kicker}\n\nRovers win the derby at last in the rain\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n"
    )
    assert parse_article(text.encode(), "001_0000000000000001.txt").section == section
