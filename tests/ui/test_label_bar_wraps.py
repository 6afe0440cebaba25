"""A long label set wraps the label bar onto more rows instead of widening the window (a
13-label Wojood project once held the window at 1,479 px), in the interface's direction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from annotator.core.model import LabelSpec
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.label_bar import LabelBar

NAMES = ["PERS", "ORG", "GPE", "LOC", "OCC", "NORP", "DATE", "CARDINAL", "ORDINAL", "LAW",
         "EVENT", "TIME", "WEBSITE", "MONEY", "PRODUCT", "LANGUAGE"]


def bar(qtbot, direction: Qt.LayoutDirection) -> LabelBar:  # type: ignore[no-untyped-def]
    labels = [LabelSpec(name, hotkey=str(i % 10)) for i, name in enumerate(NAMES)]
    widget = LabelBar(labels, SpanStyle(labels, QFont()))
    widget.setLayoutDirection(direction)
    qtbot.addWidget(widget)
    widget.resize(420, widget.heightForWidth(420))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_many_labels_wrap_within_a_narrow_width(qtbot):  # type: ignore[no-untyped-def]
    widget = bar(qtbot, Qt.LayoutDirection.LeftToRight)
    assert widget.minimumSizeHint().width() < 300
    rows = {button.geometry().top() for button in widget.buttons.values()}
    assert len(rows) >= 3
    for button in widget.buttons.values():
        assert widget.rect().contains(button.geometry()), button.text()
    boxes = [b.geometry() for b in widget.buttons.values()]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert widget.heightForWidth(2000) < widget.heightForWidth(420)


def test_right_to_left_starts_at_the_right_edge(qtbot):  # type: ignore[no-untyped-def]
    widget = bar(qtbot, Qt.LayoutDirection.RightToLeft)
    first, second = widget.buttons["PERS"].geometry(), widget.buttons["ORG"].geometry()
    assert first.top() == second.top() and first.left() > second.right()
    assert widget.width() - first.right() < 80  # after the "Labels:" caption, at the right


def test_the_window_can_be_as_narrow_as_900_px_with_a_long_label_set(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from annotator.app.project import Project
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    project = Project.create(tmp_path / "p.db", labels=NAMES)
    window = MainWindow(project, "amal", AppSettings())
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.fit_docks()
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 900
    assert window.editor.view.width() >= 900 // 2 - 20  # the docks leave the text half
    window.close()
    project.close()
