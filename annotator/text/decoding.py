"""Turn the bytes of a file into text exactly, and say which encoding was used.

Detected: UTF-8 with or without BOM, UTF-16/UTF-32 with BOM, and the Arabic code pages
Windows-1256 and ISO-8859-6 (told apart by charset-normalizer, restricted to those two).
Nothing is normalised: CRLF, tabs, zero-width characters, bidi marks and emoji come out as they
went in. Large files are decoded in chunks with absolute byte positions for error messages.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError, E

SAMPLE_BYTES = 1 << 20
CHUNK_BYTES = 1 << 20
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
ARABIC_CODE_PAGES = ["cp1256", "iso8859_6"]
TRIED = "utf-8, utf-16/32 with BOM, windows-1256, iso-8859-6"


def _bom(sample: bytes) -> tuple[str, int] | None:
    for bom, name in BOMS:
        if sample.startswith(bom):
            return name, len(bom)
    return None


def _valid_utf8_prefix(sample: bytes, complete: bool) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _where(data: bytes, offset: int) -> str:
    """'line L (byte B)' of the byte at OFFSET of the file's first bytes DATA."""
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, byte {offset}"


def _looks_binary(sample: bytes) -> str | None:
    nul = sample.find(b"\x00")
    if nul >= 0:
        return f"a NUL byte at {_where(sample, nul)}"
    window = sample[:65536]
    bad = [i for i, b in enumerate(window) if b < 32 and b not in (9, 10, 12, 13, 27)]
    if window and len(bad) / len(window) > 0.05:
        return f"{len(bad)} control bytes, the first at {_where(sample, bad[0])}"
    return None


def detect_encoding(path: Path, sample: bytes, complete: bool) -> tuple[str, int]:
    """(encoding, bytes of BOM to skip) for a file whose first bytes are SAMPLE."""
    bom = _bom(sample)
    if bom:
        return bom
    reason = _looks_binary(sample)
    if reason:
        raise AnnotatorError(E.E202, file=path, reason=reason)
    if _valid_utf8_prefix(sample, complete):
        return "utf-8", 0
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:SAMPLE_BYTES], cp_isolation=ARABIC_CODE_PAGES).best()
    if best is not None:
        return codecs.lookup(best.encoding).name, 0
    offset, byte = _first_bad_utf8(sample)
    raise AnnotatorError(E.E203, file=path, tried=TRIED, offset=offset, byte=byte)


def _first_bad_utf8(data: bytes) -> tuple[int, str]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start, f"0x{data[err.start]:02X}"
    return len(data), "end"


def iter_text(path: Path) -> tuple[str, Iterator[str]]:
    """(encoding, chunks of decoded text): the whole file, decoded strictly, streamed."""
    try:
        handle = path.open("rb")
    except FileNotFoundError as err:
        raise AnnotatorError(E.E201, file=path) from err
    except OSError as err:
        raise AnnotatorError(E.E211, file=path, line=0, reason=str(err)) from err
    sample = handle.read(SAMPLE_BYTES)
    if not sample:
        handle.close()
        raise AnnotatorError(E.E204, file=path)
    complete = len(sample) < SAMPLE_BYTES
    try:
        encoding, skip = detect_encoding(path, sample, complete)
    except AnnotatorError:
        handle.close()
        raise

    def chunks() -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        position = skip
        lines_before = 0
        data = sample[skip:]
        with handle:
            while True:
                final = len(data) < CHUNK_BYTES and not handle.peek(1) if data else True
                try:
                    text = decoder.decode(data, final=final)
                except UnicodeDecodeError as err:
                    bad = position + err.start
                    raise AnnotatorError(E.E203, file=path, tried=encoding, offset=bad,
                                         byte=f"0x{data[err.start]:02X}") from err
                nul = text.find("\x00")
                if nul >= 0:
                    line = lines_before + text.count("\n", 0, nul) + 1
                    raise AnnotatorError(E.E202, file=path,
                                         reason=f"a NUL character at line {line}")
                lines_before += text.count("\n")
                if text:
                    yield text
                if final:
                    return
                position += len(data)
                data = handle.read(CHUNK_BYTES)

    return encoding, chunks()


def read_text(path: Path) -> tuple[str, str]:
    """(encoding, the whole text) of a file."""
    encoding, chunks = iter_text(path)
    return encoding, "".join(chunks)


def iter_lines(path: Path) -> tuple[str, Iterator[tuple[int, str]]]:
    """(encoding, (line number, line with its own ending kept)) streamed; CRLF stays CRLF."""
    encoding, chunks = iter_text(path)

    def lines() -> Iterator[tuple[int, str]]:
        # Only LF ends a line (CRLF keeps its CR): other Unicode breaks stay inside the text.
        number = 0
        pending = ""
        for chunk in chunks:
            parts = (pending + chunk).split("\n")
            pending = parts.pop()
            for part in parts:
                number += 1
                yield number, part + "\n"
        if pending:
            yield number + 1, pending

    return encoding, lines()


def iter_json_objects(path: Path) -> tuple[str, Iterator[tuple[int, dict[str, object]]]]:
    """(encoding, (line number, object) of every non-blank line of a JSON lines file). A line
    that is not JSON (E205) or not an object (E206) stops it with the file and line named."""
    encoding, lines = iter_lines(path)

    def objects() -> Iterator[tuple[int, dict[str, object]]]:
        for number, line in lines:
            if not line.strip():
                continue
            record = parse_json(line, path, number)
            if not isinstance(record, dict):
                raise AnnotatorError(E.E206, file=path, line=number, kind=type(record).__name__)
            yield number, record

    return encoding, objects()


# A \uD800-\uDFFF escape: JSON may spell a lone surrogate, which no UTF-8 text can hold.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def parse_json(text: str, path: Path, line: int) -> object:
    """One JSON value from TEXT, or a coded error naming the file and line: not JSON (E205),
    nested too deep for the parser (E250), a string holding a lone surrogate (E251)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        inside = min(err.pos, len(text.rstrip("\r\n")))  # the line's own ending is not a line
        raise AnnotatorError(E.E205, file=path, line=line + text.count("\n", 0, inside),
                             reason=err.msg) from err
    except RecursionError as err:
        raise AnnotatorError(E.E250, file=path, line=line) from err
    check_json_strings(value, text, path, line)
    return value


def check_json_strings(value: object, text: str, path: Path, line: int) -> None:
    """Refuse (E251) a JSON value whose strings hold a lone surrogate (`"\\ud800"`): it cannot
    be stored as UTF-8. Only values whose source spells a surrogate escape are walked."""
    if not _SURROGATE_ESCAPE.search(text):
        return
    pending: list[object] = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            strings = [item]
        elif isinstance(item, dict):
            strings = [key for key in item if isinstance(key, str)]
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
            continue
        else:
            continue
        for string in strings:
            at = next((i for i, ch in enumerate(string) if "\ud800" <= ch <= "\udfff"), -1)
            if at >= 0:
                around = string[max(0, at - 20):at + 20]
                raise AnnotatorError(E.E251, file=path, line=line,
                                     codepoint=f"U+{ord(string[at]):04X}",
                                     context=around.encode("utf-8", "backslashreplace")
                                     .decode("utf-8"))


def outside(folder: Path, path: Path) -> bool:
    """Whether PATH, symlinks resolved, lies outside FOLDER (a link out of an imported folder
    is never followed)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return True
    return False
