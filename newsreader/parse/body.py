"""The body: which lines below the headline are the article's text, and the biography that may end it.

Each line still undecided below the headline is judged by the body classifiers
(:mod:`scoring`): a first pass on the line alone, then a second that adds its neighbours'
first-pass scores. Prose inside the main run needs less evidence than lines outside it. Once
the authors are known, an author's biography at either end of the body is taken out of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from typing import NamedTuple

from newsreader.parse import features
from newsreader.parse.authors import only_names
from newsreader.parse.bylines import prefixed_byline_names
from newsreader.parse.cues import (
    is_ad_marker,
    is_citation,
    is_inline_link,
    is_post_signature,
    is_sign_up_button,
)
from newsreader.parse.features import LINE_FEATURES, context_vectors
from newsreader.parse.names import only_ordinary_words
from newsreader.parse.page import (
    BODY,
    BOILERPLATE,
    BYLINE,
    CAPTION,
    CREDIT,
    DATE,
    OPENING_QUOTES,
    OTHER,
    PARAGRAPH_ENDS,
    PARAGRAPH_WORDS,
    Line,
    Page,
    ends_a_sentence,
    goes_on,
    last_body,
)
from newsreader.parse.reasons import Reason
from newsreader.parse.scoring import scorer, tested

_STORY_LINES = 20  # lines to judge below which a text's main run is its story
#: Share of the lines below the headline standing around a longer text's main run (outside it,
#: or in it but labelled or no prose: "42 comments") from which the run's bar is the text's:
#: with fewer, it eases towards the marked page's (see :func:`_in_run_bar`).
_AROUND_RUN = 0.05
_MIN_CONTEXT = 6  # fewer unlabelled lines below the headline than this: judge by prose shape alone
#: How a related story's link ends: its date in brackets ("... repair bill (Feb. 2)").
_DATED_LINK = re.compile(
    r"\s\((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}(?:, \d{4})?\)$",
    re.IGNORECASE,
)
_LINK_WORDS = 16  # words of a related story's link, at most
_CLOSING_QUOTES = "”\"’'"  # how a paragraph ending in a quote ends: no link's or citation's end
_CITED_CLOSE = ">)"  # what stands before the full stop ending a citation ("<www.…>.", "…2024).")
_SENTENCE_CLOSE = ".”\"’')?!"  # how a paragraph ends that a link (a headline) does not
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’']?\s+[A-Z“\"]")  # one sentence ends, another opens
_LINK_ARROWS = "»›"  # how a link's text may end ("More on the deal »")
_INVISIBLE = "\u200b\u200c\u200d\ufeff "  # characters a page may put inside a bracket first
#: How a link in brackets opens: "(Here's what to know …)", "(Learn more about …)".
_LINK_OPENINGS = ("here's", "here’s", "here is", "learn", "read", "see ", "watch", "listen")
_OPENING_BRACKETS, _CLOSING_BRACKETS = "([", ")]"
_INLINE_LINK_WORDS = 30  # words of a link set into a story ("Related: ..."), at most
_LAST_SENTENCES = 2  # sentences right below the body's last that end the story, at most
_LAST_SENTENCE_WORDS = (
    4  # words of a story's short last paragraph, at least ("Godzilla Minus One." is none)
)
#: How a line below a story signs it off: a contributor, a cross-post, thanks, a podcast's host.
_SIGN_OFF = re.compile(
    r"\bcontributed(?: reporting)? to this (?:story|report|article)\b|^cross-posted\b|"
    r"^thanks? (?:you )?for reading\b|"
    r"\bI[’']m (?-i:[A-Z])",
    re.IGNORECASE,
)
_BIO_LINES = 3  # body lines at either end where an author's biography may stand
_BIO_VERB = re.compile(
    r"\s+(?:is|was|covers|writes|has been|joined)\b"
)  # after a name: a biography
_BIO_NAME_SPAN = 100  # characters in which the name opening a biography ends
_BIO_GAP = (
    2  # lines from a biography to the body line going on with it (one other may stand between)
)
_BIO_ROLE_WORDS = 8  # words of the role that may head a biography, up to its colon, at most
#: A biography's opening after its role: a full name (two capitalised words or more), then a
#: verb in the present; a story's line tells of the past ("Jo Park was pushed ...").
_NAMED_IN_PRESENT = re.compile(
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+ (?:is|has been|covers|writes|joined|reports)\b"
)
_JOB = re.compile(  # a job's name in a role heading a biography
    r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|critic|"
    r"producer|analyst|photographer)s?\b",
    re.IGNORECASE,
)
_CARD_WORDS = (2, 3)  # words of a contributor's card: a name alone on its line
_CARD_ROLES = (BOILERPLATE, BYLINE)  # a card is left out of the body, or taken for a byline
_WORD = re.compile(r"[^\W\d_]+")
_FIRST_PERSON_BIO = re.compile(  # "As a senior analyst, I report on ...", "I write about schools."
    r"(?:As an? [^,.]{3,60}, I|I) (?:cover|report on|write about|write on|focus on|specialize in)\b|"
    r"I(?:'m|’m| am) an? [^.]{0,60}?\b(?:reporter|writer|editor|correspondent|journalist|"
    r"columnist|critic|analyst|contributor|producer) (?:for|at|with)\b"  # "I'm a reporter for"
)
_BETWEEN_LINES = 12  # lines of a list between two paragraphs of the main run, at most
_PROSE_BETWEEN_WORDS = 8  # words of each sentence line in a row between two paragraphs, at least
_SENTENCE_WORDS = 3  # words of a short sentence between paragraphs, at least
_LABEL_WORDS = 3  # words a label ending in a colon opens a line with, at most
_LIST_STORY_ITEMS = 3  # items of a list that make a page without prose a list story
_LEAD_IN_WORDS = 5  # words of a sentence that leads into a list with a colon, at least
_LEDE_WORDS = 8  # words of a short lede right above the story's first kept line, at least
_OPENING_WORDS = 20  # words of a dropped paragraph just above the story that opens it, at least
_STORY_WORDS = 30  # words of what an empty body keeps, at least: a short blurb's
#: A comment's "Reply" button, alone on its line, perhaps with a count: "Reply", "Reply (2)".
_REPLY_BUTTON = re.compile(r"(?:reply|antworten|répondre|responder|rispondi)(?:\s*\(?\d+\)?)?")
_REPLY_LENGTH = 16  # characters of such a line, at most
_COMMENTER_SAYS = (" said:", " says:", " wrote:", " writes:")  # what a commenter's header holds
#: A commenter's header: up to five words of a name, what they said, and perhaps when
#: ("beachcomber22 said:", "mike_r says: October 16, 2008 at 3:40 pm").
_COMMENTER = re.compile(r"\S+(?: \S+){0,4} (?:said|says|wrote|writes):(?:\s+\S.*\d.*)?$")
#: A commenter's header that is only a name and when, to the minute ("suz December 21, 2023
#: at 1:24 pm"): a live blog heads its entries so too, so it counts only below a comments'
#: heading below the story's first body line, and "Updated …" has no name.
_COMMENT_STAMP = re.compile(
    r"(?P<name>\S+(?: \S+){0,3}) (?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4}|"
    r"\d{1,2}/\d{1,2}/\d{2,4}),? at \d{1,2}:\d{2}\s?(?:[ap]\.?m\.?)?",
    re.IGNORECASE,
)
_COMMENTER_LINE = 14  # words of such a header, at most
#: A comment section's heading: "8 COMMENTS", "Comments", "3 Responses", "Leave a comment".
_COMMENTS_HEADING = re.compile(
    r"(?:\d+\s+)?(?:comments?|responses?|replies)|(?:leave|post|add) a (?:comment|reply)"
    r"|join the (?:conversation|discussion)",
    re.IGNORECASE,
)
_HEADING_WORDS = 5  # words of such a heading, at most
#: An author's card's button: "See full bio", "Read full bio", "Full Bio", "View full profile".
_FULL_BIO = re.compile(r"(?:see |read |view )?(?:the )?full (?:bio|biography|profile)\W*", re.I)
_CARD_LINES = 6  # lines of an author's card above its button, at most
_CARD_BODY_LINES = 2  # lines of a card the classifiers may take for the story, at most
_CARD_LINE_WORDS = 30  # words of such a line (a bio, a fun fact), at most
_CREDIT_ALONE_WORDS = 8  # words of a caption that is a bracketed credit alone, at most
_FULL_BIO_LENGTH = 30  # characters of such a button, at most
_COMMENTERS = 2  # headers below the headline that make a thread of comments
_LIST_ITEM_WORDS = 16  # words of a list's item, fewer than
#: A lead-in to other stories, not to the story's own list ("More coverage from our newsroom:").
_LINKS_LEAD_IN = re.compile(
    r"\b(?:stories|coverage|articles|reading|links|headlines|videos|podcasts|newsletters?)\b|"
    r"\bwhat else\b|\bin other news\b|\balso in the news\b|\bmore from\b|\belsewhere\b",
    re.IGNORECASE,
)
_CLOSING_ITEMS = 2  # whole sentences a list the story ends on holds, at least
_POST_LENGTH = 300  # characters of an embedded post's text, at most (a tweet's 280 and a link)
_SET_INTO = 2  # lines set into a story (a caption and its credit) that still have body above
_RUN_TOGETHER = (
    0.8  # share of lines right above the next, without a blank line, in a text without them
)
_PITCH_WORDS = 30  # words a newsletter's pitch over its sign-up button stays under
_LEAD_IN_REACH = 20  # items a lead-in's colon heads, at most
_BULLETS = frozenset("•·-–—*▪►✓")
#: What a list's items hold: "June 9 – Springfield @ Arena". Not a price: on dev, runs of price
#: lines between paragraphs are shopping widgets ("$21 $16 at Glossier") the truth leaves out.
_MARKERS = (
    ("dash", re.compile(r"\s[–—-]\s")),
    ("at", re.compile(r"\s@\s")),
    # a label of one to four words and its value: "Sweet corn: $6 a dozen", "Saturday 13 July: Dunmore Town"
    ("label", re.compile(r"^[^\W_][^\s:]*(?: [^\s:]+){0,3}:\s\S")),
)


class Thresholds(NamedTuple):
    """The body score (log-odds) a line needs to be body: a prose line inside the main run,
    and any other line."""

    in_run: float
    elsewhere: float


#: A text dump: the classifiers alone tell furniture from story, and on a long page the main run
#: may reach into the page's prose furniture (held out by site, page body F1 0.917 -> 0.923,
#: region 0.929 -> 0.930, against -2 and 0). A run with nothing around it keeps nearer -2
#: (:func:`_in_run_bar`).
TEXT = Thresholds(-1.0, 1.0)
#: A page whose markup takes out what it marks as furniture (``inputs.evidence``): the markup
#: already keeps the body clean, so the classifiers may admit more (dev HTML body F1 0.954,
#: 0.948 with the text's thresholds).
MARKED = Thresholds(-2.0, 0.0)


def body_candidates(page: Page, first: int) -> list[int]:
    """Indexes of the unlabelled lines from ``first`` on: the lines the body classifiers judge."""
    return [i for i, line in enumerate(page.lines[first:], first) if line.role is OTHER]


def line_vectors(
    page: Page, candidates: list[int], needed: Collection[str] = LINE_FEATURES
) -> list[list[float]]:
    """The body classifiers' feature vector of each candidate (see :func:`features.line_vectors`);
    ``needed``: the features to compute, the costly others left 0.0."""
    return features.line_vectors(
        page.lines, page.facts, candidates, page.run, page.counts, page.paragraphs, needed
    )


def body_scores(page: Page, candidates: list[int]) -> list[float]:
    """Body scores (log-odds) of the candidates: a first pass on each line alone, then a second
    pass that adds its neighbours' first-pass scores."""
    local = line_vectors(page, candidates, tested("body", "body_context"))
    context = context_vectors(list(map(scorer("body"), local)))
    return list(map(scorer("body_context"), map(list.__add__, local, context)))


