"""A progress bar for long index updates, on stderr, only when stderr is a terminal.

It names the phase (counting the files' furniture, parsing, writing the
index's word list), moves every few dozen files, and shows the rate and the
time left as soon as there are a few seconds to go on. A command waiting for
another process's update says so, whatever the work.
"""

from __future__ import annotations

from typing import TextIO

#: Fewer files than this to parse and no bar is shown: it would only flicker.
SHOW_FROM = 200
_PHASES = {
    "waiting": "waiting for another news process",  # its update of the index
    "counting": "counting furniture",
    "parsing": "parsing",
    "writing": "writing the index",
    "copies": "signing for copies",
}


class IndexProgress:
    """Callable as ``progress(phase, done, total)``; draws a Rich bar once there is enough work."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.bar = None
        self.tasks: dict[str, object] = {}

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.bar is None:
            if phase not in ("counting", "waiting") or (phase == "counting" and total < SHOW_FROM):
                return  # "waiting" has no total: shown whatever the work
            self.bar = _bar(self.stream)
            self.bar.start()
        if phase not in self.tasks:
            for task in self.tasks.values():
                self.bar.update(task, visible=False)
            self.tasks[phase] = self.bar.add_task(_PHASES.get(phase, phase), total=total or None)
        self.bar.update(self.tasks[phase], completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _bar(stream: TextIO):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        """Files a second, once Rich has seen a few steps."""

        def render(self, task) -> Text:
            return Text(f"{task.speed:,.0f} files/s" if task.speed else "", style="dim")

    console = Console(file=stream, force_terminal=True, markup=False, emoji=False, highlight=False)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        refresh_per_second=8,
    )
