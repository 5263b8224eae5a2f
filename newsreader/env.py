"""The process's surroundings, read once at the edge and passed down.

:class:`Environment` holds the streams, whether each is a terminal, the
terminal's size, the environment variables ``news`` reads, the cache and
data folders and how many worker processes to use. ``cli`` builds it with
:meth:`Environment.from_process`; everything below receives it, and tests
build their own (streams in memory, variables of their choosing) instead of
patching the process. :meth:`Environment.output` decides, once, how to print.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Mapping, TextIO

from newsreader.errors import OutputError, PipeClosed

#: The variables ``news`` reads; documented in the README.
VARIABLES = (
    "NEWS_DIR",
    "NEWS_CACHE_DIR",
    "NEWS_DATA_DIR",
    "NEWS_PAGER",
    "PAGER",
    "LESS",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLUMNS",
    "LINES",
)
MAX_WORKERS = (
    4  # parsing scales little further on the machines this runs on, and memory grows per worker
)


@dataclass(frozen=True)
class Output:
    """How to print, decided once: the Rich layout or plain lines, colour or not, and the size."""

    pretty: bool  # the Rich layout: stdout is a terminal, or colour was forced
    color: bool  # colours and styles inside the Rich layout
    width: int | None = None  # columns, when known (COLUMNS or the terminal)
    height: int | None = None  # rows, when known (the terminal)


@dataclass(frozen=True)
class Environment:
    """Where ``news`` runs: streams, terminals, variables, folders and cores."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool = False
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    vars: Mapping[str, str] = field(default_factory=dict)
    cwd: Path = Path(
        "."
    )  # relative paths below are relative to this ("." is the process's own folder)
    terminal_size: tuple[int, int] | None = (
        None  # (columns, lines) of stdout, when it is a terminal
    )
    workers: int = 1
    stdout_utf8: bool = True  # False when standard output's encoding cannot hold every character
    today: date = date(2026, 1, 1)  # what relative dates ("7d") count from: tests fix it,
    # from_process gives the real (local) day

    @classmethod
    def from_process(cls) -> Environment:
        """This process's environment: the real streams, variables, folder and cores. Text
        that standard output's encoding cannot hold (a Latin-1 locale, PYTHONIOENCODING) is
        printed as ``?`` rather than failing the command, and counted (:func:`unwritable`)."""
        utf8 = _replace_unwritable(sys.stdout)
        size = None
        tty = sys.stdout.isatty()
        if tty:
            try:
                columns, lines = os.get_terminal_size(sys.stdout.fileno())
                size = (columns, lines)
            except OSError:
                pass
        return cls(
            stdin=sys.stdin,
            stdout=sys.stdout,
            stderr=sys.stderr,
            stdin_isatty=bool(sys.stdin and sys.stdin.isatty()),
            stdout_isatty=tty,
            stderr_isatty=sys.stderr.isatty(),
            vars=dict(os.environ),
            terminal_size=size,
            workers=_usable_cores(),
            stdout_utf8=utf8,
            today=date.today(),
        )

    def output(self, color: str = "auto", plain: bool = False) -> Output:
        """How to print for ``--color auto|always|never`` and ``--plain``: the Rich layout on a
        terminal (or when colour is forced by the option or FORCE_COLOR), not for TERM=dumb
        unless forced, never with ``--plain``; colours in it unless ``never``, NO_COLOR or
        TERM=dumb; the width from COLUMNS, else the terminal."""
        dumb = self.vars.get("TERM") == "dumb"
        forced = color == "always" or (color == "auto" and bool(self.vars.get("FORCE_COLOR")))
        pretty = not plain and (self.stdout_isatty or forced) and (forced or not dumb)
        colored = pretty and color != "never" and not self.vars.get("NO_COLOR") and not dumb
        columns = self.vars.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() and int(columns) > 0 else None
        height = None
        if self.terminal_size:
            width, height = width or self.terminal_size[0], self.terminal_size[1]
        return Output(pretty=pretty, color=colored, width=width, height=height)

    @property
    def news_dir(self) -> Path | None:
        """The folder to read when ``--dir`` is not given: $NEWS_DIR, else ./seeds if it exists."""
        if self.vars.get("NEWS_DIR"):
            return self.cwd / self.vars["NEWS_DIR"]
        local = self.cwd / "seeds"
        return local if local.is_dir() else None

    @property
    def cache_dir(self) -> Path:
        """$NEWS_CACHE_DIR, else the user's cache folder for newsreader (the index lives there)."""
        if self.vars.get("NEWS_CACHE_DIR"):
            return self.cwd / self.vars["NEWS_CACHE_DIR"]
        from platformdirs import (
            user_cache_dir,  # here: most runs have the variable or need no folder
        )

        return Path(user_cache_dir("newsreader"))

    @property
    def data_dir(self) -> Path:
        """$NEWS_DATA_DIR, else the user's data folder for newsreader (the reader's own state)."""
        if self.vars.get("NEWS_DATA_DIR"):
            return self.cwd / self.vars["NEWS_DATA_DIR"]
        from platformdirs import user_data_dir

        return Path(user_data_dir("newsreader"))

    def pager(self) -> tuple[str, dict[str, str]]:
        """The pager command ($NEWS_PAGER, else $PAGER, else ``less -R``) and the variables to
        run it with (LESS=FRX unless the user set LESS: quit when it fits, keep colours)."""
        variables = dict(self.vars)
        command = variables.get("NEWS_PAGER") or variables.get("PAGER") or "less -R"
        variables.setdefault("LESS", "FRX")
        return command, variables


