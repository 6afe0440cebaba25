"""The everyday edits (add, relabel or delete a span; set a status) in as few statements as the
guarantees allow: they are the editor's keystrokes, and on a server every statement is a round
trip.

A span edit starts with one UPDATE of its annotation's row: it bumps the version (a new
annotation moves to in progress), and so takes the row lock that serialises edits to the
annotation. On PostgreSQL an UPDATE that changes no key column takes the very lock
`AnnotationVersions.lock` takes (FOR NO KEY UPDATE); SQLite's write transaction already holds
the whole database. The UPDATE returns the new version with the document's length and whether
the label exists, so the version before the edit (one less) is compared with the store's view
exactly as before (`concurrency`): a stale view may add spans, any other change is refused with
E114. Everything after the lock reads the database afresh, and a refused edit rolls the bump
back with the rest. Per edit, besides BEGIN and COMMIT:

- add: bump, one read of the overlapping spans (duplicates among them), insert;
- relabel: bump, read the span, update it;
- delete (or reject a suggestion): bump, delete returning the span;
- set status: lock and read the status, update.

Other operations (batches, resize, accept) take the general path in `edits`. On blind mode's
access path (migrations 0008, 0011) the bump is `annotator_api.claim_annotation` and the span
statements are the functions of `span_statements`: a span edit there reads no view, so it needs
no scope hint (`blind_scope`) and costs the same statements as on the tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, func, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Executable

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy, SpanState, Status, StoredSpan
from annotator.core.operations import (
    AddSpan,
    Change,
    DeleteSpan,
    Operation,
    RejectSuggestion,
    RelabelSpan,
    SetStatus,
)
from annotator.store.concurrency import AnnotationState, AnnotationVersions
from annotator.store.edits import (
    BUMP,
    SpanLengthBounds,
    add_checked,
    check_edges,
    check_offsets,
    load_span,
    refuse_label,
    restore,
)
from annotator.store.span_statements import FUNCTIONS, NOW, TABLES, span_statements
from annotator.store.tables import Annotation, Document, Label, SpanRow, table_of, utcnow
from annotator.text.plain import is_separator

S = table_of(SpanRow)
N = table_of(Annotation)
D = table_of(Document)
L = table_of(Label)

SINGLE_EDITS = (AddSpan, RelabelSpan, DeleteSpan, RejectSuggestion, SetStatus)


class Claim:
    """The annotation row a claim bumped (and locked): as the edit leaves it, with the length
    of its document and whether the label asked about exists."""

    def __init__(self, row: tuple[Any, ...]) -> None:
        self.annotation_id = int(row[0])
        self.state = AnnotationState(int(row[1]), Status(row[2]), int(row[3]))
        self.length = int(row[4])
        self.label_known = len(row) < 6 or row[5] is not None
        self.edges = (str(row[6] or ""), str(row[7] or "")) if len(row) > 7 else ("", "")

    @property
    def version(self) -> int:
        return self.state.version


class Edited:
    """A committed-to-be edit: the change, the annotation as it leaves it, and whether the
    store's view of the annotation was stale (then it stays stale)."""

    def __init__(self, change: Change, annotation_id: int, state: AnnotationState,
                 stale: bool) -> None:
        self.change = change
        self.states = {annotation_id: state}
        self.stale = {annotation_id} if stale else set()


# Each statement is built once (see `edits`): the claims bump the annotation (by its id, or by
# the span's) and return its id, new version, status and document, the document's length and,
# with a label, the label's id.
_DOCUMENT_LENGTH = select(D.c.length).where(D.c.id == N.c.document_id).scalar_subquery()
_LABEL_ID = select(L.c.id).where(L.c.name == bindparam("label_name")).scalar_subquery()
_BY_ANNOTATION = N.c.id == bindparam("annotation_id")
_CLAIMED = (N.c.id, N.c.version, N.c.status, N.c.document_id, _DOCUMENT_LENGTH)
_EDGES = (select(func.substr(D.c.text, bindparam("first"), 1)).where(D.c.id == N.c.document_id)
          .scalar_subquery(),
          select(func.substr(D.c.text, bindparam("last"), 1)).where(D.c.id == N.c.document_id)
          .scalar_subquery())
