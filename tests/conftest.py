"""Shared test fixtures: a tiny hand-written corpus, an in-process runner and a subprocess runner."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsreader.cli import main
from newsreader.env import Environment

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
SEEDS = TESTS.parent / "seeds"
SEED_ID = "000_ab421d6d9d13d5bb"
# Variables that change how output looks, for the tests that run real processes: they start without them.
_LOOK = (
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLUMNS",
    "LINES",
    "NEWS_DIR",
    "PAGER",
    "NEWS_PAGER",
    "NEWS_CACHE_DIR",
    "NEWS_DATA_DIR",
)


@dataclass
class Result:
    """What an in-process run of ``news`` left: its exit status and what it wrote."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def mock_environment(
    variables: dict[str, str], stdin: str = "", cwd: Path = Path(".")
) -> Environment:
    """An Environment of streams in memory and only the given variables: no terminal, one worker."""
    return Environment(
        stdin=io.StringIO(stdin),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        vars=variables,
        cwd=cwd,
        workers=1,
    )


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    """A copy of the hand-written fixture folder (three articles and a plainly named file)."""
    folder = tmp_path / "basic"
    shutil.copytree(FIXTURES / "basic", folder)
    return folder


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the bundled seed folder."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    """Where this test's index lives (never the user's real cache)."""
    return tmp_path / "cache"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty news folder of this test's own."""
    path = tmp_path / "news"
    path.mkdir()
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Where this test's reader state lives (never the user's real marks)."""
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def _own_data_dir(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Subprocesses started with this process's variables keep their marks in the test's folder."""
    monkeypatch.setenv("NEWS_DATA_DIR", str(data_dir))


@pytest.fixture
def cli(cache_dir: Path, data_dir: Path):
    """Run ``news ARGS`` in-process in a fresh Environment whose only variables are
    NEWS_CACHE_DIR and NEWS_DATA_DIR; pass env={...} to set more (a None value unsets one)."""

    def invoke(*args: str, env: dict[str, str | None] | None = None, stdin: str = "") -> Result:
        variables = {
            "NEWS_CACHE_DIR": str(cache_dir),
            "NEWS_DATA_DIR": str(data_dir),
            **(env or {}),
        }
        environment = mock_environment({k: v for k, v in variables.items() if v is not None}, stdin)
        try:
            code = main(list(args), environment)
        except Exception as error:  # a bug: let the test see it rather than a traceback in stderr
            return Result(2, environment.stdout.getvalue(), environment.stderr.getvalue(), error)
        return Result(code, environment.stdout.getvalue(), environment.stderr.getvalue())

    return invoke


def _news_executable() -> str:
    executable = shutil.which("news", path=str(Path(sys.executable).parent)) or shutil.which("news")
    assert executable, "the news console script is not installed"
    return executable


@pytest.fixture
def in_terminal(cache_dir: Path, data_dir: Path):
    """Run ``news ARGS`` with a real pseudo-terminal as stdout; returns what the screen got."""
    import fcntl
    import pty
    import struct
    import termios

    def run(*args: str, rows: int = 24, cols: int = 80, env: dict[str, str] | None = None) -> str:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {k: v for k, v in os.environ.items() if k not in _LOOK}
        full_env.update(
            {
                "TERM": "xterm-256color",
                "NEWS_CACHE_DIR": str(cache_dir),
                "NEWS_DATA_DIR": str(data_dir),
                **(env or {}),
            }
        )
        process = subprocess.Popen(
            [_news_executable(), *args],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.PIPE,
            env=full_env,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
        os.close(master)
        assert process.returncode == 0, process.stderr.read()
        return b"".join(chunks).decode("utf-8", "replace")

    return run


@pytest.fixture
def news(cache_dir: Path, data_dir: Path):
    """Run the installed ``news`` as a real subprocess, returning CompletedProcess (bytes)."""

    def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, **kwargs):
        full_env = {k: v for k, v in os.environ.items() if k not in _LOOK}
        full_env.update(
            {"NEWS_CACHE_DIR": str(cache_dir), "NEWS_DATA_DIR": str(data_dir), **(env or {})}
        )
        return subprocess.run(
            [_news_executable(), *args],
            capture_output=True,
            env=full_env,
            cwd=cwd,
            timeout=60,
            **kwargs,
        )

    return run
