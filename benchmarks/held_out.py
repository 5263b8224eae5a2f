"""The parser held out by site against itself in-sample, as issue #19 judges it, in one table.

    python benchmarks/held_out.py [--shared ../shared] [--splits 0 1 2 3 4] [--jobs 2] [--out DIR]

For each grouping N of the dev sites, ``tools/train_parser.py --split N --augment
--cv-predictions`` refits the classifiers on four fifths of the sites and parses the fifth, so
every dev article is parsed once by classifiers that never saw its site; ``shared/eval/score.py``
scores those parses. The in-sample row is ``news export`` of the same files with the shipped
classifiers. The table gives the held-out mean of the groupings (their range in brackets) and
in-sample minus held-out (the gap: a large one means rules or weights fitted to what they were
shown). Body F1 is split between the articles whose truth is the whole story and those whose
truth stops part-way (``PARTIAL_TRUTH`` in the training tool): a classifier that learned where
such a truth stops scores high in-sample there and nowhere else. Needs numpy (as the tool does)
and ../shared; says so when either is missing. Five groupings take about eight minutes on two
cores.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
FORMS = ("region", "page")
FIELDS = ("title", "body_f1", "authors", "date")


def load_scorer(shared: Path) -> ModuleType:
    """``shared/eval/score.py`` as a module: its ``score`` gives the summary and per-article rows."""
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def partial_truth() -> frozenset[str]:
    """The dev articles whose truth stops part-way, as the training tool lists them."""
    sys.path.insert(0, str(ROOT / "tools"))
    from train_parser import PARTIAL_TRUTH

    return PARTIAL_TRUTH


def held_out(corpus: Path, split: int, out: Path) -> Path:
    """Write grouping ``split``'s held-out parses under ``out`` (the tool's log beside them)."""
    target = out / f"s{split}"
    command = [
        sys.executable,
        str(ROOT / "tools" / "train_parser.py"),
        "--corpus",
        str(corpus),
        "--split",
        str(split),
        "--augment",
        "--cv-predictions",
        str(target),
    ]
    with open(out / f"s{split}.log", "w", encoding="utf-8") as log:
        subprocess.run(command, check=True, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    return target


def in_sample(corpus: Path, form: str) -> list[str]:
    """``news export`` of the form's files with the shipped classifiers, as JSON lines."""
    with tempfile.TemporaryDirectory() as cache:
        result = subprocess.run(
            [sys.executable, "-m", "newsreader", "--dir", str(corpus / form), "export"],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "NEWS_CACHE_DIR": cache},
        )
    return result.stdout.splitlines()


def figures(scorer: ModuleType, truths: list[dict], lines: list[str], partial: frozenset[str]):
    """The summary's fields, then body F1 on the whole truths and on the partial ones."""
    predictions = scorer.read_jsonl(lines, "predictions")
    summary, _ = scorer.score(truths, predictions)
    whole = [t for t in truths if t["id"][:3] not in partial]
    cut = [t for t in truths if t["id"][:3] in partial]
    return (
        *(summary[field] for field in FIELDS),
        scorer.score(whole, predictions)[0]["body_f1"],
        scorer.score(cut, predictions)[0]["body_f1"],
    )


def table(rows: dict[str, list[tuple[float, ...]]], inside: dict[str, tuple[float, ...]]) -> str:
    """Markdown: per form, in-sample, the held-out mean with its range, and the gap."""
    names = ("title", "body F1", "authors", "date", "body F1, whole truth", "body F1, partial")
    lines = ["| form | row | " + " | ".join(names) + " |", "|---" * (len(names) + 2) + "|"]
    for form, runs in rows.items():
        means = [sum(column) / len(column) for column in zip(*runs)]
        spans = [f"{mean:.4f} ({min(c):.3f}–{max(c):.3f})" for mean, c in zip(means, zip(*runs))]
        lines.append(
            f"| {form} | in-sample | " + " | ".join(f"{v:.4f}" for v in inside[form]) + " |"
        )
        lines.append(f"| {form} | held out, mean of {len(runs)} | " + " | ".join(spans) + " |")
        gaps = (f"{a - b:+.4f}" for a, b in zip(inside[form], means))
        lines.append(f"| {form} | gap | " + " | ".join(gaps) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--splits", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--jobs", type=int, default=2, help="groupings trained at once")
    parser.add_argument("--out", type=Path, help="keep the held-out parses here")
    args = parser.parse_args()
    corpus = args.shared / "corpus" / "dev"
    if not (args.shared / "eval" / "score.py").exists() or not (corpus / "truth.jsonl").exists():
        sys.exit(
            f"The shared dev corpus and scorer are not at {args.shared}; pass --shared PATH. "
            "Nothing was measured."
        )
    if importlib.util.find_spec("numpy") is None:
        sys.exit("The training tool needs numpy (pip install numpy). Nothing was measured.")
    scorer, partial = load_scorer(args.shared), partial_truth()
    truths = [json.loads(line) for line in open(corpus / "truth.jsonl", encoding="utf-8")]
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(args.jobs) as pool:
            folders = list(pool.map(lambda n: held_out(corpus, n, out), args.splits))
        rows = {
            form: [
                figures(scorer, truths, (f / f"{form}.jsonl").read_text().splitlines(), partial)
                for f in folders
            ]
            for form in FORMS
        }
    inside = {form: figures(scorer, truths, in_sample(corpus, form), partial) for form in FORMS}
    print(table(rows, inside))
    print(
        f"\n{len(partial)} of {len(truths)} dev articles have a partial truth; held out by site "
        f"over groupings {' '.join(map(str, args.splits))} (tools/train_parser.py --augment)."
    )


if __name__ == "__main__":
    main()
