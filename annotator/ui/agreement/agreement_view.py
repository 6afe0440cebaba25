"""The agreement view: the pairwise heatmap, the per-label table and the documents from least to
most agreement, with filters by annotator and label.

Figures come from `annotator.app.agreement.project_agreement` (the same report as the
CLI's `annotator agreement --json`), computed on the thread pool; the window stays responsive.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.app.agreement import (
    AgreementReport,
    Interval,
    agreement_annotators,
    agreement_weights,
    document_titles,
    project_agreement,
)
from annotator.app.project import Project
from annotator.ui.agreement.figures import (
    DOCUMENT_COLUMN,
    MEASURE_KEYS,
    document_rows,
    label_rows,
    pair_tooltip,
)
from annotator.ui.agreement.table_models import (
    KEY_ROLE,
    SORT_ROLE,
    Column,
    HeatmapModel,
    RowsModel,
    format_value,
)
from annotator.ui.agreement.worker import BackgroundJob
from annotator.ui.table_fit import table_width

RECOMPUTE_DELAY_MS = 250
HEATMAP_MIN_WIDTH = 240  # px: three annotators' names and values stay readable
# px: the per-label table's eleven columns (figures with their intervals) beside the heatmap
DEFAULT_SIZE = (1360, 760)
BOOTSTRAP_RESAMPLES = 1000  # the CLI's default: the same intervals as `agreement --json`
AgreementResult = tuple[AgreementReport, dict[int, str]]


def _interval(interval: Interval | None) -> str:
    if interval is None or interval.low is None or interval.high is None:
        return ""
    return f" [{format_value(interval.low)}, {format_value(interval.high)}]"


def _figure_text(title: str, value: str) -> str:
    """One overall figure, wrapped whole: the title in its own direction (FSI), the value and
    its interval left to right (LRI), so "F1 تام 0.776 [0.769, 1.000]" reads in order in a
    right-to-left interface; no-break spaces inside."""
    return f"\u2068{title}\u2069 \u2066{value}\u2069".replace(" ", "\u00a0")


def _check_list(parent: QWidget, names: list[str]) -> QListWidget:
    widget = QListWidget(parent)
    widget.setFlow(QListWidget.Flow.LeftToRight)
    widget.setWrapping(True)
    widget.setMaximumHeight(58)
    for name in names:
        item = QListWidgetItem(name, widget)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
    return widget


def _checked(widget: QListWidget) -> list[str] | None:
    """The names checked; None when all are (no filter)."""
    names = [widget.item(i).text() for i in range(widget.count())
             if widget.item(i).checkState() == Qt.CheckState.Checked]
    return None if len(names) == widget.count() else names


def _table(parent: QWidget, model: RowsModel | HeatmapModel, sortable: bool) -> QTableView:
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(not sortable)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class AgreementDialog(QDialog):
    document_chosen = Signal(int)  # double-click: open the document in the editor
    disagreements_requested = Signal(int)
    computed = Signal()  # a report is on screen
    computation_failed = Signal(str)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.report: AgreementReport | None = None
        self.titles: dict[int, str] = {}
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self.setObjectName("AgreementDialog")
        self.resize(DEFAULT_SIZE[0], DEFAULT_SIZE[1])
        self.job = BackgroundJob(self)
        self.job.finished.connect(self._show_result)
        self.job.failed.connect(self._show_failure)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RECOMPUTE_DELAY_MS)
        self.timer.timeout.connect(self.recompute)

        self.annotator_filter = _check_list(self, agreement_annotators(project))
        self.label_filter = _check_list(self, [spec.name for spec in project.labels()])
        self.measure = QComboBox(self)
        titles = (self.tr("Cohen's κ (tokens)"), self.tr("Span F1, exact"),
                  self.tr("Span F1, lenient"), self.tr("α_u (characters)"))
        for key, title in zip(MEASURE_KEYS, titles, strict=True):
            self.measure.addItem(title, key)
        self.status = QLabel(self)
        self.overall = QLabel(self)
        self.overall.setWordWrap(True)
        self.overall.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.heatmap = HeatmapModel()
        self.heatmap_view = _table(self, self.heatmap, sortable=False)
        self.heatmap_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heatmap_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.labels = RowsModel([
            Column(self.tr("Label")), Column(self.tr("F1 exact"), True),
            Column(self.tr("F1 lenient"), True), Column(self.tr("Cohen's κ"), True),
            Column(self.tr("Krippendorff's α"), True), Column(self.tr("α_u"), True),
            Column(self.tr("Gwet's AC1"), True), Column(self.tr("γ"), True),
            Column(self.tr("Spans")), Column(self.tr("Tokens used")),
            Column(self.tr("Tokens left out"))])
        self.labels_view = _table(self, self.labels, sortable=True)
        self.labels_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)  # a value and its interval under it
        self.labels_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the report's order
        self.documents = RowsModel([
            Column(self.tr("Document")), Column(self.tr("Annotators")),
            Column(self.tr("Missing")), Column(self.tr("F1 exact"), True),
            Column(self.tr("F1 lenient"), True), Column(self.tr("Krippendorff's α"), True),
            Column(self.tr("α_u"), True), Column(self.tr("Tokens alike"), True)])
        self.documents_view = _table(self, self.documents, sortable=True)
        self.documents_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.documents_view.doubleClicked.connect(self._open_document)
        self.open_button = QPushButton(self.tr("Open in the editor"), self)
        self.open_button.clicked.connect(lambda: self._open_document(self._current_row()))
        self.disagreements_button = QPushButton(self.tr("Show disagreements"), self)
        self.disagreements_button.clicked.connect(self._show_disagreements)

        self._lay_out()
        self.annotator_filter.itemChanged.connect(lambda _i: self.timer.start())
        self.label_filter.itemChanged.connect(lambda _i: self.timer.start())
        self.measure.currentIndexChanged.connect(lambda _i: self._show_measure())
        self.recompute()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for title, widget in ((self.tr("Annotators:"), self.annotator_filter),
                              (self.tr("Labels:"), self.label_filter)):
            filters.addWidget(QLabel(title, self))
            filters.addWidget(widget, 1)
        filters.addWidget(QLabel(self.tr("Measure:"), self))
        filters.addWidget(self.measure)
        top = self.top_split = QSplitter(Qt.Orientation.Horizontal, self)
        for title, view in ((self.tr("Annotator pairs"), self.heatmap_view),
                            (self.tr("Per label"), self.labels_view)):
            box = QWidget(top)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(title, box))
            column.addWidget(view, 1)
            top.addWidget(box)
        top.setSizes([380, 720])
        bottom = QWidget(self)
        column = QVBoxLayout(bottom)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Documents, least agreement first (double-click opens one)"),
                                bottom))
        column.addWidget(self.documents_view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.disagreements_button)
        buttons.addWidget(self.open_button)
        column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.overall)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------------ computing
    def filters(self) -> tuple[list[str] | None, list[str] | None]:
        return _checked(self.annotator_filter), _checked(self.label_filter)

    def recompute(self) -> int | None:
        """Compute the report for the current filters on the thread pool (a generation id)."""
        annotators, labels = self.filters()
        if annotators is not None and len(annotators) < 2:
            self.status.setText(self.tr("Choose at least two annotators"))
            return None
        if labels is not None and not labels:
            self.status.setText(self.tr("Choose at least one label"))
            return None
        self.status.setText(self.tr("Computing agreement…"))
        project = self.project

        def work() -> AgreementResult:
            report = project_agreement(project, annotators, labels,
                                       bootstrap=BOOTSTRAP_RESAMPLES, seed=0,
                                       weights=agreement_weights(project))
            return report, document_titles(project, [d.doc_id for d in report.per_document])

        return self.job.run(work)

    def _show_result(self, generation: int, result: object) -> None:
        if not self.job.is_current(generation):
            return
        assert isinstance(result, tuple)
        report: AgreementReport = result[0]
        self.report, self.titles = report, result[1]
        corpus = report.corpus
        self.status.setText(self.tr("%1 annotators · %2 documents · %3 tokens").replace(
            "%1", str(len(report.annotators))).replace("%2", str(corpus["documents"])).replace(
            "%3", f"{corpus['tokens']:,}"))
        self.overall.setText(self.overall_text(report))
        rows, tooltips, notes = label_rows(report)
        self.labels.set_rows(rows, [r[0] for r in rows], tooltips, notes)
        self._show_measure()
        self._fit_label_table()
        self.computed.emit()

    def _fit_label_table(self) -> None:
        """Give the per-label table the width its columns need (the heatmap the rest, down to
        HEATMAP_MIN_WIDTH), so no column is cut off at the default window size."""
        self.labels_view.resizeColumnsToContents()
        needed = table_width(self.labels_view) + 2  # the box around it
        total = sum(self.top_split.sizes()) or self.top_split.width()
        if total > 0:
            labels = min(needed, max(total - HEATMAP_MIN_WIDTH, total // 2))
            self.top_split.setSizes([total - labels, labels])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.report is not None:
            self._fit_label_table()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.report is not None:
            self._fit_label_table()

    def overall_text(self, report: AgreementReport) -> str:
        names = (("krippendorff_alpha", self.tr("Krippendorff's α (tokens)")),
                 ("fleiss_kappa", self.tr("Fleiss' κ")), ("gwet_ac1", self.tr("Gwet's AC1")),
                 ("gwet_ac2", self.tr("Gwet's AC2 (%1 weights)").replace(
                     "%1", self.weights_name(report))),
                 ("cohen_kappa", self.tr("Cohen's κ (mean)")),
                 ("alpha_u", self.tr("α_u")), ("span_f1_exact", self.tr("F1 exact")),
                 ("span_f1_lenient", self.tr("F1 lenient")), ("gamma", self.tr("γ (spans)")),
                 ("gamma_cat", self.tr("γ-cat")))
        intervals = report.bootstrap.overall if report.bootstrap is not None else {}
        text = "   ·   ".join(_figure_text(title, format_value(report.overall[key].value)
                                            + _interval(intervals.get(key)))
                              for key, title in names if key in report.overall)
        if report.bootstrap is not None and intervals:
            note = self.tr("[low, high]: 95% confidence interval, bootstrap over documents (%1 resamples)")
            text += "\n" + note.replace("%1", f"{report.bootstrap.resamples:,}")
        if report.gamma is not None:
            precision = report.gamma.precision
            note = self.tr("γ: expected disorder from %1 sampled continua, standard error %2")
            text += "\n" + note.replace("%1", str(report.gamma.samples)).replace(
                "%2", "—" if precision is None else f"{precision:.4f}")
        return text

    def weights_name(self, report: AgreementReport) -> str:
        kind = report.weights.kind if report.weights is not None else ""
        return {"identity": self.tr("identity"), "linear": self.tr("linear"),
                "quadratic": self.tr("quadratic"), "ordinal": self.tr("ordinal")}.get(kind, kind)

    def _show_failure(self, generation: int, message: str) -> None:
        if self.job.is_current(generation):
            self.status.setText(message)
            self.computation_failed.emit(message)

    def _show_measure(self) -> None:
        report = self.report
        if report is None:
            return
        measure = str(self.measure.currentData())
        tooltips = {}
        index = {name: i for i, name in enumerate(report.annotators)}
        for pair in report.pairs:
            text = pair_tooltip(pair)
            tooltips[index[pair.first], index[pair.second]] = text
            tooltips[index[pair.second], index[pair.first]] = text
        self.heatmap.set_matrix(report.annotators, report.matrix(measure), tooltips)
        rows = document_rows(report, self.titles)
        self.documents.set_rows(rows, [d.doc_id for d in report.per_document])
        self.documents_view.sortByColumn(DOCUMENT_COLUMN[measure], Qt.SortOrder.AscendingOrder)

    # ------------------------------------------------------------------ documents
    def _current_row(self) -> QModelIndex:
        return self.documents_view.currentIndex()

    def document_id_at(self, index: QModelIndex) -> int | None:
        key = index.siblingAtColumn(0).data(KEY_ROLE) if index.isValid() else None
        return int(key) if key is not None else None

    def _open_document(self, index: QModelIndex) -> None:
        doc_id = self.document_id_at(index)
        if doc_id is not None:
            self.document_chosen.emit(doc_id)

    def _show_disagreements(self) -> None:
        doc_id = self.document_id_at(self._current_row())
        if doc_id is not None:
            self.disagreements_requested.emit(doc_id)

    def done(self, result: int) -> None:
        self.job.generation += 1  # a result still on its way is dropped
        super().done(result)
