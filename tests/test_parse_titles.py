"""Headlines in the shapes issue #19 names, on made-up pages: older and simpler templates,
short and all-caps headlines, wire datelines, wrappers and teaser lines."""

import pytest

from newsreader.parse import parse_article
from newsreader.parse.cues import ends_with_running_time
from newsreader.parse.title_text import headline_text, not_a_headline

STORY = (
    "The council said on Tuesday it would keep the old library open for five more years after a long campaign by residents.\n"
    "Residents had collected more than four thousand signatures asking the council to change its mind, the mayor said.\n"
    "The library will now get a new roof and longer opening hours on weekends, the council said in a statement.\n"
    "Work on the roof starts in spring, and the building will stay open while the builders are on site this year.\n"
    "A local charity has offered to run reading clubs for children in the new rooms on the top floor of the building.\n"
    "The council expects to publish the full plans for the building in the first week of next month, officials said.\n"
)


def title(head: str, story: str = STORY) -> str:
    """The headline of ``head`` above ``story``; a head ending in a space runs into its first line."""
    text = head + story if head.endswith(" ") else f"{head}\n{story}"
    return parse_article(text.encode(), "001_0123456789abcdef.txt").title


def test_an_all_caps_headline_over_a_wire_story_wins_over_the_menu():
    head = "Home | News | Sport | Business | Weather\nHARBOR COUNCIL KEEPS LIBRARY OPEN\nBy JANE DOE, Associated Press Writer\nHARBORTOWN (AP) — "
    assert title(head) == "HARBOR COUNCIL KEEPS LIBRARY OPEN"


@pytest.mark.parametrize(
    "above",
    [
        "The Harbortown Courier",  # the masthead
        "Most viewed\nFerry timetable changes from Monday\nSchool fair raises money for playground",
    ],
)
def test_an_all_caps_headline_over_its_byline_beats_lines_in_their_own_case(above):
    """Older pages print the headline in capitals; a line in capitals with the byline right
    below it is the headline, not a banner ranked after every line in its own case."""
    head = f"{above}\nHARBOR COUNCIL KEEPS LIBRARY OPEN\nBy JANE DOE, Town Courier\nMarch 5, 2008"
    assert title(head) == "HARBOR COUNCIL KEEPS LIBRARY OPEN"


@pytest.mark.parametrize("masthead", ["THE HARBORTOWN COURIER", "The Harbortown Courier"])
def test_a_masthead_over_the_date_of_the_day_is_not_the_headline(masthead):
    """A masthead in capitals over the day's date at the page's top stays ranked after the
    headline; a headline in capitals right over its date, further down, is not."""
    head = (
        f"{masthead}\nFriday, February 8, 2008\nFront Page | Local | Sports | Classifieds\n"
        "BARN FIRE KILLS FORTY HEAD OF CATTLE"
    )
    assert title(head) == "BARN FIRE KILLS FORTY HEAD OF CATTLE"
    head = (
        "Harbortown Courier\nHOME NEWS SPORTS OBITS\nA tree lies across Third Street on Monday.\n"
        "STORM CUTS POWER TO NINE THOUSAND HOMES\nMonday, June 9, 2008"
    )
    assert title(head) == "STORM CUTS POWER TO NINE THOUSAND HOMES"


def test_a_three_word_headline_beats_the_dateline_paragraph():
    assert title("Home\nNews\nLibrary stays open\nMarch 5, 2024\nHARBORTOWN (AP) — ") == (
        "Library stays open"
    )


