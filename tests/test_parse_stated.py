"""Issue #20: a text dump's url, site and language, when it states them on a line of its own."""

from newsreader.parse import parse_article

BODY = (
    "The ferry company said on Monday that the winter timetable would start a week early "
    "because of the storms forecast for the coast."
)


def test_an_address_line_and_a_language_line_are_the_records_url_site_and_language():
    dump = f"Ferry timetable starts early\n\nURL: https://www.Coast.example/ferry?x=1\n\nLanguage: en-GB\n\n{BODY}\n"
    article = parse_article(dump.encode(), "ferry.txt")
    assert (article.url, article.site, article.language) == (
        "https://www.Coast.example/ferry?x=1",
        "coast.example",
        "en",
    )


def test_an_address_inside_a_sentence_or_another_scheme_states_nothing():
    dump = (
        f"Ferry timetable starts early\n\n{BODY} See https://coast.example/ferry for more.\n\n"
        "ftp://coast.example/timetable.pdf\n\nThe language of the notice: plain.\n"
    )
    article = parse_article(dump.encode(), "ferry.txt")
    # no address stated; the language is the parser's own reading of the words, not the line's
    assert (article.url, article.site, article.language) == (None, None, "en")


def test_the_lines_at_hand_change_no_answer():
    """A parse hands its stripped lines over, and only a text with a line that could state
    something is searched: the answer is the text's, whatever the spacing around the line."""
    from newsreader.parse.page import split_lines
    from newsreader.parse.stated import stated_facts

    dumps = [
        f"Headline\n\nURL: https://coast.example/a\n\n{BODY}",
        f"Headline\n\n\tOriginal URL \t :   https://例子.example/新闻/文章  \n{BODY}",
        f"Headline\n\n\xa0https://coast.example/a\n\nLANGuage: en\n\n{BODY} The language: en.",
        f"Headline\nlang:fr\n{BODY}\nLanguage : de-AT",
        f"Headline\n\nUpdated: 10:30\n\nImage: AFP\n\n{BODY} See https://coast.example/b",
        f"{BODY}\nhttp://coast.example/c",
        BODY,
        "",
    ]
    for dump in dumps:
        lines = [line.text for line in split_lines(dump)]
        assert stated_facts(dump, lines) == stated_facts(dump), dump
