"""Blind mode's per-edit reads of spans by parameterised functions, through the span indexes.

PostgreSQL only (issue 16; docs/TEAM.md § 9). On 0008's access path a statement on the view
`annotator_api.span` reads every span of the annotation in scope: the planner cannot push a
WHERE into the view's function, so with 10,000 spans in one document each edit read them all
(2.9x the tables' latency, bench/results/blind_scaling.json). From this revision the store's
per-edit statements on that path call these functions instead, each SECURITY DEFINER, owned by
the project owner, search path pinned, and reading `span` through its indexes:

- `spans_overlapping(annotation, start, end [, first_start])`: the spans of ANNOTATION that
  overlap [start, end) (starting at or after first_start), by `ix_span_annotation_start`;
- `span_duplicate(annotation, start, end, label)`: the id of that exact span, or NULL
  (`uq_span_identity`); `longest_span(annotation)`: the longest span's length (0: none);
- `span_by_id(span)`, `span_annotation(span)`: a span, or its annotation's id (the primary key);
- `delete_spans(ids)`, `update_span(span, start, end, label, state, at)`: the writes by id that
  0008's INSTEAD OF trigger does through the view, deleted ids remembered for undo alike;
- `claim_annotation(annotation, at)`: an edit's first statement, the version bump (and row
  lock) of her own annotation, by its primary key. With it an add, relabel or delete reads no
  view at all, so the store sets no scope hint for them: one round trip less per keystroke.

Each reads only an annotation of the caller's (`annotator_api.me()`, the member mapped to
`session_user`, an annotator), or, in a project that is not blind, any (as the views do), and
writes only her own; for anything else it returns nothing and tells nothing (no error that
would say a colleague's row exists). They are granted to the annotators' group with the views,
by `annotator_api.apply_blind()`, which blind mode's switch and every grant run (0008's
function keeps its work under the name `apply_blind_0008`).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

API = "annotator_api"
CALLS = ("spans_overlapping(integer, integer, integer, integer)",
         "span_duplicate(integer, integer, integer, text)", "longest_span(integer)",
         "span_by_id(integer)", "span_annotation(integer)", "delete_spans(integer[])",
         "update_span(integer, integer, integer, text, text, timestamptz)",
         "claim_annotation(integer, timestamptz)")

# {s}: the data schema, quoted. plpgsql and SECURITY DEFINER: never inlined, never planned
# into the caller's statement (EXPLAIN shows one function scan).
FUNCTIONS = r"""
CREATE FUNCTION annotator_api.may_read(wanted integer) RETURNS boolean LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
  SELECT annotator_api.me() IS NOT NULL
         AND (annotator_api.own_annotation(wanted) OR NOT annotator_api.blind())
$$;

CREATE FUNCTION annotator_api.spans_overlapping(wanted integer, span_start integer,
    span_end integer, first_start integer DEFAULT NULL) RETURNS SETOF {s}.span
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  IF NOT annotator_api.may_read(wanted) THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT x.* FROM span x
    WHERE x.annotation_id = wanted AND x.start >= coalesce(first_start, 0)
      AND x.start < span_end AND x."end" > span_start
    ORDER BY x.start, x."end", x.id;
END $$;

CREATE FUNCTION annotator_api.span_duplicate(wanted integer, span_start integer,
    span_end integer, span_label text) RETURNS integer
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  IF NOT annotator_api.may_read(wanted) THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT x.id FROM span x WHERE x.annotation_id = wanted AND x.start = span_start
            AND x."end" = span_end AND x.label = span_label);
END $$;

CREATE FUNCTION annotator_api.longest_span(wanted integer) RETURNS integer
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  IF NOT annotator_api.may_read(wanted) THEN
    RETURN 0;
  END IF;
  RETURN (SELECT coalesce(max(x."end" - x.start), 0) FROM span x
            WHERE x.annotation_id = wanted);
END $$;

