"""The database itself refuses bad spans, whatever code writes them: on SQLite and PostgreSQL
alike (`any_project` runs on both; a few tests are about SQLite files only)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from annotator.core.errors import AnnotatorError

SPAN_INSERT = ("INSERT INTO span (annotation_id, start, \"end\", label, state, origin, created_at,"
               " updated_at) VALUES (:annotation, :start, :end, :label, 'accepted', 'manual',"
               " '2026-01-01', '2026-01-01')")


@pytest.fixture
def any_project(seed_store):
    """The seed document in a fresh project, on each backend (tests/conftest.py)."""
    return seed_store


def raw(store, statement: str, **params: object) -> None:
    """Run STATEMENT in a transaction of its own, past the store's checks."""
    with store.write() as c:
        c.execute(text(statement), params)


def span(store, start: int, end: int, label: str = "LOC", annotation: int | None = None) -> None:
    annotation = _annotation(store) if annotation is None else annotation
    raw(store, SPAN_INSERT, annotation=annotation, start=start, end=end, label=label)


def _annotation(store) -> int:
    return store.annotation_id(store.document_ids()[0], "amal")


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (7, 3)])
def test_database_refuses_bad_offsets(any_project, start, end):
    with pytest.raises(IntegrityError):
        span(any_project, start, end)


def test_database_refuses_span_beyond_the_text(any_project, seed_text):
    with pytest.raises(IntegrityError, match="beyond"):
        span(any_project, 0, len(seed_text) + 1)
    span(any_project, 0, len(seed_text))  # exactly the end is fine


def test_database_refuses_unknown_label_and_dangling_annotation(any_project):
    annotation = _annotation(any_project)
    with pytest.raises(IntegrityError):
        span(any_project, 0, 3, label="NOPE")
    with pytest.raises(IntegrityError):
        span(any_project, 0, 3, annotation=annotation + 999)


def test_database_refuses_identical_spans(any_project):
    span(any_project, 0, 3)
    with pytest.raises(IntegrityError):
        span(any_project, 0, 3)


def test_document_length_is_checked_against_the_text(any_project):
    with pytest.raises(IntegrityError):
        raw(any_project, "UPDATE document SET length = length + 1")


def test_only_one_project_row(any_project):
    with pytest.raises(IntegrityError):
        raw(any_project, "INSERT INTO project (id, name, language, direction, guidelines, "
            "overlap_policy, blind, settings, created_at) VALUES (2, 'x', 'ar', 'auto', '', "
            "'refuse', FALSE, '{}', '2026-01-01')")


def test_sqlite_runs_in_wal_with_full_sync(project):
    with project.store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_open_refuses_missing_and_foreign_files(tmp_path):
    from annotator.store import ProjectStore

    with pytest.raises(AnnotatorError, match="E101"):
        ProjectStore.open(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(AnnotatorError, match="E103"):
        ProjectStore.open(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(AnnotatorError, match="E103"):
        ProjectStore.open(other)


def test_create_refuses_existing_project(any_project):
    from annotator.store import ProjectStore

    with pytest.raises(AnnotatorError, match="E102"):
        ProjectStore.create(any_project.url)


@pytest.mark.parametrize("name", ["", "has space", "O"])
def test_bad_label_names_are_refused(any_project, name):
    with pytest.raises(AnnotatorError, match="E111"):
        any_project.add_label(name)


def test_open_refuses_a_database_without_a_project(fresh_project_url):
    """An empty SQLite file or an empty PostgreSQL database is not a project (E103)."""
    from annotator.store import ProjectStore

    if fresh_project_url.startswith("sqlite"):
        open(fresh_project_url.removeprefix("sqlite:///"), "wb").close()
    with pytest.raises(AnnotatorError, match="E103"):
        ProjectStore.open(fresh_project_url)


def test_a_create_that_fails_half_way_leaves_nothing(fresh_project_url, tmp_path):
    """A label refused inside the creating transaction (after the schema was made) rolls the
    schema back too: creating again works, on SQLite (no file left) and on PostgreSQL."""
    from annotator.core.errors import AnnotatorError
    from annotator.store import ProjectStore

    with pytest.raises(AnnotatorError, match="E111"):
        ProjectStore.create(fresh_project_url, labels=["PERS", "PERS"])
    if fresh_project_url.startswith("sqlite"):
        assert not Path(fresh_project_url.removeprefix("sqlite:///")).exists()
    ProjectStore.create(fresh_project_url, labels=["PERS"]).close()
