"""Nested spans in right-to-left text, with real mouse and key events: make an inner span by
a drag and a key inside an outer one, reach each by clicks (repeated, and on the tags in the
label band) and by Tab, and relabel, delete, resize, accept and reject the one chosen; undo."""

from __future__ import annotations

import pytest
from conftest import ANNOTATOR, char_point, drag_over, occurrence, reveal
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.app.project import Project
from annotator.core.model import OverlapPolicy, SourceDocument, Span, SpanState, Status
from annotator.store.ingest import IngestOptions, ingest
from annotator.ui.editor.span_painter import visible_blocks

CTRL = Qt.KeyboardModifier.ControlModifier
OUTER = "وزير الخارجية الروسي"
INNER = "الروسي"


def nested_window(qtbot, tmp_path, seed, spans=(), state=SpanState.ACCEPTED):  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    project = Project.create(tmp_path / "nested.db", labels=["PERS", "LOC", "ORG", "MISC"],
                             overlap_policy=OverlapPolicy.ALLOW)
    with project.store.engine.begin() as c:
        ingest(c, [SourceDocument(seed, source="seed.txt", spans=list(spans))],
               OverlapPolicy.ALLOW, IngestOptions(annotator=ANNOTATOR, status=Status.NEW,
                                                  span_state=state, origin="pretagger"))
    window = MainWindow(project, ANNOTATOR, AppSettings())
    qtbot.addWidget(window)
    window.open_position(1)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.editor.view.setFocus()
    return project, window


def stored(project: Project, window) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    return sorted((s.start, s.end, s.label, str(s.state))
                  for s in project.spans(window.session.annotation_id))


def click(qtbot, view, point: QPoint) -> None:  # type: ignore[no-untyped-def]
    """One click, slow enough not to be the second half of a double-click."""
    qtbot.wait(QApplication.doubleClickInterval() + 30)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)


def tag_point(view, span_start: int, span_end: int) -> QPoint:  # type: ignore[no-untyped-def]
    """The middle of the tag of the span [span_start, span_end) in its label band."""
    reveal(view, span_start, span_end)
    view.viewport().repaint()
    for block, origin in visible_blocks(view):
        for fragment in view.painter.fragments(block):
            if (fragment.span.start, fragment.span.end) == (span_start, span_end):
                center = fragment.tag.center() + origin
                return QPoint(round(center.x()), round(center.y()))
    raise AssertionError("no tag on screen")


def spans_of(seed: str) -> tuple[tuple[int, int], tuple[int, int]]:
    outer = occurrence(seed, OUTER)
    start = outer[0] + OUTER.index(INNER)
    return outer, (start, start + len(INNER))


def chosen(window):  # type: ignore[no-untyped-def]
    span = window.editor.current_span()
    return (span.start, span.end, span.label) if span is not None else None


def test_make_an_inner_span_by_drag_and_key_and_reach_both(qtbot, tmp_path, seed):  # type: ignore[no-untyped-def]
    project, window = nested_window(qtbot, tmp_path, seed)
    view = window.editor.view
    assert "Overlaps allowed" in window.mode_label.text()
    outer, inner = spans_of(seed)
    drag_over(qtbot, view, outer[0], outer[1] - 1)
    qtbot.keyClick(view, Qt.Key.Key_3)  # ORG
    drag_over(qtbot, view, inner[0], inner[1] - 1)  # inside it, the same way
    qtbot.keyClick(view, Qt.Key.Key_4)  # MISC
    assert stored(project, window) == [(*outer, "ORG", "accepted"), (*inner, "MISC", "accepted")]

    letter = char_point(view, inner[0] + 2)
    click(qtbot, view, letter)  # the innermost first
    assert chosen(window) == (*inner, "MISC")
    click(qtbot, view, letter)  # the same letter again: the next one out
    assert chosen(window) == (*outer, "ORG")
    click(qtbot, view, letter)  # and round again
    assert chosen(window) == (*inner, "MISC")
    click(qtbot, view, tag_point(view, *outer))  # the outer span's tag, in its band
    assert chosen(window) == (*outer, "ORG")
    click(qtbot, view, tag_point(view, *inner))
    assert chosen(window) == (*inner, "MISC")
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert chosen(window) == (*outer, "ORG")
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert chosen(window) == (*inner, "MISC")
    click(qtbot, view, char_point(view, occurrence(seed, "بالتحالف")[0] + 1))  # off the spans
    assert chosen(window) is None
    project.close()


