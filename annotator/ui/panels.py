"""Side panels: the document list with its filters, the span list and the guidelines."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import SpanState, StoredSpan
from annotator.ui.document_list_model import ID_ROLE, DocumentFilter, DocumentListModel
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.span_index import SpanIndex

ModelIndex = QModelIndex | QPersistentModelIndex


class DocumentPanel(QWidget):
    document_chosen = Signal(int)

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = DocumentFilter()
        self.proxy.setSourceModel(model)
        self.status = QComboBox(self)
        for text, value in ((self.tr("All documents"), None), (self.tr("Not done"), "undone"),
                            (self.tr("New"), "new"), (self.tr("In progress"), "in_progress"),
                            (self.tr("Done"), "done"), (self.tr("Skipped"), "skipped")):
            self.status.addItem(text, value)
        self.words = QLineEdit(self)
        self.words.setPlaceholderText(self.tr("Filter by title"))
        self.words.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DocumentListModel.POSITION, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.status.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status.currentData()))
        self.words.textChanged.connect(self.proxy.set_words)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)

    def _chosen(self, index: QModelIndex) -> None:
        self.document_chosen.emit(int(index.data(ID_ROLE)))

    def show_current(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)


class SpanListModel(QAbstractListModel):
    """The open document's spans in text order: label, text, state."""

    def __init__(self, style: SpanStyle) -> None:
        super().__init__()
        self.style = style
        self.index_: SpanIndex = SpanIndex()
        self.text = ""
        self._icons: dict[str, QPixmap] = {}

    def set_spans(self, index: SpanIndex, text: str) -> None:
        self.beginResetModel()
        self.index_ = index
        self.text = text
        self.endResetModel()

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.index_)

    def span_at_row(self, row: int) -> StoredSpan:
        return self.index_[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        span = self.index_[index.row()]
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


class SpanPanel(QListView):
    span_chosen = Signal(object)  # StoredSpan

    def __init__(self, model: SpanListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setUniformItemSizes(True)  # 10,000 rows scroll without measuring each
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clicked.connect(lambda index: self.span_chosen.emit(model.span_at_row(index.row())))
        self.activated.connect(lambda index: self.span_chosen.emit(model.span_at_row(index.row())))


class GuidelinesPanel(QTextBrowser):
    def __init__(self, guidelines: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        if guidelines.strip():
            self.setPlainText(guidelines)
        else:
            self.setPlainText(self.tr("This project has no guidelines yet."))
