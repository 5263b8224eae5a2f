"""Give every non-blank line of an article its role, from structure alone.

The method, in four passes over the lines:
1. cues: lines that say what they are by themselves (credits, caption
   labels, share/ad/navigation text, bylines, dates; see :mod:`cues`);
2. the main run: the contiguous stretch with the most prose in it (a
   maximum-sum run), a landmark for the learned passes;
3. the headline: the candidate the title classifier scores highest (when
   none reads as one, a line the folder repeats or one deeper in the main
   run may, if it reads as one far better); the short kicker just above it
   is the section, everything above is dropped;
4. the body: each remaining line below the headline that the body
   classifier scores as body.
The classifiers are small gradient-boosted tree ensembles over :mod:`features`
(see :mod:`scoring`), trained by ``tools/train_parser.py``; their weights ship
in ``weights.json``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsreader.model import LineRole, Role
from newsreader.parse import cues
from newsreader.parse.bylines import byline_names, names_in, prefixed_byline_names, separated_byline_names
from newsreader.parse.reasons import Reason
from newsreader.parse.dates import find_date, has_date_word
from newsreader.parse.headline import headline_text, trail
from newsreader.parse.furniture import KEYED_WORDS, repeated_lines
from newsreader.parse.features import (LineFacts, Opening, context_vectors, file_stopwords, headline_shaped,
                                       line_vector, title_vector)
from newsreader.parse.scoring import scorer

# Role members as module names: a hot loop reads a global faster than an enum's attribute
BODY, BOILERPLATE, BYLINE, CAPTION, CREDIT, DATE, OTHER, SECTION, TITLE = (
    Role.BODY, Role.BOILERPLATE, Role.BYLINE, Role.CAPTION, Role.CREDIT, Role.DATE, Role.OTHER, Role.SECTION, Role.TITLE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)\]]$")
_BREADCRUMB = re.compile(r"\s*(?:/|›|»|>|\|)\s*|\s+[-–—]\s+")  # "Sport - Football": a spaced dash too
_TITLE_WINDOW = 150  # headline candidates considered above the main run
_TITLE_INTO_RUN = 5  # ... and this many lines into it (a question headline can open the run)
_MIN_CONTEXT = 6  # fewer unlabelled lines below the headline than this: judge by prose shape alone
_NAME_INTO_RUN = 3  # lines into the main run a bare name may still be a byline
_PLACE_TAIL = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")  # "... in New York"
_JOINERS = re.compile(r"(?:\s|,|\.|&|\band\b)*")  # what may stand between names on a name line
_SENTENCE_WORDS = 6  # words a line needs before its lower-case words count as ordinary language
_NAME_BELOW_TITLE = 8  # lines below the headline where a bare name may still be a byline
_WORD = re.compile(r"[^\W\d_]+")
_HANDLE = re.compile(r"@\w+$")  # a line that is a social-media handle, as under an author's name
_OWN_PROSE = 150  # words of prose a file's main run must keep without its repeated lines to be an article
_OWN_PARAGRAPHS = 5  # ... in at least this many prose lines
_RUN_THRESHOLD = -2.0  # body score a prose line inside the main run needs (0 elsewhere)
_NAME_JOINERS = {",", "and", "&", "·", "|"}
_AUTHOR_BUTTONS = {"follow", "·", "•", "follow author", "see full bio", "view profile"}  # beside an author's name
_NAME_SUFFIXES = (" Jr.", " Sr.")  # a name may end with a period
_BIO_VERB = re.compile(r"\s+(?:is|was|covers|writes|has been|joined)\b")  # after a name: a biography
_SHORT_DATELINE = 14  # words up to which a dated line was offered to the byline cues first (see _cue)
_LISTED_BYLINES = 3  # byline-shaped lines in a row that make a list instead
_BYLINE_REST = 8  # words of the line that finishes a byline ending in a comma, at most
_BIO_NAME_SPAN = 100  # characters in which the name opening a biography ends
_BIO_GAP = 2  # lines from a biography to the body line going on with it (one other may stand between)
_CAPTION_WORDS = 80  # words a caption may run to
_LINKED_MARGIN = 4.0  # log-odds by which a repeated line must beat the headline left in play
_STANDFIRST_OVER = 8  # words a line above the chosen headline needs to be its headline instead
_KICKER_WORDS = 5  # words a chosen line may have and still be the kicker of a longer line below it
_DEEPER_MARGIN = 2.5  # ... and a line deep in the main run
_OPEN_ENDS = ("—", "–", "-", ":")  # a line ending so leads into the next one: a label or a kicker, not a headline
_REPEAT_BELOW = 2  # lines below the headline where it may stand again without what was glued to it
_CAPITALS = 0.9  # share of capitals among a line's letters that makes it a line in capitals
_BIO_LINES = 3  # body lines at either end where an author's biography may stand
_MIN_CREDIT = 8  # characters a credit needs before a line ending with it counts as its caption


@dataclass
class Line:
    """A non-blank line with its role so far."""

    number: int  # 1-based line number in the decoded text
    text: str
    block: int  # index of the blank-line-separated block it sits in
    words: int
    role: Role = OTHER
    reason: Reason = Reason.UNDECIDED


@dataclass
class Page:
    """Everything the passes share about one file's lines."""

    lines: list[Line]
    facts: list[LineFacts]
    run: tuple[int, int]
    counts: Counter = field(default_factory=Counter)
    blocks: Counter = field(default_factory=Counter)
    credits: list[str] = field(default_factory=list)
    furniture: frozenset[int] = frozenset()  # indexes of the lines other files of the folder repeat

    def line_vectors(self, candidates: list[int]) -> list[list[float]]:
        lines, facts, run, counts, blocks = self.lines, self.facts, self.run, self.counts, self.blocks
        return [line_vector(lines, facts, i, run, counts, blocks) for i in candidates]

    def body_candidates(self, first: int) -> list[int]:
        """Indexes of the unlabelled lines from ``first`` on: the lines the body classifiers judge."""
        return [i for i in range(first, len(self.lines)) if self.lines[i].role is OTHER]

    def body_scores(self, candidates: list[int]) -> list[float]:
        """Body scores of the candidates: a first pass on each line alone, then a second
        pass that adds its neighbours' first-pass scores."""
        local = self.line_vectors(candidates)
        context = context_vectors(list(map(scorer("body"), local)))
        return list(map(scorer("body_context"), map(list.__add__, local, context)))

    def title_reach(self) -> int:
        """Index of the first line past the usual headline candidates: a few lines into the
        main run (the end of the page when there is no run)."""
        start, end = self.run
        return min(len(self.lines), (start if start <= end else len(self.lines)) + _TITLE_INTO_RUN)

    def title_candidates(self, repeated: bool = False, deeper: bool = False) -> list[int]:
        """Indexes of lines that may be the headline, in order: those above the main run and
        just into it; with ``repeated``, only the lines marked as repeated in other files of the
        folder; with ``deeper``, those of the rest of the main run instead. A line just below a
        caption label is its caption (or, the caption missing, the text going on), never the headline."""
        last, end = self.title_reach(), self.run[1]
        wanted = self.furniture.__contains__ if repeated else (lambda i: self.lines[i].role is OTHER)
        return [i for i in (range(last, end + 1) if deeper else range(max(0, last - _TITLE_WINDOW), last))
                if wanted(i) and 1 <= self.lines[i].words <= 40
                and not self.lines[i].text.endswith(_OPEN_ENDS) and trail(self.lines[i].text) != "breadcrumb"
                and not (i and self.lines[i - 1].reason is Reason.CAPTION_LABEL)]

    def title_scores(self, candidates: list[int]) -> list[float]:
        return list(map(scorer("title"), self.title_vectors(candidates)))

    def title_vectors(self, candidates: list[int]) -> list[list[float]]:
        start, end = self.run
        body = Opening(" ".join(line.text for line in self.lines[start:min(end + 1, start + 10)]))
        first = candidates[0] if candidates else -1
        return [title_vector(self.lines, self.facts, i, self.run, body, first, self.counts, self.blocks)
                for i in candidates]


