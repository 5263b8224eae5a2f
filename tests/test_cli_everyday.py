"""Everyday use (issue #17): filters on every command, sections, check, several articles in show,
grep for editors, global options anywhere, quiet ends in pipes, warnings said once."""

import gzip
import json
import os
import subprocess

import pytest
from conftest import _news_executable

PROSE = "The officials said more would follow in the weeks ahead, and the town waited to hear more."
ARTICLES = {
    "001_0000000000000001": (
        "Sport",
        "Rovers win the derby at last",
        "By Dana Whitlock",
        "2025-12-30",
    ),
    "002_0000000000000002": (
        "SPORT",
        "Harriers lose in the rain again",
        "By Jo Park and Dana Whitlock",
        "2025-12-01",
    ),
    "003_0000000000000003": (
        "World",
        "Ferry strike strands thousands",
        "By Sam Okafor",
        "2025-06-15",
    ),
    "004_0000000000000004": ("Business", "Bakery chain closes fourteen shops", "By Jo Park", ""),
}


@pytest.fixture
def news_folder(tmp_path):
    folder = tmp_path / "everyday"
    folder.mkdir()
    for name, (section, title, byline, day) in ARTICLES.items():
        dated = f"Published {day}\n\n" if day else ""
        (folder / f"{name}.txt").write_text(
            f"{section}\n\n{title}\n\n{byline}\n\n{dated}{title} was the talk of the town on Monday. {PROSE}\n\n"
            f"{PROSE}\n\n{PROSE}\n"
        )
    return folder


def _ids(output: str) -> list[str]:
    return [line.split("\t")[0].split(":")[0] for line in output.splitlines()]


@pytest.mark.parametrize(
    "filters, expected",
    [
        (["--section", "sport"], ["001", "002"]),
        (["--author", "dana"], ["001", "002"]),
        (["--author", "JO PARK", "--section", "Business"], ["004"]),
        (["--since", "2025-12"], ["001", "002"]),
        (["--since", "7d"], ["001"]),  # the tests' today is 2026-01-01
        (["--until", "2025-06-15"], ["003"]),
        (["--since", "2025", "--until", "2025-11"], ["003"]),
    ],
)
def test_every_command_takes_the_same_filters(cli, news_folder, filters, expected):
    listed = _ids(cli("--dir", str(news_folder), "list", "--sort", "number", *filters).stdout)
    grepped = _ids(cli("--dir", str(news_folder), "grep", "-l", "town", *filters).stdout)
    searched = sorted(_ids(cli("--dir", str(news_folder), "search", "town", *filters).stdout))
    exported = [
        json.loads(line)["id"]
        for line in cli("--dir", str(news_folder), "export", *filters).stdout.splitlines()
    ]
    for found in (listed, grepped, searched, exported):
        assert [article_id[:3] for article_id in found] == expected, filters


def test_a_date_that_cannot_be_read_is_a_usage_error(cli, news_folder):
    result = cli("--dir", str(news_folder), "list", "--since", "last tuesday")
    assert result.exit_code == 2 and result.stderr.startswith("Error: --since takes a date (")


def test_sorts_reverse_and_search_by_date(cli, news_folder):
    newest_last = _ids(cli("--dir", str(news_folder), "list", "--reverse").stdout)
    assert [i[:3] for i in newest_last] == ["003", "002", "001", "004"]  # undated stays last
    by_date = _ids(cli("--dir", str(news_folder), "search", "town", "--sort", "date").stdout)
    assert [i[:3] for i in by_date] == ["001", "002", "003", "004"]
    assert cli("--dir", str(news_folder), "list", "--sort", "size").exit_code == 2


def test_sections_counts_case_variants_as_one(cli, news_folder):
    plain = cli("--dir", str(news_folder), "sections").stdout
    assert (
        plain
        == "Sport\t2\t2025-12-01\t2025-12-30\t2\nBusiness\t1\t\t\t1\nWorld\t1\t2025-06-15\t2025-06-15\t1\n"
    )
    records = [
        json.loads(line)
        for line in cli("--dir", str(news_folder), "sections", "--json").stdout.splitlines()
    ]
    assert records[1] == {
        "section": "Business",
        "articles": 1,
        "first": None,
        "last": None,
        "unread": 1,
    }


def test_parse_warnings_are_said_once_and_check_lists_them(cli, news_folder):
    (news_folder / "005_0000000000000005.txt").write_bytes(b"")
    first = cli("--dir", str(news_folder), "list")
    assert first.stderr == "warning: 005_0000000000000005: empty file\n"
    assert cli("--dir", str(news_folder), "list").stderr == ""
    checked = cli("--dir", str(news_folder), "check")
    assert (checked.exit_code, checked.stdout) == (0, "005_0000000000000005\tempty file\n")
    (news_folder / "005_0000000000000005.txt").unlink()
    assert cli("--dir", str(news_folder), "check").exit_code == 1


