"""Only managers give roles: a guard on `annotator` rows (PostgreSQL only).

Curators hold INSERT on `annotator` (they add the gold annotator and the names they assign
work to), which let a curator insert a row with the role `manager` mapped to any login. From
this revision a trigger checks every insert and update of an `annotator` row: the tables' owner,
a superuser, and a role mapped to a manager may do anything; anyone else may only insert a plain
annotator with no database role, and may not change a row's role or database role. A refusal
is SQLSTATE 42501 (insufficient_privilege), so the store reports it as E155.

The trigger function's search path is pinned, like the span trigger's (migration 0002).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GUARD = """
CREATE FUNCTION annotator_role_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  privileged boolean;
BEGIN
  SELECT r.rolsuper OR r.oid = c.relowner OR EXISTS (
           SELECT 1 FROM annotator m WHERE m.db_role = current_user::text AND m.role = 'manager')
    INTO privileged
    FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = TG_RELID;
  IF coalesce(privileged, false) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND NEW.role = 'annotator' AND NEW.db_role IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.role IS NOT DISTINCT FROM OLD.role
     AND NEW.db_role IS NOT DISTINCT FROM OLD.db_role THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'only a manager may give a team member a role or a database role'
    USING ERRCODE = 'insufficient_privilege';
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(GUARD)
    op.execute("""
        DO $$ BEGIN
          EXECUTE format('ALTER FUNCTION annotator_role_guard() SET search_path = %I, pg_temp',
                         current_schema());
        END $$""")
    op.execute("REVOKE ALL ON FUNCTION annotator_role_guard() FROM PUBLIC")
    op.execute("CREATE TRIGGER annotator_role_guard BEFORE INSERT OR UPDATE ON annotator "
               "FOR EACH ROW EXECUTE FUNCTION annotator_role_guard()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS annotator_role_guard ON annotator")
        op.execute("DROP FUNCTION IF EXISTS annotator_role_guard()")
