"""The news folder: find its article files, read them safely, parse them, resolve ids.

Only regular files directly inside the folder are articles (a symlink
counts only when it points at a file inside the folder). Files are opened
read-only and read up to a cap, so a huge file costs bounded memory; a file
that cannot be read still yields a record, with a warning saying why.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsreader.errors import SourceError, UnknownIdError
from newsreader.model import Article
from newsreader.parse import parse_article, split_name

#: Bytes read from one file at most; the rest is left out with a warning.
READ_CAP = 8 * 1024 * 1024
_MIN_HASH_PREFIX = 4


@dataclass(frozen=True)
class Entry:
    """One article file in the folder: its name, full path, size and mtime."""

    name: str
    path: Path
    size: int
    mtime_ns: int


def bundled_seeds() -> Path:
    """The seed articles shipped with the package (or beside it, in a source checkout)."""
    packaged = Path(str(resources.files("newsreader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def scan(folder: Path) -> list[Entry]:
    """The article files of ``folder``, sorted by name; raises SourceError if it is unusable."""
    if not folder.exists():
        raise SourceError(f"The news folder {folder} does not exist.")
    if not folder.is_dir():
        raise SourceError(f"The news path {folder} is not a folder.")
    root = folder.resolve()
    entries = []
    try:
        with os.scandir(folder) as found:
            for item in found:
                entry = _entry(item, root)
                if entry is not None:
                    entries.append(entry)
    except OSError as error:
        raise SourceError(f"The news folder {folder} cannot be read: {error.strerror}.") from None
    entries.sort(key=lambda entry: entry.name)
    return entries


def _entry(item: os.DirEntry, root: Path) -> Entry | None:
    """An Entry for a regular file (or an in-folder symlink to one), else None."""
    try:
        if item.is_symlink():
            target = Path(item.path).resolve()
            if target.parent != root or not target.is_file():
                return None
        elif not item.is_file(follow_symlinks=False):
            return None
        info = item.stat()
    except OSError:
        return None
    return Entry(item.name, Path(item.path), info.st_size, info.st_mtime_ns)


def read_entry(entry: Entry) -> tuple[bytes, list[str]]:
    """The file's bytes, at most READ_CAP of them, and warnings about the read."""
    try:
        with open(entry.path, "rb") as handle:
            data = handle.read(READ_CAP + 1)
    except OSError as error:
        return b"", [f"could not read the file: {error.strerror or error}"]
    if len(data) > READ_CAP:
        return data[:READ_CAP], [f"file larger than {READ_CAP // (1024 * 1024)} MB; only the start was read"]
    return data, []


def load(entry: Entry) -> Article:
    """Read and parse one entry."""
    data, warnings = read_entry(entry)
    return parse_article(data, entry.name, str(entry.path), tuple(warnings))


def load_all(entries: list[Entry]) -> list[Article]:
    """Parse every entry, in order."""
    return [load(entry) for entry in entries]


def resolve_id(entries: list[Entry], query: str) -> Entry:
    """The entry a user's id names: full stem, running number, or a unique hash prefix.

    Raises UnknownIdError naming the candidates (ambiguous) or the closest ids (unknown).
    """
    names = {entry: split_name(entry.name) for entry in entries}
    exact = [entry for entry, (stem, _, _) in names.items() if stem == query]
    if exact:
        return exact[0]
    matches = []
    if query.isdigit():
        matches = [entry for entry, (_, number, _) in names.items() if number == int(query)]
    if not matches and len(query) >= _MIN_HASH_PREFIX and re.fullmatch(r"[0-9a-fA-F]+", query):
        matches = [entry for entry, (_, _, hash_) in names.items() if (hash_ or "").startswith(query.lower())]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(names[entry][0] for entry in matches[:5])
        raise UnknownIdError(f"The id {query!r} is ambiguous: it matches {listed}.")
    raise UnknownIdError(_unknown_message(query, [stem for stem, _, _ in names.values()]))


def _unknown_message(query: str, stems: list[str]) -> str:
    """One sentence for an id that matches nothing, with the closest ids when there are any."""
    import difflib

    close = difflib.get_close_matches(query, stems, n=3, cutoff=0.5)
    if close:
        return f"No article has the id {query!r}; did you mean {', '.join(close)}?"
    return f"No article has the id {query!r}; `news list` shows the ids."


def in_section(articles: list[Article], section: str | None) -> list[Article]:
    """The articles whose section equals ``section`` ignoring case; all when it is None."""
    if section is None:
        return articles
    wanted = section.casefold()
    return [article for article in articles if (article.section or "").casefold() == wanted]


def sort_articles(articles: list[Article], key: str) -> list[Article]:
    """Articles ordered by ``key``: date (newest first, undated last, then by number),
    number, title, or words (longest first)."""
    def by_number(article: Article):
        return (article.number is None, article.number or 0, article.id)

    if key == "date":
        dated = sorted((a for a in articles if a.published), key=by_number)
        dated.sort(key=lambda a: a.published, reverse=True)
        return dated + sorted((a for a in articles if not a.published), key=by_number)
    if key == "title":
        return sorted(articles, key=lambda a: (a.title.casefold(), by_number(a)))
    if key == "words":
        return sorted(articles, key=lambda a: (-a.words, by_number(a)))
    return sorted(articles, key=by_number)
