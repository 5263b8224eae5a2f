"""Find a publication date in a short line of text, and the article's date among its lines.

Written out by hand rather than with a date library: the spellings news
sites use are few, and a regex pass is cheap per line. Relative dates
("3 hours ago") give None: a guess would be a lie. :func:`published` picks
the article's date from the lines the passes marked as datelines and bylines.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from newsreader.parse.page import BYLINE, BYLINE_BELOW, DATE, Line, last_body, listed_near

_WESTERN = (  # each month's English and common Western European spellings, January first
    "jan januar janvier enero gennaio",
    "feb februar février fevrier febrero febbraio",
    "mar märz mars marzo",
    "apr avril abril aprile",
    "may mai mayo maggio",
    "jun juni juin junio giugno",
    "jul juli juillet julio luglio",
    "aug août aout agosto",
    "sep septembre septiembre setiembre settembre",
    "oct okt octobre octubre ottobre",
    "nov novembre noviembre",
    "dec dez décembre diciembre dicembre",
)

_MONTHS = {
    # English, then the common Western European spellings (prefixes match abbreviations).
    **{name: number for number, names in enumerate(_WESTERN, start=1) for name in names.split()}
}
#: Month names of many languages, wide and abbreviated, as CLDR spells them (lower case):
#: ``months.json``, written by ``tools/make_months.py``; looked up whole, never by prefix.
_WORLD_MONTHS: dict[str, int] = json.loads(
    resources.files("newsreader.parse").joinpath("months.json").read_text(encoding="utf-8")
)
_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?"
# also glued: "20233:00 AM", "202322 Dec", a share count "20244812 Shares"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?=\D|$|\d{1,2}[:\s]|\d+\s?(?i:shares?|views?|comments?)\b)"

#: Each pattern with a character it cannot match without ("" for none): a substring test is far
#: cheaper than the pattern's search, and most lines with a year hold no slash, dot or hyphen.
_PATTERNS = [
    (
        "-",
        re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    ),  # ISO, also in datetimes
    (
        "",
        re.compile(r"(?:\b|(?<=[^\W_])(?=[A-Z]))" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR),
    ),  # March 18, 2025, "ESPNDec 22, 2023"
    (
        "",
        re.compile(r"(?<!\d)" + _DAY + r"\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR),
    ),  # 18 March 2025
    (
        ".",
        re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
    ),  # 18.03.2025
    (
        "/",
        re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
    ),  # 12/22/2023
    (
        "/",
        re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<short>\d\d)\b(?!/)"),
    ),  # 08/25/22
    (
        "/",
        re.compile(
            r"(?<![\d/])(?P<year>(?:19|20)\d\d)/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})(?![\d/])"
        ),
    ),  # 2024/03/05
    (
        "-",
        re.compile(r"(?<![\d-])(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<year>(?:19|20)\d\d)(?![\d-])"),
    ),  # 03-05-2024
    (
        ".",
        re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)\.\s?(?P<mnum>\d\d)\.\s?(?P<day>\d\d)(?!\d)"),
    ),  # 2024.03.05, as Korean and Chinese sites write it (not a version's 2024.1.2)
    (
        "",
        re.compile(
            r"(?<!\d)(?P<year>(?:19|20)\d\d)\.\s+(?P<month>[^\W\d_A-Z]{3,12})\.?\s+(?P<day>\d{1,2})\."
        ),
    ),  # 2024. március 5. (Hungarian: a month in lower case, a full stop after the day)
    ("-", re.compile(r"(?<![\d-])" + _DAY + "-" + _MONTH + "-" + _YEAR)),  # 5-Mar-2024
    (
        ":",
        re.compile(
            r"\b" + _MONTH + r"\s+" + _DAY + r"\s+\d\d?:\d\d(?::\d\d)?(?:\s+[A-Z]{2,5})?\s+" + _YEAR
        ),
    ),  # Tue Mar 04 22:32:15 EST 2008, the Unix clock's
]
#: Chinese, Japanese and Korean dates: "2024年3月5日", "2024년 3월 5일"; looked for only in a line
#: holding the year's sign.
_CJK_DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s?[年년]\s?(?P<mnum>\d{1,2})\s?[月월]\s?(?P<day>\d{1,2})\s?[日일]"
)
#: Words that mark a line as a dateline even when it is long ("Published: 12:40 GMT, 22 December 2023 | Updated: ...").
_DATE_WORDS = re.compile(
    r"\b(?:published|posted|updated|date|released|first published|last modified|"
    r"veröffentlicht|publicado|publié|pubblicato|opublikowano)\b",
    re.IGNORECASE,
)
_DATE_WORD_PARTS = (
    "publi",
    "pubbl",
    "post",
    "date",
    "releas",
    "modif",
    "veröff",
)  # one in each of them
_DATE_WORD_SPAN = 60  # characters at a line's start a date word must stand in
_TWO_DIGITS = re.compile(r"\d\d")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # what every pattern but the two-digit year's needs
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|just now)\b", re.IGNORECASE)


def has_date_word(line: str) -> bool:
    """A date word ("Published", "Updated", ...) in the line's first 60 characters. The pattern
    runs only when the lower-cased start holds a part of one: substring tests are far cheaper
    than a case-blind regex, and most lines have none."""
    head = line[:_DATE_WORD_SPAN].lower()
    return (
        any(map(head.__contains__, _DATE_WORD_PARTS))
        and _DATE_WORDS.search(line, 0, _DATE_WORD_SPAN) is not None
    )


def find_date(line: str, day_first: bool = False) -> str | None:
    """Return the first absolute date in ``line`` as ``YYYY-MM-DD``, or None. ``day_first``:
    read "05/03/2024" as the 5th of March (as outside English everyone does), not May 3rd."""
    if not (_YEAR_DIGITS.search(line) or ("/" in line and _TWO_DIGITS.search(line))):
        return None  # every pattern needs a year, "08/25/22" a slash: most lines are out at once
    if _RELATIVE.search(line) and not re.search(r"\d{4}", line):
        return None
    if ("年" in line or "년" in line) and (found := _CJK_DATE.search(line)):
        return _to_iso(found.groupdict())
    for needed, pattern in _PATTERNS:
        match = pattern.search(line) if needed in line else None
        while match:
            iso = _to_iso(match.groupdict(), day_first)
            if iso:
                return iso
            # not a date ("updatedSep 4, 2023" read "updatedSep" as the month): look again one further on
            match = pattern.search(line, match.start() + 1)
    return None


def _to_iso(parts: dict, day_first: bool = False) -> str | None:
    """Validate matched parts and format them; None when they are not a real date. Two numbers
    are month and day (US order, ``day_first`` the other way) unless that is impossible."""
    year = int(parts["year"]) if parts.get("year") else 2000 + int(parts["short"])
    if parts.get("a"):
        first, second = int(parts["a"]), int(parts["b"])
        if day_first:
            first, second = second, first
        month, day = (first, second) if first <= 12 else (second, first)
    else:
        day = int(parts["day"])
        month = int(parts["mnum"]) if parts.get("mnum") else _month_number(parts["month"])
    if not month or not 1 <= month <= 12 or not 1 <= day <= _days_in(month, year):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_number(name: str) -> int | None:
    """Month number for a month name or its three-letter abbreviation."""
    name = name.lower()
    return _MONTHS.get(name) or _WORLD_MONTHS.get(name) or _MONTHS.get(name[:3])


def _days_in(month: int, year: int) -> int:
    """Days in ``month`` of ``year`` (Gregorian)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_NEAR_TITLE = 5  # lines above the headline a dateline may stand and still be the article's own


