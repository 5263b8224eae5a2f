"""newsreader: read, list, search and export folders of scraped news text."""

__version__ = "0.1.0"
