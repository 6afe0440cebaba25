"""The document list at a million documents (SQLite): a trigram index for its search box and an
index for its sort by title.

`document_search` is an FTS5 table with the trigram tokenizer (SQLite >= 3.34) holding each
document's title (its first 80 characters, `queries.TITLE_CHARS`) and source under the
document's id; triggers keep it equal to the documents, and a word of three characters or
more is found through the index instead of by reading every text. `ix_document_title_key`
orders the documents by the list's title key (`lower(ltrim(substr(text, 1, 80)))`, then
position), so the list sorted by title reads a page by walking the index. Neither is project
data: `db copy` leaves them to the target's own triggers and migration.

PostgreSQL keeps LIKE over the titles (pg_trgm is an extension a team server may not have).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TITLE = "substr({row}.text, 1, 80)"  # queries.TITLE_CHARS


def _insert(row: str) -> str:
    return (f"INSERT INTO document_search (rowid, title, source) VALUES ({row}.id, "
            f"{TITLE.format(row=row)}, {row}.source);")


def _delete(row: str) -> str:
    return f"DELETE FROM document_search WHERE rowid = {row}.id;"


STATEMENTS = [
    "CREATE VIRTUAL TABLE document_search USING fts5(title, source, "
    "tokenize = 'trigram case_sensitive 0')",
    "INSERT INTO document_search (rowid, title, source) "
    "SELECT id, substr(text, 1, 80), source FROM document",
    f"CREATE TRIGGER document_search_insert AFTER INSERT ON document BEGIN {_insert('NEW')} END",
    f"CREATE TRIGGER document_search_delete AFTER DELETE ON document BEGIN {_delete('OLD')} END",
    "CREATE TRIGGER document_search_update AFTER UPDATE OF id, text, source ON document "
    f"BEGIN {_delete('OLD')} {_insert('NEW')} END",
    "CREATE INDEX ix_document_title_key ON document (lower(ltrim(substr(text, 1, 80))), position)",
]
TRIGGERS = ("document_search_insert", "document_search_delete", "document_search_update")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP INDEX IF EXISTS ix_document_title_key")
    op.execute("DROP TABLE IF EXISTS document_search")
