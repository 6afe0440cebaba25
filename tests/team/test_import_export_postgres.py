"""Import and export work the same on PostgreSQL as on a SQLite file: the same third-party files
give the same documents, annotators, spans and statuses, and export the same bytes; a bad file
leaves a PostgreSQL project unchanged, as it does a SQLite one."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.store.ingest import IngestOptions

pytestmark = pytest.mark.postgres

INPUTS = [("arabic/anercorp_sample.conll", "conll"),
          ("tool_exports/doccano_export_sequence_labeling_example.jsonl", "doccano"),
          ("tool_exports/doccano_legacy_download_example.jsonl", "doccano"),
          ("tool_exports/prodigy_fashion_brands_eval.jsonl", "prodigy")]


def contents(store: Project) -> list[tuple[object, ...]]:
    """Everything an import wrote, without ids or times: per document its position, text and
    source, and per annotation its annotator, status and spans (read-only)."""
    query = text(
        "SELECT d.position, d.source, a.name, n.status, s.start, s.\"end\", s.label, "
        "s.state, s.origin, s.score FROM document d "
        "LEFT JOIN annotation n ON n.document_id = d.id "
        "LEFT JOIN annotator a ON a.id = n.annotator_id "
        "LEFT JOIN span s ON s.annotation_id = n.id "
        "ORDER BY d.position, a.name, s.start, s.\"end\", s.label")
    with store.store.engine.connect() as c:
        texts = c.execute(text("SELECT position, text FROM document ORDER BY position")).all()
        return [tuple(row) for row in texts] + [tuple(row) for row in c.execute(query)]


def imported(url: str, shared_data) -> Project:  # type: ignore[no-untyped-def]
    store = Project.create(url, labels=["PERS", "LOC", "ORG", "MISC"])
    for relative, fmt in INPUTS:
        import_paths(store, [shared_data / relative], fmt,
                     ingest_options=IngestOptions(create_labels=True))
    return store


def test_third_party_files_import_and_export_identically(tmp_path, pg_url, shared_data):
    lite = imported(str(tmp_path / "p.db"), shared_data)
    pg = imported(pg_url, shared_data)
    assert lite.stats() == pg.stats()
    assert contents(lite) == contents(pg)
    assert len(contents(pg)) > 10
    for fmt in ("jsonl", "doccano"):
        out = {}
        for backend, store in (("sqlite", lite), ("postgresql", pg)):
            path = tmp_path / backend / f"all.{fmt}"
            export_project(store, path, ExportOptions(format=fmt, all_documents=True,
                                                      suggestions=True, merge="union",
                                                      skip_misaligned=True))
            out[backend] = path.read_bytes()
        assert out["sqlite"] == out["postgresql"] and out["sqlite"]
    lite.close()
    pg.close()


def test_a_bad_file_leaves_a_postgresql_project_unchanged(tmp_path, pg_url, shared_data):
    store = imported(pg_url, shared_data)
    before = (store.stats(), contents(store))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "باريس", "label": [[0, 5, "LOC"]]}\n{"text": "روما", "label": [[0, 9',
                   encoding="utf-8")
    with pytest.raises(AnnotatorError, match="E2"):
        import_paths(store, [shared_data / INPUTS[1][0], bad], "doccano")
    assert (store.stats(), contents(store)) == before
    store.close()
