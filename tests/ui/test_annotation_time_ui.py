"""Annotation time in the app, on a fake clock with real key, mouse and window events: active
time per document (idle gaps and an inactive window not counted), the time to each decision,
saved on a document switch and on close, and shown in Tools › Annotation time… (in Arabic too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ANNOTATOR, drag_over, make_project, occurrence
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from annotator.app.annotation_time import time_report
from annotator.app.project import Project
from annotator.core.model import Span
from annotator.store.tables import DocumentTimeRow, SpanTimeRow, table_of
from annotator.ui import time_tracking


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(time_tracking, "clock", fake)
    return fake


def open_window(qtbot, project: Project):  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    win = MainWindow(project, ANNOTATOR, AppSettings())
    win.remember_layout = False
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    win.open_position(1)
    win.editor.view.setFocus()
    return win


def window_focus(window, active: bool) -> None:  # type: ignore[no-untyped-def]
    kind = QEvent.Type.WindowActivate if active else QEvent.Type.WindowDeactivate
    QApplication.sendEvent(window, QEvent(kind))


def document_rows(project: Project) -> list[tuple[int, float, bool]]:
    t = table_of(DocumentTimeRow)
    with project.store.engine.connect() as c:
        return [tuple(r) for r in c.execute(
            t.select().with_only_columns(t.c.document_id, t.c.active_seconds, t.c.pretagged)
            .order_by(t.c.id))]


def span_rows(project: Project) -> list[tuple[str, str, float, bool]]:
    t = table_of(SpanTimeRow)
    with project.store.engine.connect() as c:
        return [tuple(r) for r in c.execute(
            t.select().with_only_columns(t.c.label, t.c.decision, t.c.seconds, t.c.pretagged)
            .order_by(t.c.id))]


@pytest.fixture
def plain(tmp_path, seed: str) -> Iterator[Project]:
    project = make_project(tmp_path / "plain.db", [seed, "نص ثان قصير في القاهرة"])
    yield project
    project.close()


def test_active_time_leaves_out_idle_gaps_and_an_inactive_window(qtbot, clock, plain, seed):
    window = open_window(qtbot, plain)
    view = window.editor.view
    first = window.session.doc_id
    clock.advance(5)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # activity: 5 s
    clock.advance(10)
    start, end = occurrence(seed, "لافروف")
    drag_over(qtbot, view, start, end - 1)
    qtbot.keyClick(view, Qt.Key.Key_1)  # a new PERS span: 15 s since the document opened
    clock.advance(300)  # away from the desk: over the idle threshold, nothing counts
    qtbot.mouseMove(view.viewport(), QPoint(40, 40))
    window_focus(window, False)
    clock.advance(30)  # in another window: nothing counts
    qtbot.mouseMove(view.viewport(), QPoint(60, 60))
    window_focus(window, True)
    clock.advance(4)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # 4 s
    assert document_rows(plain) == []  # not saved yet: the document is still open
    window.time_tracker.saver.timeout.emit()  # the save every minute, the document still open
    assert document_rows(plain) == [(first, 19.0, False)]
    clock.advance(1)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    window.step_document(True)  # a document switch saves the rest of the first one's time
    assert document_rows(plain) == [(first, 19.0, False), (first, 1.0, False)]
    assert span_rows(plain) == [("PERS", "created", 15.0, False)]
    clock.advance(8)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    window.close()  # closing saves the open document
    assert document_rows(plain)[2:] == [(window.session.doc_id, 8.0, False)]
    assert time_report(plain).to_dict()["annotators"][ANNOTATOR]["all"]["active_seconds"] == 28.0


def test_a_new_window_for_another_language_saves_the_old_ones_time(qtbot, clock, plain):
    from annotator.ui.app import AppController
    from annotator.ui.i18n import install_language
    from annotator.ui.settings import AppSettings

    app = QApplication.instance()
    controller = AppController(app, plain, ANNOTATOR, AppSettings(), remember=False)
    controller.start(1)
    try:
        old = controller.window
        clock.advance(7)
        qtbot.keyClick(old.editor.view, Qt.Key.Key_Left)
        controller.switch_language("ar")
        assert document_rows(plain) == [(old.session.doc_id, 7.0, False)]
    finally:
        install_language(app, "en")
        controller.window.remember_layout = False
        controller.window.close()


def test_accepted_rejected_and_corrected_suggestions_are_timed_undo_is_not(qtbot, clock,
                                                                            tmp_path, seed):
    spans = [Span(*occurrence(seed, word), label)
             for word, label in (("لافروف", "PERS"), ("موسكو", "LOC"), ("بوتين", "LOC"))]
    project = make_project(tmp_path / "pre.db", [seed], {0: spans}, suggested=True)
    window = open_window(qtbot, project)
    view = window.editor.view
    editor = window.editor
    for seconds, word, key in ((6, "لافروف", Qt.Key.Key_Return), (3, "موسكو", Qt.Key.Key_Backspace),
                               (9, "بوتين", Qt.Key.Key_1)):
        clock.advance(seconds)
        start, _ = occurrence(seed, word)
        editor.select_span(window.session.index.at(start))
        qtbot.keyClick(view, key)
    clock.advance(2)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: no decision
    window.close()
    assert span_rows(project) == [("PERS", "accepted", 6.0, True), ("LOC", "rejected", 3.0, True),
                                  ("PERS", "corrected", 9.0, True)]
    assert document_rows(project) == [(window.session.doc_id, 20.0, True)]
    project.close()


def test_the_figures_in_the_app_in_english_and_arabic(qtbot, clock, plain, seed):
    window = open_window(qtbot, plain)
    view = window.editor.view
    for word in ("لافروف", "بوتين"):
        clock.advance(30)
        start, end = occurrence(seed, word)
        drag_over(qtbot, view, start, end - 1)
        qtbot.keyClick(view, Qt.Key.Key_1)
    action = window.findChild(QAction, "annotation_time_action")
    assert action in window.workflow.menus["tools"].actions()
    action.trigger()  # saves the time so far, then shows it
    dialog = _dialog(window)
    assert time_report(plain).to_dict()["annotators"][ANNOTATOR]["all"]["entities"] == 2
    cells = [dialog.splits.item(0, c).text() for c in range(6)]
    # 60 s, 1 document (not done), 0 documents/h, 2 entities in 60 s: 120/h, 30 s each
    assert cells == ["0:01:00", "1", "0", "0.0", "120.0", "30.0"]
    assert [dialog.labels.item(0, c).text() for c in range(6)] == ["PERS", "2", "120.0", "30.0", "–", "120.0"]
    dialog.close()

    from annotator.ui.dialogs.time_dialog import TimeDialog
    from annotator.ui.i18n import install_language

    app = QApplication.instance()
    try:
        install_language(app, "ar")
        arabic = TimeDialog(plain, ANNOTATOR, window)
        qtbot.addWidget(arabic)
        assert arabic.windowTitle() == "وقت التوسيم"
        assert arabic.splits.verticalHeaderItem(1).text() == "مع الوسم المسبق"
    finally:
        install_language(app, "en")
    window.close()


def _dialog(window):  # type: ignore[no-untyped-def]
    from annotator.ui.dialogs.time_dialog import TimeDialog

    found = window.findChildren(TimeDialog)
    assert len(found) == 1
    return found[0]
