"""Adjudication: the curator builds each document's gold annotation (annotator "gold").

Left, the documents up for adjudication (finished by two annotators or more) with their
conflicts and gold status, and the progress. Middle, the gold set in the editor: the spans every
annotator agrees on are pre-merged when a document is first opened; the curator edits or adds
spans with the usual keys and label buttons. Right, each conflict with who said what; "Use this
version" makes the gold spans in the conflict exactly that version. Every change is a domain
operation applied through the session's History (Ctrl+Z undoes it). "Accept in bulk…" accepts
every document whose agreement reaches a threshold (`BulkAcceptDialog`), in one operation kept
in a history of its own: "Undo bulk accept" takes it back in one step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.adjudication import (
    Conflict,
    ConflictKind,
    ConflictState,
    GoldDocument,
    Version,
    adjudication_progress,
    adjudication_rows,
    conflict_state,
    first_visit_premerge,
    gold_status,
    load_document,
    pick_version,
)
from annotator.app.project import Project
from annotator.app.team import require_sees_everyone
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.model import GOLD_ANNOTATOR
from annotator.core.operations import Change, Operation
from annotator.ui.agreement.bulk_accept_dialog import BulkAcceptDialog
from annotator.ui.agreement.table_models import KEY_ROLE, Column, RowsModel
from annotator.ui.document_list_model import status_name
from annotator.ui.editor.editor_widget import EditorWidget
from annotator.ui.i18n import error_text
from annotator.ui.label_bar import LabelBar
from annotator.ui.overlap_policy import short_text
from annotator.ui.session import DocumentSession

EXCERPT = 40
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 3


def _isolate(text: str) -> str:
    """TEXT as a bidi isolate, so Arabic inside an English line stays in place."""
    return f"\u2068{text}\u2069"


class AdjudicationDialog(QDialog):
    document_opened = Signal(int)
    changed = Signal(object)  # ProjectChanges: each edit of the gold set

    def __init__(self, project: Project, viewer: str, font: QFont,
                 current: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.viewer = viewer
        self.setObjectName("AdjudicationDialog")
        self.setWindowTitle(self.tr("Adjudication: the gold annotation"))
        self.resize(1400, 860)
        self.document: GoldDocument | None = None
        self.session: DocumentSession | None = None
        self._histories: dict[int, History] = {}
        layout = QVBoxLayout(self)
        self.refusal: str | None = None
        try:
            require_sees_everyone(project, viewer)
        except AnnotatorError as err:  # blind project, not a curator: nothing of others shown
            self.refusal = error_text(str(err))
            layout.addWidget(QLabel(self.refusal, self))
            return
        self.progress = QProgressBar(self)
        self.rows = RowsModel([Column(self.tr("#")), Column(self.tr("Document")),
                               Column(self.tr("Agreed")), Column(self.tr("Conflicts")),
                               Column(self.tr("Gold"))])
        self.list_view = QTableView(self)
        self.list_view.setModel(self.rows)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.setWordWrap(False)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list_view.clicked.connect(self._open_row)
        self.bulk_history = History(project.apply)
        self.bulk_dialog: BulkAcceptDialog | None = None
        self.bulk_button = QPushButton(self.tr("Accept in bulk…"), self)
        self.bulk_button.setObjectName("bulk_accept")
        self.bulk_button.clicked.connect(self.open_bulk_accept)
        self.undo_bulk_button = QPushButton(self.tr("Undo bulk accept"), self)
        self.undo_bulk_button.setObjectName("undo_bulk_accept")
        self.undo_bulk_button.setEnabled(False)
        self.undo_bulk_button.clicked.connect(self.undo_bulk)

        labels = project.labels()
        self.editor = EditorWidget(labels, font, project.info().language, self)
        self.label_bar = LabelBar(labels, self.editor.span_style, self)
        self.label_bar.label_clicked.connect(self.editor.label_with)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold")
        self.message = QLabel(self)
        self.overlap_note = QLabel(short_text(project.info().overlap_policy), self)
        self.overlap_note.setObjectName("overlap_note")
        self.editor.message.connect(self.message.setText)

        self.conflicts = QTreeWidget(self)
        self.conflicts.setHeaderLabels([self.tr("Conflict / version"), self.tr("Who")])
        self.conflicts.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.conflicts.currentItemChanged.connect(lambda item, _old: self._reveal(item))
        self.conflicts.itemDoubleClicked.connect(lambda item, _c: self.pick_item(item))
        self.pick_button = QPushButton(self.tr("Use this version"), self)
        self.pick_button.clicked.connect(lambda: self.pick_item(self.conflicts.currentItem()))
        self.done_button = QPushButton(self.tr("Mark adjudicated"), self)
        self.done_button.clicked.connect(self.mark_done)
        undo = QPushButton(self.tr("Undo"), self)
        undo.clicked.connect(self.editor.undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.editor.undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self.editor.redo)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Documents up for adjudication"), left))
        column.addWidget(self.list_view, 1)
        column.addWidget(self.progress)
        bulk = QHBoxLayout()
        bulk.addWidget(self.bulk_button)
        bulk.addWidget(self.undo_bulk_button)
        column.addLayout(bulk)
        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.label_bar)
        column.addWidget(self.editor, 1)
        column.addWidget(self.message)
        column.addWidget(self.overlap_note)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Conflicts: who said what"), right))
        column.addWidget(self.conflicts, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pick_button)
        buttons.addWidget(undo)
        column.addLayout(buttons)
        column.addWidget(self.done_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        for part in (left, middle, right):
            split.addWidget(part)
        split.setSizes([380, 680, 440])
        layout.addWidget(split, 1)
        self.refresh_list()
        ids = [int(k) for k in self.rows.keys if isinstance(k, int)]
        if ids:
            self.open_document(current if current in ids else ids[0])

    # ------------------------------------------------------------------ documents
    def refresh_list(self) -> None:
        rows = adjudication_rows(self.project)
        self.rows.set_rows([[r.position + 1, r.title, r.agreed, r.conflicts, status_name(r.status)]
                            for r in rows], [r.doc_id for r in rows])
        progress = adjudication_progress(self.project)
        self.progress.setRange(0, max(progress.documents, 1))
        self.progress.setValue(progress.done)
        self.progress.setFormat(self.tr("%1 of %2 documents adjudicated").replace(
            "%1", str(progress.done)).replace("%2", str(progress.documents)))
        if self.session is not None and self.session.doc_id in self.rows.keys:
            self.list_view.selectRow(self.rows.keys.index(self.session.doc_id))

    def _open_row(self, index: QModelIndex) -> None:
        key = index.siblingAtColumn(0).data(KEY_ROLE)
        if key is not None:
            self.open_document(int(key))

    def open_document(self, doc_id: int) -> None:
        """Show DOC_ID's gold set; the first time, with the agreed spans pre-merged (one undo
        step)."""
        if self.session is not None:
            self.session.changed.disconnect(self._on_change)
        document = load_document(self.project, doc_id, self.viewer)
        history = self._histories.setdefault(doc_id, History(self.project.apply))
        session = DocumentSession(self.project, doc_id, GOLD_ANNOTATOR, history)
        self.document, self.session = document, session
        session.changed.connect(self._on_change)
        direction = self.project.info().direction
        self.editor.open_session(session, direction)
        premerge = first_visit_premerge(self.project, document, session.annotation_id,
                                        list(session.index))
        if premerge is not None:  # first visit: pre-merge what all agree on
            session.apply(premerge)
        names = ", ".join(document.adjudication.annotators)
        self.title.setText(self.tr("Gold set · compared: %1").replace("%1", names))
        self.refresh_conflicts()
        self.refresh_list()
        self.document_opened.emit(doc_id)

    # ------------------------------------------------------------------ conflicts
    def refresh_conflicts(self) -> None:
        document, session = self.document, self.session
        if document is None or session is None:
            return
        current = self.conflicts.currentItem()
        chosen = current.data(0, CONFLICT_ROLE) if current is not None else None
        self.conflicts.clear()
        text = document.text
        agreed = document.adjudication.agreed
        gold = list(session.index)
        names = {ConflictState.OPEN: self.tr("open"), ConflictState.PICKED: self.tr("picked"),
                 ConflictState.EDITED: self.tr("edited")}
        kind_names = self.conflict_kind_names()
        separator = self.tr(", ", "between the kinds of a conflict")
        for number, conflict in enumerate(document.adjudication.conflicts):
            state, picked = conflict_state(conflict, gold, agreed)
            excerpt = text[conflict.start:conflict.end].replace("\n", " ")[:EXCERPT]
            kinds = separator.join(kind_names[k] for k in conflict.kinds)
            item = QTreeWidgetItem([f"{_isolate(excerpt)} — {kinds}", names[state]])
            item.setData(0, CONFLICT_ROLE, (number, None))
            self.conflicts.addTopLevelItem(item)
            for v, version in enumerate(conflict.versions):
                child = QTreeWidgetItem([self.version_text(version, text), ", ".join(version.annotators)])
                child.setData(0, CONFLICT_ROLE, (number, v))
                if picked == version:
                    font = child.font(0)
                    font.setBold(True)
                    child.setFont(0, font)
                    child.setFont(1, font)
                item.addChild(child)
            item.setExpanded(True)
            if chosen is not None and chosen[0] == number:
                self.conflicts.setCurrentItem(item)
        self.conflicts.resizeColumnToContents(1)

    def conflict_kind_names(self) -> dict[ConflictKind, str]:
        """What each kind of conflict is called in the conflicts list."""
        return {ConflictKind.MISSING: self.tr("missing", "conflict kind: some marked an entity, others not"),
                ConflictKind.BOUNDARY: self.tr("boundary", "conflict kind: different offsets"),
                ConflictKind.LABEL: self.tr("label", "conflict kind: different labels")}

    def version_text(self, version: Version, text: str) -> str:
        if not version.spans:
            return self.tr("(no entity here)")
        return " + ".join(f"{s.label}: {_isolate(text[s.start:s.end])}" for s in version.spans)

    def conflict_of(self, item: QTreeWidgetItem | None) -> tuple[Conflict, Version | None] | None:
        if item is None or self.document is None:
            return None
        number, v = item.data(0, CONFLICT_ROLE)
        conflict = self.document.adjudication.conflicts[number]
        return conflict, (conflict.versions[v] if v is not None else None)

    def _reveal(self, item: QTreeWidgetItem | None) -> None:
        found = self.conflict_of(item)
        if found is not None:
            self.editor.view.select_range(found[0].start, found[0].end)
            self.editor.view.centerCursor()

    def pick(self, conflict: Conflict, version: Version) -> Change | None:
        """Make the gold spans in CONFLICT exactly VERSION's (one undoable step)."""
        session, document = self.session, self.document
        if session is None or document is None:
            return None
        batch = pick_version(self.project, document, conflict, version.spans,
                             list(session.index))
        return session.apply(batch) if batch.operations else None

    def pick_item(self, item: QTreeWidgetItem | None) -> Change | None:
        found = self.conflict_of(item)
        if found is None or found[1] is None:
            self.message.setText(self.tr("Choose one version of a conflict first"))
            return None
        return self.pick(*found)  # type: ignore[arg-type]

    def mark_done(self) -> Change | None:
        if self.session is None:
            return None
        return self.session.apply(gold_status(self.session.annotation_id))

    def _on_change(self, change: Change) -> None:
        self.changed.emit(ProjectChanges.of_edit(change))
        self.refresh_conflicts()
        listed = self.rows.keys.index(self.session.doc_id) if self.session else -1
        if listed >= 0 and self.rows.rows[listed][4] != status_name(self.session.status):  # type: ignore[union-attr]
            self.refresh_list()  # the gold status moved (new -> in progress -> done)

    # ------------------------------------------------------------------ bulk curation
    def open_bulk_accept(self) -> BulkAcceptDialog:
        if self.bulk_dialog is None:
            self.bulk_dialog = BulkAcceptDialog(self.project, self.apply_bulk, self)
        self.bulk_dialog.show()
        self.bulk_dialog.raise_()
        return self.bulk_dialog

    def apply_bulk(self, operation: Operation) -> Change | None:
        """Apply a bulk acceptance as one step of the bulk history."""
        return self._bulk_step(lambda: self.bulk_history.do(operation))

    def undo_bulk(self) -> Change | None:
        """Take back the last bulk acceptance (every document it accepted) in one step."""
        return self._bulk_step(self.bulk_history.undo)

    def _bulk_step(self, step: Callable[[], Change | None]) -> Change | None:
        try:
            change = step()
        except AnnotatorError as err:
            self.message.setText(error_text(str(err)))
            return None
        self.undo_bulk_button.setEnabled(self.bulk_history.can_undo)
        if change is None:
            return None
        self.changed.emit(ProjectChanges.of_edit(change))
        if self.session is not None:  # its gold set may have moved: read it again
            self.open_document(self.session.doc_id)
        else:
            self.refresh_list()
        return change
