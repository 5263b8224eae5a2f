"""A progress bar for long indexing runs, on stderr, only when stderr is a terminal."""

from __future__ import annotations

from typing import TextIO

#: Fewer files than this to parse and no bar is shown: it would only flicker.
SHOW_FROM = 200


class IndexProgress:
    """Callable as ``progress(done, total)``; draws a Rich bar once there is enough work."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < SHOW_FROM:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            console = Console(
                file=self.stream, force_terminal=True, markup=False, emoji=False, highlight=False
            )
            self.bar = Progress(
                TextColumn("indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("index", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