@pytest.mark.parametrize(
    "shown, expected",
    [
        (
            "“Library stays open after long campaign” | Print",
            "Library stays open after long campaign",
        ),
        (
            "Library stays open after long campaign | Print | Email",
            "Library stays open after long campaign",
        ),
        (
            "SHARE Library stays open after long campaign CLOSE",
            "Library stays open after long campaign",
        ),
        (
            "01/9Ten festivals to visit this summer by the sea",
            "Ten festivals to visit this summer by the sea",
        ),
        ("‘The Voice:’ Finale brings a surprise", "‘The Voice:’ Finale brings a surprise"),
        ("Library stays open | E-mail | Print | Comments (3)", "Library stays open"),
        ("Library stays open | Print | Email this", "Library stays open"),
        ("Library stays open - Print this story", "Library stays open"),
        ("Library stays open [Print]", "Library stays open"),
        ('"Library stays open" | Print |', "Library stays open"),  # a last bar after the tools
        ('"LIBRARY STAYS OPEN" | Print | Email this', "LIBRARY STAYS OPEN"),
        ("1 of 9Library stays open after long campaign", "Library stays open after long campaign"),
        ("Print media is not dead yet", "Print media is not dead yet"),
        ("Why you should save", "Why you should save"),
    ],
)
def test_wrappers_and_quotes_leave_the_headline(shown, expected):
    assert headline_text(shown, [])[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        ">> Council meeting moved to Thursday",
        "› Council meeting moved to Thursday",
        "Tags: library, council, harbortown",
        "HomeNewsSportBusinessWeather",
        "Home | News | Sport | Business",
        "HARBORTOWN (AP) — The council said on Tuesday it would keep the library open.",
        "1. Sea Swift, Dana Whitlock, 42:10",
        "You are here: Home > News > Local News",
        '"We heard them knocking on the roof," said rescue leader Vernon Stiles.',
        "“Is anyone still down there?” she asked the crew.",
    ],
)
def test_lines_that_are_never_the_headline(line):
    assert not_a_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Library stays open after long campaign",
        "HARBOR COUNCIL KEEPS LIBRARY OPEN",
        "10 things to know",
        "‘We heard them knocking’: rescuers reach trapped miners",
        '"Unbothered," says star of new show',
    ],
)
def test_headlines_are_not_ruled_out(line):
    assert not not_a_headline(line)


def test_teasers_and_tags_above_do_not_take_the_headline():
    head = ">> Council meeting moved to Thursday\nTags: library, council\n01/9Ten festivals to visit this summer by the sea\nMarch 5, 2024"
    assert title(head) == "Ten festivals to visit this summer by the sea"


def test_a_sentence_of_the_story_is_not_the_headline():
    head = "Home\nMarch 5, 2024"
    assert title(head, story=STORY.replace("\n", "\n", 1)) not in STORY.splitlines()[1:]


def test_a_sentence_wrapped_onto_the_next_line_is_not_the_headline():
    """A story's first sentence broken over two lines: the line the next one goes on with (in
    lower case) is the story, not a headline, however long the real headline is short."""
    head = (
        "Library stays open\n"
        "The council said on Tuesday it would keep the old library on Harbor Street open for\n"
        "five more years after a long campaign by residents and the library's friends group. "
    )
    assert title(head) == "Library stays open"


def test_a_promo_line_is_not_body():
    text = f"Library stays open after long campaign\n\nClick for the gallery\n\nMarch 5, 2024\n\n{STORY}"
    article = parse_article(text.encode(), "a.txt")
    assert "Click for the gallery" not in article.paragraphs


@pytest.mark.parametrize(
    "above",
    [
        "Whitlock - under pressure.",  # a caption
        "WATCH: Library campaigners celebrate 1:39",  # a video player's title
        "Click for the gallery",  # a promo line
    ],
)
def test_captions_players_and_promos_above_do_not_take_the_headline(above):
    assert title(f"Home\n{above}\nMayor faces library vote\nMarch 5, 2024") == (
        "Mayor faces library vote"
    )


def test_on_a_whole_page_the_headline_is_the_one_over_the_byline_not_the_teasers():
    teasers = (
        "Council to vote on new bus lanes next week\n"
        "School fair raises money for new playground\n"
        "Ferry timetable changes from Monday"
    )
    head = (
        f"Home\nTop stories\n{teasers}\nMayor faces library vote\nBy Dana Whitlock\nMarch 5, 2024"
    )
    assert title(head) == "Mayor faces library vote"


