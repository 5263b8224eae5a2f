"""Unit tests of the parser on small hand-written fixtures, one kind of block at a time."""

import pytest

from newsreader.parse import explain_lines, parse_article, split_name
from newsreader.parse.bylines import byline_names
from newsreader.parse.cues import glued_source, is_boilerplate, trailing_credit
from newsreader.parse.decode import decode_bytes

BODY = (
    "The council voted on Tuesday to keep the old library open for another five years after a long campaign.\n\n"
    "Residents had collected more than four thousand signatures asking the council to change its mind.\n\n"
    "The library will now get a new roof and longer opening hours on weekends, the council said.\n"
)


MORE_BODY = (
    "Work on the roof starts in spring, and the building will stay open while the builders are on site.\n\n"
    "A local charity has offered to run reading clubs for children in the new rooms on the top floor.\n\n"
    "The council expects to publish the full plans for the building in the first week of next month.\n"
)


def parse(text: str, name: str = "001_0123456789abcdef.txt"):
    return parse_article(text.encode("utf-8"), name)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe | Reuters", ["Jane Doe"]),
        ("Written by Jane Doe", ["Jane Doe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Autor: Jan Kowalski", ["Jan Kowalski"]),
        ("By Associated Press", ["Associated Press"]),
        ("By Susana GuerreroDec 20, 2023", ["Susana Guerrero"]),
        ("By", []),
        ("By the way, this sentence is not a byline at all.", None),
        ("ByMichael Greshko", ["Michael Greshko"]),
        ("By Jackson Hayes December 21, 2023", ["Jackson Hayes"]),
        ("By Christy Choi and Oscar Holland, CNN", ["Christy Choi", "Oscar Holland"]),
        ("by Justin Jackson , Medical Xpress", ["Justin Jackson"]),
        (
            "By Ana Lima, Laura May Randell, Tom Berg, +5 more",
            ["Ana Lima", "Laura May Randell", "Tom Berg"],
        ),
        ("Review by Rick Lane Contributor", ["Rick Lane"]),
        ("By Dave Epstein Globe Correspondent,Updated December 22, 2023", ["Dave Epstein"]),
        ("Eric Berger - Dec 21, 2023 1:00 pm UTC", ["Eric Berger"]),
        ("posted on 2023-12-19 23:30 EST by Rafael Antonio Pineda", ["Rafael Antonio Pineda"]),
        ("By George T. Conway III", ["George T. Conway III"]),
        ("Home | News", None),
        ("Craig Meyer \u00a0 USA TODAY NETWORK", ["Craig Meyer"]),
        ("May 30, 2023 / Amy Gallo", ["Amy Gallo"]),
        ("By Doric SamDecember 22, 2023", ["Doric Sam"]),
        ("By Robert E. Moffit, Ph.D.", ["Robert E. Moffit"]),
        ("Por Juan Pérez y María López", ["Juan Pérez", "María López"]),
        ("Author(s)", []),
        ("COMMENTARY BY", []),
        ("Presented By", None),
        ("BYD Seal", None),
        ("Jessica Rendall Wellness Writer", ["Jessica Rendall"]),
        ("Dave Epstein Globe Correspondent", ["Dave Epstein"]),
        ("News by Matt Wales News Reporter", ["Matt Wales"]),
        (
            "by Dennis Thompson, U.S. National Institute of Allergy and Infectious Diseases",
            ["Dennis Thompson"],
        ),
        ("By Jane Doe and Harvard Medical School", ["Jane Doe"]),
        ("The Writer", None),
        ("NFL Power Rankings, Week 16: Surging Bills looking DANGEROUS", None),
        ("Half Of High School Seniors Won’t Apply To Colleges Costing More Than $40,000", None),
        ("Apple MacBook Pro 16 (M3, Late 2023) Review: Max Power for Creators", None),
        ("Jane Doe, 3 hours ago", ["Jane Doe"]),
        ("Liz Hoggard 19 December 2023 • 3:54pm", ["Liz Hoggard"]),
        ("Beege Welborn 8:41 PM on December 20, 2023", ["Beege Welborn"]),
        ("Dec 6, 2023Chris Price", ["Chris Price"]),  # a date run into its author's name
        (
            "Dec 6, 2023 Chris Price",
            None,
        ),  # ... but a date, a space and two capitalised words may be a place
        ("December 22, 2023Tech Digest Correspondent", None),
        ("By AJLabs", ["AJLabs"]),  # an outlet or team named alone is the author
        ("By Team EBONY  | September 21, 2023", ["Team EBONY"]),
        ("by MrAJCosplay, Dec 19th 2023", ["MrAJCosplay"]),
        ("By Design, not chance", None),
        ("By Reuters", ["Reuters"]),
        ("By Associated Press", ["Associated Press"]),
        ("By Design", None),  # ... but a lone ordinary word is no name
        ("By Christmas", None),
        ("By TUESDAY", None),
    ],
)
def test_bylines(line, expected):
    assert byline_names(line) == (None if expected is None else tuple(expected))


def test_lone_by_takes_names_from_next_line():
    article = parse(
        f"Headline about the library vote today\n\nBy\nJames Maguire\n-\nDecember 8, 2023\n\n{BODY}"
    )
    assert article.authors == ("James Maguire",)
    assert article.published == "2023-12-08"


def test_lone_by_takes_several_name_lines_with_joiners_between():
    article = parse(
        f"Headline about the library vote today\n\nBy\n\nAaron Scott\n\n,\n\nBerly McCoy\n\n,\n\n"
        f"Rebecca Ramirez\n\n{BODY}"
    )
    assert article.authors == ("Aaron Scott", "Berly McCoy", "Rebecca Ramirez")


def test_a_bare_name_beside_a_follow_button_is_the_byline():
    article = parse(
        f"Headline about the library vote today\n\nJames Presbitero Jr.\n\n·\n\nFollow\n\n{BODY}"
    )
    assert article.authors == ("James Presbitero Jr",)


def test_credits_are_deduplicated_and_kept_out_of_the_body():
    text = (
        "Library stays open after vote by council\n\n"
        "Photos: Ana Lima/Reuters; Tom Berg/AP\nPhotos: Ana Lima/Reuters; Tom Berg/AP\n\n" + BODY
    )
    article = parse(text)
    assert article.credits == ("Ana Lima/Reuters", "Tom Berg/AP")
    assert not any("Reuters" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "line, credit",
    [
        ("Photo provided by Bruce Kunz.", "Bruce Kunz"),
        ("Source images by Ana Lima and Getty Images", "Ana Lima and Getty Images"),
        ("Photo courtesy of the Town Archive", "the Town Archive"),
    ],
)
def test_provided_and_courtesy_credits(line, credit):
    article = parse(f"Library stays open after vote by council\n\n{BODY}\n{line}\n\n{MORE_BODY}")
    assert article.credits == (credit,)
    assert line not in article.paragraphs


