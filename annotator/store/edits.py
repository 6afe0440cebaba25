"""Apply domain operations to the database inside a transaction the caller opened.

Each function checks the domain rules (offsets in range, known label, overlap policy), writes,
bumps the annotation's version, and returns a Change with the inverse operation. Inverses pin
span ids, so undo and redo restore the very same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, bindparam, case, func, insert, select, update
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy, SpanState, Status, StoredSpan
from annotator.core.operations import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    AddSpan,
    Batch,
    Change,
    DeleteSpan,
    Operation,
    RejectSuggestion,
    RelabelSpan,
    ResizeSpan,
    RestoreState,
    SetStatus,
)
from annotator.store.span_statements import NOW, span_statements
from annotator.store.tables import Annotation, Document, Label, SpanRow, new_id, table_of, utcnow
from annotator.text.plain import is_separator, trim_span

S = table_of(SpanRow)
N = table_of(Annotation)
D = table_of(Document)
L = table_of(Label)

# The statements of every edit, built once: a prebuilt statement keeps its cache key, so each
# execution finds its compiled form in the engine's cache instead of building and hashing a new
# expression. Parameters are named so that none is also a column of the table written to. The
# reads and writes of spans by id or place are in `span_statements`, one set per access path.
# the values of an annotation row an edit moves on: version, time ("now"), new -> in progress
BUMP = dict(version=N.c.version + 1, updated_at=NOW,
            status=case((N.c.status == str(Status.NEW), str(Status.IN_PROGRESS)),
                        else_=N.c.status))
_INSERT_SPAN = insert(S)  # executed with the row's values
_TOUCH = update(N).where(N.c.id == bindparam("annotation_id")).values(**BUMP).returning(
    N.c.version)


def _row_to_span(r: Sequence[Any]) -> StoredSpan:
    return StoredSpan(r[0], r[1], r[2], r[3], r[4], SpanState(r[5]), r[6], r[7])


def load_span(c: Connection, span_id: int) -> StoredSpan:
    row = c.execute(span_statements(c).load, {"span_id": span_id}).first()
    if row is None:
        raise AnnotatorError(E.E109, span_id=span_id)
    return _row_to_span(row)


class SpanLengthBounds:
    """The longest span of each annotation, known at a given annotation version.

    A span can overlap [s, e) only if it starts after s - longest, so the overlap query reads a
    few index entries instead of every span before s. The bound is trusted only while the
    annotation's version is the one it was computed at (another process's edit bumps it); after
    this process's own edits it is updated, and a deletion leaves it larger than needed, which
    is still exact.
    """

    def __init__(self) -> None:
        self._known: dict[int, tuple[int, int]] = {}  # annotation id -> (version, longest)

    def longest(self, c: Connection, annotation_id: int, version: int) -> int:
        known = self._known.get(annotation_id)
        if known is not None and known[0] == version:
            return known[1]
        longest = c.execute(span_statements(c).longest,
                            {"annotation_id": annotation_id}).scalar_one()
        self._known[annotation_id] = (version, int(longest))
        return int(longest)

    def edited(self, annotation_id: int, old_version: int, new_length: int = 0) -> None:
        known = self._known.get(annotation_id)
        if known is not None and known[0] == old_version:
            self._known[annotation_id] = (old_version + 1, max(known[1], new_length))


def overlapping_spans(c: Connection, annotation_id: int, start: int, end: int,
                      longest: int | None = None) -> list[StoredSpan]:
    where = {"annotation_id": annotation_id, "span_start": start, "span_end": end}
    statements = span_statements(c)
    query = statements.overlaps
    if longest is not None:
        query, where["first_start"] = statements.overlaps_from, start - longest
    return [_row_to_span(r) for r in c.execute(query, where).all()]


def _document_length(c: Connection, annotation_id: int) -> tuple[int, int]:
    """(document length, annotation version) of an annotation."""
    row = c.execute(select(D.c.length, N.c.version).join(N, N.c.document_id == D.c.id)
                    .where(N.c.id == annotation_id)).first()
    if row is None:
        raise AnnotatorError(E.E117, annotation_id=annotation_id)
    return int(row[0]), int(row[1])


def check_offsets(start: int, end: int, length: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)) or start >= end:
        raise AnnotatorError(E.E106, start=start, end=end)
    if start < 0 or end > length:
        raise AnnotatorError(E.E105, start=start, end=end, length=length)


_EDGE_CHARACTERS = (select(func.substr(D.c.text, bindparam("first"), 1),
                           func.substr(D.c.text, bindparam("last"), 1))
                    .join(N, N.c.document_id == D.c.id).where(N.c.id == bindparam("annotation_id")))


def check_edges(c: Connection, annotation_id: int, start: int, end: int) -> None:
    """E170 when [START, END) (offsets already checked) begins or ends on whitespace or an
    invisible mark. Reads the two edge characters only, not the document's text."""
    row = c.execute(_EDGE_CHARACTERS, {"first": start + 1, "last": end,
                                       "annotation_id": annotation_id}).first()
    if row is None or not (is_separator(row[0]) or is_separator(row[1])):
        return
    text = c.execute(select(func.substr(D.c.text, max(1, start + 1), min(end - start, 200)))
                     .join(N, N.c.document_id == D.c.id)
                     .where(N.c.id == annotation_id)).scalar_one()
    first, last = trim_span(text, 0, len(text))
    hint = f": [{start + first}, {start + last})" if first < last else ""
    raise AnnotatorError(E.E170, start=start, end=end, mention=text, hint=hint)


