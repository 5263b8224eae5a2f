"""Send long terminal output through a pager, as git and man do."""

from __future__ import annotations

import shlex
import subprocess


class Pager:
    """``command`` run with the variables ``env`` for text taller than ``height`` rows, handed
    the text in the terminal's ``encoding`` (what it cannot hold as ``errors`` says, as on the
    terminal itself)."""

    def __init__(
        self,
        command: str,
        env: dict[str, str],
        height: int | None,
        encoding: str = "utf-8",
        errors: str = "replace",
    ):
        self.command = command
        self.env = env
        self.height = height
        self.encoding = encoding
        self.errors = errors

    def show(self, text: str) -> bool:
        """Show ``text`` through the pager when it is taller than the screen; False when it is
        not, or the pager could not be started (then the caller writes it itself)."""
        if not self.height or text.count("\n") <= self.height:
            return False
        try:
            process = subprocess.Popen(
                shlex.split(self.command), stdin=subprocess.PIPE, env=self.env
            )
        except (OSError, ValueError):
            return False
        try:
            process.communicate(text.encode(self.encoding, self.errors))
        except (BrokenPipeError, KeyboardInterrupt):
            pass  # the reader quit the pager early: not an error
        process.wait()
        return True
