"""Project › Labels…: the label editor driven by clicks and keys. Each change reaches the
label bar and the open document at once, is one step of undo, and a label in use is removed
only after saying what becomes of its spans."""

from __future__ import annotations

import pytest
from conftest import occurrence
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QColorDialog, QLineEdit

from annotator.ui.dialogs.label_dialog import COLOR, DESCRIPTION, HOTKEY, NAME, SpanChoiceDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dialog(qtbot, window):  # type: ignore[no-untyped-def]
    action = next(a for menu in window.menuBar().actions() if menu.menu() is not None
                  for a in menu.menu().actions() if a.text().replace("&", "") == "Labels…")
    action.trigger()
    shown = window.label_dialog
    qtbot.waitExposed(shown)
    return shown


def _names(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    return [dialog.table.item(row, NAME).text() for row in range(dialog.table.rowCount())]


def _edit_cell(qtbot, dialog, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Choose the cell, F2, type TEXT over what is there, Enter: as a person edits a cell."""
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1  # F2 opened the cell's editor
    editor = editors[0]
    editor.selectAll()
    if text.isascii() and text:
        qtbot.keyClicks(editor, text)
    elif text:  # QTest types ASCII only: Arabic goes in as an input method would put it
        editor.insert(text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: table.state() != editing)  # the delegate commits queued


def _click(qtbot, dialog, key: str) -> None:  # type: ignore[no-untyped-def]
    button = dialog.buttons[key]
    qtbot.mouseClick(button, LEFT)


def _label_word(qtbot, window, seed, word: str, key: str) -> None:  # type: ignore[no-untyped-def]
    start, end = occurrence(seed, word)
    window.editor.view.select_range(start, end)
    qtbot.keyClick(window.editor.view, key)


def test_add_rename_hotkey_and_description_in_the_table(qtbot, window, dialog, store):
    assert _names(dialog) == ["PERS", "LOC", "ORG", "MISC"]
    qtbot.keyClicks(dialog.new_name, "EVENT")
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    assert _names(dialog)[-1] == "EVENT" and dialog.table.item(4, HOTKEY).text() == "5"
    assert "EVENT" in window.label_bar.buttons
    _edit_cell(qtbot, dialog, 0, NAME, "PER")
    assert _names(dialog)[0] == "PER" and list(window.label_bar.buttons)[0] == "PER"
    _edit_cell(qtbot, dialog, 1, HOTKEY, "1")  # PER's key: refused, said, nothing changes
    assert "[E340]" in dialog.status.text()
    assert dialog.table.item(1, HOTKEY).text() == "2"
    _edit_cell(qtbot, dialog, 1, HOTKEY, "l")
    _edit_cell(qtbot, dialog, 1, DESCRIPTION, "أماكن: مدن وبلدان")
    assert window.label_bar.buttons["LOC"].toolTip() == "أماكن: مدن وبلدان"
    assert window.label_bar.buttons["LOC"].text() == "LOC  [l]"
    assert [(x.name, x.hotkey) for x in store.labels()][:2] == [("PER", "1"), ("LOC", "l")]


def test_recolour_and_reorder_with_the_buttons_and_undo_each_as_one_step(qtbot, window, dialog,
                                                                        store, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    dialog.table.selectRow(1)
    _click(qtbot, dialog, "color")
    assert dialog.table.item(1, COLOR).text() == "\u2066#123456\u2069"  # left to right in Arabic too
    assert window.editor.span_style.color("LOC").name() == "#123456"
    _click(qtbot, dialog, "up")
    assert _names(dialog) == ["LOC", "PERS", "ORG", "MISC"]
    assert list(window.label_bar.buttons) == ["LOC", "PERS", "ORG", "MISC"]
    assert dialog.chosen_name() == "LOC"  # the moved label stays chosen
    _click(qtbot, dialog, "down")
    _click(qtbot, dialog, "down")
    assert _names(dialog) == ["PERS", "ORG", "LOC", "MISC"]
    _click(qtbot, dialog, "undo")
    _click(qtbot, dialog, "undo")
    assert _names(dialog) == ["LOC", "PERS", "ORG", "MISC"]
    _click(qtbot, dialog, "undo")
    _click(qtbot, dialog, "undo")
    assert _names(dialog) == ["PERS", "LOC", "ORG", "MISC"]
    assert store.labels()[1].color != "#123456"
    _click(qtbot, dialog, "redo")
    assert store.labels()[1].color == "#123456"


def test_removing_a_label_in_use_asks_what_becomes_of_its_spans(qtbot, window, dialog, store,
                                                                seed):
    _label_word(qtbot, window, seed, "لافروف", "1")  # PERS
    _label_word(qtbot, window, seed, "كوريا", "3")  # ORG
    dialog.table.selectRow(0)
    _click(qtbot, dialog, "remove")
    choice = dialog.findChild(SpanChoiceDialog)
    assert choice is not None and choice.isVisible() and "PERS" in _names(dialog)
    qtbot.mouseClick(choice.delete, LEFT)
    qtbot.mouseClick(choice.ok, LEFT)
    assert "PERS" not in _names(dialog) and "PERS" not in window.label_bar.buttons
    assert [s.label for s in window.session.index] == ["ORG"]
    assert "1 span(s) deleted" in dialog.status.text()
    window.activateWindow()  # back in the main window, Ctrl+Z
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(s.label for s in window.session.index) == ["ORG", "PERS"]
    assert _names(dialog) == ["PERS", "LOC", "ORG", "MISC"]  # the dialog follows undo too


def test_remove_relabelling_and_merge_keep_every_span(qtbot, window, dialog, store, seed):
    _label_word(qtbot, window, seed, "لافروف", "1")  # PERS
    _label_word(qtbot, window, seed, "كوريا", "3")  # ORG
    dialog.table.selectRow(0)
    _click(qtbot, dialog, "remove")
    choice = dialog.findChild(SpanChoiceDialog)
    choice.target.setCurrentText("MISC")
    qtbot.mouseClick(choice.ok, LEFT)
    assert sorted(s.label for s in window.session.index) == ["MISC", "ORG"]
    dialog.table.selectRow(_names(dialog).index("ORG"))
    _click(qtbot, dialog, "merge")
    merge = dialog.choice
    assert merge is not None and not merge.delete.isVisible()
    merge.target.setCurrentText("LOC")
    qtbot.mouseClick(merge.ok, LEFT)
    assert sorted(s.label for s in window.session.index) == ["LOC", "MISC"]
    assert _names(dialog) == ["LOC", "MISC"]
    row = window.documents.summary(window.session.doc_id)
    assert row is not None and row.span_count == 2


def test_a_label_not_in_use_is_removed_without_asking_and_the_bar_opens_the_editor(
        qtbot, window, dialog):
    dialog.table.selectRow(3)
    _click(qtbot, dialog, "remove")
    assert dialog.findChild(SpanChoiceDialog) is None and "MISC" not in _names(dialog)
    dialog.close()
    window.label_bar.edit_action.trigger()  # right-click on the label bar › Edit labels…
    assert window.label_dialog is dialog and dialog.isVisible()
    assert _names(dialog) == ["PERS", "LOC", "ORG"]


def test_a_refused_label_change_is_said_in_the_interface_language(qtbot, qapp, window, dialog):
    from annotator.ui.i18n import install_language

    qtbot.keyClicks(dialog.new_name, "PERS")  # the name is taken: the domain refuses it
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    english = dialog.status.text()
    assert english.startswith("[E") and dialog.last_error == english
    install_language(qapp, "ar")
    try:
        qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
        arabic = dialog.status.text()
    finally:
        install_language(qapp, "en")
    assert arabic != english and english[:6] in arabic
    assert sum("\u0600" <= c <= "\u06ff" for c in arabic) > 10
    assert dialog.last_error == english  # the original kept for reports
