"""Tools › Queue by model uncertainty…: a pipeline whose scores are known orders the table as
`ordered_queue` does, least sure first; no model keeps the project's order with a note; a
double-click or Enter opens the document in the window."""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from PySide6.QtCore import Qt
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from format_helpers import make_project  # noqa: E402

from annotator.app.queue_order import ordered_queue  # noqa: E402
from annotator.core.model import Status  # noqa: E402

# the component scores the first word as an entity: the score is the number written in the text
TEXTS = ["نص 0.9 هنا", "نص 0.2 هنا", "نص 0.6 هنا", "نص 0.4 هنا", "نص 0.5 هنا"]

if not SpacySpan.has_extension("score"):
    SpacySpan.set_extension("score", default=None)


@Language.component("queue_ui_known_scores")
def queue_ui_known_scores(doc: Doc) -> Doc:
    entity = SpacySpan(doc, 0, 1, label="LOC")
    entity._.score = float(doc[1].text)
    doc.ents = [entity]
    return doc


def _window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    project = make_project(tmp_path / "q.db", [(t, []) for t in TEXTS], annotator="ann",
                           status=Status.IN_PROGRESS)
    window = MainWindow(project, "ann", AppSettings())
    window.remember_layout = False
    qtbot.addWidget(window)
    window.show()
    return project, window


def _run(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.panel.done, timeout=60_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)


def _column(dialog, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [dialog.table.item(r, column).text() for r in range(dialog.table.rowCount())]


def test_the_queue_is_ordered_by_the_models_doubt_and_opens_documents(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    model = tmp_path / "model"
    nlp = spacy.blank("xx")
    nlp.add_pipe("queue_ui_known_scores")
    nlp.to_disk(model)
    project, window = _window(qtbot, tmp_path)
    try:
        tools = window.workflow.menus["tools"]
        assert any("uncertainty" in a.text() for a in tools.actions())
        dialog = window.workflow.queue()
        assert dialog.model_path.text() == ""  # nothing trained for this project
        dialog.model_path.set_text(str(model))
        _run(qtbot, dialog)
        expected = ordered_queue(project, "ann", "uncertainty", nlp=nlp)
        assert [e.document.id for e in dialog.entries] == [e.document.id for e in expected]
        assert [e.document.id for e in expected] == [2, 4, 5, 3, 1]
        assert _column(dialog, 1) == [e.document.title for e in expected]
        assert _column(dialog, 3) == ["0.80", "0.60", "0.50", "0.40", "0.10"]
        assert _column(dialog, 0) == ["1", "2", "3", "4", "5"]
        assert dialog.note.text() == ""

        row = 2  # document 5
        rect = dialog.table.visualItemRect(dialog.table.item(row, 1))
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_document() == 5
        dialog.table.setFocus()
        dialog.table.setCurrentCell(1, 1)  # document 4
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        assert window.current_document() == 4
        dialog.close()
    finally:
        window.close()
        project.close()


def test_cold_start_lists_the_projects_order_with_a_note(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    project, window = _window(qtbot, tmp_path)
    try:
        dialog = window.workflow.queue()
        _run(qtbot, dialog)  # no model chosen
        assert [e.document.id for e in dialog.entries] == [1, 2, 3, 4, 5]
        assert _column(dialog, 3) == ["—"] * 5
        assert dialog.note.text()
        dialog.order.setCurrentIndex(dialog.order.findData("project"))
        _run(qtbot, dialog)
        assert [e.document.id for e in dialog.entries] == [1, 2, 3, 4, 5]
        assert dialog.note.text() == ""
        dialog.close()
    finally:
        window.close()
        project.close()
