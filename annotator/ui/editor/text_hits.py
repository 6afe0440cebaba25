"""Hit-testing and key reading for the annotation text view.

Hit-testing asks each line's QTextLayout for the character under the mouse: the glyphs
themselves (with the index of the character each one came from) say which character is
where, whatever the direction of the run. A point in a label band (between lines) is on no
character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QKeyEvent, QTextBlock, QTextLayout, QTextLine

from annotator.ui.editor.offsets import OffsetMap


def character_under(layout: QTextLayout, line: QTextLine, x: float) -> int:
    """The block position of the character whose glyph is drawn at X on LINE.

    Qt's `xToCursor` gives a caret position, which in a bidi line can sit on the far side of
    a run from the character under the pointer; the glyphs themselves (with the index of the
    character each one came from) say which character is where.
    """
    flags = (QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
             | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
             | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes)
    best, best_distance = line.textStart(), float("inf")
    for run in layout.glyphRuns(line.textStart(), line.textLength(), flags):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        for index, position, advance in zip(run.stringIndexes(), run.positions(), advances,
                                            strict=False):
            width = advance.x()
            if width <= 0:
                continue  # a combining mark: it belongs to the letter before it
            left = position.x()
            if left <= x < left + width:
                return int(index)
            distance = abs(left + width / 2 - x)
            if distance < best_distance:
                best, best_distance = int(index), distance
    return best


def character_at(blocks: Iterable[tuple[QTextBlock, QPointF]], offsets: OffsetMap,
                 point: QPoint) -> int | None:
    """The code point under POINT (viewport coordinates), or None between lines or past text."""
    for block, origin in blocks:
        layout = block.layout()
        y = point.y() - origin.y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if not (line.y() <= y < line.y() + line.height()):
                continue
            natural = line.naturalTextRect()
            x = point.x() - origin.x()
            if not (natural.left() <= x < natural.right()) or line.textLength() == 0:
                return None
            position = character_under(layout, line, x)
            return offsets.from_qt(block.position() + position)
        if y < 0:
            return None
    return None


def hotkey_of(event: QKeyEvent) -> str:
    text = event.text()
    if len(text) != 1 or not text.isprintable() or text.isspace():
        return ""
    digit = unicodedata.digit(text, None)  # Arabic-Indic digits act as 0..9
    return str(digit) if digit is not None else text.lower()