@pytest.mark.parametrize(
    "caption, credit",
    [
        (
            "The old library seen from the square on Monday. Ana Lima/Getty Images",
            "Ana Lima/Getty Images",
        ),
        (
            "The old library seen from the square on Monday.Ana Lima/Getty Images",
            "Ana Lima/Getty Images",
        ),  # glued
        (
            "The old library seen from the square on Monday. Ana Lima/Courier Staff",
            "Ana Lima/Courier Staff",
        ),
    ],
)
def test_a_caption_whose_credit_follows_its_last_sentence(caption, credit):
    article = parse(f"Library stays open after vote by council\n\n{BODY}\n{caption}\n\n{MORE_BODY}")
    assert article.credits == (credit,)
    assert caption not in article.paragraphs


def test_a_long_dateline_that_opens_with_a_name_gives_author_and_date():
    dateline = (
        "Jane Doe · Town News · Posted: Mar 3, 2024 8:25 AM EST | Last Updated: March 5, 2024"
    )
    article = parse(f"Library stays open after vote by council\n\n{dateline}\n\n{BODY}")
    assert article.authors == ("Jane Doe",)
    assert article.published == "2024-03-03"


def test_byline_shaped_lines_in_a_row_are_a_list():
    winners = "Best Library - TOWN LIBRARY\nBest Reader - ANN LEE\nBest Clerk - TOM BERG\nBest Mayor - JANE ROE\n"
    text = f"Library stays open after vote by council\n\n{BODY}\nThe full list of winners is below:\n\n{winners}\n{MORE_BODY}"
    roles = {role.text: role.role for role in explain_lines(text.encode())}
    assert parse(text).authors == ()
    assert all(roles[line] != "byline" for line in winners.splitlines())


def test_a_role_below_the_byline_belongs_to_it():
    text = "Library stays open after vote by council\n\nCOMMENTARY BY\n\nJane Doe @janedoe\n\nResearch Fellow, Town Institute\n\n"
    roles = {
        role.text: role.role for role in explain_lines((text + BODY + "\n" + MORE_BODY).encode())
    }
    assert roles["Research Fellow, Town Institute"] == "byline"


def test_caption_with_trailing_credit_is_dropped_and_credited():
    caption = "The old library seen from the square on Monday. (Jane Doe/Getty Images)"
    article = parse(f"Library stays open after vote by council\n\n{BODY}\n{caption}\n\n{MORE_BODY}")
    assert "Jane Doe/Getty Images" in article.credits
    assert caption not in article.paragraphs


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("The old library seen from the square on Monday. Credit: Jane Doe", "Jane Doe"),
        (
            "The old library seen from the square on Monday (Image credit: Town Archive)",
            "Town Archive",
        ),
        ("The reading room, 1950. Credit: Jane Doe (Town Archive)", "Jane Doe (Town Archive)"),
        ("The old library seen from the square on Monday Photo credit: Jane Doe", "Jane Doe"),
        ("The old library seen from the square on Monday — credit: Jane Doe", "Jane Doe"),
        ("The old library seen from the square on Monday, credit: Jane Doe", "Jane Doe"),
        (
            "The old library seen from the square on Monday [Image credit: Town Archive]",
            "Town Archive",
        ),
        ("The old library seen from the square on Monday (Credit: Reuters)", "Reuters"),
        ("THE OLD LIBRARY SEEN FROM THE SQUARE. CREDIT: JANE DOE", "JANE DOE"),
        ("Market-moving news, a tax-credit: Town Notes Daily", None),
        ("Library hours, parking fees, council lose a tax credit: Town Notes Daily", None),
    ],
)
def test_a_labelled_credit_is_the_label_not_the_noun(line, credit):
    assert trailing_credit(line) == credit


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        (
            "Supporters rally outside the quay on Friday in Port Alder. AFP via Getty Images",
            "AFP via Getty Images",
        ),
        ("Divers inspect the old pier on Monday. Jane Doe via Reuters", "Jane Doe via Reuters"),
        ("The ferry leaves the harbour at dawn. Getty Images", "Getty Images"),
        ("The mayor spoke on Monday. Residents watched via Zoom", None),  # no agency
        ("Stocks fell for a third day. Read More via Reuters", None),  # a link's words
        ("Oil rose two per cent. Full Story via Bloomberg", None),
        ("The council will study the Getty Images archive.", None),  # a sentence's own words
    ],
)
def test_a_credit_through_an_agency_or_a_library_ends_a_caption(line, credit):
    assert trailing_credit(line) == credit


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Crowds fill the square on the first warm day. What a week. TNW", "TNW"),
        ("The ferry leaves the harbour at dawn. AFP", "AFP"),
        ("Read the whole council report on our site. MORE", None),  # a link
        ("Great. OK", None),  # too short for a caption
        ("Doors open at 7 p.m. ET", None),  # a time zone after an abbreviation
        ("MORE FROM THE TOWN NEWS", None),
        ("Boats in the harbour. AFP", "AFP"),
        ("The crowd chanted that we will win it big. MAGA", None),  # a paragraph's sign-off
        ("That was the funniest thing I saw all week. LOL", None),
    ],
)
def test_an_acronym_alone_after_a_caption_is_its_credit(line, credit):
    assert trailing_credit(line) == credit


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Rain turns to snow over the hills by Friday afternoon.NOAA", "NOAA"),
        ("Snow totals stay light along the coast into January.WeatherBELL", "WeatherBELL"),
        ("The ferry leaves the harbour at dawn.Getty Images", None),  # an agency: a credit itself
        # a link, a label, a button, a surname or a signature glued to a paragraph's end is none
        ("The council voted to keep the library open, she said.Continue Reading", None),
        ("The council voted to keep the library open, she said.Read More", None),
        ("The council voted to keep the library open, she said.Advertisement", None),
        ("That was the funniest thing I saw all week.LOL", None),
        ("Troops stayed at the U.S.Army base", None),
        ("Fishermen asked where they would unload.ADVERTISEMENT", None),
        ("Fishermen asked where they would unload.RELATED", None),
        ("Fishermen asked where they would unload.PDF", None),
        ("Fishermen asked where they would unload.McKenzie", None),
        ("Fishermen asked where they would unload.DeSantis", None),
        ("I want to know why the pier was closed without notice.Tom O'Brien", None),
        ("Fishermen asked where they would unload.WhatsApp", None),  # a share button
        ("The app is written in Node and uses Socket.IO", None),
        ("The sign on the pier read: Save our pier!SOS", None),
        (  # a paragraph is longer than a caption
            "Fishermen who tie up at the pier every morning said they were given less than a week"
            " of notice, and several asked where on this stretch of the coast they would unload"
            " their catch.NOAA",
            None,
        ),
    ],
)
def test_a_source_glued_to_a_lines_last_sentence(line, source):
    assert glued_source(line) == source


def test_an_agency_glued_to_a_captions_last_sentence_is_its_credit():
    assert trailing_credit("The ferry leaves the harbour at dawn.Getty Images") == "Getty Images"
    assert trailing_credit("Rain turns to snow over the hills by Friday afternoon.NOAA") is None


def test_captions_with_one_source_glued_on_leave_the_body_and_a_brand_once_stays():
    """A chart series' captions each end in the same glued source; a brand glued once to a
    paragraph's end is no caption's."""
    captions = [
        "Rain turns to snow over the hills by Friday afternoon.NOAA",
        "Snow totals along the coast stay light into the new year.NOAA",
    ]
    tagged = "Readers can follow the repairs on a page the library staff will update weekly.OpenAI"
    text = (
        f"Library stays open after vote by council\n\n{BODY}\n{captions[0]}\n\n"
        f"{MORE_BODY}\n{captions[1]}\n\n{tagged}\n\n{BODY}"
    )
    article = parse(text)
    assert "NOAA" in article.credits and "OpenAI" not in article.credits
    assert not set(captions) & set(article.paragraphs)
    assert {line.text: line.role for line in explain_lines(text.encode())}[tagged] != "caption"


