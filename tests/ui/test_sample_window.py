"""The app's start on the sample project (`run_app`, as `annotator` with no project runs it)
opens the seed document with the starter gazetteer's suggestions, ready for Tab and Enter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.app.project import Project
from annotator.app.sample import ensure_sample_project
from annotator.core.model import SpanState
from annotator.ui.app import AppController, run_app


def test_the_sample_opens_with_suggestions_to_accept(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("annotator.paths.sample_project_path", lambda: tmp_path / "sample.db")
    location = str(ensure_sample_project())
    seen: dict[str, object] = {}
    screenshot = AppController.save_screenshot

    def look_then_save(controller: AppController, path: Path, size: tuple[int, int]) -> int:
        window = controller.window
        assert window is not None and window.session is not None
        session = window.session
        seen["suggested"] = session.suggestion_count
        seen["rows"] = window.span_model.rowCount()
        summary = window.documents.summary(session.doc_id)
        seen["listed"] = summary.suggestion_count if summary else None
        view = window.editor.view
        view.setFocus()
        view.place_cursor(0)
        qtbot.keyClick(view, Qt.Key.Key_Tab)  # the first suggestion
        seen["selected"] = session.text[slice(*view.selected_range())]
        qtbot.keyClick(view, Qt.Key.Key_Return)  # accepted
        return screenshot(controller, path, size)

    monkeypatch.setattr(AppController, "save_screenshot", look_then_save)
    assert run_app(location, annotator="amal", screenshot=tmp_path / "s.png") == 0
    assert isinstance(seen["suggested"], int) and seen["suggested"] >= 10
    assert seen["rows"] == seen["suggested"] == seen["listed"]
    assert seen["selected"] == "أوكرانيا"
    with Project.open(location) as project:
        doc_id = project.store.document_ids()[0]
        states = [s.state for s in project.spans(project.annotation_id(doc_id, "amal"))]
    assert states.count(SpanState.ACCEPTED) == 1
    assert states.count(SpanState.SUGGESTED) == seen["suggested"] - 1
