"""What only a superuser can hide: the statistics every role of a PostgreSQL database reads.

Blind mode's access path (migration 0008) leaves annotators no privilege on the tables of their
colleagues' work, which hides `pg_stats` and the sequences' `last_value`. But the cumulative
statistics (`pg_stat_user_tables` and the other `pg_stat_*` / `pg_statio_*` views, the
`pg_stat_get_*` functions behind them), `pg_class.reltuples` / `relpages` and the size
functions (`pg_relation_size`, `pg_database_size`...) are readable by PUBLIC for every table,
and they count every insert: a colleague's spans included. Those objects belong to the
bootstrap superuser, so only a superuser can revoke them, one database at a time (each
database has its own catalogs): `hide_statistics` does it for the project database, and
`annotator team sync` runs it when it is run by a superuser. Tools that read those views as a
plain role (monitoring) then need a grant of their own (or `pg_read_all_stats`... which does not
cover these privileges: grant them explicitly).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

HIDDEN_COLUMNS = ("reltuples", "relpages", "relallvisible")
SIZE_FUNCTIONS = ("pg_relation_size", "pg_table_size", "pg_indexes_size",
                  "pg_total_relation_size", "pg_database_size")

_HIDE = r"""
DO $$
DECLARE
  f regprocedure;
  v name;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
             WHERE p.pronamespace = 'pg_catalog'::regnamespace
               AND (p.proname LIKE 'pg\_stat\_get\_%' OR p.proname = ANY (%(sizes)s)) LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
  FOR v IN SELECT c.relname FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
               AND (c.relname LIKE 'pg\_stat\_%' OR c.relname LIKE 'pg\_statio\_%'
                    OR c.relname = 'pg_stat_database') LOOP
    EXECUTE format('REVOKE SELECT ON pg_catalog.%I FROM PUBLIC', v);
  END LOOP;
  REVOKE SELECT ON pg_catalog.pg_class FROM PUBLIC;
  EXECUTE (SELECT format('GRANT SELECT (%s) ON pg_catalog.pg_class TO PUBLIC',
                         string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum))
             FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = 'pg_catalog.pg_class'::regclass AND a.attnum > 0
              AND NOT a.attisdropped AND a.attname <> ALL (%(hidden)s));
END $$
"""


def is_superuser(c: Connection) -> bool:
    return bool(c.exec_driver_sql(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar())


def hide_statistics(c: Connection) -> None:
    """Revoke from PUBLIC, in this database, the statistics that count rows (superuser only)."""
    def array(names: tuple[str, ...]) -> str:
        return "ARRAY[" + ", ".join(f"'{n}'" for n in names) + "]::name[]"

    script = (_HIDE.replace("%(sizes)s", array(SIZE_FUNCTIONS))
              .replace("%(hidden)s", array(HIDDEN_COLUMNS)))
    raw = c.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:  # no parameters: the script holds % signs
        cursor.execute(script)
