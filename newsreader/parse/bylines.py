"""Recognise byline lines and pull the author names out of them.

A byline is a short line that starts with a "by" word in one of several
languages ("By", "ByJane Doe", "Written by", "As told to", "Von", "Por",
"Autor:"), a short dated line ending "... by Jane Doe", or a run of names
followed by a role or an outlet ("Jane Doe, Staff Writer", "Jane Doe |
Reuters"). Names are split on commas and "and"-words; roles, outlets, dates
and words glued to the end are dropped, and an agency counts as the author
only when no person is named.
"""

from __future__ import annotations

import re
from functools import lru_cache, wraps
from typing import Callable, TypeVar

from newsreader.parse.dates import find_date
from newsreader.parse.names import PARTICLES, has_given_name, is_credential, ordinary_words
from newsreader.parse.title_text import is_menu

_PREFIX = re.compile(
    r"^(?:(?:written|words|reporting|story|text|posted|published|report(?:ed)?|review(?:ed)?|interview|"
    r"analysis|commentary|photos? and text|news|opinion|feature|column|essay|guide|explainer|preview)"
    r"\s+by|(?:publicado|escrito) por|(?:publié|écrit) par|(?:veröffentlicht|geschrieben) von|"
    r"(?:pubblicato|scritto) da|as told to|social links for|(?-i:By)(?=[A-Z][a-z])|by(?=[\s:]|$)|"
    r"(?:von|por|par|door|di|av|af|autor(?:in|a|es)?|author(?:s)?|auteur|tekst|texto|reporter|"
    r"автор(?:ы)?|текст|της|του)"  # Russian "author", "text"; Greek "by" (her, his)
    r"(?![^\W\d_]))\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_LATE_BY = re.compile(
    r"\b(?:by|von|por|par)\s*:?\s+(?P<rest>[^\W\d_].*)$", re.IGNORECASE
)  # "posted on <date> by Jane Doe", "Posted On : <date> Published By : DanaWhitlock", "3. August 2019 von ..."
_LATE_BY_WORDS = ("by", "von", "por", "par")  # what _LATE_BY needs, in a lower-cased line
_TOLD_TO = re.compile(
    r"\s(?:as )?told to\s+(?P<rest>[^\W\d_].*)$"
)  # "Jo Park as told to Dana Whitlock"
#: What a site glues after a bare name: a handle, a slash, a relative or reading time.
_HANDLE = re.compile(r"@+\w+")  # a social handle, glued to a name or beside it
_NAME_TAIL = re.compile(
    r"\s*(?:@+\w.*|/|\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+(?:ago|read)\b.*)$",
    re.IGNORECASE,
)
_MONTH_ABBREVIATIONS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
#: A CamelCase pair that is one person's name run together ("DanaWhitlock").
_RUN_TOGETHER = re.compile(r"[A-Z][a-z]+(?=[A-Z][a-z]+$)")
# What a byline's tail may hold (see _may_have_tail), one pattern each: a pattern that opens
# with one character class skips to where it can match, an alternation of them tries every position
_TAIL_MARK = re.compile(r"[|·•,\d–—@/]")  # a separator, a comma, a digit
_CASE_JOIN = re.compile(
    r"[A-Z](?<=[a-z][A-Z])"
)  # words run together: a capital after a small letter
_SPACED_DASH = re.compile(r"\s(?:-\s|\s)")  # a spaced dash, a run of spaces
_GLUED_MONTH = re.compile(r"[A-Z]" + _MONTH_ABBREVIATIONS)
# separators between a byline's names and its outlet; a run of spaces (kept no-break spaces) is one too.
# Each opens with a space or a bar or dot: the lookahead says so, and lets the scan skip other
# characters at once
_HARD_BREAK = re.compile(r"(?=[\s|·•])(?:\s+[|·•/]\s+|\s+[-–—]\s+|\s*\|\s*|\s*•\s*|\s*·\s*|\s{2,})")
# "and" in several languages; the one-letter ones only in lower case and not as an initial ("Robert E. Moffit")
_AND_WORDS = r"&|\b(?:and|und|et|og|en)\b|\b(?-i:[yeiи])\b(?!\.)"  # и: Russian
_AND = re.compile(r"\s*(?:" + _AND_WORDS + r")\s*", re.IGNORECASE)  # split on, with its spaces
# whether a chunk holds one: without the spaces around, which the scan tried at every position
_HAS_AND = re.compile(_AND_WORDS, re.IGNORECASE)
_ROLES = frozenset(
    (
        "staff senior chief special contributing political business foreign deputy associate lead general executive "
        "managing writer reporter correspondent editor columnist contributor journalist producer analyst "
        "photographer director updated published opinion news desk team for data graphics draft intern fellow "
        "critic host anchor expert wellness health science sport sports tech author freelance"
    ).split()
)
_WORD_RUN = re.compile(r"\w+")
# "GuerreroDec", "KambhampatiData": two words run together; a glued month needs less ("SamDecember 22")
_GLUE = re.compile(
    r"(?<=[a-z]{3})(?=[A-Z][a-z])|(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d)|"
    r"(?<=\b[A-Z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d)|"
    r"(?<=\b[A-Z]\.)(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d)"
)  # ... and a one-letter surname glued to a date: "Dana WDec. 3, 2024", "Dana W.Dec. 3, 2024"
_YEAR_THEN_NAME = re.compile(
    r"(?:19|20)\d\d(?=[A-Z][a-z])"
)  # a year with a name glued on, "2023Chris"
# What every _GLUE match stands on, a quick scan saying if it can match: a capital after a small
# letter, or opening a word (an initial, its stop or none) and a month ("[a-z][A-Z]|\b[A-Z]\.?(?=Jan|...)"). Spelt to open with the
# capital, the case turn checked behind it, so the scan skips from capital to capital.
_CASE_TURN = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<!\w[A-Z])\.?(?=" + _MONTH_ABBREVIATIONS + "))")
_BREAK_CHARS = "|·•/-–—"  # a hard break holds one of these, or a run of spaces
_SPACE_RUN = re.compile(r"\s\s")
_JOBS = {
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "contributor",
    "journalist",
    "critic",
}
_DIGIT = re.compile(r"\d")
_OUTLET_WORD = re.compile(
    r"[A-Z][a-z]*[A-Z][A-Za-z]*"
)  # two capitals or more: "AJLabs", "BuzzFeed", "EBONY"
_COMMA = re.compile(r"\s*,\s*")
_TIME = re.compile(
    r"\d{1,2}:\d{2}|\b\d+\s*(?:hours?|minutes?|mins?|hrs?|days?)\s+ago\b", re.IGNORECASE
)
_ROLE_WORDS = 4  # words of a byline's tail a role must stand in
_NAMES_SPAN = 160  # characters after a by-word in which the names must stand
_INITIALS = re.compile(r"(?:[^\W\d_]\.){1,3}")  # "J.", "J.R.R."
_NAME_PUNCTUATION = str.maketrans("", "", "'’.-,")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_MONTHS = {
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
}
_STOP_WORDS = _MONTHS | {  # capitalised words that end a name: weekdays, "Updated" and friends
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "updated",
    "published",
    "posted",
    "the",
    "on",
    "at",
    "in",
    "for",
    "and",
    "with",
    "from",
    "via",
    "comment",
    "comments",
    "share",
    "by",
}
_AMBIGUOUS_ALONE = {
    "di",
    "av",
    "af",
    "door",
    "par",
    "text",
    "texto",
    "tekst",
    "story",
    "review",
    "interview",
    "analysis",
    "commentary",
}  # by-words that, alone on a line, are more often something else
# words that make a capitalised run an organisation, which counts as the author only when no person is named
_INSTITUTION = re.compile(
    r"\b(?:institutes?|university|universities|department|ministry|agency|council|"
    r"foundation|school|college|centre|center|association|society|laboratory|hospital)\b",
    re.IGNORECASE,
)
#: A capitalised run that may name an organisation: "University of Northfield", "Newsroom Staff".
_ORGANISATION = re.compile(
    r"(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|the|and|&|de|[A-Z][\w.&'’-]*)){0,6}"
)
_STAFF_WORDS = {
    "staff",
    "team",
    "desk",
    "newsroom",
    "wire",
    "editors",
    "reporters",
    "service",
    "board",  # "By The Editorial Board"
}
_STAFF_ENDINGS = (" Staff", " Team", " Desk", " Newsroom", " Editors")
_AGENCIES = {
    "associated press",
    "reuters",
    "afp",
    "ap",
    "agence france-presse",
    "bloomberg",
    "dpa",
    "pa media",
    "press association",
    "upi",
    "ansa",
    "efe",
    "xinhua",
    "cnn",
    "bbc news",
}
#: Lines whose answers :func:`byline_names` and :func:`names_in` keep: the layout passes ask
#: about the same lines of a file again (cues, lone bylines, name lines, the authors), and the
#: files of a folder repeat their short lines (bylines, datelines, labels). So the answers for
#: lines up to _SHORT_LENGTH characters are kept across files (the least used dropped past
#: _SHORT_REMEMBERED), and those for the last _LINES_REMEMBERED lines up to _REMEMBERED_LENGTH
#: characters: an article's paragraphs are not held after its file, nor is a huge line at all.
_SHORT_LENGTH = 100
_SHORT_REMEMBERED = 16_384
_LINES_REMEMBERED = 64
_REMEMBERED_LENGTH = 400
_Answer = TypeVar("_Answer")


