"""`news search` takes ordinary text: words with punctuation, operators, and clear refusals."""

import json

import pytest

from newsreader.errors import QueryError, UsageError
from newsreader.search.query import parse_query

PROSE = "The talks went on late into the night, officials said, and more meetings are planned."


@pytest.fixture
def talks(tmp_path):
    folder = tmp_path / "talks"
    folder.mkdir()
    bodies = {
        "001_0000000000000001": (
            "Cease-fire holds in the north",
            "The cease-fire agreed by the U.S. and the U.N. "
            "held overnight, and Biden: 'We don't give up' as $10 billion was pledged.",
        ),
        "002_0000000000000002": (
            "Covid-19 cases fall by 50% this month",
            "Health officials said covid-19 cases "
            "fell by 50% and e-mail alerts would stop, as Trump's team watched closely.",
        ),
        "003_0000000000000003": (
            "Ferry strike strands thousands",
            "Crews walked out on Monday and no boat sailed.",
        ),
    }
    for name, (title, body) in bodies.items():
        (folder / f"{name}.txt").write_text(f"{title}\n\n{body} {PROSE}\n\n{PROSE}\n")
    return folder


@pytest.mark.parametrize(
    "query, found",
    [
        ("cease-fire", "001"),
        ("covid-19", "002"),
        ("e-mail", "002"),
        ("Biden:", "001"),
        ("Trump's", "002"),
        ("don't", "001"),
        ("U.S.", "001"),
        ("U.N.", "001"),
        ("'$10 billion'", "001"),
        ("50%", "002"),
        ('"cease fire" AND north', "001"),
        ("strik*", "003"),
        ("(ferry OR covid) NOT cases", "003"),
        ("ferry strike", "003"),
        ("Ferry & strike", "003"),
    ],
)
def test_ordinary_text_finds_what_it_says(cli, talks, query, found):
    result = cli("--dir", str(talks), "search", query)
    assert result.exit_code == 0, result.stderr
    assert [line.split("\t")[0][:3] for line in result.stdout.splitlines()] == [found]


@pytest.mark.parametrize(
    "query, says",
    [
        ('"unclosed', 'a quotation mark (") that is never closed'),
        ("(ferry", "a '(' that is never closed"),
        ("ferry)", "a ')' with no '(' before it"),
        ("ferry OR", "OR needs words on both sides"),
        ("AND ferry", "AND needs words on both sides"),
        ("NOT ferry", "NOT needs words before it"),
        ("()", "empty parentheses"),
        ("— & !", "has no words to search for"),
    ],
)
def test_a_query_that_cannot_be_read_gets_one_sentence_in_plain_words(cli, talks, query, says):
    result = cli("--dir", str(talks), "search", query)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and says in result.stderr
    assert (
        "fts5" not in result.stderr
        and "syntax" not in result.stderr
        and "column" not in result.stderr
    )


def test_an_empty_query_is_a_usage_error(cli, talks):
    result = cli("--dir", str(talks), "search", "  ")
    assert (
        result.exit_code == 2
        and result.stderr == "Error: The search query is empty; give at least one word.\n"
    )


def test_nothing_the_user_types_reaches_the_index_as_its_own_syntax():
    """Column filters, NEAR, carets and stars inside words are all just words."""
    assert parse_query("title:ferry").fts == '"title:ferry"'
    assert parse_query("NEAR(a b)").fts == '("NEAR" AND ("a" AND "b"))'
    assert parse_query("^ferry").fts == '"^ferry"'
    assert parse_query('say "hi""there"').fts == '("say" AND "hi" AND "there")'
    assert parse_query("x (y OR z) NOT w").fts == '("x" AND (("y" OR "z") NOT "w"))'
    with pytest.raises(UsageError):
        parse_query("")
    with pytest.raises(QueryError):
        parse_query("OR")


def test_snippets_show_why_an_article_matched(cli, talks):
    """Words only in the title: the body's opening, and the title highlighted; a body word:
    a snippet around it."""
    title_only = json.loads(cli("--dir", str(talks), "search", "--json", "thousands").stdout)
    assert title_only["snippet"].startswith("Crews walked out on Monday")
    body_word = json.loads(cli("--dir", str(talks), "search", "--json", "boat").stdout)
    assert "boat" in body_word["snippet"]
    terminal = cli(
        "--dir", str(talks), "search", "thousands", env={"FORCE_COLOR": "1", "COLUMNS": "100"}
    ).stdout
    assert "\x1b[1;31mthousands\x1b[0m" in terminal or "\x1b[1;31mthousands" in terminal
