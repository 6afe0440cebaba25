"""Blind mode's access path, narrowed to the annotation an edit is about.

On the access path of migration 0008 an annotator reads her rows through views over functions,
and the planner cannot push a `WHERE` into a function: each statement on `span` would read all
of her spans. Before an edit (or a read of one annotation's spans) the store tells the functions
which annotation the transaction is about, as transaction-local settings
(`annotator.scope_annotation`, or `annotator.scope_span` when only a span id is known); the
functions then return that annotation's rows only, and still only if it is hers. The settings
are hints, not rights: a SQL client that sets them sees no more than her own rows. Connections
on the tables (SQLite, the owner, curators and managers, projects that are not blind) skip it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from annotator.core.operations import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    Operation,
    ResizeSpan,
    SetStatus,
)

_ON_API = "annotator_blind_api"  # cached per database connection: its search path is fixed
_SCOPE = ("SELECT set_config('annotator.scope_annotation', %(annotation)s, true),"
          " set_config('annotator.scope_span', %(span)s, true)")


ACCESS_PATH = ("SELECT coalesce((SELECT n.nspname = 'annotator_api' FROM pg_class k"
               " JOIN pg_namespace n ON n.oid = k.relnamespace"
               " WHERE k.oid = to_regclass('annotation')), false)")


def remember_access_path(dbapi_connection: Any, record: Any) -> None:
    """On connecting (PostgreSQL): whether this connection's search path reaches the views;
    it is the role's, fixed for the connection's life."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(ACCESS_PATH)
        row = cursor.fetchone()
        record.info[_ON_API] = bool(row and row[0])
    finally:
        cursor.close()
        dbapi_connection.rollback()


def on_blind_api(c: Connection) -> bool:
    """Whether C reaches annotations through `annotator_api`'s views."""
    if c.dialect.name != "postgresql":
        return False
    info = c.connection.info
    if _ON_API not in info:  # an engine not made by store.database
        info[_ON_API] = bool(c.exec_driver_sql(ACCESS_PATH).scalar())
    return bool(info[_ON_API])


def scope(c: Connection, annotation_id: int | None = None, span_id: int | None = None) -> None:
    """Narrow this transaction's reads through the views to one annotation (see above)."""
    if (annotation_id is None and span_id is None) or not on_blind_api(c):
        return
    c.exec_driver_sql(_SCOPE, {"annotation": "" if annotation_id is None else str(annotation_id),
                               "span": "" if span_id is None else str(span_id)})


def scope_operation(c: Connection, op: Operation) -> None:
    """Scope to the one annotation OP edits (an operation over several: no scope). An add,
    relabel, delete or rejection goes by migration 0011's functions alone (`single_edits`):
    nothing to scope, one round trip saved."""
    if isinstance(op, SetStatus | AcceptAllSuggestions):
        scope(c, annotation_id=op.annotation_id)
    elif isinstance(op, ResizeSpan | AcceptSuggestion):
        scope(c, span_id=op.span_id)
