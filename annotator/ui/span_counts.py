"""The Counts panel: spans per label (accepted / suggested) in the open document and in the
project, and the annotator's progress through her queue.

The document's counts are counted once when it opens, the project's read once from the store
(SQLite's tallies: a few rows whatever the project's size; on PostgreSQL the annotator's own
spans); then each edit moves both by what its `Change` added, removed and updated, so a
keystroke never counts anything again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import LabelSpec, SpanState, StoredSpan
from annotator.core.operations import Change


class LabelCounts:
    """label -> [accepted, suggested], moved by edits."""

    def __init__(self, counts: dict[str, tuple[int, int]] | None = None) -> None:
        self._counts = {label: list(pair) for label, pair in (counts or {}).items()}

    @classmethod
    def of_spans(cls, spans: Iterable[StoredSpan]) -> LabelCounts:
        counts = cls()
        for span in spans:
            counts._add(span, 1)
        return counts

    def _add(self, span: StoredSpan, step: int) -> None:
        pair = self._counts.setdefault(span.label, [0, 0])
        pair[0 if span.state is SpanState.ACCEPTED else 1] += step

    def move(self, change: Change) -> None:
        """Count CHANGE in: its spans added, removed and updated (a relabel, an acceptance)."""
        for span in change.removed:
            self._add(span, -1)
        for before, after in change.updated:
            self._add(before, -1)
            self._add(after, 1)
        for span in change.added:
            self._add(span, 1)

    def of(self, label: str) -> tuple[int, int]:
        accepted, suggested = self._counts.get(label, (0, 0))
        return accepted, suggested

    def labels(self) -> list[str]:
        return [label for label, pair in self._counts.items() if any(pair)]

    def totals(self) -> tuple[int, int]:
        return (sum(p[0] for p in self._counts.values()), sum(p[1] for p in self._counts.values()))


class CountsPanel(QWidget):
    """A table of labels × (the document's, the project's) "accepted/suggested", a total
    row, and the progress line: three columns, readable in a narrow dock."""

    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = LabelCounts()
        self.project = LabelCounts()
        self.whole_project = True
        self._labels: list[str] = []
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("label_counts")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the numbers share the rest
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # labels whole
        self.progress = QLabel(self)
        self.progress.setObjectName("queue_progress")
        self.progress.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        self._headers()

    def _headers(self) -> None:
        project = self.tr("Project") if self.whole_project else self.tr("Yours")
        texts = [self.tr("Label"), self.tr("Document"), project]
        tips = ["", self.tr("Accepted / suggested spans in this document"),
                self.tr("Accepted / suggested spans in the project") if self.whole_project else
                self.tr("Your accepted / suggested spans in every document")]
        for column, (text, tip) in enumerate(zip(texts, tips, strict=True)):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)

    def set_labels(self, labels: list[LabelSpec]) -> None:
        """One row per label of the set, in its order (and a row for any label spans still
        carry), then the totals."""
        self._labels = [spec.name for spec in labels]
        self.show_counts()

    def set_project(self, counts: dict[str, tuple[int, int]], whole: bool) -> None:
        self.project = LabelCounts(counts)
        if whole != self.whole_project:
            self.whole_project = whole
            self._headers()
        self.show_counts()

    def set_document(self, spans: Iterable[StoredSpan]) -> None:
        self.document = LabelCounts.of_spans(spans)
        self.show_counts()

    def count_edit(self, change: Change) -> None:
        """The open document's edit CHANGE: both the document's and the project's counts."""
        self.document.move(change)
        self.project.move(change)
        self.show_counts()

    def show_counts(self) -> None:
        extra = [lb for lb in self.project.labels() + self.document.labels() if lb not in self._labels]
        labels = self._labels + sorted(set(extra))
        rows = [(label, self.document.of(label), self.project.of(label)) for label in labels]
        rows.append((self.tr("Total"), self.document.totals(), self.project.totals()))
        if self.table.rowCount() != len(rows):  # new items: the bold total row moves
            self.table.setRowCount(0)
            self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                text = value if isinstance(value, str) else f"{value[0]:,}/{value[1]:,}"
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    if column:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
                if item.text() != text:
                    item.setText(text)
        for column in range(self.COLUMNS):
            cell = self.table.item(len(rows) - 1, column)
            if cell is not None and not cell.font().bold():
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)

    def show_progress(self, done: int, queued: int) -> None:
        self.progress.setText(self.tr("%1 of %2 documents done · %3 to go").replace(
            "%1", f"{done:,}").replace("%2", f"{queued:,}").replace("%3", f"{queued - done:,}"))

    def cell(self, label: str, column: int) -> str:
        """The text shown for LABEL (or "Total") in COLUMN (tests read it)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == label:
                found = self.table.item(row, column)
                return found.text() if found is not None else ""
        raise KeyError(label)
