"""The document list in a narrow dock: number columns give way so the titles stay readable,
and come back when the dock widens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.ui.document_list_model import DocumentListModel as M
from annotator.ui.panels import TITLE_ROOM


def test_number_columns_give_way_to_the_title_in_a_narrow_dock(qtbot, window):  # type: ignore[no-untyped-def]
    panel, table = window.document_panel, window.document_panel.table
    hidden = {}
    for width in (600, 300, 200, 600):
        window.resizeDocks([window.document_dock], [width], Qt.Orientation.Horizontal)
        qtbot.wait(20)
        hidden[width] = {c for c in (M.STATUS, M.SPANS, M.SUGGESTIONS) if table.isColumnHidden(c)}
        if hidden[width] != {M.STATUS, M.SPANS, M.SUGGESTIONS}:
            assert table.columnWidth(M.TITLE) >= TITLE_ROOM - 2, (width, table.columnWidth(M.TITLE))
        assert not table.isColumnHidden(M.POSITION) and not table.isColumnHidden(M.TITLE)
    assert hidden[600] == set()
    assert M.SUGGESTIONS in hidden[200]
    assert hidden[300] <= hidden[200]
    assert table.columnWidth(M.SPANS) == panel._widths[M.SPANS]  # restored at its fitted width
