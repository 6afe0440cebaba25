"""What the README tells a newcomer to install is what Qt needs: every library the xcb platform
plugin (a real X11 window) loads is in `.ci/x11-libraries.txt`, and each package there is in
the README's list."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _table() -> dict[str, str]:
    rows = [line.split() for line in (REPO / ".ci" / "x11-libraries.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    return {library: package for library, package in rows}


def _needed(library: Path) -> set[str]:
    """Sonames LIBRARY links to (ldd lists them resolved or not found)."""
    out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in out.splitlines() if "=>" in line}


def test_every_library_the_xcb_plugin_loads_has_a_package_in_the_readme():
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not installed")
    spec = importlib.util.find_spec("PySide6")  # where Qt is, without importing it here
    assert spec is not None and spec.origin is not None
    qt = Path(spec.origin).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    needed = _needed(plugin) | _needed(qt / "lib" / "libQt6XcbQpa.so.6")
    x11 = {name for name in needed if re.match(r"lib(X|xcb|xkbcommon)", name)}
    table = _table()
    assert x11 - set(table) == set(), "add these to .ci/x11-libraries.txt"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"\blib[a-z0-9-]+\b", readme))
    assert set(table.values()) - listed == set(), "add these packages to the README's list"
