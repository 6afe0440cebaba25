"""Blind mode against a SQL client: annotators reach their work only through functions.

PostgreSQL only (issue 16; docs/TEAM.md § 9). Row-level security (0002) hides colleagues' rows
from SELECT, but not from EXPLAIN ANALYZE ("Rows Removed by Filter"), planner statistics,
`pg_stats`, the sequences or a taken id's duplicate key. From this revision, in a blind project:

- the annotators' group role holds no privilege on `annotation`, `span`, `document_time`,
  `span_time` nor their sequences (curators and managers keep theirs: they see everything);
- annotators read and write through views of the same names in the schema `annotator_api`,
  each `SELECT * FROM annotator_api.<table>_rows()`: a plpgsql SECURITY DEFINER function owned
  by the project owner, search path pinned, returning the caller's own rows only (the caller is
  `session_user`, mapped by `annotator.db_role`). The planner never looks inside: EXPLAIN shows
  one function scan with a fixed estimate, and a filter only ever removes her own rows. The
  store may narrow them to one annotation per transaction (`annotator.scope_annotation` /
  `annotator.scope_span`, see `annotator.store.blind_scope`): a hint that never widens;
- INSTEAD OF triggers on the views (SECURITY DEFINER too) write the tables: only her own
  annotations and their spans and time rows, ids assigned inside from the sequences, an explicit
  id refused (SQLSTATE 42501) unless it is a span she deleted from the same annotation (undo
  restores it under its old id: `annotator_api.deleted_span` remembers it);
- each annotator's role gets `search_path = annotator_api, <schema>` in this database, so the
  store's statements (and a SQL client's) reach the views unchanged.
`annotator_api.apply_blind()` sets the privileges and search paths from `project.blind`; a
trigger runs it whenever blind mode changes, and `annotator.store.team` after every grant.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None

API = "annotator_api"
HIDDEN = ("annotation", "span", "document_time", "span_time")
REFUSED = "insufficient_privilege"

# {s}: the data schema, quoted. Every function is plpgsql (never inlined) and SECURITY DEFINER.
FUNCTIONS = r"""
CREATE FUNCTION annotator_api.me() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = {s}, pg_temp AS $$
  SELECT m.id FROM annotator m WHERE m.db_role = session_user::text AND m.role = 'annotator'
$$;

CREATE FUNCTION annotator_api.blind() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = {s}, pg_temp AS $$
  SELECT coalesce((SELECT p.blind FROM project p WHERE p.id = 1), false)
$$;

CREATE FUNCTION annotator_api.own_annotation(wanted integer) RETURNS boolean LANGUAGE sql
  STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM annotation n WHERE n.id = wanted
                 AND n.annotator_id = annotator_api.me())
$$;

