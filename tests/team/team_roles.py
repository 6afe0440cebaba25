"""What the PostgreSQL team tests share: a project with members in their roles (blind unless told
otherwise), the members' logins (one password for all) and a plain SQL client session."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import psycopg
from sqlalchemy.engine import make_url

from annotator.core.model import Role, SourceDocument
from annotator.store import ProjectStore, team
from annotator.store.ingest import IngestOptions, ingest

PASSWORD = "s3cret-Pa55"


def team_store(url: str, labels: Sequence[str], documents: Iterable[SourceDocument],
               members: Iterable[tuple[str, Role]], blind: bool = True) -> ProjectStore:
    """A new project at URL (the owner's store) with LABELS and DOCUMENTS, each of MEMBERS a
    login with PASSWORD in its role, blind mode on when BLIND."""
    store = ProjectStore.create(url, labels=list(labels))
    with store.write() as c:
        ingest(c, list(documents), store.project().overlap_policy, IngestOptions())
    for name, role in members:
        team.add_member(store, name, role, password=PASSWORD)
    if blind:
        team.set_blind(store, True)
    return store


def as_role(owner_url: str, role: str, password: str = PASSWORD) -> str:
    """OWNER_URL with ROLE's credentials instead of the owner's."""
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{password}@{rest.split('@', 1)[1]}"


def raw(url: str) -> psycopg.Connection:
    """A plain SQL client session (psycopg), as a colleague with a SQL prompt would have."""
    parsed = make_url(url)
    return psycopg.connect(host=parsed.query["host"], port=int(parsed.query["port"]),
                           user=parsed.username, password=parsed.password,
                           dbname=parsed.database, autocommit=True)
