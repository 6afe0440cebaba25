"""Team projects: annotators map to database roles; row-level security for blind projects.

On every backend: `annotator.db_role`, the PostgreSQL role a team member logs in as (unique).

On PostgreSQL only:
- row-level security on `annotation` and `span`. A role sees an annotation when the project is
  not blind, when it is mapped to a curator or manager, or when the annotation is its own; it
  sees a span when it sees the span's annotation. It may insert, change and delete only its own
  annotations and their spans, unless it is mapped to a curator or manager. A role mapped to no
  annotator sees no annotation of a blind project. The tables' owner and superusers bypass
  row-level security (they run migrations and `annotator db copy`).
- the policies are plain expressions bound to the tables when created, and the span trigger's
  search path is pinned, so a temporary table named like ours cannot stand in for it.
- `TEMPORARY` on the database is revoked from PUBLIC (for the same reason).

Grants are given to per-database group roles by `annotator team add-user` / `team sync`
(annotator.store.team), not here: roles are cluster-wide and creating them needs CREATEROLE.
A later migration that adds a table should call `annotator.store.team.grant_group_privileges`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

MEMBER = "m.db_role = current_user::text"
PRIVILEGED = (f"EXISTS (SELECT 1 FROM annotator m WHERE {MEMBER} "
              "AND m.role IN ('curator', 'manager'))")
OWN_ANNOTATIONS = f"SELECT m.id FROM annotator m WHERE {MEMBER}"
NOT_BLIND = "NOT (SELECT p.blind FROM project p WHERE p.id = 1)"

POLICIES = [
    # annotation: read (blind-aware) and write (own, or curator/manager)
    f"""CREATE POLICY annotation_read ON annotation FOR SELECT
        USING ({NOT_BLIND} OR {PRIVILEGED} OR annotator_id IN ({OWN_ANNOTATIONS}))""",
    f"""CREATE POLICY annotation_write ON annotation FOR ALL
        USING ({PRIVILEGED} OR annotator_id IN ({OWN_ANNOTATIONS}))
        WITH CHECK ({PRIVILEGED} OR annotator_id IN ({OWN_ANNOTATIONS}))""",
    # span: visible with its annotation (the subquery is itself filtered by annotation_read)
    """CREATE POLICY span_read ON span FOR SELECT
        USING (annotation_id IN (SELECT n.id FROM annotation n))""",
    f"""CREATE POLICY span_write ON span FOR ALL
        USING ({PRIVILEGED} OR annotation_id IN (
            SELECT n.id FROM annotation n WHERE n.annotator_id IN ({OWN_ANNOTATIONS})))
        WITH CHECK ({PRIVILEGED} OR annotation_id IN (
            SELECT n.id FROM annotation n WHERE n.annotator_id IN ({OWN_ANNOTATIONS})))""",
]
POLICY_NAMES = [("annotation_read", "annotation"), ("annotation_write", "annotation"),
                ("span_read", "span"), ("span_write", "span")]


def upgrade() -> None:
    # Not batch mode: on SQLite it rebuilds the table, and dropping the old `annotator` table
    # with foreign keys on would cascade-delete every annotation and span.
    op.add_column("annotator", sa.Column("db_role", sa.String(), nullable=True))
    op.create_index("uq_annotator_db_role", "annotator", ["db_role"], unique=True)
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("annotation", "span"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for statement in POLICIES:
        op.execute(statement)
    op.execute("""
        DO $$ BEGIN
          EXECUTE format('ALTER FUNCTION span_within_document() SET search_path = %I, pg_temp',
                         current_schema());
          EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        END $$""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table in POLICY_NAMES:
            op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
        for table in ("annotation", "span"):
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("ALTER FUNCTION span_within_document() RESET search_path")
    op.drop_index("uq_annotator_db_role", "annotator")
    op.drop_column("annotator", "db_role")  # SQLite >= 3.35 drops a column in place
