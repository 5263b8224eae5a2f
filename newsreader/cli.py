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
import copy
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
    from newsreader.library import Library
    from newsreader.model import Article, Filters

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


def _complete_languages(ctx: typer.Context, incomplete: str) -> list[str]:
    """The folder's languages that begin with what was typed."""
    try:
        languages = _completing_library(ctx).languages()
    except NewsError:
        return []
    return [code for code in languages if code.startswith(incomplete.lower())]


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
Language = Annotated[
    str | None,
    typer.Option(
        "--language",
        metavar="CODE",
        help="Only articles in this language (ISO 639-1: en, de; any of several: en,de).",
        autocompletion=_complete_languages,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="JSON Lines (schema in the README).")]
# The filters on what the reader has said of the articles (see `news mark`, `star`, `tag`).
Unread = Annotated[bool, typer.Option("--unread", help="Only articles not marked read.")]
Read = Annotated[bool, typer.Option("--read", help="Only articles marked read.")]
Starred = Annotated[bool, typer.Option("--starred", help="Only starred articles.")]
Tags = Annotated[
    list[str],
    typer.Option(
        "--tag", metavar="NAME", help="Only articles tagged NAME (repeatable: all must match)."
    ),
]


def _read_filter(unread: bool, read: bool) -> bool | None:
    """--unread (False), --read (True) or neither (None); both at once is a mistake."""
    if unread and read:
        raise UsageError("--unread and --read leave no article; give one of them.")
    return True if read else False if unread else None


