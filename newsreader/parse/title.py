"""The headline: which line it is, the kicker above it, and the page's head dropped.

The candidates are the unlabelled lines above the main run and just into it; the title
classifier (:mod:`scoring`) scores them and the best one with prose below it wins, lines in
capitals last. Three corrections follow when the winner reads poorly as a headline or stands
beside a better one: a repeated line of the folder that other pages link to, a line deeper
in the main run, and the headline beside its kicker or standfirst. :func:`mark_head` then
marks the headline, takes the short line above it as the section, and drops everything
above; :mod:`title_text` strips what scraping glued to the headline's text.
"""

from __future__ import annotations

import re

from newsreader.parse.cues import trailer_section
from newsreader.parse.features import Opening, headline_shaped, title_vector
from newsreader.parse.page import (
    BOILERPLATE,
    BYLINE,
    DATE,
    OTHER,
    SECTION,
    TITLE,
    Line,
    Page,
    ends_a_sentence,
    goes_on,
)
from newsreader.parse.reasons import Reason
from newsreader.parse.scoring import scorer
from newsreader.parse.title_text import headline_text, is_menu, not_a_headline, trail

_TITLE_WINDOW = 150  # headline candidates considered above the main run
_TITLE_INTO_RUN = 5  # ... and this many lines into it (a question headline can open the run)
_TITLE_WORDS = 40  # words a headline has at most
_OPEN_ENDS = (
    "—",
    "–",
    "-",
    ":",
)  # a line ending so leads into the next one: a label or a kicker, not a headline
_OPENING_LINES = 10  # lines of the main run's opening whose words a headline's are looked up in
_CAPITALS = 0.9  # share of capitals among a line's letters that makes it a line in capitals
_CAPITALISED_WORDS = (
    3  # words a line in capitals needs to be put after the rest (a short one is a kicker)
)
_CAPITALS_OVER = 2  # lines below a line in capitals where a byline keeps it in the running
_MASTHEAD_LINES = 2  # the page's first lines, where a masthead stands over the date
_MASTHEAD_REACH = 3  # lines below a masthead where the headline in capitals may stand
_MASTHEAD_MARGIN = (
    5.0  # log-odds a headline in capitals may score below the masthead (as _BYLINE_MARGIN)
)
_LINKED_MARGIN = 4.0  # log-odds by which a repeated line must beat the headline left in play
_DEEPER_MARGIN = 2.5  # ... and a line deep in the main run
_LEDE_WORDS = 12  # words of a lede that outscored the headline over its byline, at least
_KICKER_LENGTH = 120  # characters of a kicker's line, at most
_KICKER_WORDS = 5  # words a kicker has at most
_WRAPPED_WORDS = 10  # words of a line a hard-wrapped text broke a sentence at, at least
_DATED_MARGIN = 1.0  # how far below a dated teaser's score the article's headline may score
_LOUD_HEADLINE = 4  # words of a line in capitals that is a headline, not a kicker, at least
_BYLINE_BLOCK = (BYLINE, DATE)  # the roles of the lines a headline is followed by
_TEASERS = 3  # headline-shaped lines in a row that make a list of teasers
_SUMMARISED_WORDS = 15  # words of a headline with summary points below it, at least
_BYLINE_MARGIN = 5.0  # log-odds a headline over its byline may score below a teaser above it
_DESK_WORDS = 2  # words of a desk's name ("Sport", "Local News") above a short headline
_SHORT_HEADLINE = 3  # words a headline has at least, below a desk's name
_KICKER_ABOVE = 3  # lines above the headline where its kicker may stand
_STANDFIRST_OVER = 8  # words a line above the chosen headline needs to be its headline instead
_QUESTION_STOPS = 0.34  # share of stopwords a short question headline has at most (1 in 3)
_CLOSING_QUOTES = "\"'’”»"  # may close a question headline after its question mark
_BREADCRUMB = re.compile(
    r"\s*(?:/|›|»|>|\|)\s*|\s+[-–—]\s+"
)  # "Sport - Football": a spaced dash too
#: A short line where the kicker stands that names nothing, so the search for the kicker stops:
#: a control ("Copied", "Sign in") or a counter ("1"); what stands above it is more furniture.
_NO_KICKER = re.compile(
    r"\d+|(?i:(?:sign in|log ?in|sign up|register|password|submit|next|previous|copied|"
    r"copy(?: article)? link|rss(?: link| feed)?|about us|contact us|presented by|sponsored by)\W*)"
)
#: ... and one the search passes over, as it passes over a date line: a date the date patterns
#: leave ("12-22-23"), a time ago or a reading time ("2 hours ago", "29 min read", "35d",
#: "22hMike Coppinger", where the byline ran into it); not "80s Music", "100m" or "3d printing".
_PASSED_OVER = re.compile(
    r"\d+(?:[-/.]\d+)+|(?:(?i:updated|published|posted)\s+)?(?:"
    r"\d+\s*(?:h|hrs?|d|w|mins?)|"
    r"\d+\s*(?:s|secs?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+(?:ago|read)\b.*|"
    r"\d+[hdw](?=[A-Z]).*)"
)
_GLUED_KICKER_WORDS = 4  # words of the lines a kicker glued to the headline may be
_REPEAT_BELOW = 2  # lines below the headline where it may stand again without what was glued to it


