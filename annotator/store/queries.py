"""Read-only summaries in a few set-based queries (document lists, project statistics)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import case, func, select, text
from sqlalchemy.engine import Connection

from annotator.core.model import DocumentSummary, Span, SpanState, Status
from annotator.store.tables import Annotation, Annotator, Document, SpanRow, table_of
from annotator.text.plain import title_of

D, N, S, A = (table_of(t) for t in (Document, Annotation, SpanRow, Annotator))

TITLE_CHARS = 80


def accepted_spans_by_annotator(c: Connection, owners: dict[int, tuple[int, str]],
                                doc_ids: Iterable[int]) -> dict[int, dict[str, list[Span]]]:
    """doc id -> annotator -> accepted spans, for the annotations OWNERS names (annotation id ->
    (doc id, annotator)); every doc id is a key, and every owner has a list, empty or not."""
    result: dict[int, dict[str, list[Span]]] = {d: {} for d in doc_ids}
    for doc_id, name in owners.values():
        result[doc_id][name] = []
    if owners:
        for annotation_id, start, end, label in c.execute(
                select(S.c.annotation_id, S.c.start, S.c.end, S.c.label)
                .where(S.c.annotation_id.in_(list(owners)),
                       S.c.state == str(SpanState.ACCEPTED))):
            doc_id, name = owners[annotation_id]
            result[doc_id][name].append(Span(start, end, label))
    return result


def annotator_id_to_read(c: Connection, name: str | None) -> int:
    """The id of annotator NAME, whose annotations a list reads; -1 (no annotation has it) for
    None or an unknown name. One query for a name, none for None."""
    if name is None:
        return -1
    found = c.execute(select(A.c.id).where(A.c.name == name)).scalar()
    return int(found) if found is not None else -1


def document_summaries(c: Connection, annotator_id: int) -> list[DocumentSummary]:
    """Every document's list row in project order, with the statuses and counts of the
    annotation of ANNOTATOR_ID (-1: nobody's)."""
    counts = (
        select(
            S.c.annotation_id,
            func.count().label("spans"),
            func.sum(case((S.c.state == str(SpanState.SUGGESTED), 1), else_=0)).label("sugg"),
        ).group_by(S.c.annotation_id).subquery()
    )
    ann = select(N.c.id, N.c.document_id, N.c.status).where(
        N.c.annotator_id == annotator_id).subquery()
    query = (
        select(D.c.id, D.c.position, D.c.source, func.substr(D.c.text, 1, TITLE_CHARS),
               D.c.length, ann.c.status, counts.c.spans, counts.c.sugg)
        .select_from(D.outerjoin(ann, ann.c.document_id == D.c.id)
                     .outerjoin(counts, counts.c.annotation_id == ann.c.id))
        .order_by(D.c.position)
    )
    return [summary_row(*row) for row in c.execute(query).all()]


def summary_row(doc_id: int, position: int, source: str, head: str | None, length: int,
                status: str | None, spans: int | None, suggested: int | None) -> DocumentSummary:
    """One list row from a document's columns (HEAD: the first TITLE_CHARS of its text) and its
    annotation's STATUS and counts (None where it has no annotation or no spans)."""
    return DocumentSummary(
        id=int(doc_id), position=int(position), source=source, title=title_of(head or ""),
        length=int(length), status=Status(status) if status else Status.NEW,
        span_count=int(spans or 0), suggestion_count=int(suggested or 0))


def project_stats(c: Connection) -> dict[str, object]:
    """Counts for `annotator stats`: the shape is documented in the README and stable. On
    SQLite read from the tallies the database keeps (migration 0010: a few rows, whatever the
    project's size); on PostgreSQL counted over the tables."""
    if c.dialect.name == "sqlite":
        return _stats_from_tallies(c)
    return counted_stats(c)


def _stats_from_tallies(c: Connection) -> dict[str, object]:
    docs, chars = c.execute(text("SELECT documents, characters FROM document_tally")).one()
    names = dict(c.execute(select(A.c.id, A.c.name)).all())
    by_label: dict[str, dict[str, int]] = {}
    spans_of: dict[str, int] = {}
    for annotator_id, label, state, count in c.execute(text(
            "SELECT annotator_id, label, state, count FROM span_tally WHERE count > 0")).all():
        counts = by_label.setdefault(label, {"accepted": 0, "suggested": 0})
        counts[state] = counts.get(state, 0) + int(count)
        name = names.get(annotator_id)
        if name is not None:
            spans_of[name] = spans_of.get(name, 0) + int(count)
    statuses = {s.value: 0 for s in Status}
    documents_of: dict[str, dict[str, int]] = {}
    for annotator_id, status, count in c.execute(text(
            "SELECT annotator_id, status, count FROM status_tally WHERE count > 0")).all():
        statuses[status] += int(count)
        name = names.get(annotator_id)
        if name is not None:
            documents_of.setdefault(name, {s.value: 0 for s in Status})[status] = int(count)
    annotators: dict[str, dict[str, object]] = {
        name: {"documents": documents_of.get(name, {s.value: 0 for s in Status}),
               "spans": spans_of.get(name, 0)}
        for name in set(spans_of) | set(documents_of)}
    return _stats(docs, chars, by_label, statuses, annotators)


def counted_stats(c: Connection) -> dict[str, object]:
    """`project_stats` counted over the tables (PostgreSQL; and the tallies' check)."""
    docs, chars = c.execute(select(func.count(), func.coalesce(func.sum(D.c.length), 0))).one()
    by_label: dict[str, dict[str, int]] = {}
    for label, state, count in c.execute(
        select(S.c.label, S.c.state, func.count()).group_by(S.c.label, S.c.state)
    ).all():
        by_label.setdefault(label, {"accepted": 0, "suggested": 0})[state] = int(count)
    annotators: dict[str, dict[str, object]] = {}
    for name, status, count in c.execute(
        select(A.c.name, N.c.status, func.count()).select_from(A.join(N, N.c.annotator_id == A.c.id))
        .group_by(A.c.name, N.c.status)
    ).all():
        entry = annotators.setdefault(name, {"documents": {s.value: 0 for s in Status}, "spans": 0})
        entry["documents"][status] = int(count)  # type: ignore[index]
    for name, count in c.execute(
        select(A.c.name, func.count()).select_from(
            A.join(N, N.c.annotator_id == A.c.id).join(S, S.c.annotation_id == N.c.id))
        .group_by(A.c.name)
    ).all():
        annotators.setdefault(name, {"documents": {s.value: 0 for s in Status}, "spans": 0})
        annotators[name]["spans"] = int(count)
    statuses = {s.value: 0 for s in Status}
    for status, count in c.execute(select(N.c.status, func.count()).group_by(N.c.status)).all():
        statuses[status] = int(count)
    return _stats(docs, chars, by_label, statuses, annotators)


def _stats(docs: int, chars: int, by_label: dict[str, dict[str, int]], statuses: dict[str, int],
           annotators: dict[str, dict[str, object]]) -> dict[str, object]:
    """The `annotator stats` shape, from the tallies or the tables alike."""
    return {
        "documents": int(docs),
        "characters": int(chars),
        "spans": sum(v["accepted"] + v["suggested"] for v in by_label.values()),
        "spans_per_label": dict(sorted(by_label.items())),
        "annotations_per_status": statuses,
        "annotators": dict(sorted(annotators.items())),
    }


def label_counts(c: Connection, annotator: str) -> tuple[dict[str, tuple[int, int]], bool]:
    """label -> (accepted, suggested) spans, and whether they are the whole project's.

    On SQLite the whole project's, read from the tallies (a few rows, whatever its size); on
    PostgreSQL the annotator's own spans only, counted over her annotations (a tally of
    everyone's would tell a blind annotator how much her colleagues did)."""
    counts: dict[str, list[int]] = {}
    whole = c.dialect.name == "sqlite"
    if whole:
        rows = c.execute(text(
            "SELECT label, state, sum(count) FROM span_tally WHERE count > 0"
            " GROUP BY label, state")).all()
    else:
        rows = c.execute(
            select(S.c.label, S.c.state, func.count())
            .select_from(S.join(N, N.c.id == S.c.annotation_id).join(A, A.c.id == N.c.annotator_id))
            .where(A.c.name == annotator).group_by(S.c.label, S.c.state)).all()
    for label, state, count in rows:
        pair = counts.setdefault(label, [0, 0])
        pair[0 if state == str(SpanState.ACCEPTED) else 1] += int(count)
    return {label: (a, s) for label, (a, s) in sorted(counts.items())}, whole
