"""The ``news`` command: a thin Typer layer over the library.

This is the only module that reads the environment, the current folder
and whether stdout is a terminal, and the only one that prints errors or
exits. Each command checks its options, calls one library function and
hands the result to the printer chosen once in :func:`_output`. Only typer
and the standard library are imported at the top, so ``news --help`` stays
fast; the parser, Rich and friends load inside the commands.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from newsreader import __version__

app = typer.Typer(
    name="news",
    help="Read, list, search and export a folder of scraped news articles.\n\n"
    "Example: news --dir ~/scraped list --section Politics",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class SortKey(str, Enum):
    date = "date"
    number = "number"
    title = "title"
    words = "words"


class Field(str, Enum):
    title = "title"
    body = "body"
    all = "all"


class _State:
    """What the global options resolved to, shared with the commands through the context."""

    def __init__(self, folder: Path, color: Color, cache: bool):
        self.folder = folder
        self.color = color
        self.cache = cache


def _version(value: bool) -> None:
    if value:
        typer.echo(f"news {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    folder: Optional[Path] = typer.Option(
        None, "--dir", "-d", metavar="PATH",
        help="Folder of raw news files. Default: $NEWS_DIR, else ./seeds, else the bundled seeds.",
    ),
    color: Color = typer.Option(Color.auto, "--color", help="Colour and Rich layout: auto (terminals only), always, never."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not use or update the index; parse every file."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Read, list, search and export a folder of scraped news articles.

    Example: news --dir ~/scraped list --section Politics
    """
    ctx.obj = _State(_source_folder(folder), color, cache=not no_cache)


def _source_folder(option: Path | None) -> Path:
    """--dir, else $NEWS_DIR, else ./seeds if it exists, else the seeds shipped with the package."""
    if option is not None:
        return option
    if os.environ.get("NEWS_DIR"):
        return Path(os.environ["NEWS_DIR"])
    if Path("seeds").is_dir():
        return Path("seeds")
    from newsreader.library import bundled_seeds

    return bundled_seeds()


def _output(color: Color):
    """Decide once how to print: Rich or plain, with or without colour, at what width."""
    from newsreader.render import Output

    env = os.environ
    tty = sys.stdout.isatty()
    forced = color is Color.always or (color is Color.auto and bool(env.get("FORCE_COLOR")))
    pretty = color is not Color.never and (tty or forced) and (forced or env.get("TERM") != "dumb")
    colored = pretty and not env.get("NO_COLOR") and env.get("TERM") != "dumb"
    columns = env.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() and int(columns) > 0 else None
    height = None
    if tty:
        try:
            size = os.get_terminal_size(sys.stdout.fileno())
            width, height = width or size.columns, size.lines
        except OSError:
            pass
    return Output(pretty=pretty, color=colored, width=width, height=height)


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print one sanitised error line on stderr and return the Exit to raise."""
    from newsreader.render.clean import clean_field

    sys.stderr.write(f"Error: {clean_field(message)}\n")
    return typer.Exit(code)


def _warn(message: str) -> None:
    from newsreader.render.clean import clean_field

    sys.stderr.write(f"warning: {clean_field(message)}\n")


def _cache_dir() -> Path:
    """$NEWS_CACHE_DIR, else the user's cache folder for newsreader."""
    if os.environ.get("NEWS_CACHE_DIR"):
        return Path(os.environ["NEWS_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsreader"))


def _library(state: _State, full_check: bool = False):
    """The folder, read through its index unless --no-cache; one-line errors for bad folders."""
    from newsreader.errors import NewsError
    from newsreader.folder import check_folder
    from newsreader.library import Library
    from newsreader.render.progress import IndexProgress

    try:
        check_folder(state.folder)  # a missing folder is an error before any index is made
        store = _open_store(state.folder) if state.cache else None
        progress = IndexProgress(sys.stderr) if sys.stderr.isatty() else None
        try:
            return Library(state.folder, store, warn=_warn, progress=progress, workers=_workers(),
                           full_check=full_check)
        finally:
            if progress:
                progress.close()
    except NewsError as error:
        raise _fail(str(error), error.exit_code) from None


