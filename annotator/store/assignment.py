"""Who annotates which document: the assignment rows (the plan is made in `app.assignment`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from annotator.core.model import Role
from annotator.store.project_store import ProjectStore
from annotator.store.tables import Annotator, Assignment, Document, new_id, table_of, utcnow

A = table_of(Annotator)
D = table_of(Document)
G = table_of(Assignment)


def write_assignments(store: ProjectStore, annotators: Sequence[str],
                      choose: Callable[[list[int]], dict[int, tuple[str, ...]]],
                      replace_all: bool) -> None:
    """In one transaction: CHOOSE which of ANNOTATORS annotate the documents (every document,
    in project order, with REPLACE_ALL; else only those nobody has yet), and write the
    assignment rows (replacing all previous ones with REPLACE_ALL). Unknown names become
    annotators."""
    with store.write() as c:
        doc_ids = list(c.execute(select(D.c.id).order_by(D.c.position)).scalars())
        if not replace_all:
            taken = set(c.execute(select(G.c.document_id).distinct()).scalars())
            doc_ids = [d for d in doc_ids if d not in taken]
        plan = choose(doc_ids)
        ids = {name: _annotator_id(c, name) for name in annotators}
        if replace_all:
            c.execute(delete(G))
        rows = [{"document_id": d, "annotator_id": ids[n]} for d, chosen in plan.items()
                for n in chosen]
        for first in range(0, len(rows), 5000):
            c.execute(insert(G), rows[first:first + 5000])


def _annotator_id(c: Connection, name: str) -> int:
    found = c.execute(select(A.c.id).where(A.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return new_id(c.execute(insert(A).values(name=name, role=str(Role.ANNOTATOR),
                                             created_at=utcnow())))


def assignments(store: ProjectStore) -> dict[int, tuple[str, ...]]:
    """Document id -> the names of its annotators, for every assigned document."""
    with store.engine.connect() as c:
        rows = c.execute(select(G.c.document_id, A.c.name).join(A, A.c.id == G.c.annotator_id)
                         .order_by(G.c.document_id, A.c.id)).all()
    result: dict[int, list[str]] = {}
    for doc_id, name in rows:
        result.setdefault(int(doc_id), []).append(name)
    return {d: tuple(n) for d, n in result.items()}


def assigned_document_ids(store: ProjectStore, annotator: str) -> list[int] | None:
    """The ids of ANNOTATOR's documents in project order; None when the project assigns nothing
    (then every document is everyone's)."""
    with store.engine.connect() as c:
        if c.execute(select(G.c.document_id).limit(1)).first() is None:
            return None
        return list(c.execute(
            select(D.c.id).join(G, G.c.document_id == D.c.id).join(A, A.c.id == G.c.annotator_id)
            .where(A.c.name == annotator).order_by(D.c.position)).scalars())
