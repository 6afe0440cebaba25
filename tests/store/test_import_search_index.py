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
from annotator.store.search_index import INDEXES, INSERT_TRIGGER


def _corpus(path: Path, first: int, count: int, bad_at: int | None = None) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(first, first + count):
            text = f"وثيقة رقم {i} عن القاهرة وبيروت في الصباح"
            end = 10_000 if i == bad_at else 5  # past the text: the import is refused
            f.write(json.dumps({"text": text, "spans": [{"start": 0, "end": end, "label": "LOC"}]},
                               ensure_ascii=False) + "\n")
    return path


def _entries(c: Connection) -> tuple[object, ...]:
    """What both search indexes hold (contentless FTS5: read through fts5vocab, term by term,
    document by document, position by position)."""
    found = []
    for index in INDEXES:
        c.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_{index} USING "
                          f"fts5vocab(main, {index}, instance)")
        found.append(tuple(c.exec_driver_sql(f"SELECT term, doc, col, offset FROM "
                                             f"temp.vocab_{index} ORDER BY 1, 2, 3, 4").all()))
    return tuple(found)


def _state(c: Connection) -> tuple[object, ...]:
    documents = c.exec_driver_sql("SELECT id, position, text, source FROM document "
                                  "ORDER BY id").all()
    trigger = c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                "name = ?", (INSERT_TRIGGER,)).scalar()
    return _entries(c), tuple(documents), trigger


def _by_the_trigger(path: Path, documents: list[tuple[object, ...]]) -> tuple[object, ...]:
    """The index entries the insert trigger makes for DOCUMENTS, one row at a time, in a new
    project."""
    reference = Project.create(path, labels=["LOC"])
    with reference.store.engine.begin() as c:
        for _id, position, text, source in documents:
            c.exec_driver_sql("INSERT INTO document (length, content_hash, source, meta, position,"
                              " created_at, text) VALUES (?, ?, ?, '{}', ?, '2026-01-01', ?)",
                              (len(str(text)), f"h{position}", source, position, text))
        entries = _entries(c)
    reference.close()
    return entries


def test_imports_leave_the_index_as_the_trigger_would(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.db", labels=["LOC"])
    with project.store.engine.connect() as c:
        trigger_before = _state(c)[2]
    assert trigger_before is not None
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 0, 1_500)])  # two batches
    import_paths(project, [_corpus(tmp_path / "b.jsonl", 1_400, 300)])  # 100 duplicates
    with project.store.engine.begin() as c:
        entries, documents, trigger = _state(c)
        assert len(documents) == 1_700
        assert trigger == trigger_before
        for index in INDEXES:  # each raises on an index unlike its rows
            c.exec_driver_sql(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")
        found = c.exec_driver_sql("SELECT rowid FROM document_search WHERE document_search "
                                  "MATCH ?", ('"رقم 1650 "',)).scalars().all()
        position = c.exec_driver_sql("SELECT position FROM document WHERE id = 1651").scalar()
        assert found == [position]
    project.close()
    assert entries == _by_the_trigger(tmp_path / "reference.db", list(documents))
    assert all(entries)  # both indexes hold something


def test_the_trigger_still_indexes_a_document_added_after_an_import(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.db", labels=["LOC"])
    import_paths(project, [_corpus(tmp_path / "a.jsonl", 0, 3)])
    with project.store.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO document (length, content_hash, source, meta, position, "
                          "created_at, text) VALUES (5, 'h', 'by hand', '{}', 9, '2026-01-01', "
                          "'يدوية')")
        positions = {int(p) for p in c.exec_driver_sql("SELECT position FROM document").scalars()}
        for index in INDEXES:
            rowids = set(c.exec_driver_sql(f"SELECT DISTINCT doc FROM temp.vocab_{index}"
                                           if _entries(c) else "SELECT 1").scalars())
            assert rowids == positions and 9 in rowids and len(rowids) == 4
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
