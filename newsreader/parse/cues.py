"""Line-level cues: photo credits, caption labels, navigation and share junk, and the first pass.

Each predicate looks at one line on its own and says what it is, with no
knowledge of the rest of the file. Patterns cover several languages and
the shapes sites share, never one site's wording. :func:`mark_cues`, the
parser's first pass, gives each line the role its most specific cue earns,
bar byline-shaped lines that stand in a list; the later passes weigh lines
by their neighbours and their position.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsreader.model import Role
from newsreader.parse.bylines import byline_names, prefixed_byline_names
from newsreader.parse.dates import find_date, has_date_word
from newsreader.parse.names import PARTICLES, in_no_name, only_ordinary_words
from newsreader.parse.page import BOILERPLATE, BYLINE, CAPTION, CREDIT, DATE, Line
from newsreader.parse.reasons import Reason
from newsreader.parse.title_text import is_tool_line

_CREDIT_PREFIX = re.compile(
    r"^(?:photos?|images?|pictures?|credits?|photo credits?|image credits?|photographs?|photography|"
    r"illustrations?|graphics?|foto(?:s|grafie|grafia)?|fot\.|zdj[eę]ci[ea]|bild(?:er)?|quelle|"
    r"cr[ée]dits?(?: photo)?|source|video)\s*[:：]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_CREDIT_BY = re.compile(  # "Photograph by Jim Richardson, Nat Geo Image Collection", "Photo provided by Bruce Kunz."
    r"^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|foto|source images?)\s+"
    r"(?:(?:provided\s+)?by|courtesy(?:\s+of)?|von|de|por|par)\s+(?P<rest>.{3,120}?)\.?$",
    re.IGNORECASE,
)
# Run on lower-cased text: a case-blind pattern costs far more. Whole words only: "epa" stands in
# "homepage" and "separated", "dpa" in "update"; "via" alone is no credit ("Share via Email").
_CREDIT_WORDS = re.compile(
    r"\b(?:getty|shutterstock|ap photo|afp|reuters|epa|alamy|istock|pa images|pa wire|"
    r"bloomberg|nurphoto|anadolu|imago|dpa|sipa|xinhua|unsplash|pexels|photo|courtesy|handout|"
    r"file photo|image via)\b",
)
_CREDIT_BY_WORDS = (
    "photo",
    "pictu",
    "image",
    "illus",
    "video",
    "foto",
    "sourc",
)  # how _CREDIT_BY may open
_NAME_SLASH_ORG = re.compile(
    r"^[^\W\d_][\w.'’ -]{1,60}\S/\S[\w.'’ &/-]{1,60}$"
)  # "Jane Doe/AP", not "World / Europe"
_TRAILING_CREDIT = re.compile(r"\((?P<credit>[^()]{3,120})\)\s*$")
_GLUED_CREDIT = re.compile(
    r"[.!?”\"]\s*(?P<credit>[A-Z][\w.'’ -]{1,40}/[\w.'’ &-]{2,40})$"
)  # "... all year. Clive Rose/Getty Images"
#: A credit through an agency after a caption's last sentence: "... in North Hollywood. AFP via
#: Getty Images", "... on Monday. Jane Doe via Reuters"; or a picture library's name alone.
_VIA_CREDIT = re.compile(
    r"[.!?”\"]\s*(?P<credit>(?:[A-Z][\w.'’&-]*\s){1,4}via\s[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,2})(?<!\.)$"
)
_LIBRARY_CREDIT = re.compile(
    r"[.!?”\"]\s*(?P<credit>Getty Images|Shutterstock|Alamy(?: Stock Photo)?)$"
)
_LIBRARIES = ("Images", "Shutterstock", "Alamy", "Stock Photo")  # how such a credit ends
#: A source's acronym alone after a caption's last sentence: "... What a world. HBO".
_BARE_CAPTION_WORDS = 30  # words of such a caption, fewer than
_GLUED_ACRONYM = (3, 6)  # letters of an acronym glued to a caption as its source
_CAMEL_HEAD = (
    4  # letters before a glued brand's inner capital, at least ("Weather|BELL"; "Mc|Kenzie")
)
#: Acronyms that end a paragraph or a post rather than name a picture's source.
_SIGN_OFFS = frozenset(
    "LOL RIP OMG MAGA END ENDS FYI BTW IMO IMHO PS TBD TBA USA UK US EU OK AM PM ET PT GMT "
    "NYC DC TV FAQ RSVP ASAP WTF SMH NFT AI PDF GIF HTML NEW HOT LIVE TOP VIP SOS XOXO".split()
)
_BARE_ACRONYM = re.compile(r"[a-z]{3}[.!?][\"”’)]?\s+(?P<credit>[A-Z]{2,5})$")
#: The words glued after a caption's last sentence, no space between ("... on Friday.NOAA",
#: "... into January.WeatherBELL"): a page's picture and its credit run together.
_GLUED_SOURCE = re.compile(r"[\"”’)]?(?P<credit>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})")
_STAFF = re.compile(r"/[^/]*\b[Ss]taff(?: [Pp]hotographer)?$")  # "John Tlumacki/Globe Staff"
#: "Credit: Andrew Crowley" opening a line or after a sentence, a bar, a bracket, a comma or a
#: spaced dash; "Photo credit:" or a capitalised "Credit:" after a word. A lower-case "credit"
#: after a word is the noun ("lose EV tax credit: Today's Car News", a teaser's headline).
_LABELLED_CREDIT = re.compile(
    r"(?:(?:^|[|.!?”\"(\[,;]\s*|\s[–—-]\s*)(?:image |photo |picture )?credits?|"
    r"\s(?:(?:image |photo |picture )credits?|(?-i:Credits?|CREDITS?)))"
    r"\s*(?::|\.\.\.|…)\s*(?P<credit>[^|:]{3,80}?)\.?\s*$",
    re.IGNORECASE,
)
_LABELLED_PICTURE = re.compile(
    r"[.!?”\"’)]\s+(?:images?|photos?|photographs?|pictures?)\s*:\s*(?P<credit>[^:]{3,100}?)\.?\s*$",
    re.IGNORECASE,
)
_LABELLED_CREDIT_WORDS = 8  # "... Credit: Andrew Crowley"
_PICTURE_CREDIT_WORDS = 12  # "Kevin Winter / Getty Images North America / Getty Images Via Afp"
_CAPTION_LABELS = re.compile(
    r"^(?:image caption|image source|photo caption|caption|toggle caption|hide caption|"
    r"enlarge this image|expand|podpis(?: \w+){0,3}|źródło(?: \w+){0,2}|bildunterschrift|"
    r"legenda(?: \w+){0,2}|pie de foto|l[ée]gende(?: de l[’']image| de la photo)?|didascalia|bijschrift|"
    r"media caption)\s*[:,]?$",
    re.IGNORECASE,
)
#: An ad's marker inside a story ("Advertisement", "[ad]", "Story continues below advertisement"),
#: matched on lower-cased lines: the story goes on below it.
_AD_MARKER = (
    r"\[?(?:advertisement|advertising|advert|ad|anzeige|werbung|publicidad|publicité|pubblicità|"
    r"reklama)\]?|article continues below(?: this ad)?|story continues below(?: advertisement)?"
)
_AD_MARKER_LINE = re.compile(rf"\W*(?:{_AD_MARKER})\W*")
_AD_MARKER_LENGTH = 60  # characters of an ad's marker on its line, at most
_SIGN_UP_BUTTON = re.compile(
    r"(?:sign(?: me)? up|subscribe|join|register)(?: now| today| for free)?\W*", re.IGNORECASE
)
_BUTTON_LENGTH = 40  # characters of a button, at most
#: A link to another story set into this one: "Related: …", "READ MORE: …", "(Also: …)".
_INLINE_LINK = r"\(?\W*(?:read|also|more|related|read more|see more)\s*:\s.{3,}"
_INLINE_LINK_LINE = re.compile(_INLINE_LINK)
_BOILERPLATE = re.compile(  # matched on lower-cased lines: far cheaper than case-blind
    rf"^(?:{_AD_MARKER}|sponsored(?: content)?|share(?: this(?: article| story)?| on \w+| via \w+)?|share via|tweet|email|e-mail|print|"
    r"comments?|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|copy link|link copied|"
    # an older page's tools: "E-mail to a friend", "Printer-friendly version", "Print this story"
    r"e-?mail (?:this|to a friend)(?: story| article| page)?|send to a friend|"
    r"printer[- ]friendly(?: version| format| page)?|print this (?:story|article|page)|"
    r"save|bookmark|listen(?: to this article)?|close|video|menu|more|read more|see more|show more|"
    r"continue reading|"
    r"skip (?:to|advert).*|follow us.*|subscribe.*|sign up.*|newsletter.*|related(?: articles| stories| topics| content| coverage)?|"
    r"recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|top stories|"
    r"click (?:here|for|to) .*|click here|back to top|loading.*|play video|watch(?: now| video)?|"
    # "... more...": the word's boundary checked behind it, so the scan back from the line's
    # end jumps from "m" to "m" instead of trying every position
    r"(?:all rights reserved|copyright|©).*|.*more(?<!\wmore)\.\.\.$|more in .*|more from .*|"
    r"leer más|lire (?:la )?suite|weiterlesen|czytaj (?:też|także|więcej).*|read also.*|also read.*|"
    r"see also.*|more stories.*|you may also like.*|\d+ comments?|join the conversation.*|"
    r"filed under:.*|\d+ (?:responses|comments|replies) to .*|\d+ thoughts on [\"“'‘].*|"  # a blog's footer
    rf"{_INLINE_LINK}|a post shared by .*|people are also reading.*|"
    r"more for you|more like this|about the author|in this article|get the whole story|\d+ (?:images|photos|slides)|"
    r"before you go.*|comments are closed\.?|editor[’']?s picks?|view (?:full )?post on \w+|"
    r"repl(?:y|ies)|\d+ repl(?:y|ies)|(?:load|show|view) (?:more|all|\d+) (?:comments|replies)|"
    r"(?:free |daily |weekly )+newsletter.*|was this (?:page|article|story|post) (?:helpful|useful)\?|"
    r"updated|published|posted)\s*(?::|[.»›>…]+)?$",  # a button's stop or arrow: "Read more.", "Read More »"
)


def credits_in(line: str) -> list[str] | None:
    """Photo credits when the whole line is a credit line, else None."""
    # each pattern runs only when the line holds what it needs: a colon, an opening word, a slash
    match = (("：" in line or ":" in line) and _CREDIT_PREFIX.match(line)) or (
        line[:5].lower().startswith(_CREDIT_BY_WORDS) and _CREDIT_BY.match(line)
    )
    if match:
        return [part.strip() for part in re.split(r"\s*;\s*", match.group("rest")) if part.strip()]
    words = line.split()
    if 1 <= len(words) <= 10 and not line.endswith((".", "?", "!", ":")):
        if ("/" in line and _NAME_SLASH_ORG.match(line) and _names_a_source(line)) or (
            len(words) <= 6 and _has_credit_word(line) and not _photo_button(line)
        ):
            return [line.strip()]
    return None


def _names_a_source(line: str) -> bool:
    """Whether a "Jane Doe/AP" line without a credit word names a picture's source: no side
    holds an interface or function word (an opening "The" aside: "The Guardian"), and one is a
    person's name (:func:`_person`) or an agency's acronym ("Staff/AP", "NASA/JPL-Caltech").
    A menu's pairs ("About/Contact", "Your Privacy Choices/Manage Cookies") and figures
    ("Weight 4.8 lbs/2.2kg") have the shape too."""
    sides = [side.split() for side in line.split("/") if side.strip()]
    if any(in_no_name(word) for side in sides for word in (side[1:] if side[0] == "The" else side)):
        return False
    return any(_person(side) or _ACRONYM.fullmatch(" ".join(side)) for side in sides)


_ACRONYM = re.compile(r"[A-Z]{2,5}")  # an agency's: "AP", "EFE", "NASA", "WPTV"


def _person(words: list[str]) -> bool:
    """Two to four words of a person's name: each capitalised or a particle ("Ana de la Cruz"),
    and no acronym beside ordinary words ("PPC Management" is a menu's; "JANE DOE" is a name)."""
    if not 2 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    if not all(word[:1].isupper() or word in PARTICLES for word in words):
        return False
    capitals = [len(word) >= 3 and word.isupper() for word in words]
    return all(capitals) or not any(capitals)


#: What a line that names photos asks the reader to do, where "photo" is its only credit word:
#: a control ("Share a photo", "Photo galleries", "Photo Store"), not the photo's source.
_PHOTO_CONTROLS = frozenset(
    "share upload submit view see more next previous store shop gallery galleries album albums "
    "slideshow".split()
)


def _photo_button(line: str) -> bool:
    """A control or a label that names photos, not their source: "Photo", "Share a photo",
    "Photo galleries" ("Science Photo Library" and "Courtesy of Fox News" are sources)."""
    lower = line.strip().lower()
    if set(_CREDIT_WORDS.findall(lower)) != {"photo"}:
        return False
    return lower == "photo" or not _PHOTO_CONTROLS.isdisjoint(re.findall(r"[a-z]+", lower))


def _has_credit_word(text: str) -> bool:
    """An agency's or a picture library's name, or a word like "photo" or "courtesy"."""
    return _CREDIT_WORDS.search(text.lower()) is not None


def trailing_credit(line: str) -> str | None:
    """The credit that ends a caption: in parentheses, ``(Jane Doe/AP)``; after the caption's
    last sentence, ``... all year. Clive Rose/Getty Images``, ``... business.John Tlumacki/Globe
    Staff``; or labelled, ``... | Image credit: Embark Studios``, ``... Credit: Andrew Crowley``,
    ``... again.Credit...Stephen Speranza for The New York Times``; after a sentence, an acronym
    alone, ``... in Kyiv. AFP``, a credit through an agency, ``... in Hollywood. AFP via Getty
    Images``, or labelled, ``... in Prague. Photograph: Michal Čížek/AFP``; an agency glued to
    the last sentence, ``... at dawn.Getty Images``."""
    tail = line[-130:]
    match = _TRAILING_CREDIT.search(tail)
    if match and (_has_credit_word(match.group("credit")) or "/" in match.group("credit")):
        bracketed = match.group("credit").strip()
        labelled = _CREDIT_PREFIX.match(bracketed)  # "(Credit: Reuters)": the label left out
        return labelled.group("rest").strip() if labelled else bracketed
    glued = _GLUED_CREDIT.search(tail) if "/" in tail else None
    if glued and (_has_credit_word(glued.group("credit")) or _STAFF.search(glued.group("credit"))):
        return glued.group(
            "credit"
        ).strip()  # no brackets: an agency or a paper's staff must show it
    if tail[-1:].isupper() and (bare := _bare_acronym(tail)):
        return bare
    if tail[-1:].isalnum() and (glued := _glued(line)) and _has_credit_word(glued):
        return glued  # an agency glued on ("… at dawn.Getty Images"); others: glued_source
    if " via " in tail and (via := _VIA_CREDIT.search(tail)) and _via_credit(via["credit"]):
        return via["credit"]
    if tail.endswith(_LIBRARIES) and (library := _LIBRARY_CREDIT.search(tail)):
        return library["credit"]
    if ("redit" in tail or "REDIT" in tail) and (
        credit := _labelled(_LABELLED_CREDIT, tail, _LABELLED_CREDIT_WORDS)
    ):
        return credit  # the labelled form, checked only when its word is there
    if (
        ":" in tail
    ):  # "... on 21 December. Photograph: Michal Čížek/AFP/Getty": a picture's label after a sentence
        return _labelled(_LABELLED_PICTURE, tail, _PICTURE_CREDIT_WORDS)
    return None


def _via_credit(credit: str) -> bool:
    """Whether "X via Y" credits a picture: Y an agency or library, X a name or an agency, not a
    link's words ("Read More via Reuters", "Full Story via Bloomberg", "Data via …")."""
    first = credit.split(None, 1)[0]  # "Anadolu Agency via …": an agency's name opens it
    return _has_credit_word(credit) and not only_ordinary_words(first)


def _bare_acronym(tail: str) -> str | None:
    """The acronym ending a caption of three to ``_BARE_CAPTION_WORDS`` words after a sentence
    ("... in Kyiv. AFP", "... What a world. HBO"), unless it is an interface or a function word
    ("... read on. MORE" is a link) or an acronym that signs off a paragraph ("... win it big.
    MAGA", "LOL", "ENDS"): a body paragraph may end so, and is not to be lost as a caption."""
    found = _BARE_ACRONYM.search(tail)
    if not found or not 2 <= tail.count(" ") < _BARE_CAPTION_WORDS:
        return None
    credit = found["credit"]
    return None if in_no_name(credit) or credit in _SIGN_OFFS else credit


def _glued(line: str) -> str | None:
    """The capitalised words glued to the last sentence of ``line`` ("... at dawn.Getty
    Images", "... Friday afternoon.NOAA"), in a line of three to ``_BARE_CAPTION_WORDS`` words
    (a paragraph is longer than a caption), or None."""
    if not 2 <= line.count(" ") < _BARE_CAPTION_WORDS:
        return None
    # the glue is the line's last sentence end: the words glued on hold none (C's searches)
    end = max(line.rfind("."), line.rfind("!"), line.rfind("?"))
    before = line[end - 3 : end]
    if end < 3 or not (before.isascii() and before.isalpha() and before.islower()):
        return None
    found = _GLUED_SOURCE.fullmatch(line, end + 1)
    return found["credit"] if found else None


def glued_source(line: str) -> str | None:
    """A source that is no agency glued to a line's last sentence: one word, an acronym of
    three to six letters or a brand with capitals inside ("… Friday afternoon.NOAA", "… into
    January.WeatherBELL"); a caption's only when the file glues it to another line too
    (:mod:`captions`). None for a link or a label run into a paragraph's end ("... he
    said.Continue Reading", ".RELATED", ".PDF", ".WhatsApp"), a sign-off ("LOL"), a surname
    ("McKenzie") or a signature ("Tom O'Brien")."""
    credit = _glued(line)
    if (
        not credit
        or " " in credit
        or credit in _SIGN_OFFS
        or in_no_name(credit)
        or is_boilerplate(credit)
        or _has_credit_word(credit)  # an agency's: trailing_credit's
    ):
        return None
    if credit.isupper():  # "NOAA"; not "ADVERTISEMENT", nor "Socket.IO"'s "IO"
        fits = _GLUED_ACRONYM[0] <= len(credit) <= _GLUED_ACRONYM[1]
    else:  # "WeatherBELL", not "McKenzie", "DeSantis"
        fits = next((k for k, char in enumerate(credit) if k and char.isupper()), 0) >= _CAMEL_HEAD
    return credit if fits else None


def _labelled(label: re.Pattern, tail: str, most_words: int) -> str | None:
    """The credit after ``label`` at the end of ``tail``: capitalised and at most ``most_words``
    long, a name or an agency, not the rest of a sentence."""
    found = label.search(tail)
    credit = found.group("credit").strip() if found else ""
    for opening, closing in ("()", "[]"):  # "(Image credit: Lionsgate)": the label's bracket
        if credit.endswith(closing) and opening not in credit:
            credit = credit[:-1].rstrip()
    return credit if credit[:1].isupper() and len(credit.split()) <= most_words else None


_CAPTION_OPENING = re.compile(
    r"(?i:file(?: photo)?)\s?[-–—:]\s|"  # an agency's archive photo: "FILE - Tourists look out ...", "File: ..."
    r"\((?:L|R|L-R|L–R|R-L|R–L|from left|from top)\)\s|"  # who is who: "(L–R) Callum Turner as ..."
    r"(?i:from left(?: to right)?)\s?:\s|"  # ... or "From left: Ryan Gosling and Margot Robbie in ..."
    r"[A-Z][A-Z .,'’-]{2,60}\s[-–—]\s(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|"
    r"NOVEMBER|DECEMBER)\s\d{1,2}(?:,\s\d{4})?\s*:"
)  # a picture agency's: "SAN FRANCISCO – JUNE 26: A man ..."


def opens_like_a_caption(line: str) -> bool:
    """A photo caption by the way it opens, the way news and picture agencies write them."""
    return _CAPTION_OPENING.match(line) is not None


_PLACING_SPAN = 120  # characters of a caption in which it places the first people it names
_IN_PICTURE = re.compile(  # where someone stands in a photo: "Jane Doe, left, ...", "Jane Doe (second from left)"
    r",\s(?:left|right|center|centre|(?:second|third|far) (?:from )?(?:left|right)),\s|"
    r"\((?:left|right|center|centre|(?:second|third|far) (?:from )?(?:left|right))\)"
)


#: A group photo's roll call, the colon opening its list of names: "Posing for a group photo ...
#: on Wednesday, are, from left: Jo Park, ...", behind a word of the picture in the characters
#: before it (``_PHOTO_REACH``): prose places people so too (a debate's stage, a court's bench),
#: and tells wrong from right: in idioms.
#: "from left: A...", "from left to right: A...", "(from left) A...", "(from right to left): A..."
_ROLL_CALL = re.compile(r"\b[Ff]rom (?:left|right)(?: to (?:left|right))?(?:\)[:,]?|\s?:) [A-Z]")
_PHOTO_WORD = re.compile(
    r"\b(?:[Pp]ictured|[Pp]os(?:ing|es|ed)|[Pp]hoto\w*|[Ss]hown|[Pp]ortrait)\b"
)
_PHOTO_REACH = 200
_ROLL_CALL_WORDS = 200  # words a group photo's caption may run to, naming everyone in it


def places_people_in_a_picture(line: str, words: int) -> bool:
    """A photo caption by how it says who is where: ", left,", "(right)", "(second from left)".
    A caption says it early, beside the first name it gives: only the first 120 characters are read,
    of a caption up to ``_CAPTION_WORDS`` long. A group photo's roll call may come after the
    scene, and its list of names run long (``_ROLL_CALL``)."""
    head = line[:_PLACING_SPAN]
    if (
        words <= _CAPTION_WORDS
        and ("left" in head or "right" in head or "cent" in head)
        and _IN_PICTURE.search(head)
    ):
        return True
    if words > _ROLL_CALL_WORDS or ("om left" not in line and "om right" not in line):
        return False  # "from", "From": the pattern's cheap hint
    call = _ROLL_CALL.search(line)
    return (
        call is not None
        and _PHOTO_WORD.search(line, max(0, call.start() - _PHOTO_REACH), call.start()) is not None
    )


_RUNNING_TIME = re.compile(r"\s\((?:\d{1,2}:)?\d{1,2}:\d{2}\)$")  # "... land Shohei Ohtani (1:39)"
_BARE_RUNNING_TIME = re.compile(r"\s(?:\d{1,2}:)?\d{1,2}:\d{2}$")  # "WATCH: ... celebrate 1:39"
_MEDIA_LABEL = re.compile(r"(?:watch|video|listen|play)\s*:", re.IGNORECASE)
_PLAYER_WORDS = 12  # words a player's title has at most ("Listen: ... live at 10:30" is prose)


def ends_with_running_time(line: str) -> bool:
    """A video's title in a player or playlist: it ends with the clip's length in brackets,
    or bare after a media label at its start ("WATCH: ... 1:39")."""
    if line.endswith(")"):
        return _RUNNING_TIME.search(line, len(line) - 12) is not None
    return (
        line[-1:].isdigit()
        and line.count(" ") < _PLAYER_WORDS
        and _MEDIA_LABEL.match(line) is not None
        and _BARE_RUNNING_TIME.search(line, len(line) - 10) is not None
    )


def opens_with_media_label(line: str) -> bool:
    """A player's label opens the line ("Video: How the council voted", "Watch: ..."): a clip's
    title, not a picture's credit."""
    return _MEDIA_LABEL.match(line) is not None


def is_caption_label(line: str) -> bool:
    """A caption or image-source label in one of several languages ("podpis zdjęcia")."""
    return bool(_CAPTION_LABELS.match(line.strip()))


_TRAILING_LABEL = re.compile(
    r"\s+(?:hide|toggle|show|expand) caption$|\s+image caption$", re.IGNORECASE
)


def without_caption_label(line: str) -> str:
    """``line`` without a caption label at its end ("... Jane Doe/AP hide caption")."""
    if line[-7:].lower() != "caption":  # the usual answer, without a regex scan of the line
        return line
    return _TRAILING_LABEL.sub("", line)


#: What a production credit names, a notice that must be read, a cookie banner's buttons.
_PRODUCED = ("episode", "interview", "segment", "podcast", "video")
_MUST_READ = ("required", "recommended", "essential", "further", "suggested", "must")
_COOKIE_CHOICES = ("accept", "allow", "reject", "manage", "enable")
#: How notices open, however long they run: the alternatives of :data:`_NOTICE_START`, each
#: opening with a plain or an escaped character (see :func:`_by_opening`), so a choice of
#: opening words is spelt out as one alternative a word.
_NOTICE_OPENINGS = (
    r"sign up\b",
    r"subscribe\b",
    r"suscr[ií]bete\b",
    r"abonnez-vous\b",
    r"abonniere\b",
    "©",
    r"copyright\b",
    "all rights reserved",
    r"follow us\b",
    r"click here\b",
    r"pin (?:this|it)\b",
    r"read the original (?:article|story)\b",
    r"support (?:local|independent|our) (?:journalism|news|reporting)\b",
    r"have a (?:news )?tip\b",  # a promo box: the site asks for stories
    r"got a (?:news )?tip\b",
    r"you(?:'ve|’ve| have) read (?:\d+ of (?:your )?\d+|\d+ free|all (?:of )?your free)\b",  # a paywall's meter
    r"follow\b.{0,80}\bon (?:facebook|instagram|twitter|x|tiktok|threads|youtube|linkedin)\b",
    r"an? (?:previous |earlier )?version of this (?:article|story)\b",
    r"editor[’']?s note\s*:",
    r"correction\s*:",
    r"privacy notice\s*:",
    r"\(c\)\s",
    r"citation\s*:",
    r"references?\s*:",  # a study's citation: "Reference: ...", "Journal Reference: ..."
    r"journal references?\s*:",
    r"doi\s*:",
    r"cite this (?:page|article)\b",
    r"more information\s*:",
    "share or comment on this (?:article|story)",
    # production credits, of "this episode" or of an "Episode ..." alone
    *(
        rf"{this}{kind}\b[^.]{{0,80}}\bproduced by\b"
        for this in ("this ", "")
        for kind in _PRODUCED
    ),
    r"listen (?:to|on)\b.{0,80}\b(?:spotify|apple podcasts|google podcasts)\b",
    r"reprinted\s+(?:by|with)\s+permission\b",
    r"excerpted\s+from\b",
    r"please be respectful of copyright\b",
    r"this (?:document|article|story|content|material) is subject to copyright\b",
    r"this (?:story|article|piece|post) (?:originally appeared|was originally published)\b",
    r"this (?:interview|conversation|transcript|q&a|story) has been (?:lightly )?(?:edited|condensed)\b",
    "this content can also be viewed on the site it originates from",
    "our (?:journalism|newsroom|work) needs your support",
    r"more from\b",
    r"exclusive\s*read more\s*:",
    *(rf"{must} read(?:ing)?\s*:" for must in _MUST_READ),
    *(rf"{choice}(?: all)? cookies\b" for choice in _COOKIE_CHOICES),
    r"cookie (?:settings|preferences)\b",
    # a paywall's
    "this (?:article|story|content) is (?:only )?(?:reserved|available) (?:for|to) (?:subscribers|members)",
    "cet article est réservé aux abonnés",
    "ce contenu est réservé aux abonnés",
)


def _by_opening(alternatives: tuple[str, ...]) -> str:
    """One alternation of the pattern ``alternatives``, those that open with the same character
    (a plain one, or escaped) written once before theirs: a case-blind pattern tries its
    alternatives one by one, so a line is ruled out by one test of its first character a
    group instead of one an alternative (a notice's opening is tried on most lines of every
    file). ``a(?:b|c)`` matches what ``ab|ac`` does."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        opening = alternative[:2] if alternative[0] == "\\" else alternative[0]
        groups.setdefault(opening, []).append(alternative[len(opening) :])
    return "|".join(f"{opening}(?:{'|'.join(rest)})" for opening, rest in groups.items())


_NOTICE_START = re.compile(f"^(?:{_by_opening(_NOTICE_OPENINGS)})", re.IGNORECASE)
#: A membership appeal's paragraph: it speaks of the outlet's own journalism and asks the reader for
#: help or points to what keeps it free (reporting *on* newsrooms, their money or paywalls, names neither).
_READER_APPEAL = (
    r"^(?=.*\b(?:our|quality|independent|nonprofit|non-profit) (?:journalism|journalists|newsroom)\b)"
    r"(?=.*\b(?:your (?:help|support|contributions?|donations?|gifts?)|readers like you|"
    r"free for (?:everyone|all)|freely accessible|not everyone can afford|"
    r"(?:make|making) a (?:donation|gift)|donate (?:today|now))\b)"
)
#: Notices that may say it anywhere in the line, each behind a plain substring it must contain
#: (a substring test is far cheaper than the pattern, and most lines hold none of them).
_NOTICE_PHRASES = tuple(
    (hint, re.compile(pattern, re.IGNORECASE))
    for hint, pattern in (
        ("reached at", r"\b(?:can|may) be reached at\b"),  # reporters' contact lines
        ("ail us at", r"\be-?mail us at\b"),
        (
            "ffiliate",
            r"\baffiliate (?:partnerships?|links?|commissions?|fees?)\b",
        ),  # affiliate disclosures
        ("ompensation", r"\bwe (?:may )?(?:receive|earn) (?:a )?(?:small )?compensation\b"),
        ("ommission", r"\bwe (?:may )?(?:receive|earn) (?:a )?(?:small )?commission\b"),
        ("nformational", r"\bfor (?:general )?(?:educational and )?informational purposes only\b"),
        ("upport our", r"\bsupport our (?:newsroom|journalism)\b"),  # donation appeals
        *((hint, _READER_APPEAL) for hint in ("ournalis", "ewsroom")),
        ("s little as", r"\bas little as [$£€]\s?\d"),
        (
            "ewsletter",  # a newsletter's pitch within a short line ("Want the news? Sign up ...")
            r"^(?=.{0,200}$)(?:.*?[.?!]\s+)?(?:(?:sign up|subscribe) (?:to|for) (?:our|the)\b"
            r"[^.?!]{0,40}\bnewsletters?\b|.*?\bnewsletters?\b[^.?!]{0,60}\b(?:in|to|into) "
            r"your inbox\b)",
        ),
        (
            "our inbox",  # ... or without the word: "The news that matters, in your inbox daily."
            r"^(?=.{0,120}$)(?:.*\bin(?:to)? your inbox (?:every|each) (?:morning|day|weekday|week)|"
            r"(?:get|have)\b.*\bdelivered (?:straight |right |directly )?to your inbox)\b",
        ),
        # a teaser's blurb or a bio cut by its link, in the link's capitals: "... Read more »"
        ("ead more", r"\s(?-i:Read [Mm]ore|READ MORE)\s*[»›>…→]*$"),
        ("ights reserved", r"^(?=.{0,200}$).*\ball rights reserved\b"),  # "All content © 2008 ..."
        ("ookie", r"\bmay be using cookies\b"),  # an embedded post's consent box
        ("your podcasts", r"\bwherever you get your podcasts\b"),
        ("twitter.com/", r"pic\.twitter\.com/"),  # embedded posts
        ("t.co/", r"https?://t\.co/"),
        ("<a href", r"<a href="),
        (
            "omment",
            r"\bcomments? (?:below |on this \w+ )?(?:are|is|have been) (?:pre-?)?moderated\b|"
            r"\bpost your comment\b|\bby posting (?:a |your )?comments?,? you agree\b",
        ),  # comment boxes
        (
            "expressed",
            r"\b(?:views|opinions) expressed (?:in |here|above|below|by)[^.]{0,80}"
            r"\b(?:are (?:those of|the author|solely)|do not (?:necessarily )?reflect)",
        ),  # disclaimers
        (
            "no role in",
            r"\bhad no role in the (?:creation|preparation|production)\b",
        ),  # sponsored content
        ("subscriber", r"\bnot a subscriber\b"),
        # consent boxes: what a site says of its own cookies, and what signing up or opting out means
        (
            "ookie",
            r"\bwe (?:also )?(?:use|store|set) cookies\b|\bopt[- ]out of (?:our )?(?:certain )?cookies\b|"
            r"\bstrictly necessary cookies\b|\bcookies (?:may|might) be set through\b|"
            r"\bwhen you visit (?:our|this|the) (?:web)?site\b[^.]{0,120}\bcookies\b",
        ),
        (
            "you agree",
            r"\bby (?:signing up|subscribing|registering|clicking\b[^.]{0,40}|"
            r"submitting your (?:e-?mail|email address|information|details))[^.]{0,20}\byou agree\b",
        ),
        ("protected by", r"\bthis site is protected by recaptcha\b"),
        # a site's terms, as the line or a sentence of it opens: "Use of and/or registration on any
        # portion of this site constitutes acceptance of our User Agreement" (not a story's "use
        # of the website constitutes acceptance of its terms, the judge said")
        (
            "onstitutes",
            r"(?:^|[.!?]\s)[^.!?]{0,40}\b(?:use of|registration on)\b[^.]{0,60}\bthis (?:web)?site\b"
            r"[^.]{0,20}\bconstitutes (?:your )?(?:acceptance of|agreement to) (?:our|its|the|these) "
            r"(?:user agreement|terms|privacy policy)\b",
        ),
        ("to opt", r"\ba valid request to opt[- ]out\b|\bright to opt[- ]out of the sale\b"),
    )
)
_NOTICE_HINTS = tuple(
    dict.fromkeys(hint for hint, _ in _NOTICE_PHRASES)
)  # each searched for once per file


class Notices(NamedTuple):
    """The anywhere-in-the-line notice phrases one file can hold: their hints, and the
    (hint, pattern) pairs themselves."""

    hints: tuple[str, ...]
    phrases: tuple[tuple[str, re.Pattern], ...]


#: The hints holding a character rare in news text, by that character: a text without it (most
#: lack "<", many "/") holds none of them, which one scan for the character tells (memchr, in
#: C) faster than a search for each hint; and the other hints.
_HINTS_WITH = {mark: tuple(hint for hint in _NOTICE_HINTS if mark in hint) for mark in "/<"}
_HINTS_WITHOUT = tuple(hint for hint in _NOTICE_HINTS if not any(map(hint.__contains__, "/<")))


def notice_phrases(text: str) -> Notices:
    """The anywhere-in-the-line notice phrases whose hint ``text`` holds at all: looked up once
    per file, so lines of a file with none (most files) skip the phrase tests entirely."""
    found = [*filter(text.__contains__, _HINTS_WITHOUT)]  # the loop in C
    for mark, hints in _HINTS_WITH.items():
        if mark in text:
            found += filter(text.__contains__, hints)
    return Notices(tuple(found), tuple(phrase for phrase in _NOTICE_PHRASES if phrase[0] in found))


def is_notice(line: str, notices: Notices) -> bool:
    """A sign-up, subscription, copyright, follow-us, affiliate, contact, correction, donation,
    republishing or disclaimer notice of any length, or an embedded post ("Sign up to get the
    latest ...", "Jane Doe can be reached at jane@example.com", "A previous version of this
    story said ..."). ``notices``: those of :func:`notice_phrases` for the line's file."""
    if _NOTICE_START.match(line):
        return True
    # the hints tested in one C loop first: most lines hold none, and skip the Python loop
    return any(map(line.__contains__, notices.hints)) and any(
        hint in line and pattern.search(line) for hint, pattern in notices.phrases
    )


_SECTION_TRAILER = re.compile(r"more in (?P<section>\w[\w&'’ ]{0,40}?)(?: more\W*)?", re.IGNORECASE)
_TRAILER_WORDS = 4  # words of a section a "More In ..." trailer may name
_TRAILER_OPENINGS = (
    "More In ",
    "More in ",
    "MORE IN ",
    "more in ",
)  # a prefix test, cheaper than lower-casing


def trailer_section(line: str) -> str | None:
    """The section a "More In Politics MORE..." trailer names, else None."""
    match = _SECTION_TRAILER.fullmatch(line) if line.startswith(_TRAILER_OPENINGS) else None
    if not match or len(match["section"].split()) > _TRAILER_WORDS:
        return None
    return match["section"]


#: What a link says for screen readers when it opens elsewhere: "Facebook (Opens in a new tab)".
_NEW_WINDOW = re.compile(r"opens in (?:a )?new (?:window|tab)", re.IGNORECASE)
_LINK_WORDS = 8  # words a link of a run-together menu has at most, its note included


def is_link_text(line: str, words: int) -> bool:
    """A link's text, told by its note for screen readers: a short line holding one, or links
    run together ("Africa (opens in a new window)Australia (opens in a new window)...")."""
    if "pens in " not in line and "PENS IN " not in line:  # the usual answer, without a regex
        return False
    found = len(_NEW_WINDOW.findall(line))
    # run together: a few words a link; a paragraph citing two linked sources has far more
    return (found >= 2 and words <= _LINK_WORDS * found) or (found == 1 and words <= SHORT_LINE)


_CITATION_WORDS = ("doi", "DOI", "Doi", "etrieved", "ccessed", ">")  # one is in every citation
_CITATION_FIELDS = (
    2  # ". " between fields a citation ending in an access date or a bracketed link has
)
_CITATION_TAIL = 200  # characters at a line's end where a citation's DOI, date or link stands
#: A citation's fields end in a full stop or a semicolon; a sentence that mentions a reference
#: brackets it or runs into it ("… in March (doi: 10.1234/x).", "… is online at <https://…>.").
_DOI = re.compile(r"(?:^|[.;] )doi: ?10\.\d+/\S+$")  # "… (2023). DOI: 10.1038/s41586-…"
_BRACKETED_LINK = re.compile(r"\. <(?:https?://|www\.)\S+>\.?$")  # "… 13 December 2023. <www.…>."
#: "Retrieved February 17, 2024 from …", "retrieved 24 December 2023 from …": the date right
#: after the word ("Police retrieved the car on May 3, 2023 from the river" is a sentence).
_RETRIEVED = re.compile(
    r"\bretrieved (?:on )?(?:[a-z]{3,9}\.? \d{1,2}|\d{1,2} [a-z]{3,9}\.?),? \d{4},? from "
    r"(?:https?://|www\.)\S+$"  # ... from a link, not "from Eastport."
)
_ACCESSED = re.compile(  # "… www.example.org/x.htm (accessed May 7, 2024).": a link's
    r"\.\w+/\S* \(accessed [^)]{0,30}\d{4}\)\.?$"
)
#: The line an embedded post signs off with: a dash, the author, their handle, then the date.
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^\s(].{0,80}?\(@\w{1,30}\)\s+\S")


def is_post_signature(line: str) -> bool:
    """An embedded post's last line ("— Harbour Zoo (@HarbourZoo) March 5, 2024"): its date is
    the post's, not the article's, and the name is no byline."""
    return _POST_SIGNATURE.match(line) is not None and find_date(line) is not None


def is_sign_up_button(line: str) -> bool:
    """A newsletter's button ("Sign up", "Subscribe now", "Join for free")."""
    return len(line) <= _BUTTON_LENGTH and _SIGN_UP_BUTTON.fullmatch(line) is not None


def is_citation(line: str) -> bool:
    """A reference's citation ("Cite this page", "Journal reference", "More information"): it
    ends in a field that is a DOI ("… (2023). DOI: 10.1001/…"), "retrieved <date> from <link>",
    a link "(accessed <date>)" or a link in angle brackets ("… 2023. <www.example.org/…>."),
    each asked only when its word is in the line's end; a story's sentence that mentions a
    reference brackets it or runs into it."""
    tail = line[-_CITATION_TAIL:]
    if not any(map(tail.__contains__, _CITATION_WORDS)):
        return False  # most lines, told by C's substring search
    tail = tail.lower()
    return (
        ("doi" in tail and _DOI.search(tail) is not None)
        or ("retrieved" in tail and _RETRIEVED.search(tail) is not None)
        or (
            ("(accessed " in tail or ">" in tail)
            and line.count(". ") >= _CITATION_FIELDS
            and (_ACCESSED.search(tail) or _BRACKETED_LINK.search(tail)) is not None
        )
    )


def is_inline_link(line: str) -> bool:
    """A link to another story set into this one ("Related: Harbour fair returns")."""
    return _INLINE_LINK_LINE.match(line.lower()) is not None


def is_ad_marker(line: str) -> bool:
    """An ad's place in the story, alone on its line ("- Advertisement -", "[ad]")."""
    return len(line) <= _AD_MARKER_LENGTH and _AD_MARKER_LINE.fullmatch(line.lower()) is not None


def is_boilerplate(line: str) -> bool:
    """Share buttons, ads, newsletter prompts, "More In X" trailers, a line of tools ("E-mail
    this story | Print this story") and the like."""
    return len(line) <= 120 and (
        bool(_BOILERPLATE.match(line.strip().lower())) or is_tool_line(line.strip())
    )


SHORT_LINE = (
    14  # words past which a line can only be a notice, a long byline or dateline, or a caption
)
_LONG_LINE = 30  # words past which a line is no byline or dateline either
_SHORT_DATE_LINE = 12  # words up to which a line holding a date is a dateline without saying so
_CAPTION_WORDS = 80  # words a caption may run to
_LISTED_BYLINES = 3  # byline-shaped lines in a row that make a list instead


def mark_cues(lines: list[Line], credits: list[str], notices: Notices) -> None:
    """Pass 1: every line the role its own cue earns (:func:`cue_of`), bar byline-shaped lines
    in a list (:func:`listed_bylines`); the credits the lines give are added to ``credits``."""
    found = [
        cue_of(line.text, line.words, credits, notices)
        if line.words > SHORT_LINE or len(line.text) > _SHORT_CUE_LENGTH
        else _short_cue(line.text, line.words, credits, notices)
        for line in lines
    ]
    for i in listed_bylines(
        [i for i, cue in enumerate(found) if cue is not None and cue[0] is BYLINE]
    ):
        found[i] = None
    for line, cue in zip(lines, found):
        if cue is not None:
            line.role, line.reason = cue


#: The cues short lines earned before, with the credits they gave: the files of a folder repeat
#: their furniture (kickers, share rows, "Advertisement", a staff byline), so most short lines of
#: a file were judged already, and their tests are the costly ones. A line's cue follows from its
#: text alone (``notices`` only spares the phrase tests a line cannot pass: a phrase's hint in the
#: line is in its file), so the memo changes no answer. Long lines are left out: an article's
#: paragraphs are its own. Emptied when full, so it stays a few megabytes.
_SHORT_CUES: dict[str, tuple[tuple[Role, Reason] | None, tuple[str, ...]]] = {}
_SHORT_CUES_HELD = 16_384
_SHORT_CUE_LENGTH = 200  # characters of a remembered line, at most: a 14-"word" line may be huge


def _short_cue(
    text: str, words: int, credits: list[str], notices: Notices
) -> tuple[Role, Reason] | None:
    """:func:`cue_of` for a short line, remembered (see ``_SHORT_CUES``)."""
    known = _SHORT_CUES.get(text)
    if known is None:
        given: list[str] = []
        known = (cue_of(text, words, given, notices), tuple(given))
        if len(_SHORT_CUES) >= _SHORT_CUES_HELD:
            _SHORT_CUES.clear()
        _SHORT_CUES[text] = known
    credits.extend(known[1])
    return known[0]


def cue_of(
    text: str, words: int, credits: list[str], notices: Notices
) -> tuple[Role, Reason] | None:
    """The role a line earns by itself, and why, checked from the most to the least specific cue
    (``notices``: the notice phrases its file holds, see :func:`notice_phrases`); None when no
    cue fits. The credits the line gives are added to ``credits``.

    Captions told by their shape come first; past that, long lines can only be notices, long
    bylines, datelines or captions ending in a credit, so they skip the rest (a hot path).
    """
    if opens_like_a_caption(text):
        return CAPTION, Reason.CAPTION_OPENING
    if ends_with_running_time(text):
        return CAPTION, Reason.RUNNING_TIME
    if places_people_in_a_picture(text, words):
        return CAPTION, Reason.PEOPLE_PLACED
    if is_link_text(text, words):
        return BOILERPLATE, Reason.NAVIGATION
    if words > SHORT_LINE:  # inline, not a helper: most lines of a file are long
        if is_notice(text, notices):
            return BOILERPLATE, Reason.NOTICE
        if words <= _LONG_LINE and prefixed_byline_names(text):
            return BYLINE, Reason.LONG_BYLINE
        if words <= _LONG_LINE and has_date_word(text) and find_date(text):
            return DATE, Reason.DATELINE
        if words <= _CAPTION_WORDS and (credit := trailing_credit(text)):
            credits.append(credit)
            return CAPTION, Reason.ENDS_WITH_CREDIT
        return None
    if is_caption_label(text):
        return CAPTION, Reason.CAPTION_LABEL
    if "(@" in text and is_post_signature(text):
        return BOILERPLATE, Reason.NOTICE
    if is_boilerplate(text):
        return BOILERPLATE, Reason.NAVIGATION
    if byline_names(text) is not None:
        return BYLINE, Reason.BYLINE
    if (found := credits_in(text)) is not None:
        credits.extend(found)
        return CREDIT, Reason.CREDIT
    if (words <= _SHORT_DATE_LINE or has_date_word(text)) and find_date(text):
        return DATE, Reason.SHORT_DATE
    if credit := trailing_credit(text):
        credits.append(credit)
        return CAPTION, Reason.ENDS_WITH_CREDIT
    if is_notice(
        text, notices
    ):  # after the date: "Correction: December 20, 2023:" may be the only date
        return BOILERPLATE, Reason.NOTICE
    return None


def listed_bylines(bylines: list[int]) -> list[int]:
    """Of the indexes of byline-shaped lines (in order), those standing three or more in a row:
    a list ("Best FPS Vtuber - SELEN TATSUKI", "Best Music Vtuber - MORI CALLIOPE", ...), not
    bylines, as an article names its authors once."""
    listed: list[int] = []
    start = 0
    for k in range(1, len(bylines) + 1):
        if k == len(bylines) or bylines[k] != bylines[k - 1] + 1:  # a row ends at k
            if k - start >= _LISTED_BYLINES:
                listed += bylines[start:k]
            start = k
    return listed
