"""Scraper JSON: news-please, newspaper4k, trafilatura and this project's own export."""

import json
from pathlib import Path

from newsreader.inputs.documents import read_documents
from newsreader.inputs.evidence import article_from
from newsreader.model import Article
from newsreader.parse.page import split_lines

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def only(name: str, data: bytes):
    (document,) = read_documents(name, data)
    return document


def test_a_news_please_record():
    document = only("ferry.json", (INPUTS / "newsplease.json").read_bytes())
    assert document.key == "https://isles.example/news/island-ferry-resumes"
    assert document.title == "Island ferry to resume in April"
    assert document.authors == ("Mara Quint",)
    assert document.published == "2024-02-01"
    assert (document.site, document.language) == ("isles.example", "en")
    assert document.body == (
        "The island ferry will resume its summer timetable in April, the operator said on Thursday.",
        "Tickets go on sale next week, with a discount for residents of the islands.",
    )


def test_a_newspaper4k_record():
    document = only("library.json", (INPUTS / "newspaper4k.json").read_bytes())
    assert document.title == "Library opens late on Fridays"
    assert document.authors == ("Odile Brandt", "Ken Ashby")
    assert document.published == "2024-01-19"  # as written, not moved to UTC
    assert (document.site, document.language) == ("town.example", "de")
    assert len(document.body) == 2 and document.body[1].startswith("The council said")


def test_a_trafilatura_record_with_authors_in_one_string():
    data = json.dumps(
        {
            "title": "T",
            "author": "Ann Lee; Bo Park",
            "date": "2023-05-06",
            "hostname": "t.example",
            "text": "One.\nTwo.",
        }
    ).encode()
    document = only("t.json", data)
    assert document.authors == ("Ann Lee", "Bo Park") and document.body == ("One.", "Two.")


def test_the_projects_own_export_reads_back_as_the_same_record():
    original = Article(
        id="003_0123456789abcdef",
        path="/news/003_0123456789abcdef.txt",
        title="Headline",
        number=3,
        hash="0123456789abcdef",
        section="World",
        authors=("A Writer",),
        published="2024-01-02",
        credits=("Photo: A Photographer/Example Wire",),
        paragraphs=("First paragraph.", "Second paragraph."),
        words=4,
        language="en",
        url="https://e.example/x",
        site="E",
    )
    line = json.dumps(original.to_dict()).encode() + b"\n"
    (document,) = read_documents("export.jsonl", line + b"\n")
    assert document.key == "003_0123456789abcdef"
    record = article_from(document, "export.jsonl")
    fields = ("title", "section", "authors", "published", "credits", "paragraphs", "words", "url")
    for field in fields:
        assert getattr(record, field) == getattr(original, field), field
    # with no section and the reader's tags (export adds them): the tags are no section
    tagged = {**original.to_dict(), "section": None, "tags": ["otters"], "read": True}
    (document,) = read_documents("export.jsonl", json.dumps(tagged).encode() + b"\n")
    assert article_from(document, "export.jsonl").section is None
    scraped = {"title": "T", "text": "Body.", "section": None, "categories": ["World"]}
    (document,) = read_documents("s.json", json.dumps(scraped).encode())
    assert document.section == "World"  # a scraper's categories still name it


def test_a_record_that_names_no_language_is_told_its_language_as_text_is():
    english = "The council said on Monday that the new bridge would not be ready before summer."
    chinese = "北京市政府星期二宣布了一项新的交通计划，旨在减少市中心的交通拥堵。"
    records = [{"title": "Bridge", "maintext": english}, {"title": "交通", "maintext": chinese}]
    data = "".join(json.dumps(record) + "\n" for record in records).encode()
    first, second = (
        article_from(document, "r.jsonl") for document in read_documents("r.jsonl", data)
    )
    assert (first.language, first.words) == ("en", 15)
    assert second.language == "zh"
    assert second.words == split_lines(chinese)[0].words > 20  # by ideographs, as the parser counts


def test_a_json_list_and_a_list_cut_short():
    items = [{"title": f"Item {n}", "text": f"Body {n}."} for n in range(4)]
    data = json.dumps(items).encode()
    assert [d.title for d in read_documents("l.json", data)] == [f"Item {n}" for n in range(4)]
    cut = list(read_documents("l.json", data[: data.index(b"Item 3") - 5]))
    assert [d.title for d in cut] == ["Item 0", "Item 1", "Item 2"]
    assert cut[-1].warnings == ("the JSON list is cut short; read the records before the cut",)


