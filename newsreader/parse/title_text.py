"""What scraping glues to a headline, and what only looks like one.

The line the title classifier picks may carry page furniture joined to it: a
lower-case label ("now reading: ..."), a media tag ("... [Watch]"), the
breadcrumb trail it ends ("News / India News / ..."), a site's name after a bar
("... | CBC Arts Loaded", as a page title has it), or a kicker link run
into it without a space ("Digital MarketingEstablishing ..."), or a prefix
the line below shows ("Home News News <headline>" over "<headline>"). A trail of
short links alone ("Home / News / Electric Cars") is never the headline.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"^[a-z][a-z ]{1,20}:\s+(?=[\"“‘'A-Z0-9])")  # "now reading: The ..."
_TAG = re.compile(
    r"\s*[\[(](?:watch|video|photos?|pics|gallery|listen|audio|podcast)[\])]$", re.IGNORECASE
)
_SITE_SUFFIX = re.compile(r"\s+\|\s+(?P<site>[^|]{2,50})$")  # a site or show name after a bar
_SITE_WORDS = 5  # words a site's name may have
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+")  # "# Title", "## Title": matched at the start
_KICKER_CHARS = 3  # characters of a kicker run into the headline, at least ("i" + "Phone": none)
_TRAIL = re.compile(r"\s+(?:/|›|»|>)\s+")  # the spaced separators of a breadcrumb trail
_TRAIL_MARKS = ("/", "›", "»", ">")


#: A page's tool next to a headline: "Print", "Email this story", "Comments (3)".
_TOOL = (
    r"(?:print(?:er[- ]friendly(?: version)?| this(?: story| article| page)?)?|"
    r"e-?mail(?: this(?: story| article| page)?)?|share(?: this)?|save|comments?(?: \(\d+\))?|pdf)"
)
#: Tools after a bar, a dot, a spaced dash or in brackets: "... | Print | Email this".
_TOOL_TAIL = re.compile(
    r"^(?P<headline>.+?)(?:(?:\s*[|•·]\s*|\s+[-–—]\s+)_TOOL(?!\w)|\s*\[_TOOL\]|\s*\(_TOOL\))+"
    r"(?:\s*[|•·])?\s*$".replace("_TOOL", _TOOL),
    re.IGNORECASE,
)
#: How every tool tail ends: a tool's last word or a bracket, perhaps a last bar ("| Print |"),
#: case-blind like the tail itself.
_TOOL_END = re.compile(
    r"(?:print|friendly|version|this|story|article|page|mail|share|save|comments?|pdf|[)\]])"
    r"(?:\s*[|•·])?\s*$",
    re.IGNORECASE,
)
_TOOL_END_SPAN = 10  # characters before a line's last one where a tool's last word may start


def _tool_tail(text: str) -> re.Match | None:
    """The tool-tail match of ``text``, tried only when it ends as a tool does: the pattern
    tries every split of the line, and most headlines end in no tool."""
    end = _TOOL_END.search(text, max(0, len(text.rstrip()) - _TOOL_END_SPAN))
    return _TOOL_TAIL.match(text) if end else None


_WRAPPERS = (  # what a page wraps a headline in: a share widget, a slide counter, a tool tail
    re.compile(r"^share\s+(?P<headline>.+?)\s+close$", re.IGNORECASE).match,
    # a slide counter run into it: "01/9Ten festivals ...", "1 of 9Mayor vetoes ..."
    re.compile(r"^\d{1,3}(?:\s?/\s?| of )\d{1,3}(?P<headline>[A-Z\"“‘'].+)$").match,
    _tool_tail,
)
_WRAPPED_LENGTH = 400  # characters of a line that may be a wrapped headline, at most
_QUOTED = re.compile(r"^[\"“‘'](?P<headline>[^\"“”‘’]+)[\"”’']$")  # a headline wrapped in quotes


def not_a_headline(text: str) -> bool:
    """A line that is never the headline whatever it scores: a teaser led by ">>" or "›", a
    "Tags:" line, a "You are here:" trail, a numbered item of a list, a menu (see
    :func:`is_menu`), or a sentence of the story that opens with a wire dateline
    ("HARBORTOWN (AP) — The council ...") or gives a quote and who said it.
    Cheap tests first: most lines fail them all at once."""
    if text.startswith(_TEASER_MARKS) or text[:12].lower().startswith(_TAG_LABELS):
        return True  # "Tags: ...", "You are here: Home > News"
    if text[:1].isdigit() and _LIST_ITEM.match(text):
        return True  # "1. Sea Swift, Dana Whitlock, 42:10": an item of a list
    if is_menu(text):
        return True
    # the space count first: a scan in C that rules out nearly every line before the pattern
    if text.count(" ") < _MENU_BARS and len(_CASE_TURNS.findall(text)) >= _MENU_BARS:
        return True  # "HomeNewsSportBusinessWeather"
    if ('"' in text or "”" in text) and _ATTRIBUTED.search(text):
        return True  # '"We heard them knocking," said Vernon Stiles.': a quote the story gives
    return text[:2].isupper() and text[-1:] in '.!?"”’' and _DATELINE.match(text) is not None


_TOOLS = re.compile(rf"(?i:{_TOOL}|im)(?:\s*[|•·]\s*(?i:{_TOOL}|im))+")


def is_tool_line(text: str) -> bool:
    """A line of the page's tools only, between bars: "E-mail this story | Print this story |
    Comments (23)"."""
    return ("|" in text or "•" in text or "·" in text) and _TOOLS.fullmatch(text) is not None


