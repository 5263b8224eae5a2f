"""Captions told by their neighbours, after the cues (pass 1) found those told by their own shape.

A photo's credit gives its caption away: a short label beside it, a line ending in a credit
that the file also gives on its own line, and the same caption again without its credit; so
does a button that enlarges the photo, over its caption.
"""

from __future__ import annotations

import re

from newsreader.parse.cues import without_caption_label
from newsreader.parse.page import BYLINE, CAPTION, CREDIT, OTHER, Line, ends_a_sentence
from newsreader.parse.reasons import Reason

_LABEL_WORDS = 6  # words a caption label beside a credit has at most
#: A button that shows a picture larger: "Click here to enlarge", "Enlarge this image", "+ Enlarge".
_ENLARGE = re.compile(
    r"\+?\s*(?:click (?:here )?to )?(?:enlarge|view larger)(?: this)?(?: image| photo| picture)?",
    re.IGNORECASE,
)
_ENLARGE_LENGTH = 40  # characters of such a button, at most
_ENLARGED_CAPTION_WORDS = 40  # words of the caption below it, at most
_MIN_CREDIT = 8  # characters a credit needs before a line ending with it counts as its caption
_CAPTION_WORDS = (
    3  # words a line needs before it is read as a caption ending in a credit or shown again
)


def mark_captions(lines: list[Line], credits: list[str]) -> None:
    """Mark the captions the file's credits (``credits``, and the credit lines) and its enlarge
    buttons give away."""
    _mark_enlarged_captions(lines)
    _mark_caption_labels(lines)
    _mark_credited_captions(lines, credits)
    _mark_caption_copies(lines)


def _mark_enlarged_captions(lines: list[Line]) -> None:
    """The line right below a button that enlarges a picture ("Click here to enlarge",
    "Enlarge this image") is the picture's caption, up to a caption's length."""
    for above, line in zip(lines, lines[1:]):
        if (
            line.role is OTHER
            and line.words <= _ENLARGED_CAPTION_WORDS
            and len(above.text) <= _ENLARGE_LENGTH
            and _ENLARGE.fullmatch(above.text)
        ):
            line.role, line.reason = CAPTION, Reason.BELOW_ENLARGE


def _mark_caption_labels(lines: list[Line]) -> None:
    """Short unlabelled lines right beside a credit, in its block, are its caption; not one
    right over a byline, a headline under its picture's credit ("Photo by Jo Park" /
    "Seniors swap recipes" / "By Jo Park")."""
    for i, line in enumerate(lines):
        if (
            line.role is OTHER
            and line.words <= _LABEL_WORDS
            and not ends_a_sentence(line.text)
            and not (i + 1 < len(lines) and lines[i + 1].role is BYLINE)
        ):
            near = lines[max(0, i - 1) : i] + lines[i + 1 : i + 2]
            if any(other.role is CREDIT and other.block == line.block for other in near):
                line.role, line.reason = CAPTION, Reason.BESIDE_CREDIT


def _mark_credited_captions(lines: list[Line], credits: list[str]) -> None:
    """A line that ends with a photo credit the file gives on its own line elsewhere, perhaps
    followed by a caption label ("... Chris Jackson/Getty Images hide caption"), is a caption."""
    known = {credit for credit in credits if len(credit) >= _MIN_CREDIT}
    if not known:
        return
    endings = tuple(known)  # str.endswith tests them all in C; the loop only for a credit itself
    for line in lines:
        if line.role is OTHER and line.words > _CAPTION_WORDS:
            text = without_caption_label(line.text)
            if text.endswith(endings) and (
                text not in known
                or any(text.endswith(credit) and text != credit for credit in known)
            ):
                line.role, line.reason = CAPTION, Reason.CREDIT_GIVEN_ELSEWHERE


def _mark_caption_copies(lines: list[Line]) -> None:
    """A line that a caption elsewhere in the file starts with is that caption shown again
    without its credit ("Buses pass under ... in London, England." below "Buses pass under
    ... in London, England. Chris Jackson/Getty Images hide caption")."""
    captions = [line.text for line in lines if line.role is CAPTION]
    if not captions:
        return
    longest = max(map(len, captions))  # a line no shorter starts none with a space after it
    for line in lines:
        if (
            line.role is OTHER
            and line.words > _CAPTION_WORDS
            and len(line.text) < longest
            and any(
                caption.startswith(line.text)
                and caption[len(line.text) : len(line.text) + 1].isspace()
                for caption in captions
            )
        ):
            line.role, line.reason = CAPTION, Reason.CAPTION_AGAIN
