"""Why the parser gave a line its role: every reason ``news show --explain`` can print.

The values are the exact texts users see, a documented output, so they change only on
purpose (``tests/test_parse_layout.py`` holds them). The passes test a reason by identity
(``line.reason is Reason.JOINED``) where a later pass reads an earlier one's verdict.
Grouped by the pass that gives them, in the order the passes run.
"""

from __future__ import annotations

from enum import Enum


class Reason(str, Enum):
    """A line's reason, a ``str`` enum: it equals and prints as its text."""

    UNDECIDED = ""  # no pass has judged the line yet
    # cues: what a line says it is by itself (cues.py)
    CAPTION_OPENING = "opens like a photo caption (FILE -, (L–R), PLACE - DATE:)"
    RUNNING_TIME = "a video's title with its running time"
    PEOPLE_PLACED = "says where people stand in a picture (left, right, centre)"
    NOTICE = (
        "a notice (sign-up, copyright, affiliate, contact, donation, cookies) or an embedded post"
    )
    LONG_BYLINE = "a long line that starts like a byline"
    DATELINE = "a dateline (published/updated) holding a date"
    ENDS_WITH_CREDIT = "ends with a photo credit"
    CAPTION_LABEL = "caption or image-source label"
    NAVIGATION = "navigation, sharing or advertising text"
    BYLINE = "starts like a byline"
    CREDIT = "photo or image credit"
    SHORT_DATE = "a short line holding a date"
    # captions told by their neighbours (captions.py)
    BESIDE_CREDIT = "short label beside a photo credit"
    CREDIT_GIVEN_ELSEWHERE = "ends with a photo credit the file gives elsewhere"
    CAPTION_AGAIN = "a caption of the file again, without its credit"
    BELOW_ENLARGE = "right below a button that enlarges its picture"
    LEDE = "a sentence right above the story, under its byline, date or tools: its lede"
    OVER_LEDE = "a short headline over its byline and date: the sentence below them is the lede"
    OVER_CREDIT = "a short line over a picture's credit, between two paragraphs: its caption"
    # bylines told by their neighbours (authors.py)
    BYLINE_ROLE = "the author's role or outlet, below the byline"
    JOINER = "joins the names of a byline"
    JOINED = "names after a lone byline word"
    NAME_LINE = "a name beside a date, a role, a handle or a follow button"
    # teasers: other stories' headlines over their blurbs cut short (teasers.py)
    TEASER = "a teaser: another story's headline and its blurb, among others"
    SKIPPED_BOX = "in a box the page lets readers skip ('skip past …' down to 'after …')"
    # furniture: boxes the other files of the folder share (page.py)
    REPEATED = "repeated in other files of the folder"
    # the headline and what stands above it (title.py)
    TITLE = "scored highest as the headline"
    LINKED_TITLE = "the headline, though other files of the folder repeat it (pages linking to it)"
    DEEP_TITLE = "the headline, deep in the main run: no line above it read as one"
    OVER_STANDFIRST = (
        "the headline over its standfirst (the line below scored higher; this one is as long)"
    )
    UNDER_KICKER = "the headline under its kicker (the short line above scored higher)"
    OVER_BYLINE = "the headline over its byline or date (the lines above it are teasers)"
    KICKER = "short kicker above the headline"
    ABOVE_TITLE = "above the headline"
    # the body, and the author's biography that may end it (body.py)
    PROSE_ON_SHORT_PAGE = "prose on a short page"
    NOT_PROSE_ON_SHORT_PAGE = "not prose, on a short page"
    ARTICLE_TEXT = "scored as article text"
    PAGE_FURNITURE = "scored as page furniture, not article text"
    OPENS_THE_STORY = "a long paragraph just above the story, in its run: its opening"
    GOES_ON = "a sentence's first half: the body line below goes on with it"
    LAST_SENTENCE = "a whole sentence right below the story's last paragraph: its end"
    RELATED_LINKS = "links to related stories, each ending in its date"
    ASIDE = "wholly in brackets: the page's aside (a link, a credit, a sound cue), no paragraph"
    CITATION = "a reference's citation (a DOI, 'retrieved … from', a link in angle brackets)"
    PULL_QUOTE = "repeats words the story holds elsewhere: a pull quote or a repeated blurb"
    BETWEEN_PARAGRAPHS = (
        "a list or a sentence between two paragraphs of the story, nothing marked between"
    )
    LIST_STORY = "an item of the list or table that is the story (no prose on the page)"
    RUN_OF_EMPTY_BODY = (
        "prose, a list or a table down to the main run's end, as no line read as the story"
    )
    COMMENT = "a reader's comment (a Reply button below it, a 'said:' header above it)"
    BIOGRAPHY = "the author's biography"
    AFTER_BIOGRAPHY = "after the author's biography, which ends the article"

    def __str__(self) -> str:
        return self.value
