"""The reader's own state: read/unread, stars, tags, what ``--new`` has shown, saved searches.

It lives in the data folder (``Environment.data_dir``), never in the index: the index is a
cache, rebuilt at will, and these marks are the user's. Articles are known by a digest of their
bytes (:func:`content_key`), so a renamed file keeps its marks and :meth:`ReaderState.follow`
carries them over an edit. ``values`` checks what comes in, ``database`` owns the file (schema,
format, damage), ``store`` is the API, ``backup`` the JSON Lines format. See docs/state.md.
"""

from newsreader.state.backup import BadBackup
from newsreader.state.database import StateTooNew, StateUnavailable, state_path
from newsreader.state.store import Adopted, Imported, ReaderState
from newsreader.state.values import (
    BadSavedSearch,
    BadTag,
    Marks,
    SavedSearch,
    SearchFilters,
    UnknownSavedSearch,
    content_key,
    tag_changes,
    tag_word,
)

__all__ = [
    "Adopted",
    "BadBackup",
    "BadSavedSearch",
    "BadTag",
    "Imported",
    "Marks",
    "ReaderState",
    "SavedSearch",
    "SearchFilters",
    "StateTooNew",
    "StateUnavailable",
    "UnknownSavedSearch",
    "content_key",
    "state_path",
    "tag_changes",
    "tag_word",
]
