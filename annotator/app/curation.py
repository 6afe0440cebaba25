"""Bulk curation: accept into the gold set every document whose agreement is at or above a
threshold, as its annotators agreed, and leave the rest for review (`agreement.curation`).

The curator chooses the per-document measure (`CurationMeasure`: span F1 exact or lenient,
token alpha, alpha_u, observed agreement; the values `annotator agreement` lists per document),
the threshold and what "agreed" means with more than two annotators (`AgreedRule`). Accepting
a document adds the agreed spans its gold set lacks (origin "adjudicated") and marks the gold
annotation done. All the accepted documents are written by ONE named operation
(`Batch` "accept agreed documents"), one transaction and one undo step in the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.agreement import compute_agreement
from annotator.agreement.curation import (
    MEASURE_RANGE,
    AgreedRule,
    CurationMeasure,
    LeftReason,
    agreed_spans,
    decide,
    measure_value,
)
from annotator.app.adjudication import MIN_ANNOTATORS, eligible_documents, gold_annotation_id
from annotator.app.agreement import Tokenize, agreement_documents, document_titles
from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import ORIGIN_ADJUDICATED, OverlapPolicy, Span, Status
from annotator.core.operations import AddSpan, Batch, Change, Operation, SetStatus
from annotator.store.finished import gold_sets

__all__ = ["MEASURE_RANGE", "OPERATION_NAME", "AgreedRule", "BulkCuration", "CuratedDocument", "CurationMeasure",
           "LeftReason", "bulk_accept", "bulk_accept_operation", "parse_measure", "parse_rule",
           "plan_bulk_accept"]
OPERATION_NAME = "accept agreed documents"


@dataclass(frozen=True)
class CuratedDocument:
    """One document up for adjudication, accepted or left, and why."""

    doc_id: int
    title: str
    annotators: tuple[str, ...]  # those who finished it, compared
    value: float | None  # the chosen measure on this document
    agreed: tuple[Span, ...]  # the agreed spans (by the chosen rule)
    add: tuple[Span, ...]  # the agreed spans its gold set lacks (accepted documents)
    reason: LeftReason | None  # why it is left (None: accepted)

    @property
    def accepted(self) -> bool:
        return self.reason is None

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "doc_id": self.doc_id, "title": self.title, "annotators": list(self.annotators),
            "value": self.value, "agreed_spans": len(self.agreed)}
        if self.accepted:
            found["spans_added"] = len(self.add)
        else:
            found["reason"] = str(self.reason)
        return found


@dataclass
class BulkCuration:
    """The plan (and, once applied, the result) of one bulk acceptance."""

    measure: CurationMeasure
    threshold: float
    rule: AgreedRule
    documents: list[CuratedDocument] = field(default_factory=list)  # project order
    change: Change | None = None  # set once applied
    applied: bool = False

    @property
    def accepted(self) -> list[CuratedDocument]:
        return [d for d in self.documents if d.accepted]

    @property
    def left(self) -> list[CuratedDocument]:
        return [d for d in self.documents if not d.accepted]

    @property
    def changes(self) -> ProjectChanges:
        return ProjectChanges() if self.change is None else ProjectChanges.of_edit(self.change)

    def to_dict(self) -> dict[str, object]:
        return {"measure": str(self.measure), "threshold": self.threshold,
                "agreed": str(self.rule), "applied": self.applied,
                "accepted": [d.to_dict() for d in self.accepted],
                "left": [d.to_dict() for d in self.left],
                "spans_added": sum(len(d.add) for d in self.accepted)}


def parse_measure(value: str) -> CurationMeasure:
    try:
        return CurationMeasure(value)
    except ValueError:
        raise AnnotatorError(E.E522, measure=value,
                             known=", ".join(str(m) for m in CurationMeasure)) from None


def parse_rule(value: str) -> AgreedRule:
    try:
        return AgreedRule(value)
    except ValueError:
        raise AnnotatorError(E.E524, rule=value,
                             known=", ".join(str(r) for r in AgreedRule)) from None


def _check_threshold(measure: CurationMeasure, threshold: float) -> None:
    low, high = MEASURE_RANGE[measure]
    if not low <= threshold <= high:  # NaN fails too
        raise AnnotatorError(E.E523, value=threshold, measure=measure, low=low, high=high)


def plan_bulk_accept(project: Project, measure: CurationMeasure | str, threshold: float,
                     rule: AgreedRule | str = AgreedRule.UNANIMOUS, *,
                     doc_ids: Sequence[int] | None = None,
                     tokenize: Tokenize | None = None) -> BulkCuration:
    """Which documents up for adjudication (default: all; or those of DOC_IDS) would be
    accepted, with their value on MEASURE, and which left and why. Writes nothing.
    Raises E522 (measure), E523 (threshold outside the measure's range), E524 (rule)."""
    measure = measure if isinstance(measure, CurationMeasure) else parse_measure(measure)
    rule = rule if isinstance(rule, AgreedRule) else parse_rule(rule)
    _check_threshold(measure, threshold)
    plan = BulkCuration(measure, float(threshold), rule)
    wanted = set(eligible_documents(project) if doc_ids is None else doc_ids)
    documents = [d for d in agreement_documents(project, tokenize=tokenize) if d.doc_id in wanted]
    finished = {d.doc_id: {name: list(spans) for name, spans in d.annotations.items()
                           if spans is not None} for d in documents}
    documents = [d for d in documents if len(finished[d.doc_id]) >= MIN_ANNOTATORS]
    if not documents:
        return plan
    report = compute_agreement(documents)
    ids = [d.doc_id for d in report.per_document]
    titles = document_titles(project, ids)
    with project.store.engine.connect() as c:
        gold = gold_sets(c, ids)
    allow = project.info().overlap_policy is OverlapPolicy.ALLOW
    for row in report.per_document:
        annotations = finished[row.doc_id]
        agreed = agreed_spans(annotations, rule)
        _, status, spans = gold.get(row.doc_id, (None, Status.NEW, []))
        value = measure_value(row, measure)
        decision = decide(value, plan.threshold, agreed, [s.span for s in spans],
                          status is Status.DONE, allow)
        plan.documents.append(CuratedDocument(
            row.doc_id, titles.get(row.doc_id, ""), tuple(annotations), value, agreed,
            decision.add, decision.reason))
    return plan


def bulk_accept_operation(project: Project, plan: BulkCuration) -> Batch | None:
    """The one operation that accepts PLAN's accepted documents (gold annotations created where
    needed); None when no document is accepted. Apply it with `project.apply` or a `History`."""
    operations: list[Operation] = []
    for document in plan.accepted:
        annotation_id = gold_annotation_id(project, document.doc_id)
        # the status first: its inverse (undone last) puts back the status the gold set had
        operations.append(SetStatus(annotation_id, Status.DONE))
        operations += [AddSpan(annotation_id, s.start, s.end, s.label, origin=ORIGIN_ADJUDICATED,
                               replace_overlapping=False) for s in document.add]
    return Batch(tuple(operations), OPERATION_NAME) if operations else None


def bulk_accept(project: Project, measure: CurationMeasure | str, threshold: float,
                rule: AgreedRule | str = AgreedRule.UNANIMOUS, *, dry_run: bool = False,
                doc_ids: Sequence[int] | None = None) -> BulkCuration:
    """Plan (`plan_bulk_accept`) and, unless DRY_RUN, apply in one transaction."""
    plan = plan_bulk_accept(project, measure, threshold, rule, doc_ids=doc_ids)
    if dry_run:
        return plan
    operation = bulk_accept_operation(project, plan)
    if operation is not None:
        plan.change = project.apply(operation)
    plan.applied = True
    return plan
