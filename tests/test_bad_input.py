"""Bad folders and bad files: one clear line or a listed article with a warning, never a traceback."""

import pytest

GOOD = "A good headline for the test\n\nA body paragraph that is long enough to count as prose in the test.\n"


@pytest.fixture
def awkward(tmp_path):
    folder = tmp_path / "awkward"
    folder.mkdir()
    files = {
        "001_0000000000000001.txt": b"",
        "002_0000000000000002.txt": bytes(range(256)) * 40,
        "003_0000000000000003.txt": "Zażółć gęślą jaźń headline\n\nCafé body text that is long enough to be prose.\n".encode()[
            :-20
        ]
        + b"\xff\xfe\xc3("
        + b" tail\n",
        "004_0000000000000004.txt": GOOD.replace("\n", "\r\n").encode("cp1252"),
        "005_0000000000000005.txt": GOOD.encode("utf-16"),
        "006_0000000000000006.txt": b"   \n\n\t\n",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "subfolder").mkdir()
    return folder


def test_every_regular_file_is_listed_and_nothing_crashes(cli, awkward):
    result = cli("--dir", str(awkward), "list", "--sort", "number")
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert ids == [f"00{n}_000000000000000{n}" for n in range(1, 7)]
    assert "Traceback" not in result.stderr
    assert "warning: 001_0000000000000001: empty file" in result.stderr


def test_each_awkward_file_can_be_shown_exported_and_grepped(cli, awkward):
    for n in range(1, 7):
        assert cli("--dir", str(awkward), "show", str(n)).exit_code == 0
        assert cli("--dir", str(awkward), "show", str(n), "--raw").exit_code == 0
    assert cli("--dir", str(awkward), "export").stdout.count("\n") == 6
    assert (
        cli("--dir", str(awkward), "grep", "good headline").stdout.count("\n") == 2
    )  # cp1252 and UTF-16


def test_invalid_utf8_is_warned_about(cli, awkward):
    record = cli("--dir", str(awkward), "show", "3", "--json").stdout
    assert "not valid UTF-8" in record


def test_missing_folder_or_file_instead_of_folder(cli, tmp_path):
    result = cli("--dir", str(tmp_path / "nope"), "list")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: The news folder {tmp_path / 'nope'} does not exist.\n",
    )
    (tmp_path / "file").write_text("x")
    result = cli("--dir", str(tmp_path / "file"), "grep", "x")
    assert (
        result.exit_code == 2
        and result.stderr == f"Error: The news path {tmp_path / 'file'} is not a folder.\n"
    )


def test_an_empty_folder_name_is_an_error_not_the_current_folder(cli, tmp_path, monkeypatch):
    """``--dir "$UNSET"`` names no folder: as with ``rg PATTERN ''``, an error, not the cwd."""
    (tmp_path / "001_00000000000000aa.txt").write_text("A headline in the current folder\n")
    monkeypatch.chdir(tmp_path)
    for args in (["--dir", "", "list"], ["list", "--dir", ""]):
        result = cli(*args)
        assert result.exit_code == 2 and result.stdout == ""
        assert "Invalid value for --dir: is empty" in result.stderr
    assert "A headline in the current folder" in cli("--dir", ".", "list").stdout


@pytest.mark.parametrize("option", ["--dir", "-d", "--include", "--exclude"])
def test_a_global_option_after_the_command_without_its_value_says_so(cli, option):
    """``news list --dir`` (the value forgotten) is the error ``news --dir`` gives, not an
    empty value's."""
    for result in (cli(option), cli("list", option)):
        assert result.exit_code == 2
        assert f"Option '{option}' requires an argument." in result.stderr


def test_a_feed_past_the_cap_says_only_its_start_was_read(cli, tmp_path, monkeypatch):
    """A feed (or page, or JSON list) past the cap (8 MB; here made 64 KB) is read up to it, as
    a text dump is, and says so, not only that the cut feed is not well-formed."""
    monkeypatch.setattr("newsreader.inputs.text.READ_CAP", 64 * 1024)
    item = "<item><title>Item {n}</title><description>{body}</description></item>"
    body = "The tide came in over the sea wall and the road was closed for the day. " * 10
    with open(tmp_path / "big.rss", "w") as handle:
        handle.write('<rss version="2.0"><channel><title>Big</title>')
        for n in range(100):
            handle.write(item.format(n=n, body=body))
        handle.write("</channel></rss>")
    assert (tmp_path / "big.rss").stat().st_size > 64 * 1024
    checked = cli("--dir", str(tmp_path), "check").stdout
    assert "only the start was read" in checked


def test_large_file_is_read_up_to_the_cap(cli, tmp_path):
    from newsreader.inputs.text import READ_CAP

    big = tmp_path / "001_00000000000000ff.txt"
    paragraph = ("word " * 60).strip() + ".\n\n"
    with open(big, "w") as handle:
        handle.write("A very large article headline\n\n")
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(paragraph * 1000)
    result = cli("--dir", str(tmp_path), "list")
    assert result.exit_code == 0 and "only the start was read" in result.stderr
    assert int(result.stdout.split("\t")[3]) <= READ_CAP // 5


def test_folder_is_never_written(cli, basic):
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in basic.iterdir()}
    for args in (["list"], ["show", "1"], ["grep", "the"], ["export"], ["show", "1", "--explain"]):
        cli("--dir", str(basic), *args)
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in basic.iterdir()} == before


def test_hostile_content_never_reaches_the_terminal(cli, tmp_path):
    import re

    title = "[bold red]Owned[/] :smile: \x1b]0;pwned\x07\x1b[31mred\x1b[0m \u202eevil headline"
    body = (
        "Body with \x1b]52;c;ZXZpbA==\x07clipboard and \x9b31m C1 and \x00NUL\x07 bell, \x1b[2J clear, "
        "\x1b]8;;http://x\x07link\x1b]8;;\x07 and \u2066isolate\u2069 text that is long enough."
    )
    (tmp_path / "001_00000000000000aa.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    (tmp_path / "evil\x1b[31mname.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    commands = (
        ["list"],
        ["list", "--json"],
        ["show", "1"],
        ["show", "1", "--raw"],
        ["show", "1", "--json"],
        ["grep", "Owned|Body"],
        ["grep", "-c", "Body"],
        ["export"],
        ["show", "1", "--explain"],
        ["search", "clipboard"],
        ["index"],
    )
    for env in ({}, {"FORCE_COLOR": "1"}):
        for args in commands:
            result = cli("--dir", str(tmp_path), *args, env=env)
            out = result.stdout + result.stderr
            assert result.exit_code == 0, (args, result.stderr)
            assert not re.search(
                r"[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out
            ), args
            # the only escape sequences left are the renderer's own colours (SGR), on a terminal only
            assert re.sub(r"\x1b\[[0-9;]*m", "", out).count("\x1b") == 0, args
            if not env:
                assert "\x1b" not in out, args
            if (
                "export" not in args
                and "--json" not in args
                and "index" not in args
                and "-c" not in args
            ):
                assert "[bold red]Owned[/]" in out and ":smile:" in out, args
