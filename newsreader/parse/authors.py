"""Bylines told by their neighbours, and the article's authors read from the bylines.

The cues (pass 1) find the lines that read as bylines alone; here a lone "By" takes in the
names on the lines below it, a role or outlet line joins the byline above it, and a bare name
becomes a byline beside a date, a role, a handle or a follow button (looked for above the
main run, and again below the headline once it is known). :func:`find_authors` then reads
the names from the best-placed byline; :mod:`bylines` splits a byline's text into names.
"""

from __future__ import annotations

import re

from newsreader.parse.bylines import (
    byline_names,
    names_in,
    prefixed_byline_names,
    separated_byline_names,
    staff_byline,
)
from newsreader.parse.cues import SHORT_LINE
from newsreader.parse.names import (
    has_given_name,
    is_credential,
    only_ordinary_words,
    reads_as_interface,
)
from newsreader.parse.page import (
    BYLINE,
    BYLINE_BELOW,
    DATE,
    OTHER,
    Line,
    ends_a_sentence,
    listed_near,
)
from newsreader.parse.reasons import Reason

_NAME_JOINERS = {",", "and", "&", "·", "|"}  # lone lines that stand between a byline's name lines
_BYLINE_REST = 8  # words of the line that finishes a byline ending in a comma, at most
_NAME_LINE_WORDS = 8  # words a name line below a lone "By" has at most
_NAME_INTO_RUN = (
    3  # lines into the main run a bare name may still be a byline (a standfirst may open the run)
)
_NAME_BELOW_TITLE = 8  # lines below the headline where a bare name may still be a byline
_NAME_SUFFIXES = (" Jr.", " Sr.")  # a name may end with a period
_OUTLET_WORDS = 5  # words of an outlet's name or of credentials after a byline's name, at most
_OUTLET_JOINS = frozenset(("of", "the", "and", "&"))  # lower-case words an outlet's name holds
_HANDLE = re.compile(r"@\w+$")  # a line that is a social-media handle, as under an author's name
_READING_TIME = re.compile(r"\d+\s*min(?:ute)?s?\s+read$", re.IGNORECASE)  # "4 min read"
_DATED_OR_BYLINE = (DATE, BYLINE)  # roles of a line beside a bare name that make the name a byline
_AUTHOR_BUTTONS = {
    "follow",
    "·",
    "•",
    "follow author",
    "see full bio",
    "view profile",
}  # beside an author's name
_PLACE_TAIL = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$")  # "... in New York"
_NAMES_LENGTH = 200  # characters of a line of three names and a place, at most
_JOINERS = re.compile(r"(?:\s|,|\.|&|\band\b)*")  # what may stand between names on a name line
_ROLE_WORDS = 6  # words a line naming a job or desk has at most
_NEAR_TITLE = 5  # lines above the headline a byline may stand and still be the article's own
_SENTENCE_WORDS = 6  # words a line needs before its lower-case words count as ordinary language
_WORD = re.compile(r"[^\W\d_]+")
_JOINED_BYLINE = (Reason.JOINED, Reason.JOINER)  # the lines a lone "By" took in


def join_lone_bylines(lines: list[Line]) -> None:
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
            if _is_role_line(rest) or (
                line.text.endswith(",")
                and rest.words <= _BYLINE_REST
                and not ends_a_sentence(rest.text)
            ):
                rest.role, rest.reason = BYLINE, Reason.BYLINE_ROLE
        if byline_names(line.text) != ():
            continue
        for following in lines[i + 1 :]:
            if following.role is not OTHER:
                break
            if following.text.lower() in _NAME_JOINERS:
                following.role, following.reason = BYLINE, Reason.JOINER
            elif following.words <= _NAME_LINE_WORDS and names_in(following.text):
                following.role, following.reason = BYLINE, Reason.JOINED
            else:
                break


def mark_names_above_run(lines: list[Line], run: tuple[int, int]) -> None:
    """Bare names made bylines (:func:`_mark_name_lines`) above the main run of prose and just
    inside its start, where a standfirst opened it."""
    _mark_name_lines(lines, range(min(run[0] + _NAME_INTO_RUN, len(lines))))


def mark_names_below_title(lines: list[Line], title_at: int) -> None:
    """Bare names made bylines (:func:`_mark_name_lines`) just below the headline, where
    captions may have started the main run."""
    _mark_name_lines(lines, range(title_at + 1, min(title_at + 1 + _NAME_BELOW_TITLE, len(lines))))


