"""The train dialog trains in a separate process: it finishes there and the model loads; Cancel
mid-run leaves no process and no model folder; an error in the child is shown with its code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.app.child_process import ChildProcess
from annotator.app.training import TrainProgress, recorded_models
from annotator.ui.dialogs.train_dialog import TrainDialog
from annotator.ui.workers import ProcessWorker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "nlp"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))
from pretag_support import TINY, anercorp_sentences, make_project  # noqa: E402
from test_child_process import breaks, dies  # noqa: E402

WAIT_MS = 240_000


def gone(pid: int | None) -> bool:
    """PID has ended and was reaped (a zombie still has its /proc entry)."""
    assert pid is not None and pid != os.getpid()
    return not Path(f"/proc/{pid}").exists()


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def dialog_on(qtbot, tmp_path: Path, sentences: int, epochs: int) -> TrainDialog:  # type: ignore[no-untyped-def]
    store = make_project(tmp_path / "train.db", anercorp_sentences(sentences))
    dialog = TrainDialog(store, "amal")
    qtbot.addWidget(dialog)
    dialog.base_options = TINY
    dialog.epochs.setValue(epochs)
    dialog.out.set_text(str(tmp_path / "models" / "tiny"))
    return dialog


@pytest.mark.slow
def test_training_finishes_in_the_child_and_the_model_loads(qtbot, tmp_path):
    dialog = dialog_on(qtbot, tmp_path, 60, 2)
    try:
        stages: list[str] = []
        with qtbot.waitSignal(dialog.panel.done, timeout=WAIT_MS):
            dialog.start()
            worker = dialog.panel.worker
            assert isinstance(worker, ProcessWorker)
            worker.reported.connect(lambda step: stages.append(step.stage))
        assert dialog.report is not None and not dialog.report.cancelled
        assert gone(worker.child.pid)
        assert {"exporting", "initialising", "training", "saving"} <= set(stages)
        out = tmp_path / "models" / "tiny"
        assert dialog.report.out_dir == str(out.resolve()) and leftovers(out) == []
        assert [m["path"] for m in recorded_models(dialog.project)] == [str(out.resolve())]
        assert dialog.pretag_button.isEnabled() and dialog.scores.rowCount() > 0
        from annotator.text.tokenizer import load_pipeline

        nlp = load_pipeline(out)
        assert "ner" in nlp.pipe_names and nlp("ذهب محمد إلى القاهرة").text
    finally:
        dialog.project.close()


@pytest.mark.slow
def test_cancel_mid_run_leaves_no_process_and_no_model_folder(qtbot, tmp_path):
    dialog = dialog_on(qtbot, tmp_path, 60, 200)
    try:
        dialog.start()
        worker = dialog.panel.worker
        assert isinstance(worker, ProcessWorker)
        with qtbot.waitSignal(worker.reported, timeout=WAIT_MS,
                              check_params_cb=lambda step: isinstance(step, TrainProgress)
                              and step.stage == "training"):
            pass
        out = tmp_path / "models" / "tiny"
        assert worker.is_running() and leftovers(out)  # training, in its temporary folder
        with qtbot.waitSignal(dialog.panel.done, timeout=60_000):
            dialog.panel.cancel_button.click()
        assert gone(worker.child.pid) and not worker.is_running()
        assert not out.exists() and leftovers(out) == []
        assert dialog.report is None or dialog.report.cancelled
        assert "Cancelled" in dialog.panel.status.text()
        assert recorded_models(dialog.project) == []
        assert dialog.run_button.isEnabled() and not dialog.pretag_button.isEnabled()
    finally:
        dialog.project.close()


def test_an_error_in_the_child_is_shown_with_its_code(qtbot, tmp_path):
    dialog = dialog_on(qtbot, tmp_path, 3, 1)  # 3 done documents: too few to train (E403)
    try:
        with qtbot.waitSignal(dialog.panel.error, timeout=WAIT_MS) as failed:
            dialog.start()
        message = failed.args[0]
        assert message.startswith("[E403]") and "\n" not in message
        assert gone(dialog.panel.worker.child.pid)
        box = dialog.findChild(QMessageBox, "error_box")
        assert box is not None and box.text() == message
        assert dialog.panel.status.text() == message and dialog.run_button.isEnabled()
        assert leftovers(tmp_path / "models" / "tiny") == []
    finally:
        dialog.project.close()


def test_a_child_that_dies_or_breaks_fails_with_one_line(qtbot):
    for target, code in ((dies, "[E424]"), (breaks, "[E900]")):
        child = ChildProcess(target)
        child.start()
        worker = ProcessWorker(child)
        with qtbot.waitSignal(worker.failed, timeout=60_000) as failed:
            worker.start()
        assert failed.args[0].startswith(code) and "\n" not in failed.args[0]
        assert gone(child.pid)
    assert "exit code 3" in str(worker.error) or "ValueError" in str(worker.error)


@pytest.mark.slow
def test_closing_the_dialog_mid_run_leaves_no_process(qtbot, tmp_path):
    dialog = dialog_on(qtbot, tmp_path, 60, 200)
    try:
        dialog.start()
        worker = dialog.panel.worker
        assert isinstance(worker, ProcessWorker)
        with qtbot.waitSignal(worker.reported, timeout=WAIT_MS,
                              check_params_cb=lambda step: step.stage == "initialising"):
            pass
        dialog.reject()  # closing waits for the child (stopped, or terminated)
        out = tmp_path / "models" / "tiny"
        assert gone(worker.child.pid) and not out.exists() and leftovers(out) == []
    finally:
        dialog.project.close()
