"""The main window's Team menu: Agreement…, Disagreements in this document…, Adjudicate…,
Assign documents… (curators and managers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMenu

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class AgreementMenu(QObject):
    """Opens the team views (one of each at a time) for the window's project and annotator."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(self.tr("&Team"), window)
        self.menu.addAction(self.tr("Agreement…")).triggered.connect(self.open_agreement)
        self.menu.addAction(self.tr("Disagreements in this document…")).triggered.connect(
            self.open_disagreements)
        self.menu.addAction(self.tr("Adjudicate…")).triggered.connect(self.open_adjudication)
        self.menu.addSeparator()
        self.assign_action = self.menu.addAction(self.tr("Assign documents…"))
        self.assign_action.triggered.connect(self.open_assignment)
        self.assign_action.setEnabled(window.documents.may_show_all)  # curators and managers
        self.dialogs: dict[str, QDialog] = {}

    def _show(self, key: str, dialog: QDialog) -> QDialog:
        old = self.dialogs.pop(key, None)
        if old is not None:
            old.close()
            old.deleteLater()
        self.dialogs[key] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def open_agreement(self) -> QDialog:
        from annotator.ui.agreement.agreement_view import AgreementDialog

        window = self.window
        dialog = AgreementDialog(window.store, window)
        dialog.document_chosen.connect(window.open_document)
        dialog.disagreements_requested.connect(self.open_disagreements)
        return self._show("agreement", dialog)

    def open_disagreements(self, doc_id: int | None = None) -> QDialog | None:
        from annotator.ui.agreement.disagreement_view import DisagreementDialog

        window = self.window
        if not isinstance(doc_id, int) or isinstance(doc_id, bool):  # from a menu: the open one
            doc_id = window.session.doc_id if window.session is not None else None
        if doc_id is None:
            window.show_message(self.tr("Open a document first"))
            return None
        return self._show("disagreements", DisagreementDialog(
            window.store, doc_id, window.annotator, window.editor.view.font(), window))

    def open_adjudication(self) -> QDialog:
        from annotator.ui.agreement.adjudication_view import AdjudicationDialog

        window = self.window
        current = window.session.doc_id if window.session is not None else None
        return self._show("adjudication", AdjudicationDialog(
            window.store, window.annotator, window.editor.view.font(), current, window))

    def open_assignment(self) -> QDialog:
        from annotator.ui.agreement.assign_dialog import AssignDialog

        window = self.window
        dialog = AssignDialog(window.store, window)
        dialog.assigned.connect(lambda _report: window.documents.reload())
        return self._show("assignment", dialog)


def install_agreement_menu(window: MainWindow) -> AgreementMenu:
    """Add the Team menu to WINDOW's menu bar (call before the Help menu is added)."""
    team = AgreementMenu(window)
    window.menuBar().addMenu(team.menu)
    return team