def mark_body(page: Page, title_at: int | None, thresholds: Thresholds = TEXT) -> None:
    """Each unlabelled line below the headline (of the page, without one) is body when the body
    classifiers say so (its score above ``thresholds``); on a short page, when it is prose.
    Inside the main run a prose line needs less: the run is where the article is; on a short
    file, or one with little around its run, less still (:func:`_in_run_bar`)."""
    first = (title_at + 1) if title_at is not None else 0
    candidates = body_candidates(page, first)
    if len(candidates) < _MIN_CONTEXT:
        for i in candidates:  # too few lines for the classifiers' context: prose is body
            line = page.lines[i]
            line.role, line.reason = (
                (BODY, Reason.PROSE_ON_SHORT_PAGE)
                if page.facts[i].prose
                else (BOILERPLATE, Reason.NOT_PROSE_ON_SHORT_PAGE)
            )
        _keep_a_list_story(page, candidates)
        _keep_what_the_body_goes_on_with(page.lines, candidates)
        return
    (start, end), lines, facts = page.run, page.lines, page.facts
    elsewhere = thresholds.elsewhere
    in_run = _in_run_bar(page, candidates, thresholds.in_run)
    # read once, not per line: an enum's attribute is slow to read
    article, furniture = (BODY, Reason.ARTICLE_TEXT), (BOILERPLATE, Reason.PAGE_FURNITURE)
    for i, verdict in zip(candidates, body_scores(page, candidates)):
        inside = start <= i <= end and facts[i].prose
        is_body = verdict > (in_run if inside else elsewhere)
        line = lines[i]
        line.role, line.reason = article if is_body else furniture
    _keep_the_opening_paragraphs(page, first)
    _keep_paragraphs_without_blank_lines(page)
    _keep_lines_between_paragraphs(page.lines, page.run)
    _keep_a_list_story(page, candidates)
    _keep_the_run_of_an_empty_body(page, candidates)
    _drop_comments(page.lines, candidates)
    _keep_the_last_sentence(page.lines)
    _keep_the_paragraphs_that_go_on(page.lines)
    _keep_a_list_the_story_goes_on_past(page.lines)
    _keep_what_the_body_goes_on_with(page.lines, candidates)
    _drop_dated_links(page.lines, candidates)
    _drop_the_pages_lines(page.lines, candidates)
    _drop_sign_up_pitches(page.lines, candidates)
    _drop_embedded_posts(page.lines)


