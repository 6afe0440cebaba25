"""The Spans panel: the open document's spans in text order, filtered, following the editor.

The model keeps the rows the filter lets through (in the index's order) and follows each
`Change` row by row: resetting a list of 40,000 spans on every keystroke costs the view a whole
frame. Only a new document or a new filter resets it.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelSpec, SpanState, StoredSpan
from annotator.core.operations import Change
from annotator.ui.count_line import CountLine
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.span_filters import SpanFilter, SpanFilterBar, SpanMatcher
from annotator.ui.span_index import SpanIndex, span_key

ModelIndex = QModelIndex | QPersistentModelIndex
RESET_ABOVE = 200  # a change touching more spans than this resets the span list instead
FOLLOW_DELAY_MS = 40  # the list follows the editor this long after it, once for a run of keys
SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class SpanListModel(QAbstractListModel):
    """The open document's spans that pass the filter, in text order: label, text, state."""

    def __init__(self, style: SpanStyle) -> None:
        super().__init__()
        self.style = style
        self.text = ""
        self.matcher = SpanMatcher()
        self._index = SpanIndex()
        self._spans: list[StoredSpan] = []
        self._keys: list[tuple[int, int, int]] = []
        self._icons: dict[str, QPixmap] = {}

    def set_spans(self, index: SpanIndex, text: str) -> None:
        self.beginResetModel()
        self.text = text
        self._index = index
        self.matcher.set_text(text)
        self._fill()
        self._icons.clear()  # the label colours may have changed
        self.endResetModel()

    def set_filter(self, wanted: SpanFilter) -> None:
        """List only the spans WANTED lets through (one reset; nothing when it is the same)."""
        if wanted == self.matcher.filter:
            return
        self.beginResetModel()
        self.matcher.filter = wanted
        self._fill()
        self.endResetModel()

    @property
    def filter(self) -> SpanFilter:
        return self.matcher.filter

    @property
    def total(self) -> int:
        """Spans in the document, shown or not."""
        return len(self._index)

    def _fill(self) -> None:
        self._spans = self.matcher.shown(list(self._index))
        self._keys = list(map(span_key, self._spans))

    def refresh(self) -> None:
        """Reload every row from the index (a reset: prefer `apply`)."""
        self.set_spans(self._index, self.text)

    def apply(self, change: Change) -> None:
        """Follow CHANGE (already applied to the index) with row inserts, removals, updates."""
        if len(change.added) + len(change.removed) + len(change.updated) > RESET_ABOVE:
            self.refresh()
            return
        accepts = self.matcher.accepts
        for before, after in change.updated:
            if span_key(before) == span_key(after):
                row = self._row(before)
                if row is not None and accepts(after):
                    self._spans[row] = after
                    self.dataChanged.emit(self.index(row), self.index(row))
                    continue
            self._remove(before)
            if accepts(after):
                self._insert(after)
        for span in change.removed:
            self._remove(span)
        for span in change.added:
            if accepts(span):
                self._insert(span)

    def _row(self, span: StoredSpan) -> int | None:
        key = span_key(span)
        row = bisect_left(self._keys, key)
        return row if row < len(self._keys) and self._keys[row] == key else None

    def _remove(self, span: StoredSpan) -> None:
        row = self._row(span)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._spans[row], self._keys[row]
            self.endRemoveRows()

    def _insert(self, span: StoredSpan) -> None:
        key = span_key(span)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self._keys.insert(row, key)
        self.endInsertRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._spans)

    def span_at_row(self, row: int) -> StoredSpan:
        return self._spans[row]

    def row_of(self, span: StoredSpan) -> int | None:
        return self._row(span)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            words = " ".join(self.text[span.start:span.end].split())
            words = words if len(words) <= 40 else words[:39] + "…"
            mark = "  ?" if span.state is SpanState.SUGGESTED else ""
            return f"{span.label}  {words}{mark}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(span.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"[{span.start}, {span.end}) {span.state}"
        return None

    def _icon(self, label: str) -> QPixmap:
        icon = self._icons.get(label)
        if icon is None:
            icon = QPixmap(12, 12)
            icon.fill(QColor(self.style.color(label)))
            self._icons[label] = icon
        return icon


class SpanPanel(QTableView):
    """The span list. A one-column table, not a QListView: a list view lays out every item
    again on each inserted row (20,000 calls into the model for 10,000 spans), a table's
    fixed-height rows need no layout.

    It follows the editor (`show_span`: the current span's row selected and scrolled to) and
    leads it: a row chosen by a click, Enter or the arrow keys is `span_chosen`. Following
    waits FOLLOW_DELAY_MS, so the editor's repaint comes first and a held Tab repaints the list
    once per pause, not per span (painting a screen of Arabic rows takes ~3 ms); a hidden list
    follows when it is shown."""

    span_chosen = Signal(object)  # StoredSpan

    def __init__(self, model: SpanListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.span_model = model
        self.current: StoredSpan | None = None  # the editor's current span
        self._following = False  # selecting the editor's span: not a choice of the user's
        self._pressing = False  # a press makes its row current; the click chooses it
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_DELAY_MS)
        self._follow.timeout.connect(self.follow_now)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.selectionModel().currentRowChanged.connect(self._moved)
        self.clicked.connect(self._choose)
        self.activated.connect(self._choose)
        model.modelReset.connect(self.follow_now)

    def show_span(self, span: StoredSpan | None) -> None:
        """The editor's current span is SPAN: its row is selected and scrolled to (no row when
        it is filtered out or None) after a short pause."""
        self.current = span
        if self.isVisible():
            self._follow.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.follow_now()

    def follow_now(self) -> None:
        """Select the editor's current span's row and scroll to it, now."""
        self._follow.stop()
        span = self.current
        row = self.span_model.row_of(span) if span is not None else None
        self._following = True
        try:
            if row is None:
                self.selectionModel().clear()
            else:
                index = self.span_model.index(row)
                self.selectionModel().setCurrentIndex(index, SELECT)
                self.scrollTo(index)
        finally:
            self._following = False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._pressing = True
        try:
            super().mousePressEvent(event)
        finally:
            self._pressing = False

    def _moved(self, index: QModelIndex, _previous: QModelIndex) -> None:
        """The arrow keys (or a drag) moved to INDEX: the editor goes there too."""
        if not self._following and not self._pressing and index.isValid():
            self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        span = self.span_model.span_at_row(index.row())
        self.current = span
        self.span_chosen.emit(span)


class SpansPane(QWidget):
    """The Spans dock's content: the filters, the list, and how many spans it shows."""

    def __init__(self, model: SpanListModel, labels: list[LabelSpec],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filters = SpanFilterBar(labels, self)
        self.table = SpanPanel(model, self)
        self.shown = CountLine(self)  # wraps; no layout of the window for a new count
        self.shown.setObjectName("spans_shown")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.shown)
        self.filters.changed.connect(model.set_filter)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(lambda *_a: self._count())
        self._count()

    def set_labels(self, labels: list[LabelSpec]) -> None:
        self.filters.set_labels(labels)

    def _count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.model.filter.everything:
            text = self.tr("%n span(s)", "", total)
        else:
            text = self.tr("%1 of %2 spans shown").replace("%1", f"{shown:,}").replace(
                "%2", f"{total:,}")
        self.shown.setText(text)
