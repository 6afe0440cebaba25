"""Import files and folders into a project: pick each file's format, read, ingest atomically.

The use-case behind `annotator import` and the app's Import dialog. The formats package reads
files into `SourceDocument`s; the store writes them in one transaction (`store.ingest`), so a
failed import changes nothing. The report says what was added; `ImportReport.changes` is what
the views refresh from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument
from annotator.formats.registry import (
    Format,
    ImportNotes,
    ReadOptions,
    detect_format,
    get_format,
    guess_format,
    readable_formats,
)
from annotator.store.ingest import (
    IMPORT_ANNOTATOR,
    IngestOptions,
    IngestReport,
    ingest,
    label_names,
    with_new_labels,
)
from annotator.text.decoding import outside

__all__ = ["IMPORT_ANNOTATOR", "ImportReport", "IngestOptions", "ReadOptions", "expand_inputs",
           "import_paths", "readable_formats"]


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)  # file -> format
    notes: ImportNotes = field(default_factory=ImportNotes)
    ingest: IngestReport = field(default_factory=IngestReport)
    labels_created: list[str] = field(default_factory=list)

    @property
    def changes(self) -> ProjectChanges:
        """What the import changed, for the views: documents (and maybe labels) added, and
        annotations added to documents the project had."""
        return ProjectChanges(document_set=bool(self.ingest.added),
                              labels=bool(self.labels_created),
                              annotations=frozenset(self.ingest.annotation_ids),
                              documents=frozenset(self.ingest.annotated_documents))

    def to_dict(self) -> dict[str, object]:
        return {
            "files": len(self.files),
            "formats": self.formats,
            "encodings": self.notes.encodings,
            "documents_added": self.ingest.added,
            "duplicates_skipped": self.ingest.duplicates,
            "characters": self.ingest.characters,
            "spans_added": self.ingest.spans_added,
            "identical_spans_merged": self.ingest.spans_merged,
            "spans_not_kept": self.ingest.spans_not_kept,
            "annotations_added": self.ingest.annotations_added,
            "annotations_added_to_existing_documents": self.ingest.annotations_to_duplicates,
            "annotators": sorted(self.ingest.annotators),
            "labels_created": self.labels_created,
            "counts": self.notes.counts,
            "messages": self.notes.messages,
        }


def expand_inputs(paths: Iterable[str | Path], fmt: str, skipped: list[str] | None = None,
                  detected: dict[tuple[str, str], list[Path]] | None = None,
                  ) -> list[tuple[Path, Format]]:
    """Files to read, with their formats; folders are walked recursively in sorted order.
    A symlink that leads out of a folder is not followed: it goes to SKIPPED, said why.
    With FMT "auto", DETECTED gathers the files under (format, why it was chosen)."""
    skipped = skipped if skipped is not None else []
    detected = detected if detected is not None else {}
    chosen: list[tuple[Path, Format]] = []

    def format_of(path: Path) -> Format:
        if fmt != "auto":
            return get_format(fmt, path)
        detection = detect_format(path)
        detected.setdefault((detection.format.name, detection.reason), []).append(path)
        return detection.format

    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise AnnotatorError(E.E201, file=path)
        if path.is_dir():
            folder_format = get_format(fmt, path) if fmt != "auto" else None
            if folder_format is None:
                try:
                    folder_format = guess_format(path)
                except AnnotatorError:
                    folder_format = None
            if folder_format is not None and folder_format.reads_folders:
                chosen.append((path, folder_format))
                continue
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                if outside(path, child):
                    skipped.append(f"{child}: a link out of the folder {path}, not followed")
                    continue
                chosen.append((child, format_of(child)))
        else:
            chosen.append((path, format_of(path)))
    return chosen


def detection_messages(detected: dict[tuple[str, str], list[Path]]) -> list[str]:
    """One line per (format, reason): which files were read as what, and why."""
    lines = []
    for (name, reason), files in sorted(detected.items(), key=lambda item: str(item[1][0])):
        which = str(files[0]) if len(files) == 1 else f"{len(files)} files (first {files[0]})"
        lines.append(f"{which}: read as {name}, detected from {reason}")
    return lines


# What a reader raises when a file's structure is not what it expects and no check of its own
# caught it first (a value of the wrong type deep in a record, say).
UNEXPECTED_STRUCTURE = (TypeError, ValueError, KeyError, IndexError, AttributeError,
                        RecursionError, UnicodeError, OverflowError)


def read_guarded(chosen: Format, path: Path, read: ReadOptions) -> Iterator[SourceDocument]:
    """CHOSEN's documents from PATH. The readers check what they read and raise coded errors
    that name the line or record; this is the last line of defence behind them, so that no
    file, however broken, ends in a traceback: E253 names the file and the format. The fuzz
    test (tests/formats/test_fuzz_importers.py) counts E253 as a reader bug."""
    assert chosen.reader is not None
    try:
        yield from chosen.reader(path, read)
    except UNEXPECTED_STRUCTURE as err:
        reason = f"{type(err).__name__}: {err}"
        raise AnnotatorError(E.E253, file=path, fmt=chosen.name, reason=reason[:200]) from err


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    fmt: str = "auto",
    read: ReadOptions | None = None,
    ingest_options: IngestOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import every input in one transaction; on any error nothing is added."""
    read = read or ReadOptions()
    ingest_options = ingest_options or IngestOptions()
    report = ImportReport(notes=read.report)
    detected: dict[tuple[str, str], list[Path]] = {}
    inputs = expand_inputs(paths, fmt, read.report.messages, detected)
    read.report.messages += detection_messages(detected)
    for path, chosen in inputs:
        if chosen.reader is None:
            raise AnnotatorError(E.E209, file=path, fmt=chosen.name, known="(it cannot be read)")
        report.files.append(str(path))
        report.formats[str(path)] = chosen.name

    def documents() -> Iterator[SourceDocument]:
        for path, chosen in inputs:
            assert chosen.reader is not None
            found = False
            for doc in read_guarded(chosen, path, read):
                found = True
                yield doc
            if not found:
                read.report.messages.append(f"{path}: no documents in it")
        if not inputs:
            raise AnnotatorError(E.E212, file=", ".join(map(str, paths)) or "(no input)")

    store = project.store
    policy = store.project().overlap_policy
    with store.write() as connection:
        docs = documents()
        if ingest_options.create_labels:
            docs = with_new_labels(connection, docs, label_names(connection),
                                   report.labels_created)
        report.ingest = ingest(connection, docs, policy, ingest_options, progress)
    if report.ingest.added == 0 and report.ingest.duplicates == 0:
        raise AnnotatorError(E.E212, file=", ".join(report.files))
    return report
