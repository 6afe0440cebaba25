"""One registry of formats: what each is called, which files it reads, what it can do.

A format module registers itself with `@reader(...)` / `@writer(...)`; the CLI, the import and
export dialogs and the tests list formats from here and nowhere else. Readers are generators
of `SourceDocument`s (text exactly as decoded, plus spans where the format carries them), so
any size streams through with bounded memory.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument


@dataclass
class ReadOptions:
    split: str = "file"  # file | line | paragraph (plain text)
    text_field: str = "text"  # JSONL key / CSV column holding the text
    scheme: str | None = None  # CoNLL tagging scheme, detected when None
    offsets: str | None = None  # codepoints | utf16 | utf8; None: what the format's tool uses
    label_map: dict[str, str] = field(default_factory=dict)  # numeric label id -> name (doccano)
    report: ImportNotes = field(default_factory=lambda: ImportNotes())


@dataclass
class ImportNotes:
    """What readers tell the user besides the documents: encodings, skipped records, repairs."""

    encodings: dict[str, str] = field(default_factory=dict)  # file -> encoding used
    counts: dict[str, int] = field(default_factory=dict)  # e.g. "prodigy rejected": 3
    messages: list[str] = field(default_factory=list)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


Reader = Callable[[Path, ReadOptions], Iterator[SourceDocument]]
Sniffer = Callable[[Path, bytes], bool]
# `writer(path, WriteOptions) -> DocumentWriter` (see annotator/formats/writing.py)
WriterFactory = TypeVar("WriterFactory", bound=Callable[..., object])


@dataclass
class Format:
    name: str
    description: str
    extensions: tuple[str, ...] = ()
    reader: Reader | None = None
    sniff: Sniffer | None = None
    writer: Callable[..., object] | None = None
    reads_folders: bool = False  # a folder is one input (brat), not a tree to walk
    # writing (see annotator/formats/writing.py): `writer(path, WriteOptions) -> DocumentWriter`
    suffix: str = ""  # of the file written (".spacy"); a folder when writes_folders
    writes_folders: bool = False  # the output is a folder of files (brat)
    needs_tokens: bool = False  # the writer reads tokens: spans must align to them
    carries_overlaps: bool = False  # token format that keeps overlapping spans (spaCy spans)
    writes_ents: bool = False  # has a non-overlapping entity layer (doc.ents) beside all spans
    # extensions of other formats this format claims when its sniffer recognises the content
    # (CoNLL corpora are often published as .txt)
    claims_by_content: tuple[str, ...] = ()


FORMATS: dict[str, Format] = {}

# Modules that register formats; imported on first use so start-up stays light.
FORMAT_MODULES = (
    # specific sniffers first: for a .jsonl file, doccano and Prodigy before plain JSONL
    "annotator.formats.conll",
    "annotator.formats.conll_writer",
    "annotator.formats.spacy_docbin",
    "annotator.formats.doccano",
    "annotator.formats.prodigy",
    "annotator.formats.labelstudio",
    "annotator.formats.brat",
    "annotator.formats.plain",
    "annotator.formats.spacy_jsonl",
    "annotator.formats.huggingface",
)
_loaded = False


def register(name: str, description: str, extensions: tuple[str, ...] = (),
             reads_folders: bool = False) -> Format:
    fmt = FORMATS.get(name)
    if fmt is None:
        fmt = FORMATS[name] = Format(name, description, extensions, reads_folders=reads_folders)
    return fmt


def reader(name: str, description: str, extensions: tuple[str, ...] = (),
           sniff: Sniffer | None = None, reads_folders: bool = False,
           claims_by_content: tuple[str, ...] = ()) -> Callable[[Reader], Reader]:
    def decorate(function: Reader) -> Reader:
        fmt = register(name, description, extensions, reads_folders)
        fmt.reader, fmt.sniff = function, sniff
        fmt.claims_by_content = claims_by_content
        return function

    return decorate


def writer(name: str, description: str, extensions: tuple[str, ...] = (), suffix: str = "",
           writes_folders: bool = False, needs_tokens: bool = False,
           carries_overlaps: bool = False,
           writes_ents: bool = False) -> Callable[[WriterFactory], WriterFactory]:
    def decorate(function: WriterFactory) -> WriterFactory:
        fmt = register(name, description, extensions)
        fmt.writer, fmt.writes_folders, fmt.needs_tokens = function, writes_folders, needs_tokens
        fmt.suffix = suffix or (extensions[0] if extensions else "")
        fmt.carries_overlaps = carries_overlaps
        fmt.writes_ents = writes_ents
        return function

    return decorate


def load_formats() -> dict[str, Format]:
    global _loaded
    if not _loaded:
        for module in FORMAT_MODULES:
            importlib.import_module(module)
        _loaded = True
    return FORMATS


def readable_formats() -> list[str]:
    return sorted(name for name, f in load_formats().items() if f.reader)


def writable_formats() -> list[str]:
    return sorted(name for name, f in load_formats().items() if f.writer)


def get_format(name: str, path: Path | str = "") -> Format:
    formats = load_formats()
    if name not in formats:
        raise AnnotatorError(E.E209, file=path, fmt=name, known=", ".join(sorted(formats)))
    return formats[name]


@dataclass(frozen=True)
class Detection:
    """The format chosen for a file and why, in words for the import report."""

    format: Format
    reason: str


def guess_format(path: Path) -> Format:
    """The format of PATH from its extension, then from its first bytes."""
    return detect_format(path).format


def detect_format(path: Path) -> Detection:
    """The format of PATH and the reason: content that one format claims over the extension's
    (a CoNLL file named .txt), then the extension, then the content alone."""
    formats = load_formats()
    if path.is_dir():
        for fmt in formats.values():
            if fmt.reads_folders and fmt.sniff and fmt.sniff(path, b""):
                return Detection(fmt, "the folder's layout")
        raise AnnotatorError(E.E210, file=path)
    with path.open("rb") as handle:
        head = handle.read(65536)
    suffix = "".join(path.suffixes[-1:]).lower()
    candidates = [f for f in formats.values() if f.reader and suffix in f.extensions]
    for fmt in formats.values():
        if fmt.reader and fmt.sniff and suffix in fmt.claims_by_content and fmt.sniff(path, head):
            usual = candidates[0].name if candidates else "another format"
            return Detection(fmt, f"its content, although {suffix} files are usually "
                                  f"{usual}; --format {usual} forces {usual}")
    for fmt in candidates:
        if fmt.sniff is None or fmt.sniff(path, head):
            return Detection(fmt, f"its extension {suffix}")
    for fmt in formats.values():
        if fmt.reader and fmt.sniff and fmt.sniff(path, head):
            return Detection(fmt, "its content" + (f" (no format reads {suffix})" if suffix
                                                   else ""))
    if candidates:
        return Detection(candidates[0], f"its extension {suffix} (its content did not match)")
    raise AnnotatorError(E.E210, file=path)
