"""Issue #20: a folder mixing every format the readers know lists, shows, greps, searches and
exports as one collection, through the commands (files written here, all made up)."""

import csv
import gzip
import io
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PROSE = (
    "The harbour board met on Tuesday evening and agreed the new timetable after a long "
    "debate about winter crossings, fuel costs and the needs of the island school."
)
PAGE = """<!doctype html><html lang="en"><head><title>{title} | Coast Post</title>
<meta property="og:site_name" content="Coast Post">
<link rel="canonical" href="{url}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1><p>By {author}</p><p>{text}</p>
<p>Passengers were told to check the board's site before travelling in bad weather.</p>
</article><footer>Coast Post, all rights reserved</footer>
<script>document.write("secret script text")</script></body></html>"""


def page(title: str, author: str, date: str, url: str, text: str = PROSE) -> bytes:
    return PAGE.format(title=title, author=author, date=date, url=url, text=text).encode()


def archive(pages: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, body in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buffer.getvalue()


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Gazette</title>
<language>en</language>
<item><title>Bridge reopens after repairs</title><guid>valley-17</guid>
<link>https://valley.example/bridge</link><pubDate>Wed, 17 Jan 2024 10:00:00 GMT</pubDate>
<description>The old stone bridge over the river reopened on Wednesday after six months.</description>
</item>
<item><title>Market moves to the square</title><link>https://valley.example/market</link>
<description>The Saturday market moves to the square from February.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Port News</title><entry><title>Lighthouse opens to visitors</title><id>urn:port:1</id>
<link href="https://port.example/lighthouse"/><updated>2024-02-09T10:00:00Z</updated>
<author><name>Lea Marchand</name></author>
<content type="html">&lt;p&gt;The old lighthouse welcomes visitors again from Friday.&lt;/p&gt;</content>
</entry></feed>"""
NEWSPLEASE = {
    "title": "Island ferry to resume in April",
    "maintext": "The island ferry will resume its summer timetable in April.\nTickets go on sale next week.",
    "authors": ["Mara Quint"],
    "date_publish": "2024-02-01 21:45:00",
    "url": "https://isles.example/ferry",
    "source_domain": "isles.example",
    "language": "en",
}
LINES = [
    {
        "title": "Council votes on budget",
        "maintext": "The council voted on the budget.",
        "url": "https://town.example/budget",
    },
    {
        "title": "Library opens late",
        "maintext": "The library opens late on Thursdays.",
        "url": "https://town.example/library",
    },
]
TEXT_DUMP = (
    "Schools\n\nPupils plant a school orchard\n\nBy Tom Reed\n\n2024-04-02\n\n"
    f"{PROSE}\n\nSource: https://school.example/orchard\n"
)


@pytest.fixture
def mixed(tmp_path):
    """One small file of each format, and two files that are no articles."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "orchard.txt").write_text(TEXT_DUMP)
    (folder / "gzipped.txt.gz").write_bytes(gzip.compress(b"Rain stops play\n\n" + PROSE.encode()))
    (folder / "timetable.html").write_bytes(
        page("New ferry timetable agreed", "Ana Lopes", "2024-03-05", "https://coast.example/ferry")
    )
    (folder / "saved.htm.gz").write_bytes(
        gzip.compress(
            page("Harbour wall repaired", "Ben Ode", "2024-03-06", "https://coast.example/wall")
        )
    )
    (folder / "crawl.warc.gz").write_bytes(
        archive(
            [
                (
                    "https://coast.example/seals",
                    page("Seals return", "Ana Lopes", "2024-03-07", "https://coast.example/seals"),
                ),
                (
                    "https://coast.example/nets",
                    page(
                        "Nets cleared from beach",
                        "Ben Ode",
                        "2024-03-08",
                        "https://coast.example/nets",
                    ),
                ),
            ]
        )
    )
    (folder / "valley.rss").write_text(RSS)
    (folder / "port.xml").write_text(ATOM)
    (folder / "ferry.json").write_text(json.dumps(NEWSPLEASE))
    (folder / "scraped.jsonl").write_text(
        "".join(json.dumps(line) + "\n" for line in LINES) + "{cut"
    )
    (folder / "settings.xml").write_text("<?xml version='1.0'?><settings><a>1</a></settings>")
    (folder / "manifest.json").write_text('{"files": ["a", "b"]}')
    return folder


def test_every_format_lists_as_one_collection(cli, mixed):
    listed = cli("--dir", str(mixed), "list", "--sort", "title")
    ids = [line.split("\t")[0] for line in listed.stdout.splitlines()]
    titles = [line.split("\t")[-1] for line in listed.stdout.splitlines()]
    assert len(ids) == len(set(ids)) == 12
    assert {"orchard", "gzipped", "timetable", "saved", "ferry"} <= set(ids)
    assert sum(found.startswith("crawl#") for found in ids) == 2
    assert sum(found.startswith("valley#") for found in ids) == 2
    assert sum(found.startswith("scraped#") for found in ids) == 2
    assert {
        "New ferry timetable agreed",
        "Nets cleared from beach",
        "Lighthouse opens to visitors",
    } <= set(titles)
    # the cut JSON line is one warning; the two files that are no articles are passed over
    assert "scraped#" in listed.stderr and "not an article record" in listed.stderr
    assert "passed over 2 files that are not articles (1 .json, 1 .xml)" in listed.stderr
    assert cli("--dir", str(mixed), "list").stdout.count("\n") == 12  # read from the index


def test_every_article_shows_by_its_id_and_exports_its_fields(cli, mixed):
    records = [json.loads(line) for line in cli("--dir", str(mixed), "export").stdout.splitlines()]
    assert len(records) == 12
    by_title = {record["title"]: record for record in records}
    timetable = by_title["New ferry timetable agreed"]
    assert timetable["authors"] == ["Ana Lopes"] and timetable["published"] == "2024-03-05"
    assert (timetable["url"], timetable["site"], timetable["language"]) == (
        "https://coast.example/ferry",
        "Coast Post",
        "en",
    )
    assert not any("secret script" in " ".join(record["paragraphs"]) for record in records)
    assert by_title["Island ferry to resume in April"]["site"] == "isles.example"
    assert by_title["Seals return"]["url"] == "https://coast.example/seals"
    assert by_title["Pupils plant a school orchard"]["url"] == "https://school.example/orchard"
    for record in records:
        shown = cli("--dir", str(mixed), "show", "--json", record["id"])
        assert json.loads(shown.stdout) == record
        file, mark, key = record["id"].rpartition("#")
        if mark and len(key) == 10:  # a keyed item: its id shortened, as a hash prefix is
            shortened = cli("--dir", str(mixed), "show", "--json", f"{file}#{key[:5].upper()}")
            assert json.loads(shortened.stdout)["id"] == record["id"]


def test_grep_reads_the_rendered_text_not_the_markup_and_the_index_agrees(cli, mixed):
    grep = cli("--dir", str(mixed), "grep", "-c", "timetable")
    assert grep.stdout == cli("--dir", str(mixed), "grep", "-c", "--full-scan", "timetable").stdout
    assert "timetable:" in grep.stdout and "ferry:" in grep.stdout
    assert cli("--dir", str(mixed), "grep", "document.write").stdout == ""  # a script's text
    assert cli("--dir", str(mixed), "grep", "canonical").stdout == ""  # markup
    hits = cli("--dir", str(mixed), "search", "lighthouse").stdout
    assert hits.startswith("port\t") and "Lighthouse opens to visitors" in hits


def test_export_as_csv_and_markdown(cli, mixed, tmp_path):
    assert cli("--dir", str(mixed), "tag", "orchard", "+farm", "+local").exit_code == 0
    table = list(csv.reader(io.StringIO(cli("--dir", str(mixed), "export", "-f", "csv").stdout)))
    assert {len(row) for row in table} == {len(table[0])}  # every row under its header
    rows = [dict(zip(table[0], row)) for row in table[1:]]
    assert len(rows) == 12 and rows[0].keys() >= {"id", "title", "url", "site", "language", "tags"}
    assert [row["tags"] for row in rows if row["id"] == "orchard"] == ["farm; local"]
    document = cli("--dir", str(mixed), "export", "--format", "md").stdout
    assert document.count("\n---\n") == 11 and "# New ferry timetable agreed\n" in document
    assert "<https://coast.example/ferry>" in document
    out = tmp_path / "notes"
    written = cli("--dir", str(mixed), "export", "--format", "md", "--output-dir", str(out))
    assert written.stderr == f"wrote 12 files to {out}\n"
    assert len(list(out.glob("*.md"))) == 12
    refused = cli("--dir", str(mixed), "export", "-f", "md", "-o", str(mixed / "out"))
    assert refused.exit_code == 2 and not (mixed / "out").exists()
    assert cli("--dir", str(mixed), "export", "-f", "xml").exit_code == 2


def test_show_open_hands_the_address_to_the_browser(mixed, cache_dir, tmp_path):
    env = {
        "BROWSER": f"{sys.executable} -c \"import sys; print('opened', sys.argv[1])\" %s",
        "NEWS_CACHE_DIR": str(cache_dir),
    }
    run = [sys.executable, "-m", "newsreader", "--dir", str(mixed), "show", "--open"]
    opened = subprocess.run([*run, "timetable"], capture_output=True, text=True, env=env)
    assert opened.returncode == 0 and "opened https://coast.example/ferry" in opened.stdout
    none = subprocess.run([*run, "gzipped"], capture_output=True, text=True, env=env)
    assert none.returncode == 2 and "names no web address" in none.stderr


def test_a_container_is_read_again_only_when_it_changed_and_its_ids_stay(cli, mixed):
    before = cli("--dir", str(mixed), "list").stdout.splitlines()
    assert cli("--dir", str(mixed), "index").stdout == (
        "12 articles in 9 files: 0 parsed, 9 unchanged, 0 dropped\n"
    )
    lines = (mixed / "scraped.jsonl").read_text()
    added = {
        "title": "Pier lights fixed",
        "maintext": "The pier lights work again.",
        "url": "https://town.example/pier",
    }
    (mixed / "scraped.jsonl").write_text(json.dumps(added) + "\n" + lines)
    updated = cli("--dir", str(mixed), "index").stdout
    assert updated == "13 articles in 9 files: 1 parsed, 8 unchanged, 0 dropped\n"  # one file read
    after = cli("--dir", str(mixed), "list").stdout.splitlines()
    assert set(before) < set(after) and len(after) == 13


def test_an_old_id_still_shows_its_article_after_items_are_added_before_it(cli, mixed):
    records = map(json.loads, cli("--dir", str(mixed), "export").stdout.splitlines())
    first = next(record for record in records if record["title"] == "Library opens late")
    lines = (mixed / "scraped.jsonl").read_text()
    (mixed / "scraped.jsonl").write_text('{"title": "Added", "maintext": "Added text."}\n' + lines)
    shown = json.loads(cli("--dir", str(mixed), "show", "--json", first["id"]).stdout)
    assert {**shown, "warnings": []} == {**first, "warnings": []}  # the cut line is now line 4


def test_a_key_prefix_names_no_article_of_a_file_whose_name_starts_the_same(cli, tmp_path):
    """``feed#1234`` is a prefix of a key in the file ``feed``, not the start of another file's
    name (``feed#1234 b``, ``feed#1234a``), though their ids sort in the same range."""
    records = [
        {"title": title, "maintext": PROSE, "url": f"https://a.example/{n}"}
        for n, title in enumerate(("Harbour wall repaired", "Ferry back in service", "Gulls"))
    ]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records[:2]))
    first = cli("--dir", str(tmp_path), "list").stdout.split("\t")[0]
    file, _, key = first.rpartition("#")
    assert file == "feed" and len(key) == 10
    other = f"feed#{key[:4]} b.jsonl"
    (tmp_path / other).write_text("".join(json.dumps(r) + "\n" for r in records[1:]))
    (tmp_path / f"feed#{key[:4]}a.txt").write_text(
        "A different single article here\n\nBody of a single file article with enough words.\n"
    )
    assert len(cli("--dir", str(tmp_path), "list").stdout.splitlines()) == 5
    shown = cli("--dir", str(tmp_path), "show", "--json", f"feed#{key[:4]}")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == first


