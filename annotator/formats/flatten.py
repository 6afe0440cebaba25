"""One layer of non-overlapping spans out of nested or overlapping ones (`export --flatten`).

- outermost: spans by start, longest first; each is kept unless it overlaps one kept before
  (the layer spaCy's doc.ents gets, and CoNLL's first tag column).
- innermost: the spans that hold no other span, by end, then start; each is kept unless it
  overlaps one kept before (two crossing leaves: the one that ends first wins). Every span that
  holds another is left out, since its inner span (or one crossing it) is in the layer.

Flat input comes back unchanged. The spans left out are returned, so the export report can
list every one (nothing is dropped silently).
"""

from __future__ import annotations

from annotator.core.model import Span

FLATTEN_LAYERS = ("outermost", "innermost")


def flatten_spans(spans: list[Span], layer: str) -> tuple[list[Span], list[Span]]:
    """(kept, left out) for LAYER ('outermost' or 'innermost'); both sorted by position."""
    unique = sorted(set(spans), key=lambda s: (s.start, -s.end, s.label))
    kept: list[Span] = []
    if layer == "outermost":
        end = -1
        for span in unique:
            if span.start >= end:
                kept.append(span)
                end = span.end
    elif layer == "innermost":
        leaves = [span for i, span in enumerate(unique) if not _holds_another(i, unique)]
        end = -1
        for span in sorted(leaves, key=lambda s: (s.end, s.start, s.label)):
            if span.start >= end:
                kept.append(span)
                end = span.end
    else:
        raise ValueError(f"unknown layer {layer!r}; known: {', '.join(FLATTEN_LAYERS)}")
    chosen = set(kept)
    order = sorted(kept, key=lambda s: (s.start, s.end, s.label))
    return order, [span for span in unique if span not in chosen]


def _holds_another(i: int, unique: list[Span]) -> bool:
    """Whether a shorter span lies within unique[I] (UNIQUE sorted by start, longest first,
    so such a span comes after it and starts before it ends)."""
    span = unique[i]
    for other in unique[i + 1:]:
        if other.start >= span.end:
            return False
        if other.end <= span.end and (other.start, other.end) != (span.start, span.end):
            return True
    return False
