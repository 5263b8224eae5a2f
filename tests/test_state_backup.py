"""Backing the state up and bringing it back: ``export`` and ``import_lines`` (JSON Lines)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from newsreader.state import BadBackup, ReaderState, content_key

A, B, C, D = (content_key(text.encode()) for text in ("alpha", "bravo", "charlie", "delta"))


def _hex(key: int) -> str:
    """A key as a backup writes it: 16 hex digits of its 64 bits."""
    return f"{key & (2**64 - 1):016x}"


def _open(tmp_path: Path, name: str) -> ReaderState:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return ReaderState.open(tmp_path / f"data-{name}", folder)


def _everything(state: ReaderState):
    return state.marks(), state.new_keys([A, B, C, D]), state.saved_searches()


def _exported(state: ReaderState) -> str:
    stream = io.StringIO()
    state.export(stream)
    return stream.getvalue()


def test_a_backup_brings_everything_back_elsewhere(tmp_path):
    with _open(tmp_path, "laptop") as state:
        state.mark_read({A: "0001_a.txt", B: os.fsdecode(b"caf\xe9.txt")})
        state.star([B])
        state.tag([B, C], add=["eu", "новости"])
        state.take_new([A, D])
        state.save_search("Daily", "climate", {"section": "world", "since": "7d", "tags": ["eu"]})
        before = _everything(state)
        text = _exported(state)
    with _open(tmp_path, "desktop") as state:
        # 3 articles' marks, 4 tags, 2 seen: 9 rows new here; again, none
        assert state.import_lines(io.StringIO(text)) == (4, 1, 9, ())
        assert state.import_lines(io.StringIO(text)) == (4, 1, 0, ())
        assert _everything(state) == before
        assert _exported(state).splitlines()[1:] == text.splitlines()[1:]  # but the folder line


def test_the_format_is_readable_json_lines(tmp_path):
    with _open(tmp_path, "news") as state:
        state.mark_read({A: "a.txt"})
        state.take_new([B])
        state.save_search("daily", "q")
        lines = [json.loads(line) for line in _exported(state).splitlines()]
    assert lines[0] == {"type": "newsreader-state", "format": 1, "folder": str(tmp_path / "news")}
    assert lines[1] == {"type": "saved", "name": "daily", "query": "q", "filters": {}}
    by_key = {line["key"]: line for line in lines[2:]}
    assert by_key[_hex(A)] == {
        "type": "article",
        "key": _hex(A),
        "name": "a.txt",
        "read": True,
        "read_at": by_key[_hex(A)]["read_at"],
    }
    assert by_key[_hex(B)] == {
        "type": "article",
        "key": _hex(B),
        "seen": True,
    }


def test_import_merges_with_what_is_there(tmp_path):
    with _open(tmp_path, "one") as state:
        state.mark_read([A])
        state.tag([A], add=["one"])
        state.save_search("daily", "from the backup")
        text = _exported(state)
    with _open(tmp_path, "two") as state:
        state.star([A, B])
        state.tag([A], add=["two"])
        state.save_search("daily", "here")
        state.save_search("weekly", "here")
        state.import_lines(text.splitlines(keepends=True))
        assert state.read_keys() == {A} and state.starred_keys() == {A, B}
        assert state.marks([A])[A].tags == ("one", "two")
        assert {s.name: s.query for s in state.saved_searches()} == {
            "daily": "from the backup",
            "weekly": "here",
        }
        state.import_lines(text.splitlines())  # again: nothing changes
        assert state.read_keys() == {A} and state.marks([A])[A].tags == ("one", "two")


def test_import_keeps_the_first_time_a_mark_was_set(tmp_path):
    line = json.dumps(
        {"type": "article", "key": _hex(A), "read": True, "read_at": "2020-01-01T00:00:00Z"}
    )
    with _open(tmp_path, "news") as state:
        state.import_lines([line])
        assert state.marks([A])[A].read_at == "2020-01-01T00:00:00Z"
        state.mark_read([A])
        assert state.marks([A])[A].read_at == "2020-01-01T00:00:00Z"


@pytest.mark.parametrize(
    "bad, says",
    [
        ("not json", "line 3 of the backup is not JSON"),
        ("[1, 2]", "line 3 of the backup is not a JSON object"),
        ('{"type": "mystery"}', "line 3 of the backup: unknown record type 'mystery'"),
        ('{"type": "article", "key": "xyz"}', "line 3 of the backup: a key is 16"),
        ('{"type": "article", "key": 12}', "line 3 of the backup: a key is 16"),
        ('{"type": "article", "key": "0123456789abcdef", "read": "yes"}', "read is true or false"),
        ('{"type": "article", "key": "0123456789abcdef", "tags": ["a b"]}', "'a b' is not a tag"),
        ('{"type": "article", "key": "0123456789abcdef", "colour": 1}', "unknown field 'colour'"),
        ('{"type": "saved", "name": "two words"}', "cannot name a saved search"),
        ('{"type": "saved", "name": "x", "filters": {"colour": 1}}', "no filter 'colour'"),
        ('{"type": "newsreader-state", "format": 2}', "newer newsreader"),
    ],
)
def test_a_bad_line_stops_the_import_naming_it_and_nothing_is_merged(tmp_path, bad, says):
    good = '{"type": "article", "key": "0123456789abcdef", "read": true}'
    with _open(tmp_path, "news") as state:
        with pytest.raises(BadBackup) as caught:
            state.import_lines([good, "", bad, good])
        assert says in str(caught.value) and "\n" not in str(caught.value)
        assert state.marks() == {}


def test_a_backup_without_its_header_line_still_imports(tmp_path):
    with _open(tmp_path, "news") as state:
        state.import_lines(['{"type": "article", "key": "0123456789abcdef", "starred": true}'])
        assert len(state.starred_keys()) == 1
