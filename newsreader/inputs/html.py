"""Saved HTML pages: the page as a browser's innerText shows it, and what its markup states.

The text imitates ``innerText`` as the dev corpus's ``page`` form writes it: scripts, styles,
templates, ``noscript``, SVG, frames, form fields and hidden elements (``hidden``, inline
``display:none`` or ``visibility:hidden``) are not shown; paragraph-level blocks (``p``,
headings, ``blockquote``, ``figure``, ``figcaption``, ``li``, ``pre``, ``table``) stand apart
by a blank line, other blocks (``div``, ``section``, ``tr``, ``br`` ...) by a line break, table
cells by a space; spaces collapse as the browser collapses them. The parser (Lexbor, through
selectolax) builds the tree; markers put around blocks in it and read back from its text in one
pass make the lines, so no Python loop walks the tree. Markup that surely holds no article text
(``nav``, ``aside``, ``footer``, ``figure``, landmarks, boxes whose class or id says comments,
related or share) is marked the same way: its lines are the document's ``not_body``.
The metadata (:func:`page_metadata`) comes from ``<title>``, ``<meta>`` (Open Graph,
``article:``, ``author`` and their common cousins), JSON-LD ``Article`` objects, microdata,
the canonical link and ``<html lang>``.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from typing import Any, Iterator, NamedTuple

from newsreader.inputs.documents import Document

# Markers put into the tree and read back from its text: Unicode noncharacters, which no page
# may hold (a page that does is parsed again without them).
_PARAGRAPH, _LINE, _OPEN, _CLOSE = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3"
_ARTICLE_OPEN, _ARTICLE_CLOSE = "\ufdd4", "\ufdd5"  # around the headline's article element
_LINE_OR_SPACE = _LINE + " "
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")
_NOT_RENDERED = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "frame",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
    "input",
    "select",
    "textarea",
    "datalist",
]
_PARAGRAPHS = "p,h1,h2,h3,h4,h5,h6,blockquote,figure,figcaption,li,pre,table"
_BLOCKS = (
    "address,article,aside,body,center,details,dialog,dd,dir,div,dl,dt,fieldset,footer,form,"
    "header,hgroup,hr,legend,listing,main,menu,nav,ol,plaintext,search,section,summary,ul,xmp,"
    "caption,thead,tbody,tfoot,tr,br"
)
_CELLS = "td,th"
_CONTROLS = "button,input,select,label"  # a form's or a toolbar's, never the article's text
_OUTLINE = "h2,h3,h4,h5,h6,li"  # the article element's headings and list items
# what each element puts before and after itself: a paragraph break, a line break, a space
_BREAKS = {
    **{tag: (_PARAGRAPH, _PARAGRAPH) for tag in _PARAGRAPHS.split(",")},
    **{tag: (_LINE, _LINE) for tag in _BLOCKS.split(",")},
    **{tag: ("", " ") for tag in _CELLS.split(",")},
}
# a line all of whose text is link text (a menu entry, a teaser, "read more") links elsewhere
_NOT_BODY_TAGS = frozenset({"nav", "aside", "footer", "figure", "figcaption", "a", "button"})
_NOT_BODY_ROLES = '[role="navigation"],[role="complementary"],[role="contentinfo"]'
# class or id words of boxes that never hold the article's own text (a word of the name, set
# apart by dashes, underscores or spaces), and the CSS that finds the candidates
_NOT_BODY_NAMES = re.compile(
    r"(?:^|[-_\s])(?:comments?|related|share|sharing|social|newsletter|promo|sponsored"
    r"|caption|recirc|trending|outbrain|taboola|twitter-tweet|instagram-media|tiktok-embed"
    r"|author-(?:card|bio|box|info)|about-(?:the-)?author|bio|poll|quiz|survey|signup|sign-up)"
    r"(?:$|[-_\s])",
    re.I,
)
_NOT_BODY_NAMED = ",".join(
    f'[{attribute}*="{part}"]'
    for attribute, parts in (
        ("class", "omment elated hare ocial ewsletter romo ponsored aption ecirc rending utbrain"),
        ("class", "aboola twitter-tweet instagram-media tiktok-embed author- bout- bio"),
        ("class", "poll quiz survey signup sign-up"),
        ("id", "omment elated ewsletter ocial"),
    )
    for part in parts.split()
)
_NOT_BODY_MARKED = f"{_NOT_BODY_ROLES},{_NOT_BODY_NAMED}"
_NOT_BODY_ROLE_SET = frozenset({"navigation", "complementary", "contentinfo"})
_NEVER_NOT_BODY = frozenset({"html", "body", "main", "article", "h1"})
_HIDDEN = '[hidden],[style*="none"],[style*="hidden"],[style*="NONE"],[style*="HIDDEN"]'
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Unicode spaces that str.split() splits on but CSS does not collapse (the page keeps them):
# put aside as noncharacters while the rest of the whitespace collapses
_MARKED_SPANS = re.compile(f"{_OPEN}[^{_OPEN}{_CLOSE}]*{_CLOSE}")
_MARKS = re.compile(f"([{_OPEN}{_CLOSE}{_ARTICLE_OPEN}{_ARTICLE_CLOSE}])")
_KEPT_SPACES = (
    "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
_KEPT_AS = {space: chr(0xFDE0 + i) for i, space in enumerate(_KEPT_SPACES)}
_EDGE_SPACES = " \xa0"  # a line's ends lose U+00A0 too, as in the corpus text
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1", "l1"}


def html_document(
    data: bytes | str, key: str = "", url: str | None = None, warnings: tuple[str, ...] = ()
) -> Document:
    """One saved page as a document: its text as innerText renders it, the lines markup marks
    as no article text, and its metadata. ``url``: where the page came from, when the
    container says (a WARC record), used when the page names no canonical address."""
    notes = list(warnings)
    if isinstance(data, str) or data.startswith(_BOMS):
        page: str | bytes = data if isinstance(data, str) else decode_html(data, notes)
    else:
        page = data  # read as UTF-8 by the parser, until it shows it is not
    tree, meta, probe = _parsed(page)
    if isinstance(page, bytes) and "\ufffd" in probe + str(meta) and not _is_utf8(page):
        tree, meta, probe = _parsed(decode_html(page, notes))
    if _NONCHARACTERS.search(probe):
        tree, meta, probe = _parsed(_NONCHARACTERS.sub("", _as_text(page, notes)))
    rendered = render(tree)
    return Document(
        key,
        rendered.text,
        title=meta.get("title"),
        authors=tuple(meta.get("authors", ())),
        published=meta.get("published"),
        section=meta.get("section"),
        url=meta.get("url") or url,
        site=meta.get("site"),
        language=meta.get("language"),
        headings=rendered.headings,
        outline=rendered.outline,
        not_body=rendered.not_body,
        article=rendered.article,
        article_body=meta.get("article_body"),
        warnings=tuple(notes),
    )


def html_paragraphs(fragment: str) -> tuple[str, ...]:
    """The lines of an HTML fragment (a feed item's content) as innerText renders them, but
    its figures: a picture's caption and credit are never the story's text, as on a page."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_NONCHARACTERS.sub("", fragment))
    tree.strip_tags([*_NOT_RENDERED, "figure", "figcaption"], recursive=True)
    return tuple(line for line in render(tree).text.split("\n") if line)


def _parsed(page: str | bytes) -> tuple[Any, dict[str, Any], str]:
    """The page's tree with what is never rendered taken out, its metadata (read before), and
    its body's text (a probe: bad bytes and noncharacters show there)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    meta = page_metadata(tree)
    tree.strip_tags(_NOT_RENDERED, recursive=True)
    body = tree.body
    return tree, meta, body.text(deep=True) if body is not None else ""


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _as_text(page: str | bytes, notes: list[str]) -> str:
    return page if isinstance(page, str) else decode_html(page, notes)


def decode_html(data: bytes, notes: list[str]) -> str:
    """The page's text: a byte-order mark, then UTF-8 when the bytes are valid UTF-8 (a saved
    page is often re-encoded while keeping its old declaration), then the charset its ``<meta>``
    declares (Latin-1 read as Windows-1252, as browsers do), else Windows-1252, the HTML
    standard's default for a page that declares none (with a warning)."""
    from newsreader.parse.decode import decode_bytes

    if data.startswith(_BOMS):
        text, found = decode_bytes(data)
        notes += found
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = "windows-1252" if name in _WINDOWS_1252 else name
        try:
            codecs.lookup(name)
        except LookupError:
            notes.append(f"unknown charset {name!r} declared; guessed instead")
        else:
            text = data.decode(name, "replace")
            if "\ufffd" in text:
                notes.append(f"bytes not valid in the declared charset {name}; replaced")
            return text
    notes.append("not UTF-8 and no charset declared; read as windows-1252, the HTML default")
    return data.decode("windows-1252", "replace")


