"""The filters every command takes, read from what the user typed into one :class:`Filters`.

``--section``, ``--author``, ``--since``, ``--until`` and ``--language``, and the reader's
marks ``--unread``, ``--read``, ``--starred`` and ``--tag`` (all must match),
mean the same in ``list``, ``grep``, ``search``, ``export`` and ``show``; the
index applies them in its queries (see ``index.reads``; the marks by joining
the state file), so a filter never loads records only to drop them. Dates may be ISO (``2024-03-05``, ``2024-03``, ``2024``)
or relative to today (``today``, ``yesterday``, ``7d``, ``2w``, ``3 months``,
``1y``); today comes from the caller, never from the clock here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from newsreader.errors import UsageError
from newsreader.model import Filters
from newsreader.state.values import tag_word

_RELATIVE = re.compile(r"(\d{1,5})\s*(d|days?|w|weeks?|m|months?|y|years?)")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_LANGUAGE = re.compile(r"[a-z]{2}")
_SHOWN_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, or an age such as 7d, 2w, 3 months, 1y"


def make_filters(
    today: date,
    section: str | None = None,
    author: str | None = None,
    since: str | None = None,
    until: str | None = None,
    *,
    language: str | None = None,
    read: bool | None = None,
    starred: bool = False,
    tags: tuple[str, ...] = (),
    new: bool = False,
    before: str | None = None,
) -> Filters:
    """The filters the options ask for (``before``: published before that day, as ``news mark
    --before``; ``language``: codes separated by commas, any may match); raises UsageError for
    a date or a language code that cannot be read, BadTag for a tag that is not a word."""
    last = _day(until, today, "--until", first=False) if until else None
    if before:
        first_day = date.fromisoformat(_day(before, today, "--before", first=True))
        # nothing is published before the first day of year 1: a day no date reaches
        day_before = (first_day - timedelta(days=1)).isoformat() if first_day > date.min else "0000"
        last = min(last or day_before, day_before)
    return Filters(
        section=section or None,
        author=author or None,
        since=_day(since, today, "--since", first=True) if since else None,
        until=last,
        languages=_languages(language) if language else (),
        read=read,
        starred=starred,
        tags=tuple(sorted({tag_word(tag) for tag in tags})),
        new=new,
    )


def _languages(text: str) -> tuple[str, ...]:
    """The ISO 639-1 codes of ``en``, ``EN, de`` or ``pt-BR`` (a region is ignored: the records
    keep the language alone)."""
    codes = set()
    for given in text.split(","):
        code = given.strip().lower().replace("_", "-").split("-")[0]
        if not _LANGUAGE.fullmatch(code):
            raise UsageError(
                f"--language takes ISO 639-1 codes such as en or en,de, not {given.strip()!r}."
            )
        codes.add(code)
    return tuple(sorted(codes))


def _day(text: str, today: date, option: str, first: bool) -> str:
    """The ISO day ``text`` names: for a month or a year, its first day (``first``) or its last."""
    words = text.strip().lower()
    if words in ("today", "yesterday"):
        return (today - timedelta(days=words == "yesterday")).isoformat()
    relative = _RELATIVE.fullmatch(words)
    if relative:
        return _ago(today, int(relative.group(1)), relative.group(2)[0]).isoformat()
    iso = _ISO.fullmatch(words)
    if iso:
        year, month, day = (int(part) if part else None for part in iso.groups())
        try:
            if day is not None:
                return date(year, month, day).isoformat()
            months = (month, month) if month is not None else (1, 12)
            chosen = months[0] if first else months[1]
            last = calendar.monthrange(year, chosen)[1]
            return date(year, chosen, 1 if first else last).isoformat()
        except ValueError:
            pass
    raise UsageError(f"{option} takes a date ({_SHOWN_FORMS}), not {text!r}.")


def _ago(today: date, count: int, unit: str) -> date:
    """The day ``count`` days, weeks, months or years before ``today`` (a month back from the
    31st is the last day of the shorter month)."""
    if unit in "dw":
        return today - timedelta(days=count * (7 if unit == "w" else 1))
    months = today.year * 12 + today.month - 1 - count * (12 if unit == "y" else 1)
    year, month = divmod(months, 12)
    year = max(year, 1)
    return date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))
