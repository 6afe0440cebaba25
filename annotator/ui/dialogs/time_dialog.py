"""Tools › Annotation time…: how long annotating took, with and without pre-tags.

The figures of `annotator times` (`app.annotation_time.time_report`): for the chosen annotator
(or everyone), active time, documents and entities per hour and seconds per entity in all
documents, those with pre-tags and those without, the speed-up pre-tags bring, and the same per
label.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.annotation_time import SPLITS, AnnotatorTimes, TimeReport, time_report
from annotator.app.project import Project
from annotator.ui.table_fit import widen_to_fit

EVERYONE = ""


class TimeDialog(QDialog):
    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimeDialog")
        self.setWindowTitle(self.tr("Annotation time"))
        self.report: TimeReport = time_report(project)
        self.split_names = {"all": self.tr("All documents"),
                            "with_pretags": self.tr("With pre-tags"),
                            "without_pretags": self.tr("Without pre-tags")}
        self.who = QComboBox(self)
        self.who.addItem(self.tr("Everyone"), EVERYONE)
        for name in sorted(self.report.annotators):
            self.who.addItem(name, name)
        if annotator in self.report.annotators:
            self.who.setCurrentIndex(self.who.findData(annotator))
        self.splits = QTableWidget(len(SPLITS), 6, self)
        self.splits.setHorizontalHeaderLabels([
            self.tr("Active time"), self.tr("Documents"), self.tr("Done"),
            self.tr("Documents per hour"), self.tr("Entities per hour"),
            self.tr("Seconds per entity")])
        self.splits.setVerticalHeaderLabels([self.split_names[s] for s in SPLITS])
        self.speed_up = QLabel(self)
        self.speed_up.setObjectName("speed_up")
        self.labels = QTableWidget(0, 6, self)
        self.labels.setHorizontalHeaderLabels([
            self.tr("Label"), self.tr("Entities"), self.tr("Entities per hour"),
            self.tr("Seconds per entity"), self.tr("Entities per hour with pre-tags"),
            self.tr("Entities per hour without pre-tags")])
        self.labels.verticalHeader().setVisible(False)
        for table in (self.splits, self.labels):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.splits.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr(
            "No annotation time recorded yet: it is recorded while you annotate here."), self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(self.report.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Annotator"), self.who)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.splits, 0)
        layout.addWidget(self.speed_up)
        layout.addWidget(QLabel(self.tr("Per label (time to each decision)"), self))
        layout.addWidget(self.labels, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.who.currentIndexChanged.connect(lambda _i: self.show_figures())
        self.show_figures()
        widen_to_fit(self, self.splits, self.labels)  # every column whole, in either language

    def chosen(self) -> AnnotatorTimes:
        name = self.who.currentData()
        return self.report.annotators.get(name, self.report.overall) if name else \
            self.report.overall

    def show_figures(self) -> None:
        times = self.chosen().to_dict()
        for row, split in enumerate(SPLITS):
            f = times[split]
            assert isinstance(f, dict)
            values = [duration(f["active_seconds"]), str(f["documents"]),
                      str(f["documents_done"]), number(f["documents_per_hour"]),
                      number(f["entities_per_hour"]), number(f["seconds_per_entity"])]
            for column, value in enumerate(values):
                self.splits.setItem(row, column, _cell(value))
        ratio = times["speed_up"]
        self.speed_up.setText(
            self.tr("With pre-tags: %1 times the entities per hour of documents without")
            .replace("%1", number(ratio, 2)) if ratio is not None else
            self.tr("Speed-up: needs time on documents with and without pre-tags"))
        per_label = times["per_label"]
        assert isinstance(per_label, dict)
        self.labels.setRowCount(len(per_label))
        for row, (label, splits) in enumerate(per_label.items()):
            f = splits["all"]
            for column, value in enumerate([
                    label, str(f["entities"]), number(f["entities_per_hour"]),
                    number(f["seconds_per_entity"]),
                    number(splits["with_pretags"]["entities_per_hour"]),
                    number(splits["without_pretags"]["entities_per_hour"])]):
                self.labels.setItem(row, column, _cell(value))
        self.splits.setFixedHeight(self.splits.horizontalHeader().height() + sum(
            self.splits.rowHeight(r) for r in range(len(SPLITS))) + 2 * self.splits.frameWidth())

def number(value: object, digits: int = 1) -> str:
    return "–" if value is None else f"{float(value):.{digits}f}"  # type: ignore[arg-type]


def duration(seconds: object) -> str:
    total = int(round(float(seconds)))  # type: ignore[arg-type]
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item