def render(tree) -> Rendered:
    """The page's ``<body>`` as innerText lines, and what its markup says of them (see
    :class:`Rendered`). The tree is changed on the way (markers, hidden parts)."""
    body = tree.body
    if body is None:
        return Rendered("", frozenset(), None, (), frozenset())
    for node in body.css(_HIDDEN):
        attributes = node.attrs
        if "hidden" in attributes or _HIDING.search(attributes.get("style") or ""):
            node.decompose()  # unlinks it (selectolax >= 1.0), so nested ones stay safe
    h1s = body.css("h1")
    headings = tuple(heading for heading in (_one_line(h1.text()) for h1 in h1s) if heading)
    container = _article_element(body, h1s)
    outline = _outline(container) if container is not None else frozenset()
    if container is not None:
        container.insert_before(_ARTICLE_OPEN)
        container.insert_after(_ARTICLE_CLOSE)
    for node in _not_body_boxes(body):
        node.insert_before(_OPEN)
        node.insert_after(_CLOSE)
    # one walk over the elements (a Python loop is cheaper here than matching a long list of
    # tag selectors) for the furniture tags and every break; a node's marks go in before its
    # breaks, so a break stands inside the marked span
    for node in body.traverse():
        tag = node.tag
        if tag in _NOT_BODY_TAGS:
            node.insert_before(_OPEN)
            node.insert_after(_CLOSE)
        breaks = _BREAKS.get(tag)
        if breaks is not None:
            before, after = breaks
            if before:
                node.insert_before(before)
            node.insert_after(after)
    text, not_body, inside = _lines(body.text(deep=True))
    return Rendered(text, not_body, inside, headings, outline)


