"""Printers, chosen once per run: Rich for terminals, plain text for pipes, JSON on request.

All three have the same methods (``articles``, ``article``, ``raw``,
``grep``, ``explain``), so a command hands its result to whichever printer
:func:`make_printer` returns and never asks where its output goes. Rich is
imported only when a terminal printer is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from newsreader.render.jsonl import JsonPrinter
from newsreader.render.plain import PlainPrinter


@dataclass(frozen=True)
class Output:
    """How to print, decided once by the CLI from the terminal, the flags and the environment."""

    pretty: bool  # Rich layout: stdout is a terminal, or colour was forced
    color: bool  # colours and styles inside the Rich layout
    width: int | None = None  # columns, when known (COLUMNS or the terminal)
    height: int | None = None  # rows, when known


def make_printer(out: TextIO, output: Output, json: bool = False, wrap: int = 80):
    """The printer for this run: JSON if asked, Rich on a terminal, else plain text."""
    if json:
        return JsonPrinter(out)
    if output.pretty:
        from newsreader.render.pretty import RichPrinter

        return RichPrinter(make_console(out, output))
    return PlainPrinter(out, wrap)


def make_console(out: TextIO, output: Output):
    """A Rich console that never interprets markup, emoji codes or highlighting in content."""
    from rich.console import Console

    return Console(
        file=out, force_terminal=True, no_color=not output.color,
        color_system="auto" if output.color else None, width=output.width, height=output.height,
        markup=False, emoji=False, highlight=False,
    )
