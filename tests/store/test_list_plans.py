"""The document list at a million documents (issue 13): on SQLite its search goes through the
trigram and word indexes (words only, in project order: through them alone) and its project
and title orders walk an index, so neither reads every document. Checked on the very statements the list sends, with EXPLAIN QUERY PLAN: a full scan
of `document` or a temporary b-tree for the order fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import event

from annotator.app.importing import import_paths
from annotator.app.project import DocumentQuery, Project
from annotator.store import document_listing

ME = "ali"
DOCUMENTS = 300


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    folder = tmp_path_factory.mktemp("plans")
    source = folder / "docs.jsonl"
    source.write_text("".join(json.dumps({"text": f"  Doc {i:03} في مدينة {'بيروت' if i % 7 else 'القاهرة'}",
                                          "source": f"file{i}.txt"}, ensure_ascii=False) + "\n"
                              for i in range(DOCUMENTS)), encoding="utf-8")
    made = Project.create(folder / "p.db", labels=["LOC"])
    import_paths(made, [source])
    return made


def plans(project: Project, read) -> list[str]:  # type: ignore[no-untyped-def]
    """The query plan of every statement READ sends, one string each."""
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        sent.append((statement, parameters))

    event.listen(project.store.engine, "before_cursor_execute", record)
    try:
        read()
    finally:
        event.remove(project.store.engine, "before_cursor_execute", record)
    found = []
    with project.store.engine.connect() as c:
        raw = c.connection.dbapi_connection
        assert raw is not None
        for statement, parameters in sent:
            if statement.lstrip().upper().startswith("SELECT"):
                rows = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                found.append(" | ".join(str(row[-1]) for row in rows))
    return found


def full_reads(found: list[str]) -> list[str]:
    """The plans that read every document: a scan of the table, or a sort of every row (a
    sort of the trigram index's matches only is allowed)."""
    def whole(plan: str) -> bool:
        parts = [part.split() for part in plan.split("|")]
        scans = any(p[:2] == ["SCAN", "document"] and "USING" not in p for p in parts)
        matched = "VIRTUAL TABLE INDEX 0:M" in plan
        return scans or ("TEMP B-TREE" in plan and not matched)
    return [p for p in found if whole(p)]


QUERIES = [DocumentQuery(ME), DocumentQuery(ME, sort="title"),
           DocumentQuery(ME, sort="title", descending=True), DocumentQuery(ME, descending=True),
           DocumentQuery(ME, words="بيروت"), DocumentQuery(ME, words="doc 12", sort="title"),
           DocumentQuery(ME, status="undone", descending=True),
           DocumentQuery(ME, words="في"), DocumentQuery(ME, words="do", descending=True),
           DocumentQuery(ME, words="في بيروت"), DocumentQuery(ME, words="م", sort="title"),
           DocumentQuery(ME, words="بيروت مدينة", descending=True)]
ALONE = [DocumentQuery(ME, words="بيروت"), DocumentQuery(ME, words="في"),
         DocumentQuery(ME, words="do", descending=True), DocumentQuery(ME, words="doc 012"),
         DocumentQuery(ME, words="بيروت مدينة", descending=True)]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.sort}-{q.descending}-{q.words}")
def test_a_page_a_count_and_a_row_walk_an_index(project: Project, query: DocumentQuery) -> None:
    assert project.lists_by_pages(query)
    target = project.listed_document_ids(query)[len(project.listed_document_ids(query)) // 2]

    def read() -> None:
        project.listed_count(query)
        project.listed_page(query, 0, 256)
        project.listed_row(query, target)

    found = plans(project, read)
    assert len(found) >= 4 and full_reads(found) == [], "\n".join(found)


def test_the_checks_see_a_full_read(project: Project) -> None:
    """The plan test fails when the order has no index (the status order sorts every row)."""
    status = DocumentQuery(ME, sort="status")
    assert not project.lists_by_pages(status)
    assert full_reads(plans(project, lambda: project.listed_document_ids(status)))
    scanned = plans(project, lambda: project.listed_count(DocumentQuery(ME, words="((")))
    assert full_reads(scanned)  # a short word of punctuation only: LIKE over every title


@pytest.mark.parametrize("query", ALONE, ids=lambda q: f"{q.descending}-{q.words}")
def test_words_alone_in_project_order_are_read_from_one_index(project: Project,
                                                             query: DocumentQuery) -> None:
    """The count, a page and a row read the search index and no document but the page's."""
    target = project.listed_document_ids(query)[-1]

    def read() -> None:
        project.listed_count(query)
        project.listed_page(query, 0, 40)
        project.listed_row(query, target)

    found = plans(project, read)
    index = "document_words" if len(query.words.split()[0]) < 3 else "document_search"
    # the count, the page, its documents, the row's position, whether it matches, its row
    assert len(found) == 6, "\n".join(found)
    assert [p for p in found if f"SCAN {index} VIRTUAL TABLE INDEX 0:M" in p
            or f"SCAN {index} VIRTUAL TABLE INDEX 0:=M" in p] != []
    assert [p for p in found if "document " in p + " " and "USING" not in p] == []
    assert full_reads(found) == [] and not any("TEMP B-TREE" in p for p in found)


def test_a_page_of_the_index_order_equals_the_whole_list(project: Project) -> None:
    for query in QUERIES + [DocumentQuery(ME, words="do", sort="title", descending=True)]:
        whole = list(project.listed_document_ids(query))
        assert project.listed_count(query) == len(whole) > 0
        assert project.listed_page(query, 5, 7) == whole[5:12]
        assert [project.listed_row(query, d) for d in whole[::37]] == list(
            range(0, len(whole), 37))
    assert project.listed_row(DocumentQuery(ME, words="القاهرة"), whole_first(project)) is None


def whole_first(project: Project) -> int:
    """The first document, which mentions بيروت only."""
    return project.store.document_ids()[1]


def test_the_search_index_follows_every_document_edit(project: Project, tmp_path: Path) -> None:
    with project.store.engine.begin() as c:
        c.exec_driver_sql("UPDATE document SET source = 'renamed-zz.txt' WHERE position = 3")
    found = project.listed_document_ids(DocumentQuery(ME, words="renamed-zz"))
    assert len(found) == 1
    with project.store.engine.begin() as c:
        c.exec_driver_sql("DELETE FROM document WHERE id = ?", (found[0],))
    assert list(project.listed_document_ids(DocumentQuery(ME, words="renamed-zz"))) == []
    with project.store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM document_search").scalar() == c.exec_driver_sql(
            "SELECT count(*) FROM document").scalar()
    assert document_listing.read_by_pages(project.store, DocumentQuery(ME, sort="title"))
