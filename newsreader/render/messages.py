"""Lines for stderr: errors, warnings and parse warnings, sanitised, so stdout carries only data."""

from __future__ import annotations

from typing import Mapping, TextIO

from newsreader.model import shown_id
from newsreader.render.clean import clean_field

#: More articles with parse warnings than this and one summary line stands for them all.
WARN_EACH = 5


class Messages:
    """Writes one-line notes to ``stream`` (stderr)."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def error(self, message: str) -> None:
        self.stream.write(f"Error: {clean_field(message)}\n")

    def warning(self, message: str) -> None:
        self.stream.write(f"warning: {clean_field(message)}\n")

    def note(self, message: str) -> None:
        """A remark about the output, such as that there is none."""
        self.stream.write(f"{clean_field(message)}\n")

    def parse_warnings(self, warned: Mapping[str, tuple[str, ...]]) -> None:
        """Each article's parse warnings (by id) when there are a few, else a count and one example."""
        if len(warned) > WARN_EACH:
            first_id, first = next(iter(warned.items()))
            self.stream.write(
                f"warning: {len(warned)} articles have parse warnings, e.g. {shown_id(first_id)}: "
                f"{clean_field('; '.join(first))} (`news check` shows them all)\n"
            )
            return
        for article_id, warnings in warned.items():
            self.stream.write(
                f"warning: {shown_id(article_id)}: {clean_field('; '.join(warnings))}\n"
            )
