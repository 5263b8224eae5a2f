"""newsreader at scale: index, list, grep, search and show on a large folder, against ripgrep.

    python benchmarks/scale.py --files 100000 [--corpus DIR] [--cache DIR] [--data DIR] [--runs 5]
                               [--shared ../shared]

Builds the folder with ``shared/bench/make_corpus.py`` unless --corpus names
one, indexes it into a fresh cache (or brings --cache up to date), then,
with the reader's marks in --data (else a fresh folder), times each command as a whole
process (median of --runs warm runs, output into a pipe), with ripgrep, GNU
grep and ``python -c pass`` timed in the same run as references, and prints
a Markdown table with the ratios. It also checks that the indexed grep
prints exactly what a full scan (``--full-scan``) prints. Needs ``news`` on
PATH (this checkout installed) and ``rg``; ../shared only to build a corpus.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GREPS = [  # (label, news grep arguments, ripgrep arguments)
    ("word in ~3% of files", ["-l", "ceasefire"], ["-l", "ceasefire"]),
    (
        "case-insensitive alternation",
        ["-l", "-i", "climate (change|crisis)"],
        ["-l", "-i", "climate (change|crisis)"],
    ),
    ("no literal to narrow with", ["-c", r"\b\w+ly\b"], ["-c", r"\b\w+ly\b"]),
]


def timed(command: list[str], env: dict, runs: int) -> float:
    """Median wall time of ``command`` over ``runs`` runs (after one warm-up), output into a pipe."""
    samples = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, check=False
        )
        if attempt:
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def timed_marking(news: str, ids: str, env: dict, runs: int) -> float:
    """Median wall time of ``news mark read -`` of ``ids`` (one a line), each run on articles
    marked unread first (untimed), so every timed run writes every mark."""
    samples = []
    for attempt in range(runs + 1):
        for how in ("unread", "read"):
            start = time.perf_counter()
            subprocess.run(
                [news, "mark", how, "-"], input=ids, text=True, capture_output=True, env=env
            )
        if attempt:
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


#: A whole process that opens the browser headless on $NEWS_DIR and quits once the first screen
#: of the list is painted: what `news browse` does before the user sees the list.
FIRST_SCREEN = """
import asyncio
from newsreader.env import Environment
from newsreader.library import Library, source_folder
from newsreader.browse.app import BrowseApp
env = Environment.from_process()
app = BrowseApp(Library.open(source_folder(None, env), env))
async def first_paint(pilot):
    await pilot.pause()
    assert app.rows.render_line(0).text.strip()
    app.exit()