class Rendered(NamedTuple):
    """A page's text as innerText shows it; the numbers (from 1) of its lines that markup marks
    as no article text; of those inside the article's own element (its ``articleBody``
    element, else the ``<article>`` holding its ``<h1>``, else the page's only ``<article>``;
    ``None`` when it has none); the ``<h1>`` texts; and the texts of the headings and list items
    inside the article's element (its outline)."""

    text: str
    not_body: frozenset[int]
    article: frozenset[int] | None
    headings: tuple[str, ...]
    outline: frozenset[str]


def _article_element(body, h1s: list) -> Any:
    """The element holding the article's text, as the markup says: ``itemprop=articleBody``,
    else the ``<article>`` the first ``<h1>`` stands in, else the page's only ``<article>``."""
    found = body.css('[itemprop="articleBody"]')
    if len(found) == 1:
        return found[0]
    if h1s:
        node = h1s[0].parent
        while node is not None and node.tag not in ("article", "body"):
            node = node.parent
        if node is not None and node.tag == "article":
            return node
    found = body.css("article")
    return found[0] if len(found) == 1 else None


def _outline(container) -> frozenset[str]:
    """The texts of the article element's headings and list items; not an item holding a
    button or a form's field (a toolbar's, a poll's), which is no list of the story's."""
    texts = (
        _one_line(node.text())
        for node in container.css(_OUTLINE)
        if node.css_first(_CONTROLS) is None
    )
    return frozenset(filter(None, texts))


