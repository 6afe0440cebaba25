"""The document list sorted by status, spans and suggestions on SQLite (issue 13): read by pages
over the counters of migration 0014, each part in the order the general statements give, and
every page, count and row walks an index (EXPLAIN QUERY PLAN: a scan of a table or a temporary
b-tree fails)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_list_plans import plans

from annotator.app.importing import import_paths
from annotator.app.project import DocumentQuery, Project
from annotator.core.model import SpanState, Status
from annotator.core.operations import AddSpan, SetStatus
from annotator.store import counted_order

ME, COLLEAGUE = "ali", "mona"
DOCUMENTS = 90
WORD = 6  # "wNNNN " : each word 5 characters and a space


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """ME annotates two documents in three (0 to 4 spans, some suggested, statuses mixed), the
    colleague other documents with other counts; a third of the documents ME never opened."""
    folder = tmp_path_factory.mktemp("counted")
    source = folder / "docs.jsonl"
    source.write_text("".join(json.dumps({"text": " ".join(f"w{i:02}{k:02}" for k in range(8))})
                              + "\n" for i in range(DOCUMENTS)), encoding="utf-8")
    made = Project.create(folder / "p.db", labels=["LOC", "PER"])
    import_paths(made, [source])
    for i, doc in enumerate(made.store.document_ids()):
        for who, wanted in ((ME, i % 3 != 0), (COLLEAGUE, i % 4 == 1)):
            if not wanted:
                continue
            annotation = made.annotation_id(doc, who)
            spans = (i * 7 + len(who)) % 5
            for k in range(spans):
                state = SpanState.SUGGESTED if (i + k) % 3 == 0 else SpanState.ACCEPTED
                made.apply(AddSpan(annotation, k * WORD, k * WORD + 5, "LOC", state=state))
            made.apply(SetStatus(annotation, list(Status)[(i // 3) % 4]))
    return made


def whole(project: Project, query: DocumentQuery) -> list[int]:
    """The list as the general statements give it (every id, sorted by the database)."""
    return list(project.listed_document_ids(query))


def parts_of(project: Project, query: DocumentQuery) -> list[tuple[DocumentQuery, int]]:
    """The parts the list model reads (`DocumentListModel._parts_of`)."""
    bands = project.listed_bands(query)
    if bands is not None:
        return bands
    counts = project.listed_status_counts(query)
    order = list(reversed(Status)) if query.descending else list(Status)
    return [(DocumentQuery(query.annotator, status=str(s), descending=query.descending),
             counts.get(str(s), 0)) for s in order]


COUNTED = [DocumentQuery(who, sort=sort, descending=down) for who in (ME, COLLEAGUE, None, "nobody")
           for sort in ("spans", "suggestions", "status") for down in (False, True)]


@pytest.mark.parametrize("query", COUNTED, ids=lambda q: f"{q.annotator}-{q.sort}-{q.descending}")
def test_the_parts_read_by_pages_are_the_sorted_list(project: Project, query: DocumentQuery) -> None:
    parts = parts_of(project, query)
    if query.sort != "status":
        assert [p.band for p, _rows in parts] == (["counted", "zero"] if query.descending
                                                 else ["zero", "counted"])
    listed: list[int] = []
    for part, rows in parts:
        assert project.listed_count(part) == rows == len(whole(project, part))
        read = [d for first in range(0, rows, 7) for d in project.listed_page(part, first, 7)]
        assert read == whole(project, part)
        assert [project.listed_row(part, d) for d in read] == list(range(rows))
        listed += read
    assert listed == whole(project, query) and len(listed) == DOCUMENTS
    outside = [d for d in project.store.document_ids() if d not in whole(project, parts[0][0])]
    assert all(project.listed_row(parts[0][0], d) is None for d in outside[:5])


def test_the_bands_follow_edits(project: Project) -> None:
    query = DocumentQuery(ME, sort="spans")
    doc = whole(project, query)[0]  # no spans yet
    annotation = project.annotation_id(doc, ME)
    added = project.apply(AddSpan(annotation, 0, 5, "PER"))
    assert doc not in whole(project, project.listed_bands(query)[0][0])  # type: ignore[index]
    counted, rows = project.listed_bands(query)[1]  # type: ignore[index]
    assert project.listed_page(counted, 0, rows) == whole(project, counted)
    assert doc in whole(project, counted)
    project.apply(added.inverse)  # type: ignore[arg-type]  # undone
    bands = project.listed_bands(query) or []
    assert doc in whole(project, bands[0][0])
    assert [d for part, _rows in bands for d in project.listed_page(part, 0, DOCUMENTS)] == whole(
        project, query)


def counter_plans(project: Project, query: DocumentQuery) -> list[str]:
    parts = parts_of(project, query)
    target = whole(project, query)[DOCUMENTS // 2]

    def read() -> None:
        for part, rows in parts:
            project.listed_count(part)
            project.listed_page(part, rows // 2, 30)
            project.listed_row(part, target)
    return plans(project, read)


def scans(found: list[str]) -> list[str]:
    """The plans that read a whole table (`document_tally` is one row), sort rows, or walk all
    of one annotator's counters (an index searched on the annotator alone)."""
    def whole_read(plan: str) -> bool:
        parts = [part.split() for part in plan.split("|")]
        every_row = re.search(r"annotation_counts [^|]*\(annotator_id=\?\)", plan)
        return "TEMP B-TREE" in plan or every_row is not None or any(
            p[:1] == ["SCAN"] and "USING" not in p and p[1] not in ("CONSTANT", "document_tally")
            for p in parts)
    return [p for p in found if whole_read(p)]


@pytest.mark.parametrize("query", [q for q in COUNTED if q.annotator in (ME, None)],
                         ids=lambda q: f"{q.annotator}-{q.sort}-{q.descending}")
def test_every_page_count_and_row_walks_an_index(project: Project, query: DocumentQuery) -> None:
    found = counter_plans(project, query)
    assert len(found) >= 4 and scans(found) == [], "\n".join(found)
    assert any("ix_annotation_counts" in p for p in found)


def test_the_plan_check_sees_a_sort(project: Project) -> None:
    """The general statement of the spans order (a count per document, then a sort) fails the
    check."""
    found = plans(project, lambda: whole(project, DocumentQuery(ME, sort="spans")))
    assert scans(found) and "TEMP B-TREE" in scans(found)[0]


def test_every_document_annotated_leaves_out_the_walk_of_the_documents(tmp_path: Path) -> None:
    source = tmp_path / "d.jsonl"
    source.write_text("".join(json.dumps({"text": f"w{i} x"}) + "\n" for i in range(6)),
                      encoding="utf-8")
    made = Project.create(tmp_path / "p.db", labels=["LOC"])
    import_paths(made, [source])
    for doc in made.store.document_ids():
        made.annotation_id(doc, ME)
    query = DocumentQuery(ME, sort="spans")
    zero, rows = made.listed_bands(query)[0]  # type: ignore[index]
    assert rows == 6 and made.listed_page(zero, 0, 9) == whole(made, query)
    found = plans(made, lambda: made.listed_page(zero, 0, 9))
    assert not any("SCAN document " in p or "MERGE" in p for p in found), found
    with made.store.engine.connect() as c:
        assert counted_order.serves(c, zero)
    made.close()
