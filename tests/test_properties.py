"""Hypothesis properties: the parser never raises, loses nothing, is deterministic, round-trips."""

import json
import re
import textwrap

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsreader.model import ROLES, Article, Text
from newsreader.parse import explain_lines, parse_article
from newsreader.parse.decode import decode_bytes
from newsreader.parse.wrapped import wrapped_rows

NEWSY_LINES = st.sampled_from(
    [
        "Politics",
        "By Jane Doe and John Roe",
        "Published 18 March 2025",
        "Photos: A B/Getty Images",
        "podpis zdjęcia",
        "Advertisement",
        "More In Politics MORE...",
        "Share",
        "3 hours ago",
        "A headline that looks like a headline for once",
        "A sentence of body text that goes on for long enough to look like prose in an article.",
        "A sentence\u00a0of body text\twith odd  spaces that goes on long enough to be prose\u2028in an article.",
        "[bold]markup[/bold] and \x1b[31mescapes\x1b[0m",
        "",
        " ",
        "\t",
    ]
)
NEWSY_TEXT = st.lists(st.one_of(NEWSY_LINES, st.text(max_size=80)), max_size=40).map("\n".join)
ANY_BYTES = st.one_of(
    st.binary(max_size=2000), NEWSY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))
)


def assert_each_line_is_in_one_role(text, roles):
    """Each non-blank line of ``text`` is in exactly one role, in order: its own, or, in a file
    wrapped at a fixed width, the role of the paragraph it was joined into, numbered as the
    paragraph's first line and holding every character of its lines but the spaces."""
    lines = text.split("\n")
    if wrapped_rows(lines) is None:
        assert [role.text for role in roles] == [line.strip() for line in lines if line.strip()]
        return
    first = next(n for n, line in enumerate(lines, 1) if line.strip())  # wrapped: it has lines
    assert roles and roles[0].number == first  # and each role covers the lines to the next
    ends = [role.number for role in roles[1:]] + [len(lines) + 1]
    assert [role.number for role in roles] == sorted({role.number for role in roles})
    assert all(lines[role.number - 1].strip() for role in roles)
    for role, end in zip(roles, ends):
        pieces = [line.strip() for line in lines[role.number - 1 : end - 1] if line.strip()]
        assert role.text.startswith(pieces[0])
        assert "".join(role.text.split()) == "".join("".join(pieces).split())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_BYTES)
def test_any_bytes_give_a_record_and_parsing_is_deterministic(data):
    first = parse_article(data, "001_0123456789abcdef.txt")
    assert isinstance(first, Article)
    assert parse_article(data, "001_0123456789abcdef.txt") == first


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_BYTES)
@example(b"\n".join(b"\x01" * n for n in (20, 40, 20, 20, 36, 1)))  # read as wrapped
@example(b"Politics\nPoliticsCouncil votes to close the bridge\nThe council voted on it.")
@example(
    textwrap.fill(
        " ".join(["A storm kept the boats in for a third day and the ferry"] * 9), 60
    ).encode()
)
def test_nothing_is_lost_every_line_has_exactly_one_role(data):
    text, _ = decode_bytes(data)
    roles = explain_lines(data)
    assert_each_line_is_in_one_role(text, roles)
    assert all(role.role in ROLES and role.reason for role in roles)
    article = parse_article(data, "x.txt")
    assert list(article.paragraphs) == [role.text for role in roles if role.role == "body"]
    assert article.words == sum(len(paragraph.split()) for paragraph in article.paragraphs)
    titles = [role.text for role in roles if role.role == "title"]
    assert len(titles) == (1 if article.title else 0)
    # the headline line less what is glued to it (a kicker run into it, a tool tail, quotes)
    assert not titles or " ".join(article.title.split()) in " ".join(titles[0].split())


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_BYTES, ANY_BYTES)
def test_a_folders_furniture_loses_nothing_either(data, other):
    """With keys its folder shares (here: every line of ``other``, held by three files, and the
    file's own, held by two), a file still parses, deterministically, each line with one role."""
    from newsreader.parse.furniture import file_keys, shared_keys

    shared = shared_keys([file_keys(data)] * 2 + [file_keys(other)] * 3)
    text, _ = decode_bytes(data)
    roles = explain_lines(data, shared)
    assert_each_line_is_in_one_role(text, roles)
    article = parse_article(data, "x.txt", shared=shared)
    assert article == parse_article(data, "x.txt", shared=shared)
    assert list(article.paragraphs) == [role.text for role in roles if role.role == "body"]
    # the keys the index counted, handed to the parse, find the very lines hashing finds
    assert parse_article(data, "x.txt", shared=shared, keys=file_keys(data)) == article
    parse_article(data, "x.txt", shared=shared, keys=file_keys(other))  # stale keys: no error


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_BYTES)
def test_export_json_round_trips(data):
    article = parse_article(data, "001_0123456789abcdef.txt")
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


