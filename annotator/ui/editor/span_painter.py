"""Paint what character formats cannot: label tags, suggestion outlines, the current span and
search matches. Geometry comes from each visible block's QTextLayout (glyph runs and cursor
x positions), so it follows the bidi order, the line wrapping and the window size exactly.
Only the spans of the visible blocks are ever touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.model import SpanState, StoredSpan
from annotator.ui.editor.offsets import OffsetMap
from annotator.ui.editor.span_style import (
    CURRENT_SEARCH_COLOR,
    SEARCH_COLOR,
    TAG_MARGIN,
    SpanStyle,
    readable_on,
    tag_gap_position,
)
from annotator.ui.span_index import SpanIndex


def visible_blocks(view: QPlainTextEdit) -> Iterator[tuple[QTextBlock, QPointF]]:
    """The blocks on screen with the viewport position of their layout's origin."""
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    bottom = view.viewport().height()
    while block.isValid():
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > bottom:
            break
        if block.isVisible():
            yield block, geometry.topLeft()
        block = block.next()


def cursor_x(line: QTextLine, position: int) -> float:
    """The x of the cursor before POSITION on LINE (layout coordinates)."""
    found: Any = line.cursorToX(position)
    return float(found[0] if isinstance(found, tuple) else found)


@dataclass
class PaintState:
    """What the painter needs besides the spans: search matches and the current span."""

    matches: list[tuple[int, int]] = field(default_factory=list)
    current_match: int = -1
    current_span_id: int | None = None


class SpanPainter:
    def __init__(self, text: str, offsets: OffsetMap, index: SpanIndex, style: SpanStyle) -> None:
        self.text = text
        self.offsets = offsets
        self.index = index
        self.style = style
        self.state = PaintState()

    # ------------------------------------------------------------------ geometry
    def range_rects(self, block: QTextBlock, origin: QPointF, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering code points [start, end) of BLOCK, one per line run."""
        first = self.offsets.to_qt(start) - block.position()
        last = self.offsets.to_qt(end) - block.position()
        first, last = max(first, 0), min(last, block.length() - 1)
        if last <= first:
            return []
        rects: list[QRectF] = []
        for run in block.layout().glyphRuns(first, last - first):
            rect = run.boundingRect().translated(origin)
            if rect.width() <= 0:
                continue
            for i, known in enumerate(rects):  # merge runs of one line that touch
                if abs(known.top() - rect.top()) < 1 and (
                        rect.left() <= known.right() + 1 and known.left() <= rect.right() + 1):
                    rects[i] = known.united(rect)
                    break
            else:
                rects.append(rect)
        return rects

    def gap_rect(self, block: QTextBlock, origin: QPointF, gap: int) -> QRectF | None:
        """The widened whitespace at code point GAP, if it is on screen with room for a tag."""
        position = self.offsets.to_qt(gap) - block.position()
        layout = block.layout()
        line = layout.lineForTextPosition(position)
        if not line.isValid():
            return None
        x0, x1 = cursor_x(line, position), cursor_x(line, position + 1)
        rect = QRectF(min(x0, x1), line.y(), abs(x1 - x0), line.height()).translated(origin)
        natural = line.naturalTextRect().translated(origin)
        if rect.left() < natural.left() - 1 or rect.right() > natural.right() + 1:
            return None  # a trailing space where the line wraps: it has no width on screen
        return rect

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, view: QPlainTextEdit) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for block, origin in visible_blocks(view):
            start = self.offsets.from_qt(block.position())
            end = start + block.length() - 1
            self._paint_matches(painter, block, origin, start, end)
            for span in self.index.overlapping(start, end):
                self._paint_span(painter, block, origin, span, start, end)

    def _paint_span(self, painter: QPainter, block: QTextBlock, origin: QPointF,
                    span: StoredSpan, start: int, end: int) -> None:
        color = self.style.color(span.label)
        rects = self.range_rects(block, origin, max(span.start, start), min(span.end, end))
        if not rects:
            return
        suggested = span.state is SpanState.SUGGESTED
        if suggested:
            pen = QPen(color.darker(130), 1.6, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rects:
                painter.drawRoundedRect(rect.adjusted(0.5, 1.5, -0.5, -1.5), 3, 3)
        if span.id == self.state.current_span_id:
            painter.setPen(QPen(QColor("#202020"), 2.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rects:
                painter.drawRoundedRect(rect.adjusted(-1, 0.5, 1, -0.5), 3, 3)
        if span.end <= end:
            self._paint_tag(painter, block, origin, span, rects[-1], end)

    def _paint_tag(self, painter: QPainter, block: QTextBlock, origin: QPointF,
                   span: StoredSpan, last_rect: QRectF, block_end: int) -> None:
        style = self.style
        width = style.tag_width(span.label)
        height = style.tag_metrics.height() + 2
        gap = tag_gap_position(self.text, span.end, block_end)
        room = self.gap_rect(block, origin, gap) if gap is not None else None
        if room is not None and room.width() >= width:
            center = room.center()
        else:  # no gap on screen: tuck the tag into the lower corner of the span's end
            rtl = block.layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft
            x = last_rect.left() + width / 2 if rtl else last_rect.right() - width / 2
            center = QPointF(x, last_rect.bottom() - height / 2)
        rect = QRectF(center.x() - width / 2, center.y() - height / 2, width, height)
        color = style.color(span.label)
        if span.state is SpanState.SUGGESTED:
            painter.setPen(QPen(color.darker(130), 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor("#FFFFFF"))
            text_color = color.darker(170)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            text_color = readable_on(color)
        painter.drawRoundedRect(rect.adjusted(TAG_MARGIN / 3, 0, -TAG_MARGIN / 3, 0), 3, 3)
        painter.setPen(text_color)
        painter.setFont(style.tag_font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, span.label)

    def _paint_matches(self, painter: QPainter, block: QTextBlock, origin: QPointF,
                       start: int, end: int) -> None:
        from bisect import bisect_left

        matches = self.state.matches
        if not matches:
            return
        i = bisect_left(matches, (start, -1))
        if i > 0 and matches[i - 1][1] > start:
            i -= 1
        highlight = QColor(SEARCH_COLOR)
        highlight.setAlpha(140)
        while i < len(matches) and matches[i][0] < end:
            m_start, m_end = matches[i]
            current = i == self.state.current_match
            painter.setPen(QPen(CURRENT_SEARCH_COLOR, 2) if current else Qt.PenStyle.NoPen)
            painter.setBrush(highlight)
            for rect in self.range_rects(block, origin, max(m_start, start), min(m_end, end)):
                painter.drawRect(rect.adjusted(0, 2, 0, -2))
            i += 1
