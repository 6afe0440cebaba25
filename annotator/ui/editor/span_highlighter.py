"""Span colours as character formats, for the blocks Qt is about to paint and no others.

Opening a 1 MB document must not format 10,000 spans up front: `ensure_formatted` is called
with the visible blocks before each paint, and a block's formats are rebuilt only when a span
in it changes (`refresh`) or the style does (`invalidate`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextDocument

from annotator.core.model import SpanState
from annotator.ui.editor.offsets import OffsetMap
from annotator.ui.editor.span_style import SpanStyle, tag_gap_position
from annotator.ui.span_index import SpanIndex


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, text: str, offsets: OffsetMap, index: SpanIndex,
                 style: SpanStyle) -> None:
        super().__init__(document)
        self.text = text
        self.offsets = offsets
        self.index = index
        self.style = style
        self._current: set[int] = set()  # blocks whose formats match the index and style
        self.epoch = 0  # bumped when every block's formats go stale (font, direction)
        self.generation: dict[int, int] = {}  # per block: bumped when its formats are rebuilt

    def layout_key(self, block: QTextBlock) -> tuple[int, int]:
        """Changes whenever BLOCK's formats (and so its line layout) may have changed."""
        return self.epoch, self.generation.get(block.blockNumber(), 0)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        number = block.blockNumber()
        if number not in self._current:
            return
        self.generation[number] = self.generation.get(number, 0) + 1
        qt_start = block.position()
        to_qt = self.offsets.to_qt
        start = self.offsets.from_qt(qt_start)
        end = start + len(text)
        for span in self.index.overlapping(start, end):
            first = to_qt(max(span.start, start)) - qt_start
            last = to_qt(min(span.end, end)) - qt_start
            if span.state is SpanState.ACCEPTED:
                self.setFormat(first, last - first, self.style.fill_format(span.label))
            if span.end <= end:
                gap = tag_gap_position(self.text, span.end, end)
                if gap is not None:
                    self.setFormat(to_qt(gap) - qt_start, 1, self.style.gap_format(span.label))

    def ensure_formatted(self, blocks: Iterable[QTextBlock]) -> list[tuple[QTextBlock, float]]:
        """Format BLOCKS that are not up to date; returns each one formatted, with its height
        before (the caller repaints what moved)."""
        return [self._rehighlight(block) for block in list(blocks)
                if block.blockNumber() not in self._current]

    def refresh(self, ranges: Iterable[tuple[int, int]]) -> list[tuple[QTextBlock, float]]:
        """Rebuild the formats of the formatted blocks that hold any of RANGES; returns each
        with its height before (the caller repaints them)."""
        document = self.document()
        refreshed: list[tuple[QTextBlock, float]] = []
        for start, end in ranges:
            block = document.findBlock(self.offsets.to_qt(start))
            qt_end = self.offsets.to_qt(end)
            while block.isValid() and block.position() <= qt_end:
                if block.blockNumber() in self._current:
                    refreshed.append(self._rehighlight(block))
                block = block.next()
        return refreshed

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
        self.epoch += 1
