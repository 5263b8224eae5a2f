"""Authors in the shapes issue #19 names, on made-up pages: names with something glued to
them, labels in mid-line, organisations and staff, several authors, credentials and roles,
and interface text that is no name at all."""

import pytest

from newsreader.parse import parse_article
from newsreader.parse.bylines import byline_names
from newsreader.parse.names import has_given_name, reads_as_interface

HEADLINE = "Harbour board votes to rebuild the old pier"
BODY = (
    "The harbour board voted on Tuesday to rebuild the old pier before the summer season opens.\n\n"
    "Fishermen had asked for the work for years, saying the boards were no longer safe to walk on.\n\n"
    "The new pier will be wider and will have lights along its whole length, the board said.\n\n"
    "Work starts in April, and the board expects the pier to open again by the end of June.\n\n"
    "A local café owner said the rebuilt pier would bring more visitors to the harbour front.\n\n"
    "The board will publish the full plans and the cost of the work at its next meeting.\n"
)


def authors(head: str, body: str = BODY) -> tuple[str, ...]:
    text = f"{HEADLINE}\n\n{head}\n\n{body}"
    return parse_article(text.encode(), "001_0123456789abcdef.txt").authors


#: Byline shapes and the authors each gives (None: no byline at all).
SHAPES = [
    ("Dana Whitlock@dwhitlock", ["Dana Whitlock"]),
    ("Jonas Eberhardt, Mira Kessler", ["Jonas Eberhardt", "Mira Kessler"]),  # two people
    ("Dana Whitlock@@dwhitlockFeatured Columnist", ["Dana Whitlock"]),
    ("Dana Whitlock/", ["Dana Whitlock"]),
    ("Dana Whitlock, Harbor Weekly", ["Dana Whitlock"]),
    ("Dana WhitlockSenior Writer", ["Dana Whitlock"]),
    ("Dana Whitlock 3 weeks ago", ["Dana Whitlock"]),
    ("Dana Whitlock 4 min read", ["Dana Whitlock"]),
    ("By Dana WDec. 3, 2024", ["Dana W"]),
    ("By Dana W.Dec. 3, 2024", ["Dana W"]),
    ("Posted On : 12/03/2024 Published By : DanaWhitlock", ["Dana Whitlock"]),
    ("Dec 3, 2024 by Newsroom Staff", ["Newsroom Staff"]),
    ("Jo Park as told to Dana Whitlock", ["Dana Whitlock"]),
    ("Reporting by Example Wire.", ["Example Wire"]),
    ("Social Links for Dana Whitlock", ["Dana Whitlock"]),
    ("By Example Staff", ["Example Staff"]),
    ("by University of Northfield", ["University of Northfield"]),
    ("By: Dana Whitlock, Jo Park - @site", ["Dana Whitlock", "Jo Park"]),
    ("Dana Whitlock MS, RDN, LD", ["Dana Whitlock"]),
    ("By Dana Whitlock MS, RDN, LD", ["Dana Whitlock"]),
    ("Example Times staff reporter", None),
    ("Paris, France", None),
    ("Part of Example News. ©2024 Example Inc.", None),
    ("Contact Us", None),
    ("By Dana Whitlock@dwhitlock", ["Dana Whitlock"]),
    ("By Dana Whitlock/", ["Dana Whitlock"]),
    ("By The Associated Press", ["The Associated Press"]),
    ("By The Editorial Board", ["The Editorial Board"]),
    ("March 5, 2024 by Dana Whitlock Leave a Comment", ["Dana Whitlock"]),
    ("By Jean Paul Gaultier the designer", ["Jean Paul Gaultier"]),
    ("By The Way", None),
    ("By Jo Park @jopark and Dana Whitlock @dwhitlock", ["Jo Park", "Dana Whitlock"]),
    ("By Mary Kay Ash a businesswoman", ["Mary Kay Ash"]),
    ("Front Page | Local | Sports | Church News | Classifieds", None),  # a menu
    ("Dana Whitlock | Staff Writer | March 5, 2024 | 4 min read", ["Dana Whitlock"]),
    ("Автор: Ольга Смирнова", ["Ольга Смирнова"]),  # Russian: "author"
    ("Της Μαρίας Κωνσταντίνου", ["Μαρίας Κωνσταντίνου"]),  # Greek: "by" (her)
    ("记者 李明远", ["李明远"]),  # Chinese: "reporter"
    ("作者：周雨桐", ["周雨桐"]),  # "author"
    ("김하늘 기자", ["김하늘"]),  # Korean: "reporter" after the name
    ("佐藤美咲 記者", ["佐藤美咲"]),  # Japanese, so too
    ("记者会上，李明远说", None),  # "at the press conference, ... said"
    ("文化新闻", None),  # "culture news": no "text:" label
    ("（记者 李明远 王小红）", ["李明远", "王小红"]),  # two reporters, in brackets
    ("记者：那么，您怎么看？", None),  # an interview's question, not a byline
    ("외신 기자 10명 방북 취재 허용", None),  # a headline: "10 foreign reporters allowed ..."
    ("사진기자 김철수", None),  # "photo reporter" before the name
    ("Авторы: Иван Петров и Анна Смирнова", ["Иван Петров", "Анна Смирнова"]),
    ("3. März 2024 | Lena von der Heide", ["Lena von der Heide"]),  # "von" in a name
    ("3. August 2019 von Jonas Feldmann", ["Jonas Feldmann"]),  # German: a date, then "by"
    ("Publicado por María Dolores Pastor el 10 abril, 2019", ["María Dolores Pastor"]),
    ("Publié par Jean Dupont le 3 mars 2024", ["Jean Dupont"]),
    ("In 2019 par value rose", None),
]


