"""The code follows the house style the formatter and linter configured in pyproject.toml keep."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.skipif(
    RUFF is None, reason="ruff is installed with the test extras: pip install '.[test]'"
)
@pytest.mark.parametrize("check", [["check", "."], ["format", "--check", "."]])
def test_ruff_finds_nothing(check):
    result = subprocess.run([RUFF, *check], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
