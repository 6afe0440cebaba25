"""Pre-tagging runs split into batches that workers claim, so a run resumes and is shared.

A `pretag_run` is one pre-tagging of a choice of documents with one pre-tagger into one target
(a named annotator's annotations, or every open annotation) with given options; its documents
are split into `pretag_batch` rows (a list of document ids each) that move from `pending` to
`claimed` (by a worker `host:pid:uuid`, with a heartbeat on the database's clock, in seconds)
to `done`. A batch's suggestions and its move to `done` are one transaction. See
`store/pretag_claims.py`.

On PostgreSQL, the project's owner and managers run pre-tagging (managers hold every privilege
on every table; projects already shared get it on the new tables here); other members only
read the tables.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pretag_run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pretagger", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("options", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_pretag_run_pretagger_target", "pretag_run", ["pretagger", "target"])
    op.create_table(
        "pretag_batch",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("pretag_run.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("doc_ids", sa.Text(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("claimed_by", sa.String(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat", sa.Float(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("suggestions", sa.Integer(), nullable=True),
        sa.CheckConstraint("state IN ('pending', 'claimed', 'done')",
                           name="ck_pretag_batch_state"),
        sa.UniqueConstraint("run_id", "position", name="uq_pretag_batch_position"),
    )
    op.create_index("ix_pretag_batch_run_state", "pretag_batch", ["run_id", "state"])
    if op.get_bind().dialect.name == "postgresql":
        _grant_to_existing_groups()


def _grant_to_existing_groups() -> None:
    """Projects already shared: give the group roles their privileges on the new tables."""
    from annotator.store.team import GROUP_ORDER, grant_group_privileges, group_roles

    bind = op.get_bind()
    database = bind.exec_driver_sql("SELECT current_database()").scalar_one()
    groups = group_roles(database)
    present = bind.execute(sa.text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"),
                           {"names": [groups[role] for role in GROUP_ORDER]}).scalar_one()
    if present == len(GROUP_ORDER):
        grant_group_privileges(bind, groups)


def downgrade() -> None:
    op.drop_table("pretag_batch")
    op.drop_table("pretag_run")
