"""The text view's document layout: Qt's plain-text layout, with room for the label bands.

`QPlainTextDocumentLayout` lays out one block at a time, lazily, and every geometry question
the view asks (painting, scrolling, hit-testing, `centerCursor`) goes through its
`blockBoundingRect`. Overriding that one virtual lets the band geometry move the lines of a
block down the moment Qt has laid it out, before anyone reads its height or its lines, so
Qt's own scrolling and hit-testing agree with what is painted. Lines keep Qt's line breaks
and x positions; only their y changes.

A block that grows a band after Qt laid it out makes the document taller than the scroll bar
knows: the last lines could not be scrolled into view. So a change of height is announced
(`documentSizeChanged`, once per turn of the event loop), and the view recomputes its range.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from annotator.ui.editor.span_geometry import SpanGeometry


class BandLayout(QPlainTextDocumentLayout):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.geometry: SpanGeometry | None = None
        self._size_pending = False
        self._size_timer = QTimer(self)  # a child: it dies with the layout, never fires after
        self._size_timer.setSingleShot(True)
        self._size_timer.timeout.connect(self.flush_size)

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802 (Qt's name)
        rect = super().blockBoundingRect(block)
        geometry = self.geometry
        if geometry is not None and block.isValid() and block.isVisible() and geometry.ensure(block):
            laid_out = rect.height()
            rect = super().blockBoundingRect(block)
            if rect.height() != laid_out:
                self.announce_size()
        return rect

    def announce_size(self) -> None:
        """Tell the view, on the next turn of the event loop, that block heights changed."""
        if not self._size_pending:
            self._size_pending = True
            self._size_timer.start(0)

    def flush_size(self) -> None:
        """Announce a pending change of height now (before scrolling to a position)."""
        if self._size_pending:
            self._size_pending = False
            self.documentSizeChanged.emit(self.documentSize())
