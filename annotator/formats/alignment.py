"""Spans onto tokens, exactly, or a report saying which span could not be and why.

Alignment works on token offsets (no spaCy Doc is made; writers that need one ask
`ExportTokens.to_doc`). Policy (documented in the README):
- A span edge inside a token splits that token there (default), so an entity written with a
  proclitic, `كوريا` in `لكوريا`, stays exact; every such split is listed in the export report.
  With `split_at_spans=False` the span is reported as misaligned instead.
- A span that starts or ends with whitespace, or with a gap token (an invisible mark such as
  U+200F between words, which is no word: CoNLL would write the entity without it), or that
  overlaps an earlier span (a token holds one entity in CoNLL and spaCy NER), is reported as
  misaligned; with `overlaps=True` (spaCy, whose doc.spans holds any spans) an overlapping
  span is kept in `tokens.spans` and only left out of `tokens.entities` (doc.ents), which
  holds the outermost layer: spans by start, longest first, each one kept unless it
  overlaps one kept before; `Aligned.left_out` lists the others. A recorded token made only of a mark (ANERcorp has some) is a word and may
  start or end an entity, so a CoNLL file gives back the same tokens and tags.
- Misaligned spans stop the export (E301) unless the user asked to skip them; skipped ones are
  each listed with document, offsets and text. Nothing is widened, narrowed or moved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from annotator.core.model import Span
from annotator.formats.tokens import ExportTokens, TokenizerLike, split_offsets, tokens_from_offsets


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
    tokens: ExportTokens  # with the aligned spans as `entities`
    spans: list[Span]  # the spans exported (all of them unless some were misaligned)
    problems: list[SpanProblem]
    splits: list[TokenSplit]
    offsets: list[tuple[int, int]]  # the word tokens before any split (sentences use these)
    left_out: list[SpanProblem] = field(default_factory=list)  # in spans, not in entities


def _token_range(tokens: ExportTokens, start: int, end: int) -> tuple[int, int] | None:
    """Tokens [first, last + 1) exactly covering [start, end), as doc.char_span finds them."""
    first = bisect_left(tokens.starts, start)
    if first == len(tokens.starts) or tokens.starts[first] != start:
        return None
    last = bisect_left(tokens.ends, end)
    if last == len(tokens.ends) or tokens.ends[last] != end or last < first:
        return None
    return first, last + 1


def _inside_words(offsets: list[tuple[int, int]], edges: set[int]) -> list[int]:
    """The EDGES that fall strictly inside a word token, sorted."""
    inside = []
    for edge in sorted(edges):
        i = bisect_right(offsets, edge, key=itemgetter(0)) - 1
        if i >= 0 and offsets[i][0] < edge < offsets[i][1]:
            inside.append(edge)
    return inside


def align(doc_id: int, source: str, text: str, spans: list[Span], tokenizer: TokenizerLike,
          recorded: list[tuple[int, int]] | None = None, split_at_spans: bool = True,
          overlaps: bool = False) -> Aligned:
    """Tokens for TEXT (RECORDED offsets, else the tokenizer) with SPANS as entities."""
    problems: list[SpanProblem] = []
    candidates: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (s.start, -s.end, s.label)):
        mention = text[span.start:span.end]
        reason = ""
        if mention != mention.strip():
            reason = "starts or ends with whitespace"
        elif not overlaps and candidates and candidates[-1].end > span.start:
            other = candidates[-1]
            reason = (f"overlaps [{other.start}, {other.end}) {other.label}; a token holds one "
                      "entity in this format")
        if reason:
            problems.append(SpanProblem(doc_id, source, span.start, span.end, span.label,
                                        mention, reason))
        else:
            candidates.append(span)
    vocab = tokenizer  # its vocab is made only if a spaCy writer asks (ExportTokens.vocab)
    base = list(recorded) if recorded is not None else tokenizer.token_offsets(text)
    tokens = tokens_from_offsets(text, base, vocab)
    ranges = [_token_range(tokens, s.start, s.end) for s in candidates]
    splits: list[TokenSplit] = []
    if split_at_spans and None in ranges:
        edges = {edge for s, found in zip(candidates, ranges, strict=True) if found is None
                 for edge in (s.start, s.end)}
        inside = _inside_words(base, edges)
        if inside:
            for edge in inside:
                i = bisect_right(base, edge, key=itemgetter(0)) - 1
                splits.append(TokenSplit(doc_id, source, edge, text[base[i][0]:base[i][1]]))
            tokens = tokens_from_offsets(text, split_offsets(base, inside), vocab)
            ranges = [_token_range(tokens, s.start, s.end) for s in candidates]
    kept: list[Span] = []
    left_out: list[SpanProblem] = []
    layer_end = -1  # end of the last span in the outermost layer
    gaps = tokens.gaps
    for span, found in zip(candidates, ranges, strict=True):
        if found is None:
            reason = ("a span edge falls inside a token" + ("" if split_at_spans else
                      " (splitting tokens at span edges is off)"))
        elif gaps and (found[0] in gaps or found[1] - 1 in gaps):
            reason = ("starts or ends with an invisible mark (a bidi mark or zero-width space) "
                      "between words, which is no token of its own in this format")
        else:
            if span.start >= layer_end:
                tokens.entities.append((found[0], found[1], span.label))
                layer_end = span.end
            else:
                left_out.append(SpanProblem(doc_id, source, span.start, span.end, span.label,
                                            text[span.start:span.end],
                                            "inside or overlapping an outer span: in doc.spans, "
                                            "not in doc.ents"))
            if overlaps:
                tokens.spans.append((found[0], found[1], span.label))
            kept.append(span)
            continue
        problems.append(SpanProblem(doc_id, source, span.start, span.end, span.label,
                                    text[span.start:span.end], reason))
    return Aligned(tokens, kept, problems, splits, base, left_out)