def _open_store(folder: Path):
    """The folder's index, or None (with one warning) when the cache location is unusable."""
    from newsreader.store import Store, StoreError, index_path

    try:
        return Store(index_path(_cache_dir(), folder))
    except StoreError as error:
        _warn(f"not using the index: {error}; reading the files directly")
        return None


def _workers() -> int:
    """Processes for parsing and full scans: the cores this process may use, at most 4."""
    try:
        return max(1, min(4, len(os.sched_getaffinity(0))))
    except AttributeError:  # not Linux
        return max(1, min(4, os.cpu_count() or 1))


def _warn_unparsed(warned) -> None:
    """Parse warnings, (id, warnings) pairs, on stderr so pipes stay clean: each one
    when there are a few, else a count."""
    from newsreader.render.clean import clean_field

    flagged = list(warned)
    if len(flagged) > _WARN_EACH:
        first_id, first = flagged[0]
        sys.stderr.write(f"warning: {len(flagged)} articles have parse warnings, e.g. {clean_field(first_id)}: "
                         f"{clean_field('; '.join(first))} (`news list --json` shows them all)\n")
        return
    for article_id, warnings in flagged:
        sys.stderr.write(f"warning: {clean_field(article_id)}: {clean_field('; '.join(warnings))}\n")


def _warnings_of(articles):
    """(id, warnings) of the records that have warnings."""
    return [(article.id, article.warnings) for article in articles if article.warnings]


_WARN_EACH = 5  # more articles with warnings than this: one summary line instead


@app.command("list")
def list_command(
    ctx: typer.Context,
    section: Optional[str] = typer.Option(None, "--section", "-s", help="Only articles in this section (case-insensitive)."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=0, help="Show at most N articles; 0 = all. Default: all when piped, 100 on a terminal."),
    sort: SortKey = typer.Option(SortKey.date, "--sort", help="date (newest first), number, title or words (longest first)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: the record of each article without the body."),
) -> None:
    """List the articles: id, date, section, words, title.

    Piped, one tab-separated line per article (no header). Example:

        news list --section politics --sort words --limit 10
    """
    from newsreader.library import sort_articles
    from newsreader.model import Summary
    from newsreader.render import make_printer

    state: _State = ctx.obj
    output = _output(state.color)
    library = _library(state)
    if limit is None:
        limit = 100 if output.pretty and not as_json else 0
    printer = make_printer(sys.stdout, output, json=as_json)
    if as_json:
        articles = sort_articles(library.articles(section), sort.value)
        shown = articles[:limit] if limit else articles
        _warn_unparsed(_warnings_of(shown))
        return printer.articles(shown, len(articles))
    rows, warned = library.listing(section, sort.value)
    shown = rows[:limit] if limit else rows
    if not output.pretty:
        _warn_unparsed([(Summary.unpack(row).id, warned[row]) for row in shown if row in warned] if warned else [])
    printer.listing(shown, warned, len(rows))


@app.command("show")
def show_command(
    ctx: typer.Context,
    article_id: str = typer.Argument(..., metavar="ID", help="Full id, running number (0 or 000) or a hash prefix of 4+ characters."),
    as_json: bool = typer.Option(False, "--json", help="The full record as one JSON object."),
    raw: bool = typer.Option(False, "--raw", help="The original text of the file, decoded."),
    explain: bool = typer.Option(False, "--explain", help="Every line of the file with the role the parser gave it, and why."),
    width: int = typer.Option(80, "--width", "-w", min=0, help="Wrap plain output at N columns; 0 = no wrapping."),
    no_pager: bool = typer.Option(False, "--no-pager", help="Never use a pager."),
) -> None:
    """Show one article: title, metadata line, body.

    Example:

        news show 0            # by running number
        news show ab42 --raw   # by hash prefix, original text
    """
    from newsreader.errors import NewsError
    from newsreader.render import make_printer

    state: _State = ctx.obj
    output = _output(state.color)
    try:
        library = _library(state)
        entry, article = library.article(article_id)
    except NewsError as error:
        raise _fail(str(error), error.exit_code) from None
    from newsreader.library import raw_text

    text = raw_text(entry) if raw else None
    roles = library.explain(entry) if explain and not raw else None
    if output.pretty and not as_json and not no_pager:
        return _show_paged(article, output, text, roles)
    _print_article(make_printer(sys.stdout, output, json=as_json, wrap=width), article, text, roles)