@settings(max_examples=300)
@given(st.one_of(NEWSY_TEXT, st.text()), st.sets(st.text(max_size=6), max_size=5))
def test_the_grep_vocabulary_misses_no_word(text, known):
    """The index's word list (which widens greps for in-word fragments) gets every word grep could see."""
    from newsreader.index.vocabulary import terms
    from newsreader.model import WORD

    assert terms(text.lower(), known) == set(WORD.findall(text.lower())) - known


@settings(max_examples=300)
@given(st.one_of(NEWSY_TEXT, st.text()), st.one_of(NEWSY_LINES, st.text(max_size=80)))
def test_a_headlines_words_are_looked_up_in_the_body_as_whole_words(body, headline):
    """The headline feature finds a word in the body exactly when the body's own word list holds it
    (including a word that only stands inside a longer one there, "state" in "statement", again
    and again; and in a long opening, whose words are collected at once)."""
    from newsreader.parse.features import Opening, content_words

    inside = " ".join(f"{word}s" for word in content_words(headline))
    for text in (
        body,
        f"{headline} {body}s",
        f"x{body}{headline}_",
        f"{body} ({headline})",
        f"{inside} " * 9 + body,
        f"{inside} " * 9 + f"({headline})",
        "z" * 8001 + f" {body} {headline}",
    ):
        for word in content_words(headline):
            assert (word in Opening(text)) == (word in content_words(text))


@given(
    st.one_of(
        st.text(alphabet=st.characters(max_codepoint=127)),
        st.text(alphabet="aZ9_ ,.-’‘“”—–…\u00a0é中\u2028\t"),
        NEWSY_LINES,
        st.text(),
    )
)
def test_line_words_are_the_word_pattern_runs(text):
    """The fast split of a line's words gives exactly what the word pattern finds, and the
    spaced bytes it gives with them (where their initials are counted) hold the same words."""
    from newsreader.parse.features import _TOKEN, _tokens

    words, spaced = _tokens(text, text.encode("utf-8", "replace"))
    assert words == _TOKEN.findall(text)
    assert spaced.decode("utf-8").split() == words


@settings(max_examples=200)
@given(
    st.lists(
        st.one_of(
            NEWSY_LINES,
            st.text(alphabet="aZé ß,.\t\u00a0\u2028", max_size=80),
            st.text(max_size=80),
        ),
        max_size=8,
    ),
    st.sampled_from(["  ", "\t", " \u00a0", "\u2003", "\x1f"]),
)
def test_furniture_keys_ignore_spacing_and_case(lines, gap):
    """Lines that differ only in their spacing (and ASCII lines in their case) share furniture keys."""
    from newsreader.parse.furniture import line_keys

    stripped = [line.strip() for line in lines if line.strip()]
    variants = [
        gap.join(line.swapcase().split() if line.isascii() else line.split()) for line in stripped
    ]
    assert line_keys(variants) == line_keys(stripped)


@settings(max_examples=200)
@given(
    st.lists(
        st.builds(
            Article,
            id=st.text(),
            path=st.just(""),
            title=st.text(),
            section=st.one_of(st.none(), st.text()),
            published=st.one_of(st.none(), st.text()),
            words=st.integers(min_value=0),
        ),
        max_size=4,
    )
)
def test_a_plain_listing_prints_one_clean_line_of_five_fields_per_article(articles):
    """Whatever the fields hold (tabs, newlines, escape sequences, the packing's own separator),
    each article is one line of five tab-separated fields: the id as shown_id prints it (which
    `show` reads back), the others as clean_field shows them."""
    import io

    from newsreader.model import Listing, Summaries, shown_id
    from newsreader.render.clean import clean_field
    from newsreader.render.plain import PlainPrinter

    out = io.StringIO()
    PlainPrinter(out).listing(
        Listing(Summaries([Summaries.pack(a).encode() for a in articles]), len(articles))
    )
    lines = out.getvalue().split("\n")
    assert lines.pop() == "" and len(lines) == len(articles)
    for line, article in zip(lines, articles):
        fields = (
            shown_id(article.id),
            article.published or "",
            article.section or "",
            str(article.words),
            article.title,
        )
        assert line.split("\t") == [clean_field(field.replace("\x1f", "")) for field in fields]


