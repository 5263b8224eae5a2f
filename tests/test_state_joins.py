"""The contract with the library: the state file ATTACHed to another connection and joined on
the content key, with the queries docs/state.md gives (and the indexes they are meant to use).

A stand-in ``articles`` table plays the index: a ``content`` column holding each file's
``content_key`` and an index on it, as the library will add.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsreader.state import ReaderState, content_key

ARTICLES = {  # id: (section, content)
    "a": ("world", content_key(b"a")),
    "b": ("world", content_key(b"b")),
    "c": ("sport", content_key(b"c")),
    "d": ("sport", content_key(b"d")),
    "e": (None, content_key(b"e")),
}
KEY = {article_id: content for article_id, (_, content) in ARTICLES.items()}

UNREAD = "a.content NOT IN (SELECT key FROM state.marks WHERE folder = :folder AND read)"
READ = "+a.content IN (SELECT key FROM state.marks WHERE folder = :folder AND read)"
STARRED = "a.content IN (SELECT key FROM state.marks WHERE folder = :folder AND starred)"
TAGGED = "a.content IN (SELECT key FROM state.tags WHERE folder = :folder AND tag = :{name})"
NEW = "a.content NOT IN (SELECT key FROM state.seen WHERE folder = :folder)"
UNREAD_BY_SECTION = f"SELECT a.section, count(*) FROM articles a WHERE {UNREAD} GROUP BY a.section"


@pytest.fixture
def joined(tmp_path: Path):
    """(index connection with the state attached, the store, its folder number)."""
    folder = tmp_path / "news"
    folder.mkdir()
    state = ReaderState.open(tmp_path / "data", folder)
    other = ReaderState.open(tmp_path / "data", tmp_path)  # another folder's marks: never joined
    other.mark_read(KEY.values())
    other.star(KEY.values())
    other.close()
    index = sqlite3.connect(":memory:", isolation_level=None)  # as the index: no open transaction
    index.execute(
        "CREATE TABLE articles(id TEXT PRIMARY KEY, section TEXT, content INTEGER NOT NULL)"
    )
    index.execute("CREATE INDEX by_content ON articles(content)")
    index.executemany(
        "INSERT INTO articles VALUES (?, ?, ?)",
        [(article_id, section, content) for article_id, (section, content) in ARTICLES.items()],
    )
    index.execute("ATTACH DATABASE ? AS state", (str(state.path),))
    yield index, state, {"folder": state.folder_id}
    index.close()
    state.close()


def _ids(index, where: str, params) -> list[str]:
    query = f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.id"
    return [row[0] for row in index.execute(query, params)]


def test_unread_read_starred_and_tags_as_sql(joined):
    index, state, params = joined
    state.mark_read([KEY["a"], KEY["c"]])
    state.star([KEY["c"], KEY["d"]])
    state.tag([KEY["b"], KEY["c"], KEY["d"]], add=["eu"])
    state.tag([KEY["c"], KEY["e"]], add=["climate"])
    assert _ids(index, UNREAD, params) == ["b", "d", "e"]
    assert _ids(index, READ, params) == ["a", "c"]
    assert _ids(index, STARRED, params) == ["c", "d"]
    two_tags = f"{TAGGED.format(name='tag1')} AND {TAGGED.format(name='tag2')}"
    assert _ids(index, two_tags, {**params, "tag1": "eu", "tag2": "climate"}) == ["c"]
    assert _ids(index, f"{UNREAD} AND {STARRED}", params) == ["d"]


def test_unread_counts_per_section(joined):
    index, state, params = joined
    state.mark_read([KEY["a"], KEY["c"], KEY["d"]])
    assert dict(index.execute(UNREAD_BY_SECTION, params)) == {None: 1, "world": 1}


def test_new_since_the_last_look(joined):
    index, state, params = joined
    state.take_new([KEY["a"], KEY["b"]])
    assert _ids(index, NEW, params) == ["c", "d", "e"]


def test_the_join_sees_each_new_write_without_attaching_again(joined):
    index, state, params = joined
    assert _ids(index, UNREAD, params) == ["a", "b", "c", "d", "e"]
    state.mark_read([KEY["e"]])
    assert _ids(index, UNREAD, params) == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    "where, index_used",
    [
        (STARRED, "starred_keys"),  # the partial index of stars, not every mark of the folder
        (TAGGED.format(name="tag"), "tagged"),
        (UNREAD, "PRIMARY KEY (folder=?)"),
    ],
)
def test_the_joins_read_the_indexes_meant_for_them(joined, where, index_used):
    index, _, params = joined
    plan = " | ".join(
        row[-1]
        for row in index.execute(
            f"EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE {where}", {**params, "tag": "x"}
        )
    )
    assert index_used in plan, plan
