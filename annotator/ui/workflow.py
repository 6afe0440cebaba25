"""The workflow around the editor: who is annotating, projects, import, export, pre-tagging,
training, the span context menu and refreshing from colleagues' changes.

`WorkflowActions(bench, file_menu)` adds its entries to the File menu and a Tools menu,
installs the span menu on the editor and starts the refresh poll once the window is up. It
uses only what `Workbench` offers of the window; what a dialog's use-case changed goes to
`bench.refresh`. Dialog modules (and with them the pre-tagging, training and export code) load
only when a dialog is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from annotator.ui.dialogs.span_menu import SpanMenu
from annotator.ui.dialogs.team_refresh import TeamRefresh
from annotator.ui.file_drop import FileDrop
from annotator.ui.recent_projects import add_recent_menu

if TYPE_CHECKING:
    from annotator.app.importing import ImportReport
    from annotator.app.project import Project
    from annotator.core.changes import ProjectChanges
    from annotator.ui.workbench import Workbench


class WorkflowActions(QObject):
    def __init__(self, bench: Workbench, file_menu: QMenu) -> None:
        super().__init__(bench.window())
        self.bench = bench
        window = bench.window()
        # set by the app: open PROJECT as ANNOTATOR in a new window (and close the current one)
        self.switch_work: Callable[[Project, str], None] | None = None
        self.dialogs: dict[str, QDialog] = {}
        bar = bench.menuBar()
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
        self.recent = add_recent_menu(file_menu, bench, self.open_recent)
        self.file_drop = FileDrop([window, bench.editor.view.viewport()], self.import_dropped,
                                  self._drop_refused)

        tools = QMenu(self.tr("&Tools"), window)
        tools.setObjectName("tools_menu")
        menus = [a for a in bar.actions() if a.menu() is not None]
        help_action = menus[-1] if len(menus) > 1 else None  # Tools goes before Help
        bar.insertMenu(help_action, tools) if help_action else bar.addMenu(tools)
        tools.addAction(self._action(self.tr("&Pre-tag documents…"), self.pretag, "Ctrl+Shift+P"))
        tools.addAction(self._action(self.tr("&Train a model…"), self.train, None))
        tools.addAction(self._action(self.tr("Model &errors…"), self.model_errors, None))
        tools.addAction(self._action(self.tr("&Queue by model uncertainty…"), self.queue, None))
        tools.addSeparator()
        tools.addAction(self._action(self.tr("Refresh from others now"), self.refresh_now, "F5"))
        self.menus = {"file": file_menu, "tools": tools}

        self.span_menu = SpanMenu(bench.editor, bench.project)
        self.span_menu.message.connect(bench.show_message)
        self.span_menu.changed.connect(self.publish)
        self.refresh = TeamRefresh(bench)
        QTimer.singleShot(0, self._start_polling)

    def publish(self, changes: ProjectChanges) -> None:
        """Hand what a dialog's use-case changed to every view."""
        self.bench.refresh(changes)

    def _action(self, text: str, slot: Callable[[], object],
                key: QKeySequence.StandardKey | str | None) -> QAction:
        action = QAction(text, self.bench.window())
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _start_polling(self) -> None:
        if self.bench.background_work:  # off for screenshots
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

        bench = self.bench
        dialog = IdentityDialog(bench.project, bench.annotator, bench.window())
        dialog.accepted.connect(lambda: self.work_as(bench.project, dialog.chosen()))
        self._show("identity", dialog)

    def work_as(self, project: Project, name: str) -> None:
        """Remember NAME for PROJECT and reopen the window for it."""
        bench = self.bench
        if bench.remember_layout:
            bench.settings.set_project_annotator(project.url, name)
            bench.settings.annotator = name
        if self.switch_work is None:
            bench.show_message(self.tr("Restart the app to work as %1").replace("%1", name))
            return
        self.switch_work(project, name)

    def open_project(self) -> None:
        from annotator.ui.dialogs.identity_dialog import OpenProjectDialog

        dialog = OpenProjectDialog("", self.bench.window())
        dialog.accepted.connect(lambda: self.open_location(dialog.chosen()))
        self._show("open", dialog)

    def open_recent(self, location: str) -> None:
        """File › Open recent › LOCATION; a file gone since is said (E147) and taken off."""
        from annotator.core.errors import AnnotatorError, E
        from annotator.ui.dialogs.common import show_error
        from annotator.ui.recent_projects import is_missing

        if is_missing(location):
            settings = self.bench.settings
            settings.recent_projects = [x for x in settings.recent_projects if x != location]
            show_error(self.bench.window(), self.tr("Open recent"),
                       str(AnnotatorError(E.E147, path=location)))
            return
        self.open_location(location)

    def open_location(self, location: str) -> None:
        from annotator.app.project import Project
        from annotator.core.errors import AnnotatorError
        from annotator.ui.dialogs.common import show_error
        from annotator.ui.dialogs.identity_dialog import IdentityDialog

        bench = self.bench
        if not location:
            return
        try:
            project = Project.open(location)
        except AnnotatorError as err:
            show_error(bench.window(), self.tr("Open project"), str(err))
            return
        remembered = bench.settings.project_annotator(project.url)
        if remembered:
            self.work_as(project, remembered)
            return
        dialog = IdentityDialog(project, bench.annotator, bench.window())
        dialog.accepted.connect(lambda: self.work_as(project, dialog.chosen()))
        dialog.rejected.connect(project.close)
        self._show("identity", dialog)

    # ------------------------------------------------------------------ corpus in and out
    def import_documents(self) -> QDialog:
        from annotator.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.bench.project, self.bench.window())
        dialog.imported.connect(self._after_import)
        return self._show("import", dialog)

    def import_dropped(self, paths: list[str]) -> QDialog:
        """Files dropped on the window: the Import dialog with PATHS in its list (added to
        the dialog already open, unless it is importing)."""
        from annotator.ui.dialogs.import_dialog import ImportDialog

        dialog = self.dialogs.get("import")
        if not (isinstance(dialog, ImportDialog) and dialog.isVisible()
                and dialog.run_button.isEnabled()):
            dialog = self.import_documents()
        assert isinstance(dialog, ImportDialog)
        dialog.add_paths([p for p in paths if p not in dialog.paths()])
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _drop_refused(self, message: str) -> None:
        from annotator.ui.dialogs.common import show_error

        show_error(self.bench.window(), self.tr("Import documents"), message)

    def _after_import(self, report: ImportReport) -> None:
        self.publish(report.changes)
        if self.bench.current_document() is None:
            self.bench.open_position(None)

    def export(self) -> QDialog:
        from annotator.ui.dialogs.export_dialog import ExportDialog

        bench = self.bench
        return self._show("export", ExportDialog(bench.project, bench.annotator, bench.window()))

    # ------------------------------------------------------------------ models
    def pretag(self) -> QDialog:
        from annotator.ui.dialogs.pretag_dialog import PretagDialog

        bench = self.bench
        dialog = PretagDialog(bench.project, bench.annotator, bench.current_document(),
                              bench.window(), bench.settings)
        dialog.pretagged.connect(lambda report: self.publish(report.changes))
        dialog.gazetteer_changed.connect(self.publish)
        return self._show("pretag", dialog)

    def train(self) -> QDialog:
        from annotator.ui.dialogs.train_dialog import TrainDialog

        bench = self.bench
        dialog = TrainDialog(bench.project, bench.annotator, bench.window())
        dialog.trained.connect(self.publish)
        dialog.pretag_requested.connect(self.pretag_with_model)
        return self._show("train", dialog)

    def model_errors(self) -> QDialog:
        from annotator.ui.dialogs.model_errors_dialog import ModelErrorsDialog

        bench = self.bench
        dialog = ModelErrorsDialog(bench.project, bench.editor.view.font(), bench.window())
        dialog.open_requested.connect(self.show_in_editor)
        return self._show("model-errors", dialog)

    def queue(self) -> QDialog:
        from annotator.ui.dialogs.queue_dialog import QueueDialog

        bench = self.bench
        dialog = QueueDialog(bench.project, bench.annotator, bench.window())
        dialog.open_requested.connect(bench.open_document)
        return self._show("queue", dialog)

    def show_in_editor(self, doc_id: int, start: int, end: int) -> None:
        """Open DOC_ID in the editor with [start, end) selected and on screen."""
        bench = self.bench
        if bench.current_document() != doc_id:
            bench.open_document(doc_id)
        bench.editor.view.select_range(start, end)

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
