"""The state file under stress: real processes writing at once, damage, a newer format, no room.

A damaged file is the user's data: it must be kept aside (renamed, bytes intact), reported once
through ``warn``, and a fresh file must work at once.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsreader.state import ReaderState, StateTooNew, StateUnavailable, content_key, state_path

KEYS = [content_key(f"article {number}".encode()) for number in range(1000)]


_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from newsreader.state import ReaderState, content_key

    data_dir, folder, go, first = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    keys = [content_key(f"article {number}".encode()) for number in range(first, first + 500)]
    while not go.exists():
        time.sleep(0.001)
    state = ReaderState.open(data_dir, folder)  # both may be making the file at once
    for start in range(0, 500, 10):  # 50 transactions each, interleaved with the other's
        chunk = keys[start : start + 10]
        state.mark_read(chunk)
        state.tag(chunk, add=["shared", f"by{first}"])
        state.take_new(chunk)
    state.save_search(f"by{first}", "q")
    state.close()
    """
)


def test_two_processes_marking_at_once_lose_nothing(data_dir, folder, tmp_path):
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(data_dir), str(folder), str(go), str(first)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for first in (0, 500)
    ]
    go.touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    with ReaderState.open(data_dir, folder) as state:
        assert state.read_keys() == set(KEYS)
        assert state.tag_counts() == {"shared": 1000, "by0": 500, "by500": 500}
        assert state.new_keys(KEYS) == set()
        assert [search.name for search in state.saved_searches()] == ["by0", "by500"]


def _fill(data_dir: Path, folder: Path) -> None:
    with ReaderState.open(data_dir, folder) as state:
        state.mark_read(KEYS)
        state.tag(KEYS[:300], add=["eu"])
        state.take_new(KEYS)


def _damage(path: Path, how: str) -> bytes:
    if how == "junk":
        path.write_bytes(b"these are not the pages you are looking for\n" * 200)
    elif how == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "header":
        data = bytearray(path.read_bytes())
        data[:16] = b"SQLite format 2\0"
        path.write_bytes(bytes(data))
    elif how == "pages":  # the header intact, every page after the first overwritten
        data = bytearray(path.read_bytes())
        data[4096:] = b"\xff" * (len(data) - 4096)
        path.write_bytes(bytes(data))
    return path.read_bytes()


@pytest.mark.parametrize("how", ["junk", "truncated", "header", "pages"])
def test_a_damaged_file_is_kept_aside_and_a_fresh_one_started(data_dir, folder, how):
    _fill(data_dir, folder)
    damaged = _damage(state_path(data_dir), how)
    warnings: list[str] = []
    with ReaderState.open(data_dir, folder, warnings.append) as state:
        assert state.read_keys() == set()  # found at open, or by the first read of the marks
        aside = data_dir / "state-damaged-1.sqlite"
        assert state.kept_aside == [aside]
        assert aside.read_bytes() == damaged  # never deleted, never changed
        assert len(warnings) == 1 and str(aside) in warnings[0] and "\n" not in warnings[0]
        assert state.mark_read(KEYS[:5]) == 5  # the fresh file works at once
        state.save_search("daily", "q")
    with ReaderState.open(data_dir, folder, warnings.append) as state:
        assert state.read_keys() == set(KEYS[:5])
        assert len(warnings) == 1  # said once
        assert state.check() is True


def test_each_damaged_file_gets_its_own_name(data_dir, folder):
    for number in (1, 2):
        _fill(data_dir, folder)
        _damage(state_path(data_dir), "junk")
        with ReaderState.open(data_dir, folder) as state:
            assert state.kept_aside == [data_dir / f"state-damaged-{number}.sqlite"]
    assert (data_dir / "state-damaged-1.sqlite").exists()


@pytest.mark.parametrize(
    "command, check",
    [
        (lambda state: state.mark_read(KEYS[:3]), lambda state: state.read_keys() == set(KEYS[:3])),
        (
            lambda state: state.tag(KEYS[:3], add=["eu"]),
            lambda state: len(state.tagged(["eu"])) == 3,
        ),
        (lambda state: state.tagged(["eu"]), lambda state: state.tag_counts() == {}),
        (
            lambda state: state.take_new(KEYS[:3]),
            lambda state: state.new_keys(KEYS[:4]) == {KEYS[3]},
        ),
        (lambda state: state.save_search("x", "q"), lambda state: len(state.saved_searches()) == 1),
    ],
    ids=["mark_read", "tag", "tagged", "take_new", "save_search"],
)
def test_damage_found_mid_command_keeps_the_file_aside_and_the_command_runs_on_a_fresh_one(
    data_dir, folder, tmp_path, command, check
):
    ReaderState.open(data_dir, tmp_path).close()  # another folder first: this one is number 2
    _fill(data_dir, folder)
    warnings: list[str] = []
    with ReaderState.open(data_dir, folder, warnings.append) as state:
        assert state.folder_id == 2
        _damage(state.path, "pages")  # damaged under an open store (a disk error, say)
        command(state)
        assert check(state)
        assert len(warnings) == 1


def test_check_reads_the_whole_file(data_dir, folder):
    _fill(data_dir, folder)
    warnings: list[str] = []
    with ReaderState.open(data_dir, folder, warnings.append) as state:
        assert state.check() is True
        _damage(state.path, "pages")
        assert state.check() is False
        assert len(warnings) == 1 and state.read_keys() == set()


def test_another_database_in_its_place_is_kept_aside_too(data_dir, folder):
    data_dir.mkdir()
    db = sqlite3.connect(state_path(data_dir))
    db.execute("CREATE TABLE notes(text)")
    db.commit()
    db.close()
    with ReaderState.open(data_dir, folder) as state:
        assert state.kept_aside == [data_dir / "state-damaged-1.sqlite"]
        state.mark_read(KEYS[:1])


def test_a_file_of_a_newer_format_is_left_alone(data_dir, folder):
    _fill(data_dir, folder)
    db = sqlite3.connect(state_path(data_dir))
    db.execute("UPDATE meta SET value = '99' WHERE key = 'format'")
    db.commit()
    db.close()
    before = state_path(data_dir).read_bytes()
    with pytest.raises(StateTooNew) as caught:
        ReaderState.open(data_dir, folder)
    assert isinstance(caught.value, StateUnavailable) and "newer" in str(caught.value)
    assert state_path(data_dir).read_bytes() == before
    assert sorted(path.name for path in data_dir.iterdir() if "damaged" in path.name) == []


def test_a_data_folder_that_cannot_be_made_is_state_unavailable(tmp_path, folder):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StateUnavailable) as caught:
        ReaderState.open(blocker / "data", folder)
    assert "\n" not in str(caught.value)
