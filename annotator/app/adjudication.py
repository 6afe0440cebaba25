"""Adjudication in a project: the gold annotation (annotator "gold"), built from agreement.

A document is up for adjudication once at least two annotators (gold excluded) finished it.
Only their done annotations and accepted spans are compared (`agreement.adjudication`). Every
change to the gold set goes through `Project.apply` as named operations (`AddSpan` with
origin "adjudicated" in one `Batch` per document), so the app can undo it; a document's
adjudication is finished when its gold annotation is marked done, and `annotator export --gold`
exports exactly those documents. The gold annotation is created on the first write, never by
reading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from annotator.agreement.adjudication import (
    Conflict,
    ConflictKind,
    ConflictState,
    DocumentAdjudication,
    Version,
    compare_annotations,
    conflict_state,
    pick_operation,
    premerge_operation,
)
from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, OverlapPolicy, Span, Status, StoredSpan
from annotator.core.operations import Batch, Change, SetStatus
from annotator.store.finished import (
    GoldSet,
    documents_finished_by_several,
    finished_spans,
    gold_sets,
    gold_statuses,
    heads,
)
from annotator.store.visibility import require_sees_everyone
from annotator.text.plain import title_of

__all__ = ["AdjudicationProgress", "AdjudicationRow", "Conflict", "ConflictKind", "ConflictState",
           "GoldDocument", "PremergeReport", "Version", "adjudication_progress",
           "adjudication_rows", "conflict_state", "eligible_documents", "first_visit_premerge",
           "gold_annotation_id", "gold_status", "load_document", "pick_version", "premerge",
           "set_gold_status"]
MIN_ANNOTATORS = 2
BATCH = 200


@dataclass(frozen=True)
class GoldDocument:
    """One document under adjudication: the comparison, and the gold set as it stands."""

    doc_id: int
    text: str
    adjudication: DocumentAdjudication
    gold_annotation_id: int | None  # None until the gold set of this document is first written
    gold: tuple[StoredSpan, ...]
    status: Status  # of the gold annotation (new when there is none)


@dataclass(frozen=True)
class AdjudicationProgress:
    documents: int  # up for adjudication (finished by at least two annotators)
    done: int  # gold annotation done
    in_progress: int  # gold annotation started, not done
    not_started: int

    @property
    def share_done(self) -> float:
        return self.done / self.documents if self.documents else 0.0

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "done": self.done, "in_progress": self.in_progress,
                "not_started": self.not_started, "share_done": self.share_done}


@dataclass(frozen=True)
class AdjudicationRow:
    """One line of the adjudication list."""

    doc_id: int
    position: int
    title: str
    annotators: tuple[str, ...]
    agreed: int
    conflicts: int
    status: Status


@dataclass
class PremergeReport:
    documents: int = 0  # documents looked at
    spans_added: int = 0
    spans_already: int = 0  # agreed spans the gold set had
    spans_blocked: list[str] = field(default_factory=list)  # agreed, overlapping a curator's span
    documents_done_skipped: int = 0  # gold already done: left as it is
    documents_finished: int = 0  # no conflict, marked done (finish_agreed)
    gold_annotations: set[int] = field(default_factory=set)  # gold sets written to
    document_ids: set[int] = field(default_factory=set)

    @property
    def changes(self) -> ProjectChanges:
        return ProjectChanges.of_annotations(self.gold_annotations, self.document_ids)

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items()
                if k not in ("gold_annotations", "document_ids")}


# ------------------------------------------------------------------ reading
def eligible_documents(project: Project, min_annotators: int = MIN_ANNOTATORS) -> list[int]:
    """Ids (in project order) of the documents at least MIN_ANNOTATORS annotators finished."""
    with project.store.engine.connect() as c:
        return documents_finished_by_several(c, min_annotators)


def _done_annotations(project: Project, doc_ids: Sequence[int]
                      ) -> dict[int, dict[str, list[Span]]]:
    """doc id -> annotator -> accepted spans, for every done annotation (gold excluded)."""
    with project.store.engine.connect() as c:
        return finished_spans(c, doc_ids)


def _gold(project: Project, doc_ids: Sequence[int]) -> dict[int, GoldSet]:
    with project.store.engine.connect() as c:
        return gold_sets(c, doc_ids)


def load_document(project: Project, doc_id: int, viewer: str | None = None) -> GoldDocument:
    """DOC_ID's comparison and gold set. Raises E520 when fewer than two annotators finished
    it, and E521 when the project is blind and VIEWER (if given) is not a curator or manager.
    The gold spans are read through `Project.spans`, so later edits are checked against
    this view (E114 if someone else changed the gold set meanwhile)."""
    if viewer is not None:
        require_sees_everyone(project.store, viewer)
    annotations = _done_annotations(project, [doc_id])[doc_id]
    if len(annotations) < MIN_ANNOTATORS:
        raise AnnotatorError(E.E520, doc_id=doc_id, count=len(annotations))
    annotation_id, status, _ = _gold(project, [doc_id]).get(doc_id, (None, Status.NEW, []))
    gold = project.spans(annotation_id) if annotation_id is not None else []
    return GoldDocument(doc_id, project.document_text(doc_id),
                        compare_annotations(doc_id, annotations), annotation_id, tuple(gold),
                        status)


def adjudication_rows(project: Project, doc_ids: Sequence[int] | None = None
                      ) -> list[AdjudicationRow]:
    """Each document up for adjudication with its agreed spans, conflicts and gold status."""
    ids = list(eligible_documents(project) if doc_ids is None else doc_ids)
    rows: list[AdjudicationRow] = []
    for first in range(0, len(ids), BATCH):
        part = ids[first:first + BATCH]
        annotations = _done_annotations(project, part)
        gold = _gold(project, part)
        with project.store.engine.connect() as c:
            starts = heads(c, part)
        for doc_id in part:
            compared = compare_annotations(doc_id, annotations[doc_id])
            position, head = starts[doc_id]
            rows.append(AdjudicationRow(
                doc_id, position, title_of(head or ""), compared.annotators,
                len(compared.agreed), len(compared.conflicts),
                gold[doc_id][1] if doc_id in gold else Status.NEW))
    return rows


def adjudication_progress(project: Project) -> AdjudicationProgress:
    """How many documents up for adjudication have a done, started or no gold annotation."""
    eligible = eligible_documents(project)
    with project.store.engine.connect() as c:
        statuses = gold_statuses(c)
    done = sum(1 for d in eligible if statuses.get(d) is Status.DONE)
    started = sum(1 for d in eligible if statuses.get(d) in (Status.IN_PROGRESS, Status.SKIPPED))
    return AdjudicationProgress(len(eligible), done, started, len(eligible) - done - started)


# ------------------------------------------------------------------ writing
def gold_annotation_id(project: Project, doc_id: int) -> int:
    """The gold annotation of DOC_ID, created (status new) on first use."""
    return project.annotation_id(doc_id, GOLD_ANNOTATOR)


def premerge(project: Project, doc_ids: Iterable[int] | None = None, *,
             finish_agreed: bool = False,
             progress: Callable[[int], None] | None = None) -> PremergeReport:
    """Add the spans all annotators agree on to the gold set of each document (default: every
    document up for adjudication), one `Batch` per document. Documents whose gold annotation is
    done are left alone; with FINISH_AGREED, a document without conflicts is marked done.
    PROGRESS(documents looked at) is called after each batch."""
    ids = list(eligible_documents(project) if doc_ids is None else doc_ids)
    allow = project.info().overlap_policy is OverlapPolicy.ALLOW
    report = PremergeReport()
    for first in range(0, len(ids), BATCH):
        part = ids[first:first + BATCH]
        annotations = _done_annotations(project, part)
        gold = _gold(project, part)
        for doc_id in part:
            if len(annotations[doc_id]) < MIN_ANNOTATORS:
                continue
            report.documents += 1
            annotation_id, status, spans = gold.get(doc_id, (None, Status.NEW, []))
            if status is Status.DONE:
                report.documents_done_skipped += 1
                continue
            compared = compare_annotations(doc_id, annotations[doc_id])
            if annotation_id is None and not compared.agreed and not (
                    finish_agreed and not compared.conflicts):
                continue
            if annotation_id is None:
                annotation_id = gold_annotation_id(project, doc_id)
            plan = premerge_operation(annotation_id, spans, compared.agreed, allow)
            operations = plan.operation.operations
            finish = finish_agreed and not compared.conflicts and not plan.blocked
            if finish:
                operations += (SetStatus(annotation_id, Status.DONE),)
            if operations:  # one transaction per document
                project.apply(Batch(operations, plan.operation.name))
                report.gold_annotations.add(annotation_id)
                report.document_ids.add(doc_id)
            report.spans_added += len(plan.operation.operations)
            report.spans_already += plan.already
            report.spans_blocked += [f"document {doc_id}: [{s.start}, {s.end}) {s.label}"
                                     for s in plan.blocked]
            report.documents_finished += finish
        if progress is not None:
            progress(min(first + BATCH, len(ids)))
    return report


def pick_version(project: Project, document: GoldDocument, conflict: Conflict,
                 chosen: Sequence[Span], gold: Sequence[StoredSpan] | None = None) -> Batch:
    """The edit (one undo step) that makes the gold spans in CONFLICT exactly CHOSEN (a
    version's spans, or the curator's own; () = no entity there). GOLD is the gold set as it
    stands now (default: as DOCUMENT was loaded). The gold annotation is created if needed;
    apply the result with `project.apply` or through a `History`."""
    annotation_id = document.gold_annotation_id
    if annotation_id is None:
        annotation_id = gold_annotation_id(project, document.doc_id)
    return pick_operation(annotation_id, list(document.gold if gold is None else gold),
                          conflict, chosen, document.adjudication.agreed)


def first_visit_premerge(project: Project, document: GoldDocument, annotation_id: int,
                         gold: Sequence[StoredSpan]) -> Batch | None:
    """On the first visit of DOCUMENT (its gold set never written, or written and undone back to
    new and empty), the edit that adds the spans every annotator agrees on to ANNOTATION_ID (one
    undo step); None when there is nothing."""
    if document.gold_annotation_id is not None and (document.gold
                                                    or document.status is not Status.NEW):
        return None
    allow = project.info().overlap_policy is OverlapPolicy.ALLOW
    plan = premerge_operation(annotation_id, list(gold), document.adjudication.agreed, allow)
    return plan.operation if plan.operation.operations else None


def gold_status(annotation_id: int, status: Status = Status.DONE) -> SetStatus:
    """The edit that marks a gold annotation adjudicated (or reopens it)."""
    return SetStatus(annotation_id, status)


def set_gold_status(project: Project, doc_id: int, status: Status = Status.DONE) -> Change:
    """Mark DOC_ID's adjudication done (or reopen it with another status)."""
    return project.apply(gold_status(gold_annotation_id(project, doc_id), status))
