"""Offscreen PNGs of the team views (for the docs; see tools/make_agreement_screenshots.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from annotator.app.project import Project
from annotator.ui.agreement.adjudication_view import AdjudicationDialog
from annotator.ui.agreement.agreement_view import AgreementDialog
from annotator.ui.agreement.disagreement_view import DisagreementDialog
from annotator.ui.fonts import text_font
from annotator.ui.i18n import install_language

COMPUTE_TIMEOUT_MS = 30000


def save_team_screenshots(project: Project, curator: str, out: Path, language: str = "en",
                          suffix: str = "") -> list[Path]:
    """screenshot-agreement.png, -disagreements.png (first document) and -adjudication.png
    (first conflict resolved by its best supported version) in OUT, the interface in
    LANGUAGE, SUFFIX before ".png" (e.g. "-ar")."""
    instance = QApplication.instance()
    app = instance if isinstance(instance, QApplication) else QApplication(["annotator"])
    install_language(app, language)
    font = text_font("", 13)
    saved: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        widget.show()
        for _ in range(5):
            app.processEvents()
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(path))
        saved.append(path)
        widget.close()

    agreement = AgreementDialog(project)
    agreement.resize(1300, 820)
    loop = QEventLoop()
    agreement.computed.connect(loop.quit)
    QTimer.singleShot(COMPUTE_TIMEOUT_MS, loop.quit)
    loop.exec()
    agreement.measure.setCurrentIndex(agreement.measure.findData("span_f1_lenient"))
    save(agreement, f"screenshot-agreement{suffix}.png")
    disagreements = DisagreementDialog(project, project.document_ids()[0], curator, font)
    disagreements.resize(1300, 900)
    save(disagreements, f"screenshot-disagreements{suffix}.png")
    adjudication = AdjudicationDialog(project, curator, font)
    adjudication.resize(1500, 880)
    tree = adjudication.conflicts
    first = tree.topLevelItem(0)
    if first is not None:
        adjudication.pick_item(first.child(0))
    second = tree.topLevelItem(1)  # after the pick: picking rebuilds the tree's items
    if second is not None:
        tree.setCurrentItem(second)
    save(adjudication, f"screenshot-adjudication{suffix}.png")
    return saved
