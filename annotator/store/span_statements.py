"""The statements by which an edit reads and writes spans by id or by place, on each access path.

On the tables (SQLite; on PostgreSQL the owner, curators, managers, and annotators outside
blind mode) they are plain statements on `span`, using its indexes. On blind mode's access path
(migration 0008) a statement on the view `span` reads every span of the annotation in scope,
because the planner cannot push a WHERE into the view's function: with 10,000 spans in one
document every edit read all 10,000. There the same statements call migration 0011's
parameterised functions, which check that the annotation is the caller's and read through the
same indexes. Both sets take the same parameters and return the same columns; each is built
once, so every execution finds its compiled form in the engine's cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Executable

from annotator.store.blind_scope import on_blind_api
from annotator.store.tables import Annotation, SpanRow, table_of

S = table_of(SpanRow)
N = table_of(Annotation)

SPAN_COLUMNS = (S.c.id, S.c.annotation_id, S.c.start, S.c.end, S.c.label, S.c.state,
                S.c.origin, S.c.score)
NOW = bindparam("now", type_=N.c.updated_at.type)


@dataclass(frozen=True)
class SpanStatements:
    """Parameters are named so that none is also a column of the table written to."""

    name: str  # the access path
    load: Executable  # span_id -> SPAN_COLUMNS
    longest: Executable  # annotation_id -> the longest span's length, 0 for none
    overlaps: Executable  # annotation_id, span_start, span_end -> SPAN_COLUMNS
    overlaps_from: Executable  # ... and first_start: only spans starting there or after
    duplicate: Executable  # annotation_id, span_start, span_end, span_label -> id or None
    delete: Executable  # span_ids -> the deleted rows, SPAN_COLUMNS
    update: Executable  # span_id, new_start, new_end, new_label, new_state, now
    annotation_of_span: ColumnElement[int]  # span_id -> its annotation's id


_OVERLAPS = select(*SPAN_COLUMNS).where(
    S.c.annotation_id == bindparam("annotation_id"), S.c.start < bindparam("span_end"),
    S.c.end > bindparam("span_start"))

TABLES = SpanStatements(
    name="tables",
    load=select(*SPAN_COLUMNS).where(S.c.id == bindparam("span_id")),
    longest=select(func.coalesce(func.max(S.c.end - S.c.start), 0)).where(
        S.c.annotation_id == bindparam("annotation_id")),
    overlaps=_OVERLAPS,
    overlaps_from=_OVERLAPS.where(S.c.start >= bindparam("first_start")),
    duplicate=select(S.c.id).where(
        S.c.annotation_id == bindparam("annotation_id"), S.c.start == bindparam("span_start"),
        S.c.end == bindparam("span_end"), S.c.label == bindparam("span_label")),
    delete=delete(S).where(S.c.id.in_(bindparam("span_ids", expanding=True))).returning(
        *SPAN_COLUMNS),
    update=update(S).where(S.c.id == bindparam("span_id")).values(
        start=bindparam("new_start"), end=bindparam("new_end"), label=bindparam("new_label"),
        state=bindparam("new_state"), updated_at=NOW),
    annotation_of_span=select(S.c.annotation_id).where(
        S.c.id == bindparam("span_id")).scalar_subquery(),
)

_COLUMNS = 'id, annotation_id, start, "end", label, state, origin, score'
FUNCTIONS = SpanStatements(  # migration 0011, annotator_api's functions
    name="functions",
    load=text(f"SELECT {_COLUMNS} FROM annotator_api.span_by_id(:span_id)"),
    longest=text("SELECT annotator_api.longest_span(:annotation_id)"),
    overlaps=text(f"SELECT {_COLUMNS} FROM annotator_api.spans_overlapping("
                  ":annotation_id, :span_start, :span_end)"),
    overlaps_from=text(f"SELECT {_COLUMNS} FROM annotator_api.spans_overlapping("
                       ":annotation_id, :span_start, :span_end, :first_start)"),
    duplicate=text("SELECT annotator_api.span_duplicate("
                   ":annotation_id, :span_start, :span_end, :span_label)"),
    delete=text(f"SELECT {_COLUMNS} FROM annotator_api.delete_spans("
                "CAST(:span_ids AS integer[]))"),
    update=text("SELECT annotator_api.update_span(:span_id, :new_start, :new_end, :new_label,"
                " :new_state, :now)").bindparams(NOW),
    annotation_of_span=func.annotator_api.span_annotation(bindparam("span_id")),
)


def span_statements(c: Connection) -> SpanStatements:
    """The statements for C's access path."""
    return FUNCTIONS if on_blind_api(c) else TABLES
