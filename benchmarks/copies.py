"""How well and how cheaply `news dupes` finds wire copies, on a folder of planted copies.

Writes a made-up folder (tests/planted.py: each story with its copies, among unrelated
articles), indexes it into a fresh cache with the installed `news`, and prints a Markdown
table: the share of copies grouped with their story (target >= 90 %), the share of grouped
articles put with another story (target < 1 %), and the signing cost per article, in CPU time,
against hashing the same bodies with blake2b in the same run (target <= 0.3 ms). Example:

    python benchmarks/copies.py --stories 200 --copies 4 --unrelated 5000
    python benchmarks/copies.py --also SHARED/corpus/dev/region   # real articles as well
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from planted import plant, scored  # noqa: E402

from newsreader.search.copies import signature  # noqa: E402


def news(*args: str, cache: Path) -> str:
    """The installed ``news`` run with a cache of its own; its stdout."""
    done = subprocess.run(
        ["news", *args],
        capture_output=True,
        text=True,
        env={"NEWS_CACHE_DIR": str(cache), "PATH": str(Path(sys.executable).parent)},
    )
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    return done.stdout


def cpu_per_body(work, bodies: list[str], runs: int) -> float:
    """The least CPU time ``work`` took a body over ``runs`` passes, in ms."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for body in bodies:
            work(body)
        best = min(best, time.process_time() - start)
    return best / len(bodies) * 1000


def index_time(cache: Path, folder: Path, runs: int) -> tuple[float, float]:
    """What signing every article of the folder's index costs as a sync does it (bodies read
    back from the index, signatures written), the least of ``runs``: CPU and wall ms an article."""
    from newsreader.index import Index, index_path
    from newsreader.inputs import fingerprint as readers
    from newsreader.parse import fingerprint

    # the library's fingerprint (parser and readers): any other finds the index stale and empty
    index = Index(index_path(cache, folder.resolve()), f"{fingerprint()}{readers()}")
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        with index.transaction():
            index.db.execute("DELETE FROM copies")
        cpu, wall = time.process_time(), time.perf_counter()
        signed = index.sign(signature)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        best = min(best, (cpu / signed * 1000, wall / signed * 1000))
    index.close()
    return best


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--stories", type=int, default=200)
    options.add_argument("--copies", type=int, default=4, help="copies of each story besides it")
    options.add_argument("--unrelated", type=int, default=5000)
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--runs", type=int, default=5)
    options.add_argument("--also", type=Path, help="a folder of real articles to add as unrelated")
    args = options.parse_args()
    work = Path(tempfile.mkdtemp(prefix="copies-"))
    try:
        folder, cache = work / "folder", work / "cache"
        told = plant(folder, args.stories, args.copies, args.unrelated, args.seed)
        for path in sorted(args.also.glob("*.txt")) if args.also else ():
            shutil.copy(path, folder / f"real-{path.name}")
        started = time.perf_counter()
        news("--dir", str(folder), "index", cache=cache)
        indexed = time.perf_counter() - started
        lines = news("--dir", str(folder), "dupes", "--json", cache=cache).splitlines()
        groups = [[a["id"] for a in json.loads(line)["articles"]] for line in lines]
        recall, false, copies, grouped = scored(told, groups)
        records = news("--dir", str(folder), "export", cache=cache).splitlines()
        bodies = ["\n".join(json.loads(line)["paragraphs"]) for line in records]
        signing = cpu_per_body(signature, bodies, args.runs)
        reference = cpu_per_body(
            lambda body: hashlib.blake2b(body.encode()).digest(), bodies, args.runs
        )
        words = sum(len(body.split()) for body in bodies) / len(bodies)
        stored_cpu, stored_wall = index_time(cache, folder, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{len(bodies):,} articles, {copies:,} of them telling {args.stories} stories "
        f"{args.copies + 1} times each; {words:.0f} words a body"
    )
    print()
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| copies grouped with their story | {recall:.1%} | >= 90 % |")
    print(f"| grouped articles put with another story | {false:.2%} of {grouped:,} | < 1 % |")
    print(
        f"| signing, CPU per article | {signing:.3f} ms ({signing / reference:.0f}x blake2b's "
        f"{reference * 1000:.1f} us) | <= 0.3 ms |"
    )
    print(
        f"| signing in the index (bodies read, signatures stored) | {stored_cpu:.3f} ms CPU, "
        f"{stored_wall:.3f} ms wall | <= 0.3 ms |"
    )
    print(
        f"| `news index` on the folder, wall | {indexed:.1f} s ({indexed / len(bodies) * 1000:.2f} ms an article) | |"
    )


if __name__ == "__main__":
    main()
