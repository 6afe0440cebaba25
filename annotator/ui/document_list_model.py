"""The document list: a Qt model over the store's document summaries, and a filter proxy.

The model holds the `DocumentSummary` rows the store returns (one set-based query for the whole
list) and updates a single row after an edit; it never owns document text.

When the project assigns documents (`app.assignment`), the list is the annotator's queue:
only their documents, progress counted on them, and "next undone" stepping through them.
`set_show_all(True)` lists every document (for curators and managers) while progress and
"next undone" still follow the queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from annotator.app.assignment import assigned_document_ids, may_see_every_document
from annotator.app.project import Project
from annotator.core.model import DocumentSummary, Status

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
ModelIndex = QModelIndex | QPersistentModelIndex

STATUS_ORDER = {status: i for i, status in enumerate(Status)}  # sort key, built once
STATUS_COLORS = {Status.NEW: "#9E9E9E", Status.IN_PROGRESS: "#1E88E5", Status.DONE: "#2E7D32",
                 Status.SKIPPED: "#F57C00"}


def status_name(status: Status) -> str:
    names = {
        Status.NEW: QCoreApplication.translate("Status", "new"),
        Status.IN_PROGRESS: QCoreApplication.translate("Status", "in progress"),
        Status.DONE: QCoreApplication.translate("Status", "done"),
        Status.SKIPPED: QCoreApplication.translate("Status", "skipped"),
    }
    return names[status]


class DocumentListModel(QAbstractTableModel):
    POSITION, TITLE, STATUS, SPANS, SUGGESTIONS = range(5)

    def __init__(self, project: Project, annotator: str) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.show_all = False
        self.may_show_all = may_see_every_document(project, annotator)  # curators, managers
        self.queue: frozenset[int] | None = None  # the annotator's documents; None: all of them
        self.rows: list[DocumentSummary] = []
        self._row_of: dict[int, int] = {}
        self._done = 0  # documents done in the queue, kept from each row update (never recounted)
        self._queued = 0  # documents in the queue
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        summaries = self.project.documents(self.annotator)
        assigned = assigned_document_ids(self.project, self.annotator)
        self.queue = None if assigned is None else frozenset(assigned)
        self.rows = summaries if self.show_all or self.queue is None else [
            s for s in summaries if s.id in self.queue]
        self._row_of = {row.id: i for i, row in enumerate(self.rows)}
        self._count_progress()
        self.endResetModel()

    def _count_progress(self) -> None:
        """Count the queue's progress once per reload; row updates then move it by one."""
        mine = [r for r in self.rows if self.in_queue(r.id)]
        self._done = sum(1 for r in mine if r.status is Status.DONE)
        self._queued = len(mine)

    def set_show_all(self, on: bool) -> None:
        """List every document (True) or only the annotator's queue (False)."""
        if on != self.show_all:
            self.show_all = on
            self.reload()

    def has_assignment(self) -> bool:
        """Whether the project assigns documents (then the list is a queue)."""
        return self.queue is not None

    def in_queue(self, doc_id: int) -> bool:
        return self.queue is None or doc_id in self.queue

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Document"), self.tr("Status"), self.tr("Spans"),
                self.tr("Suggestions")]

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return str(row.status)
        if role == Qt.ItemDataRole.DisplayRole:
            return [row.position + 1, row.title, status_name(row.status), row.span_count,
                    row.suggestion_count][column]
        if role == SORT_ROLE:
            return [row.position, row.title.casefold(), STATUS_ORDER[row.status],
                    row.span_count, row.suggestion_count][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return row.source or row.title
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(STATUS_COLORS[row.status]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.TITLE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # ------------------------------------------------------------------ lookups and updates
    def summary(self, doc_id: int) -> DocumentSummary | None:
        row = self._row_of.get(doc_id)
        return self.rows[row] if row is not None else None

    def row_of(self, doc_id: int) -> int | None:
        return self._row_of.get(doc_id)

    def update_document(self, doc_id: int, **values: object) -> None:
        """Change one row (status, span_count, suggestion_count) after an edit."""
        row = self._row_of.get(doc_id)
        if row is None:
            return
        before = self.rows[row]
        after = replace(before, **values)  # type: ignore[arg-type]
        self.rows[row] = after
        if before.status is not after.status and self.in_queue(doc_id):
            self._done += (after.status is Status.DONE) - (before.status is Status.DONE)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def refresh_rows(self, doc_ids: set[int] | frozenset[int]) -> int:
        """Read the rows of DOC_IDS again (a bulk job or a colleague changed them); how many
        rows changed. The list keeps its selection and sort."""
        changed = 0
        for summary in self.project.documents(self.annotator):
            if summary.id not in doc_ids:
                continue
            old = self.summary(summary.id)
            if old is not None and old != summary:
                self.update_document(summary.id, status=summary.status,
                                     span_count=summary.span_count,
                                     suggestion_count=summary.suggestion_count)
                changed += 1
        return changed

    def progress(self) -> tuple[int, int]:
        """(documents done, documents) in this annotator's queue: counted at reload and moved
        by each row update, so an edit costs the same whatever the number of documents."""
        return self._done, self._queued

    def next_undone(self, after_doc_id: int | None) -> int | None:
        """The first document of the queue after AFTER_DOC_ID (wrapping) that is neither done
        nor skipped."""
        if not self.rows:
            return None
        start = self._row_of.get(after_doc_id, -1) + 1 if after_doc_id is not None else 0
        for offset in range(len(self.rows)):
            row = self.rows[(start + offset) % len(self.rows)]
            if (row.status not in (Status.DONE, Status.SKIPPED) and row.id != after_doc_id
                    and self.in_queue(row.id)):
                return row.id
        return None


class DocumentFilter(QSortFilterProxyModel):
    """Filter by status (None: all; "undone": new or in progress) and by words of the title."""

    def __init__(self) -> None:
        super().__init__()
        self.status: str | None = None
        self.words = ""
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "status", status))

    def set_words(self, words: str) -> None:
        self._refilter(lambda: setattr(self, "words", words.strip().casefold()))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, DocumentListModel)
        row = model.rows[source_row]
        if self.status == "undone" and row.status in (Status.DONE, Status.SKIPPED):
            return False
        if self.status not in (None, "undone") and str(row.status) != self.status:
            return False
        if self.words:
            haystack = f"{row.title} {row.source}".casefold()
            return all(word in haystack for word in self.words.split())
        return True
