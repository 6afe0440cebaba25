"""Refresh from others: poll `ProjectStore.changes_since` and show colleagues' changes.

Every few seconds (four small aggregate queries when nothing changed) the poll asks what changed
since the last look. Changed documents get their rows in the document list updated in place
(the list keeps its selection and sort); new or removed documents reload the list; when someone
else changed the annotation open in the editor, its spans are reloaded and the user's selection
and scroll position are kept. The status bar says what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.errors import AnnotatorError
from annotator.store.changes import ChangeToken, ProjectChanges

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

POLL_MS = 3000


def reload_open_document(window: MainWindow) -> None:
    """Read the open document's spans and status again, keeping selection and scroll."""
    session = window.session
    if session is None:
        return
    view = window.editor.view
    selected, cursor = view.selected_range(), view.cursor_offset()
    scroll = view.verticalScrollBar().value()
    doc_id = session.doc_id
    window.session = None  # open_document skips the document already open
    window.open_document(doc_id)
    if selected is not None:
        view.select_range(*selected, reveal=False)
    else:
        view.place_cursor(cursor)
    view.verticalScrollBar().setValue(scroll)


def refresh_document_rows(window: MainWindow, doc_ids: set[int] | frozenset[int] | None) -> int:
    """Update the list rows of DOC_IDS (None: every row) from the store; rows changed."""
    model = window.documents
    changed = 0
    for summary in window.store.documents(window.annotator):
        if doc_ids is not None and summary.id not in doc_ids:
            continue
        old = model.summary(summary.id)
        if old is not None and old != summary:
            model.update_document(summary.id, status=summary.status, span_count=summary.span_count,
                                  suggestion_count=summary.suggestion_count)
            changed += 1
    return changed


class TeamRefresh(QObject):
    refreshed = Signal(object)  # ProjectChanges that changed something on screen

    def __init__(self, window: MainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.token: ChangeToken | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        if self.token is None:
            self.token = self.window.store.changes_since(None).token
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        if self.window.isVisible():  # a closed window stops looking
            self.poll()

    def poll(self) -> ProjectChanges | None:
        window = self.window
        try:
            changes = window.store.changes_since(self.token)
        except AnnotatorError as err:
            window.show_message(str(err))
            return None
        except Exception as err:  # the server went away: say so, try again at the next tick
            window.show_message(self.tr("Could not check for changes: %1").replace("%1", type(err).__name__))
            return None
        first = self.token is None
        self.token = changes.token
        if first or not changes.anything:
            return changes
        if changes.documents_changed or changes.labels_changed:
            current = window.session.doc_id if window.session else None
            window.documents.reload()
            if current is not None:
                window.document_panel.show_current(current)
            rows = len(window.documents.rows)
        else:
            rows = refresh_document_rows(window, changes.documents) if changes.documents else 0
        session = window.session
        reloaded = False
        if session is not None and session.annotation_id in changes.by_others:
            reload_open_document(window)
            reloaded = True
        if reloaded:
            window.show_message(self.tr("A colleague changed this document: its spans were reloaded"))
        elif changes.by_others and rows:
            window.show_message(self.tr("Updated %1 document(s) changed by others").replace("%1", str(rows)))
        if reloaded or rows:
            self.refreshed.emit(changes)
        return changes