@pytest.mark.parametrize(
    ("line", "credited"),
    [
        ("Dana Whitlock/Harbor Weekly", True),
        ("Town Archive/Dana Whitlock", True),
        ("Dana Whitlock/Getty Images", True),
        ("[Image via TOWNPIX/WENN]", True),
        ("Go to Homepage", False),  # "epa" inside a word
        ("Winter Safety and Preparedness", False),
        ("Odds via Town Bookmakers", False),
        ("About/Contact", False),  # a menu's pair
        ("Your Privacy Choices/Manage Cookies", False),
        ("Weight 4.8 lbs/2.2kg", False),  # a figure
        ("winter 2023/2024", False),
        ("https://example.com/status/12345", False),
        ("Submitted photo", True),
        ("Photo", False),  # a label or a button, naming no source
        ("Share a photo", False),
        ("Photo galleries", False),
        ("Ana de la Cruz/Town Courier", True),  # a name's particles
        ("Staff/AP", True),  # an agency's acronym
        ("NASA/JPL-Caltech", True),
        ("Staff/Getty", True),
        ("Science Photo Library", True),  # words of furniture beside an agency's name
        ("Courtesy of Town News", True),
        ("Bloomberg News", True),
        ("Opt Out of Sale/Targeted Ads", False),
        ("PPC Management/Software/Tools", False),
    ],
)
def test_a_credit_line_names_a_picture_source(line, credited):
    article = parse(f"Library stays open after vote by council\n\n{line}\n\n{BODY}\n{MORE_BODY}")
    assert (line.strip("[]") in " ".join(article.credits)) is credited, article.credits


def test_share_via_a_service_is_navigation():
    roles = {
        role.text: role.role
        for role in explain_lines(
            f"Library stays open after vote by council\n\nShare via Email\n\n{BODY}".encode()
        )
    }
    assert roles["Share via Email"] == "boilerplate"
    assert (
        parse(f"Library stays open after vote by council\n\nShare via Email\n\n{BODY}").credits
        == ()
    )


@pytest.mark.parametrize(
    "label",
    [
        "podpis źródła zdjęcia",
        "Image caption",
        "Image caption,",
        "Bildunterschrift,",
        "Legenda",
        "Media caption,",
        "légende de l'image",
    ],
)
def test_caption_labels_in_several_languages(label):
    article = parse(
        f"Library stays open after vote by council\n\nPhoto: Ana Lima/Reuters\n{label}\n\n{BODY}"
    )
    assert label not in article.paragraphs
    roles = {
        r.text: r.role
        for r in explain_lines(
            f"Library stays open after vote by council\n\n{label}\n\n{BODY}".encode()
        )
    }
    assert roles[label] == "caption"


@pytest.mark.parametrize(
    "junk",
    [
        "Advertisement",
        "Share this article",
        "More In Politics MORE...",
        "Article continues below this ad",
        "Read more",
        "Sign up for our newsletter",
        "Read: The library that would not close",
        "Also: Five libraries worth a visit",
        "Sign up to get the latest library news and events from the town, delivered to "
        "your inbox every morning!",
        "© 2025 The Town Courier Ltd. All rights reserved. "
        "Not to be redistributed, copied, or modified in any way.",
        "READ MORE: Parents plead for the driver to come forward",
        "A post shared by Town Library (@townlibrary)",
        "Jane Doe can be reached at jane.doe@example.com and followed on X at @janedoe.",
        "The Courier has affiliate partnerships. We receive compensation when you click "
        "on a link and make a purchase.",
        "Follow the Courier's opinion section on Facebook, Instagram, TikTok and X.",
        "A previous version of this story misstated the number of signatures collected.",
        "Editor’s Note: This story has been updated with comment from the council.",
        "The information in this article is for informational purposes only and is not "
        "legal advice.",
        "Curious about the libraries near you? Email us at "
        "library@example.com and we might visit one in a future story!",
        "We cannot do this without you. Support our newsroom by giving as little as $1.",
        "At the Courier we think everyone deserves quality journalism, and not everyone "
        "can afford a subscription, so our stories stay open to all.",
        "Our journalists will keep covering the council's every vote. With your help, we will "
        "bring you the stories nobody else tells, and we thank you for it.",
        "Podcasts This content is provided by Podcasts Inc, which may be using cookies and "
        "other technologies.",
        "If you buy through our links, we may earn an affiliate fee.",
        "Privacy Notice: Newsletters may contain info about charities and online ads.",
        "MORE: Watch the council vote live with a free trial",
        "Please be respectful of copyright. Unauthorized use is prohibited.",
        "This interview has been edited for length and clarity.",
        "Our journalism needs your support. Please subscribe today to the Courier.",
        "Comments are closed.",
        "(c) Town Courier Media",
        "Editor's Picks",
        "View full post on Youtube",
        "Free weekly newsletter",
        "Citation: Library stays open after vote (2024, March 3) retrieved 4 March 2024 from "
        "https://example.com/news/library.html",
        "More information: Jane Doe et al, Libraries and towns, Journal of Libraries (2024).",
        "Reference: Doe J. et al. Reading rooms and their towns. J. Libr. Stud. (2019)",
        "Journal Reference: Lee A. Lending in small towns. Library Quarterly, 2020; 12 (3): 4",
        "DOI: 10.1000/libraries.2024.0042",
        "Listen to The Courier Podcast on Spotify, Apple Podcasts and Google Podcasts.",
        "This episode was produced by Ann Lee and edited by Tom Berg.",
        "This interview has been lightly edited and condensed for clarity.",
        "The library is open again! Come and visit us pic.twitter.com/AbCdEf123",
        "Share or comment on this article: Library stays open after vote by council",
        "This document is subject to copyright. No part may be reproduced without permission.",
        "This story originally appeared in Town Life and is republished here with permission.",
        '<a href="https://example.com/tag/library">#library</a> readers cheered the vote',
        "Reprinted by permission of Town Press. Excerpted from The Library by Ann Lee.",
        "MORE FROM THE COURIERFive libraries worth a visit this spring, from the coast to "
        "the hillsBy Ann Lee",
        "REQUIRED READING: Why the old library matters to the town more than any other building",
        "EXCLUSIVEREAD MORE: The librarian who would not go",
        "Comments on this piece are premoderated to ensure the discussion stays on topic.",
        "We will automatically post your comment and a link to the story to your timeline.",
        "Not a subscriber to the Courier? Then head over here to get every issue at home!",
        "We use cookies to improve your visit to the Courier and to show you relevant ads.",
        "Strictly Necessary Cookies",
        "Accept all cookies",
        "Cookie settings",
        "Cookies may be set through our site by our partners to build a profile of you.",
        "When you visit the site, the Courier and its partners may store information in "
        "your browser, mostly in the form of cookies.",
        "We do not allow you to opt out of our certain cookies, as the site needs them.",
        "By signing up you agree to the Courier's Terms of Use and Privacy Policy.",
        "By submitting your email, you agree to our terms. This site is protected by "
        "reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "If you live in California, you have the right to opt-out of the sale of your "
        "personal information to third parties.",
        "The comments below have been moderated in advance.",
        "By posting your comment you agree to the Courier's house rules.",
        "The views expressed in this column are those of the author and do not reflect "
        "the Courier's.",
        "The newsroom of the Courier had no role in the creation of this sponsored content.",
        "MORE FOR YOU",
        "About the author",
        "32 Images",
        "(\u200bMORE: Five libraries worth a visit this spring)",
        "Read more.",
        "Read More »",
        "Continue reading.",
        'Watch: "We listened to the harbour."',
        "Video: How the council voted",
        "E-mail to a friend",
        "Printer-friendly version",
        "Print this story",
    ],
)
def test_navigation_and_share_lines_leave_the_body(junk):
    article = parse(f"Library stays open after vote by council\n\n{BODY}\n{junk}\n\n{MORE_BODY}")
    assert junk not in article.paragraphs
    assert len(article.paragraphs) == 6


