"""Tools › Model errors…: where a model is wrong, on the text, document by document.

`evaluate_model` (what `annotator evaluate` runs) scores a model against the gold spans on a
Worker thread; the dialog then lists the documents with their errors by kind (missed,
spurious, wrong label, wrong boundary), most errors first. The chosen document is shown twice,
as in the disagreement view: the gold spans above, the model's below, each span in an error
ringed in red; the table under them names every error, and a double-click opens the document in
the editor with the gold span (or the model's, for a spurious one) selected.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.agreement import document_titles
from annotator.app.evaluation import DocumentEvaluation, EvaluationReport, SpanError, evaluate_model
from annotator.app.project import Project
from annotator.app.training import recorded_models
from annotator.core.model import Direction, Span, StoredSpan
from annotator.text.plain import detect_direction
from annotator.ui.agreement.disagreement_view import DifferenceTextView
from annotator.ui.dialogs.common import PathField, RunPanel, run_buttons, show_error
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.span_index import SpanIndex
from annotator.ui.tokens import TokenBoundaries
from annotator.ui.workers import Progress, ShouldStop

KINDS = ("missed", "spurious", "wrong label", "wrong boundary")
HELD_OUT, EVERY_DOCUMENT = "held-out", "every"


def _stored(spans: list[Span]) -> list[StoredSpan]:
    """Spans as the editor's views hold them (ids for the red rings; annotation 0: none)."""
    return [StoredSpan(i + 1, 0, s.start, s.end, s.label) for i, s in enumerate(spans)]


def _error_spans(errors: list[SpanError], side: str) -> set[Span]:
    return {getattr(e, side) for e in errors if getattr(e, side) is not None}


