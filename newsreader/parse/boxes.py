"""Boxes of the page among the story's lines, known by what stands around them.

A box readers may skip: "skip past newsletter promotion" … "after newsletter promotion",
"Skip Twitter post by @harbour" … "End of Twitter post by @harbour". A screen reader's skip
link names the box it jumps over, and the page marks the box's end with the same name, so
everything from the one to the other is the box (a newsletter's pitch, an embedded post),
never the story, however much it reads like prose (:func:`mark_skipped_boxes`, before the
body is judged). And a line between two notices of a box of them (a plea for donations) is
the box's too (:func:`drop_lines_between_notices`, once it is).
"""

from __future__ import annotations

import re
from operator import attrgetter

from newsreader.parse.page import BODY, BOILERPLATE, Line
from newsreader.parse.reasons import Reason

_SKIP = re.compile(r"skip (?:past |over )?(?P<box>.{3,80}?)(?: and continue reading)?", re.I)
_REASON = attrgetter("reason")
_SKIP_STARTS = ("skip ", "Skip ", "SKIP ")
_BOX_LINES = 20  # lines a skippable box holds at most, its two marks included


def mark_skipped_boxes(lines: list[Line]) -> None:
    """Mark each box between a skip link and the line closing it ("after …", "end of …")."""
    for i in [i for i, line in enumerate(lines) if line.text.startswith(_SKIP_STARTS)]:
        opening = _opening(lines[i].text)
        if opening is None:
            continue
        ends = (f"after {opening}", f"end of {opening}")
        for j in range(i + 1, min(len(lines), i + _BOX_LINES)):
            if _opening(lines[j].text) == opening:
                break  # the same box again: the first one's end is missing
            if lines[j].text.casefold().rstrip(" .") in ends:
                for boxed in lines[i : j + 1]:
                    boxed.role, boxed.reason = BOILERPLATE, Reason.SKIPPED_BOX
                break


def _opening(text: str) -> str | None:
    """The name of the box ``text`` skips, case-folded; None when it is no skip link."""
    if not text[:5].casefold() == "skip " or len(text) > 120:
        return None
    match = _SKIP.fullmatch(text.rstrip(" ."))
    return match.group("box").casefold() if match else None


def drop_lines_between_notices(lines: list[Line]) -> None:
    """A body line right between two notices of a box of three or more ("Help keep news free
    for everyone by giving us as little as $1." / "Our newsroom teams invest time and care …" /
    "We cannot do this without your help." / "Support our newsroom …") is the box's, not the
    story's. Two notices alone may stand around a story's line: an editor's note and a sign-up
    plug beside its lede, a plug and a republishing note beside its last paragraph."""
    reasons = list(map(_REASON, lines))
    if reasons.count(Reason.NOTICE) < 2:  # most pages give one notice or none
        return
    notices = {i for i, reason in enumerate(reasons) if reason is Reason.NOTICE}
    for i in notices:
        if (
            i + 2 in notices
            and lines[i + 1].role is BODY
            and (i - 1 in notices or i + 3 in notices)  # a box of notices, not two beside a lede
        ):
            lines[i + 1].role, lines[i + 1].reason = BOILERPLATE, Reason.NOTICE
