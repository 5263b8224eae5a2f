"""The bundled seed must parse to exactly its hand-checked record."""

import json

from newsreader.parse import parse_article

from conftest import SEEDS, SEED_ID, TESTS


def test_seed_record_is_exact():
    data = (SEEDS / f"{SEED_ID}.txt").read_bytes()
    article = parse_article(data, f"{SEED_ID}.txt", "seeds/000_ab421d6d9d13d5bb.txt")
    expected = json.loads((TESTS / "golden" / f"{SEED_ID}.json").read_text(encoding="utf-8"))
    assert article.to_dict() == expected


def test_seed_has_no_caption_label_or_trailer_in_body():
    data = (SEEDS / f"{SEED_ID}.txt").read_bytes()
    body = "\n".join(parse_article(data, f"{SEED_ID}.txt").paragraphs)
    assert "podpis" not in body
    assert "MORE..." not in body
    assert "Getty" not in body
