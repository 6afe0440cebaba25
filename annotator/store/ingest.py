"""Add many documents (and the spans they carry) to a project in one transaction.

All or nothing: if any document or span is bad, the transaction rolls back and the project is
as it was. Documents arrive as a stream and are written in batches, so memory stays bounded.
Duplicates (same content hash as a document already in the project or earlier in the stream)
are skipped and counted. Spans are checked against the text and the labels, identical spans
are merged, and overlaps follow the project's policy; every span not kept is reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import (
    ORIGIN_IMPORTED,
    OverlapPolicy,
    SourceDocument,
    Span,
    SpanState,
    Status,
)
from annotator.store.tables import Annotation, Annotator, Document, Label, SpanRow, utcnow

D = Document.__table__  # type: ignore[attr-defined]
N = Annotation.__table__  # type: ignore[attr-defined]
S = SpanRow.__table__  # type: ignore[attr-defined]
A = Annotator.__table__  # type: ignore[attr-defined]
L = Label.__table__  # type: ignore[attr-defined]

BATCH = 500


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    characters: int = 0
    spans_added: int = 0
    spans_merged: int = 0  # identical spans in the input, stored once
    spans_not_kept: list[str] = field(default_factory=list)  # overlaps the policy refused
    document_ids: list[int] = field(default_factory=list)


@dataclass
class IngestOptions:
    annotator: str | None = None  # owner of the spans documents carry
    status: Status = Status.DONE  # status of annotations created for that annotator
    span_state: SpanState = SpanState.ACCEPTED
    origin: str = ORIGIN_IMPORTED
    create_labels: bool = False  # unknown labels: add them (True) or refuse the import


def ingest(c: Connection, documents: Iterable[SourceDocument], policy: OverlapPolicy,
           options: IngestOptions, progress: Callable[[int], None] | None = None) -> IngestReport:
    """Write DOCUMENTS within the open transaction on C."""
    report = IngestReport()
    position = int(c.execute(select(func.coalesce(func.max(D.c.position), -1))).scalar_one())
    labels = set(c.execute(select(L.c.name)).scalars())
    annotator_id = _annotator(c, options.annotator) if options.annotator else None
    seen: set[str] = set()
    pending: list[tuple[dict[str, object], SourceDocument]] = []

    def flush() -> None:
        if not pending:
            return
        hashes = [row["content_hash"] for row, _doc in pending]
        existing = set(c.execute(select(D.c.content_hash).where(D.c.content_hash.in_(hashes))).scalars())
        fresh = [(row, doc) for row, doc in pending if row["content_hash"] not in existing]
        report.duplicates += len(pending) - len(fresh)
        for row, doc in fresh:
            doc_id = int(c.execute(insert(D).values(**row)).inserted_primary_key[0])
            report.document_ids.append(doc_id)
            report.added += 1
            report.characters += len(doc.text)
            if annotator_id is not None:
                _write_annotation(c, doc_id, annotator_id, doc, labels, policy, options, report)
        pending.clear()

    import json

    for doc in documents:
        if "\x00" in doc.text:
            raise AnnotatorError(E.E211, file=doc.source, line=0,
                                 reason="the text holds a NUL character, which no database keeps")
        digest = content_hash(doc.text)
        if digest in seen:
            report.duplicates += 1
            continue
        seen.add(digest)
        position += 1
        pending.append(({
            "text": doc.text, "length": len(doc.text), "content_hash": digest,
            "source": doc.source, "meta": json.dumps(doc.meta, ensure_ascii=False, default=str),
            "position": position, "created_at": utcnow(),
        }, doc))
        if len(pending) >= BATCH:
            flush()
            if progress:
                progress(report.added + report.duplicates)
    flush()
    if progress:
        progress(report.added + report.duplicates)
    return report


def _annotator(c: Connection, name: str) -> int:
    found = c.execute(select(A.c.id).where(A.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return int(c.execute(insert(A).values(name=name, role="annotator", created_at=utcnow()))
               .inserted_primary_key[0])


def _write_annotation(c: Connection, doc_id: int, annotator_id: int, doc: SourceDocument,
                      labels: set[str], policy: OverlapPolicy, options: IngestOptions,
                      report: IngestReport) -> None:
    now = utcnow()
    annotation_id = int(c.execute(insert(N).values(
        document_id=doc_id, annotator_id=annotator_id, status=str(options.status), version=0,
        created_at=now, updated_at=now)).inserted_primary_key[0])
    kept = select_spans(doc, labels, policy, options, report)
    if kept:
        c.execute(insert(S), [
            {"annotation_id": annotation_id, "start": s.start, "end": s.end, "label": s.label,
             "state": str(options.span_state), "origin": options.origin, "score": None,
             "created_at": now, "updated_at": now}
            for s in kept
        ])
        report.spans_added += len(kept)


def select_spans(doc: SourceDocument, labels: set[str], policy: OverlapPolicy,
                 options: IngestOptions, report: IngestReport) -> list[Span]:
    """Check DOC's spans and choose the ones to keep; say why any other is left out."""
    length = len(doc.text)
    unique = sorted(set(doc.spans), key=lambda s: (s.start, -s.end, s.label))
    report.spans_merged += len(doc.spans) - len(unique)
    kept: list[Span] = []
    for span in unique:
        if not (0 <= span.start < span.end <= length):
            raise AnnotatorError(E.E211, file=doc.source, line=0,
                                 reason=f"span [{span.start}, {span.end}) {span.label} is outside "
                                        f"the text (length {length}) or empty")
        if span.label not in labels:
            if not options.create_labels:
                raise AnnotatorError(E.E104, label=span.label, known=", ".join(sorted(labels)))
        if policy is not OverlapPolicy.ALLOW and kept and kept[-1].end > span.start:
            report.spans_not_kept.append(
                f"{doc.source}: [{span.start}, {span.end}) {span.label} "
                f"{doc.text[span.start:span.end]!r} overlaps [{kept[-1].start}, {kept[-1].end}) "
                f"{kept[-1].label}; not kept (overlap policy {policy})")
            continue
        kept.append(span)
    return kept
