"""Storage faults are one clear line naming the project and what to do, and lose nothing:
a full disk, a read-only project, a file that vanished while open, a server that went away."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument
from annotator.core.operations import AddSpan
from annotator.store import ProjectStore
from annotator.store.ingest import IngestOptions, ingest

TEXT = "زار لافروف موسكو أمس " * 20


@pytest.fixture
def store(tmp_path: Path):
    opened = ProjectStore.create(tmp_path / "p.db", labels=["PERS", "LOC"])
    with opened.write() as c:
        ingest(c, [SourceDocument(TEXT)], opened.project().overlap_policy, IngestOptions())
    yield opened
    opened.close()


@contextmanager
def pragma_everywhere(store: ProjectStore, statement: str) -> Iterator[None]:
    """STATEMENT run on every connection the store opens, while the block runs."""
    def run(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute(statement)

    store.engine.dispose()  # no pooled connection without it
    event.listen(store.engine, "connect", run)
    try:
        yield
    finally:
        event.remove(store.engine, "connect", run)
        store.engine.dispose()


def _fill(store: ProjectStore, annotation: int, count: int) -> None:
    for i in range(count):
        store.apply(AddSpan(annotation, i * 21, i * 21 + 5, "LOC"))


def test_a_full_disk_is_e130_and_the_failed_write_changes_nothing(store):
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    before = store.spans(annotation)
    policy = store.project().overlap_policy
    with store.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()
    with pragma_everywhere(store, f"PRAGMA max_page_count = {pages}"):  # not one page more
        with pytest.raises(AnnotatorError) as refused:
            big = [SourceDocument(f"{TEXT} {i}" * 50) for i in range(50)]
            with store.write() as c:
                ingest(c, big, policy, IngestOptions())
        assert refused.value.code is E.E130
        assert store.url.removeprefix("sqlite:///") in str(refused.value)
        assert "Free some space" in str(refused.value)
        assert store.document_count() == 1 and store.spans(annotation) == before
    _fill(store, annotation, 3)  # room again: edits work
    assert len(store.spans(annotation)) == 3


def test_a_read_only_project_is_e131_for_every_edit(store):
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    with pragma_everywhere(store, "PRAGMA query_only = 1"):
        for edit in (AddSpan(annotation, 0, 3, "PERS"), AddSpan(annotation, 4, 10, "LOC")):
            with pytest.raises(AnnotatorError) as refused:
                store.apply(edit)
            assert refused.value.code is E.E131
        assert store.spans(annotation) == []


def test_a_project_file_deleted_while_open_refuses_writes_instead_of_losing_them(store, tmp_path):
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    store.spans(annotation)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp_path / 'p.db'}{suffix}").unlink(missing_ok=True)
    with pytest.raises(AnnotatorError) as refused:
        store.apply(AddSpan(annotation, 0, 3, "PERS"))
    assert refused.value.code is E.E132 and "deleted or moved" in str(refused.value)


def test_the_command_line_says_it_in_one_line(tmp_path):
    project = tmp_path / "p.db"
    ProjectStore.create(project, labels=["LOC"]).close()
    source = tmp_path / "a.txt"
    source.write_text("نص", encoding="utf-8")
    read_only = f"sqlite:///file:{project}?mode=ro&uri=true"  # the file opened read-only
    done = subprocess.run([sys.executable, "-m", "annotator", "import", read_only, str(source)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "[E131]" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_read_only_folder_is_e131_and_a_vanished_file_e132(tmp_path, monkeypatch):
    """SQLite says "unable to open database file" for both; a folder it may not write its
    journal into is what the user must change, so it is named read-only."""
    import sqlite3

    from annotator.store import faults

    project = tmp_path / "p.db"
    project.write_bytes(b"")
    error = sqlite3.OperationalError("unable to open database file")
    monkeypatch.setattr(faults.os, "access", lambda path, mode: Path(path) != tmp_path)
    found = faults.translate(error, "p.db", True, False, 5, project)
    assert found is not None and found.code is E.E131 and "read-only" in str(found)
    gone = faults.translate(error, "q.db", True, False, 5, tmp_path / "q.db")
    assert gone is not None and gone.code is E.E132


@pytest.mark.skipif(sys.platform == "win32" or __import__("os").geteuid() == 0,
                    reason="root writes into a read-only folder anyway")
def test_an_import_into_a_project_in_a_read_only_folder_is_one_line_e131(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    project = folder / "p.db"
    ProjectStore.create(project, labels=["LOC"]).close()
    source = tmp_path / "a.txt"
    source.write_text("نص", encoding="utf-8")
    folder.chmod(0o555)
    try:
        done = subprocess.run([sys.executable, "-m", "annotator", "import", str(project),
                               str(source)], capture_output=True, text=True, timeout=120)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "[E131]" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.postgres
def test_a_server_gone_is_one_line_and_nothing_unacknowledged_is_claimed(postgres_server):
    from pg_server import start_server

    server = start_server()
    try:
        url = server.owner_url(server.create_database())
        opened = ProjectStore.create(url, labels=["LOC"])
        with opened.write() as c:
            ingest(c, [SourceDocument(TEXT)], opened.project().overlap_policy, IngestOptions())
        annotation = opened.annotation_id(opened.document_ids()[0], "amal")
        opened.apply(AddSpan(annotation, 0, 3, "LOC"))
        server.stop("immediate")
        with pytest.raises(AnnotatorError) as refused:
            opened.apply(AddSpan(annotation, 4, 10, "LOC"))
        assert refused.value.code in (E.E133, E.E158)
        assert "password" not in str(refused.value).lower()
        opened.close()
        server.start()
        with ProjectStore.open(url) as again:  # the acknowledged edit is there
            assert [(s.start, s.end) for s in again.spans(annotation)] == [(0, 3)]
    finally:
        try:
            server.stop("immediate")
        finally:
            shutil.rmtree(server.base, ignore_errors=True)
