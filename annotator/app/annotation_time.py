"""Annotation time: what to record for an edit, storing the records, and the time report.

The app's window drives a `core.timing.TimeRecorder` (activity, focus, documents opened and
closed) and, for every edit the annotator makes, asks `decisions_of(change)` which span
decisions it holds (accepted, corrected, rejected, created). The records go to the project with
`record_times` (one transaction, `ProjectStore.record_time`); they stay in the project file or
database (copied with it by `annotator db copy`) and are never sent anywhere.

`time_report` makes the figures of `annotator times` and of the `times` section of
`annotator stats --json`, per annotator (and for everyone), split by documents with and without
pre-tags, so a project sees its own speed-up:

- active time: the seconds the recorder counted (idle gaps and unfocused time left out);
- documents per hour: documents the annotator marked done, per active hour on every document
  with recorded time in that split;
- entities per hour: span decisions that keep a span (accepted, corrected, created) per
  active hour; per label, per hour of the time to that label's decisions (rejections included).

A document counts as pre-tagged when it held a pre-tag (a suggestion, or a span a pre-tagger
made) when opened, in any of its stretches of work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.app.project import Project
from annotator.core.model import (
    ORIGIN_ADJUDICATED,
    ORIGIN_IMPORTED,
    ORIGIN_MANUAL,
    SpanState,
    StoredSpan,
)
from annotator.core.operations import Change, RecordTime
from annotator.core.timing import Decision, TimeRecord
from annotator.store.time_records import RecordedTimes, recorded_times

SPLITS = ("all", "with_pretags", "without_pretags")
KEPT = frozenset({Decision.ACCEPTED.value, Decision.CORRECTED.value, Decision.CREATED.value})
NOT_PRETAGS = frozenset({ORIGIN_MANUAL, ORIGIN_IMPORTED, ORIGIN_ADJUDICATED})


# ----------------------------------------------------------------------------- recording
def had_pretags(spans: Iterable[StoredSpan]) -> bool:
    """Whether a document's spans, as opened, hold a pre-tag: a suggestion, or a span a
    pre-tagger made (its origin names the pre-tagger)."""
    return any(s.state is SpanState.SUGGESTED or s.origin not in NOT_PRETAGS for s in spans)


def decisions_of(change: Change) -> list[tuple[Decision, StoredSpan]]:
    """The span decisions one edit made, each with the span as decided (for a rejection, the
    span as it was). Undo and redo are not decisions; callers pass only the annotator's edits.

    A suggestion accepted as it was is *accepted*; accepted with another label or extent, or
    replaced by a new span over it, *corrected*; deleted, *rejected*. A span changed after it
    was accepted is *corrected*; a new span over no suggestion is *created*. Deleting a span the
    annotator had made is no decision."""
    first: dict[int, StoredSpan] = {}
    last: dict[int, StoredSpan] = {}
    for before, after in change.updated:
        first.setdefault(before.id, before)
        last[after.id] = after
    added_ids = {s.id for s in change.added}
    replaced = [s for s in change.removed
                if s.state is SpanState.SUGGESTED and s.id not in added_ids]
    decisions: list[tuple[Decision, StoredSpan]] = []
    for span_id, after in last.items():
        before = first[span_id]
        moved = (before.start, before.end, before.label) != (after.start, after.end, after.label)
        if moved:
            decisions.append((Decision.CORRECTED, after))
        elif before.state is SpanState.SUGGESTED and after.state is SpanState.ACCEPTED:
            decisions.append((Decision.ACCEPTED, after))
    covered: set[int] = set()
    for span in change.added:
        if span.state is not SpanState.ACCEPTED:
            continue
        under = [s for s in replaced if s.start < span.end and span.start < s.end]
        covered.update(s.id for s in under)
        decisions.append((Decision.CORRECTED if under else Decision.CREATED, span))
    decisions.extend((Decision.REJECTED, s) for s in replaced if s.id not in covered)
    return decisions


def record_times(project: Project, records: Iterable[TimeRecord]) -> int:
    """Store RECORDS in the project (all or none); the number of rows written."""
    batch = tuple(records)
    return project.store.record_time(RecordTime(batch)) if batch else 0


# ----------------------------------------------------------------------------- the report
@dataclass
class Figures:
    """Time and throughput of one annotator (or everyone) in one split, or of one label."""

    active_seconds: float = 0.0
    documents: int = 0  # with recorded time
    documents_done: int = 0
    decisions: dict[str, int] = field(default_factory=lambda: {d.value: 0 for d in Decision})

    @property
    def entities(self) -> int:
        return sum(n for name, n in self.decisions.items() if name in KEPT)

    def per_hour(self, count: int) -> float | None:
        return round(count * 3600 / self.active_seconds, 2) if self.active_seconds > 0 else None

    def to_dict(self, documents: bool = True) -> dict[str, object]:
        entities = self.entities
        out: dict[str, object] = {"active_seconds": round(self.active_seconds, 1)}
        if documents:
            out.update(documents=self.documents, documents_done=self.documents_done,
                       documents_per_hour=self.per_hour(self.documents_done))
        out.update(entities=entities, entities_per_hour=self.per_hour(entities),
                   seconds_per_entity=(round(self.active_seconds / entities, 1)
                                       if entities else None),
                   decisions=dict(self.decisions))
        return out


@dataclass
class AnnotatorTimes:
    splits: dict[str, Figures] = field(default_factory=lambda: {s: Figures() for s in SPLITS})
    labels: dict[str, dict[str, Figures]] = field(default_factory=dict)

    def label(self, name: str) -> dict[str, Figures]:
        return self.labels.setdefault(name, {s: Figures() for s in SPLITS})

    def speed_up(self) -> float | None:
        """Entities per hour with pre-tags over entities per hour without (None: not both)."""
        with_, without = (self.splits[s].per_hour(self.splits[s].entities)
                          for s in ("with_pretags", "without_pretags"))
        return round(with_ / without, 2) if with_ and without else None

    def to_dict(self) -> dict[str, object]:
        return {**{s: f.to_dict() for s, f in self.splits.items()},
                "speed_up": self.speed_up(),
                "per_label": {label: {s: f.to_dict(documents=False) for s, f in splits.items()}
                              for label, splits in sorted(self.labels.items())}}


@dataclass
class TimeReport:
    annotators: dict[str, AnnotatorTimes]
    overall: AnnotatorTimes

    @property
    def empty(self) -> bool:
        return not self.annotators

    def to_dict(self) -> dict[str, object]:
        return {"overall": self.overall.to_dict(),
                "annotators": {n: t.to_dict() for n, t in sorted(self.annotators.items())}}


def time_report(project: Project) -> TimeReport:
    """The figures from every recorded time of PROJECT (see the module docstring)."""
    with project.store.engine.connect() as c:
        recorded = recorded_times(c)
    return report_from(recorded)


def report_from(recorded: RecordedTimes) -> TimeReport:
    annotators: dict[str, AnnotatorTimes] = {}
    overall = AnnotatorTimes()
    for doc in recorded.documents:
        split = "with_pretags" if doc.pretagged else "without_pretags"
        for times in (annotators.setdefault(doc.annotator, AnnotatorTimes()), overall):
            for figures in (times.splits["all"], times.splits[split]):
                figures.active_seconds += doc.seconds
                figures.documents += 1
                figures.documents_done += int(doc.done)
    for decision in recorded.decisions:
        split = "with_pretags" if decision.pretagged else "without_pretags"
        for times in (annotators.setdefault(decision.annotator, AnnotatorTimes()), overall):
            label = times.label(decision.label)
            for key in ("all", split):
                times.splits[key].decisions[decision.decision] += decision.count
                label[key].decisions[decision.decision] += decision.count
                label[key].active_seconds += decision.seconds
    return TimeReport(annotators, overall)
