"""The tables of a project database (one project per database).

The schema itself is created by the migrations in `migrations/versions`; these SQLModel classes
describe the same tables for queries, and `tests/store/test_migrations.py` checks that the two
never drift apart. Invariants that the database enforces as well as the code:
span offsets `0 <= start < end <= document.length` (check constraint plus trigger), foreign keys,
no two identical spans in one annotation, one annotation per document and annotator.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    CheckConstraint,
    Column,
    CursorResult,
    ForeignKey,
    Index,
    Table,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


def table_of(model: type[SQLModel]) -> Table:
    """The SQLAlchemy Core table behind a model, for fast set-based queries."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT just created."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def utcnow() -> datetime:
    return datetime.now(UTC)


class Project(SQLModel, table=True):
    __tablename__ = "project"
    __table_args__ = (CheckConstraint("id = 1", name="ck_project_single_row"),)

    id: int = Field(default=1, primary_key=True)
    name: str
    language: str = "ar"
    direction: str = "auto"  # rtl | ltr | auto (per document, from its first strong character)
    guidelines: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    overlap_policy: str = "refuse"  # refuse | replace | allow
    blind: bool = False
    settings: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    created_at: datetime = Field(default_factory=utcnow)


class Label(SQLModel, table=True):
    __tablename__ = "label"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    color: str = ""
    hotkey: str = ""
    description: str = ""
    position: int = 0


class Document(SQLModel, table=True):
    __tablename__ = "document"
    __table_args__ = (CheckConstraint("length = length(text)", name="ck_document_length"),)

    id: int | None = Field(default=None, primary_key=True)
    length: int  # len(text) in code points; the database checks it
    content_hash: str = Field(unique=True)  # sha256 of the UTF-8 text
    source: str = ""
    meta: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    position: int = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)
    # exactly as decoded, never normalised; last, so reading the other columns stays cheap
    text: str = Field(sa_column=Column(Text, nullable=False))


