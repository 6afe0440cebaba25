"""The tables of a project database (one project per database).

The schema itself is created by the migrations in `migrations/versions`; these SQLAlchemy Core
tables describe the same tables for queries, and `tests/store/test_migrations.py` checks that
the two never drift apart. Invariants that the database enforces as well as the code:
span offsets `0 <= start < end <= document.length` (check constraint plus trigger), foreign keys,
no two identical spans in one annotation, one annotation per document and annotator.

Plain Core tables, not ORM or SQLModel classes: every query here is Core, and SQLModel's
pydantic machinery cost some 0.4 s of CPU at every start (issue 15). Columns are NOT NULL unless
said otherwise; strings are VARCHAR without a length; times are aware datetimes stored as UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    CursorResult,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    types,
)
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.sql.operators import OperatorType

metadata = MetaData()


def table_of(table: Table) -> Table:
    """The table itself (kept for the modules that name their tables through it)."""
    return table


def new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT just created."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(types.TypeDecorator[datetime]):
    """Aware datetimes stored in UTC and read back in UTC (as SQLModel's type of that name did,
    so the rows and the migrations are unchanged)."""

    impl = types.DateTime
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)

    def __repr__(self) -> str:
        return "UTCDateTime()"

    def coerce_compared_value(self, op: OperatorType | None, value: Any) -> types.TypeEngine[Any]:
        if isinstance(value, timedelta):
            return types.Interval()
        return self

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("datetimes stored in a project must carry a time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:  # SQLite keeps UTC without an offset
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _id() -> Column[Any]:
    return Column("id", Integer, primary_key=True)


def _str(name: str, default: str | None = None, **options: Any) -> Column[Any]:
    return Column(name, String, nullable=options.pop("nullable", False), default=default, **options)


def _int(name: str, default: int | None = None, **options: Any) -> Column[Any]:
    return Column(name, Integer, nullable=options.pop("nullable", False), default=default, **options)


def _float(name: str, nullable: bool = False) -> Column[Any]:
    return Column(name, Float, nullable=nullable)


def _flag(name: str) -> Column[Any]:
    return Column(name, Boolean, nullable=False, default=False)


def _time(name: str, default: Callable[[], datetime] | None = utcnow,
          nullable: bool = False) -> Column[Any]:
    return Column(name, UTCDateTime(), nullable=nullable, default=default)


def _text(name: str, server_default: str | None = None) -> Column[Any]:
    return Column(name, Text, nullable=False, server_default=server_default)


def _refers(name: str, target: str, **options: Any) -> Column[Any]:
    index = options.pop("index", None)
    return Column(name, ForeignKey(target, **options), nullable=False, index=index)


Project = Table(
    "project", metadata,
    Column("id", Integer, primary_key=True, default=1),
    _str("name"),
    _str("language", "ar"),
    _str("direction", "auto"),  # rtl | ltr | auto (per document, from its first strong character)
    _text("guidelines", ""),
    _str("overlap_policy", "refuse"),  # refuse | replace | allow
    Column("blind", Boolean, nullable=False, default=False),
    _text("settings", "{}"),
    _time("created_at"),
    CheckConstraint("id = 1", name="ck_project_single_row"),
)

Label = Table(
    "label", metadata,
    _id(),
    _str("name", unique=True),
    _str("color", ""),
    _str("hotkey", ""),
    _str("description", ""),
    _int("position", 0),
)

Document = Table(
    "document", metadata,
    _id(),
    _int("length"),  # len(text) in code points; the database checks it
    _str("content_hash", unique=True),  # sha256 of the UTF-8 text
    _str("source", ""),
    _text("meta", "{}"),
    _int("position", index=True),
    _time("created_at"),
    # exactly as decoded, never normalised; last, so reading the other columns stays cheap
    Column("text", Text, nullable=False),
    CheckConstraint("length = length(text)", name="ck_document_length"),
)

Annotator = Table(
    "annotator", metadata,
    _id(),
    _str("name", unique=True),
    _str("role", "annotator"),  # annotator | curator | manager
    _time("created_at"),
    _str("db_role", nullable=True),  # the PostgreSQL role this member logs in as (team projects)
    Index("uq_annotator_db_role", "db_role", unique=True),
)

Annotation = Table(  # one document as annotated by one annotator
    "annotation", metadata,
    _id(),
    _refers("document_id", "document.id", ondelete="CASCADE", index=True),
    _refers("annotator_id", "annotator.id", ondelete="CASCADE", index=True),
    _str("status", "new"),
    _int("version", 0),  # bumped by every edit: lets concurrent editors detect each other
    _time("created_at"),
    _time("updated_at"),
    UniqueConstraint("document_id", "annotator_id", name="uq_annotation_document_annotator"),
    CheckConstraint("status IN ('new', 'in_progress', 'done', 'skipped')",
                    name="ck_annotation_status"),
)

SpanRow = Table(
    "span", metadata,
    _id(),
    _refers("annotation_id", "annotation.id", ondelete="CASCADE"),
    _int("start"),
    _int("end"),
    _refers("label", "label.name", onupdate="CASCADE", index=True),
    _str("state", "accepted"),
    _str("origin", "manual"),
    _float("score", nullable=True),
    _time("created_at"),
    _time("updated_at"),
    CheckConstraint('start >= 0 AND start < "end"', name="ck_span_offsets"),
    CheckConstraint("state IN ('suggested', 'accepted')", name="ck_span_state"),
    UniqueConstraint("annotation_id", "start", "end", "label", name="uq_span_identity"),
    Index("ix_span_annotation_start", "annotation_id", "start", "end"),
    sqlite_autoincrement=True,  # ids never reused: undo restores a span under its id
)

Assignment = Table(  # which annotator is to annotate which document (queues, agreement overlap)
    "assignment", metadata,
    Column("document_id", ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
    Column("annotator_id", ForeignKey("annotator.id", ondelete="CASCADE"), primary_key=True),
)

GazetteerEntry = Table(  # a name the rule pre-tagger looks for (grown from the editor)
    "gazetteer_entry", metadata,
    _id(),
    _str("text"),
    _refers("label", "label.name", onupdate="CASCADE"),
    _time("created_at"),
    UniqueConstraint("text", "label", name="uq_gazetteer_text_label"),
)

# Active seconds one annotator spent on one document in one stretch of work (an opening, or
# part of one: the app saves every minute). Summed for the time report.
DocumentTimeRow = Table(
    "document_time", metadata,
    _id(),
    _refers("document_id", "document.id", ondelete="CASCADE", index=True),
    _refers("annotator_id", "annotator.id", ondelete="CASCADE", index=True),
    _float("active_seconds"),
    _flag("pretagged"),  # the document held pre-tags when it was opened
    _time("recorded_at"),
    CheckConstraint("active_seconds >= 0", name="ck_document_time_seconds"),
)

# Active seconds from the previous decision in a document (or its opening) to this one.
SpanTimeRow = Table(
    "span_time", metadata,
    _id(),
    _refers("document_id", "document.id", ondelete="CASCADE", index=True),
    _refers("annotator_id", "annotator.id", ondelete="CASCADE", index=True),
    _int("span_id", nullable=True),  # not a foreign key: a rejected span is gone
    _int("start", nullable=True),
    _int("end", nullable=True),
    _refers("label", "label.name", onupdate="CASCADE"),
    _str("decision"),  # accepted | corrected | rejected | created
    _float("seconds"),
    _flag("pretagged"),
    _time("recorded_at"),
    CheckConstraint("seconds >= 0", name="ck_span_time_seconds"),
    CheckConstraint("decision IN ('accepted', 'corrected', 'rejected', 'created')",
                    name="ck_span_time_decision"),
)

# One pre-tagging of a choice of documents by one pre-tagger into one target (an annotator's
# name, or '' for every open annotation), split into batches (migration 0009).
PretagRun = Table(
    "pretag_run", metadata,
    _id(),
    _str("pretagger"),  # the pre-tagger's origin, "KIND/NAME:VERSION"
    _str("target"),
    _text("options", "{}"),
    _int("documents"),
    _time("created_at"),
    _time("finished_at", None, nullable=True),
    Index("ix_pretag_run_pretagger_target", "pretagger", "target"),
)

# Documents of a run that one worker claims, pre-tags and marks done in one transaction.
PretagBatch = Table(
    "pretag_batch", metadata,
    _id(),
    _refers("run_id", "pretag_run.id", ondelete="CASCADE"),
    _int("position"),
    Column("doc_ids", Text, nullable=False),  # "12,13,20"
    _int("documents"),
    _str("state", "pending"),
    _str("claimed_by", nullable=True),  # host:pid:uuid of the worker
    _time("claimed_at", None, nullable=True),
    _float("heartbeat", nullable=True),  # seconds since 1970 on the database's clock
    _time("done_at", None, nullable=True),
    _int("suggestions", nullable=True),  # added when it was done
    CheckConstraint("state IN ('pending', 'claimed', 'done')", name="ck_pretag_batch_state"),
    UniqueConstraint("run_id", "position", name="uq_pretag_batch_position"),
    Index("ix_pretag_batch_run_state", "run_id", "state"),
)

TABLES = (Project, Label, Document, Annotator, Annotation, SpanRow, Assignment, GazetteerEntry,
          DocumentTimeRow, SpanTimeRow, PretagRun, PretagBatch)
