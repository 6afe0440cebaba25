"""The main window's menus, actions and keyboard shortcuts.

Keys that act on the text (label hotkeys, Delete, Enter, Backspace, Tab) are handled by the
text view itself; their menu entries only show the key. Window-wide commands are QActions.
What the menus call on the window is `WindowCommands`, below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QFontDialog, QMenu

from annotator.core.model import Direction, OverlapPolicy, Status
from annotator.ui.agreement.menu import install_agreement_menu
from annotator.ui.appearance import Appearance, add_appearance_menu
from annotator.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from annotator.ui.fonts import text_font
from annotator.ui.overlap_policy import menu_text
from annotator.ui.workbench import Workbench


class WindowCommands(Workbench, Protocol):
    """What the menus call on the window, besides what every helper may use (`Workbench`)."""

    document_dock: QDockWidget
    span_dock: QDockWidget
    guidelines_dock: QDockWidget
    language_change_requested: SignalInstance  # the interface language chosen (a code)

    def close(self) -> bool: ...

    def mark_done_and_next(self) -> None: ...

    def set_status(self, status: Status) -> None: ...

    def next_undone(self) -> None: ...

    def step_document(self, forward: bool) -> None: ...

    def set_direction(self, direction: Direction) -> None: ...

    def zoom(self, steps: int) -> None: ...

    def reset_zoom(self) -> None: ...

    def apply_font(self) -> None: ...

    def set_character_mode(self, on: bool) -> None: ...

    def set_overlap_policy(self, policy: OverlapPolicy) -> None: ...

    def undo(self) -> None:
        """Take back the latest step: a label change or the open document's edit."""
        ...

    def redo(self) -> None: ...

    def edit_labels(self) -> object:
        """Project › Labels…: open the label editor."""
        ...

LANGUAGE_NAMES = (("en", "English"), ("ar", "العربية"))  # each in its own language


