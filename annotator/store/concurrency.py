"""Several people editing one project: edits to one annotation are serialised, and an edit made
from a stale view of an annotation is refused instead of silently overwriting someone's work.

Every edit bumps `annotation.version`. A store remembers the version of each annotation it last
saw: when it read the annotation's spans (its view), moved on by its own edits. A store that
never read an annotation's spans (a script, an import) has no view of it to keep. An edit first locks the rows
of the annotations it touches, in id order (PostgreSQL `SELECT ... FOR NO KEY UPDATE`; SQLite's
write transaction already holds the whole database), then compares. If someone else's edit
moved the version since this store last saw it, the view is stale:
- an edit that only adds spans is merged: it is checked (overlaps, duplicates) against what is
  in the database now, so it cannot clash with the colleague's work;
- an edit that would change, remove or replace a span, or set the status, is refused with E114
  ("changed by someone else; reload and try again") and nothing is written.
The store keeps the stale version on record after a merged add, so it stays stale (later
changes are still refused) until it reads the spans again (`ProjectStore.spans`).

Holding the lock also makes the edit's own checks (overlaps, duplicates) see every committed
edit before it, so two people can never both add overlapping spans to one annotation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Status
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
from annotator.store.tables import Annotation, SpanRow, table_of

N = table_of(Annotation)
S = table_of(SpanRow)

SpanOperation = (DeleteSpan | RelabelSpan | ResizeSpan | AcceptSuggestion | RejectSuggestion
                 | RestoreState)


def _targets(op: Operation, annotations: set[int], spans: set[int]) -> None:
    if isinstance(op, Batch):
        for inner in op.operations:
            _targets(inner, annotations, spans)
    elif isinstance(op, AddSpan | AcceptAllSuggestions | SetStatus):
        annotations.add(op.annotation_id)
    elif isinstance(op, SpanOperation):
        spans.add(op.span_id)


def touched_annotations(c: Connection, op: Operation) -> list[int]:
    """The ids of the annotations OP would change, sorted (the order locks are taken in)."""
    annotations: set[int] = set()
    spans: set[int] = set()
    _targets(op, annotations, spans)
    if spans:
        annotations.update(c.execute(select(S.c.annotation_id).distinct()
                                     .where(S.c.id.in_(sorted(spans)))).scalars())
    return sorted(annotations)


class AnnotationState(NamedTuple):
    """An annotation as an edit left it: what views need to know besides the spans."""

    version: int
    status: Status
    document_id: int


class AnnotationVersions:
    """The version (and status) of each annotation this store last saw, and the check made
    before an edit."""

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}
        self._status: dict[int, Status] = {}

    def seen(self, annotation_id: int) -> int | None:
        return self._seen.get(annotation_id)

    def status_seen(self, annotation_id: int) -> Status | None:
        """The status this store last saw ANNOTATION_ID in (None: it never read it)."""
        return self._status.get(annotation_id)

    def remember(self, c: Connection, annotation_id: int) -> None:
        """Note the current version; call before reading what the caller will show."""
        row = c.execute(select(N.c.version, N.c.status).where(N.c.id == annotation_id)).first()
        if row is None:
            self._seen.pop(annotation_id, None)
            self._status.pop(annotation_id, None)
        else:
            self._seen[annotation_id] = int(row[0])
            self._status[annotation_id] = Status(row[1])

    def lock(self, c: Connection, op: Operation) -> set[int]:
        """Lock the annotations OP touches and return those that moved since this store saw
        them (stale). Refuse (E159) one that exists but this database role may not change."""
        ids = touched_annotations(c, op)
        stale: set[int] = set()
        if not ids:
            return stale
        locked = {int(row[0]): int(row[1]) for row in c.execute(
            select(N.c.id, N.c.version).where(N.c.id.in_(ids)).order_by(N.c.id)
            .with_for_update(key_share=True))}
        for annotation_id in ids:
            if annotation_id not in locked:
                visible = c.execute(select(N.c.id).where(N.c.id == annotation_id)).scalar()
                if visible is not None:  # readable but not writable: row-level security
                    raise AnnotatorError(E.E159, annotation_id=annotation_id)
                continue  # no such annotation: the edit itself says so
            if self.moved(annotation_id, locked[annotation_id]):
                stale.add(annotation_id)
        return stale

    def moved(self, annotation_id: int, locked_version: int) -> bool:
        """Whether someone else moved ANNOTATION_ID past this store's view: its version, read
        under the lock before this edit, is not the one seen (stale). No view, never stale."""
        seen = self._seen.get(annotation_id)
        return seen is not None and seen != locked_version

    @staticmethod
    def refuse_overwrites(stale: set[int], change: Change) -> None:
        """Raise E114 (the caller rolls back) if CHANGE alters what a stale view showed."""
        if not stale:
            return
        overwritten = {s.annotation_id for s in change.removed}
        overwritten |= {before.annotation_id for before, _ in change.updated}
        if change.status is not None:
            overwritten |= change.annotation_ids
        conflicts = overwritten & stale
        if conflicts:
            raise AnnotatorError(E.E114, annotation_id=min(conflicts))

    def read(self, c: Connection, annotation_ids: Iterable[int]) -> dict[int, AnnotationState]:
        """ANNOTATION_IDS as this transaction sees them (after its edit)."""
        ids = sorted(annotation_ids)
        if not ids:
            return {}
        rows = c.execute(select(N.c.id, N.c.version, N.c.status, N.c.document_id)
                         .where(N.c.id.in_(ids)))
        return {int(row[0]): AnnotationState(int(row[1]), Status(row[2]), int(row[3]))
                for row in rows}

    def update(self, states: dict[int, AnnotationState], stale: set[int]) -> None:
        """Move the views of annotations this store just edited to the versions it produced
        (once their transaction committed); a stale view stays stale after a merged add."""
        self._seen.update((i, s.version) for i, s in states.items()
                          if i in self._seen and i not in stale)
        self._status.update((i, s.status) for i, s in states.items() if i in self._status)

    def describe(self, change: Change, states: dict[int, AnnotationState]) -> None:
        """Complete CHANGE with what STATES say (before `update`): each annotation's status
        and document, and the status move an edit made without setting it (new -> in
        progress), as this store last saw the status."""
        for annotation_id, state in states.items():
            change.statuses[annotation_id] = state.status
            change.document_ids.add(state.document_id)
            before = self._status.get(annotation_id)
            if change.status is None and before is not None and before is not state.status:
                change.status = (before, state.status)

    def forget(self) -> None:
        self._seen.clear()
        self._status.clear()