GREP_PATTERNS = [
    r"\b\w+ly\b",
    "the",
    "The",
    "(?i)the",
    "a(?i:BC)d",
    "Black|Red",
    r"fire\b",
    "x?yz",
    r"\d+",
    "^Ce",
    "e$",
]
GREP_WORDS = [
    "the",
    "The",
    "THE",
    "Black",
    "red",
    "Red",
    "fire",
    "fires",
    "xyz",
    "yz",
    "aBCd",
    "abcd",
    "ABCD",
    "quickly",
    "fly",
    "12",
    "Ce",
    "e",
    "x",
]
PARAGRAPHS = st.lists(st.sampled_from(GREP_WORDS), max_size=8).map(" ".join)


GREP_PATTERNS += [
    r"x*",
    r"(?<!\w)(?:fire)(?!\w)",
    r"\bred\b",
    r"e\s",
    r"[^a]e",
    r"y.",
    r"(?s)y.",
    r"\Bly",
]
LINES = st.one_of(
    PARAGRAPHS, st.text(max_size=20).filter(lambda text: "\n" not in text)
)  # paragraphs are lines


@settings(max_examples=300)
@given(
    st.sampled_from(GREP_PATTERNS),
    st.sampled_from(["lines", "count", "files"]),
    st.sampled_from(["all", "title", "body"]),
    st.lists(LINES, max_size=6),
)
def test_grep_shortcuts_change_no_result(pattern, mode, field, paragraphs):
    """Skipping paragraphs without the pattern's literals changes no result, in any mode or field."""
    import re

    from newsreader.search.matcher import GrepQuery, make_query

    regex = re.compile(pattern)
    text = Text("a", "a", None, paragraphs[0] if paragraphs else "", "\n".join(paragraphs[1:]))
    assert make_query(regex, field, 0, mode).hits(text) == GrepQuery(regex, field, 0, mode).hits(
        text
    )


@settings(max_examples=300, deadline=None)  # the first example builds the letters' table
@given(st.one_of(st.text(), NEWSY_TEXT, st.text(alphabet="a \u0301\ue000\u0378’€😀\U0001f979İıΣς")))
def test_the_never_ruled_out_check_reads_every_character(text):
    """The index's check for characters it reads unlike grep (done on UTF-8 bytes, for speed)
    says what looking at every character of the text says."""
    import unicodedata

    from newsreader.index.letters import ask
    from newsreader.index.vocabulary import non_ascii

    letters = ask()
    assert non_ascii(text) == {character for character in text if not character.isascii()}
    expected = any(
        character in letters.unsafe or unicodedata.category(character) in ("Cn", "Co")
        for character in text
        if not character.isascii()
    )
    assert letters.rule_out_never(non_ascii(text)) == expected


