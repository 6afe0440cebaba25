"""CoNLL writing: one token and its tags per line, a blank line between sentences; nested or
overlapping entities as more tag columns, one per layer, outermost first (the Wojood layout the
reader in `conll.py` reads back)."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from annotator.core.errors import AnnotatorError, E
from annotator.formats.conll import (
    DOCSTART,
    EXTRA_COLUMNS,
    HEADER,
    OTHER_COLUMNS_KEY,
    escape_space,
)
from annotator.formats.registry import writer
from annotator.formats.schemes import Chunk, encode, normalise_scheme
from annotator.formats.tokens import recorded_offsets
from annotator.formats.writing import ExportDocument, WriteOptions


def stack_layers(chunks: list[Chunk]) -> list[list[Chunk]]:
    """CHUNKS in layers of non-overlapping chunks, outer ones first: each chunk (longest first
    among those starting together) goes to the first layer it does not overlap."""
    layers: list[list[Chunk]] = []
    for chunk in sorted(chunks, key=lambda c: (c.start, -c.end, c.label)):
        for layer in layers:
            if layer[-1].end <= chunk.start:
                layer.append(chunk)
                break
        else:
            layers.append([chunk])
    return layers


def word_chunks(document: ExportDocument) -> tuple[list[int], list[str], list[Chunk]]:
    """The start offsets and texts of DOCUMENT's word tokens (gaps: spaces, invisible marks, are
    no words), and its aligned spans as chunks of word positions: every span (nested ones too)
    when the alignment kept overlaps, else the entities; a span over gaps only is left out."""
    assert document.tokens is not None
    aligned, text = document.tokens, document.text
    kept = aligned.word_indices()
    starts = [aligned.starts[i] for i in kept]
    words = [text[aligned.starts[i]:aligned.ends[i]] for i in kept]
    index = {i: n for n, i in enumerate(kept)}
    chunks = []
    for first, last, label in aligned.spans or aligned.entities:
        inner = [index[i] for i in range(first, last) if i in index]
        if inner:
            chunks.append(Chunk(inner[0], inner[-1] + 1, label))
    return starts, words, chunks



# ------------------------------------------------------------------------------- writing
class ConllWriter:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.path = path
        self.scheme = normalise_scheme(options.scheme)
        self.docstart = options.docstart
        self.columns = tuple(options.columns)
        unknown = set(self.columns) - set(EXTRA_COLUMNS)
        if unknown:
            raise AnnotatorError(E.E116, value=",".join(sorted(unknown)), what="CoNLL columns",
                                 reason=f"known extra columns: {', '.join(EXTRA_COLUMNS)}")
        self.separator = options.separator
        self.handle = path.open("w", encoding="utf-8", newline="\n")
        self.sentence_joins = 0  # sentence boundaries inside an entity, not written
        self.documents = 0  # documents with at least one token written
        self.notes: list[str] = []  # what the export report should tell the user
        self.deepest = 0  # most tag columns written on one token line
        if self.columns:
            names = ["TOKEN", *(c.upper() for c in self.columns), "TAG"]
            self.handle.write(f"{HEADER} {' '.join(names)}\n")

    def write(self, document: ExportDocument) -> None:
        text, sep = document.text, self.separator
        starts, words, chunks = word_chunks(document)  # words only: gaps are no lines
        if not words:
            return
        layers = stack_layers(chunks)
        if len(layers) > 1 and self.columns:
            raise AnnotatorError(E.E310, path=self.path, doc=document.id,
                                 columns=",".join(self.columns))
        others = self._other_columns(document, starts)
        if len(layers) > 1 and others:
            raise AnnotatorError(E.E316, path=self.path, doc=document.id)
        inside = [False] * len(words)
        for chunk in chunks:
            for i in range(chunk.start + 1, chunk.end):
                inside[i] = True
        breaks: set[int] = set()  # token n opens a sentence: a sentence starts after n - 1
        for n in {bisect_left(starts, start) for start in document.sentence_starts()}:
            if 0 < n < len(words):
                if inside[n]:
                    self.sentence_joins += 1
                else:
                    breaks.add(n)
        layer_tags = [encode(layer, len(words), self.scheme, breaks) for layer in layers or [[]]]
        self.deepest = max(self.deepest, len(layers))
        tags = [self._tags(layer_tags, n) for n in range(len(words))]
        self.documents += 1
        lines: list[str] = []
        if self.docstart:
            extra = []
            for column in self.columns:
                extra.append({"start": "0", "end": "0"}.get(column) or
                             escape_space(text[:starts[0]]))
            extra += ["-X-"] * (len(others[0]) if others else 0)
            lines.append(sep.join([DOCSTART, *extra, "O"]) + "\n\n")
        probe = "".join(words)  # one test for the whole document, then find the culprit
        if sep in probe or "\n" in probe or (sep == " " and not probe.isprintable()):
            for word in words:
                if sep in word or "\n" in word or (sep == " " and any(c.isspace() for c in word)):
                    raise AnnotatorError(E.E302, path=self.path,
                                         reason=f"token {word!r} of document {document.id} "
                                                "holds the column separator; export with a tab "
                                                "separator")
        if self.columns:
            rows = [sep.join([word, *self._extra(text, starts, n, word), tags[n]]) + "\n"
                    for n, word in enumerate(words)]
        elif others:
            rows = [sep.join([word, *others[n], tags[n]]) + "\n" for n, word in enumerate(words)]
        else:
            rows = [f"{word}{sep}{tag}\n" for word, tag in zip(words, tags, strict=True)]
        for n in breaks:
            rows[n] = "\n" + rows[n]
        lines += rows
        lines.append("\n")
        self.handle.write("".join(lines))

    def _other_columns(self, document: ExportDocument, starts: list[int]) -> list[list[str]]:
        """The imported columns that are no tags (POS, chunk) of each word at STARTS, matched
        to the recorded tokens by start offset; a piece of a token split at a span edge (or a
        token of another tokenization) gets `_`. Empty when the document has none, or when
        extra columns (start, end, space) are written instead."""
        values = document.meta.get(OTHER_COLUMNS_KEY)
        if self.columns or not isinstance(values, list) or not values:
            return []
        recorded = recorded_offsets(document.text, document.meta)
        if recorded is None or len(recorded) != len(values):
            return []
        width = len(values[0])
        by_start = {start: [str(v) for v in row]
                    for (start, _end), row in zip(recorded, values, strict=True)}
        return [by_start.get(start, ["_"] * width) for start in starts]

    def _tags(self, layer_tags: list[list[str]], n: int) -> str:
        """Token N's tags, outermost layer first, trailing O columns left out (Wojood)."""
        tags = [layer[n] for layer in layer_tags]
        while len(tags) > 1 and tags[-1] == "O":
            tags.pop()
        return self.separator.join(tags)

    def _extra(self, text: str, starts: list[int], n: int, word: str) -> list[str]:
        """The extra columns of token n: its start, end, and the text after it."""
        start = starts[n]
        fields = []
        for column in self.columns:
            if column == "start":
                fields.append(str(start))
            elif column == "end":
                fields.append(str(start + len(word)))
            else:
                following = starts[n + 1] if n + 1 < len(starts) else len(text)
                fields.append(escape_space(text[start + len(word):following]))
        return fields

    def close(self) -> list[Path]:
        self.handle.close()
        if self.deepest > 1:
            self.notes.append("nested or overlapping entities written as "
                              f"up to {self.deepest} tag columns (multi-tag CoNLL, outermost "
                              "first)")
        if self.documents > 1 and not self.docstart:
            where = "" if self.path.name.startswith(".") else f"{self.path.name}: "  # a split's file
            self.notes.append(f"{where}{self.documents} documents without -DOCSTART- "
                              "lines; importing the file gives one document (export with "
                              "--docstart to keep document boundaries)")
        return [self.path]


@writer("conll", "CoNLL: token and tag per line (IOB1, IOB2 or BILOU), blank line between "
        "sentences; nested entities as more tag columns", extensions=(".conll",),
        needs_tokens=True, carries_overlaps=True)
def write_conll(path: Path, options: WriteOptions) -> ConllWriter:
    return ConllWriter(path, options)
