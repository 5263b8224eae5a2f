"""Train the parser's line classifiers (headline; body, first and second pass) on the dev corpus.

The classifiers are small gradient-boosted tree ensembles (50 trees of depth 3).

    python tools/train_parser.py [--corpus ../shared/corpus/dev] [--write] [--cv-predictions DIR] [--split N]

Labels come from the corpus truth: a line is the headline when it equals the
true title (normalised as the scorer does); a body line when most of its
word 4-shingles occur in the true body. Features come from
``newsreader.parse.features`` through ``layout.read_page``, exactly as at
parse time. Both forms (region and page) are used.

Train and test are kept apart by site: every site's articles fall in one of
5 folds, and each fold is judged by models trained on the other four. The
second body pass learns from first-pass scores that are themselves
out-of-fold, so it never trusts a score the first pass made on its own
training data. ``--cv-predictions DIR`` writes those held-out parses as
``DIR/region.jsonl`` and ``DIR/page.jsonl`` for ``score.py --predictions``;
``--write`` fits on everything and writes ``newsreader/parse/weights.json``.
``--split N`` groups the sites into folds differently, to see how much a
held-out score owes to one grouping. ``--augment`` also teaches the headline classifier
rewritten copies of each region file (``AUGMENTATIONS``: the same article with single newlines
between its paragraphs), which share their page's fold and are never scored; the body
classifiers never see them (they cut held-out page body F1, 0.917 -> 0.905). The shipped
headline model is fitted so (``--augment --write --only title``): held out over the five
groupings, headlines region 0.960 -> 0.966, page 0.923 -> 0.930. Lines below the end of a
truth that stops part-way through its story (``PARTIAL_TRUTH``) teach the body classifiers
nothing.
Needs numpy (``pip install numpy``); the parser itself does not.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.parse import parse_article, scoring  # noqa: E402
from newsreader.parse.body import body_candidates, line_vectors  # noqa: E402
from newsreader.parse.decode import decode_bytes  # noqa: E402
from newsreader.parse.features import context_vectors  # noqa: E402
from newsreader.parse.furniture import file_keys, shared_keys  # noqa: E402
from newsreader.parse.layout import read_page  # noqa: E402
from newsreader.parse.title import title_candidates, title_vectors  # noqa: E402

WEIGHTS = ROOT / "newsreader" / "parse" / "weights.json"
FOLDS = 5
FORMS = ("region", "page")
_WORD = re.compile(r"\w+")
_BLANK_LINES = re.compile(r"\n\s*\n")


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))}


def is_body(line: str, truth_shingles: set, truth_lines: frozenset[str]) -> bool:
    """Most of the line's 4-shingles are in the true body; a line of two or three words, when it
    is a whole line of the true body (a subheading, a list item): found anywhere inside one, it
    is mostly a topic chip or a name in the menus ("Generative AI", "Miami Dolphins")."""
    words = tokens(line)
    if len(words) < 4:
        return len(words) >= 2 and " ".join(words) in truth_lines
    own = shingles(words)
    return sum(s in truth_shingles for s in own) / len(own) >= 0.5


@dataclass
class Sample:
    """One article in one form, as training rows."""

    site: str
    path: Path
    title_rows: list
    title_labels: list
    body_rows: list  # first-pass vectors of the lines below the true headline
    body_labels: list
    body_words: list
    fold: int  # the cross-validation fold its site falls in (site_fold)
    augmented: bool = False  # a rewritten copy (AUGMENTATIONS): trained on, never scored


def site_fold(site: str, split: int = 0) -> int:
    """The fold of ``site`` in cross-validation split number ``split`` (0: the split the
    README's held-out rows come from; others shuffle the sites into folds differently)."""
    salt = f"{split}:" if split else ""
    return int(hashlib.sha256(f"{salt}{site}".encode()).hexdigest(), 16) % FOLDS


@functools.cache
def folder_shared(folder: Path) -> frozenset[int]:
    """A folder's furniture keys, as ``news`` computes them (the parser sees its files together)."""
    return shared_keys(file_keys(path.read_bytes()) for path in sorted(folder.glob("*.txt")))


def single_newlines(text: str) -> str:
    """The same page with every blank line gone, as wire copy and some CMSs write paragraphs."""
    return _BLANK_LINES.sub("\n", text)


#: Rewritten copies of each dev page the classifiers also learn from (never scored): the same
#: article in shapes dev rarely shows, so the features that see blank lines do not lean on them.
AUGMENTATIONS = {"single newlines": single_newlines}
#: The forms rewritten: an article's own region. A whole page without its blank lines runs its
#: menus and teasers into one block, which taught the body classifiers to distrust the blocks
#: of ordinary pages (in-sample page body F1 fell by 0.03).
AUGMENTED_FORMS = ("region",)


def load_samples(corpus: Path, split: int = 0, augment: bool = False) -> list[Sample]:
    """Training rows of every article in both forms, and of its rewritten copies
    (:data:`AUGMENTATIONS`, marked ``augmented``) when ``augment``."""
    samples = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        words = tokens(record["body"])
        truth_shingles = shingles(words)
        truth_lines = frozenset(" ".join(tokens(part)) for part in record["body"].split("\n"))
        wanted = " ".join(tokens(record["title"]))
        for form in FORMS:
            path = corpus / form / f"{record['id']}.txt"
            if not path.exists():
                continue
            text = decode_bytes(path.read_bytes())[0]
            variants = [(text, False)]
            if augment and form in AUGMENTED_FORMS:
                variants += [(rewrite(text), True) for rewrite in AUGMENTATIONS.values()]
            for variant, augmented in variants:
                samples.append(
                    _sample(
                        variant,
                        path,
                        record,
                        wanted,
                        (truth_shingles, truth_lines),
                        split,
                        augmented,
                    )
                )
    return samples


def _sample(text, path, record, wanted, truth, split, augmented) -> Sample:
    """One page's training rows: its headline candidates and its body lines, labelled."""
    truth_shingles, truth_lines = truth
    page = read_page(text, folder_shared(path.parent))
    candidates = title_candidates(page)
    labels = [" ".join(tokens(page.lines[i].text)) == wanted for i in candidates]
    found = any(labels)
    title_at = candidates[labels.index(True)] if found else -1
    body = body_candidates(page, title_at + 1)
    site = record.get("site") or record["id"]
    return Sample(
        site,
        path,
        title_vectors(page, candidates) if found else [],
        labels if found else [],
        line_vectors(page, body),
        [is_body(page.lines[i].text, truth_shingles, truth_lines) for i in body],
        [page.lines[i].words for i in body],
        site_fold(site, split),
        augmented,
    )


def fit(
    x,
    y,
    weight=None,
    trees: int = 50,
    depth: int = 3,
    rate: float = 0.2,
    bins: int = 32,
    min_leaf: float = 20.0,
    l2: float = 1.0,
) -> dict:
    """Gradient-boosted trees for logistic loss on quantile-binned features.

    Returns ``{"base": log-odds, "trees": [...]}``; a tree is a list of nodes
    ``[feature, threshold, left, right, value]`` (feature -1 marks a leaf),
    going left when ``x[feature] < threshold``.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    weight = np.ones(len(y)) if weight is None else np.asarray(weight, dtype=float)
    edges = [
        np.unique(np.quantile(x[:, j], np.linspace(0, 1, bins + 1)[1:-1]))
        for j in range(x.shape[1])
    ]
    binned = np.stack(
        [np.searchsorted(edges[j], x[:, j], side="right") for j in range(x.shape[1])], axis=1
    )
    prior = np.clip((weight * y).sum() / weight.sum(), 1e-4, 1 - 1e-4)
    model = {"base": float(np.log(prior / (1 - prior))), "trees": []}
    f = np.full(len(y), model["base"])
    for _ in range(trees):
        p = 1 / (1 + np.exp(-f))
        g, h = weight * (p - y), weight * p * (1 - p)
        nodes: list = []
        _grow(nodes, np.arange(len(y)), 0, (g, h, binned, edges), (depth, rate, min_leaf, l2))
        model["trees"].append(nodes)
        f += _predict_tree(nodes, x)
    return model


def _grow(nodes: list, idx, level: int, data, params) -> int:
    """Add the best split of ``idx`` (or a leaf) to ``nodes``; returns its index."""
    g, h, binned, edges = data
    depth, rate, min_leaf, l2 = params
    total_g, total_h = g[idx].sum(), h[idx].sum()
    node = len(nodes)
    nodes.append(None)
    best = None
    if level < depth and total_h >= 2 * min_leaf:
        for j, cuts in enumerate(edges):
            if not len(cuts):
                continue
            gl = np.cumsum(np.bincount(binned[idx, j], weights=g[idx], minlength=len(cuts) + 1))[
                :-1
            ]
            hl = np.cumsum(np.bincount(binned[idx, j], weights=h[idx], minlength=len(cuts) + 1))[
                :-1
            ]
            gr, hr = total_g - gl, total_h - hl
            ok = (hl >= min_leaf) & (hr >= min_leaf)
            gain = np.where(
                ok, gl**2 / (hl + l2) + gr**2 / (hr + l2) - total_g**2 / (total_h + l2), -np.inf
            )
            b = int(np.argmax(gain))
            if gain[b] > 1e-6 and (best is None or gain[b] > best[0]):
                best = (gain[b], j, b)
    if best is None:
        nodes[node] = [-1, 0.0, -1, -1, round(float(-total_g / (total_h + l2) * rate), 6)]
        return node
    _, j, b = best
    mask = binned[idx, j] <= b  # bins up to b hold the values below edges[j][b]
    left = _grow(nodes, idx[mask], level + 1, data, params)
    right = _grow(nodes, idx[~mask], level + 1, data, params)
    nodes[node] = [j, round(float(edges[j][b]), 6), left, right, 0.0]
    return node


def _predict_tree(nodes: list, x) -> np.ndarray:
    out = np.zeros(len(x))
    stack = [(0, np.arange(len(x)))]
    while stack:
        node, idx = stack.pop()
        feature, threshold, left, right, value = nodes[node]
        if feature < 0:
            out[idx] = value
            continue
        below = x[idx, feature] < threshold
        stack += [(left, idx[below]), (right, idx[~below])]
    return out


def logits(model: dict, rows) -> np.ndarray:
    x = np.asarray(rows, dtype=float)
    if not len(x):
        return np.zeros(0)
    return model["base"] + sum(_predict_tree(tree, x) for tree in model["trees"])


#: Dev articles whose true body stops part-way through the story, read by hand: the story goes on
#: below the truth's last line (a transcript, a story past an embedded post or a "Read more:"
#: box), so the lines there are story text labelled as furniture.
PARTIAL_TRUTH = frozenset(
    "004 013 035 068 077 094 096 098 104 120 122 152 157 170 173 178 186".split()
)


def body_weight(sample: Sample) -> list[float]:
    """Lines weigh by their length: the score counts words, not lines. Below the last true line
    of a :data:`PARTIAL_TRUTH` article they weigh nothing: their labels are unknown."""
    weights = [np.log1p(words) for words in sample.body_words]
    if sample.path.name[:3] in PARTIAL_TRUTH and any(sample.body_labels):
        last = max(i for i, label in enumerate(sample.body_labels) if label)
        weights[last + 1 :] = [0.0] * (len(weights) - last - 1)
    return weights


def fit_first(samples):
    return fit(
        [r for s in samples for r in s.body_rows],
        [y for s in samples for y in s.body_labels],
        [w for s in samples for w in body_weight(s)],
    )


def second_rows(sample: Sample, first_model) -> list:
    first = logits(first_model, sample.body_rows).tolist()
    return [row + extra for row, extra in zip(sample.body_rows, context_vectors(first))]


def fit_models(samples: list[Sample]) -> dict:
    """Title, first-pass and second-pass body models; the second pass sees out-of-fold first-pass
    scores. Rewritten copies (``augmented``) teach the headline model only: they raised held-out
    headlines but cut held-out body F1 when the body models learned from them too."""
    title = fit(
        [r for s in samples for r in s.title_rows], [y for s in samples for y in s.title_labels]
    )
    samples = [s for s in samples if not s.augmented]
    rows, labels, weights = [], [], []
    folds = sorted({s.fold for s in samples})
    for fold in folds:
        first = (
            fit_first([s for s in samples if s.fold != fold])
            if len(folds) > 1
            else fit_first(samples)
        )
        for sample in (s for s in samples if s.fold == fold):
            rows += second_rows(sample, first)
            labels += sample.body_labels
            weights += body_weight(sample)
    return {"title": title, "body": fit_first(samples), "body_context": fit(rows, labels, weights)}


def as_weights(models: dict) -> dict:
    return {
        kind: {"features": list(scoring.CLASSIFIERS[kind]), **model}
        for kind, model in models.items()
    }


def use_weights(data: dict) -> None:
    """Point the parser at in-memory models (the tool's held-out ones), bypassing weights.json."""
    compiled = scoring.compile_models(data)
    scoring._models = lambda: compiled


def cross_validate(samples: list[Sample], out: Path | None) -> None:
    """Site-grouped CV: headline top-1 and body-line F1 per fold's held-out articles; optional parses."""
    hits = total = 0
    tp = fp = fn = 0
    outputs = {form: [] for form in FORMS}
    for fold in range(FOLDS):
        train = [s for s in samples if s.fold != fold]
        models = fit_models(train)
        tested = [s for s in samples if s.fold == fold and not s.augmented]
        for sample in tested:
            if sample.title_rows:
                total += 1
                hits += bool(
                    sample.title_labels[int(np.argmax(logits(models["title"], sample.title_rows)))]
                )
            if sample.body_rows:
                predicted = logits(models["body_context"], second_rows(sample, models["body"])) > 0
                truth = np.array(sample.body_labels)
                tp += int((predicted & truth).sum())
                fp += int((predicted & ~truth).sum())
                fn += int((~predicted & truth).sum())
        if out:
            use_weights(as_weights(models))
            for sample in tested:
                article = parse_article(
                    sample.path.read_bytes(),
                    sample.path.name,
                    shared=folder_shared(sample.path.parent),
                )
                outputs[sample.path.parent.name].append(
                    json.dumps(article.to_dict(), ensure_ascii=False)
                )
    print(
        f"site-grouped {FOLDS}-fold CV: headline top-1 {hits}/{total} = {hits / total:.3f}; "
        f"body lines F1 {2 * tp / (2 * tp + fp + fn):.3f}"
    )
    if out:
        out.mkdir(parents=True, exist_ok=True)
        for form, lines in outputs.items():
            (out / f"{form}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"held-out parses in {out}/region.jsonl and {out}/page.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument(
        "--write", action="store_true", help="fit on all data and write weights.json"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(scoring.CLASSIFIERS),
        metavar="KIND",
        help="with --write, refit only this classifier (repeatable); the others keep their weights",
    )
    parser.add_argument(
        "--cv-predictions", type=Path, metavar="DIR", help="write held-out parses here"
    )
    parser.add_argument(
        "--split",
        type=int,
        default=0,
        metavar="N",
        help="shuffle the sites into folds by split N (default 0); held-out scores over "
        "several splits show how much they owe to one grouping of the sites",
    )
    parser.add_argument(
        "--augment",
        action="store_true",
        help="also learn from rewritten copies of the region files (single newlines)",
    )
    args = parser.parse_args()
    if not (args.corpus / "truth.jsonl").exists():
        sys.exit(
            f"No corpus at {args.corpus} (needs truth.jsonl and region/ or page/); pass --corpus."
        )
    samples = load_samples(args.corpus, args.split, augment=args.augment)
    if args.write:
        fitted = as_weights(fit_models(samples))
        if args.only:
            fitted = {
                **json.loads(WEIGHTS.read_text(encoding="utf-8")),
                **{kind: fitted[kind] for kind in args.only},
            }
        WEIGHTS.write_text(json.dumps(fitted, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    cross_validate(samples, args.cv_predictions)


if __name__ == "__main__":
    main()
