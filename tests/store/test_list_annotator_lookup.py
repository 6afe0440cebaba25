"""The whole-project summaries (`Project.documents`) and a page of the list
(`Project.document_summaries`) find the annotator with one lookup, `queries.annotator_id_to_read`:
one statement for a name, none for nobody (None), and an unknown name reads nobody's
annotations. The statements each sends are counted, so sharing the lookup changed no SQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event

from annotator.app.importing import IMPORT_ANNOTATOR
from annotator.app.project import Project
from annotator.core.model import SourceDocument, Span, SpanState, Status
from annotator.core.operations import AddSpan, SetStatus
from annotator.store.ingest import IngestOptions, ingest

ME = "ali"
LOOKUP = "SELECT annotator.id FROM annotator WHERE annotator.name = ?"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """Four documents imported with a span each; ME marked the first done with a suggestion."""
    made = Project.create(tmp_path_factory.mktemp("lookup") / "p.db", labels=["LOC"])
    documents = [SourceDocument(f"مدينة {i}", source=f"d{i}.txt", spans=[Span(0, 5, "LOC")])
                 for i in range(4)]
    with made.store.engine.begin() as c:
        ingest(c, documents, made.info().overlap_policy, IngestOptions(annotator=IMPORT_ANNOTATOR))
    first = made.annotation_id(made.store.document_ids()[0], ME)
    made.apply(AddSpan(first, 0, 5, "LOC", state=SpanState.SUGGESTED))
    made.apply(SetStatus(first, Status.DONE))
    return made


def statements(project: Project, call: Callable[[], object]) -> list[str]:
    """The queries CALL sends (SQLite's BEGIN left out)."""
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_rest):  # type: ignore[no-untyped-def]
        if statement.split()[0].upper() == "SELECT":
            sent.append(" ".join(statement.split()))

    event.listen(project.store.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(project.store.engine, "before_cursor_execute", record)
    return sent


@pytest.mark.parametrize(("annotator", "lookups"), [(ME, 1), ("nobody", 1), (None, 0)])
def test_the_summaries_send_one_lookup_and_one_query(project: Project, annotator: str | None,
                                                     lookups: int) -> None:
    sent = statements(project, lambda: project.documents(annotator))
    assert sent.count(LOOKUP) == lookups and len(sent) == lookups + 1


def test_a_page_sends_one_lookup_and_three_queries_at_most(project: Project) -> None:
    ids = project.store.document_ids()
    mine = statements(project, lambda: project.document_summaries(ME, ids))
    assert mine.count(LOOKUP) == 1 and len(mine) == 4  # documents, annotations, span counts
    nobody = statements(project, lambda: project.document_summaries("nobody", ids))
    assert nobody.count(LOOKUP) == 1 and len(nobody) == 3  # no annotation: no counts
    assert statements(project, lambda: project.document_summaries(None, ids)) == nobody[1:]


def test_an_unknown_name_reads_nobodys_annotations(project: Project) -> None:
    ids = project.store.document_ids()
    assert project.documents("nobody") == project.documents(None)
    assert project.document_summaries("nobody", ids) == project.document_summaries(None, ids)
    mine = project.documents(ME)
    assert project.document_summaries(ME, ids) == mine
    assert (mine[0].status, mine[0].span_count, mine[0].suggestion_count) == (Status.DONE, 1, 1)
    imported = project.documents(IMPORT_ANNOTATOR)
    assert [s.span_count for s in imported] == [1, 1, 1, 1]
    assert all(s.status == Status.NEW and s.span_count == 0 for s in project.documents(None))
