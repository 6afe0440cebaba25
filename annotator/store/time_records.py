"""Annotation time in the project: write the recorder's records, read them back for the report.

`record_time` applies a `RecordTime` inside the caller's transaction: every record is checked
first (the document exists, the annotator is known, seconds are finite and not negative, the
label is the project's), then all are inserted, so a bad record writes nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, case, func, insert, select
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Status
from annotator.core.operations import RecordTime
from annotator.core.timing import DocumentTime, SpanTime
from annotator.store.tables import (
    Annotation,
    Annotator,
    Document,
    DocumentTimeRow,
    Label,
    SpanTimeRow,
    table_of,
    utcnow,
)

A, D, L, N = (table_of(t) for t in (Annotator, Document, Label, Annotation))
DT, ST = table_of(DocumentTimeRow), table_of(SpanTimeRow)


def record_time(c: Connection, operation: RecordTime) -> int:
    """Insert every record of OPERATION (checked first; nothing is written if one is bad).
    Returns the number of rows written."""
    records = operation.records
    if not records:
        return 0
    annotators = {str(name): int(key) for name, key in c.execute(
        select(A.c.name, A.c.id).where(A.c.name.in_({r.annotator for r in records})))}
    documents = {int(d) for d in c.execute(select(D.c.id).where(
        D.c.id.in_({r.doc_id for r in records}))).scalars()}
    labels = set(c.execute(select(L.c.name)).scalars())
    now = utcnow()
    document_rows: list[dict[str, object]] = []
    span_rows: list[dict[str, object]] = []
    for record in records:
        if record.doc_id not in documents:
            raise AnnotatorError(E.E180, doc_id=record.doc_id)
        annotator_id = annotators.get(record.annotator)
        if annotator_id is None:
            raise AnnotatorError(E.E182, doc_id=record.doc_id,
                                 reason=f"no annotator named {record.annotator!r}")
        seconds = record.active_seconds
        if not isinstance(seconds, (int, float)) or not math.isfinite(seconds) or seconds < 0:
            raise AnnotatorError(E.E181, doc_id=record.doc_id, what="active time", value=seconds)
        owner = {"document_id": record.doc_id, "annotator_id": annotator_id,
                 "pretagged": bool(record.pretagged), "recorded_at": now}
        if isinstance(record, DocumentTime):
            document_rows.append({**owner, "active_seconds": float(seconds)})
            continue
        _check_span_record(record, labels)
        span_rows.append({**owner, "span_id": record.span_id, "start": record.start,
                          "end": record.end, "label": record.label,
                          "decision": record.decision.value, "seconds": float(seconds)})
    if document_rows:
        c.execute(insert(DT), document_rows)
    if span_rows:
        c.execute(insert(ST), span_rows)
    return len(document_rows) + len(span_rows)


def _check_span_record(record: SpanTime, labels: set[str]) -> None:
    if record.label not in labels:
        raise AnnotatorError(E.E182, doc_id=record.doc_id,
                             reason=f"unknown label {record.label!r}")
    if (record.start is None) != (record.end is None) or (
            record.start is not None and record.end is not None
            and not 0 <= record.start < record.end):
        raise AnnotatorError(E.E182, doc_id=record.doc_id,
                             reason=f"span offsets [{record.start}, {record.end}) are not a span")


# ----------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class DocumentSeconds:
    annotator: str
    doc_id: int
    pretagged: bool  # any stretch of work on it was with pre-tags
    seconds: float
    done: bool  # the annotator has marked it done


@dataclass(frozen=True)
class DecisionSeconds:
    annotator: str
    doc_id: int
    label: str
    decision: str
    count: int
    seconds: float
    pretagged: bool = False  # the document's flag (as in DocumentSeconds)


@dataclass(frozen=True)
class RecordedTimes:
    documents: list[DocumentSeconds]
    decisions: list[DecisionSeconds]


def recorded_times(c: Connection) -> RecordedTimes:
    """Every annotator's recorded time, summed per document and per (document, label,
    decision); the report (`app.annotation_time`) makes the figures from these."""
    done = {(str(name), int(doc)) for name, doc in c.execute(
        select(A.c.name, N.c.document_id).join(N, N.c.annotator_id == A.c.id)
        .where(N.c.status == str(Status.DONE)))}
    pretag_flags: dict[tuple[str, int], bool] = {}
    per_document: dict[tuple[str, int], float] = {}
    for name, doc, pretagged, seconds in c.execute(
            select(A.c.name, DT.c.document_id, func.max(_as_int(DT.c.pretagged)),
                   func.sum(DT.c.active_seconds))
            .join(A, A.c.id == DT.c.annotator_id)
            .group_by(A.c.name, DT.c.document_id)):
        key = (str(name), int(doc))
        per_document[key] = float(seconds or 0.0)
        pretag_flags[key] = bool(pretagged)
    decisions: list[DecisionSeconds] = []
    for name, doc, label, decision, pretagged, count, seconds in c.execute(
            select(A.c.name, ST.c.document_id, ST.c.label, ST.c.decision,
                   func.max(_as_int(ST.c.pretagged)), func.count(), func.sum(ST.c.seconds))
            .join(A, A.c.id == ST.c.annotator_id)
            .group_by(A.c.name, ST.c.document_id, ST.c.label, ST.c.decision)
            .order_by(A.c.name, ST.c.document_id, ST.c.label, ST.c.decision)):
        key = (str(name), int(doc))
        pretag_flags[key] = pretag_flags.get(key, False) or bool(pretagged)
        decisions.append(DecisionSeconds(key[0], key[1], str(label), str(decision), int(count),
                                         float(seconds or 0.0)))
    decisions = [replace(d, pretagged=pretag_flags[(d.annotator, d.doc_id)]) for d in decisions]
    documents = [DocumentSeconds(name, doc, pretag_flags.get((name, doc), False), seconds,
                                 (name, doc) in done)
                 for (name, doc), seconds in sorted(per_document.items())]
    return RecordedTimes(documents, decisions)


def _as_int(column: ColumnElement[bool]) -> ColumnElement[int]:
    """A boolean column as 0/1, so max() works on SQLite and PostgreSQL alike."""
    return case((column.is_(True), 1), else_=0)