def _not_body_boxes(body) -> Iterator[Any]:
    """The elements that surely hold no article text by a landmark role, or by a class or id
    naming comments, related stories or sharing (one pass over the tree); those whose tag
    says so already (``_NOT_BODY_TAGS``) are marked by :func:`render`'s walk."""
    for node in body.css(_NOT_BODY_MARKED):
        tag = node.tag
        if tag in _NOT_BODY_TAGS:
            continue
        attributes = node.attrs
        if attributes.get("role") in _NOT_BODY_ROLE_SET:
            yield node
        elif tag not in _NEVER_NOT_BODY and (
            _NOT_BODY_NAMES.search(attributes.get("class") or "")
            or _NOT_BODY_NAMES.search(attributes.get("id") or "")
        ):
            yield node


def _lines(raw: str) -> tuple[str, frozenset[int], frozenset[int] | None]:
    """The marked text of a body as lines, and which of them stood inside marked markup.
    String methods only, each a pass in C: a page holds hundreds of blocks."""
    kept = [space for space in _KEPT_SPACES if space in raw]
    for space in kept:
        raw = raw.replace(space, _KEPT_AS[space])
    # whitespace collapses to one space; a zero-width no-break space (U+FEFF) is dropped, as
    # the corpus text drops it
    text = " ".join(raw.replace("\ufeff", "").split())
    # a run of breaks is one break, the largest in it: line breaks (and spaces) beside a
    # paragraph break go, then repeats (parts between two marks with no text) go; the spaces
    # left at a line's ends go in _numbered
    text = _PARAGRAPH.join(
        filter(None, (part.strip(_LINE_OR_SPACE) for part in text.split(_PARAGRAPH)))
    )
    text = _LINE.join([part for part in text.split(_LINE) if part and part != " "])
    text = text.replace(_PARAGRAPH, "\n\n").replace(_LINE, "\n")
    for space in kept:
        text = text.replace(_KEPT_AS[space], space)
    return _numbered(text.split("\n"))


def _numbered(raw_lines: list[str]) -> tuple[str, frozenset[int], frozenset[int] | None]:
    """The lines stripped, never two blank ones in a row, without the marks; the numbers of
    the lines whose text all stood inside marked markup; and of those with text inside the
    article element (``None`` when none was marked). A line holding only marks is no line:
    the breaks around it are one break."""
    lines: list[str] = []
    not_body: set[int] = set()
    inside: set[int] = set()
    depth, within, marked = 0, False, False
    for line in raw_lines:
        if _ARTICLE_OPEN in line or _ARTICLE_CLOSE in line:
            marked = marked or _ARTICLE_OPEN in line
            line, outside, within_line, depth, within = _marked(line, depth, within)
            line = line.strip(_EDGE_SPACES)
            if not line:
                continue
        elif _OPEN in line or _CLOSE in line:
            # most such lines hold whole marked spans (a link, a share button): their text
            # outside the spans decides, and the depth is the same after them
            rest = _MARKED_SPANS.sub("", line)
            if _OPEN in rest or _CLOSE in rest:
                line, outside, within_line, depth, within = _marked(line, depth, within)
            else:
                outside, within_line = depth == 0 and bool(rest.strip(_EDGE_SPACES)), within
                line = line.replace(_OPEN, "").replace(_CLOSE, "")
                while "  " in line:
                    line = line.replace("  ", " ")
            line = line.strip(_EDGE_SPACES)
            if not line:
                continue
        else:
            outside, within_line = depth == 0, within
            line = line.strip(_EDGE_SPACES)
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        lines.append(line)
        if not outside:
            not_body.add(len(lines))
        if within_line:
            inside.add(len(lines))
    while lines and not lines[-1]:
        lines.pop()
    text = "\n".join(lines) + "\n" if lines else ""
    return text, frozenset(not_body), frozenset(inside) if marked else None


