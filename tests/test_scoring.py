"""The shipped classifier weights fit the feature code, and only numbers ever become code."""

import json
from importlib import resources

import pytest

from newsreader.parse import scoring


def _shipped() -> dict:
    return json.loads(resources.files("newsreader.parse").joinpath("weights.json").read_text(encoding="utf-8"))


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