@dataclass
class Layout:
    """The outcome of :func:`lay_out`: roles per line plus the fields they yield."""

    lines: list[Line]
    title: str
    section: str | None
    authors: list[str]
    published: str | None
    credits: list[str]

    def roles(self) -> list[LineRole]:
        return [LineRole(line.number, line.text, line.role, line.reason.value) for line in self.lines]

    def paragraphs(self) -> list[str]:
        return [line.text for line in self.lines if line.role is BODY]

    def body_words(self) -> int:
        """Words in the body paragraphs, as ``str.split`` counts them (already counted per line)."""
        return sum(line.words for line in self.lines if line.role is BODY)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text``, stripped, with their block index and word count.

    The count is ``len(line.split())`` without building the words: every whitespace character
    but the space is unprintable, so a printable line without double spaces has one word more
    than spaces (inline: this runs on every line of every file).
    """
    lines: list[Line] = []
    block = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            plain = "  " not in stripped and stripped.isprintable()
            words = stripped.count(" ") + 1 if plain else len(stripped.split())
            lines.append(Line(number, stripped, block, words))
        else:
            block += 1
    return lines


def read_page(text: str, shared: frozenset[int] = frozenset(), keys: bytes | None = None) -> Page:
    """Passes 1 and 2: lines with their cue roles, facts and the main run of prose.
    ``shared`` holds the line pairs other files of the folder repeat, ``keys`` the file's own
    when they were taken already (see :mod:`furniture`)."""
    lines = split_lines(text)
    credits: list[str] = []
    _mark_cues(lines, credits, cues.notice_phrases(text))
    _mark_caption_labels(lines)
    _mark_credited_captions(lines, credits)
    _mark_caption_copies(lines)
    _join_lone_bylines(lines)
    stopwords = file_stopwords(text)
    # a line with a cue role never becomes a candidate again: only its shape is read
    facts = [LineFacts(line.text, stopwords, line.words, line.role is OTHER) for line in lines]
    furniture, run = _furniture_and_run(lines, facts, shared, keys)
    for i in furniture:
        lines[i].role, lines[i].reason = BOILERPLATE, Reason.REPEATED
    page = Page(lines, facts, run, credits=credits, furniture=furniture)
    _mark_name_lines(lines, range(min(page.run[0] + _NAME_INTO_RUN, len(lines))))
    page.counts.update(line.text for line in lines)
    page.blocks.update(line.block for line in lines)
    return page


def lay_out(text: str, shared: frozenset[int] = frozenset(), keys: bytes | None = None) -> Layout:
    """Assign a role to every non-blank line of ``text`` and collect the record's fields."""
    page = read_page(text, shared, keys)
    lines = page.lines
    headline = _find_title(page)
    title_at = headline[0] if headline else None
    section = _mark_head(lines, headline)
    if title_at is not None:
        _mark_name_lines(lines, range(title_at + 1, min(title_at + 1 + _NAME_BELOW_TITLE, len(lines))))
    _mark_body(page, title_at)
    title = ""
    if title_at is not None:
        title, kicker = headline_text(lines[title_at].text, [line.text for line in lines if line.words <= 4],
                                      [line.text for line in lines[title_at + 1:title_at + 1 + _REPEAT_BELOW]])
        section = kicker or section  # run into the headline: the article's own kicker, not a nearby link
    section = section or _trailer_section(lines, title_at)
    authors = _authors(lines, title_at)
    _mark_bios(lines, authors, -1 if title_at is None else title_at)
    return Layout(lines, title, section, authors, _published(lines, title_at),
                  list(dict.fromkeys(page.credits)))


