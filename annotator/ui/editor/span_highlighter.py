"""Span fills as character formats, for the blocks Qt is about to paint and no others.

Opening a 1 MB document must not format 10,000 spans up front: `ensure_formatted` is called
with the visible blocks before each paint, and a block's formats are rebuilt only when a span
in it changes (`refresh`) or the style does (`invalidate`). Fills are backgrounds only, drawn
behind the glyphs; they never change the line layout. Suggestions are pale; accepted spans
are drawn outermost first, each nested one a stronger shade of its colour, so inner spans
stand out inside outer ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextDocument

from annotator.core.model import SpanState, StoredSpan
from annotator.ui.editor.offsets import OffsetMap
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.span_index import SpanIndex


def nesting_depths(spans: list[StoredSpan]) -> dict[int, int]:
    """For each span, how many of the other SPANS hold it (a span of the same extent counts
    as holding the ones with a larger id)."""
    depths: dict[int, int] = {}
    for span in spans:
        depths[span.id] = sum(1 for other in spans if other.id != span.id
                              and other.start <= span.start and span.end <= other.end
                              and (other.end - other.start > span.end - span.start
                                   or other.id < span.id))
    return depths


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, text: str, offsets: OffsetMap, index: SpanIndex,
                 style: SpanStyle) -> None:
        super().__init__(document)
        self.text = text
        self.offsets = offsets
        self.index = index
        self.style = style
        self._current: set[int] = set()  # blocks whose formats match the index and style

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        if block.blockNumber() not in self._current:
            return
        qt_start = block.position()
        to_qt = self.offsets.to_qt
        start = self.offsets.from_qt(qt_start)
        end = start + len(text)
        spans = self.index.overlapping(start, end)
        accepted = [s for s in spans if s.state is SpanState.ACCEPTED]
        depths = nesting_depths(accepted) if len(accepted) > 1 else {}
        ordered = [s for s in spans if s.state is not SpanState.ACCEPTED] + sorted(
            accepted, key=lambda s: depths.get(s.id, 0))
        for span in ordered:
            first = to_qt(max(span.start, start)) - qt_start
            last = to_qt(min(span.end, end)) - qt_start
            suggested = span.state is not SpanState.ACCEPTED
            self.setFormat(first, last - first, self.style.fill_format(
                span.label, 0 if suggested else depths.get(span.id, 0), suggested))

    def ensure_formatted(self, blocks: Iterable[QTextBlock]) -> list[tuple[QTextBlock, float]]:
        """Format BLOCKS that are not up to date; returns each one formatted, with its height
        before (the caller repaints what moved)."""
        return [self._rehighlight(block) for block in list(blocks)
                if block.blockNumber() not in self._current]

    def refresh(self, ranges: Iterable[tuple[int, int]]) -> list[tuple[QTextBlock, float]]:
        """Rebuild the formats of the formatted blocks that hold any of RANGES; returns each
        with its height before (the caller repaints them)."""
        refreshed: list[tuple[QTextBlock, float]] = []
        for block in self.blocks_of(ranges):
            if block.blockNumber() in self._current:
                refreshed.append(self._rehighlight(block))
        return refreshed

    def blocks_of(self, ranges: Iterable[tuple[int, int]]) -> list[QTextBlock]:
        """The blocks holding any code point of RANGES (each range's end included)."""
        document = self.document()
        found: dict[int, QTextBlock] = {}
        for start, end in ranges:
            block = document.findBlock(self.offsets.to_qt(start))
            qt_end = self.offsets.to_qt(end)
            while block.isValid() and block.position() <= qt_end:
                found.setdefault(block.blockNumber(), block)
                block = block.next()
        return list(found.values())

    def _rehighlight(self, block: QTextBlock) -> tuple[QTextBlock, float]:
        """Format BLOCK with the signals of the document layout held: for any re-formatted
        block, Qt's plain text layout asks for a repaint of the whole viewport."""
        self._current.add(block.blockNumber())
        layout = self.document().documentLayout()
        height = layout.blockBoundingRect(block).height()
        held = layout.blockSignals(True)
        try:
            self.rehighlightBlock(block)
        finally:
            layout.blockSignals(held)
        return block, height

    def invalidate(self) -> None:
        """Forget every block's formats (after a style or font change); repainted lazily."""
        self._current.clear()