_CLAIM_FOR_ADD = update(N).where(_BY_ANNOTATION).values(**BUMP).returning(
    *_CLAIMED, _LABEL_ID, *_EDGES)


_CLAIMS: dict[str, Sequence[Executable]] = {  # access path -> claims: add, relabel, delete
    TABLES.name: (_CLAIM_FOR_ADD,
                  update(N).where(N.c.id == TABLES.annotation_of_span).values(**BUMP)
                  .returning(*_CLAIMED, _LABEL_ID),
                  update(N).where(N.c.id == TABLES.annotation_of_span).values(**BUMP)
                  .returning(*_CLAIMED)),
    # blind mode's views (migration 0011): the bump by a function, no read of a view
    FUNCTIONS.name: tuple(text(
        "SELECT c.id, c.version, c.status, c.document_id, d.length" + more
        + f" FROM annotator_api.claim_annotation({which}, :now) c"
        " JOIN document d ON d.id = c.document_id").bindparams(NOW) for which, more in (
            (":annotation_id", ", (SELECT l.id FROM label l WHERE l.name = :label_name),"
             " substr(d.text, :first, 1), substr(d.text, :last, 1)"),
            ("annotator_api.span_annotation(:span_id)",
             ", (SELECT l.id FROM label l WHERE l.name = :label_name)"),
            ("annotator_api.span_annotation(:span_id)", ""))),
}
_READ_STATUS = select(N.c.version, N.c.status, N.c.document_id).where(
    _BY_ANNOTATION).with_for_update(key_share=True)
_SET_STATUS = update(N).where(_BY_ANNOTATION).values(
    status=bindparam("new_status", type_=N.c.status.type), version=N.c.version + 1,
    updated_at=NOW)


def _claim(c: Connection, claim: Executable, parameters: dict[str, object]) -> Claim:
    """Bump (and so lock) the annotation CLAIM picks. Raises LookupError when no row moved."""
    row = c.execute(claim, {**parameters, "now": utcnow()}).first()
    if row is None:
        raise LookupError
    return Claim(tuple(row))


def _refuse_missing_annotation(c: Connection, annotation_id: int) -> None:
    if c.execute(select(N.c.id).where(N.c.id == annotation_id)).scalar() is not None:
        raise AnnotatorError(E.E159, annotation_id=annotation_id)  # readable, not writable (RLS)
    raise AnnotatorError(E.E117, annotation_id=annotation_id)


def _refuse_missing_span(c: Connection, span_id: int) -> None:
    row = c.execute(span_statements(c).load, {"span_id": span_id}).first()
    annotation_id = None if row is None else row[1]
    if annotation_id is not None:
        _refuse_missing_annotation(c, int(annotation_id))
    raise AnnotatorError(E.E109, span_id=span_id)


def _claim_span(c: Connection, span_id: int, label: str | None = None) -> Claim:
    _, for_relabel, for_delete = _CLAIMS[span_statements(c).name]
    try:
        if label is None:
            return _claim(c, for_delete, {"span_id": span_id})
        return _claim(c, for_relabel, {"span_id": span_id, "label_name": label})
    except LookupError:
        _refuse_missing_span(c, span_id)
        raise


def _add(c: Connection, op: AddSpan, policy: OverlapPolicy, bounds: SpanLengthBounds,
         versions: AnnotationVersions) -> Edited:
    try:
        claim = _claim(c, _CLAIMS[span_statements(c).name][0], {
            "annotation_id": op.annotation_id, "label_name": op.label, "first": op.start + 1,
            "last": op.end})
    except LookupError:
        _refuse_missing_annotation(c, op.annotation_id)
        raise
    check_offsets(op.start, op.end, claim.length)
    # E170 for a span on whitespace; a restore (undo) brings back what was stored, as it was
    if op.span_id is None and any(is_separator(edge) for edge in claim.edges if edge):
        check_edges(c, op.annotation_id, op.start, op.end)
    if not claim.label_known:
        refuse_label(c, op.label)
    change = add_checked(c, op, policy, bounds, claim.version - 1)
    bounds.edited(claim.annotation_id, claim.version - 1, op.end - op.start)
    return _edited(change, claim, versions)


