"""The body in the shapes issue #19 names, on made-up pages (``tests/fixtures/parse``):
paragraphs separated by single newlines, short lines inside the story, CJK text, a story that
is a list, and what leaves the body: comments, teasers, promo boxes, first-person biographies."""

from pathlib import Path

import pytest

from newsreader.parse import explain_lines, parse_article
from newsreader.parse.body import (
    _keep_lines_between_paragraphs,
    _keep_paragraphs_without_blank_lines,
    _keep_the_opening_paragraphs,
    _keep_the_paragraphs_that_go_on,
    _reads_as_a_sentence,
    mark_biographies,
)
from newsreader.parse.boxes import drop_lines_between_notices
from newsreader.parse.captions import drop_captions_over_credits
from newsreader.parse.cues import is_citation
from newsreader.parse.layout import read_page
from newsreader.parse.page import (
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    CREDIT,
    DATE,
    OTHER,
    split_lines,
)
from newsreader.parse.quotes import drop_pull_quotes
from newsreader.parse.reasons import Reason
from newsreader.parse.teasers import drop_summary_teasers

FIXTURES = Path(__file__).parent / "fixtures" / "parse"


def parse(name: str):
    return parse_article((FIXTURES / name).read_bytes(), name)


def ending_otherwise(name: str, cut: str, ending: str) -> tuple[str, ...]:
    """The body of fixture ``name`` with everything from ``cut`` on replaced by ``ending``."""
    text = (FIXTURES / name).read_text(encoding="utf-8").split(cut)[0] + ending
    return parse_article(text.encode(), "a.txt").paragraphs


def roles(name: str) -> dict[str, str]:
    return {role.text: role.role for role in explain_lines((FIXTURES / name).read_bytes())}


def test_wire_copy_with_single_newlines_keeps_every_paragraph():
    article = parse("wire_single_newlines.txt")
    assert article.title == "Harbour board votes to rebuild the old pier"
    assert len(article.paragraphs) == 7
    assert article.paragraphs[0].startswith("HARBORTOWN (Example Wire) —")


def test_the_same_story_with_and_without_blank_lines_gives_the_same_body():
    text = (FIXTURES / "wire_single_newlines.txt").read_text(encoding="utf-8")
    spaced = parse_article(text.replace("\n", "\n\n").encode(), "a.txt")
    single = parse_article(text.encode(), "a.txt")
    assert single.paragraphs == spaced.paragraphs


def test_two_long_sentences_in_one_block_are_two_paragraphs():
    lines = split_lines(
        "A short label\n"
        "The harbour board voted on Tuesday to rebuild the old pier before the summer.\n"
        "Fishermen had asked for the work for years, saying the boards were unsafe now.\n"
    )
    assert len({line.block for line in lines}) == 3


SHORT_SENTENCES = (
    "The storm reached the harbour town just after dawn on Tuesday.",
    "Waves broke over the sea wall for nearly three hours.",
    "Fishing boats stayed tied up in the inner basin.",
    "The ferry to the islands was cancelled until Wednesday.",
    "Police closed the coast road near the old lighthouse.",
    "Two cars were swept into a ditch but nobody was hurt.",
    "The council opened the school hall as a shelter.",
    "About forty people spent the night there with blankets.",
    "Power failed in the old quarter well before noon.",
    "Engineers restored it to most homes by the evening.",
    "The mayor said the town had coped better than last winter.",
    "Forecasters expect calmer weather to arrive by the weekend.",
)


@pytest.mark.parametrize("joint", ["\n", "\n\n"])
def test_wire_copy_of_short_sentences_keeps_them_with_or_without_blank_lines(joint):
    text = (
        "Weather\n\nStorm batters harbour town as ferries halt\n\nBy Dana Whitlock\n"
        f"March 5, 2024\n\n{joint.join(SHORT_SENTENCES)}\n\nShare this article\n"
    )
    assert parse_article(text.encode(), "a.txt").paragraphs == SHORT_SENTENCES


def test_five_sentence_lines_in_a_row_are_paragraphs_to_the_body_but_one_block():
    """Five sentence lines of eight words or more in a row are five paragraphs to the body
    classifiers (a story's block); the layout still sees one block; four stay one paragraph, as
    a box of furniture written the same way holds two to four, and so do seven-word lines."""
    lines = list(SHORT_SENTENCES[:5])
    five = split_lines("\n".join(lines))
    four = split_lines("\n".join(lines[:4]))
    shorter = split_lines("\n".join(" ".join(line.split()[:7]) + "." for line in lines))
    assert len({line.paragraph for line in five}) == 5 and len({line.block for line in five}) == 1
    assert len({line.paragraph for line in four}) == 1
    assert len({line.paragraph for line in shorter}) == 1


def test_a_two_line_notice_above_the_headline_is_not_the_headline():
    text = (
        "We use cookies to improve your experience on our site.\n"
        "By continuing to browse you agree to our use of cookies.\n\n"
        "Water board approves pipe replacement plan for old town\n\n"
        "By Dana Whitlock\nNovember 14, 2023\n\n" + "\n\n".join(SHORT_SENTENCES)
    )
    assert parse_article(text.encode(), "a.txt").title == (
        "Water board approves pipe replacement plan for old town"
    )


def test_a_schedule_inside_the_story_is_kept_and_the_promo_and_biography_leave():
    article = parse("schedule.txt")
    assert "June 9 – Springfield @ Arena" in article.paragraphs
    assert "June 20 – Hillview @ Park Stage" in article.paragraphs
    assert "The dates announced so far are:" in article.paragraphs
    assert any(p.startswith("Tickets go on sale") for p in article.paragraphs)
    assert not any(p.startswith("Have a tip?") for p in article.paragraphs)
    assert not any(p.startswith("As a senior reporter") for p in article.paragraphs)


def test_numbered_subheadings_inside_the_story_are_kept():
    article = parse("numbered_subheadings.txt")
    assert article.paragraphs[1:6:2] == ("1. Go early", "2. Bring cash", "3. Stay late")
    assert len(article.paragraphs) == 7


HOW_TO = (
    "Heating oil costs a third more than last winter, and small changes around the house help.",
    "1. Seal the drafts",
    "Gaps around doors and windows let out as much heat as an open window does all day.",
    "2. Turn the thermostat down at night",
    "Lowering it by a few degrees for eight hours a day saves about a tenth of the bill.",
    "3. Bleed the radiators",
    "Air trapped in a radiator stops it from heating fully, and a key lets it out in minutes.",
    "4. Insulate the attic",
    "Most older houses have less than half of the attic insulation that builders now advise.",
    "5. Book a furnace check",
    "A furnace left without a service for years burns far more fuel than it needs to burn.",
)


@pytest.mark.parametrize("joint", ["\n", "\n\n"])
def test_numbered_subheadings_with_or_without_blank_lines_keep_the_story(joint):
    """Paragraphs alternating with subheadings and single newlines between them are one block;
    its five sentence lines or more make each of its lines a paragraph to the body classifiers,
    as blank lines would (read as one list, the story had no body at all)."""
    text = (
        "Money\nFive ways to cut your winter heating bill\nBy Dana Whitlock\n"
        f"November 14, 2023\n{joint.join(HOW_TO)}\n"
    )
    assert parse_article(text.encode(), "a.txt").paragraphs == HOW_TO


LONG_PARAGRAPHS = (
    "Port Alder will spend fourteen million dollars rebuilding the sea wall along Front Street after the winter storms opened cracks in it.",
    "The wall, built in 1931, protects about two hundred homes and the town's only grocery store from flooding at high tide.",
    "Engineers had warned for years that the concrete was failing, but the board had put off the repairs because of the cost.",
    "Board chair Willa Grange said the state would pay about half of the bill from its coastal resilience fund this year.",
    "The rest will come from a bond that voters approved in 2019, along with a small rise in mooring fees for visiting boats.",
)


def sea_wall(lines=LONG_PARAGRAPHS, foot: str = ""):
    """The record of a made-up story of ``lines`` (its paragraphs and what stands between
    them) under a headline, byline and date, with ``foot`` below."""
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    return parse_article("\n\n".join([*head, *lines, foot]).encode(), "a.txt")


@pytest.mark.parametrize(
    "short", ["She declined to comment on the timeline.", '"No," he said.', "Nobody was hurt!"]
)
def test_a_short_sentence_between_two_paragraphs_is_a_paragraph(short):
    """The classifiers, which look for prose, drop a short sentence; between two paragraphs
    of the main run it is the story's, where a heading or a button ends no sentence."""
    lines = [*LONG_PARAGRAPHS[:3], short, *LONG_PARAGRAPHS[3:]]
    assert sea_wall(lines).paragraphs == tuple(lines)


INLINE_LINKS = [
    "Also: I asked three harbour pilots about the new pier, and the one who had worked here"
    " longest was the most worried",
    "READ MORE: Parents of a boy hurt on the pier plead for the driver who hit him to come"
    " forward after the crash",
    "Related: The ferry strike cost the operator five million, and the town is still counting"
    " the hours its staff lost",
]


@pytest.mark.parametrize("link", INLINE_LINKS)
@pytest.mark.parametrize("where", [1, 3, 5])
def test_a_link_to_another_story_set_into_this_one_leaves_the_body(link, where):
    """A link set among the paragraphs, however much it reads like prose, is the page's."""
    lines = [*LONG_PARAGRAPHS[:where], link, *LONG_PARAGRAPHS[where:]]
    assert sea_wall(lines).paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "line",
    [
        "Also: the board will meet again on Tuesday to vote on the mooring fees for visiting boats.",
        # a briefing's prose: lower case after the label, whatever its end
        "Also: the mayor had a message for the fishermen who lost their berths, telling them,"
        " “We hear you, and we will find you a place.”",
        "Also: what happens to the lobster boats that cannot fit in the east basin during the"
        " repairs?",
        "More: the harbour fair is still on for July, and organisers say it will be bigger than ever!",
        "Also: What happens to the lobster boats that cannot fit in the east basin during the six"
        " months of repairs to the old pier?",
        # an interview's answer by a Mr Read: two sentences
        "Read: Three days south of the Cape, when the mast cracked and I had no radio. Who would"
        " you call out there?",
    ],
)
def test_a_paragraph_opening_with_a_label_that_is_no_headline_stays(line):
    """A link is a headline: one sentence opening with a capital, ending in no full stop or
    quote. A paragraph is none, label or not."""
    lines = [*LONG_PARAGRAPHS[:3], line, *LONG_PARAGRAPHS[3:]]
    assert line in sea_wall(lines).paragraphs


ASIDES = [
    "(Here's what to know about how sea walls are built, and why they crack in the cold.)",
    "[CLIP: Waves breaking against the old sea wall at high tide on Front Street]",
    "How the town paid for the last sea wall, and why voters said yes to the bond »",
]


