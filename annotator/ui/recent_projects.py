"""File › Open recent: the last projects opened on this machine, latest first.

The list lives in the settings (`AppSettings.recent_projects`, at most ten, server URLs without
their password). A project file that is no longer there is shown greyed out with "(not
found)"; choosing a project opens it as File › Open project… does (`WorkflowActions.
open_location`: the annotator remembered for it, else the identity dialog, then a new window).
The project open now is ticked and cannot be chosen again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.app.project import Project
from annotator.ui.settings import AppSettings

if TYPE_CHECKING:
    from annotator.ui.workbench import Workbench


def project_location(project: Project) -> str:
    """How PROJECT is kept in the list: its file's absolute path, or its URL (no password)."""
    file = project.file
    return str(file.resolve()) if file is not None else project.shown_location


def remember_opened(settings: AppSettings, project: Project) -> None:
    """PROJECT was opened: it goes to the top of File › Open recent."""
    location = project_location(project)
    settings.recent_projects = [location] + [x for x in settings.recent_projects if x != location]


def is_missing(location: str) -> bool:
    """True for a project file that is not there any more (a server URL is never checked:
    opening it says whether the server answers)."""
    return "://" not in location and not Path(location).is_file()


class RecentProjectsMenu(QObject):
    """The File › Open recent submenu, rebuilt from the settings each time it opens."""

    def __init__(self, menu: QMenu, settings: AppSettings, current: str,
                 open_location: Callable[[str], None]) -> None:
        super().__init__(menu)
        self.settings = settings
        self.current = current  # the location of the project open in this window
        self.open_location = open_location
        self.menu = menu
        menu.setObjectName("recent_menu")
        menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.menu.clear()
        recent = self.settings.recent_projects
        for location in recent:
            missing = is_missing(location)
            text = "\u2066" + location.replace("&", "&&") + "\u2069"  # a path reads left to right
            if missing:
                text = self.tr("%1 (not found)").replace("%1", text)
            action = QAction(text, self.menu)
            action.setData(location)
            action.setToolTip(location)
            if location == self.current:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
            elif missing:
                action.setEnabled(False)
                action.setToolTip(self.tr("The project file is not there any more"))
            action.triggered.connect(lambda _c=False, x=location: self.open_location(x))
            self.menu.addAction(action)
        if not recent:
            empty = self.menu.addAction(self.tr("No projects opened yet"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self.clear_action = self.menu.addAction(self.tr("Clear list"))
        self.clear_action.setObjectName("clear_recent")
        self.clear_action.setEnabled(bool(recent))
        self.clear_action.triggered.connect(self.clear)
        self.remove_missing_action = self.menu.addAction(self.tr("Remove projects not found"))
        self.remove_missing_action.setEnabled(any(is_missing(x) for x in recent))
        self.remove_missing_action.triggered.connect(self.remove_missing)

    def clear(self) -> None:
        """Forget every project but the one open now."""
        self.settings.recent_projects = [x for x in self.settings.recent_projects
                                         if x == self.current]
        self.rebuild()

    def remove_missing(self) -> None:
        self.settings.recent_projects = [x for x in self.settings.recent_projects
                                         if not is_missing(x)]
        self.rebuild()

    def entries(self) -> list[QAction]:
        """The menu's project entries, in order."""
        return [a for a in self.menu.actions() if isinstance(a.data(), str) and a.data()]


def add_recent_menu(file_menu: QMenu, bench: Workbench,
                    open_location: Callable[[str], None]) -> RecentProjectsMenu:
    """Put File › Open recent after File › Open project… (the menu's first entry)."""
    menu = QMenu(QCoreApplication.translate("RecentProjectsMenu", "Open &recent"), file_menu)
    actions = file_menu.actions()
    after = actions[1] if len(actions) > 1 else None
    file_menu.insertMenu(after, menu) if after is not None else file_menu.addMenu(menu)
    return RecentProjectsMenu(menu, bench.settings, project_location(bench.project), open_location)
