"""HTML quality on the dev corpus's saved pages: this project's HTML path against trafilatura
and against the text parser on the same pages' whole-page text, with reading speed, in one run.

    python benchmarks/html_quality.py [--shared ../shared] [--held-out] [--split N] [--out DIR]

Each page of ``shared/corpus/dev/html`` is read as ``news`` reads a folder of them: every
page's text first (``inputs.html``), then the folder's furniture keys over all the texts
(``parse.furniture``), then each record (``inputs.evidence.article_from``) handed its own
keys. The records go to ``shared/eval/score.py --form html --predictions``; so do
trafilatura 2.x's (``bare_extraction`` with metadata, its authors split on ``;``) and the
text parser's records of ``dev/page`` (the whole-page text of the same pages, ``--form
page``). Trafilatura is a benchmark-only dependency: ``pip install trafilatura``.

``--held-out`` scores the parser's part honestly: as in ``tools/train_parser.py`` (which it
uses; ``pip install numpy``), the sites fall in 5 folds and each fold's pages are read by
classifiers trained on the other folds' pages only, for the HTML path and the page text
alike. The evidence rules are fitted to nothing, so they need no folds. Without it the
shipped weights, trained on all of dev, read every page (in-sample).

Speed is pages per second on one core (CPU time, the best of ``--runs`` passes): reading a
page (bytes to document: innerText and metadata); the whole path (reading, then document to
record); the folder as a sync reads it (``parsing.FolderParsing`` on one process: each file
read and keyed, then its record parsed with the folder's shared keys); and the Lexbor parse
alone, the reference measured in the same run. Needs ../shared; says so when it is missing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

METHODS = ("html", "trafilatura", "page")
LABELS = {
    "html": "newsreader, HTML path (inputs.html + evidence)",
    "trafilatura": "trafilatura {version} on the same HTML",
    "page": "newsreader text parser on dev/page (whole-page text)",
}


def load_pages(corpus: Path) -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted((corpus / "html").glob("*.html"))]


def html_records(pages: list[tuple[str, bytes]], stems: set[str] | None = None) -> list[dict]:
    """The HTML path's records of ``pages`` read as one folder (``stems``: only these are
    recorded, all are read for the furniture)."""
    from newsreader.inputs.evidence import article_from
    from newsreader.inputs.html import html_document
    from newsreader.parse.furniture import file_keys, shared_keys

    documents = [html_document(data) for _, data in pages]
    keys = [file_keys(document.text.encode("utf-8", "surrogatepass")) for document in documents]
    shared = shared_keys(keys)
    return [
        prediction(article_from(document, name, shared=shared, keys=own).to_dict())
        for (name, _), document, own in zip(pages, documents, keys)
        if stems is None or Path(name).stem in stems
    ]


def page_records(corpus: Path, stems: set[str] | None = None) -> list[dict]:
    """The text parser's records of ``dev/page``, read as one folder."""
    from newsreader.parse import parse_article
    from newsreader.parse.furniture import file_keys, shared_keys

    paths = sorted((corpus / "page").glob("*.txt"))
    keys = [file_keys(path.read_bytes()) for path in paths]
    shared = shared_keys(keys)
    return [
        prediction(parse_article(path.read_bytes(), path.name, shared=shared, keys=own).to_dict())
        for path, own in zip(paths, keys)
        if stems is None or path.stem in stems
    ]


def trafilatura_records(pages: list[tuple[str, bytes]]) -> tuple[list[dict], float]:
    """Trafilatura's records of the pages and its pages per second (one core, CPU time)."""
    import trafilatura

    records, start = [], time.process_time()
    for name, data in pages:
        found = trafilatura.bare_extraction(data, with_metadata=True)
        found = found.as_dict() if hasattr(found, "as_dict") else (found or {})
        records.append(
            {
                "id": Path(name).stem,
                "title": found.get("title") or "",
                "authors": [a.strip() for a in (found.get("author") or "").split(";") if a.strip()],
                "published": found.get("date"),
                "paragraphs": [p for p in (found.get("text") or "").split("\n") if p.strip()],
            }
        )
    return records, len(pages) / (time.process_time() - start)


def prediction(record: dict) -> dict:
    return {key: record[key] for key in ("id", "title", "authors", "published", "paragraphs")}


