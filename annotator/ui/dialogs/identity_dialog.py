"""Who is annotating: pick an annotator of the project or type a new name; and which project.

The choice is remembered per project (`AppSettings.project_annotator`), so the question is asked
once per project and machine; File › Switch annotator asks again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.app.importing import IMPORT_ANNOTATOR
from annotator.app.project import Project
from annotator.core.model import GOLD_ANNOTATOR
from annotator.ui.dialogs.common import PathField

SYSTEM_NAMES = (GOLD_ANNOTATOR, IMPORT_ANNOTATOR)


class IdentityDialog(QDialog):
    def __init__(self, project: Project, suggested: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IdentityDialog")
        self.setWindowTitle(self.tr("Who is annotating?"))
        intro = QLabel(self.tr("Your spans, statuses and progress are kept under this name in project “%1”. Pick yourself or type a new name.")  # noqa: E501 (one string for translators)
                       .replace("%1", project.info().name), self)
        intro.setWordWrap(True)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setObjectName("annotator_name")
        names = [name for _id, name, _role in project.annotators() if name not in SYSTEM_NAMES]
        self.name.addItems(names)
        self.name.setCurrentText(suggested if suggested else (names[0] if names else ""))
        form = QFormLayout()
        form.addRow(self.tr("Annotator"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return " ".join(self.name.currentText().split())

    def _accept_if_named(self) -> None:
        if self.chosen() and self.chosen() not in SYSTEM_NAMES:
            self.accept()


def ask_identity(project: Project, suggested: str = "", parent: QWidget | None = None) -> str | None:
    """The annotator name chosen in a modal dialog, or None when the user cancelled."""
    from annotator.ui.startup_probe import watch_first_paint

    dialog = IdentityDialog(project, suggested, parent)
    watch_first_paint(dialog, "identity")
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class OpenProjectDialog(QDialog):
    """A project file, or a database URL (postgresql+psycopg://user@host/db)."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OpenProjectDialog")
        self.setWindowTitle(self.tr("Open project"))
        self.location = PathField("open", self.tr("Project file"),
                                  self.tr("Projects (*.db *.sqlite *.annotator);;All files (*)"), self,
                                  placeholder=self.tr("project.db  or  postgresql+psycopg://user@host/db"))
        self.location.set_text(current)
        self.location.setMinimumWidth(520)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A project file or a database URL"), self))
        layout.addWidget(self.location)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return self.location.text()