def _print_article(printer, article, text: str | None, roles: list | None) -> None:
    """The article itself, its original ``text``, or the parser's reading of every line (``roles``)."""
    if text is not None:
        printer.raw(article, text)
    elif roles is not None:
        printer.explain(article, roles)
    else:
        printer.article(article)


def _show_paged(article, output, text: str | None, roles: list | None) -> None:
    """Render for the terminal and, when longer than the screen, send it through the pager."""
    import io

    from newsreader.render import make_printer
    from newsreader.render.pager import page

    buffer = io.StringIO()
    _print_article(make_printer(buffer, output), article, text, roles)
    shown = buffer.getvalue()
    command, env = _pager()
    if output.height and shown.count("\n") > output.height and page(shown, command, env):
        return
    sys.stdout.write(shown)


def _pager() -> tuple[str, dict[str, str]]:
    """$NEWS_PAGER, else $PAGER, else ``less -R``; LESS=FRX unless the user set LESS."""
    env = dict(os.environ)
    command = env.get("NEWS_PAGER") or env.get("PAGER") or "less -R"
    env.setdefault("LESS", "FRX")
    return command, env


@app.command("grep")
def grep_command(
    ctx: typer.Context,
    pattern: str = typer.Argument(..., help="A Python regular expression (or a literal string with -F)."),
    ignore_case: bool = typer.Option(False, "--ignore-case", "-i", help="Match regardless of case."),
    smart_case: bool = typer.Option(False, "--smart-case", "-S", help="Ignore case unless the pattern has an upper-case letter."),
    word: bool = typer.Option(False, "--word-regexp", "-w", help="Match whole words only."),
    fixed: bool = typer.Option(False, "--fixed-strings", "-F", help="Treat the pattern as a literal string."),
    count: bool = typer.Option(False, "--count", "-c", help="Print the number of matching paragraphs per article."),
    files: bool = typer.Option(False, "--files-with-matches", "-l", help="Print only the ids of matching articles."),
    context: int = typer.Option(0, "--context", "-C", min=0, help="Show N paragraphs before and after each match."),
    field: Field = typer.Option(Field.all, "--field", help="Search the title, the body, or all."),
    section: Optional[str] = typer.Option(None, "--section", "-s", help="Only articles in this section."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: one object per printed paragraph (or per article with -c/-l)."),
    full_scan: bool = typer.Option(False, "--full-scan", help="Run the regex on every article instead of narrowing with the index (same results, slower; for checking)."),
) -> None:
    """Search titles and bodies with a regular expression.

    Piped: id:paragraph:text lines (paragraph 0 is the title). Exit 0 when
    something matched, 1 when nothing did, 2 on error. Example:

        news grep -i 'cease-?fire' -C 1
    """
    from newsreader.errors import EXIT_NO_MATCH, NewsError
    from newsreader.render import make_printer
    from newsreader.search import compile_pattern, make_query

    state: _State = ctx.obj
    try:
        regex = compile_pattern(pattern, fixed=fixed, ignore_case=ignore_case, smart_case=smart_case, word=word)
    except NewsError as error:
        raise _fail(str(error), error.exit_code) from None
    mode = "files" if files else "count" if count else "lines"
    query = make_query(regex, field.value, context, mode)
    results = _library(state).grep(query, section, narrow=not full_scan)
    printer = make_printer(sys.stdout, _output(state.color), json=as_json)
    matched = printer.grep(results, mode, context)
    if not matched:
        raise typer.Exit(EXIT_NO_MATCH)


@app.command("export")
def export_command(
    ctx: typer.Context,
    section: Optional[str] = typer.Option(None, "--section", "-s", help="Only articles in this section."),
) -> None:
    """Print every article's full record as JSON Lines (schema in the README).

    Example:

        news export | jq -r .title
    """
    from newsreader.render.jsonl import JsonPrinter

    state: _State = ctx.obj
    articles = _library(state).all_articles(section)
    _warn_unparsed(_warnings_of(articles))
    JsonPrinter(sys.stdout).export(articles)


@app.command("index")
def index_command(ctx: typer.Context) -> None:
    """Build or update the folder's index now and say what changed.

    Every command does this on its own; run it to pay the cost up front
    (a progress bar shows on a terminal). Example:

        news --dir ~/scraped index
    """
    state: _State = ctx.obj
    if not state.cache:
        raise _fail("news index has nothing to do with --no-cache.")
    library = _library(state, full_check=True)
    if library.store is None or library.report is None:
        raise _fail("The index could not be opened or updated here.")
    report = library.report
    total = report.parsed + report.unchanged
    sys.stdout.write(f"{total} article{'' if total == 1 else 's'}: {report.parsed} parsed, "
                     f"{report.unchanged} unchanged, {report.dropped} dropped\n")


@app.command("search")
def search_command(
    ctx: typer.Context,
    query: str = typer.Argument(..., help='Words, "phrases", prefix*, AND / OR / NOT (SQLite FTS5 syntax).'),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Show the best N articles."),
    section: Optional[str] = typer.Option(None, "--section", "-s", help="Only articles in this section."),
    since: Optional[str] = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Only articles published on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Only articles published on or before this date."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: id, score, title and snippet per article."),
) -> None:
    """Ranked full-text search over titles and bodies (BM25; titles count more).

    Piped: id<TAB>score<TAB>title lines, best first. Exit 1 when nothing
    matched. Needs the index (not with --no-cache). Example:

        news search '"energy infrastructure" AND ceasefire' --since 2025-01-01
    """
    import re

    from newsreader.errors import EXIT_NO_MATCH
    from newsreader.render import make_printer
    from newsreader.store import StoreError

    state: _State = ctx.obj
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise _fail(f"{name} takes a date as YYYY-MM-DD, not {value!r}.")
    if not state.cache:
        raise _fail("news search needs the index; run it without --no-cache.")
    library = _library(state)
    if library.store is None:
        raise _fail("news search needs the index, and the index could not be opened here.")
    try:
        results = library.rank(query, limit, section, since, until)
    except StoreError as error:
        raise _fail(f"The search query {query!r} is not valid: {error}.") from None
    if library.store is None:
        raise _fail("The index was damaged and has been set aside; run the search again to rebuild it.")
    if not results:
        raise typer.Exit(EXIT_NO_MATCH)
    make_printer(sys.stdout, _output(state.color), json=as_json).ranked(results)


class _Interrupted(BaseException):
    """Ctrl-C, raised past Click's own handler (which would exit 1) so the status is 130."""


def _on_interrupt(signum, frame) -> None:
    raise _Interrupted


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, mapping Ctrl-C to 130 and a closed pipe to a quiet exit."""
    import signal

    signal.signal(signal.SIGINT, _on_interrupt)
    try:
        try:
            app(args=argv, prog_name="news")
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        code = _flush(code)
        # The work is done: a Ctrl-C while the interpreter shuts down (its handlers gone)
        # would otherwise kill a finished run by signal instead of letting it exit.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        return code
    except _Interrupted:
        sys.stderr.write("Interrupted.\n")
        return 130
    except BrokenPipeError:
        return _quiet_pipe()


def _flush(code: int) -> int:
    """Flush stdout now, so a reader that went away is noticed here and not at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_pipe()
    return code


def _quiet_pipe() -> int:
    """The reader closed the pipe (``news list | head``): stop quietly, as ripgrep does."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
