"""What changed since the last look: the poll that keeps document lists and statuses fresh when
colleagues edit the same project at the same time.

`changes_since(c, None)` returns everything as changed, with a token; pass the token back on the
next poll. When nothing changed a poll is four small aggregate queries; only then are the
annotation versions read again, to say exactly which annotations (and so which documents' rows)
changed. Every edit bumps `annotation.version`, so versions never repeat: nothing is missed, and
clocks on the annotators' machines do not matter. Under row-level security each role sees the
changes it may read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from annotator.core.changes import ProjectChanges
from annotator.store.concurrency import AnnotationVersions
from annotator.store.tables import Annotation, Document, Label, Project, table_of

P, L, D, N = (table_of(t) for t in (Project, Label, Document, Annotation))


@dataclass(frozen=True)
class ChangeToken:
    """Where a poll left off. Opaque to callers: keep it and pass it to the next poll."""

    project: str  # digest of the project row (name, blind, settings, guidelines ...)
    labels: str  # digest of the label rows
    documents: tuple[int, int]  # count, highest id
    annotation_totals: tuple[int, int, int]  # count, sum of versions, highest id
    annotations: Mapping[int, tuple[int, int]] = field(repr=False)  # id -> (document, version)


@dataclass(frozen=True)
class Poll:
    """What a poll found: the token for the next poll, and what changed since the last."""

    token: ChangeToken
    changes: ProjectChanges


def _digest(rows: object) -> str:
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def changes_since(c: Connection, token: ChangeToken | None,
                  versions: AnnotationVersions | None = None) -> Poll:
    """What changed in the project since TOKEN (everything, when TOKEN is None).

    VERSIONS, the store's record of annotation versions it saw or made, tells colleagues' edits
    from the store's own: only annotations someone else moved past this store's view are in
    the changes (the store's own edits reached the views when they were made).
    """
    project = _digest(c.execute(select(P)).all())
    labels = _digest(c.execute(select(L).order_by(L.c.id)).all())
    docs = c.execute(select(func.count(), func.coalesce(func.max(D.c.id), 0))).one()
    documents = (int(docs[0]), int(docs[1]))
    totals_row = c.execute(select(func.count(), func.coalesce(func.sum(N.c.version), 0),
                                  func.coalesce(func.max(N.c.id), 0))).one()
    totals = (int(totals_row[0]), int(totals_row[1]), int(totals_row[2]))
    if token is not None and totals == token.annotation_totals:
        annotations = token.annotations
        changed: set[int] = set()
    else:
        annotations = {int(r[0]): (int(r[1]), int(r[2])) for r in c.execute(
            select(N.c.id, N.c.document_id, N.c.version))}
        before = token.annotations if token is not None else {}
        changed = {i for i, state in annotations.items() if before.get(i) != state}
    by_others = {i for i in changed
                 if versions is None or versions.seen(i) != annotations[i][1]}
    new_token = ChangeToken(project, labels, documents, totals, annotations)
    others = frozenset(by_others)
    return Poll(new_token, ProjectChanges(
        project=token is None or token.project != project,
        labels=token is None or token.labels != labels,
        document_set=token is None or token.documents != documents,
        annotations=others,
        documents=frozenset(annotations[i][0] for i in others),
        by_others=others,
    ))
