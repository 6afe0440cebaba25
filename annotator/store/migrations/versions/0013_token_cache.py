"""Agreement over a large project (SQLite): each document's tokens, kept once computed.

`token_cache` holds, per document, the token offsets of the project tokenizer as a blob of
little-endian int32 pairs (start, end), under the key of the tokenizer that made them
(`text.token_key.tokenizer_key`: language, options and a digest of the tokenizer's code and
rules). `annotator agreement` fills it on first use and then reads tokens instead of
tokenizing every text again (`store.finished_columns`). It is not project data: `db copy`
leaves it out, and triggers drop a document's row when its text changes or it is deleted, so
a row never describes another text. The app never changes a stored text; a SQL client may.

PostgreSQL has no such table: a team database is written by several roles, and a cache every
role could write is one any annotator could falsify (the figures of everyone's agreement), while
in blind mode annotators reach only the views of migration 0008; there the tokens are computed
in the process each run.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

STATEMENTS = [
    "CREATE TABLE token_cache (document_id INTEGER NOT NULL PRIMARY KEY "
    "REFERENCES document (id) ON DELETE CASCADE, tokenizer VARCHAR NOT NULL, "
    "offsets BLOB NOT NULL)",
    "CREATE TRIGGER token_cache_text_update AFTER UPDATE OF id, text ON document "
    "BEGIN DELETE FROM token_cache WHERE document_id = OLD.id; END",
    "CREATE TRIGGER token_cache_document_delete AFTER DELETE ON document "
    "BEGIN DELETE FROM token_cache WHERE document_id = OLD.id; END",
]
TRIGGERS = ("token_cache_text_update", "token_cache_document_delete")


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
    op.execute("DROP TABLE IF EXISTS token_cache")
