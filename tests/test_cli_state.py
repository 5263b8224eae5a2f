"""The reader's marks through the commands: mark, star, tag, the filters on them, saved searches,
--new, backups, and marks that outlive the index, renames, edits, damage and a second process."""

import json
import os
import shutil
import sqlite3
import subprocess

import pytest
from conftest import _news_executable
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.index import index_path

A, B, C = "001_aaaaaaaaaaaaaaaa", "002_bbbbbbbbbbbbbbbb", "003_cccccccccccccccc"
LINES = {
    A: f"{A}\t2025-03-18\tWorld\t71\tHarbour reopens after winter storms close it for a week\n",
    B: f"{B}\t2024-11-02\tScience\t70\tTelescope finds water vapour around a distant rocky planet\n",
    C: f"{C}\t\tBusiness\t63\tCity council approves budget with new cycling lanes\n",
    "notes": "notes\t\t\t20\tJust some notes\n",
}


def listed(*ids: str) -> str:
    return "".join(LINES[article_id] for article_id in ids)


@pytest.fixture
def run(cli, basic):
    """``news --dir basic ARGS``, asserting it succeeded; the whole result."""

    def invoke(*args: str, stdin: str = "", code: int = 0):
        result = cli("--dir", str(basic), *args, stdin=stdin)
        assert result.exception is None, result.exception
        assert result.exit_code == code, result.stderr
        return result

    return invoke


def test_mark_read_and_unread_with_the_exact_lines_printed(run):
    assert run("mark", "read", "1", B).stdout == "2 of 2 articles marked read\n"
    assert run("mark", "read", "1").stdout == "0 of 1 article marked read\n"
    assert run("list", "--unread").stdout == listed(C, "notes")
    assert run("list", "--read").stdout == listed(A, B)
    assert run("mark", "unread", "-", stdin=f"{B}\tanything after a tab\n").stdout == (
        "1 of 1 article marked unread\n"
    )
    assert run("list", "--read").stdout == listed(A)


def test_a_mark_says_which_identical_copies_share_it(run, basic):
    shutil.copy(basic / f"{A}.txt", basic / "copy.txt")  # the same text under another name
    assert run("mark", "read", "copy").stdout == (
        "1 of 1 article marked read, and 1 identical copy\n"
    )
    assert A in run("list", "--read").stdout  # marks go with the text
    assert run("star", "copy", A).stdout == "1 of 1 article starred\n"  # both named: no copy left
    assert run("tag", "1", "+x").stdout == "1 of 1 article retagged, and 1 identical copy\n"


def test_mark_takes_all_section_and_before_instead_of_ids(run):
    assert run("mark", "read", "--before", "2025-01").stdout == "1 of 1 article marked read\n"
    assert run("list", "--read").stdout == listed(B)  # undated articles are before no day
    assert run("mark", "read", "--section", "WORLD").stdout == "1 of 1 article marked read\n"
    assert run("mark", "unread", "--all").stdout == "2 of 4 articles marked unread\n"
    assert run("list", "--read").stdout == ""
    refused = run("mark", "read", code=2)
    assert refused.stderr == "Error: Give ids, or --all, --section or --before (not both).\n"
    assert run("mark", "read", "1", "--all", code=2).stdout == ""


def test_star_unstar_tag_and_the_filters_all_must_match(run):
    assert run("star", "1", "3").stdout == "2 of 2 articles starred\n"
    assert run("tag", "1", "2", "+EU", "+climate").stdout == "2 of 2 articles retagged\n"
    assert run("tag", "2", "-climate").stdout == "1 of 1 article retagged\n"
    assert run("list", "--starred").stdout == listed(A, C)
    assert run("list", "--tag", "eu").stdout == listed(A, B)
    assert run("list", "--tag", "eu", "--tag", "Climate").stdout == listed(A)
    assert run("list", "--tag", "eu", "--starred", "--section", "world").stdout == listed(A)
    assert run("unstar", "3").stdout == "1 of 1 article unstarred\n"
    assert run("list", "--starred").stdout == listed(A)
    assert run("search", "harbour OR telescope", "--tag", "climate").stdout.startswith(A + "\t")
    assert run("grep", "-l", "the", "--starred").stdout == A + "\n"
    assert [
        json.loads(line)["id"] for line in run("export", "--tag", "eu").stdout.splitlines()
    ] == [
        A,
        B,
    ]
    bad = run("tag", "1", "+not/a/tag", code=2)
    assert bad.stderr.startswith("Error: 'not/a/tag' is not a tag")
    assert run("tag", "1", "eu", code=2).stderr == (
        "Error: Give at least one +tag to add or -tag to remove.\n"
    )


