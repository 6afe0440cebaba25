"""Train the project's model in a separate process, show per-label scores, then pre-tag with it.

`start_training_process` runs `train_model` in a child OS process (spaCy's training loop
holds the interpreter lock: on a thread of the app it made the editor stutter, see
bench/bench_train_stutter.py); a `ProcessWorker` polls its progress (stage, epoch, loss, dev
F1) into the panel. Cancel asks the child to stop at its next step and terminates it if it has
not within a few seconds; the model is built in a temporary folder beside the chosen one, which
is removed however the child ended, and renamed into place only when complete, so a cancelled
or killed run leaves no model folder. An error in the child is shown as its one line with its
code. When done, the held-out precision, recall and F1 per label are shown, and "Pre-tag
untouched documents with this model" opens the pre-tag dialog on the new model (model in the
loop). `in_process = False` runs the old in-thread path (kept for the bench's comparison).
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
from annotator.app.training import (
    TrainOptions,
    TrainProgress,
    TrainReport,
    start_training_process,
    train_model,
)
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD_ANNOTATOR
from annotator.ui.dialogs.common import PathField, RunPanel, run_buttons, show_error
from annotator.ui.workers import ProcessWorker, Progress, ShouldStop

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
        self.in_process = True  # False: train on a thread of the app (the old path, for the bench)
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

        self._last = None
        if self.in_process:
            try:
                child = start_training_process(self.project, out, options)
            except AnnotatorError as err:
                show_error(self, self.tr("Train"), str(err))
                return
            self._prepare()
            self.panel.start(ProcessWorker(child, self._measure), lambda _d, _t: self._describe())
            return

        def job(progress: Progress, should_stop: ShouldStop) -> object:
            def tell(step: TrainProgress) -> None:
                measured = self._measure(step)
                if measured is not None:
                    progress(*measured)

            return train_model(self.project, out, options, tell, should_stop)

        self._prepare()
        self.panel.run(job, lambda _d, _t: self._describe())

    def _prepare(self) -> None:
        self.run_button.setEnabled(False)
        self.pretag_button.setEnabled(False)
        self.scores.setRowCount(0)

    def _measure(self, step: object) -> tuple[int, int] | None:
        """A progress report as (done, total) of the bar, remembered for the description."""
        if not isinstance(step, TrainProgress):
            return None
        self._last = step
        stage = STAGES.index(step.stage) if step.stage in STAGES else 0
        if step.stage == "training" and step.max_epochs:
            return min(step.epoch, step.max_epochs) * 10 // step.max_epochs + 2, 14
        return stage if stage < 2 else stage + 9, 14

    def _describe(self) -> str:
        step = self._last
        if step is None:
            return self.tr("Starting…")
        if step.stage == "training":
            f1 = f"{step.dev_f1:.3f}" if step.dev_f1 is not None else "—"
            return self.tr("Training: epoch %1, step %2, loss %4, dev F1 %3") \
                .replace("%1", str(step.epoch)).replace("%2", str(step.step)).replace("%3", f1) \
                .replace("%4", f"{step.loss:.2f}")
        return {"exporting": self.tr("Exporting done documents…"),
                "initialising": self.tr("Preparing the pipeline…"),
                "evaluating": self.tr("Scoring on held-out documents…"),
                "saving": self.tr("Saving the model…")}.get(step.stage, step.stage)

    def _finished(self, result: object) -> None:
        self.run_button.setEnabled(True)
        assert result is None or isinstance(result, TrainReport)
        self.report = result  # None: the child was stopped before it could report
        if result is None or result.cancelled:
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
