"""The parser's parts that the split made testable on their own: the list rule for bylines, the
main run without furniture, the 'shared from' rule, the reasons' texts, and a package that the
index can ask for the parser's fingerprint without loading the parser."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from array import array
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import NEWSY_TEXT

import newsreader
from newsreader.model import ROLES, Role
from newsreader.parse import explain_lines
from newsreader.parse.cues import listed_bylines
from newsreader.parse.features import LineFacts, file_language
from newsreader.parse.furniture import LINE, PAIR, SHARED_FROM, kind, shared_keys
from newsreader.parse.page import BOILERPLATE, line_facts, main_run, split_lines
from newsreader.parse.reasons import Reason

#: What ``news show --explain`` prints as each reason: a documented output, changed only on purpose.
EXPLAINED = {
    "UNDECIDED": "",
    "CAPTION_OPENING": "opens like a photo caption (FILE -, (L–R), PLACE - DATE:)",
    "RUNNING_TIME": "a video's title with its running time",
    "PEOPLE_PLACED": "says where people stand in a picture (left, right, centre)",
    "NOTICE": "a notice (sign-up, copyright, affiliate, contact, donation, cookies) or an embedded post",
    "LONG_BYLINE": "a long line that starts like a byline",
    "DATELINE": "a dateline (published/updated) holding a date",
    "ENDS_WITH_CREDIT": "ends with a photo credit",
    "CAPTION_LABEL": "caption or image-source label",
    "NAVIGATION": "navigation, sharing or advertising text",
    "BYLINE": "starts like a byline",
    "CREDIT": "photo or image credit",
    "SHORT_DATE": "a short line holding a date",
    "BESIDE_CREDIT": "short label beside a photo credit",
    "CREDIT_GIVEN_ELSEWHERE": "ends with a photo credit the file gives elsewhere",
    "CAPTION_AGAIN": "a caption of the file again, without its credit",
    "BELOW_ENLARGE": "right below a button that enlarges its picture",
    "LEDE": "a sentence right above the story, under its byline, date or tools: its lede",
    "OVER_LEDE": "a short headline over its byline and date: the sentence below them is the lede",
    "OVER_CREDIT": "a short line over a picture's credit, between two paragraphs: its caption",
    "BYLINE_ROLE": "the author's role or outlet, below the byline",
    "JOINER": "joins the names of a byline",
    "JOINED": "names after a lone byline word",
    "NAME_LINE": "a name beside a date, a role, a handle or a follow button",
    "TEASER": "a teaser: another story's headline and its blurb, among others",
    "SKIPPED_BOX": "in a box the page lets readers skip ('skip past …' down to 'after …')",
    "REPEATED": "repeated in other files of the folder",
    "TITLE": "scored highest as the headline",
    "LINKED_TITLE": "the headline, though other files of the folder repeat it (pages linking to it)",
    "DEEP_TITLE": "the headline, deep in the main run: no line above it read as one",
    "OVER_STANDFIRST": "the headline over its standfirst (the line below scored higher; this one is as long)",
    "UNDER_KICKER": "the headline under its kicker (the short line above scored higher)",
    "OVER_BYLINE": "the headline over its byline or date (the lines above it are teasers)",
    "KICKER": "short kicker above the headline",
    "ABOVE_TITLE": "above the headline",
    "PROSE_ON_SHORT_PAGE": "prose on a short page",
    "NOT_PROSE_ON_SHORT_PAGE": "not prose, on a short page",
    "ARTICLE_TEXT": "scored as article text",
    "PAGE_FURNITURE": "scored as page furniture, not article text",
    "OPENS_THE_STORY": "a long paragraph just above the story, in its run: its opening",
    "GOES_ON": "a sentence's first half: the body line below goes on with it",
    "LAST_SENTENCE": "a whole sentence right below the story's last paragraph: its end",
    "RELATED_LINKS": "links to related stories, each ending in its date",
    "ASIDE": "wholly in brackets: the page's aside (a link, a credit, a sound cue), no paragraph",
    "CITATION": "a reference's citation (a DOI, 'retrieved … from', a link in angle brackets)",
    "PULL_QUOTE": "repeats words the story holds elsewhere: a pull quote or a repeated blurb",
    "BETWEEN_PARAGRAPHS": "a list or a sentence between two paragraphs of the story, nothing marked between",
    "LIST_STORY": "an item of the list or table that is the story (no prose on the page)",
    "RUN_OF_EMPTY_BODY": "prose, a list or a table down to the main run's end, as no line read as the story",
    "COMMENT": "a reader's comment (a Reply button below it, a 'said:' header above it)",
    "BIOGRAPHY": "the author's biography",
    "AFTER_BIOGRAPHY": "after the author's biography, which ends the article",
}


def test_the_reasons_print_their_documented_texts():
    assert {reason.name: reason.value for reason in Reason} == EXPLAINED
    assert all(f"{reason}" == str(reason) == reason.value for reason in Reason)


def test_roles_print_and_compare_as_their_names():
    names = [
        "section",
        "title",
        "byline",
        "date",
        "credit",
        "caption",
        "body",
        "boilerplate",
        "other",
    ]
    assert [f"{role}" for role in ROLES] == [str(role) for role in ROLES] == names
    assert (
        Role.TITLE == "title"
        and {"title": 1}[Role.TITLE] == 1
        and json.dumps(Role.TITLE) == '"title"'
    )


def test_explained_lines_carry_roles_and_plain_reason_texts():
    roles = explain_lines(
        b"Politics\n\nLibrary stays open after vote by council\n\nBy Jane Doe\n\n"
        + b"The council voted on Monday to keep the town library open for another year. " * 3
    )
    assert all(type(role.role) is Role and type(role.reason) is str for role in roles)
    assert [(role.role, role.reason) for role in roles[:3]] == [
        (Role.SECTION, "short kicker above the headline"),
        (Role.TITLE, "scored highest as the headline"),
        (Role.BYLINE, "starts like a byline"),
    ]


def test_byline_shaped_lines_three_in_a_row_are_a_list():
    assert listed_bylines([]) == []
    assert listed_bylines([3, 4]) == []  # a byline and its role line, say
    assert listed_bylines([1, 4, 5, 6, 9]) == [4, 5, 6]
    assert listed_bylines([0, 1, 2, 3, 7, 8, 10, 11, 12]) == [0, 1, 2, 3, 10, 11, 12]


@settings(max_examples=200)
@given(NEWSY_TEXT, st.sets(st.integers(min_value=0, max_value=40)))
def test_the_main_run_without_furniture_is_the_run_with_it_marked(text, picked):
    """The furniture pass decides before it marks: the main run it computes over a set of left-out
    lines is the run the lines would give with those lines already marked as boilerplate."""
    lines = split_lines(text)
    facts = line_facts(lines, text)
    furniture = frozenset(i for i in picked if i < len(lines))
    run = main_run(lines, facts, furniture)
    for i in furniture:
        lines[i].role = BOILERPLATE
    assert run == main_run(lines, facts)


def test_a_short_line_two_files_share_is_measured_in_each_files_language():
    """Short lines are measured once for all files (a folder repeats its furniture), but in each
    file's stopwords: a line an English and a German file share has each file's stopword ratio."""
    shared = "Die Stadt und the harbour"
    english = (
        f"{shared}\n\nThe council said that the harbour would stay open for the summer, and that "
        "the ferries would run as they did in the years before the storm."
    )
    german = (
        f"{shared}\n\nDer Rat sagte, dass der Hafen im Sommer offen bleiben werde und dass die "
        "Fähren so fahren würden, wie sie es in den Jahren vor dem Sturm getan hatten."
    )
    ratios = [line_facts(split_lines(text), text)[0].stop_ratio for text in (english, german)]
    measured = [
        LineFacts(shared, file_language(text)[1], len(shared.split())).stop_ratio
        for text in (english, german)
    ]
    assert ratios == measured
    assert ratios[0] != ratios[1]


def _packed(*keys: int) -> bytes:
    """Keys as ``file_keys`` packs them (each at line 0)."""
    return array("q", [*keys] + [0] * len(keys)).tobytes()


def test_a_key_is_shared_from_the_number_of_files_its_kind_needs():
    pair, line = 2 * 12345 + PAIR, 2 * 12345 + LINE
    assert (kind(pair), kind(line)) == (PAIR, LINE)
    for files in range(1, 5):
        shared = shared_keys([_packed(pair, line)] * files)
        assert (pair in shared, line in shared) == (
            files >= SHARED_FROM[PAIR],
            files >= SHARED_FROM[LINE],
        )


def test_the_index_can_fingerprint_the_parser_without_loading_it():
    code = (
        "import sys, newsreader.parse as parse; print(parse.fingerprint()); "
        "print(sorted(m for m in sys.modules if m.startswith('newsreader.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    ).stdout.split("\n")
    assert len(out[0]) == 16 and int(out[0], 16) >= 0
    # the records' module (ids and text of names live there), not the parser
    assert out[1] == "['newsreader.model', 'newsreader.parse', 'newsreader.parse.ids']"


def _fingerprint(root: Path) -> str:
    code = "import newsreader.parse as parse; print(parse.fingerprint())"
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=root,
        env={"PYTHONPATH": str(root)},
    ).stdout.strip()


def test_the_fingerprint_follows_the_parsers_code_weights_and_word_lists_only(tmp_path):
    shutil.copytree(
        Path(newsreader.__file__).parent,
        tmp_path / "newsreader",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    parse = tmp_path / "newsreader" / "parse"
    first = _fingerprint(tmp_path)
    (parse / "notes.md").write_text("not read by the parser")
    assert _fingerprint(tmp_path) == first
    (parse / "weights.json").write_text((parse / "weights.json").read_text() + "\n")
    second = _fingerprint(tmp_path)
    (parse / "dates.py").write_text((parse / "dates.py").read_text() + "\n")
    third = _fingerprint(tmp_path)
    (parse / "given_names.txt").write_text((parse / "given_names.txt").read_text() + "zyx\n")
    assert len({first, second, third, _fingerprint(tmp_path)}) == 4


@settings(max_examples=300)
@given(
    st.text(
        alphabet="a ’“é\u2fff\u3000\u3041\u30ff\u4e00\u9fff\uf900\uac00\ud800\U00020000",
        max_size=30,
    )
)
def test_a_line_counts_its_kana_and_ideographs_as_words(line):
    """A line's word count adds its kana and ideographs (less one a run) whatever else it holds:
    the UTF-8 test that spares most lines the pattern sends on every line holding one."""
    from newsreader.parse.page import _IDEOGRAPH_RUNS, _IDEOGRAPHS, split_lines

    stripped = line.strip()
    found = split_lines(line)
    if not stripped:
        assert found == []
        return
    expected = len(stripped.split()) + len(_IDEOGRAPHS.findall(stripped))
    expected -= len(_IDEOGRAPH_RUNS.findall(stripped))
    assert found[0].words == expected
