"""Counters for the document list's sorts by status, spans and suggestions at a million
documents (SQLite; issue 13).

`annotation_counts` holds one row per annotation: its annotator, document, the document's
position, its status and how many spans and suggestions it has. Triggers on `annotation`,
`span` and `document` keep it equal to the tables (cascades included: SQLite fires the
triggers of rows a cascade deletes or updates). Its three indexes (annotator, status | spans |
suggestions, position, document) give each sorted band of the list in order by walking an
index. `counted_tally` keeps, per annotator, how many annotations have spans and how many
have suggestions, so the list's bands are counted without reading them (the documents without
any span are `document_tally` minus that).

Neither table is project data: `db copy` leaves them to the target's triggers, and
`tests/store/test_tallies.py` checks them against counts over the tables after random edits.
PostgreSQL keeps the correlated counts (see README, "The document list").

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SUGGESTED = "'suggested'"  # SpanState.SUGGESTED
POSITION_OF = "(SELECT position FROM document WHERE id = {row}.document_id)"


def _count_spans(row: str, sign: str) -> str:
    return (f"UPDATE annotation_counts SET spans = spans {sign} 1, suggestions = suggestions "
            f"{sign} ({row}.state = {SUGGESTED}) WHERE annotation_id = {row}.annotation_id;")


def _tally(row: str, sign: str) -> str:
    return (f"INSERT INTO counted_tally VALUES ({row}.annotator_id, {sign}({row}.spans > 0), "
            f"{sign}({row}.suggestions > 0)) ON CONFLICT (annotator_id) DO UPDATE SET "
            "spans = spans + excluded.spans, suggestions = suggestions + excluded.suggestions;")


STATEMENTS = [
    "CREATE TABLE annotation_counts (annotation_id INTEGER PRIMARY KEY, "
    "annotator_id INTEGER NOT NULL, document_id INTEGER NOT NULL, position INTEGER NOT NULL, "
    "status TEXT NOT NULL, spans INTEGER NOT NULL, suggestions INTEGER NOT NULL)",
    "CREATE TABLE counted_tally (annotator_id INTEGER PRIMARY KEY, spans INTEGER NOT NULL, "
    "suggestions INTEGER NOT NULL)",
    "INSERT INTO annotation_counts SELECT n.id, n.annotator_id, n.document_id, d.position, "
    "n.status, coalesce(s.spans, 0), coalesce(s.suggestions, 0) FROM annotation n "
    "JOIN document d ON d.id = n.document_id LEFT JOIN (SELECT annotation_id, count(*) AS spans, "
    f"sum(state = {SUGGESTED}) AS suggestions FROM span GROUP BY annotation_id) s "
    "ON s.annotation_id = n.id",
    "INSERT INTO counted_tally SELECT annotator_id, sum(spans > 0), sum(suggestions > 0) "
    "FROM annotation_counts GROUP BY annotator_id",
    "CREATE INDEX ix_annotation_counts_status ON annotation_counts "
    "(annotator_id, status, position, document_id)",
    "CREATE INDEX ix_annotation_counts_spans ON annotation_counts "
    "(annotator_id, spans, position, document_id)",
    "CREATE INDEX ix_annotation_counts_suggestions ON annotation_counts "
    "(annotator_id, suggestions, position, document_id)",
    "CREATE INDEX ix_annotation_counts_document ON annotation_counts (document_id)",
    # an annotation's spans are counted when it comes (none, unless a copy brought them first)
    "CREATE TRIGGER annotation_counts_insert AFTER INSERT ON annotation BEGIN "
    "INSERT INTO annotation_counts VALUES (NEW.id, NEW.annotator_id, NEW.document_id, "
    f"{POSITION_OF.format(row='NEW')}, NEW.status, "
    "(SELECT count(*) FROM span WHERE annotation_id = NEW.id), "
    f"(SELECT count(*) FROM span WHERE annotation_id = NEW.id AND state = {SUGGESTED})); END",
    "CREATE TRIGGER annotation_counts_delete AFTER DELETE ON annotation BEGIN "
    "DELETE FROM annotation_counts WHERE annotation_id = OLD.id; END",
    # (ids never change: undo relies on it)
    "CREATE TRIGGER annotation_counts_update AFTER UPDATE OF annotator_id, document_id, status "
    "ON annotation BEGIN UPDATE annotation_counts SET "
    "annotator_id = NEW.annotator_id, document_id = NEW.document_id, "
    f"position = {POSITION_OF.format(row='NEW')}, status = NEW.status "
    "WHERE annotation_id = OLD.id; END",
    "CREATE TRIGGER annotation_counts_position AFTER UPDATE OF position ON document BEGIN "
    "UPDATE annotation_counts SET position = NEW.position WHERE document_id = NEW.id; END",
    f"CREATE TRIGGER annotation_counts_span_insert AFTER INSERT ON span BEGIN "
    f"{_count_spans('NEW', '+')} END",
    f"CREATE TRIGGER annotation_counts_span_delete AFTER DELETE ON span BEGIN "
    f"{_count_spans('OLD', '-')} END",
    "CREATE TRIGGER annotation_counts_span_update AFTER UPDATE OF annotation_id, state ON span "
    "WHEN OLD.annotation_id IS NOT NEW.annotation_id OR OLD.state IS NOT NEW.state BEGIN "
    f"{_count_spans('OLD', '-')} {_count_spans('NEW', '+')} END",
    f"CREATE TRIGGER counted_tally_insert AFTER INSERT ON annotation_counts BEGIN "
    f"{_tally('NEW', '+')} END",
    f"CREATE TRIGGER counted_tally_delete AFTER DELETE ON annotation_counts BEGIN "
    f"{_tally('OLD', '-')} END",
    "CREATE TRIGGER counted_tally_update AFTER UPDATE OF annotator_id, spans, suggestions "
    "ON annotation_counts WHEN OLD.annotator_id IS NOT NEW.annotator_id "
    "OR (OLD.spans > 0) IS NOT (NEW.spans > 0) "
    "OR (OLD.suggestions > 0) IS NOT (NEW.suggestions > 0) BEGIN "
    f"{_tally('OLD', '-')} {_tally('NEW', '+')} END",
]
TRIGGERS = ("annotation_counts_insert", "annotation_counts_delete", "annotation_counts_update",
            "annotation_counts_position", "annotation_counts_span_insert",
            "annotation_counts_span_delete", "annotation_counts_span_update",
            "counted_tally_insert", "counted_tally_delete", "counted_tally_update")
TABLES = ("annotation_counts", "counted_tally")  # schema.COUNTER_TABLES


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
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
