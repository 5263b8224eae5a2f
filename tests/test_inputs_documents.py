"""Which reader reads a file, containers' keys and warnings, gzip, streaming, lazy imports."""

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.inputs.documents import (
    DOCUMENT_CAP,
    Document,
    format_of,
    read_documents,
    reads_as_documents,
)
from newsreader.inputs.evidence import article_from

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def read(name: str, data: bytes) -> list[Document]:
    return list(read_documents(name, data))


def test_the_name_says_the_format():
    assert [
        format_of(name)
        for name in (
            "a.html",
            "A.HTM",
            "a.xhtml.gz",
            "a.json",
            "a.jsonl.gz",
            "a.warc.gz",
            "a.rss",
            "a.atom",
            "a.xml",
            "a.txt",
            "a.txt.gz",
            "noext",
        )
    ] == [
        "html",
        "html",
        "html",
        "json",
        "jsonl",
        "warc",
        "feed",
        "feed",
        "feed",
        "text",
        "text",
        "text",
    ]
    assert reads_as_documents("a.html") and reads_as_documents("a.txt.gz")
    assert not reads_as_documents("000_ab421d6d9d13d5bb.txt") and not reads_as_documents("notes")


def test_a_text_dump_is_one_document_of_its_decoded_text():
    (document,) = read("000_x.txt", "Headline\n\nBody caf\u00e9.\n".encode())
    assert document == Document("", "Headline\n\nBody caf\u00e9.\n")
    (guessed,) = read("x.txt", "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".encode("latin-1"))
    assert guessed.warnings and "\ufffd" not in guessed.text


def test_an_xml_file_that_is_no_feed_is_read_as_text():
    (document,) = read("data.xml", b"<?xml version='1.0'?><config><a>1</a></config>")
    assert document.text.startswith("<?xml") and document.body is None


@pytest.mark.parametrize("name", ["page.html", "feed.rss", "feed.atom", "newsplease.json"])
def test_every_format_reads_the_same_gzipped(name):
    data = (INPUTS / name).read_bytes()
    assert read(name + ".gz", gzip.compress(data)) == read(name, data)


def test_a_text_dump_may_be_gzipped_in_several_members():
    data = gzip.compress(b"Headline\n\n") + gzip.compress(b"Body line.\n")
    assert read("a.txt.gz", data) == [Document("", "Headline\n\nBody line.\n")]


def test_a_cut_gzip_stream_keeps_what_came_before_with_one_warning():
    lines = b"".join(
        json.dumps({"title": f"Story {n}", "text": "A line of text."}).encode() + b"\n"
        for n in range(200)
    )
    packed = gzip.compress(lines)
    documents = read("a.jsonl.gz", packed[: len(packed) * 3 // 4])
    assert 0 < len(documents) < 200
    assert [d.title for d in documents] == [f"Story {n}" for n in range(len(documents))]
    assert [w for d in documents for w in d.warnings] == [
        "gzip stream cut short; read what it held"
    ]
    assert documents[-1].warnings


def test_a_file_named_gz_that_is_not_gzip_is_read_as_it_is():
    (document,) = read("a.txt.gz", b"Plain text\n")
    assert document.text == "Plain text\n" and "not gzipped" in document.warnings[0]


def test_a_gzip_bomb_is_read_up_to_the_cap():
    (document,) = read("a.txt.gz", gzip.compress(b"a" * (DOCUMENT_CAP + 1000)))
    assert len(document.text) == DOCUMENT_CAP and "only the start" in document.warnings[0]


def test_container_keys_are_the_items_own_else_positions_and_never_repeat():
    lines = [
        {"title": "A", "text": "x", "url": "https://e.example/a"},
        {"title": "B", "text": "x"},
        {"title": "C", "text": "x", "url": "https://e.example/a"},
        {"title": "D", "text": "x", "id": "007_0123456789abcdef"},
    ]
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    keys = [d.key for d in read("a.jsonl", data)]
    assert keys == ["https://e.example/a", "#2", "https://e.example/a#3", "007_0123456789abcdef"]
    assert keys == [d.key for d in read("a.jsonl", data)]  # stable


def test_an_empty_or_worthless_container_says_why_in_one_document():
    (empty,) = read("a.jsonl", b"not json\nnor this\n")
    assert empty.text == "" and len(empty.warnings) == 1 and "2 of 2 lines" in empty.warnings[0]
    assert read("b.jsonl", b"") == []


def test_containers_are_read_as_a_stream():
    """Records come out before the stream is read to its end: a huge file is never held whole."""

    class Endless(io.RawIOBase):
        def __init__(self):
            self.served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            line = json.dumps({"title": f"T{self.served}", "text": "body"}).encode() + b"\n"
            self.served += 1
            buffer[: len(line)] = line
            return len(line)

    source = Endless()
    documents = read_documents("huge.jsonl", io.BufferedReader(source, buffer_size=256))
    first = [next(documents).title for _ in range(5)]
    assert first == ["T0", "T1", "T2", "T3", "T4"] and source.served < 100


def test_an_open_file_reads_as_its_bytes(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_bytes((INPUTS / "feed.rss").read_bytes())
    with open(path, "rb") as handle:
        assert list(read_documents("feed.rss", handle)) == read("feed.rss", path.read_bytes())


def test_stated_bodies_are_kept_as_stated():
    (document,) = read("newsplease.json", (INPUTS / "newsplease.json").read_bytes())
    record = article_from(document, "newsplease.json")
    assert record.paragraphs == document.body and record.title == document.title
    assert record.words == sum(len(p.split()) for p in document.body)


def test_reading_text_loads_no_other_reader():
    code = (
        "import sys\n"
        "from newsreader.inputs.documents import read_documents\n"
        "from newsreader.inputs.evidence import article_from\n"
        "[article_from(d, 'a.txt') for d in read_documents('a.txt', b'Title\\n\\nBody.\\n')]\n"
        "print(sorted(m for m in ('selectolax', 'warcio', 'feedparser') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