def _trailer_section(lines: list[Line], title_at: int | None) -> str | None:
    """The section a "More In Politics MORE..." trailer below the headline names, for a page
    without a kicker: the first such trailer is the article's own (later ones are other desks)."""
    start = 0 if title_at is None else title_at + 1
    return next(filter(None, (cues.trailer_section(line.text) for line in lines[start:])), None)


def _cue(line: Line, credits: list[str], phrases: tuple) -> tuple[Role, Reason] | None:
    """The role a line earns by itself, and why, checked from the most to the least specific cue
    (``phrases``: the notice phrases its file holds, see :func:`cues.notice_phrases`); None
    when no cue fits. The credits a line gives are added to ``credits``.

    Captions told by their shape come first; past that, long lines can only be notices, long
    bylines, datelines or captions ending in a credit, so they skip the rest (a hot path).
    """
    text = line.text
    if cues.opens_like_a_caption(text):
        return CAPTION, Reason.CAPTION_OPENING
    if cues.ends_with_running_time(text):
        return CAPTION, Reason.RUNNING_TIME
    if line.words <= _CAPTION_WORDS and cues.places_people_in_a_picture(text):
        return CAPTION, Reason.PEOPLE_PLACED
    if line.words > 14:
        if cues.is_notice(text, phrases):
            return BOILERPLATE, Reason.NOTICE
        elif line.words <= 30 and prefixed_byline_names(text):
            return BYLINE, Reason.LONG_BYLINE
        elif line.words <= 30 and has_date_word(text) and find_date(text):
            return DATE, Reason.DATELINE
        elif line.words <= _CAPTION_WORDS and (credit := cues.trailing_credit(text)):
            credits.append(credit)
            return CAPTION, Reason.ENDS_WITH_CREDIT
        return None
    if cues.is_caption_label(text):
        return CAPTION, Reason.CAPTION_LABEL
    elif cues.is_boilerplate(text):
        return BOILERPLATE, Reason.NAVIGATION
    elif byline_names(text) is not None:
        return BYLINE, Reason.BYLINE
    elif (found := cues.credits_in(text)) is not None:
        credits.extend(found)
        return CREDIT, Reason.CREDIT
    elif (line.words <= 12 or has_date_word(text)) and find_date(text):
        return DATE, Reason.SHORT_DATE
    elif credit := cues.trailing_credit(text):
        credits.append(credit)
        return CAPTION, Reason.ENDS_WITH_CREDIT
    elif cues.is_notice(text, phrases):  # after the date: "Correction: December 20, 2023:" may be the only date
        return BOILERPLATE, Reason.NOTICE
    return None