def title_reach(page: Page) -> int:
    """Index of the first line past the usual headline candidates: a few lines into the
    main run (the end of the page when there is no run)."""
    start, end = page.run
    return min(len(page.lines), (start if start <= end else len(page.lines)) + _TITLE_INTO_RUN)


def title_candidates(page: Page, repeated: bool = False, deeper: bool = False) -> list[int]:
    """Indexes of lines that may be the headline, in order: the unlabelled lines above the main
    run and just into it; with ``repeated``, the furniture lines there instead; with ``deeper``,
    the unlabelled lines of the rest of the main run. A line just below a caption label is its
    caption (or, the caption missing, the text going on), never the headline; nor is a
    paragraph ending in a full stop just below another (a sentence of the story), nor a line
    :func:`not_a_headline` rules out (teaser marks, tags, menus, a wire dateline's sentence)."""
    lines, last, facts = page.lines, title_reach(page), page.facts
    wanted = page.furniture.__contains__ if repeated else (lambda i: lines[i].role is OTHER)
    label = Reason.CAPTION_LABEL  # read once, not per line: an enum's attribute is slow to read
    return [
        i
        for i in (
            range(last, page.run[1] + 1) if deeper else range(max(0, last - _TITLE_WINDOW), last)
        )
        if wanted(i)
        and 1 <= lines[i].words <= _TITLE_WORDS
        and not lines[i].text.endswith(_OPEN_ENDS)
        and trail(lines[i].text) != "breadcrumb"
        and not not_a_headline(lines[i].text)
        and not (i and lines[i - 1].reason is label)
        and not _goes_on(lines, i)
        # a sentence right after a paragraph goes on with the story: no headline
        and not (
            i
            and lines[i].text.endswith(".")
            and facts[i].prose
            and facts[i - 1].prose
            and lines[i - 1].role is OTHER
        )
    ]


