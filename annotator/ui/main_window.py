"""The main window: document list, editor with label bar, span list, guidelines, status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from annotator.app.overlaps import set_overlap_policy
from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.errors import STORAGE_FAULTS, AnnotatorError
from annotator.core.history import History
from annotator.core.model import Direction, OverlapPolicy, SpanState, Status
from annotator.core.operations import Change, LabelOperation, SetStatus
from annotator.ui.bidi import in_interface_direction
from annotator.ui.dialogs.common import show_error
from annotator.ui.document_list_model import DocumentListModel, status_name
from annotator.ui.editor.editor_widget import EditorWidget
from annotator.ui.fonts import text_font
from annotator.ui.i18n import error_text
from annotator.ui.label_bar import LabelBar
from annotator.ui.label_editing import LabelEditing, UndoOrder
from annotator.ui.menu_direction import isolate_shortcuts

if TYPE_CHECKING:
    from annotator.ui.dialogs.label_dialog import LabelDialog
from annotator.ui.overlap_policy import legacy_notice, short_text
from annotator.ui.panels import DocumentPanel, GuidelinesPanel, SpanListModel, SpansPane
from annotator.ui.session import DocumentSession
from annotator.ui.settings import AppSettings
from annotator.ui.span_counts import CountsPanel
from annotator.ui.time_tracking import TimeTracker, add_time_action
from annotator.ui.window_actions import WindowActions
from annotator.ui.workbench import Refreshed
from annotator.ui.workflow import WorkflowActions

STATUS_MESSAGE_MS = 6000
TOKENIZE_DELAY_MS = 30


def dock_sides() -> tuple[Qt.DockWidgetArea, Qt.DockWidgetArea]:
    """The dock areas where a line starts and ends in the interface's direction (Qt's main
    window does not mirror its dock areas with the layout)."""
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    return (right, left) if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft \
        else (left, right)


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)

    def __init__(self, project: Project, annotator: str, settings: AppSettings) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.settings = settings
        self.info = project.info()
        self.labels = project.labels()
        self.session: DocumentSession | None = None
        self.remember_layout = True
        self.background_work = True  # off for screenshots: nothing to compete with the render
        self._histories: dict[int, History] = {}
        self.label_editing = LabelEditing(project, self)  # the label set's own undo history
        self.undo_order = UndoOrder()  # Edit › Undo: the latest step, a label's or the text's
        self.label_dialog: LabelDialog | None = None
        self.label_editing.changed.connect(
            lambda change: self.refresh(ProjectChanges.of_edit(change)))
        self.label_editing.failed.connect(self.show_message)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("%1 — annotator").replace("%1", self.info.name))

        self.documents = DocumentListModel(project, annotator)
        font = text_font(settings.font_family, settings.font_size)
        self.editor = EditorWidget(self.labels, font, self.info.language, self)
        self.editor.view.character_mode = settings.character_mode
        self.label_bar = LabelBar(self.labels, self.editor.span_style, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.label_bar)
        layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)

        self.document_panel = DocumentPanel(self.documents, self)
        self.span_model = SpanListModel(self.editor.span_style)
        self.spans_pane = SpansPane(self.span_model, self.labels, self)
        self.span_panel = self.spans_pane.table
        self.counts = CountsPanel(self)
        self.counts.set_labels(self.labels)
        self.guidelines = GuidelinesPanel(self.info.guidelines, self)
        start, end = dock_sides()  # Documents where a line starts: on the right in Arabic
        self.document_dock = self._dock("documents", self.tr("Documents"), self.document_panel, start)
        self.span_dock = self._dock("spans", self.tr("Spans", "the panel"), self.spans_pane, end)
        self.counts_dock = self._dock("counts", self.tr("Counts"), self.counts, end)
        self.guidelines_dock = self._dock("guidelines", self.tr("Guidelines"), self.guidelines, end)

        self.progress_label = QLabel(self)
        self.mode_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.actions_ = WindowActions(self)
        # File › open, import, export; Tools › pre-tag, train
        self.workflow = WorkflowActions(self, self.actions_.file_menu)
        # annotation time: activity in the editor, the window's focus, span decisions
        self.time_tracker = TimeTracker(project, self, (
            self.editor.view, self.editor.view.viewport(), self.label_bar))
        self.time_tracker.failed.connect(self.show_message)
        add_time_action(self.workflow.menus["tools"], self, self.time_tracker, annotator)
        for entry in self.menuBar().actions():  # keys read "Ctrl++" in Arabic too
            if isinstance(menu := entry.menu(), QMenu):
                isolate_shortcuts(menu)

        self.label_bar.label_clicked.connect(self.editor.label_with)
        self.label_bar.edit_requested.connect(self.edit_labels)
        self.editor.message.connect(self.show_message)
        self.document_panel.document_chosen.connect(self.open_document)
        self.span_panel.span_chosen.connect(self.editor.select_span)
        self.editor.current_span_changed.connect(self.span_panel.show_span)
        self.editor.view.zoom_requested.connect(self.zoom)
        self.editor.view.first_painted.connect(self._tokenize_in_background)
        self.documents.dataChanged.connect(lambda *_a: self._show_progress())
        self.documents.modelReset.connect(self._show_progress)
        self.documents.progress_counted.connect(self._show_progress)
        self._restore_layout()
        self._count_project()
        self._show_progress()
        self._show_mode()
        if settings.take_legacy_replace_overlapping():
            self.show_message(legacy_notice(self.info.overlap_policy))

    def _dock(self, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # ------------------------------------------------------------------ documents
    def open_document(self, doc_id: int) -> None:
        if self.session is not None and self.session.doc_id == doc_id:
            return
        history = self._histories.setdefault(doc_id, History(self.project.apply))
        session = DocumentSession(self.project, doc_id, self.annotator, history)
        session.changed.connect(lambda change: self.refresh(ProjectChanges.of_edit(change)))
        session.failed.connect(self._edit_refused)
        session.decided.connect(self.time_tracker.decided)
        session.decided.connect(lambda _change, h=history: self.undo_order.did(h))
        self.session = session
        self.time_tracker.document_opened(self.annotator, doc_id, session.index)
        override = Direction(self.settings.direction_override(self.project.url, doc_id))
        direction = override if override is not Direction.AUTO else self.info.direction
        self.editor.open_session(session, direction)
        self.span_model.set_spans(session.index, session.text)
        self.counts.set_document(session.index)
        self.document_panel.show_current(doc_id)
        if self.remember_layout:
            self.settings.set_last_document(self.project.url, doc_id)
        self.actions_.sync_direction(override)
        self._show_progress()
        self._show_mode()

    # ------------------------------------------------------------------ undo, and labels
    def apply_label(self, operation: LabelOperation) -> Change | None:
        """Change the label set by OPERATION, one step of Edit › Undo; None when refused (the
        reason is in `label_editing.failed`)."""
        change = self.label_editing.apply(operation)
        if change is not None:
            self.undo_order.did(self.label_editing.history)
        return change

    def _histories_at_hand(self) -> list[History]:
        session = self.session
        return [self.label_editing.history] + ([session.history] if session else [])

    def undo(self) -> None:
        """Take back the latest step: a label change, or the open document's edit."""
        target = self.undo_order.to_undo(self._histories_at_hand())
        if target is None:
            return
        labels = target is self.label_editing.history
        if (self.label_editing.undo() if labels else self.editor.undo()) is not None:
            self.undo_order.undone(target)

    def redo(self) -> None:
        target = self.undo_order.to_redo(self._histories_at_hand())
        if target is None:
            return
        labels = target is self.label_editing.history
        if (self.label_editing.redo() if labels else self.editor.redo()) is not None:
            self.undo_order.redone(target)

    def undo_label_change(self) -> None:
        """Take back the latest label change (the label editor's Undo)."""
        if self.label_editing.undo() is not None:
            self.undo_order.undone(self.label_editing.history)

    def redo_label_change(self) -> None:
        if self.label_editing.redo() is not None:
            self.undo_order.redone(self.label_editing.history)

    def edit_labels(self) -> LabelDialog:
        """Project › Labels…: the label editor, opened beside the window."""
        from annotator.ui.dialogs.label_dialog import LabelDialog

        if self.label_dialog is None:
            self.label_dialog = LabelDialog(self, self)
        else:  # one editor per window, brought back as the labels are now
            self.label_dialog.show_labels()
        self.label_dialog.show()
        self.label_dialog.raise_()
        self.label_dialog.activateWindow()
        return self.label_dialog

    def open_position(self, position: int | None) -> None:
        """Open the document at 1-based POSITION, else the last one open, else the first undone."""
        rows = self.documents.rowCount()
        if not rows:
            self.show_message(self.tr("No document is assigned to you yet")
                              if self.documents.has_assignment() else
                              self.tr("This project has no documents yet: import some with `annotator import`"))
            return
        if position is not None:
            self._open_row(max(0, min(rows, position) - 1))
            return
        last = self.settings.last_document(self.project.url)
        if last is not None and self.documents.summary(last) is not None:
            self.open_document(last)
            return
        undone = self.documents.next_undone(None)
        if undone is not None:
            self.open_document(undone)
        else:
            self._open_row(0)

    def _open_row(self, row: int) -> None:
        doc_id = self.documents.id_at(row)
        if doc_id is not None:
            self.open_document(doc_id)

    def _tokenize_in_background(self) -> None:
        """Once the first screen is painted: tokenize the document on a worker thread."""
        if self.background_work and self.editor.tokens is not None and not self.editor.tokens.ready:
            QTimer.singleShot(TOKENIZE_DELAY_MS, self.editor.tokens.start_in_background)

    def next_undone(self) -> None:
        current = self.session.doc_id if self.session else None
        found = self.documents.next_undone(current)
        if found is None:
            self.show_message(self.tr("Every document is done"))
            return
        self.open_document(found)

    def step_document(self, forward: bool) -> None:
        if self.session is None:
            return
        row = self.documents.row_of(self.session.doc_id) or 0
        row += 1 if forward else -1
        if 0 <= row < self.documents.rowCount():
            self._open_row(row)

    def set_status(self, status: Status) -> None:
        if self.session is not None:
            self.session.apply(SetStatus(self.session.annotation_id, status))

    def mark_done_and_next(self) -> None:
        if self.session is None:
            return
        if self.session.status is not Status.DONE:
            self.set_status(Status.DONE)
        self.next_undone()

    def current_document(self) -> int | None:
        return self.session.doc_id if self.session is not None else None

    def reload_open_document(self) -> None:
        """Read the open document's spans and status again, keeping selection and scroll."""
        session = self.session
        if session is None:
            return
        view = self.editor.view
        selected, cursor = view.selected_range(), view.cursor_offset()
        scroll = view.verticalScrollBar().value()
        doc_id = session.doc_id
        self.session = None  # open_document skips the document already open
        self.open_document(doc_id)
        if selected is not None:
            view.select_range(*selected, reveal=False)
        else:
            view.place_cursor(cursor)
        view.verticalScrollBar().setValue(scroll)
        view.keep_scroll()  # the reader's scroll position wins over the restored cursor

    # ------------------------------------------------------------------ changes
    def refresh(self, changes: ProjectChanges) -> Refreshed:
        """Bring every view up to date with CHANGES: the one way the views learn what an edit,
        a use-case or a colleague changed.

        The open document's own edits (from its session) update its list row, the span list
        and the status bar from the edit itself, with no read of the store; edits of other
        annotations (the gold set in the Adjudicate view) belong to the views that made them. Annotations changed otherwise are read again where they are
        shown: the open document's spans, the rows of `changes.documents`; a changed set of
        documents, labels or assignments lists the documents again."""
        session = self.session
        if changes.project:
            self.info = self.project.info()
            self.guidelines.show_guidelines(self.info.guidelines)
        if changes.labels:  # the bar, the colours; the open document is shown again below
            self.labels = self.project.labels()
            self.editor.set_labels(self.labels)
            self.label_bar.set_labels(self.labels)
            self.spans_pane.set_labels(self.labels)
            self.counts.set_labels(self.labels)
        if session is not None:
            for change in changes.edited(session.annotation_id):
                self._show_edit(session, change)
        rows = 0
        edited = {doc_id for change in changes.edits for doc_id in change.document_ids}
        if changes.document_set or changes.assignments or changes.labels:
            self.documents.reload()
            if session is not None:
                self.document_panel.show_current(session.doc_id)
            rows = self.documents.rowCount()
        elif changes.documents - edited:  # rows no edit here describes: read them again
            rows = self.documents.refresh_rows(changes.documents - edited)
        own = session.annotation_id if session is not None else None
        if changes.annotations or changes.labels or changes.document_set or any(
                own not in change.annotation_ids for change in changes.edits):
            self._count_project()  # not the open document's own edit: read from the store
        reloaded = session is not None and (
            session.annotation_id in changes.annotations or changes.labels)
        if reloaded:
            self.reload_open_document()
        if changes.project:
            self._show_mode()
            self.actions_.sync_overlap_policy(self.info.overlap_policy)
        return Refreshed(reloaded, rows)

    def _show_edit(self, session: DocumentSession, change: Change) -> None:
        index = session.index
        suggested = index.suggestion_count if (
            change.updated or any(s.state is SpanState.SUGGESTED for s in change.added + change.removed)
        ) else None
        values: dict[str, object] = {"span_count": len(index), "status": session.status}
        if suggested is not None:
            values["suggestion_count"] = suggested
        self.documents.update_document(session.doc_id, **values)
        if change.spans_changed:
            self.span_model.apply(change)
            self.counts.count_edit(change)
        if change.status is not None and isinstance(change.operation, SetStatus):
            self.show_message(self.tr("Document marked %1").replace(
                "%1", status_name(change.status[1])))

    def _edit_refused(self, message: str) -> None:
        """A refused edit is said in the status bar (the editor does that); a storage fault (a
        full disk, a read-only or vanished file, a server gone) also in a dialog: the edit was
        not made, and the user must act before going on."""
        if any(f"[{code.name}]" in message for code in STORAGE_FAULTS):
            from annotator.ui.dialogs.common import show_error

            show_error(self, self.tr("The edit was not saved"), message)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(error_text(text), STATUS_MESSAGE_MS)

    def _show_progress(self) -> None:
        done, total = self.documents.progress()
        text = self.tr("%1 of %2 documents done").replace("%1", str(done)).replace("%2", str(total))
        self.progress_label.setText(in_interface_direction(f"{self.annotator} · {text}"))
        self.counts.show_progress(done, total)

    def _count_project(self) -> None:
        """The project's counts per label, read from the store (its tallies on SQLite)."""
        self.counts.set_project(*self.project.label_counts(self.annotator))

    def _show_mode(self) -> None:
        view = self.editor.view
        parts = [self.tr("Right to left") if view.right_to_left else self.tr("Left to right"),
                 self.tr("Character mode") if view.character_mode else self.tr("Token mode"),
                 short_text(self.info.overlap_policy)]
        self.mode_label.setText(" · ".join(parts))

    # ------------------------------------------------------------------ view settings
    def zoom(self, steps: int) -> None:
        self.settings.font_size = self.settings.font_size + steps
        self.apply_font()

    def reset_zoom(self) -> None:
        self.settings.store.remove("text/font_size")
        self.apply_font()

    def apply_font(self) -> None:
        self.editor.set_text_font(text_font(self.settings.font_family, self.settings.font_size))

    def set_direction(self, direction: Direction) -> None:
        if self.session is None:
            return
        self.settings.set_direction_override(self.project.url, self.session.doc_id, str(direction))
        self.editor.set_direction(self.info.direction if direction is Direction.AUTO
                                  and self.info.direction is not Direction.AUTO else direction)
        self._show_mode()

    def set_character_mode(self, on: bool) -> None:
        self.editor.view.character_mode = on
        self.settings.character_mode = on
        self._show_mode()

    def set_overlap_policy(self, policy: OverlapPolicy) -> None:
        """Change the project's overlap policy (View › Overlapping spans in this project); a
        refusal (spans overlap) is shown and changes nothing."""
        try:
            report = set_overlap_policy(self.project, policy)
        except AnnotatorError as err:
            self.actions_.sync_overlap_policy(self.info.overlap_policy)
            show_error(self, self.tr("Overlapping spans"), str(err))
            return
        self.refresh(report.changes)
        self.show_message(self.tr("Overlapping spans in this project: %1").replace(
            "%1", short_text(report.after)))

    # ------------------------------------------------------------------ layout
    def _restore_layout(self) -> None:
        geometry, state = self.settings.geometry, self.settings.window_state(self.isRightToLeft())
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry() if self.screen() else None
            width = min(1320, int(screen.width() * 0.95)) if screen else 1320
            height = min(860, int(screen.height() * 0.9)) if screen else 860
            self.resize(width, height)
        if state is not None:
            self.restoreState(state)
        else:
            self.splitDockWidget(self.span_dock, self.counts_dock, Qt.Orientation.Vertical)
            self.tabifyDockWidget(self.span_dock, self.guidelines_dock)
            self.span_dock.raise_()
            self.fit_docks()
            self.resizeDocks([self.span_dock, self.counts_dock], [3, 1], Qt.Orientation.Vertical)

    def fit_docks(self) -> None:
        """The docks' share of the window's width: the text keeps at least half of it."""
        width = self.width()
        wide = width >= 900  # below that the floors would leave the text less than half
        documents = min(400, max(180 if wide else 0, int(width * 0.22)))
        spans = min(300, max(160 if wide else 0, int(width * 0.18)))
        self.resizeDocks([self.document_dock, self.span_dock], [documents, spans],
                         Qt.Orientation.Horizontal)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """A narrowed window takes its width from the docks, not from the text, once the
        text has less than half of it (Qt's main window takes it from the centre first)."""
        super().resizeEvent(event)
        if event.oldSize().width() > event.size().width() and \
                self.editor.width() < event.size().width() // 2:
            self.fit_docks()

    def save_layout(self) -> None:
        self.settings.geometry = QByteArray(self.saveGeometry())
        self.settings.set_window_state(self.isRightToLeft(), QByteArray(self.saveState()))
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """A new palette (View › Appearance, or the desktop turned dark or light): the span
        fills, brackets, tags and label buttons are computed again from it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and \
                self.editor.span_style.set_palette(self.palette()):  # the view's, soon
            self.editor.set_text_font(self.editor.view.font())  # formats and bands again
            self.label_bar.set_labels(self.labels)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.time_tracker.close()
        if self.remember_layout:
            self.save_layout()
        super().closeEvent(event)