def _furniture_and_run(lines: list[Line], facts: list[LineFacts], shared: frozenset[int],
                       keys: bytes | None) -> tuple[frozenset[int], tuple[int, int]]:
    """The unlabelled lines that other files of the folder repeat (see :mod:`furniture`), which
    are furniture, and the main run without them; unless the file copies another article (an
    update, a syndicated story), whose repeated lines are its news: then no furniture, and the
    main run of all the lines.

    Furniture stands apart from the article, so without it the main run is still an article
    with little repeated in it; a copy's repeated lines are interleaved with its longer
    paragraphs (too long to be counted), so they sit inside the new run, or too little is left."""
    repeated = frozenset(i for i in repeated_lines([line.text for line in lines], shared, keys)
                         if lines[i].role is OTHER) if shared else frozenset()
    if repeated:
        start, end = run = _main_run(lines, facts, repeated)
        prose = [facts[i].words for i in range(start, end + 1)
                 if lines[i].role is OTHER and i not in repeated and facts[i].prose]
        keyed = {i: facts[i].words for i in range(start, end + 1)
                 if facts[i].prose and facts[i].words <= KEYED_WORDS and lines[i].role is OTHER}
        if (len(prose) >= _OWN_PARAGRAPHS and sum(prose) >= _OWN_PROSE
                and sum(keyed.get(i, 0) for i in repeated) * 2 < sum(keyed.values())):
            return repeated, run
    return frozenset(), _main_run(lines, facts)


def _mark_cues(lines: list[Line], credits: list[str], phrases: tuple) -> None:
    """Pass 1: every line the role its own cue earns (see :func:`_cue`), bar bylines in a list."""
    found = [_cue(line, credits, phrases) for line in lines]
    for i in listed_bylines([i for i, cue in enumerate(found) if cue is not None and cue[0] is BYLINE]):
        found[i] = None
    for line, cue in zip(lines, found):
        if cue is not None:
            line.role, line.reason = cue


def listed_bylines(bylines: list[int]) -> list[int]:
    """Of the indexes of byline-shaped lines (in order), those standing three or more in a row:
    a list ("Best FPS Vtuber - SELEN TATSUKI", "Best Music Vtuber - MORI CALLIOPE", ...), not
    bylines, as an article names its authors once."""
    listed: list[int] = []
    start = 0
    for k in range(1, len(bylines) + 1):
        if k == len(bylines) or bylines[k] != bylines[k - 1] + 1:  # a row ends
            if k - start >= _LISTED_BYLINES:
                listed += bylines[start:k]
            start = k
    return listed


def _mark_caption_labels(lines: list[Line]) -> None:
    """Short unlabelled lines right beside a credit, in its block, are its caption."""
    for i, line in enumerate(lines):
        if line.role is OTHER and line.words <= 6 and not _SENTENCE_END.search(line.text):
            near = lines[max(0, i - 1):i] + lines[i + 1:i + 2]
            if any(other.role is CREDIT and other.block == line.block for other in near):
                line.role, line.reason = CAPTION, Reason.BESIDE_CREDIT


def _mark_credited_captions(lines: list[Line], credits: list[str]) -> None:
    """A line that ends with a photo credit the file gives on its own line elsewhere, perhaps
    followed by a caption label ("... Chris Jackson/Getty Images hide caption"), is a caption."""
    known = {credit for credit in credits if len(credit) >= _MIN_CREDIT}
    if not known:
        return
    for line in lines:
        if line.role is OTHER and line.words > 3:
            text = cues.without_caption_label(line.text)
            if any(text.endswith(credit) and text != credit for credit in known):
                line.role, line.reason = CAPTION, Reason.CREDIT_GIVEN_ELSEWHERE


