"""Team projects on PostgreSQL: members, their database roles, and what each role may do.

A team member is an `annotator` row (name, role annotator|curator|manager) mapped to the
PostgreSQL role they log in as (`annotator.db_role`). Privileges go to three group roles per
project database (`<db>_annotators`, `<db>_curators`, `<db>_managers`; curators are members of
annotators, managers of curators), and each member's role joins the group of their team role.
Row-level security (migration 0002) then reads the mapping: in a blind project an annotator's
role reads and writes only its own annotations and spans; curators and managers see all.

The owner of the project database (who created it, with CREATEROLE) runs these functions. On a
SQLite project only the annotator rows and their team roles exist: whoever can open the file can
read all of it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Role
from annotator.store.project_store import ProjectStore
from annotator.store.statistics_privacy import hide_statistics, is_superuser
from annotator.store.tables import Annotator, Project, table_of, utcnow

A = table_of(Annotator)
P = table_of(Project)
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
GROUP_ORDER = (Role.ANNOTATOR, Role.CURATOR, Role.MANAGER)  # each a member of the one before


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: Role
    db_role: str | None


@dataclass(frozen=True)
class AddedMember:
    member: TeamMember
    role_created: bool  # a new database role was made
    password: str | None  # the password set (generated when not given), else None


# ------------------------------------------------------------------------- reading
def members(store: ProjectStore) -> list[TeamMember]:
    with store.engine.connect() as c:
        rows = c.execute(select(A.c.name, A.c.role, A.c.db_role).order_by(A.c.id)).all()
    return [TeamMember(r.name, Role(r.role), r.db_role) for r in rows]


def current_member(store: ProjectStore) -> TeamMember | None:
    """The team member the connection's database role is mapped to (None on SQLite)."""
    if store.engine.dialect.name != "postgresql":
        return None
    with store.engine.connect() as c:
        row = c.execute(select(A.c.name, A.c.role, A.c.db_role)
                        .where(A.c.db_role == _current_user(c))).first()
    return TeamMember(row.name, Role(row.role), row.db_role) if row else None


def sees_everything(c: Connection) -> bool:
    """Whether this connection reads every annotation and span (no row-level filter applies)."""
    if c.dialect.name != "postgresql":
        return True
    if uses_blind_api(c):
        return False
    if not c.exec_driver_sql("SELECT relrowsecurity FROM pg_class "
                             "WHERE oid = 'annotation'::regclass").scalar():
        return True
    bypass = c.exec_driver_sql(
        "SELECT r.rolsuper OR r.rolbypassrls OR r.oid = c.relowner FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.oid = 'annotation'::regclass").scalar()
    if bypass:
        return True
    if not c.execute(select(P.c.blind)).scalar():
        return True
    role = c.execute(select(A.c.role).where(A.c.db_role == _current_user(c))).scalar()
    return role in (Role.CURATOR.value, Role.MANAGER.value)


def uses_blind_api(c: Connection) -> bool:
    """Whether this connection reaches annotations through `annotator_api`'s views (an
    annotator of a blind project on PostgreSQL: migration 0008), not the tables."""
    return bool(c.exec_driver_sql(
        "SELECT n.nspname = 'annotator_api' FROM pg_class k JOIN pg_namespace n"
        " ON n.oid = k.relnamespace WHERE k.oid = to_regclass('annotation')").scalar())


# ------------------------------------------------------------------------- changing
def add_member(store: ProjectStore, name: str, role: Role, db_role: str | None = None,
               password: str | None = None) -> AddedMember:
    """Add NAME (or change their role) and, on PostgreSQL, create or map their database role.

    The database role defaults to NAME. A new role gets PASSWORD, or a generated one (returned,
    shown once); an existing role keeps its password unless PASSWORD is given.
    """
    name = name.strip()
    if not name:
        raise AnnotatorError(E.E116, value=name, what="member name", reason="empty")
    postgres = store.engine.dialect.name == "postgresql"
    if not postgres:
        if db_role or password:
            raise AnnotatorError(E.E152, what="A database role or password", url=store.url)
        with store.write() as c:
            _upsert_member(c, name, role, None)
        return AddedMember(TeamMember(name, role, None), False, None)
    db_role = db_role or name
    if not ROLE_NAME.match(db_role):
        raise AnnotatorError(E.E153, name=db_role)
    with _privileged("adding a team member", "CREATEROLE and ownership of the database"), \
            store.write() as c:
        groups = ensure_team_roles(c)
        existing = _role_attributes(c, db_role)
        created = existing is None
        if created:
            password = password or secrets.token_urlsafe(12)
            _sql(c, "CREATE ROLE {} LOGIN PASSWORD {}", _ident(db_role),
                 _literal(_scram(c, db_role, password)))
        else:
            bypass = _bypasses_rls(c, db_role, existing)
            if role is Role.ANNOTATOR and bypass:
                raise AnnotatorError(E.E154, name=db_role, reason=bypass)
            if password:
                _sql(c, "ALTER ROLE {} LOGIN PASSWORD {}", _ident(db_role),
                     _literal(_scram(c, db_role, password)))
        _upsert_member(c, name, role, db_role)
        _join_group(c, db_role, role, groups)
        apply_blind(c)  # the member's search path
    return AddedMember(TeamMember(name, role, db_role), created, password)