def _keep_the_last_sentence(lines: list[Line]) -> None:
    """Up to ``_LAST_SENTENCES`` lines right below the body's last that the classifiers dropped,
    while each is a whole sentence of four words or more and no sign-off (:func:`_ends_the_story`):
    the story's last paragraphs ("The woman's name wasn't disclosed."), which above the page's
    foot read as little as furniture, above all when single newlines part them. On the
    development corpus and its copies without blank lines, 160 first such lines are in a true
    body and 46 not, 11 second ones and 6 not, 5 later ones and 1 not. With them, the next
    numbered subheadings of a numbered story ("3. Stay late" below "2. Bring cash"). One ad's
    marker below the body's last line ends nothing, and as many sentences again may follow it;
    a second ends the story (a gallery's captions between ads)."""
    last = last_body(lines)
    if last < 0:
        return
    following = _next_number(lines, last)
    sentences, ad = 0, False
    for line in lines[last + 1 :]:
        if not ad and is_ad_marker(line.text):  # the story goes on below one ad as above it
            sentences, ad = 0, True
            continue
        if line.reason is not Reason.PAGE_FURNITURE:
            return
        if following is not None and _item_number(line.text) == following:
            following += 1
        elif sentences < _LAST_SENTENCES and _ends_the_story(line):
            sentences += 1
        else:
            return
        line.role, line.reason = BODY, Reason.LAST_SENTENCE


def _ends_the_story(line: Line) -> bool:
    """A whole sentence of four words or more (:func:`_reads_as_a_sentence`) that signs
    nothing off: a contributor's line ("Jo Park contributed to this report."), a cross-post's
    or a host's ("I'm Nell Aster, thanks for reading.") does."""
    return (
        line.words >= _LAST_SENTENCE_WORDS
        and _reads_as_a_sentence(line.text)
        and not _SIGN_OFF.search(line.text)
    )


def _next_number(lines: list[Line], last: int) -> int | None:
    """The number the numbered subheading after the body's (down to line ``last``) would carry,
    asked only when the line below ``last`` opens with a figure; None for a story without."""
    if last + 1 >= len(lines) or not lines[last + 1].text[:1].isdigit():
        return None
    numbers = [
        number
        for line in lines[: last + 1]
        if line.role is BODY and (number := _item_number(line.text)) is not None
    ]
    return numbers[-1] + 1 if numbers else None


def _item_number(text: str) -> int | None:
    """The number opening a numbered item or subheading ("3. Stay late", "4) Book early") a
    line (stripped) opens with: none when its first character is no figure (most lines, told
    before the line is split)."""
    if not text[:1].isdecimal():
        return None
    opening = text.split(None, 1)
    figure = opening[0].rstrip(".):") if len(opening) == 2 else ""
    return int(figure) if figure.isdecimal() and len(figure) <= 3 else None


def _keep_what_the_body_goes_on_with(lines: list[Line], candidates: list[int]) -> None:
    """A judged line that the body line below it goes on with (:func:`page.goes_on`) is body
    too: a sentence broken over two lines of a hard-wrapped text, whose first half alone reads
    as no prose. From the bottom up, so a paragraph wrapped over several lines comes in whole."""
    for i in reversed(candidates):
        line = lines[i]
        if (
            line.role is BOILERPLATE
            and i + 1 < len(lines)
            and lines[i + 1].role is BODY
            and goes_on(lines, i)
        ):
            line.role, line.reason = BODY, Reason.GOES_ON


def _drop_dated_links(lines: list[Line], candidates: list[int]) -> None:
    """Body lines among two or more short lines in a row that each end in a bracketed date are
    links to related stories ("District weighs $4.2 million repair bill (Feb. 2)"), as older
    pages list them under the article; one such line alone may be the story's own."""
    dated = {
        i
        for i in candidates
        if lines[i].words <= _LINK_WORDS
        and lines[i].text.endswith(")")
        and _DATED_LINK.search(lines[i].text)
    }
    for i in dated:
        if lines[i].role is BODY and (i - 1 in dated or i + 1 in dated):
            lines[i].role, lines[i].reason = BOILERPLATE, Reason.RELATED_LINKS


def _drop_the_pages_lines(lines: list[Line], candidates: list[int]) -> None:
    """Body lines that are the page's whatever the classifiers said (:func:`_the_pages`) leave
    the body; held out by site the classifiers keep those that read like prose."""
    for i in candidates:
        line = lines[i]
        if line.role is not BODY:
            continue
        if (reason := _the_pages(line)) is not None:
            line.role, line.reason = BOILERPLATE, reason


def _the_pages(line: Line) -> Reason | None:
    """Why a body line is the page's, not the story's, or None (the usual answer, from its
    first and last characters for most lines). A link set into the story ("Related: Harbour
    fair returns", "READ MORE: …", "Also: …"), a headline (:func:`_a_headline`) that ends no
    sentence with a full stop or a quote: on dev 28 of the 30 such lines are in no true body; a
    link ending in its arrow ("How the deal was done »"): none of 9. A line wholly in brackets
    that is a link's or a label's (:func:`_an_aside`: "(Here's what to know about equinoxes.)",
    a transcript's "[CLIP: Rain]"): none of the 50 lines wholly in brackets. A reference's
    citation (:func:`cues.is_citation`, a "Cite this page" box's): none of 12."""
    text = line.text
    last = text[-1]
    # a paragraph's usual ends, a quote or a sentence's full stop, which no link or citation has
    # (a citation's full stop follows its link or its year: "<www.…>.", "… 2024).")
    usual = last in _CLOSING_QUOTES or (last == "." and text[-2:-1] not in _CITED_CLOSE)
    if usual and text[0] not in _OPENING_BRACKETS:
        return None  # most lines: only a line wholly in brackets may end so and be an aside
    if last in _LINK_ARROWS and _a_link_arrow(text):
        return Reason.NAVIGATION
    if text[0] in _OPENING_BRACKETS and _wholly_bracketed(text) and _an_aside(text[1:-1]):
        return Reason.ASIDE
    if (
        last not in _SENTENCE_CLOSE
        and line.words <= _INLINE_LINK_WORDS
        and is_inline_link(text)
        and _a_headline(text.split(":", 1)[1].strip())
    ):
        return Reason.NAVIGATION
    if not usual and is_citation(text):  # it ends in its link or DOI, never in a sentence's word
        return Reason.CITATION
    return None


