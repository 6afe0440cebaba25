"""Files and folders dropped on the main window: QDropEvents with file URLs sent to the window
and to the text view, as a drag from a file manager delivers them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.ui.dialogs.import_dialog import ImportDialog

WAIT_MS = 60_000


def file_mime(*paths: Path | str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) if not str(p).startswith("http") else QUrl(str(p))
                  for p in paths])
    return mime


def drop_on(widget, mime: QMimeData) -> bool:  # type: ignore[no-untyped-def]
    """Enter WIDGET with MIME, then drop it in the middle; True if the enter was accepted."""
    point = QPoint(widget.width() // 2, widget.height() // 2)
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(point, copy, mime, left, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(point), copy, mime, left, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted() and drop.isAccepted()


def error_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text() for b in window.findChildren(QMessageBox) if b.objectName() == "error_box"]


def test_files_dropped_on_the_text_open_the_import_dialog_and_import(qtbot, window, store,
                                                                    tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Kim Jong Un met Lavrov in Wonsan.", encoding="utf-8")
    two.write_text("Moscow and Pyongyang signed a treaty.", encoding="utf-8")
    before = store.document_count()
    assert drop_on(window.editor.view.viewport(), file_mime(one, two))
    dialog = window.workflow.dialogs["import"]
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    assert dialog.paths() == [str(one), str(two)]
    assert store.document_count() == before  # nothing until the user confirms
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "three.txt").write_text("Seoul is far from Kursk.", encoding="utf-8")
    assert drop_on(window, file_mime(folder, one))  # on the window: added to the open dialog
    assert window.workflow.dialogs["import"] is dialog
    assert dialog.paths() == [str(one), str(two), str(folder)]
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        dialog.start()
    assert store.document_count() == before + 3
    qtbot.waitUntil(lambda: window.documents.rowCount() == before + 3, timeout=WAIT_MS)


def test_an_unsupported_file_dropped_is_the_importers_error_and_changes_nothing(window, store,
                                                                               tmp_path):
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    text = tmp_path / "fine.txt"
    text.write_text("Lavrov in Wonsan.", encoding="utf-8")
    before = store.document_count()
    assert drop_on(window, file_mime(text, image))
    assert "import" not in window.workflow.dialogs  # no dialog: one of them cannot be read
    assert any("E210" in t and "photo.png" in t for t in error_texts(window))
    assert store.document_count() == before


def test_a_web_link_dropped_is_said_and_changes_nothing(window, store):
    before = store.document_count()
    assert drop_on(window, file_mime("https://example.org/news.txt"))
    assert any("E148" in t and "example.org" in t for t in error_texts(window))
    assert "import" not in window.workflow.dialogs
    assert store.document_count() == before


def test_dropped_text_is_left_alone(window):
    mime = QMimeData()
    mime.setText("some words")
    assert not drop_on(window.editor.view.viewport(), mime)  # read-only text takes no text
    assert "import" not in window.workflow.dialogs and error_texts(window) == []


def test_a_real_mouse_drag_in_an_x11_window_opens_the_import_dialog(tmp_path, private_settings):
    """xdotool drags a file from a drag source onto the text, under Xvfb with Qt's xcb."""
    import os
    import shutil
    import subprocess
    import sys

    from conftest import LTR_TEXT, REPO, make_project

    if not (shutil.which("xvfb-run") and shutil.which("xdotool")):
        pytest.skip("needs xvfb-run and xdotool (Debian: xvfb, xdotool) for a real X11 drag")
    make_project(tmp_path / "p.db", [LTR_TEXT]).close()
    news = tmp_path / "news.txt"
    news.write_text("Lavrov in Wonsan.", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(private_settings),
               PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests" / "ui")]))
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable,
         str(REPO / "tests" / "ui" / "x11_file_drag.py"), str(tmp_path / "p.db"), str(news)],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == f"DIALOG {news}", result.stdout[-500:]
