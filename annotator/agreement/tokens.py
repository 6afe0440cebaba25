"""From spans to one label per token: the units of the token-level measures.

Rule (the same for every annotator):

* a token lying wholly inside a span takes the span's label;
* a token a span covers only in part takes the label of the span covering MORE THAN HALF of its
  code points (so "والقاهرة" stays LOC when an annotator leaves the conjunction "و" out of the
  span); a token no span covers for more than half stays "O";
* when several spans qualify (overlapping spans, allowed by some projects), the one covering
  most of the token wins, then the one starting first, then the lower label code;
* tokens of a document the annotator did not finish get -1 (missing).

Nested spans (a project that allows overlaps): the single code above is the OUTER layer (a
token inside `[جامعة [نابلس]GPE]ORG` is ORG: both cover it wholly, the outer starts first).
The per-label token measures do not use it: for label L a token is "L" when any span of L
covers more than half of it, in any layer (`label_coverage`), so the inner GPE counts for GPE.

Cases that do not align are counted, never hidden: spans whose start or end is not a token
boundary, tokens only partly covered by a span, and spans that end up labelling no token at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.agreement.units import AnnotatorSpans, BoolArray, Corpus, IntArray

MISSING = -1


@dataclass(frozen=True)
class TokenAlignment:
    """How well one annotator's spans fit the tokens."""

    misaligned_spans: int  # start or end falls inside a token (or in no token boundary at all)
    partially_covered_tokens: int  # tokens overlapped by a span without lying inside it
    spans_without_tokens: int  # spans covering no token by more than half (in any layer)


def expand_ranges(first: IntArray, counts: IntArray) -> tuple[IntArray, IntArray]:
    """For ranges [first[i], first[i] + counts[i]): (owner index, member) of every member."""
    total = int(counts.sum())
    owner = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    starts = np.cumsum(counts) - counts
    member = np.arange(total, dtype=np.int64) - starts[owner] + first[owner]
    return owner, member


def _on_boundaries(boundaries: IntArray, points: IntArray) -> BoolArray:
    """Whether each point is one of the (sorted) boundaries."""
    if boundaries.size == 0:
        return np.zeros(points.size, dtype=np.bool_)
    at = np.minimum(np.searchsorted(boundaries, points), boundaries.size - 1)
    return np.asarray(boundaries[at] == points)


def label_tokens(corpus: Corpus, r: int) -> tuple[IntArray, TokenAlignment]:
    """Label code of every token for annotator `r` (0 = "O", -1 = missing), and the alignment."""
    spans: AnnotatorSpans = corpus.spans[r]
    t_start, t_end = corpus.token_start, corpus.token_end
    codes = np.where(corpus.present[r][corpus.token_doc], 0, MISSING).astype(np.int64)

    first = np.searchsorted(t_end, spans.start, side="right")  # first token ending after start
    stop = np.searchsorted(t_start, spans.end, side="left")  # tokens starting before the end
    counts = np.maximum(stop - first, 0)
    owner, token = expand_ranges(first, counts)
    token_length = t_end[token] - t_start[token]
    covered = np.minimum(t_end[token], spans.end[owner]) - np.maximum(t_start[token], spans.start[owner])
    partial = covered < token_length

    wins = np.flatnonzero(2 * covered > token_length)
    order = np.lexsort((
        spans.label[owner[wins]], spans.start[owner[wins]], -covered[wins], token[wins],
    ))
    ranked = wins[order]
    best = np.ones(ranked.size, dtype=np.bool_)
    best[1:] = token[ranked][1:] != token[ranked][:-1]
    chosen = ranked[best]
    codes[token[chosen]] = spans.label[owner[chosen]]

    aligned = _on_boundaries(t_start, spans.start) & _on_boundaries(t_end, spans.end)
    labelling = np.zeros(len(spans), dtype=np.bool_)
    labelling[owner[wins]] = True  # an inner span of a nested pair labels its own layer
    alignment = TokenAlignment(
        misaligned_spans=int((~aligned).sum()),
        partially_covered_tokens=int(np.unique(token[partial]).size),
        spans_without_tokens=int((~labelling).sum()),
    )
    return codes, alignment


def label_all_tokens(corpus: Corpus) -> tuple[IntArray, tuple[TokenAlignment, ...]]:
    """Token codes of every annotator, shape (R, T), and each annotator's alignment counts."""
    rows = [label_tokens(corpus, r) for r in range(len(corpus.annotators))]
    if not rows:
        return np.zeros((0, corpus.token_start.size), dtype=np.int64), ()
    codes = np.stack([row[0] for row in rows])
    return codes, tuple(row[1] for row in rows)


def label_coverage(corpus: Corpus, r: int) -> tuple[IntArray, IntArray]:
    """Every (token, label code) of annotator `r` where a span of that label covers more
    than half of the token, in any layer: the units of the per-label token measures when
    spans nest. Unique pairs, sorted by label then token."""
    spans: AnnotatorSpans = corpus.spans[r]
    t_start, t_end = corpus.token_start, corpus.token_end
    first = np.searchsorted(t_end, spans.start, side="right")
    stop = np.searchsorted(t_start, spans.end, side="left")
    owner, token = expand_ranges(first, np.maximum(stop - first, 0))
    covered = np.minimum(t_end[token], spans.end[owner]) - np.maximum(t_start[token], spans.start[owner])
    wins = 2 * covered > t_end[token] - t_start[token]
    stride = np.int64(t_start.size + 1)
    keys = np.unique(spans.label[owner[wins]] * stride + token[wins])
    return keys % stride, keys // stride


def binary_label_codes(corpus: Corpus, coverage: list[tuple[IntArray, IntArray]],
                       label: int) -> IntArray:
    """Shape (R, T): 1 where annotator r's spans of LABEL cover the token (any layer), 0
    where they do not, -1 in documents r did not finish."""
    rows = []
    for r, (token, code) in enumerate(coverage):
        row = np.where(corpus.present[r][corpus.token_doc], 0, MISSING).astype(np.int64)
        row[token[code == label]] = 1
        rows.append(row)
    return np.stack(rows) if rows else np.zeros((0, corpus.token_start.size), dtype=np.int64)
