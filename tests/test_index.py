"""The index: same answers as parsing every file, kept in step with the folder, robust to damage."""

import json
import os
import shutil
import sqlite3

import pytest
from conftest import mock_environment

from newsreader.index import Index, index_path
from newsreader.library import Library

TRICKY = {
    "101_1111111111111111.txt": "Ceasefire talks resume in Geneva today\n\nNegotiators said the ceasefire would hold, and a preceasefire plan was drafted for the region.\n",
    "102_2222222222222222.txt": "Climate crisis deepens says panel report\n\nThe climate_change model and the CLIMATE CHANGE report both warn that the crisis grows quickly.\n",
    "103_3333333333333333.txt": "Café owners protest new rules in the city\n\nThe café association said owners were angry, quietly but firmly, about the naïve rules.\n",
    "104_4444444444444444.txt": "Black Sea shipping routes reopen after talks\n\nShips crossed the Black Sea on Monday, and insurers in the Red Sea region watched closely.\n",
    # a title with a tab, an escape sequence and a unit separator (the packed rows' own), in a section
    "105_5555555555555555.txt": "Politics\n\nÉclair\tshops [bold]close\x1b[31m early\x1f today in town\n\nBy Ann Lee\n\n"
    "March 3, 2024\n\nThe shops in the old town closed early today because the power "
    "failed across the district, owners said.\n",
    "106_6666666666666666.txt": "apple growers worry about the frost this spring\n\nGrowers said the late frost "
    "damaged many of the blossoms in the valley orchards this week.\n",
    # phrases whose first word ends a longer one ("soothe Red"), or that only look alike ("climate-change")
    # words the index folds unlike grep's lower-casing: a micro sign, a Greek final sigma
    "109_9999999999999999.txt": "Lab finds 5µm particles in the λόγος archive\n\nResearchers said the 5µm "
    "particles, catalogued as ΛΌΓΟΣ samples, travelled far from the harbour.\n",
    # capital sigmas only: Python lower-cases a word-final one to "ς", the index to "σ"
    "110_1010101010101010.txt": "ΛΟΓΟΣ and ΕΡΓΟΣ named projects of the year\n\nThe report named ΛΟΓΟΣ and "
    "ΕΡΓΟΣ as the two projects of the year, officials said on Monday.\n",
    # words the full-text index reads as one where grep sees two: an accent written apart, a private-use character
    "108_8888888888888888.txt": "Harbour cafe\u0301 owners wait for the ferry\n\nThe cafe\u0301 by the harbour "
    "stayed open late, and a sign read OPEN\ue000NOW for the crews coming in.\n",
    "107_7777777777777777.txt": "Volunteers soothe Red Cross nerves after the storm\n\nThe climate-change plan "
    "and a climate that is changing were discussed, while crews soothe Red Sea ports.\n",
}
PATTERNS = [
    "ceasefire",
    "Ceasefire",
    "easefir",
    "climate (change|crisis)",
    "(?i)climate (change|crisis)",
    r"\b\w+ly\b",
    "café",
    "CAFÉ",
    "caf",
    "in the (Black|Red) Sea",
    "the Red",
    "e R",
    "_change",
    "zzz",
    "fire would",
    "a|b",
    r"Sea\b",
    "nothing(at)?all",
    "[Bb]lack",
    "harbour",
    "Harbour master",
    "cafe",
    "(?i)CAFE owners",
    "OPEN",
    "NOW for",
    "µm",
    "5µ",
    "(?i)λόγος",
    "όγο",
    "ΛΌΓ",
    "(?i)λογος",
    "(?i)ργος",
]


@pytest.fixture
def corpus(basic):
    for name, text in TRICKY.items():
        (basic / name).write_text(text, encoding="utf-8")
    return basic


@pytest.fixture(params=["words split per article", "words read from the index"])
def word_list(request, monkeypatch):
    """Both ways the index gets grep's word list: split from each article as it is stored (small
    updates), or read from the full-text index at the end of a large one (forced here)."""
    if request.param == "words read from the index":
        monkeypatch.setattr("newsreader.index.sync.WORDS_FROM_INDEX", 0)
        monkeypatch.setattr("newsreader.index.sync.INDEX_SHARE", 1)
    return request.param


