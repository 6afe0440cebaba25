"""Which annotations a pre-tagging run writes to, and the texts it reads.

With an annotator named, that annotator's annotation of each document (created `new` when
missing, at write time); documents they marked done or skipped are left alone. Without one,
every open annotation (new or in progress, the gold set excluded). With `untouched_only`, only
annotations still `new`. Each document left alone is counted by why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.store.suggestions import annotations_for
from annotator.store.tables import Annotation, Annotator, Document, table_of

D, N, A = table_of(Document), table_of(Annotation), table_of(Annotator)
OPEN = (str(Status.NEW), str(Status.IN_PROGRESS))
READ_BATCH = 200


@dataclass
class PretagTargets:
    """Document id -> annotation ids to pre-tag ([]: the named annotator's, to be created)."""

    annotations: dict[int, list[int]] = field(default_factory=dict)
    documents_selected: int = 0
    finished_skipped: int = 0  # the named annotator's annotation is done or skipped
    started_skipped: int = 0  # untouched_only: the annotation is no longer new
    without_open_annotation: int = 0  # no annotator given and no open annotation


def pretag_targets(c: Connection, doc_ids: Iterable[int] | None, annotator: str | None,
                   untouched_only: bool) -> PretagTargets:
    """The annotations a run over DOC_IDS (default: every document) would write to."""
    result = PretagTargets()
    ordered = _ordered(c, doc_ids)
    result.documents_selected = len(ordered)
    if annotator:
        found = c.execute(select(A.c.id).where(A.c.name == annotator)).scalar()
        query = None if found is None else select(N.c.document_id, N.c.id, N.c.status).where(
            N.c.annotator_id == found)
    else:
        query = (select(N.c.document_id, N.c.id, N.c.status)
                 .join(A, A.c.id == N.c.annotator_id).where(A.c.name != GOLD_ANNOTATOR))
    rows: list[Any] = []
    if query is not None and doc_ids is None:
        rows = list(c.execute(query).all())
    elif query is not None:  # only the documents chosen (a batch of a run reads only its own)
        for first in range(0, len(ordered), READ_BATCH):
            rows += c.execute(query.where(
                N.c.document_id.in_(ordered[first:first + READ_BATCH]))).all()
    by_document: dict[int, list[tuple[int, str]]] = {}
    for doc_id, annotation_id, status in rows:
        by_document.setdefault(doc_id, []).append((annotation_id, status))
    for doc_id in ordered:
        annotations = by_document.get(doc_id, [])
        if annotator:
            status = annotations[0][1] if annotations else str(Status.NEW)
            if status not in OPEN:
                result.finished_skipped += 1
            elif untouched_only and status != str(Status.NEW):
                result.started_skipped += 1
            else:
                result.annotations[doc_id] = [annotations[0][0]] if annotations else []
            continue
        allowed = (str(Status.NEW),) if untouched_only else OPEN
        chosen = [annotation_id for annotation_id, status in annotations if status in allowed]
        if chosen:
            result.annotations[doc_id] = chosen
        elif untouched_only and any(status in OPEN for _id, status in annotations):
            result.started_skipped += 1
        else:
            result.without_open_annotation += 1
    return result


def _ordered(c: Connection, doc_ids: Iterable[int] | None) -> list[int]:
    """DOC_IDS (default: every document) in document order; E110 for an unknown id."""
    if doc_ids is None:
        return list(c.execute(select(D.c.id).order_by(D.c.position)).scalars())
    wanted = list(dict.fromkeys(doc_ids))
    positions: dict[int, int] = {}
    for first in range(0, len(wanted), READ_BATCH):
        positions.update((int(row[0]), int(row[1])) for row in c.execute(select(
            D.c.id, D.c.position).where(D.c.id.in_(wanted[first:first + READ_BATCH]))))
    missing = set(wanted) - set(positions)
    if missing:
        raise AnnotatorError(E.E110, doc_id=min(missing))
    return sorted(positions, key=lambda d: (positions[d], d))


def open_annotations(c: Connection, planned: list[tuple[int, list[int]]],
                     annotator_id: int | None, untouched_only: bool) -> dict[int, list[int]]:
    """Document id -> its planned annotations still open now (a person may have finished one
    meanwhile); an empty plan means the named annotator's annotation, created when missing."""
    result: dict[int, list[int]] = {}
    to_create = [doc_id for doc_id, ids in planned if not ids]
    if annotator_id is not None and to_create:
        for doc_id, (annotation_id, status) in annotations_for(c, to_create, annotator_id).items():
            if status in (Status.NEW, Status.IN_PROGRESS):
                result[doc_id] = [annotation_id]
    allowed = (str(Status.NEW),) if untouched_only else OPEN
    wanted = [annotation_id for _doc_id, ids in planned for annotation_id in ids]
    still_open: set[int] = set()
    for first in range(0, len(wanted), READ_BATCH):
        still_open.update(c.execute(select(N.c.id).where(
            N.c.id.in_(wanted[first:first + READ_BATCH]), N.c.status.in_(allowed))).scalars())
    for doc_id, ids in planned:
        if ids:
            result[doc_id] = [annotation_id for annotation_id in ids if annotation_id in still_open]
    return result


def document_texts(c: Connection, doc_ids: Sequence[int]) -> dict[int, str]:
    """The texts of DOC_IDS (at most a batch of them)."""
    return {r[0]: r[1] for r in c.execute(select(D.c.id, D.c.text).where(D.c.id.in_(doc_ids)))}
