"""Only managers give roles; nobody but the owner takes an id the sequence has not yet given.

PostgreSQL only.

Roles.

Curators hold INSERT on `annotator` (they add the gold annotator and the names they assign
work to), which let a curator insert a row with the role `manager` mapped to any login. From
this revision a trigger checks every insert and update of an `annotator` row: the tables' owner,
a superuser, and a role mapped to a manager may do anything; anyone else may only insert a plain
annotator with no database role, and may not change a row's role or database role. A refusal
is SQLSTATE 42501 (insufficient_privilege), so the store reports it as E155.

Ids. Team members insert annotator, annotation, span and gazetteer rows, and the store
restores an undone span under its old id, so an explicit id cannot simply be refused. But an id
above the sequence's last value would make a colleague's next insert fail with a duplicate key
(sabotage). A SECURITY DEFINER trigger on those four tables refuses, for every role but the
tables' owner and superusers (who copy projects with their ids), an id the table's sequence has
not handed out yet: SQLSTATE 42501, nothing written. Ids the sequence has given (a restored
span's) stay allowed; that a taken id answers `duplicate key` is not hidden here (docs/TEAM.md).

Both trigger functions' search paths are pinned, like the span trigger's (migration 0002).

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

# Runs as the tables' owner (SECURITY DEFINER): it reads the sequence, which members may not.
ID_GUARD = """
CREATE FUNCTION id_from_sequence_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  owner_or_superuser boolean;
  given bigint;
  called boolean;
BEGIN
  SELECT r.rolsuper OR r.oid = c.relowner INTO owner_or_superuser
    FROM pg_roles r, pg_class c WHERE r.rolname = session_user AND c.oid = TG_RELID;
  IF coalesce(owner_or_superuser, false) THEN
    RETURN NEW;
  END IF;
  EXECUTE format('SELECT last_value, is_called FROM %s',
                 pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'))
    INTO given, called;
  IF NEW.id > given OR (NEW.id = given AND NOT called) THEN
    RAISE EXCEPTION 'ids of % come from the database; leave id out', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$
"""
ID_TABLES = ("annotator", "annotation", "span", "gazetteer_entry")
FUNCTIONS = ("annotator_role_guard", "id_from_sequence_guard")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(GUARD)
    op.execute(ID_GUARD)
    for function in FUNCTIONS:
        op.execute(f"""
            DO $$ BEGIN
              EXECUTE format('ALTER FUNCTION {function}() SET search_path = %I, pg_temp',
                             current_schema());
            END $$""")
        op.execute(f"REVOKE ALL ON FUNCTION {function}() FROM PUBLIC")
    op.execute("CREATE TRIGGER annotator_role_guard BEFORE INSERT OR UPDATE ON annotator "
               "FOR EACH ROW EXECUTE FUNCTION annotator_role_guard()")
    for table in ID_TABLES:
        op.execute(f"CREATE TRIGGER {table}_id_guard BEFORE INSERT OR UPDATE OF id ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION id_from_sequence_guard()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS annotator_role_guard ON annotator")
        for table in ID_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_id_guard ON {table}")
        for function in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
