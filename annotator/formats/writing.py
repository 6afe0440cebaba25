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
from typing import Protocol

from annotator.core.model import Span
from annotator.formats.tokens import ExportTokens


@dataclass
class WriteOptions:
    scheme: str = "iob2"  # CoNLL: iob1 | iob2 | bilou
    docstart: bool = False  # CoNLL: a -DOCSTART- line before each document
    columns: tuple[str, ...] = ()  # CoNLL extra columns: start, end, space
    separator: str = " "  # CoNLL column separator: " " or "\t"
    offsets: str | None = None  # doccano: utf16 (what doccano counts, default) or codepoints
    annotator: str = ""  # name written where a format records who annotated
    span_key: str = "sc"  # spaCy: the doc.spans key holding every span (spancat's default)
    labels: tuple[str, ...] = ()  # the project's labels in order (hf: the tag ids)


@dataclass
class ExportDocument:
    """One document as it is exported: text exactly as stored, the spans chosen, and (for
    token formats) the tokens the spans align to, with the spans as their `entities`."""

    id: int
    source: str
    text: str
    meta: dict[str, object]
    spans: list[Span]
    tokens: ExportTokens | None = None  # for writers with needs_tokens
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


def token_records(tokens: ExportTokens) -> list[dict[str, object]]:
    """spaCy/Prodigy-style token records (every token of the Doc, gaps included)."""
    return [{"text": word, "start": start, "end": end, "id": i, "ws": space}
            for i, (word, start, end, space) in enumerate(
                zip(tokens.words(), tokens.starts, tokens.ends, tokens.spaces, strict=True))]


def entity_records(tokens: ExportTokens) -> list[dict[str, object]]:
    """spaCy/Prodigy-style span records of the aligned spans: every one (nested included)
    when the format carries overlaps, else the entities."""
    return [{"start": tokens.starts[first], "end": tokens.ends[last - 1], "label": label,
             "token_start": first, "token_end": last - 1}
            for first, last, label in (tokens.spans or tokens.entities)]