def _remembering(function: Callable[[str], _Answer]) -> Callable[[str], _Answer]:
    """``function`` of one line, with its answers kept as the lines' lengths allow (see
    ``_SHORT_LENGTH``)."""
    short = lru_cache(maxsize=_SHORT_REMEMBERED)(function)
    recent = lru_cache(maxsize=_LINES_REMEMBERED)(function)

    @wraps(function)
    def answer(text: str) -> _Answer:
        if len(text) <= _SHORT_LENGTH:
            return short(text)
        return recent(text) if len(text) <= _REMEMBERED_LENGTH else function(text)

    return answer


@_remembering
def byline_names(line: str) -> tuple[str, ...] | None:
    """Author names when ``line`` is a byline, else None.

    A line that is only a "by" word (the names follow on the next line)
    returns no names, so the caller can look ahead.
    """
    text = line.strip()
    if not text.isascii() and (written := _east_asian_byline(text)):
        return written
    if len(text) > 160 or (is_menu(text) and not has_given_name(text.split("|", 1)[0])):
        return None  # a menu, "Front Page | Local | Sports", not "Dana Whitlock | Staff | ..."
    if _PREFIX.match(text):
        return prefixed_byline_names(text)
    if not _may_have_tail(text):
        # no separator, comma or digit: only a role after a name is left, or a name told to
        return _name_with_role(text) or (_told_to(text) if " told to " in text else None)
    if (
        _may_have_name_tail(text)
        and (tail := _NAME_TAIL.search(text))
        and tail.start()
        and (name := _leading_name(text[: tail.start()])) == text[: tail.start()]
    ):
        return (name,)  # "Dana Whitlock@dwhitlock", "Dana Whitlock/", "Dana Whitlock 3 weeks ago"
    glued = _YEAR_THEN_NAME.search(text)
    if (
        glued
        and _leading_name(text[glued.end() :]) == text[glued.end() :]
        and find_date(text[: glued.end()])
    ):
        return (text[glued.end() :],)  # "Dec 6, 2023Chris Price": a date run into its author's name
    # the case-blind pattern scans every position: it runs only when one of its words is there
    lower = text.lower()
    late = _LATE_BY.search(text) if any(map(lower.__contains__, _LATE_BY_WORDS)) else None
    if late and _DIGIT.search(text, 0, late.start()):
        rest = late.group("rest")
        named = names_in(rest) or _named_outlet(rest)
        if named or late.group(0)[:2].lower() == "by":
            return named or None
        # "von", "por", "par" naming nobody are a name's own ("12.03.2024 | Lena von der Heide")
    unglued = _unglued(text, " ")
    if unglued != text and (named := _name_with_role(unglued)):
        return named  # "Dana WhitlockSenior Writer"
    return _names_before_tail(unglued)


