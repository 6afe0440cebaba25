"""Initial schema: project, label, document, annotator, annotation, span, assignment, gazetteer.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER span_within_document_insert BEFORE INSERT ON span
    WHEN NEW."end" > (SELECT d.length FROM annotation a JOIN document d ON d.id = a.document_id
                      WHERE a.id = NEW.annotation_id)
    BEGIN SELECT RAISE(ABORT, 'span end beyond the end of the document'); END
    """,
    """
    CREATE TRIGGER span_within_document_update BEFORE UPDATE OF start, "end" ON span
    WHEN NEW."end" > (SELECT d.length FROM annotation a JOIN document d ON d.id = a.document_id
                      WHERE a.id = NEW.annotation_id)
    BEGIN SELECT RAISE(ABORT, 'span end beyond the end of the document'); END
    """,
]

POSTGRES_TRIGGERS = [
    """
    CREATE FUNCTION span_within_document() RETURNS trigger AS $$
    BEGIN
      IF NEW."end" > (SELECT d.length FROM annotation a JOIN document d ON d.id = a.document_id
                      WHERE a.id = NEW.annotation_id) THEN
        RAISE EXCEPTION 'span end beyond the end of the document' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER span_within_document BEFORE INSERT OR UPDATE OF start, "end" ON span
    FOR EACH ROW EXECUTE FUNCTION span_within_document()
    """,
]


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("guidelines", sa.Text(), nullable=False, server_default=""),
        sa.Column("overlap_policy", sa.String(), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_project_single_row"),
    )
    op.create_table(
        "label",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("color", sa.String(), nullable=False),
        sa.Column("hotkey", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False, unique=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("meta", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        # the text comes last: SQLite reads the columns before a 1 MB value without touching
        # its overflow pages, so span checks that read `length` stay fast on large documents
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("length = length(text)", name="ck_document_length"),
    )
    op.create_index("ix_document_position", "document", ["position"])
    op.create_table(
        "annotator",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "annotation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(),
                  sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False),
        sa.Column("annotator_id", sa.Integer(),
                  sa.ForeignKey("annotator.id", ondelete="CASCADE"), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("document_id", "annotator_id",
                            name="uq_annotation_document_annotator"),
        sa.CheckConstraint("status IN ('new', 'in_progress', 'done', 'skipped')",
                           name="ck_annotation_status"),
    )
    op.create_index("ix_annotation_document_id", "annotation", ["document_id"])
    op.create_index("ix_annotation_annotator_id", "annotation", ["annotator_id"])
    op.create_table(
        "span",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("annotation_id", sa.Integer(),
                  sa.ForeignKey("annotation.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(),
                  sa.ForeignKey("label.name", onupdate="CASCADE"), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('start >= 0 AND start < "end"', name="ck_span_offsets"),
        sa.CheckConstraint("state IN ('suggested', 'accepted')", name="ck_span_state"),
        sa.UniqueConstraint("annotation_id", "start", "end", "label", name="uq_span_identity"),
        sqlite_autoincrement=True,  # ids never reused: undo can restore a span under its old id
    )
    op.create_index("ix_span_annotation_start", "span", ["annotation_id", "start", "end"])
    op.create_index("ix_span_label", "span", ["label"])
    op.create_table(
        "assignment",
        sa.Column("document_id", sa.Integer(),
                  sa.ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("annotator_id", sa.Integer(),
                  sa.ForeignKey("annotator.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_table(
        "gazetteer_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("label", sa.String(),
                  sa.ForeignKey("label.name", onupdate="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("text", "label", name="uq_gazetteer_text_label"),
    )
    triggers = SQLITE_TRIGGERS if op.get_bind().dialect.name == "sqlite" else POSTGRES_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    for table in ("gazetteer_entry", "assignment", "span", "annotation", "annotator",
                  "document", "label", "project"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS span_within_document()")
