"""Wire copies, the pure part: signatures of bodies and groups of signatures (search/copies.py),
and how well `news dupes` finds copies planted among unrelated made-up articles."""

import hashlib
import json
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from planted import plant, scored, story

from newsreader.search import copies as copies_module
from newsreader.search.copies import (
    BINS,
    MIN_WORDS,
    OPENING,
    find_groups,
    signature,
    similarity,
)

STORY = " ".join(story(random.Random(7)))
OTHER = " ".join(story(random.Random(8)))


def test_a_signature_is_one_value_a_bin_and_ignores_case_punctuation_and_spacing():
    found = signature(STORY)
    assert len(found) == 2 * BINS
    assert signature(STORY.upper().replace(",", " ;").replace(" ", "\n  ")) == found


def test_signatures_are_the_same_in_every_process():
    """Stored in the index and compared with the next run's: pinned, so a change of hashing
    (Python's own hash() is salted per process) cannot slip in unnoticed."""
    text = "The harbour in the northern town reopened on Tuesday after a week of storms " * 3
    assert hashlib.blake2b(signature(text), digest_size=8).hexdigest() == "20bb4d0cfd80c946"


def test_short_bodies_have_no_signature_and_only_the_opening_counts():
    words = re.findall(r"[^\W_]+", STORY)
    assert signature(" ".join(words[: MIN_WORDS - 1])) == b""
    assert signature(" ".join(words[: MIN_WORDS + 3])) != b""
    long = " ".join([STORY] * 4)
    assert len(long) > OPENING
    assert signature(long[:OPENING] + " " + OTHER) == signature(long)


def test_similarity_estimates_how_much_two_bodies_share():
    assert similarity(signature(STORY), signature(STORY)) == 1.0
    assert similarity(signature(STORY), signature(OTHER)) < 0.2
    edited = STORY.replace(" said ", " told reporters ", 2)
    assert similarity(signature(STORY), signature(edited)) > 0.7


def test_groups_join_copies_largest_first_and_leave_the_rest_out():
    copy = STORY.replace(" the ", " a ", 1)
    third = " ".join(story(random.Random(9)))
    signed = [
        ("a", signature(OTHER)),
        ("b", signature(STORY)),
        ("c", signature(third)),
        ("d", signature(copy)),
        ("e", signature(third + " And one more sentence at the end.")),
        ("f", signature(STORY + " Additional reporting by Ana Abara.")),
        ("short", b""),
        ("broken", b"\x00" * 5),
    ]
    assert find_groups(signed) == [["b", "d", "f"], ["c", "e"]]
    assert find_groups([]) == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_has_a_well_formed_signature(text):
    found = signature(text)
    assert found == b"" or (len(found) == 2 * BINS and similarity(found, found) == 1.0)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.binary(max_size=2 * BINS + 2), max_size=30))
def test_groups_of_any_signatures_hold_each_key_once(blobs):
    groups = find_groups(enumerate(blobs))
    keys = [key for group in groups for key in group]
    assert len(keys) == len(set(keys)) and all(len(group) > 1 for group in groups)


def test_planted_copies_are_grouped_and_unrelated_articles_are_not(cli, tmp_path):
    """The quality target on a small planted folder: at least 90 % of copies grouped with their
    story, under 1 % of grouped articles put with another story (benchmarks/copies.py runs a
    bigger folder)."""
    told = plant(tmp_path / "planted", stories=12, copies=3, unrelated=120, seed=5)
    result = cli("--no-cache", "--dir", str(tmp_path / "planted"), "dupes", "--json")
    groups = [
        [article["id"] for article in json.loads(line)["articles"]]
        for line in result.stdout.splitlines()
    ]
    recall, false, _, grouped = scored(told, groups)
    assert recall >= 0.9 and grouped
    assert false < 0.01


def test_the_planted_score_counts_misses_and_false_groupings():
    told = {"a": "story", "b": "story", "c": "c", "d": "d"}
    assert scored(told, [["a", "b"]]) == (1.0, 0.0, 2, 2)
    assert scored(told, [["a", "c"], ["b", "d"]]) == (0.0, 1.0, 2, 4)


def test_many_unlike_bodies_sharing_a_band_are_not_compared_pair_by_pair(monkeypatch):
    """A template shared by thousands of unlike records must not make grouping quadratic."""
    calls = []
    real = copies_module._copies
    monkeypatch.setattr(copies_module, "_copies", lambda a, b: calls.append(1) or real(a, b))
    shared = [7] * copies_module.ROWS  # every body agrees in the first band, nowhere else
    rows = random.Random(5)
    signed = [
        (n, copies_module._PACKING.pack(*shared, *(rows.randrange(65536) for _ in range(60))))
        for n in range(400)
    ]
    assert find_groups(signed) == []
    assert len(calls) <= 400 * 32  # pair by pair it would be 79,800