#: Chinese and Japanese bylines: a reporter's or author's label, then a name of two to four
#: ideographs ("记者 李明远", "作者：周雨桐", "記者 山田太郎"); Korean: a name of two to four
#: syllables, then "reporter" ("김하늘 기자"); Japanese also so ("佐藤美咲 記者"). Neither
#: script writes a name in capitals.
_EAST_ASIAN_BYLINE = re.compile(
    r"[(（]?\s*(?:(?:本报)?记者|記者|作者|撰文|文|编辑|編集|责任编辑)(?:\s*[:：/／]\s*|\s+)"
    r"(?P<han>[\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4})*)\s*[)）]?\s*$|"
    r"(?P<hangul>[\uac00-\ud7af]{2,4})\s*기자(?:\s+[\w.+-]+@[\w.-]+)?\s*$|"
    r"(?P<kanji>[\u4e00-\u9fff]{2,5})\s*(?:記者|編集委員)\s*$"
)  # the names end the line (an e-mail may follow a Korean one): "记者：那么，..." asks a question
_EAST_ASIAN_BYLINE_LENGTH = 60  # characters of a line that is such a byline, at most
_DESKS = ("部", "社", "局", "通信", "新聞")  # how a desk's or an outlet's name ends
_OWN_PAPER = frozenset(("本報", "本报", "本紙", "弊社"))  # "this paper"


