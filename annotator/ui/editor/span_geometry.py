"""Where each span is drawn: its text on each line, and its row and tag in the label band
reserved above that line.

A block's plan is made from Qt's own layout of its lines (glyph runs give each span's x extent
on each line, in bidi order), once per layout: spans are placed innermost first, each in the
lowest row above every span it contains where its bar and tag collide with nothing already in
that row; a line's band is as tall as its rows. The lines are then moved down to make room
(`BandLayout` asks for that whenever Qt lays a block out). The text never moves sideways and
never re-wraps for a span: only the gaps between lines change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextLayout

from annotator.core.model import StoredSpan
from annotator.ui.editor.offsets import OffsetMap
from annotator.ui.editor.span_style import TAG_MARGIN, SpanStyle
from annotator.ui.span_index import SpanIndex


@dataclass(frozen=True, slots=True)
class Fragment:
    """One span's part on one line of a block (block layout coordinates)."""

    span: StoredSpan
    line: int
    row: int  # 0: nearest the text
    boxes: tuple[QRectF, ...]  # the span's text on this line
    bar: QRectF  # the row's strip over the span's text: the bracket is drawn in it
    tag: QRectF
    start_edge: float | None  # x of the span's first character's edge, if on this line
    end_edge: float | None  # x of the span's last character's far edge, if on this line

    @property
    def hit_box(self) -> QRectF:
        return self.bar.united(self.tag)


@dataclass(slots=True)
class BlockPlan:
    key: tuple[int, int, int, float]  # epoch, span version, line count, line width
    positions: list[float]  # each line's y once the bands are in
    fragments: list[Fragment]


@dataclass(slots=True)
class _Draft:
    span: StoredSpan
    line: int
    extents: list[tuple[float, float]]
    left: float  # x0 of all extents
    right: float
    tag_left: float
    row: int = 0


def _line_extents(layout: QTextLayout, first: int, last: int) -> list[tuple[float, float]]:
    """The x ranges of block positions [first, last) on one line, touching runs merged."""
    found: list[tuple[float, float]] = []
    for run in layout.glyphRuns(first, last - first):
        rect = run.boundingRect()
        if rect.width() <= 0:
            continue
        x0, x1 = rect.left(), rect.right()
        for i, (a, b) in enumerate(found):
            if x0 <= b + 1 and a <= x1 + 1:
                found[i] = (min(a, x0), max(b, x1))
                break
        else:
            found.append((x0, x1))
    return found


def _cursor_x(layout: QTextLayout, line: int, position: int) -> float:
    found: Any = layout.lineAt(line).cursorToX(position)
    return float(found[0] if isinstance(found, tuple) else found)