def test_records_carry_read_starred_and_tags(run):
    before = json.loads(run("show", "1", "--json").stdout)
    assert (before["read"], before["starred"], before["tags"]) == (False, False, [])
    run("show", "1")
    run("star", "1")
    run("tag", "1", "+b", "+a")
    records = {
        json.loads(line)["id"]: json.loads(line) for line in run("export").stdout.splitlines()
    }
    assert (records[A]["read"], records[A]["starred"], records[A]["tags"]) == (
        True,
        True,
        ["a", "b"],
    )
    assert (records[B]["read"], records[B]["starred"], records[B]["tags"]) == (False, False, [])
    listed_record = json.loads(run("list", "--json", "--starred").stdout)
    assert listed_record["id"] == A and listed_record["tags"] == ["a", "b"]


def test_show_marks_what_it_showed_read_unless_told_not_to(run):
    run("show", "2", "--keep-unread")
    assert run("list", "--read").stdout == ""
    run("show", "2", "--json")  # records for a script, as export gives them: nobody read them
    run("show", "1", "2", "--json")
    run("show", "2", "--raw")
    assert run("list", "--read").stdout == ""
    run("show", "2")
    assert run("list", "--read").stdout == listed(B)
    run("show", "1", "3", "--section", "business")  # only what passed the filter was shown
    assert run("list", "--read").stdout == listed(B, C)


def test_sections_count_the_unread(run):
    run("mark", "read", "1")
    assert run("sections").stdout == (
        "Business\t1\t\t\t1\n"
        "Science\t1\t2024-11-02\t2024-11-02\t1\n"
        "World\t1\t2025-03-18\t2025-03-18\t0\n"
        "\t1\t\t\t1\n"
    )
    assert json.loads(run("sections", "--json").stdout.splitlines()[2])["unread"] == 0


def test_read_and_unread_together_are_refused(run):
    assert run("list", "--read", "--unread", code=2).stderr == (
        "Error: --unread and --read leave no article; give one of them.\n"
    )


def test_list_new_shows_each_article_once(run, basic):
    assert run("list", "--new").stdout == listed(A, B, C, "notes")
    assert run("list", "--new").stdout == ""
    (basic / "004_dddddddddddddddd.txt").write_text(
        "Lighthouse keeper retires after forty years\n\nThe keeper of the old light said goodbye "
        "to the island on Friday after four decades of service.\n",
        encoding="utf-8",
    )
    assert run("list", "--new").stdout.startswith("004_dddddddddddddddd\t")
    assert run("list", "--new").stdout == ""
    assert run("list", "--unread").stdout.count("\n") == 5  # seen is not read


