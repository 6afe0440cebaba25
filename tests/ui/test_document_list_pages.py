"""The document list reads by pages over an index (issue 13): opening, filtering and sorting by
project order, title or status read counts and the pages shown, never every id; whatever the order,
the rows the model shows, and the row it finds for a document, are the database's list."""

from __future__ import annotations

import random

from conftest import ANNOTATOR, make_project
from PySide6.QtCore import Qt

from annotator.core.model import Span, Status
from annotator.core.operations import SetStatus
from annotator.ui.document_list_model import PAGE_ROWS, DocumentListModel

DOCUMENTS = 700  # three pages


def shown(model: DocumentListModel) -> list[int]:
    return [model.id_at(row) for row in range(model.rowCount())]  # type: ignore[misc]


def test_every_order_and_filter_shows_the_databases_list(qtbot, tmp_path):
    rng = random.Random(3)
    words = ["بيروت", "القاهرة", "Zeta", "alpha", "نص"]
    texts = [f"{rng.choice(words)} {i} {rng.choice(words)}" for i in range(DOCUMENTS)]
    spans = {i: [Span(0, 2, "LOC")] * (i % 3 > 0) for i in range(DOCUMENTS)}
    project = make_project(tmp_path / "p.db", texts, spans)
    ids = project.store.document_ids()
    for i in rng.sample(range(DOCUMENTS), 300):
        project.apply(SetStatus(project.annotation_id(ids[i], ANNOTATOR),
                                rng.choice([Status.IN_PROGRESS, Status.DONE, Status.SKIPPED])))
    model = DocumentListModel(project, ANNOTATOR)
    whole_reads = 0
    listed = project.listed_document_ids

    def counting(query):  # type: ignore[no-untyped-def]
        nonlocal whole_reads
        whole_reads += 1
        return listed(query)

    project.listed_document_ids = counting  # type: ignore[method-assign]
    assert model.by_pages and model.rowCount() == DOCUMENTS
    assert whole_reads == 0 and model.pages_read == 0  # a count, no page yet
    for column in range(5):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            for status, words_typed in ((None, ""), (None, "القاهرة"), ("undone", "Zeta alpha"),
                                        ("done", ""), (None, "1"), ("new", "بي")):
                model.sort(column, order)
                model.set_filter(status, words_typed)
                reads_before = whole_reads
                expected = list(listed(model.query))
                rows = shown(model)
                assert rows == expected and rows, (column, order, status, words_typed)
                banded = status is None and not words_typed  # the counters' bands (0014)
                assert model.by_pages == (column < DocumentListModel.SPANS or banded)
                if model.by_pages:
                    assert whole_reads == reads_before  # the rows came page by page
                fresh = DocumentListModel(project, ANNOTATOR)  # no page cached: rows by count
                fresh.sort(column, order)
                fresh.set_filter(status, words_typed)
                for doc_id in expected[:: max(1, len(expected) // 9)]:
                    assert fresh.row_of(doc_id) == expected.index(doc_id)
    assert model.row_of(10**9) is None and model.id_at(DOCUMENTS) is None
    project.close()


def test_a_page_leaves_the_cache_with_its_rows(qtbot, tmp_path):
    from annotator.ui import document_list_model

    project = make_project(tmp_path / "p.db", [f"وثيقة {i}" for i in range(DOCUMENTS)])
    model = DocumentListModel(project, ANNOTATOR)
    kept, document_list_model.CACHED_PAGES = document_list_model.CACHED_PAGES, 1
    try:
        first = model.id_at(0)
        last = model.id_at(DOCUMENTS - 1)  # page 0 leaves the cache
        assert first is not None and last is not None
        assert model.row_of(first) == 0 and model.row_of(last) == DOCUMENTS - 1
        assert model.pages_read == 2
        assert model.id_at(PAGE_ROWS) == shown(model)[PAGE_ROWS]
    finally:
        document_list_model.CACHED_PAGES = kept
    project.close()