def _mark_caption_copies(lines: list[Line]) -> None:
    """A line that a caption elsewhere in the file starts with is that caption shown again
    without its credit ("Buses pass under ... in London, England." below "Buses pass under
    ... in London, England. Chris Jackson/Getty Images hide caption")."""
    captions = [line.text for line in lines if line.role is CAPTION]
    if not captions:
        return
    for line in lines:
        if line.role is OTHER and line.words > 3 and any(
                caption.startswith(line.text) and caption[len(line.text):len(line.text) + 1].isspace()
                for caption in captions):
            line.role, line.reason = CAPTION, Reason.CAPTION_AGAIN


def _join_lone_bylines(lines: list[Line]) -> None:
    """A lone "By" line takes the names on the following lines into the byline: one name line,
    or several with lone joiners between them ("By" / "Aaron Scott" / "," / "Berly McCoy").
    A role just below a byline is part of it ("EJ Antoni" / "Research Fellow, Hermann Center"),
    and so is a short line below a byline ending in a comma ("By Gina Scinta," / "Deputy CTO,
    Thales Trusted Cyber Technologies")."""
    for i, line in enumerate(lines):
        if line.role is not BYLINE:
            continue
        if i + 1 < len(lines) and lines[i + 1].role is OTHER:
            rest = lines[i + 1]
            if _is_role_line(rest) or (line.text.endswith(",") and rest.words <= _BYLINE_REST
                                       and not _SENTENCE_END.search(rest.text)):
                rest.role, rest.reason = BYLINE, Reason.BYLINE_ROLE
        if byline_names(line.text) != ():
            continue
        for following in lines[i + 1:]:
            if following.role is not OTHER:
                break
            if following.text.lower() in _NAME_JOINERS:
                following.role, following.reason = BYLINE, Reason.JOINER
            elif following.words <= 8 and names_in(following.text):
                following.role, following.reason = BYLINE, Reason.JOINED
            else:
                break


def _mark_name_lines(lines: list[Line], where: range) -> None:
    """A line that is only a person's name, beside a date, a role ("Emma Whitford" / "Forbes
    Staff") or a social handle, is a byline without the "By". Looked for twice: above the main
    run of prose (and just inside its start, where a standfirst opened it), and once the
    headline is known, in the lines just below it (captions may have started the run)."""
    for i in where:
        line = lines[i]
        if line.role is not OTHER or not 2 <= line.words <= 12 or (
                _SENTENCE_END.search(line.text) and not line.text.endswith(_NAME_SUFFIXES)):
            continue
        if not _only_names(line.text):
            continue
        neighbours = lines[max(0, i - 1):i] + lines[i + 1:i + 2]
        # a one-word desk ("Opinion", "Sports") beside it is a menu, not the author's role
        if any(other.role in (DATE, BYLINE) or (other.words > 1 and _is_role_line(other))
               or _HANDLE.match(other.text) or other.text.lower() in _AUTHOR_BUTTONS for other in neighbours):
            line.role, line.reason = BYLINE, Reason.NAME_LINE


def _only_names(text: str) -> bool:
    """True when ``text`` is one or more names and nothing else, bar a place ("Joanna Walters
    and Edward Helmore in New York")."""
    text = _PLACE_TAIL.sub("", text)
    names = names_in(text)
    if not names or len(names) > 3:
        return False
    rest = text
    for name in names:
        rest = rest.replace(name, " ", 1)
    return _JOINERS.fullmatch(rest) is not None


def _is_role_line(line: Line) -> bool:
    """A short line naming a job or desk ("Senior Contributor", "Political reporter @handle")."""
    return line.role is OTHER and line.words <= 6 and byline_names(f"A Name, {line.text}") is not None