#: What a full scan without the index printed, by flags and pattern: the same for both word lists.
_SCANNED: dict[tuple, tuple[int, str]] = {}


@pytest.mark.parametrize(
    "flags",
    [
        [],
        ["-i"],
        ["-w"],
        ["-F"],
        ["-c"],
        ["-l"],
        ["-C", "1"],
        ["--field", "title"],
        ["-l", "--field", "title"],
        ["-l", "--field", "body"],
        ["-l", "--section", "politics"],
    ],
)
def test_indexed_grep_equals_a_full_scan(cli, corpus, flags, word_list):
    for pattern in PATTERNS:
        indexed = cli("--dir", str(corpus), "grep", *flags, pattern)
        key = (*flags, pattern)
        if key not in _SCANNED:
            scanned = cli("--dir", str(corpus), "--no-cache", "grep", *flags, pattern)
            _SCANNED[key] = (scanned.exit_code, scanned.stdout.replace(str(corpus), "CORPUS"))
        assert (indexed.exit_code, indexed.stdout.replace(str(corpus), "CORPUS")) == _SCANNED[
            key
        ], (
            pattern,
            flags,
        )


LISTINGS = [["list", "--sort", key] for key in ("date", "number", "title", "words")] + [
    ["list", "--section", "POLITICS"],
    ["list", "--section", "nowhere"],
    ["--color", "always", "list"],
    ["--color", "always", "list", "--sort", "title"],
    ["list", "--json"],
    ["list", "--limit", "2"],
]


# show --keep-unread: a show marks the article read, which the records of the second run would say
@pytest.mark.parametrize(
    "args",
    LISTINGS
    + [["show", "101", "--keep-unread"], ["show", "1", "--json", "--keep-unread"], ["export"]],
)
def test_list_show_export_from_the_index_equal_parsing(cli, corpus, args):
    indexed, parsed = (
        cli("--dir", str(corpus), *args),
        cli("--dir", str(corpus), "--no-cache", *args),
    )
    assert "\x1b[31m" not in indexed.stdout and "\x1f" not in indexed.stdout
    assert (indexed.stdout, indexed.stderr) == (parsed.stdout, parsed.stderr)


def test_changes_in_the_folder_reach_the_index(cli, corpus):
    assert "Ceasefire talks" in cli("--dir", str(corpus), "list").stdout
    (corpus / "101_1111111111111111.txt").unlink()
    (corpus / "105_5555555555555555.txt").write_text(
        "Fresh headline arrives in the folder\n\nA new article body that is long enough to count as prose here.\n"
    )
    changed = corpus / "102_2222222222222222.txt"
    changed.write_text(
        changed.read_text().replace("Climate crisis deepens", "Climate talks collapse")
    )
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    listed = cli("--dir", str(corpus), "list").stdout
    assert (
        "Ceasefire talks" not in listed
        and "Fresh headline arrives" in listed
        and "Climate talks collapse" in listed
    )
    assert cli("--dir", str(corpus), "grep", "-l", "ceasefire").exit_code == 1
    assert cli("--dir", str(corpus), "search", "collapse").stdout.startswith(
        "102_2222222222222222\t"
    )


def test_a_second_run_parses_nothing(corpus, cache_dir):
    env = mock_environment({"NEWS_CACHE_DIR": str(cache_dir)})
    assert Library.open(corpus, env, full_check=True).update().parsed == 14
    report = Library.open(corpus, env, full_check=True).update()
    assert (report.parsed, report.dropped, report.unchanged) == (0, 0, 14)


