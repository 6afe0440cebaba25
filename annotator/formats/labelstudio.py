"""Label Studio JSON exports of NER tasks (the full JSON export and JSON-MIN).

Each task's `annotations` become one annotation set per annotator (`completed_by`); cancelled
annotations, predictions and non-span results (relations, choices) are skipped and counted.
Label Studio writes the region's text beside its offsets; offsets are checked against it and,
where an older Label Studio counted UTF-16 units (text with emoji), converted to code points.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument, Span
from annotator.formats.offsets import (
    OffsetMap,
    checked_span,
    iter_json_records,
    json_list,
    same_mention,
)
from annotator.formats.registry import ReadOptions, reader, writer
from annotator.formats.writing import ExportDocument, WriteOptions, export_meta

SPAN_RESULTS = ("labels", "hypertextlabels", "paragraphlabels")


def _sniff(_path: Path, head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200000]
    return start.startswith(b"[") and (b'"annotations"' in start or b'"completed_by"' in start
                                       or b'"data"' in start)


@reader("labelstudio", "Label Studio JSON export of NER tasks (annotations per annotator)",
        extensions=(".json",), sniff=_sniff)
def read_labelstudio(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    report = options.report
    for line, task in iter_json_records(path, options):
        if not isinstance(task, dict):
            raise AnnotatorError(E.E206, file=path, line=line, kind=type(task).__name__)
        data: dict[str, Any] = task["data"] if isinstance(task.get("data"), dict) else task
        text = _text_of(data, options.text_field)
        if text is None:
            raise AnnotatorError(E.E207, file=path, line=line, field=options.text_field)
        sets: dict[str, list[Span]] = {}
        if "data" in task:
            key = "annotations" if task.get("annotations") else "completions"
            for annotation in json_list(task, key, path, line):
                if not isinstance(annotation, dict):
                    raise AnnotatorError(E.E211, file=path, line=line,
                                         reason="an annotation must be an object")
                if annotation.get("was_cancelled"):
                    report.count("labelstudio: cancelled annotations skipped")
                    continue
                name = _annotator(annotation.get("completed_by"))
                spans = sets.setdefault(name, [])
                for result in json_list(annotation, "result", path, line):
                    spans += _spans(result, text, path, line, options)
            if task.get("predictions"):
                report.count("labelstudio: predictions not imported",
                             len(json_list(task, "predictions", path, line)))
        else:  # JSON-MIN: {"text": ..., "label": [{start, end, text, labels}], "annotator": ...}
            name = _annotator(task.get("annotator"))
            spans = sets.setdefault(name, [])
            for region in json_list(task, "label", path, line):
                spans += _spans({"type": "labels", "value": region}, text, path, line, options)
        meta = {k: v for k, v in data.items() if k != options.text_field and data is not task}
        if "id" in task:
            meta["labelstudio_id"] = task["id"]
        doc = SourceDocument(text, source=f"{path.name}:{line}", meta=meta)
        doc.more = sets
        yield doc


def _text_of(data: dict[str, Any], field: str) -> str | None:
    value = data.get(field)
    if isinstance(value, str):
        return value
    strings = [v for k, v in data.items() if isinstance(v, str) and k not in ("id", "annotator")]
    return strings[0] if len(strings) == 1 else None


def _annotator(completed_by: object) -> str:
    if isinstance(completed_by, dict):
        completed_by = completed_by.get("email") or completed_by.get("username") or \
            completed_by.get("id")
    if completed_by is None or completed_by == "":
        return "labelstudio"
    if isinstance(completed_by, int):
        return f"labelstudio-{completed_by}"
    return str(completed_by)


def _spans(result: object, text: str, path: Path, line: int, options: ReadOptions) -> list[Span]:
    if not isinstance(result, dict):
        raise AnnotatorError(E.E211, file=path, line=line, reason="a result must be an object")
    kind = str(result.get("type", "")).lower()
    value = result.get("value")
    if kind not in SPAN_RESULTS or not isinstance(value, dict) or "start" not in value:
        options.report.count(f"labelstudio: {kind or 'untyped'} results not imported")
        return []
    labels = value.get(kind) or value.get("labels") or []
    if not isinstance(labels, list) or not labels:
        raise AnnotatorError(E.E211, file=path, line=line,
                             reason=f"a region without labels: {value!r}"[:200])
    start, end, mention = value.get("start"), value.get("end"), value.get("text")
    if isinstance(start, int) and isinstance(end, int) and isinstance(mention, str) \
            and not same_mention(text[start:end], mention):
        unit = options.offsets or "utf16"
        mapping = OffsetMap(text, unit)
        s, e = mapping.point(start), mapping.point(end)
        if s is not None and e is not None and not mapping.identity \
                and same_mention(text[s:e], mention):
            options.report.count(f"labelstudio: regions converted from {unit} offsets")
            start, end = s, e
    if len(labels) > 1:
        options.report.count("labelstudio: regions with several labels (one span each)")
    return [checked_span(text, start, end, label, path, line,
                         mention if isinstance(mention, str) else None) for label in labels]


class LabelStudioWriter:
    """A JSON array of tasks, one annotation each, ready for Label Studio's import."""

    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.path = path
        self.annotator = options.annotator
        self.handle = path.open("w", encoding="utf-8", newline="\n")
        self.handle.write("[")
        self.count = 0

    def write(self, document: ExportDocument) -> None:
        text = document.text
        result = [{"id": f"s{i}", "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": s.start, "end": s.end, "text": text[s.start:s.end],
                             "labels": [s.label]}} for i, s in enumerate(document.spans)]
        annotation: dict[str, object] = {"result": result, "was_cancelled": False}
        if self.annotator:
            annotation["completed_by"] = {"email": self.annotator}
        task = {"id": document.id, "data": {"text": text, "meta": export_meta(document)},
                "annotations": [annotation]}
        self.handle.write(("," if self.count else "") + "\n"
                          + json.dumps(task, ensure_ascii=False))
        self.count += 1

    def close(self) -> list[Path]:
        self.handle.write("\n]\n")
        self.handle.close()
        return [self.path]


@writer("labelstudio", "Label Studio JSON tasks with one annotation each", extensions=(".json",))
def write_labelstudio(path: Path, options: WriteOptions) -> LabelStudioWriter:
    return LabelStudioWriter(path, options)