def test_relabel_delete_and_resize_act_on_the_span_chosen(qtbot, tmp_path, seed):  # type: ignore[no-untyped-def]
    outer, inner = spans_of(seed)
    project, window = nested_window(qtbot, tmp_path, seed,
                                    [Span(*outer, "ORG"), Span(*inner, "MISC")])
    view = window.editor.view
    letter = char_point(view, inner[0] + 2)
    click(qtbot, view, letter)
    click(qtbot, view, letter)  # the outer one
    qtbot.keyClick(view, Qt.Key.Key_1)  # relabel it, not the inner one
    assert stored(project, window) == [(*outer, "PERS", "accepted"), (*inner, "MISC", "accepted")]
    click(qtbot, view, tag_point(view, *inner))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(project, window) == [(*outer, "PERS", "accepted"), (*inner, "LOC", "accepted")]
    click(qtbot, view, tag_point(view, *outer))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(project, window) == [(*inner, "LOC", "accepted")]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # undo: the outer span is back, the inner kept
    assert stored(project, window) == [(*outer, "PERS", "accepted"), (*inner, "LOC", "accepted")]
    # resize the inner span: choose it, move the selection's free end a token, Ctrl+R
    click(qtbot, view, tag_point(view, *inner))
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # RTL: onwards
    following = occurrence(seed, "سيرجي")
    assert view.selected_range() == (inner[0], following[1])
    qtbot.keyClick(view, Qt.Key.Key_R, CTRL)
    assert stored(project, window) == [(*outer, "PERS", "accepted"),
                                       (inner[0], following[1], "LOC", "accepted")]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert stored(project, window) == [(*outer, "PERS", "accepted"), (*inner, "LOC", "accepted")]
    project.close()


@pytest.mark.parametrize("key, outcome", [(Qt.Key.Key_Return, "accepted"),
                                          (Qt.Key.Key_Backspace, None)])
def test_accept_and_reject_the_nested_suggestion_chosen(qtbot, tmp_path, seed, key, outcome):  # type: ignore[no-untyped-def]
    outer, inner = spans_of(seed)
    project, window = nested_window(qtbot, tmp_path, seed,
                                    [Span(*outer, "ORG"), Span(*inner, "MISC")],
                                    SpanState.SUGGESTED)
    view = window.editor.view
    click(qtbot, view, tag_point(view, *outer))
    qtbot.keyClick(view, key)
    expected = [(*inner, "MISC", "suggested")]
    if outcome is not None:
        expected.insert(0, (*outer, "ORG", outcome))
    assert stored(project, window) == expected
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert stored(project, window) == [(*outer, "ORG", "suggested"), (*inner, "MISC", "suggested")]
    click(qtbot, view, char_point(view, inner[0] + 1))  # the innermost, by its letters
    qtbot.keyClick(view, key)
    expected = [(*outer, "ORG", "suggested")] + (
        [(*inner, "MISC", outcome)] if outcome is not None else [])
    assert stored(project, window) == expected
    project.close()


def test_the_old_per_user_replace_setting_is_dropped_and_the_project_policy_shown(
        qtbot, tmp_path, seed):  # type: ignore[no-untyped-def]
    from annotator.ui.settings import AppSettings

    AppSettings().store.setValue("work/replace_overlapping", True)
    project, window = nested_window(qtbot, tmp_path, seed)
    assert "per-user setting" in window.statusBar().currentMessage()
    assert not AppSettings().store.contains("work/replace_overlapping")
    assert "Overlaps allowed" in window.mode_label.text()
    assert window.actions_.overlap_actions[OverlapPolicy.ALLOW].isChecked()
    window.set_overlap_policy(OverlapPolicy.REFUSE)  # no span overlaps yet: it changes
    assert project.info().overlap_policy is OverlapPolicy.REFUSE
    assert "Overlaps refused" in window.mode_label.text()
    assert window.actions_.overlap_actions[OverlapPolicy.REFUSE].isChecked()
    project.close()
