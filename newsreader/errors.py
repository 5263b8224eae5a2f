"""Exceptions the library raises and the CLI turns into one line on stderr.

Each carries the exit code the CLI uses; the message is a full sentence
that names the problem and, where it helps, what to do about it.
"""

#: Exit codes, as documented in the README (grep follows ripgrep: 0/1/2).
EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


class NewsError(Exception):
    """Something the user can fix; printed as ``Error: <message>``."""

    exit_code = EXIT_ERROR


class SourceError(NewsError):
    """The news folder is missing, unreadable or not a folder."""


class UnknownIdError(NewsError):
    """No article (or more than one) answers to the id the user gave."""


class PatternError(NewsError):
    """A grep pattern that is not a valid regular expression."""
