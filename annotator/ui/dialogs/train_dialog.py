"""Train the project's model in the background, show per-label scores, then pre-tag with it.

`train_model` runs on a Worker thread (spaCy releases the interpreter in its numeric work, and
the training loop reports after every evaluation, so the window stays live); Cancel stops it at
the next step and leaves the output folder as it was. When done, the held-out precision, recall
and F1 per label are shown, and "Pre-tag untouched documents with this model" opens the
pre-tag dialog on the new model (model in the loop).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.project import Project
from annotator.app.training import TrainOptions, TrainProgress, TrainReport, train_model
from annotator.core.changes import ProjectChanges
from annotator.core.model import GOLD_ANNOTATOR
from annotator.ui.dialogs.common import PathField, RunPanel, run_buttons, show_error
from annotator.ui.workers import Progress, ShouldStop

STAGES = ("exporting", "initialising", "training", "evaluating", "saving")


def default_model_folder(project: Project) -> Path:
    """models/<project>-<time> beside a project file (in the working folder for a server)."""
    path = project.file
    base = path.parent if path is not None else Path.cwd()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = "".join(ch if ch.isalnum() else "_" for ch in project.info().name).strip("_") or "project"
    return base / "models" / f"{name}-{stamp}"


class TrainDialog(QDialog):
    pretag_requested = Signal(str)  # the trained model's folder
    trained = Signal(object)  # ProjectChanges: the model is recorded in the project settings

    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainDialog")
        self.setWindowTitle(self.tr("Train a model from done documents"))
        self.project = project
        self.report: TrainReport | None = None
        self.base_options = TrainOptions()  # tests make it tiny
        self._last: TrainProgress | None = None
        self.out = PathField("folder", self.tr("Save the model in"), parent=self)
        self.out.set_text(str(default_model_folder(project)))
        self.source = QComboBox(self)
        names = [name for _id, name, _role in project.annotators() if name != GOLD_ANNOTATOR]
        for name in names:
            self.source.addItem(self.tr("Done documents of %1").replace("%1", name), ("annotator", name))
        self.source.addItem(self.tr("Gold (adjudicated)"), ("gold", ""))
        self.source.addItem(self.tr("Majority of all annotators"), ("merge", "majority"))
        if annotator in names:
            self.source.setCurrentIndex(names.index(annotator))
        self.holdout = QDoubleSpinBox(self)
        self.holdout.setRange(0.05, 0.5)
        self.holdout.setSingleStep(0.05)
        self.holdout.setValue(0.2)
        self.epochs = QSpinBox(self)
        self.epochs.setRange(1, 200)
        self.epochs.setValue(self.base_options.max_epochs)
        form = QFormLayout()
        form.addRow(self.tr("Model folder"), self.out)
        form.addRow(self.tr("Train on"), self.source)
        form.addRow(self.tr("Held out for scores"), self.holdout)
        form.addRow(self.tr("Epochs at most"), self.epochs)
        self.scores = QTableWidget(0, 4, self)
        self.scores.setObjectName("scores")
        self.scores.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Precision"), self.tr("Recall"), self.tr("F1")])
        self.scores.verticalHeader().hide()
        self.panel = RunPanel(self)
        self.panel.done.connect(self._finished)
        self.panel.error.connect(self._failed)
        self.panel.report.hide()
        self.buttons, self.run_button = run_buttons(self, self.tr("Train"), self.start)
        self.pretag_button = self.buttons.addButton(
            self.tr("Pre-tag untouched documents with this model"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pretag_button.setEnabled(False)
        self.pretag_button.clicked.connect(self._pretag)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(self.scores, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)

    def options(self) -> TrainOptions:
        kind, value = self.source.currentData()
        base = self.base_options
        return replace(base, annotator=value if kind == "annotator" else None, gold=kind == "gold",
                       merge=value if kind == "merge" else None,
                       holdout=round(self.holdout.value(), 3), max_epochs=self.epochs.value())

    def start(self) -> None:
        out, options = self.out.text(), self.options()
        if not out:
            show_error(self, self.tr("Train"), self.tr("Choose a folder for the model"))
            return

        def job(progress: Progress, should_stop: ShouldStop) -> object:
            def tell(step: TrainProgress) -> None:
                stage = STAGES.index(step.stage) if step.stage in STAGES else 0
                self._last = step
                if step.stage == "training" and step.max_epochs:
                    progress(min(step.epoch, step.max_epochs) * 10 // step.max_epochs + 2, 14)
                else:
                    progress(stage if stage < 2 else stage + 9, 14)

            return train_model(self.project, out, options, tell, should_stop)

        self._last = None
        self.run_button.setEnabled(False)
        self.pretag_button.setEnabled(False)
        self.scores.setRowCount(0)
        self.panel.run(job, lambda _d, _t: self._describe())

    def _describe(self) -> str:
        step = self._last
        if step is None:
            return self.tr("Starting…")
        if step.stage == "training":
            f1 = f"{step.dev_f1:.3f}" if step.dev_f1 is not None else "—"
            return self.tr("Training: epoch %1, step %2, dev F1 %3").replace("%1", str(step.epoch)) \
                .replace("%2", str(step.step)).replace("%3", f1)
        return {"exporting": self.tr("Exporting done documents…"),
                "initialising": self.tr("Preparing the pipeline…"),
                "evaluating": self.tr("Scoring on held-out documents…"),
                "saving": self.tr("Saving the model…")}.get(step.stage, step.stage)

    def _finished(self, result: object) -> None:
        self.run_button.setEnabled(True)
        assert isinstance(result, TrainReport)
        self.report = result
        if result.cancelled:
            self.panel.status.setText(self.tr("Cancelled: no model was saved"))
            return
        self.trained.emit(ProjectChanges(project=True))
        rows = sorted(result.scores.items())
        if result.overall is not None:
            rows.append((self.tr("all labels"), result.overall))
        self.scores.setRowCount(len(rows))
        for i, (label, score) in enumerate(rows):
            for column, value in enumerate((label, f"{score.precision:.3f}", f"{score.recall:.3f}",
                                            f"{score.f1:.3f}")):
                self.scores.setItem(i, column, QTableWidgetItem(value))
        self.scores.resizeColumnsToContents()
        self.panel.status.setText(
            self.tr("Trained in %1 s on %2 documents; scores on %3 held-out documents")
            .replace("%1", f"{result.seconds:.0f}").replace("%2", str(result.documents.get("train", 0)))
            .replace("%3", str(result.documents.get("test", 0))))
        self.pretag_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        show_error(self, self.tr("Training failed"), message)

    def _pretag(self) -> None:
        if self.report is not None:
            self.pretag_requested.emit(self.report.out_dir)

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name): closing stops the worker
        self.panel.stop()
        super().done(code)
