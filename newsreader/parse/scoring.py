"""Learned line classifiers, loaded from ``weights.json`` and compiled for speed.

``weights.json`` (written by ``tools/train_parser.py``) holds, for each
classifier, the feature names it was trained on and a small ensemble of
gradient-boosted trees (log-odds). At first use each ensemble is turned into
one Python function returning a sum of nested conditionals, in which trees
splitting alike share the comparison: scoring a line is one call of
comparisons and sums, with nothing beyond the standard library. The source is
built only from the numbers in the file, which are checked to be numbers.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from numbers import Real
from typing import Callable

from newsreader.parse.features import CONTEXT_FEATURES, LINE_FEATURES, TITLE_FEATURES

#: The classifiers and the features each was trained on: the first body pass
#: sees a line alone, the second adds its neighbours' first-pass scores.
CLASSIFIERS = {
    "title": TITLE_FEATURES,
    "body": LINE_FEATURES,
    "body_context": LINE_FEATURES + CONTEXT_FEATURES,
}


def compile_models(data: dict) -> dict[str, Callable[[list[float]], float]]:
    """One scoring function per classifier from the JSON structure of ``weights.json``."""
    compiled = {}
    for kind, names in CLASSIFIERS.items():
        model = data[kind]
        if tuple(model["features"]) != names:
            raise RuntimeError(
                f"weights.json does not match the {kind} features; rerun tools/train_parser.py"
            )
        forest = _forest_source([(tree, 0) for tree in model["trees"]], len(names))
        unpack = ", ".join(
            f"x{i}" for i in range(len(names))
        )  # local names: faster than indexing a list
        source = (
            f"def trees(x):\n    {unpack}, = x\n    return {_number(model['base'])} + {forest}\n"
        )
        scope: dict = {}
        exec(compile(source, f"<{kind} trees>", "exec"), scope)  # noqa: S102
        compiled[kind] = scope["trees"]
    return compiled


def _forest_source(branches: list[tuple[list, int]], width: int) -> str:
    """One expression for the sum of the trees below the given (tree, node) branches. Trees
    that split on the same feature at the same threshold there share the comparison (many body
    trees open with the same split), and their leaves are added up in advance."""
    leaves = 0.0
    splits: dict[tuple[int, str], list[tuple[list, int]]] = {}
    for nodes, node in branches:
        feature, threshold, _, _, value = nodes[node]
        if int(feature) < 0:
            leaves += float(_number(value))
            continue
        if not 0 <= int(feature) < width:
            raise RuntimeError("weights.json names a feature that does not exist")
        splits.setdefault((int(feature), _number(threshold)), []).append((nodes, node))
    terms = [repr(leaves)] if leaves or not splits else []
    for (feature, cut), group in splits.items():
        below = _forest_source([(nodes, int(nodes[node][2])) for nodes, node in group], width)
        above = _forest_source([(nodes, int(nodes[node][3])) for nodes, node in group], width)
        terms.append(f"(({below}) if x{feature} < {cut} else ({above}))")
    return " + ".join(terms)


def _number(value) -> str:
    if not isinstance(value, Real):
        raise RuntimeError("weights.json holds something other than numbers")
    return repr(float(value))


@lru_cache(maxsize=1)
def _weights() -> dict:
    text = resources.files("newsreader.parse").joinpath("weights.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _models() -> dict[str, Callable[[list[float]], float]]:
    return compile_models(_weights())


@cache
def tested(*kinds: str) -> frozenset[str]:
    """The names of the features the trees of the classifiers ``kinds`` compare: a feature none
    of them compares cannot change their scores, so the parser may leave it uncomputed."""
    models = [_weights()[kind] for kind in kinds]
    return frozenset(
        model["features"][int(node[0])]
        for model in models
        for tree in model["trees"]
        for node in tree
        if int(node[0]) >= 0
    )


def scorer(kind: str) -> Callable[[list[float]], float]:
    """The classifier ``kind`` as a function from a vector to its log-odds (above 0 means more
    likely yes than no); fetched once per file, then called per line."""
    return _models()[kind]