def _main_run(lines: list[Line], facts: list[LineFacts], furniture: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Index range [start, end] of the contiguous run of lines with the most prose.

    Prose lines add their word count, other lines subtract a little (junk
    more than short unlabelled lines); the best-scoring run is trimmed to
    start and end on prose. (0, -1) when there is no prose at all.
    ``furniture``: lines counted as junk although still unlabelled.
    """
    best, best_range = 0.0, (0, -1)
    total, run_start = 0.0, 0
    for i, (line, fact) in enumerate(zip(lines, facts)):
        if total <= 0:
            total, run_start = 0.0, i
        unlabelled = line.role is OTHER and i not in furniture
        if unlabelled and fact.prose:
            total += fact.words
        else:
            total -= 2.0 if unlabelled and line.words <= 14 else 4.0
        if total > best:
            best, best_range = total, (run_start, i)
    start, end = best_range
    while start <= end and not (lines[start].role is OTHER and start not in furniture and facts[start].prose):
        start += 1
    return start, end


def _find_title(page: Page) -> tuple[int, Reason] | None:
    """Index of the headline and why: the best-scoring candidate that still has prose below it. Lines
    in capitals come after a headline-shaped line in its own case: in a text dump they are
    banners and related-story links, as a headline keeps its case (capitals are the page's CSS,
    not its text); a page whose only headline-shaped lines are in capitals keeps its order.
    A kicker or a standfirst chosen beside its headline gives way to it (:func:`_headline_under_kicker`,
    :func:`_headline_over_standfirst`)."""
    candidates = page.title_candidates()
    if not candidates:
        return None
    scores = page.title_scores(candidates)
    capitals = [page.facts[i].upper_ratio >= _CAPITALS and page.lines[i].words >= 3 for i in candidates]
    if not any(headline_shaped(page.lines[i], page.facts[i]) for i, loud in zip(candidates, capitals) if not loud):
        capitals = [False] * len(candidates)  # nothing headline-shaped in its own case to prefer
    ranked = sorted(range(len(candidates)), key=lambda k: (capitals[k], -scores[k]))
    last_prose = next((i for i in range(len(page.lines) - 1, -1, -1)  # from the end: it is usually near it
                       if page.lines[i].role is OTHER and page.facts[i].prose), -1)
    chosen = next((candidates[k] for k in ranked if last_prose > candidates[k]), candidates[ranked[0]])
    best = scores[candidates.index(chosen)]
    if best < 0:
        found = _linked_headline(page, last_prose, best)
        if found is not None:
            return found, Reason.LINKED_TITLE
        found = _headline_in_run(page, last_prose, best)
        if found is not None:
            return found, Reason.DEEP_TITLE
    found = _headline_under_kicker(page, chosen, candidates)
    if found is not None:
        return found, Reason.UNDER_KICKER
    found = _headline_over_standfirst(page, chosen, candidates)
    if found is not None:
        return found, Reason.OVER_STANDFIRST
    return chosen, Reason.TITLE


def _headline_under_kicker(page: Page, chosen: int, candidates: list[int]) -> int | None:
    """The candidate just below ``chosen`` when ``chosen`` is as short as a kicker and the line
    below is headline-shaped, in its own case and longer: the kicker ("COMMENTARY Markets and
    Finance", "World / Middle East") outscored its headline, as its words fill the body."""
    below = chosen + 1
    if (page.lines[chosen].words > _KICKER_WORDS or not _reads_as_headline(page, below, candidates)
            or page.lines[below].words <= _KICKER_WORDS):
        return None
    return below


def _headline_over_standfirst(page: Page, chosen: int, candidates: list[int]) -> int | None:
    """The candidate just above ``chosen`` when it is headline-shaped, in its own case and at
    least as long (so no kicker, which is short): a standfirst or summary line just below its
    headline often reads as the better headline on its own."""
    above = chosen - 1
    if (not _reads_as_headline(page, above, candidates)
            or page.lines[above].words < max(_STANDFIRST_OVER, page.lines[chosen].words)):
        return None
    return above


def _reads_as_headline(page: Page, i: int, candidates: list[int]) -> bool:
    """Whether line ``i``, beside the chosen headline, is a candidate shaped like a headline
    and in its own case (what a kicker's headline or a standfirst's headline must be)."""
    return i in candidates and headline_shaped(page.lines[i], page.facts[i]) and page.facts[i].upper_ratio < _CAPITALS


def _headline_in_run(page: Page, last_prose: int, best: float) -> int | None:
    """A line deeper in the main run than the candidates reach, when none of them reads as a
    headline (``best`` is the top score among them) and it reads as one far better, even seen
    from the run's start: the run began early, at a long line of glued links or a teaser above
    the article, and ran on through it."""
    deeper = [i for i in page.title_candidates(deeper=True)
              if i < last_prose and headline_shaped(page.lines[i], page.facts[i])]
    if not deeper:
        return None
    scores = page.title_scores(deeper)
    top = max(range(len(deeper)), key=scores.__getitem__)
    return deeper[top] if scores[top] >= best + _DEEPER_MARGIN else None


def _linked_headline(page: Page, last_prose: int, best: float) -> int | None:
    """A line other files of the folder repeat that is this page's headline all the same, when
    no line left in play reads as one (``best`` is the top score among them): pages that link
    to it repeat it (with its kicker, or in "most read" lists), so it was taken for furniture.
    It must read as a headline itself and score far above ``best``."""
    repeated = [i for i in page.title_candidates(repeated=True) if i < last_prose]
    if not repeated:
        return None
    scores = page.title_scores(repeated)
    top = max(range(len(repeated)), key=scores.__getitem__)
    return repeated[top] if scores[top] >= 0 and scores[top] >= best + _LINKED_MARGIN else None


def _mark_head(lines: list[Line], headline: tuple[int, Reason] | None) -> str | None:
    """Mark the headline (``headline``: its index and reason), everything above it, and return
    the section kicker."""
    if headline is None:
        return None
    title_at, reason = headline
    lines[title_at].role, lines[title_at].reason = TITLE, reason
    section = None
    for i in range(title_at - 1, max(-1, title_at - 4), -1):
        line = lines[i]
        if line.role is OTHER and line.words <= 5 and not _SENTENCE_END.search(line.text):
            section = _BREADCRUMB.split(line.text)[0].strip() or None
            if section:
                line.role, line.reason = SECTION, Reason.KICKER
                break
    for line in lines[:title_at]:
        if line.role is OTHER:
            line.role, line.reason = BOILERPLATE, Reason.ABOVE_TITLE
    return section


def _mark_body(page: Page, title_at: int | None) -> None:
    """Each unlabelled line below the headline is body when the body classifiers say so.

    Prose inside the main run needs less evidence than lines outside it: the
    run is where the article is, so only a clearly negative score drops it.
    """
    first = (title_at + 1) if title_at is not None else 0
    candidates = page.body_candidates(first)
    if len(candidates) < _MIN_CONTEXT:
        for i in candidates:  # too few lines for the classifiers' context: prose is body
            line = page.lines[i]
            line.role, line.reason = (BODY, Reason.PROSE_ON_SHORT_PAGE) if page.facts[i].prose else (
                BOILERPLATE, Reason.NOT_PROSE_ON_SHORT_PAGE)
        return
    start, end = page.run
    article, furniture = (BODY, Reason.ARTICLE_TEXT), (BOILERPLATE, Reason.PAGE_FURNITURE)  # read once, not per line
    for i, verdict in zip(candidates, page.body_scores(candidates)):
        inside = start <= i <= end and page.facts[i].prose
        page.lines[i].role, page.lines[i].reason = article if verdict > (_RUN_THRESHOLD if inside else 0.0) else furniture


def _mark_bios(lines: list[Line], authors: list[str], title_at: int) -> None:
    """A body line at either end of the body that opens with an author's name, full or first,
    and goes on "is a ...", "covers ..." is the author's biography, not the article; so is one
    opening with a name that a line just above it, below the headline, gives alone (a
    contributor's card: "Juliana Hale" / "Recipe tested by Juliana Hale" / "Juliana Hale is a
    senior culinary specialist ..."), and the body line right after a biography that names
    its person again ("Since then, Meredith has ...")."""
    names = {name for author in authors for name in (author, author.split()[0])}
    cards = tuple({line.text for line in lines[title_at + 1:]
                   if line.role in (BOILERPLATE, BYLINE) and 2 <= line.words <= 3})
    if not names and not cards:
        return
    body = [i for i, line in enumerate(lines) if line.role is BODY]
    for i in body[:_BIO_LINES] + body[-_BIO_LINES:]:
        text = lines[i].text
        if lines[i].role is not BODY or not (text.startswith(cards) or any(map(text.startswith, names))):
            continue
        person = _bio_person(text)
        if person not in names and not (2 <= len(person.split()) <= 3 and any(
                line.text == person and line.role in (BOILERPLATE, BYLINE)
                for line in lines[max(title_at + 1, i - _BIO_LINES):i]) and _only_names(person)):
            continue
        lines[i].role, lines[i].reason = BOILERPLATE, Reason.BIOGRAPHY
        after = next((j for j in body if j > i), None)
        if (after is not None and after - i <= _BIO_GAP
                and not set(person.split()).isdisjoint(_WORD.findall(lines[after].text))):
            lines[after].role, lines[after].reason = BOILERPLATE, Reason.BIOGRAPHY
    _end_at_late_bio(lines, body, authors)


def _end_at_late_bio(lines: list[Line], body: list[int], authors: list[str]) -> None:
    """A biography of an author, by full name, in the second half of the body (``body``: its
    lines before the biographies were marked) ends the article: the body lines below it (a box
    of coverage, teasers) are the page's, not the story's."""
    names = tuple(authors)
    for i in body[len(body) // 2:]:
        text = lines[i].text
        if text.startswith(names) and _bio_person(text) in authors:
            lines[i].role, lines[i].reason = BOILERPLATE, Reason.BIOGRAPHY
            for j in body:
                if j > i and lines[j].role is BODY:
                    lines[j].role, lines[j].reason = BOILERPLATE, Reason.AFTER_BIOGRAPHY
            return


def _bio_person(text: str) -> str:
    """The name a biography opens with: names are capitalised, so the first verb ("is", "covers",
    "writes" ...) ends it; "" when none comes soon enough."""
    verb = _BIO_VERB.search(text, 0, _BIO_NAME_SPAN)
    return text[:verb.start()] if verb else ""


def _only_updated(text: str) -> bool:
    lowered = text.lower()
    return "updated" in lowered and "publish" not in lowered and "posted" not in lowered


def _authors(lines: list[Line], title_at: int | None) -> list[str]:
    """Names from the first byline near the headline, else from any byline. A long dateline
    that opens with a name ("Janyce McGregor · CBC News · Posted: Dec 22, 2023 ...") keeps its
    role date, for the date it gives, and is a byline here."""
    bylines = [i for i, line in enumerate(lines) if line.role is BYLINE
               or (line.role is DATE and line.words > _SHORT_DATELINE and separated_byline_names(line.text))]
    near = [i for i in bylines if title_at is None or i > title_at - 5]
    # a line that says "By" outranks a bare name, and one below the headline one above it
    near.sort(key=lambda i: (prefixed_byline_names(lines[i].text) is None, title_at is not None and i < title_at))
    sentences: str | None = None
    for i in near + bylines:
        names = list(byline_names(lines[i].text) or names_in(lines[i].text))
        if names and lines[i].reason is Reason.JOINED:  # the first of several name lines after a lone "By"
            for following in lines[i + 1:]:
                if following.reason not in (Reason.JOINED, Reason.JOINER):
                    break
                names += [name for name in names_in(following.text) if name not in names]
        if names:
            if sentences is None:
                sentences = "\n".join(line.text for line in lines if line.words >= _SENTENCE_WORDS)
            names = [name for name in names if not _reads_as_words(name, sentences)]
        if names:
            return names
    return []


def _reads_as_words(name: str, sentences: str) -> bool:
    """True when most words of a would-be name occur in lower case in the text's sentences
    ("Stay Connected", "Half Of High School Seniors"): a label, not a person. A short tag
    line ("amy gallo") is not a sentence, and parts of e-mail addresses, handles and
    domains ("jane.doe@example.com") do not count."""
    words = [word.lower() for word in _WORD.findall(name)]
    return bool(words) and sum(_used_in_lower_case(word, sentences) for word in words) * 2 > len(words)


def _used_in_lower_case(word: str, text: str) -> bool:
    """True when ``word`` stands in ``text`` as a word of its own, not inside an address."""
    if word not in text:
        return False  # the usual answer, found by a plain substring scan
    for match in re.finditer(re.escape(word) + r"(?![@\w])(?!\.\w)", text):  # starts with the literal: fast
        start = match.start()
        before, before2 = text[start - 1:start], text[start - 2:start - 1]
        if not (before.isalnum() or before in "@_" or (before == "." and (before2.isalnum() or before2 == "_"))):
            return True
    return False


def _published(lines: list[Line], title_at: int | None) -> str | None:
    """The date of the first date or byline line near the headline, else of any date or byline
    line; a line that only says "Updated" yields to one that says when it was published."""
    dated = [i for i, line in enumerate(lines) if line.role is DATE]
    bylines = [i for i, line in enumerate(lines) if line.role is BYLINE]
    near = sorted([i for i in dated if title_at is None or title_at - 5 < i]  # bylines below it too: "By X | <date>"
                  + [i for i in bylines if title_at is None or title_at < i])
    order = near + dated + bylines
    order.sort(key=lambda i: _only_updated(lines[i].text))  # stable: otherwise keeps the order above
    for i in order:
        text = lines[i].text
        published = text.lower().find("publish")  # "Updated <date> / Published <date>": the second one
        found = (published > 0 and find_date(text[published:])) or find_date(text)
        if found:
            return found
    return None