@pytest.mark.parametrize("line, expected", SHAPES)
def test_byline_shapes(line, expected):
    assert byline_names(line) == (None if expected is None else tuple(expected))


@pytest.mark.parametrize("line, expected", SHAPES)
@pytest.mark.parametrize("dated", [False, True])
def test_byline_shapes_under_the_headline_are_the_record_authors(line, expected, dated):
    head = f"{line}\nMarch 5, 2024" if dated else line
    assert authors(head) == tuple(expected or ())


@pytest.mark.parametrize(
    "name, interface",
    [
        ("Dana Whitlock", False),
        ("Contact Us", True),
        ("Copy URL", True),
        ("Social Links", True),
        ("Save Article", True),
        ("Example Arts", False),  # no given name, but nothing a name cannot hold either
        ("XYZ Extra", True),
        ("DANA WHITLOCK", False),
        ("Breaking News.", True),
    ],
)
def test_interface_text_is_no_name(name, interface):
    assert reads_as_interface(name) is interface


def test_given_names_are_known():
    assert has_given_name("Dana Whitlock") and has_given_name("Jo Park")
    assert not has_given_name("Copy URL")


def test_interface_text_beside_a_date_gives_no_author():
    assert authors("Copy URL\nMarch 5, 2024") == ()
    assert authors("Social Links\nMarch 5, 2024") == ()


@pytest.mark.parametrize("chip", ["Climate Change", "Fact Check", "Dark Mode", "Galaxy Buds Pro"])
def test_a_topic_chip_or_control_beside_a_date_gives_no_author(chip):
    """Words that are never a name's (ordinary English words, as the word list spells them)
    make no author beside a mere date."""
    assert authors(f"{chip}\nMarch 5, 2024") == ()


@pytest.mark.parametrize(
    "name", ["Dana Whitlock", "Zayda Rivera", "Tam Okonkwo-Reyes", "Edit Kovács"]
)
def test_a_bare_name_beside_a_date_is_the_author(name):
    """A person's name, with a given name the list knows or not."""
    assert authors(f"{name}\nMarch 5, 2024") == (name,)


@pytest.mark.parametrize("line", ["Zayda Rivera, The Harbor Courier", "Zayda Rivera MS, RD, CDCES"])
def test_a_bare_name_with_its_outlet_or_credentials_beside_a_date_is_the_author(line):
    assert authors(f"{line}\nMarch 5, 2024") == ("Zayda Rivera",)


def test_a_phrase_with_an_outlet_beside_a_date_is_no_author():
    assert authors("Contact Us, The Harbor Courier\nMarch 5, 2024") == ()


def test_ordinary_words_beside_a_follow_button_are_the_author():
    """A pen name of ordinary words with an author's "Follow" button beside it."""
    assert authors("Climate Survivor\n·\nFollow\n6 min read\nMarch 5, 2024") == (
        "Climate Survivor",
    )


def test_a_staff_byline_beside_a_date_is_the_author_when_no_person_is_named():
    assert authors("Example News Staff\nMarch 5, 2024") == ("Example News Staff",)


