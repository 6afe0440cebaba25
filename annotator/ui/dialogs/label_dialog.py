"""Project › Labels…: the label editor.

A table of the labels in order (name, colour swatch, hotkey, description); a name, hotkey or
description is edited in its cell (double-click or F2, Enter), the colour with Qt's colour
dialog. Add, Up, Down, Remove and Merge act on the chosen row. Each change is one domain
operation applied through the window (`LabelBench.apply_label`), so it is one step of Edit ›
Undo (and of this dialog's Undo), and every view follows it. Removing a label in use asks what
becomes of its spans (relabel them to another label, or delete them); nothing is dropped
silently. A refusal (a hotkey taken, a bad colour, a name in use) is said in one line and the
table shows the labels as they are.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.project import Project
from annotator.core.errors import E
from annotator.core.model import LabelSpec, next_label_spec
from annotator.core.operations import (
    AddLabel,
    Change,
    LabelOperation,
    MergeLabels,
    RecolorLabel,
    RemoveLabel,
    RenameLabel,
    ReorderLabels,
    SetLabelDescription,
    SetLabelHotkey,
)
from annotator.ui.bidi import isolated
from annotator.ui.editor.span_style import readable_on
from annotator.ui.i18n import error_text
from annotator.ui.label_editing import LabelEditing

NAME, COLOR, HOTKEY, DESCRIPTION = range(4)


class LabelBench(Protocol):
    """What the label editor uses of the window."""

    project: Project
    label_editing: LabelEditing

    def apply_label(self, operation: LabelOperation) -> Change | None: ...

    def undo_label_change(self) -> None: ...

    def redo_label_change(self) -> None: ...


class LabelDialog(QDialog):
    def __init__(self, bench: LabelBench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LabelDialog")
        self.setWindowTitle(self.tr("Labels"))
        self.bench = bench
        self.labels: list[LabelSpec] = []
        self.last_error = ""
        self.choice: QDialog | None = None
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Colour"),
                                              self.tr("Hotkey"), self.tr("Description")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.new_name = QLineEdit(self)
        self.new_name.setObjectName("new_label")
        self.new_name.setPlaceholderText(self.tr("New label name"))
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        for key, text, slot in (
                ("add", self.tr("Add"), self.add_label),
                ("color", self.tr("Colour…"), self.choose_color),
                ("up", self.tr("Up"), lambda: self.move_label(-1)),
                ("down", self.tr("Down"), lambda: self.move_label(1)),
                ("remove", self.tr("Remove…"), self.remove),
                ("merge", self.tr("Merge into…"), self.merge),
                ("undo", self.tr("Undo"), bench.undo_label_change),
                ("redo", self.tr("Redo"), bench.redo_label_change)):
            button = QPushButton(text, self)
            button.setObjectName(f"label_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[key] = button
            if key == "add":
                row.addWidget(button)
        actions = QHBoxLayout()
        for key in ("color", "up", "down", "remove", "merge", "undo", "redo"):
            actions.addWidget(self.buttons[key])
        actions.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("label_status")
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(640, 420)
        self.new_name.returnPressed.connect(self.add_label)
        self.table.itemChanged.connect(self._cell_edited)
        bench.label_editing.changed.connect(self._changed)
        bench.label_editing.failed.connect(self._refused)
        self.show_labels()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter adds the typed label (or ends a cell's edit); it never closes the dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ the table
    def show_labels(self, chosen: str | None = None) -> None:
        """The labels as the project has them, CHOSEN (or the chosen one) still chosen."""
        chosen = chosen if chosen is not None else self.chosen_name()
        self.labels = self.bench.project.labels()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.labels))
        for row, spec in enumerate(self.labels):
            swatch = QTableWidgetItem(isolated(spec.color) if spec.color else "")  # not "E69F00#"
            swatch.setFlags(swatch.flags() & ~Qt.ItemFlag.ItemIsEditable)
            color = QColor(spec.color or "#999999")
            swatch.setBackground(color)
            swatch.setForeground(readable_on(color))
            for column, item in ((NAME, QTableWidgetItem(spec.name)), (COLOR, swatch),
                                 (HOTKEY, QTableWidgetItem(spec.hotkey)),
                                 (DESCRIPTION, QTableWidgetItem(spec.description))):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        names = [x.name for x in self.labels]
        if chosen in names:
            self.table.selectRow(names.index(chosen))

    def chosen_name(self) -> str | None:
        row = self.table.currentRow()
        return self.labels[row].name if 0 <= row < len(self.labels) else None

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        spec = self.labels[item.row()]
        value = item.text().strip()
        operation: LabelOperation | None = None
        if item.column() == NAME and value != spec.name:
            operation = RenameLabel(spec.name, value)
        elif item.column() == HOTKEY and value != spec.hotkey:
            operation = SetLabelHotkey(spec.name, value)
        elif item.column() == DESCRIPTION and value != spec.description:
            operation = SetLabelDescription(spec.name, item.text())
        if operation is None or self._apply(operation) is None:
            self.show_labels(spec.name)  # refused or unchanged: show what is stored

    # ------------------------------------------------------------------ the buttons
    def add_label(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        if self._apply(AddLabel(next_label_spec(self.labels, name))) is not None:
            self.new_name.clear()
            self.show_labels(name)

    def choose_color(self) -> None:
        name = self.chosen_name()
        if name is None:
            return
        spec = self.labels[self.table.currentRow()]
        color = QColorDialog.getColor(QColor(spec.color or "#999999"), self,
                                      self.tr("Colour of %1").replace("%1", name))
        if color.isValid():
            self._apply(RecolorLabel(name, color.name().upper()))

    def move_label(self, step: int) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.labels) or not 0 <= row + step < len(self.labels):
            return
        names = [x.name for x in self.labels]
        names[row], names[row + step] = names[row + step], names[row]
        self._apply(ReorderLabels(tuple(names)))

    def remove(self) -> None:
        name = self.chosen_name()
        if name is None:
            return
        if self._apply(RemoveLabel(name)) is None and f"[{E.E343.name}]" in self.last_error:
            self._ask(name, removing=True)

    def merge(self) -> None:
        name = self.chosen_name()
        if name is not None and len(self.labels) > 1:
            self._ask(name, removing=False)

    def _ask(self, name: str, removing: bool) -> None:
        """What becomes of NAME's spans: relabelled to another label (a merge), or, when
        removing, deleted. Opened, not run: the dialog answers through `accepted`."""
        self.choice = choice = SpanChoiceDialog(
            name, [x.name for x in self.labels if x.name != name], removing, self)
        choice.accepted.connect(lambda: self._chosen(name, choice))
        choice.open()

    def _chosen(self, name: str, choice: SpanChoiceDialog) -> None:
        if choice.delete.isChecked():
            self._apply(RemoveLabel(name, delete_spans=True))
        elif choice.removing:
            self._apply(RemoveLabel(name, spans_to=choice.target.currentText()))
        else:
            self._apply(MergeLabels(name, choice.target.currentText()))

    # ------------------------------------------------------------------ applying
    def _apply(self, operation: LabelOperation) -> Change | None:
        self.last_error = ""
        return self.bench.apply_label(operation)

    def _changed(self, change: Change) -> None:
        self.show_labels(_name_after(change, self.chosen_name()))
        self.status.setText(self._report(change))

    def _refused(self, message: str) -> None:
        self.last_error = message
        self.status.setText(error_text(message))

    def _report(self, change: Change) -> str:
        report = change.label_report
        if report is None:
            return self.tr("Labels changed")
        parts = []
        if report.spans_relabelled:
            parts.append(self.tr("%1 span(s) relabelled").replace(
                "%1", str(report.spans_relabelled)))
        if report.spans_deleted - len(report.duplicates) > 0:
            parts.append(self.tr("%1 span(s) deleted").replace(
                "%1", str(report.spans_deleted - len(report.duplicates))))
        if report.duplicates:
            kept = self.tr("%1 span(s) on the same offsets as one already there kept once")
            parts.append(kept.replace("%1", str(len(report.duplicates))))
        return "; ".join(parts) if parts else self.tr("Labels changed")


def _name_after(change: Change, chosen: str | None) -> str | None:
    """The chosen label's name after CHANGE (a rename renames it)."""
    operation = change.operation
    if isinstance(operation, RenameLabel) and operation.name == chosen:
        return operation.new_name.strip()
    return chosen