def _east_asian_byline(text: str) -> tuple[str, ...] | None:
    """The writers a Chinese, Japanese or Korean byline that is all of ``text`` names, else None."""
    found = len(text) <= _EAST_ASIAN_BYLINE_LENGTH and _EAST_ASIAN_BYLINE.match(text)
    if not found:
        return None
    kanji = found["kanji"]
    # a desk, an agency or the paper itself before 記者: "政治部記者", "共同通信記者", "本報記者"
    if kanji and (kanji.endswith(_DESKS) or kanji in _OWN_PAPER):
        return None
    if found["hangul"] or kanji:
        return (found["hangul"] or kanji,)
    return tuple(re.split(r"[\s、]+", found["han"]))


def _may_have_tail(text: str) -> bool:
    """Whether ``text`` holds a separator, comma or digit, a spaced dash or a run of spaces,
    or words or a month run together: what a byline's tail shows after the names."""
    return bool(
        _TAIL_MARK.search(text)
        or _CASE_JOIN.search(text)
        or _SPACED_DASH.search(text)
        or _GLUED_MONTH.search(text)
    )


def _may_have_name_tail(text: str) -> bool:
    """Whether ``text`` holds what every ``_NAME_TAIL`` needs (a handle's "@", a slash at its
    end, a number and "ago" or "read" in any case): the pattern tries its spaces at every
    position, so most lines skip it; a date's or a count's digits alone are not enough."""
    if "@" in text or text.endswith(("/", "/\n")):  # "$" matches before a last newline too
        return True
    lower = text.lower()
    return ("ago" in lower or "read" in lower) and _DIGIT.search(text) is not None


def _told_to(text: str) -> tuple[str, ...] | None:
    """The writer of a first-person story: "Jo Park as told to Dana Whitlock" gives Dana
    Whitlock, when a name opens the line too."""
    told = _TOLD_TO.search(text)
    if not told or not _leading_name(text[: told.start()]):
        return None
    return names_in(told.group("rest")) or None


def _name_with_role(text: str) -> tuple[str, ...] | None:
    """("Jessica Rendall",) for "Jessica Rendall Wellness Writer": a name, then one to three
    capitalised words ending in a writer's job, and nothing else."""
    words = text.split()
    if not 3 <= len(words) <= 7 or words[-1].lower() not in _JOBS:
        return None
    name = _leading_name(text)
    if not name:
        return None
    role = words[len(name.split()) :]
    return (name,) if 1 <= len(role) <= 3 and all(word[:1].isupper() for word in role) else None


