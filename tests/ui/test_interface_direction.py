"""The interface's direction, whatever the text's: menus mirrored with the language (not with
an Arabic document), shortcuts read "Ctrl++" in both, docks on the mirrored sides."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ANNOTATOR
from every_view import main_window, process_events, span_menu
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QKeySequence, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QMenu

from annotator.ui.i18n import install_language
from annotator.ui.menu_direction import LRI, PDI, shown_keys

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.fixture(params=["en", "ar"])
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


def read_order(text: str, direction: Qt.LayoutDirection) -> str:
    """TEXT's characters from left to right as Qt lays it out in a DIRECTION paragraph (the
    way QMenu draws the keys of an entry)."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(1000)
    layout.endLayout()
    placed = [(layout.glyphRuns(i, 1)[0].boundingRect().center().x(), c)
              for i, c in enumerate(text) if c not in (LRI, PDI)]
    return "".join(c for _x, c in sorted(placed))


def menu_bar_actions(window) -> Iterator:  # type: ignore[no-untyped-def]
    def walk(menu: QMenu) -> Iterator:  # type: ignore[no-untyped-def]
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                yield from walk(action.menu())
            elif not action.isSeparator():
                yield action
    for entry in window.menuBar().actions():
        yield from walk(entry.menu())


def test_the_plain_keys_read_backwards_in_a_right_to_left_paragraph(qapp):
    """What the menus did before: the check below can tell the two orders apart."""
    assert read_order("Ctrl++", RTL) == "++Ctrl"
    assert read_order(f"{LRI}Ctrl++{PDI}", RTL) == "Ctrl++"


def test_view_menu_shows_ctrl_plus_and_ctrl_minus_the_right_way_round(qtbot, store, language):
    window = main_window(store, ANNOTATOR)
    qtbot.addWidget(window)
    direction = QApplication.layoutDirection()
    assert direction == (RTL if language == "ar" else LTR)
    actions = list(menu_bar_actions(window))
    zoom_in = next(a for a in actions if QKeySequence(QKeySequence.StandardKey.ZoomIn) in a.shortcuts())
    zoom_out = next(a for a in actions if QKeySequence(QKeySequence.StandardKey.ZoomOut) in a.shortcuts())
    assert read_order(shown_keys(zoom_in), direction) == "Ctrl++"
    assert read_order(shown_keys(zoom_out), direction) == "Ctrl+-"
    for action in actions:  # every entry with keys: as typed, in either direction
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        shown = shown_keys(action)
        if keys or shown:
            assert shown.startswith(LRI) and shown.endswith(PDI), action.text()
            assert read_order(shown, direction) == shown[1:-1], action.text()


def test_the_span_menu_takes_the_interfaces_direction_not_the_texts(qtbot, store, language):
    window = main_window(store, ANNOTATOR)
    qtbot.addWidget(window)
    assert window.editor.view.right_to_left  # the seed is Arabic in both interfaces
    menu = span_menu(window)
    expected = RTL if language == "ar" else LTR
    relabel = next(a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu))
    point = window.editor.view.viewport().mapToGlobal(QPoint(40, 40))
    menu.popup(point)  # a popup takes its parent's direction when shown: the view's
    relabel.popup(point)
    process_events()
    assert menu.layoutDirection() == expected
    assert relabel.layoutDirection() == expected  # its arrow points away from the text
    relabel.close()
    menu.close()
    menu.deleteLater()
    from annotator.ui.menu_direction import follow_the_interface

    standard = follow_the_interface(window.editor.view.createStandardContextMenu())
    standard.popup(point)
    process_events()
    assert standard.layoutDirection() == expected
    standard.close()
    copy = next(a for a in standard.actions() if a.shortcut() == QKeySequence.StandardKey.Copy
                or "C" in shown_keys(a))
    assert read_order(shown_keys(copy), expected).endswith("C")
    standard.deleteLater()
    process_events()


# ---------------------------------------------------------------------- docks
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


def _sides(window) -> tuple[Qt.DockWidgetArea, Qt.DockWidgetArea, bool]:  # type: ignore[no-untyped-def]
    documents, spans = window.document_dock, window.span_dock
    return (window.dockWidgetArea(documents), window.dockWidgetArea(spans),
            documents.geometry().center().x() < spans.geometry().center().x())


def test_docks_mirror_with_the_language_and_a_state_from_the_other_does_not_undo_it(
        qtbot, qapp, store):
    expected = {"en": (LEFT, RIGHT, True), "ar": (RIGHT, LEFT, False)}
    try:
        for first, second in (("en", "ar"), ("ar", "en")):
            install_language(qapp, first)
            window = main_window(store, ANNOTATOR)
            assert _sides(window) == expected[first], first
            window.save_layout()  # as closing the window does
            window.close()
            install_language(qapp, second)
            window = main_window(store, ANNOTATOR)  # restores what the other language saved
            assert window.settings.window_state(first == "ar") is not None
            assert _sides(window) == expected[second], f"{second} after {first}"
            window.save_layout()
            window.close()
            install_language(qapp, first)
            window = main_window(store, ANNOTATOR)  # its own saved layout, sides unchanged
            assert _sides(window) == expected[first], f"{first} again"
            window.close()
    finally:
        install_language(qapp, "en")


def test_no_two_panels_share_a_name(qtbot, store, language):
    window = main_window(store, ANNOTATOR)
    qtbot.addWidget(window)
    from PySide6.QtWidgets import QDockWidget, QLabel

    names = [dock.windowTitle() for dock in window.findChildren(QDockWidget)]
    caption = next(label.text() for label in window.label_bar.findChildren(QLabel))
    names.append(caption.rstrip(":"))
    assert len(names) == 5 and len(set(names)) == len(names), names