def remove_member(store: ProjectStore, name: str, drop_role: bool = False) -> TeamMember:
    """Take NAME's database role out of the team (their annotations stay, attributed to them).

    With DROP_ROLE the role itself is dropped too, which fails while it has rights elsewhere.
    """
    with store.engine.connect() as c:
        row = c.execute(select(A.c.role, A.c.db_role).where(A.c.name == name)).first()
    if row is None:
        raise AnnotatorError(E.E115, name=name)
    member = TeamMember(name, Role(row.role), row.db_role)
    if store.engine.dialect.name != "postgresql" or not member.db_role:
        return member
    with _privileged("removing a team member", "CREATEROLE and ownership of the database"), \
            store.write() as c:
        groups = ensure_team_roles(c)
        for group in groups.values():
            _sql(c, "REVOKE {} FROM {}", _ident(group), _ident(member.db_role))
        c.execute(update(A).where(A.c.name == name).values(db_role=None))
        database = c.exec_driver_sql("SELECT current_database()").scalar_one()
        _sql(c, "ALTER ROLE {} IN DATABASE {} RESET search_path", _ident(member.db_role),
             _ident(database))
        if drop_role:
            _sql(c, "DROP ROLE {}", _ident(member.db_role))
    return member


def set_blind(store: ProjectStore, blind: bool) -> None:
    with _privileged("changing blind mode", "a manager's role"), store.write() as c:
        c.execute(update(P).where(P.c.id == 1).values(blind=blind))


def sync(store: ProjectStore) -> list[TeamMember]:
    """Re-create the group roles and their grants and re-join every mapped member to its group:
    after a schema upgrade that added tables, or after the database was restored or renamed."""
    if store.engine.dialect.name != "postgresql":
        raise AnnotatorError(E.E152, what="annotator team sync", url=store.url)
    with _privileged("syncing the team", "CREATEROLE and ownership of the database"), \
            store.write() as c:
        groups = ensure_team_roles(c)
        rows = c.execute(select(A.c.name, A.c.role, A.c.db_role)
                         .where(A.c.db_role.is_not(None))).all()
        for row in rows:
            if _role_attributes(c, row.db_role) is not None:
                _join_group(c, row.db_role, Role(row.role), groups)
        apply_blind(c)
        if is_superuser(c):  # what only a superuser can hide (docs/TEAM.md § 9)
            hide_statistics(c)
    return [TeamMember(r.name, Role(r.role), r.db_role) for r in rows]


# ------------------------------------------------------------------------- group roles
def group_roles(database: str) -> dict[Role, str]:
    """The three group role names of DATABASE (hashed when the name would not fit)."""
    stem = database if ROLE_NAME.match(database) and len(database) <= 50 else (
        "annotator_" + hashlib.sha256(database.encode()).hexdigest()[:12])
    return {role: f"{stem}_{role.value}s" for role in GROUP_ORDER}


def ensure_team_roles(c: Connection) -> dict[Role, str]:
    """Create this database's group roles if missing and (re)grant their privileges."""
    database = c.exec_driver_sql("SELECT current_database()").scalar_one()
    groups = group_roles(database)
    for role in GROUP_ORDER:
        if _role_attributes(c, groups[role]) is None:
            _sql(c, "CREATE ROLE {} NOLOGIN", _ident(groups[role]))
    _sql(c, "GRANT {} TO {}", _ident(groups[Role.ANNOTATOR]), _ident(groups[Role.CURATOR]))
    _sql(c, "GRANT {} TO {}", _ident(groups[Role.CURATOR]), _ident(groups[Role.MANAGER]))
    # Only the team (and the owner, and superusers) may connect to the project database.
    _sql(c, "REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC", _ident(database))
    _sql(c, "GRANT CONNECT ON DATABASE {} TO {}", _ident(database), _ident(groups[Role.ANNOTATOR]))
    grant_group_privileges(c, groups)
    return groups


