"""Adjudication in a project: the gold annotation, pre-merge, picking versions, progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from adjudication_project import adjudication_project, gold_spans

from annotator.app.adjudication import (
    adjudication_progress,
    adjudication_rows,
    eligible_documents,
    load_document,
    pick_version,
    premerge,
    set_gold_status,
)
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD_ANNOTATOR, ORIGIN_ADJUDICATED, Span, Status
from annotator.core.operations import AddSpan


@pytest.fixture
def store(tmp_path: Path):
    store = adjudication_project(tmp_path / "p.db")
    yield store
    store.close()


def test_only_documents_two_annotators_finished_are_up_for_adjudication(store) -> None:
    first, second, third = store.document_ids()
    assert eligible_documents(store) == [first, second]
    with pytest.raises(AnnotatorError, match="E520"):
        load_document(store, third)
    rows = adjudication_rows(store)
    assert [(r.doc_id, r.annotators, r.agreed, r.conflicts, r.status) for r in rows] == [
        (first, ("amal", "badr"), 1, 1, Status.NEW), (second, ("amal", "badr"), 1, 0, Status.NEW)]
    assert rows[0].title.startswith("زار لافروف")


def test_premerge_writes_agreed_spans_to_gold_once_and_reports_progress(store) -> None:
    first, second, _ = store.document_ids()
    assert adjudication_progress(store).to_dict() == {
        "documents": 2, "done": 0, "in_progress": 0, "not_started": 2, "share_done": 0.0}
    seen: list[int] = []
    report = premerge(store, progress=seen.append)
    assert (report.documents, report.spans_added, report.spans_already) == (2, 2, 0)
    assert seen == [2]
    assert gold_spans(store, first) == [(4, 10, "PERS", ORIGIN_ADJUDICATED)]
    assert gold_spans(store, second) == [(5, 26, "ORG", ORIGIN_ADJUDICATED)]
    again = premerge(store)
    assert (again.spans_added, again.spans_already) == (0, 2)
    assert adjudication_progress(store).in_progress == 2
    # the gold set is never compared as an annotator
    assert eligible_documents(store) == [first, second]


def test_premerge_can_finish_documents_without_conflicts_and_leaves_done_ones_alone(store) -> None:
    first, second, _ = store.document_ids()
    report = premerge(store, finish_agreed=True)
    assert report.documents_finished == 1
    progress = adjudication_progress(store)
    assert (progress.done, progress.in_progress, progress.share_done) == (1, 1, 0.5)
    set_gold_status(store, first)
    annotation = store.annotation_id(first, GOLD_ANNOTATOR)
    store.apply(AddSpan(annotation, 0, 3, "MISC"))  # curator edits a done gold set ...
    set_gold_status(store, first, Status.DONE)
    later = premerge(store)
    assert later.documents_done_skipped == 2 and later.spans_added == 0  # ... premerge keeps it


def test_picking_a_version_resolves_the_conflict_and_undoes_in_one_step(store) -> None:
    first = store.document_ids()[0]
    premerge(store)
    document = load_document(store, first)
    conflict = document.adjudication.conflicts[0]
    assert [v.annotators for v in conflict.versions] == [("amal",), ("badr",)]
    change = store.apply(pick_version(store, document, conflict, conflict.versions[1].spans))
    assert gold_spans(store, first) == [(4, 10, "PERS", ORIGIN_ADJUDICATED),
                                        (11, 16, "LOC", ORIGIN_ADJUDICATED)]
    document = load_document(store, first)
    change = store.apply(pick_version(store, document, conflict, conflict.versions[0].spans))
    assert [s[:3] for s in gold_spans(store, first)] == [(4, 10, "PERS"), (11, 20, "LOC")]
    store.apply(change.inverse)
    assert [s[:3] for s in gold_spans(store, first)] == [(4, 10, "PERS"), (11, 16, "LOC")]


def test_picking_creates_the_gold_annotation_when_there_is_none(store) -> None:
    first = store.document_ids()[0]
    document = load_document(store, first)
    assert document.gold_annotation_id is None and document.gold == ()
    conflict = document.adjudication.conflicts[0]
    store.apply(pick_version(store, document, conflict, [Span(11, 20, "LOC")]))
    assert [s[:3] for s in gold_spans(store, first)] == [(11, 20, "LOC")]


def test_premerge_leaves_out_an_agreed_span_overlapping_a_curator_span(store) -> None:
    second = store.document_ids()[1]
    annotation = store.annotation_id(second, GOLD_ANNOTATOR)
    store.apply(AddSpan(annotation, 5, 10, "MISC"))
    report = premerge(store)
    assert report.spans_blocked == [f"document {second}: [5, 26) ORG"]
    assert [s[:3] for s in gold_spans(store, second)] == [(5, 10, "MISC")]
