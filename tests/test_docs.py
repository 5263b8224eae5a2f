"""The README's promises: its set-up commands are the ones CI runs, and its examples are real output."""

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    commands = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(commands) == 2 and commands[0].endswith("news list") and "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_examples_match_real_output(cli, seeds):
    for args, expected in (
        (("list",), "000_ab421d6d9d13d5bb\t\tPolitics\t276\tNo truce deal"),
        (("grep", "-c", "ceasefire"), "000_ab421d6d9d13d5bb:4"),
        (("show", "0", "--explain"), "3\ttitle\tscored highest as the headline\tNo truce deal"),
        (("show", "0", "--explain"), "7\tcaption\tcaption or image-source label\tpodpis źródła zdjęcia"),
        (("show", "0"), "Politics · 276 words · 2 min read\n\nRussia says it is willing to temporarily stop attacking Ukraine’s energy\n"),
        (("search", "ceasefire AND energy"), "000_ab421d6d9d13d5bb\t4.957\tNo truce deal"),
        (("index",), "6 articles: 0 parsed, 6 unchanged, 0 dropped"),
    ):
        out = cli("--dir", str(seeds), *args).stdout
        assert expected in out and expected in README
