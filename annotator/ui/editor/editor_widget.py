"""The editor: the text view and find bar, and the labelling commands that drive the session.

Commands read the selection or the span under the cursor, build a domain operation and hand it
to the session; the view repaints only the ranges the returned `Change` names.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.core.model import Direction, LabelSpec, SpanState, StoredSpan
from annotator.core.operations import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    AddSpan,
    Batch,
    Change,
    DeleteSpan,
    Operation,
    RejectSuggestion,
    RelabelSpan,
    ResizeSpan,
)
from annotator.ui.editor.search_bar import SearchBar
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.editor.text_view import AnnotationTextView
from annotator.ui.session import DocumentSession
from annotator.ui.tokens import TokenBoundaries

K = Qt.Key
M = Qt.KeyboardModifier


class EditorWidget(QWidget):
    message = Signal(str)  # for the status bar
    current_span_changed = Signal(object)  # StoredSpan | None

    def __init__(self, labels: list[LabelSpec], font: QFont, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.language = language
        self.span_style = SpanStyle(labels, font)
        self.session: DocumentSession | None = None
        self.tokens: TokenBoundaries | None = None
        self._last_click: int | None = None  # the character last clicked, while it chose
        self.view = AnnotationTextView(self)
        self.view.setFont(font)
        self.search = SearchBar(self)
        self.search.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.search)
        self.view.hotkey_pressed.connect(self.label_by_hotkey)
        self.view.span_clicked.connect(self.select_span)
        self.view.text_clicked.connect(self.choose_at)
        self.view.selection_finished.connect(self._selection_made)
        self.view.cursorPositionChanged.connect(self._cursor_moved)
        self.view.selectionChanged.connect(self._cursor_moved)
        self.search.matches_changed.connect(self._show_matches)
        self.search.current_changed.connect(self._reveal_match)
        self.search.closed.connect(self.view.setFocus)
        self.view.bindings.update({
            (K.Key_Delete, M.NoModifier): self.delete_span,
            (K.Key_Backspace, M.NoModifier): self.reject_suggestion,
            (K.Key_Return, M.NoModifier): self.accept_suggestion,
            (K.Key_Enter, M.NoModifier): self.accept_suggestion,
            (K.Key_Tab, M.NoModifier): lambda: self.step_span(True),
            (K.Key_Backtab, M.ShiftModifier): lambda: self.step_span(False),
            (K.Key_Tab, M.ShiftModifier): lambda: self.step_span(False),
            (K.Key_Backtab, M.NoModifier): lambda: self.step_span(False),
            (K.Key_Escape, M.NoModifier): self.clear_selection,
            (K.Key_R, M.ControlModifier): self.resize_span,
        })

    # ------------------------------------------------------------------ documents
    def open_session(self, session: DocumentSession, direction: Direction) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self._on_change)
            self.session.failed.disconnect(self.message)
        self.session = session
        session.changed.connect(self._on_change)
        session.failed.connect(self.message)
        self.tokens = TokenBoundaries(session.text, self.language)
        rtl = (direction if direction is not Direction.AUTO else session.detected_direction()) \
            is Direction.RTL
        self.view.set_content(session.text, rtl, session.index, self.span_style, self.tokens)
        self.search.set_text(session.text)
        self._set_current(None)

    def set_direction(self, direction: Direction) -> None:
        if self.session is None:
            return
        if direction is Direction.AUTO:
            direction = self.session.detected_direction()
        self.view.set_direction(direction is Direction.RTL)

    def set_labels(self, labels: list[LabelSpec]) -> None:
        """The label set changed: hotkeys and colours from LABELS (the window shows the open
        document again, which repaints it)."""
        self.labels = labels
        self.span_style.set_labels(labels)

    def set_text_font(self, font: QFont) -> None:
        self.view.set_text_font(font, self.span_style)

    # ------------------------------------------------------------------ targets
    def _label_named(self, hotkey: str) -> LabelSpec | None:
        for spec in self.labels:
            if spec.hotkey and spec.hotkey.lower() == hotkey:
                return spec
        return None

    def current_span(self) -> StoredSpan | None:
        """The span the user chose (by click, Tab, the span list or an edit), if any."""
        painter, session = self.view.painter, self.session
        if painter is None or session is None or painter.state.current_span_id is None:
            return None
        return session.index.get(painter.state.current_span_id)

    def target_span(self) -> StoredSpan | None:
        """The span a command acts on: the current one (the user chose it: it is ringed);
        else the one the selection covers exactly, else the innermost around the selection,
        else the innermost under the cursor."""
        if self.session is None:
            return None
        current = self.current_span()
        if current is not None:
            return current
        index = self.session.index
        selected = self.view.selected_range()
        if selected is not None:
            around = [s for s in index.overlapping(*selected)
                      if s.start <= selected[0] and selected[1] <= s.end]
            exact = [s for s in around if (s.start, s.end) == selected]
            found = exact or sorted(around, key=lambda s: s.end - s.start)
            return found[0] if found else None
        return index.at(self.view.cursor_offset())

    def spans_at(self, offset: int) -> list[StoredSpan]:
        """The spans holding the character at OFFSET, innermost first."""
        if self.session is None:
            return []
        return sorted(self.session.index.overlapping(offset, offset + 1),
                      key=lambda s: (s.end - s.start, s.start, s.id))

    def choose_at(self, offset: int) -> None:
        """A click on the character at OFFSET (-1: off the text): the innermost span there,
        or, clicked again, the next one out (and round again); off every span, none."""
        chain = self.spans_at(offset) if offset >= 0 else []
        if not chain:
            self._set_current(None)
            return
        current, ids = self.current_span(), [s.id for s in chain]
        again = current is not None and current.id in ids and self._last_click is not None and (
            current.start <= self._last_click < current.end)
        chosen = chain[(ids.index(current.id) + 1) % len(chain)] if again and current else chain[0]
        self.select_span(chosen)
        self._last_click = offset

    # ------------------------------------------------------------------ commands
    def label_by_hotkey(self, hotkey: str) -> None:
        spec = self._label_named(hotkey)
        if spec is not None:
            self.label_with(spec.name)

    def label_with(self, label: str) -> Change | None:
        """Label the selection as a new span (inside or around others too, where the project
        allows overlaps); with no selection, or the selection of a span, relabel the span
        chosen. Labelling a suggestion accepts it too."""
        session = self.session
        if session is None:
            return None
        selected = self.view.selected_range()
        span = self._span_selected(selected) if selected is not None else self.target_span()
        if selected is not None and span is None:
            change = session.apply(AddSpan(session.annotation_id, *selected, label))
            if change is not None and change.added:
                self._after_edit(change.added[0])
            return change
        if span is None:
            self.message.emit(self.tr("Select some text first, or choose a span"))
            return None
        operations: list[Operation] = []
        if span.label != label:
            operations.append(RelabelSpan(span.id, label))
        if span.state is SpanState.SUGGESTED:
            operations.append(AcceptSuggestion(span.id))
        if not operations:
            return None
        change = session.apply(operations[0] if len(operations) == 1
                               else Batch(tuple(operations), "label suggestion"))
        if change is not None:
            self._after_edit(session.index.get(span.id))
        return change

    def _span_selected(self, selected: tuple[int, int]) -> StoredSpan | None:
        """The span whose extent the selection is: the current one if it is, else the first."""
        assert self.session is not None
        exact = [s for s in self.session.index.overlapping(*selected)
                 if (s.start, s.end) == selected]
        current = self.current_span()
        return current if current in exact else (exact[0] if exact else None)

    def resize_span(self) -> Change | None:
        """Give the chosen span the selection's extent (Ctrl+R): choose the span, then move
        the selection's ends (Shift+arrows, a drag) and resize."""
        session, selected = self.session, self.view.selected_range()
        span = self.current_span() or (self.target_span() if selected else None)
        if session is None or span is None or selected is None:
            self.message.emit(self.tr("Choose a span, select its new extent, then resize"))
            return None
        if (span.start, span.end) == selected:
            return None
        change = session.apply(ResizeSpan(span.id, *selected))
        if change is not None:
            self._after_edit(session.index.get(span.id))
        return change

    def delete_span(self) -> Change | None:
        span = self.target_span()
        if self.session is None or span is None:
            return None
        return self._edit_and_move(DeleteSpan(span.id), span)

    def reject_suggestion(self) -> Change | None:
        span = self.target_span()
        if self.session is None or span is None or span.state is not SpanState.SUGGESTED:
            return None
        return self._edit_and_move(RejectSuggestion(span.id), span)

    def accept_suggestion(self) -> Change | None:
        span = self.target_span()
        if self.session is None or span is None or span.state is not SpanState.SUGGESTED:
            return None
        change = self.session.apply(AcceptSuggestion(span.id))
        if change is not None:
            self._goto_next_suggestion(span.end)
        return change

    def accept_all(self) -> Change | None:
        if self.session is None:
            return None
        change = self.session.apply(AcceptAllSuggestions(self.session.annotation_id))
        if change is not None:
            self.message.emit(self.tr("Accepted %n suggestion(s)", "", len(change.updated)))
        return change

    def undo(self) -> Change | None:
        return self._reveal_change(self.session.undo() if self.session else None)

    def redo(self) -> Change | None:
        return self._reveal_change(self.session.redo() if self.session else None)

    def step_span(self, forward: bool) -> None:
        """Tab / Shift+Tab: the next or previous span in the order of their starts (an outer
        span and the spans inside it each in turn), from the current span or the cursor."""
        if self.session is None:
            return
        index = self.session.index
        here = self.current_span()
        if here is not None:
            i = index.position_of(here) + (1 if forward else -1)
            found = index[i] if 0 <= i < len(index) else None
        else:
            selected = self.view.selected_range()
            position = selected[0] if selected else self.view.cursor_offset()
            found = (index.at(position) or index.after(position)) if forward else (
                index.before(position))
        if found is not None:
            self.select_span(found)

    def select_span(self, span: StoredSpan) -> None:
        self.view.select_range(span.start, span.end, reveal=False)
        self._set_current(span)
        self.view.reveal_range(span.start, span.end)

    def clear_selection(self) -> None:
        self.view.place_cursor(self.view.cursor_offset())
        self._set_current(None)

    def _selection_made(self) -> None:
        """A drag or double-click selected text: the chosen span stays chosen only if the
        selection meets it (to make a span inside it, or to resize it)."""
        current, selected = self.current_span(), self.view.selected_range()
        if current is not None and (selected is None or not (
                current.start < selected[1] and selected[0] < current.end)):
            self._set_current(None)

    def _cursor_moved(self) -> None:
        """The cursor left the chosen span without a selection (keys, a click): drop it."""
        current = self.current_span()
        if current is None or self.view.textCursor().hasSelection():
            return
        if not current.start <= self.view.cursor_offset() <= current.end:
            self._set_current(None)

    # ------------------------------------------------------------------ after edits
    def _edit_and_move(self, operation: Operation, span: StoredSpan) -> Change | None:
        assert self.session is not None
        change = self.session.apply(operation)
        if change is not None:
            self.view.place_cursor(span.start)
            self._set_current(None)
        return change

    def _after_edit(self, span: StoredSpan | None) -> None:
        if span is not None:
            self.view.place_cursor(span.end)
        self._set_current(span)

    def _goto_next_suggestion(self, position: int) -> None:
        assert self.session is not None
        following = self.session.index.next_suggestion(position)
        if following is not None:
            self.select_span(following)
        else:
            self.view.place_cursor(position)
            self._set_current(self.session.index.at(position))

    def _reveal_change(self, change: Change | None) -> Change | None:
        if change is None or self.session is None:
            return change
        spans = change.added + [after for _b, after in change.updated]
        if spans:
            self.select_span(self.session.index.get(spans[0].id) or spans[0])
        elif change.removed:
            self.view.place_cursor(change.removed[0].start)
            self._set_current(None)
        return change

    def _on_change(self, _change: Change) -> None:
        assert self.session is not None
        self.view.refresh_spans(self.session.dirty_ranges)

    def _set_current(self, span: StoredSpan | None) -> None:
        self._last_click = None  # a click after this chooses afresh
        painter, session = self.view.painter, self.session
        if painter is not None and session is not None:
            before = painter.state.current_span_id
            old = session.index.get(before) if before is not None else None
            painter.state.current_span_id = span.id if span else None
            for changed in (old, span):
                if changed is not None:
                    self.view.update_range(changed.start, changed.end)
        self.current_span_changed.emit(span)

    # ------------------------------------------------------------------ search
    def _show_matches(self, matches: list) -> None:
        if self.view.painter is not None:
            self.view.painter.state.matches = matches
            self.view.painter.state.current_match = -1
        self.view.viewport().update()

    def _reveal_match(self, i: int) -> None:
        if self.view.painter is None or not (0 <= i < len(self.search.matches)):
            return
        self.view.painter.state.current_match = i
        start, end = self.search.matches[i]
        self.view.select_range(start, end)
        self.view.centerCursor()
        self.view.viewport().update()
