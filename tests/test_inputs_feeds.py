"""Feeds: each RSS item or Atom entry is a document; a summary-only item is marked as such."""

from pathlib import Path

from newsreader.inputs.documents import read_documents
from newsreader.inputs.evidence import article_from

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def test_rss_items_with_content_and_with_a_summary_only():
    full, summary = read_documents("valley.rss", (INPUTS / "feed.rss").read_bytes())
    assert full.key == "valley-2024-0117" and full.url == "https://valley.example/bridge-reopens"
    assert full.title == "Bridge reopens after repairs"
    assert full.authors == ("Ines Moreau",)
    assert full.published == "2024-01-17"  # as written: 23:40 at -05:00 is the 18th in UTC
    assert (full.section, full.site, full.language) == ("Local", "Valley Gazette", "en")
    assert full.body == (
        "The old stone bridge over the river reopened on Wednesday after six months of repairs.",
        "Traffic lights will control the single lane until the spring.",
    )
    assert not full.summary_only
    assert summary.key == "https://valley.example/market-square" and summary.summary_only
    assert summary.body == ("The Saturday market moves to the square from February.",)


def test_atom_entries():
    entry, note = read_documents("port.atom", (INPUTS / "feed.atom").read_bytes())
    assert (entry.key, entry.title, entry.authors) == (
        "urn:port:phare",
        "Le phare rouvre ses portes",
        ("Léa Marchand",),
    )
    assert entry.published == "2024-02-09" and entry.language == "fr"
    assert entry.body == (
        "Le vieux phare accueille de nouveau les visiteurs.",
        "La visite dure une heure.",
    )
    assert note.summary_only and note.published == "2024-02-08"


def test_an_xml_file_that_is_a_feed_is_read_as_one():
    documents = list(read_documents("feed.xml", (INPUTS / "feed.rss").read_bytes()))
    assert len(documents) == 2 and documents[0].body


def test_an_item_becomes_a_record_with_its_stated_body():
    full, _ = read_documents("valley.rss", (INPUTS / "feed.rss").read_bytes())
    record = article_from(full, "valley.rss")
    assert record.title == full.title and record.paragraphs == full.body
    assert record.url == "https://valley.example/bridge-reopens"


def test_a_malformed_feed_keeps_what_could_be_read_with_one_warning():
    data = (INPUTS / "feed.rss").read_bytes()
    cut = data[: data.index(b"<item>", data.index(b"</item>"))] + b"<item><title>Half"
    documents = list(read_documents("cut.rss", cut))
    assert documents[0].title == "Bridge reopens after repairs"
    warned = [w for d in documents for w in d.warnings]
    assert len(warned) == 1 and "not well-formed" in warned[0]


def test_an_rss_author_as_address_and_name_gives_the_name():
    """``jo@valley.example (Jo Bell)``, RSS's usual form, is the name; an address alone is
    no writer (feedparser cut such names after a domain of more than four letters)."""
    items = "".join(
        f"<item><title>Story {n}</title><author>{author}</author>"
        f"<description>The story in a sentence.</description></item>"
        for n, author in enumerate(
            ["jo@valley.example (Jo Bell)", "desk@kyiv.media (Ann Lee)", "jo@v.com", "Jo Bell"]
        )
    )
    feed = f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
    assert [d.authors for d in read_documents("t.rss", feed)] == [
        ("Jo Bell",),
        ("Ann Lee",),
        (),
        ("Jo Bell",),
    ]


def test_an_html_title_is_text_and_a_guid_that_is_no_url_is_no_link():
    """An Atom title of type html is markup, read as text; an RSS guid taken for the link
    (``isPermaLink`` by default) or an Atom id is no URL to open."""
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>P</title>'
        b'<entry><title type="html">Rates rise &amp;amp; markets &lt;em&gt;fall&lt;/em&gt;</title>'
        b'<id>urn:t:1</id><content type="html">&lt;p&gt;Text here.&lt;/p&gt;</content></entry></feed>'
    )
    (entry,) = read_documents("p.atom", atom)
    assert (entry.title, entry.url, entry.key) == ("Rates rise & markets fall", None, "urn:t:1")
    rss = (
        b'<rss version="2.0"><channel><title>Tide &amp;amp; Time</title><item><title>Hill</title>'
        b"<guid>hill-2</guid><description>The hill story.</description></item></channel></rss>"
    )
    (item,) = read_documents("t.rss", rss)
    assert (item.key, item.url, item.site) == ("hill-2", None, "Tide & Time")


def test_a_figure_in_an_items_content_is_no_paragraph():
    """A picture's caption and credit inside ``content:encoded`` are the page's figure, never
    the story's text (the page reader leaves figures out of the body too)."""
    content = (
        "&lt;p&gt;The hill path reopens on Monday after the storm.&lt;/p&gt;"
        "&lt;figure&gt;&lt;img src='hill.jpg'&gt;&lt;figcaption&gt;The hill. Photo: Ann Lee"
        "&lt;/figcaption&gt;&lt;/figure&gt;&lt;p&gt;Walkers are asked to keep to it.&lt;/p&gt;"
    )
    feed = (
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>T</title><item><title>Hill path reopens</title><content:encoded>{content}"
        "</content:encoded></item></channel></rss>"
    ).encode()
    (item,) = read_documents("t.rss", feed)
    assert item.body == (
        "The hill path reopens on Monday after the storm.",
        "Walkers are asked to keep to it.",
    )
