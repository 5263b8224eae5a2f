"""`news grep`: regex options, output modes, exit codes 0/1/2."""

import json

import pytest


def test_piped_hits_are_id_paragraph_text(cli, basic):
    result = cli("--dir", str(basic), "grep", "-i", "harbour")
    assert result.exit_code == 0
    assert result.stdout == (
        "001_aaaaaaaaaaaaaaaa:0:Harbour reopens after winter storms close it for a week\n"
        "001_aaaaaaaaaaaaaaaa:1:The harbour in the northern town reopened on Tuesday after a week of storms that "
        "kept every fishing boat tied up and the ferry service suspended.\n"
        "001_aaaaaaaaaaaaaaaa:2:Harbour master Tom Berg said the damage to the outer wall was lighter than feared, "
        "and that repairs would be finished before the summer season begins.\n"
    )


def test_case_rules(cli, basic):
    assert cli("--dir", str(basic), "grep", "harbour").stdout.count("\n") == 1
    assert cli("--dir", str(basic), "grep", "-S", "harbour").stdout.count("\n") == 3
    assert cli("--dir", str(basic), "grep", "-S", "Harbour").stdout.count("\n") == 2


def test_word_fixed_count_files_field(cli, basic):
    assert cli("--dir", str(basic), "grep", "-w", "art").exit_code == 1
    assert cli("--dir", str(basic), "grep", "-F", "a.m(").exit_code == 1
    assert cli("--dir", str(basic), "grep", "-F", "year's").stdout.startswith(
        "003_cccccccccccccccc:1:"
    )
    assert cli("--dir", str(basic), "grep", "-c", "the").stdout == (
        "001_aaaaaaaaaaaaaaaa:3\n002_bbbbbbbbbbbbbbbb:3\n003_cccccccccccccccc:2\nnotes:1\n"
    )
    assert cli("--dir", str(basic), "grep", "-l", "planet").stdout == "002_bbbbbbbbbbbbbbbb\n"
    assert cli("--dir", str(basic), "grep", "--field", "title", "-l", "the").exit_code == 1
    assert (
        cli("--dir", str(basic), "grep", "--section", "business", "-l", "the").stdout
        == "003_cccccccccccccccc\n"
    )


def test_context_paragraphs_and_separators(cli, basic):
    result = cli("--dir", str(basic), "grep", "-C", "1", "Tom Berg|libraries")
    assert result.stdout.splitlines() == [
        "001_aaaaaaaaaaaaaaaa-1-The harbour in the northern town reopened on Tuesday after a week of storms that "
        "kept every fishing boat tied up and the ferry service suspended.",
        "001_aaaaaaaaaaaaaaaa:2:Harbour master Tom Berg said the damage to the outer wall was lighter than feared, "
        "and that repairs would be finished before the summer season begins.",
        "001_aaaaaaaaaaaaaaaa-3-Local traders welcomed the news, saying the closure had cost them a large part of "
        "their usual March income.",
        "--",
        "003_cccccccccccccccc-2-Supporters said the lanes would make streets safer for children, while opponents "
        "argued that the money should go to repairing existing roads first.",
        "003_cccccccccccccccc:3:The budget also includes funds for two new libraries and a cleaner bus fleet.",
    ]


def test_no_match_exits_1_quietly(cli, basic):
    result = cli("--dir", str(basic), "grep", "zeppelin")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")


@pytest.mark.parametrize("pattern", ["((", "[a-", "*x"])
def test_bad_pattern_is_one_line_and_exit_2(cli, basic, pattern):
    result = cli("--dir", str(basic), "grep", pattern)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: The pattern") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_terminal_grep_groups_hits_and_highlights(cli, basic):
    result = cli("--dir", str(basic), "--color", "always", "grep", "planet", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    out = result.stdout
    assert "002_bbbbbbbbbbbbbbbb" in out and "Telescope finds water vapour" in out
    assert "\x1b[1;31mplanet\x1b[0m" in out


def test_json_hits(cli, basic):
    lines = [
        json.loads(line)
        for line in cli("--dir", str(basic), "grep", "--json", "planet").stdout.splitlines()
    ]
    assert lines[0]["id"] == "002_bbbbbbbbbbbbbbbb" and lines[0]["paragraph"] == 0
    assert lines[0]["spans"] == [[52, 58]] and lines[0]["matched"] is True
