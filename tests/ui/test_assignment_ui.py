"""Each annotator's queue in the main window, the curator's "Show all documents", and
Team › Assign documents… writing the assignment through the domain's `assign`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ANNOTATOR, make_project
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.app.assignment import assign, assigned_document_ids, assignment_settings
from annotator.app.project import Project
from annotator.core.model import Role, Status
from annotator.core.operations import SetStatus
from annotator.ui.settings import AppSettings

TEXTS = [f"النص رقم {i} عن بيونغ يانغ وموسكو." for i in range(8)]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """Eight documents; amal, badr and the curator cora share them, one each, two for all."""
    store = make_project(tmp_path / "queue.db", TEXTS)
    store.annotator_id("cora", role=Role.CURATOR)
    assign(store, [ANNOTATOR, "badr", "cora"], per_document=1, shared=2, seed=5)
    yield store
    store.close()


def _window(qtbot, store: Project, who: str):  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow

    window = MainWindow(store, who, AppSettings())
    window.remember_layout = False
    qtbot.addWidget(window)
    return window


def _trigger(window, key: str) -> None:  # type: ignore[no-untyped-def]
    action = next(a for a in window.findChildren(QAction)
                  if QKeySequence(key) in a.shortcuts())
    action.trigger()


def test_the_document_list_is_the_annotators_queue(qtbot, project):
    queue = assigned_document_ids(project, ANNOTATOR)
    assert queue and len(queue) < len(TEXTS)
    window = _window(qtbot, project, ANNOTATOR)
    assert window.documents.listed_ids() == queue
    assert window.document_panel.model.rowCount() == len(queue)
    assert not window.document_panel.show_all.isVisibleTo(window.document_panel)
    assert not window.actions_.team.assign_action.isEnabled()
    project.apply(SetStatus(project.annotation_id(queue[0], ANNOTATOR), Status.DONE))
    window.documents.reload()
    assert window.progress_label.text().endswith(
        f"1 of {len(queue)} documents done")


def test_f8_and_ctrl_enter_step_through_the_queue_only(qtbot, project):
    queue = assigned_document_ids(project, ANNOTATOR)
    assert queue is not None
    window = _window(qtbot, project, ANNOTATOR)
    window.open_position(None)
    assert window.session is not None and window.session.doc_id == queue[0]
    seen = [window.session.doc_id]
    for _ in range(len(queue) + 1):
        _trigger(window, "F8")
        seen.append(window.session.doc_id)
    assert set(seen) == set(queue)
    while window.session.status is not Status.DONE:
        _trigger(window, "Ctrl+Return")
    done, total = window.documents.progress()
    assert (done, total) == (len(queue), len(queue))
    statuses = {s.id: s.status for s in project.documents(ANNOTATOR)}
    assert {d for d, s in statuses.items() if s is Status.DONE} == set(queue)


def test_a_curator_may_show_every_document_while_f8_keeps_to_her_queue(qtbot, project):
    queue = assigned_document_ids(project, "cora")
    assert queue is not None and len(queue) < len(TEXTS)
    window = _window(qtbot, project, "cora")
    panel = window.document_panel
    assert panel.show_all.isVisibleTo(panel)
    assert window.documents.listed_ids() == queue
    window.open_position(None)
    panel.show_all.setChecked(True)
    assert window.documents.rowCount() == len(TEXTS) == panel.model.rowCount()
    assert window.documents.progress() == (0, len(queue))
    seen = set()
    for _ in range(len(TEXTS)):
        _trigger(window, "F8")
        assert window.session is not None
        seen.add(window.session.doc_id)
    assert seen == set(queue)
    panel.show_all.setChecked(False)
    assert window.documents.listed_ids() == queue


def test_without_an_assignment_everyone_sees_every_document(qtbot, tmp_path):
    store = make_project(tmp_path / "open.db", TEXTS[:3])
    try:
        store.annotator_id("cora", role=Role.CURATOR)
        window = _window(qtbot, store, "cora")
        assert window.documents.rowCount() == 3 and window.documents.progress() == (0, 3)
        assert not window.document_panel.show_all.isVisibleTo(window.document_panel)
    finally:
        store.close()


def test_the_assign_dialog_writes_the_assignment_and_reloads_the_queue(qtbot, project):
    window = _window(qtbot, project, "cora")
    assert window.actions_.team.assign_action.isEnabled()
    dialog = window.actions_.team.open_assignment()
    qtbot.waitExposed(dialog)
    ticked = dialog.annotators()
    assert sorted(ticked) == [ANNOTATOR, "badr", "cora"]  # the last plan's annotators
    assert (dialog.per_document.value(), dialog.shared.value(), dialog.seed.value()) == (1, 2, 5)
    dialog.new_name.setText("dina")
    dialog.add_name()
    dialog.people.findItems("badr", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Unchecked)
    assert dialog.annotators() == [ANNOTATOR, "cora", "dina"]
    dialog.per_document.setValue(2)
    dialog.shared.setValue(1)
    dialog.seed.setValue(3)
    dialog.assign_button.click()
    report = dialog.report
    assert report is not None and report.annotators == (ANNOTATOR, "cora", "dina")
    assert assignment_settings(project) == {"annotators": [ANNOTATOR, "cora", "dina"],
                                           "per_document": 2, "shared": 1, "seed": 3}
    assert assigned_document_ids(project, "badr") == []
    assert sum(report.per_annotator.values()) == 2 * (len(TEXTS) - 1) + 3
    assert "dina" in dialog.summary.toPlainText()
    assert "cora and dina" in dialog.summary.toPlainText()
    assert window.documents.listed_ids() == assigned_document_ids(project, "cora")
    if os.environ.get("ANNOTATOR_SCREENSHOTS"):
        dialog.grab().save(os.environ["ANNOTATOR_SCREENSHOTS"])
    dialog.close()
