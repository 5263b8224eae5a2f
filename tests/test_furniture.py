"""Page furniture found across a folder: lines that other files repeat are not news.

Two or more files of one site share a box ("Why you can trust ...") with the same
neighbours; three or more share a sidebar headline. Those lines must never become a
headline or body, in the parser and through every path of the CLI (index or not, first
index or a later one), while a file that copies a whole article keeps its text.
"""

from __future__ import annotations

import json

from newsreader.parse import explain_lines, parse_article
from newsreader.parse.furniture import file_keys, shared_keys

BOX = (
    "Why you can trust The Daily Planet\n"
    "Our reviewers test every product by hand and never take payment for a verdict, so you can rely on it.\n\n"
)
SIDEBAR = "Ten things to know about the new city budget this week"
TOPICS = ["headphones", "kettles", "bicycles", "tents"]


def page(topic: str, sidebar: str = "") -> str:
    """A review page of the made-up site: its trust box, a headline, a byline and six paragraphs,
    with a ``sidebar`` line between the third and the fourth."""
    paragraphs = [
        f"Paragraph {n} about {topic}: we spent a week with every model of {topic} on the list and noted how each "
        f"one held up in daily use, what broke first, and whether the price was fair for what you get."
        for n in range(6)
    ]
    if sidebar:
        paragraphs.insert(3, sidebar)
    body = "\n\n".join(paragraphs)
    return f"Reviews\n\n{BOX}The best budget {topic} we tested this year\n\nBy Jane Doe\n\n{body}\n"


def parse_folder(texts: list[str]):
    data = [text.encode() for text in texts]
    shared = shared_keys(file_keys(item) for item in data)
    return [
        parse_article(item, f"00{n}_000000000000000{n}.txt", shared=shared)
        for n, item in enumerate(data)
    ], shared


def test_a_box_two_files_share_is_neither_headline_nor_body():
    articles, shared = parse_folder([page("headphones"), page("kettles")])
    assert [a.title for a in articles] == [
        "The best budget headphones we tested this year",
        "The best budget kettles we tested this year",
    ]
    for article in articles:
        assert not any("trust" in p or "reviewers" in p for p in article.paragraphs)
        assert len(article.paragraphs) == 6
    roles = {role.text: role for role in explain_lines(page("headphones").encode(), shared)}
    assert (
        roles["Why you can trust The Daily Planet"].reason
        == "repeated in other files of the folder"
    )
    alone = {role.text: role for role in explain_lines(page("headphones").encode())}
    assert (
        alone["Why you can trust The Daily Planet"].reason
        != "repeated in other files of the folder"
    )


def test_the_keys_a_file_was_counted_with_mark_the_lines_hashing_marks():
    """The index hands each file the keys it counted in its first pass, instead of the parser
    hashing the lines again: the box (a pair of lines only two files share) goes all the same."""
    texts = [
        page(topic, sidebar=BOX.strip()) for topic in TOPICS[:2]
    ]  # the box amid the paragraphs
    articles, shared = parse_folder(texts)
    counted = [
        parse_article(
            text.encode(),
            f"00{n}_000000000000000{n}.txt",
            shared=shared,
            keys=file_keys(text.encode()),
        )
        for n, text in enumerate(texts)
    ]
    assert counted == articles
    assert all(len(article.paragraphs) == 6 for article in counted)


def test_a_single_line_is_furniture_only_once_three_files_hold_it():
    two, _ = parse_folder([page(topic, SIDEBAR) for topic in TOPICS[:2]])
    assert all(SIDEBAR in a.paragraphs for a in two)  # two files: maybe a link to a real story
    three, _ = parse_folder([page(topic, SIDEBAR) for topic in TOPICS[:3]])
    assert all(SIDEBAR not in a.paragraphs for a in three)


def test_a_file_that_copies_another_article_keeps_its_text():
    story = page("tents")
    articles, _ = parse_folder([story, story, page("kettles")])
    alone = parse_article(story.encode(), "000_0000000000000000.txt")
    for article in articles[:2]:  # read as if the folder held it alone: the repeats are its news
        assert (article.title, article.paragraphs) == (alone.title, alone.paragraphs)
        assert sum(paragraph.startswith("Paragraph") for paragraph in article.paragraphs) == 6


def test_a_file_patched_from_other_articles_keeps_its_text():
    """Short paragraphs other files repeat, between long ones too long to be counted: a copy."""
    long = " ".join(
        ["The long paragraph goes on about the budget and what the council means to do with it."]
        * 4
    )
    short = [
        f"Short paragraph {n} that other files in the folder repeat word for word, as copies do."
        for n in range(6)
    ]
    patched = (
        "Budget news\n\nThe council sets a new budget for the town\n\n"
        + "\n\n".join(f"{long} ({n})\n\n{line}" for n, line in enumerate(short))
        + "\n"
    )
    others = [
        f"{headline} headline of the day for the town\n\n" + "\n\n".join(short) + f"\n\n{long}\n"
        for headline in ("Other", "Third")
    ]
    articles, shared = parse_folder([patched, *others])
    assert shared and articles[0].paragraphs == parse_article(patched.encode(), "x.txt").paragraphs
    assert len(articles[0].paragraphs) == 12