def test_an_article_about_cookies_and_consent_keeps_its_text():
    """The consent-box notices are what a site says of its own cookies; reporting on them is news."""
    story = (
        "Browsers to stop tracking cookies next year, says Google\n\n"
        "Google will stop third-party cookies in its Chrome browser next year, the company said on Tuesday.\n\n"
        "Advertisers use cookies to follow people from site to site, and regulators have asked for an end to it.\n\n"
        "Under the California Consumer Privacy Act, people can already ask companies not to sell their data.\n\n"
        "Privacy groups said the change was overdue and asked other browsers to accept the same rules.\n"
    )
    article = parse(story)
    assert len(article.paragraphs) == 4


def test_an_article_about_newsroom_money_keeps_its_text():
    """An appeal speaks of the outlet's own journalism to the reader; news about newsrooms,
    paywalls and what readers can afford is still news."""
    story = (
        "Courier to close its newsroom on Market Street after sixty years\n\n"
        "The Town Courier will close its newsroom on Market Street in March, its owners said on Monday.\n\n"
        "Our reporting found that fewer than half of the town's households can afford a print subscription.\n\n"
        "The paper's journalists will work from home, and its website will keep its paywall, the owners said.\n\n"
        "Readers said the building had been part of the street since the paper moved there in 1965.\n"
    )
    article = parse(story)
    assert len(article.paragraphs) == 4


ROLL_CALL = ", ".join(
    f"{given} {family}"
    for given in ("Ann", "Tom", "Jane", "Ola", "Raj", "Mei", "Lars", "Ines")
    for family in ("Lee", "Berg", "Doe", "Park", "Nair")
)  # the names under a group photo


@pytest.mark.parametrize(
    "caption",
    [
        "FILE - Readers wait outside the old library on Market Street, May 4, 2023. The council voted on Tuesday to keep "
        "the building open for another five years.",
        "(L–R) Ann Lee stars as the librarian, Tom Berg as the mayor and Jane Doe as the council clerk in the town's "
        "new play about the vote.",
        "MARKET TOWN, ENGLAND - MARCH 3: Readers queue outside the old library after the council voted to keep it open "
        "on March 3, 2024 in Market Town, England.",
        "Council leader Ann Lee, left, and the librarian Tom Berg, right, open the doors of the old library to readers.",
        "Readers queue outside the old library with the librarian Tom Berg (second from left) on the morning after the "
        "vote.",
        "File: Readers wait outside the old library on Market Street, May 4, 2023, before the council's vote.",
        "From left: Council leader Ann Lee, the librarian Tom Berg and the clerk Jane Doe outside the old library, "
        "which will now stay open.",
        # a group photo's roll call after the scene, its names running past a caption's usual length
        *(
            "Posing for a photo on the steps of the old library after the council's vote on Tuesday, "
            f"March 5, 2024, are{call}{ROLL_CALL}."
            for call in (
                ", from left: ",
                ", from left to right: ",
                " (from left) ",
                ", from right\u00a0: ",
                " (from right to left): ",
            )
        ),
    ],
)
def test_captions_known_by_how_they_open(caption):
    article = parse(f"Library stays open after vote by council\n\n{BODY}\n{caption}\n\n{MORE_BODY}")
    roles = {
        role.text: role.role
        for role in explain_lines(f"Library stays open\n\n{BODY}\n{caption}\n".encode())
    }
    assert caption not in article.paragraphs and len(article.paragraphs) == 6
    assert roles[caption] == "caption"


@pytest.mark.parametrize(
    "prose",
    [
        "The new shelves run from left: to right along the north wall, the librarian Tom Berg said, "
        "and the old reading room keeps its long oak tables from the 1930s.",
        "The council's critics said the mayor could no longer tell wrong from right: He had promised "
        "to keep the library open and then voted twice to close it.",
        "The seven councillors stood in a row at the front of the hall, from left: Ann Lee, Tom Berg, "
        "Jane Doe and four others, and each had ninety seconds to explain the vote.",
        "The judges, seated from left: Chief Judge Ann Lee, Judge Tom Berg and Judge Jane Doe, "
        "listened quietly as the library's lawyer read out the council's minutes.",
    ],
)
def test_prose_placing_people_or_things_left_and_right_stays(prose):
    """A roll call's colon before a name makes a caption only after a word of the picture
    ("Posing for a group photo ..."): a stage, a bench or an idiom is the story's."""
    article = parse(f"Library stays open after vote by council\n\n{BODY}\n{prose}\n\n{MORE_BODY}")
    assert prose in article.paragraphs


@pytest.mark.parametrize(
    "video",
    [
        "How the council saved the old library in a single night (1:39)",
        "Watch: the library vote, from the first speech to the count (1:02:33)",
    ],
)
def test_a_video_title_with_its_running_time_is_neither_headline_nor_body(video):
    article = parse(
        f"{video}\n\nLibrary stays open after vote by council\n\n{BODY}\n{video}\n\n{MORE_BODY}"
    )
    roles = {role.text: role for role in explain_lines(f"{video}\n\n{BODY}".encode())}
    assert article.title == "Library stays open after vote by council"
    assert video not in article.paragraphs and len(article.paragraphs) == 6
    assert roles[video].role == "caption" and "running time" in roles[video].reason


@pytest.mark.parametrize(
    "kicker",
    ["Health / Diet / Alcohol", "Health › Diet", "Health | Diet", "Health - Diet", "Health – Diet"],
)
def test_section_from_breadcrumb_kicker(kicker):
    article = parse(f"{kicker}\n\nLibrary stays open after vote by council\n\n{BODY}")
    assert article.section == "Health"
    assert article.title == "Library stays open after vote by council"


def test_a_hyphen_inside_a_kicker_word_does_not_split_it():
    article = parse(f"Fact-check\n\nLibrary stays open after vote by council\n\n{BODY}")
    assert article.section == "Fact-check"


