"""Saved HTML pages: the text a browser's innerText shows, what the markup states, hostile pages."""

from pathlib import Path

import pytest

from newsreader.inputs.evidence import article_from, explain_document
from newsreader.inputs.html import html_document

PAGE = Path(__file__).parent / "fixtures" / "inputs" / "page.html"


def render(body: str, head: str = "") -> str:
    return html_document(f"<html><head>{head}</head><body>{body}</body></html>".encode()).text


@pytest.fixture(scope="module")
def page():
    return html_document(PAGE.read_bytes())


def lines_of(document, numbers) -> set[str]:
    text = document.text.split("\n")
    return {text[n - 1] for n in numbers}


def test_blocks_become_lines_as_innertext_shows_them():
    assert render("<p>one</p><p>two</p>") == "one\n\ntwo\n"
    assert render("<div>one</div><div>two</div>") == "one\ntwo\n"
    assert render("<div><div><div>deep</div></div></div><div>next</div>") == "deep\nnext\n"
    assert render("<div>a<p>para</p>b</div>") == "a\n\npara\n\nb\n"
    assert render("<h2>Head</h2><ul><li>x</li><li>y</li></ul>") == "Head\n\nx\n\ny\n"
    assert render("line<br>break<br><br>again") == "line\nbreak\nagain\n"
    assert render("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == ("a b\nc\n")


def test_inline_elements_join_as_the_browser_joins_them():
    assert render("<p>Crime<a>los angeles</a><a>Charlie Sheen</a></p>") == (
        "Crimelos angelesCharlie Sheen\n"
    )
    assert render("<p>a <b> bold </b>  word</p>") == "a bold word\n"
    assert render("<p>\n   spread\n   over\tlines   </p>") == "spread over lines\n"


def test_spaces_the_page_keeps_survive_inside_lines_only():
    assert render("<p>10\u00a0km and\u2009more</p>") == "10\u00a0km and\u2009more\n"
    assert render("<p>\u00a0edge\u00a0</p><p>\ufeffmark</p>") == "edge\n\nmark\n"
    assert render("<p>a</p><p>\u00a0</p><p>\u00a0</p><p>b</p>") == "a\n\nb\n"


def test_what_is_never_rendered_is_left_out(page):
    for hidden in (
        "hidden and must never",
        "Nor must this one",
        "enable JavaScript",
        "template is never",
        "search text",
        "Option text",
        "typed",
        "svg text",
        "frame text",
        "display: none",
    ):
        assert hidden not in page.text
    assert render('<p style="visibility:hidden">x</p><p>y</p>') == "y\n"
    assert render('<span>a</span><div style="DISPLAY : NONE">b</div><span>c</span>') == "ac\n"


def test_markup_marks_what_is_surely_not_the_articles_text(page):
    marked = lines_of(page, page.not_body)
    assert {"Home", "Most read", "Related"} <= marked
    assert any(line.startswith("A harbour seal hauled out") for line in marked)  # figcaption
    assert any(line.startswith("Share this story") for line in marked)  # class="share-tools"
    assert any(line.startswith("A reader comment") for line in marked)  # id="comments"
    assert any(line.startswith("Copyright") for line in marked)  # footer
    assert not any(line.startswith(("Harbour seals have", "Volunteers")) for line in marked)


def test_the_article_element_is_marked(page):
    inside = lines_of(page, page.article)
    assert "Harbour seals return to the Wash" in inside
    assert any(line.startswith("Volunteers will repeat") for line in inside)
    assert not any(line.startswith("Another story about the coast") for line in inside)
    assert html_document(b"<p>no article element</p>").article is None


def test_metadata_comes_from_json_ld_meta_and_links(page):
    assert page.title == "Harbour seals return to the Wash"
    assert page.authors == ("Priya Lindqvist", "Tomas Erle")
    assert page.published == "2024-03-05"  # as written: no conversion to UTC
    assert page.section == "Nature"
    assert page.site == "The Coastal Courier"
    assert page.url == "https://courier.example/nature/harbour-seals-return"
    assert page.language == "en"
    assert page.headings == ("Harbour seals return to the Wash",)


def test_meta_tags_stand_in_when_there_is_no_json_ld():
    head = (
        '<meta property="og:title" content="Rock &amp;amp; Roll &#8216;Hall&#8217;">'
        '<meta name="author" content="By Ada Byron">'
        '<meta name="author" content="https://social.example/ada">'
        '<meta property="article:published_time" content="20240102T0800">'
        '<meta property="og:url" content="https://x.example/a">'
        '<meta property="og:locale" content="pt_BR">'
    )
    document = html_document(f"<html><head>{head}</head><body><p>x</p></body></html>".encode())
    assert document.title == "Rock & Roll \u2018Hall\u2019"
    assert document.authors == ("Ada Byron",)
    assert document.published == "2024-01-02"
    assert document.url == "https://x.example/a"
    assert document.language == "pt"


def test_a_page_states_nothing_when_it_says_nothing():
    document = html_document(b"<p>Just a paragraph.</p>")
    assert (document.title, document.authors, document.published, document.url) == (
        None,
        (),
        None,
        None,
    )


def test_encodings_the_declared_charset_then_a_guess():
    latin = '<meta charset="iso-8859-1"><p>Caf\u00e9 \u2013 cr\u00e8me</p>'.encode("cp1252")
    assert html_document(latin).text == "Caf\u00e9 \u2013 cr\u00e8me\n"
    assert html_document("<p>d\u00e9j\u00e0 vu</p>".encode("utf-16")).text == "d\u00e9j\u00e0 vu\n"
    undeclared = html_document("<p>ni\u00f1o peque\u00f1o en la ma\u00f1ana</p>".encode("cp1252"))
    assert "ni\u00f1o" in undeclared.text and undeclared.warnings
    # a page re-encoded to UTF-8 that still declares its old charset reads as UTF-8
    assert html_document('<meta charset="windows-1252"><p>\u00e9t\u00e9</p>'.encode()).text == (
        "\u00e9t\u00e9\n"
    )


def test_hostile_pages_never_break_the_reader():
    huge = "x" * 2_000_000
    assert render(f'<p title="{huge}">ok</p>') == "ok\n"
    assert render("<div>" * 20_000 + "deep" + "</div>" * 20_000) == "deep\n"
    assert render("<p>a\ufdd0b\ufdd1c\ufdd2d</p><p>e</p>") == "abcd\n\ne\n"  # our markers
    assert render("<p>x</p>", '<meta name="author" content="\x1b[31mRed\x1b[0m">') == "x\n"
    broken = html_document(b"<html><body><p>unclosed <b>bold <p>next</td></tr></html")
    assert "unclosed bold" in broken.text and "next" in broken.text
    assert html_document(b"").text == ""
    assert html_document(b"\xff\xfe\x00\x00garbage\x00").text is not None
    script = html_document(
        b"<head><script type='application/ld+json'>{not json</script></head>"
        b"<body><script>document.write('<p>no</p>')</script><p>yes</p></body>"
    )
    assert script.text == "yes\n" and script.title is None


def test_the_record_takes_the_headline_the_markup_names_over_a_louder_line():
    page = (
        "<html><head><meta property='og:title' content='Quiet headline of the story | Site'>"
        "</head><body><div>Breaking: A much more headline-like teaser about another story</div>"
        "<article><h1>Quiet headline of the story</h1>"
        + "".join(
            f"<p>Paragraph {n} of the story goes on long enough to count as prose, surely.</p>"
            for n in range(6)
        )
        + "</article><div class='related'><p>Related: a teaser paragraph that is long enough"
        " to read as prose on its own here.</p></div></body></html>"
    )
    record = article_from(html_document(page.encode()), "story.html")
    assert record.title == "Quiet headline of the story"
    assert len(record.paragraphs) == 6
    assert not any("teaser" in paragraph for paragraph in record.paragraphs)


def test_a_short_h1_whose_metadata_title_goes_on_is_still_the_headline():
    """og:title is often the h1 with more words: the h1 stays the headline, the first
    paragraph stays body, and the page's stated section wins over its navigation."""
    page = (
        '<html><head><meta property="og:title" content="Library reopens after long refurbishment">'
        '<meta property="article:section" content="Culture"></head><body><nav><a href="/">Home'
        "</a></nav><h1>Library reopens</h1><p>The central library reopened on Saturday with a"
        " new wing.</p><p>Visitors queued from early morning; the mayor cut a ribbon.</p>"
        "</body></html>"
    )
    record = article_from(html_document(page.encode()), "p4.html")
    assert (record.title, record.section) == ("Library reopens", "Culture")
    assert record.paragraphs[0].startswith("The central library reopened")


def test_the_record_of_the_fixture_page(page):
    record = article_from(page, "007_0123456789abcdef.html", "/news/007_0123456789abcdef.html")
    assert (record.id, record.number, record.hash) == (
        "007_0123456789abcdef",
        7,
        "0123456789abcdef",
    )
    assert record.title == "Harbour seals return to the Wash"
    assert record.authors == ("Priya Lindqvist", "Tomas Erle")
    assert record.published == "2024-03-05"
    assert record.paragraphs[0].startswith("Harbour seals have returned")
    assert record.paragraphs[-1].startswith("Volunteers will repeat")
    body = " ".join(record.paragraphs)
    for left_out in ("Share this story", "A reader comment", "Another story", "Copyright"):
        assert left_out not in body
    assert (record.url, record.site, record.language) == (
        "https://courier.example/nature/harbour-seals-return",
        "The Coastal Courier",
        "en",
    )


def test_a_sync_renders_each_page_once_and_past_its_budget_again(tmp_path, monkeypatch):
    from newsreader import parsing
    from newsreader.inputs import html
    from newsreader.model import Entry

    entries = []
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_bytes(PAGE.read_bytes().replace(b"Harbour", name[:1].encode()))
        entries.append(Entry(name, str(tmp_path / name), (tmp_path / name).stat().st_size, 1))
    rendered, real = [], html.render
    monkeypatch.setattr(html, "render", lambda tree: rendered.append(tree) or real(tree))

    def records() -> list:
        folder = parsing.FolderParsing()
        keys = list(folder.keys(entries))
        return [articles for articles, _ in folder.parse(entries, frozenset(), lambda _: keys)]

    once = records()
    assert len(rendered) == 2
    monkeypatch.setattr(parsing, "KEPT_CHARACTERS", 0)  # none kept: each page read again
    assert records() == once and len(rendered) == 6


def test_a_page_whose_markup_marks_furniture_lets_the_classifiers_admit_more(monkeypatch):
    """Markup that takes out what it marks keeps the body clean, so the body needs less score
    (``parse.body.MARKED``); a page that marks nothing is judged as a text dump is."""
    from newsreader.inputs import evidence
    from newsreader.parse.body import MARKED, TEXT

    used = []
    real = evidence.mark_head_and_body
    monkeypatch.setattr(
        evidence,
        "mark_head_and_body",
        lambda page, headline, thresholds: (
            used.append(thresholds) or real(page, headline, thresholds)
        ),
    )
    story = "<h1>Harbour fair returns</h1><p>The fair opened on Saturday by the quay.</p>"
    article_from(html_document(f"<html><body><nav>Home</nav>{story}</body></html>"), "a.html")
    article_from(html_document(f"<html><body>{story}</body></html>"), "b.html")
    assert used == [MARKED, TEXT]


def _menu(name: str, count: int) -> str:
    """A box of ``count`` links, each on its own line: the furniture around an article."""
    return "".join(f"<div><a href='/{n}'>{name} link {n}</a></div>" for n in range(count))


def _story(paragraphs: int) -> str:
    return "".join(
        f"<p>Paragraph {n} of the story goes on long enough to count as prose, surely.</p>"
        for n in range(paragraphs)
    )


def test_the_parser_reads_only_a_window_around_what_the_markup_names():
    from newsreader.inputs.evidence import Evidence, explain_document

    page = (
        "<html><head><meta property='og:title' content='Harbour gets a new crane'></head><body>"
        + _menu("Top", 40)
        + "<article><h1>Harbour gets a new crane</h1><p>By Ann Smith</p>"
        + _story(6)
        + "</article>"
        + _menu("Bottom", 40)
        + "</body></html>"
    )
    document = html_document(page.encode())
    record = article_from(document, "crane.html")
    assert (record.title, record.authors) == ("Harbour gets a new crane", ("Ann Smith",))
    assert len(record.paragraphs) == 6
    roles = explain_document(document)
    assert [role.number for role in roles] == sorted(role.number for role in roles)
    unread = [role.text for role in roles if role.reason == str(Evidence.OUTSIDE_WINDOW)]
    assert "Top link 0" in unread and "Bottom link 39" in unread
    assert "Top link 39" not in unread and "Bottom link 0" not in unread
    assert len(roles) == len([line for line in document.text.split("\n") if line])


def test_a_body_running_past_the_window_has_the_whole_page_read():
    """An element that holds only the article's opening bounds nothing: the body past the
    window is read as before."""
    page = (
        "<html><head><meta property='og:title' content='Harbour gets a new crane'></head><body>"
        + _menu("Top", 40)
        + "<h1>Harbour gets a new crane</h1><article><p>The opening paragraph of the story, long"
        " enough to count as prose.</p></article>" + _story(30) + "</body></html>"
    )
    record = article_from(html_document(page.encode()), "crane.html")
    assert record.paragraphs[-1].startswith("Paragraph 29 of the story")


def test_under_a_headline_no_element_bounds_a_long_body_is_read_to_its_end(monkeypatch):
    """Without an article element the window ends a fixed way under the headline; a story
    going on past it (paragraphs on both sides of its end) has the whole page read."""
    from newsreader.inputs import evidence
    from newsreader.inputs.evidence import Evidence, explain_document

    head = "<html><head><meta property='og:title' content='Harbour gets a new crane'></head>"
    short = html_document(
        f"{head}<body><h1>Harbour gets a new crane</h1>{_story(6)}{_menu('Bottom', 200)}"
        "</body></html>".encode()
    )
    unread = [
        role.text for role in explain_document(short) if role.reason == str(Evidence.OUTSIDE_WINDOW)
    ]
    assert "Bottom link 199" in unread and "Bottom link 0" not in unread
    long = html_document(f"{head}<body><h1>Harbour gets a new crane</h1>{_story(120)}".encode())
    raw = long.text.split("\n")
    assert evidence._window(long, raw)[1] < len(raw)  # the window ends inside the story
    record = article_from(long, "crane.html")
    monkeypatch.setattr(evidence, "_window", lambda document, raw: (0, len(raw)))
    assert record == article_from(long, "crane.html")


def test_the_window_reads_the_folders_furniture_keys_where_its_lines_stand():
    """A page's furniture keys, taken over its whole text, find the same lines in the window
    as keys taken over the window itself."""
    from newsreader.parse.furniture import file_keys, shared_keys

    box = "<p>Why you can trust us: our editors check every story twice before it runs.</p>"
    documents = [
        html_document(
            f"<html><head><meta property='og:title' content='Story {n} of the day'></head><body>"
            f"{_menu('Top', 40)}<article><h1>Story {n} of the day</h1>"
            + "".join(
                f"<p>Story {n} tells in paragraph {k} of the harbour, its {k + n} cranes and the"
                f" ships that wait {k} days in the roads for a berth, as the port grows.</p>"
                for k in range(6)
            )
            + f"{box}<p>Only story {n} ends with this paragraph, long enough to be prose.</p>"
            f"</article>{_menu('Bottom', 40)}</body></html>"
        )
        for n in range(3)
    ]
    keys = [file_keys(document.text.encode()) for document in documents]
    shared = shared_keys(keys)
    taken = article_from(documents[0], "story.html", shared=shared, keys=keys[0])
    assert taken == article_from(documents[0], "story.html", shared=shared)
    assert not any(paragraph.startswith("Why you can trust us") for paragraph in taken.paragraphs)


def test_an_element_no_headline_vouches_for_does_not_hide_the_story_beside_it(monkeypatch):
    """The page's only ``<article>`` is a teaser and no metadata confirms the ``<h1>``: the
    ``<h1>`` widens the window, the story under it runs to the window's end, and the record
    is the one the whole text gives."""
    from newsreader.inputs import evidence

    said = [
        "The port authority said on Monday that the new crane would double the number of"
        " containers the harbour can move in a day.",
        "Dock workers, who had asked for the upgrade for years, welcomed the news but warned"
        " that shifts would need to change.",
    ]
    page = (
        "<html><body>"
        + _menu("Top", 40)
        + "<article><h2>Another story</h2><p>A teaser for another story, which is long enough"
        " to read as prose on its own, surely.</p></article>"
        + _menu("Side", 30)
        + "<h1>Harbour gets a new crane</h1>"
        + "".join(f"<p>{said[n % 2]} ({n})</p>" for n in range(40))
        + "</body></html>"
    )
    document = html_document(page.encode())
    record = article_from(document, "crane.html")
    assert len(record.paragraphs) >= 39
    monkeypatch.setattr(evidence, "_window", lambda document, raw: (0, len(raw)))
    assert record == article_from(document, "crane.html")


def test_a_story_far_below_its_headline_is_read_whole():
    """A window around a headline far above the story (200 gallery links between) would miss
    it: more unmarked prose outside the window than body inside has the whole page read."""
    sentences = [
        "The sea wall at Harbour End held through the night, the council said on Monday.",
        "Engineers had worried that the older section near the lifeboat station would give way.",
        "Residents of the lower town were told to move cars away from the seafront before dusk.",
        "By midnight the waves were breaking over the promenade railings in several places.",
        "Fire crews pumped water out of eleven basements on Dock Street before dawn.",
        "The ferry to the islands stayed in port for a second day, its operator said.",
        "Schools in the lower town will open late on Tuesday while roads are cleared.",
        "Shopkeepers spent the morning sweeping sand and seaweed from their doorways.",
        "The mayor thanked volunteers who filled sandbags at the town hall until late.",
        "Forecasters expect the wind to ease by Wednesday, though rain will continue.",
        "A full survey of the wall is planned before the spring tides arrive in March.",
    ]
    story = "".join(f"<p>{sentence}</p>" for sentence in sentences)
    links = "".join(f"<li><a href='/p{n}'>Picture {n} of the storm</a></li>" for n in range(200))
    page = (
        "<html><head><title>Storm batters the coast</title></head><body>"
        "<h1>Storm batters the coast</h1><p>Waves reached the promenade for the first time"
        f" since the great flood of the century.</p><ul>{links}</ul>{story}</body></html>"
    )
    document = html_document(page.encode())
    record = article_from(document, "storm.html")
    assert record.title == "Storm batters the coast"
    assert sum(sentence in record.paragraphs for sentence in sentences) >= 6
    assert not any("not read" in role.reason for role in explain_document(document))


def test_a_list_inside_the_articles_element_between_its_paragraphs_is_the_articles():
    """Short items of a list in the article's element (a recipe's ingredients), which the
    classifiers judge one by one as furniture, stay between the paragraphs around them; the
    same short lines in a box outside the element do not."""
    items = [
        "170g unsalted butter",
        "1 egg",
        "200g plain flour",
        "A pinch of salt",
        "Dark chocolate",
    ]
    lead = (
        "<p>These biscuits take twenty minutes from bowl to cooling rack, and they keep well.</p>"
        "<p>Soft butter matters more than anything else here, so take it out of the fridge.</p>"
    )
    method = "".join(
        f"<p>Step {n}: the method goes on long enough here to read as a paragraph of prose.</p>"
        for n in range(1, 4)
    )
    box = "".join(f"<div>{item}</div>" for item in items)
    page = (
        "<html><head><meta property='og:title' content='Brown butter biscuits'></head><body>"
        "<nav><a href='/'>Home</a><a href='/food'>Food</a></nav>"
        "<article><h1>Brown butter biscuits</h1>"
        f"{lead}<h2>Ingredients</h2><ul>{''.join(f'<li>{i}</li>' for i in items)}</ul>{method}"
        f"</article><div class='more'>{box}</div></body></html>"
    )
    paragraphs = article_from(html_document(page.encode()), "a.html").paragraphs
    assert paragraphs[2:8] == ("Ingredients", *items)
    assert paragraphs.count("1 egg") == 1


def test_the_articles_paragraphs_below_a_table_go_on_with_it():
    """A review's list and spec table, which the classifiers take for the story's end, do not
    end it: the long paragraphs below them in the article's element are its own; a footnote
    ("*Prices ...") and the price box there are not."""
    parts = "".join(
        f"<h2>{heading}</h2><p>{text}</p>"
        for heading, text in (
            (
                "Design",
                "The buds are smaller than before and sit flush in the ear, with a matte finish"
                " that hides fingerprints. Three sizes of tip come in the box, and the medium"
                " ones gave me a secure seal for runs of up to an hour along the harbour.",
            ),
            (
                "Sound",
                "Out of the box the sound is warm, with a generous but controlled bass. Vocals"
                " are clear, and there is more detail in the treble than I expected at this"
                " price, though the loudest tracks can sound a little crowded at full volume.",
            ),
            (
                "Noise cancelling",
                "On a packed train the rumble of the carriage all but disappeared, and office"
                " chatter fell to a murmur. Transparency mode sounds natural.",
            ),
        )
    )
    rows = ("Drivers", "10mm"), ("Bluetooth", "5.0"), ("Codecs", "SBC, AAC"), ("Weight", "5.1g")
    table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
    app = (
        "The companion app is the weak spot. It lost the connection twice a day in our tests,"
        " and its equaliser reset itself after every single update."
    )
    verdict = (
        "If you can live without the app, these are among the best-value noise-cancelling"
        " earbuds you can buy right now."
    )
    footnote = (
        "*Prices were checked on the day of publication and may have changed since; we may"
        " earn a commission when you buy through the links on this page."
    )
    deals = "".join(
        f"<div><span>{shop}</span> <span>£{price}</span> <a href='#'>View deal</a></div>"
        for shop, price in (("Amazon", "129.99"), ("Currys", "139.00"), ("Argos", "134.99"))
    )
    page = (
        "<html><head><meta property='og:title' content='Harbour Pods 2 review'></head><body>"
        "<nav><a href='/'>Home</a><a href='/audio'>Audio</a></nav>"
        "<article><h1>Harbour Pods 2 review</h1><p>Superb noise cancelling for the money</p>"
        "<div><ul><li>Excellent noise cancelling</li><li>Warm sound</li></ul></div>"
        f"<div>{parts}<h2>Battery life</h2><p>Harbour claims seven hours, and my tests got close:</p>"
        "<ul><li>6 hours 40 minutes with noise cancelling on</li><li>8 hours 55 minutes with it"
        " off</li><li>Three extra full charges from the case</li></ul>"
        f"<table>{table}</table><h2>The app</h2><p>{app}</p><h2>Verdict</h2><p>{verdict}</p>"
        f"<p>{footnote}</p></div><div><h4>Best prices today</h4>{deals}</div></article>"
        "</body></html>"
    )
    paragraphs = article_from(html_document(page.encode()), "a.html").paragraphs
    assert app in paragraphs and verdict in paragraphs
    assert footnote not in paragraphs and not any("View deal" in p for p in paragraphs)


@pytest.mark.parametrize(
    "embed",
    [
        '<blockquote class="twitter-tweet"><p>{post}</p>&mdash; Harbour Fire (@HarbourFire)'
        " <a href='#'>February 2, 2020</a></blockquote>",
        '<blockquote class="instagram-media"><div><p>{post}</p></div></blockquote>',
        '<blockquote class="tiktok-embed"><section><p>{post}</p></section></blockquote>',
    ],
)
def test_an_embedded_post_in_the_story_is_not_its_text(embed):
    post = "Please check your smoke alarms today. It takes ten seconds and it saves lives."
    story = "".join(
        f"<p>{text}</p>"
        for text in (
            "A dog pulled its owner from a burning kitchen in Harbourside on Sunday night.",
            "Firefighters said the alarm had no battery, and the family were asleep upstairs.",
            "The fire service later shared a reminder with its followers online.",
            "The dog, a four-year-old collie called Pip, was given a medal on Monday morning.",
            "Her owners said she would get sausages for a week, and then some more.",
        )
    )
    cut = story.index("<p>The dog")
    page = (
        "<html><head><meta property='og:title' content='Dog saves owner from fire'></head><body>"
        f"<article><h1>Dog saves owner from fire</h1>{story[:cut]}{embed.format(post=post)}"
        f"{story[cut:]}</article></body></html>"
    )
    paragraphs = article_from(html_document(page.encode()), "a.html").paragraphs
    assert post not in paragraphs and len(paragraphs) == 5


def test_a_sentence_set_out_to_be_tweeted_is_still_the_storys():
    """A click-to-tweet box holds one of the story's own sentences: no embedded post."""
    quote = "Every house on the quay flooded twice this winter, and the insurers have noticed."
    story = "".join(
        f"<p>{text}</p>"
        for text in (
            "The harbour board met on Tuesday to hear from residents of the flooded quay.",
            "Several said their insurance had doubled since the storms of last December.",
            "The board promised a report on the sea defences before the end of the summer.",
        )
    )
    page = (
        "<html><head><meta property='og:title' content='Quay residents demand flood plan'></head>"
        f"<body><article><h1>Quay residents demand flood plan</h1>{story}"
        f"<div class='click-to-tweet'><span class='tweet-this'>{quote}</span></div>"
        f"{story}</article></body></html>"
    )
    assert quote in article_from(html_document(page.encode()), "a.html").paragraphs


def test_a_one_sentence_lede_under_a_share_bar_stays_the_storys():
    """A brief's first paragraph, one sentence under a bar of share buttons, right above the
    paragraphs the classifiers kept in the article's element, is the story's lede."""
    lede = "The footbridge over the River Lenn at Mill Meadows has reopened after six weeks of repairs."
    rest = (
        "It was closed in October after an inspection found rotten timbers on the deck. The"
        " council said the repairs cost about £48,000.",
        "The bridge is used by hundreds of people a day walking between the Meadows estate and"
        " the town centre.",
    )
    bar = "".join(
        f"<a class='share' href='#'>{label}</a>"
        for label in ("Share on Twitter", "Share via Email")
    )
    page = (
        "<html><head><meta property='og:title' content='Footbridge over the Lenn reopens after repairs'></head>"
        "<body><main><article><header><h1>Footbridge over the Lenn reopens after repairs</h1>"
        f"<div class='share-bar'>{bar}</div></header><div itemprop='articleBody'><p>{lede}</p>"
        f"{''.join(f'<p>{p}</p>' for p in rest)}</div></article></main><footer><ul>"
        "<li><a href='/rss'>RSS feeds</a></li><li><a href='/help'>Help</a></li></ul></footer>"
        "</body></html>"
    )
    assert article_from(html_document(page.encode()), "a.html").paragraphs == (lede, *rest)


def test_a_blogs_post_title_the_metadata_states_beats_its_description():
    """A blog's <h1> is its name over its description; the post's own title, an <h3> that
    og:title states word for word, is the headline."""
    story = "".join(
        f"<p>{text}</p>"
        for text in (
            "We set up on the sea wall just after ten, with two telescopes and a flask of tea.",
            "The comet climbed out of the haze after midnight, its tail as long as a hand held out.",
            "By two the cold had won, and we packed up with a dozen photographs between us.",
        )
    )
    page = (
        "<html><head><meta property='og:title' content='A long night with the comet'></head>"
        "<body><header><h1>Port Alder Skywatch</h1><p>Backyard astronomy from a damp corner of"
        " the coast</p></header><h2>Sunday, October 9, 2016</h2>"
        f"<div class='post'><h3>A long night with the comet</h3>{story}</div></body></html>"
    )
    assert (
        article_from(html_document(page.encode()), "a.html").title == "A long night with the comet"
    )


def test_the_stated_title_in_a_ticker_is_no_headline():
    """Without an <h1>, a line that is the metadata's title stands for the headline only in a
    headline's place (a byline, a date or prose below it), not in a ticker of other lines."""
    stated = "Harbour wall repairs approved after two years of debate"
    shown = "Harbour wall repairs approved after long debate"
    ticker = "".join(
        f"<li>{item}</li>" for item in (stated, "School keeps four-day week", "Coast road shut")
    )
    story = "".join(
        f"<p>Paragraph {word} of the story tells of the council's vote on the harbour wall at"
        " length, with enough words to read as prose.</p>"
        for word in ("one", "two", "three", "four", "five")
    )
    page = (
        f"<html><head><meta property='og:title' content='{stated}'></head><body><main>"
        f"<div class='ticker'><span>Trending</span><ul>{ticker}</ul></div><article>"
        f"<h2>{shown}</h2><div><span>By Tomas Brandt</span> <time>April 12, 2023</time></div>"
        f"{story}</article></main></body></html>"
    )
    assert article_from(html_document(page.encode()), "a.html").title == shown


def test_boxes_inside_the_article_element_stay_out_of_its_text():
    """A toolbar's buttons, a poll, an author's card and a newsletter box inside <article>:
    none of it is the story, though the element's lists and paragraphs otherwise are."""
    paragraphs = [
        f"Paragraph {word} of the story tells of the council's vote on the harbour wall at length,"
        " with enough words in it to read as prose to anyone."
        for word in ("one", "two", "three", "four", "five", "six")
    ]
    page = (
        "<html><head><meta property='og:title' content='Harbour wall repairs approved'></head>"
        "<body><article><h1>Harbour wall repairs approved</h1>"
        "<div><span>By Tomas Brandt</span> <time>April 12, 2023</time></div>"
        f"<p>{paragraphs[0]}</p><p>{paragraphs[1]}</p>"
        "<ul class='toolbar'><li><button>Listen to this story</button></li>"
        "<li><button>Save for later</button></li></ul>"
        f"<p>{paragraphs[2]}</p><p>{paragraphs[3]}</p>"
        "<div class='poll'><h3>Should the town pay for the wall?</h3><ul><li>Yes, it cannot wait"
        "</li><li>Not sure yet</li></ul></div>"
        f"<p>{paragraphs[4]}</p><p>{paragraphs[5]}</p>"
        "<div class='author-card'><h3>About Tomas Brandt</h3><p>Tomas Brandt has reported on the"
        " council, the courts and the harbour for the Courier since 2012, after ten years at a"
        " regional paper in the north.</p></div>"
        "<div class='nl-box'><h3>The Morning Tide</h3><p>Every weekday morning our editors pick the"
        " stories from the coast and the islands that you should not miss, with the weather and"
        " the tide tables.</p><button>Sign up</button></div></article></body></html>"
    )
    assert article_from(html_document(page.encode()), "a.html").paragraphs == tuple(paragraphs)