# Letters that case folding, the tokenizer or both treat specially, among ordinary ones, and
# characters that join or split words differently for the two.
TRICKY_LETTERS = "aiIsSkKİıſΣσςµμϐβϿϳᎠꭰẞßǅǆﬅ"
TRICKY_WORDS = st.text(alphabet=TRICKY_LETTERS + "\u0301\ue000", min_size=3, max_size=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(TRICKY_WORDS, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=3),
    st.data(),
)
def test_indexed_grep_finds_what_a_full_scan_finds(bodies, data):
    """Issue #21.1: whatever letters the articles and the pattern hold, the index never rules
    out an article the regex matches, with or without -i, -F, -w."""
    import tempfile
    from pathlib import Path

    from conftest import mock_environment

    from newsreader.cli import main

    word = data.draw(st.sampled_from(" ".join(bodies).split()))
    start = data.draw(st.integers(0, len(word) - 3))
    piece = word[start : start + data.draw(st.integers(3, 8))]
    lookalike = piece.translate(str.maketrans("İıſẞꭰϳ", "iisSᎠϿ"))  # what -i pairs them with
    pattern = data.draw(
        st.sampled_from([piece, piece.swapcase(), piece.upper(), piece.lower(), lookalike])
    )
    flags = data.draw(st.sampled_from([["-i"], [], ["-i", "-F"], ["-F"], ["-i", "-w"], ["-w"]]))
    if "-F" not in flags:
        pattern = re.escape(pattern)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "news"
        folder.mkdir()
        for number, body in enumerate(bodies):
            (folder / f"{number:03d}_{number:016x}.txt").write_text(
                f"Headline {number} of the property test\n\nThe report said that {body} was seen by many of "
                "the people in the old town on Monday, and that more would follow.\n",
                encoding="utf-8",
            )
        outputs = []
        for extra in ([], ["--full-scan"]):
            env = mock_environment({"NEWS_CACHE_DIR": str(Path(work) / "cache")})
            code = main(["--dir", str(folder), "grep", "-l", *flags, *extra, "--", pattern], env)
            outputs.append((code, env.stdout.getvalue()))
        assert outputs[0] == outputs[1], (pattern, flags)


@settings(max_examples=300)
@given(st.one_of(st.text().map(str.encode), st.binary()))
@example("plain\ttext\n“quoted” café".encode())
@example("\u202eevil".encode())  # a bidi override
@example("\u2066isolated".encode())  # a bidi isolate
@example("next \x85line".encode())  # a C1 control
@example("one\u2028two\u2029three".encode())  # line and paragraph separators
@example(b"\x1b[31mred")
@example(b"\xed\xa0\x80")  # a surrogate
@example(b"\xc3A\xa9")  # a broken character around ASCII
def test_utf8_is_clean_is_true_exactly_of_utf8_that_clean_field_leaves_alone(data):
    """The byte check a plain listing takes (tabs and newlines are the caller's own) agrees with
    clean_field on every line and field of the decoded text, and refuses bytes that are not UTF-8."""
    from newsreader.render.clean import clean_field, utf8_is_clean

    tabs, newlines = data.count(b"\t"), data.count(b"\n")
    try:
        text = data.decode()
    except UnicodeDecodeError:
        assert not utf8_is_clean(data, tabs, newlines)
        return
    expected = all(clean_field(part) == part for part in re.split("[\t\n]", text))
    assert utf8_is_clean(data, tabs, newlines) == expected
    assert not utf8_is_clean(data, tabs + 1, newlines)


SHORT_FURNITURE = st.sampled_from(
    [
        "Photos: Ana Lima/Reuters",
        "By Jane Doe and John Roe",
        "Email us at tips@example.com",
        "Affiliate links earn us a commission",
        "Sign up for our newsletter",
        "Published 18 March 2025",
        "Advertisement",
        "Politics",
    ]
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(SHORT_FURNITURE, NEWSY_LINES), max_size=20).map("\n".join),
    st.lists(st.one_of(SHORT_FURNITURE, NEWSY_LINES), max_size=20).map("\n".join),
)
def test_the_cues_remembered_from_other_files_change_no_record(first, second):
    """The parser remembers the cues and the measurements of short lines across files (a folder
    repeats its furniture): a file's record is the same whatever was parsed before it."""
    from newsreader.parse import cues, page

    cues._SHORT_CUES.clear()
    page._SHORT_FACTS.clear()
    fresh = parse_article(second.encode(), "002_0123456789abcdef.txt")
    cues._SHORT_CUES.clear()
    page._SHORT_FACTS.clear()
    parse_article(first.encode(), "001_0123456789abcdef.txt")
    assert parse_article(second.encode(), "002_0123456789abcdef.txt") == fresh


def test_a_huge_short_line_is_not_remembered():
    """A line of one 'word' may be megabytes (a data: URI): the memos hold short text only."""
    from newsreader.parse import cues

    huge = "data:image/png;base64," + "A" * 100_000
    parse_article(f"Title of the page\n{huge}\n".encode(), "001_0123456789abcdef.txt")
    assert huge not in cues._SHORT_CUES