def _marked(line: str, depth: int, within: bool) -> tuple[str, bool, bool, int, bool]:
    """A line holding marks: its text without them, whether any of its text stands outside
    marked markup, whether any stands inside the article element, and the depth of marking
    and whether inside the article element after it."""
    outside = within_line = False
    text = []
    for part in _MARKS.split(line):
        if part == _OPEN:
            depth += 1
        elif part == _CLOSE:
            depth = max(0, depth - 1)
        elif part == _ARTICLE_OPEN:
            within = True
        elif part == _ARTICLE_CLOSE:
            within = False
        else:
            text.append(part)
            if part.strip(_EDGE_SPACES):
                outside = outside or depth == 0
                within_line = within_line or within
    line = "".join(text)
    while "  " in line:  # a mark taken out between two spaces
        line = line.replace("  ", " ")
    return line, outside, within_line, depth, within


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- metadata ---------------------------------------------------------------------------------

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)
_TITLE_KEYS = ("og:title", "twitter:title", "title", "headline", "dc.title", "sailthru.title")
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "cxenseparse:author",
)
_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "citation_publication_date",
    "article:modified_time",  # last: a modified date is a date the article stood, at worst
)
_SECTION_KEYS = ("article:section", "parsely-section", "section", "category")
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
_LANGUAGE_KEYS = ("og:locale", "content-language", "language", "dc.language", "inlanguage")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:$|T|\d)")
_LANGUAGE = re.compile(r"^([a-zA-Z]{2})(?:$|[-_])")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.I)
_BY = re.compile(r"^\s*by\s+", re.I)
_REFERENCE = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
_JSON_LD_CAP = 2 * 1024 * 1024  # characters of one JSON-LD block read at most
# the elements that state metadata, by their tag: meta, script (JSON-LD), link (canonical)
_STATING = 'meta[content],script[type="application/ld+json"],link[rel="canonical"]'


def page_metadata(tree) -> dict[str, Any]:
    """What the page's markup states of its article: ``title``, ``authors`` (a list),
    ``published`` (``YYYY-MM-DD``, as written: no time-zone conversion), ``section``, ``url``,
    ``site``, ``language``. JSON-LD first (it names the article itself), then ``<meta>``."""
    stating: dict[str, list] = {"meta": [], "script": [], "link": []}
    for node in tree.css(_STATING):  # one pass over the tree
        stating[node.tag].append(node)
    meta = _meta_tags(stating["meta"])
    found: dict[str, Any] = {}
    for item in _json_ld_articles(stating["script"]):
        _take_json_ld(found, item)
    found.setdefault("title", _first(meta, _TITLE_KEYS) or _title_tag(tree))
    if not found.get("authors"):
        names = [name for key in _AUTHOR_KEYS for name in meta.get(key, ())]
        found["authors"] = _names(names)
    if not found.get("published"):
        found["published"] = next(
            filter(None, (_iso_day(value) for key in _DATE_KEYS for value in meta.get(key, ()))),
            None,
        ) or _time_element(tree)
    found.setdefault("section", _first(meta, _SECTION_KEYS))
    canonical = stating["link"][0].attributes.get("href") if stating["link"] else None
    url = canonical or _first(meta, ("og:url",))
    if url and _URL.match(url):
        found["url"] = url.strip()
    found.setdefault("site", _first(meta, _SITE_KEYS))
    root = tree.css_first("html")
    language = (root.attributes.get("lang") if root else None) or _first(meta, _LANGUAGE_KEYS)
    found["language"] = _language(found.get("language") or language)
    return {key: value for key, value in found.items() if value}