def test_links_run_together_are_navigation_not_the_story_or_its_headline():
    """A region menu whose links carry screen-reader notes ("(opens in a new window)"), glued
    into one long line, started the main run early, so the menu's label took the headline."""
    regions = "".join(
        f"{place} (opens in a new window)"
        for place in ("Africa", "Australia", "Brazil", "Canada", "France", "Germany", "India")
    )
    head = (
        f"Home\nNews\nChange Region\n{regions}\nFacebook (Opens in a new tab)\n"
        "Library stays open for five more years\nBy Dana Whitlock\nMarch 5, 2024"
    )
    assert title(head) == "Library stays open for five more years"
    article = parse_article(f"{head}\n{STORY}".encode(), "001_0123456789abcdef.txt")
    assert not any("new window" in paragraph for paragraph in article.paragraphs)


def test_story_sentences_citing_linked_sources_stay():
    sentence = (
        "The council posted the full plans online, where a link marked opens in a new window "
        "leads readers to the budget, officials said on Tuesday."
    )
    cited = (
        "According to the Treasury report (opens in a new tab) and the council minutes (opens in "
        "a new tab), the mayor defended the budget and said the library would stay open for years."
    )
    for kept in (sentence, cited):
        article = parse_article(f"Library stays open\n{STORY}{kept}\n".encode(), "a.txt")
        assert article.paragraphs[-1] == kept


def test_a_player_title_ends_in_its_running_time_and_a_sentence_naming_a_time_does_not():
    assert ends_with_running_time("WATCH: Library campaigners celebrate 1:39")
    assert ends_with_running_time("Harbour crews at work (2:05)")
    assert not ends_with_running_time(
        "Listen: The council meeting on the budget will be broadcast live from the hall at 10:30"
    )


@pytest.mark.parametrize(
    "question", ["Harbour library rescue approved?", "‘Harbour library rescue approved?’"]
)
def test_a_short_question_headline_wins_over_the_standfirst_below_it(question):
    """A kicker never asks: a question of a few words over a standfirst is the headline, though
    the standfirst alone reads as the better one (the shape of a magazine's news page)."""
    head = f"{question}\nResidents won the vote; the builders start in spring\nby Jane Doe\nMarch 5, 2024\n"
    assert title(head) == question.strip("‘’")


@pytest.mark.parametrize(
    "kicker",
    [
        "Did you know?",
        "What do you think?",
        "Can you help?",
        "Want more stories like this?",
        "Who is to blame?",
        "Is this the end?",
        "Coming up: who wins?",
        "Have you seen this man?",
    ],
)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_question_that_is_mostly_function_words_stays_a_kicker(kicker, gap):
    """A promo or kicker that asks the reader something is no headline over the real one."""
    headline = "Village council rejects plan for 40 homes on eastern edge"
    head = gap.join([kicker, headline, "By Tom Brown", "3 April 2024", ""])
    assert title(head) == headline


def test_a_short_kicker_over_the_headline_stays_the_kicker():
    head = (
        "Local news\nLibrary saved as the council changes its mind after a campaign\nby Jane Doe\n"
    )
    assert title(head) == "Library saved as the council changes its mind after a campaign"


def test_the_headline_over_the_byline_beats_a_video_title_below_it():
    """On a whole page, a player's title and blurb stand between the byline and the story,
    nearer the prose than the headline is: the headline is the line above the byline."""
    head = (
        "Harbour council approves new sea wall\n"
        "The new wall will cost four million and be built in stages over two years\n"
        "Facebook\nTwitter\nComments\nPrint\nEmail\nBy Jane Doe Harbour Post\nclose\nvideo\n"
        "Harbour Post Flash top headlines for March 5\nCheck out what's clicking on the site\n"
    )
    assert title(head) == "Harbour council approves new sea wall"


def test_a_headline_in_capitals_over_its_photo_caption_stays_the_headline():
    """A caption in its own case under a headline in capitals is no headline under a kicker."""
    head = (
        "HARBOR COUNCIL KEEPS LIBRARY OPEN\n"
        "Residents gather outside the library on Harbor Street\n"
        "By JANE DOE, Associated Press Writer\n"
        "March 5, 2008"
    )
    assert title(head) == "HARBOR COUNCIL KEEPS LIBRARY OPEN"


