"""Bulk curation: accept into gold every document whose agreement reaches a threshold."""

from __future__ import annotations

from pathlib import Path

import pytest
from adjudication_project import adjudication_project, annotate, gold_spans

from annotator.agreement.curation import (
    AgreedRule,
    LeftReason,
    agreed_spans,
    decide,
)
from annotator.app.agreement import document_titles, project_agreement
from annotator.app.curation import (
    OPERATION_NAME,
    bulk_accept,
    bulk_accept_operation,
    plan_bulk_accept,
)
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.model import GOLD_ANNOTATOR, ORIGIN_ADJUDICATED, Span, Status
from annotator.core.operations import AddSpan

MORE_TEXTS = ["ولا هنا أيضا", "التقى كيم جونغ أون في وونسان"]
X, Y = Span(6, 16, "PERS"), Span(20, 26, "LOC")  # in the fifth text


@pytest.fixture
def store(tmp_path: Path):
    store = adjudication_project(tmp_path / "p.db", MORE_TEXTS)  # first: F1 0.5, second: F1 1
    fourth, fifth = store.document_ids()[3:]
    annotate(store, fourth, "amal", [])  # nobody marked anything: span F1 undefined
    annotate(store, fourth, "badr", [])
    annotate(store, fifth, "amal", [X, Y])  # pairs: 1, 2/3, 2/3
    annotate(store, fifth, "badr", [X, Y])
    annotate(store, fifth, "carim", [X])
    yield store
    store.close()


def gold(store: Project, doc_id: int) -> tuple[list[tuple[int, int, str, str]], Status]:
    annotation = store.annotation_id(doc_id, GOLD_ANNOTATOR)
    return gold_spans(store, doc_id), store.annotation_status(annotation)


def summary(plan) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:  # type: ignore[no-untyped-def]
    return ([(d.doc_id, len(d.add)) for d in plan.accepted],
            [(d.doc_id, str(d.reason)) for d in plan.left])


def test_the_values_are_the_agreement_reports_per_document_values(store) -> None:
    per_document = {d.doc_id: d for d in project_agreement(store).per_document}
    plan = plan_bulk_accept(store, "span_f1", 0.9)
    first, second, _, fourth, fifth = store.document_ids()
    values = {d.doc_id: d.value for d in plan.documents}
    assert values == {doc: per_document[doc].exact_f1 for doc in (first, second, fourth, fifth)}
    assert values[first] == pytest.approx(0.5) and values[second] == 1.0
    assert values[fifth] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3) and values[fourth] is None
    alpha = plan_bulk_accept(store, "alpha", -1.0)
    assert {d.doc_id: d.value for d in alpha.documents}[first] == per_document[first].krippendorff_alpha


def test_accepts_documents_at_or_above_the_threshold_in_one_undoable_step(store) -> None:
    first, second, third, fourth, fifth = store.document_ids()
    dry = bulk_accept(store, "span_f1", 0.75, dry_run=True)
    assert summary(dry) == ([(second, 1), (fifth, 1)],
                            [(first, "below_threshold"), (fourth, "no_value")])
    assert not dry.applied and gold(store, second) == ([], Status.NEW)  # nothing written
    plan = plan_bulk_accept(store, "span_f1", 0.75)
    operation = bulk_accept_operation(store, plan)
    assert operation is not None and operation.name == OPERATION_NAME
    history = History(store.apply)
    change = history.do(operation)  # one transaction
    assert change.document_ids == {second, fifth}
    assert gold(store, second) == ([(5, 26, "ORG", ORIGIN_ADJUDICATED)], Status.DONE)
    assert gold(store, fifth) == ([(X.start, X.end, "PERS", ORIGIN_ADJUDICATED)], Status.DONE)
    assert gold(store, first) == ([], Status.NEW)
    history.undo()  # one step takes back every document
    assert gold(store, second)[0] == [] and gold(store, fifth)[0] == []
    assert gold(store, second)[1] is Status.NEW and gold(store, fifth)[1] is Status.NEW
    history.redo()
    assert gold(store, fifth)[1] is Status.DONE


