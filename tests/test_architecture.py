"""The house rules that keep the code base livable, checked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "annotator"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_outside_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
               for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE.parent)))
    assert offenders == []


def test_the_domain_imports_and_runs_with_qt_unavailable():
    """Import every module outside annotator/ui with PySide6 made unimportable."""
    modules = sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in ("ui",)
        and path.name != "__main__.py" and "migrations" not in path.parts
    )
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in this test: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_files_stay_small_enough_to_read_in_one_sitting():
    too_long = {str(p.relative_to(PACKAGE.parent)): n for p in PACKAGE.rglob("*.py")
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert too_long == {}


def test_the_layers_hold_imports_inside_functions_included():
    """import-linter's contracts in pyproject.toml: each layer imports only those below it,
    and the app and the CLI reach store, formats, nlp and agreement only through `app`."""
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(PACKAGE.parent / "pyproject.toml"), no_cache=True,
                        no_logo=True) == 0


def test_a_function_level_import_against_the_layers_breaks_the_contract(tmp_path):
    """The contract is real: a copy of the package with one backward import inside a function
    (the store reaching up to the application layer) fails it."""
    import shutil

    copy = tmp_path / "annotator"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    schema = copy / "store" / "schema.py"
    schema.write_text(schema.read_text(encoding="utf-8")
                      + "\n\ndef _backwards() -> None:\n    from annotator.app import project\n",
                      encoding="utf-8")
    shutil.copy(PACKAGE.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    code = ("import sys; sys.path.insert(0, sys.argv[1]);"
            "from importlinter.cli import lint_imports;"
            "sys.exit(lint_imports(config_filename=sys.argv[2], no_cache=True, no_logo=True))")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path),
                             str(tmp_path / "pyproject.toml")], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    assert result.returncode != 0
    assert "annotator.store.schema -> annotator.app.project" in result.stdout


def test_e900_is_only_the_catch_all_for_the_unexpected():
    """Every error a user can act on has its own code (core/errors.py); E900 is raised only
    where an unexpected exception becomes a message (the background worker)."""
    allowed = {"annotator/ui/workers.py"}
    found = {str(p.relative_to(PACKAGE.parent)) for p in PACKAGE.rglob("*.py")
             if "E.E900" in p.read_text(encoding="utf-8") or "[E900]" in p.read_text(encoding="utf-8")}
    assert found <= allowed, sorted(found - allowed)