def test_a_list_of_dated_teasers_above_does_not_take_the_headline():
    """Other stories' headlines, each over its date ("Latest news"), stand above the article;
    its headline is the one with the byline right below it."""
    head = (
        "Latest news\n\nFerry fares to rise from Monday\n11 June 2019\n\n"
        "School fair raises money for new playground\n10 June 2019\n\n"
        "Harbor council keeps library open\nBy Jane Doe\n12 June 2019"
    )
    assert title(head) == "Harbor council keeps library open"


@pytest.mark.parametrize(
    "below",
    [
        "estimated reading time: 4 minutes and 30 seconds",
        "tags: library, council, harbour, budget, vote",
        "de Blasio weighs in as residents plead for longer library hours",
        "\nhe council said on Tuesday it would keep the old library open for five more years.",
        "he council said on Tuesday it would keep the old library open for five more years.",
    ],
)
def test_a_lower_case_line_below_the_headline_that_goes_on_with_no_sentence(below):
    """A label, a name's particle or a lost drop cap (after a blank line) opening the line below
    in lower case is no sentence the headline began."""
    assert title(f"Home\nLibrary stays open after a long campaign\n{below}") == (
        "Library stays open after a long campaign"
    )


def test_a_short_headline_under_its_photos_credit_over_its_byline_is_the_headline():
    """A short line beside a credit is a caption's label, but not one right over a byline."""
    head = "Lifestyle\nPhoto by Nell Aster\nSeniors swap recipes at center\nBy Nell Aster\nNov. 20, 2008"
    assert title(head) == "Seniors swap recipes at center"


@pytest.mark.parametrize(
    "headline",
    ["Ten ways to help your kids read more", "5 thoughts on the Bears' loss to the Packers"],
)
def test_headlines_shaped_like_link_text_or_a_comments_header_stay_headlines(headline):
    assert title(f"Opinion\n{headline}\nBy Nell Aster\nMay 4, 2008") == headline


def test_a_headline_in_capitals_over_its_byline_beats_the_masthead_above_it():
    head = "The Harbour Herald - Serving Port Alder since 1889\nFIRE DESTROYS OLD PIER\nBy NELL ASTER\nMay 4, 2008"
    assert title(head) == "FIRE DESTROYS OLD PIER"


def test_a_deck_over_the_byline_stays_below_its_headline():
    head = "Library stays open after long campaign\nThe council changed its mind after a petition\nBy Nell Aster\nMay 4, 2008"
    assert title(head) == "Library stays open after long campaign"


@pytest.mark.parametrize("tools", [[], ["E-mail to a friend"]])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_short_headline_over_its_byline_beats_the_lede_below_them(gap, tools):
    """Three words over the byline and date, a whole sentence under them: the sentence is the
    story's lede, however well it scores as a headline."""
    lede = "Boat races, stalls and music fill the quay at Port Alder from Saturday morning."
    story = (
        "Last year's races were called off after storms damaged the quay, and the town spent"
        " the winter on repairs to the stone steps and the old crane.",
        "Organisers expect about four thousand visitors over the two days, and the ferry company"
        " will run extra sailings from the mainland on both mornings and evenings.",
        "Parking on the quay will be closed from Friday night, and visitors are asked to use the"
        " field behind the school, where a shuttle bus will run every twenty minutes.",
    )
    head = ["Harbour festival returns", "By Nell Aster", "May 4, 2008", *tools]
    text = gap.join([*head, lede, *story])
    article = parse_article(text.encode(), "a.txt")
    assert (article.title, article.paragraphs[0]) == ("Harbour festival returns", lede)


