"""`news dupes` and `--collapse`: wire copies grouped, listed once, signed once per change."""

import json
import re

import pytest

from newsreader.search import copies

STORY = (
    "The harbour authority in Kestrel Point approved a plan on Tuesday to dredge the northern "
    "channel before the summer, after two cargo ships ran aground there in as many months.\n"
    "Dredging will start in April and cost about 4.2 million, officials said, most of it paid "
    "by the port's own reserves and the rest by a loan from the regional council.\n"
    '"We cannot wait for a third ship to get stuck," said harbour master Ines Kovac. '
    "Fishing crews, who use the channel every night, welcomed the decision."
)
COPY = (
    STORY.replace("officials said", "authorities said")
    .replace('"We', "\u201cWe")
    .replace('," said', ",\u201d said")
)
PAGES = {
    "201_aaaaaaaaaaaaaaaa.txt": "Local\n\nKestrel Point harbour to dredge its northern channel\n\n"
    "By Oskar Lindqvist\nPublished 3 March 2025\n\nShare\n\n" + STORY + "\n\nMost read\n",
    "202_bbbbbbbbbbbbbbbb.txt": "Business\n\nPort approves dredging after ships run aground\n\n"
    "Reuters\nPublished 4 March 2025\n\nAdvertisement\n\n"
    + COPY
    + "\n\nAdditional reporting by Lena Hartl.\n",
    "203_cccccccccccccccc.txt": "Science\n\nVolunteers count rare orchids along the coast path\n\n"
    "By Uma Petrov\nPublished 5 March 2025\n\nVolunteers counted more than three hundred rare "
    "orchids along the coast path this spring, twice as many as last year, after the council "
    "stopped mowing the verges in May. The survey, run by the botanical society, will be "
    "repeated next year to see whether the flowers spread further inland.\n",
}
GROUPED = (
    "1\t201_aaaaaaaaaaaaaaaa\t2025-03-03\tLocal\t87\tKestrel Point harbour to dredge its northern channel\n"
    "1\t202_bbbbbbbbbbbbbbbb\t2025-03-04\tBusiness\t87\tPort approves dredging after ships run aground\n"
)


@pytest.fixture
def wire(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_dupes_lists_each_group_oldest_first(cli, wire):
    result = cli("--dir", str(wire), "dupes")
    assert (result.exit_code, result.stdout, result.stderr) == (0, GROUPED, "")


def test_dupes_json_has_one_object_a_group(cli, wire):
    lines = cli("--dir", str(wire), "dupes", "--json").stdout.splitlines()
    assert len(lines) == 1
    group = json.loads(lines[0])
    assert group["group"] == 1
    assert [article["id"] for article in group["articles"]] == [
        "201_aaaaaaaaaaaaaaaa",
        "202_bbbbbbbbbbbbbbbb",
    ]
    assert "paragraphs" not in group["articles"][0]


def test_dupes_without_copies_exits_1(cli, basic):
    result = cli("--dir", str(basic), "dupes")
    assert (result.exit_code, result.stdout) == (1, "")


def test_dupes_takes_the_filters(cli, wire):
    assert cli("--dir", str(wire), "dupes", "--since", "2025-03-04").exit_code == 1
    assert cli("--dir", str(wire), "dupes", "--until", "2025-03-04").stdout == GROUPED


def test_collapsed_list_shows_a_story_once_with_its_count(cli, wire):
    result = cli("--dir", str(wire), "list", "--collapse")
    assert result.stdout == (
        "203_cccccccccccccccc\t2025-03-05\tScience\t49\tVolunteers count rare orchids along the coast path\t1\n"
        "202_bbbbbbbbbbbbbbbb\t2025-03-04\tBusiness\t87\tPort approves dredging after ships run aground\t2\n"
    )
    records = [
        json.loads(line)
        for line in cli("--dir", str(wire), "list", "--collapse", "--json").stdout.splitlines()
    ]
    assert [(r["id"], r["copies"]) for r in records] == [
        ("203_cccccccccccccccc", 1),
        ("202_bbbbbbbbbbbbbbbb", 2),
    ]
    assert "copies" not in cli("--dir", str(wire), "list", "--json").stdout


def test_collapse_comes_before_the_limit(cli, wire):
    result = cli("--dir", str(wire), "list", "--collapse", "--sort", "number", "--limit", "2")
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "201_aaaaaaaaaaaaaaaa",
        "203_cccccccccccccccc",
    ]