CREATE FUNCTION annotator_api.span_by_id(wanted integer) RETURNS SETOF {s}.span
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  RETURN QUERY SELECT x.* FROM span x
    WHERE x.id = wanted AND annotator_api.may_read(x.annotation_id);
END $$;

CREATE FUNCTION annotator_api.span_annotation(wanted integer) RETURNS integer
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  RETURN (SELECT x.annotation_id FROM span x
            WHERE x.id = wanted AND annotator_api.may_read(x.annotation_id));
END $$;

CREATE FUNCTION annotator_api.delete_spans(wanted integer[]) RETURNS SETOF {s}.span
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  RETURN QUERY WITH gone AS (
      DELETE FROM span x WHERE x.id = ANY (wanted)
        AND annotator_api.own_annotation(x.annotation_id) RETURNING x.*),
    remembered AS (
      INSERT INTO annotator_api.deleted_span (id, annotation_id)
        SELECT g.id, g.annotation_id FROM gone g ON CONFLICT DO NOTHING)
    SELECT * FROM gone;
END $$;

CREATE FUNCTION annotator_api.update_span(wanted integer, new_start integer, new_end integer,
    new_label text, new_state text, at timestamptz) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
BEGIN
  UPDATE span x SET start = new_start, "end" = new_end, label = new_label, state = new_state,
      updated_at = at
    WHERE x.id = wanted AND annotator_api.own_annotation(x.annotation_id);
  RETURN FOUND;
END $$;

-- An edit's claim: bump the version of her own annotation (new -> in progress) and so take the
-- row lock that serialises edits to it, as an UPDATE of the view would, without the view's read.
CREATE FUNCTION annotator_api.claim_annotation(wanted integer, at timestamptz)
  RETURNS SETOF {s}.annotation LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = {s}, pg_temp AS $$
BEGIN
  RETURN QUERY WITH bumped AS (
      UPDATE annotation n SET version = n.version + 1, updated_at = at,
          status = CASE WHEN n.status = 'new' THEN 'in_progress' ELSE n.status END
        WHERE n.id = wanted AND n.annotator_id = annotator_api.me() RETURNING n.*)
    SELECT * FROM bumped;
END $$;

ALTER FUNCTION annotator_api.apply_blind(boolean) RENAME TO apply_blind_0008;

CREATE FUNCTION annotator_api.apply_blind(lifted boolean DEFAULT false) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = {s}, pg_temp AS $$
DECLARE
  annotators text := annotator_api.group_stem() || '_annotators';
  call text;
BEGIN
  PERFORM annotator_api.apply_blind_0008(lifted);
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = annotators) THEN
    RETURN;
  END IF;
  -- granted with the views, blind or not: a connection opened in blind mode goes on working
  FOREACH call IN ARRAY ARRAY[{calls}] LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION annotator_api.%s TO %I', call, annotators);
  END LOOP;
END $$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    raw = bind.exec_driver_sql("SELECT current_schema()").scalar_one()
    schema = bind.dialect.identifier_preparer.quote(raw)
    calls = ", ".join(f"'{call}'" for call in CALLS)
    raw_connection = bind.connection.driver_connection
    assert raw_connection is not None
    with raw_connection.cursor() as cursor:  # one script, no parameters (it holds % signs)
        cursor.execute(FUNCTIONS.replace("{s}", schema).replace("{calls}", calls))
    for call in ("may_read(integer)", "apply_blind(boolean)", *CALLS):
        op.execute(f"REVOKE ALL ON FUNCTION {API}.{call} FROM PUBLIC")
    op.execute(f"SELECT {API}.apply_blind()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for call in (*CALLS, "may_read(integer)", "apply_blind(boolean)"):
        op.execute(f"DROP FUNCTION IF EXISTS {API}.{call}")
    op.execute(f"ALTER FUNCTION {API}.apply_blind_0008(boolean) RENAME TO apply_blind")
