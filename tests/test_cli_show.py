"""`news show`: ids, plain and terminal rendering, JSON, raw text and --explain."""

import json

import pytest
from conftest import SEED_ID

SHOWN = """Harbour reopens after winter storms close it for a week
World · 2025-03-18 · Jane Doe, John Roe · 71 words · 1 min read

The harbour in the northern town reopened on Tuesday after a week of storms that
kept every fishing boat tied up and the ferry service suspended.

Harbour master Tom Berg said the damage to the outer wall was lighter than
feared, and that repairs would be finished before the summer season begins.

Local traders welcomed the news, saying the closure had cost them a large part
of their usual March income.
"""


@pytest.mark.parametrize(
    "article_id", ["001_aaaaaaaaaaaaaaaa", "1", "001", "0001", "aaaa", "aaaaaaaa"]
)
def test_ids_resolve_by_stem_number_or_hash_prefix(cli, basic, article_id):
    result = cli("--dir", str(basic), "show", article_id)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SHOWN


def test_width_option_wraps_or_not(cli, basic):
    unwrapped = cli("--dir", str(basic), "show", "1", "--width", "0").stdout
    assert "kept every fishing boat tied up and the ferry service suspended." in unwrapped
    narrow = cli("--dir", str(basic), "show", "1", "--width", "40").stdout
    assert max(len(line) for line in narrow.splitlines()[2:]) <= 40


def test_unknown_id_names_close_matches(cli, basic):
    result = cli("--dir", str(basic), "show", "001_aaaaaaaaaaaaaaab")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: No article has the id")
    assert "001_aaaaaaaaaaaaaaaa" in result.stderr and len(result.stderr.splitlines()) == 1


def test_ambiguous_id_names_the_candidates(cli, tmp_path):
    for name in ("001_abcd000000000000.txt", "002_abcd111111111111.txt"):
        (tmp_path / name).write_text(
            "Title here for the article\n\nSome body text that is long enough to be prose here.\n"
        )
    result = cli("--dir", str(tmp_path), "show", "abcd")
    assert result.exit_code == 2
    assert (
        "ambiguous" in result.stderr
        and "001_abcd000000000000" in result.stderr
        and "002_abcd111111111111" in result.stderr
    )


def test_files_sharing_an_id_are_named_by_their_file_names(cli, tmp_path):
    """``ctrl.txt`` and ``ctrl.json`` both have the id ``ctrl``: the error names the files, and
    a file's name (``./`` or not) names its article for show, star and the rest."""
    (tmp_path / "ctrl.txt").write_text(
        "Text headline for ctrl\n\nThe text story is long enough to read as prose, it says.\n"
    )
    (tmp_path / "ctrl.json").write_text('{"title": "JSON headline", "text": "The json story."}')
    result = cli("--dir", str(tmp_path), "show", "ctrl")
    assert result.exit_code == 2 and result.stderr == (
        "Error: The id 'ctrl' is ambiguous: files ctrl.json, ctrl.txt have it; name the file.\n"
    )
    assert cli("--dir", str(tmp_path), "show", "ctrl.txt").stdout.startswith("Text headline")
    assert cli("--dir", str(tmp_path), "star", "./ctrl.json").exit_code == 0
    assert cli("--dir", str(tmp_path), "list", "--starred").stdout.endswith("\tJSON headline\n")
    # a name that is also another file's id (ctrl.txt.txt's) names neither
    (tmp_path / "ctrl.txt.txt").write_text("Double\n\nThe double story is prose, it says here.\n")
    assert cli("--dir", str(tmp_path), "show", "ctrl.txt").stderr == (
        "Error: The id 'ctrl.txt' is ambiguous: files ctrl.txt, ctrl.txt.txt have it; "
        "name the file.\n"
    )
    assert cli("--dir", str(tmp_path), "show", "./ctrl.txt").stdout.startswith("Text headline")
    lines = [json.dumps({"title": t, "text": f"{t}."}) for t in ("A", "B")]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n")
    assert cli("--dir", str(tmp_path), "show", "crawl.jsonl").stderr == (
        "Error: The file crawl.jsonl holds 2 articles: give one's id (news list shows them).\n"
    )


