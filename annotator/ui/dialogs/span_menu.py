"""The editor's context menu on a span: gazetteer, relabel, accept or reject, delete.

Installed on the text view from outside (Qt's custom context-menu signal), so the view keeps
its own code. Off a span, the view's standard menu (copy, select all) is shown. The gazetteer's use-cases
(and the tokenizer they match with) load when the menu first opens, not with the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu

from annotator.core.model import SpanState, StoredSpan
from annotator.ui.menu_direction import follow_the_interface

if TYPE_CHECKING:
    from annotator.app.project import Project
    from annotator.ui.editor.editor_widget import EditorWidget

MENU_TEXT_LIMIT = 40


class SpanMenu(QObject):
    message = Signal(str)
    changed = Signal(object)  # ProjectChanges: the gazetteer

    def __init__(self, editor: EditorWidget, project: Project) -> None:
        super().__init__(editor)
        self.editor, self.project = editor, project
        view = editor.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_at)

    def span_at(self, point: QPoint) -> StoredSpan | None:
        """The span under POINT (viewport coordinates): the one whose tag or bracket is
        there; on the text, the chosen span if it holds the letter, else the innermost."""
        session = self.editor.session
        view = self.editor.view
        character = view.character_at(point)
        if session is None:
            return None
        if character is None:
            return view.span_in_band(point)
        chain = self.editor.spans_at(character)
        current = self.editor.current_span()
        return current if current in chain else (chain[0] if chain else None)

    def show_at(self, point: QPoint) -> None:
        view = self.editor.view
        span = self.span_at(point)
        menu = self.menu_for(span) if span is not None else view.createStandardContextMenu()
        follow_the_interface(menu)  # not the text's direction: the view may be mirrored
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(point))

    def menu_for(self, span: StoredSpan) -> QMenu:
        session = self.editor.session
        assert session is not None
        text = session.text[span.start:span.end]
        shown = text if len(text) <= MENU_TEXT_LIMIT else text[:MENU_TEXT_LIMIT] + "…"
        from annotator.app.gazetteer import gazetteer_entries

        menu = QMenu(self.editor.view)
        menu.setObjectName("span_menu")
        known = any(name.text == text.strip() and name.label == span.label
                    for name in gazetteer_entries(self.project))
        if known:
            action = menu.addAction(self.tr("Remove “%1” (%2) from the gazetteer")
                                    .replace("%1", shown).replace("%2", span.label))
            action.setObjectName("gazetteer_remove")
            action.triggered.connect(lambda: self.remove_from_gazetteer(span))
        else:
            action = menu.addAction(self.tr("Add “%1” to the gazetteer as %2")
                                    .replace("%1", shown).replace("%2", span.label))
            action.setObjectName("gazetteer_add")
            action.triggered.connect(lambda: self.add_to_gazetteer(span))
        menu.addSeparator()
        if span.state is SpanState.SUGGESTED:
            menu.addAction(self.tr("Accept suggestion"), lambda: self._on(span, self.editor.accept_suggestion))
            menu.addAction(self.tr("Reject suggestion"), lambda: self._on(span, self.editor.reject_suggestion))
        relabel = menu.addMenu(self.tr("Relabel as"))
        for spec in self.editor.labels:
            if spec.name != span.label:
                action = relabel.addAction(spec.name)
                action.triggered.connect(self._relabeller(span, spec.name))
        menu.addAction(self.tr("Delete span"), lambda: self._on(span, self.editor.delete_span))
        return follow_the_interface(menu)

    # ------------------------------------------------------------------ commands
    def add_to_gazetteer(self, span: StoredSpan) -> bool:
        from annotator.app.gazetteer import GAZETTEER_CHANGED, add_to_gazetteer

        session = self.editor.session
        assert session is not None
        text = session.text[span.start:span.end]
        added = add_to_gazetteer(self.project, text, span.label)
        if added:
            self.changed.emit(GAZETTEER_CHANGED)
        self.message.emit((self.tr("Added “%1” to the gazetteer as %2") if added
                           else self.tr("“%1” is already in the gazetteer as %2"))
                          .replace("%1", text.strip()).replace("%2", span.label))
        return added

    def remove_from_gazetteer(self, span: StoredSpan) -> bool:
        from annotator.app.gazetteer import GAZETTEER_CHANGED, remove_from_gazetteer

        session = self.editor.session
        assert session is not None
        text = session.text[span.start:span.end]
        removed = remove_from_gazetteer(self.project, text, span.label)
        if removed:
            self.changed.emit(GAZETTEER_CHANGED)
            self.message.emit(self.tr("Removed “%1” (%2) from the gazetteer")
                              .replace("%1", text.strip()).replace("%2", span.label))
        return removed

    def relabel(self, span: StoredSpan, label: str) -> None:
        self.editor.select_span(span)
        self.editor.label_with(label)

    def _relabeller(self, span: StoredSpan, label: str) -> Callable[[], None]:
        return lambda: self.relabel(span, label)

    def _on(self, span: StoredSpan, command: object) -> None:
        self.editor.select_span(span)
        if callable(command):
            command()
