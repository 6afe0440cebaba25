"""A label change in the window: the label bar, the editor's colours, the Spans panel and the
document list follow without reopening; Edit › Undo takes back the latest step, the label
change or the document's edit, whichever came last, each as one step."""

from __future__ import annotations

from conftest import occurrence
from PySide6.QtCore import Qt

from annotator.core.operations import MergeLabels, RecolorLabel, RenameLabel, SetLabelHotkey

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _label(qtbot, window, seed, word: str, key: str) -> None:  # type: ignore[no-untyped-def]
    start, end = occurrence(seed, word)
    window.editor.view.select_range(start, end)
    qtbot.keyClick(window.editor.view, key)


def _shown(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.span_model
    return [model.data(model.index(row), Qt.ItemDataRole.DisplayRole)
            for row in range(model.rowCount())]


def test_a_rename_reaches_every_view_and_undo_takes_it_back_as_one_step(qtbot, window, store,
                                                                       seed):
    _label(qtbot, window, seed, "لافروف", "1")  # PERS
    _label(qtbot, window, seed, "كوريا", "2")  # LOC
    assert window.apply_label(RenameLabel("PERS", "PER")) is not None
    assert list(window.label_bar.buttons) == ["PER", "LOC", "ORG", "MISC"]
    assert window.label_bar.buttons["PER"].text() == "PER  [1]"
    assert sorted(s.label for s in window.session.index) == ["LOC", "PER"]
    assert any("PER" in text and "PERS" not in text for text in _shown(window))
    assert window.editor.span_style.color("PER").name() == "#e69f00"
    view = window.editor.view
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # the rename was the latest step
    assert list(window.label_bar.buttons) == ["PERS", "LOC", "ORG", "MISC"]
    assert sorted(s.label for s in window.session.index) == ["LOC", "PERS"]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # then the LOC span
    assert sorted(s.label for s in window.session.index) == ["PERS"]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: the LOC span again
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)  # and the rename
    assert sorted(s.label for s in window.session.index) == ["LOC", "PER"]
    assert [x.name for x in store.labels()] == ["PER", "LOC", "ORG", "MISC"]


def test_a_merge_a_colour_and_a_hotkey_follow_in_the_editor_and_the_list(qtbot, window, store,
                                                                         seed):
    _label(qtbot, window, seed, "كوريا", "3")  # ORG
    window.apply_label(RecolorLabel("LOC", "#123456"))
    assert window.editor.span_style.color("LOC").name() == "#123456"
    assert "#123456" in window.label_bar.buttons["LOC"].styleSheet()
    window.apply_label(MergeLabels("ORG", "LOC"))
    assert [s.label for s in window.session.index] == ["LOC"]
    assert "ORG" not in window.label_bar.buttons
    row = window.documents.summary(window.session.doc_id)
    assert row is not None and row.span_count == 1
    window.apply_label(SetLabelHotkey("LOC", "9"))
    _label(qtbot, window, seed, "لافروف", "9")  # the new key labels with LOC
    assert sorted(s.label for s in window.session.index) == ["LOC", "LOC"]
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Z, CTRL)  # the span
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Z, CTRL)  # the hotkey
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Z, CTRL)  # the merge
    assert sorted(s.label for s in window.session.index) == ["ORG"]
    assert "ORG" in window.label_bar.buttons


def test_a_refused_label_change_is_said_and_changes_nothing(qtbot, window, store):
    assert window.apply_label(SetLabelHotkey("LOC", "1")) is None
    assert "[E340]" in window.statusBar().currentMessage()
    assert not window.label_editing.history.can_undo