def test_section_from_the_more_in_trailer_when_no_kicker_names_one():
    """A page without a kicker names its desk in the first "More In ..." trailer below the
    article; a second trailer is another desk's, and a kicker, when there is one, wins."""
    trailers = "More In Local Politics MORE...\nMore In Sport MORE...\n"
    plain = parse(f"Library stays open after vote by council\n\n{BODY}\n{MORE_BODY}\n{trailers}")
    assert plain.section == "Local Politics"
    kicked = parse(
        f"Town\n\nLibrary stays open after vote by council\n\n{BODY}\n{MORE_BODY}\n{trailers}"
    )
    assert kicked.section == "Town"
    assert parse(f"Library stays open after vote by council\n\n{BODY}").section is None


def test_teasers_before_the_headline_are_not_the_title():
    nav = "Home\nNews\nSport\nWeather\n\nTop story: Storm closes harbour\n\n"
    article = parse(nav + f"Library stays open after vote by council\n\n{BODY}")
    assert article.title == "Library stays open after vote by council"
    assert article.paragraphs[0].startswith("The council voted")


def test_summary_lines_below_the_headline_are_not_the_title():
    """A long headline, then summary bullets and the byline: the first bullet reads as the
    better headline on its own, but a headline-shaped line at least as long sits just above it."""
    headline = (
        "Town library saved after thousands of residents sign petition asking council to reverse "
        "its closure vote and keep doors open"
    )
    summary = (
        "Councillors voted on Tuesday to keep the old library open for five years\n\n"
        "More than 4,000 residents signed the petition in less than a month\n\n"
        "The building will get a new roof and better heating from the reserve fund\n\n"
    )
    article = parse(
        f"{headline}\n\n{summary}By Jane Doe For The Town Courier\n\n"
        f"Published: 10:22 GMT, 22 December 2023\n\n{BODY}\n{MORE_BODY}"
    )
    assert article.title == headline


def test_the_line_after_a_caption_label_is_never_the_headline():
    """'Image caption,' then the caption: the caption reads like a headline (a name, an age, a
    place), and with the label it cannot be one."""
    caption = (
        "Jane Doe, 29, of Market Street in Townsville made a number of hoax calls to the library"
    )
    text = (
        f"Library stays open\n\nPublished\n\n4 days ago\n\nImage source, Getty Images\n\nImage caption,\n\n"
        f"{caption}\n\n{BODY}\n{MORE_BODY}"
    )
    assert parse(text).title != caption


@pytest.mark.parametrize(
    "kicker, section", [("World / Middle East", "World"), ("Middle East › World", "Middle East")]
)
def test_a_kicker_whose_words_fill_the_body_is_not_the_headline(kicker, section):
    """The kicker's words are all over the body while the headline's are not: the kicker scores
    higher, but it is as short as a kicker and a longer headline-shaped line stands below it."""
    body = (
        "World trade ministers from the Middle East met on Tuesday to agree new rules for shipping through the region.\n\n"
        "The ministers said trade across the Middle East had fallen by a fifth since the attacks on ships began.\n\n"
        "East African ports have taken some of the traffic, the World Trade Organization said in its latest report.\n\n"
        "Officials from the region will meet again in March to review the rules and the cost of insuring ships.\n"
    )
    text = f"{kicker}\n\nBut I doubt Stefanik is as principled\n\n{body}"
    article = parse(text)
    assert (article.title, article.section) == ("But I doubt Stefanik is as principled", section)
    reasons = {role.text: role.reason for role in explain_lines(text.encode())}
    assert "kicker" in reasons["But I doubt Stefanik is as principled"]


def test_a_short_line_above_the_headline_does_not_take_its_place():
    article = parse(
        f"Stories from around the town\n\nLibrary stays open after vote by council members on Tuesday\n\n"
        f"By Jane Doe\n\n{BODY}"
    )
    assert article.title == "Library stays open after vote by council members on Tuesday"


def test_a_breadcrumb_that_ends_with_the_headline_is_cut_by_the_line_below():
    article = parse(
        "Home News News Library stays open after vote by council\n\n"
        f"Library stays open after vote by council\n\nBy Jane Doe\n\n{BODY}"
    )
    assert article.title == "Library stays open after vote by council"
    assert article.authors == ("Jane Doe",)


def test_a_byline_ending_in_a_comma_goes_on_below():
    article = parse(
        "Library stays open after vote by council\n\nBy Jane Doe,\n"
        f"Deputy Editor, City Times Media Group\n\nBy Jane Doe\n\n| March 3, 2024\n\n{BODY}"
    )
    roles = {
        role.text: role.role
        for role in explain_lines(
            f"By Jane Doe,\nDeputy Editor, City Times Media Group\n\n{BODY}".encode()
        )
    }
    assert article.title == "Library stays open after vote by council"
    assert article.authors == ("Jane Doe",)
    assert roles["Deputy Editor, City Times Media Group"] == "byline"


def test_a_line_in_capitals_is_not_the_headline():
    """A related-story link in capitals just inside the main run scores as well as the
    headline far above it; a headline keeps its own case, so the link loses."""
    head = (
        "Libraries\n\nPublished March 3, 2024 9:02am EST\n\nLibrary stays open after vote by council\n\n"
        "The building gets a new roof and longer hours\n\n"
        + "".join(
            f"{button}\n\n" for button in ("Facebook", "Twitter", "Comments", "Print", "Email")
        )
        + "By Jane Doe\n\nclose\n\nvideo\n\n"
    )
    related = "CITY HALL PLANS NEW PARKING RULES FOR THE OLD TOWN, OFFICIALS SAY\n\n"
    caption = "The old library on Market Street in the city centre, on Monday, March 4, 2024. (Jane Roe/City Times)\n\n"
    article = parse(head + BODY + "\n" + related + caption + MORE_BODY + "\n" + BODY)
    assert article.title == "Library stays open after vote by council"
    assert not any(p.startswith("CITY HALL") for p in article.paragraphs)


def test_every_line_gets_exactly_one_role():
    text = f"News\n\nLibrary stays open after vote by council\n\nBy Jane Doe\n\n{BODY}\nAdvertisement\n"
    roles = explain_lines(text.encode())
    non_blank = [line for line in text.split("\n") if line.strip()]
    assert [r.text for r in roles] == non_blank
    assert all(r.role and r.reason for r in roles)


def test_empty_file_gives_a_record_with_a_warning():
    article = parse_article(b"", "001_0123456789abcdef.txt")
    assert article.title == "" and article.paragraphs == () and "empty file" in article.warnings


def test_a_file_that_could_not_be_read_is_not_also_called_empty():
    """The reader's warning says why there are no bytes; "empty file" on top of it is wrong."""
    why = "could not read the file: Permission denied"
    article = parse_article(b"", "001_0123456789abcdef.txt", warnings=(why,))
    assert article.warnings == (why,)


def test_decoding_boms_crlf_and_legacy_encodings():
    assert decode_bytes("\ufeffHi\r\nthere\rnow".encode("utf-8")) == ("Hi\nthere\nnow", [])
    assert decode_bytes("Zażółć".encode("utf-16"))[0] == "Zażółć"
    text, warnings = decode_bytes(
        "Café déjà vu, naïve garçon, très élégant résumé".encode("cp1252")
    )
    assert "Café" in text and warnings and "not valid UTF-8" in warnings[0]


