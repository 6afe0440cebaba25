"""Tallies kept by the database (SQLite): documents and characters, annotations per annotator
and status, spans per annotator, label and state.

Triggers move each count by one on every insert, delete and update of a document, annotation
or span, cascades included (SQLite fires a child's triggers for ON DELETE / ON UPDATE CASCADE,
after the parent row is gone: an annotation's spans are taken off its tallies once, before it
is deleted). `annotator stats` reads these few rows instead of counting a million documents.
They are not copied by `db copy` (the target's triggers count the rows copied in) and are no
project data: `tests/store/test_tallies.py` checks them against counts over the tables after
random edits.

PostgreSQL keeps counting over the tables: a tally there would tell a blind annotator how much
colleagues have done.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ANNOTATOR_OF = "(SELECT annotator_id FROM annotation WHERE id = {row}.annotation_id)"


def _add_span(row: str) -> str:
    return (f"INSERT INTO span_tally VALUES ({ANNOTATOR_OF.format(row=row)}, {row}.label, "
            f"{row}.state, 1) ON CONFLICT (annotator_id, label, state) DO UPDATE SET "
            "count = count + 1;")


def _take_span(row: str) -> str:
    return (f"UPDATE span_tally SET count = count - 1 WHERE annotator_id = "
            f"{ANNOTATOR_OF.format(row=row)} AND label = {row}.label AND state = {row}.state;")


def _add_status(row: str) -> str:
    return (f"INSERT INTO status_tally VALUES ({row}.annotator_id, {row}.status, 1) "
            "ON CONFLICT (annotator_id, status) DO UPDATE SET count = count + 1;")


def _take_status(row: str) -> str:
    return (f"UPDATE status_tally SET count = count - 1 WHERE annotator_id = {row}.annotator_id "
            f"AND status = {row}.status;")


STATEMENTS = [
    "CREATE TABLE span_tally (annotator_id INTEGER NOT NULL, label TEXT NOT NULL, "
    "state TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (annotator_id, label, state)) "
    "WITHOUT ROWID",
    "CREATE TABLE status_tally (annotator_id INTEGER NOT NULL, status TEXT NOT NULL, "
    "count INTEGER NOT NULL, PRIMARY KEY (annotator_id, status)) WITHOUT ROWID",
    "CREATE TABLE document_tally (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "documents INTEGER NOT NULL, characters INTEGER NOT NULL)",
    "INSERT INTO document_tally SELECT 1, count(*), coalesce(sum(length), 0) FROM document",
    "INSERT INTO status_tally SELECT annotator_id, status, count(*) FROM annotation "
    "GROUP BY annotator_id, status",
    "INSERT INTO span_tally SELECT n.annotator_id, s.label, s.state, count(*) FROM span s "
    "JOIN annotation n ON n.id = s.annotation_id GROUP BY n.annotator_id, s.label, s.state",
    f"CREATE TRIGGER span_tally_insert AFTER INSERT ON span BEGIN {_add_span('NEW')} END",
    f"CREATE TRIGGER span_tally_delete AFTER DELETE ON span BEGIN {_take_span('OLD')} END",
    "CREATE TRIGGER span_tally_update AFTER UPDATE OF annotation_id, label, state ON span "
    "WHEN OLD.annotation_id IS NOT NEW.annotation_id OR OLD.label IS NOT NEW.label "
    f"OR OLD.state IS NOT NEW.state BEGIN {_take_span('OLD')} {_add_span('NEW')} END",
    f"CREATE TRIGGER status_tally_insert AFTER INSERT ON annotation BEGIN {_add_status('NEW')} END",
    # before the row goes: its spans' tallies (their own triggers find no annotation after it)
    "CREATE TRIGGER status_tally_delete BEFORE DELETE ON annotation BEGIN "
    f"{_take_status('OLD')} UPDATE span_tally SET count = count - (SELECT count(*) FROM span s "
    "WHERE s.annotation_id = OLD.id AND s.label = span_tally.label "
    "AND s.state = span_tally.state) WHERE annotator_id = OLD.annotator_id; END",
    "CREATE TRIGGER status_tally_update AFTER UPDATE OF annotator_id, status ON annotation "
    "WHEN OLD.annotator_id IS NOT NEW.annotator_id OR OLD.status IS NOT NEW.status BEGIN "
    f"{_take_status('OLD')} {_add_status('NEW')} END",
    "CREATE TRIGGER document_tally_insert AFTER INSERT ON document BEGIN UPDATE document_tally "
    "SET documents = documents + 1, characters = characters + NEW.length; END",
    "CREATE TRIGGER document_tally_delete AFTER DELETE ON document BEGIN UPDATE document_tally "
    "SET documents = documents - 1, characters = characters - OLD.length; END",
    "CREATE TRIGGER document_tally_update AFTER UPDATE OF length ON document BEGIN "
    "UPDATE document_tally SET characters = characters - OLD.length + NEW.length; END",
]
TABLES = ("span_tally", "status_tally", "document_tally")  # schema.TALLY_TABLES


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("span_tally_insert", "span_tally_delete", "span_tally_update",
                 "status_tally_insert", "status_tally_delete", "status_tally_update",
                 "document_tally_insert", "document_tally_delete", "document_tally_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in TABLES:
        op.execute(f"DROP TABLE {table}")