def _meta_tags(nodes: list) -> dict[str, list[str]]:
    """Every ``<meta>`` (and microdata ``itemprop``) content by its lower-cased name."""
    meta: dict[str, list[str]] = {}
    for node in nodes:
        attributes = node.attrs
        content = _stated(attributes.get("content") or "")
        if not content:
            continue
        for name in ("property", "name", "itemprop", "http-equiv"):
            key = attributes.get(name)
            if key:
                meta.setdefault(key.strip().lower(), []).append(content)
    return meta


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    return next((values[0] for key in keys for values in (meta.get(key),) if values), None)


def _title_tag(tree) -> str | None:
    node = tree.css_first("title")
    return _one_line(node.text()) if node else None


def _time_element(tree) -> str | None:
    """A ``<time>`` the markup says is the publication date (microdata or ``pubdate``)."""
    for node in tree.css('[itemprop="datePublished"], time[pubdate]'):
        attributes = node.attributes
        day = _iso_day(attributes.get("datetime") or attributes.get("content") or node.text())
        if day:
            return day
    return None


def _json_ld_articles(nodes: list) -> Iterator[dict]:
    """The article objects of the page's JSON-LD blocks, nested ``@graph``s and lists included."""
    for node in nodes:
        source = node.text()[:_JSON_LD_CAP]
        try:
            data = json.loads(source, strict=False)
        except ValueError:
            continue
        yield from _articles_in(data, 0)


def _articles_in(data: Any, depth: int) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _articles_in(item, depth + 1)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind.lower() in _ARTICLE_TYPES for kind in kinds):
            yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _articles_in(data[key], depth + 1)


def _take_json_ld(found: dict[str, Any], item: dict) -> None:
    """Fill what ``found`` lacks from one JSON-LD article object (the first object wins)."""
    headline = _text(item.get("headline")) or _text(item.get("name"))
    if headline and "title" not in found:
        found["title"] = headline
    if not found.get("authors"):
        found["authors"] = _names(_people(item.get("author")))
    if not found.get("published"):
        found["published"] = _iso_day(_text(item.get("datePublished")))
    section = item.get("articleSection")
    section = section[0] if isinstance(section, list) and section else section
    if _text(section) and "section" not in found:
        found["section"] = _text(section)
    body = item.get("articleBody")
    if isinstance(body, str) and body.strip() and "article_body" not in found:
        found["article_body"] = body[:_JSON_LD_CAP]
    publisher = item.get("publisher")
    if isinstance(publisher, dict) and _text(publisher.get("name")) and "site" not in found:
        found["site"] = _text(publisher.get("name"))
    if _text(item.get("inLanguage")) and "language" not in found:
        found["language"] = _text(item.get("inLanguage"))


def _people(value: Any) -> list[str]:
    """Names from a JSON-LD ``author``: a string, a Person or Organization object, or a list."""
    if isinstance(value, list):
        return [name for item in value[:20] for name in _people(item)]
    if isinstance(value, dict):
        name = _text(value.get("name"))
        return [name] if name else []
    text = _text(value)
    return [text] if text else []


def _names(values: list[str]) -> list[str]:
    """Author names as markup gives them, cleaned: no leading "By", no addresses, each once."""
    names: dict[str, str] = {}
    for value in values:
        value = _BY.sub("", value).strip()
        if value and not _URL.match(value) and "@" not in value[:1] and len(value) <= 100:
            names.setdefault(value.casefold(), value)
    return list(names.values())


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return _stated(value)[:1000] or None
    return None


def _stated(value: str) -> str:
    """A metadata value on one line, with the character references many sites escape twice
    (``&amp;#8217;``) read."""
    if "&" in value and _REFERENCE.search(value):
        value = html.unescape(value)
    return _one_line(value)


def _iso_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a date value starts with, as written (a compact ``YYYYMMDD`` too)."""
    if not value:
        return None
    value = value.strip()
    match = _DATE.match(value) or _COMPACT_DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31 and 1900 <= int(year) <= 2200):
        return None
    return f"{year}-{month}-{day}"


def _language(value: str | None) -> str | None:
    match = _LANGUAGE.match(value.strip()) if value else None
    return match.group(1).lower() if match else None