def test_collapsed_search_shows_the_best_match_of_a_group(cli, wire):
    result = cli("--dir", str(wire), "search", "--collapse", "harbour OR orchids")
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(line[0], line[-1]) for line in lines] == [
        ("203_cccccccccccccccc", "1"),
        ("201_aaaaaaaaaaaaaaaa", "2"),
    ]
    plain = cli("--dir", str(wire), "search", "harbour OR orchids").stdout.splitlines()
    assert len(plain) == 3 and all(line.count("\t") == 2 for line in plain)
    hits = cli("--dir", str(wire), "search", "--collapse", "--json", "dredging").stdout
    assert [json.loads(line)["copies"] for line in hits.splitlines()] == [2]


def test_signatures_are_made_once_and_again_only_for_changed_files(cli, wire, monkeypatch):
    signed = []
    sign = copies.signature

    def counting(body: str) -> bytes:
        signed.append(body)
        return sign(body)

    monkeypatch.setattr(copies, "signature", counting)
    cli("--dir", str(wire), "index")
    assert signed == []  # not at index time: only when copies are first asked for
    assert cli("--dir", str(wire), "dupes").stdout == GROUPED
    assert len(signed) == 3
    assert cli("--dir", str(wire), "dupes").stdout == GROUPED
    assert len(signed) == 3
    page = wire / "203_cccccccccccccccc.txt"
    page.write_text(page.read_text().replace("three hundred", "four hundred"))
    assert cli("--dir", str(wire), "dupes").stdout == GROUPED
    assert len(signed) == 4 and "four hundred" in signed[-1]


def test_an_edited_copy_that_is_no_longer_one_leaves_its_group(cli, wire):
    assert cli("--dir", str(wire), "dupes").exit_code == 0
    (wire / "202_bbbbbbbbbbbbbbbb.txt").write_text(
        PAGES["203_cccccccccccccccc.txt"].replace("Volunteers count", "Walkers count")
    )
    assert cli("--dir", str(wire), "dupes").stdout.splitlines()[0].split("\t")[:2] == [
        "1",
        "202_bbbbbbbbbbbbbbbb",
    ]


def test_dupes_on_a_terminal_heads_each_group(in_terminal, wire):
    screen = in_terminal("--dir", str(wire), "dupes", cols=40)
    assert "Group 1: 2 articles" in screen
    assert "201_aaaaaaaaaaaaaaaa" in screen and "Kestrel Point harbour" in screen
    listed = in_terminal("--dir", str(wire), "list", "--collapse", cols=100)
    assert "×2 Port approves dredging" in re.sub(r"\x1b\[[0-9;]*m", "", listed)


def test_titles_of_copies_cannot_act_on_the_terminal_or_break_the_columns(cli, wire):
    page = wire / "202_bbbbbbbbbbbbbbbb.txt"
    page.write_text(page.read_text().replace("Port approves", "Port\x1b[31m\tapproves\u202e"))
    result = cli("--dir", str(wire), "dupes")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert [line.count("\t") for line in result.stdout.splitlines()] == [5, 5]


def test_a_collapsed_search_ranks_more_until_it_has_enough_groups(cli, tmp_path):
    """One story told 200 times among 10 others: the first 100 hits ranked are mostly its
    copies, so the search must rank further to fill --limit, and still count every match."""
    from planted import plant

    told = plant(tmp_path / "many", stories=1, copies=199, unrelated=10, seed=3)
    folder = str(tmp_path / "many")
    ranked = cli("--dir", folder, "search", "--limit", "0", "the").stdout.splitlines()
    others = [at for at, line in enumerate(ranked) if told[line.split("\t")[0]] != "story0"]
    assert len(ranked) == 210 and max(others) >= 100  # beyond the first window
    every = cli("--dir", folder, "search", "--collapse", "--limit", "0", "the").stdout
    assert cli("--dir", folder, "search", "--collapse", "--limit", "11", "the").stdout == every
    counts = sorted(int(line.split("\t")[-1]) for line in every.splitlines())
    assert counts == [1] * 10 + [200]