@pytest.mark.parametrize("aside", ASIDES)
def test_a_line_wholly_in_brackets_or_ending_in_a_links_arrow_leaves_the_body(aside):
    """A link in brackets, a transcript's sound cue, a link ending in its arrow: the page's
    asides among the paragraphs, never a paragraph (on dev none of 59 is in a true body)."""
    lines = [*LONG_PARAGRAPHS[:3], aside, *LONG_PARAGRAPHS[3:]]
    assert sea_wall(lines).paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "line",
    [
        "(Example Wire) The board voted to rebuild the wall by a margin of five to two (5-2).",
        # a parenthetical paragraph, an update: the story's
        "(The harbour board did not respond to a request for comment on Tuesday afternoon.)",
        "(Update, 5:40 p.m.: The board said the temporary moorings will be ready on June 1.)",
        # a paragraph ending in a quote's closing guillemet, not a link's arrow
        "Le maire a tenté de rassurer les familles. « Nous trouverons une solution pour chaque"
        " bateau avant la fin du mois »",
        "Die Fischerin hat ihr Boot in den Osthafen verlegt. «Dort ist es eng, aber es geht.»",
    ],
)
def test_a_paragraph_in_or_between_brackets_or_ending_in_a_guillemet_stays(line):
    lines = [*LONG_PARAGRAPHS[:3], line, *LONG_PARAGRAPHS[3:]]
    assert line in sea_wall(lines).paragraphs


CITATIONS = [
    "Harbour Institute. (2023, May 4). Why sea walls crack. Example Science. Retrieved May 9,"
    " 2024 from www.example.org/releases/2023/05/seawall.htm",
    'Harbour Institute. "Why sea walls crack." Example Science. Example Science, 4 May 2023.'
    " <www.example.org/releases/2023/05/seawall.htm>.",
    "More information: Willa Grange et al, Concrete fatigue in tidal walls, Journal of Coastal"
    " Works (2023). DOI: 10.1234/jcw.2023.0042",
]


@pytest.mark.parametrize("citation", CITATIONS)
def test_a_citation_below_the_story_leaves_the_body(citation):
    """A 'Cite this page' or 'Journal reference' box's line is the page's, however much of a
    sentence it holds."""
    lines = [*LONG_PARAGRAPHS, "Cite This Page:", citation]
    assert sea_wall(lines).paragraphs == LONG_PARAGRAPHS


CITED_SENTENCES = [
    "The study (DOI: 10.1234/jcw.2023.0042) found that the walls crack first at the joints.",
    "Divers retrieved the old survey markers on May 3, 2023 from the bottom of the harbour.",
    # a story's sentences ending in a reference they bracket or run into
    "Their paper appeared in Coastal Works in March (doi: 10.1234/jcw.2023.0042).",
    "The study found that salt does most of the damage: https://doi.org/10.1234/jcw.2023.0042",
    "The full survey, with photographs of every column, is online at <https://www.example.gov/x>.",
    "The authority's page still lists the pier as open to anglers every day (accessed May 1, 2024).",
    "Divers said the last of the fallen concrete was retrieved on March 3, 2024, from Eastport.",
    "The state lists every wall on its site, www.example.gov/walls.html (accessed May 1, 2024).",
    "The full data set is free to download. <www.example.org/walls>.",
]


def test_a_sentence_that_mentions_a_doi_or_retrieving_stays():
    """(The line ending in a bare link is left out: the classifiers drop it, citation or not.)"""
    sentences = [line for line in CITED_SENTENCES if "https://doi" not in line]
    lines = [*LONG_PARAGRAPHS[:3], *sentences, *LONG_PARAGRAPHS[3:]]
    assert sea_wall(lines).paragraphs == tuple(lines)


@pytest.mark.parametrize(
    "line, cited", [(line, True) for line in CITATIONS] + [(s, False) for s in CITED_SENTENCES]
)
def test_a_citation_ends_in_its_doi_retrieval_date_or_bracketed_link(line, cited):
    """What the body's last pass asks of a line the classifiers kept (held out by site they
    keep such boxes' lines): a citation ends in its reference, a sentence goes on after it."""
    assert is_citation(line) is cited


RESULTS = tuple(
    f"{place}. {name} (Harbortown) 3{place}:0{place}"
    for place, name in enumerate(["Dana Whitlock", "Jo Park", "Ana Lopes", "Tam Reyes"], 1)
)
LEAD_IN = "More than four hundred runners finished the harbour race on Sunday. Top finishers:"


def test_a_list_story_keeps_the_line_leading_into_it():
    text = "Sport\nHarbour race results\nJune 2, 2019\n\n" + LEAD_IN + "\n" + "\n".join(RESULTS)
    assert parse_article(text.encode(), "a.txt").paragraphs == (LEAD_IN, *RESULTS)


def test_a_page_where_no_line_reads_as_the_story_keeps_its_prose_and_list():
    """The classifiers reject a short results story between an intro and a closing line whole
    (the closing line's prose keeps the list-story rule out); no body at all is never the
    answer: the prose, lead-ins and list items down to the main run's end are."""
    closing = "Full results are posted on the race website, the organisers said on Sunday."
    text = (
        "Sport\nHarbour race results\nJune 2, 2019\n\n"
        + LEAD_IN
        + "\n"
        + "\n".join(RESULTS)
        + f"\n\n{closing}\n"
    )
    assert parse_article(text.encode(), "a.txt").paragraphs == (LEAD_IN, *RESULTS, closing)


def test_a_short_event_blurb_is_not_all_furniture():
    article = parse("event_blurb.txt")
    assert len(article.paragraphs) == 1 and article.words == 36


def test_a_results_table_on_a_page_without_prose_is_the_story():
    article = parse("results_table.txt")
    assert article.title == "Harbour regatta results"
    assert article.section == "Sport"
    assert len(article.paragraphs) == 6 and article.paragraphs[0].startswith("1. Sea Swift")


def test_japanese_text_counts_words_by_characters():
    article = parse("japanese.txt")
    assert len(article.paragraphs) == 3
    assert article.words > 100  # three paragraphs of about forty characters each
    assert article.language == "ja"
    assert article.published == "2024-03-05"


def test_readers_comments_leave_the_body():
    article = parse("comments.txt")
    assert len(article.paragraphs) == 3
    assert not any("falling apart" in p or "benches" in p for p in article.paragraphs)
    assert roles("comments.txt")["Reply"] == "boilerplate"


@pytest.mark.parametrize(
    "bio",
    [
        "As a senior analyst, I report on energy markets and the companies that shape them.",
        "I write about schools, colleges and the people who run them.",
        "I'm a coastal reporter for the Town Post, where I write about storms and harbours.",
    ],
)
def test_a_first_person_biography_at_the_end_leaves_the_body(bio):
    story = (FIXTURES / "wire_single_newlines.txt").read_text(encoding="utf-8")
    article = parse_article(f"{story}\n{bio}\n".encode(), "a.txt")
    assert bio not in article.paragraphs
    assert len(article.paragraphs) == 7


def test_teasers_below_the_story_leave_the_body_and_give_no_headline():
    """Other stories' headlines, each over its blurb cut with an ellipsis, in a run."""
    article = parse("teasers.txt")
    assert article.title == "Library to stay open on Sundays after petition"
    assert len(article.paragraphs) == 3 and article.paragraphs[-1].startswith("The head librarian")
    assert roles("teasers.txt")["Bus lanes vote delayed again"] == "boilerplate"


UNCUT_TEASERS = [
    "Harbour wall repairs to start in May",
    "The work will close the east quay to cars for six weeks.",
    "Lifeboat crew rescues two walkers. Both were unhurt.",
    "The pair were cut off by the tide below the cliffs near the point.",
]
LAST_TEASER = [
    "Museum plans a new wing for its maps",
    "The trustees say the collection has outgrown the first floor and that the plans will go…",
]


def test_a_teaser_box_takes_the_uncut_pairs_between_its_cut_ones():
    """A box's pairs whose blurb is whole sit between those cut with an ellipsis: short lines
    between a run of teasers and a teaser pair a few lines on are the box's too."""
    text = (FIXTURES / "teasers.txt").read_text(encoding="utf-8").rstrip("\n")
    page = "\n\n".join([text, *UNCUT_TEASERS, *LAST_TEASER])
    reasons = {line.text: line.reason for line in read_page(page).lines}
    assert all(reasons[text] is Reason.TEASER for text in UNCUT_TEASERS + LAST_TEASER)
    article = parse_article(page.encode(), "a.txt")
    assert len(article.paragraphs) == 3 and article.paragraphs[-1].startswith("The head librarian")


def test_lines_far_from_a_teaser_run_or_long_are_not_bridged():
    """More lines than a box's two pairs, or a paragraph of the story's length, between a run
    and a lone teaser pair: those lines are not taken for the box's."""
    text = (FIXTURES / "teasers.txt").read_text(encoding="utf-8").rstrip("\n")
    far = UNCUT_TEASERS + ["A fifth short line of the page."]
    long = UNCUT_TEASERS[:1] + [" ".join(["The harbour master said the repairs would last."] * 6)]
    for between in (far, long):
        page = "\n\n".join([text, *between, *LAST_TEASER])
        reasons = {line.text: line.reason for line in read_page(page).lines}
        assert not any(reasons[text] is Reason.TEASER for text in between)


BOX = [
    "Trending",
    "Ferry timetable changes from Monday",
    "Crossings to the islands will run every forty minutes instead of every hour, the operator…",
    "School fair raises money for playground",
    "Parents and pupils raised more than four thousand pounds at the spring fair, which the head…",
]


def test_a_paywalled_headline_below_a_teaser_box_stays_the_headline():
    """A box, then the story's kicker, headline and lede cut for the paywall: the headline over
    its cut lede looks like one more teaser, but the kicker between is no teaser pair."""
    page = [
        *BOX,
        "Local News",
        "Council approves new harbour wall after decade of storm damage",
        "Councillors voted on Tuesday to build a new harbour wall after ten winters of storms had…",
        "By Dana Whitlock, March 5, 2024",
        "Subscribe to keep reading",
    ]
    article = parse_article("\n\n".join(page).encode(), "a.txt")
    assert article.title == "Council approves new harbour wall after decade of storm damage"


@pytest.mark.parametrize("above", [True, False])
def test_the_storys_subheading_and_paragraphs_near_a_box_are_not_the_boxs(above):
    """A subheading over short paragraphs between a teaser box and a related link (a cut
    teaser pair) inside the story, the link above the box or below it: the story's."""
    opening = [
        "Harbour wall plans go out to consultation",
        "The council has published its plans for a new harbour wall and asked residents for their"
        " views before a final vote in the summer, when the cost will also be settled.",
        "The plans follow ten winters of storm damage to the old wall, which engineers say cannot"
        " be repaired for much longer without closing the quay to traffic for good.",
    ]
    own = [
        "Residents divided over the plans",
        "Some residents welcomed the wall and said the quay had waited long enough.",
        "Others said the new wall would block the view of the bay from the promenade.",
    ]
    link = LAST_TEASER
    middle = [*BOX[1:], *own, *link] if not above else [*link, *own, *BOX[1:]]
    closing = [
        "The consultation runs until the end of April, and the plans can be read at the library"
        " and on the council's website, where comments can also be left by residents."
    ]
    article = parse_article("\n\n".join([*opening, *middle, *closing]).encode(), "a.txt")
    assert all(paragraph in article.paragraphs for paragraph in own[1:])


