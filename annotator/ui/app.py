"""Start the desktop app: `run_app(location, annotator=..., document=..., screenshot=...)`.

Only Qt, the project store and the editor load before the window is up; the tokenizer (and spaCy, if a
language needs it) loads on a worker thread afterwards. With `screenshot`, the window renders
offscreen, is saved as a PNG, and the function returns 0 without entering the event loop.
"""

from __future__ import annotations

import gc
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError, E

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from annotator.app.project import Project
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

SCREENSHOT_SIZE = (1400, 860)


def default_annotator_name() -> str:
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):  # no user name in containers without a passwd entry
        return "annotator"


def run_app(location: str, annotator: str | None = None, document: int | None = None,
            screenshot: Path | str | None = None,
            screenshot_size: tuple[int, int] = SCREENSHOT_SIZE,
            resume_collector: bool = False) -> int:
    """Open LOCATION in the main window and run the app. RESUME_COLLECTOR: the caller paused
    the garbage collector for the start-up (`cli.gui_command`); it runs again once the window
    has painted its first screen, or when the identity dialog waits for a person."""
    from PySide6.QtWidgets import QApplication

    if screenshot is not None and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from annotator.app.project import Project
    from annotator.ui.settings import APPLICATION, ORGANISATION, AppSettings

    instance = QApplication.instance()
    app = instance if isinstance(instance, QApplication) else QApplication(sys.argv[:1] or ["annotator"])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = AppSettings()
    opened = Project.open(location)
    if not annotator and opened.on_server:  # on a team server the database role says who you are
        from annotator.app.team import current_member

        member = current_member(opened)
        annotator = member.name if member is not None else None
    name: str | None = annotator or settings.project_annotator(opened.url)
    if not name and screenshot is None:  # first start on this project: who is annotating?
        from annotator.ui.dialogs.identity_dialog import ask_identity

        if resume_collector:
            gc.enable()
        name = ask_identity(opened, settings.annotator or default_annotator_name())
        if not name:
            opened.close()
            return 0
    name = name or settings.annotator or default_annotator_name()
    from annotator.app.sample import suggest_for_newcomer

    suggest_for_newcomer(opened, name)  # the sample's first opening by NAME: suggestions to try
    if screenshot is None:  # a screenshot leaves the user's settings as they were
        settings.annotator = name
        settings.set_project_annotator(opened.url, name)
        settings.last_project = str(location)
        from annotator.ui.recent_projects import remember_opened

        remember_opened(settings, opened)
    if instance is None:  # this process is the app (not a test): see freeze_startup_objects
        freeze_startup_objects()
    controller = AppController(app, opened, name, settings, remember=screenshot is None)
    controller.start(document)
    if resume_collector:  # after the document's first screen; at once if none is open
        window = controller.window
        if window is not None and window.session is not None:
            window.editor.view.first_painted.connect(gc.enable)
        else:
            gc.enable()
    try:
        if screenshot is not None:
            return controller.save_screenshot(Path(screenshot), screenshot_size)
        return int(app.exec())
    finally:
        controller.close()


def freeze_startup_objects() -> None:
    """Move everything imported so far out of the cyclic garbage collector's sight.

    Qt, SQLAlchemy and the UI modules leave some 80,000 objects that live as long as the app;
    a full collection scans them all (tens of milliseconds), and loading 10,000 spans triggers
    one while the window is opening. Frozen, they are never scanned; later objects are."""
    import annotator.ui.main_window  # noqa: F401 (its classes are start-up objects too)

    gc.freeze()


class AppController:
    """Owns the main window; rebuilds it when the interface language changes."""

    def __init__(self, app: QApplication, project: Project, annotator: str,
                 settings: AppSettings, remember: bool = True) -> None:
        from annotator.ui.i18n import install_language

        self.remember = remember
        self.app = app
        self.project = project
        self.annotator = annotator
        self.settings = settings
        self.window: MainWindow | None = None
        install_language(app, settings.ui_language)
        from annotator.ui.appearance import Appearance

        Appearance.of(app, settings).apply()  # View › Appearance, before the window is built

    def start(self, document: int | None) -> None:
        from annotator.ui import startup_probe

        window = self.window = self._build()
        if startup_probe.enabled():
            window.editor.view.first_painted.connect(
                lambda: startup_probe.after_paint("window", then_quit=True))
        window.open_position(document)
        window.show()

    def _build(self) -> MainWindow:
        from annotator.ui.main_window import MainWindow

        window = MainWindow(self.project, self.annotator, self.settings)
        window.remember_layout = self.remember
        window.background_work = self.remember
        window.language_change_requested.connect(self.switch_language)
        window.workflow.switch_work = self.switch_work
        return window

    def switch_work(self, project: Project, annotator: str) -> None:
        """Open PROJECT (another one, or the same) as ANNOTATOR in a fresh window."""
        old = self.window
        assert old is not None
        old.save_layout()
        old.time_tracker.close()  # the old window's time is saved to its project
        if project is not self.project and self.remember:
            from annotator.ui.recent_projects import remember_opened

            self.settings.last_project = project.url
            remember_opened(self.settings, project)
        previous, self.project, self.annotator = self.project, project, annotator
        window = self.window = self._build()
        window.open_position(None)
        window.show()
        old.hide()
        old.deleteLater()
        if previous is not project:
            previous.close()

    def switch_language(self, language: str) -> None:
        from annotator.ui.i18n import install_language

        old = self.window
        assert old is not None
        if language == self.settings.ui_language:
            return
        old.save_layout()
        old.time_tracker.close()
        self.settings.ui_language = language
        install_language(self.app, language)
        doc_id = old.session.doc_id if old.session else None
        window = self.window = self._build()
        if doc_id is not None:
            window.open_document(doc_id)
        else:
            window.open_position(None)
        window.show()
        old.hide()
        old.deleteLater()

    def save_screenshot(self, path: Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
        window = self.window
        assert window is not None
        window.resize(*size)
        window.fit_docks()  # a screenshot starts from no saved layout
        for _ in range(3):
            self.app.processEvents()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path)):
            raise AnnotatorError(E.E302, path=path, reason="Qt could not write the image")
        return 0

    def close(self) -> None:
        if self.window is not None:
            self.window.remember_layout = self.remember
            self.window.close()
        self.project.close()
