"""spaCy DocBin (`.spacy`), the training format of `spacy train`: tokens and entities.

Every span (nested and overlapping ones included) goes to `doc.spans[span_key]` (default
`sc`, spancat's), and `doc.ents` holds the outermost layer (see alignment.py); import reads
`doc.ents` and every span group, so no entity is dropped.

Export writes the project tokenizer's tokens (or the ones a document was imported with) with
the spans as entities, streaming (see DocBinWriter). Import reads each Doc's exact text, its entities and its tokens
(recorded in meta `tokenization`, so exporting again gives back the same tokens).
"""

from __future__ import annotations

import struct
import tempfile
import zlib
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument, Span
from annotator.formats.registry import ReadOptions, reader, writer
from annotator.formats.tokens import TOKENIZATION_KEY
from annotator.formats.writing import ExportDocument, WriteOptions


def _sniff_docbin(_path: Path, head: bytes) -> bool:
    return head[:2] in (b"x\x9c", b"x\xda", b"x\x01", b"x^")  # a zlib stream, as DocBin writes


@reader("spacy", "spaCy DocBin (.spacy): texts, tokens and entities, as used by spacy train",
        extensions=(".spacy",), sniff=_sniff_docbin)
def read_docbin(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    import spacy
    from spacy.tokens import DocBin

    try:
        data = path.read_bytes()
    except OSError as err:
        raise AnnotatorError(E.E211, file=path, line=0, reason=str(err)) from err
    if not data:
        raise AnnotatorError(E.E204, file=path)
    try:
        docbin = DocBin().from_bytes(data)
    except Exception as err:  # zlib, msgpack or shape errors: not a DocBin, or a truncated one
        raise AnnotatorError(E.E219, file=path, reason=f"{type(err).__name__}: {err}"[:200]) from err
    vocab = spacy.blank("xx").vocab
    try:
        docs = list(docbin.get_docs(vocab))
    except Exception as err:
        raise AnnotatorError(E.E219, file=path, reason=f"{type(err).__name__}: {err}"[:200]) from err
    for number, doc in enumerate(docs, 1):
        tokens: list[int] = []
        for token in doc:
            if not token.is_space:
                tokens += [token.idx, token.idx + len(token.text)]
        tokenization: dict[str, object] = {"tokens": tokens}
        if doc.has_annotation("SENT_START"):
            tokenization["sentences"] = [s.start_char for s in doc.sents]
        found = {Span(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for group in doc.spans.values():  # every span group (spancat's `sc` and any other)
            found.update(Span(s.start_char, s.end_char, s.label_) for s in group)
        spans = sorted(found, key=lambda s: (s.start, -s.end, s.label))
        yield SourceDocument(doc.text, source=f"{path.name}:{number}",
                             meta={"doc": number, TOKENIZATION_KEY: tokenization},
                             spans=spans, annotated=True)


class DocBinWriter:
    """Writes a DocBin without holding it: each document's token rows (the arrays
    `DocBin.add` would keep) go to an unnamed temporary file as it comes, and `close` streams
    them into the one zlib-compressed msgpack message `DocBin.from_bytes` reads: the same
    message `DocBin.to_bytes` gives for the same Docs (tested), so `spacy train` reads one
    `.spacy` file as usual while memory holds only the distinct strings, never the corpus.
    No spaCy Doc is made: ORTH and NORM come from the vocabulary once per distinct word."""

    def __init__(self, path: Path, options: WriteOptions) -> None:
        import numpy
        import srsly
        from spacy.attrs import ENT_IOB, ENT_TYPE, NORM, ORTH, SENT_START
        from spacy.tokens import DocBin

        self.path = path
        self.attrs: list[int] = [int(a) for a in DocBin().attrs]  # its columns, in its order
        column = {attr: i for i, attr in enumerate(self.attrs)}
        self._orth, self._norm = column[ORTH], column[NORM]
        self._iob, self._type, self._sent = column[ENT_IOB], column[ENT_TYPE], column[SENT_START]
        self.strings: set[str] = {""}  # empty tag, lemma, dep ... as DocBin.add collects them
        self._index: dict[str, int] = {}  # word -> its row in _lexemes
        self._lexemes: Any = numpy.zeros((0, 2), dtype=numpy.uint64)  # ORTH, NORM of each
        self._labels: dict[str, int] = {}
        self._lengths = array("i")  # tokens per document (4 bytes each)
        assert self._lengths.itemsize == 4, "DocBin keeps lengths as int32"
        self._span_key = options.span_key
        self._rows = tempfile.TemporaryFile(dir=path.parent)
        # each Doc's doc.spans.to_bytes(), already packed as the msgpack bin DocBin holds
        self._span_groups = tempfile.TemporaryFile(dir=path.parent)
        # one Packer for the writer: srsly builds a Packer's encoder chain from the package
        # entry points each time one is made (milliseconds), and msgpack_dumps makes one per
        # call; per document, that was most of a 1M-document export's time
        self._pack = srsly.msgpack.Packer(use_bin_type=True).pack
        self._spaces = tempfile.TemporaryFile(dir=path.parent)

    def write(self, document: ExportDocument) -> None:
        import numpy

        tokens = document.tokens
        assert tokens is not None
        words = tokens.words()
        known = self._index.get
        rows_of = [known(word, -1) for word in words]  # each word's row in _lexemes
        if -1 in rows_of:
            self._add_lexemes(tokens.vocab, {w for w, row in zip(words, rows_of, strict=True)
                                             if row < 0})
            rows_of = [known(word, -1) for word in words]
        rows = numpy.zeros((len(words), len(self.attrs)), dtype=numpy.uint64)
        if words:
            pairs = self._lexemes[rows_of]
            rows[:, self._orth], rows[:, self._norm] = pairs[:, 0], pairs[:, 1]
            rows[:, self._iob] = 2  # O
            rows[0, self._sent] = 1
            for first, last, label in tokens.entities:
                if label not in self._labels:
                    self._labels[label] = tokens.vocab.strings.add(label)
                    self.strings.add(label)
                rows[first, self._iob] = 3  # B
                rows[first + 1:last, self._iob] = 1  # I
                rows[first:last, self._type] = self._labels[label]
        self._rows.write(rows.tobytes("C"))
        self._spaces.write(numpy.asarray(tokens.spaces, dtype=bool).tobytes())
        self._lengths.append(len(words))
        self._span_groups.write(self._pack(self._spans_bytes(tokens)))

    def _spans_bytes(self, tokens: Any) -> bytes:
        """doc.spans as DocBin keeps it: every span under the span key (nested included), the
        bytes `doc.spans.to_bytes()` gives (tested), packed here without making a Doc."""
        if not tokens.spans:
            return _NO_SPAN_GROUPS
        strings, starts, ends = tokens.vocab.strings, tokens.starts, tokens.ends
        key = self._span_key
        # SpanGroup.to_bytes: each span as struct ">QQQllll" (id, kb_id, label, start, end,
        # start_char, end_char); SpanGroups.to_bytes: {group bytes: [its keys]}
        spans = [struct.pack(">QQQllll", 0, 0, strings.add(label), first, last, starts[first],
                             ends[last - 1]) for first, last, label in tokens.spans]
        self.strings.update(label for _first, _last, label in tokens.spans)
        group = self._pack({"name": key, "attrs": {}, "spans": spans})
        return bytes(self._pack({group: [key]}))

    def _add_lexemes(self, vocab: Any, words: set[str]) -> None:
        import numpy

        index = self._index
        if len(index) + len(words) > len(self._lexemes):
            grown = numpy.zeros((2 * (len(index) + len(words)), 2), dtype=numpy.uint64)
            grown[:len(index)] = self._lexemes[:len(index)]
            self._lexemes = grown
        for word in words:
            lexeme = vocab[word]
            self._lexemes[len(index)] = (lexeme.orth, lexeme.norm)
            index[word] = len(index)
            self.strings.update((word, lexeme.norm_))

    def close(self) -> list[Path]:
        import srsly

        count = len(self._lengths)
        compressor = zlib.compressobj(COMPRESSION)
        with self.path.open("wb") as out:
            def put(data: bytes | memoryview) -> None:
                out.write(compressor.compress(data))

            put(b"\x89")  # a map of 9 entries, in DocBin.to_bytes' order
            for key, value in (("version", "0.1"), ("attrs", self.attrs)):
                put(srsly.msgpack_dumps(key) + srsly.msgpack_dumps(value))
            for key, spill in (("tokens", self._rows), ("spaces", self._spaces)):
                put(srsly.msgpack_dumps(key) + _bin_header(spill.tell()))
                spill.seek(0)
                while chunk := spill.read(_READ_CHUNK):
                    put(chunk)
                spill.close()
            lengths = memoryview(self._lengths).cast("B")  # int32s, as DocBin keeps them: no copy
            put(srsly.msgpack_dumps("lengths") + _bin_header(len(lengths)))
            put(lengths)
            put(srsly.msgpack_dumps("strings") + srsly.msgpack_dumps(sorted(self.strings)))
            for key, item in (("cats", {}), ("flags", {"has_unknown_spaces": False})):
                put(srsly.msgpack_dumps(key) + _array_header(count))
                _put_repeated(put, srsly.msgpack_dumps(item), count)
            put(srsly.msgpack_dumps("span_groups") + _array_header(count))
            self._span_groups.seek(0)
            while chunk := self._span_groups.read(_READ_CHUNK):
                put(chunk)
            self._span_groups.close()
            out.write(compressor.flush())
        return [self.path]


def _put_repeated(put: Any, item: bytes, count: int) -> None:
    """ITEM COUNT times, a bounded chunk at a time (one bytes object of COUNT items was 20 MB
    at a million documents, and twice that while it was concatenated)."""
    chunk = item * _REPEAT_CHUNK
    for _ in range(count // _REPEAT_CHUNK):
        put(chunk)
    put(item * (count % _REPEAT_CHUNK))


_READ_CHUNK = 1 << 18  # bytes of a spill file compressed at a time
_REPEAT_CHUNK = 4096  # items of a repeated per-document entry written at a time
COMPRESSION = 3  # zlib level: DocBin.to_bytes uses 6 (the default); 3 compresses 1M tokens
#                 twice as fast into a file 3% larger, and any level decompresses the same way
_NO_SPAN_GROUPS = b"\x90"  # what doc.spans.to_bytes() gives for a Doc without span groups


def _bin_header(size: int) -> bytes:
    if size < 1 << 8:
        return b"\xc4" + struct.pack(">B", size)
    if size < 1 << 16:
        return b"\xc5" + struct.pack(">H", size)
    return b"\xc6" + struct.pack(">I", size)


def _array_header(size: int) -> bytes:
    if size < 16:
        return bytes([0x90 | size])
    if size < 1 << 16:
        return b"\xdc" + struct.pack(">H", size)
    return b"\xdd" + struct.pack(">I", size)


@writer("spacy", "spaCy DocBin (.spacy) for spacy train: tokens and entities",
        extensions=(".spacy",), needs_tokens=True, carries_overlaps=True,
        writes_ents=True)
def write_docbin(path: Path, options: WriteOptions) -> DocBinWriter:
    return DocBinWriter(path, options)
