"""Label bands where Qt's plain-text layout does not expect them: at the bottom of the
document (the scroll range must grow with them) and on spans that wrap (one box per line)."""

from __future__ import annotations

import re

from conftest import occurrence

from annotator.core.operations import AddSpan
from annotator.ui.editor.span_painter import visible_blocks


def test_the_last_line_can_be_scrolled_into_view_after_its_block_grows_bands(qtbot, window, seed):  # type: ignore[no-untyped-def]
    session, view = window.session, window.editor.view
    last_block_start = seed.rindex("\n") + 1
    for match in list(re.finditer(r"\w+", seed[last_block_start:]))[::3]:
        start = last_block_start + match.start()
        session.apply(AddSpan(session.annotation_id, start, start + len(match.group()), "LOC"))
    bar = view.verticalScrollBar()
    for _ in range(3):  # painting lays the bands out; the range follows on the next turn
        bar.setValue(bar.maximum())
        view.viewport().repaint()
        qtbot.wait(20)
    block = view.document().lastBlock()
    bottom = view.blockBoundingGeometry(block).translated(view.contentOffset()).bottom()
    assert bottom <= view.viewport().height() + 1, (bottom, view.viewport().height())


def test_a_span_that_wraps_gets_one_box_per_line(qtbot, window, seed):  # type: ignore[no-untyped-def]
    view = window.editor.view
    start, end = occurrence(seed, "الاتصالات المباشرة")
    for width in range(1300, 460, -40):  # some width breaks the line inside the span
        window.resize(width, 850)
        qtbot.wait(5)
        view.select_range(start, end)
        for block, origin in visible_blocks(view):
            rects = view.painter.range_rects(block, origin, start, end)
            if len(rects) > 1:
                for rect in rects:  # each box no taller than one line
                    assert rect.height() <= view.fontMetrics().height() * 1.6, (width, rect)
                return
    raise AssertionError("no window width wrapped the span: the test proves nothing")


def test_ctrl_end_shows_the_last_line_with_its_bands(qtbot, window, seed):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    session, view = window.session, window.editor.view
    for match in list(re.finditer(r"\w{3,}", seed))[::2]:  # bands over every line
        session.apply(AddSpan(session.annotation_id, match.start(), match.end(), "LOC"))
    view.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert view.cursor_offset() == len(seed)
    assert view.viewport().rect().contains(view.cursorRect()), (view.cursorRect(), view.viewport().rect())
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert view.verticalScrollBar().value() == 0


def test_a_reload_keeps_the_readers_scroll_not_the_cursor(qtbot, window, seed):  # type: ignore[no-untyped-def]
    view = window.editor.view
    view.place_cursor(0)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.reload_open_document()
    qtbot.wait(50)
    assert bar.value() == bar.maximum() and view.cursor_offset() == 0
