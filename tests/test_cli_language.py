"""--language (issue #19): every command that reads many articles keeps those in the languages
asked for, as the record's ``language`` field names them."""

import json

import pytest

ENGLISH = (
    "The council said on Monday that the new bridge would not be ready before the summer, "
    "and the people of the town were not happy with the decision at all."
)
GERMAN = (
    "Der Rat hat am Montag gesagt, dass die neue Brücke nicht vor dem Sommer fertig wird, "
    "und die Bürger der Stadt sind mit dieser Entscheidung gar nicht zufrieden."
)
GREEK = (
    "Το δημοτικό συμβούλιο ανακοίνωσε τη Δευτέρα ότι η νέα γέφυρα δεν θα είναι έτοιμη πριν από "
    "το καλοκαίρι, και οι κάτοικοι της πόλης δεν είναι ικανοποιημένοι με την απόφαση."
)
ARTICLES = {
    "001_0000000000000001": ("Bridge delayed until autumn", ENGLISH),
    "002_0000000000000002": ("Brücke erst im Herbst fertig", GERMAN),
    "003_0000000000000003": ("Η γέφυρα καθυστερεί", GREEK),
    "004_0000000000000004": ("Second bridge also late", ENGLISH),
}


@pytest.fixture
def folder(tmp_path):
    made = tmp_path / "languages"
    made.mkdir()
    for name, (title, prose) in ARTICLES.items():
        (made / f"{name}.txt").write_text(f"News\n\n{title}\n\n{prose}\n\n{prose}\n\n{prose}\n")
    return made


def _numbers(output: str) -> list[str]:
    return sorted(line.split("\t")[0].split(":")[0][:3] for line in output.splitlines())


@pytest.mark.parametrize(
    "given, expected",
    [
        ("de", ["002"]),
        ("EN", ["001", "004"]),
        ("en-GB", ["001", "004"]),  # a region is ignored: records keep the language alone
        ("el, de", ["002", "003"]),
    ],
)
def test_each_command_keeps_the_languages_asked_for(cli, folder, given, expected):
    def run(*words: str) -> str:
        return cli("--dir", str(folder), *words, "--language", given).stdout

    exported = [json.loads(line) for line in run("export").splitlines()]
    assert sorted(record["id"][:3] for record in exported) == expected
    assert {record["language"] for record in exported} <= {"en", "de", "el"}
    assert _numbers(run("list")) == expected
    assert _numbers(run("grep", "-l", ".")) == expected
    assert _numbers(run("search", "bridge OR brücke OR γέφυρα")) == [
        number for number in expected if number != "003" or "el" in given
    ]
    shown = cli("--dir", str(folder), "show", "1", "2", "3", "4", "--language", given, "--json")
    assert sorted(json.loads(line)["id"][:3] for line in shown.stdout.splitlines()) == expected


def test_a_code_that_is_not_a_language_is_a_usage_error(cli, folder):
    result = cli("--dir", str(folder), "list", "--language", "english")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --language takes ISO 639-1 codes such as en or en,de, not 'english'.\n"
    )


def test_a_language_no_article_is_in_names_those_there_are(cli, folder):
    assert cli("--dir", str(folder), "list", "--language", "fr").stdout == ""  # piped: no rows
    shown = cli("--dir", str(folder), "list", "--language", "fr", env={"FORCE_COLOR": "1"})
    assert "No article is in fr; the articles' languages are en, de, el." in shown.stderr


def test_a_saved_search_keeps_its_language(cli, folder, data_dir):
    assert (
        cli("--dir", str(folder), "saved", "add", "german", "", "--language", "de").exit_code == 0
    )
    assert _numbers(cli("--dir", str(folder), "list", "--saved", "german").stdout) == ["002"]
    # a language given on the command line replaces the saved one
    listed = cli("--dir", str(folder), "list", "--saved", "german", "--language", "el")
    assert _numbers(listed.stdout) == ["003"]
    saved = cli("--dir", str(folder), "saved", "list").stdout
    assert "--language de" in saved
