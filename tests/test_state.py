"""The reader state through its public API: marks, stars, tags, --new, saved searches, identity.

Each test opens a store in its own data folder, as ``Library`` will: ``ReaderState.open(
env.data_dir, folder)``. Keys are made by ``content_key`` from the bytes a file would hold.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsreader.errors import NewsError
from newsreader.state import (
    BadSavedSearch,
    BadTag,
    Marks,
    ReaderState,
    SearchFilters,
    UnknownSavedSearch,
    content_key,
    state_path,
    tag_changes,
    tag_word,
)

A, B, C, D = (content_key(text.encode()) for text in ("alpha", "bravo", "charlie", "delta"))


@pytest.fixture
def state(data_dir: Path, folder: Path):
    with ReaderState.open(data_dir, folder) as opened:
        yield opened


def test_the_state_lives_in_the_data_folder_and_nowhere_else(data_dir, folder, state):
    state.mark_read([A])
    assert state.path == state_path(data_dir) == data_dir / "state.sqlite"
    assert state.path.exists()
    assert list(folder.iterdir()) == []  # nothing in the news folder


def test_content_keys_are_64_bit_integers_that_follow_the_bytes():
    assert content_key(b"alpha") == content_key(b"alpha") != content_key(b"alpha ")
    assert all(-(2**63) <= key < 2**63 for key in (A, B, C, D))


def test_marks_survive_a_fresh_open(data_dir, folder):
    with ReaderState.open(data_dir, folder) as state:
        state.mark_read([A, B])
        state.star([B])
        state.tag([C], add=["climate"])
    with ReaderState.open(data_dir, folder) as state:
        assert state.read_keys() == {A, B}
        assert state.starred_keys() == {B}
        assert state.tagged(["climate"]) == {C}


def test_each_folder_has_its_own_marks(data_dir, folder, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    with ReaderState.open(data_dir, folder) as state, ReaderState.open(data_dir, other) as second:
        state.mark_read([A])
        second.star([A])
        assert state.read_keys() == {A} and state.starred_keys() == set()
        assert second.read_keys() == set() and second.starred_keys() == {A}
        assert state.folder_id != second.folder_id


def test_a_folder_is_named_by_its_absolute_path(data_dir, folder):
    with ReaderState.open(data_dir, folder) as state:
        state.mark_read([A])
    with ReaderState.open(data_dir, folder / ".." / folder.name) as state:
        assert state.read_keys() == {A}


def test_marking_read_and_unread_says_how_many_changed(state):
    assert state.mark_read([A, B]) == 2
    assert state.mark_read([A, B, C]) == 1
    assert state.mark_read([A, D], read=False) == 1
    assert state.mark_read([D], read=False) == 0
    assert state.read_keys() == {B, C}


def test_a_key_given_twice_counts_once(state):
    assert state.mark_read([A, A, A]) == 1
    assert state.star(iter([B, B])) == 1


def test_marks_record_when_and_under_what_name(state):
    state.mark_read({A: "0001_a.txt"})
    marks = state.marks([A, B])
    assert set(marks) == {A}  # an article without marks has no entry
    assert marks[A].read and not marks[A].starred and marks[A].name == "0001_a.txt"
    assert marks[A].read_at is not None and marks[A].read_at.endswith("Z")
    assert marks[A].starred_at is None


def test_stars_come_and_go(state):
    assert state.star([A, B]) == 2
    assert state.star([B], starred=False) == 1
    assert state.starred_keys() == {A}
    assert state.marks() == {A: Marks(starred=True, starred_at=state.marks()[A].starred_at)}


def test_an_article_with_no_marks_left_has_no_entry(state):
    state.mark_read([A])
    state.star([A])
    state.tag([A], add=["x"])
    state.mark_read([A], read=False)
    state.star([A], starred=False)
    assert A in state.marks()
    state.tag([A], remove=["x"])
    assert state.marks() == {}


def test_tags_are_added_and_removed_as_sets(state):
    assert state.tag([A, B], add=["climate", "eu"]) == 2
    assert state.tag([A, B], add=["climate"]) == 0
    assert state.tag([A], remove=["eu", "absent"]) == 1
    assert state.marks([A])[A].tags == ("climate",)
    assert state.marks([B])[B].tags == ("climate", "eu")
    assert state.tagged(["climate"]) == {A, B}
    assert state.tagged(["climate", "eu"]) == {B}
    assert state.tag_counts() == {"climate": 2, "eu": 1}


def test_tags_ignore_case(state):
    state.tag([A], add=["Climate"])
    state.tag([B], add=["CLIMATE", "Straße"])
    assert state.tagged(["climate"]) == {A, B}
    assert state.tag_counts() == {"climate": 2, "strasse": 1}
    assert tag_word("ÉLECTIONS") == "élections"


@pytest.mark.parametrize(
    "bad", ["", "two words", "-lead", "_lead", "tab\tbed", "esc\x1b[31m", "a" * 65, "semi;colon"]
)
def test_a_bad_tag_is_one_clear_error(state, bad):
    with pytest.raises(BadTag) as caught:
        state.tag([A], add=[bad])
    message = str(caught.value)
    assert isinstance(caught.value, NewsError) and "\n" not in message and repr(bad) in message
    assert state.marks() == {}


def test_good_tags():
    for good in ("eu", "2026", "covid-19", "u.s.", "long_read", "новости", "a" * 64):
        assert tag_word(good) == good.casefold()


def test_a_tag_added_and_removed_at_once_is_refused(state):
    with pytest.raises(BadTag):
        state.tag([A], add=["x"], remove=["X"])


def test_tag_changes_read_plus_and_minus_words():
    assert tag_changes(["+Climate", "-eu", "+eu"]) == ({"climate", "eu"}, set())
    assert tag_changes(["+a", "-a"]) == (set(), {"a"})
    for bad in (["climate"], ["+"], ["+two words"]):
        with pytest.raises(BadTag):
            tag_changes(bad)


def test_keys_must_be_content_keys(state):
    with pytest.raises(TypeError):
        state.mark_read(["0001"])
    with pytest.raises(TypeError):
        state.mark_read([True])
    with pytest.raises(ValueError):
        state.mark_read([2**64])


# --- new since last time ------------------------------------------------------------------


def test_new_is_what_the_previous_take_did_not_see(state):
    assert state.take_new([A, B]) == {A, B}
    assert state.take_new([A, B, C]) == {C}
    assert state.take_new([A, B, C]) == set()


def test_new_among_a_whole_folder_of_keys(state):
    keys = [content_key(str(number).encode()) for number in range(3000)]
    assert state.take_new(keys[:2000]) == set(keys[:2000])
    assert state.take_new(keys) == set(keys[2000:])
    assert state.new_keys(keys[1990:2010]) == set()


def test_asking_what_is_new_changes_nothing(state):
    state.mark_seen([A])
    assert state.new_keys([A, B]) == {B}
    assert state.new_keys([A, B]) == {B}


def test_seen_is_separate_from_read(state):
    state.take_new([A])
    assert state.read_keys() == set()
    state.mark_read([B])
    assert state.new_keys([A, B]) == {B}


# --- identity: renames, edits, removals ---------------------------------------------------


def test_a_renamed_file_keeps_its_marks_and_the_new_name_is_remembered(state):
    state.mark_read({A: "0001_a.txt"})
    assert state.follow([("renamed/0001_a.txt", A)]) == 0
    marks = state.marks([A])[A]
    assert marks.read and marks.name == "renamed/0001_a.txt"


def test_a_file_edited_in_place_carries_its_marks(state):
    state.mark_read({A: "0001_a.txt", B: "0002_b.txt"})
    state.star([A])
    state.tag([A], add=["eu"])
    # 0001 now holds new bytes (key D); 0002 is unchanged
    assert state.follow([("0001_a.txt", D), ("0002_b.txt", B)]) == 1
    assert set(state.marks()) == {B, D}
    edited = state.marks([D])[D]
    assert edited.read and edited.starred and edited.tags == ("eu",)
    assert edited.name == "0001_a.txt"
    assert state.follow([("0001_a.txt", D), ("0002_b.txt", B)]) == 0  # once only


def test_an_edit_back_to_marked_content_keeps_that_contents_marks(state):
    state.mark_read({A: "x.txt"})
    state.star({D: "y.txt"})
    # x.txt now holds the starred content: D's marks stay D's, A's are not merged into them
    assert state.follow([("x.txt", D)]) == 0
    assert state.marks([D])[D] == Marks(
        starred=True, starred_at=state.marks([D])[D].starred_at, name="x.txt"
    )
    assert state.read_keys() == {A}


def test_a_copy_that_is_then_edited_leaves_the_marks_with_the_copy(state):
    state.mark_read({A: "x.txt"})
    assert state.follow([("x.txt", D), ("copy.txt", A)]) == 0
    assert state.read_keys() == {A}
    assert state.marks([A])[A].name == "copy.txt"


def test_marks_of_vanished_files_are_kept_until_pruned(state):
    state.mark_read({A: "a.txt", B: "b.txt"})
    state.take_new([A, B, C])
    state.follow([("b.txt", B)])  # a.txt is gone
    assert state.read_keys() == {A, B}
    assert state.prune([B]) == 2  # A (read, seen) and C (seen)
    assert state.read_keys() == {B}
    assert state.new_keys([A, B, C]) == {A, C}
    assert state.prune([B]) == 0


def test_carry_moves_and_merges_marks(state):
    state.mark_read({A: "a.txt"})
    state.tag([A], add=["one"])
    state.star([B])
    state.tag([B], add=["two"])
    assert state.carry(A, B) is True
    assert set(state.marks()) == {B}
    merged = state.marks([B])[B]
    assert merged.read and merged.starred and merged.tags == ("one", "two")
    assert merged.name == "a.txt"
    assert state.carry(A, B) is False  # nothing left to carry
    assert state.carry(C, D) is False


def test_non_utf8_file_names_are_remembered(state):
    name = os.fsdecode(b"caf\xe9.txt")
    state.mark_read({A: name})
    assert state.marks([A])[A].name == name


# --- saved searches -----------------------------------------------------------------------


def test_saved_searches_are_added_listed_and_removed(state):
    state.save_search("Climate", "climate OR weather", {"section": "world", "unread": True})
    state.save_search("eu", "", SearchFilters(tags=["EU", "politics"], since="7d"))
    searches = state.saved_searches()
    assert [search.name for search in searches] == ["climate", "eu"]
    assert searches[0].query == "climate OR weather"
    assert searches[0].filters == SearchFilters(section="world", unread=True)
    assert state.saved_search("EU").filters.tags == ("eu", "politics")
    assert state.saved_search("eu").filters.since == "7d"
    state.remove_search("CLIMATE")
    assert [search.name for search in state.saved_searches()] == ["eu"]


def test_a_saved_search_name_in_use_is_refused_unless_replaced(state):
    state.save_search("daily", "a")
    with pytest.raises(BadSavedSearch, match="already"):
        state.save_search("Daily", "b")
    state.save_search("Daily", "b", replace=True)
    assert state.saved_search("daily").query == "b"


def test_unknown_saved_searches(state):
    with pytest.raises(UnknownSavedSearch):
        state.saved_search("nope")
    with pytest.raises(UnknownSavedSearch):
        state.remove_search("nope")


@pytest.mark.parametrize("bad", ["", "two words", "-x", "x" * 65, "a/b"])
def test_a_bad_saved_search_name_is_one_clear_error(state, bad):
    with pytest.raises(BadSavedSearch) as caught:
        state.save_search(bad, "query")
    assert repr(bad) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "filters",
    [{"colour": "red"}, {"unread": "yes"}, {"section": 3}, {"tags": "eu"}, {"tags": ["a b"]}],
)
def test_bad_saved_search_filters_are_refused(state, filters):
    with pytest.raises((BadSavedSearch, BadTag)):
        state.save_search("daily", "q", filters)
    assert state.saved_searches() == []


def test_saved_searches_belong_to_their_folder(data_dir, folder, tmp_path):
    with ReaderState.open(data_dir, folder) as state:
        state.save_search("daily", "q")
    with ReaderState.open(data_dir, tmp_path) as other:
        assert other.saved_searches() == []


def test_marking_a_thousand_articles_counts_only_those_that_changed(state):
    keys = [content_key(str(number).encode()) for number in range(1000)]
    state.mark_read(keys[:1])
    # how fast is benchmarks/scale.py's to say (no timed assertions in tests)
    assert state.mark_read({key: f"{n:04}.txt" for n, key in enumerate(keys)}) == 999
    assert len(state.read_keys()) == 1000