def test_saved_searches_are_folders_with_unread_counts(run):
    assert run("saved", "add", "Harbour", "harbour OR council", "--unread").stdout == (
        "saved the search 'harbour'\n"
    )
    assert run("saved", "add", "eu", "", "--tag", "eu", "--since", "2024").stdout == (
        "saved the search 'eu'\n"
    )
    run("tag", "1", "2", "+eu")
    run("mark", "read", "2")
    assert run("saved", "list").stdout == (
        "eu\t1\t2\t\t--since 2024 --tag eu\nharbour\t2\t2\tharbour OR council\t--unread\n"
    )
    assert run("list", "--saved", "harbour").stdout == listed(A, C)
    assert run("list", "--saved", "EU", "--read").stdout == listed(B)  # options add to the search
    taken = run("saved", "add", "eu", "x", code=2)
    assert taken.stderr == "Error: there is a saved search named 'eu' already\n"
    run("saved", "add", "eu", "telescope", "--replace")
    assert run("list", "--saved", "eu").stdout == listed(B)
    assert run("saved", "add", "broken", '"unclosed', code=2).stdout == ""
    assert run("saved", "remove", "eu").stdout == "removed the saved search 'eu'\n"
    assert run("list", "--saved", "eu", code=2).stderr == "Error: no saved search is named 'eu'\n"
    assert run("saved", "list", "--json").stdout == (
        '{"name": "harbour", "query": "harbour OR council", "filters": ["--unread"], '
        '"articles": 2, "unread": 2}\n'
    )
    run("saved", "add", "jo", "", "--author", "jo b")  # a name with a space pastes back whole
    assert run("saved", "list").stdout.endswith("jo\t0\t0\t\t--author 'jo b'\n")


def test_marks_survive_deleting_the_cache_and_a_rebuild(run, basic, cache_dir):
    run("mark", "read", "1")
    run("star", "2")
    run("tag", "3", "+later")
    run("saved", "add", "daily", "harbour")
    assert index_path(cache_dir, basic).exists()
    shutil.rmtree(cache_dir)
    assert run("index").stdout == "4 articles: 4 parsed, 0 unchanged, 0 dropped\n"
    assert run("list", "--read").stdout == listed(A)
    assert run("list", "--starred").stdout == listed(B)
    assert run("list", "--tag", "later").stdout == listed(C)
    assert run("list", "--saved", "daily").stdout == listed(A)
    assert run("--no-cache", "list", "--read").stdout == listed(A)  # in memory, the same


def test_a_renamed_or_moved_file_keeps_its_marks(run, basic):
    run("mark", "read", "1")
    run("tag", "1", "+kept")
    (basic / "sub").mkdir()
    (basic / f"{A}.txt").rename(basic / "sub" / "harbour.txt")
    (basic / f"{B}.txt").rename(basic / "renamed.txt")
    assert run("list", "--read").stdout == ""  # not in the folder any more
    assert run("-R", "list", "--read").stdout.startswith("sub/harbour\t2025-03-18\t")
    (basic / "sub" / "harbour.txt").rename(basic / "harbour.txt")
    assert run("list", "--tag", "kept").stdout.startswith("harbour\t2025-03-18\t")


def test_an_edited_file_keeps_its_marks(run, basic):
    run("star", "1")
    path = basic / f"{A}.txt"
    path.write_bytes(path.read_bytes().replace(b"Harbour", b"Harbor", 1))
    assert run("list", "--starred").stdout.startswith(f"{A}\t2025-03-18\tWorld\t71\tHarbor")


def test_state_export_import_and_prune(run, cli, basic, tmp_path):
    run("mark", "read", "1", "2")
    run("tag", "2", "+x")
    run("saved", "add", "s", "harbour")
    backup = run("state", "export").stdout
    header, saved, *articles = map(json.loads, backup.splitlines())
    assert header["type"] == "newsreader-state" and saved["name"] == "s"
    assert sorted(article.get("tags", []) for article in articles) == [[], ["x"]]
    elsewhere = {"NEWS_DATA_DIR": str(tmp_path / "elsewhere")}
    imported = cli("--dir", str(basic), "state", "import", env=elsewhere, stdin=backup)
    assert imported.stdout == "imported the marks of 2 articles and 1 saved search\n"
    assert cli("--dir", str(basic), "list", "--read", env=elsewhere).stdout == listed(A, B)
    cli("--dir", str(basic), "saved", "add", "s", "ferry", "--replace", env=elsewhere)
    again = cli("--dir", str(basic), "state", "import", env=elsewhere, stdin=backup).stdout
    assert again == (  # the marks were there; the search of that name was not the backup's
        "imported the marks of 2 articles and 1 saved search\n"
        "the saved search 's' is the backup's now: this folder's was replaced\n"
    )
    assert cli("--dir", str(basic), "state", "import", env=elsewhere, stdin=backup).stdout == (
        "imported the marks of 2 articles and 1 saved search: all were here already\n"
    )
    (tmp_path / "backup.jsonl").write_text(backup + "not json\n", encoding="utf-8")
    refused = run("state", "import", str(tmp_path / "backup.jsonl"), code=2)
    assert refused.stderr.startswith("Error: line 5 of the backup")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")  # the wrong file, or cut
    assert run("state", "import", str(tmp_path / "empty.jsonl"), code=2).stderr == (
        "Error: the backup is empty\n"
    )
    (basic / f"{B}.txt").unlink()
    assert run("state", "prune").stdout == "forgot the marks of 1 article no file holds\n"
    assert [json.loads(line).get("name") for line in run("state", "export").stdout.splitlines()][
        2:
    ] == [f"{A}.txt"]