def test_names_give_number_and_hash_only_when_shaped():
    assert split_name("000_ab421d6d9d13d5bb.txt") == ("000_ab421d6d9d13d5bb", 0, "ab421d6d9d13d5bb")
    assert split_name("notes.txt") == ("notes", None, None)
    assert split_name("12_short.txt") == ("12_short", None, None)


def test_a_name_beside_a_role_is_a_byline_without_by():
    article = parse(
        f"Library stays open after vote by council\n\nEmma Whitford\nSenior Contributor\n\n{BODY}"
    )
    assert article.authors == ("Emma Whitford",)


def test_a_long_line_that_starts_with_by_is_a_byline():
    text = (
        f"Library stays open after vote by council\n\nBy Travis Andersen and Adam Sennott Globe Staff and Globe "
        f"Correspondent,Updated December 22, 2023, 3:31 p.m.\n\n{BODY}"
    )
    article = parse(text)
    assert (
        article.authors == ("Travis Andersen", "Adam Sennott") and article.published == "2023-12-22"
    )
    assert not any(paragraph.startswith("By ") for paragraph in article.paragraphs)


@pytest.mark.parametrize("beside", ["@JaneDoeNews", "Political reporter @janedoe", "Dec 12, 2023"])
def test_a_name_beside_a_handle_role_or_date_is_a_byline_even_after_a_standfirst(beside):
    text = (
        "Library stays open after vote by council\n\nThe council changed its mind after a long campaign by "
        f"residents who wanted the old building kept.\n\nJane Doe\n{beside}\n\n{BODY}"
    )
    assert parse(text).authors == ("Jane Doe",)


def test_a_role_with_a_handle_below_a_bare_name_is_part_of_its_byline():
    """'Political reporter @janedoe' under 'Jane Doe' is her byline's, never the story's, as a
    role under a "By" line is; a menu under a masthead, with no handle, stays what it was."""
    role = "Political reporter @janedoe"
    text = f"Library stays open after vote by council\n\nJane Doe\n\n{role}\n\n{BODY}"
    lines = {line.text: line for line in explain_lines(text.encode())}
    assert lines[role].role == "byline" and parse(text).authors == ("Jane Doe",)


def test_a_bare_name_below_the_headline_is_found_when_captions_opened_the_run():
    text = (
        "People stand near the old library building in the rain on Tuesday evening after the vote was announced.\n\n"
        "Library stays open after vote by council\n\nThe council changed its mind after a long campaign by "
        "residents who wanted the old building kept.\n\nResidents gathered outside for hours, many of them "
        f"holding signs and singing songs.\n\nJane Doe\n@janedoe\n\n{BODY}"
    )
    article = parse(text)
    assert article.title == "Library stays open after vote by council" and article.authors == (
        "Jane Doe",
    )


def test_a_by_line_outranks_a_label_shaped_like_a_name():
    text = f"Editors Pick\nDec 12, 2023\n\nLibrary stays open after vote by council\n\nBy Jane Doe\n\n{BODY}"
    assert parse(text).authors == ("Jane Doe",)


def test_words_the_text_uses_in_lower_case_are_not_a_name():
    text = (
        f"Library stays open after vote by council\n\nStay Connected\nDec 12, 2023\n\n{BODY}"
        "\nStay informed: readers who want to stay connected can write to jane.doe@example.com.\n"
    )
    assert parse(text).authors == ()


def test_a_dateline_of_thirteen_words_is_a_date_not_body():
    text = (
        "Library stays open after vote by council\n\nPublished: 12:40 GMT, 22 December 2023 | Updated: 14:44 GMT, "
        f"22 December 2023\n\n{BODY}"
    )
    article = parse(text)
    assert article.published == "2023-12-22" and not any(
        "GMT" in paragraph for paragraph in article.paragraphs
    )


def test_published_wins_over_updated_on_one_line():
    text = (
        "Library stays open after vote by council\n\nUpdated Dec. 23, 2023 4:04AM EST / Published Dec. 22, 2023 "
        f"12:16PM EST\n\n{BODY}"
    )
    assert parse(text).published == "2023-12-22"


def test_several_bare_names_and_a_place_beside_a_date_are_a_byline():
    text = f"Library stays open after vote by council\n\nJane Doe and John Roe in New York\nFri 22 Dec 2023 17.47 CET\n\n{BODY}"
    article = parse(text)
    assert article.authors == ("Jane Doe", "John Roe") and article.published == "2023-12-22"


def test_a_lower_case_tag_line_does_not_make_a_name_ordinary():
    text = f"Library stays open after vote by council\n\nMay 30, 2023 / Amy Gallo\n\n{BODY}\namy gallo\n"
    assert parse(text).authors == ("Amy Gallo",)


def test_published_wins_over_updated():
    text = f"Library stays open after vote by council\n\nUpdated: Dec. 23, 2023\nPublished: Dec. 22, 2023\n\n{BODY}"
    assert parse(text).published == "2023-12-22"


def test_the_date_in_the_byline_wins_over_a_date_line_in_the_story():
    """The byline's date sits by the headline; a short dated line further down (a caption, a
    quoted post, an aside) is the story's, not its publication date."""
    aside = "Diana wore the dress in Florence on April 23, 1985."
    text = f"Library stays open after vote by council\n\nBy Jane Doe | 2023-12-22\n\n{BODY}\n{aside}\n\n{MORE_BODY}"
    assert parse(text).published == "2023-12-22"


def test_a_related_storys_byline_above_the_headline_gives_no_date():
    text = (
        f"By John Roe Dec 11, 2023\n\nLibrary stays open after vote by council\n\nPublished Dec 21, 2023\n\n"
        f"{BODY}\n{MORE_BODY}"
    )
    assert parse(text).published == "2023-12-21"


def test_headline_keeps_prose_below_it():
    article = parse(
        "Just some notes\n\nThis file has no article name but it is still an article file for the user.\n"
    )
    assert article.title == "Just some notes"
    assert len(article.paragraphs) == 1


@pytest.mark.parametrize(
    "caption, credit",
    [
        (
            "Readers fill the old reading room on Monday evening. | Image credit: Town Courier / Ana Lima.",
            "Town Courier / Ana Lima",
        ),
        ("Readers fill the old reading room on Monday evening Credit: Ana Lima", "Ana Lima"),
        (
            "Readers fill the old reading room on Monday evening.Credit...Ana Lima for The Town Courier",
            "Ana Lima for The Town Courier",
        ),
        (
            "Readers fill the old reading room of the library on Market Street on Monday evening, after the vote. "
            "Photograph: Ana Lima/Town Courier",
            "Ana Lima/Town Courier",
        ),
        (
            "The reading room on Monday. Image: Ana Lima / Town Courier North / Getty Images Via Afp",
            "Ana Lima / Town Courier North / Getty Images Via Afp",
        ),
    ],
)
def test_caption_with_a_labelled_credit_is_a_caption(caption, credit):
    article = parse(f"Library stays open after vote by council\n\n{BODY}\n{caption}\n\n{MORE_BODY}")
    assert credit in article.credits and caption not in article.paragraphs


