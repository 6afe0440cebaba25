"""Labelling, relabelling, deleting, undo/redo, overlap policy and suggestions, all driven by
key presses, each checked against what the store holds (there is no Save: edits are stored)."""

from __future__ import annotations

import pytest
from conftest import ANNOTATOR, drag_over, make_project, occurrence, reveal, shown_window, stored
from PySide6.QtCore import Qt

from annotator.app.project import Project
from annotator.core.model import OverlapPolicy, Span, Status

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def label_word(qtbot, window, seed, word, key, nth=0):  # type: ignore[no-untyped-def]
    start, end = occurrence(seed, word, nth)
    drag_over(qtbot, window.editor.view, start, end - 1)
    qtbot.keyClick(window.editor.view, key)
    return start, end


def test_a_hotkey_on_the_span_under_the_cursor_relabels_it(qtbot, window, store, seed):
    start, end = label_word(qtbot, window, seed, "لافروف", Qt.Key.Key_2)
    view = window.editor.view
    view.place_cursor(start + 2)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored(store, window) == [(start, end, "PERS", "accepted")]
    qtbot.keyClick(view, Qt.Key.Key_1)  # the same label again changes nothing
    assert stored(store, window) == [(start, end, "PERS", "accepted")]


def test_arabic_indic_digits_work_as_hotkeys(qtbot, window, store, seed):
    start, end = occurrence(seed, "موسكو")
    drag_over(qtbot, window.editor.view, start, end - 1)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    arabic_two = QKeyEvent(QEvent.Type.KeyPress, 0x0662, Qt.KeyboardModifier.NoModifier, "٢")
    QApplication.sendEvent(window.editor.view, arabic_two)  # what an Arabic keyboard sends
    assert stored(store, window) == [(start, end, "LOC", "accepted")]


def test_edits_are_stored_at_once_and_seen_by_another_connection(qtbot, window, store, seed):
    start, end = label_word(qtbot, window, seed, "بوتين", Qt.Key.Key_1)
    with Project.open(store.url) as other:
        annotation = other.annotation_id(window.session.doc_id, ANNOTATOR)
        assert [(s.start, s.end, s.label) for s in other.spans(annotation)] == [(start, end, "PERS")]
        assert other.annotation_status(annotation) is Status.IN_PROGRESS


def test_delete_undo_redo_through_the_keyboard(qtbot, window, store, seed):
    start, end = label_word(qtbot, window, seed, "لافروف", Qt.Key.Key_1)
    view = window.editor.view
    span_id = window.session.index.at(start).id
    view.place_cursor(start + 1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(store, window) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert stored(store, window) == [(start, end, "PERS", "accepted")]
    assert window.session.index.at(start).id == span_id  # undo restores the very same row
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(store, window) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # undo the delete
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # undo the add
    assert stored(store, window) == []
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert stored(store, window) == [(start, end, "PERS", "accepted")]


def test_undo_of_a_relabel(qtbot, window, store, seed):
    start, end = label_word(qtbot, window, seed, "موسكو", Qt.Key.Key_1)
    window.editor.view.place_cursor(start)
    qtbot.keyClick(window.editor.view, Qt.Key.Key_2)
    assert stored(store, window) == [(start, end, "LOC", "accepted")]
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Z, CTRL)
    assert stored(store, window) == [(start, end, "PERS", "accepted")]


def test_an_overlapping_span_is_refused_with_a_message(qtbot, window, store, seed):
    start, end = label_word(qtbot, window, seed, "كوريا الشمالية", Qt.Key.Key_2)
    inner_start, inner_end = occurrence(seed, "الشمالية")
    drag_over(qtbot, window.editor.view, inner_start, inner_end - 1)
    qtbot.keyClick(window.editor.view, Qt.Key.Key_4)
    assert stored(store, window) == [(start, end, "LOC", "accepted")]
    assert "E107" in window.statusBar().currentMessage()