def _export(cli, folder, *extra) -> list[dict]:
    result = cli("--dir", str(folder), *extra, "export")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_index_follows_the_folder_as_furniture_comes_and_goes(cli, tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    for n, topic in enumerate(TOPICS[:2]):
        (folder / f"00{n}_000000000000000{n}.txt").write_text(page(topic, SIDEBAR))
    indexed = _export(cli, folder)
    assert all(SIDEBAR in a["paragraphs"] for a in indexed) and indexed == _export(
        cli, folder, "--no-cache"
    )
    third = folder / "002_0000000000000002.txt"
    third.write_text(page(TOPICS[2], SIDEBAR))  # now three files hold the line
    indexed = _export(cli, folder)
    assert all(SIDEBAR not in a["paragraphs"] for a in indexed) and indexed == _export(
        cli, folder, "--no-cache"
    )
    assert (
        cli("--dir", str(folder), "index").stdout
        == "3 articles: 0 parsed, 3 unchanged, 0 dropped\n"
    )
    third.unlink()  # back to two: the line is a possible story link again in the files that stay
    indexed = _export(cli, folder)
    assert all(SIDEBAR in a["paragraphs"] for a in indexed) and indexed == _export(
        cli, folder, "--no-cache"
    )


def test_show_and_explain_see_the_folder(cli, tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    for n, topic in enumerate(TOPICS[:2]):
        (folder / f"00{n}_000000000000000{n}.txt").write_text(page(topic))
    for extra in ([], ["--no-cache"]):
        shown = cli("--dir", str(folder), *extra, "show", "0").stdout
        assert (
            shown.startswith("The best budget headphones we tested this year\n")
            and "trust" not in shown
        )
        explained = cli("--dir", str(folder), *extra, "show", "0", "--explain").stdout
        assert (
            "\tboilerplate\trepeated in other files of the folder\tWhy you can trust The Daily Planet"
            in explained
        )


def _linked_page(headline: str) -> str:
    """An article whose only headline-shaped line is ``headline``, under the kicker "Science"."""
    return (
        f"Science\n{headline}\n\nBy John Roe\n\n"
        + "\n\n".join(
            f"Paragraph {n}: the sun stands still over the tropic for a day, and cultures around the world have "
            f"marked the longest night with fires, feasts and songs for as long as anyone remembers."
            for n in range(6)
        )
        + "\n"
    )


def test_a_headline_other_files_link_to_with_its_kicker_is_still_the_headline():
    """Another page of the site lists this one as a related story, kicker and headline, so the
    pair is furniture; nothing else on the page reads as a headline, so it is the headline."""
    headline = "What is the winter solstice? Here is what you need to know"
    linked = page("kettles").replace(
        "\nBy Jane Doe", f"\nBy Jane Doe\n\nRelated\n\nScience\n{headline}\n"
    )
    articles, shared = parse_folder([_linked_page(headline), linked])
    roles = {
        role.text: role.reason for role in explain_lines(_linked_page(headline).encode(), shared)
    }
    assert roles["Science"] == "repeated in other files of the folder"  # the pair is furniture ...
    assert articles[0].title == headline  # ... but the headline is still found, and says why
    assert (
        roles[headline]
        == "the headline, though other files of the folder repeat it (pages linking to it)"
    )
    assert (
        len(articles[0].paragraphs) == 6 and articles[1].title != headline
    )  # the linking page keeps its own


def test_a_headline_in_other_pages_most_read_lists_is_still_the_headline():
    headline = "Why the longest night of the year is getting more popular"
    others = [
        page(topic).replace("\nBy Jane Doe", f"\nBy Jane Doe\n\nMost read\n\n{headline}\n")
        for topic in TOPICS[:3]
    ]
    articles, _ = parse_folder([_linked_page(headline), *others])
    assert articles[0].title == headline
    assert all(
        headline not in article.paragraphs and article.title != headline for article in articles[1:]
    )


def test_a_line_is_keyed_case_folded_whatever_its_letters():
    """The keyed text of a line is its case fold with single spaces, in UTF-8, also where a
    letter beyond ASCII folds to something else beside typographic quotes (the fold of the
    UTF-8 bytes is taken only when none does)."""
    from newsreader.parse.furniture import _normalised

    lines = [
        "Plain ASCII Line",
        "The Mayor’s “plan” — again…",
        "STRASSE ß and ſ long s ’",
        "İstanbul ’ KELVIN \u212a ﬁ ǅ",
        "ΣΑΣ ’ final sigma",
        "COMBINING \u0345 ’",
        "lone \ud800 surrogate ’",
        "Double  spaced ’ LINE",
        "Tab\tinside ’",
        "no-break\u00a0space",
    ]
    for line in lines:
        expected = " ".join(line.casefold().split()).encode("utf-8", "surrogatepass")
        assert _normalised(line) == expected, line
