"""spaCy DocBin (`.spacy`), the training format of `spacy train`: tokens and entities.

Export writes the project tokenizer's tokens (or the ones a document was imported with) with
the spans as `doc.ents`. Import reads each Doc's exact text, its entities and its tokens
(recorded in meta `tokenization`, so exporting again gives back the same tokens).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
        spans = [Span(e.start_char, e.end_char, e.label_) for e in doc.ents]
        if "sc" in doc.spans:
            spans += [Span(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]]
        yield SourceDocument(doc.text, source=f"{path.name}:{number}",
                             meta={"doc": number, TOKENIZATION_KEY: tokenization},
                             spans=spans, annotated=True)


class DocBinWriter:
    def __init__(self, path: Path, _options: WriteOptions) -> None:
        from spacy.tokens import DocBin

        self.path = path
        self.docbin = DocBin()

    def write(self, document: ExportDocument) -> None:
        self.docbin.add(document.doc)

    def close(self) -> list[Path]:
        self.docbin.to_disk(self.path)
        return [self.path]


@writer("spacy", "spaCy DocBin (.spacy) for spacy train: tokens and entities",
        extensions=(".spacy",), needs_tokens=True)
def write_docbin(path: Path, options: WriteOptions) -> DocBinWriter:
    return DocBinWriter(path, options)