def test_show_takes_several_ids_and_ids_on_stdin(cli, news_folder):
    shown = cli("--dir", str(news_folder), "show", "1", "3").stdout
    first, second = shown.split("\f\n")
    assert first.startswith("Rovers win the derby") and second.startswith("Ferry strike strands")
    from_grep = cli("--dir", str(news_folder), "grep", "-l", "Harriers|Bakery").stdout
    piped = cli("--dir", str(news_folder), "show", "-", stdin=from_grep).stdout
    assert piped.count("\f\n") == 1 and "Harriers lose" in piped and "Bakery chain" in piped
    from_list = cli("--dir", str(news_folder), "list").stdout
    filtered = cli(
        "--dir", str(news_folder), "show", "-", "--section", "sport", stdin=from_list
    ).stdout
    assert filtered.count("\f\n") == 1 and "Ferry" not in filtered
    none = cli("--dir", str(news_folder), "show", "3", "--section", "sport")  # 3 is World
    assert (none.exit_code, none.stdout, none.stderr) == (
        1,
        "",
        "No article given passes the filters.\n",
    )
    assert cli("--dir", str(news_folder), "show", "1", "nope").exit_code == 2


def test_grep_points_editors_at_the_raw_file(cli, news_folder):
    path = str((news_folder / "003_0000000000000003.txt").resolve())
    numbered = cli("--dir", str(news_folder), "grep", "-n", "strands").stdout.splitlines()
    assert numbered[0] == f"{path}:3:Ferry strike strands thousands"
    vim = cli("--dir", str(news_folder), "grep", "--vimgrep", "strands").stdout.splitlines()
    assert vim[0] == f"{path}:3:14:Ferry strike strands thousands"
    assert vim[1].startswith(f"{path}:9:14:Ferry strike strands thousands was the talk")
    source = news_folder / "003_0000000000000003.txt"
    zipped = news_folder / "005_0000000000000005.txt.gz"  # its lines as an editor opens it
    zipped.write_bytes(gzip.compress(source.read_bytes()))
    source.unlink()
    vim = cli("--dir", str(news_folder), "grep", "--vimgrep", "strands").stdout.splitlines()
    assert vim[0] == f"{zipped.resolve()}:3:14:Ferry strike strands thousands"
    assert vim[1].startswith(f"{zipped.resolve()}:9:14:Ferry strike strands thousands was the talk")


def test_vimgrep_columns_count_bytes_as_editors_do(cli, tmp_path):
    """Vim's quickfix list and ripgrep count a column in bytes: after a curly quote (three bytes
    in UTF-8) the column is two more than the characters before the match."""
    folder = tmp_path / "news"
    folder.mkdir()
    text = "Harbour’s ferry strike strands thousands\n\nBy Ann Lee\n\n" + "The strike went on. " * 6
    (folder / "001_0000000000000001.txt").write_text(text + "\n", encoding="utf-8")
    vim = cli("--dir", str(folder), "grep", "--vimgrep", "strands").stdout.splitlines()
    path = (folder / "001_0000000000000001.txt").resolve()
    assert vim == [
        f"{path}:1:{len('Harbour’s ferry strike '.encode()) + 1}:{text.split(chr(10))[0]}"
    ]
    found = json.loads(cli("--dir", str(folder), "grep", "-n", "--json", "ferry").stdout)
    assert (found["line"], found["column"]) == (1, 1)


def test_global_options_may_follow_the_command(cli, news_folder, tmp_path):
    before = cli("--dir", str(news_folder), "--plain", "list").stdout
    assert cli("-Rd", str(news_folder), "list").stdout == before  # a cluster of short options
    assert "sections" in cli("--help", "list").stdout  # help before a command: every command
    assert cli("list", "--dir", str(news_folder), "--plain").stdout == before
    assert cli("list", f"--dir={news_folder}").stdout == before
    assert (
        cli("grep", "-c", "--dir", str(news_folder), "--", "--dir").exit_code == 1
    )  # after --, a pattern


def test_a_typo_is_suggested_once(cli, news_folder):
    result = cli("--dir", str(news_folder), "lsit")
    assert result.exit_code == 2 and result.stderr.count("list") == 1