def test_the_authors_biography_ends_the_article():
    """What follows a biography of the author, by full name, in the second half of the body is
    the page's (a box of coverage, teasers), not the story's."""
    bio = "Jane Doe covers the council and the town's libraries for the Courier."
    teasers = (
        "Understand the Vote: The council's decision took three meetings and a petition of 4,000 names.\n\n"
        "What Comes Next: The roof work is expected to start in spring and to take three months.\n"
    )
    article = parse(
        f"Library stays open after vote by council\n\nBy Jane Doe\n\n{BODY}\n{MORE_BODY}\n{bio}\n\n{teasers}"
    )
    assert article.authors == ("Jane Doe",)
    assert len(article.paragraphs) == 6 and not any(
        "Understand the Vote" in p for p in article.paragraphs
    )


def test_the_authors_first_name_in_the_story_does_not_end_it():
    line = "Jane was twelve when the library opened, she said, and she has borrowed books there ever since."
    article = parse(
        f"Library stays open after vote by council\n\nBy Jane Doe\n\n{BODY}\n{line}\n\n{MORE_BODY}"
    )
    assert line in article.paragraphs and len(article.paragraphs) == 7


def test_giving_credit_in_a_sentence_is_no_credit_label():
    line = "The mayor gave credit... to the volunteers who kept the reading room open."
    assert (
        line
        in parse(
            f"Library stays open after vote by council\n\n{BODY}\n{line}\n\n{MORE_BODY}"
        ).paragraphs
    )


def test_a_picture_label_inside_a_sentence_is_no_credit():
    line = (
        "Readers said the new reading room was the best thing the council had done in years, photo: The old one "
        "had no light."
    )
    assert (
        line
        in parse(
            f"Library stays open after vote by council\n\n{BODY}\n{line}\n\n{MORE_BODY}"
        ).paragraphs
    )


def test_caption_ending_with_a_credit_given_elsewhere_is_a_caption():
    caption = "Readers fill the old reading room on Monday evening in the town. Jane Doe/Town Courier hide caption"
    article = parse(
        f"Library stays open after vote by council\n\n{caption}\n\nJane Doe/Town Courier\n\n{BODY}"
    )
    assert (
        caption not in article.paragraphs
        and article.title == "Library stays open after vote by council"
    )
    roles = {
        r.text: r.reason
        for r in explain_lines(
            f"Headline about the library vote\n\n{caption}\n\n"
            f"Jane Doe/Town Courier\n\n{BODY}".encode()
        )
    }
    assert roles[caption] == "ends with a photo credit the file gives elsewhere"


@pytest.mark.parametrize(
    "shown, title, section",
    [
        (
            "now reading: Library stays open after vote by council",
            "Library stays open after vote by council",
            None,
        ),
        (
            "Library stays open after vote by council [Watch]",
            "Library stays open after vote by council",
            None,
        ),
        (
            "Local NewsLibrary stays open after vote by council",
            "Library stays open after vote by council",
            "Local News",
        ),
        (
            "Exclusive: Library stays open after vote by council",
            "Exclusive: Library stays open after vote by council",
            None,
        ),
        (
            "iPhone sales rise as the library stays open",
            "iPhone sales rise as the library stays open",
            None,
        ),
        (
            "News / Local News / Library stays open after vote by council",
            "Library stays open after vote by council",
            "News",
        ),
        (
            "Library stays open after vote by council | Town Courier Arts",
            "Library stays open after vote by council",
            None,
        ),
        (
            "Library | Council | Schools",
            "Library | Council | Schools",
            None,
        ),  # too short a head: not a page title
    ],
)
def test_furniture_glued_to_the_headline_is_cut_off(shown, title, section):
    links = "Local News\nSport\n\n" if section == "Local News" else ""
    article = parse(f"{links}{shown}\n\n{BODY}")
    assert (article.title, article.section if section else None) == (title, section)


def test_a_breadcrumb_trail_is_not_the_headline():
    article = parse(f"Home / News / Local Politics\n\nLibrary vote\n\n{BODY}")
    assert article.title != "Home / News / Local Politics"


def test_photo_by_lines_are_credits():
    article = parse(
        f"Library stays open after vote by council\n\nPhotograph by Ana Lima, City Archive\n\n{BODY}"
    )
    assert article.credits == ("Ana Lima, City Archive",)
    assert not any("Ana Lima" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "bio",
    [
        "Ana Lima is a reporter at the Town Courier who covers the council, schools and libraries.",
        # headed by her role, up to a colon
        "Staff Writer at the Town Courier: Ana Lima has been writing about the council since 2015.",
    ],
)
def test_the_authors_biography_at_the_end_is_not_the_article(bio):
    quote = "Lima said the roof would be finished in spring."  # her name in the story itself stays
    article = parse(
        f"Library stays open after vote by council\n\nBy Ana Lima\n\n{BODY}\n{quote}\n\n{MORE_BODY}\n{bio}\n"
    )
    assert article.authors == ("Ana Lima",)
    assert bio not in article.paragraphs and quote in article.paragraphs


@pytest.mark.parametrize(
    "note",
    [
        "Reporter's notebook: Ana Lima was at the library when the roof began to leak in March.",
        "Producer: Ana Lima was the one who found the 1978 survey of the library's foundations.",
        "Note: Ana Lima was a member of the library board's advisory panel from 2015 to 2018.",
        "9:40 PM: Ana Lima is in the hall, where about forty residents are waiting for the vote.",
        "Full disclosure: Ana Lima was a volunteer at the library for two summers in the 1990s.",
    ],
)
def test_a_note_naming_the_author_after_a_label_is_no_biography(note):
    """Only a job's name before the colon heads a biography ("Staff Writer: …"); a note, a
    disclosure or a live blog's time before the author's name ends nothing."""
    article = parse(
        f"Library stays open after vote by council\n\nBy Ana Lima\n\n{BODY}\n{note}\n\n{MORE_BODY}\n"
    )
    assert note in article.paragraphs
    assert article.paragraphs[-1] == MORE_BODY.strip().split("\n")[-1]


def test_a_biography_goes_on_in_the_line_that_names_its_author_again():
    bio = (
        "Ana Lima is a reporter at the Town Courier who covers the council, schools and libraries."
    )
    more = "Since then, Ana has written about every budget the town has passed and every school it has built."
    article = parse(
        f"Library stays open after vote by council\n\nBy Ana Lima\n\n{BODY}\n{MORE_BODY}\n{bio}\n\n{more}\n"
    )
    assert bio not in article.paragraphs and more not in article.paragraphs
    assert len(article.paragraphs) == 6


def test_a_contributors_card_below_the_headline_is_not_the_article():
    card = "Juliana Hale\n\nRecipe tested by Juliana Hale\n\n"
    bio = "Juliana Hale is a senior cook in the test kitchen with twenty years of experience in testing recipes."
    article = parse(
        f"Library stays open after vote by council\n\nBy Ana Lima\n\n{card}{bio}\n\n{BODY}\n{MORE_BODY}"
    )
    assert bio not in article.paragraphs and len(article.paragraphs) == 6


def test_a_profile_opening_with_the_name_its_kicker_gives_keeps_its_first_line():
    first = "Ana Lima is the librarian who kept the old library open through four budgets and two floods."
    article = parse(
        f"Ana Lima\n\nThe librarian who would not let the library close\n\nBy Tom Berg\n\n{first}\n\n{BODY}"
    )
    assert article.paragraphs[0] == first