def test_a_damaged_index_is_rebuilt(cli, corpus, cache_dir):
    expected = cli("--dir", str(corpus), "list").stdout
    path = index_path(cache_dir, corpus)
    path.write_bytes(b"this is not a database" * 100)
    result = cli("--dir", str(corpus), "list")
    assert (result.exit_code, result.stdout) == (0, expected)
    with open(path, "r+b") as handle:  # truncated in the middle
        handle.truncate(path.stat().st_size // 2)
    assert cli("--dir", str(corpus), "list").stdout == expected


def test_an_index_busy_in_another_process_is_waited_for_not_deleted(
    cli, corpus, cache_dir, monkeypatch
):
    """Opening an index another process holds may fail at once ("database is locked", as when
    it is switched to WAL); that is no damage: the index is opened again, not deleted under
    the process making it (which left two processes parsing the folder, each its own file)."""
    from newsreader.index.database import Database

    cli("--dir", str(corpus), "index")
    path = index_path(cache_dir, corpus)
    inode = path.stat().st_ino
    opened = Database._open
    failures = iter([sqlite3.OperationalError("database is locked")] * 2)

    def busy_at_first(self):
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return opened(self)

    monkeypatch.setattr(Database, "_open", busy_at_first)
    result = cli("--dir", str(corpus), "index")
    assert result.exit_code == 0 and "0 parsed" in result.stdout
    assert path.stat().st_ino == inode


def test_an_index_of_another_format_is_rebuilt_in_place(cli, corpus, cache_dir):
    """An index another parser or schema made is emptied and made anew inside one write
    transaction, not deleted: a process that made it anew a moment before keeps its file."""
    expected = cli("--dir", str(corpus), "list").stdout
    path = index_path(cache_dir, corpus)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'an older format' WHERE key = 'format'")
    inode = path.stat().st_ino
    result = cli("--dir", str(corpus), "index")
    assert result.exit_code == 0 and "0 parsed" not in result.stdout
    assert path.stat().st_ino == inode
    assert cli("--dir", str(corpus), "list").stdout == expected


def test_an_unusable_cache_location_falls_back_with_one_warning(cli, corpus, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = cli("--dir", str(corpus), "list", env={"NEWS_CACHE_DIR": str(blocker / "cache")})
    assert result.exit_code == 0
    assert result.stdout == cli("--dir", str(corpus), "--no-cache", "list").stdout
    assert result.stderr.count("warning: not using the index") == 1


def test_search_ranks_filters_and_reports(cli, corpus):
    result = cli("--dir", str(corpus), "search", "sea")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0].split("\t")
    assert first[0] == "104_4444444444444444" and float(first[1]) > 0
    assert cli("--dir", str(corpus), "search", '"Black Sea" AND insurers').stdout.startswith("104_")
    assert cli(
        "--dir", str(corpus), "search", "harbour", "--since", "2025-01-01"
    ).stdout.startswith("001_")
    assert cli("--dir", str(corpus), "search", "harbour", "--until", "2024-12-31").exit_code == 1
    assert cli(
        "--dir", str(corpus), "search", "telescope", "--section", "science"
    ).stdout.startswith("002_")
    bad = cli("--dir", str(corpus), "search", "AND (")
    assert (
        bad.exit_code == 2
        and bad.stderr == "Error: AND needs words on both sides, as in 'ferry AND strike'.\n"
    )
    assert cli("--dir", str(corpus), "search", "zeppelin").exit_code == 1
    record = json.loads(
        cli("--dir", str(corpus), "search", "--json", "café").stdout.splitlines()[0]
    )
    assert record["id"] == "103_3333333333333333" and "café" in record["snippet"]


def test_search_without_the_cache_ranks_as_the_index_does(cli, corpus):
    for query in ("sea", '"Black Sea" AND insurers', "zeppelin"):
        indexed, parsed = (
            cli("--dir", str(corpus), "search", query),
            cli("--dir", str(corpus), "--no-cache", "search", query),
        )
        assert (indexed.exit_code, indexed.stdout) == (parsed.exit_code, parsed.stdout)


def test_two_folders_get_two_indexes(cli, corpus, seeds, cache_dir):
    cli("--dir", str(corpus), "list")
    cli("--dir", str(seeds), "list")
    assert len([p for p in cache_dir.iterdir() if p.suffix == ".sqlite"]) == 2
    shutil.rmtree(cache_dir)
    assert cli("--dir", str(seeds), "list").exit_code == 0


def test_a_file_rewritten_in_place_is_seen_by_show_and_by_index(cli, corpus):
    target = corpus / "101_1111111111111111.txt"
    assert cli("--dir", str(corpus), "show", "101").stdout.startswith("Ceasefire talks")
    folder_mtime = corpus.stat().st_mtime_ns
    target.write_text(target.read_text().replace("Ceasefire talks resume", "Peace talks resume"))
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    os.utime(
        corpus, ns=(corpus.stat().st_atime_ns, folder_mtime)
    )  # an in-place rewrite leaves the folder as it was
    assert cli("--dir", str(corpus), "show", "101").stdout.startswith("Peace talks resume")
    assert "Peace talks resume" in cli("--dir", str(corpus), "list").stdout
    (corpus / "102_2222222222222222.txt").write_text(
        "Rewritten headline for the test\n\nA new body that is long enough to be prose here, surely.\n"
    )
    os.utime(corpus, ns=(corpus.stat().st_atime_ns, folder_mtime))
    assert cli("--dir", str(corpus), "index").stdout.startswith("14 articles: 1 parsed")
    assert "Rewritten headline" in cli("--dir", str(corpus), "list").stdout


def test_index_sees_a_rewrite_that_keeps_every_name_and_size(cli, corpus):
    """Only the file's mtime tells this change apart: the re-scan must not take it for 'nothing changed'."""
    assert cli("--dir", str(corpus), "index").stdout.startswith("14 articles: 14 parsed")
    folder_mtime = corpus.stat().st_mtime_ns
    target = corpus / "104_4444444444444444.txt"
    target.write_text(target.read_text().replace("Black Sea shipping", "Baltic Sea freight"))
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    os.utime(corpus, ns=(corpus.stat().st_atime_ns, folder_mtime))
    assert cli("--dir", str(corpus), "index").stdout.startswith("14 articles: 1 parsed")
    assert "Baltic Sea freight" in cli("--dir", str(corpus), "list").stdout
    assert cli("--dir", str(corpus), "index").stdout.startswith("14 articles: 0 parsed")


def test_damage_found_in_the_middle_of_a_command_falls_back_to_the_files(cli, corpus, cache_dir):
    expected = {
        args: cli("--dir", str(corpus), "--no-cache", *args).stdout
        for args in (
            ("list",),
            ("grep", "-c", "the"),
            ("export",),
            ("show", "101", "--keep-unread"),
        )
    }
    cli("--dir", str(corpus), "list")
    path = index_path(cache_dir, corpus)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        row[0]
        for row in db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name IN ('articles', 'listing', 'docs')"
        )
    ]
    db.close()
    with open(path, "r+b") as handle:  # junk over the records' pages only: the index still opens
        for page in pages:
            handle.seek((page - 1) * page_size)
            handle.write(b"\xde\xad" * (page_size // 2))
    for args, output in expected.items():
        result = cli("--dir", str(corpus), *args)
        assert (result.exit_code, result.stdout) == (0, output), args
        assert "Traceback" not in result.stderr
        assert "not using the index" in result.stderr or args != (
            "list",
        )  # the first run notices and gives up
    assert cli("--dir", str(corpus), "list").stderr == ""  # ... and the index is rebuilt after that


def test_an_index_made_by_another_parser_is_rebuilt(cli, corpus, cache_dir):
    expected = cli("--dir", str(corpus), "--no-cache", "export").stdout
    assert cli("--dir", str(corpus), "export").stdout == expected
    path = index_path(cache_dir, corpus)
    with sqlite3.connect(path) as db:  # as if an older parser had written these records
        db.execute("UPDATE articles SET title = 'stale title'")
        db.execute("UPDATE meta SET value = value || 'x' WHERE key = 'format'")
    assert cli("--dir", str(corpus), "export").stdout == expected


def test_search_list_and_grep_match_a_section_the_same_way(cli, corpus):
    """Sections compare ignoring case the Unicode way in every command: "ÉCONOMIE" is "Économie"."""
    (corpus / "108_8888888888888888.txt").write_text(
        "Économie\n\nThe franc steadies as banks lend again in town\n\nBanks in the town said lending rose again "
        "this month, and the franc held its value against the euro.\n",
        encoding="utf-8",
    )
    for command in (["list"], ["grep", "-l", "franc"], ["search", "franc"]):
        found = cli("--dir", str(corpus), *command, "--section", "ÉCONOMIE").stdout
        assert found.startswith("108_8888888888888888"), command


def test_a_fragment_that_stops_at_a_combining_accent_is_found_through_the_index(cli, basic):
    """The index reads "cafe" + U+0301 (an accent written apart) as one word where grep's words
    end before the accent: the article must not be ruled out by the index."""
    (basic / "150_5050505050505050.txt").write_text(
        "Owners of the cafe\u0301 meet the mayor\n\nThe cafe\u0301 owners met the mayor on Monday to talk "
        "about the new rules for the street, they said.\n",
        encoding="utf-8",
    )
    indexed = cli("--dir", str(basic), "grep", "-l", "cafe")
    scanned = cli("--dir", str(basic), "--no-cache", "grep", "-l", "cafe")
    assert "150_5050505050505050" in scanned.stdout
    assert indexed.stdout == scanned.stdout


def test_the_characters_the_index_reads_unlike_grep_are_asked_of_sqlite():
    """Found by asking the installed SQLite and Python, not listed by hand: an accent written
    apart, the Turkish dotted and dotless i, letters newer than the tokenizer's tables; never
    the punctuation and symbols of everyday news, nor letters both fold alike."""
    from newsreader.index.letters import ask
    from newsreader.index.vocabulary import non_ascii

    letters = ask()

    def never(text):
        return letters.rule_out_never(non_ascii(text))

    assert {"\u0301", "İ", "ı"} <= letters.unsafe and {"Ϳ", "ϳ"} & letters.unsafe
    assert not set("’‘“”—–·…€£©®™°•½éüßçñσςΣμµſ") & letters.unsafe
    assert never("cafe\u0301") and never("a\ue000b") and never("a\u0378b") and never("İstanbul")
    assert not never("Don’t — “quoted” €5 café naïve 😀") and not never("plain ASCII")
    assert letters.fold_literal("ΛΟΓΟΣ") == "λογοσ" and letters.fold_literal("ſtraße") == "straße"
    assert letters.fold_literal("İstanbul") is None


def test_the_word_list_read_from_the_index_holds_every_word_split_per_article(
    cli, corpus, tmp_path, monkeypatch
):
    """The large-update way gives grep's prefilter every word the per-article way gives (it may
    give more: the index's own spellings of words it reads otherwise)."""

    def terms(folder_cache):
        assert (
            cli("--dir", str(corpus), "index", env={"NEWS_CACHE_DIR": str(folder_cache)}).exit_code
            == 0
        )
        with sqlite3.connect(index_path(folder_cache, corpus)) as db:
            return {row[0] for row in db.execute("SELECT term FROM terms")}

    split = terms(tmp_path / "split")
    monkeypatch.setattr("newsreader.index.sync.WORDS_FROM_INDEX", 0)
    monkeypatch.setattr("newsreader.index.sync.INDEX_SHARE", 1)
    read = terms(tmp_path / "read")
    assert split and split <= read


def test_a_large_update_cut_short_widens_no_fragment_until_finished(cli, corpus, cache_dir):
    """Until the large update that reads the word list finishes, grep must not trust the list."""
    assert cli("--dir", str(corpus), "index").exit_code == 0
    db = sqlite3.connect(index_path(cache_dir, corpus))
    db.execute(
        "INSERT INTO meta VALUES ('vocabulary', 'pending')"
    )  # as an interrupted large update leaves it
    db.execute("DELETE FROM terms")
    db.commit()
    db.close()
    for pattern in ("easefir", "caf", "όγο"):
        indexed = cli("--dir", str(corpus), "grep", "-l", pattern)
        scanned = cli("--dir", str(corpus), "--no-cache", "grep", "-l", pattern)
        assert indexed.stdout == scanned.stdout and scanned.stdout, pattern


def test_an_index_cut_short_keeps_what_it_parsed(cli, tmp_path, monkeypatch):
    """A first index interrupted after some files left their records stamped with no shared
    furniture, so the next run took every file for changed and parsed all of them again (a
    user's trial: 19,887 of 20,000). It parses only the files it did not reach."""
    import newsreader.parsing
    from newsreader.errors import Interrupted

    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(30):
        (folder / f"{n:03d}_{n:016x}.txt").write_text(
            "Home | News | Sport | Weather\nAdvertisement\n\n"
            f"Harbour story number {n}\n\nThe board met on the pier, story {n} says, and the "
            "town listened to every word of the debate until late in the evening.\n\n"
            "Sign up for our morning newsletter\nCopyright Harbour Times\n"
        )
    whole = newsreader.parsing.FolderParsing.parse

    def cut_short(self, entries, shared, keys_for):
        for number, parsed in enumerate(whole(self, entries, shared, keys_for)):
            if number == 10:
                raise Interrupted
            yield parsed

    monkeypatch.setattr("newsreader.index.sync.BATCH", 5)  # written five records at a time
    with monkeypatch.context() as patched:
        patched.setattr(newsreader.parsing.FolderParsing, "parse", cut_short)
        assert cli("--dir", str(folder), "index").exit_code == 130
    again = cli("--dir", str(folder), "index")
    assert again.stdout == "30 articles: 25 parsed, 5 unchanged, 0 dropped\n"  # the batch written
    assert (
        cli("--dir", str(folder), "export").stdout
        == cli("--dir", str(folder), "--no-cache", "export").stdout
    )


def test_an_update_waiting_for_another_process_says_so_first(tmp_path):
    """A command behind another process's index update showed nothing for the whole wait (16 s
    at 20,000 files): the update lock is tried first, and a wait is told before it starts."""
    import fcntl
    import io
    import threading

    from newsreader.render.progress import IndexProgress

    path = tmp_path / "index.sqlite"
    index = Index(path, "a parser")
    told: list[str] = []
    with open(f"{path}.lock", "a+b") as other:  # another process's hold, as flock sees it
        fcntl.flock(other, fcntl.LOCK_EX)
        threading.Timer(0.2, lambda: fcntl.flock(other, fcntl.LOCK_UN)).start()
        with index.updating(lambda: told.append("waiting")):
            pass
    assert told == ["waiting"]
    with index.updating(lambda: told.append("again")):  # free: no word
        pass
    assert told == ["waiting"]
    stream = io.StringIO()
    progress = IndexProgress(stream)
    progress("waiting", 0, 0)
    progress.close()
    assert "waiting for another news process" in stream.getvalue()


def test_news_index_with_a_cache_it_cannot_use_says_so_before_parsing(cli, basic, tmp_path):
    """`news index` read the whole folder in memory (6 s at 5,000 files) and only then said the
    index could not be used, and a cache path that is a file said "(File exists)". Other
    commands still go on without the index, with one warning."""
    (tmp_path / "afile").write_text("not a folder")
    given = {"NEWS_CACHE_DIR": str(tmp_path / "afile")}
    indexed = cli("--dir", str(basic), "index", env=given)
    assert (indexed.exit_code, indexed.stdout) == (2, "")
    assert indexed.stderr.startswith("Error: the index at ")
    assert indexed.stderr.endswith(f"cannot be used ({tmp_path / 'afile'} is not a folder)\n")
    listed = cli("--dir", str(basic), "list", env=given)
    assert listed.exit_code == 0 and "Harbour reopens" in listed.stdout
    assert "not using the index" in listed.stderr
