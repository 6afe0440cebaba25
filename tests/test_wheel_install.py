"""A wheel install works like the editable one: the wheel is built from this checkout and
installed into a fresh virtualenv (its dependencies borrowed from the test environment, so
nothing is downloaded), then used from an empty folder far from the checkout: the sample
project with the seed document and the starter gazetteer, the starter gazetteer on a new
project, and the Arabic interface."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheelhouse")
    build = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out), "-q"],
        capture_output=True, text=True, timeout=600, env=dict(os.environ, TMPDIR=str(build)))
    assert result.returncode == 0, result.stderr[-3000:]
    found = sorted(out.glob("annotator-*.whl"))
    assert len(found) == 1
    return found[0]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (no deps); the test environment's site-packages
    lends the dependencies through a .pth line, which does not run its editable finder."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                             "--no-deps", "--no-index", "-q", str(wheel)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return env_dir


def run(env_dir: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "cfg"),
               QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(env_dir / "bin" / "python"), *args], cwd=home, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_wheel_carries_the_resources_and_the_sample(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("annotator/_shipped/resources/gazetteer_ar.jsonl",
                    "annotator/_shipped/resources/i18n/annotator_ar.qm",
                    "annotator/_shipped/seeds/lavrov_north_korea_ar.txt"):
        assert shipped in names


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    found = run(installed, tmp_path, "-c", "import annotator.paths as p; print(p.PACKAGE_ROOT)")
    assert found.returncode == 0, found.stderr
    assert str(installed) in found.stdout and str(REPO) not in found.stdout


def test_the_sample_project_opens_with_its_document_and_suggestions(installed: Path,
                                                                    tmp_path: Path) -> None:
    shot = run(installed, tmp_path, "-m", "annotator", "gui", "--screenshot",
               str(tmp_path / "sample.png"))
    assert shot.returncode == 0, shot.stderr[-3000:]
    sample = tmp_path / "data" / "annotator" / "corpus" / "sample.db"
    assert sample.exists() and not (tmp_path / "corpus").exists()  # nothing in the cwd
    stats = run(installed, tmp_path, "-m", "annotator", "stats", str(sample), "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["documents"] == 1
    with sqlite3.connect(sample) as c:  # the first start pre-tagged the seed for its annotator
        suggested = c.execute("SELECT count(*) FROM span WHERE state = 'suggested'").fetchone()[0]
    assert suggested >= 10
    tagged = run(installed, tmp_path, "-m", "annotator", "pretag", str(sample), "--gazetteer",
                 "--json")
    assert tagged.returncode == 0, tagged.stderr
    assert json.loads(tagged.stdout)["suggestions_added"] == 0  # the same names, already there


def test_the_starter_gazetteer_and_the_arabic_interface(installed: Path, tmp_path: Path) -> None:
    project = str(tmp_path / "p.db")
    assert run(installed, tmp_path, "-m", "annotator", "init", project, "--labels",
               "PERS,LOC,ORG").returncode == 0
    imported = run(installed, tmp_path, "-m", "annotator", "gazetteer", "import", project,
                   "--starter")
    assert imported.returncode == 0, imported.stderr
    assert "Added" in imported.stdout and int(imported.stdout.split()[1]) > 500
    arabic = run(installed, tmp_path, "-c", (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QCoreApplication, Qt\n"
        "from annotator.ui.i18n import install_language\n"
        "app = QApplication([])\n"
        "assert install_language(app, 'ar'), 'no translation loaded'\n"
        "assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft\n"
        "print(QCoreApplication.translate('MainWindow', 'Documents'))\n"))
    assert arabic.returncode == 0, arabic.stderr[-2000:]
    assert arabic.stdout.strip() and arabic.stdout.strip() != "Documents"
