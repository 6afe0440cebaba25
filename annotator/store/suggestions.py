"""Write a pre-tagger's suggestions into annotations in bulk, within the caller's transaction.

The same invariants as `AddSpan(state=SUGGESTED)` through `edits.apply_operation`, checked for
a whole group of documents at once (one read of their annotations' spans, one multi-row
insert, one version bump) instead of six queries per span:

- offsets inside the document and a known label (the database checks both as well);
- a suggestion identical to a span the annotation already has (same start, end and label, in
  any state) is skipped, so running a pre-tagger again adds nothing twice;
- accepted spans (made or confirmed by a person) are never changed or removed; under the
  `refuse` and `replace` overlap policies a suggestion that overlaps any existing span (or an
  earlier suggestion of the same run) is dropped, so the annotation keeps at most one span per
  token as a spaCy NER corpus needs (suggestions are taken in the order given, so an
  earlier one wins); under `allow` only a suggestion overlapping an accepted
  span *of the same label* is dropped;
- the annotation's version is bumped (concurrent editors notice) but its status is kept: a
  pre-tagged document stays `new` until a person edits it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from annotator.core.model import OverlapPolicy, Span, SpanState, Status
from annotator.store.tables import Annotation, Document, SpanRow, table_of, utcnow

S = table_of(SpanRow)
N = table_of(Annotation)
D = table_of(Document)


@dataclass(frozen=True, slots=True)
class NewSuggestion:
    start: int
    end: int
    label: str  # a project label
    score: float | None
    origin: str


@dataclass
class SuggestionCounts:
    added: int = 0
    identical: int = 0  # already in the annotation (re-run, or a person made the same span)
    overlapping_accepted: int = 0  # dropped: would overlap a person's span
    overlapping_suggested: int = 0  # dropped: overlaps an existing or earlier suggestion
    outside: int = 0  # offsets outside the text (a pre-tagger bug; never stored)

    def add(self, other: SuggestionCounts) -> None:
        self.added += other.added
        self.identical += other.identical
        self.overlapping_accepted += other.overlapping_accepted
        self.overlapping_suggested += other.overlapping_suggested
        self.outside += other.outside


class _Intervals:
    """Spans sorted by start, for "which of them overlap [start, end)" in O(log n + k)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [span.start for span in self.spans]
        self.longest = max((span.end - span.start for span in self.spans), default=0)

    def overlapping(self, span: Span) -> list[Span]:
        first = bisect_left(self.starts, span.start - self.longest)
        last = bisect_left(self.starts, span.end)
        return [other for other in self.spans[first:last] if other.overlaps(span)]

    def add(self, span: Span) -> None:
        position = bisect_left(self.spans, span)
        self.spans.insert(position, span)
        self.starts.insert(position, span.start)
        self.longest = max(self.longest, span.end - span.start)


CHUNK = 500  # ids per IN (...) list


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for first in range(0, len(ids), CHUNK):
        yield list(ids[first:first + CHUNK])


def annotations_for(c: Connection, doc_ids: Sequence[int],
                    annotator_id: int) -> dict[int, tuple[int, Status]]:
    """Document id -> (id, status) of ANNOTATOR_ID's annotation of each of DOC_IDS; missing ones
    are created `new` (one multi-row insert)."""
    found: dict[int, tuple[int, Status]] = {}

    def read(ids: Sequence[int]) -> None:
        for chunk in _chunks(ids):
            for row in c.execute(select(N.c.document_id, N.c.id, N.c.status).where(
                    N.c.annotator_id == annotator_id, N.c.document_id.in_(chunk))):
                found[int(row.document_id)] = (int(row.id), Status(row.status))

    read(doc_ids)
    missing = [doc_id for doc_id in dict.fromkeys(doc_ids) if doc_id not in found]
    if missing:
        now = utcnow()
        c.execute(insert(N), [{"document_id": doc_id, "annotator_id": annotator_id,
                               "status": str(Status.NEW), "version": 0, "created_at": now,
                               "updated_at": now} for doc_id in missing])
        read(missing)
    return found


def annotation_for(c: Connection, doc_id: int, annotator_id: int) -> tuple[int, Status]:
    """(id, status) of the annotation of DOC_ID by ANNOTATOR_ID, created `new` if missing."""
    return annotations_for(c, [doc_id], annotator_id)[doc_id]