def grant_group_privileges(c: Connection, groups: dict[Role, str]) -> None:
    """What each group may do with the tables; row-level security narrows annotation and span."""
    schema = _ident(c.exec_driver_sql("SELECT current_schema()").scalar_one())
    annotators, curators, managers = (_ident(groups[r]) for r in GROUP_ORDER)
    for statement, group in (
        ("GRANT USAGE ON SCHEMA {s} TO {g}", annotators),
        ("GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {g}", annotators),
        ("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {g}", annotators),
        ("GRANT INSERT ON gazetteer_entry TO {g}", annotators),
        # what annotators hold on the tables of their work outside blind mode (apply_blind
        # below takes it away in blind mode), curators always: given them directly
        ("GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {g}", curators),
        ("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {g}", curators),
        ("GRANT INSERT, UPDATE (status, version, updated_at) ON annotation TO {g}", curators),
        ("GRANT INSERT, UPDATE, DELETE ON span TO {g}", curators),
        ("GRANT INSERT ON document_time, span_time TO {g}", curators),  # own rows (RLS)
        ("GRANT UPDATE, DELETE ON annotation, gazetteer_entry TO {g}", curators),
        ("GRANT INSERT ON annotator TO {g}", curators),  # the gold annotator
        ("GRANT INSERT, DELETE ON assignment TO {g}", curators),
        ("GRANT ALL ON ALL TABLES IN SCHEMA {s} TO {g}", managers),
        ("GRANT ALL ON ALL SEQUENCES IN SCHEMA {s} TO {g}", managers),
    ):
        _sql(c, statement.replace("{s}", "{0}").replace("{g}", "{1}"), schema, group)
    apply_blind(c)


def apply_blind(c: Connection) -> None:
    """Give the annotators' group and members' roles what blind mode wants (migration 0008):
    in a blind project no privilege on the tables of annotators' work, only the functions of
    `annotator_api`, and `search_path = annotator_api, <schema>`; otherwise the tables."""
    if c.exec_driver_sql("SELECT to_regproc('annotator_api.apply_blind')").scalar() is not None:
        c.exec_driver_sql("SELECT annotator_api.apply_blind()")


# ------------------------------------------------------------------------- helpers
def _upsert_member(c: Connection, name: str, role: Role, db_role: str | None) -> None:
    if db_role is not None:
        other = c.execute(select(A.c.name).where(A.c.db_role == db_role,
                                                 A.c.name != name)).scalar()
        if other is not None:
            raise AnnotatorError(E.E157, db_role=db_role, other=other)
    if c.execute(select(A.c.id).where(A.c.name == name)).scalar() is None:
        c.execute(insert(A).values(name=name, role=str(role), db_role=db_role,
                                   created_at=utcnow()))
    else:
        c.execute(update(A).where(A.c.name == name).values(role=str(role), db_role=db_role))


def _join_group(c: Connection, db_role: str, role: Role, groups: dict[Role, str]) -> None:
    for other, group in groups.items():
        if other is not role:
            _sql(c, "REVOKE {} FROM {}", _ident(group), _ident(db_role))
    _sql(c, "GRANT {} TO {}", _ident(groups[role]), _ident(db_role))


def _role_attributes(c: Connection, name: str) -> Any | None:
    return c.exec_driver_sql(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %(name)s",
        {"name": name}).first()


def _bypasses_rls(c: Connection, name: str, attributes: Any) -> str:
    if attributes.rolsuper:
        return "a superuser"
    if attributes.rolbypassrls:
        return "BYPASSRLS"
    owner = c.exec_driver_sql("SELECT pg_get_userbyid(relowner) FROM pg_class "
                              "WHERE oid = 'annotation'::regclass").scalar()
    return "it owns the project's tables" if owner == name else ""


def _current_user(c: Connection) -> str:
    return str(c.exec_driver_sql("SELECT current_user").scalar_one())


def _scram(c: Connection, role: str, password: str) -> str:
    """The SCRAM verifier, computed here: the password itself never reaches the server's logs."""
    raw = c.connection.driver_connection
    assert raw is not None
    return bytes(raw.pgconn.encrypt_password(password.encode(), role.encode(),
                                             b"scram-sha-256")).decode()


def _ident(name: str) -> Any:
    from psycopg import sql

    return sql.Identifier(name)


def _literal(value: str) -> Any:
    from psycopg import sql

    return sql.Literal(value)


def _sql(c: Connection, template: str, *parts: Any) -> None:
    """Run a statement with quoted identifiers (DDL takes no bind parameters)."""
    from psycopg import sql

    raw = c.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        cursor.execute(sql.SQL(template).format(*parts))


@contextmanager
def _privileged(action: str, needs: str) -> Iterator[None]:
    """Turn the server's 'permission denied' into a message that says what is needed."""
    try:
        yield
    except Exception as err:
        mapped = _permission_error(err.orig if isinstance(err, DBAPIError) else err, action,
                                   needs)
        if mapped is None:
            raise
        raise mapped from err


privileged = _privileged  # for the store's other project-wide changes (the overlap policy)


def _permission_error(err: BaseException | None, action: str, needs: str) -> AnnotatorError | None:
    from psycopg import errors

    if isinstance(err, errors.InsufficientPrivilege):
        reason = str(err).strip().splitlines()[0]
        return AnnotatorError(E.E155, action=action, needs=needs, reason=reason)
    return None