_UNWRITABLE = "newsreader-unwritable"  # the error handler that prints look-alikes or ?, counting
_unwritable = [0]  # characters printed as ? in this process
#: ASCII look-alikes of the typographic characters of news text, which a Latin-1 or ASCII output
#: cannot hold: "Ukraine's", not "Ukraine?s". One character for one, so the columns of a table
#: stay where Rich put them (its "…" is three, and stays a ?). The handler runs after CSV and
#: Markdown escaped their text, so each look-alike must mean nothing there: every quotation mark
#: becomes an apostrophe (a double quote or a comma would break CSV's fields), and a dash is a
#: hyphen only within a line's words (opening a line or a field, "- " is a Markdown list item or
#: a spreadsheet's formula). A bullet has none ("*" is Markdown's emphasis).
_LOOK_ALIKES = {
    **dict.fromkeys("‘’‚‛′“”„‟″", "'"),
    **dict.fromkeys("\u00a0\u2007\u2009\u202f", " "),
}
_DASHES = frozenset("‐‑‒–—―−")
_BEFORE_A_HYPHEN = " \u00a0"  # besides a letter or digit: what a dash written as "-" follows


def _written_alike(error: UnicodeEncodeError) -> tuple[str, int]:
    """The unwritable characters as their look-alikes, the rest as ?, which are counted."""
    text, written = error.object, []
    for at in range(error.start, error.end):
        character = text[at]
        if character in _DASHES:
            before = text[at - 1] if at else "\n"
            written.append("-" if before.isalnum() or before in _BEFORE_A_HYPHEN else "?")
        else:
            written.append(_LOOK_ALIKES.get(character, "?"))
    _unwritable[0] += written.count("?")
    return "".join(written), error.end


def unwritable() -> int:
    """How many characters standard output's encoding could not hold so far (printed as ?)."""
    return _unwritable[0]


def _encoding(stream) -> str | None:
    """The canonical name of the encoding ``stream`` writes in ("utf-8"), None if it names none."""
    encoding = getattr(stream, "encoding", None)
    return codecs.lookup(encoding).name if encoding else None


def _replace_unwritable(stream) -> bool:
    """Have ``stream`` write look-alikes or ``?`` for what its encoding cannot hold, counting the
    ``?``; False when its encoding is not UTF-8 (which holds everything)."""
    if _encoding(stream) in (None, "utf-8"):
        return True
    if hasattr(stream, "reconfigure"):
        codecs.register_error(_UNWRITABLE, _written_alike)
        stream.reconfigure(errors=_UNWRITABLE)
    return False


def _usable_cores() -> int:
    """Processes for parsing and full scans: the cores this process may use, at most MAX_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


class WatchedStream:
    """A text stream whose closed reader (a broken pipe) raises PipeClosed, so a command stops
    quietly wherever it was writing, and whose other failures (a full disk, ``> /dev/full``)
    raise OutputError, one line; everything else is the stream's own."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise self._failed(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise self._failed(error) from None

    def write_utf8(self, data: bytes) -> None:
        """UTF-8 text written as it is to the stream's bytes when it writes UTF-8 (no decoding
        and encoding again of a long listing), else decoded and written as text."""
        buffer = getattr(self._stream, "buffer", None)
        if buffer is None or _encoding(self._stream) != "utf-8":
            self.write(data.decode())
            return
        try:
            self._stream.flush()
            buffer.write(data)
        except OSError as error:
            raise self._failed(error) from None

    def _failed(self, error: OSError) -> BaseException:
        """PipeClosed for a reader gone, else OutputError; the text still buffered is sent
        nowhere, so the flush at exit cannot fail again."""
        if isinstance(error, BrokenPipeError):
            return PipeClosed()
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass  # a stream without a descriptor (in tests)
        return OutputError(f"The output could not be written: {error.strerror or error}.")

    def __getattr__(self, name: str):
        return getattr(self._stream, name)
