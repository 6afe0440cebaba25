"""A real mouse drag of a file onto the main window in an X11 window (run under xvfb-run with
QT_QPA_PLATFORM=xcb by tests/ui/test_file_drop.py): xdotool presses the mouse on a drag
source (a label that starts a QDrag with the file's URL, as a file manager does), moves it in
steps onto the text and releases it. Prints the Import dialog's list, or NO DIALOG.

    python tests/ui/x11_file_drag.py PROJECT.db FILE
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel

from annotator.app.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings


class FileSource(QLabel):
    """Drag me: the FILE's URL, as a file manager offers it."""

    def __init__(self, file: str) -> None:
        super().__init__(f"drag {Path(file).name}")
        self.file = file
        self.pressed: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.pressed = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.pressed is None:
            return
        self.pressed = None
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(self.file)])
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)


def main() -> int:
    project_path, file = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    project = Project.open(project_path)
    window = MainWindow(project, "amal", AppSettings())
    window.remember_layout = window.background_work = False
    window.setGeometry(0, 0, 900, 600)
    window.open_position(1)
    window.show()
    source = FileSource(file)
    source.setGeometry(1000, 100, 200, 80)
    source.show()
    outcome: list[str] = []

    def drive() -> None:
        start = source.mapToGlobal(source.rect().center())
        end = window.editor.view.viewport().mapToGlobal(window.editor.view.viewport().rect().center())
        moves = " ".join(
            f"mousemove {start.x() + (end.x() - start.x()) * i // 12} "
            f"{start.y() + (end.y() - start.y()) * i // 12} sleep 0.05" for i in range(1, 13))
        subprocess.Popen(["sh", "-c", f"xdotool mousemove {start.x()} {start.y()} sleep 0.2 "
                          f"mousedown 1 sleep 0.1 {moves} sleep 0.3 mouseup 1"])
        QTimer.singleShot(6000, finish)

    def finish() -> None:
        dialog = window.workflow.dialogs.get("import")
        outcome.append("DIALOG " + "|".join(dialog.paths()) if dialog is not None  # type: ignore[attr-defined]
                       else "NO DIALOG")
        app.quit()

    QTimer.singleShot(800, drive)
    app.exec()
    print(outcome[0] if outcome else "NO DIALOG")
    project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
