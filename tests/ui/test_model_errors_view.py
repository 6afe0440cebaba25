"""Tools › Model errors…: a trained model scored in the app, its errors shown on the text
document by document (gold above, the model below, errors ringed), and a double-click takes
the editor to the error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "nlp"))
from pretag_support import trained_model  # noqa: E402

from annotator.app.project import Project  # noqa: E402


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):  # type: ignore[no-untyped-def]
    return trained_model(tmp_path_factory)


@pytest.mark.slow
def test_the_models_errors_are_shown_on_the_text_and_lead_to_the_editor(qtbot, tiny_model):  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    path, trained = tiny_model
    project = Project.open(path.parent / "train.db")
    window = MainWindow(project, "amal", AppSettings())
    window.remember_layout = False
    qtbot.addWidget(window)
    try:
        window.show()
        dialog = window.workflow.model_errors()
        assert Path(dialog.model_path.text()) == path  # the project's last trained model
        with qtbot.waitSignal(dialog.panel.done, timeout=300_000):
            dialog.run_button.click()
        report = dialog.report
        assert report is not None and sorted(report.documents) == trained.held_out_documents
        assert dialog.table.rowCount() == len(trained.held_out_documents)
        counts = [sum(int(dialog.table.item(r, c).text()) for c in range(1, 5))
                  for r in range(dialog.table.rowCount())]
        assert counts == sorted(counts, reverse=True) and counts[0] > 0
        assert sum(counts) == sum(report.errors.values())
        first = dialog.rows[0]
        assert {(s.start, s.end, s.label) for s in dialog.gold_view.span_geometry.index} == {
            (s.start, s.end, s.label) for s in first.gold}
        wrong_gold = {e.gold for e in first.errors if e.gold is not None}
        assert {s.span for s in dialog.gold_view.differences} == wrong_gold
        wrong_model = {e.predicted for e in first.errors if e.predicted is not None}
        assert {s.span for s in dialog.model_view.differences} == wrong_model
        assert dialog.errors.rowCount() == len(first.errors)
        error = first.errors[0]
        span = error.gold or error.predicted
        assert span is not None
        text = project.document_text(first.doc_id)
        assert text[span.start:span.end] in dialog.errors.item(0, 1 if error.gold else 2).text()
        dialog.errors.cellDoubleClicked.emit(0, 0)
        assert window.current_document() == first.doc_id
        assert window.editor.view.selected_range() == (span.start, span.end)
        dialog.close()
    finally:
        window.close()
        project.close()
