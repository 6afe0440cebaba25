"""Spans onto tokens, exactly, or a report saying which span could not be and why.

Policy (documented in the README):
- A span edge inside a token splits that token there (default), so an entity written with a
  proclitic, `كوريا` in `لكوريا`, stays exact; every such split is listed in the export report.
  With `split_at_spans=False` the span is reported as misaligned instead.
- A span that starts or ends with whitespace, or that overlaps an earlier span (a token holds
  one entity in CoNLL and spaCy NER), is reported as misaligned.
- Misaligned spans stop the export (E301) unless the user asked to skip them; skipped ones are
  each listed with document, offsets and text. Nothing is widened, narrowed or moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.model import Span
from annotator.formats.tokens import TokenizerLike, doc_from_offsets, split_offsets


@dataclass(frozen=True)
class SpanProblem:
    doc_id: int
    source: str
    start: int
    end: int
    label: str
    text: str
    reason: str

    def __str__(self) -> str:
        return (f"document {self.doc_id} ({self.source}) [{self.start}, {self.end}) {self.label} "
                f"{self.text!r}: {self.reason}")

    def to_dict(self) -> dict[str, object]:
        return {"document": self.doc_id, "source": self.source, "start": self.start,
                "end": self.end, "label": self.label, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class TokenSplit:
    doc_id: int
    source: str
    offset: int
    token: str  # the token before it was split

    def __str__(self) -> str:
        return f"document {self.doc_id} ({self.source}): token {self.token!r} split at {self.offset}"

    def to_dict(self) -> dict[str, object]:
        return {"document": self.doc_id, "source": self.source, "offset": self.offset,
                "token": self.token}


@dataclass
class Aligned:
    doc: Any  # spaCy Doc with the aligned spans as doc.ents
    spans: list[Span]  # the spans exported (all of them unless some were misaligned)
    problems: list[SpanProblem]
    splits: list[TokenSplit]


def align(doc_id: int, source: str, text: str, spans: list[Span], tokenizer: TokenizerLike,
          recorded: list[tuple[int, int]] | None = None, split_at_spans: bool = True) -> Aligned:
    """Tokens for TEXT (RECORDED offsets, else the tokenizer) with SPANS as entities."""
    problems: list[SpanProblem] = []
    candidates: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (s.start, -s.end, s.label)):
        mention = text[span.start:span.end]
        reason = ""
        if mention != mention.strip():
            reason = "starts or ends with whitespace"
        elif candidates and candidates[-1].end > span.start:
            other = candidates[-1]
            reason = (f"overlaps [{other.start}, {other.end}) {other.label}; a token holds one "
                      "entity in this format")
        if reason:
            problems.append(SpanProblem(doc_id, source, span.start, span.end, span.label,
                                        mention, reason))
        else:
            candidates.append(span)
    vocab = tokenizer.vocab
    doc = (doc_from_offsets(vocab, text, recorded) if recorded is not None
           else tokenizer.make_doc(text))
    failing = [s for s in candidates if doc.char_span(s.start, s.end) is None]
    splits: list[TokenSplit] = []
    if failing and split_at_spans:
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t) for t in doc}
        inside = sorted({edge for s in failing
                         for edge, known in ((s.start, starts), (s.end, ends)) if edge not in known})
        for edge in inside:
            token = next((t for t in doc if t.idx < edge < t.idx + len(t)), None)
            if token is not None:
                splits.append(TokenSplit(doc_id, source, edge, token.text))
        if recorded is not None:
            doc = doc_from_offsets(vocab, text, split_offsets(recorded, inside))
        else:
            doc = tokenizer.make_doc(text, boundaries=inside)
    entities = []
    kept: list[Span] = []
    for span in candidates:
        entity = doc.char_span(span.start, span.end, label=span.label)
        if entity is None:
            reason = ("a span edge falls inside a token" + ("" if split_at_spans else
                      " (splitting tokens at span edges is off)"))
            problems.append(SpanProblem(doc_id, source, span.start, span.end, span.label,
                                        text[span.start:span.end], reason))
            continue
        entities.append(entity)
        kept.append(span)
    doc.ents = entities
    return Aligned(doc, kept, problems, splits)
