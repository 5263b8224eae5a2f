"""Dates on made-up lines: the usual shapes and those issue #19 names (other orders and
separators, glued share counts, month names of many languages from ``months.json``, CJK
dates); relative and weekday-only dates give no date."""

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
        ("Published 18 March 2025", "2025-03-18"),
        ("March 18, 2025 10:45 a.m. ET", "2025-03-18"),
        ("2025-03-18T10:00Z", "2025-03-18"),
        ("18.03.2025", "2025-03-18"),
        ("12/22/2023 05:00 AM EST", "2023-12-22"),
        ("Updated Sept. 5, 2023", "2023-09-05"),
        ("5 de marzo de 2024", "2024-03-05"),
        ("December 22, 20233:00 AM ET", "2023-12-22"),
        ("Published On 22 Dec 202322 Dec 2023", "2023-12-22"),
        ("By Erin Taylor • 08/25/22 12:54pm", "2022-08-25"),
        ("updatedSep 4, 2023", "2023-09-04"),
        ("Mike Coppinger, ESPNDec 22, 2023, 06:21 AM ET", "2023-12-22"),
        ("Nate Saunders, General Editor, F1Dec 19, 2023, 05:30 PM", "2023-12-19"),
        ("In 20235 people came", None),
        ("3 hours ago", None),
        ("31/02/2023", None),
        ("No date here at all", None),
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
        ("2024.03.05 14:32", "2024-03-05"),
        ("2024. március 5.", "2024-03-05"),
        ("5-Mar-2024", "2024-03-05"),
        ("Tue Mar 04 22:32:15 EST 2008", "2008-03-04"),
        ("Version 2024.1.2 released", None),
        ("The old bridge was closed in 2019. May 20 marks five years.", None),
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


def test_a_last_updated_line_beats_the_teaser_bylines_at_the_foot():
    """Issue #19: never dates from teaser lists. The headline's own "last updated" line yields to
    a published date, but not to a teaser's "By Jo Park15 February 2024" far below."""
    teasers = "".join(
        f"Harbour {topic} guide for the new season\n\nBy Jo Park{day} February 2024\n\n"
        for topic, day in (("pier", 15), ("ferry", 14), ("market", 13))
    )
    text = (
        "Harbour board votes to rebuild the old pier\n\nBy Ana Lopes\n\n"
        f"last updated 22 December 2023\n\n{BODY}\n{BODY}\n{BODY}\nMore from the harbour\n\n{teasers}"
    )
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published == "2023-12-22"


def test_an_embedded_posts_date_is_not_the_articles():
    """The signature of an embedded post ("— Name (@handle) date") dates the post: the article's
    own "Updated" line above it is its date, and a page with no other date has none."""
    post = "And the results are in! https://t.co/abc123\n\n— Harbour Zoo (@HarbourZoo) December 19, 2023\n\n"
    updated = "Updated on: December 20, 2023 / 12:51 PM\n\n"
    for above, expected in ((updated, "2023-12-20"), ("", None)):
        text = f"Harbour board votes to rebuild the old pier\n\nBy Ana Lopes\n\n{above}{BODY}\n{post}{BODY}"
        article = parse_article(text.encode(), "001_0123456789abcdef.txt")
        assert article.published == expected
        assert article.authors == ("Ana Lopes",)


@pytest.mark.parametrize(
    "language, expected",
    [("en", "2024-05-03"), ("de", "2024-03-05"), ("es", "2024-03-05")],
)
def test_two_numbers_are_day_then_month_outside_english(language, expected):
    body = {
        "en": BODY,
        "de": "Der Hafenrat hat am Dienstag beschlossen, den alten Pier vor der Saison neu zu bauen, und die Fischer sind froh darüber.\n\n"
        * 3,
        "es": "El consejo del puerto votó el martes para reconstruir el viejo muelle antes de la temporada de verano, y los pescadores están contentos.\n\n"
        * 3,
    }[language]
    text = f"Harbour board votes to rebuild the old pier\n\n05/03/2024\n\n{body}"
    article = parse_article(text.encode(), "001_0123456789abcdef.txt")
    assert article.language == language
    assert article.published == expected


