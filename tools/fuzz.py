"""Long fuzz runs of the parser, the CLI, grep's prefilter and search queries (not part of CI).

    python tools/fuzz.py --minutes 10 [--target parser|cli|prefilter|query|all]

Hypothesis properties run in turn with a large example budget until the time is up:
- ``parser``: ``parse_article`` on arbitrary and news-shaped bytes returns a record,
  deterministically, with every non-blank line given one role;
- ``cli``: the ``news`` app, given arbitrary arguments from the real option vocabulary plus
  junk over a small folder of hostile files, exits 0, 1 or 2 without a traceback and writes
  no control characters to stdout;
- ``prefilter``: over random Unicode articles, ``news grep`` through the index prints exactly
  what ``--full-scan`` prints, over text dumps, saved pages and JSON lines, for random patterns (pieces of the text, case-changed, with
  -i, -F, -w, -c, -l) and random regexes;
- ``query``: ``news search`` with random queries (words, operators, quotes, stars, junk)
  exits 0, 1 or 2 with at most one error line, never a traceback, within seconds.
Prints the number of examples run; a failure prints Hypothesis's minimal example and exits
1, so it can be added to the tests as a regression.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import mock_environment  # noqa: E402
from test_properties import ANY_BYTES, TRICKY_WORDS  # noqa: E402

from newsreader.cli import main as news_main  # noqa: E402
from newsreader.model import ROLES  # noqa: E402
from newsreader.parse import explain_lines, parse_article  # noqa: E402
from newsreader.parse.furniture import file_keys, shared_keys  # noqa: E402

WORDS = [
    "list",
    "show",
    "grep",
    "export",
    "search",
    "index",
    "--json",
    "--raw",
    "--explain",
    "-i",
    "-S",
    "-w",
    "-F",
    "-c",
    "-l",
    "-C",
    "1",
    "--field",
    "title",
    "body",
    "--section",
    "--limit",
    "0",
    "5",
    "--sort",
    "date",
    "words",
    "--width",
    "0",
    "--since",
    "2024-01-01",
    "--until",
    "x",
    "--no-pager",
    "001",
    "ab",
    "((",
    "[a-",
    ".*",
    "\x1b[31m",
    "../../etc/passwd",
    "-",
    "--",
    "--color",
    "always",
    "never",
    "",
]
HOSTILE = {
    "001_00000000000000aa.txt": "[bold]Title[/] \x1b]0;t\x07\n\nBody \x9b31m text that is long enough to be prose.\n",
    "002_00000000000000bb.txt": "\u202eReversed headline\n\n" + "word " * 50 + "\n",
    "003_00000000000000cc.txt": "",
}


def fuzz_parser(examples: int) -> None:
    @settings(
        max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(ANY_BYTES, ANY_BYTES)
    def prop(data: bytes, other: bytes) -> None:
        shared = shared_keys(
            [file_keys(data)] * 2 + [file_keys(other)] * 3
        )  # as if its folder repeated lines
        for common in (frozenset(), shared):
            article = parse_article(data, "001_0123456789abcdef.txt", shared=common)
            assert parse_article(data, "001_0123456789abcdef.txt", shared=common) == article
            assert all(role.role in ROLES for role in explain_lines(data, common))

    prop()


def _run(folder: Path, cache: Path, *args: str) -> tuple[int, str, str]:
    """``news --dir FOLDER ARGS`` in this process: exit status, stdout, stderr."""
    env = mock_environment({"NEWS_CACHE_DIR": str(cache)})
    code = news_main(["--dir", str(folder), *args], env)
    return code, env.stdout.getvalue(), env.stderr.getvalue()


def fuzz_cli(examples: int, folder: Path, cache: Path) -> None:
    @settings(
        max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6))
    def prop(args: list[str]) -> None:
        code, out, err = _run(folder, cache, *args)
        assert code in (0, 1, 2), (args, code, err)
        assert "Traceback (most recent call last)" not in err
        assert not any(c in out for c in "\x07\x9b\u202e"), args

    prop()


ARTICLE_TEXT = st.one_of(
    st.text(min_size=1, max_size=200), st.lists(TRICKY_WORDS, min_size=1, max_size=12).map(" ".join)
)
REGEXES = [
    "a+",
    r"\w+ly",
    "(?i)is",
    "[Iİı]s",
    "s|ſ",
    r"\bσ",
    "ﬅ|st",
    "(?i)STRASSE|straße",
    ".",
    "x?y+z",
]


def fuzz_prefilter(examples: int, work: Path) -> None:
    @settings(
        max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(st.lists(ARTICLE_TEXT, min_size=1, max_size=4), st.data())
    def prop(bodies: list[str], data) -> None:
        folder, cache = work / "prefilter", work / "prefilter-cache"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        folder.mkdir()
        for number, body in enumerate(bodies):
            (folder / f"{number:03d}_{number:016x}.txt").write_text(
                f"Headline {number} of the fuzz run\n\nThe report said that {body} was seen by many of "
                "the people in the old town on Monday, and that more would follow.\n",
                encoding="utf-8",
                errors="surrogatepass",
            )
            # the same text as a saved page and as scraper records: grep reads the rendered
            # text and each record, never markup or JSON, through the index or not
            (folder / f"page{number}.html").write_text(
                f"<html><body><nav>Home</nav><h1>Page {number}</h1><p>{html.escape(body)}</p>"
                "<p>A second paragraph of the page, long enough to be read as prose.</p></body></html>",
                encoding="utf-8",
                errors="surrogatepass",
            )
        records = (
            json.dumps({"title": f"Record {n}", "maintext": b}) for n, b in enumerate(bodies)
        )
        (folder / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
        _run(folder, cache, "index")  # parse warnings are said here, once, not by either grep
        for _ in range(8):
            source = data.draw(st.sampled_from(bodies))
            start = data.draw(st.integers(0, max(0, len(source) - 1)))
            piece = source[start : start + data.draw(st.integers(1, 12))] or "a"
            pattern = data.draw(
                st.one_of(
                    st.sampled_from([piece, piece.swapcase(), piece.upper(), piece.lower()]),
                    st.sampled_from(REGEXES),
                )
            )
            flags = data.draw(
                st.lists(st.sampled_from(["-i", "-F", "-w", "-c", "-l", "-S"]), unique=True)
            )
            if "-F" not in flags and pattern not in REGEXES:
                pattern = re.escape(pattern)
            indexed = _run(folder, cache, "grep", *flags, "--", pattern)
            scanned = _run(folder, cache, "grep", "--full-scan", *flags, "--", pattern)
            assert indexed == scanned, (pattern, flags, indexed, scanned)

    prop()


QUERY_WORDS = [
    "harbour",
    "storms",
    "council",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "(",
    ")",
    '"',
    "*",
    "^",
    ":",
    "-",
    "cease-fire",
    "don't",
    "U.S.",
    "$10",
    "50%",
    "title:",
    "Biden:",
    "\x1b[31m",
    "NEAR(a b)",
    "{",
    "}",
]


def fuzz_query(examples: int, folder: Path, cache: Path) -> None:
    @settings(
        max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(
        st.lists(
            st.one_of(st.sampled_from(QUERY_WORDS), st.text(max_size=10)), min_size=1, max_size=12
        ),
        st.sampled_from([" ", "", "  "]),
    )
    def prop(words: list[str], joiner: str) -> None:
        query = joiner.join(words)
        started = time.monotonic()
        code, out, err = _run(folder, cache, "search", "--", query)
        assert time.monotonic() - started < 10, query
        assert code in (0, 1, 2) and "Traceback (most recent call last)" not in err, (
            query,
            code,
            err,
        )
        assert err.count("\n") <= 1 and (code != 2 or err.startswith(("Error: ", "Usage: "))), (
            query,
            err,
        )
        assert not any(c in out for c in "\x07\x9b\x1b\u202e"), query

    prop()


TARGETS = ("parser", "cli", "prefilter", "query")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--target", choices=(*TARGETS, "all"), default="all")
    args = parser.parse_args()
    targets = TARGETS if args.target == "all" else (args.target,)
    deadline = time.monotonic() + args.minutes * 60
    counts = dict.fromkeys(targets, 0)
    with tempfile.TemporaryDirectory() as work:
        folder, cache = Path(work) / "news", Path(work) / "cache"
        folder.mkdir()
        for name, text in HOSTILE.items():
            (folder / name).write_text(text, encoding="utf-8")
        rounds = {
            "parser": (2000, lambda n: fuzz_parser(n)),
            "cli": (200, lambda n: fuzz_cli(n, folder, cache)),
            "prefilter": (50, lambda n: fuzz_prefilter(n, Path(work))),
            "query": (200, lambda n: fuzz_query(n, folder, cache)),
        }
        while time.monotonic() < deadline:
            for target in targets:
                examples, run = rounds[target]
                run(examples)
                counts[target] += examples
    done = ", ".join(f"{count:,} {target} examples" for target, count in counts.items())
    print(f"fuzzed {done} in {args.minutes:g} minutes: no failure")


if __name__ == "__main__":
    main()
