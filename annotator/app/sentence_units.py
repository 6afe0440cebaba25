"""Documents cut into groups of sentences, for splits and spaCy docs finer than a document.

A CoNLL corpus often arrives as one document (one `-DOCSTART-`, hundreds of sentences): a
split by document then has nothing to put in its held-out share, and a DocBin of it is one
training example. Here a document becomes pieces of N consecutive sentences (as
`spacy convert -n N` groups them): the sentence breaks recorded at import (CoNLL), else the
project's rule-based sentences. A piece never ends inside a span (the next sentence joins
it). Each piece is an `ExportDocument` of its own: the text slice exactly as stored, its spans
and recorded tokens shifted to the slice, and `piece` = (document id, start, end) in the
document's code points, so the held-out share can be named and scored later.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Span
from annotator.formats.conll import OTHER_COLUMNS_KEY
from annotator.formats.tokens import (
    TOKENIZATION_KEY,
    TokenizerLike,
    recorded_offsets,
    recorded_sentence_starts,
)
from annotator.formats.writing import ExportDocument


@dataclass(frozen=True)
class Piece:
    document: ExportDocument
    spans: list[Span]
    document_id: int
    start: int
    end: int


def sentence_starts(text: str, meta: dict[str, object], tokenizer: TokenizerLike) -> list[int]:
    """Recorded sentence starts (CoNLL breaks), else the project's rule-based sentences."""
    starts = recorded_sentence_starts(text, meta)
    if starts is None:
        starts = [start for start, _end in tokenizer.sentence_offsets(text)]
    return sorted({0, *(s for s in starts if 0 <= s < len(text))}) if text else [0]


def cut_into_pieces(document: ExportDocument, spans: list[Span], tokenizer: TokenizerLike,
                    sentences_per_piece: int) -> list[Piece]:
    """DOCUMENT as pieces of SENTENCES_PER_PIECE sentences (a piece never cuts a span)."""
    text = document.text
    starts = sentence_starts(text, document.meta, tokenizer)
    inside = [(s.start, s.end) for s in spans]
    edges = [0]
    count = 0
    for start in starts[1:]:
        count += 1
        if count >= sentences_per_piece and not any(a < start < b for a, b in inside):
            edges.append(start)
            count = 0
    edges.append(len(text))
    pieces = []
    rows = document.meta.get(OTHER_COLUMNS_KEY)  # a token's POS/chunk columns go with it
    offsets = recorded_offsets(text, document.meta) if isinstance(rows, list) else None
    for start, end in zip(edges, edges[1:], strict=False):
        if not text[start:end].strip():
            continue
        piece_spans = [Span(s.start - start, s.end - start, s.label) for s in spans
                       if start <= s.start and s.end <= end]
        meta = dict(document.meta)
        meta[TOKENIZATION_KEY] = _slice_tokenization(document.meta.get(TOKENIZATION_KEY), start, end)
        meta["piece"] = [document.id, start, end]
        if isinstance(rows, list) and offsets is not None and len(offsets) == len(rows):
            meta[OTHER_COLUMNS_KEY] = [row for (a, b), row in zip(offsets, rows, strict=True)
                                       if start <= a and b <= end]
        pieces.append(Piece(ExportDocument(document.id, f"{document.source}@{start}-{end}",
                                           text[start:end], meta, []),
                            piece_spans, document.id, start, end))
    return pieces


def _slice_tokenization(recorded: object, start: int, end: int) -> object:
    """The recorded tokens and sentence starts that fall in [START, END), shifted by START."""
    if not isinstance(recorded, dict):
        return recorded
    sliced = dict(recorded)
    tokens = recorded.get("tokens")
    if isinstance(tokens, list) and len(tokens) % 2 == 0:
        kept: list[int] = []
        for a, b in zip(tokens[0::2], tokens[1::2], strict=True):
            if start <= int(a) and int(b) <= end:
                kept += [int(a) - start, int(b) - start]
        sliced["tokens"] = kept
    sentences = recorded.get("sentences")
    if isinstance(sentences, list):
        sliced["sentences"] = [int(s) - start for s in sentences if start <= int(s) < end] or [0]
    return sliced
