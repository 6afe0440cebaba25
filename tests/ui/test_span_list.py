"""The span list follows every edit row by row (no model reset per keystroke) and always
shows exactly the spans of the index, in text order."""

from __future__ import annotations

from conftest import occurrence, reveal
from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def rows(window) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    model = window.span_model
    return [(s.start, s.end, s.label, str(s.state))
            for s in (model.span_at_row(r) for r in range(model.rowCount()))]


def indexed(window) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    return [(s.start, s.end, s.label, str(s.state)) for s in window.session.index]


def test_edits_insert_update_and_remove_rows_without_a_reset(qtbot, window, seed):  # type: ignore[no-untyped-def]
    model, view = window.span_model, window.editor.view
    signals: list[str] = []
    model.modelReset.connect(lambda: signals.append("reset"))
    model.rowsInserted.connect(lambda *_a: signals.append("insert"))
    model.rowsRemoved.connect(lambda *_a: signals.append("remove"))
    model.dataChanged.connect(lambda *_a: signals.append("data"))
    words = ["كوريا الشمالية", "لافروف", "Wonsan"]  # labelled out of text order
    for word in words:
        view.select_range(*occurrence(seed, word))
        qtbot.keyClick(view, Qt.Key.Key_2)
    assert signals == ["insert"] * 3
    assert rows(window) == indexed(window) and len(rows(window)) == 3
    assert [r[0] for r in rows(window)] == sorted(r[0] for r in rows(window))
    start, end = occurrence(seed, "لافروف")
    reveal(view, start, start + 1)
    view.place_cursor(start + 1)
    qtbot.keyClick(view, Qt.Key.Key_1)  # relabel: the same row changes
    assert signals[-1] == "data" and rows(window) == indexed(window)
    view.place_cursor(start + 1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert signals[-1] == "remove" and rows(window) == indexed(window)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # undo the delete
    assert signals[-1] == "insert" and rows(window) == indexed(window)
    assert "reset" not in signals
    assert (start, end, "PERS", "accepted") in rows(window)


def test_a_large_change_resets_the_list_once(qtbot, window, seed):  # type: ignore[no-untyped-def]
    from annotator.core.operations import AddSpan, Batch
    from annotator.ui.panels import RESET_ABOVE

    session = window.session
    words = [m for m in seed.split() if m.isalpha()]
    operations, position = [], 0
    for word in words:
        start = seed.index(word, position)
        position = start + len(word)
        operations.append(AddSpan(session.annotation_id, start, position, "MISC"))
        if len(operations) > RESET_ABOVE:
            break
    resets: list[int] = []
    window.span_model.modelReset.connect(lambda: resets.append(1))
    session.apply(Batch(tuple(operations), "many"))
    assert resets == [1]
    assert rows(window) == indexed(window) and len(rows(window)) == RESET_ABOVE + 1


def test_jumping_to_a_span_scrolls_only_when_it_is_off_screen(qtbot, window, seed):  # type: ignore[no-untyped-def]
    from annotator.core.operations import AddSpan

    session, view = window.session, window.editor.view
    first = occurrence(seed, "تاس")  # on the first screen, below its middle
    last = occurrence(seed, "كوريا", seed.count("كوريا") - 1)  # far down the document
    for start, end in (first, last):
        session.apply(AddSpan(session.annotation_id, start, end, "LOC"))
    view.verticalScrollBar().setValue(0)
    view.place_cursor(first[0])
    assert view.viewport().height() / 2 < view.cursorRect().top() < view.viewport().height()
    model = window.span_model
    window.span_panel.clicked.emit(model.index(0, 0))  # on screen: no scroll
    assert view.selected_range() == first and view.verticalScrollBar().value() == 0
    window.span_panel.clicked.emit(model.index(1, 0))  # off screen: revealed
    assert view.selected_range() == last and view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.cursorRect())
