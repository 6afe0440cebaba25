"""Adjudication in the domain: agreed spans, conflicts, versions, picking and pre-merging."""

from __future__ import annotations

from annotator.agreement.adjudication import (
    ConflictKind,
    ConflictState,
    compare_annotations,
    conflict_state,
    gold_in_conflict,
    pick_operation,
    premerge_operation,
)
from annotator.core.model import ORIGIN_ADJUDICATED, Span, StoredSpan
from annotator.core.operations import AddSpan, DeleteSpan

P = "PERS"


def test_spans_everyone_made_are_agreed_and_the_rest_grouped_into_conflicts() -> None:
    result = compare_annotations(7, {
        "amal": [Span(0, 5, P), Span(10, 15, "LOC"), Span(20, 25, "ORG"), Span(40, 44, P)],
        "badr": [Span(0, 5, P), Span(10, 15, "ORG"), Span(21, 25, "ORG"), Span(40, 44, P)],
        "carim": [Span(0, 5, P), Span(10, 15, "LOC"), Span(40, 44, P), Span(50, 52, "LOC")],
    })
    assert result.annotators == ("amal", "badr", "carim")
    assert result.agreed == (Span(0, 5, P), Span(40, 44, P))
    assert [(c.start, c.end) for c in result.conflicts] == [(10, 15), (20, 25), (50, 52)]
    label, boundary, missing = result.conflicts
    assert label.kinds == (ConflictKind.LABEL,)
    assert [(v.spans, v.annotators) for v in label.versions] == [
        ((Span(10, 15, "LOC"),), ("amal", "carim")), ((Span(10, 15, "ORG"),), ("badr",))]
    assert boundary.kinds == (ConflictKind.MISSING, ConflictKind.BOUNDARY)
    assert boundary.by_annotator["carim"] == ()
    assert missing.kinds == (ConflictKind.MISSING,)
    assert [v.annotators for v in missing.versions] == [("amal", "badr"), ("carim",)]
    assert result.conflict_at(11, 12) is label
    assert result.conflict_at(30, 35) is None


def test_a_chain_of_overlaps_is_one_conflict_and_touching_spans_are_two() -> None:
    result = compare_annotations(1, {
        "a": [Span(0, 4, P), Span(6, 12, P), Span(20, 24, P)],
        "b": [Span(2, 8, P), Span(24, 28, P)],
    })
    assert result.agreed == ()
    assert [(c.start, c.end) for c in result.conflicts] == [(0, 12), (20, 24), (24, 28)]
    assert result.conflicts[0].by_annotator == {"a": (Span(0, 4, P), Span(6, 12, P)),
                                                "b": (Span(2, 8, P),)}


def test_no_spans_at_all_agree_on_nothing() -> None:
    result = compare_annotations(1, {"a": [], "b": []})
    assert result.agreed == () and result.conflicts == ()


def _stored(span_id: int, span: Span, annotation: int = 9) -> StoredSpan:
    return StoredSpan(span_id, annotation, span.start, span.end, span.label)


def test_picking_a_version_replaces_the_gold_spans_of_the_conflict_only() -> None:
    result = compare_annotations(1, {"a": [Span(0, 5, P), Span(10, 15, "LOC")],
                                     "b": [Span(0, 5, P), Span(10, 14, "LOC")]})
    conflict = result.conflicts[0]
    gold = [_stored(1, Span(0, 5, P)), _stored(2, Span(10, 14, "LOC"))]
    assert gold_in_conflict(conflict, gold, result.agreed) == [Span(10, 14, "LOC")]
    state, version = conflict_state(conflict, gold, result.agreed)
    assert state is ConflictState.PICKED and version is not None and version.annotators == ("b",)
    batch = pick_operation(9, gold, conflict, [Span(10, 15, "LOC")], result.agreed)
    assert batch.operations == (DeleteSpan(2), AddSpan(9, 10, 15, "LOC",
                                                       origin=ORIGIN_ADJUDICATED))
    edited = [gold[0], _stored(3, Span(11, 15, "LOC"))]
    assert conflict_state(conflict, edited, result.agreed)[0] is ConflictState.EDITED
    assert conflict_state(conflict, gold[:1], result.agreed) == (ConflictState.OPEN, None)
    # picking "no entity here" deletes the conflict's gold spans and keeps the agreed one
    assert pick_operation(9, gold, conflict, (), result.agreed).operations == (DeleteSpan(2),)


def test_premerge_adds_what_is_missing_and_never_overrides_the_curator() -> None:
    agreed = [Span(0, 5, P), Span(10, 15, "LOC"), Span(20, 25, "ORG")]
    gold = [_stored(1, Span(0, 5, P)), _stored(2, Span(12, 18, "MISC"))]
    plan = premerge_operation(9, gold, agreed)
    assert [(op.start, op.end, op.label, op.origin) for op in plan.operation.operations
            if isinstance(op, AddSpan)] == [(20, 25, "ORG", ORIGIN_ADJUDICATED)]
    assert plan.already == 1
    assert plan.blocked == (Span(10, 15, "LOC"),)
    allowed = premerge_operation(9, gold, agreed, allow_overlap=True)
    assert len(allowed.operation.operations) == 2 and allowed.blocked == ()


def test_premerge_does_not_add_two_agreed_spans_that_overlap_each_other() -> None:
    plan = premerge_operation(9, [], [Span(0, 10, "ORG"), Span(0, 4, P), Span(0, 4, P)])
    assert [(op.start, op.end) for op in plan.operation.operations
            if isinstance(op, AddSpan)] == [(0, 4)]
    assert plan.blocked == (Span(0, 10, "ORG"),) and plan.already == 0
