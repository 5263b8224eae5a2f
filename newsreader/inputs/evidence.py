"""A document to its record: the text parser's reading, corrected by what the format states.

The parser (:mod:`newsreader.parse`) reads ``document.text`` as it reads any text dump, with
the same passes in the same order (:func:`lay_out` follows ``parse.layout.lay_out``), and
the document's own statements come in where they are strong evidence:

- the headline: a line the page's markup names twice, as an ``<h1>`` and in its metadata
  (JSON-LD ``headline``, ``og:title``, ``<title>``), is the headline, whatever the classifier
  preferred; without such a line the classifier's choice stands;
- the body: lines the markup marks as no article text (``not_body``) leave it, and as the
  markup keeps the body clean, the body classifiers admit more (``parse.body.MARKED``);
- the date: the one the text shows near the headline, else the one the metadata states;
- the authors: the byline's names, else the metadata's;
- ``url``, ``site``, ``language`` and a missing section come from the metadata.

Where the markup names the headline or the article's element, the parser reads only a window
of the text around them (:func:`_window`): the rest is menus, teasers and footers, and every
line read costs every pass.

A document that states its body (scraper JSON, this project's export) keeps it as stated.
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from enum import Enum
from operator import attrgetter

from newsreader.inputs.documents import Document
from newsreader.model import Article, LineRole, valid_text
from newsreader.parse.article import section_name
from newsreader.parse.body import MARKED, TEXT
from newsreader.parse.cues import is_sign_up_button
from newsreader.parse.features import LineFacts, file_language
from newsreader.parse.ids import split_name
from newsreader.parse.layout import Layout, gather, mark_head_and_body, read_page
from newsreader.parse.page import (
    BODY,
    BOILERPLATE,
    BYLINE,
    DATE,
    OPENING_QUOTES,
    OTHER,
    PARAGRAPH_ENDS,
    PARAGRAPH_WORDS,
    TITLE,
    Line,
    Page,
    split_lines,
)
from newsreader.parse.reasons import Reason
from newsreader.parse.stated import stated_facts
from newsreader.parse.title import find_title


class Evidence(str, Enum):
    """Why markup decided a line's role (printed by ``--explain`` like the parser's reasons)."""

    HEADLINE = "the page's markup names it the headline (<h1> and its metadata)"
    NOT_BODY = "the page's markup marks it as no article text (navigation, aside, figure, box)"
    OUTSIDE_ARTICLE = "outside the element the page's markup says holds the article"
    NOT_IN_STATED_BODY = "not in the article's text as the page's metadata states it"
    ARTICLE_LEDE = "the paragraph right above the article's text, inside its element: its lede"
    ARTICLE_PROSE = (
        "a paragraph inside the article's element, below its text, marked as nothing else"
    )
    OUTLINE = "a heading or list item inside the article's element, over article text"
    OUTSIDE_WINDOW = "far from the headline and the article's element the markup names: not read"
    STATED_TITLE = "the record states it as its title: taken as it is, not parsed"
    STATED_BODY = "the record states it as its text: taken as it is, not parsed"

    def __str__(self) -> str:
        return self.value


def article_from(
    document: Document,
    name: str,
    path: str = "",
    shared: frozenset[int] = frozenset(),
    keys: bytes | None = None,
) -> Article:
    """The record of ``document`` found in the file ``name`` (at ``path``). ``shared``: the
    furniture keys of its folder; ``keys``: the document's own, taken from
    ``document.text.encode()`` by ``parse.furniture.file_keys``, if taken already."""
    article_id, number, hash_ = split_name(name)
    notes = list(document.warnings)
    if document.body is not None:
        return _stated(document, article_id, number, hash_, path or name, notes)
    layout = lay_out(document, shared, keys)
    if not document.text.strip():
        notes.append("no text in file")
    elif not layout.title:
        notes.append("no headline found")
    paragraphs = tuple(layout.paragraphs())
    stated = stated_facts(document.text)
    return Article(
        id=article_id,
        path=valid_text(path or name),
        title=layout.title,
        number=number,
        hash=hash_,
        section=section_name(document.section or layout.section),  # the page's own word first
        authors=_authors(layout.authors, document.authors),
        published=layout.published or document.published,
        credits=tuple(layout.credits),
        paragraphs=paragraphs,
        words=layout.body_words(),
        warnings=tuple(notes),
        language=document.language or stated.language or layout.language,
        url=document.url or stated.url,
        site=document.site or stated.site,
    )


def _authors(parsed: list[str], stated: tuple[str, ...]) -> tuple[str, ...]:
    """The byline's names, else the metadata's. A byline name that is a stated name with
    text glued to it ("Liz Stinsonlong Read": a label run into the name) is the stated name.
    Stated names the byline lacks are not added: metadata lists editors and contributors."""
    if not parsed:
        return stated
    cleaned = []
    for name in parsed:
        glued = _normal(name)
        cleaned.append(
            next(
                (
                    known
                    for known in stated
                    if glued != _normal(known)
                    and glued.startswith(_normal(known))
                    and glued[len(_normal(known))].isalpha()
                ),
                name,
            )
        )
    return tuple(dict.fromkeys(cleaned))


def explain_document(
    document: Document, shared: frozenset[int] = frozenset(), keys: bytes | None = None
) -> list[LineRole]:
    """Every non-blank line of the document's text with its role and why (``--explain``),
    the lines outside the window the parser read too; a record stating its body (scraper
    JSON, a feed's item, an export) was not parsed, and its lines say so."""
    if document.body is not None:
        return _stated_roles(document)
    roles = lay_out(document, shared, keys).roles()
    read = {role.number for role in roles}
    unread = str(Evidence.OUTSIDE_WINDOW)
    roles += [
        LineRole(line.number, line.text, BOILERPLATE, unread)
        for line in split_lines(document.text)
        if line.number not in read
    ]
    return sorted(roles, key=attrgetter("number"))


def _stated_roles(document: Document) -> list[LineRole]:
    """The non-blank lines of a record that states its body, each as it stands (no line
    joined, as :func:`_stated` joins none): the first its title when the record states one
    (the text opens with it), the others its text."""
    lines = [(n, text.strip()) for n, text in enumerate(document.text.split("\n"), 1)]
    lines = [(n, text) for n, text in lines if text]
    title = bool((document.title or "").strip())
    return [
        LineRole(n, text, TITLE, str(Evidence.STATED_TITLE))
        if title and not i
        else LineRole(n, text, BODY, str(Evidence.STATED_BODY))
        for i, (n, text) in enumerate(lines)
    ]


def lay_out(document: Document, shared: frozenset[int], keys: bytes | None) -> Layout:
    """The parser's passes over the window of the document's text that the markup names
    (:func:`_window`), else over all of it: when the window holds no headline or body, the
    body runs to its end (the element named is not the whole article), or more paragraphs the
    markup leaves unmarked stand outside it than its body holds (:func:`_prose_outside`)."""
    raw = document.text.split("\n")
    first, last = _window(document, raw)
    if (first or last < len(raw)) and not _cuts_prose(raw, first, last):
        skipped = sum(1 for text in raw[:first] if text.strip())
        window = "\n".join(raw[first:last])
        layout = _passes(document, window, first, shared, _shifted(keys, skipped))
        body = [line.number for line in layout.lines if line.role is BODY]
        if (
            layout.title
            and body
            and (last == len(raw) or body[-1] <= last - _EDGE)
            and _prose_outside(raw, first, last, document.not_body) <= layout.body_words()
        ):
            return layout
    return _passes(document, document.text, 0, shared, keys)


def _window(document: Document, raw: list[str]) -> tuple[int, int]:
    """The lines the parser reads (indexes of ``raw``, the first and one past the last): from
    ``_ABOVE`` lines over the article's element or its named headline, whichever stands
    first, to ``_BELOW`` lines under both (``_UNBOUNDED`` under the headline when the markup
    names no element); all of them when it names neither. Far from both stand only menus,
    teasers and footers, and each line read costs the parser's every pass. An element no
    confirmed headline vouches for may be a teaser: the page's first ``<h1>`` widens the
    window to it, so a story beside the element reaches the window's end and is read whole."""
    stated = _normal(document.title or "")
    headline = _first_of(
        raw, {h for h in document.headings if stated and _confirms(stated, _normal(h))}
    )
    if not document.article:
        if headline is None:
            return 0, len(raw)
        return max(0, headline - _ABOVE), min(len(raw), headline + 1 + _UNBOUNDED)
    if headline is None:
        headline = _first_of(raw, set(document.headings[:1]))
    ends = [min(document.article) - 1, max(document.article) - 1]
    ends += [] if headline is None else [headline]
    return max(0, min(ends) - _ABOVE), min(len(raw), max(ends) + 1 + _BELOW)


def _cuts_prose(raw: list[str], first: int, last: int) -> bool:
    """Whether the window's end falls inside a run of paragraphs: the non-blank lines on
    both sides of it are paragraphs (as ``parse.page`` counts one: a sentence's end after
    12 words or more), so the article may go on past it, whatever the classifiers score."""
    inside = next((text for text in reversed(raw[first:last]) if text.strip()), "")
    after = next((text for text in raw[last:] if text.strip()), "")
    return _is_paragraph(inside) and _is_paragraph(after)


def _prose_outside(raw: list[str], first: int, last: int, not_body: frozenset[int]) -> int:
    """Words of the paragraphs outside the window that the markup does not mark as furniture:
    more of them than the window's body holds means the window missed the story (an ``<h1>``
    far above it, an element that is a teaser)."""
    outside = [*enumerate(raw[:first]), *enumerate(raw[last:], last)]
    return sum(
        len(text.split()) for i, text in outside if i + 1 not in not_body and _is_paragraph(text)
    )


def _is_paragraph(text: str) -> bool:
    """Whether a line reads as a paragraph of prose, not a link, label or heading."""
    text = text.strip()
    return len(text.split()) >= PARAGRAPH_WORDS and text[-1] in PARAGRAPH_ENDS


def _first_of(raw: list[str], texts: set[str]) -> int | None:
    """The index of the first line of ``raw`` that is one of ``texts``."""
    return next((i for i, text in enumerate(raw) if text in texts), None) if texts else None


def _shifted(keys: bytes | None, skipped: int) -> bytes | None:
    """The document's furniture keys (packed as ``parse.furniture.file_keys`` packs them: the
    keys, then the index of the non-blank line each starts at) for its text without its
    first ``skipped`` non-blank lines; keys now before the text fall out of its reading."""
    if keys is None or not skipped:
        return keys
    packed = array("q")
    packed.frombytes(keys)
    half = len(packed) // 2
    return (packed[:half] + array("q", [at - skipped for at in packed[half:]])).tobytes()


def _passes(
    document: Document, text: str, offset: int, shared: frozenset[int], keys: bytes | None
) -> Layout:
    """The parser's passes over ``text`` (the document's lines from index ``offset`` on), as
    ``parse.layout.lay_out`` runs them, with the markup's evidence on the headline and body."""
    page = read_page(text, shared, keys)
    for line in page.lines if offset else ():
        line.number += offset
    marked = bool(document.not_body) or document.article is not None
    headline = _named_headline(page, document, find_title(page))
    title_at, section = mark_head_and_body(page, headline, MARKED if marked else TEXT)
    _keep_article_prose(page, document.not_body, document.article)
    _take_outline(page, document.outline)
    _leave_out_of_body(page, document.not_body, document.article)
    if document.article_body:
        _keep_to_stated_body(page, document.article_body)
    return gather(page, title_at, section)


def _named_headline(page: Page, document: Document, chosen):
    """The line the markup names the headline: an ``<h1>`` the metadata's title confirms (the
    same text, or the same with the site's name or an ellipsis), standing in the text with
    prose below it; without such an ``<h1>`` (a blog's is its name), a line that is the
    metadata's title itself, of three words or more. The classifier's choice (``chosen``)
    stands when it is an ``<h1>`` itself, or no such line is found."""
    stated = _normal(document.title or "")
    named = {_normal(h) for h in document.headings}
    confirmed = {h for h in named if h and stated and _confirms(stated, h)}
    alone = not confirmed and len(stated.split()) >= _STATED_TITLE_WORDS  # no <h1> vouches
    if alone:
        confirmed = named = {stated}
    if not confirmed or chosen is not None and _normal(page.lines[chosen[0]].text) in named:
        return chosen
    last_prose = max(
        (i for i, line in enumerate(page.lines) if line.role is OTHER and page.facts[i].prose),
        default=-1,
    )
    for i, line in enumerate(page.lines[:last_prose]):
        # a headline other pages of the folder link to is furniture to the parser; the
        # markup's word outweighs that
        free = line.role is OTHER or line.reason is Reason.REPEATED
        if free and _normal(line.text) in confirmed and (not alone or _heads_a_story(page, i)):
            line.role = OTHER
            return i, Evidence.HEADLINE
    return chosen


def _heads_a_story(page: Page, i: int) -> bool:
    """Whether the line below line ``i`` is a byline, a date or prose: a headline's place, not a
    ticker's or a list of links' (where a line may also be the stated title)."""
    below = i + 1
    return below < len(page.lines) and (
        page.lines[below].role in (BYLINE, DATE) or page.facts[below].prose
    )


def _confirms(stated: str, heading: str) -> bool:
    """Whether a metadata title names ``heading`` (both :func:`_normal`): the same, or it with
    the site's name before or after it, it followed by more words, or cut short (with an
    ellipsis, which ``_normal`` has dropped)."""
    if stated == heading:
        return True
    if len(heading.split()) >= 2 and stated.startswith(heading + " "):
        return True  # the metadata's longer version of it ("Library reopens after …")
    if stated.startswith(heading) or stated.endswith(heading):
        rest = stated.replace(heading, "", 1).strip()
        return bool(rest) and rest[0] in "-–—|:·•" or rest[-1:] in "-–—|:·•"
    return len(stated) >= 20 and heading.startswith(stated)  # cut short (its "..." dropped)


def _leave_out_of_body(
    page: Page, not_body: frozenset[int], article: frozenset[int] | None
) -> None:
    """Body lines the markup marks as no article text leave the body; so do those below the
    element it says holds the article (teasers, the next story), when that element holds most
    of the body (else the markup names the wrong element, or too small a one). Lines above it
    stay: a standfirst often stands between the headline and the article's element."""
    body = [line for line in page.lines if line.role is BODY]
    for line in body:
        if line.number in not_body:
            line.role, line.reason = BOILERPLATE, Evidence.NOT_BODY
    if article is None:
        return
    body = [line for line in body if line.role is BODY]
    inside = [line for line in body if line.number in article]
    if sum(line.words for line in inside) * 2 < sum(line.words for line in body):
        return
    for line in body:
        if line.number > inside[-1].number:  # a standfirst above the element stays
            line.role, line.reason = BOILERPLATE, Evidence.OUTSIDE_ARTICLE


def _keep_article_prose(
    page: Page, not_body: frozenset[int], article: frozenset[int] | None
) -> None:
    """Paragraphs of 20 words or more the classifiers took for furniture below the body's first
    line, inside the element the markup says holds the article and in no box it marks, are
    the article's: a review's sections below its spec table, a live blog's entries below an
    embedded post; not a newsletter's pitch over its button. Above the body's first line such
    a paragraph is as often a standfirst or an author's card, which the truths leave out; only
    the one right above it, of a sentence or more, is the story's lede (a one-sentence lede
    under a share bar)."""
    if article is None:
        return
    lines, facts = page.lines, page.facts
    first = next((i for i, line in enumerate(lines) if line.role is BODY), len(lines))
    if 0 < first < len(lines) and _in_article(
        lines[first - 1], facts[first - 1], article, not_body
    ):
        if lines[first - 1].words >= PARAGRAPH_WORDS:
            lines[first - 1].role, lines[first - 1].reason = BODY, Evidence.ARTICLE_LEDE
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if (
            line.words >= _ARTICLE_PROSE_WORDS
            and _in_article(line, facts[i], article, not_body)
            and not (i + 1 < len(lines) and is_sign_up_button(lines[i + 1].text))  # a pitch
        ):
            line.role, line.reason = BODY, Evidence.ARTICLE_PROSE


def _in_article(
    line: Line, fact: LineFacts, article: frozenset[int], not_body: frozenset[int]
) -> bool:
    """Whether ``line`` is a paragraph of the article's element that the classifiers dropped:
    prose opening as a sentence does (no "*" footnote), in no box the markup marks."""
    return (
        line.reason is Reason.PAGE_FURNITURE
        and fact.prose
        and (line.text[:1].isalnum() or line.text[:1] in OPENING_QUOTES)
        and line.number in article
        and line.number not in not_body
    )


def _take_outline(page: Page, outline: frozenset[str]) -> None:
    """A heading or list item of the article's element that the classifiers took for
    furniture, standing between body lines with article text just below it, is the article's
    own: a subheading, or a list's item (read upwards, so the items above go on to the text
    below the list: a recipe's ingredients, a list of short items dropped one by one)."""
    if not outline:
        return
    lines = page.lines
    body = [i for i, line in enumerate(lines) if line.role is BODY]
    if not body:
        return
    for i in range(body[-1] - 1, body[0], -1):  # upwards: a list's items go on to the body
        line = lines[i]
        if (
            line.reason is Reason.PAGE_FURNITURE
            and line.text in outline
            and lines[i + 1].role is BODY
        ):
            line.role, line.reason = BODY, Evidence.OUTLINE


def _keep_to_stated_body(page: Page, stated: str) -> None:
    """When the metadata states the article's text (JSON-LD ``articleBody``) at length and
    the body holds nearly all of it, body lines below the first one it holds that it does
    not hold leave the body (the next story, teasers, a contributor's note). Lines above stay,
    as a standfirst does; a stated text cut short, or another text, changes nothing."""
    words = _WORD.findall(stated.casefold())
    if len(words) < _STATED_WORDS:
        return
    stated_shingles = _shingles(words)
    body = [line for line in page.lines if line.role is BODY]
    held, covered = [], set()
    for line in body:
        own = _shingles(_WORD.findall(line.text.casefold()))
        found = own & stated_shingles
        held.append(len(found) * 2 >= len(own))
        if held[-1]:
            covered |= found
    if not any(held) or len(covered) < _STATED_COVERED * len(stated_shingles):
        return
    for line, inside in zip(body[held.index(True) :], held[held.index(True) :]):
        if not inside:
            line.role, line.reason = BOILERPLATE, Evidence.NOT_IN_STATED_BODY


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    """Runs of four words (a shorter text is one run), as the scorer and the trainer count."""
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))} if words else set()