def _check_label(c: Connection, label: str) -> None:
    if c.execute(select(L.c.id).where(L.c.name == label)).scalar() is None:
        refuse_label(c, label)


def refuse_label(c: Connection, label: str) -> None:
    known = ", ".join(c.execute(select(L.c.name).order_by(L.c.position)).scalars())
    raise AnnotatorError(E.E104, label=label, known=known or "(none)")


def _touch(c: Connection, annotation_id: int, bounds: SpanLengthBounds, new_length: int = 0) -> None:
    """Bump the version (a new annotation with an edit moves from new to in progress), and
    carry the span-length bound over to the new version."""
    version = c.execute(_TOUCH, {"annotation_id": annotation_id, "now": utcnow()}).scalar_one()
    bounds.edited(annotation_id, int(version) - 1, new_length)


def _add(c: Connection, op: AddSpan, policy: OverlapPolicy, bounds: SpanLengthBounds) -> Change:
    length, version = _document_length(c, op.annotation_id)
    check_offsets(op.start, op.end, length)
    if op.span_id is None:  # a restore (undo) brings back what was stored, as it was
        check_edges(c, op.annotation_id, op.start, op.end)
    _check_label(c, op.label)
    change = add_checked(c, op, policy, bounds, version)
    _touch(c, op.annotation_id, bounds, op.end - op.start)
    return change


def add_checked(c: Connection, op: AddSpan, policy: OverlapPolicy, bounds: SpanLengthBounds,
                version: int) -> Change:
    """Add OP's span (offsets and label already checked; VERSION, the annotation's version
    before this edit; the caller bumps it). One read finds a duplicate and the overlaps."""
    removed: list[StoredSpan] = []
    others: list[StoredSpan] = []
    if policy is OverlapPolicy.ALLOW:
        duplicate = c.execute(span_statements(c).duplicate, {
            "annotation_id": op.annotation_id, "span_start": op.start, "span_end": op.end,
            "span_label": op.label}).scalar() is not None
    else:  # a duplicate overlaps, and is no longer than the longest span: it is among these
        longest = bounds.longest(c, op.annotation_id, version)
        others = overlapping_spans(c, op.annotation_id, op.start, op.end, longest)
        duplicate = any(s.start == op.start and s.end == op.end and s.label == op.label
                        for s in others)
    if duplicate:
        raise AnnotatorError(E.E108, start=op.start, end=op.end, label=op.label)
    if policy is not OverlapPolicy.ALLOW:
        replace = op.replace_overlapping
        if replace is None:
            replace = policy is OverlapPolicy.REPLACE
        if others and not replace:
            first = others[0]
            raise AnnotatorError(E.E107, start=op.start, end=op.end, label=op.label,
                                 other=f"[{first.start}, {first.end}) {first.label}")
        if others:
            c.execute(span_statements(c).delete, {"span_ids": [other.id for other in others]})
        removed = others
    now = utcnow()
    values: dict[str, object] = dict(
        annotation_id=op.annotation_id, start=op.start, end=op.end, label=op.label,
        state=str(op.state), origin=op.origin, score=op.score, created_at=now, updated_at=now)
    if op.span_id is not None:
        values["id"] = op.span_id
    span_id = new_id(c.execute(_INSERT_SPAN, values))
    added = StoredSpan(span_id, op.annotation_id, op.start, op.end, op.label, op.state,
                       op.origin, op.score)
    pinned = AddSpan(op.annotation_id, op.start, op.end, op.label, op.state, op.origin,
                     op.score, span_id, replace_overlapping=bool(removed) or op.replace_overlapping)
    inverse: Operation = DeleteSpan(span_id)
    if removed:
        inverse = Batch((DeleteSpan(span_id), *(restore(s) for s in removed)), "undo replace")
    return Change(pinned, inverse, added=[added], removed=removed,
                  annotation_ids={op.annotation_id})


def restore(span: StoredSpan) -> AddSpan:
    return AddSpan(span.annotation_id, span.start, span.end, span.label, span.state,
                   span.origin, span.score, span.id, replace_overlapping=False)


def _delete(c: Connection, op: DeleteSpan | RejectSuggestion, bounds: SpanLengthBounds) -> Change:
    span = load_span(c, op.span_id)
    if isinstance(op, RejectSuggestion) and span.state is not SpanState.SUGGESTED:
        raise AnnotatorError(E.E112, span_id=op.span_id)
    c.execute(span_statements(c).delete, {"span_ids": [span.id]})
    _touch(c, span.annotation_id, bounds)
    return Change(op, restore(span), removed=[span], annotation_ids={span.annotation_id})


