"""Schema versions: the models match the migrations, and older project files open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from annotator.core.model import SpanState, Status
from annotator.store import ProjectStore, schema
from annotator.store.tables import metadata

FIXTURES = Path(__file__).parent / "fixtures"


def test_head_constant_matches_the_migration_scripts():
    assert schema.HEAD == schema.head_revision()
    assert schema.all_revisions()[-1] == schema.HEAD


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_tables_match_what_the_migrations_build(tmp_path):
    store = ProjectStore.create(tmp_path / "p.db", labels=["LOC"])
    with store.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), metadata)
    kept = (schema.TALLY_TABLES + schema.SEARCH_TABLES + schema.COUNTER_TABLES
            + schema.CACHE_TABLES)  # kept by triggers, no model of their own
    tallies = [d for d in diff if d[0] == "remove_table" and d[1].name in kept]
    tallies += [d for d in diff if d[0] == "remove_index" and d[1].table.name in kept]
    assert len(tallies) == len(kept) + 4  # the 4 indexes of annotation_counts
    assert [d for d in diff if d not in tallies] == []


def test_a_project_file_from_revision_0001_opens_and_keeps_everything(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "project_0001.sql").read_text(encoding="utf-8"))
    conn.close()
    store = ProjectStore.open(path)
    with store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == schema.HEAD
    assert store.project().guidelines == "قواعد"
    assert [label.name for label in store.labels()] == ["PERS", "LOC", "ORG", "MISC"]
    doc = store.document_ids()[0]
    text = store.document_text(doc)
    annotation = store.annotation_id(doc, "amal")
    spans = store.spans(annotation)
    assert [(text[s.start:s.end], s.label, s.state) for s in spans if s.label != "LOC"] == [
        ("لافروف", "PERS", SpanState.ACCEPTED), ("KCTV", "ORG", SpanState.ACCEPTED)]
    assert ("وونسان", SpanState.SUGGESTED, 0.5) in [(text[s.start:s.end], s.state, s.score)
                                                    for s in spans]
    assert store.annotation_status(annotation) is Status.DONE
    store.close()
    # and it opens again, already current
    ProjectStore.open(path).close()


def test_every_revision_upgrades_in_sequence_from_empty(tmp_path):
    from annotator.store.database import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'steps.db'}")
    for revision in schema.all_revisions():
        schema.upgrade(engine, revision)
        assert schema.current_revision(engine) == revision
    engine.dispose()
