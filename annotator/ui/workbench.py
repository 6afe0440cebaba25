"""What the main window's helpers may use of it.

The File and Tools menus (`workflow`), the Team menu (`agreement.menu`) and the refresh poll
(`dialogs.team_refresh`) each get the window as a `Workbench`: the open project, who is
annotating, the editor (for the span menu and the text font), the settings, a few commands, and
`refresh(changes)`, the one door through which every view learns what a use-case changed. Read
a helper with this page beside it; it touches nothing else of the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QWidget

    from annotator.app.project import Project
    from annotator.core.changes import ProjectChanges
    from annotator.ui.editor.editor_widget import EditorWidget
    from annotator.ui.settings import AppSettings


@dataclass(frozen=True)
class Refreshed:
    """What `Workbench.refresh` did, for status messages."""

    open_document_reloaded: bool = False  # its spans were read again (someone else's changes)
    rows_changed: int = 0  # document list rows updated (or listed again)


class Workbench(Protocol):
    project: Project
    annotator: str
    settings: AppSettings
    editor: EditorWidget
    remember_layout: bool  # off for screenshots and tests: leave the user's settings alone
    background_work: bool  # off for screenshots: no polling, no background tokenizing

    def current_document(self) -> int | None:
        """The id of the document open in the editor."""
        ...

    def open_document(self, doc_id: int) -> None: ...

    def open_position(self, position: int | None) -> None:
        """Open the document at 1-based POSITION (None: the last one open, or the first
        undone)."""
        ...

    def refresh(self, changes: ProjectChanges) -> Refreshed:
        """Bring every view up to date with CHANGES."""
        ...

    def show_message(self, text: str) -> None: ...

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt's name)

    def window(self) -> QWidget:
        """The top-level widget: the parent of dialogs."""
        ...