_WORD = re.compile(r"\w+")
# the window the parser reads around what the markup names, in lines of the text (half of
# them blank): a kicker, standfirst or byline stands just above the headline, a byline,
# dateline or correction just below the article's element
_ABOVE = 20
_BELOW = 30
_UNBOUNDED = 150  # under a headline no element bounds: a longer body reaches the end
_EDGE = 6  # a body ending this near the window's end may go on past it: all is read
_ARTICLE_PROSE_WORDS = 20  # words of an article element's paragraph below its text (no end note)
_STATED_TITLE_WORDS = 3  # words of a metadata title that names a line without an <h1>, at least
_STATED_WORDS = 100  # words a stated article text needs to be taken as the whole article
_STATED_COVERED = 0.8  # share of its word runs the body must hold for the two to be one text
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′´`"} | {c: '"' for c in "“”„‟″«»"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def _normal(text: str) -> str:
    """Text compared as the same headline: entities read, compatibility forms, case, quotes,
    dashes and spacing ignored, trailing punctuation dropped."""
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    text = " ".join(_DASHES.sub("-", text).split())
    return text.rstrip(" .!?:;,")


def _stated(
    document: Document,
    article_id: str,
    number: int | None,
    hash_: str | None,
    path: str,
    notes: list[str],
) -> Article:
    """The record of a document that states its body: taken as stated; words counted and the
    language told (when the document names none) as the text parser does."""
    paragraphs = tuple(p for p in (document.body or ()) if p.strip())
    text = "\n".join(paragraphs)
    if not (document.title or "").strip():
        notes.append("no headline found")
    return Article(
        id=article_id,
        path=valid_text(path),
        title=document.title or "",
        number=number,
        hash=hash_,
        section=document.section,
        authors=document.authors,
        published=document.published,
        credits=document.credits,
        paragraphs=paragraphs,
        words=sum(line.words for line in split_lines(text)),
        warnings=tuple(notes),
        language=document.language or file_language(text)[0],
        url=document.url,
        site=document.site,
    )
