"""The workflow around the editor: who is annotating, projects, import, export, pre-tagging,
training, the span context menu and refreshing from colleagues' changes.

`WorkflowActions(window)` adds its entries to the File menu and a Tools menu, installs the span
menu on the editor and starts the refresh poll once the window is up. Dialog modules (and with
them the pre-tagging, training and export code) load only when a dialog is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from annotator.ui.dialogs.span_menu import SpanMenu
from annotator.ui.dialogs.team_refresh import (
    TeamRefresh,
    refresh_document_rows,
    reload_open_document,
)

if TYPE_CHECKING:
    from annotator.store.project_store import ProjectStore
    from annotator.ui.main_window import MainWindow


class WorkflowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # set by the app: open STORE as ANNOTATOR in a new window (and close the current one)
        self.switch_work: Callable[[ProjectStore, str], None] | None = None
        self.dialogs: dict[str, QDialog] = {}
        bar = window.menuBar()
        file_menu = self._file_menu()
        first = file_menu.actions()[0] if file_menu.actions() else None
        entries = [
            (self.tr("&Open project…"), self.open_project, QKeySequence.StandardKey.Open),
            (self.tr("Switch &annotator…"), self.switch_annotator, None),
            None,
            (self.tr("&Import documents…"), self.import_documents, "Ctrl+I"),
            (self.tr("&Export…"), self.export, "Ctrl+E"),
            None,
        ]
        for entry in entries:
            if entry is None:
                file_menu.insertSeparator(first) if first else file_menu.addSeparator()
                continue
            action = self._action(*entry)
            file_menu.insertAction(first, action) if first else file_menu.addAction(action)

        tools = QMenu(self.tr("&Tools"), window)
        tools.setObjectName("tools_menu")
        menus = [a for a in bar.actions() if a.menu() is not None]
        help_action = menus[-1] if len(menus) > 1 else None  # Tools goes before Help
        bar.insertMenu(help_action, tools) if help_action else bar.addMenu(tools)
        tools.addAction(self._action(self.tr("&Pre-tag documents…"), self.pretag, "Ctrl+Shift+P"))
        tools.addAction(self._action(self.tr("&Train a model…"), self.train, None))
        tools.addSeparator()
        tools.addAction(self._action(self.tr("Refresh from others now"), self.refresh_now, "F5"))
        self.menus = {"file": file_menu, "tools": tools}

        self.span_menu = SpanMenu(window.editor, window.store)
        self.span_menu.message.connect(window.show_message)
        self.refresh = TeamRefresh(window)
        QTimer.singleShot(0, self._start_polling)

    def _file_menu(self) -> QMenu:
        found = getattr(self.window.actions_, "file_menu", None)
        if isinstance(found, QMenu):
            return found
        actions = self.window.menuBar().actions()
        menu = actions[0].menu() if actions else None
        return menu if isinstance(menu, QMenu) else self.window.menuBar().addMenu(self.tr("&File"))

    def _action(self, text: str, slot: Callable[[], object],
                key: QKeySequence.StandardKey | str | None) -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _start_polling(self) -> None:
        if self.window.background_work:  # off for screenshots
            self.refresh.start()

    def _show(self, name: str, dialog: QDialog) -> QDialog:
        old = self.dialogs.get(name)
        if old is not None:
            old.close()
        self.dialogs[name] = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ identity and projects
    def switch_annotator(self) -> None:
        from annotator.ui.dialogs.identity_dialog import IdentityDialog

        window = self.window
        dialog = IdentityDialog(window.store, window.annotator, window)
        dialog.accepted.connect(lambda: self.work_as(window.store, dialog.chosen()))
        self._show("identity", dialog)

    def work_as(self, store: ProjectStore, name: str) -> None:
        """Remember NAME for STORE's project and reopen the window for it."""
        window = self.window
        if window.remember_layout:
            window.settings.set_project_annotator(store.url, name)
            window.settings.annotator = name
        if self.switch_work is None:
            window.show_message(self.tr("Restart the app to work as %1").replace("%1", name))
            return
        self.switch_work(store, name)

    def open_project(self) -> None:
        from annotator.ui.dialogs.identity_dialog import OpenProjectDialog

        dialog = OpenProjectDialog("", self.window)
        dialog.accepted.connect(lambda: self.open_location(dialog.chosen()))
        self._show("open", dialog)

    def open_location(self, location: str) -> None:
        from annotator.core.errors import AnnotatorError
        from annotator.store.project_store import ProjectStore
        from annotator.ui.dialogs.common import show_error
        from annotator.ui.dialogs.identity_dialog import IdentityDialog

        window = self.window
        if not location:
            return
        try:
            store = ProjectStore.open(location)
        except AnnotatorError as err:
            show_error(window, self.tr("Open project"), str(err))
            return
        remembered = window.settings.project_annotator(store.url)
        if remembered:
            self.work_as(store, remembered)
            return
        dialog = IdentityDialog(store, window.annotator, window)
        dialog.accepted.connect(lambda: self.work_as(store, dialog.chosen()))
        dialog.rejected.connect(store.close)
        self._show("identity", dialog)

    # ------------------------------------------------------------------ corpus in and out
    def import_documents(self) -> QDialog:
        from annotator.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.window.store, self.window)
        dialog.imported.connect(lambda _report: self._after_import())
        return self._show("import", dialog)

    def _after_import(self) -> None:
        window = self.window
        current = window.session.doc_id if window.session else None
        window.documents.reload()
        if current is None:
            window.open_position(None)
        else:
            window.document_panel.show_current(current)

    def export(self) -> QDialog:
        from annotator.ui.dialogs.export_dialog import ExportDialog

        return self._show("export", ExportDialog(self.window.store, self.window.annotator, self.window))

    # ------------------------------------------------------------------ models
    def pretag(self) -> QDialog:
        from annotator.ui.dialogs.pretag_dialog import PretagDialog

        window = self.window
        dialog = PretagDialog(window.store, window.annotator,
                              window.session.doc_id if window.session else None, window)
        dialog.pretagged.connect(lambda _report: self.show_new_suggestions())
        return self._show("pretag", dialog)

    def show_new_suggestions(self) -> None:
        refresh_document_rows(self.window, None)
        reload_open_document(self.window)

    def train(self) -> QDialog:
        from annotator.ui.dialogs.train_dialog import TrainDialog

        dialog = TrainDialog(self.window.store, self.window.annotator, self.window)
        dialog.pretag_requested.connect(self.pretag_with_model)
        return self._show("train", dialog)

    def pretag_with_model(self, folder: str) -> QDialog:
        """Model in the loop: pre-tag the untouched documents with the model just trained."""
        dialog = self.pretag()
        dialog.select("spacy", folder, "untouched")  # type: ignore[attr-defined]
        dialog.start()  # type: ignore[attr-defined]
        return dialog

    def refresh_now(self) -> None:
        self.refresh.poll()
        if self.refresh.token is not None and not self.refresh.timer.isActive():
            self.refresh.timer.start()