def test_prune_refuses_while_some_files_of_the_folder_are_not_read(run, cli, basic):
    """`--exclude` or a subfolder read only with -R left files out of the index, and prune
    forgot their marks although the files were there (a user's trial): the user's own data."""
    (basic / "sub").mkdir()
    (basic / "sub" / "004_dddddddddddddddd.txt").write_text(
        "Ferry timetable agreed\n\nThe ferry will run every hour from May, the council said.\n"
    )
    assert cli("-R", "--dir", str(basic), "star", "sub/004_dddddddddddddddd").exit_code == 0
    run("star", "1")
    for options in ([], ["--exclude", "001_*"], ["-R", "--exclude", "sub"]):
        refused = cli("--dir", str(basic), *options, "state", "prune")
        assert refused.exit_code == 2 and "-R state prune" in refused.stderr, options
    assert cli("-R", "--dir", str(basic), "list", "--starred").stdout.count("\n") == 2
    pruned = cli("-R", "--dir", str(basic), "state", "prune")
    assert pruned.stdout == "forgot the marks of 0 articles no file holds\n"


def test_a_data_folder_that_is_a_file_is_said_not_read_as_no_marks(cli, basic, tmp_path):
    """NEWS_DATA_DIR naming a file printed every record "read": false, with no word, and some
    commands failed on "File exists": the marks could not be read, which is not the same as
    none (a user's trial). Every command that reads or keeps marks says so, the same way."""
    (tmp_path / "afile").write_text("not a folder")
    given = {"NEWS_DATA_DIR": str(tmp_path / "afile")}
    for args in (["list"], ["export"], ["list", "--json"], ["show", "1"]):
        result = cli("--dir", str(basic), *args, env=given)
        assert result.exit_code == 2 and result.stdout == "", args
        assert "is not a folder" in result.stderr and "NEWS_DATA_DIR" in result.stderr


def test_an_import_whose_saved_search_cannot_run_is_refused_whole(run, tmp_path):
    """A saved search whose language or date this version cannot read, or whose text is not
    Unicode (a lone surrogate escaped in the JSON), would make every later
    `saved list` fail: the import names it and merges nothing."""
    run("saved", "add", "kept", "harbour")
    header, saved = map(json.loads, run("state", "export").stdout.splitlines())
    for bad, says in (
        ({"filters": {"language": "english"}}, "the saved search 'broken': "),
        ({"filters": {"since": "last blue moon"}}, "the saved search 'broken': "),
        ({"filters": {"section": "a\udcff"}}, "line 2 of the backup: "),  # a lone surrogate
        ({"query": "harbour \udcff"}, "line 2 of the backup: "),
    ):
        record = {**saved, "name": "broken", **bad}
        (tmp_path / "backup.jsonl").write_text(
            f"{json.dumps(header)}\n{json.dumps(record)}\n", encoding="utf-8"
        )
        refused = run("state", "import", str(tmp_path / "backup.jsonl"), code=2)
        assert refused.stderr.startswith(f"Error: {says}"), refused.stderr
        listed_searches = run("saved", "list").stdout
        assert "kept" in listed_searches and "broken" not in listed_searches


