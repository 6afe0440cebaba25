"""doccano sequence labelling JSONL.

Read: the current export (`{"text", "label": [[start, end, "TAG"], ...]}`), the relation
export (`"entities": [{start_offset, end_offset, label}]`) and the older one
(`"annotations": [{start_offset, end_offset, label: <id>, user: <id>}]`, numeric label ids
named through `ReadOptions.label_map`, each `user` an annotator of its own).
doccano counts offsets in UTF-16 code units (JavaScript string indices), so characters outside
the Basic Multilingual Plane count twice there; offsets are converted to code points on import
and back on export (`offsets` option: utf16, the default, or codepoints).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument, Span
from annotator.formats.offsets import OffsetMap, checked_span, iter_json_records, to_utf16
from annotator.formats.registry import ReadOptions, reader, writer
from annotator.formats.writing import ExportDocument, WriteOptions, export_meta

SPAN_KEYS = ("label", "labels", "entities", "annotations")


_DOCCANO_KEYS = re.compile(rb'"label"\s*:\s*\[\s*[\[\]]|"start_offset"')


def _sniff(_path: Path, head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:20000]
    return start.startswith(b"{") and _DOCCANO_KEYS.search(start) is not None \
        and b'"_input_hash"' not in start


@reader("doccano", "doccano JSONL: {\"text\", \"label\": [[start, end, \"TAG\"]]} (also the older "
        "\"annotations\" with start_offset/end_offset and users)", extensions=(".jsonl",),
        sniff=_sniff)
def read_doccano(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    unit = options.offsets or "utf16"
    key = options.text_field
    for line, record in iter_json_records(path, options):
        if not isinstance(record, dict):
            raise AnnotatorError(E.E206, file=path, line=line, kind=type(record).__name__)
        text = record.get(key, record.get("data") if key == "text" else None)
        if not isinstance(text, str):
            raise AnnotatorError(E.E207, file=path, line=line, field=key)
        offsets = OffsetMap(text, unit)
        by_user: dict[str, list[Span]] = {}
        plain: list[Span] = []
        for item in _items(record, path, line):
            start, end, label, user = item
            if isinstance(label, int) and not isinstance(label, bool):
                named = options.label_map.get(str(label))
                if named is None:
                    options.report.count("doccano: numeric label ids kept as names "
                                         "(give a label map to name them)")
                label = named or str(label)
            start_point = offsets.point(start) if isinstance(start, int) else start
            end_point = offsets.point(end) if isinstance(end, int) else end
            if start_point is None or end_point is None:
                raise AnnotatorError(E.E211, file=path, line=line,
                                     reason=f"span [{start}, {end}) {label} cuts a character in "
                                            f"two ({unit} offsets)")
            if not offsets.identity and (start_point, end_point) != (start, end):
                options.report.count(f"doccano: spans converted from {unit} offsets")
            span = checked_span(text, start_point, end_point, label, path, line)
            if user is None:
                plain.append(span)
            else:
                by_user.setdefault(user, []).append(span)
        meta = dict(record["meta"]) if isinstance(record.get("meta"), dict) else {}
        meta.update({k: v for k, v in record.items()
                     if k not in (key, "meta", "data", "relations", *SPAN_KEYS)})
        has_spans = any(k in record for k in SPAN_KEYS)
        doc = SourceDocument(text, source=f"{path.name}:{line}", meta=meta, spans=plain,
                             annotated=has_spans and (bool(plain) or not by_user))
        doc.more = by_user
        yield doc


def _items(record: dict[str, Any], path: Path, line: int) -> Iterator[tuple[object, object, object, str | None]]:
    for name in ("label", "labels"):
        raw = record.get(name)
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise AnnotatorError(E.E211, file=path, line=line, reason=f'"{name}" must be a list')
        for item in raw:
            if isinstance(item, list | tuple) and len(item) == 3:
                yield item[0], item[1], item[2], None
            elif isinstance(item, str):
                # a text classification export: not spans
                raise AnnotatorError(E.E211, file=path, line=line,
                                     reason="this is a text classification export (labels "
                                            "without offsets), not sequence labelling")
            else:
                raise AnnotatorError(E.E211, file=path, line=line,
                                     reason=f"a span must be [start, end, label], got {item!r}"[:200])
    for name in ("entities", "annotations"):
        raw = record.get(name)
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise AnnotatorError(E.E211, file=path, line=line, reason=f'"{name}" must be a list')
        for item in raw:
            if not isinstance(item, dict) or not {"start_offset", "end_offset", "label"} <= set(item):
                raise AnnotatorError(E.E211, file=path, line=line,
                                     reason=f"a span needs start_offset, end_offset and label: "
                                            f"{item!r}"[:200])
            user = item.get("user")
            yield (item["start_offset"], item["end_offset"], item["label"],
                   None if user is None else f"doccano-{user}")


class DoccanoWriter:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.path = path
        self.utf16 = (options.offsets or "utf16") == "utf16"
        self.handle = path.open("w", encoding="utf-8", newline="\n")

    def write(self, document: ExportDocument) -> None:
        text = document.text
        convert = self.utf16 and not all(ord(ch) <= 0xFFFF for ch in text)
        labels = [[to_utf16(text, s.start) if convert else s.start,
                   to_utf16(text, s.end) if convert else s.end, s.label] for s in document.spans]
        record = {"text": text, "label": labels, "meta": export_meta(document)}
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> list[Path]:
        self.handle.close()
        return [self.path]


@writer("doccano", "doccano JSONL: {\"text\", \"label\": [[start, end, \"TAG\"]]} (offsets in "
        "UTF-16 units, as doccano counts)", extensions=(".jsonl",))
def write_doccano(path: Path, options: WriteOptions) -> DoccanoWriter:
    return DoccanoWriter(path, options)
