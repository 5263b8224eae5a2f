"""Send long terminal output through a pager, as git and man do."""

from __future__ import annotations

import shlex
import subprocess


def page(text: str, command: str, env: dict[str, str]) -> bool:
    """Show ``text`` through ``command``; False when the pager could not be started."""
    try:
        argv = shlex.split(command)
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    try:
        process.communicate(text.encode("utf-8", "replace"))
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the reader quit the pager early: not an error
    process.wait()
    return True
