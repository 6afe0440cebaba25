"""Adjudication: from several annotators' spans of one document to one gold annotation.

Pure domain code (no Qt, no SQL). For one document and the annotators who finished it:

* AGREED spans are those every annotator made exactly (same start, end and label); they are
  pre-merged into the gold set without asking;
* every other span belongs to a CONFLICT: a group of spans (of any annotators) that overlap one
  another, directly or through a chain. A conflict lists, for every annotator, the spans they
  made in it (none: "no entity here"), and its distinct VERSIONS with who gave each;
* the curator resolves a conflict by picking a version (or editing, or adding spans); picking
  replaces whatever gold spans lie in the conflict (agreed spans stay) by the version's spans.

The store side (reading annotations, applying operations, progress) is `store/adjudication.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from annotator.core.model import ORIGIN_ADJUDICATED, Span, StoredSpan
from annotator.core.operations import AddSpan, Batch, DeleteSpan, Operation


class ConflictKind(StrEnum):
    MISSING = "missing"  # some annotators marked an entity here, others nothing
    BOUNDARY = "boundary"  # overlapping spans with different offsets
    LABEL = "label"  # the same offsets with different labels


class ConflictState(StrEnum):
    OPEN = "open"  # no gold span in the conflict yet
    PICKED = "picked"  # the gold spans in the conflict are one annotator's version
    EDITED = "edited"  # the gold spans in the conflict are the curator's own


@dataclass(frozen=True)
class Version:
    """One distinct reading of a conflict and the annotators who gave it."""

    spans: tuple[Span, ...]  # sorted; empty = no entity here
    annotators: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    start: int  # the extent of the conflict's spans
    end: int
    by_annotator: Mapping[str, tuple[Span, ...]]  # every annotator compared; () = nothing here

    @property
    def versions(self) -> tuple[Version, ...]:
        """Distinct readings, the best supported first (then in annotator order)."""
        readings: dict[tuple[Span, ...], list[str]] = {}
        for name, spans in self.by_annotator.items():
            readings.setdefault(spans, []).append(name)
        ordered = sorted(readings.items(), key=lambda item: -len(item[1]))
        return tuple(Version(spans, tuple(names)) for spans, names in ordered)

    @property
    def kinds(self) -> tuple[ConflictKind, ...]:
        """What the annotators disagree on (one or more kinds, in a fixed order)."""
        readings = list(self.by_annotator.values())
        kinds: list[ConflictKind] = []
        if any(not spans for spans in readings):
            kinds.append(ConflictKind.MISSING)
        made = [spans for spans in readings if spans]
        offsets = {tuple((s.start, s.end) for s in spans) for spans in made}
        if len(offsets) > 1:
            kinds.append(ConflictKind.BOUNDARY)
        if _same_range_other_label(made):
            kinds.append(ConflictKind.LABEL)
        return tuple(kinds)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def _same_range_other_label(readings: list[tuple[Span, ...]]) -> bool:
    labels_by_range: dict[tuple[int, int], set[str]] = {}
    for spans in readings:
        for span in spans:
            labels_by_range.setdefault((span.start, span.end), set()).add(span.label)
    return any(len(labels) > 1 for labels in labels_by_range.values())


@dataclass(frozen=True)
class DocumentAdjudication:
    """What the annotators of one document agree on and where they differ."""

    doc_id: int
    annotators: tuple[str, ...]  # those who finished the document, compared
    agreed: tuple[Span, ...]
    conflicts: tuple[Conflict, ...]  # sorted by start

    def conflict_at(self, start: int, end: int) -> Conflict | None:
        return next((c for c in self.conflicts if c.overlaps(start, end)), None)


def compare_annotations(doc_id: int,
                        annotations: Mapping[str, Sequence[Span]]) -> DocumentAdjudication:
    """Agreed spans and conflicts of one document's ANNOTATIONS (annotator -> spans)."""
    names = tuple(annotations)
    sets = {name: set(spans) for name, spans in annotations.items()}
    agreed = set.intersection(*sets.values()) if sets else set()
    rest = sorted((span, name) for name, spans in sets.items() for span in spans
                  if span not in agreed)
    conflicts: list[Conflict] = []
    group: list[tuple[Span, str]] = []
    group_end = 0
    for span, name in rest:  # sorted by start: a span starting at or after the end opens a new group
        if group and span.start >= group_end:
            conflicts.append(_conflict(group, names))
            group = []
        group_end = max(group_end, span.end) if group else span.end
        group.append((span, name))
    if group:
        conflicts.append(_conflict(group, names))
    return DocumentAdjudication(doc_id, names, tuple(sorted(agreed)), tuple(conflicts))


