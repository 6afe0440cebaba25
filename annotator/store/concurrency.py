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

from sqlalchemy import select
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
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


class AnnotationVersions:
    """The version of each annotation this store last saw, and the check made before an edit."""

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}

    def seen(self, annotation_id: int) -> int | None:
        return self._seen.get(annotation_id)

    def remember(self, c: Connection, annotation_id: int) -> None:
        """Note the current version; call before reading what the caller will show."""
        version = c.execute(select(N.c.version).where(N.c.id == annotation_id)).scalar()
        if version is None:
            self._seen.pop(annotation_id, None)
        else:
            self._seen[annotation_id] = int(version)

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

    def read(self, c: Connection, annotation_ids: Iterable[int]) -> dict[int, int]:
        """The versions of ANNOTATION_IDS as this transaction sees them (after its edit)."""
        ids = sorted(annotation_ids)
        if not ids:
            return {}
        rows = c.execute(select(N.c.id, N.c.version).where(N.c.id.in_(ids)))
        return {int(row[0]): int(row[1]) for row in rows}

    def update(self, versions: dict[int, int], stale: set[int]) -> None:
        """Move the views of annotations this store just edited to the versions it produced
        (once their transaction committed); a stale view stays stale after a merged add."""
        self._seen.update((i, v) for i, v in versions.items() if i in self._seen and i not in stale)

    def forget(self) -> None:
        self._seen.clear()
