"""Helpers for format tests: projects with annotated documents, export-then-import."""

from __future__ import annotations

from pathlib import Path

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.model import OverlapPolicy, SourceDocument, Span, Status
from annotator.formats.registry import ReadOptions
from annotator.formats.writing import WriteOptions
from annotator.store.ingest import IngestOptions, ingest

LABELS = ["PERS", "LOC", "ORG", "MISC"]


def make_project(path: Path, documents: list[tuple[str, list[Span]]], annotator: str = "ann",
                 labels: list[str] = LABELS, status: Status = Status.DONE,
                 language: str = "ar", overlap: OverlapPolicy = OverlapPolicy.REFUSE) -> Project:
    store = Project.create(path, labels=labels, language=language, overlap_policy=overlap)
    with store.store.engine.begin() as c:
        ingest(c, [SourceDocument(text, source=f"doc{i}", spans=list(spans), annotated=True)
                   for i, (text, spans) in enumerate(documents)],
               store.info().overlap_policy, IngestOptions(annotator=annotator, status=status))
    return store


def contents(store: Project, annotator: str | None = None) -> list[tuple[str, list[Span]]]:
    """(text, sorted spans) of every document, spans of ANNOTATOR (or of the only one)."""
    result = []
    names = [name for _id, name, _role in store.annotators()]
    name = annotator or (names[0] if len(names) == 1 else None)
    for doc_id in store.document_ids():
        spans: list[Span] = []
        if name is not None:
            spans = sorted(s.span for s in store.spans(store.annotation_id(doc_id, name)))
        result.append((store.document_text(doc_id), spans))
    return result


def export_import(store: Project, tmp_path: Path, fmt: str, name: str = "rt",
                  write: WriteOptions | None = None, read: ReadOptions | None = None,
                  **options: object) -> Project:
    """Export STORE as FMT and import the result into a new project."""
    out = tmp_path / f"{name}-{fmt}"
    export_project(store, out, ExportOptions(format=fmt, write=write or WriteOptions(),
                                             **options))  # type: ignore[arg-type]
    target = Project.create(tmp_path / f"{name}-{fmt}.db", labels=[spec.name for spec in store.labels()])
    import_paths(target, [out], fmt, read or ReadOptions(), IngestOptions(annotator="back"))
    return target