def _relabel(c: Connection, op: RelabelSpan, bounds: SpanLengthBounds,
             versions: AnnotationVersions) -> Edited:
    claim = _claim_span(c, op.span_id, op.label)
    span = load_span(c, op.span_id)  # after the lock: what is there now
    if not claim.label_known:
        refuse_label(c, op.label)
    after = StoredSpan(span.id, span.annotation_id, span.start, span.end, op.label,
                       span.state, span.origin, span.score)
    c.execute(span_statements(c).update, {
        "span_id": span.id, "new_start": span.start, "new_end": span.end, "new_label": op.label,
        "new_state": str(span.state), "now": utcnow()})
    bounds.edited(claim.annotation_id, claim.version - 1)
    change = Change(op, RelabelSpan(span.id, span.label), updated=[(span, after)],
                    annotation_ids={claim.annotation_id})
    return _edited(change, claim, versions)


def _delete(c: Connection, op: DeleteSpan | RejectSuggestion, bounds: SpanLengthBounds,
            versions: AnnotationVersions) -> Edited:
    claim = _claim_span(c, op.span_id)
    row = c.execute(span_statements(c).delete, {"span_ids": [op.span_id]}).first()
    if row is None:
        raise AnnotatorError(E.E109, span_id=op.span_id)
    span = StoredSpan(row[0], row[1], row[2], row[3], row[4], SpanState(row[5]), row[6], row[7])
    if isinstance(op, RejectSuggestion) and span.state is not SpanState.SUGGESTED:
        raise AnnotatorError(E.E112, span_id=op.span_id)  # rolled back with the delete
    bounds.edited(claim.annotation_id, claim.version - 1)
    change = Change(op, restore(span), removed=[span], annotation_ids={claim.annotation_id})
    return _edited(change, claim, versions)


def _edited(change: Change, claim: Claim, versions: AnnotationVersions) -> Edited:
    stale = versions.moved(claim.annotation_id, claim.version - 1)
    return Edited(change, claim.annotation_id, claim.state, stale)


def _set_status(c: Connection, op: SetStatus, bounds: SpanLengthBounds,
                versions: AnnotationVersions) -> Edited:
    row = c.execute(_READ_STATUS, {"annotation_id": op.annotation_id}).first()
    if row is None:
        _refuse_missing_annotation(c, op.annotation_id)
        raise AssertionError("unreachable")
    version, before = int(row[0]), Status(row[1])
    c.execute(_SET_STATUS, {"annotation_id": op.annotation_id, "new_status": str(op.status),
                            "now": utcnow()})
    bounds.edited(op.annotation_id, version)  # no span changed: the bound holds on
    change = Change(op, SetStatus(op.annotation_id, before), status=(before, op.status),
                    annotation_ids={op.annotation_id})
    state = AnnotationState(version + 1, op.status, int(row[2]))
    return Edited(change, op.annotation_id, state, versions.moved(op.annotation_id, version))


def apply_single_edit(c: Connection, op: Operation, policy: OverlapPolicy,
                      bounds: SpanLengthBounds, versions: AnnotationVersions) -> Edited:
    """Apply one of SINGLE_EDITS within the open transaction on C; refuse (E114) a change made
    from a stale view (the caller rolls back). The caller moves VERSIONS on after the commit."""
    if isinstance(op, AddSpan):
        edited = _add(c, op, policy, bounds, versions)
    elif isinstance(op, RelabelSpan):
        edited = _relabel(c, op, bounds, versions)
    elif isinstance(op, DeleteSpan | RejectSuggestion):
        edited = _delete(c, op, bounds, versions)
    elif isinstance(op, SetStatus):
        edited = _set_status(c, op, bounds, versions)
    else:
        raise TypeError(f"not a single edit: {op!r}")
    AnnotationVersions.refuse_overwrites(edited.stale, edited.change)
    return edited
