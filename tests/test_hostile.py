"""Hostile folders, names and faults: never a traceback, never a hang, never a wrong answer."""

import json
import os
import signal
import subprocess
import time

import pytest
from conftest import _news_executable

from newsreader.parse import parse_article

PROSE = "A body paragraph that is long enough to count as prose in these tests, surely.\n"


def _article(title: str) -> str:
    return f"{title}\n\n{PROSE}"


def test_ids_never_reach_outside_the_folder(cli, basic, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(_article("Secret headline outside the folder"))
    for query in ("../secret", str(secret), "../../etc/passwd", "/etc/passwd", "..", "."):
        result = cli("--dir", str(basic), "show", query)
        assert (
            result.exit_code == 2 and "Secret" not in result.stdout and "root:" not in result.stdout
        )
    (basic / "009_9999999999999999.txt").symlink_to(secret)
    (basic / "008_8888888888888888.txt").symlink_to(basic / "001_aaaaaaaaaaaaaaaa.txt")
    listed = cli("--dir", str(basic), "list").stdout
    assert "Secret headline" not in listed and "008_8888888888888888" in listed


def test_odd_file_names_are_listed_safely(cli, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    names = [
        b"with space.txt",
        b"new\nline.txt",
        b"tab\there.txt",
        b"-leading-dash.txt",
        b"bad\xffbyte.txt",
    ]
    for raw in names:
        with open(os.path.join(os.fsencode(folder), raw), "w") as handle:
            handle.write(_article("Odd name headline for the test"))
    for extra in ([], ["--no-cache"]):
        result = cli("--dir", str(folder), *extra, "list")
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        assert len(lines) == len(names)
        assert all(len(line.split("\t")) == 5 for line in lines)
        assert any(line.startswith("bad\ufffdbyte\t") for line in lines)
        assert any(line.startswith("new\\nline\t") for line in lines)
    assert cli("--dir", str(folder), "grep", "-c", "Odd").stdout.count("\n") == len(names)


def test_files_that_fight_back(cli, tmp_path):
    folder = tmp_path / "fight"
    folder.mkdir()
    (folder / "001_0000000000000001.txt").write_text("   \n\t\n  \n")
    (folder / "002_0000000000000002.txt").write_bytes(
        b"Head\x00line\x00\n\n" + PROSE.encode() + b"\x00" * 100
    )
    (folder / "003_0000000000000003.txt").write_bytes(
        _article("Sixteen bits without a mark").encode("utf-16-le")
    )
    (folder / "004_0000000000000004.txt").write_bytes(
        _article("Thirty-two bits with a mark").encode("utf-32")
    )
    (folder / "009_0000000000000009.txt").write_bytes(
        _article("Zażółć: thirty-two bits, no mark").encode("utf-32-be")
    )
    (folder / "005_0000000000000005.txt").write_text("x" * 1_000_000)
    (folder / "006_0000000000000006.txt").write_text(
        _article("Many blank lines follow") + "\n" * 100_000 + PROSE
    )
    (folder / "007_0000000000000007.txt").mkdir()  # a directory named like an article
    os.mkfifo(folder / "008_0000000000000008.txt")  # a FIFO must not hang the reader
    for extra in ([], ["--no-cache"]):
        start = time.monotonic()
        result = cli("--dir", str(folder), *extra, "list", "--sort", "number")
        assert time.monotonic() - start < 60
        assert result.exit_code == 0 and "Traceback" not in result.stderr
        ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
        assert ids == [f"00{n}_000000000000000{n}" for n in (1, 2, 3, 4, 5, 6, 9)]
    assert "Thirty-two bits with a mark" in cli("--dir", str(folder), "show", "4").stdout
    assert cli("--dir", str(folder), "show", "9").stdout.startswith(
        "Zażółć: thirty-two bits, no mark"
    )
    assert "Sixteen bits without a mark" in cli("--dir", str(folder), "show", "3").stdout
    assert "NUL bytes removed" in cli("--dir", str(folder), "show", "2", "--json").stdout
    every_command = (
        ["list"],
        ["list", "--json"],
        ["export"],
        ["grep", "bits"],
        ["grep", "-c", "x+"],
        ["index"],
        ["search", "bits"],
        ["dupes"],
        ["list", "--collapse"],
        ["search", "--collapse", "bits"],
        *(
            ["show", str(n), *flag]
            for n in (1, 2, 3, 4, 5, 6, 9)
            for flag in ([], ["--raw"], ["--json"], ["--explain"])
        ),
    )
    for extra in ([], ["--no-cache"]):
        for args in every_command:
            if extra and args[0] in ("index", "search"):
                continue
            result = cli("--dir", str(folder), *extra, *args)
            assert result.exit_code in (0, 1), (args, result.stderr)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                args,
                result.exception,
            )
            assert "Traceback" not in result.stderr


def test_a_file_that_vanishes_before_it_is_read_still_gives_a_record(basic):
    from newsreader.folder import scan
    from newsreader.parsing import load

    entries = scan(basic).entries
    os.remove(entries[0].path)
    article = load(entries[0])
    assert article.title == "" and any("could not read" in warning for warning in article.warnings)


def test_two_processes_indexing_at_once_agree(news, tmp_path, cache_dir):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(600):
        (folder / f"{n:03d}_{n:016x}.txt").write_text(
            _article(f"Headline number {n} of the concurrency test")
        )
    env = {"NEWS_CACHE_DIR": str(cache_dir), "PATH": os.environ["PATH"]}
    runs = [
        subprocess.Popen(
            [_news_executable(), "--dir", str(folder), "list"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    expected = news("--dir", str(folder), "--no-cache", "list").stdout
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0 and out == expected and b"Traceback" not in err
    assert news("--dir", str(folder), "list").stdout == expected


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_killing_news_mid_index_leaves_a_usable_index(news, tmp_path, cache_dir, sig):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3000):
        (folder / f"{n:04d}_{n:016x}.txt").write_text(
            _article(f"Headline number {n} of the interrupt test") + PROSE * 20
        )
    env = {**os.environ, "NEWS_CACHE_DIR": str(cache_dir)}
    run = subprocess.Popen(
        [_news_executable(), "--dir", str(folder), "index"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    time.sleep(2.0)
    run.send_signal(sig)
    out, err = run.communicate(
        timeout=60
    )  # stderr ends when the workers, orphaned or not, are gone
    assert b"Traceback" not in err and b"BrokenPipe" not in err  # issue #21.14
    if sig == signal.SIGINT and run.returncode != 0:  # it may have finished first on a fast machine
        assert run.returncode == 130 and err.decode().strip() == "Interrupted."
    # the whole records, furniture included: the resumed run parses the files left pending
    # with the keys the killed one counted
    expected = news("--dir", str(folder), "--no-cache", "export").stdout
    assert news("--dir", str(folder), "export").stdout == expected


def test_errors_quoting_user_input_are_sanitised(cli, basic):
    result = cli("--dir", str(basic), "show", "\x1b]0;evil\x07zz")
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    result = cli("--dir", str(basic), "grep", "(\x1b[31m")
    assert result.exit_code == 2 and "\x1b" not in result.stderr


def test_concurrent_first_indexes_all_succeed_and_parse_each_file_once(news, tmp_path, cache_dir):
    """Issue #21.13: four `news index` on an empty cache; the later ones wait for the first
    one's work instead of failing on it or doing it again."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(800):
        (folder / f"{n:03d}_{n:016x}.txt").write_text(
            _article(f"Headline number {n} of the concurrency test")
        )
    env = {**os.environ, "NEWS_CACHE_DIR": str(cache_dir)}
    runs = [
        subprocess.Popen(
            [_news_executable(), "--dir", str(folder), "index"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, [err for _, err in outputs]
    assert all(err == b"" for _, err in outputs)
    parsed = sorted(int(out.split(b": ")[1].split(b" parsed")[0]) for out, _ in outputs)
    assert parsed == [0, 0, 0, 800]
    assert (
        news("--dir", str(folder), "export").stdout
        == news("--dir", str(folder), "--no-cache", "export").stdout
    )


def test_a_file_that_could_not_be_read_is_listed_and_read_again_next_time(cli, basic, monkeypatch):
    """Issue #21.2: a failed read was stored as the article for good, even through `news index`."""
    import newsreader.parsing
    from newsreader.inputs.text import Read, read_entry

    def failing(entry):
        if entry.name.startswith("002_"):
            return Read(b"", ["could not read the file: Permission denied"], False)
        return read_entry(entry)

    with monkeypatch.context() as patched:
        patched.setattr(newsreader.parsing, "read_entry", failing)
        report = cli("--dir", str(basic), "index")
        assert (
            report.stdout
            == "4 articles: 4 parsed, 0 unchanged, 0 dropped; 1 could not be read (tried again next time)\n"
        )
        listed = cli("--dir", str(basic), "list")
        assert (
            "002_bbbbbbbbbbbbbbbb\t\t\t0\t\n" in listed.stdout
            and "could not read the file" in listed.stderr
        )
    listed = cli("--dir", str(basic), "list")  # readable now, the file untouched: read again
    assert "Telescope finds water vapour" in listed.stdout and listed.stderr == ""
    assert (
        cli("--dir", str(basic), "index").stdout == "4 articles: 0 parsed, 4 unchanged, 0 dropped\n"
    )


def test_showing_a_file_that_could_not_be_read_is_an_error_not_an_empty_article(
    cli, basic, monkeypatch
):
    """`show` printed a blank title and "0 words" with exit 0 for a file it could not read, and
    `check` called it empty as well: a wrong answer. The list still lists it, with the reason."""
    import newsreader.parsing
    from newsreader.inputs.text import Read, read_entry

    def failing(entry):
        if entry.name.startswith("002_"):
            return Read(b"", ["could not read the file: Permission denied"], False)
        return read_entry(entry)

    monkeypatch.setattr(newsreader.parsing, "read_entry", failing)
    shown = cli("--dir", str(basic), "show", "2")
    assert (shown.exit_code, shown.stdout) == (2, "")
    assert shown.stderr.endswith("Error: Could not read 002_bbbbbbbbbbbbbbbb: Permission denied.\n")
    assert cli("--dir", str(basic), "show", "1", "2").stdout == ""  # nothing, as for a bad id
    checked = cli("--dir", str(basic), "check").stdout
    assert checked == "002_bbbbbbbbbbbbbbbb\tcould not read the file: Permission denied\n"
    assert "002_bbbbbbbbbbbbbbbb" in cli("--dir", str(basic), "list").stdout


def test_marks_wait_on_a_file_while_it_cannot_be_read_and_no_other_file_takes_them(
    cli, basic, monkeypatch
):
    """A marked file that could not be read for a while took the key of empty content: its
    marks moved there for good, and every empty file wore them (a user's trial)."""
    import newsreader.parsing
    from newsreader.inputs.text import Read, read_entry

    (basic / "005_eeeeeeeeeeeeeeee.txt").write_text("")
    cli("--dir", str(basic), "star", "2")
    cli("--dir", str(basic), "tag", "2", "+keep")

    def failing(entry):
        if entry.name.startswith("002_"):
            return Read(b"", ["could not read the file: Permission denied"], False)
        return read_entry(entry)

    target = basic / "002_bbbbbbbbbbbbbbbb.txt"
    with monkeypatch.context() as patched:
        patched.setattr(newsreader.parsing, "read_entry", failing)
        os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
        starred = cli("--dir", str(basic), "list", "--starred").stdout  # chmod 000, as it were
        assert [line.split("\t")[0] for line in starred.splitlines()] == ["002_bbbbbbbbbbbbbbbb"]
    starred = cli("--dir", str(basic), "list", "--starred").stdout
    assert [line.split("\t")[0] for line in starred.splitlines()] == ["002_bbbbbbbbbbbbbbbb"]
    tagged = cli("--dir", str(basic), "list", "--tag", "keep").stdout
    assert [line.split("\t")[0] for line in tagged.splitlines()] == ["002_bbbbbbbbbbbbbbbb"]


def test_edits_that_keep_size_and_mtime_are_seen(cli, basic):
    """Issue #21.3: a same-size edit with the modification time put back (touch -r) was never seen."""
    target = basic / "001_aaaaaaaaaaaaaaaa.txt"
    assert "Harbour reopens" in cli("--dir", str(basic), "list").stdout
    before = target.stat()
    text = target.read_text()
    target.write_text(text.replace("Harbour reopens", "Harbour relaxes"))
    assert target.stat().st_size == before.st_size
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # as touch -r would
    assert (
        "Harbour relaxes" in cli("--dir", str(basic), "list").stdout
    )  # a small folder: every file checked
    with open(target, "a") as handle:  # an append in place: the folder's own mtime does not change
        handle.write(
            "\nOne more paragraph about the harbour that is long enough to count as prose.\n"
        )
    exported = [json.loads(line) for line in cli("--dir", str(basic), "export").stdout.splitlines()]
    assert "One more paragraph" in exported[0]["paragraphs"][-1]


def test_paths_in_records_are_absolute_however_the_folder_is_spelt(cli, basic, monkeypatch):
    """Issue #21.4: `path` depended on how --dir was spelt when the row was stored."""
    monkeypatch.chdir(basic.parent)
    spellings = ["basic", str(basic), "basic/../basic", "./basic/"]
    paths = {
        json.loads(line)["path"]
        for spelling in spellings
        for extra in ([], ["--no-cache"])
        for line in cli("--dir", spelling, *extra, "list", "--json").stdout.splitlines()
    }
    assert paths == {str(basic.resolve() / name) for name in os.listdir(basic)}


def test_a_file_swapped_for_a_fifo_after_the_scan_does_not_block(tmp_path):
    """Issue #21.7: opening a FIFO waits for a writer; the read must not."""
    from newsreader.inputs.text import read_entry
    from newsreader.model import Entry

    os.mkfifo(tmp_path / "001_0000000000000001.txt")
    started = time.monotonic()
    read = read_entry(
        Entry("001_0000000000000001.txt", str(tmp_path / "001_0000000000000001.txt"), 10, 1)
    )
    assert time.monotonic() - started < 5
    assert not read.readable and read.data == b"" and "no longer a regular file" in read.warnings[0]


def test_a_link_that_loops_is_skipped_with_a_warning(cli, basic):
    """Issue #21.9: a symlink loop crashed every command."""
    (basic / "self").symlink_to(basic / "self")
    for extra in ([], ["--no-cache"]):
        result = cli("--dir", str(basic), *extra, "list")
        assert result.exit_code == 0 and result.stdout.count("\n") == 4
        assert result.stderr == "warning: skipped self: a symbolic link that loops\n"


@pytest.mark.parametrize("make", ["too long", "under a file", "cannot enter"])
def test_unusable_folders_are_one_line_errors(cli, tmp_path, monkeypatch, make):
    """Issue #21.12: a --dir longer than PATH_MAX, or below a folder that cannot be entered."""
    if make == "too long":
        folder = str(tmp_path) + ("/" + "x" * 250) * 20
    elif make == "under a file":
        (tmp_path / "file").write_text("x")
        folder = str(tmp_path / "file" / "news")
    else:
        folder = str(tmp_path)
        import newsreader.folder

        monkeypatch.setattr(
            newsreader.folder.os, "access", lambda path, mode: False
        )  # root may enter anything
    result = cli("--dir", folder, "list")
    assert result.exit_code == 2 and result.exception is None and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and folder[:60] in errors[0]


def test_every_id_list_prints_can_be_given_back_to_show(cli, tmp_path):
    """Issue #21.16: ids of names holding a tab, a newline, an escape or a bidi control."""
    folder = tmp_path / "odd"
    folder.mkdir()
    names = [
        "tab\there",
        "new\nline",
        "esc\x1b[31mred",
        "bidi\u202eevil",
        "back\\slash\tx",
        "plain",
    ]
    for name in names:
        (folder / f"{name}.txt").write_text(_article(f"Headline of {name!r} for the test"))
    for extra in ([], ["--no-cache"]):
        listed = cli("--dir", str(folder), *extra, "list").stdout.splitlines()
        assert len(listed) == len(names) and all(
            line.isprintable() or "\t" in line for line in listed
        )
        for line in listed:
            shown = line.split("\t")[0]
            result = cli("--dir", str(folder), *extra, "show", shown, "--json")
            assert result.exit_code == 0, (shown, result.stderr)
            assert json.loads(result.stdout)["id"] in names


def test_an_id_argument_that_is_not_utf8_names_the_file_whose_name_it_is(cli, tmp_path):
    """Typed in a Latin-1 terminal, a file's name reaches news with undecodable bytes (lone
    surrogates): it names the file, as its id holds U+FFFD there, and one that names no file
    is no such article, never a traceback."""
    name = b"caf\xe9".decode("utf-8", "surrogateescape")
    (tmp_path / f"{name}.txt").write_text(_article("Headline of a file with a Latin-1 name"))
    (tmp_path / "other.txt").write_text(_article("Headline of another file for the test"))
    for extra in ([], ["--no-cache"]):
        shown = cli("--dir", str(tmp_path), *extra, "show", "--json", name)
        assert shown.exit_code == 0, shown.stderr
        assert json.loads(shown.stdout)["title"] == "Headline of a file with a Latin-1 name"
        for query in ("nosuch\udce6\udc9d", "x\ud800"):
            missing = cli("--dir", str(tmp_path), *extra, "show", query)
            assert missing.exit_code == 2 and missing.exception is None
            assert missing.stderr.startswith("Error: No article has the id")


@pytest.mark.parametrize(
    "query", ["9223372036854775808", "99999999999999999999", "³", "٣", "0x1", "1.0"]
)
def test_number_shaped_ids_are_no_such_article(cli, basic, query):
    """Issue #21.10: only ASCII digits make a running number, and one out of range names nothing."""
    result = cli("--dir", str(basic), "show", query)
    assert result.exit_code == 2 and result.exception is None
    assert result.stderr.startswith("Error: No article has the id")


def test_huge_numbers_in_options_are_no_traceback(cli, basic):
    for args in (
        ["search", "-n", "99999999999999999999", "harbour"],
        ["list", "-n", "99999999999999999999"],
        ["grep", "-C", "99999999999999999999", "harbour"],
    ):
        started = time.monotonic()
        result = cli("--dir", str(basic), *args)
        assert result.exception is None and result.exit_code in (0, 1), (args, result.stderr)
        assert time.monotonic() - started < 30, args


@pytest.mark.parametrize(
    "pattern, says",
    [
        ("(" * 600 + "a" + ")" * 600, "nested too deeply"),
        ("[[:alpha:]]+", "POSIX classes such as [:alpha:] are not Python regular expressions"),
        ("[[x]", "escape a '[' meant literally"),
    ],
)
def test_patterns_python_cannot_take_are_one_line_errors(cli, basic, pattern, says):
    """Issues #21.11 and #21.15: a RecursionError, and FutureWarnings naming site-packages."""
    result = cli("--dir", str(basic), "grep", pattern)
    assert result.exit_code == 2 and result.exception is None
    assert (
        result.stderr.count("\n") == 1
        and says in result.stderr
        and "site-packages" not in result.stderr
    )


def _backtracking_folder(tmp_path):
    folder = tmp_path / "slow"
    folder.mkdir()
    (folder / "001_0000000000000001.txt").write_text(_article("An ordinary headline for the test"))
    (folder / "002_0000000000000002.txt").write_text(
        "A headline over a long run of letters\n\n"
        + "a" * 40
        + " is what the body of this article says, surely!\n"
    )
    return folder


@pytest.mark.parametrize("extra", [[], ["--full-scan"], ["--no-cache"]])
def test_a_pattern_that_backtracks_without_end_is_stopped_and_named(cli, tmp_path, extra):
    """Issue #21.5: catastrophic regular expressions ran for minutes."""
    folder = _backtracking_folder(tmp_path)
    args = ["--no-cache"] if extra == ["--no-cache"] else []
    started = time.monotonic()
    result = cli(
        "--dir",
        str(folder),
        *args,
        "grep",
        "--timeout",
        "1",
        *[e for e in extra if e != "--no-cache"],
        "(a+)+!$",
    )
    assert time.monotonic() - started < 20
    assert result.exit_code == 2 and result.exception is None
    assert "ran for more than 1 s on article '002_0000000000000002'" in result.stderr


def test_ctrl_c_stops_a_long_grep_at_once(tmp_path, cache_dir):
    folder = _backtracking_folder(tmp_path)
    env = {**os.environ, "NEWS_CACHE_DIR": str(cache_dir)}
    run = subprocess.Popen(
        [_news_executable(), "--dir", str(folder), "grep", "--timeout", "0", "(a+)+!$"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    time.sleep(3)
    run.send_signal(signal.SIGINT)
    started = time.monotonic()
    out, err = run.communicate(timeout=30)
    assert time.monotonic() - started < 5
    assert run.returncode == 130 and err.decode().strip() == "Interrupted."


def test_a_search_query_too_long_to_answer_quickly_is_refused(cli, basic):
    """Issue #21.8: a query of 2,000 words took half a minute, deaf to Ctrl-C."""
    started = time.monotonic()
    result = cli("--dir", str(basic), "search", " OR ".join(["harbour", "storms", "council"] * 700))
    assert time.monotonic() - started < 10
    assert (
        result.exit_code == 2
        and result.stderr == "Error: The search query has 2100 words; search with at most 64.\n"
    )
    assert cli("--dir", str(basic), "search", " OR ".join(["harbour"] * 64)).exit_code == 0


def test_ctrl_c_stops_a_long_statement_of_the_index_at_once():
    """Issue #21.8: a long SQLite statement ran on through Ctrl-C; now it stops within moments."""
    import sqlite3
    import threading

    from newsreader.errors import Interrupted
    from newsreader.index import Index
    from newsreader.index.database import as_news_error

    def interrupt(signum, frame):
        raise Interrupted

    index = Index(None, "test")
    previous = signal.signal(signal.SIGINT, interrupt)
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    started = time.monotonic()
    timer.start()
    try:
        with pytest.raises(sqlite3.OperationalError) as stopped:
            index.db.execute(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                "SELECT count(*) FROM c"
            ).fetchone()
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert time.monotonic() - started < 5
    assert isinstance(as_news_error(stopped.value, "read"), Interrupted)


@pytest.mark.parametrize("run", [" ", "\t ", "\u00a0"])
def test_a_long_run_of_spaces_in_a_short_line_parses_at_once(run):
    """A line of a few words parted by 200,000 spaces (where a headline, a kicker, a name or a
    breadcrumb may stand) is read in linear time: patterns that backtrack over a run of spaces
    are never tried on a line longer than what they look for (it took minutes before)."""
    line = "Harbour" + run * (200_000 // len(run)) + "news"
    text = f"{line}\nBy{run * 50_000}Jo Park\nHeadline of the story\n\n{PROSE}\n"
    start = time.monotonic()
    article = parse_article(text.encode(), "a.txt")
    assert time.monotonic() - start < 30  # a hang guard, not a speed claim
    assert article.paragraphs
