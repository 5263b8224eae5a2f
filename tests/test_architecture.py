"""The architecture, enforced: imports point one way, one module per job, printers interchangeable.

cli (and later the browser) -> library, render -> index, search, inputs, folder, parsing
-> parse -> model, errors, env. Only ``index`` (the cache) and ``state`` (the reader's marks)
touch SQLite; only ``cli`` reads the process's environment, prints or exits.
"""

import ast
import inspect
from pathlib import Path

import newsreader

PACKAGE = Path(newsreader.__file__).parent
# The newsreader modules each layer may import (besides itself and the standard library).
ALLOWED = {
    "model": set(),
    "errors": set(),
    "env": {"errors"},
    "workers": set(),
    "parse": {"model", "errors"},
    "search": {"model", "errors"},
    "folder": {"model", "errors", "inputs"},  # which names the readers read
    "index": {"model", "errors"},
    "state": {"errors"},
    "inputs": {"model", "errors", "parse"},
    "parsing": {"model", "inputs", "parse", "workers", "state"},
    "matching": {"model", "errors", "search"},
    "filters": {"model", "errors", "state"},
    "library": {
        "model",
        "errors",
        "env",
        "filters",
        "folder",
        "index",
        "inputs",
        "matching",
        "parse",
        "parsing",
        "search",
        "state",
        "workers",
    },
    "render": {"model", "errors", "env"},
    "cli": {"model", "errors", "env", "library", "render", "browse"},
    "browse": {"model", "errors", "env", "library", "render"},
}


def _layer(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(path: Path) -> set[str]:
    """Every module any import in the file names (at the top or inside functions)."""
    found = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _modules():
    return [path for path in PACKAGE.rglob("*.py") if _layer(path) not in ("__init__", "__main__")]


def test_imports_point_one_way():
    for path in _modules():
        layer = _layer(path)
        ours = {name.split(".")[1] for name in _imports(path) if name.startswith("newsreader.")}
        assert ours <= ALLOWED[layer] | {layer}, (
            f"{path.relative_to(PACKAGE)} imports {ours - ALLOWED[layer]}"
        )


def test_every_module_has_a_layer():
    assert {_layer(path) for path in _modules()} <= set(ALLOWED)


def test_only_the_index_and_the_state_touch_sqlite():
    for path in _modules():
        if _layer(path) not in ("index", "state"):
            assert "sqlite3" not in {name.split(".")[0] for name in _imports(path)}, path.name


def test_the_cli_imports_neither_the_index_nor_the_folder_scanner():
    names = _imports(PACKAGE / "cli.py")
    assert not {
        name for name in names if name.startswith(("newsreader.index", "newsreader.folder"))
    }


def test_only_cli_reads_the_environment_prints_or_exits():
    """env.py defines how the environment is read; only cli asks it to (Environment.from_process)."""
    for path in _modules():
        if _layer(path) == "cli":
            continue
        source = path.read_text(encoding="utf-8")
        calls = {
            ast.unparse(node.func) for node in ast.walk(_tree(path)) if isinstance(node, ast.Call)
        }
        assert not calls & {"print", "sys.exit", "exit", "input", "os.getcwd", "Path.cwd"}, (
            path.name
        )
        assert "sys.stdout" not in source and "sys.stderr" not in source or _layer(path) == "env", (
            path.name
        )
        if _layer(path) != "env":
            assert "os.environ" not in source and "os.getenv" not in source, path.name
            assert "from_process" not in source and "isatty" not in source, path.name


def test_every_printer_has_the_same_public_methods():
    from newsreader.render import Printer
    from newsreader.render.jsonl import JsonPrinter
    from newsreader.render.plain import PlainPrinter
    from newsreader.render.pretty import RichPrinter

    def public(cls):
        return {
            name
            for name, _ in inspect.getmembers(cls, inspect.isfunction)
            if not name.startswith("_")
        }

    expected = public(Printer)
    for printer in (JsonPrinter, PlainPrinter, RichPrinter):
        assert public(printer) == expected, printer.__name__
        assert {"default_limit", "needs_records"} <= set(vars(printer)), printer.__name__
