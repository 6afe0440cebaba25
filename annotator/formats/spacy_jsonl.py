"""spaCy-style JSON lines: `{"text", "spans": [{start, end, label, token_start, token_end}],
"tokens": [{text, start, end, id, ws}], "meta"}` per document. Reading is plain.py's `jsonl`
reader (it reads `text`, `spans` and `meta`; `tokens` are not kept in meta)."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.formats.registry import writer
from annotator.formats.writing import (
    ExportDocument,
    WriteOptions,
    entity_records,
    export_meta,
    token_records,
)


class JsonlWriter:
    def __init__(self, path: Path, _options: WriteOptions) -> None:
        self.path = path
        self.handle = path.open("w", encoding="utf-8", newline="\n")

    def write(self, document: ExportDocument) -> None:
        assert document.tokens is not None
        record = {"text": document.text, "spans": entity_records(document.tokens),
                  "tokens": token_records(document.tokens),
                  "meta": export_meta(document)}
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> list[Path]:
        self.handle.close()
        return [self.path]


@writer("jsonl", "spaCy-style JSON lines: text, spans (start, end, label) and tokens",
        extensions=(".jsonl",), needs_tokens=True, carries_overlaps=True)
def write_jsonl(path: Path, options: WriteOptions) -> JsonlWriter:
    return JsonlWriter(path, options)
