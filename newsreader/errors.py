"""Exit codes and the exceptions the library raises for the CLI to report.

Every problem a user can fix is a :class:`NewsError`: one sentence that
names it (the class docstring when no message is given) and the exit code
the CLI ends with. Only ``cli.main`` turns them into ``Error: …`` lines.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit statuses ``news`` uses; grep and search follow ripgrep (0 match, 1 none, 2 error)."""

    OK = 0
    NO_MATCH = 1
    ERROR = 2
    INTERRUPTED = 130


class Interrupted(BaseException):
    """Ctrl-C: raised by the CLI's signal handler, or where a long statement notices it; a
    BaseException, so nothing that handles errors takes it for one."""


class PipeClosed(BaseException):
    """The reader of stdout went away (``news grep x | head -1``): stop quietly. A
    BaseException, so no ``except OSError`` on the way (Click's own) takes it for a failure."""


class NewsError(Exception):
    """Something went wrong."""

    exit_code = ExitCode.ERROR

    def __init__(self, message: str | None = None):
        super().__init__(message or self.__doc__)


class SourceError(NewsError):
    """The news folder is missing, unreadable or not a folder."""


class UnknownIdError(NewsError):
    """No article (or more than one) answers to that id."""


class UnreadableError(NewsError):
    """The article's file could not be read."""


class PatternError(NewsError):
    """The pattern is not a valid regular expression."""


class GrepTimeout(NewsError):
    """The pattern ran too long on one article and was stopped."""


class QueryError(NewsError):
    """The search query is not valid."""


class OutputError(NewsError):
    """The output files could not be written."""


class UsageError(NewsError):
    """Those options do not go together."""


class IndexUnavailable(NewsError):
    """The index cannot be used here (an unwritable cache, a full disk, a lock held too long, damage)."""


class IndexDamaged(IndexUnavailable):
    """The index file is damaged."""