class _Occupied:
    """What an annotation already holds, as far as new suggestions are concerned."""

    def __init__(self, existing: list[tuple[Span, str]], policy: OverlapPolicy) -> None:
        self.identities = {span for span, _state in existing}
        self.accepted = {span for span, state in existing if state == str(SpanState.ACCEPTED)}
        self.policy = policy
        self.intervals = _Intervals(span for span, _state in existing
                                    if policy is not OverlapPolicy.ALLOW or span in self.accepted)

    def choose(self, length: int, suggestions: Sequence[NewSuggestion],
               counts: SuggestionCounts) -> list[NewSuggestion]:
        """The suggestions to store, in the order given (earlier ones win overlaps)."""
        kept: list[NewSuggestion] = []
        allow = self.policy is OverlapPolicy.ALLOW
        for suggestion in suggestions:
            span = Span(suggestion.start, suggestion.end, suggestion.label)
            if not 0 <= span.start < span.end <= length:
                counts.outside += 1
                continue
            if span in self.identities:
                counts.identical += 1
                continue
            others = self.intervals.overlapping(span)
            if allow:
                others = [o for o in others if o.label == span.label]
            if others:
                if any(o in self.accepted for o in others):
                    counts.overlapping_accepted += 1
                else:
                    counts.overlapping_suggested += 1
                continue
            self.identities.add(span)
            if not allow:
                self.intervals.add(span)
            kept.append(suggestion)
        return kept


def add_suggestions_bulk(c: Connection, items: Sequence[tuple[int, int, Sequence[NewSuggestion]]],
                         policy: OverlapPolicy) -> list[SuggestionCounts]:
    """Store suggestions for several annotations at once: ITEMS are (annotation id, length of its
    document in code points, suggestions with labels already checked against the project).
    One read of the annotations' spans, one multi-row insert and one version bump per
    CHUNK annotations; counts per item, in order. Call inside a write transaction."""
    ids = list(dict.fromkeys(annotation_id for annotation_id, _length, _found in items))
    existing: dict[int, list[tuple[Span, str]]] = {annotation_id: [] for annotation_id in ids}
    for chunk in _chunks(ids):
        for r in c.execute(select(S.c.annotation_id, S.c.start, S.c.end, S.c.label, S.c.state)
                           .where(S.c.annotation_id.in_(chunk))):
            existing[r.annotation_id].append((Span(r.start, r.end, r.label), r.state))
    occupied = {annotation_id: _Occupied(spans, policy) for annotation_id, spans in existing.items()}
    results: list[SuggestionCounts] = []
    rows: list[dict[str, object]] = []
    touched: set[int] = set()
    now = utcnow()
    for annotation_id, length, suggestions in items:
        counts = SuggestionCounts()
        kept = occupied[annotation_id].choose(length, suggestions, counts)
        counts.added = len(kept)
        results.append(counts)
        if kept:
            touched.add(annotation_id)
            rows += [{"annotation_id": annotation_id, "start": s.start, "end": s.end,
                      "label": s.label, "state": str(SpanState.SUGGESTED), "origin": s.origin,
                      "score": s.score, "created_at": now, "updated_at": now} for s in kept]
    if rows:
        c.execute(insert(S), rows)
    for chunk in _chunks(sorted(touched)):
        c.execute(update(N).where(N.c.id.in_(chunk)).values(
            version=N.c.version + 1, updated_at=now))
    return results


def add_suggestions(c: Connection, annotation_id: int, length: int,
                    suggestions: Sequence[NewSuggestion], policy: OverlapPolicy) -> SuggestionCounts:
    """Store SUGGESTIONS (labels already checked against the project) in ANNOTATION_ID, whose
    document has LENGTH code points. Call inside a write transaction."""
    return add_suggestions_bulk(c, [(annotation_id, length, suggestions)], policy)[0]


def remove_suggestions(c: Connection, annotation_ids: Sequence[int],
                       origin_prefix: str = "") -> int:
    """Delete the suggestions (never accepted spans) of ANNOTATION_IDS, only those whose origin
    starts with ORIGIN_PREFIX when given; returns how many. Undoes a pre-tagging run."""
    removed = 0
    for chunk in _chunks(annotation_ids):
        condition = [S.c.annotation_id.in_(chunk), S.c.state == str(SpanState.SUGGESTED)]
        if origin_prefix:
            condition.append(S.c.origin.startswith(origin_prefix, autoescape=True))
        touched = set(c.execute(select(S.c.annotation_id).where(*condition).distinct()).scalars())
        removed += int(c.execute(delete(S).where(*condition)).rowcount or 0)
        if touched:
            c.execute(update(N).where(N.c.id.in_(touched)).values(
                version=N.c.version + 1, updated_at=utcnow()))
    return removed
