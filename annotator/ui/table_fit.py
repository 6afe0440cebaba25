"""Tables shown whole: the width a table needs for every column's header and contents, and a
window widened to give it that.

A stretched column (a document's title) counts only its header: it takes what is left and
elides long titles. `tests/ui/test_tables_fit.py` opens every table of the app at its default
size in both languages and checks the same measure.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


def stretched(header: QHeaderView, column: int) -> bool:
    return header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or (
        header.stretchLastSection() and column == header.count() - 1)


def column_width(view: QTableView, column: int) -> int:
    """What COLUMN of VIEW needs: its header, and its contents unless it is stretched."""
    header = view.horizontalHeader()
    hint = header.sectionSizeHint(column) if not header.isHidden() else 0
    return max(hint, 0 if stretched(header, column) else view.sizeHintForColumn(column))


def table_width(view: QTableView) -> int:
    """The width VIEW needs to show every column whole, without scrolling sideways."""
    header = view.horizontalHeader()
    columns = sum(column_width(view, c) for c in range(header.count()) if not header.isSectionHidden(c))
    vertical = view.verticalHeader()
    rows = vertical.sizeHint().width() if not vertical.isHidden() else 0
    scroll = view.verticalScrollBar().sizeHint().width()
    return columns + rows + scroll + 2 * view.frameWidth()


def widen_to_fit(window: QWidget, *views: QTableView) -> None:
    """Widen WINDOW until each of VIEWS can show all its columns."""
    for _ in range(3):  # a wider window may wrap its labels differently: measure again
        layout = window.layout()
        if layout is not None:
            layout.activate()
        short = max((table_width(view) - view.width() for view in views), default=0)
        if short <= 0:
            return
        window.resize(window.width() + short, window.height())  # the window manager caps it