Collapse = Annotated[
    bool,
    typer.Option(
        "--collapse",
        help="One article per group of wire copies (see news dupes), with how many it stands for.",
    ),
]


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
    folder: str | None = typer.Option(
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
        [],
        "--exclude",
        metavar="GLOB",
        help="Never read files matching GLOB (repeatable; as in .gitignore, a GLOB without a "
        "slash matches a file or folder name at any depth).",
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Read, list, search and export a folder of scraped news articles.

    Global options may also follow the command. Example: news list --dir ~/scraped --section Politics
    """
    if folder == "":  # as rg and ls read '': no folder, not the current one ("$UNSET")
        raise typer.BadParameter(
            "is empty: name a folder, or leave the option out", param_hint="--dir"
        )
    ctx.obj = Session(
        ctx.obj,
        None if folder is None else Path(folder),
        color,
        plain,
        not no_cache,
        (recursive, tuple(include), tuple(exclude)),
    )


@app.command("list")
def list_command(
    ctx: typer.Context,
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
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
    unread: Unread = False,
    read: Read = False,
    starred: Starred = False,
    tags: Tags = [],  # noqa: B006 (Typer reads the default; it is never changed)
    new: bool = typer.Option(
        False,
        "--new",
        help="Only articles not shown by an earlier --new; they then count as shown.",
    ),
    saved: str | None = typer.Option(
        None, "--saved", metavar="NAME", help="The articles of a saved search (see news saved)."
    ),
    collapse: Collapse = False,
    as_json: Json = False,
) -> None:
    """List the articles: id, date, section, words, title.

    Piped, one tab-separated line per article (no header). Example:

    \b
        news list --section politics --since 7d --sort words --limit 10
        news list --unread --tag eu
    """
    session: Session = ctx.obj
    printer = session.printer(json=as_json)
    limit = printer.default_limit if limit is None else limit
    library = session.library()
    filters = _filters(
        library,
        section,
        author,
        since,
        until,
        language,
        unread,
        read,
        starred,
        tags,
        new=new,
        saved=saved,
    )
    printer.listing(
        library.listing(
            sort, filters, limit, records=printer.needs_records, reverse=reverse, collapse=collapse
        )
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
    raw: bool = typer.Option(
        False,
        "--raw",
        help="The text the parser read: a text dump as it is, decoded; a page, record or item as "
        "its text (not the markup).",
    ),
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
    keep_unread: bool = typer.Option(
        False, "--keep-unread", help="Do not mark the articles shown as read."
    ),
    open_url: bool = typer.Option(
        False, "--open", help="Open the article's web address in the browser instead."
    ),
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
    unread: Unread = False,
    read: Read = False,
    starred: Starred = False,
    tags: Tags = [],  # noqa: B006
) -> None:
    """Show articles: title, metadata line, body; they count as read from then on (not with
    --json, --raw or --explain: records for scripts, and the file as it is, are not reading).

    Several articles are separated by a form feed line when piped. Example:

    \b
        news show 0                   # by running number
        news show ab42 --raw          # by hash prefix, the text as read
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
    else:
        filters = _filters(
            library, section, author, since, until, language, unread, read, starred, tags
        )
        reading = not keep_unread and not as_json
        if len(ids) == 1 and not filters:
            printer.article(library.article(ids[0], mark_read=reading)[1])
        else:
            shown = library.articles(ids, filters, mark_read=reading)
            printer.articles(shown)
            if not shown:  # every article asked for was filtered out: say so, as grep would
                from newsreader.render.messages import Messages

                Messages(session.env.stderr).note("No article given passes the filters.")
                raise typer.Exit(ExitCode.NO_MATCH)


def _filters(
    library: Library,
    section: str | None,
    author: str | None,
    since: str | None,
    until: str | None,
    language: str | None,
    unread: bool,
    read: bool,
    starred: bool,
    tags: list[str],
    **more,
) -> Filters:
    """The filters every command that reads many articles takes, as the library reads them
    (``more``: a command's own, such as ``new`` and ``saved``)."""
    return library.filters(
        section,
        author,
        since,
        until,
        language=language,
        read=_read_filter(unread, read),
        starred=starred,
        tags=tags,
        **more,
    )


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
    language: Language = None,
    unread: Unread = False,
    read: Read = False,
    starred: Starred = False,
    tags: Tags = [],  # noqa: B006
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
    filters = _filters(
        library, section, author, since, until, language, unread, read, starred, tags
    )
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
    collapse: Collapse = False,
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
    unread: Unread = False,
    read: Read = False,
    starred: Starred = False,
    tags: Tags = [],  # noqa: B006
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
    filters = _filters(
        library, section, author, since, until, language, unread, read, starred, tags
    )
    results = library.rank(
        query, limit, filters, by_date=rank is Rank.date, reverse=reverse, collapse=collapse
    )
    session.printer(json=as_json).ranked(results)
    if not results:
        raise typer.Exit(ExitCode.NO_MATCH)


@app.command("dupes")
def dupes_command(
    ctx: typer.Context,
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
    as_json: Json = False,
) -> None:
    """List groups of wire copies: near-duplicate articles, the same story on several sites.

    Piped: group<TAB>id<TAB>date<TAB>section<TAB>words<TAB>title lines, the
    largest group first, each oldest first. Exit 1 when no article has a
    copy. list and search take --collapse to show one article per group.
    Example:

    \b
        news dupes --since 7d
    """
    session: Session = ctx.obj
    library = session.library()
    groups = library.copies(library.filters(section, author, since, until, language=language))
    session.printer(json=as_json).copies(groups)
    if not groups:
        raise typer.Exit(ExitCode.NO_MATCH)


@app.command("export")
def export_command(
    ctx: typer.Context,
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
    unread: Unread = False,
    read: Read = False,
    starred: Starred = False,
    tags: Tags = [],  # noqa: B006
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
    filters = _filters(
        library, section, author, since, until, language, unread, read, starred, tags
    )
    articles = library.export(filters)
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
        from newsreader.render.messages import Messages

        Messages(session.env.stderr).note(f"wrote {written} file{'s' * (written != 1)} to {folder}")
    elif form == "csv":
        export.write_csv(articles, session.env.stdout)
    else:
        export.write_markdown(articles, session.env.stdout)


@app.command("sections")
def sections_command(ctx: typer.Context, as_json: Json = False) -> None:
    """List the sections: name, articles, first and last date, unread articles.

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


class MarkAs(str, Enum):
    read = "read"
    unread = "unread"


Ids = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ID...",
        autocompletion=_complete_ids,
        help="Ids as news show takes them, or - to read ids from stdin, one a line.",
    ),
]


@app.command("mark")
def mark_command(
    ctx: typer.Context,
    how: MarkAs = typer.Argument(..., metavar="read|unread", help="Mark as read or as unread."),
    article_ids: Ids = None,
    every: bool = typer.Option(False, "--all", help="Every article (of --section, --before)."),
    section: Section = None,
    before: str | None = typer.Option(
        None, "--before", metavar="DATE", help="Only articles published before DATE (as --since)."
    ),
) -> None:
    """Mark articles read or unread.

    Example:

    \b
        news mark read 0 12 ab42
        news mark read --all --before 7d
        news grep -l ferry | news mark unread -
    """
    session: Session = ctx.obj
    given = every or section is not None or before is not None
    if bool(article_ids) == given:
        raise UsageError("Give ids, or --all, --section or --before (not both).")
    library = session.library()
    ids = _ids(article_ids, session.env) if article_ids else []
    filters = library.filters(section, before=before) if given else None
    session.printer().changed(library.mark_read(ids, how is MarkAs.read, filters))


@app.command("star")
def star_command(ctx: typer.Context, article_ids: Ids = None) -> None:
    """Star articles (news list --starred lists them).

    Example:

    \b
        news star 0 ab42
    """
    session: Session = ctx.obj
    library = session.library()
    session.printer().changed(library.star(_ids(article_ids or [], session.env)))


@app.command("unstar")
def unstar_command(ctx: typer.Context, article_ids: Ids = None) -> None:
    """Take the stars of articles away.

    Example:

    \b
        news list --starred | news unstar -
    """
    session: Session = ctx.obj
    library = session.library()
    session.printer().changed(library.star(_ids(article_ids or [], session.env), starred=False))


@app.command(
    "tag", context_settings={"ignore_unknown_options": True, "allow_interspersed_args": True}
)
def tag_command(
    ctx: typer.Context,
    words: list[str] = typer.Argument(
        ..., metavar="ID... +TAG -TAG", help="Ids (or -), then +tag to add and -tag to remove."
    ),
) -> None:
    """Add and remove tags (news list --tag NAME lists the articles with one).

    A tag is a word: letters, digits, '_', '-', '.'; case does not matter. Example:

    \b
        news tag 0 12 +eu +climate -draft
    """
    session: Session = ctx.obj
    changes = [word for word in words if word[:1] in "+-" and len(word) > 1]
    if not changes:
        raise UsageError("Give at least one +tag to add or -tag to remove.")
    ids = [word for word in words if not (word[:1] in "+-" and len(word) > 1)]
    library = session.library()
    session.printer().changed(library.tag(_ids(ids, session.env), changes))


@app.command("browse")
def browse_command(
    ctx: typer.Context,
    section: Section = None,
    language: Language = None,
    unread: Unread = False,
    starred: Starred = False,
    tags: Tags = [],  # noqa: B006
    saved: str | None = typer.Option(
        None, "--saved", metavar="NAME", help="The articles of a saved search."
    ),
) -> None:
    """Read in a full-screen browser: Enter reads, n/p next/previous unread, ? the keys.

    Opening an article marks it read. Example:

    \b
        news browse --unread
    """
    session: Session = ctx.obj
    if not (session.env.stdout_isatty and session.env.stdin_isatty):
        raise UsageError("news browse needs a terminal.")
    library = session.library()
    filters = library.filters(
        section,
        language=language,
        read=False if unread else None,
        starred=starred,
        tags=tags,
        saved=saved,
    )
    from newsreader.browse import browse

    browse(library, filters)


def _group(name: str, summary: str) -> typer.Typer:
    """A command with commands of its own (``news saved add``), added to ``news``."""
    group = typer.Typer(help=summary, no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(group, name=name)
    return group


saved_app = _group(
    "saved", "Keep searches and list them as folders of their own (news list --saved NAME)."
)


@saved_app.command("add")
def saved_add_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A word: letters, digits, '_', '-', '.'."),
    query: str = typer.Argument("", help="A news search query; empty for every article."),
    section: Section = None,
    author: Author = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
    unread: Unread = False,
    starred: Starred = False,
    tags: Tags = [],  # noqa: B006
    replace: bool = typer.Option(False, "--replace", help="Replace a search of that name."),
) -> None:
    """Keep a search under a name; dates such as 7d stay relative to each day it is used.

    Example:

    \b
        news saved add climate 'climate OR emissions' --since 7d --unread
        news list --saved climate
    """
    session: Session = ctx.obj
    filters = {"section": section, "author": author, "since": since, "until": until}
    filters.update(language=language, unread=unread, starred=starred, tags=tuple(tags))
    saved = session.library().save_search(name, query, filters, replace)
    session.printer().note(f"saved the search {saved.name!r}")


@saved_app.command("list")
def saved_list_command(ctx: typer.Context, as_json: Json = False) -> None:
    """List the saved searches: name, unread, articles, query, filters.

    Example:

    \b
        news saved list
    """
    session: Session = ctx.obj
    session.printer(json=as_json).saved(session.library().saved_searches())


@saved_app.command("remove")
def saved_remove_command(ctx: typer.Context, name: str = typer.Argument(...)) -> None:
    """Forget a saved search (the articles are not touched).

    Example:

    \b
        news saved remove climate
    """
    session: Session = ctx.obj
    session.library().remove_search(name)
    session.printer().note(f"removed the saved search {name!r}")


state_app = _group(
    "state", "Back up, restore and tidy the reader's marks (read, stars, tags, saved searches)."
)


@state_app.command("export")
def state_export_command(ctx: typer.Context) -> None:
    """Print the folder's marks and saved searches as JSON Lines (a backup).

    Example:

    \b
        news state export > marks.jsonl
    """
    session: Session = ctx.obj
    session.library().export_state(session.env.stdout)


@state_app.command("import")
def state_import_command(
    ctx: typer.Context,
    backup: Path = typer.Argument(
        Path("-"), help="A file written by news state export; - for stdin."
    ),
) -> None:
    """Merge a backup into the folder's marks: a mark set on either side stays set.

    Nothing is merged if a line of the backup cannot be read. Example:

    \b
        news --dir ~/news state import marks.jsonl
    """
    session: Session = ctx.obj
    library = session.library()
    if str(backup) == "-":
        imported = library.import_state(session.env.stdin)
    else:
        try:
            with open(
                session.env.cwd / backup, encoding="utf-8", errors="surrogateescape"
            ) as lines:
                imported = library.import_state(lines)
        except OSError as error:
            raise UsageError(
                f"The backup {backup} cannot be read: {error.strerror or error}."
            ) from None
    from newsreader.model import counted

    printer = session.printer()
    printer.note(
        f"imported the marks of {counted(imported.articles, 'article')} and "
        f"{counted(imported.searches, 'saved search', 'saved searches')}"
        f"{'' if imported.changed or imported.replaced else ': all were here already'}"
    )
    for name in imported.replaced:
        printer.note(f"the saved search {name!r} is the backup's now: this folder's was replaced")


@state_app.command("adopt")
def state_adopt_command(
    ctx: typer.Context,
    old_folder: Path = typer.Argument(..., help="Where this folder was before it moved."),
) -> None:
    """Take the marks kept for this folder under its old path, after it was moved or renamed.

    Marks are kept per folder path; a folder moved starts with none until it
    adopts them. Moved when the old path is gone, copied when it is still
    there; a mark set on either side stays set. Example:

    \b
        news --dir ~/News state adopt ~/news
    """
    session: Session = ctx.obj
    adopted = session.library().adopt_state(old_folder)
    from newsreader.model import counted

    printer = session.printer()
    printer.note(
        f"{'moved' if adopted.moved else 'copied'} the marks of "
        f"{counted(adopted.articles, 'article')} and "
        f"{counted(adopted.searches, 'saved search', 'saved searches')} from {old_folder}"
    )
    for name, here in adopted.renamed:
        printer.note(
            f"the saved search {name!r} is {here!r} here: this folder has its own {name!r}"
        )


@state_app.command("prune")
def state_prune_command(ctx: typer.Context) -> None:
    """Forget the marks of articles no file of the folder holds any more.

    Marks of vanished files are otherwise kept (the files may come back). Example:

    \b
        news state prune
    """
    session: Session = ctx.obj
    forgotten = session.library().prune_state()
    from newsreader.model import counted

    session.printer().note(f"forgot the marks of {counted(forgotten, 'article')} no file holds")


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
                value = next(rest, None)
                if value is None:  # left out: the option alone, so Click says it needs one
                    return [*before[:command], *moved]
                moved.append(value)
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


def _narrowed(argv: list[str]) -> typer.Typer:
    """The app holding only the command ``argv`` names, with the global options: Typer makes a
    Click command of every command it holds on each run (about 35 ms, cProfile), and a run
    needs one. The whole app when ``argv`` names no known command (help, a typo to suggest
    for, shell completion) or when an option other than a global one stands before it."""
    at = _command_at(argv)
    if at is None:
        return app
    before = 0
    while before < at:  # only the global options may stand before it, else Click decides all
        name, equals, _ = argv[before].partition("=")
        if name not in _GLOBALS:  # --help, --version, a cluster such as -Rd
            return app
        before += 2 if _GLOBALS[name] and not equals else 1
    commands = [info for info in app.registered_commands if info.name == argv[at]]
    groups = [info for info in app.registered_groups if info.name == argv[at]]
    if not commands and not groups:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands, narrowed.registered_groups = commands, groups
    return narrowed


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
            done = _narrowed(argv)(args=argv, prog_name="news", standalone_mode=False, obj=env)
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
        _say_unwritable(env)


def _say_unwritable(env: Environment) -> None:
    """Say so when standard output's encoding could not hold some characters (printed as ?):
    the output is not what the files hold, and the user can fix that."""
    from newsreader.env import unwritable

    if count := unwritable():
        from newsreader.render.messages import Messages

        encoding = getattr(env.stdout, "encoding", None) or "its encoding"
        what = f"{count} characters were" if count > 1 else "1 character was"
        Messages(env.stderr).warning(
            f"{what} printed as ? ({encoding} cannot hold them); a UTF-8 locale keeps them"
        )


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
