"""Pairwise span agreement: precision, recall and F1 between two annotators' spans.

The first annotator of a pair is the reference: precision = matched spans of the second /
spans of the second, recall = matched spans of the first / spans of the first. F1 is their
harmonic mean and does not depend on the order.

* exact match: same start, same end, same label;
* lenient match: a span is matched when the other annotator has a span with the same label
  that overlaps it by at least one code point (so one long span against two short ones
  matches all three; F1 is then computed from the two match rates).

Only documents both annotators finished are compared; spans in documents the other annotator
did not finish are left out and counted. Spans are compared by their exact character offsets,
not by tokens, so a span that leaves out a clitic is an exact miss but a lenient match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np

from annotator.agreement.units import AnnotatorSpans, BoolArray, FloatArray, IntArray


@dataclass(frozen=True)
class MatchCounts:
    """Span counts of a pair, by label code (0..K, code 0 unused) or by document."""

    first: IntArray  # spans of the first (reference) annotator
    second: IntArray  # spans of the second annotator
    matched_first: IntArray  # spans of the first that the second matches (recall numerator)
    matched_second: IntArray  # spans of the second that the first matches (precision numerator)

    def total(self) -> tuple[int, int, int, int]:
        return (int(self.first.sum()), int(self.second.sum()),
                int(self.matched_first.sum()), int(self.matched_second.sum()))


@dataclass(frozen=True)
class PairMatches:
    """Both matching modes of one pair, counted by label and by document."""

    exact_by_label: MatchCounts
    lenient_by_label: MatchCounts
    exact_by_doc: MatchCounts
    lenient_by_doc: MatchCounts
    left_out: int  # spans of either annotator in documents the other did not finish


def f1_scores(first: int, second: int, matched_first: int, matched_second: int
              ) -> tuple[float | None, float | None, float | None]:
    """(precision, recall, F1); None where a rate has no spans to stand on.

    F1 is 0.0 when one side has spans and nothing matches; None when neither side has spans.
    """
    precision = matched_second / second if second else None
    recall = matched_first / first if first else None
    if not first and not second:
        return precision, recall, None
    p, r = precision or 0.0, recall or 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return precision, recall, f1


def exact_matches(a: AnnotatorSpans, b: AnnotatorSpans) -> tuple[BoolArray, BoolArray]:
    """Which spans of `a` and of `b` have an identical span (start, end, label) on the other side.

    Each side is deduplicated, so after sorting both together a match is two neighbours.
    """
    start = np.concatenate([a.start, b.start])
    end = np.concatenate([a.end, b.end])
    label = np.concatenate([a.label, b.label])
    source = np.concatenate([np.zeros(len(a), np.int8), np.ones(len(b), np.int8)])
    order = np.lexsort((source, end, start, label))
    same = (start[order][1:] == start[order][:-1]) & (end[order][1:] == end[order][:-1]) & (
        label[order][1:] == label[order][:-1]
    )
    hit = np.zeros(order.size, dtype=np.bool_)
    hit[order[1:][same]] = True
    hit[order[:-1][same]] = True
    return hit[: len(a)], hit[len(a):]


def _overlapped_by(query: AnnotatorSpans, other: AnnotatorSpans, stride: int) -> BoolArray:
    """Which spans of `query` overlap a span of `other` with the same label."""
    if len(other) == 0:
        return np.zeros(len(query), dtype=np.bool_)
    other_x = other.label * stride + other.start
    order = np.argsort(other_x, kind="stable")
    other_x = other_x[order]
    reach = np.maximum.accumulate((other.label * stride + other.end)[order])
    before = np.searchsorted(other_x, query.label * stride + query.end, side="left")
    found = before > 0
    found[found] = reach[before[found] - 1] > (query.label * stride + query.start)[found]
    return found


def lenient_matches(a: AnnotatorSpans, b: AnnotatorSpans, stride: int) -> tuple[BoolArray, BoolArray]:
    """Which spans of `a` and of `b` overlap a same-label span of the other.

    `stride` must exceed every offset (the corpus length + 1): labels are laid on separate
    stretches of one axis, and a running maximum of ends answers "does any span starting
    before my end reach past my start?" for all spans at once.
    """
    return _overlapped_by(a, b, stride), _overlapped_by(b, a, stride)


def _counts(
    a: AnnotatorSpans, b: AnnotatorSpans, hit_a: BoolArray, hit_b: BoolArray,
    key_a: IntArray, key_b: IntArray, size: int,
) -> MatchCounts:
    def count(keys: IntArray) -> IntArray:
        return np.bincount(keys, minlength=size).astype(np.int64)

    return MatchCounts(count(key_a), count(key_b), count(key_a[hit_a]), count(key_b[hit_b]))


def match_pair(
    a: AnnotatorSpans,
    b: AnnotatorSpans,
    present_a: BoolArray,
    present_b: BoolArray,
    n_labels: int,
    stride: int,
) -> PairMatches:
    """Exact and lenient matches of annotators a (reference) and b over the documents both finished.

    `present_a[d]` / `present_b[d]` say whether each finished document d; `n_labels` counts the
    label codes including 0 for "O".
    """
    a_kept, b_kept = present_b[a.doc], present_a[b.doc]
    left_out = int((~a_kept).sum() + (~b_kept).sum())
    a, b = a.take(a_kept), b.take(b_kept)
    exact_a, exact_b = exact_matches(a, b)
    lenient_a, lenient_b = lenient_matches(a, b, stride)
    n_docs = present_a.size
    return PairMatches(
        exact_by_label=_counts(a, b, exact_a, exact_b, a.label, b.label, n_labels),
        lenient_by_label=_counts(a, b, lenient_a, lenient_b, a.label, b.label, n_labels),
        exact_by_doc=_counts(a, b, exact_a, exact_b, a.doc, b.doc, n_docs),
        lenient_by_doc=_counts(a, b, lenient_a, lenient_b, a.doc, b.doc, n_docs),
        left_out=left_out,
    )


def f1_by_row(counts: MatchCounts) -> FloatArray:
    """F1 of every row (label or document) at once, NaN where neither side has spans."""
    first, second = counts.first.astype(np.float64), counts.second.astype(np.float64)
    precision = np.divide(counts.matched_second, second, out=np.zeros_like(second), where=second > 0)
    recall = np.divide(counts.matched_first, first, out=np.zeros_like(first), where=first > 0)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
    f1[(first == 0) & (second == 0)] = np.nan
    return cast(FloatArray, f1)
