"""Web archives: each HTML response is a document keyed by its target URI."""

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsreader.inputs.documents import read_documents

PAGE = (
    "<html lang='en'><head><title>{title}</title></head>"
    "<body><h1>{title}</h1><p>{text}</p></body></html>"
)


def archive(gzipped: bool, pages: list[tuple]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for uri, body, content_type, status in pages:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


PAGES = [
    (
        "https://a.example/one",
        PAGE.format(title="One", text="First page.").encode(),
        "text/html",
        "200 OK",
    ),
    ("https://a.example/logo.png", b"\x89PNG\r\n", "image/png", "200 OK"),
    ("https://a.example/gone", b"<p>Not here</p>", "text/html", "404 Not Found"),
    (
        "https://a.example/two",
        PAGE.format(title="Deux", text="\u00e9t\u00e9 \u00e0 Paris").encode("latin-1"),
        "text/html; charset=ISO-8859-1",
        "200 OK",
    ),
]


@pytest.mark.parametrize("gzipped,name", [(True, "a.warc.gz"), (False, "a.warc")])
def test_html_responses_are_documents(gzipped, name):
    documents = list(read_documents(name, archive(gzipped, PAGES)))
    assert [d.key for d in documents] == ["https://a.example/one", "https://a.example/two"]
    assert documents[0].text == "One\n\nFirst page.\n" and documents[0].url == documents[0].key
    assert documents[0].title == "One" and documents[0].language == "en"
    assert documents[1].text == "Deux\n\n\u00e9t\u00e9 \u00e0 Paris\n"  # the HTTP charset
    assert not any(d.warnings for d in documents)


def test_a_warc_gz_named_plainly_is_still_read():
    documents = list(read_documents("a.warc", archive(True, PAGES)))
    assert [d.key for d in documents] == ["https://a.example/one", "https://a.example/two"]


@pytest.mark.parametrize("gzipped,name", [(True, "a.warc.gz"), (False, "a.warc")])
def test_an_archive_cut_short_keeps_the_pages_before_with_one_warning(gzipped, name):
    data = archive(gzipped, PAGES)
    documents = list(read_documents(name, data[: len(data) - 40]))
    assert [d.key for d in documents] == ["https://a.example/one"]  # the cut page is left out
    assert documents[0].text == "One\n\nFirst page.\n"
    assert len(documents[0].warnings) == 1 and "cut short" in documents[0].warnings[0]


def test_garbage_or_an_archive_without_pages_says_so():
    for data in (b"this is not a web archive at all", archive(False, PAGES[1:3])):
        (document,) = read_documents("x.warc", data)
        assert document.text == "" and "no HTML pages" in document.warnings[0]