def held_out(corpus: Path, pages: list[tuple[str, bytes]], split: int) -> dict[str, list[dict]]:
    """Records of the HTML path and of the page text, each fold's pages read by classifiers
    trained on the other folds' sites (tools/train_parser.py's folds and training)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import train_parser

    samples = train_parser.load_samples(corpus, split, augment=True)  # as the weights are fitted
    truth = [json.loads(line) for line in (corpus / "truth.jsonl").read_text().splitlines()]
    fold_of = {
        record["id"]: train_parser.site_fold(record.get("site") or record["id"], split)
        for record in truth
    }
    out: dict[str, list[dict]] = {"html": [], "page": []}
    for fold in range(train_parser.FOLDS):
        models = train_parser.fit_models([s for s in samples if s.fold != fold])
        train_parser.use_weights(train_parser.as_weights(models))
        stems = {stem for stem, its in fold_of.items() if its == fold}
        out["html"] += html_records(pages, stems)
        out["page"] += page_records(corpus, stems)
    return out


def score(shared: Path, form: str, records: list[dict], out: Path) -> dict[str, str]:
    """score.py's summary of ``records`` (written to ``out``), as {metric: value}."""
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(shared / "corpus" / "dev"),
            "--form",
            form,
            "--predictions",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    last = (result.stdout.strip().splitlines() or ["failed"])[-1]
    return dict(part.split("=", 1) for part in last.split() if "=" in part)


def speed(corpus: Path, pages: list[tuple[str, bytes]], runs: int) -> dict[str, float]:
    """Pages per second on one core, best of ``runs`` passes (CPU time): the Lexbor parse
    alone, reading each page into a document, the whole path to the record, and the folder
    as a sync reads it."""
    from selectolax.lexbor import LexborHTMLParser

    from newsreader.folder import scan
    from newsreader.inputs.evidence import article_from
    from newsreader.inputs.html import html_document

    documents = [html_document(data) for _, data in pages]
    entries = scan(corpus / "html").entries
    passes = {
        "parse": lambda: [LexborHTMLParser(data) for _, data in pages],
        "read": lambda: [html_document(data) for _, data in pages],
        "record": lambda: [article_from(d, name) for (name, _), d in zip(pages, documents)],
        "sync": lambda: folder_records(entries),
    }
    best = dict.fromkeys(passes, float("inf"))
    for _ in range(runs):
        for name, run in passes.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    best["path"] = best["read"] + best["record"]
    return {name: len(pages) / seconds for name, seconds in best.items()}


def folder_records(entries: list) -> list:
    """The records of a folder's files as a sync parses them, on this process: every file's
    keys first, then every record with the keys the folder shares."""
    from newsreader.parse.furniture import shared_keys
    from newsreader.parsing import FolderParsing

    parsing = FolderParsing()
    own = dict(zip(entries, parsing.keys(entries)))
    shared = shared_keys(own.values())
    parsed = parsing.parse(entries, shared, lambda part: [own[entry] for entry in part])
    return [articles for articles, _ in parsed]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--held-out", action="store_true", help="classifiers trained by folds")
    parser.add_argument("--split", type=int, default=0, help="with --held-out: the site grouping")
    parser.add_argument("--runs", type=int, default=3, help="timed passes; the best counts")
    parser.add_argument("--out", type=Path, help="keep the predictions here")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip trafilatura")
    args = parser.parse_args()
    corpus = args.shared / "corpus" / "dev"
    if not (args.shared / "eval" / "score.py").exists() or not (corpus / "html").is_dir():
        sys.exit(
            f"The shared corpus and scorer are not at {args.shared} (needs eval/score.py and "
            "corpus/dev/html); pass --shared PATH. Nothing was measured."
        )
    pages = load_pages(corpus)
    if args.held_out:
        records = held_out(corpus, pages, args.split)
    else:
        records = {"html": html_records(pages), "page": page_records(corpus)}
    rates: dict[str, float] = {}
    if not args.no_trafilatura:
        import trafilatura

        records["trafilatura"], rates["trafilatura"] = trafilatura_records(pages)
        LABELS["trafilatura"] = LABELS["trafilatura"].format(version=trafilatura.__version__)
    out = args.out or Path(tempfile.mkdtemp(prefix="html_quality_"))
    out.mkdir(parents=True, exist_ok=True)
    kind = f"held out by site (5 folds, split {args.split})" if args.held_out else "in-sample"
    print(f"dev HTML, {len(pages)} pages; parser classifiers {kind}\n")
    print("| method | title | body F1 | authors | date |\n|---|---|---|---|---|")
    for method in METHODS:
        if method not in records:
            continue
        form = "page" if method == "page" else "html"
        found = score(args.shared, form, records[method], out / f"{method}.jsonl")
        print(
            f"| {LABELS[method]} | {found.get('title')} | {found.get('body_f1')} | "
            f"{found.get('authors')} | {found.get('date')} |"
        )
    rate = speed(corpus, pages, args.runs)
    print(
        f"\nspeed, one core, CPU time, best of {args.runs}: reading a page (innerText and "
        f"metadata) {rate['read']:,.0f} pages/s; the whole path to the record "
        f"{rate['path']:,.0f} pages/s; the folder as a sync reads it {rate['sync']:,.0f} "
        f"pages/s; the Lexbor parse alone {rate['parse']:,.0f} pages/s"
        + (f"; trafilatura {rates['trafilatura']:,.0f} pages/s" if rates else "")
    )
    print(f"predictions in {out}")


if __name__ == "__main__":
    main()