def _conflict(group: list[tuple[Span, str]], names: tuple[str, ...]) -> Conflict:
    by_annotator: dict[str, list[Span]] = {name: [] for name in names}
    for span, name in group:
        by_annotator[name].append(span)
    return Conflict(
        start=min(span.start for span, _ in group), end=max(span.end for span, _ in group),
        by_annotator={name: tuple(sorted(spans)) for name, spans in by_annotator.items()})


# ------------------------------------------------------------------ gold and decisions
def gold_in_conflict(conflict: Conflict, gold: Iterable[Span | StoredSpan],
                     agreed: Iterable[Span] = ()) -> list[Span]:
    """The gold spans that decide CONFLICT: those overlapping it, agreed spans excepted."""
    keep = set(agreed)
    spans = (g.span if isinstance(g, StoredSpan) else g for g in gold)
    return sorted(s for s in spans if conflict.overlaps(s.start, s.end) and s not in keep)


def conflict_state(conflict: Conflict, gold: Iterable[Span | StoredSpan],
                   agreed: Iterable[Span] = ()) -> tuple[ConflictState, Version | None]:
    """Whether the gold set decides CONFLICT yet, and by which version if it is one."""
    decided = tuple(gold_in_conflict(conflict, gold, agreed))
    if not decided:
        return ConflictState.OPEN, None
    for version in conflict.versions:
        if version.spans == decided:
            return ConflictState.PICKED, version
    return ConflictState.EDITED, None


def pick_operation(gold_annotation_id: int, gold: Sequence[StoredSpan], conflict: Conflict,
                   chosen: Sequence[Span], agreed: Iterable[Span] = ()) -> Batch:
    """The edit that makes the gold spans in CONFLICT exactly CHOSEN (one undo step)."""
    keep = set(agreed)
    wanted = set(chosen)
    present = {g.span for g in gold}
    operations: list[Operation] = [
        DeleteSpan(g.id) for g in gold
        if conflict.overlaps(g.start, g.end) and g.span not in keep and g.span not in wanted]
    operations += [AddSpan(gold_annotation_id, s.start, s.end, s.label, origin=ORIGIN_ADJUDICATED)
                   for s in sorted(wanted) if s not in present]
    return Batch(tuple(operations), "pick version")


@dataclass(frozen=True)
class PremergePlan:
    operation: Batch  # the agreed spans the gold set lacks, added
    already: int  # agreed spans the gold set has
    blocked: tuple[Span, ...]  # agreed spans left out: they overlap a gold span the curator made


def premerge_operation(gold_annotation_id: int, gold: Sequence[StoredSpan],
                       agreed: Sequence[Span], allow_overlap: bool = False) -> PremergePlan:
    """Add every AGREED span missing from GOLD. A curator's gold span is never removed: unless
    the project allows overlapping spans, an agreed span overlapping one (or overlapping an
    agreed span added before it, in offset order) is left out, as BLOCKED."""
    present = {g.span for g in gold}
    add: list[AddSpan] = []
    blocked: list[Span] = []
    for span in sorted(set(agreed)):
        if span in present:
            continue
        if not allow_overlap and (any(g.overlaps(span.start, span.end) for g in gold) or any(
                a.start < span.end and span.start < a.end for a in add)):
            blocked.append(span)
            continue
        add.append(AddSpan(gold_annotation_id, span.start, span.end, span.label,
                           origin=ORIGIN_ADJUDICATED, replace_overlapping=False))
    return PremergePlan(Batch(tuple(add), "pre-merge agreed spans"),
                        already=len(set(agreed)) - len(add) - len(blocked), blocked=tuple(blocked))
