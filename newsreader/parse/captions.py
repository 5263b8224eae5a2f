"""Captions told by their neighbours, after the cues (pass 1) found those told by their own shape.

A photo's credit gives its caption away: a short label beside it, a line ending in a credit
that the file also gives on its own line, a source glued to the ends of two lines or more,
and the same caption again without its credit; so does a button that enlarges the photo, over
its caption.
"""

from __future__ import annotations

import re

from newsreader.parse.cues import glued_source, opens_with_media_label, without_caption_label
from newsreader.parse.page import BODY, BYLINE, CAPTION, CREDIT, OTHER, Line, ends_a_sentence
from newsreader.parse.reasons import Reason

_LABEL_WORDS = 6  # words a caption label beside a credit has at most
#: A button that shows a picture larger: "Click here to enlarge", "Enlarge this image", "+ Enlarge".
_ENLARGE = re.compile(
    r"\+?\s*(?:click (?:here )?to )?(?:enlarge|view larger)(?: this)?(?: image| photo| picture)?",
    re.IGNORECASE,
)
_ENLARGE_LENGTH = 40  # characters of such a button, at most
_ENLARGED_CAPTION_WORDS = 40  # words of the caption below it, at most
_SAID = re.compile(r"\bsaid\b")  # who said it, in the past tense: a story's line, not a caption
_OVER_CREDIT_WORDS = 25  # words of a body line over a credit that is its picture's caption, at most
_GLUED_CAPTIONS = 2  # lines with one source glued on that make them a series' captions, at least
_MIN_CREDIT = 8  # characters a credit needs before a line ending with it counts as its caption
_CAPTION_WORDS = (
    3  # words a line needs before it is read as a caption ending in a credit or shown again
)


def mark_captions(lines: list[Line], credits: list[str]) -> None:
    """Mark the captions the file's credits (``credits``, and the credit lines) and its enlarge
    buttons give away."""
    _mark_enlarged_captions(lines)
    _mark_caption_labels(lines)
    _mark_glued_sources(lines, credits)
    _mark_credited_captions(lines, credits)
    _mark_caption_copies(lines)


def drop_captions_over_credits(lines: list[Line]) -> None:
    """A short body line right over a picture's credit (one blank line between, at most), with
    body again right below the credit, is the picture's caption: the picture stands between two
    paragraphs ("Pedestrians pass a boutique in Prague." / "Milan Jaros/Getty Images"). Asked
    once the body is known, so a headline over its picture's credit stays the headline; a line
    ending no sentence there is a listicle's heading, one saying who said something is a
    quote's paragraph, and over a credit with a shorter line below it (its caption there) the
    line is the story's. On dev, 19 such lines are captions and 1 the story's."""
    for above, credit, below in zip(lines, lines[1:], lines[2:]):
        if (
            credit.role is CREDIT
            and above.role is BODY
            and not opens_with_media_label(credit.text)
            and below.role is BODY
            and below.words > above.words  # else the caption is the shorter line below the credit
            and above.words <= _OVER_CREDIT_WORDS
            and ends_a_sentence(above.text)  # not a listicle's heading ("Jo Park & Ana Ruiz")
            and not _SAID.search(above.text)  # a quote's paragraph, not a picture's
            and credit.number - above.number <= 2
        ):
            above.role, above.reason = CAPTION, Reason.OVER_CREDIT


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
    right over a byline, or over a credit right over one: a headline under its picture's credit
    ("Photo by Jo Park" / "Seniors swap recipes" / "By Jo Park") or over it."""
    for i, line in enumerate(lines):
        if (
            line.role is OTHER
            and line.words <= _LABEL_WORDS
            and not ends_a_sentence(line.text)
            and not _over_a_byline(lines, i)
        ):
            near = lines[max(0, i - 1) : i] + lines[i + 1 : i + 2]
            if any(other.role is CREDIT and other.block == line.block for other in near):
                line.role, line.reason = CAPTION, Reason.BESIDE_CREDIT


def _over_a_byline(lines: list[Line], i: int) -> bool:
    """Whether a byline stands right below line ``i``, or right below a credit right below it."""
    below = [line.role for line in lines[i + 1 : i + 3]]
    return below[:1] == [BYLINE] or below == [CREDIT, BYLINE]


def _mark_glued_sources(lines: list[Line], credits: list[str]) -> None:
    """Lines with the same source glued to their last sentence (:func:`cues.glued_source`: "…
    Friday afternoon.NOAA", "… snowfall.NOAA") are a chart series' captions, and the source
    their credit, when the file glues it to two lines or more; a brand or an acronym glued once
    to a paragraph's end may be a button or a tag run into it ("… they would unload.OpenAI")."""
    glued: dict[str, list[Line]] = {}
    for line in lines:  # the cheap tests first: most lines end in a full stop
        if line.role is OTHER and line.text[-1:].isalnum() and (source := glued_source(line.text)):
            glued.setdefault(source, []).append(line)
    for source, captions in glued.items():
        if len(captions) >= _GLUED_CAPTIONS:
            credits.append(source)
            for line in captions:
                line.role, line.reason = CAPTION, Reason.ENDS_WITH_CREDIT


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
