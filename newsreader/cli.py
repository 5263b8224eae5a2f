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
from typing import TYPE_CHECKING, Annotated

import typer

from newsreader import __version__
from newsreader.errors import (
    ExitCode,
    Interrupted,
    NewsError,
    OutputError,
    PipeClosed,
    UsageError,
)

if TYPE_CHECKING:  # the records load with the commands that use them: `news --help` stays fast
    from newsreader.env import Environment
    from newsreader.model import Article

app = typer.Typer(
    name="news",
    help="Read, list, search and export a folder of scraped news articles.\n\n"
    "Example: news --dir ~/scraped list --section Politics",
    add_completion=True,  # --install-completion: commands, options, ids and sections
    suggest_commands=False,  # Click suggests a command for a typo already: once is enough
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


class Rank(str, Enum):
    score = "score"
    date = "date"


def _completing_library(ctx: typer.Context):
    """The library a completion reads: the folder --dir names on the line being completed, else
    the default one (the group's callback has not run while a shell completes)."""
    from newsreader.env import Environment
    from newsreader.library import Library, source_folder

    env = Environment.from_process()
    folder = ctx.find_root().params.get("folder")
    return Library.open(source_folder(folder, env), env)


def _complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Ids that begin with what was typed (at most 200: a shell shows no more)."""
    try:
        return _completing_library(ctx).ids_starting(incomplete)
    except NewsError:
        return []


def _complete_sections(ctx: typer.Context, incomplete: str) -> list[str]:
    """Sections that begin with what was typed, ignoring case."""
    try:
        sections = _completing_library(ctx).sections()
    except NewsError:
        return []
    wanted = incomplete.casefold()
    return [count.section for count in sections if count.section.casefold().startswith(wanted)]


# The filters every command that reads many articles takes (see newsreader.filters).
Section = Annotated[
    str | None,
    typer.Option(
        "--section",
        "-s",
        help="Only articles in this section (any case).",
        autocompletion=_complete_sections,
    ),
]
Author = Annotated[
    str | None,
    typer.Option("--author", "-a", help="Only articles by an author whose name holds this."),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Only articles published on or after DATE: 2024-03-05, 2024-03, yesterday, 7d, 2w, 3 months.",
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only articles published on or before DATE (as --since)."
    ),
]
Json = Annotated[bool, typer.Option("--json", help="JSON Lines (schema in the README).")]


class Session:
    """One run: the environment and what the global options resolved to, shared with the
    commands through the context; makes the library and the printer the commands use."""

    def __init__(
        self,
        env: Environment,
        folder: Path | None,
        color: Color,
        plain: bool,
        cache: bool,
        scanning: tuple[bool, tuple[str, ...], tuple[str, ...]],
    ):
        self.env = env
        self.folder = folder
        self.cache = cache
        self.scanning = scanning  # recursive, include, exclude
        self.output = env.output(color.value, plain)

    def library(self, full_check: bool = False):
        """The folder's library, its index brought up to date (a progress bar on a terminal);
        the parse warnings of the files it had to read are said once, here."""
        from newsreader.library import Library, source_folder
        from newsreader.model import ScanOptions
        from newsreader.render.messages import Messages
        from newsreader.render.progress import IndexProgress

        messages = Messages(self.env.stderr)
        progress = IndexProgress(self.env.stderr) if self.env.stderr_isatty else None
        try:
            library = Library.open(
                source_folder(self.folder, self.env),
                self.env,
                cache=self.cache,
                full_check=full_check,
                warn=messages.warning,
                progress=progress,
                scanning=ScanOptions(*self.scanning),
            )
        finally:
            if progress:
                progress.close()
        if library.report and library.report.warned:
            messages.parse_warnings(library.report.warned)
        return library

    def printer(self, json: bool = False, width: int | None = None, paged: bool = False):
        from newsreader.render import make_printer

        return make_printer(self.env, self.output, json=json, width=width, paged=paged)


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        ctx.obj.stdout.write(f"news {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    folder: Path | None = typer.Option(
        None,
        "--dir",
        "-d",
        metavar="PATH",
        help="Folder of raw news files. Default: $NEWS_DIR, else ./seeds, else the bundled seeds.",
    ),
    color: Color = typer.Option(
        Color.auto, "--color", help="Colours: auto (on terminals), always (even piped), never."
    ),
    plain: bool = typer.Option(
        False, "--plain", help="The plain, pipe-friendly layout even on a terminal."
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Do not use or update the index; parse every file."
    ),
    recursive: bool = typer.Option(
        False,
        "--recursive",
        "-R",
        help="Read the subfolders too (ids keep the path below the folder).",
    ),
    include: list[str] = typer.Option(
        [],
        "--include",
        metavar="GLOB",
        help="Read files matching GLOB as articles whatever they look like (repeatable).",
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", metavar="GLOB", help="Never read files matching GLOB (repeatable)."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Read, list, search and export a folder of scraped news articles.

    Global options may also follow the command. Example: news list --dir ~/scraped --section Politics
    """
    ctx.obj = Session(
        ctx.obj, folder, color, plain, not no_cache, (recursive, tuple(include), tuple(exclude))
    )


@app.command("list")
def list_command(
    ctx: typer.Context,
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    limit: int | None = typer.Option(
        None,
        "--limit",
        "-n",
        min=0,
        help="Show at most N articles; 0 = all. Default: all when piped, 100 on a terminal.",
    ),
    sort: str = typer.Option(
        "date",
        "--sort",
        metavar="date|number|title|words",
        help="date (newest first), number, title or words (longest first).",
    ),
    reverse: bool = typer.Option(
        False, "--reverse", "-r", help="The other way round (undated articles stay last)."
    ),
    as_json: Json = False,
) -> None:
    """List the articles: id, date, section, words, title.

    Piped, one tab-separated line per article (no header). Example:

    \b
        news list --section politics --since 7d --sort words --limit 10
    """
    session: Session = ctx.obj
    printer = session.printer(json=as_json)
    limit = printer.default_limit if limit is None else limit
    library = session.library()
    filters = library.filters(section, author, since, until)
    printer.listing(
        library.listing(sort, filters, limit, records=printer.needs_records, reverse=reverse)
    )


@app.command("show")
def show_command(
    ctx: typer.Context,
    article_ids: list[str] = typer.Argument(
        ...,
        metavar="ID...",
        autocompletion=_complete_ids,
        help="Full id, running number (0 or 000), a hash prefix of 4+ characters, or - to read ids from stdin, one a line.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="The full record as JSON (one object a line for several)."
    ),
    raw: bool = typer.Option(False, "--raw", help="The original text of the file, decoded."),
    explain: bool = typer.Option(
        False, "--explain", help="Every line of the file with the role the parser gave it, and why."
    ),
    width: int | None = typer.Option(
        None,
        "--width",
        "-w",
        min=0,
        help="Wrap text at N columns; 0 = no wrapping. Default: 80 piped, the terminal's width up to 90 on a terminal.",
    ),
    no_pager: bool = typer.Option(False, "--no-pager", help="Never use a pager."),
    open_url: bool = typer.Option(
        False, "--open", help="Open the article's web address in the browser instead."
    ),
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Show articles: title, metadata line, body.

    Several articles are separated by a form feed line when piped. Example:

    \b
        news show 0                   # by running number
        news show ab42 --raw          # by hash prefix, original text
        news grep -l ferry | news show -
    """
    session: Session = ctx.obj
    library = session.library()
    ids = _ids(article_ids, session.env)
    if open_url:
        if len(ids) != 1 or raw or explain:
            raise UsageError("--open opens one article, and shows nothing.")
        _open_in_browser(library.article(ids[0])[1])
        return
    printer = session.printer(json=as_json, width=width, paged=not no_pager)
    if len(ids) == 1 and (raw or explain):
        place, article = library.article(ids[0])
        if raw:
            printer.raw(article, library.raw(place))
        else:
            printer.explain(article, library.explain(place))
    elif raw or explain:
        raise UsageError("--raw and --explain show one article at a time.")
    elif len(ids) == 1 and not library.filters(section, author, since, until):
        printer.article(library.article(ids[0])[1])
    else:
        printer.articles(library.articles(ids, library.filters(section, author, since, until)))


def _open_in_browser(article: Article) -> None:
    """Open the article's address in the user's browser (``$BROWSER`` or the system's): only a
    web address (http, https), as a file's text may name anything."""
    url = (article.url or "").strip()
    if not url:
        raise UsageError(f"The article {article.id!r} names no web address.")
    if url.split(":", 1)[0].lower() not in ("http", "https") or not url.isprintable():
        raise UsageError(f"The article {article.id!r} names no web address (only {url!r}).")
    import webbrowser

    if not webbrowser.open(url):
        raise UsageError(f"No browser could open {url}.")


def _ids(given: list[str], env: Environment) -> list[str]:
    """The ids given, with ``-`` standing for the lines of stdin (what precedes a tab on each:
    ``news list`` lines work as well as ``grep -l`` lines)."""
    ids = []
    for given_id in given:
        if given_id == "-":
            ids.extend(line.split("\t", 1)[0].strip() for line in env.stdin if line.strip())
        else:
            ids.append(given_id)
    if not ids:
        raise UsageError("No ids were given (stdin was empty).")
    return ids


@app.command("grep")
def grep_command(
    ctx: typer.Context,
    pattern: str = typer.Argument(
        ..., help="A Python regular expression (or a literal string with -F)."
    ),
    ignore_case: bool = typer.Option(
        False, "--ignore-case", "-i", help="Match regardless of case."
    ),
    smart_case: bool = typer.Option(
        False, "--smart-case", "-S", help="Ignore case unless the pattern has an upper-case letter."
    ),
    word: bool = typer.Option(False, "--word-regexp", "-w", help="Match whole words only."),
    fixed: bool = typer.Option(
        False, "--fixed-strings", "-F", help="Treat the pattern as a literal string."
    ),
    count: bool = typer.Option(
        False, "--count", "-c", help="Print the number of matching paragraphs per article."
    ),
    files: bool = typer.Option(
        False, "--files-with-matches", "-l", help="Print only the ids of matching articles."
    ),
    context: int = typer.Option(
        0, "--context", "-C", min=0, help="Show N paragraphs before and after each match."
    ),
    line_number: bool = typer.Option(
        False, "--line-number", "-n", help="Print path:line:text, the line of the raw file."
    ),
    vimgrep: bool = typer.Option(
        False, "--vimgrep", help="Print path:line:column:text for every match, as editors read it."
    ),
    field: Field = typer.Option(Field.all, "--field", help="Search the title, the body, or all."),
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    as_json: bool = typer.Option(
        False,
        "--json",
        help="JSON Lines: one object per printed paragraph (or per article with -c/-l).",
    ),
    full_scan: bool = typer.Option(
        False,
        "--full-scan",
        help="Run the regex on every article instead of narrowing with the index (same results, slower; for checking).",
    ),
    timeout: float = typer.Option(
        10.0,
        "--timeout",
        min=0,
        metavar="SECONDS",
        help="Stop a pattern that runs longer than this on one article (exit 2); 0 = no limit.",
    ),
) -> None:
    """Search titles and bodies with a regular expression.

    Piped: id:paragraph:text lines (paragraph 0 is the title). Exit 0 when
    something matched, 1 when nothing did, 2 on error. Example:

    \b
        news grep -i 'cease-?fire' -C 1 --since 7d
    """
    session: Session = ctx.obj
    mode = (
        "files"
        if files
        else "count"
        if count
        else "vimgrep"
        if vimgrep
        else "numbered"
        if line_number
        else "lines"
    )
    library = session.library()
    filters = library.filters(section, author, since, until)
    results = library.grep(
        pattern,
        fixed=fixed,
        ignore_case=ignore_case,
        smart_case=smart_case,
        word=word,
        field=field.value,
        context=context,
        mode=mode,
        filters=filters,
        narrow=not full_scan,
        timeout=timeout,
    )
    if not session.printer(json=as_json).grep(results, mode, context):
        raise typer.Exit(ExitCode.NO_MATCH)


@app.command("search")
def search_command(
    ctx: typer.Context,
    query: str = typer.Argument(
        ..., help='Words (all must appear), "phrases", prefix*, AND / OR / NOT, ( ).'
    ),
    limit: int = typer.Option(
        20, "--limit", "-n", min=0, help="Show the best N articles; 0 = all."
    ),
    rank: Rank = typer.Option(
        Rank.score, "--sort", help="score (best first) or date (newest first)."
    ),
    reverse: bool = typer.Option(False, "--reverse", "-r", help="The other way round."),
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    as_json: bool = typer.Option(
        False, "--json", help="JSON Lines: id, score, title and snippet per article."
    ),
) -> None:
    """Ranked full-text search over titles and bodies (BM25; titles count more).

    Ordinary text works: cease-fire, U.S., don't, $10 are searched as the
    words they hold. Piped: id<TAB>score<TAB>title lines, best first. Exit 1
    when nothing matched. Example:

    \b
        news search '"energy infrastructure" AND ceasefire' --since 2025-01-01
    """
    session: Session = ctx.obj
    library = session.library()
    filters = library.filters(section, author, since, until)
    results = library.rank(query, limit, filters, by_date=rank is Rank.date, reverse=reverse)
    session.printer(json=as_json).ranked(results)
    if not results:
        raise typer.Exit(ExitCode.NO_MATCH)


@app.command("export")
def export_command(
    ctx: typer.Context,
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    form: str = typer.Option(
        "jsonl",
        "--format",
        "-f",
        metavar="FORMAT",
        help="jsonl (the full records), csv (a header row, then a row each) or md (Markdown).",
    ),
    output_dir: Path | None = typer.Option(
        None,
        "--output-dir",
        "-o",
        help="With md: write one file per article, ID.md, into this folder (made if missing).",
    ),
) -> None:
    """Print every article's full record: JSON Lines (schema in the README), CSV or Markdown.

    Example:

    \b
        news export --since 2025-01 | jq -r .title
        news export --format csv > articles.csv
        news export --format md --output-dir notes/
    """
    if form not in ("jsonl", "csv", "md"):
        raise UsageError(f"There is no export format {form!r}; the formats are jsonl, csv, md.")
    if output_dir is not None and form != "md":
        raise UsageError("--output-dir writes Markdown files: use it with --format md.")
    session: Session = ctx.obj
    library = session.library()
    articles = library.export(library.filters(section, author, since, until))
    if form == "jsonl":
        session.printer(json=True).articles(articles)
        return
    from newsreader.render import export

    if output_dir is not None:
        folder = library.output_folder(output_dir)
        try:
            written = export.write_markdown_files(articles, folder)
        except OSError as error:
            raise OutputError(f"Could not write to {folder}: {error.strerror or error}.") from None
        session.env.stderr.write(f"wrote {written} file{'s' * (written != 1)} to {folder}\n")
    elif form == "csv":
        export.write_csv(articles, session.env.stdout)
    else:
        export.write_markdown(articles, session.env.stdout)


@app.command("sections")
def sections_command(ctx: typer.Context, as_json: Json = False) -> None:
    """List the sections: name, articles, first and last date.

    Sections that differ only in case are one. Example:

    \b
        news sections --json | jq -r .section
    """
    session: Session = ctx.obj
    session.printer(json=as_json).sections(session.library().sections())


@app.command("check")
def check_command(ctx: typer.Context, as_json: Json = False) -> None:
    """List the parse warnings of every article (each is said once, when it is read).

    Piped: id<TAB>warning lines. Exit 1 when there are none. Example:

    \b
        news check | cut -f2 | sort | uniq -c
    """
    session: Session = ctx.obj
    warned = session.library().warnings()
    session.printer(json=as_json).warnings(warned)
    if not warned:
        raise typer.Exit(ExitCode.NO_MATCH)


@app.command("index")
def index_command(ctx: typer.Context) -> None:
    """Build or update the folder's index now and say what changed.

    Every command does this on its own; run it to pay the cost up front
    (a progress bar shows on a terminal). Example:

    \b
        news --dir ~/scraped index
    """
    session: Session = ctx.obj
    if not session.cache:
        raise UsageError("news index has nothing to do with --no-cache.")
    session.printer().report(session.library(full_check=True).update())


# Global options, as they may also stand after the command: whether each takes a value.
_GLOBALS = {
    "--dir": True,
    "-d": True,
    "--color": True,
    "--no-cache": False,
    "--plain": False,
    "--recursive": False,
    "-R": False,
    "--include": True,
    "--exclude": True,
}


def hoist_global_options(argv: list[str]) -> list[str]:
    """``argv`` with the global options that follow the command moved before it, as ripgrep and
    git take flags anywhere (``news list --dir x`` is ``news --dir x list``). Nothing after a
    ``--`` moves, nor a word that is an option's value."""
    command = _command_at(argv)
    if command is None:
        return argv
    before, after, moved = argv[: command + 1], [], []
    rest = iter(argv[command + 1 :])
    for word in rest:
        if word == "--":
            after += [word, *rest]
            break
        name, equals, _ = word.partition("=")
        if name in _GLOBALS:
            moved.append(word)
            if _GLOBALS[name] and not equals:
                moved.append(next(rest, ""))
        else:
            after.append(word)
    return [*before[:command], *moved, before[command], *after]


def _command_at(argv: list[str]) -> int | None:
    """Where the command name stands: the first word that is neither an option nor a value."""
    at = 0
    while at < len(argv):
        word = argv[at]
        if not word.startswith("-"):
            return at
        name, equals, _ = word.partition("=")
        at += 2 if _GLOBALS.get(name) and not equals else 1
    return None


def _on_interrupt(signum, frame) -> None:
    """Ctrl-C: raised as Interrupted, past Click's own handler, so the status is 130."""
    raise Interrupted


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """Run ``news`` with ``argv`` in ``env`` (this process's when None) and return the exit
    status: the one place errors become messages, Ctrl-C becomes 130 and a closed pipe a quiet
    end with the status the output had earned (ripgrep's way)."""
    import signal
    from dataclasses import replace

    import click

    from newsreader.env import Environment, WatchedStream

    env = env or Environment.from_process()
    env = replace(env, stdout=WatchedStream(env.stdout))
    argv = hoist_global_options(sys.argv[1:] if argv is None else list(argv))
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
    except Interrupted:
        env.stderr.write("Interrupted.\n")
        return int(ExitCode.INTERRUPTED)
    except PipeClosed:
        return _quiet_pipe(env)
    finally:
        signal.signal(signal.SIGINT, previous)


def _report(env: Environment, error: NewsError) -> None:
    from newsreader.render.messages import Messages

    Messages(env.stderr).error(str(error))


def _quiet_pipe(env: Environment) -> int:
    """The reader closed the pipe (``news grep x | head -1``): stop quietly, as ripgrep does,
    with the status of what was printed (something was, or the write would not have failed)."""
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
