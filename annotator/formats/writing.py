"""What exporters hand to format writers: one document at a time, already checked.

A writer is registered with `@writer(name, ..., suffix=..., needs_tokens=...)` as a function
`(path, WriteOptions) -> DocumentWriter`; `exporting.py` opens one per output file (one per
split), calls `write` for each document in project order and `close` at the end. Writers
stream: nothing but what the format itself must hold (a DocBin) stays in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotator.core.model import Span


@dataclass
class WriteOptions:
    scheme: str = "iob2"  # CoNLL: iob1 | iob2 | bilou
    docstart: bool = False  # CoNLL: a -DOCSTART- line before each document
    columns: tuple[str, ...] = ()  # CoNLL extra columns: start, end, space
    separator: str = " "  # CoNLL column separator: " " or "\t"
    offsets: str | None = None  # doccano: utf16 (what doccano counts, default) or codepoints
    annotator: str = ""  # name written where a format records who annotated


@dataclass
class ExportDocument:
    """One document as it is exported: text exactly as stored, the spans chosen, and (for
    token formats) a spaCy Doc whose tokens the spans align to, with the spans as `doc.ents`."""

    id: int
    source: str
    text: str
    meta: dict[str, object]
    spans: list[Span]
    doc: Any = None  # spacy.tokens.Doc for writers with needs_tokens
    sentence_starts: Callable[[], list[int]] = field(default=lambda: [0])  # char offsets


class DocumentWriter(Protocol):
    def write(self, document: ExportDocument) -> None: ...

    def close(self) -> list[Path]:
        """Finish the output; the files written."""
        ...


def export_meta(document: ExportDocument) -> dict[str, object]:
    """The document's meta as exported: its source and id, without internal keys."""
    meta = {k: v for k, v in document.meta.items() if k != "tokenization"}
    meta.setdefault("source", document.source)
    meta["document_id"] = document.id
    return meta


def token_records(doc: Any) -> list[dict[str, object]]:
    """spaCy/Prodigy-style token records of a spaCy Doc."""
    return [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i,
             "ws": bool(t.whitespace_)} for t in doc]