class Annotator(SQLModel, table=True):
    __tablename__ = "annotator"
    __table_args__ = (Index("uq_annotator_db_role", "db_role", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    role: str = "annotator"  # annotator | curator | manager
    created_at: datetime = Field(default_factory=utcnow)
    db_role: str | None = None  # the PostgreSQL role this member logs in as (team projects)


class Annotation(SQLModel, table=True):
    """One document as annotated by one annotator."""

    __tablename__ = "annotation"
    __table_args__ = (
        UniqueConstraint("document_id", "annotator_id", name="uq_annotation_document_annotator"),
        CheckConstraint(
            "status IN ('new', 'in_progress', 'done', 'skipped')", name="ck_annotation_status"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(
        sa_column=Column(ForeignKey("document.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    annotator_id: int = Field(
        sa_column=Column(ForeignKey("annotator.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    status: str = "new"
    version: int = 0  # bumped by every edit: lets concurrent editors detect each other
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class SpanRow(SQLModel, table=True):
    __tablename__ = "span"
    __table_args__ = (
        CheckConstraint('start >= 0 AND start < "end"', name="ck_span_offsets"),
        CheckConstraint("state IN ('suggested', 'accepted')", name="ck_span_state"),
        UniqueConstraint("annotation_id", "start", "end", "label", name="uq_span_identity"),
        Index("ix_span_annotation_start", "annotation_id", "start", "end"),
        {"sqlite_autoincrement": True},  # ids never reused: undo restores a span under its id
    )

    id: int | None = Field(default=None, primary_key=True)
    annotation_id: int = Field(
        sa_column=Column(ForeignKey("annotation.id", ondelete="CASCADE"), nullable=False)
    )
    start: int
    end: int
    label: str = Field(
        sa_column=Column(
            ForeignKey("label.name", onupdate="CASCADE"), nullable=False, index=True
        )
    )
    state: str = "accepted"
    origin: str = "manual"
    score: float | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Assignment(SQLModel, table=True):
    """Which annotator is to annotate which document (queues, overlap for agreement)."""

    __tablename__ = "assignment"

    document_id: int = Field(
        sa_column=Column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    )
    annotator_id: int = Field(
        sa_column=Column(ForeignKey("annotator.id", ondelete="CASCADE"), primary_key=True)
    )


class GazetteerEntry(SQLModel, table=True):
    """A name the project's rule pre-tagger looks for (grown by annotators from the editor)."""

    __tablename__ = "gazetteer_entry"
    __table_args__ = (UniqueConstraint("text", "label", name="uq_gazetteer_text_label"),)

    id: int | None = Field(default=None, primary_key=True)
    text: str
    label: str = Field(
        sa_column=Column(ForeignKey("label.name", onupdate="CASCADE"), nullable=False)
    )
    created_at: datetime = Field(default_factory=utcnow)


class DocumentTimeRow(SQLModel, table=True):
    """Active seconds one annotator spent on one document in one stretch of work (an opening,
    or part of one: the app saves every minute). Summed for the time report."""

    __tablename__ = "document_time"
    __table_args__ = (CheckConstraint("active_seconds >= 0", name="ck_document_time_seconds"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(
        sa_column=Column(ForeignKey("document.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    annotator_id: int = Field(
        sa_column=Column(ForeignKey("annotator.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    active_seconds: float
    pretagged: bool = False  # the document held pre-tags when it was opened
    recorded_at: datetime = Field(default_factory=utcnow)


class SpanTimeRow(SQLModel, table=True):
    """Active seconds from the previous decision in a document (or its opening) to this one."""

    __tablename__ = "span_time"
    __table_args__ = (
        CheckConstraint("seconds >= 0", name="ck_span_time_seconds"),
        CheckConstraint("decision IN ('accepted', 'corrected', 'rejected', 'created')",
                        name="ck_span_time_decision"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(
        sa_column=Column(ForeignKey("document.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    annotator_id: int = Field(
        sa_column=Column(ForeignKey("annotator.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    span_id: int | None = None  # not a foreign key: a rejected span is gone
    start: int | None = None
    end: int | None = None
    label: str = Field(
        sa_column=Column(ForeignKey("label.name", onupdate="CASCADE"), nullable=False)
    )
    decision: str  # accepted | corrected | rejected | created
    seconds: float
    pretagged: bool = False
    recorded_at: datetime = Field(default_factory=utcnow)


class PretagRun(SQLModel, table=True):
    """One pre-tagging of a choice of documents by one pre-tagger into one target (an
    annotator's name, or '' for every open annotation), split into batches (migration 0009)."""

    __tablename__ = "pretag_run"
    __table_args__ = (Index("ix_pretag_run_pretagger_target", "pretagger", "target"),)

    id: int | None = Field(default=None, primary_key=True)
    pretagger: str  # the pre-tagger's origin, "KIND/NAME:VERSION"
    target: str
    options: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    documents: int
    created_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None


class PretagBatch(SQLModel, table=True):
    """Documents of a run that one worker claims, pre-tags and marks done in one transaction."""

    __tablename__ = "pretag_batch"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'claimed', 'done')", name="ck_pretag_batch_state"),
        UniqueConstraint("run_id", "position", name="uq_pretag_batch_position"),
        Index("ix_pretag_batch_run_state", "run_id", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(
        sa_column=Column(ForeignKey("pretag_run.id", ondelete="CASCADE"), nullable=False)
    )
    position: int
    doc_ids: str = Field(sa_column=Column(Text, nullable=False))  # "12,13,20"
    documents: int
    state: str = "pending"
    claimed_by: str | None = None  # host:pid:uuid of the worker
    claimed_at: datetime | None = None
    heartbeat: float | None = None  # seconds since 1970 on the database's clock
    done_at: datetime | None = None
    suggestions: int | None = None  # added when it was done


TABLES = (Project, Label, Document, Annotator, Annotation, SpanRow, Assignment, GazetteerEntry,
          DocumentTimeRow, SpanTimeRow, PretagRun, PretagBatch)
