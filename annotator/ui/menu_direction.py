"""Menus read in the interface's direction, and their shortcuts left to right.

A menu takes its layout direction from its parent widget; the editor's text view is right to
left for an Arabic document in the English interface, so its context menus (and their submenu
arrows) came out mirrored. `follow_the_interface` gives a menu the application's direction.

QMenu writes the keys of an entry after a tab in the entry's direction, so in the Arabic
interface "Ctrl++" read "++Ctrl". `isolate_shortcuts` writes each entry's keys after a tab in
its text (QMenu then shows that instead of the shortcut) inside a left-to-right isolate
(U+2066 ... U+2069), so they read as they are typed in either direction.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from annotator.ui.bidi import LRI, PDI, isolated

__all__ = ["LRI", "PDI", "follow_the_interface", "isolate_shortcuts", "isolated", "shown_keys"]


def shown_keys(action: QAction) -> str:
    """The keys the menu shows beside ACTION: what follows the tab in its text."""
    text = action.text()
    return text.split("\t", 1)[1] if "\t" in text else ""


def isolate_action_keys(action: QAction) -> None:
    text = action.text()
    if "\t" in text:
        label, keys = text.split("\t", 1)
    else:
        label = text
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if keys and not keys.startswith(LRI):
        tip = action.toolTip().split("\t", 1)[0]  # Qt's tooltip is the text: not the keys
        action.setText(f"{label}\t{isolated(keys)}")
        action.setToolTip(tip)


def isolate_shortcuts(menu: QMenu) -> None:
    """Write the keys of every entry of MENU and its submenus left to right."""
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            isolate_shortcuts(sub)
        elif not action.isSeparator():
            isolate_action_keys(action)


def follow_the_interface(menu: QMenu) -> QMenu:
    """MENU (and its submenus) in the application's direction, keys left to right."""
    menu.setLayoutDirection(QGuiApplication.layoutDirection())
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            follow_the_interface(sub)
    isolate_shortcuts(menu)
    return menu
