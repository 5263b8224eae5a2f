"""Recognise byline lines and pull the author names out of them.

A byline is a short line that starts with a "by" word in one of several
languages ("By", "Written by", "Von", "Por", "Autor:"), or a run of names
followed by a role or an outlet ("Jane Doe, Staff Writer", "Jane Doe |
Reuters"). Names are split on commas and "and"-words; roles, dates and
outlet words glued to the end are dropped.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^(?:(?:written|words|reporting|story|text|posted|report(?:ed)?)\s+by|by|von|por|par|door|di|"
    r"av|af|autor(?:in|a|es)?|author(?:s)?|auteur|tekst|text|texto|reporter)\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bog\b|\ben\b)\s*", re.IGNORECASE)
_ROLE = re.compile(
    r"\b(?:staff|senior|chief|special|contributing|political|business|foreign|deputy|associate|"
    r"writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|"
    r"photographer|director|updated|published|opinion|news|desk|team|for)\b",
    re.IGNORECASE,
)
_GLUED_DATE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]{2,8}\.?\s+\d)")  # "GuerreroDec 20, 2023"
_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
              "al", "el", "bin", "ibn", "ter", "st.", "y", "di", "mc"}
_AGENCIES = {"associated press", "reuters", "afp", "ap", "agence france-presse", "bloomberg", "dpa",
             "pa media", "press association", "upi", "ansa", "efe", "xinhua", "cnn", "bbc news"}


def byline_names(line: str) -> list[str] | None:
    """Author names when ``line`` is a byline, else None.

    A line that is only a "by" word (the names follow on the next line)
    returns an empty list, so the caller can look ahead.
    """
    text = line.strip()
    if len(text) > 160:
        return None
    match = _PREFIX.match(text)
    if match:
        rest = match.group("rest").strip()
        if not rest:
            return [] if text.rstrip(":").strip().lower() in {"by", "von", "por", "par", "autor", "author"} else None
        names = names_in(rest)
        return names or None
    if "|" in text or "," in text:
        head = re.split(r"\s*[|,]\s*", text, maxsplit=1)
        tail = head[1] if len(head) > 1 else ""
        if _ROLE.search(tail) or tail.lower() in _AGENCIES:
            names = names_in(head[0])
            if names:
                return names
    return None


def names_in(text: str) -> list[str]:
    """Split a run of author names; empty when the text does not read as names."""
    text = _GLUED_DATE.sub(", ", text)
    text = re.split(r"\d", text, maxsplit=1)[0]  # a date or time ends the names
    names: list[str] = []
    for part in _SPLIT.split(text):
        part = part.strip(" .-–—:")
        if not part:
            continue
        if part.lower() in _AGENCIES:
            names.append(part)
            continue
        name = _leading_name(part)
        if name:
            names.append(name)
        elif names and _ROLE.search(part):
            continue  # "Jane Doe, Staff Writer": a role after a name ends nothing
        else:
            break
    return _unique(names)


def _leading_name(part: str) -> str | None:
    """The personal name at the start of ``part`` (2-5 name-like words), or None."""
    words = part.split()
    taken: list[str] = []
    for word in words:
        if _is_name_word(word) or (taken and word.lower() in _PARTICLES):
            taken.append(word)
            if len(taken) == 5:
                break
        else:
            break
    while taken and taken[-1].lower() in _PARTICLES:
        taken.pop()
    if len(taken) < 2 or _ROLE.search(" ".join(taken)):
        return None
    return " ".join(taken)


def _is_name_word(word: str) -> bool:
    """A capitalised word or an initial: "Jane", "O'Neil", "J.", "Jean-Luc"."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not letters[0].isupper() or not word[0].isalpha():
        return False
    if re.fullmatch(r"(?:[^\W\d_]\.){1,3}", word):
        return True
    uppers = sum(c.isupper() for c in letters[1:])
    return uppers <= 2 and any(c.islower() for c in letters) and all(c.isalpha() or c in "'’.-" for c in word)


def _unique(names: list[str]) -> list[str]:
    """Names in first-seen order without repeats."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())
