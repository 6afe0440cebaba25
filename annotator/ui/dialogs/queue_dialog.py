"""Tools › Queue by model uncertainty…: the annotator's queue, the model's least sure first.

`ordered_queue` (what `annotator queue --order uncertainty` runs) loads the chosen pipeline
(the project's last trained model by default, or a folder picked by hand) and scores the
unfinished documents on a Worker thread; the table lists position, title, status and
uncertainty ("—" when not scored). Without a model (cold start) or in the project's order it
lists the project's order and says so. A double-click, or Enter, opens the document.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.project import Project
from annotator.app.queue_order import QueueEntry, ordered_queue
from annotator.app.training import recorded_models
from annotator.ui.dialogs.common import PathField, RunPanel, run_buttons, show_error
from annotator.ui.document_list_model import status_name
from annotator.ui.workers import Progress, ShouldStop


class QueueTable(QTableWidget):
    activated_row = Signal(int)  # a double-click or Enter on a row

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class QueueDialog(QDialog):
    open_requested = Signal(int)  # a document id: open it in the main window

    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QueueDialog")
        self.setWindowTitle(self.tr("Queue by model uncertainty"))
        self.resize(720, 560)
        self.project, self.annotator = project, annotator
        self.entries: list[QueueEntry] = []
        self.order = QComboBox(self)
        self.order.addItem(self.tr("The model's least sure first"), "uncertainty")
        self.order.addItem(self.tr("The project's order"), "project")
        self.model_path = PathField("folder", self.tr("A spaCy pipeline folder"), parent=self)
        models = recorded_models(project)
        if models:
            self.model_path.set_text(str(models[-1].get("path", "")))
        form = QFormLayout()
        form.addRow(self.tr("Order:"), self.order)
        form.addRow(self.tr("Model:"), self.model_path)
        self.panel = RunPanel(self)
        self.panel.report.hide()
        self.panel.done.connect(self._finished)
        self.panel.error.connect(self._failed)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QueueTable(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Document"), self.tr("Status"), self.tr("Uncertainty")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        self.table.activated_row.connect(self._open)
        buttons, self.run_button = run_buttons(self, self.tr("Show the queue"), self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def start(self) -> None:
        order = self.order.currentData()
        folder = self.model_path.text() if order == "uncertainty" else ""
        project, annotator = self.project, self.annotator

        def job(progress: Progress, should_stop: ShouldStop) -> object:
            return ordered_queue(project, annotator, order, model=folder or None)

        self.note.setText(self.tr("No model chosen: the project's order.")
                          if order == "uncertainty" and not folder else "")
        self.run_button.setEnabled(False)
        self.panel.run(job)

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        show_error(self, self.tr("Queue"), message)

    def _finished(self, result: object) -> None:
        self.run_button.setEnabled(True)
        assert isinstance(result, list)
        self.entries = result
        self.panel.status.setText(self.tr("%1 documents in the queue").replace(
            "%1", str(len(result))))
        self.table.setRowCount(len(result))
        for row, entry in enumerate(result):
            score = "—" if entry.uncertainty is None else f"{entry.uncertainty:.2f}"
            cells = [str(row + 1), entry.document.title, status_name(entry.document.status), score]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        if result:
            self.table.setCurrentCell(0, 1)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.open_requested.emit(self.entries[row].document.id)

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name): closing stops the worker
        self.panel.stop()
        super().done(code)