def test_a_name_then_a_reading_time_is_the_author():
    assert authors("Dana Whitlock\n4 min read\nMarch 5, 2024") == ("Dana Whitlock",)


def test_several_authors_on_consecutive_byline_lines():
    assert authors("By Dana Whitlock\nBy Jo Park\nMarch 5, 2024") == ("Dana Whitlock", "Jo Park")


def test_the_byline_nearest_the_headline_wins():
    text = f"By Jo Park\n\n{HEADLINE}\n\nBy Dana Whitlock\n\n{BODY}"
    assert parse_article(text.encode(), "001_0123456789abcdef.txt").authors == ("Dana Whitlock",)


def test_related_stories_bylines_and_photo_credits_give_no_author():
    related = "\n".join(
        f"By {name} | March {day}, 2024"
        for name, day in (("Ann Lee", 1), ("Tom Berg", 2), ("Jo Park", 3))
    )
    assert authors(f"Photo: Dana Whitlock/Example Wire\n\n{BODY}\n{related}", body="") == ()


def test_teasers_with_their_bylines_far_below_give_no_author():
    """A "More stories" box of headlines, each over its author's byline, far below a story
    that names none: one of a list, not the article's byline."""
    teasers = "".join(
        f"{headline}\nBy {name}\n"
        for headline, name in (
            ("Ferry timetable changes from Monday", "Ann Lee"),
            ("School fair raises money for playground", "Tom Berg"),
            ("Council to vote on new bus lanes", "Jo Park"),
        )
    )
    assert authors(f"March 5, 2024\n\n{BODY}\n{BODY}\nMore stories\n{teasers}") == ()
    assert authors(f"By Dana Whitlock\n\n{BODY}\n{BODY}\nMore stories\n{teasers}") == (
        "Dana Whitlock",
    )


def test_co_authors_bylines_at_the_foot_are_both_the_authors():
    assert authors(f"March 5, 2024\n\n{BODY}\n{BODY}\nBy Dana Whitlock\nBy Jo Park\n") == (
        "Dana Whitlock",
        "Jo Park",
    )


def test_a_bare_name_over_a_place_and_a_date_is_the_author():
    """The author's name, where she wrote, and when: "María José Ferrer" / "Valencia" / a date."""
    assert authors("Dana Whitlock\nHarbortown\nUpdated: 22/05/2023 - 10:15") == ("Dana Whitlock",)
    assert authors("Climate Change\nHarbortown\nUpdated: 22/05/2023 - 10:15") == ()


def test_a_name_over_a_desk_and_a_date_is_no_author():
    """An obituary's name over the desk's name ("Obituaries") is the deceased, not the author."""
    assert authors("Margaret Ellen Hale\nObituaries\nMarch 3, 2024") == ()


@pytest.mark.parametrize(
    "name", ["Anne ten Brink", "Omar ibn Said", "Ana de la Cruz", "Nour el Din"]
)
def test_a_names_lower_case_particles_stay_in_the_name(name):
    """One list of name particles serves bylines, credits and wrapped lines alike."""
    assert byline_names(f"By {name}") == (name,)


@pytest.mark.parametrize(
    "line, names",
    [
        ("By Lakeshore Tribune Staff", ("Lakeshore Tribune Staff",)),
        ("August 21, 2023 by Riverbend Ledger Staff", ("Riverbend Ledger Staff",)),
        ("By Harbor Wire Newsroom", ("Harbor Wire Newsroom",)),
        ("By Jane Doe Staff", ("Jane Doe",)),  # a person, with a role glued on
    ],
)
def test_an_outlets_staff_keeps_its_staff_word(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize("place", ["Grand Rapids, Michigan", "Palo Alto, CA"])
def test_a_place_beside_a_date_is_no_author(place):
    assert authors(f"{place}\nMarch 5, 2024") == ()


@pytest.mark.parametrize(
    "line, names",
    [
        ("Ana Ruiz, Victoria Advocate", ("Ana Ruiz",)),  # an outlet named like a person
        ("政治部記者", None),  # a desk
        ("共同通信記者", None),  # an agency
        ("本報記者", None),  # "this paper's reporter"
    ],
)
def test_outlets_and_desks_named_like_people_are_no_authors(line, names):
    assert byline_names(line) == names
