"""Source documents without annotations: plain text, JSONL records, CSV/TSV rows.

Every reader streams: a 50 MB text file split by line, or 100,000 JSONL records, never sits in
memory whole. Errors name the file and the line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument, Span
from annotator.formats.registry import ReadOptions, reader
from annotator.text.decoding import iter_json_objects, iter_lines, iter_text

csv.field_size_limit(1 << 30)


def _strip_line_end(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith("\n"):
        return line[:-1]
    return line


@reader("txt", "Plain text: one document per file, per line or per blank-line paragraph",
        extensions=(".txt", ".text", ""))
def read_txt(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    if options.split not in ("file", "line", "paragraph"):
        raise AnnotatorError(E.E116, value=options.split, what="--split",
                             reason="use file, line or paragraph")
    if options.split == "file":
        encoding, chunks = iter_text(path)
        options.report.encodings[str(path)] = encoding
        text = "".join(chunks)
        if text.strip():
            yield SourceDocument(text, source=path.name)
        return
    encoding, lines = iter_lines(path)
    options.report.encodings[str(path)] = encoding
    if options.split == "line":
        for number, line in lines:
            text = _strip_line_end(line)
            if text.strip():
                yield SourceDocument(text, source=f"{path.name}:{number}", meta={"line": number})
        return
    paragraph: list[str] = []
    first = 0
    for number, line in lines:
        if line.strip():
            if not paragraph:
                first = number
            paragraph.append(line)
            continue
        if paragraph:
            yield _paragraph(path, paragraph, first)
            paragraph = []
    if paragraph:
        yield _paragraph(path, paragraph, first)


def _paragraph(path: Path, lines: list[str], first: int) -> SourceDocument:
    lines[-1] = _strip_line_end(lines[-1])  # line breaks inside the paragraph stay exactly
    return SourceDocument("".join(lines), source=f"{path.name}:{first}", meta={"line": first})


def _sniff_jsonl(_path: Path, head: bytes) -> bool:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped.startswith(b"{")


@reader("jsonl", "JSON lines: {\"text\": ..., \"meta\": {...}} (optional \"spans\" with start, end, label)",
        extensions=(".jsonl", ".ndjson"), sniff=_sniff_jsonl)
def read_jsonl(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    encoding, records = iter_json_objects(path)
    options.report.encodings[str(path)] = encoding
    key = options.text_field
    for number, record in records:
        text = record.get(key)
        if not isinstance(text, str):
            raise AnnotatorError(E.E207, file=path, line=number, field=key)
        meta = record.get("meta")
        meta = dict(meta) if isinstance(meta, dict) else {}
        # "tokens" (spaCy-style JSONL, written by annotator export) are the exporter's, not meta
        meta.update({k: v for k, v in record.items() if k not in (key, "meta", "spans", "tokens")})
        yield SourceDocument(text, source=f"{path.name}:{number}", meta=meta,
                             spans=_spans(record.get("spans"), path, number))


def _spans(raw: object, path: Path, line: int) -> list[Span]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise AnnotatorError(E.E211, file=path, line=line, reason="\"spans\" must be a list")
    spans = []
    for item in raw:
        if not isinstance(item, dict) or not all(k in item for k in ("start", "end", "label")):
            raise AnnotatorError(E.E211, file=path, line=line,
                                 reason=f"a span needs start, end and label: {item!r}"[:200])
        start, end, label = item["start"], item["end"], item["label"]
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str)):
            raise AnnotatorError(E.E211, file=path, line=line,
                                 reason=f"span start/end must be integers and label a string: {item!r}"[:200])
        spans.append(Span(start, end, label))
    return spans


def _read_table(path: Path, options: ReadOptions, delimiter: str | None) -> Iterator[SourceDocument]:
    encoding, lines = iter_lines(path)
    options.report.encodings[str(path)] = encoding
    line_texts = (line for _number, line in lines)
    first = next(line_texts, None)
    if first is None:
        raise AnnotatorError(E.E204, file=path)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","

    def all_lines() -> Iterator[str]:
        yield first
        yield from line_texts

    rows = csv.reader(all_lines(), delimiter=delimiter)
    try:
        header = next(rows)
    except csv.Error as err:
        raise AnnotatorError(E.E211, file=path, line=1, reason=str(err)) from err
    header = [h.strip().lstrip("\ufeff") for h in header]
    if options.text_field not in header:
        raise AnnotatorError(E.E208, file=path, column=options.text_field,
                             columns=", ".join(header) or "(none)")
    column = header.index(options.text_field)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as err:
            raise AnnotatorError(E.E211, file=path, line=rows.line_num, reason=str(err)) from err
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != len(header):
            raise AnnotatorError(E.E213, file=path, line=rows.line_num, got=len(row),
                                 expected=len(header))
        meta: dict[str, object] = {
            name: value for i, (name, value) in enumerate(zip(header, row, strict=True))
            if i != column}
        meta["line"] = rows.line_num
        yield SourceDocument(row[column], source=f"{path.name}:{rows.line_num}", meta=meta)


@reader("csv", "CSV with a header row; the text is in the column named by --text-field (text)",
        extensions=(".csv",))
def read_csv(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    return _read_table(path, options, None)


@reader("tsv", "Tab-separated values with a header row and a text column", extensions=(".tsv",))
def read_tsv(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    return _read_table(path, options, "\t")