def _a_link_arrow(text: str) -> bool:
    """Whether the arrow ending ``text`` is a link's (" »" after a headline's last word), not a
    quote's closing guillemet ("« Nous trouverons une solution »", "«… arbeiten.»")."""
    return (
        text[-2:-1] == " "
        and text[:-1].rstrip()[-1:] not in PARAGRAPH_ENDS
        and "«" not in text
        and "‹" not in text
    )


def _an_aside(inner: str) -> bool:
    """Whether the text inside a line's brackets is the page's aside: a label's (one word and a
    colon: "CLIP: Rain", "MORE: …", "Photo: …") or a link's ("Here's what to know about …",
    "Learn more about …"); a parenthetical paragraph ("The council did not respond.", "Update,
    5:40 p.m.: …") is the story's."""
    inner = inner.lstrip(_INVISIBLE)
    head = inner.split(None, 1)[0] if inner else ""
    return (head.endswith(":") and head[:-1].isalpha()) or head.lower().startswith(_LINK_OPENINGS)


def _a_headline(text: str) -> bool:
    """Whether a link's text after its label reads as another story's headline: it opens with
    a capital, a figure or a quote and holds one sentence ("Also: the mayor had a message …",
    "Read: Three days south. Who would you call?" are a briefing's and an interview's prose)."""
    return (
        text[:1].isupper() or text[:1].isdigit() or text[:1] in OPENING_QUOTES
    ) and not _SENTENCE_BREAK.search(text)


def _wholly_bracketed(text: str) -> bool:
    """Whether the bracket opening ``text`` closes at its end (a full stop after it aside):
    "(AP) The board voted (5-2)." opens and ends with brackets that are not one pair."""
    text = text.removesuffix(".")
    if _OPENING_BRACKETS.find(text[0]) != _CLOSING_BRACKETS.find(text[-1]):
        return False
    depth = 0
    for k, char in enumerate(text):
        if char in _OPENING_BRACKETS:
            depth += 1
        elif char in _CLOSING_BRACKETS:
            depth -= 1
            if not depth:
                return k == len(text) - 1
    return False


def _drop_sign_up_pitches(lines: list[Line], candidates: list[int]) -> None:
    """A short body line under a line that is no body (the box's heading, "Get our weekend
    reads") and over a sign-up button, an email field at most between them, is a newsletter's
    pitch ("Our best stories, hand-picked by editors, every Saturday morning."): its box, not
    its words, says so."""
    for i in candidates:
        line = lines[i]
        if line.role is not BODY or line.words >= _PITCH_WORDS or (i and lines[i - 1].role is BODY):
            continue
        below = lines[i + 1 : i + 3]
        if any(
            is_sign_up_button(button.text) and all(b.role is not BODY for b in below[:k])
            for k, button in enumerate(below)
        ):
            line.role, line.reason = BOILERPLATE, Reason.NOTICE


def _drop_embedded_posts(lines: list[Line]) -> None:
    """A body line of a post's length right over an embedded post's signature ("— Harbour Fire
    (@HarbourFire) February 2, 2020") is the post's text, not the story's: on dev, 3 such
    lines were kept and none is in a true body. Not one naming the post's author: the story's
    line leading into a post whose text the page lost ("Jo Park apologised in a post.")."""
    for post, signature in zip(lines, lines[1:]):
        if (
            post.role is BODY
            and len(post.text) <= _POST_LENGTH
            and signature.reason is Reason.NOTICE
            and is_post_signature(signature.text)
            and _posters_name(signature.text) not in post.text
        ):
            post.role, post.reason = BOILERPLATE, Reason.NOTICE


def _posters_name(signature: str) -> str:
    """The name an embedded post's signature opens with ("Harbour Fire" in "— Harbour Fire
    (@HarbourFire) ..."); the whole signature when it names none."""
    return signature.split(" (@", 1)[0].lstrip("—–- ").strip() or signature


def _in_run_bar(page: Page, candidates: list[int], in_run: float) -> float:
    """The score a prose line inside the main run needs. A file with fewer than
    ``_STORY_LINES`` lines to judge: the marked page's bar, as its run is the story. A longer
    one's run may reach into the page's prose furniture, so ``in_run``, unless almost nothing
    stands around the run (a wire story of short paragraphs and nothing else): then evenly
    down to the marked page's bar as the share of the lines below the headline around it
    (outside it, or in it but labelled or no prose) falls from ``_AROUND_RUN`` to none. Even,
    not a switch at some count of lines, which kept 19 paragraphs of 19 but 18 of 20; a run
    that swallowed a teaser box or a comment thread holds its headings and counts ("More from
    the region", "42 comments"), which count as around it."""
    lowest = min(in_run, MARKED.in_run)
    if len(candidates) < _STORY_LINES:
        return lowest
    (start, end), lines, facts = page.run, page.lines, page.facts
    below = range(candidates[0], len(lines))  # the lines below the headline, judged or labelled
    around = sum(
        not (start <= i <= end and lines[i].role is OTHER and facts[i].prose) for i in below
    )
    return lowest + (in_run - lowest) * min(1.0, around / len(below) / _AROUND_RUN)


def _keep_a_list_story(page: Page, candidates: list[int]) -> None:
    """A story that is a list or a table (results, a schedule) on a page with no prose below
    the headline: its items are the body, which the classifiers, looking for prose, drop, and
    so is the line leading into it with a colon ("More than 400 runners finished. Top ten:")."""
    lines = page.lines
    if any(page.facts[i].prose or lines[i].role is BODY for i in candidates):
        return
    markers = {i: marker for i in candidates if (marker := _list_marker(lines[i].text))}
    if len(markers) < _LIST_STORY_ITEMS:
        return
    top = Counter(markers.values()).most_common(1)[0][0]
    items = [i for i, marker in markers.items() if marker == top]
    above = items[0] - 1
    if above in candidates and _leads_in(lines[above]):
        items.insert(0, above)
    for i in items:
        lines[i].role, lines[i].reason = BODY, Reason.LIST_STORY


