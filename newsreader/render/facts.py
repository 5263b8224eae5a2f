"""Derived facts the printers show the same way: the metadata line, reading time, an index report."""

from __future__ import annotations

import math

from newsreader.model import Article, MarkChange, SyncReport, counted

WORDS_PER_MINUTE = 230


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at an average adult pace; at least 1 for any text."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def meta_line(article: Article) -> str:
    """``section · date · authors · N words · M min read``, leaving out what is unknown."""
    parts = [article.section, article.published, ", ".join(article.authors) or None]
    parts.append(f"{article.words} words")
    if article.words:
        parts.append(f"{reading_minutes(article.words)} min read")
    return " · ".join(part for part in parts if part)


_DONE = {
    "read": "marked read",
    "unread": "marked unread",
    "starred": "starred",
    "unstarred": "unstarred",
    "tagged": "retagged",
}


def change_line(change: MarkChange) -> str:
    """``C of N articles marked read`` (or starred, unstarred, retagged): of those named, how
    many changed (the others were so already), then ``, and K identical copies`` when articles
    not named share the marks by holding the same text."""
    line = f"{change.changed} of {counted(change.named, 'article')} {_DONE[change.action]}"
    if change.alike:
        line += f", and {counted(change.alike, 'identical copy', 'identical copies')}"
    return line


def report_line(report: SyncReport) -> str:
    """``N articles: P parsed, U unchanged, D dropped`` (N: the articles the index now holds;
    P, U, D: files), ``N articles in F files: …`` when some file holds several, then ``; F
    could not be read (tried again next time)`` when some could not be read."""
    files = report.parsed + report.unchanged
    total = files if report.articles is None else report.articles
    held = f" in {counted(files, 'file')}" if total != files else ""
    line = (
        f"{counted(total, 'article')}{held}: {report.parsed} parsed, "
        f"{report.unchanged} unchanged, {report.dropped} dropped"
    )
    if report.unreadable:
        line += f"; {report.unreadable} could not be read (tried again next time)"
    return line