class WindowActions(QObject):
    def __init__(self, window: WindowCommands) -> None:
        super().__init__(window.window())
        self.window = window
        editor = window.editor
        bar = window.menuBar()

        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        self.add(file_menu, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo = self.add(edit, self.tr("&Undo"), window.undo, QKeySequence.StandardKey.Undo)
        self.redo = self.add(edit, self.tr("&Redo"), window.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        edit.addSeparator()
        self.add(edit, self.tr("Delete span"), editor.delete_span, hint="Del")
        self.add(edit, self.tr("Accept suggestion"), editor.accept_suggestion, hint="Enter")
        self.add(edit, self.tr("Reject suggestion"), editor.reject_suggestion, hint="Backspace")
        self.add(edit, self.tr("Accept all suggestions in the document"), editor.accept_all,
                 "Shift+Return", "Shift+Enter")
        self.add(edit, self.tr("Next span"), lambda: editor.step_span(True), hint="Tab")
        self.add(edit, self.tr("Previous span"), lambda: editor.step_span(False), hint="Shift+Tab")
        self.add(edit, self.tr("Resize the chosen span to the selection"), editor.resize_span,
                 hint="Ctrl+R")
        edit.addSeparator()
        self.add(edit, self.tr("&Find in document"), editor.search.open_bar, QKeySequence.StandardKey.Find)
        self.add(edit, self.tr("Find next"), lambda: editor.search.step(True), "F3")
        self.add(edit, self.tr("Find previous"), lambda: editor.search.step(False), "Shift+F3")

        document = bar.addMenu(self.tr("&Document"))
        self.add(document, self.tr("Mark done and go to the next"), window.mark_done_and_next,
                 "Ctrl+Return", "Ctrl+Enter")
        self.add(document, self.tr("Mark skipped"), lambda: window.set_status(Status.SKIPPED))
        self.add(document, self.tr("Mark in progress"), lambda: window.set_status(Status.IN_PROGRESS))
        document.addSeparator()
        self.add(document, self.tr("Next undone document"), window.next_undone, "F8")
        self.add(document, self.tr("Next document"), lambda: window.step_document(True), "Ctrl+PgDown")
        self.add(document, self.tr("Previous document"), lambda: window.step_document(False), "Ctrl+PgUp")
        document.addSeparator()
        direction = document.addMenu(self.tr("Text direction"))
        self.directions = QActionGroup(window.window())
        self.direction_actions: dict[Direction, QAction] = {}
        for value, text in ((Direction.AUTO, self.tr("Automatic (first strong character)")),
                            (Direction.RTL, self.tr("Right to left")), (Direction.LTR, self.tr("Left to right"))):
            action = self.add(direction, text, lambda _c=False, d=value: window.set_direction(d))
            action.setCheckable(True)
            self.directions.addAction(action)
            self.direction_actions[value] = action

        project_menu = bar.addMenu(self.tr("&Project"))
        self.add(project_menu, self.tr("&Labels…"), window.edit_labels)

        view = bar.addMenu(self.tr("&View"))
        self.add(view, self.tr("Zoom in"), lambda: window.zoom(1), QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.add(view, self.tr("Zoom out"), lambda: window.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self.add(view, self.tr("Normal size"), window.reset_zoom, "Ctrl+0")
        self.add(view, self.tr("Text font…"), self.choose_font)
        view.addSeparator()
        mode = self.add(view, self.tr("Character mode (exact characters, not tokens)"),
                        window.set_character_mode, "Ctrl+M")
        mode.setCheckable(True)
        mode.setChecked(editor.view.character_mode)
        overlaps = view.addMenu(self.tr("Overlapping spans in this project"))
        overlaps.setObjectName("overlap_menu")
        self.overlap_group = QActionGroup(window.window())
        self.overlap_actions: dict[OverlapPolicy, QAction] = {}
        for policy in (OverlapPolicy.ALLOW, OverlapPolicy.REPLACE, OverlapPolicy.REFUSE):
            action = self.add(overlaps, menu_text(policy),
                              lambda _c=False, p=policy: window.set_overlap_policy(p))
            action.setCheckable(True)
            self.overlap_group.addAction(action)
            self.overlap_actions[policy] = action
        self.sync_overlap_policy(window.project.info().overlap_policy)
        view.addSeparator()
        view.addAction(window.document_dock.toggleViewAction())
        view.addAction(window.span_dock.toggleViewAction())
        view.addAction(window.guidelines_dock.toggleViewAction())
        languages = view.addMenu(self.tr("Interface language"))
        group = QActionGroup(window.window())
        for code, name in LANGUAGE_NAMES:
            action = self.add(languages, name,
                              lambda _c=False, c=code: window.language_change_requested.emit(c))
            action.setCheckable(True)
            action.setChecked(code == window.settings.ui_language)
            group.addAction(action)
        self.appearance_menu = add_appearance_menu(view, Appearance.of(
            QApplication.instance(), window.settings))  # type: ignore[arg-type]

        self.team = install_agreement_menu(window)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.add(help_menu, self.tr("Keyboard shortcuts"), lambda: ShortcutsDialog(window.window()).exec(), "F1")

    def add(self, menu: QMenu, text: str, slot: Callable[..., object],
            *keys: QKeySequence.StandardKey | str, hint: str = "") -> QAction:
        action = QAction(text + (f"\t{hint}" if hint else ""), self.window.window())
        sequences = [QKeySequence(k) for k in keys]
        if sequences:
            action.setShortcuts(sequences)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def sync_overlap_policy(self, policy: OverlapPolicy) -> None:
        self.overlap_actions[policy].setChecked(True)

    def sync_direction(self, direction: Direction) -> None:
        self.direction_actions[direction].setChecked(True)

    def choose_font(self) -> None:
        window = self.window
        current = text_font(window.settings.font_family, window.settings.font_size)
        ok, font = QFontDialog.getFont(current, window.window(), self.tr("Text font"))
        if ok:
            window.settings.font_family = font.family()
            window.settings.font_size = font.pointSizeF()
            window.apply_font()