RECENT_COMMENTS = [
    "harbourwatch on Ferry fares to rise in spring: “About time they fixed the timetable before"
    " raising the price of a…” Dec 20, 16:03",
    "Jo Marsh on Library to stay open on Sundays: “Good news for the students who have nowhere"
    " else to go at the weekend…” Dec 20, 15:41",
    "quaywalker on Ferry fares to rise in spring: “Well said” Dec 20, 14:02",
]


def test_a_blogs_recent_comments_are_no_story():
    """Readers' comments on other stories (name, "on", headline, the comment, its time) in a
    run are a box of the page, however long their sentences."""
    text = (FIXTURES / "teasers.txt").read_text(encoding="utf-8").split("Read next")[0]
    with_comments = f"{text}Recent comments\n\n" + "\n\n".join(RECENT_COMMENTS)
    marked = [line for line in read_page(with_comments).lines if line.text in RECENT_COMMENTS]
    assert len(marked) == 3
    assert all(line.role is BOILERPLATE and line.reason is Reason.TEASER for line in marked)
    story = parse_article(text.encode(), "a.txt").paragraphs
    assert parse_article(with_comments.encode(), "a.txt").paragraphs == story


@pytest.mark.parametrize(
    "quotes",
    [
        [RECENT_COMMENTS[0]],  # one alone: a story's line may look so
        [  # a story's quotes end at their closing quote, or their speaker follows
            "He said on Monday morning: “We will not raise the fares before the spring.”",
            "Mayor Lee on Tuesday night: “We will rebuild the quay,” she said, “all of it.”",
        ],
        [  # quotes from social media or on a topic name no other story's headline
            "She wrote on Facebook: “Tom, if you see this, please just call one of us…” 9:14",
            "Her mother on Instagram: “We love you and we just want you home…” 9:20",
            "Hart on the comeback: “We never stopped believing in each other.” 21:40",
        ],
        [  # three words before "on": a sentence, not a reader's name
            "The harbour master said on Monday: “The fares were cut short by the…” at 9 a.m.",
            "The ferry company added on Tuesday: “We hear the readers and the…” at 10 a.m.",
        ],
    ],
)
def test_lines_that_only_look_like_recent_comments_stay(quotes):
    page = read_page("\n\n".join(SHORT_PARAGRAPHS + quotes))
    assert all(line.reason is not Reason.TEASER for line in page.lines)


DOUBLED = [
    "Ten Years Ago: The Quay Fair Draws Its Biggest Crowd",
    "Ferry Company Names a New Captain for the Winter Run",
    "Library Reading Room Reopens After the Long Repairs",
]


def test_a_grid_of_headlines_each_given_twice_is_no_story():
    """A box of other stories whose pictures and links both give the headline."""
    text = (FIXTURES / "teasers.txt").read_text(encoding="utf-8").split("Read next")[0]
    grid = "\n\n".join(line for line in DOUBLED for _ in range(2))
    page = read_page(f"{text}More from the town\n\n{grid}\n")
    assert [line.reason for line in page.lines if line.text in DOUBLED] == [Reason.TEASER] * 6


@pytest.mark.parametrize(
    "repeated",
    [
        ["Air Force", "Air Force", "James Madison", "James Madison"],  # a table's names
        [DOUBLED[0], DOUBLED[0], "The quay was full by noon.", DOUBLED[1]],  # only one twice
        [  # a chorus the story quotes: two lines, each sung twice
            "Turn the wheel and turn the wheel again",
            "Turn the wheel and turn the wheel again",
            "Down in the loom room where the light comes in",
            "Down in the loom room where the light comes in",
        ],
    ],
)
def test_lines_given_twice_that_are_no_grid_of_headlines_stay(repeated):
    page = read_page("\n\n".join(SHORT_PARAGRAPHS + repeated))
    assert all(line.reason is not Reason.TEASER for line in page.lines)


def test_one_paragraph_trailing_off_is_no_teaser():
    text = (FIXTURES / "teasers.txt").read_text(encoding="utf-8").split("Read next")[0]
    trailing = (
        text
        + "A closing line\n\nAnd the librarian, asked about the old reading room, only said that...\n"
    )
    assert parse_article(trailing.encode(), "a.txt").paragraphs[-1].startswith("And the librarian")


def test_the_body_thresholds_decide_what_the_classifiers_admit():
    """On a long page, no line passes infinite thresholds and every line passes minus infinite
    ones; the text dump's stricter thresholds admit no line the marked page's would not."""
    from newsreader.parse.body import MARKED, TEXT, Thresholds
    from newsreader.parse.layout import mark_head_and_body, read_page
    from newsreader.parse.reasons import Reason
    from newsreader.parse.title import find_title

    story = [
        f"The harbour board met for the {n}th time this year on Tuesday, and members said the"
        f" pier repairs would take {n} more weeks than the engineers had first estimated."
        for n in range(4, 16)
    ]
    furniture = ["Weather", "Sport", "Letters to the editor", "Puzzles", "Obituaries"] * 3
    text = "\n\n".join(
        ["Harbour board delays the pier repairs again", "By Dana Whitlock", "March 5, 2024"]
        + story
        + furniture
    )

    def body_lines(thresholds):
        page = read_page(text)
        mark_head_and_body(page, find_title(page), thresholds)
        # what the classifiers judged, and the story kept when they admit nothing
        judged = [
            line
            for line in page.lines
            if line.reason in (Reason.ARTICLE_TEXT, Reason.PAGE_FURNITURE, Reason.RUN_OF_EMPTY_BODY)
        ]
        assert len(judged) >= 20
        admitted = {line.number for line in judged if line.reason is Reason.ARTICLE_TEXT}
        return admitted, len(judged)

    assert body_lines(Thresholds(float("inf"), float("inf")))[0] == set()
    admitted, judged = body_lines(Thresholds(-1e9, -1e9))
    assert len(admitted) == judged
    assert body_lines(TEXT)[0] <= body_lines(MARKED)[0]


#: A made-up wire story of short paragraphs, one sentence each.
SHORT_PARAGRAPHS = [
    "The ferry service to the northern islands was cancelled on Monday because of high winds.",
    "Operators said the crossing would resume once the gale had passed.",
    "About two hundred passengers were stranded at the harbour overnight.",
    "The council opened the town hall to those without somewhere to stay.",
    "Volunteers handed out blankets and hot soup until late in the evening.",
    "A spokesperson for the operator apologised for the disruption.",
    "Forecasters expect the wind to ease by Wednesday afternoon.",
    "Fishing boats remained in port for a second day running.",
    "Schools on the largest island closed early as a precaution.",
    "Power lines came down in two villages, leaving homes without heat.",
    "Engineers worked through the night to restore the supply.",
    "The coastguard reported no serious injuries during the storm.",
    "One lorry driver said he had waited eleven hours to board.",
    "Local shops ran short of bread and milk by Tuesday morning.",
    "The operator will add extra sailings at the weekend.",
    "Tickets for cancelled crossings will be refunded in full.",
    "Islanders have long called for a second vessel on the route.",
    "The transport minister is due to visit the harbour next month.",
    "A review of the timetable is expected later this year.",
    "Residents were urged to check the operator's website before travelling.",
    "Further updates will be posted as the weather changes.",
    "The last similar closure lasted four days in the winter of 2019.",
]
SHORT_HEAD = ["Storm strands ferry passengers on the islands", "By Ola Brenner", "March 5, 2024"]


def test_a_story_of_short_paragraphs_keeps_them_all_however_many():
    """With nothing below the headline but the story, every paragraph stays, 18 or 22 of them:
    no count of lines makes the bar jump (a switch at 20 lines kept 19 of 19 but 18 of 20)."""
    stories = ["\n\n".join(SHORT_HEAD + SHORT_PARAGRAPHS[:n]) for n in range(18, 23)]
    kept = [len(parse_article(story.encode(), "a.txt").paragraphs) for story in stories]
    assert kept == list(range(18, 23))


def test_the_bar_in_the_run_rises_with_the_lines_around_it():
    """The run's prose needs the marked page's bar with nothing around the run, the text's
    once a few lines stand outside it, and never less as more do; on a short file, less."""
    from newsreader.parse.body import MARKED, TEXT, _in_run_bar, body_candidates
    from newsreader.parse.layout import read_page

    menu = ["Weather", "Sport", "Letters to the editor", "Puzzles", "Obituaries"]

    def bar(around: int, paragraphs: int = len(SHORT_PARAGRAPHS)) -> float:
        page = read_page("\n\n".join(SHORT_PARAGRAPHS[:paragraphs] + menu[:around]))
        return _in_run_bar(page, body_candidates(page, 0), TEXT.in_run)

    bars = [bar(around) for around in range(len(menu) + 1)]
    assert bars[0] == MARKED.in_run and bars[-1] == TEXT.in_run and bars == sorted(bars)
    assert MARKED.in_run < bars[1] < TEXT.in_run  # one line of 23 around the run: between
    assert bar(len(menu), paragraphs=8) == MARKED.in_run  # a short file's run is its story


def test_a_run_that_swallowed_teasers_and_comments_keeps_the_texts_bar():
    """A story whose main run runs on through a teaser box and a comment thread (all of them
    prose lines, blank lines between) is no run with nothing around it: its headings count."""
    from newsreader.parse.body import TEXT, _in_run_bar, body_candidates
    from newsreader.parse.layout import read_page

    tail = [
        "More from the region",
        "Police appeal for witnesses after a break-in at the town museum.",
        "New bus timetable will cut services to outlying villages in spring.",
        "42 comments",
        "This is the third storm this winter and nobody has fixed the sea wall yet.",
        "The ferry company should have warned people earlier, frankly it is a disgrace.",
    ]
    page = read_page("\n\n".join(SHORT_PARAGRAPHS + tail))
    assert _in_run_bar(page, body_candidates(page, 0), TEXT.in_run) == TEXT.in_run


def test_teasers_with_one_sentence_summaries_leave_the_body():
    """Three or more headline-and-summary pairs in a row are other stories, even when their
    summaries end like sentences instead of trailing off."""
    article = parse("summary_teasers.txt")
    assert article.title == "Harbour fair returns to the quay this weekend"
    assert len(article.paragraphs) == 4 and article.paragraphs[-1].startswith("Stallholders")
    assert roles("summary_teasers.txt")["Bus lanes vote delayed for a third time"] == "boilerplate"


