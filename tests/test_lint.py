"""ruff and mypy, configured in pyproject.toml, pass on the whole package; mypy --strict on
the domain and the rooms below the application layer that must stay simplest to read."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_ruff_passes():
    result = subprocess.run([_tool("ruff"), "check", "annotator", "tests", "bench"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_passes():
    result = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-4000:]


STRICT = ["annotator/core", "annotator/text", "annotator/agreement", "annotator/formats"]


def test_mypy_strict_passes_on_core_text_agreement_and_formats():
    result = subprocess.run([_tool("mypy"), "--strict", *STRICT], cwd=REPO, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:]
