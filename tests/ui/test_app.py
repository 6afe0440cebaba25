"""The app as a whole: screenshots, start-up without spaCy, settings that last, Arabic UI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import ANNOTATOR, REPO, make_project
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from annotator.ui.settings import AppSettings

TS = REPO / "resources" / "i18n" / "annotator_ar.ts"


def _env(settings_dir: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(settings_dir),
                HOME=str(settings_dir))


def test_screenshot_renders_offscreen_without_loading_spacy(tmp_path, seed, private_settings):
    make_project(tmp_path / "p.db", [seed]).close()
    png = tmp_path / "shot.png"
    code = (
        "import sys, time\n"
        "from annotator.ui.app import run_app\n"
        f"status = run_app({str(tmp_path / 'p.db')!r}, annotator='amal', document=1, "
        f"screenshot={str(png)!r})\n"
        "print('spacy' in sys.modules, status)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=_env(private_settings), cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["False", "0"]
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1400, 860)


def test_screenshot_from_the_command_line(tmp_path, seed, private_settings):
    make_project(tmp_path / "p.db", [seed]).close()
    png = tmp_path / "cli.png"
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "gui", str(tmp_path / "p.db"), "--document", "1",
         "--screenshot", str(png)], capture_output=True, text=True, timeout=120,
        env=_env(private_settings), cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not QImage(str(png)).isNull()


def test_settings_last_between_runs(qtbot, window):
    size = AppSettings().font_size
    window.zoom(2)
    window.set_character_mode(True)
    window.close()
    again = AppSettings(QSettings("annotator", "annotator"))
    assert again.font_size == size + 2
    assert again.character_mode is True
    assert again.geometry is not None
    assert again.last_document(window.project.url) == window.session.doc_id


def test_settings_are_kept_outside_the_repository(private_settings):
    settings = QSettings("annotator", "annotator")
    settings.setValue("probe", 1)
    settings.sync()
    assert Path(settings.fileName()).is_relative_to(private_settings)
    assert not Path(settings.fileName()).is_relative_to(REPO)


def test_switching_the_interface_to_arabic_translates_and_mirrors_it(qtbot, store):
    from annotator.ui.app import AppController

    app = QApplication.instance()
    controller = AppController(app, store, ANNOTATOR, AppSettings(), remember=False)
    controller.start(1)
    try:
        controller.switch_language("ar")
        window = controller.window
        assert window is not None
        qtbot.addWidget(window)
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[:2] == ["&ملف", "&تحرير"]
        assert window.document_dock.windowTitle() == "المستندات"
        assert "من 2" in window.progress_label.text()
        assert window.editor.view.right_to_left  # the text keeps its own direction
        assert AppSettings().ui_language == "ar"
        controller.switch_language("en")
        assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert controller.window.menuBar().actions()[0].text() == "&File"
    finally:
        from annotator.ui.i18n import install_language

        install_language(app, "en")
        controller.window.remember_layout = False
        controller.window.close()


def test_every_interface_string_has_an_arabic_translation():
    tree = ET.parse(TS)
    unfinished = [m.findtext("source") for m in tree.getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    sources = {m.findtext("source") for m in tree.getroot().iter("message")}
    # tr("text"[, "disambiguation"]) and translate("Context", "text")
    pattern = re.compile(r"""(?:\btr\(|translate\(\s*"[A-Za-z]+",)\s*"((?:[^"\\]|\\.)*)\"""")
    in_code = set()
    for path in (REPO / "annotator" / "ui").rglob("*.py"):
        in_code.update(pattern.findall(path.read_text(encoding="utf-8")))
    assert in_code and in_code <= sources, sorted(in_code - sources)
    assert TS.with_suffix(".qm").stat().st_mtime >= TS.stat().st_mtime - 1  # compiled after edits
