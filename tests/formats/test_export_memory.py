"""Export memory does not grow with the corpus: the Python memory an export allocates at its
peak (tracemalloc, deterministic, unlike RSS) for 10 times the documents grows by no more than
the arrays it must keep: the ids (8 bytes a document) and, for a DocBin, the token counts (4),
each up to twice that while an array grows. A list of ids took about 36 bytes a document, and
the DocBin's per-document entries written as one bytes object (and its 4 MB read buffers, at
these sizes) about 400."""

from __future__ import annotations

import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.project import Project
from annotator.store import ProjectStore

NOW = "2026-01-01 00:00:00.000000"
FORMATS = {".jsonl": "jsonl", ".spacy": "spacy"}
TEXT = "زار الرئيس موسكو ثم لندن في رحلة قصيرة"


def _project(path: Path, count: int) -> Path:
    """COUNT short documents, one accepted span each, done by one annotator (written with
    sqlite3 executemany, as the benches do)."""
    ProjectStore.create(path, labels=["LOC"]).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO annotator (id, name, role, created_at) "
                 "VALUES (1, 'a', 'annotator', ?)", (NOW,))
    conn.executemany("INSERT INTO document (id, length, content_hash, source, meta, position, "
                     "created_at, text) VALUES (?, ?, ?, ?, '{}', ?, ?, ?)",
                     [(i, len(TEXT), f"h{i}", f"d{i}", i, NOW, TEXT) for i in range(1, count + 1)])
    conn.executemany("INSERT INTO annotation (id, document_id, annotator_id, status, version, "
                     "created_at, updated_at) VALUES (?, ?, 1, 'done', 0, ?, ?)",
                     [(i, i, NOW, NOW) for i in range(1, count + 1)])
    conn.executemany('INSERT INTO span (annotation_id, start, "end", label, state, origin, '
                     "created_at, updated_at) VALUES (?, 11, 16, 'LOC', 'accepted', 'manual', ?, ?)",
                     [(i, NOW, NOW) for i in range(1, count + 1)])
    conn.commit()
    conn.close()
    return path


def _peak(path: Path, out: Path) -> int:
    project = Project.open(path)
    try:
        tracemalloc.start()
        try:
            export_project(project, out, ExportOptions(format=FORMATS[out.suffix]))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    finally:
        project.close()


@pytest.mark.parametrize("suffix", [".jsonl", ".spacy"])
def test_export_peak_grows_by_less_than_a_few_bytes_a_document(tmp_path, suffix):
    small, large = 600, 6_000
    _peak(_project(tmp_path / "warm.db", 50), tmp_path / f"warm{suffix}")  # imports, caches
    peaks = {n: _peak(_project(tmp_path / f"p{n}.db", n), tmp_path / f"out{n}{suffix}")
             for n in (small, large)}
    per_document = (peaks[large] - peaks[small]) / (large - small)
    assert per_document < 32, (peaks, per_document)
