"""A reference card of the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            ("1 … 9, 0", self.tr("Label the selection (or relabel the span under the cursor)")),
            (self.tr("Drag, Shift+arrows"), self.tr("Select; the selection snaps to whole tokens")),
            (self.tr("Alt+drag, Ctrl+M"), self.tr("Character mode: select exact characters (a name after a proclitic)")),
            (self.tr("Double-click"), self.tr("Select a token")),
            (self.tr("Click, click again"), self.tr("Choose the innermost span there, then the next one out")),
            ("Tab, Shift+Tab", self.tr("Next, previous span")),
            ("Ctrl+R", self.tr("Resize the chosen span to the selection")),
            ("Del", self.tr("Delete the span")),
            ("Enter", self.tr("Accept the suggestion")),
            ("Backspace", self.tr("Reject the suggestion")),
            ("Shift+Enter", self.tr("Accept all suggestions in the document")),
            ("Ctrl+Z, Ctrl+Shift+Z", self.tr("Undo, redo")),
            ("Ctrl+Enter", self.tr("Mark the document done and open the next undone one")),
            ("F8", self.tr("Next undone document")),
            ("Ctrl+F, F3", self.tr("Find (ignores diacritics and letter variants), find next")),
            ("Ctrl++, Ctrl+-, Ctrl+0", self.tr("Zoom in, out, normal size")),
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        for i, (keys, what) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            table.setItem(i, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)  # no empty strip beside the actions
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(720, 460)
