"""An import indexes its documents' titles for the list's search box in one statement at its
end (`store/search_index.py`), with the insert trigger off meanwhile: the index ends as the
trigger would have left it, the trigger comes back as it was, and a failed import changes
neither the documents nor the index nor the trigger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Connection

from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.store.search_index import INSERT_TRIGGER


def _corpus(path: Path, first: int, count: int, bad_at: int | None = None) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(first, first + count):
            text = f"وثيقة رقم {i} عن القاهرة وبيروت في الصباح"
            end = 10_000 if i == bad_at else 5  # past the text: the import is refused
            f.write(json.dumps({"text": text, "spans": [{"start": 0, "end": end, "label": "LOC"}]},
                               ensure_ascii=False) + "\n")
    return path


def _state(c: Connection) -> tuple[object, ...]:
    index = c.exec_driver_sql("SELECT rowid, title, source FROM document_search "
                              "ORDER BY rowid").all()
    documents = c.exec_driver_sql("SELECT id, substr(text, 1, 80), source FROM document "
                                  "ORDER BY id").all()
    trigger = c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                "name = ?", (INSERT_TRIGGER,)).scalar()
    return tuple(index), tuple(documents), trigger


def test_imports_leave_the_index_as_the_trigger_would(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.db", labels=["LOC"])
    with project.store.engine.connect() as c:
        trigger_before = _state(c)[2]
    assert trigger_before is not None
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 0, 1_500)])  # two batches
    import_paths(project, [_corpus(tmp_path / "b.jsonl", 1_400, 300)])  # 100 duplicates
    with project.store.engine.begin() as c:
        index, documents, trigger = _state(c)
        assert len(documents) == 1_700
        assert index == documents
        assert trigger == trigger_before
        c.exec_driver_sql("INSERT INTO document_search (document_search) "
                          "VALUES ('integrity-check')")  # raises on an index unlike its rows
        found = c.exec_driver_sql("SELECT rowid FROM document_search WHERE document_search "
                                  "MATCH ?", ('"رقم 1650 "',)).scalars().all()
        assert found == [1_651]
    project.close()


def test_the_trigger_still_indexes_a_document_added_after_an_import(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.db", labels=["LOC"])
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 0, 3)])
    with project.store.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO document (length, content_hash, source, meta, position, "
                          "created_at, text) VALUES (5, 'h', 'by hand', '{}', 9, '2026-01-01', "
                          "'يدوية')")
        index, documents, _trigger = _state(c)
        assert index == documents and len(index) == 4
    project.close()


def test_a_failed_import_changes_neither_documents_nor_index_nor_trigger(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.db", labels=["LOC"])
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 0, 20)])
    with project.store.engine.connect() as c:
        before = _state(c)
    # the bad span comes after the first batch of 1,000 documents was written
    with pytest.raises(AnnotatorError):
        import_paths(project, [_corpus(tmp_path / "b.jsonl", 100, 1_300, bad_at=1_250)])
    with project.store.engine.connect() as c:
        assert _state(c) == before
    project.close()