def test_two_subheadings_over_short_paragraphs_stay_in_the_body():
    paragraphs = ending_otherwise(
        "summary_teasers.txt",
        "More from the town",
        "What to bring\n\nVisitors should bring cash, as few of the stalls take cards.\n\n"
        "Getting there\n\nExtra buses will run from the station every ten minutes all day.\n",
    )
    assert paragraphs[-1].startswith("Extra buses") and paragraphs[-2].startswith("Visitors")


def test_subheadings_over_one_sentence_paragraphs_with_the_story_going_on_stay():
    """An explainer's sections (a subheading over one sentence, four times) are no teasers:
    the story goes on below them."""
    places = ("Mill Road", "Park Lane", "Station Road", "Quay Street")
    said = " will lose twenty parking spaces to make room for a two-way protected cycle lane."
    paragraphs = ending_otherwise(
        "summary_teasers.txt",
        "More from the town",
        "".join(f"What changes on {place}\n\n{place}{said}\n\n" for place in places)
        + "The council will consult residents for six weeks before the final vote, it said on"
        " Tuesday, and the work could start in the autumn.\n\nShopkeepers on the High Street"
        " said they feared losing trade while the lanes are built over the summer months.\n",
    )
    assert all(place + said in paragraphs for place in places)
    assert paragraphs[-1].startswith("Shopkeepers")


@pytest.mark.parametrize(
    "pitch",
    [
        "Want the day's headlines in your inbox? Sign up for our free newsletter.",
        "Stay informed. Get the Town Post daily newsletter in your inbox every morning.",
        "Get the day's top stories delivered to your inbox every weekday.",
        "You've read 3 of 5 free articles this month.",  # a paywall's meter
        "Was this page helpful?",
        "The family-owned shop on Maple Avenue has outlasted two rivals. Read more »",  # a teaser
    ],
)
def test_a_newsletter_pitch_inside_the_story_leaves_the_body(pitch):
    story = (FIXTURES / "wire_single_newlines.txt").read_text(encoding="utf-8").splitlines()
    text = "\n".join(story[:8] + [pitch] + story[8:])
    article = parse_article(text.encode(), "a.txt")
    assert pitch not in article.paragraphs
    assert len(article.paragraphs) == 7


PACKING = (
    "The county parks department has reopened the ridge trail after a year of repairs, and rangers expect a busy first weekend.",
    "The trail climbs about two thousand feet and has no water after the first mile, so rangers ask every hiker to carry:",
    "- At least three litres of water",
    "- A map or a downloaded trail app",
    "- Sunscreen and a hat",
    "- A light jacket for the summit",
)
PACKING_STORY = (
    "Rangers say most of the rescues on the trail last summer involved hikers who ran out of water or started far too late in the day.",
    '"Start before eight in the morning and turn around by one in the afternoon, wherever you are," said ranger Owen Tate.',
    "Dogs are allowed on leashes. The car park at the trailhead holds about sixty cars and usually fills up by nine on weekends.",
)


def test_the_opening_paragraphs_and_their_list_above_the_story_are_kept():
    """The classifiers dropped an intro whose list pulled its score down; long paragraphs just
    above the first body line, and the list between them and it, open the story."""
    text = "\n".join(
        ["Outdoors", "What to pack for the ridge trail hike", "By Carla Mendel", "August 2, 2022"]
        + list(PACKING + PACKING_STORY)
    )
    assert parse_article(text.encode(), "a.txt").paragraphs[:8] == PACKING + PACKING_STORY[:2]


def test_comments_under_said_headers_leave_the_body():
    """A thread of "handle said:" headers, each over its comment and a posted time."""
    thread = (
        "Reader comments\n\nbeachcomber22 said:\n\nFourteen million for a wall? They could have "
        "fixed it for a fraction of that ten years ago if anyone had listened.\n\nPosted May 4, "
        "2008 at 10:12 a.m.\n\nMarge in Alder said:\n\nMy house is two blocks from the harbour "
        "and we flooded twice last winter, so I am glad they are finally doing it.\n\nPosted May "
        "4, 2008 at 11:40 a.m.\n\nPost a comment\n"
    )
    assert sea_wall(foot=thread).paragraphs == LONG_PARAGRAPHS


def test_one_said_header_is_a_story_leading_into_a_quote():
    quote = '"We will rebuild the wall before the winter storms come back," the statement read.'
    lines = [*LONG_PARAGRAPHS[:3], "In a statement, the board said:", quote, *LONG_PARAGRAPHS[3:]]
    assert quote in sea_wall(lines).paragraphs


@pytest.mark.parametrize(
    "notice",
    [
        "We're a nonprofit newsroom. If you value our reporting, please consider making a donation today.",
        "This article is reserved for subscribers.",
        "Cet article est réservé aux abonnés. Il vous reste 80% à découvrir.",
        "The news that matters to the harbour, in your inbox every morning.",
        "All content © 2008 Town Courier. All rights reserved.",
        "E-mail this story | Print this story | Comments (23)",
        "Filed under: Harbour, Council | 17 Comments »",
        "Support local journalism. Subscribe today for just 99¢.",
        "Pin this for later!",
        "Suscríbete a mi boletín y recibe cada mes trucos para tu huerto.",
        "Read the original article on Harbour Life.",
        "Use of and/or registration on any portion of this site constitutes acceptance of our User "
        "Agreement (updated 1/1/2024), Privacy Policy and Cookie Statement, and your privacy choices "
        "and rights, which apply to every visitor of the Town Courier website and its apps.",
    ],
)
def test_appeals_paywalls_pitches_copyrights_and_tools_after_the_story_leave(notice):
    assert sea_wall(foot=notice).paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "paragraph",
    [
        "The judge rejected the company's argument that mere use of the website constitutes "
        "acceptance of its terms, and said the harbour board had never seen them.",
        "Continued use of this site constitutes acceptance of any change, the board's new terms "
        "say, a clause the harbour users' group called unfair at Tuesday's meeting.",
        "Use of the slipway constitutes acceptance of the risk, the sign by the sea wall said, "
        "though the council admitted on Monday that nobody had read it in years.",
    ],
)
def test_a_story_about_terms_and_acceptance_keeps_it(paragraph):
    """A site's terms leave as a notice only as its footer says them of this site, opening the
    line or a sentence; a story quoting or weighing such terms keeps them."""
    lines = [*LONG_PARAGRAPHS[:2], paragraph, *LONG_PARAGRAPHS[2:]]
    assert paragraph in sea_wall(lines).paragraphs


def test_comments_under_says_headers_with_their_times_leave_the_body():
    thread = (
        "17 Responses\nmike_r says: October 16, 2008 at 3:40 pm\nFlat keys again? Why do they "
        "keep doing this to a phone that is otherwise this good?\nJenna says: October 16, 2008 at "
        "4:02 pm\nTwo hundred dollars is not bad if the battery holds up for a whole day.\n"
        "Leave a Reply\n"
    )
    article = sea_wall(foot=thread)
    assert article.paragraphs == LONG_PARAGRAPHS
    assert article.published == "2008-05-04"


INTERVIEW = (
    "Tam Reyes has been making pottery in a converted dairy barn outside Harbortown for thirty years, and his bowls sell out within days.",
    "How did you start making pots?",
    "By accident. I was studying engineering and a friend dragged me to an evening class one winter, and I never went back to engineering.",
    "Why a wood-fired kiln?",
    "Because easy is not the point. When I fire with wood, the ash lands on the pots and melts into a glaze that nobody can plan.",
    "How long does a firing take?",
    "Four days of stoking, day and night, then a week of cooling before we can open the door and see what the fire decided.",
    "What do you hope people feel when they hold one of your bowls?",
    "I hope they want to use it. A bowl in a cabinet is a sad thing, so put soup in it and use it every day of the week.",
)


def test_an_interview_keeps_its_questions_and_answers_without_blank_lines():
    """Questions between the answers, single newlines between all: the opening's walk up from
    the first body line passes short sentences below a long paragraph."""
    text = "\n".join(
        [
            "Makers",
            "The kiln decides: a conversation with a potter",
            "Grace Liang",
            "October 2, 2019",
        ]
        + list(INTERVIEW)
    )
    assert parse_article(text.encode(), "a.txt").paragraphs == INTERVIEW


@pytest.mark.parametrize(
    "line, kept",
    [
        ("Read more.", False),
        ("Getty Images.", False),
        ('Watch: "We listened to the harbour."', False),
        ("Residents who want updates can sign up for the city newsletter, the mayor said.", True),
    ],
)
def test_short_lines_between_paragraphs_that_are_no_sentence_or_no_furniture(line, kept):
    lines = [*LONG_PARAGRAPHS[:3], line, *LONG_PARAGRAPHS[3:]]
    assert (line in sea_wall(lines).paragraphs) is kept


def test_a_first_person_lede_is_no_biography():
    lede = (
        "I'm a photographer and a writer, and for ten years I have followed the fires that "
        "come down the valley every summer."
    )
    assert sea_wall([lede, *LONG_PARAGRAPHS]).paragraphs[0] == lede


def test_an_empty_body_keeps_a_storys_words_not_a_one_line_apology():
    """When the classifiers admit no line, the fallback keeps the prose down to the run's end
    if it holds a story's words (30 or more), and leaves a player's one-line apology out."""
    from newsreader.parse.body import _keep_the_run_of_an_empty_body, body_candidates
    from newsreader.parse.layout import read_page
    from newsreader.parse.page import BODY, BOILERPLATE
    from newsreader.parse.reasons import Reason

    furniture = ["Share", "More videos", "Weather", "Sport", "Puzzles", "Obituaries", "Contact us"]
    apology = "Sorry, this video is not available in your region. Please try again later."

    def body(lines):
        page = read_page("\n\n".join(["Harbour fireworks light up the bay", "May 4, 2021", *lines]))
        candidates = body_candidates(page, 1)
        for i in candidates:  # as the classifiers left them: nothing admitted
            page.lines[i].role, page.lines[i].reason = BOILERPLATE, Reason.PAGE_FURNITURE
        _keep_the_run_of_an_empty_body(page, candidates)
        return [line.text for line in page.lines if line.role is BODY]

    assert body([apology, *furniture]) == []
    assert body([*LONG_PARAGRAPHS[:2], *furniture]) == list(LONG_PARAGRAPHS[:2])


