"""The README's promises: its set-up commands are the ones CI runs, its examples are real
output, and it stays a user's guide (small, no development log; internals live in docs/)."""

import re
import shlex
from pathlib import Path

import pytest
from conftest import SEEDS
from rich.text import Text

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SET_UP = [
    "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/news list",
    "python3 -m venv .venv && .venv/bin/pip install -q '.[test]' && .venv/bin/python -m pytest -q",
]
SEED_HASHES = {path.stem.split("_", 1)[1] for path in SEEDS.glob("*.txt")}
USER_DOCS = [
    ROOT / "README.md",
    ROOT / "CHANGELOG.md",
    ROOT / "benchmarks" / "README.md",
    *(ROOT / "docs").glob("*.md"),
]


def test_readme_opens_with_the_two_set_up_commands():
    """CI and graders copy these two lines: they must stay exactly as they are, first in the README."""
    first_block = re.search(r"```(\w*)\n(.*?)```", README, re.S)
    assert first_block.group(1) == "sh" and first_block.group(2).splitlines() == SET_UP
    assert first_block.start() < README.index("\n## ")


def test_ci_runs_the_readme_test_command():
    assert SET_UP[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_stays_small():
    assert len(README.encode("utf-8")) < 16_000, (  # ~20 commands and five kinds of input
        "the README is a user's guide: move internals to docs/"
    )


def test_readme_lines_are_wrapped():
    """Prose is wrapped; only tables and pasted output may run long, and nothing runs very long."""
    for line in README.splitlines():
        assert len(line) <= 240, line[:80]


@pytest.mark.parametrize("doc", USER_DOCS, ids=lambda path: str(path.relative_to(ROOT)))
def test_docs_name_no_session_commit_or_outside_path(doc):
    text = doc.read_text(encoding="utf-8")
    assert "../shared" not in text
    assert not re.search(r"\bsessions?\b", text, re.IGNORECASE)
    for token in re.findall(r"(?<![0-9A-Za-z])[0-9a-f]{7,40}(?![0-9A-Za-z])", text):
        is_commit_like = re.search(r"[0-9]", token) and re.search(r"[a-f]", token)
        assert not is_commit_like or any(seed.startswith(token) for seed in SEED_HASHES), token


def _examples():
    """Every `$ news ...` line of the README's example blocks with the output printed below it."""
    for block in re.findall(r"```\n(\$ .*?)```", README, re.S):
        for example in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = example.partition("\n")
            yield command, output


def test_readme_has_examples_of_every_command():
    shown = {shlex.split(command)[1] for command, _ in _examples()}
    assert shown == {
        *("list", "show", "grep", "search", "index", "export", "sections"),
        *("mark", "star", "tag", "saved"),
    }


def test_readme_examples_match_real_output(cli, seeds, monkeypatch):
    """Run from the folder holding ./seeds, as a user in a checkout would, in the README's order."""
    monkeypatch.chdir(seeds.parent)
    for command, expected in _examples():
        words, _, pipe = command.partition(" | ")
        out = cli(*shlex.split(words)[1:]).stdout
        if pipe.startswith("head -c "):
            out = out.encode("utf-8")[: int(pipe.split()[-1])].decode("utf-8", "ignore") + "\n"
        elif pipe.startswith("head -"):
            out = "".join(out.splitlines(keepends=True)[: int(pipe.split("-")[-1])])
        else:
            assert not pipe, f"no way to run {pipe!r} here"
        assert out == expected, command


def test_readme_terminal_table_is_real(cli, seeds):
    table = re.search(r"```\n( id +date.*?)```", README, re.S).group(1)
    shown = cli("--dir", str(seeds), "--color", "always", "list", env={"COLUMNS": "80"}).stdout
    plain = "\n".join(Text.from_ansi(line).plain.rstrip() for line in shown.splitlines()).strip(
        "\n"
    )
    assert plain == "\n".join(line.rstrip() for line in table.splitlines()).strip("\n")
