"""Dates in the shapes issue #19 names, on made-up lines: other orders and separators, glued
share counts, month names of many languages (``months.json``) and CJK dates; relative and
weekday-only dates give no date."""

import pytest

from newsreader.parse import parse_article
from newsreader.parse.dates import find_date

BODY = (
    "The harbour board voted on Tuesday to rebuild the old pier before the summer season opens.\n\n"
    "Fishermen had asked for the work for years, saying the boards were no longer safe to walk on.\n\n"
    "The new pier will be wider and will have lights along its whole length, the board said.\n"
)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2024/03/05", "2024-03-05"),
        ("Posted 2024/03/05 09:12", "2024-03-05"),
        ("03-05-2024", "2024-03-05"),
        ("25-12-2023", "2023-12-25"),
        ("Mar 5, 20244812 Shares", "2024-03-05"),
        ("Mar 5, 2024 12 Comments", "2024-03-05"),
        ("2024年3月5日", "2024-03-05"),
        ("2024年3月5日 14:30", "2024-03-05"),
        ("2024년 3월 5일", "2024-03-05"),
        ("5 marca 2024", "2024-03-05"),
        ("5. března 2024", "2024-03-05"),
        ("5 Μαρτίου 2024", "2024-03-05"),
        ("5 марта 2024 г.", "2024-03-05"),
        ("12 Ocak 2024", "2024-01-12"),
        ("5 augustus 2024", "2024-08-05"),
        ("5 maart 2024", "2024-03-05"),
        ("3 weeks ago", None),
        ("Tuesday", None),
        ("Updated 2 hours ago", None),
        ("Call 555-12-2024 now", None),
    ],
)
def test_date_shapes(line, expected):
    assert find_date(line) == expected


def test_a_last_updated_line_near_the_headline_gives_the_date():
    text = f"Harbour board votes to rebuild the old pier\n\nLast updated: 2024/03/05\n\n{BODY}"
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published == "2024-03-05"


def test_a_page_with_only_relative_and_weekday_dates_has_none():
    text = f"Harbour board votes to rebuild the old pier\n\nTuesday\n3 hours ago\n\n{BODY}"
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published is None


def test_a_korean_date_line_is_the_date():
    text = f"Harbour board votes to rebuild the old pier\n\n입력 2024년 3월 5일 09:12\n\n{BODY}"
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published == "2024-03-05"