def prefixed_byline_names(text: str) -> tuple[str, ...] | None:
    """Author names when ``text`` opens with a "by" word ("By Jane Doe and John Roe, Globe
    Staff, Updated ..."), however long the rest; () for a lone "by" word; else None.
    Only the opening counts here, so a long sentence that merely names people is no byline."""
    match = _PREFIX.match(text)
    if not match:
        return None
    rest = match.group("rest").strip()
    if not rest or rest.lower() in ("(s)", "(s):"):  # "Author(s)" too
        return () if text.rstrip(":").strip().lower() not in _AMBIGUOUS_ALONE else None
    rest = rest[:_NAMES_SPAN]  # names open the rest: no full scan
    if "@" in rest:  # "By Dana Whitlock@dwhitlock", "By Jo Park @jopark and Dana Whitlock"
        rest = " ".join(_HANDLE.sub(" ", rest).split())
    return (
        names_in(rest.rstrip("/ ")) or _named_outlet(rest) or None
    )  # "By Dana Whitlock/": the slash a name's tail


def _named_outlet(rest: str) -> tuple[str, ...] | None:
    """The agency, outlet or team a "by" word names alone, before any break or comma ("By
    Reuters", "By AJLabs", "by MrAJCosplay, Dec 19th 2023", "By Team EBONY | September 21,
    2023"): the author when no person is named. A lone word other than a known agency must be
    shaped like a brand (two capitals or more), so "By Design" or "By Christmas" is no byline."""
    head = (
        _hard_split(rest, maxsplit=1)[0].split(",", 1)[0].strip(" .:")
    )  # a comma ends it too: "by X, Dec 19"
    if head.lower().removeprefix("the ") in _AGENCIES:
        return (head,)  # "By Reuters", "By The Associated Press"
    if _ORGANISATION.fullmatch(head) and (
        head.split()[-1].lower() in _STAFF_WORDS or _INSTITUTION.search(head)
    ):
        return (head,)  # "By Example Staff", "by University of Northfield"
    words = head.split()
    if words[:1] == ["Team"] and len(words) == 2:
        words = words[1:]
    if len(words) != 1 or not _OUTLET_WORD.fullmatch(words[0]) or words[0].lower() in _STOP_WORDS:
        return None
    run = _RUN_TOGETHER.match(head)
    if run and has_given_name(f"{run.group()} ."):
        return (f"{run.group()} {head[run.end() :]}",)  # "DanaWhitlock": a person, run together
    return (head,)


def staff_byline(text: str) -> tuple[str, ...] | None:
    """An outlet's staff or desk named alone on a line ("Hollywood.com Staff", "Newsroom
    Staff"): the author when no person is named, if the line stands beside a date."""
    if not text.endswith(_STAFF_ENDINGS) or not _ORGANISATION.fullmatch(text):
        return None
    return (text,) if len(text.split()) <= _ROLE_WORDS else None


def separated_byline_names(text: str) -> tuple[str, ...] | None:
    """Author names for a long dated line that opens with a name and a break, "Janyce McGregor ·
    CBC News · Posted: Dec 22, 2023 8:25 AM EST | Last Updated: ...": only the name stands
    before the first bar or dot, and the line holds a date; else None."""
    head = _hard_split(text, maxsplit=1)[0].strip()
    if head == text.strip() or _leading_name(head) != head or find_date(text) is None:
        return None
    return byline_names(text)


def _names_before_tail(text: str) -> tuple[str, ...] | None:
    """Names leading a line whose tail shows it is a byline: a role, an agency or a date,
    or an outlet after a bar when the head is a name and nothing else."""
    hard = _hard_split(text, maxsplit=1)
    # the comma pattern tries its spaces at every position: a line without a comma skips it
    parts = hard if len(hard) == 2 or "," not in text else _COMMA.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    head, tail = parts
    names = names_in(head)
    if not names:
        # "May 30, 2023 / Amy Gallo": a date, a break, then a name and nothing else
        if len(hard) == 2 and _DIGIT.search(head) and _leading_name(tail.strip()) == tail.strip():
            return (tail.strip(),)
        return None
    opening = " ".join(tail.split()[:_ROLE_WORDS])  # a role opens the tail ("Staff Writer, ...")
    if (
        _has_role(opening)
        or tail.lower() in _AGENCIES
        or (_DIGIT.search(tail) and _dated(text, tail))
    ):
        return names
    if len(hard) == 2 and _leading_name(head) == head.strip():
        return names
    if all(map(is_credential, tail.replace(",", " ").split())):
        return names  # "Dana Whitlock MS, RDN, LD"
    if _leading_name(head) == head.strip() and _outlet_after_name(head, tail):
        # "Dana Whitlock, Harbor Weekly"; but "Jonas Eberhardt, Mira Kessler" names two people
        return (names[0], tail.strip()) if _is_person(tail.strip()) else names
    return None


