"""The main window's Team menu: Agreement…, Disagreements in this document…, Adjudicate…,
Assign documents… (curators and managers). It uses only what `Workbench` offers of the window;
what a team view changed (assignments, the gold set) goes to `bench.refresh`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMenu

from annotator.app.assignment import may_see_every_document

if TYPE_CHECKING:
    from annotator.ui.workbench import Workbench


class AgreementMenu(QObject):
    """Opens the team views (one of each at a time) for the window's project and annotator."""

    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench.window())
        self.bench = bench
        self.menu = QMenu(self.tr("&Team"), bench.window())
        self.menu.addAction(self.tr("Agreement…")).triggered.connect(self.open_agreement)
        self.menu.addAction(self.tr("Disagreements in this document…")).triggered.connect(
            self.open_disagreements)
        self.menu.addAction(self.tr("Adjudicate…")).triggered.connect(self.open_adjudication)
        self.menu.addSeparator()
        self.assign_action = self.menu.addAction(self.tr("Assign documents…"))
        self.assign_action.triggered.connect(self.open_assignment)
        self.assign_action.setEnabled(  # curators and managers
            may_see_every_document(bench.project, bench.annotator))
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

        bench = self.bench
        dialog = AgreementDialog(bench.project, bench.window())
        dialog.document_chosen.connect(bench.open_document)
        dialog.disagreements_requested.connect(self.open_disagreements)
        return self._show("agreement", dialog)

    def open_disagreements(self, doc_id: int | None = None) -> QDialog | None:
        from annotator.ui.agreement.disagreement_view import DisagreementDialog

        bench = self.bench
        if not isinstance(doc_id, int) or isinstance(doc_id, bool):  # from a menu: the open one
            doc_id = bench.current_document()
        if doc_id is None:
            bench.show_message(self.tr("Open a document first"))
            return None
        return self._show("disagreements", DisagreementDialog(
            bench.project, doc_id, bench.annotator, bench.editor.view.font(), bench.window()))

    def open_adjudication(self) -> QDialog:
        from annotator.ui.agreement.adjudication_view import AdjudicationDialog

        bench = self.bench
        dialog = AdjudicationDialog(bench.project, bench.annotator, bench.editor.view.font(),
                                    bench.current_document(), bench.window())
        dialog.changed.connect(bench.refresh)
        return self._show("adjudication", dialog)

    def open_assignment(self) -> QDialog:
        from annotator.ui.agreement.assign_dialog import AssignDialog

        bench = self.bench
        dialog = AssignDialog(bench.project, bench.window())
        dialog.assigned.connect(lambda report: bench.refresh(report.changes))
        return self._show("assignment", dialog)


def install_agreement_menu(bench: Workbench) -> AgreementMenu:
    """Add the Team menu to the window's menu bar (call before the Help menu is added)."""
    team = AgreementMenu(bench)
    bench.menuBar().addMenu(team.menu)
    return team
