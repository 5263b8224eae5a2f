"""Hostile folders, names and faults: never a traceback, never a hang, never a wrong answer."""

import os
import signal
import subprocess
import time

import pytest

from conftest import _news_executable

PROSE = "A body paragraph that is long enough to count as prose in these tests, surely.\n"


def _article(title: str) -> str:
    return f"{title}\n\n{PROSE}"


def test_ids_never_reach_outside_the_folder(cli, basic, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(_article("Secret headline outside the folder"))
    for query in ("../secret", str(secret), "../../etc/passwd", "/etc/passwd", "..", "."):
        result = cli("--dir", str(basic), "show", query)
        assert result.exit_code == 2 and "Secret" not in result.stdout and "root:" not in result.stdout
    (basic / "009_9999999999999999.txt").symlink_to(secret)
    (basic / "008_8888888888888888.txt").symlink_to(basic / "001_aaaaaaaaaaaaaaaa.txt")
    listed = cli("--dir", str(basic), "list").stdout
    assert "Secret headline" not in listed and "008_8888888888888888" in listed


def test_odd_file_names_are_listed_safely(cli, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    names = [b"with space.txt", b"new\nline.txt", b"tab\there.txt", b"-leading-dash.txt", b"bad\xffbyte.txt"]
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
        assert any(line.startswith("new line\t") for line in lines)
    assert cli("--dir", str(folder), "grep", "-c", "Odd").stdout.count("\n") == len(names)


def test_files_that_fight_back(cli, tmp_path):
    folder = tmp_path / "fight"
    folder.mkdir()
    (folder / "001_0000000000000001.txt").write_text("   \n\t\n  \n")
    (folder / "002_0000000000000002.txt").write_bytes(b"Head\x00line\x00\n\n" + PROSE.encode() + b"\x00" * 100)
    (folder / "003_0000000000000003.txt").write_bytes(_article("Sixteen bits without a mark").encode("utf-16-le"))
    (folder / "004_0000000000000004.txt").write_bytes(_article("Thirty-two bits with a mark").encode("utf-32"))
    (folder / "009_0000000000000009.txt").write_bytes(_article("Zażółć: thirty-two bits, no mark").encode("utf-32-be"))
    (folder / "005_0000000000000005.txt").write_text("x" * 1_000_000)
    (folder / "006_0000000000000006.txt").write_text(_article("Many blank lines follow") + "\n" * 100_000 + PROSE)
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
    assert cli("--dir", str(folder), "show", "9").stdout.startswith("Zażółć: thirty-two bits, no mark")
    assert "Sixteen bits without a mark" in cli("--dir", str(folder), "show", "3").stdout
    assert "NUL bytes removed" in cli("--dir", str(folder), "show", "2", "--json").stdout
    every_command = (["list"], ["list", "--json"], ["export"], ["grep", "bits"], ["grep", "-c", "x+"], ["index"],
                     ["search", "bits"], *(["show", str(n), *flag] for n in (1, 2, 3, 4, 5, 6, 9)
                                           for flag in ([], ["--raw"], ["--json"], ["--explain"])))
    for extra in ([], ["--no-cache"]):
        for args in every_command:
            if extra and args[0] in ("index", "search"):
                continue
            result = cli("--dir", str(folder), *extra, *args)
            assert result.exit_code in (0, 1), (args, result.stderr)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
            assert "Traceback" not in result.stderr


def test_a_file_that_vanishes_before_it_is_read_still_gives_a_record(basic):
    from newsreader.folder import scan
    from newsreader.parsing import load

    entries = scan(basic)
    os.remove(entries[0].path)
    article = load(entries[0])
    assert article.title == "" and any("could not read" in warning for warning in article.warnings)


def test_two_processes_indexing_at_once_agree(news, tmp_path, cache_dir):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(600):
        (folder / f"{n:03d}_{n:016x}.txt").write_text(_article(f"Headline number {n} of the concurrency test"))
    env = {"NEWS_CACHE_DIR": str(cache_dir), "PATH": os.environ["PATH"]}
    runs = [subprocess.Popen([_news_executable(), "--dir", str(folder), "list"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env) for _ in range(2)]
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
        (folder / f"{n:04d}_{n:016x}.txt").write_text(_article(f"Headline number {n} of the interrupt test") + PROSE * 20)
    env = {**os.environ, "NEWS_CACHE_DIR": str(cache_dir)}
    run = subprocess.Popen([_news_executable(), "--dir", str(folder), "index"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env)
    time.sleep(2.0)
    run.send_signal(sig)
    out, err = run.communicate(timeout=60)
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
        (folder / f"{n:03d}_{n:016x}.txt").write_text(_article(f"Headline number {n} of the concurrency test"))
    env = {**os.environ, "NEWS_CACHE_DIR": str(cache_dir)}
    runs = [subprocess.Popen([_news_executable(), "--dir", str(folder), "index"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env) for _ in range(4)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, [err for _, err in outputs]
    assert all(err == b"" for _, err in outputs)
    parsed = sorted(int(out.split(b": ")[1].split(b" parsed")[0]) for out, _ in outputs)
    assert parsed == [0, 0, 0, 800]
    assert news("--dir", str(folder), "export").stdout == news("--dir", str(folder), "--no-cache", "export").stdout
