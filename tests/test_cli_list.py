"""`news list`: plain lines when piped, a Rich table on a terminal, JSON Lines on request."""

import json

LISTED = (
    "001_aaaaaaaaaaaaaaaa\t2025-03-18\tWorld\t71\tHarbour reopens after winter storms close it for a week\n"
    "002_bbbbbbbbbbbbbbbb\t2024-11-02\tScience\t70\tTelescope finds water vapour around a distant rocky planet\n"
    "003_cccccccccccccccc\t\tBusiness\t63\tCity council approves budget with new cycling lanes\n"
    "notes\t\t\t20\tJust some notes\n"
)


def test_piped_list_is_tab_separated_newest_first(cli, basic):
    result = cli("--dir", str(basic), "list")
    assert result.exit_code == 0
    assert result.stdout == LISTED
    assert "\x1b" not in result.stdout


def test_sort_limit_and_section(cli, basic):
    assert cli("--dir", str(basic), "list", "--sort", "words", "--limit", "1").stdout.startswith(
        "001_aaaa"
    )
    assert (
        cli("--dir", str(basic), "list", "--sort", "title").stdout.split("\n")[0].startswith("003_")
    )
    only = cli("--dir", str(basic), "list", "--section", "science").stdout
    assert only == LISTED.split("\n")[1] + "\n"


def test_json_lines_have_the_record_without_body(cli, basic):
    lines = cli("--dir", str(basic), "list", "--json").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [
        "001_aaaaaaaaaaaaaaaa",
        "002_bbbbbbbbbbbbbbbb",
        "003_cccccccccccccccc",
        "notes",
    ]
    assert "paragraphs" not in records[0] and records[0]["authors"] == ["Jane Doe", "John Roe"]


def test_terminal_list_is_a_table_that_fits_the_width(cli, basic):
    result = cli("--dir", str(basic), "list", env={"FORCE_COLOR": "1", "COLUMNS": "60"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any("id" in line and "title" in line for line in lines)
    assert "\x1b[" in result.stdout  # styled
    from rich.text import Text

    assert all(Text.from_ansi(line).cell_len <= 60 for line in lines)
    assert "\t" not in result.stdout


def test_no_color_keeps_the_table_but_drops_colour(cli, basic):
    result = cli(
        "--dir", str(basic), "--color", "always", "list", env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    assert "Harbour reopens" in result.stdout and "─" in result.stdout
    assert "\x1b[3" not in result.stdout  # no foreground colours


def test_color_never_and_term_dumb_print_plain(cli, basic):
    assert cli("--dir", str(basic), "--color", "never", "list").stdout == LISTED
    assert cli("--dir", str(basic), "list", env={"TERM": "dumb"}).stdout == LISTED


def test_terminal_list_caps_rows_and_says_how_many_more(cli, basic):
    result = cli(
        "--dir", str(basic), "--color", "always", "list", "--limit", "2", env={"COLUMNS": "100"}
    )
    assert "2 of 4 articles shown" in result.stdout


def test_empty_folder_lists_nothing(cli, tmp_path):
    result = cli("--dir", str(tmp_path), "list")
    assert result.exit_code == 0 and result.stdout == ""