def is_menu(text: str) -> bool:
    """Links between bars, three bars or more and each link a few words ("Front Page | Local |
    Sports | Obituaries"): a menu, neither headline nor byline."""
    return text.count("|") >= _MENU_BARS and all(
        len(part.split()) <= _MENU_WORDS for part in text.split("|")
    )


_TEASER_MARKS = (">>", "» ", "› ", "> ", "►")
_LIST_ITEM = re.compile(r"\d{1,3}[.)]\s")
_TAG_LABELS = ("tags:", "tagged:", "topics:", "tags ", "you are here")
_MENU_BARS = 3  # bars (or links run together) that make a line of short parts a menu
_MENU_WORDS = 3  # words of a menu's part, at most
_CASE_TURNS = re.compile(r"[a-z][A-Z]")
#: A quotation and who gave it, in the past tense of a story's sentence ('...," said Jo Park',
#: '...?" he asked'); a headline says it in the present ('"Unbothered," says star').
_ATTRIBUTED = re.compile(r"[,!?][\"”]\s+(?:(?:he|she|they) )?(?:said|asked|added|told|wrote)\b")
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:\s*\([^)]{1,30}\))?\s*[-–—]{1,2}\s*\S")


def headline_text(
    text: str, short_lines: list[str], below: list[str] = ()
) -> tuple[str, str | None]:
    """The headline without the furniture glued to it, and the kicker it carried if any.
    ``short_lines`` are the file's lines of up to four words: a glued kicker must be one of them;
    ``below`` are the lines just under it, where the headline may stand again on its own. A
    line longer than any headline is left as it is: the patterns' backtracking grows with it
    (a 20,000-character run of spaces took seconds)."""
    if len(text) > _WRAPPED_LENGTH:
        return text, None
    text = _TAG.sub("", _LABEL.sub("", text)) or text
    heading = _MARKDOWN_HEADING.match(text) if text.startswith("#") else None
    if heading and heading.end() < len(text):  # "# Title"; "#MeToo" is a word
        text = text[heading.end() :]
    text = _unwrapped(text)
    suffix = _SITE_SUFFIX.search(text)
    if (
        suffix
        and len(suffix.group("site").split()) <= _SITE_WORDS
        and len(text[: suffix.start()].split()) >= 4
    ):
        text = text[: suffix.start()]  # "<headline> | CBC Arts Loaded": the page title's form
    title, kicker = _without_kicker(text, short_lines)
    for (
        line
    ) in below:  # "Home News News <headline>" over "<headline>": a breadcrumb ending in the title
        if len(line) < len(title) and title.endswith(line) and len(line.split()) >= 4:
            return line, kicker
    return title, kicker


def _unwrapped(text: str) -> str:
    """``text`` out of the wrappers a page puts around a headline ("SHARE <headline> CLOSE",
    "01/9<headline>", "<headline> | Print") and of the quotes it may stand in whole. A line
    longer than any headline is left as it is: the patterns' backtracking grows with it."""
    if len(text) > _WRAPPED_LENGTH:
        return text
    for wrapper in _WRAPPERS:
        found = wrapper(text)
        if found and len(found["headline"].split()) >= 2:
            text = found["headline"]
    quoted = _QUOTED.match(text)
    return quoted["headline"] if quoted else text


def _without_kicker(text: str, short_lines: list[str]) -> tuple[str, str | None]:
    if trail(text) == "headline":
        parts = _TRAIL.split(text)
        return parts[-1], parts[0]
    for (
        kicker
    ) in short_lines:  # links joined without a space: a lower-case end, an upper-case start
        if (
            _KICKER_CHARS <= len(kicker) < len(text)
            and text.startswith(kicker)
            and kicker[-1].islower()
            and text[len(kicker)].isupper()
        ):
            return text[len(kicker) :], kicker
    return text, None


def trail(text: str) -> str | None:
    """ "breadcrumb" for a trail of short links ("Home / News / Electric Cars"), "headline" for
    such a trail ending in a headline ("News / India News / Navy, coast guard swing ..."), else None.
    A line longer than any headline is none (the separator's pattern backtracks over spaces)."""
    if len(text) > _WRAPPED_LENGTH or not any(map(text.__contains__, _TRAIL_MARKS)):
        return None  # most lines: no separator, no trail
    parts = _TRAIL.split(text)
    if len(parts) < 3 or any(len(part.split()) > 3 for part in parts[:-1]):
        return None
    return "headline" if len(parts[-1].split()) >= 4 else "breadcrumb"