def _is_person(text: str) -> bool:
    """A personal name and nothing else, with a given name the list knows ("Mira Kessler"), and
    a surname that is no ordinary word: "Victoria Advocate", "Charlotte Observer" are outlets."""
    return (
        _leading_name(text) == text
        and has_given_name(text)
        and text.split()[-1].lower() not in ordinary_words()
    )


def _outlet_after_name(head: str, tail: str) -> bool:
    """A short capitalised outlet after the comma that follows a person's name ("Dana
    Whitlock, Harbor Weekly"): the name must hold a known given name, as a place or a list
    ("Paris, France", "Smith, Jones and Brown") is shaped alike."""
    words = tail.split()
    return (
        1 <= len(words) <= _ROLE_WORDS
        and all(word[:1].isupper() for word in words)
        and not _DIGIT.search(tail)
        and has_given_name(head)
    )


def _dated(line: str, tail: str) -> bool:
    """True when a would-be byline carries a date or a time, not just any number: "NFL Power
    Rankings, Week 16: ..." and "... Costing More Than $40,000" are headlines."""
    return bool(_TIME.search(tail)) or find_date(line) is not None


@_remembering
def names_in(text: str) -> tuple[str, ...]:
    """Split a run of author names; empty when the text does not read as names."""
    text = _unglued(text, " | ")
    text = _DIGIT.split(text, maxsplit=1)[0]  # a date or time ends the names
    segment = next((part for part in _hard_split(text) if _leading_name(part.strip(" ,"))), "")
    people: list[str] = []
    agencies: list[str] = []
    for part in _comma_parts(segment):
        if part.lower() in _AGENCIES or _outlet_staff(part):
            agencies.append(part)
        elif name := _leading_name(part):
            (agencies if _INSTITUTION.search(name) else people).append(name)
        elif not (people and _has_role(part)):
            break  # "Jane Doe, Staff Writer": a role after a name is skipped; anything else ends the list
    return _unique(people or agencies)


def _outlet_staff(part: str) -> bool:
    """An outlet's staff or desk ("Lakeshore Tribune Staff", "Harbor Wire Newsroom"): capitalised
    words ending in a staff word, the words before it no person's (no given name), so the
    staff word is no role after a name ("Jane Doe Staff" is Jane Doe)."""
    words = part.split()
    return (
        len(words) >= 2
        and words[-1].lower() in _STAFF_WORDS
        and words[-1][:1].isupper()
        and _ORGANISATION.fullmatch(part) is not None
        and not has_given_name(" ".join(words[:-1]) + " .")
    )


def _comma_parts(segment: str) -> list[str]:
    """The name-bearing parts of a byline segment.

    Commas separate authors in a list ("A, B and C"), but after the last
    "and", or when a single comma follows one name ("Jane Doe, Medical
    Xpress"), what follows the comma is an outlet or role, not a person.
    """
    if not segment:
        return []
    chunks = [chunk.strip(" .-–—:") for chunk in segment.split(",")]
    chunks = [chunk for chunk in chunks if chunk and not all(map(is_credential, chunk.split()))]
    with_and = [i for i, chunk in enumerate(chunks) if _HAS_AND.search(chunk)]
    if with_and:
        chunks = chunks[: with_and[-1] + 1]
    elif len(chunks) == 2 and not (
        _leading_name(chunks[1]) == chunks[1] and has_given_name(chunks[1])
    ):
        chunks = chunks[:1]  # "Jane Doe, Medical Xpress", but "Dana Whitlock, Jo Park"
    parts: list[str] = []
    for chunk in chunks:  # "Institute of Allergy and Infectious Diseases" is one organisation
        pieces = [chunk] if _INSTITUTION.search(chunk) else _AND.split(chunk)
        parts.extend(piece.strip(" .-–—:") for piece in pieces if piece.strip(" .-–—:"))
    return parts


