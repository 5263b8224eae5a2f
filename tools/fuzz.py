"""Long fuzz run of the parser and of the CLI's argument handling (not part of CI).

    python tools/fuzz.py --minutes 10

Two Hypothesis properties run in turn with a large example budget until the
time is up: (1) ``parse_article`` on arbitrary and news-shaped bytes returns a
record, deterministically, with every non-blank line given one role; (2) the
``news`` app, given arbitrary arguments from the real option vocabulary plus
junk over a small folder of hostile files, exits 0, 1 or 2 without a
traceback and writes no control characters to stdout. Prints the number of
examples run; a failure prints Hypothesis's minimal example and exits 1,
so it can be added to the tests as a regression.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from newsreader.model import ROLES  # noqa: E402
from newsreader.parse import explain_lines, parse_article  # noqa: E402
from newsreader.parse.furniture import file_keys, shared_keys  # noqa: E402
from test_properties import ANY_BYTES  # noqa: E402

WORDS = ["list", "show", "grep", "export", "search", "index", "--json", "--raw", "--explain", "-i", "-S", "-w",
         "-F", "-c", "-l", "-C", "1", "--field", "title", "body", "--section", "--limit", "0", "5", "--sort",
         "date", "words", "--width", "0", "--since", "2024-01-01", "--until", "x", "--no-pager", "001", "ab",
         "((", "[a-", ".*", "\x1b[31m", "../../etc/passwd", "-", "--", "--color", "always", "never", ""]
HOSTILE = {
    "001_00000000000000aa.txt": "[bold]Title[/] \x1b]0;t\x07\n\nBody \x9b31m text that is long enough to be prose.\n",
    "002_00000000000000bb.txt": "\u202eReversed headline\n\n" + "word " * 50 + "\n",
    "003_00000000000000cc.txt": "",
}


def fuzz_parser(examples: int) -> None:
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(ANY_BYTES, ANY_BYTES)
    def prop(data: bytes, other: bytes) -> None:
        shared = shared_keys([file_keys(data)] * 2 + [file_keys(other)] * 3)  # as if its folder repeated lines
        for common in (frozenset(), shared):
            article = parse_article(data, "001_0123456789abcdef.txt", shared=common)
            assert parse_article(data, "001_0123456789abcdef.txt", shared=common) == article
            assert all(role.role in ROLES for role in explain_lines(data, common))

    prop()


def fuzz_cli(examples: int, folder: Path, cache: Path) -> None:
    from typer.testing import CliRunner

    from newsreader.cli import app

    runner = CliRunner()

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6))
    def prop(args: list[str]) -> None:
        result = runner.invoke(app, ["--dir", str(folder), *args], env={"NEWS_CACHE_DIR": str(cache)})
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output
        assert not any(c in result.stdout for c in "\x07\x9b\u202e"), args

    prop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    counts = {"parser": 0, "cli": 0}
    with tempfile.TemporaryDirectory() as work:
        folder, cache = Path(work) / "news", Path(work) / "cache"
        folder.mkdir()
        for name, text in HOSTILE.items():
            (folder / name).write_text(text, encoding="utf-8")
        while time.monotonic() < deadline:
            fuzz_parser(2000)
            counts["parser"] += 2000
            fuzz_cli(200, folder, cache)
            counts["cli"] += 200
    print(f"fuzzed {counts['parser']:,} parser inputs and {counts['cli']:,} CLI argument lists "
          f"in {args.minutes:g} minutes: no failure")


if __name__ == "__main__":
    main()