def _goes_on(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is the start of a sentence the plain line below goes on with
    (:func:`page.goes_on`: "... east of Ridgeville on Saturday" over "as gusty winds pushed
    the flames ..."), where a headline has its byline or deck below it. A hard-wrapped line
    runs to ten words or more; a shorter one over a lower-case line is a headline over a
    story whose drop cap was lost ("Ferry service cut" over "he ferry service ...")."""
    return (
        i + 1 < len(lines)
        and lines[i].words >= _WRAPPED_WORDS
        and lines[i + 1].role is OTHER
        and goes_on(lines, i)
    )


def title_scores(page: Page, candidates: list[int]) -> list[float]:
    """The title classifier's log-odds for each candidate."""
    return list(map(scorer("title"), title_vectors(page, candidates)))


def title_vectors(page: Page, candidates: list[int]) -> list[list[float]]:
    """The title classifier's feature vector of each candidate (see :func:`features.title_vector`)."""
    body = _opening(page)
    first = candidates[0] if candidates else -1
    return [
        title_vector(page.lines, page.facts, i, page.run, body, first, page.counts, page.blocks)
        for i in candidates
    ]


def _opening(page: Page) -> Opening:
    """The main run's opening lines, which a candidate's words are looked up in: made once per
    page, as the headline's corrections score candidates again."""
    if page.opening is None:
        start, end = page.run
        lines = page.lines[start : min(end + 1, start + _OPENING_LINES)]
        page.opening = Opening(" ".join(line.text for line in lines))
    return page.opening


def find_title(page: Page) -> tuple[int, Reason] | None:
    """Index of the headline and why: the best-scoring candidate that still has prose below it.
    Lines in capitals come after a headline-shaped line in its own case: in a text dump they
    are banners and related-story links, as a headline keeps its case (capitals are the page's
    CSS, not its text); a page whose only headline-shaped lines are in capitals keeps its order,
    and so does a line in capitals over a byline (:func:`_over_byline`).
    Then the corrections of the module's docstring, in order."""
    candidates = title_candidates(page)
    if not candidates:
        return None
    scores = title_scores(page, candidates)
    capitals = [_in_capitals(page, i) and not _over_byline(page.lines, i) for i in candidates]
    if not any(
        headline_shaped(page.lines[i], page.facts[i])
        for i, loud in zip(candidates, capitals)
        if not loud
    ):
        capitals = [False] * len(candidates)  # nothing headline-shaped in its own case to prefer
    ranked = sorted(range(len(candidates)), key=lambda k: (capitals[k], -scores[k]))
    last_prose = next(
        (
            i
            for i in range(len(page.lines) - 1, -1, -1)  # from the end: it is usually near it
            if page.lines[i].role is OTHER and page.facts[i].prose
        ),
        -1,
    )
    chosen = next(
        (candidates[k] for k in ranked if last_prose > candidates[k]), candidates[ranked[0]]
    )
    best = scores[candidates.index(chosen)]
    if best < 0 and (found := _linked_headline(page, last_prose, best)) is not None:
        return found, Reason.LINKED_TITLE
    if best < 0 and (found := _headline_in_run(page, last_prose, best)) is not None:
        return found, Reason.DEEP_TITLE
    if (found := _headline_under_kicker(page, chosen, candidates)) is not None:
        return found, Reason.UNDER_KICKER
    if (found := _headline_over_standfirst(page, chosen, candidates)) is not None:
        return found, Reason.OVER_STANDFIRST
    if (found := _headline_over_byline(page, chosen, candidates, scores)) is not None:
        return found, Reason.OVER_BYLINE
    if (found := _headline_below_dated_teasers(page, chosen, candidates, scores)) is not None:
        return found, Reason.OVER_BYLINE
    if (found := _headline_below_masthead(page, chosen, candidates, scores)) is not None:
        return found, Reason.OVER_BYLINE
    if (found := _headline_over_the_lede(page, chosen, candidates)) is not None:
        return found, Reason.OVER_LEDE
    return chosen, Reason.TITLE


def _in_capitals(page: Page, i: int) -> bool:
    """Whether line ``i`` is a line in capitals long enough to be no kicker."""
    return page.facts[i].upper_ratio >= _CAPITALS and page.lines[i].words >= _CAPITALISED_WORDS


def _over_byline(lines: list[Line], i: int) -> bool:
    """Whether a byline stands among the ``_CAPITALS_OVER`` lines below line ``i``, or a date
    line right below it: a headline's place, whatever its case (older pages print headlines in
    capitals). Not a date below one of the page's first lines: a masthead in capitals stands
    over the date of the day."""
    if any(line.role is BYLINE for line in lines[i + 1 : i + 1 + _CAPITALS_OVER]):
        return True
    return i >= _MASTHEAD_LINES and i + 1 < len(lines) and lines[i + 1].role is DATE


def _headline_over_byline(
    page: Page, chosen: int, candidates: list[int], scores: list[float]
) -> int | None:
    """The candidate below ``chosen`` that a byline or date line follows, when ``chosen`` and
    the lines down to it are headline-shaped candidates, three or more: ``chosen`` heads a list
    of teasers, and a headline is followed by its byline and date, not by more headlines."""
    lines = page.lines
    best = scores[candidates.index(chosen)]
    for k, i in enumerate(candidates):
        if i <= chosen:
            continue
        if i - 1 not in candidates or not headline_shaped(lines[i - 1], page.facts[i - 1]):
            return None  # the lines down to ``i`` are no list of headlines
        if (
            i - chosen >= _TEASERS
            and i + 1 < len(lines)
            and lines[i + 1].role in _BYLINE_BLOCK
            and scores[k] >= best - _BYLINE_MARGIN
            and headline_shaped(lines[i], page.facts[i])
        ):
            return None if _summarised(page, chosen, i) else i
    return None


def _headline_below_masthead(
    page: Page, chosen: int, candidates: list[int], scores: list[float]
) -> int | None:
    """A line in capitals over its byline (or over its dates and byline), a few lines under
    ``chosen`` standing at the page's very top with no byline or date of its own, or under a
    column of menu links below it, when it scores within ``_MASTHEAD_MARGIN``: an old page's
    masthead and slogan ("The Weekly Clarion - Serving Pike County since 1889") over its
    headline in capitals ("FIRE DESTROYS GRANGE HALL" / "By WALTER PRUITT"). A deck over the
    byline is in its own case, and stays the deck."""
    lines = page.lines
    if chosen >= _MASTHEAD_LINES or chosen + 1 >= len(lines):
        return None
    if lines[chosen + 1].role in _BYLINE_BLOCK:
        return None  # the top line has its own byline or date: the headline
    best = scores[candidates.index(chosen)]
    for k, i in enumerate(candidates):
        if (
            chosen < i
            and (i <= chosen + _MASTHEAD_REACH or _a_menu_between(lines, chosen, i))
            and _over_byline(lines, i)
            and _in_capitals(page, i)
            and scores[k] >= best - _MASTHEAD_MARGIN
        ):
            return i
    return None


def _a_menu_between(lines: list[Line], top: int, below: int) -> bool:
    """Whether the lines between ``top`` and ``below`` are a menu's (a column of links under
    an old page's masthead): each of a kicker's length at most, or a menu on one line."""
    return all(line.words <= _KICKER_WORDS or is_menu(line.text) for line in lines[top + 1 : below])


def _headline_below_dated_teasers(
    page: Page, chosen: int, candidates: list[int], scores: list[float]
) -> int | None:
    """The candidate further down with a byline right below it, when ``chosen`` has a date
    line right below it instead and only headlines and date lines stand between the two, two
    dated headlines at least: a list of dated teasers ("Latest news") over the article, whose
    headline scores nearly as well (within ``_DATED_MARGIN``) and has its byline where a
    headline's is. A headline, its date and its deck over the byline are no such list."""
    lines = page.lines
    if chosen + 1 >= len(lines) or lines[chosen + 1].role is not DATE:
        return None
    best = scores[candidates.index(chosen)]
    for k, i in enumerate(candidates):
        if i <= chosen + 1:
            continue
        between = range(chosen + 2, i)
        if any(j not in candidates and lines[j].role is not DATE for j in between):
            return None  # something other than dated headlines stands between them
        if i + 1 < len(lines) and lines[i + 1].role is BYLINE:
            teasers = sum(lines[j].role is DATE for j in between)  # beside the chosen one
            return i if teasers and scores[k] >= best - _DATED_MARGIN else None
    return None


def _summarised(page: Page, chosen: int, last: int) -> bool:
    """Whether the lines below ``chosen`` down to ``last`` are its summary rather than teasers
    with ``chosen`` at their head: ``chosen`` is as long as a headline over summary points runs
    (:data:`_SUMMARISED_WORDS`), longer than each of them; a teaser is a headline of its own."""
    words = page.lines[chosen].words
    return words >= _SUMMARISED_WORDS and all(
        page.lines[i].words < words for i in range(chosen + 1, last + 1)
    )


def _linked_headline(page: Page, last_prose: int, best: float) -> int | None:
    """A line other files of the folder repeat that is this page's headline all the same, when
    no line left in play reads as one (``best`` is the top score among them): pages that link
    to it repeat it (with its kicker, or in "most read" lists), so it was taken for furniture.
    It must read as a headline itself and score far above ``best``."""
    repeated = [i for i in title_candidates(page, repeated=True) if i < last_prose]
    if not repeated:
        return None
    scores = title_scores(page, repeated)
    top = max(range(len(repeated)), key=scores.__getitem__)
    return repeated[top] if scores[top] >= 0 and scores[top] >= best + _LINKED_MARGIN else None


def _headline_in_run(page: Page, last_prose: int, best: float) -> int | None:
    """A line deeper in the main run than the candidates reach, when none of them reads as a
    headline (``best`` is the top score among them) and it reads as one far better, even seen
    from the run's start: the run began early, at a long line of glued links or a teaser above
    the article, and ran on through it."""
    deeper = [
        i
        for i in title_candidates(page, deeper=True)
        if i < last_prose and headline_shaped(page.lines[i], page.facts[i])
    ]
    if not deeper:
        return None
    scores = title_scores(page, deeper)
    top = max(range(len(deeper)), key=scores.__getitem__)
    return deeper[top] if scores[top] >= best + _DEEPER_MARGIN else None


def _headline_over_the_lede(page: Page, chosen: int, candidates: list[int]) -> int | None:
    """The candidate right over the byline and date lines over ``chosen`` (a line of tools at
    most between them and it), when ``chosen`` is a whole sentence and that candidate none
    (three words or more): the story's lede outscored a short headline ("Harbour festival
    returns" / "By Nell Aster" / "May 4, 2008" / "E-mail to a friend" / "Boat races fill the
    quay from Saturday morning.")."""
    lines = page.lines
    # a headline may end with a full stop ("Keep the steps open."); a lede is longer
    if not lines[chosen].text.endswith(".") or lines[chosen].words < _LEDE_WORDS:
        return None
    above = chosen - 1
    if above >= 0 and lines[above].reason is Reason.NAVIGATION:
        above -= 1  # "E-mail to a friend", "Share"
    block = above
    while above >= 0 and block - above < len(_BYLINE_BLOCK) and lines[above].role in _BYLINE_BLOCK:
        above -= 1
    if above == block or above not in candidates:
        return None
    line = lines[above]
    if _SHORT_HEADLINE <= line.words <= _TITLE_WORDS and not ends_a_sentence(line.text):
        return above
    return None


def _headline_under_kicker(page: Page, chosen: int, candidates: list[int]) -> int | None:
    """The candidate just below ``chosen`` when ``chosen`` is as short as a kicker and the line
    below is headline-shaped, in its own case and longer: the kicker ("COMMENTARY Markets and
    Finance", "World / Middle East") outscored its headline, as its words fill the body. Four
    words or more in capitals are an older page's headline over its caption, no kicker."""
    below = chosen + 1
    if page.lines[chosen].words > _KICKER_WORDS or below not in candidates:
        return None
    if page.lines[chosen].words >= _LOUD_HEADLINE and page.facts[chosen].upper_ratio >= _CAPITALS:
        return None  # "WILDFIRE FORCES EVACUATIONS NEAR RIDGEVILLE": an older page's headline
    if _reads_as_headline(page, below, candidates) and page.lines[below].words > _KICKER_WORDS:
        return below
    # a one- or two-word desk over a short headline ("Sport" / "Harbour regatta results")
    short = page.lines[below]
    if (
        page.lines[chosen].words <= _DESK_WORDS
        and _SHORT_HEADLINE <= short.words <= _KICKER_WORDS
        and not ends_a_sentence(short.text)
        and page.facts[below].upper_ratio < _CAPITALS
        and (page.blocks[short.block] == 1 or page.lines[chosen].block != short.block)
    ):
        return below
    return None


def _headline_over_standfirst(page: Page, chosen: int, candidates: list[int]) -> int | None:
    """The candidate just above ``chosen`` when it is headline-shaped, in its own case and at
    least as long (so no kicker, which is short) or a question of a few words that are mostly
    content words ("Harbour library rescue approved?", where a kicker or promo that asks is
    mostly function words: "Did you know?", "Who is to blame?"): a standfirst or summary line
    just below its headline often reads as the better headline on its own."""
    above = chosen - 1
    if above < 0:  # the first line has none above it
        return None
    line = page.lines[above]
    if _reads_as_headline(page, above, candidates) and line.words >= max(
        _STANDFIRST_OVER, page.lines[chosen].words
    ):
        return above
    asks = line.text.rstrip(_CLOSING_QUOTES).endswith("?")  # and may be short: "Rates to fall?"
    if not (asks and above in candidates and line.words >= _SHORT_HEADLINE):
        return None
    fact = page.facts[above]
    return above if fact.upper_ratio < _CAPITALS and fact.stop_ratio <= _QUESTION_STOPS else None


def _reads_as_headline(page: Page, i: int, candidates: list[int]) -> bool:
    """Whether line ``i``, beside the chosen headline, is a candidate shaped like a headline
    and in its own case (what a kicker's headline or a standfirst's headline must be)."""
    return (
        i in candidates
        and headline_shaped(page.lines[i], page.facts[i])
        and page.facts[i].upper_ratio < _CAPITALS
    )


def mark_head(lines: list[Line], headline: tuple[int, Reason] | None) -> str | None:
    """Mark the headline (``headline``: its index and reason, as :func:`find_title` gives it),
    the short kicker just above it as the section, and everything above as boilerplate; the
    section the kicker names, if any."""
    if headline is None:
        return None
    title_at, reason = headline
    lines[title_at].role, lines[title_at].reason = TITLE, reason
    section = None
    for i in range(title_at - 1, max(-1, title_at - 1 - _KICKER_ABOVE), -1):
        line = lines[i]
        if (
            line.role is OTHER
            and line.words <= _KICKER_WORDS
            and len(line.text) <= _KICKER_LENGTH  # the split backtracks over a run of spaces
            and not ends_a_sentence(line.text)
            and (named := _BREADCRUMB.split(line.text)[0].strip())
            and not _PASSED_OVER.fullmatch(named)
        ):
            if not _NO_KICKER.fullmatch(named):
                section = named
                line.role, line.reason = SECTION, Reason.KICKER
            break  # the nearest kicker-shaped line names the section, or none
    above = (BOILERPLATE, Reason.ABOVE_TITLE)  # read once, not per line
    for line in lines[:title_at]:
        if line.role is OTHER:
            line.role, line.reason = above
    return section


def title_and_kicker(lines: list[Line], title_at: int) -> tuple[str, str | None]:
    """The headline's text without the furniture glued to it (see :mod:`title_text`), and the
    kicker run into it, if any."""
    return headline_text(
        lines[title_at].text,
        [line.text for line in lines if line.words <= _GLUED_KICKER_WORDS],
        [line.text for line in lines[title_at + 1 : title_at + 1 + _REPEAT_BELOW]],
    )


def section_trailer(lines: list[Line], title_at: int | None) -> str | None:
    """The section a "More In Politics MORE..." trailer below the headline names, for a page
    without a kicker: the first such trailer is the article's own (later ones are other desks)."""
    start = 0 if title_at is None else title_at + 1
    return next(filter(None, (trailer_section(line.text) for line in lines[start:])), None)
