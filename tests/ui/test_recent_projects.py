"""File › Open recent, driven by mouse clicks on the menu bar and the menus as a person would."""

from __future__ import annotations

from pathlib import Path

from conftest import ANNOTATOR, LTR_TEXT, make_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from annotator.ui.recent_projects import remember_opened
from annotator.ui.settings import MAX_RECENT_PROJECTS, AppSettings


def click_menu_entry(qtbot, menu: QMenu, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click the entry of MENU whose text starts with TEXT (the menu must be on screen)."""
    action = next(a for a in menu.actions()
                  if a.text().replace("&", "").strip("\u2066\u2069").startswith(text))
    qtbot.mouseMove(menu, menu.actionGeometry(action).center())
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def open_recent_menu(qtbot, window) -> QMenu:  # type: ignore[no-untyped-def]
    """Click File in the menu bar, then Open recent: the submenu, on screen."""
    bar = window.menuBar()
    file_action = next(a for a in bar.actions() if a.text() == "&File")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_action).center())
    file_menu = file_action.menu()
    qtbot.waitUntil(file_menu.isVisible, timeout=2000)
    click_menu_entry(qtbot, file_menu, "Open recent")
    recent = window.findChild(QMenu, "recent_menu")
    qtbot.waitUntil(recent.isVisible, timeout=2000)
    return recent


def test_the_list_keeps_the_latest_first_without_repeats_or_passwords(tmp_path: Path) -> None:
    settings = AppSettings()
    projects = []
    for i in range(MAX_RECENT_PROJECTS + 2):
        project = make_project(tmp_path / f"p{i}.db", [LTR_TEXT])
        remember_opened(settings, project)
        projects.append(project)
    remember_opened(settings, projects[3])  # opened again: back to the top, once
    recent = settings.recent_projects
    assert recent[0] == str((tmp_path / "p3.db").resolve())
    assert len(recent) == MAX_RECENT_PROJECTS and len(set(recent)) == len(recent)
    assert recent[1] == str((tmp_path / f"p{MAX_RECENT_PROJECTS + 1}.db").resolve())
    assert str((tmp_path / "p0.db").resolve()) not in recent  # the oldest fell off
    for project in projects:
        project.close()
    settings.recent_projects = ["postgresql+psycopg://amal:s3cret@db.example.org/news"]
    assert "s3cret" not in settings.recent_projects[0]
    assert settings.recent_projects[0].endswith("@db.example.org/news")


def test_open_recent_switches_project_and_shows_missing_files_greyed(qtbot, tmp_path, seed):
    from annotator.ui.app import AppController

    first = make_project(tmp_path / "first.db", [seed, LTR_TEXT])
    other = make_project(tmp_path / "other.db", [LTR_TEXT])
    gone = tmp_path / "gone.db"
    settings = AppSettings()
    settings.set_project_annotator(other.url, "sami")  # no identity dialog on the way
    other.close()
    settings.recent_projects = [str((tmp_path / "other.db").resolve()), str(gone)]
    remember_opened(settings, first)
    controller = AppController(QApplication.instance(), first, ANNOTATOR, settings)
    controller.start(1)
    try:
        window = controller.window
        qtbot.waitExposed(window)
        recent = open_recent_menu(qtbot, window)
        entries = window.workflow.recent.entries()
        assert [a.data() for a in entries] == settings.recent_projects
        current, other_entry, missing = entries
        assert current.isChecked() and not current.isEnabled()  # the project open now
        assert other_entry.isEnabled()
        assert not missing.isEnabled() and "(not found)" in missing.text()
        click_menu_entry(qtbot, recent, str((tmp_path / "other.db").resolve()))
        qtbot.waitUntil(lambda: controller.window is not window, timeout=3000)
        assert controller.project.file.resolve() == (tmp_path / "other.db").resolve()
        assert controller.window.documents.rowCount()  # the other project's document list
        assert settings.recent_projects[0] == str((tmp_path / "other.db").resolve())
        assert settings.recent_projects[1] == str((tmp_path / "first.db").resolve())
        # the new window's menu lists the same projects, the new one ticked
        recent = open_recent_menu(qtbot, controller.window)
        assert controller.window.workflow.recent.entries()[0].isChecked()
        click_menu_entry(qtbot, recent, "Clear list")
        assert settings.recent_projects == [str((tmp_path / "other.db").resolve())]
    finally:
        controller.window.remember_layout = False
        controller.close()


def test_a_project_gone_since_the_menu_was_shown_is_said_and_taken_off(qtbot, window, tmp_path):
    doomed = make_project(tmp_path / "doomed.db", [LTR_TEXT])
    doomed.close()
    location = str((tmp_path / "doomed.db").resolve())
    window.settings.recent_projects = [location]
    window.workflow.recent.rebuild()
    entry = window.workflow.recent.entries()[0]
    assert entry.isEnabled()
    (tmp_path / "doomed.db").unlink()
    entry.trigger()
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "error_box"]
    assert any("E147" in box.text() and "doomed.db" in box.text() for box in boxes)
    assert window.settings.recent_projects == []
    assert window.project.file == (tmp_path / "project.db")  # still on the project it had
