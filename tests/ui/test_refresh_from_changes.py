"""The window updates every view from one value, whatever changed the project: an edit in the
editor, a bulk use-case run from a dialog, or a colleague seen by the poll. It re-reads only
what the value names."""

from __future__ import annotations

from conftest import ANNOTATOR, occurrence

from annotator.app.gazetteer import import_names
from annotator.app.pretagging import compose_pretagger, pretag_documents
from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.model import Name, Status
from annotator.core.operations import AddSpan


def _count_reads(project: Project, calls: list[str]) -> None:
    """Record which reads of spans and document rows the window makes."""
    for name in ("spans", "documents", "listed_document_ids", "document_summaries"):
        real = getattr(project, name)

        def counted(*args, _real=real, _name=name):  # type: ignore[no-untyped-def]
            calls.append(_name)
            return _real(*args)

        setattr(project, name, counted)


def test_a_keystroke_updates_the_row_and_status_without_reading_the_store(qtbot, window, store,
                                                                          seed):
    calls: list[str] = []
    _count_reads(store, calls)
    start, end = occurrence(seed, "لافروف")
    window.editor.view.select_range(start, end)
    qtbot.keyClick(window.editor.view, "1")
    row = window.documents.summary(window.session.doc_id)
    assert row is not None and row.span_count == 1 and row.status is Status.IN_PROGRESS
    assert window.session.status is Status.IN_PROGRESS  # from the Change, not re-derived
    assert calls == []  # neither the spans nor the document list were read again


def test_a_bulk_run_reloads_the_open_document_only_when_it_touched_it(qtbot, window, store, seed):
    first, second = store.document_ids()
    import_names(store, [Name("Saturday", "LOC")])  # a word only the English document holds
    calls: list[str] = []
    _count_reads(store, calls)
    report = pretag_documents(store, compose_pretagger(store, gazetteer="project"),
                              annotator=ANNOTATOR)
    assert report.changes.documents == {second}
    done = window.refresh(report.changes)
    # the one row re-read (its page is on screen), never the whole list
    assert not done.open_document_reloaded and calls == ["document_summaries"]
    row = window.documents.summary(second)
    assert row is not None and row.suggestion_count == 1

    import_names(store, [Name("لافروف", "PERS")])
    calls.clear()
    report = pretag_documents(store, compose_pretagger(store, gazetteer="project"),
                              annotator=ANNOTATOR)
    assert first in report.changes.documents
    done = window.refresh(report.changes)
    assert done.open_document_reloaded and "spans" in calls
    assert any(seed[s.start:s.end] == "لافروف" for s in window.session.index)


def test_a_colleagues_edit_reaches_the_views_through_the_same_door(qtbot, window, store, seed):
    other = Project.open(store.url)
    annotation = other.annotation_id(window.session.doc_id, ANNOTATOR)
    start, end = occurrence(seed, "موسكو")
    other.apply(AddSpan(annotation, start, end, "LOC"))
    other.close()
    window.workflow.refresh.start()
    polled = window.workflow.refresh.poll()
    assert polled is not None and annotation in polled.by_others
    assert [(s.start, s.end) for s in window.session.index] == [(start, end)]
    assert window.documents.summary(window.session.doc_id).span_count == 1


def test_the_guidelines_panel_follows_a_change_of_the_project_row(qtbot, window, store):
    window.refresh(store.set_guidelines("الأسماء فقط"))
    assert window.guidelines.toPlainText() == "الأسماء فقط"
    assert window.refresh(ProjectChanges()).rows_changed == 0


def test_a_storage_fault_is_a_dialog_and_the_edit_is_not_shown_as_done(qtbot, window, store,
                                                                      seed):
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import event

    def read_only(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA query_only = 1")

    engine = store.store.engine
    engine.dispose()
    event.listen(engine, "connect", read_only)
    try:
        start, end = occurrence(seed, "لافروف")
        window.editor.view.select_range(start, end)
        qtbot.keyClick(window.editor.view, "1")
        boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "error_box"]
        assert boxes and "[E131]" in boxes[-1].text() and boxes[-1].isVisible()
        assert list(window.session.index) == []
        assert window.documents.summary(window.session.doc_id).span_count == 0
    finally:
        event.remove(engine, "connect", read_only)
        engine.dispose()