@pytest.mark.parametrize(
    "command",
    [
        "grep -i the",
        "grep -c -i the",
        "export",
        "search town",
        "show 1 2 3",
        "list --json",
        "list",
    ],
)
def test_a_closed_pipe_ends_quietly_with_the_status_earned(news_folder, cache_dir, command):
    """ripgrep's way: `news grep x | head -1` exits 0, not 1 ("nothing matched")."""
    for n in range(5, 300):
        (news_folder / f"{n:03d}_{n:016x}.txt").write_text(
            f"The headline number {n}\n\nThe talk of the town, number {n}. {PROSE}\n"
        )
    pipeline = f"'{_news_executable()}' --dir '{news_folder}' {command} | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(
        ["bash", "-c", pipeline],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NEWS_CACHE_DIR": str(cache_dir)},
    )
    assert result.stdout.strip() == "0" and result.stderr == "", command


def test_color_never_keeps_the_table_and_plain_drops_it(in_terminal, news_folder):
    table = in_terminal("--dir", str(news_folder), "--color", "never", "list", cols=100)
    assert "─" in table and "\x1b[3" not in table
    plain = in_terminal("--dir", str(news_folder), "--plain", "list", cols=100)
    assert "─" not in plain and "\t" in plain


def test_show_width_is_honoured_on_a_terminal(in_terminal, news_folder):
    screen = in_terminal(
        "--dir", str(news_folder), "show", "1", "--width", "40", "--no-pager", cols=120
    )
    body = [
        line
        for line in screen.replace("\r", "").splitlines()
        if "talk of the town" in line or "officials" in line
    ]
    assert body and all(len(line.rstrip()) <= 40 for line in body)


def test_files_that_are_not_articles_are_noted_once_and_subfolders_suggest_recursive(cli, tmp_path):
    folder = tmp_path / "scraped"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "001_0000000000000001.txt").write_text(f"Rovers win the derby\n\n{PROSE}\n")
    (folder / "2024" / "manifest.json").write_text("[]")
    first = cli("--dir", str(folder), "list")
    assert first.stdout == ""
    assert (
        first.stderr
        == "warning: the folder holds no article files, but 1 subfolder; --recursive reads them\n"
    )
    deep = cli("--dir", str(folder), "--recursive", "list")
    assert deep.stdout.startswith("2024/001_0000000000000001\t")
    assert deep.stderr == (
        "warning: passed over 1 file that is not an article (1 .json); --include GLOB reads them\n"
    )
    assert cli("list", "-R", "--dir", str(folder)).stderr == ""  # said once, when the index changed
    shown = cli("--dir", str(folder), "-R", "show", "2024/001_0000000000000001")
    assert shown.stdout.startswith("Rovers win the derby")
    assert cli("--dir", str(folder), "-R", "show", "1").stdout == shown.stdout


def test_the_shell_completes_ids_sections_and_languages(news_folder, cache_dir):
    """Typer's completion (news --install-completion) with ids and sections read from the index."""

    def complete(line: str) -> list[str]:
        words = line.split(" ")
        env = {
            **os.environ,
            "NEWS_CACHE_DIR": str(cache_dir),
            "_NEWS_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        }
        done = subprocess.run(
            [_news_executable()], capture_output=True, text=True, env=env, timeout=60
        )
        return done.stdout.split()

    assert complete(f"news --dir {news_folder} show 00") == [
        f"00{n}_000000000000000{n}" for n in (1, 2, 3, 4)
    ]
    assert complete(f"news --dir {news_folder} list --section S") == ["Sport"]
    assert complete(f"news --dir {news_folder} list --language e") == ["en"]
    assert complete("news sec") == ["sections"]


def test_help_examples_keep_their_lines(cli):
    """Click rewraps paragraphs; examples are kept apart, one command a line, aligned."""
    shown = cli("show", "--help").stdout
    assert (
        "      news show 0                   # by running number\n"
        "      news show ab42 --raw          # by hash prefix, the text as read\n"
        "      news grep -l ferry | news show -\n"
    ) in shown


@pytest.mark.parametrize("columns", [40, 80, 200])
def test_a_real_terminal_list_fits_and_cuts_no_id_or_number(in_terminal, cli, news_folder, columns):
    """Issue #17, through a pseudo-terminal: every line fits, ids shown resolve, numbers are whole."""
    from rich.text import Text

    words = {
        line.split("\t")[0]: line.split("\t")[3]
        for line in cli("--dir", str(news_folder), "list").stdout.splitlines()
    }
    screen = in_terminal("--dir", str(news_folder), "list", cols=columns, env={"NO_COLOR": "1"})
    lines = [Text.from_ansi(line).plain.rstrip() for line in screen.replace("\r", "").splitlines()]
    assert all(len(line) <= columns for line in lines)
    rows = [line.split() for line in lines if line.strip()[:1].isdigit()]
    assert len(rows) == len(words)
    for row in rows:
        full = next(
            article_id
            for article_id in words
            if article_id == row[0] or article_id.startswith(f"00{row[0]}_")
        )
        assert columns < 60 or words[full] in row  # the words column, when shown, is whole