app.run(headless=True, size=(100, 30), auto_pilot=first_paint)
"""


def folder_bytes(folder: Path) -> int:
    return sum(entry.stat().st_blocks * 512 for entry in os.scandir(folder) if entry.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument(
        "--corpus", type=Path, help="an existing folder to use instead of building one"
    )
    parser.add_argument("--cache", type=Path, help="a cache folder to use (and keep) instead")
    parser.add_argument("--data", type=Path, help="a data folder for the marks (kept) instead")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    news, rg = shutil.which("news"), shutil.which("rg")
    if not news or not rg:
        sys.exit("Needs `news` (pip install .) and `rg` (ripgrep) on PATH. Nothing was measured.")
    work = Path(tempfile.mkdtemp(prefix="newsreader-scale-"))
    corpus = args.corpus
    if corpus is None:
        maker = args.shared / "bench" / "make_corpus.py"
        if not maker.exists():
            sys.exit(f"No corpus given and {maker} is missing; pass --corpus DIR or --shared PATH.")
        corpus = work / "corpus"
        subprocess.run(
            [sys.executable, str(maker), str(args.files), str(corpus)],
            check=True,
            capture_output=True,
        )
    cache, data = args.cache or work / "cache", args.data or work / "data"
    env = {**os.environ, "NEWS_CACHE_DIR": str(cache), "NEWS_DATA_DIR": str(data)}
    env["NEWS_DIR"] = str(corpus)
    files = sum(1 for entry in os.scandir(corpus) if entry.is_file())

    start = time.perf_counter()
    subprocess.run([news, "index"], env=env, check=True, stdout=subprocess.DEVNULL)
    first_index = time.perf_counter() - start
    os.sync()  # the new index is hundreds of MB of dirty pages: let writeback finish before timing reads
    time.sleep(5)
    index_bytes = sum(p.stat().st_size for p in cache.iterdir())
    raw_bytes = folder_bytes(corpus)

    rows = [
        (
            "first full index" if args.cache is None else "index brought up to date (--cache)",
            f"{first_index:.1f} s",
            f"{files / first_index:,.0f} files/s",
            "≤ 60 s",
        )
    ]
    rows.append(
        ("re-scan, nothing changed", *_vs(timed([news, "index"], env, args.runs), None), "≤ 0.5 s")
    )
    pass_time = timed([sys.executable, "-c", "pass"], env, args.runs)
    rows.append(
        (
            "`news list` piped, all rows",
            *_vs(timed([news, "list"], env, args.runs), None),
            "≤ 0.3 s",
        )
    )
    for label, news_args, rg_args in GREPS:
        ours = timed([news, "grep", *news_args], env, args.runs)
        theirs = timed([rg, *rg_args, str(corpus)], env, args.runs)
        rows.append(
            (
                f"`news grep {' '.join(news_args)}` ({label})",
                *_vs(ours, theirs, "rg"),
                "≤ 0.5× rg"
                if "3%" in label
                else "≤ 1× rg"
                if "alternation" in label
                else "≤ 1.5× rg",
            )
        )
    gnu = timed(["grep", "-rl", "ceasefire", str(corpus)], env, args.runs)
    rows.append(("GNU `grep -rl ceasefire` (reference)", f"{gnu:.3f} s", "", ""))
    rows.append(
        (
            "`news search 'energy ceasefire'`",
            *_vs(timed([news, "search", "energy ceasefire"], env, args.runs), None),
            "≤ 0.3 s",
        )
    )
    rows.append(
        (
            "`news list --since 7d` (a filter)",
            *_vs(timed([news, "list", "--since", "7d"], env, args.runs), None),
            "≤ 0.3 s",
        )
    )
    sections = subprocess.run([news, "sections"], env=env, capture_output=True, text=True).stdout
    section = sections.split("\t")[0] or "Politics"
    rows.append(
        (
            f"`news search ceasefire --section {section}`",
            *_vs(timed([news, "search", "ceasefire", "--section", section], env, args.runs), None),
            "≤ 0.3 s",
        )
    )
    first_id = subprocess.run(
        [news, "list", "--sort", "number", "--limit", "1"], env=env, capture_output=True, text=True
    ).stdout.split("\t")[0]
    rows.append(
        ("`news show ID`", *_vs(timed([news, "show", first_id], env, args.runs), None), "≤ 0.2 s")
    )
    ids = subprocess.run(
        [news, "list", "--sort", "number", "--limit", "1000"],
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    rows.append(
        (
            "`news mark read -` (1,000 ids)",
            *_vs(timed_marking(news, ids, env, args.runs), None),
            "≤ 0.2 s",
        )
    )
    rows.append(
        (
            "`news list --unread`",
            *_vs(timed([news, "list", "--unread"], env, args.runs), None),
            "≤ 0.3 s",
        )
    )
    rows.append(
        (
            "`news browse` first screen (headless)",
            *_vs(timed([sys.executable, "-c", FIRST_SCREEN], env, args.runs), None),
            "≤ 0.5 s",
        )
    )
    rows.append(
        (
            "`news --help`",
            *_vs(timed([news, "--help"], env, args.runs), pass_time, "python -c pass"),
            "≤ 0.15 s",
        )
    )
    rows.append(
        (
            "index size / folder size on disk",
            f"{index_bytes / 2**20:,.0f} MB / {raw_bytes / 2**20:,.0f} MB",
            f"{index_bytes / raw_bytes:.2f}×",
            "≤ 1.5×",
        )
    )
    peak_mb = (
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    )  # of every command above
    rows.append(("peak memory (largest process)", f"{peak_mb:,.0f} MB", "", "≤ 300 MB"))

    same = all(
        subprocess.run([news, "grep", *a], env=env, capture_output=True).stdout
        == subprocess.run([news, "grep", "--full-scan", *a], env=env, capture_output=True).stdout
        for _, a, _ in GREPS[:2]
    )
    print(f"{files:,} files; python -c pass {pass_time:.3f} s\n")
    print("| measure | time | ratio | target |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nindexed grep == full scan: {'yes' if same else 'NO'}")
    shutil.rmtree(work, ignore_errors=True)


def _vs(ours: float, reference: float | None, name: str = "") -> tuple[str, str]:
    """A time and its ratio to the reference measured in the same run."""
    if reference is None:
        return f"{ours:.3f} s", ""
    return f"{ours:.3f} s", f"{ours / reference:.2f}× {name} ({reference:.3f} s)"


if __name__ == "__main__":
    main()
