"""Sections as the parser names them: a breadcrumb whose links ran together is split (#17);
a control or a counter where the kicker stands names none, and a time or a date is passed over."""

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


@pytest.mark.parametrize("line", ["Copied", "Sign in", "RSS link", "Presented By", "1"])
def test_a_control_or_a_counter_where_the_kicker_stands_names_no_section(line):
    text = f"Sport\n\n{line}\n\nRovers win the derby at last in the rain\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n"
    assert parse_article(text.encode(), "001_0000000000000001.txt").section is None


@pytest.mark.parametrize(
    "line", ["29 min read", "2 hours ago", "Updated 2h ago", "35d", "22hDana Whitlock", "12-22-23"]
)
def test_a_time_or_a_date_where_the_kicker_stands_is_passed_over(line):
    text = f"Sport\n\n{line}\n\nRovers win the derby at last in the rain\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n"
    assert parse_article(text.encode(), "001_0000000000000001.txt").section == "Sport"


@pytest.mark.parametrize(
    "kicker", ["2023 Year in Review", "80s Music", "1990s", "7s", "100m", "3d printing", "5 Things"]
)
def test_a_kicker_that_opens_with_a_number_still_names_its_section(kicker):
    text = f"{kicker}\n\nRovers win the derby at last in the rain\n\n{PROSE}\n\n{PROSE}\n"
    assert parse_article(text.encode(), "001_0000000000000001.txt").section == kicker
