"""`news export` in the formats other tools read: CSV for spreadsheets, Markdown for pandoc and
note tools (JSON Lines is the JSON printer's own).

CSV has the export schema's keys as its header, a list as its items joined by ``; `` and the
paragraphs by a blank line. Markdown gives each article a heading, a line of its facts, its
address as a link and its paragraphs; one document holds them all, a rule between two, or
each goes to a file of its own named after its id. Every string is cleaned
(:mod:`clean`) and Markdown's own characters are escaped, so no file's text becomes markup.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterable, TextIO

from newsreader.model import EXPORT_KEYS, Article
from newsreader.render.clean import clean, clean_field

_MARKUP = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_UNSAFE_NAME = re.compile(r"[^\w.#@+-]", re.UNICODE)
_RULE = "\n---\n\n"


#: the CSV columns: the export schema's keys, then the reader's marks (empty when a record
#: was read straight from its file, without them)
CSV_KEYS = (*EXPORT_KEYS, "read", "starred", "tags")


def write_csv(articles: Iterable[Article], out: TextIO) -> None:
    """Every record as a CSV row under a header row of :data:`CSV_KEYS`."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_KEYS)
    for article in articles:
        record = article.to_dict()
        writer.writerow(_cell(key, record.get(key)) for key in CSV_KEYS)


def _cell(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return clean(("\n\n" if key == "paragraphs" else "; ").join(map(str, value)))
    return clean(str(value))


def markdown(article: Article) -> str:
    """One article as Markdown: ``# title``, its facts in italics, its address, its paragraphs."""
    facts = [
        ", ".join(article.authors),
        article.published or "",
        article.section or "",
        article.site or "",
        f"{article.words} words",
    ]
    lines = [f"# {_escaped(article.title) or '(untitled)'}", ""]
    lines += [f"*{_escaped(' · '.join(fact for fact in facts if fact))}*", ""]
    if article.url:
        url = clean_field(article.url).replace(">", "%3E").replace(" ", "%20")
        lines += [f"<{url}>", ""]
    lines += [line for paragraph in article.paragraphs for line in (_escaped(paragraph), "")]
    return "\n".join(lines)


def _escaped(text: str) -> str:
    return _MARKUP.sub(r"\\\1", clean_field(text))


def write_markdown(articles: Iterable[Article], out: TextIO) -> None:
    """Every article in one Markdown document, a rule between two."""
    for number, article in enumerate(articles):
        out.write((_RULE if number else "") + markdown(article))


def write_markdown_files(articles: Iterable[Article], folder: Path) -> int:
    """Each article to ``folder/<id>.md`` (the id made a safe file name: characters other than
    letters, digits and ``.#@+-`` become ``_``, and a name taken already, in any case, gets
    ``-2``, ``-3``…); returns how many were written. Raises OSError when the folder or a file
    cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for article in articles:
        base = _UNSAFE_NAME.sub("_", clean_field(article.id)).lstrip(".")[:200] or "_"
        name, copy = base, 1
        while name.casefold() in taken:
            copy += 1
            name = f"{base}-{copy}"
        taken.add(name.casefold())
        (folder / f"{name}.md").write_text(markdown(article), encoding="utf-8")
    return len(taken)
