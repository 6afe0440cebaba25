"""An edit costs the same whatever the number of documents: the document list's progress is
moved by the edited row alone, never counted again, and the list is never read again
(issue 13)."""

from __future__ import annotations

from conftest import ANNOTATOR, make_project

from annotator.core.model import Status
from annotator.ui.document_list_model import DocumentListModel

DOCUMENTS = 600  # three pages of the list
LIST_READS = ("documents", "listed_document_ids", "queue_progress")


def count_list_reads(project) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Calls of the project's whole-list reads, by name, from now on."""
    calls = dict.fromkeys(LIST_READS, 0)
    for name in LIST_READS:
        read = getattr(project, name)

        def counting(*args, _read=read, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            calls[_name] += 1
            return _read(*args, **kwargs)

        setattr(project, name, counting)
    return calls


def test_status_edits_move_progress_without_walking_the_list(qtbot, tmp_path):
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    project = make_project(tmp_path / "many.db", [f"وثيقة رقم {i} في القائمة" for i in range(DOCUMENTS)])
    window = MainWindow(project, ANNOTATOR, AppSettings())
    qtbot.addWidget(window)
    window.open_position(1)
    model = window.documents
    pages_before = model.pages_read
    list_reads = count_list_reads(project)
    queue_lookups = 0
    in_queue = model.in_queue

    def counting_in_queue(doc_id: int) -> bool:
        nonlocal queue_lookups
        queue_lookups += 1
        return in_queue(doc_id)

    model.in_queue = counting_in_queue  # type: ignore[method-assign]
    edits = 5
    for _ in range(edits):
        window.mark_done_and_next()  # SetStatus(done), then the next undone document
    assert model.progress() == (edits, DOCUMENTS)
    assert f"{edits} of {DOCUMENTS} documents done" in window.progress_label.text()
    assert list_reads == dict.fromkeys(LIST_READS, 0), f"an edit read the whole list: {list_reads}"
    assert model.pages_read - pages_before <= 1, f"{model.pages_read - pages_before} pages read"
    assert queue_lookups <= 3 * edits, f"{queue_lookups} queue lookups for {edits} edits"
    # and a reload counts the same as the moves did
    model.reload()
    assert model.progress() == (edits, DOCUMENTS)
    project.close()


def test_undo_of_done_moves_progress_back(qtbot, window):
    model: DocumentListModel = window.documents
    window.set_status(Status.DONE)
    assert model.progress() == (1, 2)
    window.set_status(Status.IN_PROGRESS)
    assert model.progress() == (0, 2)
    assert "0 of 2 documents done" in window.progress_label.text()
