"""The text view's document layout: Qt's plain-text layout, with room for the label bands.

`QPlainTextDocumentLayout` lays out one block at a time, lazily, and every geometry question
the view asks (painting, scrolling, hit-testing, `centerCursor`) goes through its
`blockBoundingRect`. Overriding that one virtual lets the band geometry move the lines of a
block down the moment Qt has laid it out, before anyone reads its height or its lines, so
Qt's own scrolling and hit-testing agree with what is painted. Lines keep Qt's line breaks
and x positions; only their y changes.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from annotator.ui.editor.span_geometry import SpanGeometry


class BandLayout(QPlainTextDocumentLayout):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.geometry: SpanGeometry | None = None

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802 (Qt's name)
        rect = super().blockBoundingRect(block)
        geometry = self.geometry
        if geometry is not None and block.isValid() and block.isVisible() and geometry.ensure(block):
            rect = super().blockBoundingRect(block)
        return rect