def test_a_headline_ending_in_a_full_stop_stays_under_a_label_over_the_byline():
    """A letter's headline may end with a full stop; under the byline and date it is no lede,
    and the label above them ("Letters to the Editor") stays no headline."""
    headline = "Keep the harbour steps open for swimmers."
    letter = (
        "For forty years the steps below the lighthouse have been where this town learns to swim,"
        " and the board's plan to close them for the summer would end that for a generation.",
        "I urge the board to find the money for the repairs this year instead, and to ask the"
        " swimming club, which has offered volunteers, to help with the work.",
        "My neighbours think I am mad to swim in winter. Some of them have started to join me,"
        " though, and there are now eleven of us who meet by the steps at seven.",
        "We have written to the mayor to ask for the old slipway to be opened instead. He has not"
        " replied yet, but we will keep swimming until the fences go up.",
    )
    text = "\n\n".join(["Letters to the Editor", "By Nell Aster", "May 4, 2008", headline, *letter])
    assert parse_article(text.encode(), "a.txt").title == headline


def test_a_headline_in_capitals_under_a_column_of_links_beats_the_masthead():
    """An old page: its masthead, a menu, a column of section links, then the headline in
    capitals over its dates and byline. The masthead has no byline of its own."""
    column = ["Local News", "State News", "Nation/World", "Sports", "Obituaries", "Weddings"]
    column += ["Opinion", "Classifieds", "Archives", "Local News"]
    menu = "Home | News | Sports | Business | Obituaries | Classifieds | Weather | Contact Us"
    story = (
        "Police are looking for a man who robbed the First Farmers Bank branch on Route 22 on Wednesday afternoon.",
        "The man walked into the bank at about 2:15 p.m., handed a teller a note demanding cash and said he had a gun, police said. No weapon was seen.",
        "He left with an undisclosed amount of money and was last seen running toward the Shady Acres trailer park.",
        "The man is described as white, about 6 feet tall, in his 30s, with a thin build and a goatee. He wore a gray hooded sweatshirt and a Cincinnati baseball cap.",
        "Anyone with information is asked to call the Tri-County Sheriff's Office at 555-0143.",
    )
    text = "\n".join(
        ["Tri-County Courier", menu, *column, "BANK ROBBER SOUGHT", "Posted: Sep 3, 2008 4:51 PM"]
        + ["Updated: Sep 3, 2008 7:20 PM", "By FRANK DELVECCHIO", "Courier Staff Writer"]
        + ["| Print | Email | Comments (3) |", *story, "MORE LOCAL NEWS", "Rain delays harvest"]
    )
    assert parse_article(text.encode(), "a.txt").title == "BANK ROBBER SOUGHT"


@pytest.mark.parametrize(
    "short, headline, title",
    [
        (
            "Politics",
            "PoliticsCouncil votes to close the old bridge",
            "Council votes to close the old bridge",
        ),
        (
            "i",
            "iPhone sales slow as buyers wait for cheaper models",
            None,
        ),  # no kicker of one letter
        ("e", "eBay sellers face new fees from the spring", None),
    ],
)
def test_a_kicker_link_run_into_the_headline_is_cut_off(short, headline, title):
    """Links joined without a space ("PoliticsCouncil votes..."): the kicker, a short line of
    the file itself, is cut from the headline; a letter or two is no kicker."""
    story = "The council said on Tuesday that the decision had been taken after a long debate."
    article = parse_article(f"{short}\n\n{headline}\n\n{story}\n".encode(), "a.txt")
    assert article.title == (title or headline)


@pytest.mark.parametrize(
    "line, title",
    [
        ("# Ferry timetable agreed for the summer", "Ferry timetable agreed for the summer"),
        ("## Ferry timetable agreed for the summer", "Ferry timetable agreed for the summer"),
        ("#MeToo march fills the square again", "#MeToo march fills the square again"),
        ("#MeToo march: # of arrests rises", "#MeToo march: # of arrests rises"),
        ("#1 seed falls to the # 2 seed", "#1 seed falls to the # 2 seed"),
        ("####### Seven marks are no heading", "####### Seven marks are no heading"),
    ],
)
def test_a_markdown_headings_marks_are_not_the_headlines(line, title):
    """A story saved as Markdown (news export -f md, a scraper's Markdown) marks its headline
    "# "; a hashtag opening a headline is a word of it."""
    story = "The council agreed the summer timetable on Tuesday after a long debate, it said."
    assert parse_article(f"{line}\n\n{story}\n".encode(), "a.txt").title == title
