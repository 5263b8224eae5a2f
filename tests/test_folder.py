"""Finding the article files: the same answer whether one process or two stat the folder."""

import os
import sys

import pytest

from newsreader import folder as folder_module
from newsreader.folder import scan
from newsreader.model import Entry

two_processes = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform != "linux",
    reason="the folder is split between two processes only on Linux",
)


@pytest.fixture
def mixed(tmp_path):
    """Articles, a subfolder, symlinks inside, outside and nowhere, and a name that is not UTF-8."""
    news = tmp_path / "news"
    news.mkdir()
    for n in range(40):
        (news / f"{n:03d}_{n:016x}.txt").write_text("Headline\n\n" + "word " * n)
    (news / "sub").mkdir()
    (news / "link.txt").symlink_to(news / "007_0000000000000007.txt")
    (tmp_path / "outside.txt").write_text("not in the folder")
    (news / "escape.txt").symlink_to(tmp_path / "outside.txt")
    (news / "dangling.txt").symlink_to(news / "missing.txt")
    (news / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Headline\n\nbody")
    return news


def test_scan_finds_regular_files_and_links_inside_sorted(mixed):
    found = scan(mixed)
    entries = found.entries
    names = [entry.name for entry in entries]
    assert names == sorted(names) and len(names) == 42 and found.skipped == []
    assert "link.txt" in names and not {"sub", "escape.txt", "dangling.txt"} & set(names)
    first = entries[0]
    info = os.stat(first.path)
    assert first == Entry(
        "000_0000000000000000.txt",
        str(mixed / first.name),
        info.st_size,
        info.st_mtime_ns,
        info.st_ctime_ns,
        info.st_ino,
    )


def test_a_link_into_a_subfolder_is_read_without_recursive(mixed):
    (mixed / "sub" / "deep.txt").write_text("Headline\n\nbody")
    (mixed / "deeplink.txt").symlink_to(mixed / "sub" / "deep.txt")
    names = [entry.name for entry in scan(mixed).entries]
    assert "deeplink.txt" in names and "sub/deep.txt" not in names


def test_a_link_that_loops_is_skipped_and_named(mixed):
    """Issue #21.9: a symlink loop crashed every command."""
    (mixed / "self").symlink_to(mixed / "self")
    (mixed / "ping").symlink_to(mixed / "pong")
    (mixed / "pong").symlink_to(mixed / "ping")
    found = scan(mixed)
    assert len(found.entries) == 42
    assert sorted(found.skipped) == [
        (name, "a symbolic link that loops") for name in ("ping", "pong", "self")
    ]


@two_processes
def test_two_processes_find_what_one_finds(mixed, monkeypatch):
    alone = scan(mixed)
    monkeypatch.setattr(folder_module, "TWO_PROCESSES_FROM", 2)
    assert scan(mixed) == alone


@two_processes
def test_a_child_that_sends_nothing_leaves_its_share_to_the_parent(mixed, monkeypatch):
    alone = scan(mixed)
    monkeypatch.setattr(folder_module, "TWO_PROCESSES_FROM", 2)
    monkeypatch.setattr(folder_module, "_write_all", lambda fd, data: None)
    assert scan(mixed) == alone


@two_processes
def test_a_process_with_threads_is_not_forked(mixed, monkeypatch):
    import threading

    alone = scan(mixed)
    monkeypatch.setattr(folder_module, "TWO_PROCESSES_FROM", 2)
    monkeypatch.setattr(
        folder_module.os, "fork", lambda: pytest.fail("forked a process that runs threads")
    )
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert scan(mixed) == alone
    finally:
        release.set()
        worker.join()


def test_a_scan_leaves_the_garbage_collector_as_it_found_it(mixed, monkeypatch):
    """The collector is paused during a scan only: on again after it, also after a failed one."""
    import gc

    from newsreader.errors import SourceError

    assert gc.isenabled()
    assert len(scan(mixed).entries) == 42
    assert gc.isenabled()

    def refuse(path):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(folder_module.os, "listdir", refuse)
        with pytest.raises(SourceError):
            scan(mixed)
    assert gc.isenabled()
    gc.disable()
    try:
        scan(mixed)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_files_that_are_clearly_not_articles_are_passed_over_and_counted(mixed):
    """Issue #17: hidden files, a scraper's manifest, pictures and binaries are not articles;
    include and exclude globs override."""
    from newsreader.model import ScanOptions

    (mixed / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (mixed / "manifest.json").write_text("[]")
    (mixed / "urls.csv").write_text("url\n")
    (mixed / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (mixed / "dump.dat").write_bytes(b"\0" * 40)
    (mixed / "story.dat").write_text("A headline\n\nA body.")
    found = scan(mixed)
    names = {entry.name for entry in found.entries}
    assert (
        "story.dat" in names
        and not {".DS_Store", "manifest.json", "urls.csv", "photo.jpg", "dump.dat"} & names
    )
    assert found.passed_over == {"hidden": 1, ".json": 1, ".csv": 1, ".jpg": 1, "binary": 1}
    chosen = scan(mixed, ScanOptions(include=("*.csv",), exclude=("story.*", "0*")))
    assert {entry.name for entry in chosen.entries} == {
        "urls.csv",
        "link.txt",
        os.fsdecode(b"caf\xe9.txt"),
    }


def test_subfolders_are_read_with_recursive_and_their_ids_keep_the_path(tmp_path):
    from newsreader.model import ScanOptions

    news = tmp_path / "news"
    (news / "2024" / "05").mkdir(parents=True)
    (news / ".git").mkdir()
    (news / ".git" / "HEAD.txt").write_text("ref")
    (news / "2024" / "05" / "001_0000000000000001.txt").write_text("A headline\n\nA body.")
    (news / "2024" / "002_0000000000000002.txt").write_text("A headline\n\nA body.")
    alone = scan(news)
    assert alone.entries == [] and alone.subfolders == 1
    deep = scan(news, ScanOptions(recursive=True))
    assert [entry.name for entry in deep.entries] == [
        "2024/002_0000000000000002.txt",
        "2024/05/001_0000000000000001.txt",
    ]


def test_a_glob_without_a_slash_matches_a_name_at_any_depth_as_in_gitignore(tmp_path):
    """`--exclude x.txt` skips every x.txt, `--exclude drafts` a folder of that name anywhere;
    a glob with a slash matches the path below the folder."""
    from newsreader.model import ScanOptions

    news = tmp_path / "news"
    for name in ("a/b/x.txt", "a/y.txt", "drafts/z.txt", "c/drafts/w.txt", "x.txt", "keep.txt"):
        (news / name).parent.mkdir(parents=True, exist_ok=True)
        (news / name).write_text("A headline\n\nA body.")

    def kept(**globs):
        return [e.name for e in scan(news, ScanOptions(recursive=True, **globs)).entries]

    assert kept(exclude=("x.txt", "drafts")) == ["a/y.txt", "keep.txt"]
    assert kept(exclude=("a/*",)) == ["c/drafts/w.txt", "drafts/z.txt", "keep.txt", "x.txt"]
    assert kept(exclude=("*",), include=("y.txt",)) == []  # exclude wins, as before
    assert kept(exclude=("b",)) == [
        "a/y.txt",
        "c/drafts/w.txt",
        "drafts/z.txt",
        "keep.txt",
        "x.txt",
    ]
