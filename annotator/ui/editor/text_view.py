"""The annotation text view: read-only text, right to left or left to right, with selection
that snaps to tokens, exact hit-testing, and spans painted in label bands above their lines.

The document's layout is a `BandLayout`: Qt's plain-text layout with each block's lines moved
down to make room for the brackets and tags of its spans, so nothing is ever painted over a
glyph. Hit-testing (`text_hits`) asks each line for the glyph under the mouse, so the letter
under the pointer is in the selection whatever the direction of the run and of the drag; a
click in a band chooses the span whose tag or bracket is there. Offsets leaving this class
are code points.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from annotator.core.model import StoredSpan
from annotator.text.plain import trim_span
from annotator.ui.editor.band_layout import BandLayout
from annotator.ui.editor.offsets import OffsetMap
from annotator.ui.editor.span_geometry import SpanGeometry
from annotator.ui.editor.span_highlighter import SpanHighlighter
from annotator.ui.editor.span_painter import SpanPainter, visible_blocks
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.editor.text_hits import character_at, hotkey_of
from annotator.ui.menu_direction import follow_the_interface
from annotator.ui.span_index import SpanIndex
from annotator.ui.tokens import TokenBoundaries

FOLLOW_SECONDS = 0.5  # how long after a move the cursor is kept in view as bands grow

CHARACTER_MODE_MODIFIER = Qt.KeyboardModifier.AltModifier
KeyBinding = tuple[Qt.Key, Qt.KeyboardModifier]
Hit = tuple[int, int]  # a character [i, i+1) or a boundary (p, p)


def _modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


class AnnotationTextView(QPlainTextEdit):
    first_painted = Signal()  # once per document, after its first screen is on the display
    hotkey_pressed = Signal(str)  # a label hotkey ("1".."9", "0" or a letter)
    zoom_requested = Signal(int)  # +1 / -1
    selection_finished = Signal()
    span_clicked = Signal(object)  # StoredSpan: a click on its bracket or tag in a band
    text_clicked = Signal(int)  # a click (no drag) on the character at this code point, or -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        document = QTextDocument(self)
        self.band_layout = BandLayout(document)
        document.setDocumentLayout(self.band_layout)
        self.setDocument(document)
        # a cursor just moved stays in view while the bands it uncovered grow (Ctrl+End):
        # Qt scrolled to it before those blocks had their bands
        self._cursor_moved_at = -1.0
        self._cursor_check = QTimer(self)
        self._cursor_check.setSingleShot(True)
        self._cursor_check.timeout.connect(self._follow_cursor)
        self.cursorPositionChanged.connect(self._note_cursor_moved)
        self.band_layout.documentSizeChanged.connect(self._follow_cursor)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setCenterOnScroll(False)
        self.character_mode = False
        self.bindings: dict[KeyBinding, Callable[[], object]] = {}
        self.text = ""
        self.offsets = OffsetMap("")
        self.tokens: TokenBoundaries | None = None
        self.highlighter: SpanHighlighter | None = None
        self.span_geometry: SpanGeometry | None = None
        self.painter: SpanPainter | None = None
        self.right_to_left = True
        self._press: Hit | None = None
        self._press_point = QPoint()
        self._press_character_mode = False
        self._dragging = False
        self._painted = False

    # ------------------------------------------------------------------ content
    def set_content(self, text: str, right_to_left: bool, index: SpanIndex, style: SpanStyle,
                    tokens: TokenBoundaries) -> None:
        if self.highlighter is not None:
            self.highlighter.setDocument(None)
            self.highlighter.deleteLater()
        self.text = text
        self.offsets = OffsetMap(text)
        self.tokens = tokens
        document = self.document()
        document.setUndoRedoEnabled(False)
        self._apply_direction(right_to_left)
        self.band_layout.geometry = None
        self.setPlainText(text)
        self.span_geometry = SpanGeometry(self.offsets, index, style)
        self.band_layout.geometry = self.span_geometry
        self.highlighter = SpanHighlighter(document, text, self.offsets, index, style)
        self.painter = SpanPainter(self.offsets, self.span_geometry, style)
        self._painted = False

    def set_direction(self, right_to_left: bool) -> None:
        self._apply_direction(right_to_left)
        if self.span_geometry is not None:
            self.span_geometry.invalidate()
        self.document().markContentsDirty(0, self.document().characterCount())
        if self.highlighter is not None:
            self.highlighter.invalidate()
        self.viewport().update()

    def _apply_direction(self, right_to_left: bool) -> None:
        self.right_to_left = right_to_left
        direction = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
        option = QTextOption(self.document().defaultTextOption())
        option.setTextDirection(direction)
        option.setAlignment(Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        # the scroll bar and the widget chrome follow the text, not the interface language
        self.setLayoutDirection(direction)

    def set_text_font(self, font: QFont, style: SpanStyle) -> None:
        self.setFont(font)
        self.document().setDefaultFont(font)
        style.set_font(font)
        if self.span_geometry is not None:
            self.span_geometry.invalidate()
        if self.highlighter is not None:
            self.highlighter.invalidate()
        self.viewport().update()

    def refresh_spans(self, ranges: list[tuple[int, int]]) -> None:
        """Repaint after the spans in RANGES changed (from a store `Change`): only their blocks,
        and what lies below one whose lines re-wrapped."""
        if self.highlighter is not None and self.span_geometry is not None:
            formatted = self.highlighter.refresh(ranges)  # heights before: the old bands
            self.span_geometry.spans_changed([b.blockNumber() for b in self.highlighter.blocks_of(ranges)])
            self._repaint_moved(formatted)
        for start, end in ranges:
            self.update_range(start, end)

    def _repaint_moved(self, formatted: list[tuple[QTextBlock, float]],
                       painting: QRect | None = None) -> bool:
        """After FORMATTED blocks got new formats: repaint from the first one whose height
        changed down to the bottom of the viewport, unless the paint under way (PAINTING)
        covers it. True if one did."""
        first = self.firstVisibleBlock().blockNumber()
        grown = [block for block, height in formatted
                 if self.blockBoundingRect(block).height() != height]  # lays it out again
        if grown:
            self.band_layout.announce_size()  # the scroll range follows the new heights
        moved = [block for block in grown if block.blockNumber() >= first]
        if not moved:
            return False
        top = min(self.blockBoundingGeometry(b).top() for b in moved) + self.contentOffset().y()
        y = max(0, int(top) - 2)
        moved_area = QRect(0, y, self.viewport().width(), self.viewport().height() - y)
        if painting is None or not painting.contains(moved_area):
            self.viewport().update(moved_area)
        return True

    def update_range(self, start: int, end: int) -> None:
        """Schedule a repaint of the on-screen blocks holding code points [start, end]."""
        first, last = self.offsets.to_qt(start), self.offsets.to_qt(end)
        width = self.viewport().width()
        for block, origin in visible_blocks(self):
            if block.position() + block.length() <= first:
                continue
            if block.position() > last:
                break
            height = self.blockBoundingRect(block).height()
            self.viewport().update(QRect(0, int(origin.y()) - 2, width, int(height) + 4))

    # ------------------------------------------------------------------ offsets
    def selected_range(self) -> tuple[int, int] | None:
        """The selection without separators at either end (whitespace or an invisible mark,
        `text.plain.trim_span`), so no selection path can make a span that starts or ends on
        one; None when nothing but separators is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = trim_span(self.text, self.offsets.from_qt(cursor.selectionStart()),
                               self.offsets.from_qt(cursor.selectionEnd()))
        return None if start == end else (start, end)

    def cursor_offset(self) -> int:
        return self.offsets.from_qt(self.textCursor().position())

    def select_range(self, start: int, end: int, anchor_at_start: bool = True,
                     reveal: bool = True) -> None:
        cursor = QTextCursor(self.document())
        first, last = self.offsets.to_qt(start), self.offsets.to_qt(end)
        cursor.setPosition(first if anchor_at_start else last)
        cursor.setPosition(last if anchor_at_start else first, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if reveal:
            self.ensureCursorVisible()

    def reveal_range(self, start: int, end: int) -> None:
        """Centre [start, end) on screen, unless both its ends are on screen already (no
        scroll, so no repaint of the whole viewport). Near the end of the document the
        text cannot be centred; then the text cursor is scrolled just into view."""
        if self.highlighter is not None:  # its blocks' bands, before measuring where it is
            self._repaint_moved(self.highlighter.ensure_formatted(
                self.highlighter.blocks_of([(start, end)])))
        self.band_layout.flush_size()
        if self._range_on_screen(start, end):
            return
        self.centerCursor()
        self.band_layout.flush_size()  # centring laid out blocks whose bands grew
        if not self._range_on_screen(start, end):
            self.scroll_cursor_into_view()

    def _range_on_screen(self, start: int, end: int) -> bool:
        area = self.viewport().rect()
        for offset in (start, end):
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_qt(offset))
            if not area.contains(self.cursorRect(cursor)):
                return False
        return True

    def place_cursor(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(offset))
        self.setTextCursor(cursor)

    def snap(self, start: int, end: int, character_mode: bool) -> tuple[int, int]:
        """Whole tokens; in character mode the exact characters with their combining marks."""
        if character_mode or self.tokens is None or start >= end:
            start, end = trim_span(self.text, start, end)  # never a separator at an end
            while start < end < len(self.text) and unicodedata.combining(self.text[end]):
                end += 1
            return start, end
        return self.tokens.snap(start, end)

    # ------------------------------------------------------------------ hit-testing
    def character_at(self, point: QPoint) -> int | None:
        """The code point under POINT (viewport coordinates), or None between lines (in a
        label band) or past the text."""
        return character_at(visible_blocks(self), self.offsets, point)

    def span_in_band(self, point: QPoint) -> StoredSpan | None:
        """The span whose bracket or tag is at POINT (viewport coordinates), if any."""
        if self.span_geometry is None:
            return None
        for block, origin in visible_blocks(self):
            if point.y() < origin.y():
                return None
            if point.y() < origin.y() + self.blockBoundingRect(block).height():
                return self.span_geometry.span_at(block, QPointF(point) - origin)
        return None

    def hit(self, point: QPoint) -> Hit:
        character = self.character_at(point)
        if character is not None:
            return character, character + 1
        boundary = self.offsets.from_qt(self.cursorForPosition(point).position())
        return boundary, boundary

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._press = self.hit(event.position().toPoint())
        self._press_point = event.position().toPoint()
        self._press_character_mode = self.character_mode or bool(
            event.modifiers() & CHARACTER_MODE_MODIFIER)
        self._dragging = False
        self.place_cursor(self.offsets.from_qt(self.cursorForPosition(self._press_point).position()))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            super().mouseMoveEvent(event)
            return
        point = event.position().toPoint()
        if not self._dragging and (
                (point - self._press_point).manhattanLength() < QApplication.startDragDistance()):
            return
        self._dragging = True
        self._select_between(self._press, self.hit(point))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        point = event.position().toPoint()
        if self._dragging:
            self._select_between(self._press, self.hit(point))
            self.selection_finished.emit()
        else:
            self._clicked(point)
        self._press = None
        self._dragging = False
        event.accept()

    def _clicked(self, point: QPoint) -> None:
        """A click without a drag: on a bracket or tag, that span; else the character."""
        character = self.character_at(point)
        span = self.span_in_band(point) if character is None else None
        if span is not None:
            self.span_clicked.emit(span)
        else:
            self.text_clicked.emit(-1 if character is None else character)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        character = self.character_at(event.position().toPoint())
        if character is None or self.tokens is None:
            return
        token = self.tokens.token_at(character)
        if token is not None:
            self.select_range(*token, reveal=False)
            self.selection_finished.emit()
        self._press = None
        event.accept()

    def _select_between(self, a: Hit, b: Hit) -> None:
        start, end = min(a[0], b[0]), max(a[1], b[1])
        if start == end:
            self.place_cursor(start)
            return
        start, end = self.snap(start, end, self._press_character_mode)
        if start == end:  # only whitespace under the drag
            self.place_cursor(start)
            return
        self.select_range(start, end, anchor_at_start=a[0] <= b[0], reveal=False)

    # ------------------------------------------------------------------ keys
    def event(self, event: QEvent) -> bool:  # noqa: D401 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, modifiers = Qt.Key(event.key()), _modifiers(event)
        action = self.bindings.get((key, modifiers))
        if action is not None:
            action()
            event.accept()
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and modifiers & Qt.KeyboardModifier.ShiftModifier:
            self._extend_selection(key == Qt.Key.Key_Left)
            event.accept()
            return
        hotkey = hotkey_of(event)
        if hotkey and not modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            self.hotkey_pressed.emit(hotkey)
            event.accept()
            return
        super().keyPressEvent(event)

    def _extend_selection(self, left: bool) -> None:
        """Shift+arrow: move the selection's free end by one token (or character) visually."""
        forward = left == self.right_to_left
        cursor = self.textCursor()
        anchor = self.offsets.from_qt(cursor.anchor())
        position = self.offsets.from_qt(cursor.position())
        character_mode = self.character_mode or bool(
            QApplication.keyboardModifiers() & CHARACTER_MODE_MODIFIER)
        if not cursor.hasSelection() and self.tokens is not None and not character_mode:
            anchor = position = self.tokens.nearest_boundary(position)
        if character_mode or self.tokens is None:
            position = max(0, min(len(self.text), position + (1 if forward else -1)))
        else:
            position = self.tokens.step(position, anchor, forward)
        self.select_range(min(anchor, position), max(anchor, position),
                          anchor_at_start=anchor <= position)

    def _note_cursor_moved(self) -> None:
        self._cursor_moved_at = time.monotonic()
        self._cursor_check.start(0)  # once Qt has scrolled (and painted) for the move

    def _follow_cursor(self) -> None:
        """After a move, or the scroll range grew: keep a cursor that just moved on screen."""
        if time.monotonic() - self._cursor_moved_at <= FOLLOW_SECONDS:
            self.scroll_cursor_into_view()

    def keep_scroll(self) -> None:
        """The cursor was put back where it was (a reload): do not scroll to it."""
        self._cursor_moved_at = -1.0
        self._cursor_check.stop()

    def scroll_cursor_into_view(self) -> None:
        """`ensureCursorVisible`, then line by line until the cursor is wholly on screen: Qt's
        own step reckons with lines, not with the bands between them, and may stop one short."""
        area = self.viewport().rect()
        if area.contains(self.cursorRect()):
            return
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        for _step in range(64):
            rect = self.cursorRect()
            if area.contains(rect):
                return
            if rect.bottom() > area.bottom() and bar.value() < bar.maximum():
                bar.setValue(bar.value() + 1)
            elif rect.top() < area.top() and bar.value() > bar.minimum():
                bar.setValue(bar.value() - 1)
            else:
                return

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """Copy, select all: in the interface's direction, not the text's."""
        menu = follow_the_interface(self.createStandardContextMenu(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self._cursor_moved_at = -1.0  # the reader scrolls away: stop following the cursor
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.highlighter is not None:
            for _round in range(3):  # formatting may re-wrap lines: check the new visible set
                formatted = self.highlighter.ensure_formatted(b for b, _o in visible_blocks(self))
                if not formatted or not self._repaint_moved(formatted, event.rect()):
                    break
        super().paintEvent(event)
        if self.painter is not None:
            painter = QPainter(self.viewport())
            try:
                self.painter.paint(painter, self, event.rect())
            finally:
                painter.end()
            if not self._painted:
                self._painted = True
                self.first_painted.emit()