def test_a_caption_shown_again_without_its_credit_is_a_caption():
    copy = "Readers queue outside the old library on Monday morning after the vote."
    caption = f"{copy} (Ana Lima/Getty Images)"
    article = parse(
        f"Library stays open after vote by council\n\n{caption}\n\n{BODY}\n{copy}\n\n{MORE_BODY}"
    )
    roles = {
        role.text: role.reason
        for role in explain_lines(f"Library stays open\n\n{caption}\n\n{BODY}\n{copy}\n".encode())
    }
    assert copy not in article.paragraphs and len(article.paragraphs) == 6
    assert roles[copy] == "a caption of the file again, without its credit"


def test_a_menu_of_desks_names_no_author():
    menu = "Politics\n\nOpinion\n\nNational Security\n\nCongress\n\nSports\n\n"
    article = parse(f"{menu}Library stays open after vote by council\n\n{BODY}\n{MORE_BODY}")
    assert article.authors == ()
    card = parse(f"Library stays open after vote by council\n\nAna Lima\n\nCourier Staff\n\n{BODY}")
    assert card.authors == ("Ana Lima",)  # a role of two words beside a name still makes a byline


@pytest.mark.parametrize(
    "lead", ["Library news of the week —", "And here is what the council said about it:"]
)
def test_a_line_that_leads_into_the_next_is_not_the_headline(lead):
    article = parse(f"{lead}\n\nLibrary stays open after vote by council\n\n{BODY}\n{MORE_BODY}")
    assert article.title == "Library stays open after vote by council"


def test_a_headline_deep_in_a_run_that_began_at_glued_links_is_found():
    """A long line of links run together counts as prose, so the main run starts there and the
    site's menu below it; the headline, well inside that run, still reads as one far better
    than anything above it (a byline and a date below it), and the links are not the body."""
    regions = "".join(  # teasers' links run together (with screen-reader notes, see cues)
        (
            "Harbour reopens after winter storms",
            "Council approves the new budget",
            "Ferry strike ends after talks",
            "School fair raises money for playground",
            "Bus lanes vote is delayed again",
            "Market moves to the town square",
            "Bridge repairs finish early this year",
            "Museum opens a new wing in spring",
        )
    )
    menu = "".join(
        f"{link}\n\n"
        for link in (
            "Our Network",
            "About Us",
            "Accessibility",
            "Privacy Policy",
            "Site Map",
            "Contact Support",
        )
    )
    text = (
        f"Home\nNews\nReviews\nVideos\n\nSite Themes\n\nChange Region\n\n{regions}\n\nMore\n\n{menu}"
        "Library stays open after vote by council\n\nThe building gets a new roof and longer hours\n\n"
        f"By Jane Doe\n\nPosted: Mar 3, 2024 5:05 pm\n\n{BODY}\n{MORE_BODY}"
    )
    article = parse(text)
    assert article.title == "Library stays open after vote by council"
    title = next(role for role in explain_lines(text.encode()) if role.role == "title")
    assert "deep in the main run" in title.reason
    assert article.authors == ("Jane Doe",)
    assert article.paragraphs[0].startswith("The council voted")


@pytest.mark.parametrize(
    "line, button",
    [
        ("Read more.", True),
        ("Read More »", True),
        ("Continue reading.", True),
        ("Read more about the wall in our archive.", False),
        ("Watching the tide come in, she said nothing.", False),
    ],
)
def test_buttons_are_navigation_with_their_stop_or_arrow(line, button):
    """A button keeps its stop or arrow ("Read more.", "Read More »")."""
    assert is_boilerplate(line) is button


def test_a_credit_line_two_files_share_is_each_files_credit():
    """The second file's credit line is judged from memory, and still gives its credit."""
    first = parse(f"Library stays open after vote\n\nPhotos: Ana Lima/Reuters\n\n{BODY}")
    second = parse(f"Roof repairs start in spring\n\nPhotos: Ana Lima/Reuters\n\n{MORE_BODY}")
    assert first.credits == second.credits == ("Ana Lima/Reuters",)


def test_a_byline_two_files_share_names_each_files_authors():
    """The second file's byline is read from memory and still names its authors; a byline of
    the same length in a third file names its own."""
    first = parse(f"Library stays open after vote\n\nBy Dana Whitlock and Jo Park\n\n{BODY}")
    second = parse(f"Roof repairs start in spring\n\nBy Dana Whitlock and Jo Park\n\n{MORE_BODY}")
    third = parse(f"Roof repairs start in spring\n\nBy Anna Whitlock and Jo Park\n\n{MORE_BODY}")
    assert first.authors == second.authors == ("Dana Whitlock", "Jo Park")
    assert third.authors == ("Anna Whitlock", "Jo Park")


NEWSLETTER_BOX = (
    "skip past newsletter promotion\n\nSign up to Harbour Weekly\n\nFree weekly newsletter\n\n"
    "The only way to hear what the quay is talking about. Sign up to get the inside story from "
    "our writers as well as the week's best reads, delivered to you every Saturday morning.\n\n"
    "after newsletter promotion\n\n"
)
EMBEDDED_POST = (
    "Skip Twitter post by @harbourwatch\n\nThe council has finally listened to the readers of "
    "this town and the library is staying open for years to come.\n\n— Harbour Watch "
    "(@harbourwatch) May 4, 2008\n\nEnd of Twitter post by @harbourwatch\n\n"
)


@pytest.mark.parametrize("box", [NEWSLETTER_BOX, EMBEDDED_POST])
def test_a_box_readers_may_skip_is_no_story(box):
    """From a skip link ("skip past …", "Skip …") down to the line naming the same box's end
    ("after …", "End of …"): a newsletter's pitch or an embedded post, however prose-like."""
    story = parse(f"Library saved\n\nBy Jo Park\n\n{BODY}\n{MORE_BODY}")
    article = parse(f"Library saved\n\nBy Jo Park\n\n{BODY}\n{box}{MORE_BODY}")
    assert article.paragraphs == story.paragraphs
    boxed = [role for role in explain_lines(box.encode()) if role.reason.startswith("in a box")]
    assert len(boxed) == box.count("\n\n")


@pytest.mark.parametrize(
    "opening, closing",
    [
        ("Skip to main content", "after main content"),  # a jump, not a box
        ("skip past newsletter promotion", "after the promotion"),  # another name
        ("Skip the salon and shop this at-home treatment instead", "after the salon"),
    ],
)
def test_lines_that_only_look_like_a_skippable_box_are_judged_as_ever(opening, closing):
    text = f"Library saved\n\nBy Jo Park\n\n{BODY}\n{opening}\n\n{MORE_BODY}\n{closing}\n"
    assert not any(role.reason.startswith("in a box") for role in explain_lines(text.encode()))


def test_a_skip_link_whose_end_is_missing_marks_nothing_down_to_the_next_box():
    """Two embeds of one account, the first without its end line: the story between them is
    no part of either box."""
    first = "Skip Twitter post by @harbourwatch\n\nThe quay was full by noon.\n\n"
    text = f"Library saved\n\nBy Jo Park\n\n{BODY}\n{first}{MORE_BODY}\n{EMBEDDED_POST}"
    story = [role.text for role in explain_lines(text.encode()) if role.role == "body"]
    assert [line for line in MORE_BODY.split("\n") if line] == story[-3:]
