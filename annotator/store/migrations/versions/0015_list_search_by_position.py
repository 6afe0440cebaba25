"""The list's search answered by its indexes alone at a million documents, for words of any
length.

SQLite: `document_search` (migration 0012: trigram, keyed by document id, with a copy of its
rows) is rebuilt contentless and keyed by the document's position, so that the list in project
order filtered by words is read from the index itself: the count is the index's count, a page
is its rowids in order (`LIMIT`/`OFFSET` inside FTS5), a document's row a count of rowids below
its position; no matching document is looked up one by one. Beside it `document_words`
(unicode61, prefix indexes of 1 and 2 characters, the same key) answers the words of one or
two characters that a trigram index cannot hold: such a word finds the titles and sources with
a word beginning with it (`list_search`). Positions are unique (ingest appends after the
largest). Triggers keep both equal to the documents (a contentless table is told the old values
to delete them). Rebuilding the trigram index of a million documents takes minutes (once).

PostgreSQL: trigram GIN indexes (pg_trgm) on the title expression and the source serve the
list's ILIKE, when the extension is there or the migrating role may create it (pg_trgm is a
trusted extension since PostgreSQL 13: a database owner may); without it the search keeps
reading every title, and the migration says so in the log.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TITLE = "substr({row}.text, 1, 80)"  # queries.TITLE_CHARS
INDEXES = ("document_search", "document_words")
MADE = {
    "document_search": "tokenize = 'trigram case_sensitive 0'",
    # marks (Arabic harakat) stay inside words; case aside, nothing else folded
    "document_words": "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\", "
                      "prefix = '1 2'",
}
OLD_TRIGGERS = ("document_search_insert", "document_search_delete", "document_search_update")
TRIGGERS = ("document_index_insert", "document_index_delete", "document_index_update")
PG_INDEXES = {"ix_document_title_trgm": "substr(text, 1, 80)", "ix_document_source_trgm": "source"}
log = logging.getLogger("alembic.runtime.migration")


def _insert(row: str) -> str:
    return " ".join(f"INSERT INTO {t} (rowid, title, source) VALUES ({row}.position, "
                    f"{TITLE.format(row=row)}, {row}.source);" for t in INDEXES)


def _delete(row: str) -> str:
    return " ".join(f"INSERT INTO {t} ({t}, rowid, title, source) VALUES ('delete', "
                    f"{row}.position, {TITLE.format(row=row)}, {row}.source);" for t in INDEXES)


def sqlite_statements() -> list[str]:
    found = [f"DROP TRIGGER IF EXISTS {name}" for name in OLD_TRIGGERS]
    found.append("DROP TABLE IF EXISTS document_search")
    for table in INDEXES:
        found += [f"CREATE VIRTUAL TABLE {table} USING fts5(title, source, content = '', "
                  f"{MADE[table]})",
                  f"INSERT INTO {table} (rowid, title, source) "
                  "SELECT position, substr(text, 1, 80), source FROM document"]
    found += [
        f"CREATE TRIGGER document_index_insert AFTER INSERT ON document BEGIN {_insert('NEW')} END",
        f"CREATE TRIGGER document_index_delete AFTER DELETE ON document BEGIN {_delete('OLD')} END",
        "CREATE TRIGGER document_index_update AFTER UPDATE OF position, text, source ON document "
        f"BEGIN {_delete('OLD')} {_insert('NEW')} END",
    ]
    return found


def _postgres_upgrade() -> None:
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as error:
        log.warning("pg_trgm is not available (%s): the list's search reads every title; a "
                    "superuser may run CREATE EXTENSION pg_trgm and upgrade again",
                    str(error.orig).strip().splitlines()[0])
        return
    for name, expression in PG_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON document "
                   f"USING gin ({expression} gin_trgm_ops)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        _postgres_upgrade()
        return
    for statement in sqlite_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for name in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in INDEXES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
    # 0012's trigram index keyed by document id, with its triggers
    op.execute("CREATE VIRTUAL TABLE document_search USING fts5(title, source, "
               "tokenize = 'trigram case_sensitive 0')")
    op.execute("INSERT INTO document_search (rowid, title, source) "
               "SELECT id, substr(text, 1, 80), source FROM document")
    insert = ("INSERT INTO document_search (rowid, title, source) VALUES "
              "(NEW.id, substr(NEW.text, 1, 80), NEW.source);")
    delete = "DELETE FROM document_search WHERE rowid = OLD.id;"
    op.execute(f"CREATE TRIGGER document_search_insert AFTER INSERT ON document BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER document_search_delete AFTER DELETE ON document BEGIN {delete} END")
    op.execute("CREATE TRIGGER document_search_update AFTER UPDATE OF id, text, source ON "
               f"document BEGIN {delete} {insert} END")