def test_an_overlapping_span_replaces_when_the_project_says_so(qtbot, window, store, seed):
    label_word(qtbot, window, seed, "كوريا الشمالية", Qt.Key.Key_2)
    window.set_overlap_policy(OverlapPolicy.REPLACE)
    assert "Overlaps replace" in window.mode_label.text()
    inner_start, inner_end = occurrence(seed, "كوريا")
    drag_over(qtbot, window.editor.view, inner_start, inner_end - 1)
    qtbot.keyClick(window.editor.view, Qt.Key.Key_4)
    assert stored(store, window) == [(inner_start, inner_end, "MISC", "accepted")]
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Z, CTRL)  # undo brings the old span back
    start, end = occurrence(seed, "كوريا الشمالية")
    assert stored(store, window) == [(start, end, "LOC", "accepted")]


@pytest.fixture
def suggested(qtbot, tmp_path, seed):  # type: ignore[no-untyped-def]
    """The seed with three suggestions from a pre-tagger, in the main window."""
    spans = [Span(*occurrence(seed, "لافروف"), "PERS"), Span(*occurrence(seed, "موسكو"), "LOC"),
             Span(*occurrence(seed, "Wonsan"), "LOC")]
    project = make_project(tmp_path / "suggested.db", [seed], {0: spans}, suggested=True)
    win = shown_window(qtbot, project)
    yield win, project, spans
    project.close()


def test_tab_enter_and_backspace_accept_and_reject_suggestions(qtbot, suggested):
    window, project, spans = suggested
    view = window.editor.view
    view.place_cursor(0)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.selected_range() == (spans[0].start, spans[0].end)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # accept; moves on to the next suggestion
    assert view.selected_range() == (spans[1].start, spans[1].end)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)  # reject موسكو
    assert stored(project, window) == [
        (spans[0].start, spans[0].end, "PERS", "accepted"),
        (spans[2].start, spans[2].end, "LOC", "suggested")]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # the rejected suggestion comes back
    assert (spans[1].start, spans[1].end, "LOC", "suggested") in stored(project, window)
    qtbot.keyClick(view, Qt.Key.Key_Tab, SHIFT)
    assert view.selected_range() == (spans[0].start, spans[0].end)


def test_one_command_accepts_every_suggestion_and_one_undo_reverts_it(qtbot, suggested):
    window, project, spans = suggested
    view = window.editor.view
    qtbot.keyClick(view, Qt.Key.Key_Return, SHIFT)
    assert [state for *_x, state in stored(project, window)] == ["accepted"] * 3
    summary = window.documents.summary(window.session.doc_id)
    assert summary is not None and summary.suggestion_count == 0
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [state for *_x, state in stored(project, window)] == ["suggested"] * 3


def test_labelling_a_suggestion_accepts_it_with_the_new_label(qtbot, suggested):
    window, project, spans = suggested
    view = window.editor.view
    view.place_cursor(spans[2].start + 1)
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert (spans[2].start, spans[2].end, "MISC", "accepted") in stored(project, window)


def test_mark_done_moves_to_the_next_document(qtbot, window, store):
    first = window.session.doc_id
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Return, CTRL)
    assert store.annotation_status(store.annotation_id(first, ANNOTATOR)) is Status.DONE
    assert window.session.doc_id != first
    assert "1 of 2" in window.progress_label.text()


def test_the_span_list_follows_edits_and_jumps_to_a_span(qtbot, window, seed):
    start, end = label_word(qtbot, window, seed, "لافروف", Qt.Key.Key_1)
    label_word(qtbot, window, seed, "Wonsan", Qt.Key.Key_2)
    model = window.span_model
    assert model.rowCount() == 2
    assert "PERS" in model.index(0, 0).data()
    reveal(window.editor.view, 0, 1)
    window.span_panel.clicked.emit(model.index(0, 0))
    assert window.editor.view.selected_range() == (start, end)
    count = window.documents.summary(window.session.doc_id)
    assert count is not None and count.span_count == 2