CREATE FUNCTION annotator_api.refuse(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'blind project: %', what USING ERRCODE = 'insufficient_privilege';
END $$;

-- The annotation a transaction is about, when the store said so (annotator.store.blind_scope):
-- NULL for no scope, 0 when the span named is nowhere. A hint that narrows, never widens.
CREATE FUNCTION annotator_api.scoped_annotation() RETURNS integer LANGUAGE plpgsql STABLE
  SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
DECLARE
  wanted text := current_setting('annotator.scope_annotation', true);
  named text := current_setting('annotator.scope_span', true);
  found integer;
BEGIN
  IF coalesce(wanted, '') <> '' THEN
    RETURN wanted::integer;
  END IF;
  IF coalesce(named, '') = '' THEN
    RETURN NULL;
  END IF;
  SELECT x.annotation_id INTO found FROM span x WHERE x.id = named::integer;
  IF found IS NULL THEN  -- deleted earlier in this transaction
    SELECT d.annotation_id INTO found FROM annotator_api.deleted_span d
      WHERE d.id = named::integer;
  END IF;
  RETURN coalesce(found, 0);
END $$;

CREATE FUNCTION annotator_api.annotation_rows() RETURNS SETOF {s}.annotation LANGUAGE plpgsql
  STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
DECLARE
  scoped integer := annotator_api.scoped_annotation();
BEGIN
  IF scoped IS NOT NULL THEN
    RETURN QUERY SELECT n.* FROM annotation n WHERE n.id = scoped
      AND (n.annotator_id = annotator_api.me() OR NOT annotator_api.blind());
    RETURN;
  END IF;
  RETURN QUERY SELECT n.* FROM annotation n
    WHERE n.annotator_id = annotator_api.me() OR NOT annotator_api.blind();
END $$;

CREATE FUNCTION annotator_api.span_rows() RETURNS SETOF {s}.span LANGUAGE plpgsql
  STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
DECLARE
  scoped integer := annotator_api.scoped_annotation();
BEGIN
  IF scoped IS NOT NULL THEN
    RETURN QUERY SELECT x.* FROM span x WHERE x.annotation_id = scoped
      AND EXISTS (SELECT 1 FROM annotation n WHERE n.id = scoped
                  AND (n.annotator_id = annotator_api.me() OR NOT annotator_api.blind()));
    RETURN;
  END IF;
  IF NOT annotator_api.blind() THEN
    RETURN QUERY SELECT x.* FROM span x;
    RETURN;
  END IF;
  RETURN QUERY SELECT x.* FROM span x JOIN annotation n ON n.id = x.annotation_id
    WHERE n.annotator_id = annotator_api.me();
END $$;

CREATE FUNCTION annotator_api.document_time_rows() RETURNS SETOF {s}.document_time
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  RETURN QUERY SELECT t.* FROM document_time t WHERE t.annotator_id = annotator_api.me();
  -- time rows are a member's own, blind or not (migration 0005)
END $$;

CREATE FUNCTION annotator_api.span_time_rows() RETURNS SETOF {s}.span_time
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  RETURN QUERY SELECT t.* FROM span_time t WHERE t.annotator_id = annotator_api.me();
END $$;

CREATE TABLE annotator_api.deleted_span (
  id integer PRIMARY KEY,
  annotation_id integer NOT NULL REFERENCES {s}.annotation (id) ON DELETE CASCADE
);

CREATE FUNCTION annotator_api.write_annotation() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.id IS NOT NULL THEN
      PERFORM annotator_api.refuse('ids of annotation come from the database; leave id out');
    END IF;
    IF NEW.annotator_id IS DISTINCT FROM annotator_api.me() THEN
      PERFORM annotator_api.refuse('an annotator writes only her own annotations');
    END IF;
    INSERT INTO annotation (document_id, annotator_id, status, version, created_at, updated_at)
      VALUES (NEW.document_id, NEW.annotator_id, NEW.status, NEW.version, NEW.created_at,
              NEW.updated_at)
      RETURNING * INTO NEW;
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.id IS DISTINCT FROM OLD.id THEN
      PERFORM annotator_api.refuse('ids of annotation come from the database; leave id out');
    END IF;
    IF (NEW.document_id, NEW.annotator_id, NEW.created_at)
       IS DISTINCT FROM (OLD.document_id, OLD.annotator_id, OLD.created_at) THEN
      PERFORM annotator_api.refuse('an annotator changes only the status of her annotations');
    END IF;
    -- the version moves by what the statement added, from the row as it is now (locked here)
    UPDATE annotation n SET status = NEW.status, version = n.version + (NEW.version - OLD.version),
        updated_at = NEW.updated_at
      WHERE n.id = OLD.id AND n.annotator_id = annotator_api.me()
      RETURNING * INTO NEW;
    RETURN NEW;
  END IF;
  PERFORM annotator_api.refuse('an annotator does not delete annotations');
  RETURN NULL;
END $$;

CREATE FUNCTION annotator_api.write_span() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM span x WHERE x.id = OLD.id AND annotator_api.own_annotation(x.annotation_id);
    IF FOUND THEN
      INSERT INTO annotator_api.deleted_span (id, annotation_id)
        VALUES (OLD.id, OLD.annotation_id) ON CONFLICT DO NOTHING;
      RETURN OLD;
    END IF;
    RETURN NULL;
  END IF;
  IF NOT annotator_api.own_annotation(NEW.annotation_id) THEN
    PERFORM annotator_api.refuse('an annotator writes only the spans of her own annotations '
                                 '(row-level security)');
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id IS DISTINCT FROM OLD.id THEN
      PERFORM annotator_api.refuse('ids of span come from the database; leave id out');
    END IF;
    IF (NEW.annotation_id, NEW.created_at) IS DISTINCT FROM (OLD.annotation_id, OLD.created_at)
    THEN
      PERFORM annotator_api.refuse('a span stays in its annotation');
    END IF;
    UPDATE span x SET start = NEW.start, "end" = NEW."end", label = NEW.label,
        state = NEW.state, origin = NEW.origin, score = NEW.score, updated_at = NEW.updated_at
      WHERE x.id = OLD.id RETURNING * INTO NEW;
    RETURN NEW;
  END IF;
  IF NEW.id IS NULL THEN
    NEW.id := nextval(pg_get_serial_sequence('{s}.span', 'id'));
  ELSE  -- undo of her own delete, under the old id; any other id: the same refusal
    DELETE FROM annotator_api.deleted_span d
      WHERE d.id = NEW.id AND d.annotation_id = NEW.annotation_id;
    IF NOT FOUND THEN
      PERFORM annotator_api.refuse('ids of span come from the database; leave id out');
    END IF;
  END IF;
  INSERT INTO span (id, annotation_id, start, "end", label, state, origin, score, created_at,
                    updated_at)
    VALUES (NEW.id, NEW.annotation_id, NEW.start, NEW."end", NEW.label, NEW.state, NEW.origin,
            NEW.score, NEW.created_at, NEW.updated_at)
    RETURNING * INTO NEW;
  RETURN NEW;
END $$;

CREATE FUNCTION annotator_api.write_time() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM annotator_api.refuse('time rows are only added');
  END IF;
  IF NEW.id IS NOT NULL THEN
    PERFORM annotator_api.refuse(format('ids of %s come from the database; leave id out',
                                        TG_TABLE_NAME));
  END IF;
  IF NEW.annotator_id IS DISTINCT FROM annotator_api.me() THEN
    PERFORM annotator_api.refuse('an annotator records only her own time');
  END IF;
  IF TG_TABLE_NAME = 'document_time' THEN
    INSERT INTO document_time (document_id, annotator_id, active_seconds, pretagged,
                               recorded_at)
      VALUES (NEW.document_id, NEW.annotator_id, NEW.active_seconds, NEW.pretagged,
              NEW.recorded_at)
      RETURNING id INTO NEW.id;
  ELSE
    INSERT INTO span_time (document_id, annotator_id, span_id, start, "end", label, decision,
                           seconds, pretagged, recorded_at)
      VALUES (NEW.document_id, NEW.annotator_id, NEW.span_id, NEW.start, NEW."end", NEW.label,
              NEW.decision, NEW.seconds, NEW.pretagged, NEW.recorded_at)
      RETURNING id INTO NEW.id;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION annotator_api.group_stem() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_database() ~ '^[a-z_][a-z0-9_]{{0,62}}$'
                   AND length(current_database()) <= 50
              THEN current_database()
              ELSE 'annotator_' || left(encode(sha256(convert_to(current_database(), 'UTF8')),
                                               'hex'), 12) END
$$;

-- Privileges and search paths as blind mode wants them (runs as the owner; idempotent).
CREATE FUNCTION annotator_api.apply_blind(lifted boolean DEFAULT false) RETURNS void LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
DECLARE
  annotators text := annotator_api.group_stem() || '_annotators';
  blind boolean := NOT lifted AND coalesce((SELECT p.blind FROM project p WHERE p.id = 1), false);
  t text;
  member record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = annotators) THEN
    RETURN;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA annotator_api TO %I', annotators);
  -- the views stay granted: a connection opened before blind mode was lifted goes on working
  FOREACH t IN ARRAY ARRAY['annotation', 'span', 'document_time', 'span_time'] LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON annotator_api.%I TO %I',
                   t, annotators);
    EXECUTE format('GRANT EXECUTE ON FUNCTION annotator_api.%I() TO %I', t || '_rows',
                   annotators);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['annotation', 'span', 'document_time', 'span_time'] LOOP
    IF blind THEN
      EXECUTE format('REVOKE ALL ON {s}.%I FROM %I', t, annotators);
      EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM %I',
                     pg_get_serial_sequence('{s}.' || t, 'id'), annotators);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT ON {s}.%I TO %I', t, annotators);
      EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I',
                     pg_get_serial_sequence('{s}.' || t, 'id'), annotators);
    END IF;
  END LOOP;
  IF NOT blind THEN
    EXECUTE format('GRANT UPDATE (status, version, updated_at) ON {s}.annotation TO %I',
                   annotators);
    EXECUTE format('GRANT UPDATE, DELETE ON {s}.span TO %I', annotators);
  END IF;
  FOR member IN SELECT m.db_role, m.role, r.rolsuper, EXISTS (
                    SELECT 1 FROM pg_db_role_setting d JOIN pg_database b ON b.oid = d.setdatabase
                     WHERE d.setrole = r.oid AND b.datname = current_database()) AS has_setting
                  FROM annotator m JOIN pg_roles r ON r.rolname = m.db_role LOOP
    IF blind AND member.role = 'annotator' THEN
      EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = annotator_api, %I',
                     member.db_role, current_database(), '{raw}');
    ELSIF member.has_setting AND NOT member.rolsuper THEN
      BEGIN  -- a curator's or manager's role the owner may not alter keeps its settings
        EXECUTE format('ALTER ROLE %I IN DATABASE %I RESET search_path', member.db_role,
                       current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        NULL;
      END;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION annotator_api.blind_changed() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  PERFORM annotator_api.apply_blind();
  RETURN NULL;
END $$;
"""

VIEWS = [f"CREATE VIEW {API}.{t} AS SELECT * FROM {API}.{t}_rows()" for t in HIDDEN]
TRIGGERS = [
    f"CREATE TRIGGER write_{t} INSTEAD OF INSERT OR UPDATE OR DELETE ON {API}.{t} "
    f"FOR EACH ROW EXECUTE FUNCTION {API}.{writer}()"
    for t, writer in (("annotation", "write_annotation"), ("span", "write_span"),
                      ("document_time", "write_time"), ("span_time", "write_time"))
] + ["CREATE TRIGGER project_blind_changed AFTER UPDATE OF blind ON project FOR EACH ROW "
     "WHEN (OLD.blind IS DISTINCT FROM NEW.blind) EXECUTE FUNCTION annotator_api.blind_changed()"]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    raw = bind.exec_driver_sql("SELECT current_schema()").scalar_one()
    schema = bind.dialect.identifier_preparer.quote(raw)
    op.execute(f"CREATE SCHEMA {API}")
    op.execute(f"REVOKE ALL ON SCHEMA {API} FROM PUBLIC")
    raw_connection = bind.connection.driver_connection
    assert raw_connection is not None
    with raw_connection.cursor() as cursor:  # one script, no parameters (it holds % signs)
        cursor.execute(FUNCTIONS.replace("{s}", schema).replace("{raw}", raw)
                       .replace("{{", "{").replace("}}", "}"))
    for statement in VIEWS + TRIGGERS:
        op.execute(statement)
    # functions are executable by PUBLIC by default; only the views' readers need them
    op.execute(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {API} FROM PUBLIC")
    op.execute(sa.text(f"SELECT {API}.apply_blind()"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS project_blind_changed ON project")
    op.execute(sa.text(f"SELECT {API}.apply_blind(true)"))  # the tables' privileges back
    op.execute(f"DROP SCHEMA IF EXISTS {API} CASCADE")
