"""spaCy-style JSON lines: `{"text", "spans": [{start, end, label, token_start, token_end}],
"tokens": [{text, start, end, id, ws}], "meta"}` per document. Reading is plain.py's `jsonl`
reader (it reads `text`, `spans` and `meta`; `tokens` are not kept in meta)."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.formats.registry import writer
from annotator.formats.writing import ExportDocument, WriteOptions, export_meta, token_records


class JsonlWriter:
    def __init__(self, path: Path, _options: WriteOptions) -> None:
        self.path = path
        self.handle = path.open("w", encoding="utf-8", newline="\n")

    def write(self, document: ExportDocument) -> None:
        spans = [{"start": e.start_char, "end": e.end_char, "label": e.label_,
                  "token_start": e.start, "token_end": e.end - 1} for e in document.doc.ents]
        record = {"text": document.text, "spans": spans, "tokens": token_records(document.doc),
                  "meta": export_meta(document)}
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> list[Path]:
        self.handle.close()
        return [self.path]


@writer("jsonl", "spaCy-style JSON lines: text, spans (start, end, label) and tokens",
        extensions=(".jsonl",), needs_tokens=True)
def write_jsonl(path: Path, options: WriteOptions) -> JsonlWriter:
    return JsonlWriter(path, options)
