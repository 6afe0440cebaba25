"""Schema migrations on PostgreSQL: the models match, every revision goes up and down, the
database itself enforces span offsets, and a revision-0001 database upgrades keeping its data."""

from __future__ import annotations

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import text

from annotator.core.model import OverlapPolicy, SourceDocument
from annotator.core.operations import AddSpan
from annotator.store import ProjectStore, schema
from annotator.store.database import make_engine, writer
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.tables import metadata

pytestmark = pytest.mark.postgres


def migrate(engine, direction: str, revision: str) -> None:
    with writer(engine).begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(schema.MIGRATIONS))
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)


def test_tables_match_the_migrations_on_postgresql(pg_url):
    store = ProjectStore.create(pg_url, labels=["LOC"])
    with store.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), metadata)
    trigram = [d for d in diff if d[0] == "remove_index" and d[1].name in schema.SEARCH_INDEXES]
    assert len(trigram) == len(schema.SEARCH_INDEXES)  # pg_trgm is there: migration 0015 made them
    assert [d for d in diff if d not in trigram] == []
    store.close()


def test_every_revision_goes_up_and_down_on_postgresql(pg_url):
    engine = make_engine(pg_url)
    for revision in schema.all_revisions():
        migrate(engine, "upgrade", revision)
        assert schema.current_revision(engine) == revision
    for revision in reversed(["base", *schema.all_revisions()[:-1]]):
        migrate(engine, "downgrade", revision)
    with engine.connect() as c:
        tables = c.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = "
                                "current_schema() AND tablename <> 'alembic_version'")).all()
        functions = c.execute(text("SELECT proname FROM pg_proc "
                                   "WHERE proname = 'span_within_document'")).all()
    assert tables == [] and functions == []
    migrate(engine, "upgrade", "head")
    assert schema.current_revision(engine) == schema.HEAD
    engine.dispose()


def _raw_span(conn: psycopg.Connection, annotation: int, end: int) -> None:
    conn.execute("INSERT INTO span (annotation_id, start, \"end\", label, state, origin, "
                 "created_at, updated_at) VALUES (%s, 0, %s, 'LOC', 'accepted', 'manual', "
                 "now(), now())", (annotation, end))


def test_postgresql_refuses_a_span_beyond_the_text_whatever_writes_it(pg_url, seed_text):
    store = ProjectStore.create(pg_url, labels=["LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument(seed_text)], store.project().overlap_policy, IngestOptions())
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    span = store.apply(AddSpan(annotation, 0, 4, "LOC")).added[0]
    raw = store.engine.raw_connection()
    conn = raw.driver_connection
    assert isinstance(conn, psycopg.Connection)
    conn.autocommit = True
    with pytest.raises(psycopg.errors.CheckViolation, match="beyond the end"):
        _raw_span(conn, annotation, len(seed_text) + 1)
    with pytest.raises(psycopg.errors.CheckViolation, match="beyond the end"):
        conn.execute('UPDATE span SET "end" = %s WHERE id = %s', (len(seed_text) + 1, span.id))
    with pytest.raises(psycopg.errors.CheckViolation, match="ck_span_offsets"):
        conn.execute('UPDATE span SET start = 4 WHERE id = %s', (span.id,))
    with pytest.raises(psycopg.errors.CheckViolation, match="ck_document_length"):
        conn.execute("UPDATE document SET length = length + 1")
    _raw_span(conn, annotation, len(seed_text))  # up to the very end is fine
    raw.close()
    store.close()


def test_a_revision_0001_database_upgrades_keeping_its_data(pg_url, seed_text):
    engine = make_engine(pg_url)
    migrate(engine, "upgrade", "0001")
    with writer(engine).begin() as c:
        c.execute(text("INSERT INTO project (id, name, language, direction, guidelines, "
                       "overlap_policy, blind, settings, created_at) VALUES (1, 'old', 'ar', "
                       "'auto', '', 'refuse', true, '{}', now())"))
        c.execute(text("INSERT INTO label (name, color, hotkey, description, position) "
                       "VALUES ('LOC', '', '', '', 0)"))
        ingest(c, [SourceDocument(seed_text)], OverlapPolicy.REFUSE,
               IngestOptions(annotator="amal"))
    engine.dispose()
    store = ProjectStore.open(pg_url)  # upgrades to the head
    assert schema.current_revision(store.engine) == schema.HEAD
    assert store.project().blind and store.document_text(store.document_ids()[0]) == seed_text
    with store.engine.connect() as c:
        secured = c.execute(text("SELECT relname FROM pg_class WHERE relrowsecurity "
                                 "ORDER BY relname")).scalars().all()
    assert secured == ["annotation", "document_time", "span", "span_time"]
    store.close()