@pytest.mark.parametrize(
    "head, foot",
    [
        ("Tuesday, March 12, 2024\n", ""),  # the masthead's date of the day
        ("Council approves dredging — March 1, 2024\n", ""),  # a teaser above
        (
            "",
            "3 Comments\nMaren Quenby · March 7, 2024 at 9:14 am\nTotally agree.\n"
            "Hallam Strand · March 8, 2024 at 6:02 pm\nNot everyone lives near a stop.\n",
        ),
    ],
)
def test_the_articles_own_date_beats_a_masthead_teasers_and_comments(head, foot):
    text = (
        f"{head}Harbour board votes to rebuild the old pier\n\nBy Ana Lopes\n\n"
        f"March 5, 2024\n\n{BODY}\n{foot}"
    )
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published == "2024-03-05"


@pytest.mark.parametrize(
    "foot",
    [
        "More news\nCouncil approves dredging plan\nMarch 1, 2024\nNew cycle bridge opens\n"
        "February 27, 2024\nSchool pitches to get floodlights\nFebruary 20, 2024\n",
        "3 Comments\nMaren Quenby · March 7, 2024 at 9:14 am\nTotally agree.\n"
        "Hallam Strand · March 8, 2024 at 6:02 pm\nNot everyone lives near a stop.\n",
    ],
)
def test_dated_teasers_and_comments_far_below_give_no_date(foot):
    text = f"Harbour board votes to rebuild the old pier\n\nBy Ana Lopes\n\n{BODY}\n{BODY}\n{BODY}\n{foot}"
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published is None


def test_an_events_when_line_is_not_the_date():
    text = (
        "Folk night returns to the town hall\n\nBy Ana Lopes\n\n"
        f"When: Saturday, March 16, 2024\nWhere: Town Hall\n\n{BODY}"
    )
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published is None


def test_the_articles_own_dates_at_its_foot_are_no_list():
    text = (
        f"Harbour board votes to rebuild the old pier\n\n{BODY}\n{BODY}\n{BODY}\n"
        "Published March 5, 2024\nUpdated March 6, 2024\n"
    )
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published == "2024-03-05"


def test_published_above_the_headline_beats_updated_below_it():
    text = (
        "Published March 5, 2024\nHarbour board votes to rebuild the old pier\nBy Ana Lopes\n"
        f"Updated March 7, 2024\n\n{BODY}"
    )
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").published == "2024-03-05"


def test_a_short_storys_dated_teasers_give_no_date():
    """A page that dates its story only '1 day ago', with dated teasers right below the short
    story: the teasers' dates are no date of the article's."""
    text = "\n".join(
        [
            "Students build a pantry outside the school",
            "1 day ago",
            "Seventh graders at Birchwood Middle School built a small wooden pantry outside the front entrance of the school.",
            "The project started in a shop class, where the students designed the cabinet and built it from donated lumber.",
            "Other stories",
            "Band heads to state finals",
            "April 2, 2024",
            "School board approves new reading program",
            "March 28, 2024",
        ]
    )
    assert parse_article(text.encode(), "a.txt").published is None


def test_a_date_right_under_a_short_story_is_its_own_beside_the_next_posts():
    text = "\n".join(
        [
            "Seed swap returns to the library this spring",
            "By Ilse Marchetti",
            "The Millbrook seed swap is back after a three-year break, and this time it will run every month of the spring.",
            "Bring seeds in labelled envelopes, or just come and take some: last year's growers left more than they took.",
            "March 3, 2024",
            "Previous post: Pruning roses in late winter, February 24, 2024",
            "Next post: Starting peppers indoors, March 10, 2024",
        ]
    )
    assert parse_article(text.encode(), "a.txt").published == "2024-03-03"
