"""Prodigy JSONL (`ner_manual`, `ner.correct` ... exports): `text`, `spans`, `tokens`, `answer`.

Rejected and ignored records are skipped and counted; the annotator is `_annotator_id` (or
`_session_id`) when the record has one. Prodigy is Python: offsets are code points already,
and are checked against the text (and the span's `text`, when given).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument
from annotator.formats.offsets import checked_span, iter_json_records
from annotator.formats.registry import ReadOptions, reader, writer
from annotator.formats.writing import (
    ExportDocument,
    WriteOptions,
    entity_records,
    export_meta,
    token_records,
)

_KEPT_KEYS = ("_input_hash", "_task_hash", "_view_id")


def _sniff(_path: Path, head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"_input_hash"' in start[:200000] or \
        start.startswith(b"{") and b'"answer"' in start[:200000]


@reader("prodigy", "Prodigy JSONL: text, spans, tokens and answer (rejected/ignored skipped)",
        extensions=(".jsonl",), sniff=_sniff)
def read_prodigy(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    for line, record in iter_json_records(path, options):
        if not isinstance(record, dict):
            raise AnnotatorError(E.E206, file=path, line=line, kind=type(record).__name__)
        text = record.get(options.text_field)
        if not isinstance(text, str):
            raise AnnotatorError(E.E207, file=path, line=line, field=options.text_field)
        answer = record.get("answer", "accept")
        if answer in ("reject", "ignore"):
            done = {"reject": "rejected", "ignore": "ignored"}[answer]
            options.report.count(f"prodigy: {done} records skipped")
            continue
        if answer != "accept":
            raise AnnotatorError(E.E211, file=path, line=line,
                                 reason=f"unknown answer {answer!r} (accept, reject or ignore)")
        raw = record.get("spans", [])
        if not isinstance(raw, list):
            raise AnnotatorError(E.E211, file=path, line=line, reason='"spans" must be a list')
        spans = []
        for item in raw:
            if not isinstance(item, dict) or not {"start", "end", "label"} <= set(item):
                raise AnnotatorError(E.E211, file=path, line=line,
                                     reason=f"a span needs start, end and label: {item!r}"[:200])
            mention = item.get("text")
            spans.append(checked_span(text, item["start"], item["end"], item["label"], path,
                                      line, mention if isinstance(mention, str) else None))
        meta = dict(record["meta"]) if isinstance(record.get("meta"), dict) else {}
        meta.update({k: record[k] for k in _KEPT_KEYS if k in record})
        annotator = record.get("_annotator_id") or record.get("_session_id")
        yield SourceDocument(text, source=f"{path.name}:{line}", meta=meta, spans=spans,
                             annotator=str(annotator) if annotator else None, annotated=True)


class ProdigyWriter:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.path = path
        self.annotator = options.annotator
        self.handle = path.open("w", encoding="utf-8", newline="\n")

    def write(self, document: ExportDocument) -> None:
        assert document.tokens is not None
        record: dict[str, object] = {
            "text": document.text, "tokens": token_records(document.tokens),
            "spans": entity_records(document.tokens),
            "meta": export_meta(document), "answer": "accept"}
        if self.annotator:
            record["_annotator_id"] = record["_session_id"] = self.annotator
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> list[Path]:
        self.handle.close()
        return [self.path]


@writer("prodigy", "Prodigy JSONL (ner_manual style): text, tokens, spans, answer",
        extensions=(".jsonl",), needs_tokens=True, carries_overlaps=True)
def write_prodigy(path: Path, options: WriteOptions) -> ProdigyWriter:
    return ProdigyWriter(path, options)