def _update(c: Connection, op: Operation, span: StoredSpan, after: StoredSpan,
            inverse: Operation, bounds: SpanLengthBounds) -> Change:
    c.execute(span_statements(c).update, {
        "span_id": span.id, "new_start": after.start, "new_end": after.end,
        "new_label": after.label, "new_state": str(after.state), "now": utcnow()})
    _touch(c, span.annotation_id, bounds, after.end - after.start)
    return Change(op, inverse, updated=[(span, after)], annotation_ids={span.annotation_id})


def _relabel(c: Connection, op: RelabelSpan, bounds: SpanLengthBounds) -> Change:
    span = load_span(c, op.span_id)
    _check_label(c, op.label)
    after = StoredSpan(span.id, span.annotation_id, span.start, span.end, op.label,
                       span.state, span.origin, span.score)
    return _update(c, op, span, after, RelabelSpan(span.id, span.label), bounds)


def _resize(c: Connection, op: ResizeSpan, policy: OverlapPolicy,
            bounds: SpanLengthBounds) -> Change:
    span = load_span(c, op.span_id)
    length, version = _document_length(c, span.annotation_id)
    check_offsets(op.start, op.end, length)
    check_edges(c, span.annotation_id, op.start, op.end)
    if policy is not OverlapPolicy.ALLOW:
        longest = bounds.longest(c, span.annotation_id, version)
        others = [s for s in overlapping_spans(c, span.annotation_id, op.start, op.end, longest)
                  if s.id != span.id]
        if others:
            first = others[0]
            raise AnnotatorError(E.E107, start=op.start, end=op.end, label=span.label,
                                 other=f"[{first.start}, {first.end}) {first.label}")
    after = StoredSpan(span.id, span.annotation_id, op.start, op.end, span.label,
                       span.state, span.origin, span.score)
    return _update(c, op, span, after, ResizeSpan(span.id, span.start, span.end), bounds)


def _set_state(c: Connection, op: AcceptSuggestion | RestoreState, state: SpanState,
               bounds: SpanLengthBounds) -> Change:
    span = load_span(c, op.span_id)
    if isinstance(op, AcceptSuggestion) and span.state is not SpanState.SUGGESTED:
        raise AnnotatorError(E.E112, span_id=op.span_id)
    after = StoredSpan(span.id, span.annotation_id, span.start, span.end, span.label,
                       state, span.origin, span.score)
    return _update(c, op, span, after, RestoreState(span.id, span.state), bounds)


def _accept_all(c: Connection, op: AcceptAllSuggestions, policy: OverlapPolicy,
                bounds: SpanLengthBounds) -> Change:
    ids = c.execute(select(S.c.id).where(and_(
        S.c.annotation_id == op.annotation_id, S.c.state == str(SpanState.SUGGESTED)))
        .order_by(S.c.start)).scalars().all()
    return _batch(c, Batch(tuple(AcceptSuggestion(i) for i in ids), "accept all suggestions"),
                  policy, bounds)


def _set_status(c: Connection, op: SetStatus) -> Change:
    before = c.execute(select(N.c.status).where(N.c.id == op.annotation_id)).scalar()
    if before is None:
        raise AnnotatorError(E.E117, annotation_id=op.annotation_id)
    c.execute(update(N).where(N.c.id == op.annotation_id).values(
        status=str(op.status), version=N.c.version + 1, updated_at=utcnow()))
    return Change(op, SetStatus(op.annotation_id, Status(before)),
                  status=(Status(before), op.status), annotation_ids={op.annotation_id})


def _batch(c: Connection, op: Batch, policy: OverlapPolicy, bounds: SpanLengthBounds) -> Change:
    parts = [apply_operation(c, inner, policy, bounds) for inner in op.operations]
    change = Change(Batch(tuple(p.operation for p in parts), op.name),
                    Batch(tuple(p.inverse for p in reversed(parts)), f"undo {op.name}"))
    for part in parts:
        change.merge(part)
    return change


def apply_operation(c: Connection, op: Operation, policy: OverlapPolicy,
                    bounds: SpanLengthBounds | None = None) -> Change:
    """Apply OP within the open transaction on C and return what changed."""
    bounds = bounds or SpanLengthBounds()
    if isinstance(op, AddSpan):
        return _add(c, op, policy, bounds)
    if isinstance(op, DeleteSpan | RejectSuggestion):
        return _delete(c, op, bounds)
    if isinstance(op, RelabelSpan):
        return _relabel(c, op, bounds)
    if isinstance(op, ResizeSpan):
        return _resize(c, op, policy, bounds)
    if isinstance(op, AcceptSuggestion):
        return _set_state(c, op, SpanState.ACCEPTED, bounds)
    if isinstance(op, RestoreState):
        return _set_state(c, op, op.state, bounds)
    if isinstance(op, AcceptAllSuggestions):
        return _accept_all(c, op, policy, bounds)
    if isinstance(op, SetStatus):
        return _set_status(c, op)
    if isinstance(op, Batch):
        return _batch(c, op, policy, bounds)
    raise TypeError(f"not an operation: {op!r}")
