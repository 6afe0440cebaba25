"""Paint what character formats cannot: label tags, suggestion outlines, the current span and
search matches. Geometry comes from each visible block's QTextLayout (glyph runs and cursor
x positions), so it follows the bidi order, the line wrapping and the window size exactly.
Only the spans of the visible blocks are ever touched.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QTextBlock, QTextLine
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

CURRENT_PEN = QPen(QColor("#202020"), 2.2)


def visible_blocks(view: QPlainTextEdit) -> Iterator[tuple[QTextBlock, QPointF]]:
    """The blocks on screen with the viewport position of their layout's origin.

    Only the first block's geometry is asked of the view (`blockBoundingGeometry` walks from
    the top block each time); the others follow by their heights, as Qt's own paint does.
    """
    block = view.firstVisibleBlock()
    if not block.isValid():
        return
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    bottom = view.viewport().height()
    while block.isValid() and origin.y() <= bottom:
        height = view.blockBoundingRect(block).height()
        if block.isVisible():
            yield block, QPointF(origin)
        origin.setY(origin.y() + height)
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


@dataclass(frozen=True, slots=True)
class SpanShape:
    """Where one span is drawn in its block, relative to the block's layout origin."""

    span: StoredSpan
    rects: list[QRectF]
    tag: QRectF | None  # None when the span ends in a later block


