"""The document list: a Qt model over the database, read a page at a time.

The model keeps how many documents are listed and the pages of rows it has shown, `PAGE_ROWS`
at a time, the last `CACHED_PAGES` of them. When an index serves the list's order (project
order; the title on SQLite: `Project.lists_by_pages`) a page is read by walking that index,
so opening, filtering or sorting a million documents reads a count and one page, and "which
row is document N" is one count too. Sorted by status, the list is one such part per status
(in project order), counted by one GROUP BY. The spans and suggestions orders list every id
once (`Project.listed_document_ids`, an array of integers, plus a sorted copy to find a row).
An edit updates one cached row and moves the progress count by one, whatever the number of
documents.

When the project assigns documents (`app.assignment`), the list is the annotator's queue:
only their documents, progress counted on them, and "next undone" stepping through them.
`set_show_all(True)` lists every document (for curators and managers) while progress and
"next undone" still follow the queue.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from annotator.app.assignment import assigned_document_ids, may_see_every_document
from annotator.app.project import SORT_KEYS, DocumentQuery, Project
from annotator.core.model import DocumentSummary, Status
from annotator.ui import id_lookup
from annotator.ui.id_lookup import IdArray

ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_ROWS = 256  # rows read from the database at a time
CACHED_PAGES = 64  # pages kept (16,384 rows): scrolling back and forth reads nothing again
STATUS_COLORS = {Status.NEW: "#9E9E9E", Status.IN_PROGRESS: "#1E88E5", Status.DONE: "#2E7D32",
                 Status.SKIPPED: "#F57C00"}


_STATUS_BRUSHES: dict[tuple[Status, int, int], QBrush] = {}


def status_brush(status: Status) -> QBrush:
    """The status column's text colour, a shade that reads at 4.5:1 on the list's page in the
    light and the dark appearance."""
    from annotator.ui.editor.contrast import text_for

    palette = QGuiApplication.palette()
    page, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    key = (status, page.rgb(), text.rgb())
    brush = _STATUS_BRUSHES.get(key)
    if brush is None:
        brush = _STATUS_BRUSHES[key] = QBrush(text_for(QColor(STATUS_COLORS[status]), page, text))
    return brush
Page = tuple[list[int], list[DocumentSummary | None]]  # a page's ids and rows


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
    EDITED = ((STATUS, "status"), (SPANS, "span_count"), (SUGGESTIONS, "suggestion_count"))
    reloaded = Signal()  # the list was read again (a sort keeps its rows and says nothing)
    progress_counted = Signal()  # the queue's progress was counted again

    def __init__(self, project: Project, annotator: str) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.show_all = False
        self.may_show_all = may_see_every_document(project, annotator)  # curators, managers
        self.assigns = False  # whether the project assigns documents (the list is a queue)
        self.status_filter: str | None = None  # None, "undone" or a status value
        self.words = ""
        self.sort_column = self.POSITION
        self.descending = False
        self.query = DocumentQuery(annotator)
        self.by_pages = True  # indexes serve the order: pages are read by walking them
        self._parts: list[tuple[DocumentQuery, int]] = []  # the list's parts and their rows
        self._count = 0  # documents listed
        self._ids: array[int] = array("q")  # every listed id, in list order (not by_pages)
        self._sorted_ids: IdArray = id_lookup.empty()
        self._row_at_sorted: IdArray = id_lookup.empty()
        self._queue: IdArray = id_lookup.empty()  # the annotator's documents, sorted
        self._pages: OrderedDict[int, Page] = OrderedDict()
        self._rows: dict[int, int] = {}  # document id -> row, for the cached pages
        self.pages_read = 0  # pages read from the database since the model was made
        self._status_names = {status: status_name(status) for status in Status}
        self._done = 0  # documents done in the queue, moved by each row update (never recounted)
        self._queued = 0  # documents in the queue
        self.reload()

    # ------------------------------------------------------------------ reading the list
    def reload(self) -> None:
        """Read the list, the queue and its progress again (documents, assignments or labels
        changed)."""
        assigned = assigned_document_ids(self.project, self.annotator)  # None: assigns nothing
        self.assigns = assigned is not None
        self._queue = id_lookup.sorted_ids(assigned or [])
        self._relist()
        self._count_progress()
        self.reloaded.emit()

    def _count_progress(self) -> None:
        self._done, self._queued = self.project.queue_progress(self.annotator, self.assigns)
        self.progress_counted.emit()

    def _relist(self) -> None:
        """List again for the current filter and order: a count when an index serves the
        order, else every listed id."""
        self.beginResetModel()
        self.query = DocumentQuery(self.annotator, self.assigns and not self.show_all,
                                   self.status_filter, self.words,
                                   SORT_KEYS[self.sort_column], self.descending)
        self._parts = self._parts_of(self.query)
        self.by_pages = bool(self._parts)
        if self.by_pages:
            self._ids = array("q")
            self._count = sum(rows for _part, rows in self._parts)
            self._sorted_ids = self._row_at_sorted = id_lookup.empty()
        else:
            self._ids = self.project.listed_document_ids(self.query)
            self._count = len(self._ids)
            self._sorted_ids, self._row_at_sorted = id_lookup.sorted_with_rows(self._ids)
        self._pages.clear()
        self._rows.clear()
        self.endResetModel()

    def _parts_of(self, query: DocumentQuery) -> list[tuple[DocumentQuery, int]]:
        """The list as consecutive parts each read by pages over an index, with their rows: the
        whole list when an index serves its order; sorted by status, one part per status in
        project order (a GROUP BY counts them); sorted by spans or suggestions, the documents
        with none and those with some when the counters serve them; else none."""
        if self.project.lists_by_pages(query):
            return [(query, self.project.listed_count(query))]
        bands = self.project.listed_bands(query)
        if bands is not None:
            return bands
        if query.sort != "status":
            return []
        allowed = {None: list(Status), "undone": [Status.NEW, Status.IN_PROGRESS]}.get(
            query.status, [s for s in Status if str(s) == query.status])
        counts = self.project.listed_status_counts(query)
        order = reversed(allowed) if query.descending else allowed
        return [(replace(query, status=str(s), sort="position"), counts.get(str(s), 0))
                for s in order]

    def _page_ids(self, first: int, rows: int) -> list[int]:
        """The ids of ROWS listed documents from row FIRST on, read from the parts they fall in."""
        found: list[int] = []
        start = 0
        for part, size in self._parts:
            if len(found) < rows and first < start + size and size:
                at = max(first, start) - start
                found += self.project.listed_page(part, at, min(rows - len(found), size - at))
            start += size
        return found

    def set_show_all(self, on: bool) -> None:
        """List every document (True) or only the annotator's queue (False)."""
        if on != self.show_all:
            self.show_all = on
            self.reload()

    def set_filter(self, status: str | None = None, words: str = "") -> None:
        """List only documents of STATUS (None: all; "undone": new or in progress) whose title
        or source holds every one of WORDS; the database filters."""
        words = " ".join(words.casefold().split())
        if (status, words) != (self.status_filter, self.words):
            self.status_filter, self.words = status, words
            self._relist()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the list by COLUMN; the database sorts (project order breaks ties)."""
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) != (self.sort_column, self.descending) and 0 <= column < 5:
            self.sort_column, self.descending = column, descending
            self._relist()

    def has_assignment(self) -> bool:
        """Whether the project assigns documents (then the list is a queue)."""
        return self.assigns

    def in_queue(self, doc_id: int) -> bool:
        return not self.assigns or id_lookup.position(self._queue, doc_id) is not None

    def listed_ids(self) -> list[int]:
        """Every listed id in list order (a whole-list read when the list reads by pages)."""
        if self.by_pages:
            return list(self.project.listed_document_ids(self.query))
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        """The id of the document at ROW; None past the end."""
        if not 0 <= row < self._count:
            return None
        ids = self._page(row // PAGE_ROWS)[0]
        return ids[row % PAGE_ROWS] if row % PAGE_ROWS < len(ids) else None

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Document"), self.tr("Status"), self.tr("Spans"),
                self.tr("Suggestions")]

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._count

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
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if column == self.TITLE else int(Qt.AlignmentFlag.AlignCenter)
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, STATUS_ROLE, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole):
            return None
        row = self._row(index.row())
        if row is None:  # removed since the list was read
            return None
        if role == STATUS_ROLE:
            return str(row.status)
        if role == Qt.ItemDataRole.DisplayRole:
            return [row.position + 1, row.title, self._status_names[row.status], row.span_count,
                    row.suggestion_count][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (row.source or row.title) if column == self.TITLE else None
        if column == self.STATUS:
            return status_brush(row.status)
        return None

    def _row(self, row: int) -> DocumentSummary | None:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // PAGE_ROWS)[1]
        return rows[row % PAGE_ROWS] if row % PAGE_ROWS < len(rows) else None

    def _page(self, number: int) -> Page:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        first = number * PAGE_ROWS
        wanted = (self._page_ids(first, PAGE_ROWS) if self.by_pages
                  else list(self._ids[first:first + PAGE_ROWS]))
        read = {s.id: s for s in self.project.document_summaries(self.annotator, wanted)}
        page = (wanted, [read.get(doc_id) for doc_id in wanted])
        self.pages_read += 1
        self._pages[number] = page
        self._rows.update((doc_id, first + i) for i, doc_id in enumerate(wanted))
        if len(self._pages) > CACHED_PAGES:
            gone, (ids, _rows) = self._pages.popitem(last=False)
            for i, doc_id in enumerate(ids):
                if self._rows.get(doc_id) == gone * PAGE_ROWS + i:
                    del self._rows[doc_id]
        return page

    # ------------------------------------------------------------------ lookups and updates
    def row_of(self, doc_id: int) -> int | None:
        """DOC_ID's row in the list; None when it is not listed. A row on a cached page costs
        nothing; another one count in the database (or a search in the sorted ids)."""
        if doc_id in self._rows:
            return self._rows[doc_id]
        if self.by_pages:
            start = 0
            for part, size in self._parts:
                row = self.project.listed_row(part, doc_id) if size else None
                if row is not None:
                    return start + row
                start += size
            return None
        at = id_lookup.position(self._sorted_ids, doc_id)
        return int(self._row_at_sorted[at]) if at is not None else None

    def summary(self, doc_id: int) -> DocumentSummary | None:
        row = self.row_of(doc_id)
        return self._row(row) if row is not None else None

    def update_document(self, doc_id: int, **values: object) -> None:
        """Change one row (status, span_count, suggestion_count) after an edit: the cached row
        and the progress count move, nothing is read but that row's page. Only the cells
        whose value moved are said changed, each alone: the view repaints that cell (a range
        of cells costs it a repaint of the whole viewport), and a keystroke repaints one."""
        row = self.row_of(doc_id)
        before = self._row(row) if row is not None else None
        if row is None or before is None:  # not listed (filtered out): count the queue again
            if "status" in values:
                self._count_progress()
            return
        after = replace(before, **values)  # type: ignore[arg-type]
        if after == before:
            return
        page = self._pages.get(row // PAGE_ROWS)
        if page is not None:
            page[1][row % PAGE_ROWS] = after
        if before.status is not after.status and self.in_queue(doc_id):
            self._done += (after.status is Status.DONE) - (before.status is Status.DONE)
        for column, name in self.EDITED:
            if getattr(before, name) != getattr(after, name):
                cell = self.index(row, column)
                self.dataChanged.emit(cell, cell)

    def refresh_rows(self, doc_ids: set[int] | frozenset[int]) -> int:
        """Read the rows of DOC_IDS again (a bulk job or a colleague changed them), those on
        cached pages only, and count the queue's progress again; how many rows changed. The
        list keeps its selection and order."""
        changed = 0
        cached = [d for d in doc_ids if d in self._rows]
        for summary in self.project.document_summaries(self.annotator, cached):
            row = self._rows[summary.id]
            rows = self._pages[row // PAGE_ROWS][1]
            if rows[row % PAGE_ROWS] != summary:
                rows[row % PAGE_ROWS] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                changed += 1
        self._count_progress()
        return changed + len(doc_ids) - len(cached)  # rows not on screen are read when shown

    def progress(self) -> tuple[int, int]:
        """(documents done, documents) in this annotator's queue: counted by the database at
        reload and moved by each row update, so an edit costs the same whatever the number of
        documents."""
        return self._done, self._queued

    def next_undone(self, after_doc_id: int | None) -> int | None:
        """The first document of the queue after AFTER_DOC_ID (project order, wrapping) that
        is neither done nor skipped."""
        return self.project.next_undone_document(self.annotator, self.assigns, after_doc_id)

