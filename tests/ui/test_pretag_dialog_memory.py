"""The pre-tag dialog remembers its last choices per project, and loads the starter gazetteer
into the project from the app (it used to print the CLI command)."""

from __future__ import annotations

from conftest import ANNOTATOR, make_project
from PySide6.QtCore import Qt

from annotator.app.gazetteer import gazetteer_entries


def _dialog(qtbot, store, settings):  # type: ignore[no-untyped-def]
    from annotator.ui.dialogs.pretag_dialog import PretagDialog

    dialog = PretagDialog(store, ANNOTATOR, store.document_ids()[0], None, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_starter_gazetteer_loads_from_the_dialog_and_the_choices_come_back(qtbot, store):  # type: ignore[no-untyped-def]
    from annotator.ui.settings import AppSettings

    settings = AppSettings()
    first = _dialog(qtbot, store, settings)
    assert first.kind_name() == "spacy" and not first.starter.isVisible()
    first.kind.setCurrentIndex(first.kind.findData("gazetteer"))
    assert first.starter.isVisible()
    changed: list[object] = []
    first.gazetteer_changed.connect(changed.append)
    assert gazetteer_entries(store) == []
    qtbot.mouseClick(first.starter, Qt.MouseButton.LeftButton)
    assert len(gazetteer_entries(store)) > 50 and changed
    assert first.choice.currentText() == "project"
    assert "names added" in first.panel.status.text()
    first.mapping.setText("GPE=LOC")
    first.scopes.button(2).setChecked(True)  # untouched documents
    with qtbot.waitSignal(first.pretagged, timeout=60_000):
        first.run_button.click()
    assert first.report is not None and first.report.documents_tagged >= 1
    first.close()

    again = _dialog(qtbot, store, settings)
    assert again.kind_name() == "gazetteer" and again.choice.currentText() == "project"
    assert again.mapping.text() == "GPE=LOC" and again.scope() == "untouched"
    project = make_project(store.file.parent / "other.db", ["نص آخر"])
    try:
        other = _dialog(qtbot, project, settings)  # another project: the defaults
        assert other.kind_name() == "spacy" and other.mapping.text() == ""
        assert other.scope() == "project"
        other.close()
    finally:
        project.close()