def test_a_sentence_broken_over_two_lines_keeps_its_first_half():
    """Hard-wrapped wire copy breaks sentences over lines: the half the next body line goes on
    with (in lower case) reads as no prose alone, and stays in the body with it."""
    story = "\n".join(
        [
            "Ridgeville fire spreads",
            "By Tina Rollins, Example Wire",
            "RIDGEVILLE (Example Wire) -- A fast-moving wildfire forced hundreds of people from",
            "their homes in the foothills east of Ridgeville on Saturday, state fire officials said.",
            "The fire had burned about 3,200 acres by late afternoon and was 5 percent contained, officials said.",
            "At least four homes and several outbuildings were destroyed, and no injuries were reported.",
            "Deputies went door to door in the canyon areas, and an evacuation center opened at the high school.",
            "The cause of the fire was under investigation on Saturday night, a spokeswoman for the county said.",
            "Stay up to date",
            "",
        ]
    )
    article = parse_article(story.encode(), "a.txt")
    assert article.title == "Ridgeville fire spreads"
    assert article.paragraphs[0].endswith("forced hundreds of people from")
    assert article.paragraphs[1].startswith("their homes in the foothills")
    assert "Stay up to date" not in article.paragraphs


LAST_LINES = (
    "Nobody was hurt in the storm.",
    "Work on the new wall starts in June, the board said.",
)
FOOT = (
    "Most read\n\nFerry fares to rise in spring\n\nSchool fair raises money\n\nAbout us | Contact"
)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_the_storys_short_last_paragraphs_stay_above_the_pages_foot(gap):
    """Short whole sentences right below the body's last paragraph end the story, with or
    without blank lines between; the page's foot below them stays out."""
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    text = gap.join([*head, *LONG_PARAGRAPHS, *LAST_LINES, FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs == (*LONG_PARAGRAPHS, *LAST_LINES)


@pytest.mark.parametrize(
    "sign_off",
    [
        "Jo Park contributed to this report.",
        "Cross-posted from the Harbour Times.",
        "I'm Nell Aster, thanks for reading.",
    ],
)
def test_a_sign_off_below_the_story_is_not_its_last_paragraph(sign_off):
    assert sea_wall(foot=sign_off + "\n\n" + FOOT).paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "items",
    [
        ("Sweet corn: $6 a dozen", "Tomatoes: $3.50 a pound", "Honey: $12 a jar"),
        ("Saturday 13 July: Dunmore Town (home)", "Tuesday 16 July: Port Alder United (away)"),
    ],
)
def test_label_and_value_lines_between_paragraphs_are_the_storys_list(items):
    """Price lines and a schedule without bullets share a short label's colon: a list."""
    lines = [*LONG_PARAGRAPHS[:3], *items, *LONG_PARAGRAPHS[3:]]
    assert sea_wall(lines).paragraphs == tuple(lines)


def test_items_without_bullets_under_a_lead_in_are_the_storys_list():
    """Short lines under a lead-in's colon are its list, bullets or none; rows with figures
    under one are a table's, which the story's text leaves out."""
    items = ("Three litres of water", "A paper map", "Sunscreen and a hat")
    lead_in = "Rangers ask every hiker who sets out on the ridge trail this summer to carry:"
    lines = [*LONG_PARAGRAPHS[:3], lead_in, *items, *LONG_PARAGRAPHS[3:]]
    assert sea_wall(lines).paragraphs == tuple(lines)
    table = ("Alder 127 13", "Brent 115 14", "Colby 118 20")
    lines = [*LONG_PARAGRAPHS[:3], lead_in, *table, *LONG_PARAGRAPHS[3:]]
    assert not set(table) & set(sea_wall(lines).paragraphs)


#: A numbered story whose last two items the classifiers dropped below the second.
FESTIVALS = "Travel\n01/9Ten festivals worth the drive this summer\nBy Keri Lamont\nMay 30, 2019\nFrom a blues weekend in a barn to a kite contest on the dunes, these are the festivals our readers say are worth a tank of gas.\n1. Fenwick Blues Barn\nThe three-day festival on the Orla family farm brings in about twenty bands and sells out every year. Bring a folding chair and cash for the food trucks.\n2. Dune Kite Days\nHundreds of kites fill the sky over Marram Beach on the second weekend of July. Workshops for children run every morning.\n3. Pell Valley Cheese Fair\nMore than sixty makers set up tables in the valley's old creamery, with tastings from 10 a.m. to 4 p.m.\n4. Lantern Night at Crane Lake\nVisitors float paper lanterns on the lake at dusk, after a parade of boats from the marina. The event is free, but parking fills up by 6 p.m.\n"


def test_the_next_numbered_items_below_a_numbered_story_are_kept():
    paragraphs = parse_article(FESTIVALS.encode(), "a.txt").paragraphs
    assert [p for p in paragraphs if p[:1].isdigit()] == [
        "1. Fenwick Blues Barn",
        "2. Dune Kite Days",
        "3. Pell Valley Cheese Fair",
        "4. Lantern Night at Crane Lake",
    ]
    assert paragraphs[-1].startswith("Visitors float paper lanterns")


def test_rows_opening_with_a_year_are_no_numbered_list():
    """A table's rows open with years ("2016 $25,000 ..."), which number no items."""
    rows = (
        "Year Gold Silver Bronze",
        "2016 $25,000 $15,000 $10,000",
        "2021 $37,500 $22,500 $15,000",
    )
    lines = [*LONG_PARAGRAPHS[:3], *rows, *LONG_PARAGRAPHS[3:]]
    assert not set(rows[1:]) & set(sea_wall(lines).paragraphs)


@pytest.mark.parametrize("figure", ["¹", "²³", "٣"])
def test_a_line_opening_with_a_figure_of_any_script_parses(figure):
    """Superscripts are digits but no decimal number (the fuzzer found "¹" crashing the list
    test); Arabic-Indic digits are one. Either way a line opening with one parses."""
    for text in (
        f"\x01\n{figure}\t\x01",
        f"Harbour news\n\n{LONG_PARAGRAPHS[0]}\n{figure}. Item\n",
    ):
        assert parse_article(text.encode(), "a.txt").paragraphs is not None


def test_links_to_related_stories_with_their_dates_leave_and_a_dated_sentence_stays():
    """Older pages list related stories under the article, each with its date in brackets;
    a line of the story may end in a date too, and alone it stays."""
    links = [
        "Library board weighs repair bill (Feb. 2)",
        "Harbour wall plan goes to vote (Jan. 30)",
    ]
    assert not set(links) & set(sea_wall(foot="\n\n".join(links)).paragraphs)
    dated = "Early voting opens at the town hall on Tuesday (April 2)"
    lines = [*LONG_PARAGRAPHS[:3], dated, *LONG_PARAGRAPHS[3:]]
    assert dated in sea_wall(lines).paragraphs


@pytest.mark.parametrize(
    "between",
    [
        ("Trending: Ferry fares rise", "Popular: School fair raises money"),
        (
            "More coverage of the harbour from our newsroom:",
            "Ferry fares to rise in spring",
            "School fair raises money for playground",
        ),
    ],
)
def test_labelled_furniture_and_related_stories_between_paragraphs_leave(between):
    """A trending box and a lead-in to other stories are no list of the story's."""
    lines = [*LONG_PARAGRAPHS[:3], *between, *LONG_PARAGRAPHS[3:]]
    assert not set(between) & set(sea_wall(lines).paragraphs)


def test_at_most_two_sentences_below_the_body_end_the_story():
    """Whole sentences right below the body are its end only two at a time; a third and more
    are a box of the page's (a pitch runs on)."""
    pitch = [
        "Nobody was hurt in the storm.",
        "Work on the new wall starts in June, the board said.",
        "Local news matters to all of us.",
        "Help us keep it free for everyone.",
    ]
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    text = "\n".join([*head, *LONG_PARAGRAPHS, *pitch, FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs == (*LONG_PARAGRAPHS, *pitch[:2])


def test_a_pull_quote_and_a_repeated_paragraph_leave_the_body():
    """A line of the story set again as a pull quote (without its opening words, in quotes)
    leaves, the paragraph it comes from stays; of a paragraph printed twice, the first stays."""
    article = parse("pull_quote.txt")
    quote = '"It\'s a movement that has as much to do with changing minds as fixing gadgets."'
    assert quote not in article.paragraphs
    assert any(p.startswith("To Lena Okafor, who runs") for p in article.paragraphs)
    ledger = [
        line.role
        for line in explain_lines((FIXTURES / "pull_quote.txt").read_bytes())
        if line.text.startswith("The volunteers keep a ledger")
    ]
    assert ledger == ["body", "boilerplate"]
    assert len(article.paragraphs) == 6
    assert roles("pull_quote.txt")[quote] == "boilerplate"


def kept_by_the_pull_quote_pass(text: str) -> list[str]:
    """The lines of ``text``, all taken as body, that :func:`drop_pull_quotes` leaves."""
    lines = split_lines(text)
    for line in lines:
        line.role = BODY
    drop_pull_quotes(lines)
    return [line.text for line in lines if line.role is BODY]


@pytest.mark.parametrize(
    "repeated",
    [
        "Previous ranking: No. 2",  # a short row a list or table repeats
        "Step two: the best tools for a first repair at home",  # a heading: no sentence's end
        "'I was told the repair would take a week or more'",  # a quote as a subheading
    ],
)
def test_a_repeated_heading_or_row_stays(repeated):
    story = (FIXTURES / "pull_quote.txt").read_text(encoding="utf-8").split("\n")[4:]
    text = "\n".join([story[0], repeated, *story[1:], repeated])
    assert kept_by_the_pull_quote_pass(text).count(repeated) == 2


def test_a_standfirst_the_opening_paragraph_repeats_stays():
    """The body's first line, repeated in the paragraph below it, is the story's standfirst."""
    text = (FIXTURES / "pull_quote.txt").read_text(encoding="utf-8")
    standfirst = "Volunteers fix toasters, lamps and radios for free in the library's back room."
    text = text.replace("March 5, 2024\n", f"March 5, 2024\n{standfirst}\n")
    text = text.replace("Every second Saturday,", f"{standfirst} Every second Saturday,")
    assert parse_article(text.encode(), "a.txt").paragraphs[0] == standfirst


def test_a_list_the_story_goes_on_past_is_kept_with_its_lead_in():
    """Tour dates under a lead-in's colon below the last paragraph the classifiers kept, with a
    sentence of the story below them: lead-in, dates and sentence are the story's end."""
    paragraphs = parse("list_before_the_end.txt").paragraphs
    assert paragraphs[3] == "Tickets go on sale Friday. Dates so far:"
    assert paragraphs[4:8] == (
        "June 9 – Lakeport @ Harbor Hall",
        "June 11 – Greenvale @ The Foundry",
        "June 14 – Millbrook @ Riverside Hall",
        "Aug. 17 – Harbortown @ Quay Hall",
    )
    assert paragraphs[-1].startswith("The choir said more dates would be added")


@pytest.mark.parametrize(
    "lead_in",
    [
        "Tickets go on sale Friday.",  # no lead-in: a box below the story
        "Earlier coverage of the choir and its season:",  # a lead-in to other stories
    ],
)
def test_a_list_below_the_story_without_its_lead_in_stays_out(lead_in):
    text = (FIXTURES / "list_before_the_end.txt").read_text(encoding="utf-8")
    text = text.replace("Tickets go on sale Friday. Dates so far:", lead_in)
    paragraphs = parse_article(text.encode(), "a.txt").paragraphs
    assert not any("@" in paragraph for paragraph in paragraphs)


def test_a_feedback_question_below_the_story_is_not_its_end():
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    text = "\n".join([*head, *LONG_PARAGRAPHS, "Was this page helpful?", "Yes", "No", FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs == LONG_PARAGRAPHS


def test_a_results_story_keeps_its_table_and_closing_line():
    """An intro leading into a table with its colon, the table (rows and the headings between
    them) and a closing sentence: the classifiers keep no line of it, and all of it is the
    story; the links below are not."""
    paragraphs = parse("results_story.txt").paragraphs
    assert paragraphs[0].startswith("Retired teacher Ada Okafor won")
    assert paragraphs[1:8] == (
        "Town council",
        "Ada Okafor: 2,114",
        "Tom Berg: 1,870",
        "Lena Voss: 611",
        "Library levy",
        "Yes: 2,905",
        "No: 1,690",
    )
    assert paragraphs[-1] == "The county will certify the results later this month."


def test_a_results_table_ends_at_its_last_row():
    """A link below the rows ("Full results") is no row: the table ends at the last figure."""
    text = (FIXTURES / "results_story.txt").read_text(encoding="utf-8")
    text = text.replace("The county will certify the results later this month.\n", "Full results\n")
    paragraphs = parse_article(text.encode(), "a.txt").paragraphs
    assert paragraphs[-1] == "No: 1,690"


def test_sentences_between_two_paragraphs_of_a_german_wire_story_are_kept():
    """German's capitalised nouns make its prose read less like prose to the classifiers: whole
    sentences in a row between two paragraphs of the story are its own paragraphs."""
    article = parse("german_wire.txt")
    assert len(article.paragraphs) == 5
    assert article.paragraphs[2].startswith("Die Strecke zwischen Wendheim und Altenhagen")


def test_comments_with_their_times_on_lines_of_their_own_leave_the_body():
    thread = (
        '12 thoughts on "Port Alder to rebuild sea wall"\nfarmer_joe says:\nMay 4, 2008 at 6:12 pm\n'
        "Try getting a boat through there once the wall is up. Good luck with that.\n"
        "Linda R. said:\nMay 4, 2008 at 7:30 pm\nWe have one in Harwood and it works great once "
        "people get used to it.\nLeave a Reply\n"
    )
    assert sea_wall(foot=thread).paragraphs == LONG_PARAGRAPHS


def test_a_lead_in_and_the_first_item_the_classifiers_dropped_join_the_list_they_passed():
    """'Here is what we found:' and 'Sweet corn: $6 a dozen' dropped, the next prices kept: the
    lead-in and the first item go on with the list below them."""
    lines = split_lines(
        "\n".join(
            [
                LONG_PARAGRAPHS[0],
                "Here is what we found at three stands on Thursday:",
                "Sweet corn: $6 a dozen",
                "Green beans: $3 a pound",
                "Tomatoes: $4 a pound",
                LONG_PARAGRAPHS[1],
            ]
        )
    )
    for number, line in enumerate(lines):
        dropped = number in (1, 2)
        line.role = BOILERPLATE if dropped else BODY
        line.reason = Reason.PAGE_FURNITURE if dropped else Reason.ARTICLE_TEXT
    _keep_lines_between_paragraphs(lines, (0, len(lines) - 1))
    assert all(line.role is BODY for line in lines)


@pytest.mark.parametrize(
    "below, kept",
    [
        # a picture set into the story below the sentence: the story goes on past it
        ("Boats wait out the storm in the harbour on Friday. AFP via Getty Images", True),
        ("(Jo Park / The Harbour Times)", False),  # a credit right below: the line is its caption
        ("Advertisement", False),  # a site's sign-off stands over an ad's marker
    ],
)
def test_a_sentence_over_a_picture_set_into_the_story_is_between_paragraphs(below, kept):
    sentence = "Workers said they had been told to wait for the ferry company to decide."
    lines = split_lines("\n".join([LONG_PARAGRAPHS[0], sentence, below, LONG_PARAGRAPHS[1]]))
    marked = (
        (BOILERPLATE, Reason.NAVIGATION)
        if below == "Advertisement"
        else (CAPTION, Reason.ENDS_WITH_CREDIT)
    )
    roles = [
        (BODY, Reason.ARTICLE_TEXT),
        (BOILERPLATE, Reason.PAGE_FURNITURE),
        marked,
        (BODY, Reason.ARTICLE_TEXT),
    ]
    for line, (role, reason) in zip(lines, roles):
        line.role, line.reason = role, reason
    _keep_lines_between_paragraphs(lines, (0, len(lines) - 1))
    assert (lines[1].role is BODY) is kept


@pytest.mark.parametrize(
    "line, sentence",
    [
        ("도서관은 매주 월요일을 제외하고 오전 9시부터 오후 6시까지 운영한다.", True),  # no case
        ("She declined to comment.", True),
        ("Getty Images.", False),  # a credit: no word in lower case
        ("Watch: the council votes.", False),  # a label
    ],
)
def test_a_whole_sentence_in_a_script_with_or_without_case(line, sentence):
    assert _reads_as_a_sentence(line) is sentence


@pytest.mark.parametrize("button", ["Click here to enlarge", "Enlarge this image", "+ Enlarge"])
def test_the_line_below_an_enlarge_button_is_a_caption(button):
    caption = "Shanties line the ice on the lake last month."
    head = [
        "Port Alder to rebuild sea wall | Print | Email",
        button,
        caption,
        "By Nell Aster",
        "May 4, 2008",
    ]
    text = "\n".join([*head, *LONG_PARAGRAPHS])
    article = parse_article(text.encode(), "a.txt")
    assert article.paragraphs == LONG_PARAGRAPHS
    assert article.title == "Port Alder to rebuild sea wall"


def test_a_short_step_repeated_and_a_closing_callback_stay():
    """A recipe may repeat a step word for word, and a story may end on a sentence of its
    opening: neither is a pull quote."""
    step = "Cover the bowl with a damp towel and leave it somewhere warm."
    callback = "We will always be a harbour town, no matter what happens to the wall."
    lines = [
        LONG_PARAGRAPHS[0] + " " + callback,
        step,
        *LONG_PARAGRAPHS[1:3],
        step,
        *LONG_PARAGRAPHS[3:],
        callback,
    ]
    assert kept_by_the_pull_quote_pass("\n".join(lines)) == lines


@pytest.mark.parametrize(
    "sentence",
    [
        "You have read 20 stories this year about children left in hot cars, and each ends the same way.",
        "Scam texts delivered to your inbox often promise a free car seat check.",
    ],
)
def test_story_sentences_shaped_like_a_meter_or_a_pitch_stay(sentence):
    lines = [*LONG_PARAGRAPHS[:2], sentence, *LONG_PARAGRAPHS[2:]]
    assert sentence in sea_wall(lines).paragraphs


def test_a_teaser_box_below_the_story_is_not_its_list():
    foot = (
        "Here is what else is happening around Harlow County today:\nCouncil approves new budget "
        "for parks\nSchools delay opening after snow\nMillbrook bakery wins state fair prize\n"
        "A new bakery on Main Street took home the top prize at the state fair this year."
    )
    text = "\n".join(
        ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008", *LONG_PARAGRAPHS, foot]
    )
    assert parse_article(text.encode(), "a.txt").paragraphs == LONG_PARAGRAPHS


def test_a_results_table_ends_before_the_footer_links():
    text = (FIXTURES / "results_story.txt").read_text(encoding="utf-8")
    text = text.replace(
        "The county will certify the results later this month.\n",
        "Contact the newsroom\nAdvertise with us\nCall us at 555-0142\n24 Mill Street, Millbrook\n",
    )
    paragraphs = parse_article(text.encode(), "a.txt").paragraphs
    assert paragraphs[-1] == "No: 1,690"


TEASER_PAIRS = [
    (
        "County fair attendance tops 80,000 for first time",
        "Organizers credited cooler weather and a new Thursday night concert series.",
    ),
    (
        "Library to waive late fees for children's books",
        "Trustees said fines kept some families from borrowing at all.",
    ),
    (
        "Storm knocks out power to 12,000 customers",
        "Crews expect most service to be restored by Sunday evening.",
    ),
]


@pytest.mark.parametrize(
    "heading, below",
    [
        ("You may also like", ["16 June 2008", "15 June 2008", "14 June 2008"]),
        ("More from the magazine", ["Mara Quell", "Tobias Wren", "Mara Quell"]),
    ],
)
def test_dated_or_signed_teasers_below_the_story_leave_it(heading, below):
    """A headline, its one-sentence summary and its date or its writer's name, twice or more
    below the story, without blank lines; the summaries are other stories'."""
    cards = [
        line for (head, summary), last in zip(TEASER_PAIRS, below) for line in (head, summary, last)
    ]
    text = "\n".join(
        [
            "Port Alder to rebuild sea wall",
            "By Nell Aster",
            "May 4, 2008",
            *LONG_PARAGRAPHS,
            heading,
            *cards,
        ]
    )
    article = parse_article(text.encode(), "a.txt")
    assert article.paragraphs == LONG_PARAGRAPHS
    assert article.published == "2008-05-04"
    assert article.authors == ("Nell Aster",)


RIVER = [
    "Hot new shooter hits ten million players in just fifteen days",
    "By Amy West22 December 2023",
    "Post-credits scenes explained: how many are there and what do they mean for the series?",
    "By Hal Crane22 December 2023",
    "The ferry strike cost the operator five million and thousands of hours of staff time",
    "By Ona Pike22 December 2023",
]


def _judged(text: str, body: set[str], anchors: set[str], role=BYLINE):
    """The lines of ``text`` with the roles a held-out classifier might give them."""
    lines = split_lines(text)
    for line in lines:
        if line.text in anchors:
            line.role = role
        elif line.text in body:
            line.role, line.reason = BODY, Reason.ARTICLE_TEXT
        else:
            line.role, line.reason = BOILERPLATE, Reason.PAGE_FURNITURE
    return lines


def test_a_river_of_teaser_cards_below_the_story_leaves_it():
    """Other stories' cards (a headline, then its byline and date) three times or more below
    the story: a headline the classifiers took leaves the body."""
    lines = _judged(
        "\n\n".join([*LONG_PARAGRAPHS, "Latest news", *RIVER]),
        {*LONG_PARAGRAPHS, RIVER[2]},
        set(RIVER[1::2]),
    )
    drop_summary_teasers(lines)
    assert tuple(line.text for line in lines if line.role is BODY) == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "story, role",
    [
        ([*RIVER, *LONG_PARAGRAPHS], BYLINE),  # the cards above the story: it goes on below
        ([*LONG_PARAGRAPHS, *RIVER], DATE),  # a timeline: a date over each event, no bylines
    ],
)
def test_cards_with_the_story_below_or_without_bylines_stay(story, role):
    lines = _judged("\n\n".join(story), {*LONG_PARAGRAPHS, RIVER[2]}, set(RIVER[1::2]), role)
    drop_summary_teasers(lines)
    assert RIVER[2] in [line.text for line in lines if line.role is BODY]


LETTERS = [
    (
        "Pier closure is a blow to the fleet",
        "The authority gave the fishermen one week of notice before closing the pier where most"
        " of us have unloaded for forty years. Nobody has told us where to go.",
    ),
    (
        "Why was the survey kept quiet?",
        "The survey that found the cracks was finished in the winter, so why did the authority"
        " wait until the season had started to tell anyone?",
    ),
    (
        "Thank you to the lifeboat crew",
        "My family would like to thank the volunteer crew who came out in the storm last week to"
        " bring my son and his friend back to shore safe and well.",
    ),
]


@pytest.mark.parametrize(
    "signatures, role",
    [
        (["Tom Reyes, Harbortown", "Ana Lopes, Eastport", "Jo Marsh, Harbortown"], BYLINE),
        (["Tom Reyes May 1, 2024"] * 3, BYLINE),  # one day: a page's letters or a live blog's
        (["May 2, 2024, 7:02 p.m.", "May 2, 2024, 7:10 p.m.", "May 2, 2024, 7:31 p.m."], DATE),
    ],
)
def test_signed_letters_briefs_and_live_entries_ending_the_story_stay(signatures, role):
    """Headings over short texts each signed below (a name and town, one day's dated
    bylines, a live blog's times) are the story's; only dated bylines of other days sign
    teasers, and a date line signs none with a question or a long text."""
    letters = [
        ("Will the vote pass tonight?" if role is DATE and k == 0 else head, text, signature)
        for k, ((head, text), signature) in enumerate(zip(LETTERS, signatures))
    ]
    texts = {text for _, text, _ in letters}
    lines = _judged(
        "\n\n".join([*LONG_PARAGRAPHS[:2], *(line for card in letters for line in card)]),
        {*LONG_PARAGRAPHS[:2], *texts},
        set(signatures),
        role,
    )
    drop_summary_teasers(lines)
    assert texts <= {line.text for line in lines if line.role is BODY}


EVENTS = [
    "Carols at the harbour",
    "Dec. 12, 2023",
    "The town choir sings on the quay from six; bring a lantern and a warm coat.",
    "Lantern parade",
    "Dec. 16, 2023",
    "Children carry paper lanterns from the library to the lighthouse at dusk.",
]


def test_a_listing_of_events_that_ends_the_story_stays():
    """A title, its date, then its text: a listing of events a story ends with, not teasers."""
    texts = set(EVENTS[2::3])
    lines = _judged(
        "\n\n".join([*LONG_PARAGRAPHS, "What is on this month:", *EVENTS]),
        {*LONG_PARAGRAPHS, *texts},
        set(EVENTS[1::3]),
        DATE,
    )
    drop_summary_teasers(lines)
    assert texts <= {line.text for line in lines if line.role is BODY}


def test_answers_signed_below_their_paragraphs_are_no_cards():
    """ "We asked three economists": each answer a paragraph over its "By …" line, at one
    spacing, at the story's end; no headline stands over the bylines."""
    answers = [
        "Rates will come down by the spring, but more slowly than the markets now expect.",
        "By Helen Marsh, chief economist at Northbank",
        "The harbour towns will feel the change last, as their lenders price in the storms.",
        "By Omar Reyes, lecturer at the coastal college",
        "Expect two cuts this year at most, and none before the summer is out.",
        "By Ines Vale, fund manager at Quayside Capital",
    ]
    lines = _judged(
        "\n\n".join([*LONG_PARAGRAPHS, *answers]),
        {*LONG_PARAGRAPHS, *answers[::2]},
        set(answers[1::2]),
    )
    drop_summary_teasers(lines)
    assert [line.text for line in lines if line.role is BODY][-1] == answers[-2]


COMMENTS_BELOW = (
    "3 COMMENTS\n\n"
    "harbourwatch December 21, 2023 at 1:24 pm\n\n"
    "About time the council listened to the people who actually use the library every week.\n\n"
    "Log in to leave a comment\n\n"
    "Mary Ann Doyle 22 December 2023 at 9:32 am\n\n"
    "My children learned to read in that building, and I am glad they will not be the last.\n\n"
    "Log in to leave a comment\n"
)


def test_comments_under_a_name_and_a_time_to_the_minute_leave_the_body():
    """A blog's comments: each under its writer's name and when ("suz December 21, 2023 at
    1:24 pm"), two or more below the story."""
    text = "\n\n".join(["Port Alder to rebuild sea wall", "By Nell Aster", *LONG_PARAGRAPHS])
    article = parse_article(f"{text}\n\n{COMMENTS_BELOW}".encode(), "a.txt")
    assert article.paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize("writer", ["Updated", "Nell Aster", "Friday,"])
def test_a_live_blogs_entries_under_their_times_to_the_minute_stay(writer):
    """A writer's name, or a label, and a time to the minute over each entry, no comments'
    heading between the entries and the lede: a live blog's, not a thread of comments."""
    story = [*LONG_PARAGRAPHS, *SHORT_PARAGRAPHS[:4]]
    entries = [
        line
        for k, paragraph in enumerate(story)
        for line in (f"{writer} December 21, 2023 at {k + 1}:10 am", paragraph)
    ]
    text = "\n\n".join(["Port Alder to rebuild sea wall", "By Nell Aster", *entries])
    assert list(parse_article(text.encode(), "a.txt").paragraphs) == story


AUTHOR_CARD = [
    "Nell Aster Senior Writer / Coast",
    "Nell covers the harbour, the ferries and the towns along the coast for the paper.",
    "Once rowed from Port Alder to the islands and back in a single day, for a bet.",
    "See full bio",
]


def test_an_authors_card_over_its_full_bio_button_is_no_story():
    """The card's lines between its name and "See full bio", a fun fact among them, leave the
    body the classifiers gave them."""
    lines = _judged(
        "\n\n".join([*AUTHOR_CARD, *LONG_PARAGRAPHS]),
        {*AUTHOR_CARD[1:3], *LONG_PARAGRAPHS},
        {AUTHOR_CARD[0]},
    )
    mark_biographies(lines, [], 0)
    assert tuple(line.text for line in lines if line.role is BODY) == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "above",
    [
        [],  # no name line
        ["By Nell Aster"],  # the story's byline, its paragraphs between it and the button
    ],
)
def test_a_full_bio_button_without_a_cards_name_above_takes_nothing(above):
    story = [*LONG_PARAGRAPHS[:2], "City Hall reporter", "See full bio"]
    lines = _judged("\n\n".join([*above, *story]), set(LONG_PARAGRAPHS), set(above))
    mark_biographies(lines, [], 0)
    assert tuple(line.text for line in lines if line.role is BODY) == LONG_PARAGRAPHS[:2]


PLEA = [
    "Help keep news free for everyone by giving us as little as $1. Your gift goes a long way.",
    "Our harbour desk invests time and care in every story, from the council to the quay.",
    "We cannot do this without your help. Support our newsroom with as little as $1 a month.",
    "Support the harbour desk today: every gift, however small, keeps the paper free to read.",
]


def test_a_lede_between_an_editors_note_and_a_sign_up_plug_stays():
    """Two notices alone around a story's line are no box: the lede stays."""
    note = "Editor's note: This story has been updated with the council's vote."
    lines = split_lines("\n\n".join([note, LONG_PARAGRAPHS[0], PLEA[0], *LONG_PARAGRAPHS[1:]]))
    for line in lines:
        notice = line.text in (note, PLEA[0])
        line.role = BOILERPLATE if notice else BODY
        line.reason = Reason.NOTICE if notice else Reason.ARTICLE_TEXT
    drop_lines_between_notices(lines)
    assert tuple(line.text for line in lines if line.role is BODY) == LONG_PARAGRAPHS


@pytest.mark.parametrize("between", [1, 2])
def test_a_line_between_two_notices_of_a_box_is_theirs(between):
    """One body line right between two of a box's notices is the plea's; two are the story's."""
    middle = [PLEA[1], LONG_PARAGRAPHS[0]][:between]
    text = "\n\n".join([*LONG_PARAGRAPHS[1:], PLEA[0], *middle, PLEA[2], PLEA[3]])
    lines = split_lines(text)
    for line in lines:
        notice = line.text in (PLEA[0], PLEA[2], PLEA[3])
        line.role = BOILERPLATE if notice else BODY
        line.reason = Reason.NOTICE if notice else Reason.ARTICLE_TEXT
    drop_lines_between_notices(lines)
    kept = [line.text for line in lines if line.role is BODY]
    assert kept == [*LONG_PARAGRAPHS[1:], *middle][: len(kept)]
    assert (PLEA[1] in kept) == (between == 2)


CLOSING_LIST = (
    "What boat owners should know before the work begins:",
    "Moorings on the north quay will move to the ferry basin until June.",
    "The slipway stays open on weekends only.",
    "Permits already paid for this season will be extended by two months.",
)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_story_that_ends_on_a_list_of_sentences_keeps_it(gap):
    """A lead-in's colon below the last paragraph, then items that are each a whole sentence,
    then the page's foot: the story ends on its list, lead-in and items."""
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    text = gap.join([*head, *LONG_PARAGRAPHS, *CLOSING_LIST, "NEWSLETTER", FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs == (*LONG_PARAGRAPHS, *CLOSING_LIST)


def test_a_list_of_links_below_the_story_is_no_list_it_ends_on():
    """The same sentences under a lead-in to other stories are teasers, not the story's."""
    lead_in = "More coverage of the harbour and its boats:"
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    text = "\n".join([*head, *LONG_PARAGRAPHS, lead_in, *CLOSING_LIST[1:], "NEWSLETTER", FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "marker", ["[ad]", "- Advertisement -", "Story continues below advertisement"]
)
def test_the_story_goes_on_below_an_ad(marker):
    """An ad's marker below the paragraphs the classifiers kept is no end of the story: the
    whole sentences below it are still the story's, and the marker is not."""
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    after = (
        "Work on the first section is due to start in April, weather allowing.",
        "Residents can see the plans at the town hall.",
    )
    text = "\n".join([*head, *LONG_PARAGRAPHS[:3], marker, *after, "On the Net:", FOOT])
    paragraphs = parse_article(text.encode(), "a.txt").paragraphs
    assert paragraphs == (*LONG_PARAGRAPHS[:3], *after)


@pytest.mark.parametrize("field", [[], ["Enter your email"]])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_newsletters_pitch_over_its_sign_up_button_leaves(field, gap):
    """A sentence between a newsletter box's heading and its button is the box's pitch."""
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    pitch = "Our best stories, hand-picked by editors, every Saturday morning."
    box = ["Get our weekend reads", pitch, *field]
    text = gap.join([*head, *LONG_PARAGRAPHS, *box, "Sign Up", FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs == LONG_PARAGRAPHS


def test_the_storys_last_paragraph_over_a_subscribe_button_stays():
    """Over the button, right below the story's paragraphs, is the story's own last line."""
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    last = "The council meets again on Tuesday."
    text = "\n".join([*head, *LONG_PARAGRAPHS, last, "Subscribe Now", FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs == (*LONG_PARAGRAPHS, last)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_caption_over_its_pictures_credit_between_paragraphs_leaves(gap):
    """A picture between two paragraphs: its short caption over its credit is no paragraph,
    and the headline over the lead picture's credit stays the headline."""
    head = [
        "Port Alder to rebuild sea wall",
        "Photo: Ana Ruiz/Harbor Weekly",
        "By Nell Aster",
        "May 4, 2008",
    ]
    picture = [
        "Waves break over the old wall on Front Street in January.",
        "Ana Ruiz/Harbor Weekly",
    ]
    text = gap.join([*head, *LONG_PARAGRAPHS[:2], *picture, *LONG_PARAGRAPHS[2:], FOOT])
    article = parse_article(text.encode(), "a.txt")
    assert article.title == head[0]
    assert article.paragraphs == LONG_PARAGRAPHS


def test_the_storys_last_line_over_a_credit_stays():
    """Over a credit with no paragraph below it, a short line is the story's last: the picture
    closes the story."""
    last = "The council meets again on Tuesday."
    text = "\n".join(
        ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008", *LONG_PARAGRAPHS, last]
        + ["Ana Ruiz/Harbor Weekly", FOOT]
    )
    assert parse_article(text.encode(), "a.txt").paragraphs[-1] == last


@pytest.mark.parametrize(
    ("line", "below", "role"),
    [
        ("Waves break over the old wall on Front Street in January.", LONG_PARAGRAPHS[1], CAPTION),
        ("Willa Grange & Tom Berg", LONG_PARAGRAPHS[1], BODY),  # a listicle's heading
        ("Willa Grange said the town could not wait another winter.", LONG_PARAGRAPHS[1], BODY),
        # the credit over its caption: the line over the credit is the story's
        ("The board voted five to two on Tuesday.", "Waves break over the old wall.", BODY),
    ],
)
def test_only_a_sentence_over_a_credit_between_paragraphs_is_its_caption(line, below, role):
    """A short sentence over a credit, a paragraph right below it, is the picture's caption;
    not a listicle's heading, a quote's paragraph (who said it), or a line over a credit that
    has its caption below it."""
    lines = split_lines("\n\n".join([LONG_PARAGRAPHS[0], line, "Credit: Ana Ruiz/AP", below]))
    for each, given in zip(lines, (BODY, BODY, CREDIT, BODY)):
        each.role = given
    drop_captions_over_credits(lines)
    assert lines[1].role is role


def test_an_embedded_posts_text_over_its_signature_leaves():
    """A post embedded in the story, its text over its signature: neither is the story's."""
    post = "Please check your smoke alarms today. It takes ten seconds and it saves lives."
    signature = "— Harbour Fire (@HarbourFire) February 2, 2020"
    text = "\n\n".join(
        ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008", *LONG_PARAGRAPHS[:3]]
        + [post, signature, *LONG_PARAGRAPHS[3:], FOOT]
    )
    assert parse_article(text.encode(), "a.txt").paragraphs == LONG_PARAGRAPHS


@pytest.mark.parametrize(
    "head",
    [
        ["Harbour festival returns", "By Nell Aster", "May 4, 2008"],
        ["Harbour festival returns", "May 4, 2008", "By Nell Aster"],
        ["Harbour festival returns", "By Nell Aster", "May 4, 2008", "E-mail to a friend"],
    ],
)
def test_a_short_lede_under_the_date_byline_or_tools_opens_the_story(head):
    """A one-sentence lede right above the paragraphs the classifiers kept, under the date,
    the byline or a line of tools, is the story's first paragraph, without blank lines too."""
    lede = "Boat races, stalls and music fill the quay at Port Alder from Saturday morning."
    text = "\n".join([*head, lede, *LONG_PARAGRAPHS[:3], FOOT])
    assert parse_article(text.encode(), "a.txt").paragraphs[0] == lede


def test_a_subheading_below_a_pictures_caption_and_credit_stays():
    """A picture set between two of the story's sections (its caption, its credit), then the
    next numbered subheading: the story goes on below the picture as it does above it."""
    sections = [
        ("1. Harbour steps", "The old stone steps down to the water were rebuilt last winter."),
        ("2. Lighthouse path", "A gravel path now runs from the car park to the lighthouse door."),
        ("3. Ferry quay", "Benches and a shelter stand where the ferry waits for the tide."),
    ]
    picture = ["The lighthouse path at dawn, seen from the quay. Photo: Ana Ruiz", "Ana Ruiz/AP"]
    text = "\n\n".join(
        ["Three walks around Port Alder", "By Nell Aster", "May 4, 2008", *LONG_PARAGRAPHS[:3]]
        + [*sections[0], *sections[1], *picture, *sections[2], *LONG_PARAGRAPHS[3:], FOOT]
    )
    paragraphs = parse_article(text.encode(), "a.txt").paragraphs
    assert "3. Ferry quay" in paragraphs and not any("dawn" in p for p in paragraphs)


OPENING = (
    "The harbour board voted on Tuesday to rebuild the old ferry quay at Port Alder, ending"
    " two years of argument over whether the crumbling stone pier could be saved at all.",
    "Work will start in the spring and should take about eighteen months, the board said,"
    " with the ferry moving to a temporary landing stage at the fish market meanwhile.",
)


@pytest.mark.parametrize(
    "inset",
    [
        ["Related: Ferry fares to rise in spring"],
        ["— Quay Campaign (@QuayCampaign) May 3, 2008"],  # an embedded post's signature
        ["Advertisement"],
    ],
)
def test_the_storys_opening_goes_on_past_what_is_set_into_it(inset):
    """Opening paragraphs the classifiers dropped above the body's first kept line stay the
    story's though a related link, an embedded post or an ad stands between them; the inset
    does not."""
    head = ["Ferry quay to be rebuilt", "By Nell Aster", "May 4, 2008"]
    page = read_page("\n".join([*head, OPENING[0], *inset, OPENING[1], *LONG_PARAGRAPHS]))
    for line in page.lines[3:]:  # what the cues left, the classifiers dropped
        if line.role is OTHER:
            line.role, line.reason = BOILERPLATE, Reason.PAGE_FURNITURE
    for line in page.lines[-len(LONG_PARAGRAPHS) :]:
        line.role, line.reason = BODY, Reason.ARTICLE_TEXT
    page.run = (3, len(page.lines) - 1)
    _keep_the_opening_paragraphs(page, 3)
    assert [line.text for line in page.lines if line.role is BODY] == [*OPENING, *LONG_PARAGRAPHS]


@pytest.mark.parametrize(("gap", "kept"), [("\n", True), ("\n\n", False)])
def test_a_long_sentence_between_paragraphs_without_blank_lines_is_one(gap, kept):
    """In a text without blank lines, a whole sentence of 20 words or more the classifiers
    dropped between the body's first and last lines is a paragraph; with blank lines, the
    classifiers saw its shape and are left alone. A caption over its credit is none."""
    caption = "Waves break over the old wall on Front Street in January, as they have done every winter for years."
    page = read_page(gap.join([*LONG_PARAGRAPHS[:3], caption, "Ana Ruiz/AP", *LONG_PARAGRAPHS[3:]]))
    for line in page.lines:
        if line.role is OTHER:
            line.role, line.reason = BODY, Reason.ARTICLE_TEXT
    dropped = [page.lines[1], page.lines[3]]  # a paragraph, and the caption
    for line in dropped:
        line.role, line.reason = BOILERPLATE, Reason.PAGE_FURNITURE
    _keep_paragraphs_without_blank_lines(page)
    assert [line.role for line in dropped] == [BODY if kept else BOILERPLATE, BOILERPLATE]


def test_the_storys_line_over_a_posts_signature_naming_its_author_stays():
    """Over a signature with no post text (the page lost it), the line naming the post's author
    leads into the post: it is the story's."""
    lead = "The fire service's chief, Ana Ruiz, thanked the crews in a post on Sunday night."
    signature = "— Ana Ruiz (@AnaRuizFire) May 3, 2008"
    text = "\n\n".join(
        ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008", *LONG_PARAGRAPHS[:3]]
        + [lead, signature, *LONG_PARAGRAPHS[3:], FOOT]
    )
    assert lead in parse_article(text.encode(), "a.txt").paragraphs


def test_sentences_between_many_ads_below_the_story_are_no_story():
    """Below one ad the story may go on; a gallery's captions between ad after ad are not its."""
    head = ["Port Alder to rebuild sea wall", "By Nell Aster", "May 4, 2008"]
    gallery = []
    for n in range(1, 41):
        gallery += ["Advertisement", f"Picture {n} of the fireworks shows the quay from the north."]
    text = "\n\n".join([*head, *LONG_PARAGRAPHS, *gallery, FOOT])
    paragraphs = parse_article(text.encode(), "a.txt").paragraphs
    assert paragraphs[: len(LONG_PARAGRAPHS)] == LONG_PARAGRAPHS
    assert len(paragraphs) <= len(LONG_PARAGRAPHS) + 4


@pytest.mark.parametrize(("gap", "kept"), [("\n", True), ("\n\n", False)])
def test_the_storys_later_paragraphs_go_on_in_a_text_without_blank_lines(gap, kept):
    """Without blank lines, whole sentences in a row below the body's last kept line are the
    story going on, up to a teaser's headline; with blank lines the classifiers are left alone."""
    teaser = "Ferry fares to rise in spring"
    page = read_page(
        gap.join(
            [
                *LONG_PARAGRAPHS,
                teaser,
                "The ferry company said fuel costs had doubled since last year.",
            ]
        )
    )
    for k, line in enumerate(page.lines):
        body = k < 2
        line.role, line.reason = (
            (BODY, Reason.ARTICLE_TEXT) if body else (BOILERPLATE, Reason.PAGE_FURNITURE)
        )
    _keep_the_paragraphs_that_go_on(page.lines)
    roles = [line.role for line in page.lines]
    assert roles[:5] == [BODY] * 2 + [BODY if kept else BOILERPLATE] * 3
    assert roles[5:] == [BOILERPLATE, BOILERPLATE]  # the teaser and its blurb