class SpanPainter:
    """Paints span outlines and tags from per-block shapes, cached until the block's layout
    changes (`layout_key` says when: span edits, fonts, direction, width)."""

    def __init__(self, text: str, offsets: OffsetMap, index: SpanIndex, style: SpanStyle,
                 layout_key: Callable[[QTextBlock], Hashable] = lambda _b: None) -> None:
        self.text = text
        self.offsets = offsets
        self.index = index
        self.style = style
        self.layout_key = layout_key
        self.state = PaintState()
        self._shapes: dict[int, tuple[Hashable, list[SpanShape]]] = {}
        self._pens: dict[str, QPen] = {}
        self._tags: dict[tuple[str, bool, float, str], QPixmap] = {}
        self._tag_key: tuple[float, str] = (1.0, "")  # pixel ratio and tag font of this paint

    # ------------------------------------------------------------------ geometry
    def range_rects(self, block: QTextBlock, origin: QPointF, start: int, end: int) -> list[QRectF]:
        """Rectangles covering code points [start, end) of BLOCK, one per line run, placed
        with the block's layout origin at ORIGIN."""
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

    def gap_rect(self, block: QTextBlock, gap: int) -> QRectF | None:
        """The widened whitespace at code point GAP (layout coordinates), if it has width."""
        position = self.offsets.to_qt(gap) - block.position()
        line = block.layout().lineForTextPosition(position)
        if not line.isValid():
            return None
        x0, x1 = cursor_x(line, position), cursor_x(line, position + 1)
        rect = QRectF(min(x0, x1), line.y(), abs(x1 - x0), line.height())
        natural = line.naturalTextRect()
        if rect.left() < natural.left() - 1 or rect.right() > natural.right() + 1:
            return None  # a trailing space where the line wraps: it has no width on screen
        return rect

    def tag_rect(self, block: QTextBlock, span: StoredSpan, last_rect: QRectF,
                 block_end: int) -> QRectF:
        """The tag's box: in the widened gap after the span; else (the span ends a paragraph,
        or its gap is the space where a line wraps) past the end of its line when there is
        room there; else tucked into the lower corner of the span's end."""
        width = self.style.tag_width(span.label)
        height = self.style.tag_metrics.height() + 2
        gap = tag_gap_position(self.text, span.end, block_end)
        room = self.gap_rect(block, gap) if gap is not None else None
        layout = block.layout()
        rtl = layout.textOption().textDirection() == Qt.LayoutDirection.RightToLeft
        if room is not None and room.width() >= width:
            center = room.center()
        else:
            line = layout.lineForTextPosition(self.offsets.to_qt(span.end - 1) - block.position())
            natural = line.naturalTextRect() if line.isValid() else QRectF()
            spare = 0.0
            if line.isValid() and self._ends_line(block, line, span.end):
                spare = natural.left() - line.x() if rtl else (
                    line.x() + line.width() - natural.right())
            if spare >= width + 2 * TAG_MARGIN:  # past the end of the line
                x = natural.left() - TAG_MARGIN - width / 2 if rtl else (
                    natural.right() + TAG_MARGIN + width / 2)
                center = QPointF(x, line.y() + line.height() / 2)
            else:
                x = last_rect.left() + width / 2 if rtl else last_rect.right() - width / 2
                center = QPointF(x, last_rect.bottom() - height / 2)
        return QRectF(center.x() - width / 2, center.y() - height / 2, width, height)

    def _ends_line(self, block: QTextBlock, line: QTextLine, end: int) -> bool:
        """True if only spaces and punctuation follow code point END on LINE."""
        line_end = self.offsets.from_qt(block.position() + line.textStart() + line.textLength())
        return not any(ch.isalnum() for ch in self.text[end:line_end])

    def shapes(self, block: QTextBlock) -> list[SpanShape]:
        """The shapes of BLOCK's spans, from the cache while its layout is unchanged."""
        key = self.layout_key(block)
        cached = self._shapes.get(block.blockNumber())
        if cached is not None and cached[0] == key:
            return cached[1]
        start = self.offsets.from_qt(block.position())
        end = start + block.length() - 1
        zero = QPointF(0, 0)
        found = []
        for span in self.index.overlapping(start, end):
            rects = self.range_rects(block, zero, max(span.start, start), min(span.end, end))
            if rects:
                tag = self.tag_rect(block, span, rects[-1], end) if span.end <= end else None
                found.append(SpanShape(span, rects, tag))
        self._shapes[block.blockNumber()] = (key, found)
        return found

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, view: QPlainTextEdit, area: QRect) -> None:
        """Paint the spans of the visible blocks that meet AREA (the region Qt repaints)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._tag_key = (painter.device().devicePixelRatioF(), self.style.tag_font.key())
        for block, origin in visible_blocks(view):
            height = view.blockBoundingRect(block).height()
            if origin.y() > area.bottom() or origin.y() + height < area.top():
                continue
            start = self.offsets.from_qt(block.position())
            self._paint_matches(painter, block, origin, start, start + block.length() - 1)
            painter.translate(origin)
            for shape in self.shapes(block):
                self._paint_shape(painter, shape)
            painter.translate(-origin)

    def _paint_shape(self, painter: QPainter, shape: SpanShape) -> None:
        span = shape.span
        suggested = span.state is SpanState.SUGGESTED
        if suggested:
            painter.setPen(self._outline_pen(span.label))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in shape.rects:
                painter.drawRoundedRect(rect.adjusted(0.5, 1.5, -0.5, -1.5), 3, 3)
        if span.id == self.state.current_span_id:
            painter.setPen(CURRENT_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in shape.rects:
                painter.drawRoundedRect(rect.adjusted(-1, 0.5, 1, -0.5), 3, 3)
        if shape.tag is not None:
            painter.drawPixmap(shape.tag.topLeft(), self._tag_image(span.label, suggested))

    def _outline_pen(self, label: str) -> QPen:
        pen = self._pens.get(label)
        if pen is None:
            pen = self._pens[label] = QPen(self.style.color(label).darker(130), 1.6,
                                           Qt.PenStyle.DashLine)
        return pen

    def _tag_image(self, label: str, suggested: bool) -> QPixmap:
        """A label's tag drawn once (per font, state and pixel ratio), then copied: drawing
        the rounded box and laying out its text for every span costs most of a repaint."""
        key = (label, suggested, *self._tag_key)
        image = self._tags.get(key)
        if image is not None:
            return image
        ratio = self._tag_key[0]
        color = self.style.color(label)
        box = QRectF(0, 0, self.style.tag_width(label), self.style.tag_metrics.height() + 2)
        image = QPixmap(math.ceil(box.width() * ratio), math.ceil(box.height() * ratio))
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setFont(self.style.tag_font)
            if suggested:
                painter.setPen(QPen(color.darker(130), 1.2, Qt.PenStyle.DashLine))
                painter.setBrush(QColor("#FFFFFF"))
                text_color = color.darker(170)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                text_color = readable_on(color)
            painter.drawRoundedRect(box.adjusted(TAG_MARGIN / 3, 0.6, -TAG_MARGIN / 3, -0.6), 3, 3)
            painter.setPen(text_color)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        finally:
            painter.end()
        self._tags[key] = image
        return image

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
