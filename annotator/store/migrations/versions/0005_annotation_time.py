"""Annotation time: active seconds per annotator and document, seconds to each span decision.

Written by the app (`ProjectStore.record_time`), read by `annotator times` and `stats`, copied
by `annotator db copy` like every table; never sent anywhere.

On PostgreSQL, team members may add their own time rows (granted here when the project's group
roles exist, and by `annotator team add-user` / `team sync` from now on); row-level security
lets a member read and write only their own rows, curators and managers everyone's, and ids
come from the sequence only (the guard of migration 0003).

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

TIME_TABLES = ("document_time", "span_time")
MEMBER = "m.db_role = current_user::text"
PRIVILEGED = (f"EXISTS (SELECT 1 FROM annotator m WHERE {MEMBER} "
              "AND m.role IN ('curator', 'manager'))")
OWN = f"annotator_id IN (SELECT m.id FROM annotator m WHERE {MEMBER})"


def _owners() -> list[sa.Column[int]]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(),
                  sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("annotator_id", sa.Integer(),
                  sa.ForeignKey("annotator.id", ondelete="CASCADE"), nullable=False, index=True),
    ]


def upgrade() -> None:
    op.create_table(
        "document_time",
        *_owners(),
        sa.Column("active_seconds", sa.Float(), nullable=False),
        sa.Column("pretagged", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("active_seconds >= 0", name="ck_document_time_seconds"),
    )
    op.create_table(
        "span_time",
        *_owners(),
        sa.Column("span_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(),
                  sa.ForeignKey("label.name", onupdate="CASCADE"), nullable=False),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("pretagged", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("seconds >= 0", name="ck_span_time_seconds"),
        sa.CheckConstraint("decision IN ('accepted', 'corrected', 'rejected', 'created')",
                           name="ck_span_time_decision"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TIME_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_own ON {table} FOR ALL "
                   f"USING ({PRIVILEGED} OR {OWN}) WITH CHECK ({PRIVILEGED} OR {OWN})")
        # ids from the sequence only (migration 0003's guard): nobody blocks a colleague's next
        # time rows by taking their ids first
        op.execute(f"CREATE TRIGGER {table}_id_guard BEFORE INSERT OR UPDATE OF id ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION id_from_sequence_guard()")
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
    if op.get_bind().dialect.name == "postgresql":
        for table in TIME_TABLES:
            op.execute(f"DROP POLICY IF EXISTS {table}_own ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_id_guard ON {table}")
    for table in reversed(TIME_TABLES):
        op.drop_table(table)
