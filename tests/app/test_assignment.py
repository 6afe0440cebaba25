"""Assigning documents to annotators: overlap, a shared set, balanced loads, queues."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from annotator.app.assignment import (
    assign,
    assigned_document_ids,
    assignment_settings,
    assignments,
    plan_assignment,
    queue,
)
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import SourceDocument
from annotator.store.ingest import IngestOptions, ingest

NAMES = ("amal", "badr", "carim", "dina")


@pytest.mark.parametrize("per_document,shared", [(1, 0), (2, 10), (3, 5), (4, 0)])
def test_every_document_gets_its_annotators_and_loads_are_balanced(per_document, shared) -> None:
    doc_ids = list(range(100, 160))
    plan = plan_assignment(doc_ids, NAMES, per_document, shared, seed=3)
    assert list(plan.documents) == doc_ids
    assert len(plan.shared) == shared and set(plan.shared) <= set(doc_ids)
    for doc_id, chosen in plan.documents.items():
        expected = len(NAMES) if doc_id in plan.shared else per_document
        assert len(chosen) == len(set(chosen)) == expected
        assert list(chosen) == sorted(chosen, key=NAMES.index)
    loads = Counter(n for chosen in plan.documents.values() for n in chosen)
    assert max(loads.values()) - min(loads.values()) <= 1
    if per_document >= 2:
        together = Counter(p for c in plan.documents.values() for p in combinations(c, 2))
        assert all(together[p] > 0 for p in combinations(NAMES, 2))


def test_the_plan_depends_only_on_its_inputs() -> None:
    doc_ids = list(range(40))
    first = plan_assignment(doc_ids, NAMES, 2, 5, seed=11)
    assert plan_assignment(doc_ids, NAMES, 2, 5, seed=11) == first
    assert plan_assignment(doc_ids, NAMES, 2, 5, seed=12).shared != first.shared


@pytest.mark.parametrize("per_document,shared", [(0, 0), (5, 0), (2, 41), (2, -1)])
def test_impossible_counts_are_refused(per_document, shared) -> None:
    with pytest.raises(AnnotatorError, match="E116"):
        plan_assignment(list(range(40)), NAMES, per_document, shared, seed=0)


@pytest.fixture
def store(tmp_path: Path):
    store = Project.create(tmp_path / "p.db", labels=["PERS"])
    with store.store.write() as c:
        ingest(c, [SourceDocument(f"وثيقة رقم {i}") for i in range(12)],
               store.info().overlap_policy, IngestOptions())
    yield store
    store.close()


def test_assign_writes_queues_and_remembers_its_parameters(store) -> None:
    doc_ids = store.document_ids()
    assert assigned_document_ids(store, "amal") is None
    assert len(queue(store, "amal")) == 12  # nothing assigned: everyone has everything
    report = assign(store, ["amal", "badr", "carim"], per_document=2, shared=3, seed=5)
    assert report.documents == 12 and len(report.shared) == 3
    assert sum(report.per_annotator.values()) == 3 * 3 + 9 * 2
    assert all(n >= 3 for n in report.pair_overlap.values())
    by_doc = assignments(store)
    assert set(by_doc) == set(doc_ids)
    mine = [s.id for s in queue(store, "amal")]
    assert mine == [d for d in doc_ids if "amal" in by_doc[d]]
    assert mine == assigned_document_ids(store, "amal")
    assert set(report.shared) <= set(mine)
    assert assignment_settings(store) == {"annotators": ["amal", "badr", "carim"],
                                          "per_document": 2, "shared": 3, "seed": 5}
    assert report.to_dict()["pair_overlap"][0]["first"] == "amal"
    again = assign(store, ["amal", "badr", "carim"], per_document=2, shared=3, seed=5)
    assert assignments(store) == by_doc and again.per_annotator == report.per_annotator


def test_only_unassigned_keeps_earlier_assignments(store) -> None:
    first = assign(store, ["amal", "badr"], per_document=1)
    before = assignments(store)
    with store.store.write() as c:
        ingest(c, [SourceDocument("وثيقة جديدة")], store.info().overlap_policy,
               IngestOptions())
    more = assign(store, ["carim"], per_document=1, only_unassigned=True)
    assert first.documents == 12 and more.documents == 1
    new = store.document_ids()[-1]
    assert assignments(store) == {**before, new: ("carim",)}


@pytest.mark.parametrize("names", [["gold", "amal"], [" ", ""]])
def test_gold_and_empty_names_are_refused(store, names) -> None:
    with pytest.raises(AnnotatorError, match="E116"):
        assign(store, names, per_document=1)
