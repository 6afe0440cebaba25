"""Side panels: the document list with its filters and the guidelines (the span list is in
`span_list`)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.document_list_model import ID_ROLE, PAGE_ROWS, DocumentListModel
from annotator.ui.span_list import RESET_ABOVE, SpanListModel, SpanPanel, SpansPane

__all__ = ["RESET_ABOVE", "DocumentPanel", "GuidelinesPanel", "SpanListModel", "SpanPanel",
           "SpansPane"]

FILTER_DELAY_MS = 200
TITLE_ROOM = 120  # px of title the document list keeps before number columns give way
DROPPED_FIRST = (DocumentListModel.SUGGESTIONS, DocumentListModel.SPANS, DocumentListModel.STATUS)


class DocumentPanel(QWidget):
    document_chosen = Signal(int)

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._widths: dict[int, int] = {}  # the number columns' fitted widths
        self.status = QComboBox(self)
        for text, value in ((self.tr("All documents"), None), (self.tr("Not done"), "undone"),
                            (self.tr("New"), "new"), (self.tr("In progress"), "in_progress"),
                            (self.tr("Done"), "done"), (self.tr("Skipped"), "skipped")):
            self.status.addItem(text, value)
        self.words = QLineEdit(self)
        self.words.setPlaceholderText(self.tr("Filter by title"))
        self.words.setClearButtonEnabled(True)
        self.words.setToolTip(
            self.tr("A word of three letters or more is found anywhere in the title or source; a shorter word finds the words that begin with it")  # noqa: E501
            if model.project.short_search_words_begin_words() else
            self.tr("Every word is found anywhere in the title or source"))
        self.current: int | None = None
        self.show_all = QCheckBox(self.tr("Show all documents"), self)
        self.show_all.setObjectName("show_all_documents")
        self.show_all.setToolTip(self.tr("List every document of the project, not only the ones assigned to you"))
        self.table = QTableView(self)
        self.table.setModel(model)  # filtered and sorted by the database (the model's sort)
        self.table.horizontalHeader().setSortIndicator(DocumentListModel.POSITION,
                                                       Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # fitted once per reload on the first page's rows, not ResizeToContents: that measures
        # every row on every edit
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(PAGE_ROWS)
        model.reloaded.connect(self._fit_columns)
        model.modelReset.connect(self._after_reload)
        self._typed = QTimer(self)  # the title filter waits for a pause in typing
        self._typed.setSingleShot(True)
        self._typed.setInterval(FILTER_DELAY_MS)
        self._typed.timeout.connect(self.apply_filter)
        self._fit_columns()
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.show_all)
        layout.addWidget(self.table, 1)
        self._after_reload()
        self.show_all.toggled.connect(model.set_show_all)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.words.textChanged.connect(lambda _t: self._typed.start())
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            if column != DocumentListModel.TITLE:
                self.table.setColumnHidden(column, False)
                self.table.resizeColumnToContents(column)
                self._widths[column] = self.table.columnWidth(column)
        self._fit_to_width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_to_width()

    def _fit_to_width(self) -> None:
        """In a narrow dock the number columns give way (suggestions, then spans, then
        status), so the title keeps room to be read."""
        room = self.table.viewport().width()
        shown = list(self._widths)
        for column in DROPPED_FIRST:
            if room - sum(self._widths[c] for c in shown) >= TITLE_ROOM or column not in shown:
                break
            shown.remove(column)
        for column, width in self._widths.items():
            hidden = column not in shown
            if hidden != self.table.isColumnHidden(column):
                self.table.setColumnHidden(column, hidden)
                if not hidden:
                    self.table.setColumnWidth(column, width)

    def apply_filter(self) -> None:
        """Filter the list now by the status box and the words typed (typing waits for a pause)."""
        self._typed.stop()
        self.model.set_filter(self.status.currentData(), self.words.text())

    def _chosen(self, index: QModelIndex) -> None:
        self.document_chosen.emit(int(index.data(ID_ROLE)))

    def _after_reload(self) -> None:
        """The show-all box only for curators and managers of a project that assigns; the
        open document selected again."""
        self.show_all.setVisible(self.model.may_show_all and self.model.has_assignment())
        if self.current is not None:
            self.show_current(self.current)

    def show_current(self, doc_id: int) -> None:
        self.current = doc_id
        row = self.model.row_of(doc_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)


class GuidelinesPanel(QTextBrowser):
    def __init__(self, guidelines: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.show_guidelines(guidelines)

    def show_guidelines(self, guidelines: str) -> None:
        if guidelines.strip():
            self.setPlainText(guidelines)
        else:
            self.setPlainText(self.tr("This project has no guidelines yet."))