def _listed_under_a_lead_in(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is one of a row of short lines ending no sentence that a line leading
    into them with a colon heads, items of a list without bullets ("... every hiker should
    carry:" / "Three litres of water" / "A paper map"). Rows with figures are a table's,
    which a story's text leaves out ("Alabama SEC 127 13 .907"). Only ``_LEAD_IN_REACH`` up."""
    k = i
    while k > i - _LEAD_IN_REACH and k >= 0 and lines[k].words < _LIST_ITEM_WORDS:
        if ends_a_sentence(lines[k].text) or any(map(str.isdigit, lines[k].text)):
            break
        k -= 1
    return k < i and k >= 0 and _leads_in(lines[k]) and not _LINKS_LEAD_IN.search(lines[k].text)


def _leads_in(line: Line) -> bool:
    """A sentence leading into a list with a colon ("Top finishers:"), not a label ("Note:")."""
    return line.words >= _LEAD_IN_WORDS and line.text.endswith(":")


def _keep_the_run_of_an_empty_body(page: Page, candidates: list[int]) -> None:
    """No line below the headline read as the story: the prose, lead-ins and list items from the
    headline down to the main run's end (the page's end, without a run), and the table a lead-in
    ending the run heads (:func:`_end_of_its_table`), are the body, rather
    than none (a short results story between an intro and a closing line, a blurb on a page
    of furniture), when they hold a story's words (a player's one-line apology is none).
    Never so on the development corpus, where every page keeps some body; the classifiers,
    fitted to it, may reject all of a page shaped otherwise."""
    lines, facts = page.lines, page.facts
    if any(lines[i].role is BODY for i in candidates):
        return
    start, end = page.run
    last = end if start <= end else len(lines)
    story = [
        i
        for i in candidates
        if i <= last and (facts[i].prose or _leads_in(lines[i]) or _list_marker(lines[i].text))
    ]
    if start <= end and _leads_in(lines[end]):
        story += range(end + 1, _end_of_its_table(lines, end) + 1)
    if sum(lines[i].words for i in story) < _STORY_WORDS:
        return
    for i in story:
        lines[i].role, lines[i].reason = BODY, Reason.RUN_OF_EMPTY_BODY


def _end_of_its_table(lines: list[Line], lead_in: int) -> int:
    """The last line of the table or list below a lead-in's colon that the classifiers dropped
    ("Unofficial results:"): its short lines ending no sentence, down to the last that holds a
    figure or an item's marker (rows, with a heading between them; two lines in a row that are
    no rows, a footer's links, end it), then a whole sentence closing it. ``lead_in`` itself
    when none follows."""
    last = k = lead_in
    while (
        k + 1 < len(lines)
        and k - last < 2  # a heading between rows, but two lines that are no rows end it
        and k - lead_in < _LEAD_IN_REACH
        and lines[k + 1].reason is Reason.PAGE_FURNITURE
        and lines[k + 1].words < _LIST_ITEM_WORDS
        and lines[k + 1].text.rstrip("\"'”’»)]")[-1:] not in ".!?…"
    ):
        k += 1
        if any(map(str.isdigit, lines[k].text)) or _list_marker(lines[k].text):
            last = k
    closing = last + 1
    if closing < len(lines) and lines[closing].reason is Reason.PAGE_FURNITURE:
        if last > lead_in and _ends_the_story(lines[closing]):
            return closing
    return last


def _drop_comments(lines: list[Line], candidates: list[int]) -> None:
    """Readers' comments leave the body: a line just above a "Reply" button is a comment, and
    so are the body lines just below a commenter's "beachcomber22 said:" or "mike_r says:
    October 16, 2008 at 3:40 pm" (a time on a line between), or below a comments' heading
    under the story's first line, "suz December 21, 2023 at 1:24 pm", when two or more such
    headers stand below the headline (one alone may be a story's "The council said:")."""
    last = len(lines) - 1
    for i in candidates:
        if (
            i < last
            and len(lines[i + 1].text) <= _REPLY_LENGTH  # most lines: no further test
            and lines[i].role is BODY
            and _REPLY_BUTTON.fullmatch(lines[i + 1].text.lower())
        ):
            lines[i].role, lines[i].reason = BOILERPLATE, Reason.COMMENT
    first = candidates[0] if candidates else len(lines)
    story = next((i for i in candidates if lines[i].role is BODY), len(lines))
    headers, stamps = [], []
    for i, line in enumerate(lines[first:], first):
        if line.words > _COMMENTER_LINE or ":" not in line.text:  # most lines: no further test
            continue
        if any(map(line.text.__contains__, _COMMENTER_SAYS)) and _COMMENTER.match(line.text):
            headers.append(i)
        elif i > story and _commenter_and_time(line.text):
            stamps.append(i)
    if stamps:  # the comments' heading sought only on a page with such headers
        thread = _comments_heading(lines, story)
        headers = sorted([*headers, *(i for i in stamps if i > thread)])
    if len(headers) < _COMMENTERS:
        return
    for header, following in zip(headers, [*headers[1:], len(lines)]):
        for k in range(header + 1, following):  # down to the next header at most
            line = lines[k]
            if line.role is DATE:
                continue  # the comment's time on a line of its own
            if line.role is not BODY:
                break
            line.role, line.reason = BOILERPLATE, Reason.COMMENT


def _comments_heading(lines: list[Line], story: int) -> int:
    """The line of the comments' heading below the story's first line ("8 COMMENTS", "Leave a
    comment"); past the end when there is none: a live blog heads its entries with a name and
    a time too, and has no such heading between them and its lede."""
    return next(
        (
            i
            for i in range(story + 1, len(lines))
            if lines[i].words <= _HEADING_WORDS and _COMMENTS_HEADING.fullmatch(lines[i].text)
        ),
        len(lines),
    )


def _commenter_and_time(text: str) -> bool:
    """Whether ``text`` is a commenter's name and when, to the minute (``_COMMENT_STAMP``)."""
    match = _COMMENT_STAMP.fullmatch(text)
    return bool(match) and not only_ordinary_words(match.group("name"))


def _keep_the_opening_paragraphs(page: Page, first: int) -> None:
    """Long paragraphs the classifiers dropped just above the first body line, in the main run
    and below the headline (``first``: the first line below it), are the story's opening (a
    wire dateline's paragraph; an intro over a list, which pulls its score down), and so are
    list items and short sentences (an interview's questions) between them and the body. A
    standfirst or a caption there is shorter and stands alone: on dev, 6 such lines of 20
    words or more are in the true body and none is not; of shorter ones, 4 are and 5 are not,
    so a short line is kept only below a long one. What a page sets between the opening
    paragraphs (:func:`_passed_over`: a related link, an embedded post, a picture, an ad) is
    passed over, neither kept nor ending them."""
    lines, start, end = page.lines, *page.run
    body = next((i for i in range(first, len(lines)) if lines[i].role is BODY), None)
    if body is None:
        return
    opening = []  # upwards from the first body line: long paragraphs, list items, sentences
    for i in range(body - 1, max(first, start) - 1, -1):
        line = lines[i]
        if i <= end and line.role is not BODY and _passed_over(line):
            continue
        if i > end or line.reason is not Reason.PAGE_FURNITURE:
            break
        if not (
            line.words >= _OPENING_WORDS
            or _list_marker(line.text)
            or _listed_under_a_lead_in(lines, i)
            or _reads_as_a_sentence(line.text)  # an interview's question
        ):
            break
        opening.append(i)
    while opening and lines[opening[-1]].words < _OPENING_WORDS:
        opening.pop()  # a list or short line is kept below a long paragraph, never alone
    for i in opening:
        lines[i].role, lines[i].reason = BODY, Reason.OPENS_THE_STORY
    if not opening and _opens_under_the_head(lines, body, first):
        lines[body - 1].role, lines[body - 1].reason = BODY, Reason.LEDE


def _opens_under_the_head(lines: list[Line], body: int, first: int) -> bool:
    """Whether the dropped line right above the body's first (``body``) is a short lede: a
    sentence of eight words or more under the byline, the date or furniture (a share bar),
    not under a credit or caption (it is the picture's) or the headline (a deck). On dev and
    its copies without blank lines, 11 such lines are in the true body and 2 not."""
    if body - 2 < first:
        return False
    lede, above = lines[body - 1], lines[body - 2]
    return (
        lede.reason is Reason.PAGE_FURNITURE
        and lede.words >= _LEDE_WORDS
        and _reads_as_a_sentence(lede.text)
        and above.role in (BYLINE, DATE, BOILERPLATE)
    )


def _keep_paragraphs_without_blank_lines(page: Page) -> None:
    """In a text without blank lines (:func:`_without_blank_lines`), whole sentences of 20 words
    or more the classifiers dropped between the body's first and last lines in the main run are
    the story's paragraphs: such a text gives the classifiers little to tell its paragraphs from
    its furniture by, and such a line is a paragraph whatever the blank lines. Not one over a
    caption's credit (it is the caption). On dev rewritten without blank lines, body F1 rises
    by 0.014 (region and page). Not asked of texts with blank lines: there the classifiers saw
    the line's block, and held out by site the rule took teasers' blurbs between a story and a
    stray body line below it (page body F1 0.9248 -> 0.9228)."""
    lines, (start, end) = page.lines, page.run
    if not _without_blank_lines(lines):
        return
    body = [i for i in range(start, end + 1) if lines[i].role is BODY]
    for i in range(body[0] + 1, body[-1]) if body else ():
        line = lines[i]
        if (
            line.reason is Reason.PAGE_FURNITURE
            and line.words >= _OPENING_WORDS
            and (lines[i - 1].number == line.number - 1 or lines[i + 1].number == line.number + 1)
            and _reads_as_a_sentence(line.text)
            and not _set_into_the_story(lines[i + 1])  # a picture's caption, over its credit
        ):
            line.role, line.reason = BODY, Reason.BETWEEN_PARAGRAPHS


def _keep_the_paragraphs_that_go_on(lines: list[Line]) -> None:
    """In a text without blank lines, whole sentences of 12 words or more in a row right below
    the body's last line are the story going on: without blank lines the classifiers read the
    story's later paragraphs as little as its foot. A teaser's headline, a label or a button
    between them ends it."""
    if not _without_blank_lines(lines):
        return
    for line in lines[last_body(lines) + 1 :]:
        if not (
            line.reason is Reason.PAGE_FURNITURE
            and line.words >= PARAGRAPH_WORDS
            and _reads_as_a_sentence(line.text)
        ):
            return
        line.role, line.reason = BODY, Reason.LAST_SENTENCE


def _without_blank_lines(lines: list[Line]) -> bool:
    """Whether a text runs its lines together: most lines (``_RUN_TOGETHER``) have no blank
    line between them and the next."""
    together = sum(a.number + 1 == b.number for a, b in zip(lines, lines[1:]))
    return together >= _RUN_TOGETHER * (len(lines) - 1) > 0


def _keep_lines_between_paragraphs(lines: list[Line], run: tuple[int, int]) -> None:
    """A list the classifiers dropped inside the main run, with article text right above and
    right below it and nothing a cue marked between (bar a picture or an ad set into the
    story), is the story's own: a schedule ("June 9 –
    Springfield @ Arena"), numbered steps, a bulleted list; with its lead-in ("The dates are:") and the
    paragraph it pulled down. Its items share a marker (a number or bullet opening them, a
    spaced dash, an @ or a short label's colon in them), counting a first item the classifiers
    passed, or stand in a row under a lead-in's colon; captions and teaser headlines do not.
    So are whole sentences of eight words or more in a row there: the story's paragraphs,
    which the classifiers may misread in a language they saw little of (German's capitalised
    nouns)."""
    start, end = run
    # read once, not per line: an enum's attribute is slow to read
    furniture = Reason.PAGE_FURNITURE
    i = max(start, 1)
    while i <= end:
        if lines[i].reason is not furniture or not _body_above(lines, i):
            i += 1
            continue
        last = i
        while last + 1 <= end and lines[last + 1].reason is furniture:
            last += 1
        if _body_below(lines, last, end) and (
            _is_a_list(lines, i, last)
            or (last == i and _reads_as_a_sentence(lines[i].text))
            or all(
                lines[k].words >= _PROSE_BETWEEN_WORDS and _reads_as_a_sentence(lines[k].text)
                for k in range(i, last + 1)
            )
        ):
            for line in lines[i : last + 1]:
                line.role, line.reason = BODY, Reason.BETWEEN_PARAGRAPHS
        i = last + 1


def _body_above(lines: list[Line], i: int) -> bool:
    """Whether article text stands right above line ``i``, or above what is set into the story
    right above it (an ad's marker, a picture's caption and credit): the story goes on below
    them as it does above."""
    above = i - 1
    while above > 0 and i - above <= _SET_INTO and _set_into_the_story(lines[above]):
        above -= 1
    return lines[above].role is BODY


def _passed_over(line: Line) -> bool:
    """What a page sets between the story's opening paragraphs without ending them: a picture,
    an ad, a link to another story ("Related: ..."), an embedded post or another notice."""
    return _set_into_the_story(line) or line.reason is Reason.NOTICE or is_inline_link(line.text)


def _body_below(lines: list[Line], last: int, end: int) -> bool:
    """Whether article text stands right below line ``last`` (down to ``end``), or below a
    picture's caption set into the story right below it; not when a credit stands right below,
    alone or bracketed ("(Jo Park / The Times)"): a line over a credit is its picture's
    caption. An ad's marker below is not stepped over: a site's sign-off ("Thanks for reading
    the Ledger.") stands over one."""
    below = last + 1
    if below <= end and (
        lines[below].role is CREDIT
        or (lines[below].role is CAPTION and lines[below].words <= _CREDIT_ALONE_WORDS)
    ):
        return False
    while below <= end and below - last <= _SET_INTO and lines[below].role is CAPTION:
        below += 1
    return below <= end and lines[below].role is BODY


def _set_into_the_story(line: Line) -> bool:
    """An ad's marker, a caption or a credit: what a page sets between a story's paragraphs."""
    return line.role is CAPTION or line.role is CREDIT or is_ad_marker(line.text)


def _is_a_list(lines: list[Line], i: int, last: int) -> bool:
    """Whether the dropped lines ``i`` to ``last``, with a line below them, are a list of the
    story's: a few items sharing a marker or going on with a list the classifiers passed next
    to them, or a row of items under a lead-in's colon (the lead-in with them, either way)."""
    items = i + 1 if i < last and _leads_in(lines[i]) else i
    return (
        last - i < _BETWEEN_LINES
        and (_holds_a_list(lines[items : last + 1]) or _continues_a_list(lines, items, last))
    ) or all(
        (k == i and _leads_in(lines[k])) or _listed_under_a_lead_in(lines, k)
        for k in range(i, last + 1)
    )


def _keep_a_list_the_story_goes_on_past(lines: list[Line]) -> None:
    """A list the classifiers dropped right below the body's last line, announced by a lead-in's
    colon (tour dates, a recipe's ingredients), with a whole sentence of the story below it
    (:func:`_ends_the_story`): the story goes on past its list, where, without body below,
    :func:`_keep_lines_between_paragraphs` cannot see it. The sentences below the list are
    then taken as below the body (:func:`_keep_the_last_sentence`)."""
    last = last_body(lines)
    if last < 0:
        return
    stop = last + 1  # the dropped lines below the body's last, as many as a list may hold
    while (
        stop < len(lines)
        and stop - last <= _BETWEEN_LINES
        and lines[stop].reason is Reason.PAGE_FURNITURE
    ):
        stop += 1
    lead_in = last if lines[last].text.endswith(":") else last + 1
    if (
        lead_in >= stop
        or not _leads_in(lines[lead_in])
        or _LINKS_LEAD_IN.search(lines[lead_in].text)
    ):
        return  # a box of labels below a story ("Date: ...") or links to others is none
    for end in range(lead_in + 2, stop):  # one item at least below a lead-in of its own
        if _ends_the_story(lines[end]) and _is_a_list(lines, last + 1, end - 1):
            for line in lines[last + 1 : end]:
                line.role, line.reason = BODY, Reason.BETWEEN_PARAGRAPHS
            _keep_the_last_sentence(lines)
            return
    end = lead_in + 1  # or the story ends on its list: items that are whole sentences, to the end
    while end < stop and _ends_the_story(lines[end]):
        end += 1
    if end == stop and end - lead_in > _CLOSING_ITEMS:
        for line in lines[last + 1 : end]:
            line.role, line.reason = BODY, Reason.BETWEEN_PARAGRAPHS


def _continues_a_list(lines: list[Line], i: int, last: int) -> bool:
    """Whether the dropped lines ``i`` to ``last`` go on with a list whose item the classifiers
    passed just above or below them: every one of them bears that item's marker."""
    for item in (lines[i - 1].text, lines[last + 1].text):
        marker = _list_marker(item)
        if marker and all(_list_marker(line.text) == marker for line in lines[i : last + 1]):
            return True
    return False


def _reads_as_a_sentence(text: str) -> bool:
    """A whole sentence: a capital or an opening quote, three words or more with one in lower
    case after the first, no label, then a sentence's end ("She declined to comment.",
    "\"Unbothered,\" he wrote."). Alone between two paragraphs it is the story's short
    paragraph; a button ("Read more."), a credit ("Getty Images.") or a label ("Watch: ...")
    is none. A script without case (Korean, Chinese, Arabic) is not asked about case."""
    uncased = text[:1].lower() == text[:1].upper() and text[:1].isalpha()
    if not (
        (text[:1].isupper() or text[:1] in OPENING_QUOTES or uncased) and text[-1] in PARAGRAPH_ENDS
    ):
        return False  # most lines, told before splitting them into words
    words = text.split()
    return (
        len(words) >= _SENTENCE_WORDS
        and not any(word.endswith(":") for word in words[:_LABEL_WORDS])  # "Watch: ..."
        and (
            uncased or any(word[:1].islower() for word in words[1:])
        )  # "Getty Images." is a credit
    )


def _holds_a_list(run: list[Line]) -> bool:
    """Two lines or more of ``run`` are items of one list (they share a marker, see
    :func:`_list_marker`), and they make up most of its short lines; or ``run`` is one numbered
    line, a subheading of a numbered story ("3. Stay late")."""
    found = [marker for line in run if (marker := _list_marker(line.text))]
    if not found:
        return False  # the usual answer, without counting
    markers = Counter(found)
    if len(run) == 1:
        return markers["number"] == 1
    top = markers.most_common(1)[0][1]
    short = sum(line.words < _LIST_ITEM_WORDS for line in run)
    return top >= 2 and top * 2 >= short


def _list_marker(text: str) -> str | None:
    """What makes ``text`` an item of a list: how it opens (a number, a bullet), or a spaced
    dash, an @ or a short label's colon in a short line; None for a line with none of them."""
    if _item_number(text) is not None:
        return "number"
    if text[0] in _BULLETS:
        return "bullet"
    # fewer words than an item's most: split no further than that, as a paragraph is long
    if len(text.split(None, _LIST_ITEM_WORDS - 1)) < _LIST_ITEM_WORDS:
        for marker, pattern in _MARKERS:
            if pattern.search(text):
                return None if marker == "label" and _furniture_label(text) else marker
    return None


#: Labels of a page's furniture, not of a list's items: "Ad: ...", "Watch: ...", "Trending: ...".
_FURNITURE_LABELS = frozenset(
    "ad ads advert advertisement sponsored promoted partner watch listen video videos photo "
    "photos gallery podcast trending popular related read more see also recommended latest "
    "breaking live update updates newsletter subscribe follow share tags topics filed "
    "editor's editors q a".split()
)


def _furniture_label(text: str) -> bool:
    """Whether the label opening ``text`` ("Ad:", "WATCH:", "Q:") is furniture's or a
    dialogue's, not an item's name."""
    return text.split(":", 1)[0].strip().lower() in _FURNITURE_LABELS


def mark_biographies(lines: list[Line], authors: list[str], title_at: int) -> None:
    """A body line at either end of the body that opens with an author's name, full or first,
    and goes on "is a ...", "covers ..." is the author's biography, not the article; so is one
    opening with a name that a line just above it, below the headline, gives alone (a
    contributor's card: "Juliana Hale" / "Recipe tested by Juliana Hale" / "Juliana Hale is a
    senior culinary specialist ..."), and the body line right after a biography that names
    its person again ("Since then, Meredith has ..."). A late biography ends the article
    (:func:`_end_at_late_biography`)."""
    _drop_author_cards(lines)
    body = [i for i, line in enumerate(lines) if line.role is BODY]
    if _drop_first_person_biographies(lines, body):
        body = [i for i in body if lines[i].role is BODY]
    names = {name for author in authors for name in (author, author.split()[0])}
    cards = _cards(lines, title_at)
    if not names and not cards:
        return
    openings = tuple(cards)
    for i in body[:_BIO_LINES] + body[-_BIO_LINES:]:
        text = _without_role_label(lines[i].text)
        if lines[i].role is not BODY or not (
            text.startswith(openings) or any(map(text.startswith, names))
        ):
            continue
        person = _biography_person(text)
        if person not in names and not (
            any(i - _BIO_LINES <= j < i for j in cards.get(person, ())) and only_names(person)
        ):
            continue
        lines[i].role, lines[i].reason = BOILERPLATE, Reason.BIOGRAPHY
        after = next((j for j in body if j > i), None)
        if (
            after is not None
            and after - i <= _BIO_GAP
            and not set(person.split()).isdisjoint(_WORD.findall(lines[after].text))
        ):
            lines[after].role, lines[after].reason = BOILERPLATE, Reason.BIOGRAPHY
    _end_at_late_biography(lines, body, authors)


def _without_role_label(text: str) -> str:
    """``text`` without the writer's role that may head a biography, up to its colon ("Editor
    and Contributor of The Weekly: Jo Park has been writing ..."): a job's name in a few words,
    then a full name and a verb in the present ("is", "has been", "covers", "writes"); ``text``
    itself without one (a note, a disclosure, a live blog's time, a rubric's "Reporter's
    notebook: Jo Park was …", a speaker's "Critic: Jo is right …")."""
    if ": " not in text:
        return text  # most lines, told without splitting them
    role, _, rest = text.partition(": ")
    if (
        len(role.split()) > _BIO_ROLE_WORDS
        or not _JOB.search(role)
        or "'s " in role
        or "’s " in role
        or not _NAMED_IN_PRESENT.match(rest)
    ):
        return text  # "Note: Jo Park was …", "Reporter's notebook: …", "Critic: Jo is right …"
    return rest


def _drop_author_cards(lines: list[Line]) -> None:
    """An author's card ends in its "See full bio" button: the body lines between it and the
    card's name line above (a byline, within ``_CARD_LINES``) are the card's (a role, a bio,
    a fun fact), not the story, when they are a card's: two short lines at most. Without a
    name line of its own above (the story's "By …" byline is none), or with a story's
    paragraph or dateline between, nothing is the card's."""
    buttons = [
        i
        for i, line in enumerate(lines)
        if len(line.text) <= _FULL_BIO_LENGTH and _FULL_BIO.fullmatch(line.text)
    ]
    for i in buttons:
        above = range(i - 1, max(-1, i - 1 - _CARD_LINES), -1)
        name = next((k for k in above if lines[k].role is BYLINE), None)
        if name is None or prefixed_byline_names(lines[name].text) is not None:
            continue  # no card's name line: "By …" is the story's byline
        card = [line for line in lines[name + 1 : i] if line.role is BODY]
        if (
            len(card) > _CARD_BODY_LINES
            or any(line.words > _CARD_LINE_WORDS for line in card)
            or any(line.role is DATE for line in lines[name + 1 : i])
        ):
            continue  # a story's paragraphs, or its dateline, between them
        for line in card:
            line.role, line.reason = BOILERPLATE, Reason.BIOGRAPHY


def _drop_first_person_biographies(lines: list[Line], body: list[int]) -> bool:
    """A body line at either end of the body (``body``: its lines) in which the author speaks of
    their job in the first person ("As a senior analyst, I report on ...", "I write about
    schools.", "I'm a coastal reporter for ...") is their biography, not the story; whether
    there was one."""
    dropped = False
    for i in body[:_BIO_LINES] + body[-_BIO_LINES:]:
        text = lines[i].text
        if text.startswith(("As a", "As an", "I ", "I'm ", "I’m ")) and _FIRST_PERSON_BIO.match(
            text
        ):
            lines[i].role, lines[i].reason = BOILERPLATE, Reason.BIOGRAPHY
            dropped = True
    return dropped


def _cards(lines: list[Line], title_at: int) -> dict[str, list[int]]:
    """The lines below the headline that may be a contributor's card (a name alone on its line,
    left out of the body or taken for a byline), by text, with the indexes where each stands."""
    cards: dict[str, list[int]] = {}
    for j, line in enumerate(lines[title_at + 1 :], title_at + 1):
        # the word count first: a cheaper test, which most lines fail
        if line.words in _CARD_WORDS and line.role in _CARD_ROLES:
            cards.setdefault(line.text, []).append(j)
    return cards


def _end_at_late_biography(lines: list[Line], body: list[int], authors: list[str]) -> None:
    """A biography of an author, by full name, in the second half of the body (``body``: its
    lines before the biographies were marked) ends the article: the body lines below it (a box
    of coverage, teasers) are the page's, not the story's."""
    names = tuple(authors)
    for i in body[len(body) // 2 :]:
        text = lines[i].text
        if ": " in text:  # asked first: the call costs more than the test, and most lines fail
            text = _without_role_label(text)
        if text.startswith(names) and _biography_person(text) in authors:
            lines[i].role, lines[i].reason = BOILERPLATE, Reason.BIOGRAPHY
            for j in body:
                if j > i and lines[j].role is BODY:
                    lines[j].role, lines[j].reason = BOILERPLATE, Reason.AFTER_BIOGRAPHY
            return


def _biography_person(text: str) -> str:
    """The name a biography opens with: names are capitalised, so the first verb ("is", "covers",
    "writes" ...) ends it; "" when none comes soon enough."""
    verb = _BIO_VERB.search(text, 0, _BIO_NAME_SPAN)
    return text[: verb.start()] if verb else ""
