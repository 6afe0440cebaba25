"""The list's reload asks the database once whether the project assigns documents (the
queue's own query answers it: None when nothing is assigned), with or without assignments."""

from __future__ import annotations

from conftest import ANNOTATOR, make_project
from sqlalchemy import event

from annotator.app.assignment import assign, assigned_document_ids
from annotator.app.project import Project
from annotator.ui.document_list_model import DocumentListModel


def reload_statements(project: Project, model: DocumentListModel) -> list[str]:
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_rest):  # type: ignore[no-untyped-def]
        sent.append(" ".join(statement.split()))

    event.listen(project.store.engine, "before_cursor_execute", record)
    try:
        model.reload()
    finally:
        event.remove(project.store.engine, "before_cursor_execute", record)
    return sent


def asks_whether_anything_is_assigned(statement: str) -> bool:
    return (statement.startswith("SELECT assignment.document_id FROM assignment")
            and " JOIN " not in statement and " WHERE " not in statement)


def test_reload_asks_once_whether_documents_are_assigned(qtbot, tmp_path):
    project = make_project(tmp_path / "p.db", [f"وثيقة {i}" for i in range(6)])
    model = DocumentListModel(project, ANNOTATOR)
    sent = reload_statements(project, model)
    assert sum(map(asks_whether_anything_is_assigned, sent)) == 1
    assert not model.assigns and model.rowCount() == 6

    assign(project, [ANNOTATOR, "mona"], per_document=1)
    sent = reload_statements(project, model)
    assert sum(map(asks_whether_anything_is_assigned, sent)) == 1
    queue = assigned_document_ids(project, ANNOTATOR)
    assert model.assigns and queue and len(queue) < 6 and model.listed_ids() == queue
    project.close()
