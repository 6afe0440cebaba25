"""Add many documents (and the spans they carry) to a project in one transaction.

All or nothing: if any document or span is bad, the transaction rolls back and the project is
as it was. Documents arrive as a stream and are written in batches, so memory stays bounded.
Duplicates (same content hash as a document already in the project or earlier in the stream)
are skipped and counted. Spans are checked against the text and the labels, identical spans
are merged, and overlaps follow the project's policy; every span not kept is reported.

Spans belong to an annotator: `IngestOptions.annotator` (--annotator) when given, else the one
the file names (`SourceDocument.annotator` / `.more`), else `IngestOptions.default_annotator`.
A duplicate document that carries annotations (a second annotator's export of the same texts)
adds them to the document already in the project instead of being dropped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import (
    ORIGIN_IMPORTED,
    OverlapPolicy,
    SourceDocument,
    Span,
    SpanState,
    Status,
    default_label_specs,
)
from annotator.store.search_index import deferred_search_index
from annotator.store.tables import (
    Annotation,
    Annotator,
    Document,
    Label,
    SpanRow,
    new_id,
    table_of,
    utcnow,
)

D, N, S, A, L = (table_of(t) for t in (Document, Annotation, SpanRow, Annotator, Label))

BATCH = 1000  # documents written per executemany
SPAN_CHUNK = 5000  # span rows per executemany
IMPORT_ANNOTATOR = "imported"  # owner of imported spans when neither the user nor the file names one


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
    annotation_ids: set[int] = field(default_factory=set)  # annotations written to
    annotated_documents: set[int] = field(default_factory=set)  # their documents
    annotations_added: int = 0  # annotation sets written (one per document and annotator)
    annotations_to_duplicates: int = 0  # of those, added to a document already present
    annotators: set[str] = field(default_factory=set)  # who the imported spans belong to


@dataclass
class IngestOptions:
    annotator: str | None = None  # owner of the spans documents carry
    status: Status = Status.DONE  # status of annotations created for that annotator
    span_state: SpanState = SpanState.ACCEPTED
    origin: str = ORIGIN_IMPORTED
    create_labels: bool = False  # unknown labels: add them (True) or refuse the import
    default_annotator: str = IMPORT_ANNOTATOR  # owner of spans no one is named for


def ingest(c: Connection, documents: Iterable[SourceDocument], policy: OverlapPolicy,
           options: IngestOptions, progress: Callable[[int], None] | None = None) -> IngestReport:
    """Write DOCUMENTS within the open transaction on C; the new documents' titles go into the
    search index in one statement at the end (`search_index`)."""
    with deferred_search_index(c):
        return _ingest(c, documents, policy, options, progress)


def _ingest(c: Connection, documents: Iterable[SourceDocument], policy: OverlapPolicy,
            options: IngestOptions, progress: Callable[[int], None] | None) -> IngestReport:
    report = IngestReport()
    position = int(c.execute(select(func.coalesce(func.max(D.c.position), -1))).scalar_one())
    labels = set(c.execute(select(L.c.name)).scalars())
    annotator_ids: dict[str, int] = {}
    seen: dict[str, int | None] = {}  # content hash -> document id (None while pending)
    pending: list[tuple[dict[str, object], SourceDocument]] = []

    def annotation_sets(doc: SourceDocument) -> dict[str, list[Span]]:
        sets = doc.annotation_sets(options.annotator, options.default_annotator)
        if not sets and options.annotator:
            sets = {options.annotator: []}
        return sets

    def write(doc_id: int, doc: SourceDocument, sets: dict[str, list[Span]]) -> None:
        for name, spans in sets.items():
            if name not in annotator_ids:
                annotator_ids[name] = _annotator(c, name)
            report.annotators.add(name)
            _write_annotation(c, doc_id, annotator_ids[name], doc, spans, labels, policy,
                              options, report)

    def flush() -> None:
        if not pending:
            return
        hashes = [row["content_hash"] for row, _doc in pending]
        existing: dict[str, int] = dict(c.execute(select(D.c.content_hash, D.c.id)
                                  .where(D.c.content_hash.in_(hashes))).all())
        fresh = [(row, doc) for row, doc in pending if str(row["content_hash"]) not in existing]
        new_ids = _insert_documents(c, [row for row, _doc in fresh])
        created = iter(zip(new_ids, fresh, strict=True))
        new_annotations: list[tuple[int, str, SourceDocument, list[Span]]] = []
        for row, doc in pending:
            digest = str(row["content_hash"])
            if digest in existing:
                report.duplicates += 1
                seen[digest] = int(existing[digest])
                sets = annotation_sets(doc) if doc.spans or doc.annotated or doc.more else {}
                if sets:
                    report.annotations_to_duplicates += len(sets)
                    write(int(existing[digest]), doc, sets)
                continue
            doc_id, _fresh = next(created)
            seen[digest] = doc_id
            report.document_ids.append(doc_id)
            report.added += 1
            report.characters += len(doc.text)
            new_annotations += [(doc_id, name, doc, spans)
                                for name, spans in annotation_sets(doc).items()]
        for name in {name for _id, name, _doc, _spans in new_annotations}:
            if name not in annotator_ids:
                annotator_ids[name] = _annotator(c, name)
            report.annotators.add(name)
        _write_new_annotations(c, [(doc_id, annotator_ids[name], doc, spans)
                                   for doc_id, name, doc, spans in new_annotations],
                               labels, policy, options, report)
        pending.clear()

    import json

    for doc in documents:
        if "\x00" in doc.text:
            raise AnnotatorError(E.E211, file=doc.source, line=0,
                                 reason="the text holds a NUL character, which no database keeps")
        digest = content_hash(doc.text)
        if digest in seen:
            report.duplicates += 1
            sets = annotation_sets(doc) if doc.spans or doc.annotated or doc.more else {}
            if sets:  # the same text again, with annotations: keep them on the first copy
                if seen[digest] is None:
                    flush()
                doc_id = seen[digest]
                assert doc_id is not None
                report.annotations_to_duplicates += len(sets)
                write(doc_id, doc, sets)
            continue
        seen[digest] = None
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


def _insert_documents(c: Connection, rows: list[dict[str, object]]) -> list[int]:
    """Insert ROWS in one executemany; their new ids, in ROWS' order."""
    if not rows:
        return []
    c.execute(insert(D), rows)  # (RETURNING in order would be one statement per row on SQLite)
    hashes = [str(row["content_hash"]) for row in rows]
    ids: dict[str, int] = dict(c.execute(select(D.c.content_hash, D.c.id)
                                         .where(D.c.content_hash.in_(hashes))).all())
    return [int(ids[h]) for h in hashes]


