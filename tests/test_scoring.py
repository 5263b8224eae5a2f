"""The shipped classifier weights fit the feature code, and only numbers ever become code."""

import json
from importlib import resources

import pytest

from newsreader.parse import scoring


def _shipped() -> dict:
    return json.loads(
        resources.files("newsreader.parse").joinpath("weights.json").read_text(encoding="utf-8")
    )


def test_shipped_weights_match_the_features_and_score_vectors():
    models = scoring.compile_models(_shipped())
    for kind, names in scoring.CLASSIFIERS.items():
        value = models[kind]([0.5] * len(names))
        assert isinstance(value, float)


def test_weights_that_are_not_numbers_are_refused():
    data = _shipped()
    data["body"]["trees"][0][0][1] = "__import__('os').system('echo pwned')"
    data["body"]["trees"][0][0][0] = 0
    with pytest.raises(RuntimeError, match="numbers"):
        scoring.compile_models(data)


def test_weights_for_other_features_are_refused():
    data = _shipped()
    data["title"]["features"] = data["title"]["features"][:-1]
    with pytest.raises(RuntimeError, match="does not match"):
        scoring.compile_models(data)


def _walked(model: dict, vector: list[float]) -> float:
    """A model's score the plain way: walk each tree to its leaf and add the leaves up."""
    total = model["base"]
    for nodes in model["trees"]:
        node = 0
        while nodes[node][0] >= 0:
            feature, threshold, left, right, _ = nodes[node]
            node = left if vector[feature] < threshold else right
        total += nodes[node][4]
    return total


def test_compiled_trees_score_as_walking_each_tree_does():
    """Compiling shares the splits trees have in common and adds leaves up in advance; the
    scores stay those of the trees (to rounding), at and around every threshold they use."""
    import random

    data = _shipped()
    models = scoring.compile_models(data)
    chance = random.Random(7)
    for kind, names in scoring.CLASSIFIERS.items():
        cuts = [
            [node[1] for nodes in data[kind]["trees"] for node in nodes if node[0] == feature]
            or [0.0]
            for feature in range(len(names))
        ]
        for _ in range(300):
            vector = [
                chance.choice(options) + chance.choice((-1e-6, 0.0, 1e-6)) for options in cuts
            ]
            assert models[kind](vector) == pytest.approx(_walked(data[kind], vector), abs=1e-9)
