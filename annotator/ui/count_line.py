"""A line of text under a list that says how many rows it shows, changed on every keystroke.

A `QLabel` asks its layout for room again whenever its text changes, and in a dock that request
climbs to the main window, which lays out every dock again: a label keystroke paid for that
each time the Spans panel's "41 spans" became "42 spans". This line asks only when the text
needs another height at its width (it wraps to one more line, or one less); otherwise it just
repaints itself.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

FLAGS = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | \
    Qt.TextFlag.TextWordWrap


class CountLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name)
        if text == self._text:
            return
        height = self.heightForWidth(self.width())
        self._text = text
        self.setAccessibleName(text)
        if self.heightForWidth(self.width()) != height or not self.isVisible():
            self.updateGeometry()
        self.update()

    def _text_rect(self, width: int) -> QRect:
        return self.fontMetrics().boundingRect(QRect(0, 0, max(1, width), 1 << 20),
                                               int(FLAGS), self._text or " ")

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._text_rect(width).height()

    def sizeHint(self) -> QSize:  # noqa: N802
        one_line = self.fontMetrics().boundingRect(self._text or " ")
        return QSize(one_line.width(), one_line.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self.style().drawItemText(painter, self.rect(), int(FLAGS), self.palette(), True,
                                      self._text, QPalette.ColorRole.WindowText)
        finally:
            painter.end()