def test_too_short_hash_prefix_is_unknown(cli, basic):
    assert cli("--dir", str(basic), "show", "aaa").exit_code == 2


def test_json_is_the_full_record(cli, basic):
    record = json.loads(cli("--dir", str(basic), "show", "2", "--json").stdout)
    assert record["title"] == "Telescope finds water vapour around a distant rocky planet"
    assert record["published"] == "2024-11-02" and record["authors"] == ["Maria Rossi"]
    assert len(record["paragraphs"]) == 3


def test_raw_prints_the_original_text(cli, basic):
    raw = cli("--dir", str(basic), "show", "1", "--raw").stdout
    assert raw == (basic / "001_aaaaaaaaaaaaaaaa.txt").read_text(encoding="utf-8")


def test_explain_lists_every_line_with_role_and_reason(cli, seeds):
    lines = cli("--dir", str(seeds), "show", "0", "--explain").stdout.splitlines()
    roles = {line.split("\t")[3]: line.split("\t")[1] for line in lines}
    assert roles["Politics"] == "section"
    assert roles["podpis źródła zdjęcia"] == "caption"
    assert roles["More In Politics MORE..."] == "boilerplate"
    assert sum(role == "body" for role in roles.values()) == 9


def test_terminal_show_wraps_to_reading_width(cli, seeds):
    result = cli("--dir", str(seeds), "--color", "always", "show", SEED_ID, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    from rich.text import Text

    widths = [Text.from_ansi(line).cell_len for line in result.stdout.splitlines()]
    assert max(widths) <= 90
    assert "Clive Mason/Getty Images" in result.stdout  # credits are shown, dimmed


def test_long_article_on_a_terminal_goes_through_the_pager(in_terminal, seeds, tmp_path):
    capture = tmp_path / "paged.txt"
    screen = in_terminal(
        "--dir", str(seeds), "show", "0", rows=10, env={"NEWS_PAGER": f"sh -c 'cat > {capture}'"}
    )
    paged = capture.read_text(encoding="utf-8")
    assert "No truce deal" in paged and "Zaporizhzhia" in paged
    assert "Zaporizhzhia" not in screen  # the pager, not the screen, got the body


def test_the_pager_gets_the_terminals_encoding(in_terminal, seeds, tmp_path):
    """A Latin-1 terminal's pager gets Latin-1, with look-alikes or ? for what it cannot hold,
    as the screen would; the warning counts those too."""
    capture = tmp_path / "paged.txt"
    in_terminal(
        "--dir",
        str(seeds),
        "show",
        "0",
        rows=10,
        env={"NEWS_PAGER": f"sh -c 'cat > {capture}'", "PYTHONIOENCODING": "latin-1"},
    )
    paged = capture.read_bytes()
    assert b"Zaporizhzhia" in paged and b"Ukraine's energy" in paged
    paged.decode("latin-1")  # and no UTF-8 sequence for the curly quote
    assert "’".encode() not in paged


def test_short_output_or_no_pager_flag_prints_directly(in_terminal, seeds, tmp_path):
    capture = tmp_path / "paged.txt"
    screen = in_terminal(
        "--dir",
        str(seeds),
        "show",
        "0",
        "--no-pager",
        rows=10,
        env={"NEWS_PAGER": f"sh -c 'cat > {capture}'"},
    )
    assert "Zaporizhzhia" in screen and not capture.exists()
    screen = in_terminal(
        "--dir", str(seeds), "show", "0", rows=200, env={"NEWS_PAGER": f"sh -c 'cat > {capture}'"}
    )
    assert "Zaporizhzhia" in screen and not capture.exists()


def test_piped_show_never_pages(news, seeds, tmp_path):
    capture = tmp_path / "paged.txt"
    result = news(
        "--dir",
        str(seeds),
        "show",
        "0",
        env={"NEWS_PAGER": f"sh -c 'cat > {capture}'", "LINES": "5"},
    )
    assert result.returncode == 0 and not capture.exists()
    assert result.stdout.decode().startswith("No truce deal")
