"""The document list, read a page at a time: which documents a list shows and in what order
(filtered and sorted in SQL, as an array of ids), the summaries of one page of them, and the
queue's progress and "next undone" document, each one query whatever the project's size.

The list keeps a few integers per document (the ids in list order); titles, statuses and
counts are read for the rows on screen only (`summaries_of`).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import and_, case, exists, func, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from annotator.core.model import DocumentSummary, SpanState, Status
from annotator.store import counted_order, list_search
from annotator.store.list_search import title_key, words_filter
from annotator.store.project_store import ProjectStore
from annotator.store.queries import TITLE_CHARS, annotator_id_to_read, summary_row
from annotator.store.tables import Annotation, Assignment, Document, SpanRow, table_of

D, N, S, G = (table_of(t) for t in (Document, Annotation, SpanRow, Assignment))

SORT_KEYS = ("position", "title", "status", "spans", "suggestions")
ANNOTATION_SORTS = ("status", "spans", "suggestions")  # orders that read the annotation
UNDONE = (str(Status.NEW), str(Status.IN_PROGRESS))
FINISHED = (str(Status.DONE), str(Status.SKIPPED))
ID_CHUNK = 20_000  # ids fetched from the cursor at a time


@dataclass(frozen=True)
class DocumentQuery:
    """What a document list shows: ANNOTATOR's view (their statuses and counts; None: nobody's
    annotations), only their assigned documents with QUEUE_ONLY, a STATUS filter (None, "undone" or a status
    value), WORDS that the title or source must contain, sorted by SORT (one of SORT_KEYS). BAND
    ("zero" or "counted", with the spans or suggestions order) keeps the documents with none or
    with some: the parts `list_bands` cuts such a list into."""

    annotator: str | None = None
    queue_only: bool = False
    status: str | None = None
    words: str = ""
    sort: str = "position"
    descending: bool = False
    band: str | None = None


def project_assigns(store: ProjectStore) -> bool:
    """Whether any document is assigned (then lists are queues)."""
    with store.engine.connect() as c:
        return c.execute(select(G.c.document_id).limit(1)).first() is not None


def _base(c: Connection, query: DocumentQuery, *columns: Any) -> Select[Any]:
    """SELECT COLUMNS over the documents QUERY lists; joined to the annotator's annotation
    only when the filter or the order reads it (else the position index alone orders a
    million ids)."""
    who = (annotator_id_to_read(c, query.annotator)
           if query.status is not None or query.sort in ANNOTATION_SORTS or query.queue_only
           else -1)
    if query.status is not None or query.sort in ANNOTATION_SORTS:
        statement = select(*columns).select_from(
            D.outerjoin(N, and_(N.c.document_id == D.c.id, N.c.annotator_id == who)))
    else:
        statement = select(*columns).select_from(D)
    if query.queue_only:
        statement = statement.where(exists().where(
            G.c.document_id == D.c.id, G.c.annotator_id == who))
    return statement.where(*_filters(c, query))


def _filters(c: Connection, query: DocumentQuery) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    status = func.coalesce(N.c.status, str(Status.NEW))  # keeps the documents the outer loop
    if query.status == "undone":
        found.append(status.in_(UNDONE))
    elif query.status is not None:
        found.append(status == query.status)
    searched = words_filter(c, query.words.split())
    if searched is not None:
        found.append(searched)
    if query.band is not None:
        found.append(_sort_key(query) == 0 if query.band == counted_order.ZERO
                     else _sort_key(query) > 0)
    return found


def _sort_key(query: DocumentQuery) -> ColumnElement[Any]:
    if query.sort == "title":
        return title_key()
    if query.sort == "status":
        return case(*((N.c.status == str(s), i) for i, s in enumerate(Status)), else_=0)
    if query.sort in ("spans", "suggestions"):
        counted = select(func.count()).where(S.c.annotation_id == N.c.id)
        if query.sort == "suggestions":
            counted = counted.where(S.c.state == str(SpanState.SUGGESTED))
        return func.coalesce(counted.scalar_subquery(), 0)
    if query.sort != "position":
        raise ValueError(f"unknown sort key {query.sort!r}; one of {', '.join(SORT_KEYS)}")
    return D.c.position


def _order(query: DocumentQuery) -> list[ColumnElement[Any]]:
    key = _sort_key(query)
    order: list[ColumnElement[Any]] = [key.desc() if query.descending else key.asc()]
    if query.sort != "position":
        order.append(D.c.position.desc() if query.descending else D.c.position.asc())
    return order


def listed_ids(store: ProjectStore, query: DocumentQuery) -> array[int]:
    """The ids of the documents QUERY lists, in its order (project order breaks ties)."""
    result = array("q")
    with store.engine.connect() as c:
        rows = c.execute(_base(c, query, D.c.id).order_by(*_order(query)))
        for chunk in rows.scalars().partitions(ID_CHUNK):
            result.extend(int(doc_id) for doc_id in chunk)
    return result


def read_by_pages(store: ProjectStore, query: DocumentQuery) -> bool:
    """Whether an index serves QUERY's order, so that a page of the list is read by walking it
    (`count_listed`, `listed_page`, `row_in_list`) instead of listing every id: project order
    always, the title order on SQLite (`ix_document_title_key`, migration 0012)."""
    return query.sort == "position" or (
        query.sort == "title" and store.engine.dialect.name == "sqlite")


def list_bands(store: ProjectStore, query: DocumentQuery) -> list[tuple[DocumentQuery, int]] | None:
    """QUERY's list sorted by spans or suggestions as its two bands (the documents with none,
    then those with some; the other way round descending), each read by pages over an index
    of the counters (`counted_order`), with their rows; None when the counters do not serve
    QUERY (words, a queue, a status filter, PostgreSQL)."""
    if query.sort not in counted_order.COUNTED_SORTS or query.band is not None:
        return None
    band = replace(query, band=counted_order.ZERO)
    with store.engine.connect() as c:
        if not counted_order.serves(c, band):
            return None
        who = annotator_id_to_read(c, query.annotator)
        return [(replace(query, band=b), rows) for b, rows in counted_order.bands(c, query, who)]


def _searched_alone(c: Connection, query: DocumentQuery,
                    any_order: bool = False) -> tuple[Any, str] | None:
    """The search index that lists QUERY by itself (words only; in project order, or in ANY_ORDER
    for a count: SQLite's indexes are keyed by position), with its MATCH expression; None
    otherwise."""
    if query.status is not None or query.queue_only or query.band is not None or (
            query.sort != "position" and not any_order):
        return None
    return list_search.one_index(c, query.words.split())


def count_listed(store: ProjectStore, query: DocumentQuery) -> int:
    """How many documents QUERY lists."""
    with store.engine.connect() as c:
        if counted_order.serves(c, query):
            return counted_order.count(c, query, annotator_id_to_read(c, query.annotator))
        alone = _searched_alone(c, query, any_order=True)
        if alone is not None:
            return list_search.count_alone(c, *alone)
        return int(cast(int, c.execute(_base(c, query, func.count())).scalar()))


def status_counts(store: ProjectStore, query: DocumentQuery) -> dict[str, int]:
    """How many documents QUERY lists of each status (no annotation counts as new): one
    GROUP BY."""
    status = func.coalesce(N.c.status, str(Status.NEW))
    with store.engine.connect() as c:
        if c.dialect.name == "sqlite" and not query.queue_only and not query.words.split():
            return _tallied_statuses(c, annotator_id_to_read(c, query.annotator))
        joined = replace(query, sort="status")  # the annotation joined
        return {str(s): int(n) for s, n in c.execute(
            _base(c, joined, status, func.count()).group_by(status)).all()}


def _tallied_statuses(c: Connection, who: int) -> dict[str, int]:
    """Every document's status for annotator WHO from the tallies (migration 0010): a few rows."""
    documents = int(c.execute(text("SELECT documents FROM document_tally")).scalar() or 0)
    counts = {str(s): int(n) for s, n in c.execute(text(
        "SELECT status, count FROM status_tally WHERE annotator_id = :who"), {"who": who}).all()}
    counts[str(Status.NEW)] = documents - sum(n for s, n in counts.items()
                                              if s != str(Status.NEW))
    return counts


def listed_page(store: ProjectStore, query: DocumentQuery, first: int, rows: int) -> list[int]:
    """The ids of ROWS listed documents from row FIRST on, in QUERY's order."""
    with store.engine.connect() as c:
        if counted_order.serves(c, query):
            return counted_order.page(c, query, annotator_id_to_read(c, query.annotator), first, rows)
        alone = _searched_alone(c, query)
        if alone is not None:
            return list_search.page_alone(c, *alone, query.descending, first, rows)
        return [int(d) for d in c.execute(_base(c, query, D.c.id).order_by(*_order(query))
                                          .limit(rows).offset(first)).scalars()]


def row_in_list(store: ProjectStore, query: DocumentQuery, doc_id: int) -> int | None:
    """The row of DOC_ID in QUERY's list (the documents before it: one count over the index of
    its order); None when it is not listed."""
    key = _sort_key(query)
    with store.engine.connect() as c:
        if counted_order.serves(c, query):
            return counted_order.row(c, query, annotator_id_to_read(c, query.annotator), doc_id)
        alone = _searched_alone(c, query)
        if alone is not None:
            position = c.execute(select(D.c.position).where(D.c.id == doc_id)).scalar()
            return (None if position is None else
                    list_search.row_alone(c, *alone, query.descending, int(position)))
        found = c.execute(_base(c, query, key, D.c.position).where(D.c.id == doc_id)).first()
        if found is None:
            return None
        mark, position = found
        if query.sort == "position":
            before = D.c.position > position if query.descending else D.c.position < position
        else:
            # one range of the order's index (a row-value comparison would scan the table)
            before = (and_(key >= mark, or_(key > mark, D.c.position > position))
                      if query.descending else
                      and_(key <= mark, or_(key < mark, D.c.position < position)))
        return int(cast(int, c.execute(_base(c, query, func.count()).where(before)).scalar()))


def summaries_of(store: ProjectStore, annotator: str | None,
                 doc_ids: Sequence[int]) -> list[DocumentSummary]:
    """The list rows of DOC_IDS (one page), in that order: three queries over those documents
    only."""
    wanted = list(doc_ids)
    if not wanted:
        return []
    with store.engine.connect() as c:
        who = annotator_id_to_read(c, annotator)
        docs = c.execute(select(D.c.id, D.c.position, D.c.source,
                                func.substr(D.c.text, 1, TITLE_CHARS), D.c.length)
                         .where(D.c.id.in_(wanted))).all()
        annotations = {int(doc): (int(ann), status) for ann, doc, status in c.execute(
            select(N.c.id, N.c.document_id, N.c.status)
            .where(N.c.document_id.in_(wanted), N.c.annotator_id == who)).all()}
        counts: dict[int, tuple[int, int]] = {}
        if annotations:
            for ann, spans, suggested in c.execute(
                    select(S.c.annotation_id, func.count(),
                           func.sum(case((S.c.state == str(SpanState.SUGGESTED), 1), else_=0)))
                    .where(S.c.annotation_id.in_([a for a, _s in annotations.values()]))
                    .group_by(S.c.annotation_id)).all():
                counts[int(ann)] = (int(spans), int(suggested or 0))
    rows: dict[int, DocumentSummary] = {}
    for doc_id, position, source, head, length in docs:
        ann, status = annotations.get(int(doc_id), (-1, None))
        rows[int(doc_id)] = summary_row(doc_id, position, source, head, length, status,
                                        *counts.get(ann, (0, 0)))
    return [rows[d] for d in wanted if d in rows]


def queue_progress(store: ProjectStore, annotator: str | None,
                   queue_only: bool) -> tuple[int, int]:
    """(documents done, documents) in the annotator's queue (every document when QUEUE_ONLY
    is false): two counts over indexes, read once per list reload."""
    query = DocumentQuery(annotator, queue_only)
    with store.engine.connect() as c:
        if c.dialect.name == "sqlite" and not queue_only:
            counts = _tallied_statuses(c, annotator_id_to_read(c, annotator))
            return counts.get(str(Status.DONE), 0), sum(counts.values())
        total = c.execute(_base(c, query, func.count())).scalar()
        who = annotator_id_to_read(c, annotator)
        finished = select(func.count()).select_from(N).where(
            N.c.annotator_id == who, N.c.status == str(Status.DONE))
        if queue_only:
            finished = finished.where(exists().where(
                G.c.document_id == N.c.document_id, G.c.annotator_id == who))
        done = c.execute(finished).scalar()
    return int(done or 0), int(cast(int, total or 0))


def next_undone(store: ProjectStore, annotator: str | None, queue_only: bool,
                after_doc_id: int | None) -> int | None:
    """The first document of the queue in project order after AFTER_DOC_ID (wrapping round)
    that is neither done nor skipped; None when there is none."""
    query = DocumentQuery(annotator, queue_only, status="undone")
    with store.engine.connect() as c:
        position = None
        if after_doc_id is not None:
            position = c.execute(select(D.c.position).where(D.c.id == after_doc_id)).scalar()
        if position is None:
            return _first_after(c, query, None, None)
        found = _first_after(c, query, int(position), None)
        if found is None:
            found = _first_after(c, query, None, int(position))
    return found


def _first_after(c: Connection, query: DocumentQuery, after: int | None,
                 before: int | None) -> int | None:
    statement = _base(c, query, D.c.id)
    if after is not None:
        statement = statement.where(D.c.position > after)
    if before is not None:
        statement = statement.where(D.c.position < before)
    found = c.execute(statement.order_by(D.c.position).limit(1)).scalar()
    return int(cast(int, found)) if found is not None else None