SUFFIXES = [".html", ".htm.gz", ".json", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom", ".txt.gz"]
STARTS = [
    b"",
    b"\x1f\x8b",
    b"WARC/1.0\r\n",
    b'{"title": ',
    b"<rss><channel><item>",
    b"<html><body>",
]


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(st.sampled_from(SUFFIXES), st.sampled_from(STARTS), st.binary(max_size=300)),
        min_size=1,
        max_size=4,
    )
)
def test_any_bytes_in_any_format_list_and_show_without_a_traceback(cli, tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("hostile")
    for number, (suffix, start, data) in enumerate(files):
        (folder / f"f{number}{suffix}").write_bytes(start + data)
    listed = cli("--dir", str(folder), "list")
    assert listed.exit_code == 0 and listed.exception is None, listed
    for line in listed.stdout.splitlines():
        shown = cli("--dir", str(folder), "show", line.split("\t")[0])
        assert shown.exit_code == 0 and shown.exception is None, shown
    assert cli("--dir", str(folder), "export", "-f", "md").exception is None


def test_items_of_two_files_with_the_same_short_id_keep_marks_of_their_own(cli, tmp_path):
    """``"id": 1`` in two files (or a guid ``101`` in two sites' feeds) names two stories: a
    mark on one is not put on the other as an identical copy. A URL names one anywhere."""
    for name, titles in (("day1", ["Budget passed", "Zoo opens"]), ("day2", ["Storm warning"])):
        lines = [
            json.dumps({"id": n, "title": t, "text": f"{t}: the story in a few words."})
            for n, t in enumerate(titles, 1)
        ]
        (tmp_path / f"{name}.jsonl").write_text("\n".join(lines) + "\n")
    listed = cli("--dir", str(tmp_path), "list").stdout
    budget = next(line.split("\t")[0] for line in listed.splitlines() if "Budget" in line)
    marked = cli("--dir", str(tmp_path), "mark", "read", budget).stdout
    assert marked == "1 of 1 article marked read\n"
    assert cli("--dir", str(tmp_path), "list", "--read").stdout.count("\n") == 1
    page = {"url": "https://isles.example/ferry", "title": "Ferry", "text": "The ferry runs."}
    for name in ("a", "b"):  # the same story saved twice: one URL
        (tmp_path / f"{name}.jsonl").write_text(json.dumps({**page, "id": 7}) + "\n")
    assert "and 1 identical copy" in cli("--dir", str(tmp_path), "star", "a").stdout


def test_an_item_with_a_short_id_keeps_its_mark_when_its_text_is_updated(cli, tmp_path):
    """A guid ``valley-17`` with no link names its item within its file: the feed saved again
    with the story updated keeps the item's star."""
    item = "<item><title>{t}</title><guid>{g}</guid><description>{d}</description></item>"
    feed = '<rss version="2.0"><channel><title>Valley</title>{items}</channel></rss>'
    first = item.format(t="Bridge reopens", g="valley-17", d="The bridge reopened today.")
    other = item.format(t="Market moves", g="valley-18", d="The market moves to the square.")
    (tmp_path / "valley.rss").write_text(feed.format(items=first + other))
    listed = cli("--dir", str(tmp_path), "list").stdout
    bridge = next(line.split("\t")[0] for line in listed.splitlines() if "Bridge" in line)
    assert cli("--dir", str(tmp_path), "star", bridge).exit_code == 0
    updated = first.replace("reopened today.", "reopened today after six months of repairs.")
    (tmp_path / "valley.rss").write_text(feed.format(items=updated + other))
    assert cli("--dir", str(tmp_path), "list", "--starred").stdout.endswith("\tBridge reopens\n")


def test_saved_pages_that_show_no_text_do_not_share_their_marks(cli, tmp_path):
    """Pages built by scripts render to no text; each is keyed by its bytes, as a text dump is,
    so a star on one is on no other page, nor on an empty file."""
    for name, script in (("js1", "a()"), ("js2", "b()")):
        (tmp_path / f"{name}.html").write_text(
            f"<html><body><div id=root></div><script>{script}</script></body></html>"
        )
    (tmp_path / "empty.txt").write_text("")
    assert cli("--dir", str(tmp_path), "star", "js1").stdout == "1 of 1 article starred\n"
    assert cli("--dir", str(tmp_path), "list", "--starred").stdout.startswith("js1\t")


def test_a_records_mark_stays_when_its_file_gains_a_second_record(cli, tmp_path):
    """A JSON file of one record is keyed as each record of a list is, by what names it: when
    the scraper saves the list again with a new story, the first keeps its star."""
    first = {
        "title": "Ferry to resume",
        "text": "The ferry will resume.",
        "url": "https://i.example/f",
    }
    second = {
        "title": "Fares cut",
        "text": "Fares are cut by a tenth.",
        "url": "https://i.example/g",
    }
    (tmp_path / "one.json").write_text(json.dumps(first))
    assert cli("--dir", str(tmp_path), "star", "one").exit_code == 0
    (tmp_path / "one.json").write_text(json.dumps([first, second]))
    starred = cli("--dir", str(tmp_path), "list", "--starred").stdout
    assert starred.count("\n") == 1 and "Ferry to resume" in starred


def test_an_item_of_a_feed_keeps_its_read_mark_when_the_feed_is_saved_again(cli, tmp_path):
    """The reader's marks hang on an item's own key (its guid or link), not on the file."""
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "valley.rss").write_text(RSS)
    ids = [line.split("\t")[0] for line in cli("--dir", str(folder), "list").stdout.splitlines()]
    bridge = next(
        i
        for i in ids
        if "Bridge" in cli("--dir", str(folder), "show", "--json", "--keep-unread", i).stdout
    )
    assert cli("--dir", str(folder), "mark", "read", bridge).exit_code == 0
    extra = "<item><title>Ferry fares rise</title><guid>valley-18</guid>"
    extra += "<description>Ferry fares rise by a tenth from March.</description></item>"
    edited = RSS.replace("after six months", "after six months of work")  # the item, updated
    (folder / "valley.rss").write_text(edited.replace("<item>", extra + "<item>", 1))
    unread = cli("--dir", str(folder), "list", "--unread").stdout
    assert "Ferry fares rise" in unread and "Market moves" in unread
    assert "Bridge reopens" not in unread
