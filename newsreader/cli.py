"""The ``news`` command: a thin Typer layer over the library.

The only module that reads the process's environment (once, into an
:class:`~newsreader.env.Environment`), prints errors or exits. Each command
checks its options, calls one library operation and hands the result to the
printer chosen once by :meth:`Session.printer`; :func:`main` is the one place
a :class:`~newsreader.errors.NewsError` becomes ``Error: …`` and its exit
code. Only typer and the standard library load at the top, so ``news
--help`` stays fast; the library, Rich and the parser load inside commands.
"""

from __future__ import annotations

import contextlib
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from newsreader import __version__
from newsreader.errors import ExitCode, Interrupted, NewsError, UsageError

if TYPE_CHECKING:  # the records load with the commands that use them: `news --help` stays fast
    from newsreader.env import Environment

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


class Field(str, Enum):
    title = "title"
    body = "body"
    all = "all"


class Session:
    """One run: the environment and what the global options resolved to, shared with the
    commands through the context; makes the library and the printer the commands use."""

    def __init__(self, env: Environment, folder: Path | None, color: Color, cache: bool):
        self.env = env
        self.folder = folder
        self.cache = cache
        self.output = env.output(color.value)

    def library(self, full_check: bool = False):
        """The folder's library, its index brought up to date (a progress bar on a terminal)."""
        from newsreader.library import Library, source_folder
        from newsreader.render.messages import Messages
        from newsreader.render.progress import IndexProgress

        progress = IndexProgress(self.env.stderr) if self.env.stderr_isatty else None
        try:
            return Library.open(source_folder(self.folder, self.env), self.env, cache=self.cache,
                                full_check=full_check, warn=Messages(self.env.stderr).warning, progress=progress)
        finally:
            if progress:
                progress.close()

    def printer(self, json: bool = False, width: int = 80, paged: bool = False):
        from newsreader.render import make_printer

        return make_printer(self.env, self.output, json=json, width=width, paged=paged)


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        ctx.obj.stdout.write(f"news {__version__}\n")
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
    ctx.obj = Session(ctx.obj, folder, color, cache=not no_cache)


@app.command("list")
def list_command(
    ctx: typer.Context,
    section: Optional[str] = typer.Option(None, "--section", "-s", help="Only articles in this section (case-insensitive)."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=0, help="Show at most N articles; 0 = all. Default: all when piped, 100 on a terminal."),
    sort: str = typer.Option("date", "--sort", metavar="date|number|title|words", help="date (newest first), number, title or words (longest first)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: the record of each article without the body."),
) -> None:
    """List the articles: id, date, section, words, title.

    Piped, one tab-separated line per article (no header). Example:

        news list --section politics --sort words --limit 10
    """
    session: Session = ctx.obj
    printer = session.printer(json=as_json)
    limit = printer.default_limit if limit is None else limit
    printer.listing(session.library().listing(sort, section, limit, records=printer.needs_records))


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
    session: Session = ctx.obj
    library = session.library()
    entry, article = library.article(article_id)
    printer = session.printer(json=as_json, width=width, paged=not no_pager)
    if raw:
        printer.raw(article, library.raw(entry))
    elif explain:
        printer.explain(article, library.explain(entry))
    else:
        printer.article(article)


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
    timeout: float = typer.Option(10.0, "--timeout", min=0, metavar="SECONDS", help="Stop a pattern that runs longer than this on one article (exit 2); 0 = no limit."),
) -> None:
    """Search titles and bodies with a regular expression.

    Piped: id:paragraph:text lines (paragraph 0 is the title). Exit 0 when
    something matched, 1 when nothing did, 2 on error. Example:

        news grep -i 'cease-?fire' -C 1
    """
    session: Session = ctx.obj
    mode = "files" if files else "count" if count else "lines"
    results = session.library().grep(pattern, fixed=fixed, ignore_case=ignore_case, smart_case=smart_case, word=word,
                                     field=field.value, context=context, mode=mode, section=section,
                                     narrow=not full_scan, timeout=timeout)
    if not session.printer(json=as_json).grep(results, mode, context):
        raise typer.Exit(ExitCode.NO_MATCH)


@app.command("export")
def export_command(
    ctx: typer.Context,
    section: Optional[str] = typer.Option(None, "--section", "-s", help="Only articles in this section."),
) -> None:
    """Print every article's full record as JSON Lines (schema in the README).

    Example:

        news export | jq -r .title
    """
    session: Session = ctx.obj
    session.printer(json=True).articles(session.library().export(section))


@app.command("index")
def index_command(ctx: typer.Context) -> None:
    """Build or update the folder's index now and say what changed.

    Every command does this on its own; run it to pay the cost up front
    (a progress bar shows on a terminal). Example:

        news --dir ~/scraped index
    """
    session: Session = ctx.obj
    if not session.cache:
        raise UsageError("news index has nothing to do with --no-cache.")
    session.printer().report(session.library(full_check=True).update())


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
    matched. Example:

        news search '"energy infrastructure" AND ceasefire' --since 2025-01-01
    """
    import re

    session: Session = ctx.obj
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise UsageError(f"{name} takes a date as YYYY-MM-DD, not {value!r}.")
    results = session.library().rank(query, limit, section, since, until)
    if not results:
        raise typer.Exit(ExitCode.NO_MATCH)
    session.printer(json=as_json).ranked(results)


def _on_interrupt(signum, frame) -> None:
    """Ctrl-C: raised as Interrupted, past Click's own handler, so the status is 130."""
    raise Interrupted


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """Run ``news`` with ``argv`` in ``env`` (this process's when None) and return the exit
    status: the one place errors become messages, Ctrl-C becomes 130 and a closed pipe a quiet end."""
    import signal

    import click

    from newsreader.env import Environment

    env = env or Environment.from_process()
    previous = signal.signal(signal.SIGINT, _on_interrupt)
    try:
        # Click writes help, usage errors and --version through sys.stdout/stderr: point those at env's
        with contextlib.redirect_stdout(env.stdout), contextlib.redirect_stderr(env.stderr):
            done = app(args=argv, prog_name="news", standalone_mode=False, obj=env)
        code = done if isinstance(done, int) else ExitCode.OK
        env.stdout.flush()  # a reader that went away is noticed here, not at exit
        return int(code)
    except NewsError as error:
        _report(env, error)
        return int(error.exit_code)
    except click.ClickException as error:
        error.show(file=env.stderr)
        return error.exit_code
    except click.exceptions.Abort:
        env.stderr.write("Aborted.\n")
        return int(ExitCode.ERROR)
    except SystemExit as done:  # Typer's own exits (a pipe closed while it wrote)
        return done.code if isinstance(done.code, int) else int(ExitCode.ERROR if done.code else ExitCode.OK)
    except Interrupted:
        env.stderr.write("Interrupted.\n")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return _quiet_pipe(env)
    finally:
        signal.signal(signal.SIGINT, previous)


def _report(env: Environment, error: NewsError) -> None:
    from newsreader.render.messages import Messages

    Messages(env.stderr).error(str(error))


def _quiet_pipe(env: Environment) -> int:
    """The reader closed the pipe (``news list | head``): stop quietly, as ripgrep does."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, env.stdout.fileno())
    except (OSError, ValueError):
        pass  # a stream without a descriptor (in tests): nothing will flush to a closed pipe
    return int(ExitCode.OK)


def run() -> None:
    """Console-script entry point."""
    import signal

    code = main()
    # The work is done: a Ctrl-C while the interpreter shuts down (its handlers gone) would
    # otherwise kill a finished run by signal instead of letting it exit.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)