def test_a_moved_folder_adopts_its_marks_and_a_copied_one_copies_them(cli, basic, tmp_path):
    def news(folder, *args):
        return cli("--dir", str(folder), *args)

    news(basic, "mark", "read", "1")
    news(basic, "tag", "2", "+x")
    news(basic, "saved", "add", "s", "harbour")
    copied = tmp_path / "copied"
    shutil.copytree(basic, copied)
    news(copied, "star", "3")  # marks of its own, kept beside those it takes
    news(copied, "saved", "add", "s", "ferry")  # and a search of the same name, which stays
    assert news(copied, "state", "adopt", str(basic)).stdout == (
        f"copied the marks of 2 articles and 1 saved search from {basic}\n"
        "the saved search 's' is 's-2' here: this folder has its own 's'\n"
    )
    searches = news(copied, "saved", "list").stdout
    assert searches.startswith("s\t") and "\tferry\t" in searches.split("\n")[0]
    assert searches.split("\n")[1].startswith("s-2\t") and "\tharbour\t" in searches
    assert news(copied, "state", "adopt", str(basic)).stdout == (  # again: held as s-2 already
        f"copied the marks of 2 articles and 0 saved searches from {basic}\n"
    )
    assert news(copied, "saved", "list").stdout == searches
    assert news(copied, "list", "--read").stdout == listed(A)
    assert news(basic, "list", "--read").stdout == listed(A)  # still there: copied, not moved
    moved = tmp_path / "moved"
    basic.rename(moved)
    assert news(moved, "list", "--tag", "x").stdout == ""  # a new path: no marks yet
    refused = news(moved, "state", "adopt", str(tmp_path / "elsewhere"))
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"Error: No marks are kept for {tmp_path / 'elsewhere'}. Marks are kept for: "
        f"{basic} (2 marked, gone); {copied} (3 marked).\n"
    )
    assert news(moved, "state", "adopt", str(basic)).stdout.startswith("moved the marks of 2 ")
    assert news(moved, "list", "--tag", "x").stdout == listed(B)
    assert news(moved, "saved", "list").stdout.startswith("s\t")
    assert "No marks are kept for" in news(moved, "state", "adopt", str(basic)).stderr
    assert news(moved, "state", "adopt", str(moved)).stderr == (
        f"Error: {moved} is this folder: its marks are its own already.\n"
    )


def test_a_moved_folders_saved_searches_all_come_under_names_free_here(cli, basic, tmp_path):
    """Moving forgets the old path's searches, so one whose name this folder uses for another
    search comes under the first free ``name-N`` (shortened to fit), and the note says so; one
    this folder has word for word is not doubled."""
    long = "a" * 64

    def news(folder, *args):
        return cli("--dir", str(folder), *args)

    moved = tmp_path / "moved"
    shutil.copytree(basic, moved)
    for name, query in (("s", "harbour"), ("s-2", "ferry"), ("same", "x"), (long, "q1")):
        news(basic, "saved", "add", name, query)
    for name, query in (("s", "storm"), ("same", "x"), (long, "q2")):
        news(moved, "saved", "add", name, query)
    shutil.rmtree(basic)
    assert news(moved, "state", "adopt", str(basic)).stdout == (
        f"moved the marks of 0 articles and 3 saved searches from {basic}\n"
        f"the saved search '{long}' is '{long[:62]}-2' here: this folder has its own '{long}'\n"
        "the saved search 's' is 's-3' here: this folder has its own 's'\n"
    )
    kept = {
        line.split("\t")[0]: line.split("\t")[3]
        for line in news(moved, "saved", "list").stdout.splitlines()
    }
    assert kept == {
        "s": "storm",
        "s-2": "ferry",
        "s-3": "harbour",
        "same": "x",
        long: "q2",
        f"{long[:62]}-2": "q1",
    }
    assert "No marks are kept for" in news(moved, "state", "adopt", str(basic)).stderr