def _mark_name_lines(lines: list[Line], where: range) -> None:
    """A line that is only a person's name, beside a date, a role ("Emma Whitford" / "Forbes
    Staff") or a social handle, is a byline without the "By"; a role with the writer's handle
    right below it is part of the byline ("Alexandra Rogers" / "Political reporter @arogers"),
    not the story's text (a menu below a masthead may read as a role, never with a handle)."""
    for i in where:
        line = lines[i]
        if (
            line.role is not OTHER
            or not 2 <= line.words <= 12
            or (ends_a_sentence(line.text) and not line.text.endswith(_NAME_SUFFIXES))
        ):
            continue
        staff = staff_byline(line.text)
        name = line.text if only_names(line.text) else _name_before_its_tail(line.text)
        if not staff and not (name and not reads_as_interface(name)):
            continue
        if _a_name_line(lines, i, bool(staff)):
            line.role, line.reason = BYLINE, Reason.NAME_LINE
            below = lines[i + 1] if i + 1 < len(lines) else None
            if below is not None and _HANDLE.search(below.text) and _is_role_line(below):
                below.role, below.reason = BYLINE, Reason.BYLINE_ROLE


def _a_name_line(lines: list[Line], i: int, staff: bool) -> bool:
    """Whether line ``i``, a name (or a staff byline, with ``staff``), is a byline by what
    stands beside it: a date, a role, a handle or a follow button."""
    line = lines[i]
    neighbours = lines[max(0, i - 1) : i] + lines[i + 1 : i + 2]
    if staff:  # "Hollywood.com Staff" beside a date; beside a name it is that name's role
        return any(other.role is DATE for other in neighbours)
    # a one-word desk ("Opinion", "Sports") beside it is a menu, not the author's role; a
    # date or byline beside it shows only that it stands in the head, where topic chips
    # and controls ("Climate Change", "Dark Mode") stand too
    person = not only_ordinary_words(line.text)
    return (person and _over_a_place_and_date(lines, i)) or any(
        (other.role in _DATED_OR_BYLINE and person)
        or (other.words > 1 and _is_role_line(other))
        or _HANDLE.match(other.text)
        or _READING_TIME.match(other.text)
        or other.text.lower() in _AUTHOR_BUTTONS
        for other in neighbours
    )


def _name_before_its_tail(text: str) -> str | None:
    """The person's name opening ``text`` when all that follows it is what a byline adds:
    credentials ("Corinne Adebayo MS, RD, CDCES") or, after a comma, an outlet's capitalised
    name ("Priyanka Ramaswamy, The Ashgrove Courier", "Dana Whitlock, Harbor Weekly"); else
    None."""
    names = names_in(text)
    if len(names) != 1 or not text.startswith(names[0]):
        return None
    tail = text[len(names[0]) :]
    words = tail.replace(",", " ").split()
    if not words or len(words) > _OUTLET_WORDS:
        return None
    if all(map(is_credential, words)):
        return names[0]
    outlet = tail.startswith(", ") and all(
        word[:1].isupper() or word in _OUTLET_JOINS for word in words
    )
    # a place has the shape too ("Grand Rapids, Michigan", "Palo Alto, CA"): the name must be
    # a person's by its given name, or the outlet say it is one ("The Ashgrove Courier")
    return names[0] if outlet and (has_given_name(names[0]) or words[0] == "The") else None


