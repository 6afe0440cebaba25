"""Who may see whose annotations: blind mode at the application level.

In a blind project (`ProjectInfo.blind`) an annotator sees only their own annotation of a
document, never a colleague's spans nor the adjudicated gold set; curators and managers see
everything. Projects that are not blind show everyone everything. Views that show more than one
annotator's work (disagreement, adjudication) read through `visible_annotations`.

This is the rule on SQLite, where whoever opens the file could read it all; on PostgreSQL the
database enforces the same rule with row-level security (`store/team.py`, migration 0002), and
this helper then filters what the database already let through.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR, Role, SpanState, Status, StoredSpan
from annotator.store.project_store import ProjectStore
from annotator.store.tables import Annotation, Annotator, SpanRow, table_of

A = table_of(Annotator)
N = table_of(Annotation)
S = table_of(SpanRow)
SEES_EVERYONE = (Role.CURATOR, Role.MANAGER)


@dataclass(frozen=True)
class VisibleAnnotation:
    annotator: str
    annotation_id: int
    status: Status
    spans: tuple[StoredSpan, ...]  # sorted by (start, end)

    def accepted(self) -> list[StoredSpan]:
        return [s for s in self.spans if s.state is SpanState.ACCEPTED]


def viewer_role(store: ProjectStore, viewer: str) -> Role:
    """VIEWER's team role; someone the project does not know counts as an annotator."""
    with store.engine.connect() as c:
        role = c.execute(select(A.c.role).where(A.c.name == viewer)).scalar()
    return Role(role) if role else Role.ANNOTATOR


def sees_everyone(store: ProjectStore, viewer: str) -> bool:
    """Whether VIEWER may see colleagues' annotations (not blind, or a curator or manager)."""
    return not store.project().blind or viewer_role(store, viewer) in SEES_EVERYONE


def require_sees_everyone(store: ProjectStore, viewer: str) -> None:
    """Refuse (E521) a VIEWER who may not see colleagues' work: the disagreement and
    adjudication views of a blind project are for curators and managers."""
    if not sees_everyone(store, viewer):
        raise AnnotatorError(E.E521, viewer=viewer)


def visible_annotations(store: ProjectStore, doc_id: int, viewer: str) -> list[VisibleAnnotation]:
    """The annotations of DOC_ID that VIEWER may see, by annotator (the gold set last).

    Blind project and VIEWER an annotator: only VIEWER's own annotation (if any)."""
    everyone = sees_everyone(store, viewer)
    query = (select(N.c.id, N.c.status, A.c.name).join(A, A.c.id == N.c.annotator_id)
             .where(N.c.document_id == doc_id).order_by(A.c.id))
    if not everyone:
        query = query.where(A.c.name == viewer)
    with store.engine.connect() as c:
        rows = c.execute(query).all()
        ids = [r.id for r in rows]
        spans: dict[int, list[StoredSpan]] = {i: [] for i in ids}
        if ids:
            for r in c.execute(
                    select(S.c.id, S.c.annotation_id, S.c.start, S.c.end, S.c.label, S.c.state,
                           S.c.origin, S.c.score)
                    .where(S.c.annotation_id.in_(ids)).order_by(S.c.start, S.c.end)).all():
                spans[r[1]].append(
                    StoredSpan(r[0], r[1], r[2], r[3], r[4], SpanState(r[5]), r[6], r[7]))
    found = [VisibleAnnotation(r.name, r.id, Status(r.status), tuple(spans[r.id])) for r in rows]
    return sorted(found, key=lambda a: a.annotator == GOLD_ANNOTATOR)
