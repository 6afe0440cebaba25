"""Import documents: files or folders in any readable format, on a Worker, with the report.

`import_paths` runs in one transaction: when it fails, the message (with its code, file and
line) is shown and the project is unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app.importing import ImportReport, IngestOptions, import_paths, readable_formats
from annotator.app.project import Project
from annotator.core.model import Status
from annotator.ui.dialogs.common import RunPanel, report_text, run_buttons, show_error
from annotator.ui.overlap_policy import dialog_note
from annotator.ui.workers import Progress, ShouldStop


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportReport

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import documents"))
        self.project = project
        self.report: ImportReport | None = None
        self.files = QListWidget(self)
        add_files = QPushButton(self.tr("Add files…"), self)
        add_files.clicked.connect(self._add_files)
        add_folder = QPushButton(self.tr("Add a folder…"), self)
        add_folder.clicked.connect(self._add_folder)
        clear = QPushButton(self.tr("Clear"), self)
        clear.clicked.connect(self.files.clear)
        row = QHBoxLayout()
        for button in (add_files, add_folder, clear):
            row.addWidget(button)
        row.addStretch(1)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("automatic (by extension and content)"), "auto")
        for name in readable_formats():
            self.format.addItem(name, name)
        self.annotator = QLineEdit(self)
        self.annotator.setPlaceholderText(self.tr("the annotator named in the file, else 'imported'"))
        self.in_progress = QCheckBox(self.tr("Imported annotations stay in progress (else done)"), self)
        self.create_labels = QCheckBox(self.tr("Add labels the project does not have"), self)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Spans belong to"), self.annotator)
        form.addRow("", self.in_progress)
        form.addRow("", self.create_labels)
        self.overlap_note = QLabel(dialog_note(project.info().overlap_policy), self)
        self.overlap_note.setObjectName("overlap_note")
        self.overlap_note.setWordWrap(True)
        form.addRow(self.tr("Overlapping spans"), self.overlap_note)
        self.panel = RunPanel(self)
        self.panel.done.connect(self._finished)
        self.panel.error.connect(self._failed)
        self.buttons, self.run_button = run_buttons(self, self.tr("Import"), self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    def add_paths(self, paths: list[str]) -> None:
        self.files.addItems([p for p in paths if p])

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def _add_files(self) -> None:
        self.add_paths(QFileDialog.getOpenFileNames(self, self.tr("Documents to import"))[0])

    def _add_folder(self) -> None:
        self.add_paths([QFileDialog.getExistingDirectory(self, self.tr("A folder to import"))])

    def start(self) -> None:
        paths = self.paths()
        if not paths:
            show_error(self, self.tr("Import"), self.tr("Add files or a folder to import first"))
            return
        fmt = str(self.format.currentData())
        options = IngestOptions(annotator=self.annotator.text().strip() or None,
                                status=Status.IN_PROGRESS if self.in_progress.isChecked() else Status.DONE,
                                create_labels=self.create_labels.isChecked())

        def job(progress: Progress, _should_stop: ShouldStop) -> object:
            return import_paths(self.project, paths, fmt, ingest_options=options,
                                progress=lambda done: progress(done, 0))

        self.run_button.setEnabled(False)
        self.panel.run(job, lambda done, _total: self.tr("%1 documents read").replace("%1", str(done)))
        self.panel.cancel_button.setEnabled(False)  # one transaction: it completes or changes nothing

    def _finished(self, result: object) -> None:
        self.run_button.setEnabled(True)
        assert isinstance(result, ImportReport)
        self.report = result
        self.panel.report.setPlainText(report_text(result.to_dict()))
        self.panel.status.setText(self.tr("Imported %1 documents").replace("%1", str(result.ingest.added)))
        self.imported.emit(result)

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.panel.report.setPlainText(self.tr("Nothing was imported: the project is unchanged.")
                                       + "\n" + message)
        show_error(self, self.tr("Import failed"), message)

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name): closing waits for the worker
        self.panel.stop()
        super().done(code)
