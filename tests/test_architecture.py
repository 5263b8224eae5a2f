"""Imports point one way: cli -> render/search/library -> folder/store/parse -> model/errors."""

import ast
from pathlib import Path

import newsreader

PACKAGE = Path(newsreader.__file__).parent
# The newsreader modules each layer may import (besides itself and the standard library).
ALLOWED = {
    "model": set(),
    "errors": set(),
    "parse": {"model", "errors", "parse"},
    "search": {"model", "errors"},
    "store": {"model", "parse"},  # parse.repeats: counting the furniture keys it stores
    "folder": {"errors"},
    "library": {"model", "errors", "folder", "parse", "search", "store"},
    "render": {"model", "errors", "search", "render"},
    "cli": {"model", "errors", "folder", "parse", "search", "library", "render", "store"},
}


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsreader."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith("newsreader."))
    return found


def test_imports_point_one_way():
    for path in PACKAGE.rglob("*.py"):
        layer = _layer(path)
        if layer in ("__init__", "__main__"):
            continue
        assert _imports(path) <= ALLOWED[layer] | {layer}, f"{path.name} imports against the layering"


def test_only_cli_reads_the_environment_or_prints():
    for path in PACKAGE.rglob("*.py"):
        if _layer(path) in ("cli", "__main__"):
            continue
        calls = {
            ast.unparse(node.func) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)
        }
        source = path.read_text(encoding="utf-8")
        assert "os.environ" not in source and "os.getenv" not in source, path.name
        assert not calls & {"print", "sys.exit", "exit", "os.getcwd", "Path.cwd", "input"}, path.name
