"""What a regular expression's every match must contain: literal strings, read off its parse.

:func:`required_literals` (lower-cased) tells the index which articles may
match; :func:`paragraph_literals` (exact case) lets the matcher skip
paragraphs that cannot. Conservative by construction: a part whose text
cannot be known ends a literal, it never adds one.
"""

from __future__ import annotations

import re


def required_literals(regex: re.Pattern) -> list[list[str]]:
    """Literal strings any match must contain, as an AND of OR-groups, as the pattern spells
    them (a pattern that ignores case matches them ignoring case).

    Conservative by construction: a pattern part whose text cannot be known
    (a class, a wildcard, an optional piece, a lookaround) only ends a
    literal, so every match of the regex contains one string of every group.
    An empty list means nothing is known and every article is a candidate.
    """
    return _literal_groups(regex)


def paragraph_literals(regex: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """The same groups, for skipping paragraphs without them before the
    regex runs (``"ly" in text`` is several times cheaper than searching for ``\\b\\w+ly\\b``);
    none for a pattern that ignores case anywhere, where exact case proves nothing."""
    if regex.flags & re.IGNORECASE or _CASELESS_GROUP.search(regex.pattern):
        return ()
    return tuple(tuple(group) for group in _literal_groups(regex))


def sre_parser():
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    return sre_parse


_CASELESS_GROUP = re.compile(
    r"\(\?[a-zA-Z-]*i[a-zA-Z-]*[:)]"
)  # (?i:...) or (?si); may over-match: then no skipping


def _literal_groups(regex: re.Pattern) -> list[list[str]]:
    sre_parse = sre_parser()
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
        return [group for group in _sequence(list(parsed), sre_parse) if all(group)]
    except (
        Exception
    ):  # a parser-internals difference, or nesting deeper than the walk goes: know nothing
        return []


def _sequence(items: list, sre) -> list[list[str]]:
    """Requirement groups of a sequence of parsed regex items.

    Consecutive items that can each match only a few known strings (letters,
    a group of alternative words) are multiplied out into one group of whole
    alternatives: "climate (change|crisis)" needs "climate change" or
    "climate crisis", which says more than its pieces do.
    """
    groups: list[list[str]] = []
    current = [""]  # the alternatives the known run so far can be

    def flush() -> None:
        if current != [""]:
            groups.append(sorted(set(current)))
        current[:] = [""]

    for op, arg in items:
        known = _exact((op, arg), sre)
        if known is not None and len(current) * len(known) <= _MAX_ALTERNATIVES:
            current[:] = [head + tail for head in current for tail in known]
            continue
        flush()
        if op is sre.SUBPATTERN:
            groups.extend(_sequence(list(arg[-1]), sre))
        elif (
            op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
            and arg[0] >= 1
        ):
            groups.extend(_sequence(list(arg[2]), sre))
        elif op is sre.BRANCH:
            choices = [_best(_sequence(list(branch), sre)) for branch in arg[1]]
            if all(choices):
                groups.append(sorted(set(choices)))
    flush()
    return groups


_MAX_ALTERNATIVES = 16  # whole strings a known run may stand for before it is cut into pieces


def _exact(item, sre) -> list[str] | None:
    """Every string a parsed item can match, when that is a short list (a literal, a group
    of literals, alternatives of those); else None."""
    op, arg = item
    if op is sre.LITERAL:
        return [chr(arg)]
    if op is sre.SUBPATTERN and not arg[1] and not arg[2]:  # no flags switched inside
        found = [""]
        for inner in arg[-1]:
            known = _exact(inner, sre)
            if known is None or len(found) * len(known) > _MAX_ALTERNATIVES:
                return None
            found = [head + tail for head in found for tail in known]
        return found
    if op is sre.BRANCH:
        found = []
        for branch in arg[1]:
            known = _exact((sre.SUBPATTERN, (None, 0, 0, branch)), sre)
            if known is None:
                return None
            found.extend(known)
        return found if len(found) <= _MAX_ALTERNATIVES else None
    return None


def _best(groups: list[list[str]]) -> str | None:
    """The single most selective literal of a branch (the longest one that stands alone)."""
    singles = [group[0] for group in groups if len(group) == 1]
    return max(singles, key=len) if singles else None