def test_a_damaged_state_file_is_kept_aside_and_a_fresh_one_started(news, basic, data_dir):
    # real processes: a connection this process still held would see the file it had open
    assert news("--dir", str(basic), "mark", "read", "1").returncode == 0
    (data_dir / "state.sqlite").write_bytes(b"this is no database " * 400)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"state.sqlite{suffix}").unlink(missing_ok=True)
    result = news("--dir", str(basic), "mark", "read", "2")
    aside = data_dir / "state-damaged-1.sqlite"
    assert (result.returncode, result.stdout) == (0, b"1 of 1 article marked read\n")
    assert result.stderr.decode() == (
        f"warning: the reader state was damaged: it is kept as {aside} and a fresh one was started\n"
    )
    assert aside.read_bytes() == b"this is no database " * 400
    again = news("--dir", str(basic), "list", "--read")
    assert (again.stdout.decode(), again.stderr) == (listed(B), b"")


def test_two_processes_marking_at_once_lose_nothing(news, basic, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(60):
        (folder / f"{n:03d}_{n:016x}.txt").write_text(
            f"Headline {n} of the marking test\n\nThe {n} boats sailed out of the harbour.\n",
            encoding="utf-8",
        )
    assert news("--dir", str(folder), "index").returncode == 0
    halves = [
        [f"{n:03d}_{n:016x}" for n in range(0, 60, 2)],
        [f"{n:03d}_{n:016x}" for n in range(1, 60, 2)],
    ]
    env = {**os.environ}
    runs = [
        subprocess.Popen(
            [_news_executable(), "--dir", str(folder), "mark", "read", *half],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for half in halves
    ]
    for process in runs:
        out, err = process.communicate(timeout=120)
        assert (process.returncode, out, err) == (0, b"30 of 30 articles marked read\n", b"")
    assert news("--dir", str(folder), "list", "--unread").stdout == b""
    assert news("--dir", str(folder), "list", "--read").stdout.count(b"\n") == 60


def test_damage_met_through_the_joined_state_is_the_states_not_the_indexs(news, basic, data_dir):
    assert news("--dir", str(basic), "mark", "read", "1", "2").returncode == 0
    path = data_dir / "state.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    (page,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'marks'").fetchone()
    db.close()
    with open(path, "r+b") as handle:  # junk over the marks only: the file still opens
        handle.seek((page - 1) * page_size)
        handle.write(b"\xde\xad" * (page_size // 2))
    result = news("--dir", str(basic), "list", "--unread")
    aside = data_dir / "state-damaged-1.sqlite"
    assert result.stdout.decode() == listed(A, B, C, "notes")  # a fresh state: nothing read
    assert result.stderr.decode() == (
        f"warning: the reader state was damaged: it is kept as {aside} and a fresh one was started\n"
    )  # and the index was not given up for it


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    read=st.sets(st.sampled_from([A, B, C, "notes"])),
    starred=st.sets(st.sampled_from([A, B, C, "notes"])),
)
def test_read_and_unread_split_every_list_and_stars_are_what_was_starred(run, read, starred):
    run("mark", "unread", "--all")
    run("star", A, B, C, "notes")
    run("unstar", A, B, C, "notes")
    if read:
        run("mark", "read", *read)
    if starred:
        run("star", *starred)
    every = run("list").stdout.splitlines(keepends=True)
    shown_read, unread = run("list", "--read").stdout, run("list", "--unread").stdout
    assert sorted(shown_read.splitlines(True) + unread.splitlines(True)) == sorted(every)
    assert {line.split("\t")[0] for line in shown_read.splitlines()} == read
    assert {line.split("\t")[0] for line in run("list", "--starred").stdout.splitlines()} == starred
    both = run("list", "--read", "--starred").stdout.splitlines()
    assert {line.split("\t")[0] for line in both} == read & starred
