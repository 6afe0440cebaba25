"""The find bar under the text: Arabic-insensitive search with match count and stepping."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.ui.editor.search import DocumentSearch


class SearchBar(QWidget):
    matches_changed = Signal(list)  # [(start, end)]
    current_changed = Signal(int)  # index into the matches
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finder = DocumentSearch("")
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find (ignores diacritics, tatweel and letter variants)"))
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        previous = QToolButton(self)
        previous.setText(self.tr("Previous"))
        following = QToolButton(self)
        following.setText(self.tr("Next"))
        close = QToolButton(self)
        close.setText(self.tr("Close"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.search_now)
        self.field.textChanged.connect(lambda _t: self._debounce.start())
        self.field.returnPressed.connect(lambda: self.step(not (
            QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)))
        previous.clicked.connect(lambda: self.step(False))
        following.clicked.connect(lambda: self.step(True))
        close.clicked.connect(self.close_bar)

    def set_text(self, text: str) -> None:
        self.finder = DocumentSearch(text)
        if self.field.text():
            self.search_now()

    def search_now(self) -> None:
        self._debounce.stop()
        self.matches = self.finder.find_all(self.field.text())
        self.current = -1
        self.matches_changed.emit(self.matches)
        self._show_count()
        if self.matches:
            self.step(True)

    def step(self, forward: bool) -> None:
        if self._debounce.isActive():
            self.search_now()
            return
        if not self.matches:
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.matches)
        self._show_count()
        self.current_changed.emit(self.current)

    def _show_count(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self.current + 1))
                               .replace("%2", str(len(self.matches))))

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.matches = []
        self.current = -1
        self.matches_changed.emit([])
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