def published(lines: list[Line], title_at: int | None, day_first: bool = False) -> str | None:
    """The date of the first date line or byline below the headline, then of one just above it
    (a masthead's date of the day stands there too), else of any date or byline line. In the
    headline's own block (its next ten lines, down to one below the story's last), a line that
    only says "Updated" yields to one that says when it was published, but not to a line
    further down (a teaser's "By Jo Park 15 February 2024" at the page's foot); further down,
    the same holds among those lines, and
    a line with another date near it is one of a list (teasers, comments), never the article's,
    unless it says what its date is ("Published ..."). An event's "When:" line is no dateline.
    ``day_first``: see :func:`find_date`."""
    datelines = [i for i, line in enumerate(lines) if line.role is DATE]
    bylines = [i for i, line in enumerate(lines) if line.role is BYLINE]
    near = sorted(
        [i for i in datelines if title_at is None or title_at - _NEAR_TITLE < i]
        + [i for i in bylines if title_at is None or title_at < i]
    )  # bylines below it too: "By X | <date>"
    dated = sorted(datelines + bylines)
    block_end = len(lines) if title_at is None else title_at + BYLINE_BELOW
    # below the story's last line the head's block ends too (a short story's teasers stand there)
    last = last_body(lines)
    if title_at is not None and title_at < last < block_end:
        block_end = last + 1  # the story's own date may stand right under it

    def rank(i: int) -> tuple[bool, bool, bool]:  # sorted stably: otherwise the order above holds
        return i > block_end, _only_updated(lines[i].text), title_at is not None and i < title_at

    tried = set(near)
    rest = [i for i in datelines + bylines if i not in tried]  # each line is read once
    found: dict[int, str | None] = {}  # each line's date, read when first needed

    def date_at(i: int) -> str | None:
        if i not in found:
            found[i] = _line_date(lines[i].text, day_first)
        return found[i]

    for i in sorted(near, key=rank) + sorted(rest, key=rank):
        date = date_at(i)
        if not date:
            continue
        if (i > block_end or i not in tried) and not has_date_word(lines[i].text):
            # one of a list when a line near it, by index, gives another date
            if any(
                j != i and (other := date_at(j)) and other != date for j in listed_near(dated, i)
            ):
                continue
        return date
    return None


_EVENT_LABELS = ("when:", "when :")  # an event's date, not the article's


def _line_date(text: str, day_first: bool) -> str | None:
    """The date a dateline or byline gives: the second of "Updated <date> / Published <date>"."""
    if text[:6].lower().startswith(_EVENT_LABELS):
        return None
    publish = text.lower().find("publish")
    return (publish > 0 and find_date(text[publish:], day_first)) or find_date(text, day_first)


def _only_updated(text: str) -> bool:
    """A dateline that says when the article was updated, not when it was published."""
    lowered = text.lower()
    return "updated" in lowered and "publish" not in lowered and "posted" not in lowered
