"""Offsets from other tools, turned into Unicode code points, and checked with file and line.

JavaScript tools (doccano, older Label Studio) count UTF-16 code units, so every character
outside the Basic Multilingual Plane (emoji, some CJK) counts twice; some tools count UTF-8
bytes. The project counts code points, so those offsets are converted here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Span
from annotator.formats.registry import ReadOptions
from annotator.text.decoding import check_json_strings, iter_lines, iter_text, parse_json

UNITS = ("codepoints", "utf16", "utf8")


class OffsetMap:
    """Code point offset of each offset counted in UNIT ('utf16' or 'utf8') in TEXT."""

    def __init__(self, text: str, unit: str) -> None:
        self.unit = unit
        self.identity = unit == "codepoints" or (
            text.isascii() if unit == "utf8" else all(ord(ch) <= 0xFFFF for ch in text))
        self._to_point: dict[int, int] = {}
        if not self.identity:
            position = 0
            for index, ch in enumerate(text):
                self._to_point[position] = index
                position += _width(ch, unit)
            self._to_point[position] = len(text)

    def point(self, offset: int) -> int | None:
        """The code point offset, or None when OFFSET falls inside a character."""
        if self.identity:
            return offset
        return self._to_point.get(offset)


def _width(ch: str, unit: str) -> int:
    if unit == "utf16":
        return 2 if ord(ch) > 0xFFFF else 1
    return len(ch.encode("utf-8", "surrogatepass"))


def to_utf16(text: str, offset: int) -> int:
    """UTF-16 code units before code point OFFSET of TEXT."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def checked_span(text: str, start: object, end: object, label: object, path: Path | str,
                 line: int, expected: str | None = None) -> Span:
    """Span(start, end, label) after checking types, range and (when given) the mention text."""
    if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
            and not isinstance(end, bool)):
        raise AnnotatorError(E.E211, file=path, line=line,
                             reason=f"span offsets must be integers, got {start!r}, {end!r}")
    if not isinstance(label, str) or not label.strip():
        raise AnnotatorError(E.E211, file=path, line=line,
                             reason=f"span label must be a non-empty string, got {label!r}")
    if not (0 <= start < end <= len(text)):
        raise AnnotatorError(E.E217, file=path, line=line, start=start, end=end, label=label,
                             length=len(text))
    if expected is not None and not same_mention(text[start:end], expected):
        raise AnnotatorError(E.E218, file=path, line=line, start=start, end=end, label=label,
                             found=text[start:end][:80], expected=expected[:80])
    return Span(start, end, label.strip())


def same_mention(found: str, expected: str) -> bool:
    """Tools write mentions with their line breaks as spaces: compare whitespace loosely."""
    return found == expected or found.split() == expected.split()


def json_list(record: dict[str, Any], key: str, path: Path, line: int) -> list[Any]:
    """RECORD[KEY] as a list: [] when absent or null, E252 when it is anything but a list."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnnotatorError(E.E252, file=path, where=f"line {line}", field=repr(key),
                             expected="a list", got=type(value).__name__)
    return value


def iter_json_records(path: Path, options: ReadOptions) -> Iterator[tuple[int, object]]:
    """(line, record) from a JSON lines file, or from a JSON array (streamed item by item)."""
    encoding, chunks = iter_text(path)
    options.report.encodings[str(path)] = encoding
    first = ""
    for chunk in chunks:
        first += chunk
        if first.strip():
            break
    if first.lstrip("\ufeff \t\r\n").startswith("["):
        yield from _json_array(path, first, chunks)
        return
    encoding, lines = iter_lines(path)
    for number, line in lines:
        if not line.strip():
            continue
        yield number, parse_json(line, path, number)


def _json_array(path: Path, buffer: str, chunks: Iterator[str]) -> Iterator[tuple[int, object]]:
    decoder = json.JSONDecoder()
    buffer = buffer.lstrip("\ufeff")
    line = 1
    position = buffer.index("[") + 1
    line += buffer.count("\n", 0, position)
    exhausted = False
    while True:
        # skip whitespace and commas between items
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n,":
                if buffer[position] == "\n":
                    line += 1
                position += 1
            if position < len(buffer) or exhausted:
                break
            buffer, position = "", 0
            more = next(chunks, None)
            if more is None:
                exhausted = True
            else:
                buffer = more
        if position >= len(buffer):
            raise AnnotatorError(E.E205, file=path, line=line,
                                 reason="the JSON array is not closed (truncated file?)")
        if buffer[position] == "]":
            return
        while True:
            try:
                record, end = decoder.raw_decode(buffer, position)
            except RecursionError as err:
                raise AnnotatorError(E.E250, file=path, line=line) from err
            except json.JSONDecodeError as err:
                more = None if exhausted else next(chunks, None)
                if more is None:
                    exhausted = True
                    raise AnnotatorError(E.E205, file=path,
                                         line=line + buffer.count("\n", position, err.pos),
                                         reason=err.msg) from err
                buffer = buffer[position:] + more
                position = 0
                continue
            if end == len(buffer) and not exhausted:
                # a number or literal may go on in the next chunk
                more = next(chunks, None)
                if more is not None:
                    buffer = buffer[position:] + more
                    position = 0
                    continue
                exhausted = True
            break
        check_json_strings(record, buffer[position:end], path, line)
        yield line, record
        line += buffer.count("\n", position, end)
        position = end
