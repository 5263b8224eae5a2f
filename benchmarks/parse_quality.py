"""Parser quality on the dev corpus (region and page forms) and parsing speed, in one table.

    python benchmarks/parse_quality.py [--shared ../shared] [--files 2000] [--runs 5]

Quality comes from ``shared/eval/score.py`` run on ``news --dir {dir} export``
(this checkout's parser, as ``python -m newsreader``). Speed is files per
second of ``parse_article`` on one core over ``shared/bench/make_corpus.py``
output (the median of five passes, each over files not parsed before), with a plain Python loop that only
reads and decodes the same files measured in the same run as the reference. Needs ../shared; says so when it
is missing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def score(shared: Path, corpus: str, form: str) -> str:
    """The summary line of score.py for one corpus and form."""
    command = f"{sys.executable} -m newsreader --dir {{dir}} export"
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(shared / "corpus" / corpus),
            "--form",
            form,
            "--cmd",
            command,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else f"failed: {result.stderr.strip()[-200:]}"


def speed(shared: Path, files: int, runs: int) -> tuple[float, float, float]:
    """Files per second, one core, each the median of ``runs`` passes over ``files`` make_corpus
    files: the whole folder's parse as ``news`` does it (every file's furniture keys, then every
    file parsed knowing what the folder shares, handed its own keys), the parser alone on each
    file, and a plain loop that only reads and decodes the same files (the reference). A first,
    untimed pass loads the models and warms the caches. Every parsing pass reads files no pass
    before it parsed, as indexing a folder does: the parser remembers the short lines it has
    judged (a folder's furniture), and a second parse of the same files would find all of them."""
    from newsreader.parse import parse_article
    from newsreader.parse.decode import decode_bytes
    from newsreader.parse.furniture import file_keys, shared_keys

    def read(paths: list[Path]) -> None:
        for path in paths:
            decode_bytes(path.read_bytes())

    def alone(paths: list[Path]) -> None:
        for path in paths:
            parse_article(path.read_bytes(), path.name)

    def folder(paths: list[Path]) -> None:
        keys = [file_keys(path.read_bytes()) for path in paths]
        common = shared_keys(keys)
        for path, own in zip(paths, keys):
            parse_article(path.read_bytes(), path.name, shared=common, keys=own)

    with tempfile.TemporaryDirectory() as directory:
        subprocess.run(
            [
                sys.executable,
                str(shared / "bench" / "make_corpus.py"),
                str(files * (1 + 2 * runs)),
                directory,
            ],
            check=True,
            capture_output=True,
        )
        every = sorted(Path(directory).iterdir())
        chunks = iter([every[k : k + files] for k in range(0, len(every), files)])
        alone(next(chunks))
        rates = []
        for loop in (folder, alone, read):
            times = []
            for _ in range(runs):
                paths = next(chunks) if loop is not read else every[:files]
                start = time.perf_counter()
                loop(paths)
                times.append(time.perf_counter() - start)
            rates.append(files / statistics.median(times))
        return rates[0], rates[1], rates[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--files", type=int, default=2000, help="files for the speed run")
    parser.add_argument(
        "--runs", type=int, default=5, help="timed passes over them; the median counts"
    )
    args = parser.parse_args()
    if not (args.shared / "eval" / "score.py").exists():
        sys.exit(
            f"The shared corpus and scorer are not at {args.shared}; pass --shared PATH. Nothing was measured."
        )
    print("| corpus | form | score |\n|---|---|---|")
    for corpus, form in (("seed", "region"), ("dev", "region"), ("dev", "page")):
        print(f"| {corpus} | {form} | {score(args.shared, corpus, form)} |")
    folder, alone, read = speed(args.shared, args.files, args.runs)
    print(
        f"\nparse speed, one core, {args.files} make_corpus files, median of {args.runs} passes over unseen files: "
        f"{folder:,.0f} files/s for the folder "
        f"(furniture keys, then each file), {alone:,.0f} files/s for the parser alone on each file "
        f"(read+decode only: {read:,.0f} files/s; the folder's parse costs {read / folder:.1f}x a plain read)"
    )


if __name__ == "__main__":
    main()