def _leading_name(part: str) -> str | None:
    """The personal name at the start of ``part`` (2-5 name-like words), or None."""
    words = part.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None  # two words, the first capitalised, or no name: most parts end here
    taken: list[str] = []
    ended_by_role = False
    for word in words:
        lower = word.lower().rstrip(",.")
        if lower in _ROLES or (lower in _STOP_WORDS and lower not in _MONTHS):
            ended_by_role = lower in _ROLES and lower not in _STOP_WORDS
            if ended_by_role and word[:1].islower() and not any(w.endswith(",") for w in taken):
                return None  # "Example Times staff reporter": an outlet and a role, no person
            break
        if len(taken) >= 2 and is_credential(word):
            break  # "Dana Whitlock MS": a credential ends the name
        if _is_name_word(word) or (taken and (lower in PARTICLES or lower in _SUFFIXES)):
            taken.append(word)
            if len(taken) == 5:
                break
        else:
            break
    # "Dana Whitlock Leave a Comment": a control's verb (a word English writes only in lower
    # case) over "a" and a capital, not a surname ("Mary Kay Ash a businesswoman")
    control = words[len(taken) : len(taken) + 2]
    if (
        len(taken) >= 3
        and len(control) == 2
        and control[0] == "a"
        and control[1][:1].isupper()
        and taken[-1].lower() in ordinary_words()
    ):
        taken.pop()
    while taken and (taken[-1].lower() in PARTICLES or taken[-1].lower().rstrip(".") in _MONTHS):
        taken.pop()  # a month ends the names only where a date follows, i.e. at the end
    if ended_by_role and len(taken) >= 3:
        taken.pop()  # "Dave Epstein Globe Correspondent": the word before a role is a desk or outlet
    if len(taken) < 2:
        return None
    return " ".join(taken).rstrip(",")


def _is_name_word(word: str) -> bool:
    """A capitalised word or an initial: "Jane", "O'Neil", "J.", "Jean-Luc", "HOLLINGSWORTH"."""
    if not word[:1].isalpha() or not word[0].isupper():
        return False
    if word.isalpha():  # the usual case, answered without the pattern and the translation
        return (
            word[1:].islower()
            or sum(map(str.isupper, word[1:])) <= 2
            or all(map(str.isupper, word))
        )
    if _INITIALS.fullmatch(word):
        return True
    letters = word.translate(_NAME_PUNCTUATION)
    if not letters.isalpha():  # letters and the punctuation names carry, nothing else
        return False
    return sum(map(str.isupper, letters[1:])) <= 2 or all(map(str.isupper, letters))


def _has_role(text: str) -> bool:
    """A role word ("Staff", "Writer", "Correspondent") stands in ``text`` as a whole word: a set
    lookup of its words, far cheaper than a case-blind pattern of every role."""
    return not _ROLES.isdisjoint(_WORD_RUN.findall(text.lower()))


def _hard_split(text: str, maxsplit: int = 0) -> list[str]:
    """``text`` split at hard breaks (bars, dots, spaced dashes, runs of spaces); the pattern,
    slow on every line, runs only when a character a break needs is there."""
    if any(map(text.__contains__, _BREAK_CHARS)) or _SPACE_RUN.search(text):
        return _HARD_BREAK.split(text, maxsplit=maxsplit)
    return [text]


def _unglued(text: str, joint: str) -> str:
    """``text`` with ``joint`` put between words run together ("GuerreroDec 22")."""
    return _GLUE.sub(joint, text) if _CASE_TURN.search(text) else text


def _unique(names: list[str]) -> tuple[str, ...]:
    """Names in first-seen order without repeats."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())
