"""`news export`: one full record per line, the documented schema, round-trippable."""

import json
import shutil
from pathlib import Path

from conftest import SEED_ID

from newsreader.model import EXPORT_KEYS, Article


def test_export_schema_and_round_trip(cli, basic):
    result = cli("--dir", str(basic), "export")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    for record in records:
        assert tuple(record) == (*EXPORT_KEYS, "read", "starred", "tags")  # the reader's marks last
        assert Article.from_dict(record).to_dict() == record
    first = records[0]
    assert first["number"] == 1 and first["hash"] == "aaaaaaaaaaaaaaaa"
    assert first["credits"] == ["Ana Lima/Reuters"] and first["words"] == 71
    assert records[3]["number"] is None and records[3]["hash"] is None


def test_export_of_the_seed_matches_its_truth(cli, seeds):
    lines = cli("--dir", str(seeds), "export").stdout.splitlines()
    records = {record["id"]: record for record in map(json.loads, lines)}
    assert set(records) == {path.stem for path in seeds.glob("*.txt")}  # one record per seed file
    record = records[SEED_ID]
    assert record["section"] == "Politics"
    assert record["paragraphs"][0].startswith("Russia says it is willing")
    assert record["paragraphs"][-1].endswith("Zaporizhzhia nuclear power plant.")
    assert len(record["paragraphs"]) == 9


def test_export_reads_the_made_up_pages_of_unseen_shapes(cli, tmp_path):
    """The hand-written pages of ``fixtures/parse`` (issue #19's shapes), read as one folder."""
    folder = tmp_path / "parse"
    shutil.copytree(Path(__file__).parent / "fixtures" / "parse", folder)
    lines = cli("--dir", str(folder), "export").stdout.splitlines()
    records = {record["id"]: record for record in map(json.loads, lines)}
    assert {key: (r["title"], r["authors"], r["language"]) for key, r in records.items()} == {
        "caps_headline": ("HARBOR COUNCIL KEEPS LIBRARY OPEN", ["JANE DOE"], "en"),
        "comments": ("Harbour board votes to rebuild the old pier", [], "en"),
        "event_blurb": ("Spring book fair returns to the town hall", [], "en"),
        "japanese": ("東京都、新しい図書館を来月開館へ", [], "ja"),
        "numbered_subheadings": ("Five ways to enjoy the harbour festival", [], "en"),
        "results_table": ("Harbour regatta results", [], "en"),
        "schedule": ("Harbour festival announces its summer tour dates", ["Dana Whitlock"], "en"),
        "summary_teasers": (
            "Harbour fair returns to the quay this weekend",
            ["Dana Whitlock"],
            "en",
        ),
        "list_before_the_end": (
            "Harbour choir announces its first tour in a decade",
            ["Nell Aster"],
            "en",
        ),
        "results_story": (
            "Millbrook votes: Okafor wins council seat",
            ["Harbor Wire Newsroom"],
            "en",
        ),
        "german_wire": ("Güterzug bei Wendheim entgleist – Strecke gesperrt", [], "de"),
        "pull_quote": ("The repair cafés that keep old radios talking", ["Mira Castellane"], "en"),
        "teasers": ("Library to stay open on Sundays after petition", ["Dana Whitlock"], "en"),
        "wire_single_newlines": ("Harbour board votes to rebuild the old pier", [], "en"),
    }
    assert records["caps_headline"]["paragraphs"][0].startswith("HARBORTOWN (AP) — The council")
    assert len(records["wire_single_newlines"]["paragraphs"]) == 7
