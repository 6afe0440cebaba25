"""Reads of finished work: the done annotations that agreement and adjudication compare, and
the adjudicated gold set (annotator "gold").

Only done annotations count, only their accepted spans, and the gold set is never one of the
compared annotators. Reads take a list of document ids (a batch), so callers stream a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection

from annotator.core.model import GOLD_ANNOTATOR, Span, SpanState, Status, StoredSpan
from annotator.store.queries import accepted_spans_by_annotator
from annotator.store.tables import Annotation, Annotator, Document, SpanRow, table_of
from annotator.text.plain import title_of

A, D, N, S = (table_of(t) for t in (Annotator, Document, Annotation, SpanRow))

GoldSet = tuple[int, Status, list[StoredSpan]]  # gold annotation id, its status, its spans


def finished_by(annotators: Iterable[str] | None = None) -> Select[Any]:
    """The done annotations (id, document, annotator name) of ANNOTATORS (default: everyone
    but gold)."""
    done = (select(N.c.id, N.c.document_id, A.c.name).join(A, A.c.id == N.c.annotator_id)
            .where(N.c.status == str(Status.DONE), A.c.name != GOLD_ANNOTATOR))
    if annotators is not None:
        done = done.where(A.c.name.in_(sorted(set(annotators) - {GOLD_ANNOTATOR})))
    return done


def annotators_with_finished_work(c: Connection) -> list[str]:
    """Annotators (gold excluded) who finished at least one document, sorted by name."""
    names = c.execute(select(A.c.name).distinct().join(N, N.c.annotator_id == A.c.id)
                      .where(N.c.status == str(Status.DONE), A.c.name != GOLD_ANNOTATOR))
    return sorted(names.scalars())


def documents_finished(c: Connection, done: Select[Any]) -> list[int]:
    """Ids (in project order) of the documents with at least one annotation of DONE."""
    finished = done.subquery()
    return list(c.execute(select(D.c.id).where(D.c.id.in_(select(finished.c.document_id)))
                          .order_by(D.c.position)).scalars())


def documents_finished_by_several(c: Connection, min_annotators: int) -> list[int]:
    """Ids (in project order) of the documents at least MIN_ANNOTATORS annotators finished."""
    counted = (select(N.c.document_id).join(A, A.c.id == N.c.annotator_id)
               .where(N.c.status == str(Status.DONE), A.c.name != GOLD_ANNOTATOR)
               .group_by(N.c.document_id).having(func.count() >= min_annotators)).subquery()
    return list(c.execute(select(D.c.id).where(D.c.id.in_(select(counted.c.document_id)))
                          .order_by(D.c.position)).scalars())


def finished_spans(c: Connection, doc_ids: Sequence[int], done: Select[Any] | None = None
                   ) -> dict[int, dict[str, list[Span]]]:
    """doc id -> annotator -> accepted spans, for every annotation of DONE (default: every
    done annotation but gold's) of DOC_IDS."""
    query = (done if done is not None else finished_by()).order_by(A.c.id)
    owners = {r.id: (r.document_id, r.name)
              for r in c.execute(query.where(N.c.document_id.in_(list(doc_ids))))}
    return accepted_spans_by_annotator(c, owners, doc_ids)


def texts(c: Connection, doc_ids: Sequence[int]) -> dict[int, str]:
    return dict(c.execute(select(D.c.id, D.c.text).where(D.c.id.in_(list(doc_ids)))).all())


def heads(c: Connection, doc_ids: Sequence[int]) -> dict[int, tuple[int, str]]:
    """doc id -> (position, first 80 characters), for lists."""
    return {r.id: (r.position, r[2] or "") for r in c.execute(
        select(D.c.id, D.c.position, func.substr(D.c.text, 1, 80)).where(D.c.id.in_(list(doc_ids))))}


def titles(c: Connection, doc_ids: Sequence[int]) -> dict[int, str]:
    """A short title (the first words) of each document."""
    found: dict[int, str] = {}
    ids = list(doc_ids)
    for first in range(0, len(ids), 500):
        for doc_id, head in c.execute(select(D.c.id, func.substr(D.c.text, 1, 80))
                                      .where(D.c.id.in_(ids[first:first + 500]))):
            found[int(doc_id)] = title_of(head or "")
    return found


def gold_sets(c: Connection, doc_ids: Sequence[int]) -> dict[int, GoldSet]:
    """doc id -> (gold annotation id, status, spans) where a gold annotation exists."""
    rows = c.execute(select(N.c.id, N.c.document_id, N.c.status)
                     .join(A, A.c.id == N.c.annotator_id)
                     .where(A.c.name == GOLD_ANNOTATOR, N.c.document_id.in_(list(doc_ids)))).all()
    found: dict[int, GoldSet] = {r.document_id: (r.id, Status(r.status), []) for r in rows}
    owner = {r.id: r.document_id for r in rows}
    if owner:
        for r in c.execute(select(S.c.id, S.c.annotation_id, S.c.start, S.c.end, S.c.label,
                                  S.c.state, S.c.origin, S.c.score)
                           .where(S.c.annotation_id.in_(list(owner)))
                           .order_by(S.c.start, S.c.end)):
            found[owner[r[1]]][2].append(
                StoredSpan(r[0], r[1], r[2], r[3], r[4], SpanState(r[5]), r[6], r[7]))
    return found


def gold_statuses(c: Connection) -> dict[int, Status]:
    """doc id -> status of its gold annotation, for every document that has one."""
    return {int(doc_id): Status(status) for doc_id, status in c.execute(
        select(N.c.document_id, N.c.status).join(A, A.c.id == N.c.annotator_id)
        .where(A.c.name == GOLD_ANNOTATOR))}
