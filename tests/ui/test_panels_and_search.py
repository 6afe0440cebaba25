"""The document list (filter, sort, next undone, progress), find in the document, resizing."""

from __future__ import annotations

from conftest import ANNOTATOR, drag_over, occurrence
from PySide6.QtCore import Qt

from annotator.core.model import Status
from annotator.core.operations import SetStatus
from annotator.ui.document_list_model import DocumentListModel


def test_document_list_filters_sorts_and_finds_the_next_undone(qtbot, window, store):
    panel = window.document_panel
    assert panel.model.rowCount() == 2
    first, second = store.document_ids()
    store.apply(SetStatus(store.annotation_id(first, ANNOTATOR), Status.DONE))
    window.documents.reload()
    panel.status.setCurrentIndex(panel.status.findData("undone"))
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data() == 2  # the English document, position 2
    panel.status.setCurrentIndex(panel.status.findData(None))
    qtbot.keyClicks(panel.words, "kctv Broadcaster")  # every word, any case, after a pause
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data() == 2
    panel.words.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    panel.table.sortByColumn(DocumentListModel.POSITION, Qt.SortOrder.DescendingOrder)
    assert panel.model.index(0, 0).data() == 2
    assert window.documents.next_undone(first) == second
    assert window.documents.next_undone(second) is None  # the first is done: nothing else left
    assert "1 of 2 documents done" in window.progress_label.text()


def test_f8_opens_the_next_undone_document(qtbot, window, store):
    first = window.session.doc_id
    qtbot.keyClick(window.editor.view, Qt.Key.Key_F8)
    assert window.session.doc_id != first


def test_find_ignores_diacritics_tatweel_and_letter_variants(qtbot, window, seed):
    editor = window.editor
    qtbot.keyClick(editor.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert editor.search.isVisible()
    editor.search.field.setText("كُوريـا الشماليه")  # damma, tatweel, ه for ة
    editor.search.search_now()
    expected = seed.count("كوريا الشمالية")
    assert len(editor.search.matches) == expected > 3
    start, end = editor.search.matches[0]
    assert seed[start:end] == "كوريا الشمالية"
    assert editor.view.selected_range() == (start, end)
    editor.search.field.setText("مستخدما")  # the text has مستخدمًا with tanween
    editor.search.search_now()
    start, end = editor.search.matches[0]
    assert seed[start:end] == "مستخدمًا"
    assert "1 of 1" in editor.search.count.text()


def test_span_geometry_follows_wrapping_when_the_window_is_resized(qtbot, window, seed):
    view = window.editor.view
    start, end = occurrence(seed, "الاتصالات المباشرة")
    drag_over(qtbot, view, start, end - 1)
    qtbot.keyClick(view, Qt.Key.Key_4)
    for width in (1300, 700, 480):
        window.resize(width, 850)
        qtbot.wait(10)
        view.select_range(start, end)
        view.centerCursor()
        view.place_cursor(start)
        view.viewport().repaint()
        rects = [rect for block, origin in _blocks(view)
                 for rect in view.painter.range_rects(block, origin, start, end)]
        assert rects
        for rect in rects:  # every painted box covers letters of the span, and only those
            hit = view.character_at(rect.center().toPoint())
            assert hit is not None and start <= hit < end, (width, rect, hit)


def _blocks(view):  # type: ignore[no-untyped-def]
    from annotator.ui.editor.span_painter import visible_blocks

    return list(visible_blocks(view))
