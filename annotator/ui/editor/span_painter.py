"""Paint what character formats cannot: each span's bracket and label tag in the band above
its line, the current span, spans flagged by a view (disagreements) and search matches.

Geometry comes from the block plans of `SpanGeometry` (made from each block's QTextLayout), so
it follows the bidi order, the line wrapping and the window size exactly. Nothing is painted on
the text's lines but search matches: brackets and tags live in the bands, which hold no glyph.
Only the spans of the visible blocks are ever touched.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextBlock,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.model import SpanState
from annotator.ui.editor.offsets import OffsetMap
from annotator.ui.editor.span_geometry import Fragment, SpanGeometry
from annotator.ui.editor.span_style import (
    CURRENT_SEARCH_COLOR,
    TAG_MARGIN,
    SpanStyle,
)

FLAG_COLOR = QColor("#D0021B")


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
    """What the painter needs besides the spans: search matches, the current span and the
    spans a view flags (the disagreement view's differences)."""

    matches: list[tuple[int, int]] = field(default_factory=list)
    current_match: int = -1
    current_span_id: int | None = None
    flagged: frozenset[int] = frozenset()


class SpanPainter:
    def __init__(self, offsets: OffsetMap, geometry: SpanGeometry, style: SpanStyle) -> None:
        self.offsets = offsets
        self.geometry = geometry
        self.style = style
        self.state = PaintState()
        self._pens: dict[tuple[str, bool, bool], QPen] = {}
        self._tags: dict[tuple[str, bool, float, str, bool], QPixmap] = {}
        # pixel ratio, tag font and dark page of this paint
        self._tag_key: tuple[float, str, bool] = (1.0, "", False)

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
        layout = block.layout()
        runs = []  # line by line: the layout's own glyphRuns merges one font's runs across lines
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            begin, stop = max(first, line.textStart()), min(last, line.textStart() + line.textLength())
            if begin < stop:
                runs.extend(line.glyphRuns(begin, stop - begin))
        for run in runs:
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

    def fragments(self, block: QTextBlock) -> list[Fragment]:
        plan = self.geometry.plan(block)
        return plan.fragments if plan is not None else []

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, view: QPlainTextEdit, area: QRect) -> None:
        """Paint the bands and matches of the visible blocks that meet AREA (the region Qt
        repaints)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._tag_key = (painter.device().devicePixelRatioF(), self.style.tag_font.key(),
                         self.style.dark)
        for block, origin in visible_blocks(view):
            height = view.blockBoundingRect(block).height()
            if origin.y() > area.bottom() or origin.y() + height < area.top():
                continue
            start = self.offsets.from_qt(block.position())
            self._paint_matches(painter, block, origin, start, start + block.length() - 1)
            fragments = self.fragments(block)
            if not fragments:
                continue
            painter.translate(origin)
            current = None
            for fragment in fragments:  # the current span last, so its ring is on top
                if fragment.span.id == self.state.current_span_id:
                    current = fragment
                else:
                    self._paint_fragment(painter, fragment, False)
            if current is not None:
                self._paint_fragment(painter, current, True)
            painter.translate(-origin)

    def _paint_fragment(self, painter: QPainter, fragment: Fragment, current: bool) -> None:
        span = fragment.span
        suggested = span.state is SpanState.SUGGESTED
        bar = fragment.bar
        y = bar.center().y()
        bottom = bar.bottom() - 1
        pen = self._bar_pen(span.label, suggested)
        if current:
            pen = QPen(self.style.current_color, 2.6)
        painter.setPen(pen)
        painter.drawLine(QPointF(bar.left() + 1, y), QPointF(bar.right() - 1, y))
        for edge in (fragment.start_edge, fragment.end_edge):
            if edge is not None:  # a tick down towards the text where the span begins or ends
                x = min(max(edge, bar.left() + 1), bar.right() - 1)
                painter.drawLine(QPointF(x, y), QPointF(x, bottom))
        painter.drawPixmap(fragment.tag.topLeft(), self._tag_image(span.label, suggested))
        ring = FLAG_COLOR if span.id in self.state.flagged else (
            self.style.current_color if current else None)
        if ring is not None:
            painter.setPen(QPen(ring, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(fragment.tag.adjusted(0, -0.5, 0, 0.5), 4, 4)

    def _bar_pen(self, label: str, suggested: bool) -> QPen:
        key = (label, suggested, self.style.dark)
        pen = self._pens.get(key)
        if pen is None:
            pen = QPen(self.style.bar_color(label), 1.6 if suggested else 2.0,
                       Qt.PenStyle.DashLine if suggested else Qt.PenStyle.SolidLine)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            self._pens[key] = pen
        return pen

    def _tag_image(self, label: str, suggested: bool) -> QPixmap:
        """A label's tag drawn once (per font, state and pixel ratio), then copied: drawing
        the rounded box and laying out its text for every span costs most of a repaint."""
        key = (label, suggested, *self._tag_key)
        image = self._tags.get(key)
        if image is not None:
            return image
        ratio = self._tag_key[0]
        fill, outline, text_color = self.style.tag_colors(label, suggested)
        box = QRectF(0, 0, self.style.tag_width(label), self.style.tag_height)
        image = QPixmap(math.ceil(box.width() * ratio), math.ceil(box.height() * ratio))
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setFont(self.style.tag_font)
            painter.setPen(QPen(outline, 1.2, Qt.PenStyle.DashLine) if suggested
                           else Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(box.adjusted(TAG_MARGIN / 3, 0.6, -TAG_MARGIN / 3, -0.6), 3, 3)
            painter.setPen(text_color)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        finally:
            painter.end()
        self._tags[key] = image
        return image

    def _paint_matches(self, painter: QPainter, block: QTextBlock, origin: QPointF,
                       start: int, end: int) -> None:
        matches = self.state.matches
        if not matches:
            return
        i = bisect_left(matches, (start, -1))
        if i > 0 and matches[i - 1][1] > start:
            i -= 1
        behind = QTextCharFormat()
        behind.setBackground(self.style.search_highlight())
        behind.setForeground(self.style.text)
        selections, clip, rings = [], QPainterPath(), []
        while i < len(matches) and matches[i][0] < end:
            m_start, m_end = max(matches[i][0], start), min(matches[i][1], end)
            rects = [rect.adjusted(0, 2, 0, -2) for rect in self.range_rects(block, origin, m_start, m_end)]
            if rects:
                selection = QTextLayout.FormatRange()
                selection.start = self.offsets.to_qt(m_start) - block.position()
                selection.length = self.offsets.to_qt(m_end) - block.position() - selection.start
                selection.format = behind
                selections.append(selection)
                for rect in rects:
                    clip.addRect(rect)
                if i == self.state.current_match:
                    rings = rects
            i += 1
        if not selections:
            return
        # the match's part of the line laid out again with the highlight behind its characters,
        # as Qt draws a selection: the text on it reads, over the page or any span's fill
        painter.save()
        painter.setClipPath(clip)
        painter.setPen(self.style.text)
        block.layout().draw(painter, origin, selections, clip.boundingRect())
        painter.restore()
        if rings:  # a ring around the current match
            painter.setPen(QPen(CURRENT_SEARCH_COLOR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rings:
                painter.drawRect(rect)
