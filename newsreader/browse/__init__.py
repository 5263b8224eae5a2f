"""``news browse``: a full-screen reader on Textual, calling only the library.

``rows`` is the article list, a scroll view that reads the listing from the index a page at
a time (the first screen of 100,000 articles costs one page, not a table of all of them);
``app`` composes it with the reader pane, the prompts and the key help. Textual is imported
here only, and only when the command runs. Every string from a file is sanitised with
``render.clean`` and shown as Rich ``Text``, never parsed as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsreader.library import Library
    from newsreader.model import Filters


def browse(library: Library, filters: Filters) -> None:
    """Run the browser on ``library``'s articles that pass ``filters`` until the user quits."""
    from newsreader.browse.app import BrowseApp

    BrowseApp(library, filters).run()