def _write_new_annotations(c: Connection, items: list[tuple[int, int, SourceDocument, list[Span]]],
                           labels: set[str], policy: OverlapPolicy, options: IngestOptions,
                           report: IngestReport) -> None:
    """Create the annotations of documents just inserted (none exists yet: one per document
    and annotator) with their checked spans: one executemany for the annotations, one for all
    their spans."""
    if not items:
        return
    kept = [select_spans(doc, labels, policy, options, report, spans)
            for _doc_id, _annotator_id, doc, spans in items]
    now = utcnow()
    c.execute(insert(N), [
        {"document_id": doc_id, "annotator_id": annotator_id, "status": str(options.status),
         "version": 0, "created_at": now, "updated_at": now}
        for doc_id, annotator_id, _doc, _spans in items])
    doc_ids = sorted({doc_id for doc_id, _a, _d, _s in items})
    found = {(d, a): i for i, d, a in c.execute(select(N.c.id, N.c.document_id, N.c.annotator_id)
                                                .where(N.c.document_id.in_(doc_ids)))}
    annotation_ids = [int(found[doc_id, annotator_id])
                      for doc_id, annotator_id, _doc, _spans in items]
    report.annotations_added += len(items)
    report.annotation_ids.update(annotation_ids)
    report.annotated_documents.update(doc_id for doc_id, _a, _d, _s in items)
    rows = [{"annotation_id": annotation_id, "start": s.start, "end": s.end, "label": s.label,
             "state": str(options.span_state), "origin": options.origin, "score": None,
             "created_at": now, "updated_at": now}
            for annotation_id, spans in zip(annotation_ids, kept, strict=True) for s in spans]
    for first in range(0, len(rows), SPAN_CHUNK):
        c.execute(insert(S), rows[first:first + SPAN_CHUNK])
    report.spans_added += len(rows)


