"""brat standoff: a `.txt` file with the text and a `.ann` file with `T` lines
(`T1<TAB>LABEL start end<TAB>mention`), plus `annotation.conf` listing the entity types.

brat counts offsets in code points (it is Python); each is checked against the mention text.
A discontinuous entity (`start end;start end`) becomes one span per fragment, each listed in
the import report. Relations, events, attributes and notes are not imported (counted).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument, Span
from annotator.formats.offsets import checked_span
from annotator.formats.registry import ReadOptions, reader, writer
from annotator.formats.writing import ExportDocument, WriteOptions
from annotator.text.decoding import iter_lines, outside, read_text

_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
_OTHER = {"R": "relations", "E": "events", "A": "attributes", "M": "attributes",
          "N": "normalizations", "#": "notes", "*": "equivalences"}


def _sniff(path: Path, _head: bytes) -> bool:
    if path.is_dir():
        return (path / "annotation.conf").is_file() or any(path.glob("*.ann"))
    return path.suffix == ".ann"


@reader("brat", "brat standoff: .txt + .ann pairs (a folder, or .ann files)",
        extensions=(".ann",), sniff=_sniff, reads_folders=True)
def read_brat(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    if path.is_dir():
        anns = sorted(p for p in path.rglob("*.ann") if not p.name.startswith("."))
        if not anns:
            raise AnnotatorError(E.E212, file=path)
    else:
        anns = [path.with_suffix(".ann")]
    folder = path if path.is_dir() else path.parent
    for ann in anns:
        escaping = [p for p in (ann, ann.with_suffix(".txt")) if p.exists() and outside(folder, p)]
        if escaping:  # a symlink out of the folder: never followed
            options.report.messages.append(f"{escaping[0]}: a link out of the folder {folder}, "
                                           "not followed")
            options.report.count("brat pairs skipped: link out of the folder")
            continue
        yield _read_pair(ann, options)


def _read_pair(ann: Path, options: ReadOptions) -> SourceDocument:
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise AnnotatorError(E.E201, file=txt)
    if not ann.is_file():
        raise AnnotatorError(E.E201, file=ann)
    encoding, text = read_text(txt)
    options.report.encodings[str(txt)] = encoding
    spans: list[Span] = []
    if ann.stat().st_size:
        _encoding, lines = iter_lines(ann)
        for number, raw in lines:
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            kind = line[0]
            if kind != "T":
                if kind not in _OTHER:
                    raise AnnotatorError(E.E211, file=ann, line=number,
                                         reason=f"not a brat annotation line: {line[:60]!r}")
                options.report.count(f"brat: {_OTHER[kind]} not imported")
                continue
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                raise AnnotatorError(E.E211, file=ann, line=number,
                                     reason=f"a T line is ID<TAB>TYPE START END<TAB>TEXT: {line[:60]!r}")
            label, offsets = parts[1].split(" ", 1)
            if not _OFFSETS.match(offsets):
                raise AnnotatorError(E.E211, file=ann, line=number,
                                     reason=f"cannot read the offsets {offsets!r}")
            fragments = [tuple(int(x) for x in pair.split()) for pair in offsets.split(";")]
            mention = parts[2] if len(parts) > 2 and len(fragments) == 1 else None
            if len(fragments) > 1:
                options.report.count("brat: discontinuous entities imported as one span per "
                                     "fragment")
                options.report.messages.append(
                    f"{ann}, line {number}: discontinuous {label} {offsets} imported as "
                    f"{len(fragments)} spans")
            for start, end in fragments:
                spans.append(checked_span(text, start, end, label, ann, number, mention))
    return SourceDocument(text, source=txt.name, meta={"file": txt.name}, spans=spans,
                          annotated=True)


class BratWriter:
    """A folder of NAME.txt + NAME.ann pairs and an annotation.conf with the labels used."""

    def __init__(self, path: Path, _options: WriteOptions) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.labels: list[str] = []
        self.files: list[Path] = []

    def write(self, document: ExportDocument) -> None:
        name = f"doc-{document.id:06d}"
        txt, ann = self.path / f"{name}.txt", self.path / f"{name}.ann"
        txt.write_text(document.text, encoding="utf-8", newline="")
        lines = []
        for n, span in enumerate(document.spans, 1):
            mention = " ".join(document.text[span.start:span.end].splitlines())
            mention = mention.replace("\t", " ")
            lines.append(f"T{n}\t{span.label} {span.start} {span.end}\t{mention}\n")
            if span.label not in self.labels:
                self.labels.append(span.label)
        ann.write_text("".join(lines), encoding="utf-8", newline="\n")
        self.files += [txt, ann]

    def close(self) -> list[Path]:
        conf = self.path / "annotation.conf"
        conf.write_text("[entities]\n\n" + "".join(f"{label}\n" for label in self.labels)
                        + "\n[relations]\n\n[events]\n\n[attributes]\n", encoding="utf-8")
        return [*self.files, conf]


@writer("brat", "brat standoff folder: .txt + .ann per document, annotation.conf",
        extensions=(".ann",), writes_folders=True)
def write_brat(path: Path, options: WriteOptions) -> BratWriter:
    return BratWriter(path, options)
