"""Team › Assign documents…: who annotates which document, for curators and managers.

The dialog gathers the parameters of the domain's `assign` (annotators ticked from the project's
people or added by name, documents per annotator overlap, documents shared by everyone, the
seed, only the documents nobody has yet), calls it, and shows its `AssignmentReport`: how many
documents each annotator has and how many each pair has in common. `assigned(report)` tells the
window to reload its queue. The last plan's parameters are the starting values.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.app.assignment import AssignmentReport, assign, assignment_settings
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD_ANNOTATOR, Role
from annotator.ui.dialogs.common import show_error


class AssignDialog(QDialog):
    assigned = Signal(object)  # AssignmentReport

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AssignDialog")
        self.setWindowTitle(self.tr("Assign documents"))
        self.project = project
        self.report: AssignmentReport | None = None
        last = assignment_settings(project) or {}
        chosen = last.get("annotators")
        people = [(name, role) for _, name, role in project.annotators() if name != GOLD_ANNOTATOR]

        self.people = QListWidget(self)
        self.people.setObjectName("annotators")
        self.people.setMaximumHeight(150)
        for name, role in people:
            ticked = name in chosen if isinstance(chosen, list) else role is Role.ANNOTATOR
            self._add_person(name, ticked)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("A new annotator's name"))
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(self.add_name)
        self.new_name.returnPressed.connect(self.add_name)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(add)

        documents = project.document_count()
        self.per_document = self._spin(1, max(1, len(people)), _int(last.get("per_document"), 2))
        self.shared = self._spin(0, documents, _int(last.get("shared"), 0))
        self.seed = self._spin(0, 2**31 - 1, _int(last.get("seed"), 0))
        self.only_unassigned = QCheckBox(
            self.tr("Only documents nobody has yet (keep the current assignment)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Annotators:"), self.people)
        form.addRow("", adding)
        form.addRow(self.tr("Annotators per document (overlap):"), self.per_document)
        form.addRow(self.tr("Documents shared by all (for agreement):"), self.shared)
        form.addRow(self.tr("Seed (the same seed gives the same plan):"), self.seed)
        form.addRow("", self.only_unassigned)

        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("assignment_report")
        self.summary.setReadOnly(True)
        option = self.summary.document().defaultTextOption()
        option.setTextDirection(self.layoutDirection())  # lines start with names: keep the
        # interface's direction (Arabic lines would otherwise run left to right)
        self.summary.document().setDefaultTextOption(option)
        self.summary.setPlaceholderText(
            self.tr("%1 document(s) in the project").replace("%1", f"{documents:,}"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.assign_button = self.buttons.addButton(
            self.tr("Assign"), QDialogButtonBox.ButtonRole.ActionRole)
        self.assign_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.people.itemChanged.connect(lambda _item: self._fit_overlap())
        self._fit_overlap()
        self.resize(560, 560)

    def _spin(self, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(max(low, min(high, value)))
        return spin

    def _add_person(self, name: str, ticked: bool) -> QListWidgetItem:
        item = QListWidgetItem(name, self.people)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        return item

    def _fit_overlap(self) -> None:
        self.per_document.setMaximum(max(1, len(self.annotators())))

    def add_name(self) -> None:
        """Tick NEW_NAME (added to the list when the project does not know it yet)."""
        name = self.new_name.text().strip()
        if not name:
            return
        found = self.people.findItems(name, Qt.MatchFlag.MatchExactly)
        if found:
            found[0].setCheckState(Qt.CheckState.Checked)
        else:
            self._add_person(name, True)
        self.new_name.clear()

    def annotators(self) -> list[str]:
        return [self.people.item(i).text() for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]

    def run(self) -> AssignmentReport | None:
        try:
            report = assign(self.project, self.annotators(), self.per_document.value(),
                            self.shared.value(), self.seed.value(),
                            only_unassigned=self.only_unassigned.isChecked())
        except AnnotatorError as error:
            show_error(self, self.tr("Assign documents"), str(error))
            return None
        self.report = report
        self.summary.setPlainText(self.report_text(report))
        self.assigned.emit(report)
        return report

    def report_text(self, report: AssignmentReport) -> str:
        lines = [self.tr("Assigned %1 document(s) to %2 annotator(s), %3 per document; %4 shared by all")
                 .replace("%1", f"{report.documents:,}").replace("%2", str(len(report.annotators)))
                 .replace("%3", str(report.per_document)).replace("%4", str(len(report.shared)))]
        lines += [self.tr("%1: %2 document(s)").replace("%1", name).replace("%2", f"{count:,}")
                  for name, count in report.per_annotator.items()]
        lines += [self.tr("%1 and %2: %3 document(s) in common").replace("%1", first)
                  .replace("%2", second).replace("%3", f"{count:,}")
                  for (first, second), count in report.pair_overlap.items()]
        return "\n".join(lines)


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