def _annotator(c: Connection, name: str) -> int:
    found = c.execute(select(A.c.id).where(A.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return new_id(c.execute(insert(A).values(name=name, role="annotator",
                                             created_at=utcnow())))


def _write_annotation(c: Connection, doc_id: int, annotator_id: int, doc: SourceDocument,
                      spans: list[Span], labels: set[str], policy: OverlapPolicy,
                      options: IngestOptions, report: IngestReport) -> None:
    """Add SPANS to the annotation of DOC_ID by ANNOTATOR_ID, creating it if need be."""
    now = utcnow()
    found = c.execute(select(N.c.id, N.c.status).where(
        N.c.document_id == doc_id, N.c.annotator_id == annotator_id)).first()
    existing: list[Span] = []
    if found is None:
        annotation_id = new_id(c.execute(insert(N).values(
            document_id=doc_id, annotator_id=annotator_id, status=str(options.status), version=0,
            created_at=now, updated_at=now)))
        report.annotations_added += 1
    else:
        annotation_id = int(found.id)
        existing = [Span(r.start, r.end, r.label) for r in c.execute(
            select(S.c.start, S.c.end, S.c.label).where(S.c.annotation_id == annotation_id))]
        if found.status == str(Status.NEW):
            c.execute(update(N).where(N.c.id == annotation_id).values(
                status=str(options.status), updated_at=now))
    kept = select_spans(doc, labels, policy, options, report, spans, existing)
    report.annotation_ids.add(annotation_id)
    report.annotated_documents.add(doc_id)
    if kept and found is not None:  # others' views of this annotation are now stale
        c.execute(update(N).where(N.c.id == annotation_id).values(
            version=N.c.version + 1, updated_at=now))
    if kept:
        c.execute(insert(S), [
            {"annotation_id": annotation_id, "start": s.start, "end": s.end, "label": s.label,
             "state": str(options.span_state), "origin": options.origin, "score": None,
             "created_at": now, "updated_at": now}
            for s in kept
        ])
        report.spans_added += len(kept)


def select_spans(doc: SourceDocument, labels: set[str], policy: OverlapPolicy,
                 options: IngestOptions, report: IngestReport, spans: list[Span] | None = None,
                 existing: list[Span] | None = None) -> list[Span]:
    """Check SPANS (default: DOC's) and choose the ones to keep beside EXISTING ones; say why
    any other is left out."""
    spans = doc.spans if spans is None else spans
    existing = existing or []
    length = len(doc.text)
    unique = sorted(set(spans), key=lambda s: (s.start, -s.end, s.label))
    report.spans_merged += len(spans) - len(unique)
    if existing:
        already = set(existing)
        report.spans_merged += sum(1 for s in unique if s in already)
        unique = [s for s in unique if s not in already]
    kept: list[Span] = []
    for span in unique:
        if not (0 <= span.start < span.end <= length):
            raise AnnotatorError(E.E215, file=doc.source, start=span.start, end=span.end,
                                 label=span.label, length=length)
        if span.label not in labels:
            if not options.create_labels:
                raise AnnotatorError(E.E214, file=doc.source, label=span.label,
                                     known=", ".join(sorted(labels)))
        if policy is not OverlapPolicy.ALLOW:
            other = kept[-1] if kept and kept[-1].end > span.start else next(
                (e for e in existing if e.overlaps(span)), None)
            if other is not None:
                report.spans_not_kept.append(
                    f"{doc.source}: [{span.start}, {span.end}) {span.label} "
                    f"{doc.text[span.start:span.end]!r} overlaps [{other.start}, {other.end}) "
                    f"{other.label}; not kept (overlap policy {policy})")
                continue
        kept.append(span)
    return kept


def label_names(c: Connection) -> set[str]:
    return set(c.execute(select(L.c.name)).scalars())


def with_new_labels(c: Connection, docs: Iterable[SourceDocument], known: set[str],
                    created: list[str]) -> Iterator[SourceDocument]:
    """DOCS, after adding (within the transaction on C) every label their spans use that is
    not in KNOWN; each label added is appended to CREATED (import --create-labels)."""
    for doc in docs:
        for span in [*doc.spans, *(s for spans in doc.more.values() for s in spans)]:
            if span.label not in known:
                spec = default_label_specs([""] * len(known) + [span.label])[-1]
                c.execute(insert(L).values(name=spec.name, color=spec.color, hotkey=spec.hotkey,
                                           description="", position=len(known)))
                known.add(span.label)
                created.append(span.label)
        yield doc