def test_the_threshold_is_inclusive_and_majority_is_settable(store) -> None:
    first, second, _, fourth, fifth = store.document_ids()
    at = bulk_accept(store, "span_f1", 0.5, "majority", dry_run=True)
    assert summary(at)[0] == [(first, 1), (second, 1), (fifth, 2)]  # 0.5 >= 0.5
    result = bulk_accept(store, "span_f1", 0.7, "majority")
    assert result.applied and summary(result)[0] == [(second, 1), (fifth, 2)]
    assert [s[:3] for s in gold(store, fifth)[0]] == [(X.start, X.end, "PERS"),
                                                      (Y.start, Y.end, "LOC")]
    again = bulk_accept(store, "span_f1", 0.7, "majority")  # already adjudicated: left alone
    assert summary(again) == ([], [(first, "below_threshold"), (second, "gold_done"),
                                   (fourth, "no_value"), (fifth, "gold_done")])
    assert again.change is None
    out = again.to_dict()
    assert out["measure"] == "span_f1" and out["agreed"] == "majority"
    assert out["left"][1] == {"doc_id": second, "title": document_titles(store, [second])[second],
                              "annotators": ["amal", "badr"], "value": 1.0, "agreed_spans": 1,
                              "reason": "gold_done"}
    assert result.to_dict()["accepted"][1] == {
        "doc_id": fifth, "title": document_titles(store, [fifth])[fifth],
        "annotators": ["amal", "badr", "carim"], "value": pytest.approx(7 / 9),
        "agreed_spans": 2, "spans_added": 2}


def test_a_gold_set_with_a_curators_own_spans_is_left_for_review(store) -> None:
    first, second, _, _, fifth = store.document_ids()
    annotation = store.annotation_id(second, GOLD_ANNOTATOR)
    store.apply(AddSpan(annotation, 0, 4, "MISC"))  # the curator's own
    premerged = store.annotation_id(fifth, GOLD_ANNOTATOR)
    store.apply(AddSpan(premerged, X.start, X.end, X.label, origin=ORIGIN_ADJUDICATED))
    result = bulk_accept(store, "observed_agreement", 0.5)
    reasons = {d.doc_id: d.reason for d in result.left}
    assert reasons[second] is LeftReason.CURATOR_SPANS
    assert gold(store, second) == ([(0, 4, "MISC", "manual")], Status.IN_PROGRESS)
    accepted = {d.doc_id: d for d in result.accepted}
    assert fifth in accepted and accepted[fifth].add == ()  # the agreed span was there already
    assert gold(store, fifth)[1] is Status.DONE


def test_bad_measure_threshold_or_rule_are_refused(store) -> None:
    with pytest.raises(AnnotatorError, match="E522"):
        plan_bulk_accept(store, "kappa_of_the_moon", 0.5)
    with pytest.raises(AnnotatorError, match="E523"):
        plan_bulk_accept(store, "span_f1", 1.5)
    with pytest.raises(AnnotatorError, match="E523"):
        plan_bulk_accept(store, "alpha", float("nan"))
    with pytest.raises(AnnotatorError, match="E524"):
        plan_bulk_accept(store, "span_f1", 0.5, "plurality")
    assert plan_bulk_accept(store, "alpha", -0.5).threshold == -0.5


def test_agreed_spans_by_rule() -> None:
    a, b, c = Span(0, 3, "PERS"), Span(5, 9, "LOC"), Span(5, 9, "ORG")
    annotations = {"amal": [a, b], "badr": [a, b, b], "carim": [a, c], "dina": [c]}
    assert agreed_spans(annotations, AgreedRule.UNANIMOUS) == ()
    assert agreed_spans(annotations, AgreedRule.MAJORITY) == (a,)  # 3 of 4; b has 2 of 4
    assert agreed_spans({"amal": [a, b], "badr": [a]}, AgreedRule.MAJORITY) == (a,)
    assert agreed_spans({}, AgreedRule.MAJORITY) == ()


def test_decide_leaves_overlapping_agreed_spans_unless_the_project_allows_them() -> None:
    nested = [Span(0, 9, "ORG"), Span(0, 3, "PERS")]
    left = decide(1.0, 0.8, sorted(nested), [], False, allow_overlap=False)
    assert (left.accepted, left.reason) == (False, LeftReason.AGREED_OVERLAP)
    taken = decide(1.0, 0.8, sorted(nested), [Span(0, 3, "PERS")], False, allow_overlap=True)
    assert taken.accepted and taken.add == (Span(0, 9, "ORG"),)
    assert decide(0.79, 0.8, nested, [], False, True).reason is LeftReason.BELOW_THRESHOLD
    assert decide(None, 0.0, nested, [], False, True).reason is LeftReason.NO_VALUE
    assert decide(1.0, 0.8, nested, [], True, True).reason is LeftReason.GOLD_DONE
