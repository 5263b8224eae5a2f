"""The installed `news` as a real process: pipes, entry points, defaults, speed-sensitive imports."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_ID, SEEDS, _news_executable


def _env(cache_dir):
    return {**os.environ, "NEWS_CACHE_DIR": str(cache_dir)}


def test_list_into_head_ends_quietly(basic, cache_dir):
    pipeline = f"'{_news_executable()}' --dir '{basic}' list | head -1"
    result = subprocess.run(
        ["bash", "-c", pipeline], capture_output=True, timeout=60, env=_env(cache_dir)
    )
    assert result.stdout.decode().startswith("001_aaaaaaaaaaaaaaaa\t")
    assert result.stderr == b""


def test_closed_pipe_on_a_large_listing_prints_no_traceback(tmp_path, cache_dir):
    for n in range(400):
        (tmp_path / f"{n:03d}_{n:016x}.txt").write_text(
            f"Headline number {n} for the test\n\nBody text of article {n} that runs on for a while.\n"
        )
    pipeline = f"'{_news_executable()}' --dir '{tmp_path}' list | head -1"
    result = subprocess.run(
        ["bash", "-c", pipeline], capture_output=True, timeout=60, env=_env(cache_dir)
    )
    assert result.stdout.count(b"\n") == 1
    assert b"Traceback" not in result.stderr and b"BrokenPipe" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["list"], ["export"], ["show", "001_aaaaaaaaaaaaaaaa"]])
def test_output_to_a_full_disk_is_one_line_not_a_traceback(basic, cache_dir, args):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [_news_executable(), "--dir", str(basic), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            env=_env(cache_dir),
        )
    assert result.returncode == 2
    assert result.stderr == b"Error: The output could not be written: No space left on device.\n"


def test_relative_dates_count_from_the_real_day(tmp_path, cache_dir):
    """`--since 7d` and `--until today` counted from a fixed day in the code, 2026-01-01, so a
    week's news was every article after mid-December 2025 (a user's trial found it)."""
    import datetime

    today = datetime.date.today()
    for n, age in enumerate([0, 3, 30, 400]):
        day = (today - datetime.timedelta(days=age)).isoformat()
        (tmp_path / f"{n:03d}_{n:016x}.txt").write_text(
            f"Story told {age} days ago\n\n{day}\n\nThe harbour board met and voted on the "
            "pier again, as it does every week of the year, and nobody was surprised.\n"
        )

    def listed(*since):
        result = subprocess.run(
            [_news_executable(), "--dir", str(tmp_path), "list", *since],
            capture_output=True,
            text=True,
            timeout=60,
            env=_env(cache_dir),
        )
        return [line.split("\t")[0] for line in result.stdout.splitlines()]

    assert listed("--since", "7d") == ["000_0000000000000000", "001_0000000000000001"]
    assert listed("--since", "today") == ["000_0000000000000000"]
    assert listed("--until", "yesterday") == [
        "001_0000000000000001",
        "002_0000000000000002",
        "003_0000000000000003",
    ]


def test_version_and_module_entry_point(news):
    from newsreader import __version__

    assert news("--version").stdout.decode() == f"news {__version__}\n"
    result = subprocess.run(
        [sys.executable, "-m", "newsreader", "--version"], capture_output=True, timeout=60
    )
    assert result.stdout.decode() == f"news {__version__}\n"


def test_default_folder_is_news_dir_then_seeds_then_bundled(news, basic, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    bundled = {
        line.split("\t")[0] for line in news("list", cwd=elsewhere).stdout.decode().splitlines()
    }
    assert SEED_ID in bundled and bundled == {
        path.stem for path in SEEDS.glob("*.txt")
    }  # the bundled seeds
    assert (
        news("list", cwd=elsewhere, env={"NEWS_DIR": str(basic)})
        .stdout.decode()
        .startswith("001_aaaa")
    )
    (elsewhere / "seeds").mkdir()
    (elsewhere / "seeds" / "local.txt").write_text(
        "Local headline for the test\n\nA local body paragraph that is long enough.\n"
    )
    assert news("list", cwd=elsewhere).stdout.decode().startswith("local\t")


def test_piped_output_has_no_escape_codes_even_with_force_color_unset(news, seeds):
    for args in (["list"], ["show", "0"], ["grep", "ceasefire"], ["export"]):
        result = news("--dir", str(seeds), *args, env={"TERM": "xterm-256color"})
        assert result.returncode == 0 and b"\x1b" not in result.stdout


def test_output_in_an_encoding_that_cannot_hold_the_text_says_so_and_json_loses_nothing(
    news, tmp_path
):
    """A Latin-1 (or ASCII) standard output gets typographic quotes (as apostrophes, which
    keep CSV's fields whole) and dashes as ASCII look-alikes and ``?`` for the rest it cannot hold, not a traceback, and a warning counting
    the ``?``; what it can hold is written in its own encoding. JSON escapes every character
    beyond ASCII instead, so it holds the true text."""
    true_title = "The “quoted” café headline for 日本"
    (tmp_path / "a.txt").write_text(
        f"World\n\n{true_title}\n\n"
        "A paragraph of the story that runs on long enough to be kept as the body.\n",
        encoding="utf-8",
    )
    for encoding, title, lost in (
        ("latin-1", "The 'quoted' café headline for ??", 2),
        ("ascii", "The 'quoted' caf? headline for ??", 3),
    ):
        for args in (["list"], ["show", "a"], ["export", "-f", "csv"]):
            result = news("--dir", str(tmp_path), *args, env={"PYTHONIOENCODING": encoding})
            assert result.returncode == 0, result.stderr
            assert title in result.stdout.decode(encoding), (encoding, args)
            warned = re.match(
                r"warning: (\d+) characters were printed as \? \((?:iso8859-1|ascii) cannot hold them\); ",
                result.stderr.decode(),
            )
            assert warned and int(warned[1]) >= lost, result.stderr
        for args in (["export"], ["show", "--json", "a"], ["list", "--json"]):
            result = news("--dir", str(tmp_path), *args, env={"PYTHONIOENCODING": encoding})
            assert result.returncode == 0 and result.stderr == b"", result.stderr
            assert result.stdout.isascii() and json.loads(result.stdout)["title"] == true_title


def test_look_alikes_keep_csv_fields_whole_in_a_latin1_output(news, tmp_path):
    """Quotation marks a Latin-1 output cannot hold are written after CSV quoted its fields: as
    apostrophes they can neither close a field nor, as a comma would, split one."""
    (tmp_path / "a.txt").write_text(
        "World\n\nThe \u201cquoted, really\u201d \u201elow\u201c headline\n\n"
        "A paragraph of the story that runs on long enough to be kept as the body.\n",
        encoding="utf-8",
    )
    result = news(
        "--dir", str(tmp_path), "export", "-f", "csv", env={"PYTHONIOENCODING": "latin-1"}
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("latin-1"))))
    assert [row["title"] for row in rows] == ["The 'quoted, really' 'low' headline"]


def test_look_alikes_make_no_markdown(news, tmp_path):
    """A dash opening a paragraph and a bullet have no look-alike that means nothing to Markdown
    ("- " opens a list, "*" emphasis): they are ? there, while a dash between words is "-"."""
    (tmp_path / "a.txt").write_text(
        "World\n\nLibrary stays open after the vote\n\n"
        "\u2014 The council voted \u2014 at last \u2014 to keep it open all year, said the clerk.\n\n"
        "\u2022Opening hours\u2022 stay the same for the whole of the year, the clerk said.\n",
        encoding="utf-8",
    )
    result = news("--dir", str(tmp_path), "export", "-f", "md", env={"PYTHONIOENCODING": "ascii"})
    text = result.stdout.decode("ascii")
    assert "? The council voted - at last - to keep it open" in text
    assert "?Opening hours? stay the same" in text


def test_real_terminal_gets_a_rich_table(in_terminal, seeds):
    screen = in_terminal("--dir", str(seeds), "list", cols=100)
    assert "\x1b[" in screen and "─" in screen and "No truce deal" in screen


def test_help_does_not_import_rich_textual_or_the_parser():
    code = "import sys, newsreader.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'sqlite3', 'charset_normalizer', 'textual') or m.startswith('newsreader.parse')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_every_command_has_help_with_an_example(news):
    for command in ("list", "show", "grep", "export", "search", "index", "mark", "tag", "browse"):
        text = news(command, "--help").stdout.decode()
        assert "Example" in text and "Usage: news " + command in text