def test_one_bad_record_is_counted_in_the_singular():
    good = {"title": "Good", "text": "Body."}
    listed = read_documents("l.json", json.dumps([good, 7, good]).encode())
    assert [d.warnings for d in listed][-1] == (
        "1 item of the JSON list is not an article record; skipped",
    )
    lines = (json.dumps(good) + "\n[1]\n").encode()
    assert list(read_documents("a.jsonl", lines))[-1].warnings == (
        "1 of 2 lines is not an article record (line 2); skipped",
    )


def test_malformed_json_never_raises():
    for data in (b"{", b"[1, 2, 3]", b'{"no": "article"}', b"\xff\xfe garbage", b"null"):
        documents = list(read_documents("bad.json", data))
        assert len(documents) == 1 and documents[0].text == "" and documents[0].warnings


def test_jsonl_keeps_every_good_line_and_warns_once():
    data = (
        b'{"title": "One", "maintext": "Body one."}\n'
        b"{broken\n"
        b"[1]\n"
        b'{"title": "Two", "maintext": "Body two."}\n'
        b'{"title": "Three", "maintext": "Body'
    )
    documents = list(read_documents("a.jsonl", data))
    assert [d.title for d in documents] == ["One", "Two"]
    assert documents[0].warnings == ()
    assert documents[1].warnings == (
        "3 of 5 lines are not article records (the first is line 2); skipped",
    )


def test_a_lone_surrogate_escaped_in_json_becomes_a_replacement_character(cli, tmp_path):
    """``"\\udcff"`` is valid JSON but no Unicode text: the record is read (and indexed,
    listed, exported) with U+FFFD in its place, while an escaped surrogate pair stays the
    character it spells."""
    (tmp_path / "f.jsonl").write_bytes(
        b'{"title": "Harbour \\udcff wall", "maintext": "The harbour wall was repaired.",'
        b' "url": "https://a.example/\\udcff", "authors": ["Ana \\ud800"]}\n'
        b'{"title": "Emoji \\ud83d\\ude00 kept", "maintext": "A real pair stays."}\n'
    )
    first, second = read_documents("f.jsonl", (tmp_path / "f.jsonl").read_bytes())
    assert (first.title, first.url) == ("Harbour \ufffd wall", "https://a.example/\ufffd")
    assert second.title == "Emoji \U0001f600 kept"
    exported = cli("--dir", str(tmp_path), "export")
    assert exported.exit_code == 0
    titles = {json.loads(line)["title"] for line in exported.stdout.splitlines()}
    assert titles == {"Harbour \ufffd wall", "Emoji \U0001f600 kept"}


def test_explain_says_a_records_title_and_text_are_taken_as_stated(cli, tmp_path):
    """A record that states its body is not parsed: --explain names the record's fields as the
    reason, not the parser's scores (a one-line "headline" it never weighed)."""
    (tmp_path / "ferry.json").write_bytes((INPUTS / "newsplease.json").read_bytes())
    lines = cli("--dir", str(tmp_path), "show", "ferry", "--explain").stdout.splitlines()
    assert [line.split("\t")[1:3] for line in lines] == [
        ["title", "the record states it as its title: taken as it is, not parsed"],
        *[["body", "the record states it as its text: taken as it is, not parsed"]] * 2,
    ]
    assert lines[0].endswith("\tIsland ferry to resume in April")


def test_explain_of_a_record_gives_its_lines_as_the_record_holds_them(cli, tmp_path):
    """A record's paragraphs wrapped at 60 columns are taken a line a paragraph; --explain
    must not join the lines as it would a wrapped text dump (the parser never read them)."""
    import textwrap

    sentence = "The ferry will run every hour from May, the council said on Tuesday evening."
    text = [textwrap.fill(" ".join([sentence] * 4), 60) for _ in range(3)]
    record = {"title": "Ferry timetable agreed", "text": text, "date": "2024-03-05"}
    (tmp_path / "ferry.json").write_text(json.dumps(record), encoding="utf-8")
    exported = json.loads(cli("--dir", str(tmp_path), "export").stdout)
    explained = cli("--dir", str(tmp_path), "show", "ferry", "--explain").stdout.splitlines()
    body = [line.split("\t")[3] for line in explained if line.split("\t")[1] == "body"]
    assert body == exported["paragraphs"] and len(body) > 3