class SpanChoiceDialog(QDialog):
    """Relabel a label's spans to another label, or (removing it) delete them."""

    def __init__(self, name: str, others: list[str], removing: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SpanChoiceDialog")
        self.removing = removing
        self.setWindowTitle(self.tr("Remove %1").replace("%1", name) if removing
                            else self.tr("Merge %1").replace("%1", name))
        self.relabel = QRadioButton(self.tr("Relabel its spans to") if removing
                                    else self.tr("Merge into"), self)
        self.delete = QRadioButton(self.tr("Delete its spans"), self)
        self.delete.setVisible(removing)
        group = QButtonGroup(self)
        group.addButton(self.relabel)
        group.addButton(self.delete)
        self.relabel.setChecked(True)
        self.target = QComboBox(self)
        self.target.addItems(others)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        if removing:
            why = self.tr("%1 is in use: what becomes of its spans (and its gazetteer names and time records)?")
            text = QLabel(why.replace("%1", name), self)
            text.setWordWrap(True)
            layout.addWidget(text)
        line = QHBoxLayout()
        line.addWidget(self.relabel)
        line.addWidget(self.target, 1)
        layout.addLayout(line)
        layout.addWidget(self.delete)
        layout.addWidget(buttons)
        self.ok.setEnabled(bool(others) or removing)
        self.relabel.setEnabled(bool(others))
        if not others:
            self.delete.setChecked(True)
