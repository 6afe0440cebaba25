"""Pieces the workflow dialogs share: a path field, a run panel (progress, Cancel, report) and
readable reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.i18n import error_text
from annotator.ui.workers import BackgroundWorker, Job, Worker

W = TypeVar("W", bound=BackgroundWorker)
LRM = "\u200e"  # the English original's paragraph runs left to right


def report_text(values: dict[str, object], skip: tuple[str, ...] = ()) -> str:
    """A report dictionary as readable lines: "documents added: 12"; empty values left out."""
    lines = []
    for key, value in values.items():
        if key in skip or value in (None, "", [], {}, 0, False) and key != "cancelled":
            continue
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        lines.append(f"{key.replace('_', ' ')}: {value}")
    return "\n".join(lines)


def show_error(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """A warning box with MESSAGE; a domain error's line in the interface language, and when
    that is not English, the English original under "Show Details…" (for reporting it)."""
    shown = error_text(message)
    box = QMessageBox(QMessageBox.Icon.Warning, title, shown, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    if shown != message:
        box.setDetailedText(LRM + message)
        for details in box.findChildren(QTextEdit):  # the English runs left to right
            details.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    box.open()  # not exec(): tests and the event loop carry on
    return box


class PathField(QWidget):
    """A line edit for a file, folder or URL, with a Browse… button."""

    def __init__(self, mode: str, caption: str, filter_: str = "", parent: QWidget | None = None,
                 placeholder: str = "") -> None:
        super().__init__(parent)
        self.mode, self.caption, self.filter = mode, caption, filter_  # mode: open | save | folder
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def browse(self) -> None:
        if self.mode == "folder":
            chosen = QFileDialog.getExistingDirectory(self, self.caption, self.text())
        elif self.mode == "save":
            chosen = QFileDialog.getSaveFileName(self, self.caption, self.text(), self.filter)[0]
        else:
            chosen = QFileDialog.getOpenFileName(self, self.caption, self.text(), self.filter)[0]
        if chosen:
            self.edit.setText(chosen)


class RunPanel(QWidget):
    """Runs one job at a time on a Worker: a progress bar, a Cancel button and the report."""

    done = Signal(object)  # the job's result, after it finished
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: BackgroundWorker | None = None
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setObjectName("report")
        self.report.setMinimumHeight(110)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)

    def run(self, job: Job, describe: Callable[[int, int], str] | None = None) -> Worker:
        if self.worker is not None and self.worker.is_running():
            raise RuntimeError("a job is already running")
        return self.start(Worker(job), describe)

    def start(self, worker: W, describe: Callable[[int, int], str] | None = None) -> W:
        """Run WORKER (a thread `Worker` or a `ProcessWorker`) with this panel's bar and Cancel."""
        if self.worker is not None and self.worker.is_running():
            raise RuntimeError("a job is already running")
        self._describe = describe
        self.report.clear()
        self.status.setText(self.tr("Working…"))
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.worker = worker
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self.cancel_button.setEnabled(True)
        worker.start()
        return worker

    def running(self) -> bool:
        return self.worker is not None and self.worker.is_running()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling: finishing the current step…"))
            self.cancel_button.setEnabled(False)

    def stop(self) -> None:
        """Cancel and wait (the dialog is closing)."""
        if self.worker is not None:
            self.worker.stop_and_wait()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if self._describe is not None:
            self.status.setText(self._describe(done, total))
        else:
            self.status.setText(self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def _on_finished(self, result: object) -> None:
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.done.emit(result)

    def _on_failed(self, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText(error_text(message))
        self.error.emit(message)


def run_buttons(dialog: QDialog, action: str, start: Callable[[], object]
                ) -> tuple[QDialogButtonBox, QPushButton]:
    """A workflow dialog's buttons: Close, and ACTION (already translated) that calls START."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    run_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
    run_button.clicked.connect(start)
    buttons.rejected.connect(dialog.reject)
    return buttons, run_button

