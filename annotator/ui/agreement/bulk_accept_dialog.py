"""Adjudication › Accept in bulk…: every document whose agreement reaches a threshold goes into
the gold set as its annotators agreed (`app.curation`); the rest stay for review.

The curator chooses the measure, the threshold and what "agreed" means with more than two
annotators; "Preview" lists what would happen without writing, "Accept" writes it as one
operation through APPLY (the adjudication view's history: one undo step) and lists each
document accepted with its value and each left with why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.app.curation import (
    MEASURE_RANGE,
    AgreedRule,
    BulkCuration,
    CuratedDocument,
    CurationMeasure,
    LeftReason,
    bulk_accept_operation,
    plan_bulk_accept,
)
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.operations import Change, Operation
from annotator.ui.agreement.table_models import Column, RowsModel
from annotator.ui.dialogs.common import show_error

Apply = Callable[[Operation], Change | None]
DEFAULT_THRESHOLD = 0.8


class BulkAcceptDialog(QDialog):
    applied = Signal(object)  # BulkCuration, once written

    def __init__(self, project: Project, apply: Apply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BulkAcceptDialog")
        self.setWindowTitle(self.tr("Accept in bulk"))
        self.project = project
        self._apply = apply
        self.outcome: BulkCuration | None = None
        self.measure = QComboBox(self)
        self.measure.setObjectName("measure")
        for measure, name in self.measure_names().items():
            self.measure.addItem(name, str(measure))
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setObjectName("threshold")
        self.threshold.setDecimals(2)
        self.threshold.setSingleStep(0.05)
        self.rule = QComboBox(self)
        self.rule.setObjectName("rule")
        self.rule.addItem(self.tr("unanimous: made by every annotator"), str(AgreedRule.UNANIMOUS))
        self.rule.addItem(self.tr("majority: made by more than half of them"),
                          str(AgreedRule.MAJORITY))
        self.measure.currentIndexChanged.connect(lambda _i: self._fit_threshold())
        self._fit_threshold()
        self.threshold.setValue(DEFAULT_THRESHOLD)
        form = QFormLayout()
        form.addRow(self.tr("Agreement measure (per document):"), self.measure)
        form.addRow(self.tr("Accept at or above:"), self.threshold)
        form.addRow(self.tr("Agreed spans:"), self.rule)

        self.summary = QLabel(self)
        self.summary.setObjectName("bulk_summary")
        self.summary.setWordWrap(True)
        self.rows = RowsModel([Column(self.tr("Document")), Column(self.tr("Value")),
                               Column(self.tr("Result"))])
        self.table = QTableView(self)
        self.table.setObjectName("bulk_report")
        self.table.setModel(self.rows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = self.buttons.addButton(
            self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_button = self.buttons.addButton(
            self.tr("Accept"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self.preview)
        self.accept_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 520)

    def measure_names(self) -> dict[CurationMeasure, str]:
        """The measures by the names the Agreement view gives them."""
        return {CurationMeasure.SPAN_F1: self.tr("Span F1, exact"),
                CurationMeasure.SPAN_F1_LENIENT: self.tr("Span F1, lenient"),
                CurationMeasure.ALPHA: self.tr("Krippendorff's α (tokens)"),
                CurationMeasure.ALPHA_U: self.tr("α_u (characters)"),
                CurationMeasure.OBSERVED: self.tr("Tokens alike")}

    def reason_text(self, reason: LeftReason) -> str:
        return {LeftReason.BELOW_THRESHOLD: self.tr("left: below the threshold"),
                LeftReason.NO_VALUE: self.tr("left: the measure has no value here"),
                LeftReason.GOLD_DONE: self.tr("left: already adjudicated"),
                LeftReason.CURATOR_SPANS: self.tr("left: the gold set has a curator's own spans"),
                LeftReason.AGREED_OVERLAP: self.tr("left: agreed spans overlap")}[reason]

    def chosen_measure(self) -> CurationMeasure:
        return CurationMeasure(self.measure.currentData())

    def _fit_threshold(self) -> None:
        low, high = MEASURE_RANGE[self.chosen_measure()]
        self.threshold.setRange(low, high)

    def _plan(self) -> BulkCuration | None:
        try:
            return plan_bulk_accept(self.project, self.chosen_measure(), self.threshold.value(),
                                    AgreedRule(self.rule.currentData()))
        except AnnotatorError as error:
            show_error(self, self.tr("Accept in bulk"), str(error))
            return None

    def preview(self) -> BulkCuration | None:
        """What Accept would do now; nothing written."""
        plan = self._plan()
        if plan is not None:
            template = self.tr("Would accept %1 document(s) (%2 span(s) added); %3 left for review")
            self._show(plan, template)
        return plan

    def run(self) -> BulkCuration | None:
        """Accept every document the plan accepts, in one undoable operation."""
        plan = self._plan()
        if plan is None:
            return None
        operation = bulk_accept_operation(self.project, plan)
        if operation is not None:
            change = self._apply(operation)
            if change is None:  # refused (the view said why)
                return None
            plan.change = change
        plan.applied = True
        self.outcome = plan
        self._show(plan, self.tr("Accepted %1 document(s) (%2 span(s) added); %3 left for review"))
        self.applied.emit(plan)
        return plan

    def _show(self, plan: BulkCuration, template: str) -> None:
        added = sum(len(d.add) for d in plan.accepted)
        self.summary.setText(template.replace("%1", f"{len(plan.accepted):,}")
                             .replace("%2", f"{added:,}").replace("%3", f"{len(plan.left):,}"))
        shown = plan.accepted + plan.left
        self.rows.set_rows([[d.title, d.value, self.result_text(d)] for d in shown],
                           [d.doc_id for d in shown])

    def result_text(self, document: CuratedDocument) -> str:
        if document.reason is not None:
            return self.reason_text(document.reason)
        return self.tr("accepted: %1 agreed span(s), %2 added").replace(
            "%1", str(len(document.agreed))).replace("%2", str(len(document.add)))