class ModelErrorsDialog(QDialog):
    open_requested = Signal(int, int, int)  # document id, start, end: show it in the editor

    def __init__(self, project: Project, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ModelErrorsDialog")
        self.setWindowTitle(self.tr("Where the model is wrong"))
        self.resize(1150, 820)
        self.project, self.font_ = project, font
        self.report: EvaluationReport | None = None
        self.rows: list[DocumentEvaluation] = []
        self.style_ = SpanStyle(project.labels(), font)
        self.model_path = PathField("folder", self.tr("A spaCy pipeline folder"), parent=self)
        models = recorded_models(project)
        if models:
            self.model_path.set_text(str(models[-1].get("path", "")))
        self.documents = QComboBox(self)
        self.documents.addItem(self.tr("Held out when the model was trained"), HELD_OUT)
        self.documents.addItem(self.tr("Every document with done annotations"), EVERY_DOCUMENT)
        form = QFormLayout()
        form.addRow(self.tr("Model:"), self.model_path)
        form.addRow(self.tr("Documents:"), self.documents)
        self.panel = RunPanel(self)
        self.panel.report.hide()
        self.panel.done.connect(self._finished)
        self.panel.error.connect(lambda message: show_error(self, self.tr("Evaluation failed"), message))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = self._table([self.tr("Document"), *map(self._kind_name, KINDS)])
        self.table.currentCellChanged.connect(lambda row, *_a: self.show_document(row))
        counts = self.table.horizontalHeader()  # the counts stay in sight, the title gives way
        counts.setStretchLastSection(False)
        counts.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for kind_column in range(1, len(KINDS) + 1):
            counts.setSectionResizeMode(kind_column, QHeaderView.ResizeMode.ResizeToContents)
        self.gold_view, self.model_view = DifferenceTextView(self), DifferenceTextView(self)
        self.errors = self._table([self.tr("Error"), self.tr("Gold"), self.tr("Model")])
        self.errors.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        texts = QSplitter(Qt.Orientation.Vertical, self)
        for title, view in ((self.tr("Gold spans"), self.gold_view),
                            (self.tr("The model's spans"), self.model_view)):
            box = QWidget(texts)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 2, 0, 0)
            header = QLabel(title, box)
            header.setStyleSheet("font-weight: bold")
            column.addWidget(header)
            column.addWidget(view, 1)
            texts.addWidget(box)
            view.verticalScrollBar().valueChanged.connect(self._sync_scroll)
        texts.addWidget(self.errors)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(texts)
        split.setSizes([500, 650])
        buttons, self.run_button = run_buttons(self, self.tr("Evaluate"), self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

    def _kind_name(self, kind: str) -> str:
        return {"missed": self.tr("missed"), "spurious": self.tr("spurious"),
                "wrong label": self.tr("wrong label"),
                "wrong boundary": self.tr("wrong boundary")}[kind]

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ------------------------------------------------------------------ evaluating
    def start(self) -> None:
        folder = self.model_path.text()
        if not folder:
            show_error(self, self.tr("Evaluate"), self.tr("Choose a model folder first."))
            return
        every = self.documents.currentData() == EVERY_DOCUMENT
        project = self.project
        documents = project.document_ids() if every else None

        def job(progress: Progress, should_stop: ShouldStop) -> object:
            return evaluate_model(project, Path(folder), documents=documents, keep_documents=True)

        self.run_button.setEnabled(False)
        self.panel.run(job)

    def _finished(self, result: object) -> None:
        self.run_button.setEnabled(True)
        assert isinstance(result, EvaluationReport)
        self.report = result
        score, errors = result.overall, result.errors
        self.panel.status.setText(self.tr("Scored %1 documents").replace(
            "%1", str(len(result.documents))))
        self.summary.setText(
            self.tr("Precision %1, recall %2, F1 %3 against %4. Errors: %5").replace(
                "%1", f"{score.precision:.3f}").replace("%2", f"{score.recall:.3f}").replace(
                "%3", f"{score.f1:.3f}").replace("%4", result.source).replace(
                "%5", ", ".join(f"{self._kind_name(k)} {errors.get(k, 0)}" for k in KINDS)))
        self.rows = sorted(result.per_document, key=lambda e: (-len(e.errors), e.doc_id))
        titles = document_titles(self.project, [e.doc_id for e in self.rows])
        self.table.setRowCount(len(self.rows))
        for i, evaluation in enumerate(self.rows):
            counts = [sum(1 for e in evaluation.errors if e.kind == k) for k in KINDS]
            self.table.setItem(i, 0, QTableWidgetItem(titles.get(evaluation.doc_id, "")))
            for column, count in enumerate(counts, start=1):
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, column, item)
        if self.rows:
            self.table.setCurrentCell(0, 0)

    # ------------------------------------------------------------------ one document
    def show_document(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        evaluation = self.rows[row]
        text = self.project.document_text(evaluation.doc_id)
        direction = self.project.info().direction
        rtl = (direction if direction is not Direction.AUTO
               else detect_direction(text, default=Direction.LTR)) is Direction.RTL
        tokens = TokenBoundaries(text, self.project.info().language)
        for view, spans, side in ((self.gold_view, evaluation.gold, "gold"),
                                  (self.model_view, evaluation.predicted, "predicted")):
            stored = _stored(spans)
            wrong = _error_spans(evaluation.errors, side)
            view.setFont(self.font_)
            view.document().setDefaultFont(self.font_)
            view.set_content(text, rtl, SpanIndex(stored), self.style_, tokens)
            view.set_differences(SpanIndex([s for s in stored if s.span in wrong]))
        self.errors.setRowCount(len(evaluation.errors))
        for i, error in enumerate(evaluation.errors):
            cells = [self._kind_name(error.kind), self._describe(text, error.gold),
                     self._describe(text, error.predicted)]
            for column, value in enumerate(cells):
                self.errors.setItem(i, column, QTableWidgetItem(value))
        self.errors.resizeColumnsToContents()

    @staticmethod
    def _describe(text: str, span: Span | None) -> str:
        return "—" if span is None else f"{text[span.start:span.end]}  [{span.label}]"

    def _open(self, row: int) -> None:
        current = self.table.currentRow()
        if not 0 <= current < len(self.rows):
            return
        evaluation = self.rows[current]
        error = evaluation.errors[row]
        span = error.gold or error.predicted
        if span is not None:
            self.open_requested.emit(evaluation.doc_id, span.start, span.end)

    def _sync_scroll(self, value: int) -> None:
        for view in (self.gold_view, self.model_view):
            bar = view.verticalScrollBar()
            if bar.value() != value:
                bar.blockSignals(True)
                bar.setValue(value)
                bar.blockSignals(False)

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name): closing stops the worker
        self.panel.stop()
        super().done(code)
