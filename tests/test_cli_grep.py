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


@pytest.mark.parametrize("workers", [2, 3])
def test_a_full_scan_on_several_cores_gives_every_hit_in_file_name_order(tmp_path, workers):
    """A scan with no word the index can narrow by runs on every core, each on its own stripe
    of the rows; their hits are merged in file-name order as they come (they were held until
    the end, a gigabyte for 20,000 files), the same as one core gives."""
    from dataclasses import replace

    from conftest import mock_environment

    from newsreader.library import Library

    folder = tmp_path / "news"
    folder.mkdir()
    for n in reversed(range(90)):  # written out of order: rowids are not file-name order
        words = "quickly and quietly" if n % 3 else "at once"
        (folder / f"{n:03d}_{n:016x}.txt").write_text(
            f"Story {n} of the harbour\n\nThe board met {words} on the pier, and the town "
            "listened to every word of the debate until late in the evening.\n"
        )
    env = mock_environment({"NEWS_CACHE_DIR": str(tmp_path / "cache")})

    def found(cores):
        library = Library.open(folder, replace(env, workers=cores))
        return [hits.article.id for hits in library.grep(r"\w+ly\b", narrow=False)]

    one = found(1)
    assert len(one) == 60 and one == sorted(one)
    assert found(workers) == one


def test_hits_of_several_children_come_before_the_scan_ends():
    """The merge gives a hit once every other child has passed its place: the first lines of a
    full scan come while the children are still reading, not when all have finished."""
    import multiprocessing
    import time

    from newsreader.matching import matched
    from newsreader.model import Text
    from newsreader.search.matcher import compile_pattern, make_query

    read = multiprocessing.get_context("fork").Value("i", 0)

    def stripe(first):
        def source():
            for place in range(first, 800, 2):
                with read.get_lock():
                    read.value += 1
                time.sleep(0.001)
                yield place, Text(f"{place:03d}", f"/n/{place:03d}.txt", None, "Harbour", "pier")

        return source

    query = make_query(compile_pattern("harbour", ignore_case=True), "all", 0, "lines")
    hits = matched([stripe(0), stripe(1)], query, 0)
    first = next(hits)
    assert first.article.id == "000" and read.value < 800
    rest = [hits_.article.id for hits_ in hits]
    assert rest == [f"{n:03d}" for n in range(1, 800)]
