"""The database itself refuses bad spans, whatever code writes them."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.errors import AnnotatorError


def _raw(store) -> sqlite3.Connection:
    path = store.url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _annotation(store) -> int:
    return store.annotation_id(store.document_ids()[0], "amal")


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (7, 3)])
def test_database_refuses_bad_offsets(project, start, end):
    annotation = _annotation(project)
    with _raw(project) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO span (annotation_id, start, \"end\", label, state, origin, created_at, updated_at)"
            " VALUES (?, ?, ?, 'LOC', 'accepted', 'manual', '2026-01-01', '2026-01-01')",
            (annotation, start, end))


def test_database_refuses_span_beyond_the_text(project, seed_text):
    annotation = _annotation(project)
    with _raw(project) as conn, pytest.raises(sqlite3.IntegrityError, match="beyond"):
        conn.execute(
            "INSERT INTO span (annotation_id, start, \"end\", label, state, origin, created_at, updated_at)"
            " VALUES (?, 0, ?, 'LOC', 'accepted', 'manual', '2026-01-01', '2026-01-01')",
            (annotation, len(seed_text) + 1))
    with _raw(project) as conn:  # exactly the end is fine
        conn.execute(
            "INSERT INTO span (annotation_id, start, \"end\", label, state, origin, created_at, updated_at)"
            " VALUES (?, 0, ?, 'LOC', 'accepted', 'manual', '2026-01-01', '2026-01-01')",
            (annotation, len(seed_text)))


def test_database_refuses_unknown_label_and_dangling_annotation(project):
    annotation = _annotation(project)
    insert = ("INSERT INTO span (annotation_id, start, \"end\", label, state, origin, created_at,"
              " updated_at) VALUES (?, 0, 3, ?, 'accepted', 'manual', '2026-01-01', '2026-01-01')")
    with _raw(project) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(insert, (annotation, "NOPE"))
    with _raw(project) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(insert, (annotation + 999, "LOC"))


def test_database_refuses_identical_spans(project):
    annotation = _annotation(project)
    insert = ("INSERT INTO span (annotation_id, start, \"end\", label, state, origin, created_at,"
              " updated_at) VALUES (?, 0, 3, 'LOC', 'accepted', 'manual', '2026-01-01', '2026-01-01')")
    with _raw(project) as conn:
        conn.execute(insert, (annotation,))
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(insert, (annotation,))


def test_document_length_is_checked_against_the_text(project):
    with _raw(project) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE document SET length = length + 1")


def test_only_one_project_row(project):
    with _raw(project) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO project (id, name, language, direction, guidelines, overlap_policy,"
                     " blind, settings, created_at) VALUES (2, 'x', 'ar', 'auto', '', 'refuse', 0,"
                     " '{}', '2026-01-01')")


def test_sqlite_runs_in_wal_with_full_sync(project):
    with project.engine.connect() as c:
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


def test_create_refuses_existing_project(project):
    from annotator.store import ProjectStore

    with pytest.raises(AnnotatorError, match="E102"):
        ProjectStore.create(project.url.removeprefix("sqlite:///"))


@pytest.mark.parametrize("name", ["", "has space", "O"])
def test_bad_label_names_are_refused(project, name):
    with pytest.raises(AnnotatorError, match="E111"):
        project.add_label(name)
