"""The document list read by pages (issue 13): the database filters and sorts the ids, a page's
summaries equal the whole-list summaries, progress and "next undone" are single queries, and a
page costs the same statements whatever the number of documents."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import event

from annotator.app.assignment import assign
from annotator.app.importing import IMPORT_ANNOTATOR, import_paths
from annotator.app.project import DocumentQuery, Project
from annotator.core.model import SpanState, Status
from annotator.core.operations import AddSpan, SetStatus

ME = "ali"
TEXTS = ["Zeta في القاهرة", "alpha Beirut", "مدينة بيروت", "Gamma_x 100%", "beta القاهرة"]


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """Five documents: 0 done with 2 spans, 1 in progress with a suggestion, 2 skipped with
    one span, 3 and 4 untouched."""
    project = Project.create(tmp_path_factory.mktemp("listing") / "p.db", labels=["LOC", "PER"])
    _add(project)
    ids = project.store.document_ids()
    first, second, third = (project.annotation_id(d, ME) for d in ids[:3])
    project.apply(AddSpan(first, 0, 4, "PER"))
    project.apply(AddSpan(first, 8, 15, "LOC"))
    project.apply(SetStatus(first, Status.DONE))
    project.apply(AddSpan(second, 6, 12, "LOC", state=SpanState.SUGGESTED))
    project.apply(SetStatus(second, Status.IN_PROGRESS))
    project.apply(AddSpan(third, 6, 11, "LOC"))
    project.apply(SetStatus(third, Status.SKIPPED))
    return project


def _add(project: Project) -> None:
    folder = Path(tempfile.mkdtemp())
    source = folder / "docs.jsonl"
    source.write_text("".join(json.dumps({"text": t, "source": f"file{i}.txt"}, ensure_ascii=False)
                              + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8")
    import_paths(project, [source])


def positions(project: Project, query: DocumentQuery) -> list[int]:
    order = {d: i for i, d in enumerate(project.store.document_ids())}
    return [order[d] for d in project.listed_document_ids(query)]


def test_the_database_filters_and_sorts_the_listed_ids(listed: Project) -> None:
    assert positions(listed, DocumentQuery(ME)) == [0, 1, 2, 3, 4]
    assert positions(listed, DocumentQuery(ME, status="undone")) == [1, 3, 4]
    assert positions(listed, DocumentQuery(ME, status="new")) == [3, 4]
    assert positions(listed, DocumentQuery(ME, status="done")) == [0]
    assert positions(listed, DocumentQuery(ME, words="القاهرة")) == [0, 4]
    assert positions(listed, DocumentQuery(ME, words="BEIRUT alpha")) == [1]  # every word, any case
    assert positions(listed, DocumentQuery(ME, words="100%")) == [3]  # LIKE's wildcards are text
    assert positions(listed, DocumentQuery(ME, words="a_x")) == [3]
    assert positions(listed, DocumentQuery(ME, words="_")) == [3]
    assert positions(listed, DocumentQuery(ME, sort="title")) == [1, 4, 3, 0, 2]
    assert positions(listed, DocumentQuery(ME, sort="status")) == [3, 4, 1, 0, 2]
    assert positions(listed, DocumentQuery(ME, sort="spans", descending=True)) == [0, 2, 1, 4, 3]
    assert positions(listed, DocumentQuery(ME, sort="suggestions", descending=True))[0] == 1
    assert positions(listed, DocumentQuery("nobody", status="undone")) == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="unknown sort key"):
        listed.listed_document_ids(DocumentQuery(ME, sort="length"))


def test_a_page_of_summaries_equals_the_whole_list(listed: Project) -> None:
    whole = {s.id: s for s in listed.documents(ME)}
    ids = list(listed.listed_document_ids(DocumentQuery(ME, sort="title")))
    assert listed.document_summaries(ME, ids) == [whole[d] for d in ids]
    assert listed.document_summaries(ME, ids[1:3] + [10**9]) == [whole[d] for d in ids[1:3]]
    assert listed.document_summaries(ME, []) == []
    nobody = listed.document_summaries("nobody", ids[:1])[0]
    assert (nobody.status, nobody.span_count) == (Status.NEW, 0)


def test_progress_and_next_undone_follow_the_queue(listed: Project) -> None:
    ids = listed.store.document_ids()
    assert listed.queue_progress(ME, False) == (1, 5)
    assert listed.next_undone_document(ME, False, None) == ids[1]
    assert listed.next_undone_document(ME, False, ids[1]) == ids[3]
    assert listed.next_undone_document(ME, False, ids[4]) == ids[1]  # wraps round
    assert listed.next_undone_document(ME, False, 10**9) == ids[1]  # an unknown id: from the top


def test_a_queue_lists_only_the_annotators_documents(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "q.db", labels=["LOC"])
    _add(project)
    assign(project, [ME, "mona"], per_document=1)
    assert project.assigns_documents()
    mine = list(project.listed_document_ids(DocumentQuery(ME, queue_only=True)))
    theirs = list(project.listed_document_ids(DocumentQuery("mona", queue_only=True)))
    assert sorted(mine + theirs) == sorted(project.store.document_ids()) and mine and theirs
    project.apply(SetStatus(project.annotation_id(mine[0], ME), Status.DONE))
    assert project.queue_progress(ME, True) == (1, len(mine))
    assert project.next_undone_document(ME, True, None) == (mine[1] if len(mine) > 1 else None)
    project.close()


def test_a_page_costs_the_same_statements_at_any_size(tmp_path: Path) -> None:
    def statements(count: int) -> int:
        project = Project.create(tmp_path / f"s{count}.db", labels=["LOC"])
        source = tmp_path / f"s{count}.jsonl"
        source.write_text("".join(json.dumps({"text": f"نص رقم {i}", "spans": [
            {"start": 0, "end": 2, "label": "LOC"}]}, ensure_ascii=False) + "\n"
            for i in range(count)), encoding="utf-8")
        import_paths(project, [source])
        ids = project.listed_document_ids(DocumentQuery(ME))
        sent: list[int] = []
        event.listen(project.store.engine, "before_cursor_execute", lambda *_a: sent.append(1))
        page = project.document_summaries(IMPORT_ANNOTATOR, ids[:256])
        project.queue_progress(ME, False)
        project.next_undone_document(ME, False, ids[0])
        project.close()
        assert len(page) == min(256, count) and page[0].span_count == 1
        return len(sent)

    assert statements(20) == statements(2000)