class SpanGeometry:
    """Plans of the blocks Qt lays out, cached until their spans, the font, the direction or
    the width change."""

    def __init__(self, offsets: OffsetMap, index: SpanIndex, style: SpanStyle) -> None:
        self.offsets = offsets
        self.index = index
        self.style = style
        self.epoch = 0
        self._versions: dict[int, int] = {}
        self._plans: dict[int, BlockPlan] = {}

    # ------------------------------------------------------------------ invalidation
    def invalidate(self) -> None:
        """Every plan is stale (font, direction or style changed)."""
        self.epoch += 1
        self._plans.clear()

    def spans_changed(self, block_numbers: list[int]) -> None:
        for number in block_numbers:
            self._versions[number] = self._versions.get(number, 0) + 1

    # ------------------------------------------------------------------ plans
    def ensure(self, block: QTextBlock) -> bool:
        """Make BLOCK's lines sit below their bands; True if any line moved."""
        plan = self.plan(block)
        if plan is None:
            return False
        layout = block.layout()
        positions = plan.positions
        last = len(positions) - 1
        if layout.lineAt(0).y() == positions[0] and layout.lineAt(last).y() == positions[last]:
            return False
        for i, y in enumerate(positions):
            line = layout.lineAt(i)
            line.setPosition(QPointF(line.x(), y))
        return True

    def plan(self, block: QTextBlock) -> BlockPlan | None:
        """BLOCK's plan, made now if its spans or layout changed (None if it has no lines)."""
        layout = block.layout()
        count = layout.lineCount()
        if count == 0:
            return None
        number = block.blockNumber()
        key = (self.epoch, self._versions.get(number, 0), count, layout.lineAt(0).width())
        plan = self._plans.get(number)
        if plan is None or plan.key != key:
            plan = self._plans[number] = self._make_plan(block, layout, key)
        return plan

    def span_at(self, block: QTextBlock, point: QPointF) -> StoredSpan | None:
        """The span whose bar or tag is at POINT (block layout coordinates), if any."""
        plan = self.plan(block)
        if plan is None:
            return None
        hits = [f for f in plan.fragments if f.hit_box.contains(point)]
        return min(hits, key=lambda f: f.row).span if hits else None

    # ------------------------------------------------------------------ making one
    def _make_plan(self, block: QTextBlock, layout: QTextLayout,
                   key: tuple[int, int, int, float]) -> BlockPlan:
        count = layout.lineCount()
        start = self.offsets.from_qt(block.position())
        end = start + block.length() - 1
        spans = self.index.overlapping(start, end) if end > start else []
        drafts = self._drafts(block, layout, spans)
        rows = [0] * count
        for draft in drafts:
            rows[draft.line] = max(rows[draft.line], draft.row + 1)
        style = self.style
        positions: list[float] = []
        y = 0.0
        for i in range(count):
            line = layout.lineAt(i)
            y += style.band_height(rows[i])
            positions.append(y)
            line.setPosition(QPointF(line.x(), y))
            y += line.height()
        base = block.position()
        return BlockPlan(key, positions,
                         [self._fragment(layout, base, d, positions) for d in drafts])

    def _drafts(self, block: QTextBlock, layout: QTextLayout,
                spans: list[StoredSpan]) -> list[_Draft]:
        """Each span's part on each line, with its row: innermost spans first."""
        to_qt, base = self.offsets.to_qt, block.position()
        limit = block.length() - 1
        lines = [(layout.lineAt(i).textStart(),
                  layout.lineAt(i).textStart() + layout.lineAt(i).textLength())
                 for i in range(layout.lineCount())]
        placed: dict[int, list[_Draft]] = {}
        drafts: list[_Draft] = []
        for span in sorted(spans, key=lambda s: (s.end - s.start, s.start, s.id)):
            first = max(0, to_qt(span.start) - base)
            last = min(limit, to_qt(span.end) - base)
            for i, (line_start, line_end) in enumerate(lines):
                lo, hi = max(first, line_start), min(last, line_end)
                if hi <= lo:
                    continue
                extents = _line_extents(layout, lo, hi)
                if not extents:
                    continue
                draft = self._place(layout, i, span, extents, placed.setdefault(i, []))
                placed[i].append(draft)
                drafts.append(draft)
        return drafts

    def _place(self, layout: QTextLayout, line_number: int, span: StoredSpan,
               extents: list[tuple[float, float]], placed: list[_Draft]) -> _Draft:
        left = min(a for a, _b in extents)
        right = max(b for _a, b in extents)
        width = self.style.tag_width(span.label)
        line = layout.lineAt(line_number)
        low, high = line.x(), line.x() + max(line.width(), width)
        tag_left = min(max((left + right - width) / 2, low), high - width)
        draft = _Draft(span, line_number, extents, left, right, tag_left)
        lowest = 1 + max((d.row for d in placed
                          if span.start <= d.span.start and d.span.end <= span.end), default=-1)
        box = (min(left, tag_left) - TAG_MARGIN / 2, max(right, tag_left + width) + TAG_MARGIN / 2)
        row = lowest
        while any(d.row == row and self._box(d)[0] < box[1] and box[0] < self._box(d)[1]
                  for d in placed):
            row += 1
        draft.row = row
        return draft

    def _box(self, draft: _Draft) -> tuple[float, float]:
        width = self.style.tag_width(draft.span.label)
        return (min(draft.left, draft.tag_left) - TAG_MARGIN / 2,
                max(draft.right, draft.tag_left + width) + TAG_MARGIN / 2)

    def _fragment(self, layout: QTextLayout, base: int, draft: _Draft,
                  positions: list[float]) -> Fragment:
        style = self.style
        line = layout.lineAt(draft.line)
        top = positions[draft.line]
        row_top = top - style.band_gap - (draft.row + 1) * style.row_height
        boxes = tuple(QRectF(a, top, b - a, line.height()) for a, b in draft.extents)
        bar = QRectF(draft.left, row_top, draft.right - draft.left, style.row_height)
        tag = QRectF(draft.tag_left, row_top + (style.row_height - style.tag_height) / 2,
                     style.tag_width(draft.span.label), style.tag_height)
        line_start, line_end = line.textStart(), line.textStart() + line.textLength()
        first = self.offsets.to_qt(draft.span.start) - base
        last = self.offsets.to_qt(draft.span.end) - base
        start_edge = _cursor_x(layout, draft.line, first) if line_start <= first < line_end else None
        end_edge = _cursor_x(layout, draft.line, last) if line_start < last <= line_end else None
        return Fragment(draft.span, draft.line, draft.row, boxes, bar, tag, start_edge, end_edge)
