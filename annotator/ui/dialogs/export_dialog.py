"""Export: the same choices as `annotator export`, run on a Worker with a progress bar.

The report lists every span that could not be aligned to tokens (skipped, when asked), and a
refused export (E301) lists them too; a failed or cancelled export writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.app.exporting import (
    MERGE_RULES,
    ExportOptions,
    ExportReport,
    WriteOptions,
    export_project,
    parse_split,
    writable_formats,
)
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR
from annotator.ui.dialogs.common import PathField, RunPanel, report_text, run_buttons, show_error
from annotator.ui.workers import Progress, ShouldStop

SCHEMES = ("iob2", "iob1", "bilou")


class ExportDialog(QDialog):
    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export the corpus"))
        self.project = project
        self.report: ExportReport | None = None
        self.problems: list[object] = []

        self.out = PathField("save", self.tr("Export to"), parent=self,
                             placeholder=self.tr("a file, or a folder when splitting"))
        self.format = QComboBox(self)
        self.format.addItems(writable_formats())
        self.format.setCurrentText("spacy")
        self.scheme = QComboBox(self)
        self.scheme.addItems(SCHEMES)
        self.source = QComboBox(self)
        names = [name for _id, name, _role in project.annotators() if name != GOLD_ANNOTATOR]
        for name in names:
            self.source.addItem(self.tr("Annotations of %1").replace("%1", name), ("annotator", name))
        self.source.addItem(self.tr("Gold (adjudicated)"), ("gold", ""))
        rules = {"union": self.tr("union (every span of anyone)"),
                 "majority": self.tr("majority (spans of more than half)"),
                 "intersection": self.tr("intersection (spans of everyone)")}
        for rule in MERGE_RULES:
            self.source.addItem(self.tr("Merge of all annotators: %1").replace("%1", rules.get(rule, rule)),
                                ("merge", rule))
        if annotator in names:
            self.source.setCurrentIndex(names.index(annotator))
        self.all_documents = QCheckBox(self.tr("All documents (not only done ones)"), self)
        self.suggestions = QCheckBox(self.tr("Include suggestions (not only accepted spans)"), self)
        self.skip_misaligned = QCheckBox(
            self.tr("Skip spans that do not align to tokens (each is listed in the report)"), self)
        self.splits = QLineEdit(self)
        self.splits.setPlaceholderText(self.tr("no split; or train=0.8,dev=0.2"))
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.overwrite = QCheckBox(self.tr("Replace an existing file or folder"), self)

        form = QFormLayout()
        form.addRow(self.tr("Export to"), self.out)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("CoNLL scheme"), self.scheme)
        form.addRow(self.tr("Annotations"), self.source)
        form.addRow("", self.all_documents)
        form.addRow("", self.suggestions)
        form.addRow(self.tr("Splits"), self.splits)
        form.addRow(self.tr("Split seed"), self.seed)
        form.addRow("", self.skip_misaligned)
        form.addRow("", self.overwrite)
        self.panel = RunPanel(self)
        self.panel.done.connect(self._finished)
        self.panel.error.connect(self._failed)
        self.buttons, self.run_button = run_buttons(self, self.tr("Export"), self.start)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        self.format.currentTextChanged.connect(lambda name: self.scheme.setEnabled(name == "conll"))
        self.scheme.setEnabled(False)
        self.resize(680, 600)

    def options(self) -> ExportOptions:
        kind, value = self.source.currentData()
        splits = self.splits.text().strip()
        return ExportOptions(
            format=self.format.currentText(), annotator=value if kind == "annotator" else None,
            gold=kind == "gold", merge=value if kind == "merge" else None,
            all_documents=self.all_documents.isChecked(), suggestions=self.suggestions.isChecked(),
            skip_misaligned=self.skip_misaligned.isChecked(),
            splits=parse_split(splits) if splits else None, seed=self.seed.value(),
            overwrite=self.overwrite.isChecked(), write=WriteOptions(scheme=self.scheme.currentText()))

    def start(self) -> None:
        out = self.out.text()
        try:
            if not out:
                raise AnnotatorError(E.E308)
            options = self.options()
        except AnnotatorError as err:
            show_error(self, self.tr("Export"), str(err))
            return
        self.problems = []

        def job(progress: Progress, should_stop: ShouldStop) -> object:
            def tell(done: int, total: int) -> None:
                if should_stop():  # export_project removes what it wrote so far
                    raise AnnotatorError(E.E309, path=out)
                progress(done, total)

            try:
                return export_project(self.project, Path(out).expanduser(), options, tell)
            except AnnotatorError as err:
                self.problems = list(err.details.get("problems") or [])  # type: ignore[call-overload]
                raise

        self.run_button.setEnabled(False)
        self.panel.run(job, lambda done, total: self.tr("%1 of %2 documents written")
                       .replace("%1", str(done)).replace("%2", str(total)))

    def _finished(self, result: object) -> None:
        self.run_button.setEnabled(True)
        assert isinstance(result, ExportReport)
        self.report = result
        values = result.to_dict()
        lines = [report_text(values, skip=("misaligned_spans_skipped", "token_splits"))]
        if result.token_splits:
            lines.append(self.tr("Tokens split at span edges: %1").replace("%1", str(len(result.token_splits))))
        if result.misaligned:
            lines.append(self.tr("Spans skipped (not aligned to tokens):"))
            lines += [f"  {problem}" for problem in result.misaligned]
        self.panel.report.setPlainText("\n".join(lines))
        self.panel.status.setText(self.tr("Exported %1 documents, %2 spans")
                                  .replace("%1", str(sum(result.documents.values())))
                                  .replace("%2", str(result.spans)))

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        if self.problems:
            self.panel.report.setPlainText("\n".join(
                [self.tr("Spans that do not align to tokens (nothing was written):")]
                + [f"  {p}" for p in self.problems]))
        show_error(self, self.tr("Export failed"), message)

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name): closing stops the worker
        self.panel.stop()
        super().done(code)
