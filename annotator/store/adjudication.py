"""Adjudication in a project: the gold annotation (annotator "gold"), built from agreement.

A document is up for adjudication once at least two annotators (gold excluded) finished it.
Only their done annotations and accepted spans are compared (`agreement.adjudication`). Every
change to the gold set goes through `ProjectStore.apply` as named operations (`AddSpan` with
origin "adjudicated" in one `Batch` per document), so the app can undo it; a document's
adjudication is finished when its gold annotation is marked done, and `annotator export --gold`
exports exactly those documents. The gold annotation is created on the first write, never by
reading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from annotator.agreement.adjudication import (
    Conflict,
    DocumentAdjudication,
    compare_annotations,
    pick_operation,
    premerge_operation,
)
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, OverlapPolicy, Span, SpanState, Status, StoredSpan
from annotator.core.operations import Batch, Change, SetStatus
from annotator.store.project_store import ProjectStore
from annotator.store.queries import accepted_spans_by_annotator, title_of
from annotator.store.tables import Annotation, Annotator, Document, SpanRow, table_of
from annotator.store.visibility import require_sees_everyone

A, D, N, S = (table_of(t) for t in (Annotator, Document, Annotation, SpanRow))
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

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


# ------------------------------------------------------------------ reading
def eligible_documents(store: ProjectStore, min_annotators: int = MIN_ANNOTATORS) -> list[int]:
    """Ids (in project order) of the documents at least MIN_ANNOTATORS annotators finished."""
    with store.engine.connect() as c:
        counted = (select(N.c.document_id).join(A, A.c.id == N.c.annotator_id)
                   .where(N.c.status == str(Status.DONE), A.c.name != GOLD_ANNOTATOR)
                   .group_by(N.c.document_id).having(func.count() >= min_annotators)).subquery()
        return list(c.execute(select(D.c.id).where(D.c.id.in_(select(counted.c.document_id)))
                              .order_by(D.c.position)).scalars())


def _done_annotations(store: ProjectStore, doc_ids: Sequence[int]
                      ) -> dict[int, dict[str, list[Span]]]:
    """doc id -> annotator -> accepted spans, for every done annotation (gold excluded)."""
    with store.engine.connect() as c:
        owners = {r.id: (r.document_id, r.name) for r in c.execute(
            select(N.c.id, N.c.document_id, A.c.name).join(A, A.c.id == N.c.annotator_id)
            .where(N.c.document_id.in_(list(doc_ids)), N.c.status == str(Status.DONE),
                   A.c.name != GOLD_ANNOTATOR).order_by(A.c.id))}
        return accepted_spans_by_annotator(c, owners, doc_ids)


def _gold(store: ProjectStore, doc_ids: Sequence[int]
          ) -> dict[int, tuple[int, Status, list[StoredSpan]]]:
    """doc id -> (gold annotation id, status, spans) where a gold annotation exists."""
    with store.engine.connect() as c:
        rows = c.execute(select(N.c.id, N.c.document_id, N.c.status)
                         .join(A, A.c.id == N.c.annotator_id)
                         .where(A.c.name == GOLD_ANNOTATOR,
                                N.c.document_id.in_(list(doc_ids)))).all()
        found: dict[int, tuple[int, Status, list[StoredSpan]]] = {
            r.document_id: (r.id, Status(r.status), []) for r in rows}
        owner = {r.id: r.document_id for r in rows}
        if owner:
            for r in c.execute(select(S.c.id, S.c.annotation_id, S.c.start, S.c.end, S.c.label,
                                      S.c.state, S.c.origin, S.c.score)
                               .where(S.c.annotation_id.in_(list(owner)))
                               .order_by(S.c.start, S.c.end)):
                found[owner[r[1]]][2].append(
                    StoredSpan(r[0], r[1], r[2], r[3], r[4], SpanState(r[5]), r[6], r[7]))
    return found


def load_document(store: ProjectStore, doc_id: int, viewer: str | None = None) -> GoldDocument:
    """DOC_ID's comparison and gold set. Raises E520 when fewer than two annotators finished
    it, and E521 when the project is blind and VIEWER (if given) is not a curator or manager.
    The gold spans are read through `ProjectStore.spans`, so later edits are checked against
    this view (E114 if someone else changed the gold set meanwhile)."""
    if viewer is not None:
        require_sees_everyone(store, viewer)
    annotations = _done_annotations(store, [doc_id])[doc_id]
    if len(annotations) < MIN_ANNOTATORS:
        raise AnnotatorError(E.E520, doc_id=doc_id, count=len(annotations))
    annotation_id, status, _ = _gold(store, [doc_id]).get(doc_id, (None, Status.NEW, []))
    gold = store.spans(annotation_id) if annotation_id is not None else []
    return GoldDocument(doc_id, store.document_text(doc_id),
                        compare_annotations(doc_id, annotations), annotation_id, tuple(gold),
                        status)


def adjudication_rows(store: ProjectStore, doc_ids: Sequence[int] | None = None
                      ) -> list[AdjudicationRow]:
    """Each document up for adjudication with its agreed spans, conflicts and gold status."""
    ids = list(eligible_documents(store) if doc_ids is None else doc_ids)
    rows: list[AdjudicationRow] = []
    for first in range(0, len(ids), BATCH):
        part = ids[first:first + BATCH]
        annotations = _done_annotations(store, part)
        gold = _gold(store, part)
        with store.engine.connect() as c:
            heads = {r.id: (r.position, r[2]) for r in c.execute(
                select(D.c.id, D.c.position, func.substr(D.c.text, 1, 80))
                .where(D.c.id.in_(part)))}
        for doc_id in part:
            compared = compare_annotations(doc_id, annotations[doc_id])
            position, head = heads[doc_id]
            rows.append(AdjudicationRow(
                doc_id, position, title_of(head or ""), compared.annotators,
                len(compared.agreed), len(compared.conflicts),
                gold[doc_id][1] if doc_id in gold else Status.NEW))
    return rows


def adjudication_progress(store: ProjectStore) -> AdjudicationProgress:
    """How many documents up for adjudication have a done, started or no gold annotation."""
    eligible = eligible_documents(store)
    statuses: dict[int, Status] = {}
    with store.engine.connect() as c:
        for doc_id, status in c.execute(
                select(N.c.document_id, N.c.status).join(A, A.c.id == N.c.annotator_id)
                .where(A.c.name == GOLD_ANNOTATOR)):
            statuses[int(doc_id)] = Status(status)
    done = sum(1 for d in eligible if statuses.get(d) is Status.DONE)
    started = sum(1 for d in eligible if statuses.get(d) in (Status.IN_PROGRESS, Status.SKIPPED))
    return AdjudicationProgress(len(eligible), done, started, len(eligible) - done - started)


# ------------------------------------------------------------------ writing
def gold_annotation_id(store: ProjectStore, doc_id: int) -> int:
    """The gold annotation of DOC_ID, created (status new) on first use."""
    return store.annotation_id(doc_id, GOLD_ANNOTATOR)


def premerge(store: ProjectStore, doc_ids: Iterable[int] | None = None, *,
             finish_agreed: bool = False,
             progress: Callable[[int], None] | None = None) -> PremergeReport:
    """Add the spans all annotators agree on to the gold set of each document (default: every
    document up for adjudication), one `Batch` per document. Documents whose gold annotation is
    done are left alone; with FINISH_AGREED, a document without conflicts is marked done.
    PROGRESS(documents looked at) is called after each batch."""
    ids = list(eligible_documents(store) if doc_ids is None else doc_ids)
    allow = store.project().overlap_policy is OverlapPolicy.ALLOW
    report = PremergeReport()
    for first in range(0, len(ids), BATCH):
        part = ids[first:first + BATCH]
        annotations = _done_annotations(store, part)
        gold = _gold(store, part)
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
                annotation_id = gold_annotation_id(store, doc_id)
            plan = premerge_operation(annotation_id, spans, compared.agreed, allow)
            operations = plan.operation.operations
            finish = finish_agreed and not compared.conflicts and not plan.blocked
            if finish:
                operations += (SetStatus(annotation_id, Status.DONE),)
            if operations:  # one transaction per document
                store.apply(Batch(operations, plan.operation.name))
            report.spans_added += len(plan.operation.operations)
            report.spans_already += plan.already
            report.spans_blocked += [f"document {doc_id}: [{s.start}, {s.end}) {s.label}"
                                     for s in plan.blocked]
            report.documents_finished += finish
        if progress is not None:
            progress(min(first + BATCH, len(ids)))
    return report


def pick_version(store: ProjectStore, document: GoldDocument, conflict: Conflict,
                 chosen: Sequence[Span]) -> Batch:
    """The edit (one undo step) that makes DOCUMENT's gold spans in CONFLICT exactly CHOSEN (a
    version's spans, or the curator's own; () = no entity there). The gold annotation is
    created if needed; apply the result with `store.apply` or through a `History`."""
    annotation_id = document.gold_annotation_id
    if annotation_id is None:
        annotation_id = gold_annotation_id(store, document.doc_id)
    return pick_operation(annotation_id, document.gold, conflict, chosen,
                          document.adjudication.agreed)


def set_gold_status(store: ProjectStore, doc_id: int, status: Status = Status.DONE) -> Change:
    """Mark DOC_ID's adjudication done (or reopen it with another status)."""
    return store.apply(SetStatus(gold_annotation_id(store, doc_id), status))