def _over_a_place_and_date(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` stands over a one-word place, then a date: "María José Ferrer" /
    "Valencia" / "Actualizado: 22/05/2023", the author's name, where she wrote, and when. A
    word English writes in lower case is a desk or a page's name instead ("Obituaries")."""
    return (
        i + 2 < len(lines)
        and lines[i + 1].role is OTHER
        and lines[i + 1].words == 1
        and lines[i + 1].text[:1].isupper()
        and not only_ordinary_words(lines[i + 1].text)  # "Obituaries", "Profile": a desk's
        and lines[i + 2].role is DATE
    )


def only_names(text: str) -> bool:
    """True when ``text`` is one or more names and nothing else, bar a place ("Joanna Walters
    and Edward Helmore in New York"). A line longer than three names and a place can be is
    none, and is not searched: the place's pattern backtracks over a long run of spaces."""
    if len(text) > _NAMES_LENGTH:
        return False
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
    return (
        line.role is OTHER
        and line.words <= _ROLE_WORDS
        and byline_names(f"A Name, {line.text}") is not None
    )


def find_authors(lines: list[Line], title_at: int | None) -> list[str]:
    """Names from the first byline near the headline, else from any byline but one of a list
    (far below the headline, with another author's byline near it but not next to it:
    teasers, where co-authors' bylines touch). A long dateline
    that opens with a name ("Janyce McGregor · CBC News · Posted: Dec 22, 2023 ...") keeps its
    role date, for the date it gives, and is a byline here (a shorter one was offered to the
    byline cues first)."""
    bylines = [
        i
        for i, line in enumerate(lines)
        if line.role is BYLINE
        or (line.role is DATE and line.words > SHORT_LINE and separated_byline_names(line.text))
    ]
    near = [i for i in bylines if title_at is None or i > title_at - _NEAR_TITLE]
    # a line that says "By" outranks a bare name, one below the headline one above it, and of
    # those, the nearest to the headline
    near.sort(
        key=lambda i: (
            prefixed_byline_names(lines[i].text) is None,
            title_at is not None and i < title_at,
            0 if title_at is None else abs(i - title_at),
        )
    )
    sentences: str | None = None
    for i in near + bylines:
        names = _byline_at(lines, i)
        if names and title_at is not None and i > title_at + BYLINE_BELOW:
            # teasers' bylines stand a headline apart; co-authors' ("By A" / "By B") touch
            if any(
                abs(j - i) > 1 and (other := _byline_at(lines, j)) and other != names
                for j in listed_near(bylines, i)
            ):
                continue  # far below, beside another author's byline: a list of teasers
        if names and lines[i].reason is Reason.JOINED:
            # the first of several name lines after a lone "By"
            for following in lines[i + 1 :]:
                if following.reason not in _JOINED_BYLINE:
                    break
                names += [name for name in names_in(following.text) if name not in names]
        elif names and i + 1 < len(lines) and lines[i + 1].role is BYLINE:
            # several authors on consecutive byline lines ("By A" / "By B"), each a byline alone
            following = lines[i + 1].text
            more = prefixed_byline_names(following) or (
                names_in(following)
                if lines[i + 1].block == lines[i].block and only_names(following)
                else ()
            )
            names += [name for name in more if name not in names and not reads_as_interface(name)]
        if names:
            if sentences is None:
                sentences = "\n".join(line.text for line in lines if line.words >= _SENTENCE_WORDS)
            names = [name for name in names if not _reads_as_words(name, sentences)]
        if names:
            return names
    return []


def _byline_at(lines: list[Line], i: int) -> list[str]:
    """The names byline ``i`` gives; a byline without a "by" word must read as a person's name,
    not as interface text ("Copy URL", "Contact Us", see :mod:`names`)."""
    text = lines[i].text
    if staff := staff_byline(text):
        return list(prefixed_byline_names(text) or staff)  # "By Example Staff": without its By
    names = list(byline_names(text) or names_in(text))
    if names and prefixed_byline_names(text) is None:
        names = [name for name in names if not reads_as_interface(name)]
    return names


def _reads_as_words(name: str, sentences: str) -> bool:
    """True when most words of a would-be name occur in lower case in the text's sentences
    ("Stay Connected", "Half Of High School Seniors"): a label, not a person. A short tag
    line ("amy gallo") is not a sentence, and parts of e-mail addresses, handles and
    domains ("jane.doe@example.com") do not count, nor an opening "The" ("The Editorial
    Board"), which every text holds. A name in a script without case ("李明远") says nothing so."""
    if name.lower() == name.upper():
        return False
    words = [word.lower() for word in _WORD.findall(name)]
    words = words[1:] if words[:1] == ["the"] else words
    return bool(words) and sum(_used_in_lower_case(word, sentences) for word in words) * 2 > len(
        words
    )


def _used_in_lower_case(word: str, text: str) -> bool:
    """True when ``word`` stands in ``text`` as a word of its own, not inside an address."""
    if word not in text:
        return False  # the usual answer, found by a plain substring scan
    for match in re.finditer(
        re.escape(word) + r"(?![@\w])(?!\.\w)", text
    ):  # starts with the literal: fast
        start = match.start()
        before, before2 = text[start - 1 : start], text[start - 2 : start - 1]
        if not (
            before.isalnum()
            or before in "@_"
            or (before == "." and (before2.isalnum() or before2 == "_"))
        ):
            return True
    return False
