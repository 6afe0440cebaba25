"""Edits as named domain operations.

Every change an annotator makes is one of these values. The store applies an operation in one
committed transaction and returns a `Change`: what was added, removed, updated, and the
operation that undoes it. Undo/redo (core.history) replays those inverses; the UI only wraps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import ORIGIN_MANUAL, SpanState, Status, StoredSpan
from annotator.core.timing import TimeRecord


@dataclass(frozen=True)
class AddSpan:
    annotation_id: int
    start: int
    end: int
    label: str
    state: SpanState = SpanState.ACCEPTED
    origin: str = ORIGIN_MANUAL
    score: float | None = None
    span_id: int | None = None  # set when undo restores a deleted span under its old id
    replace_overlapping: bool | None = None  # None: follow the project's overlap policy


@dataclass(frozen=True)
class DeleteSpan:
    span_id: int


@dataclass(frozen=True)
class RelabelSpan:
    span_id: int
    label: str


@dataclass(frozen=True)
class ResizeSpan:
    span_id: int
    start: int
    end: int


@dataclass(frozen=True)
class AcceptSuggestion:
    span_id: int


@dataclass(frozen=True)
class RejectSuggestion:
    span_id: int


@dataclass(frozen=True)
class RestoreState:
    """Set a span's state back (the inverse of accepting a suggestion)."""

    span_id: int
    state: SpanState


@dataclass(frozen=True)
class AcceptAllSuggestions:
    annotation_id: int


@dataclass(frozen=True)
class SetStatus:
    annotation_id: int
    status: Status


@dataclass(frozen=True)
class Batch:
    """Several operations applied as one transaction and undone as one step."""

    operations: tuple[Operation, ...]
    name: str = "batch"


@dataclass(frozen=True)
class RecordTime:
    """Store annotation time: the records of `core.timing.TimeRecorder` (active seconds per
    document, seconds to each span decision). Not an edit of any annotation: it moves no
    version or status and has no inverse (nobody undoes the clock), so it is not an `Operation`;
    `ProjectStore.record_time` applies it in one transaction, all records or none."""

    records: tuple[TimeRecord, ...]


Operation = (
    AddSpan | DeleteSpan | RelabelSpan | ResizeSpan | AcceptSuggestion | RejectSuggestion
    | RestoreState | AcceptAllSuggestions | SetStatus | Batch
)


@dataclass
class Change:
    """What one applied operation changed, and how to undo it.

    `status` is the move of the annotation's status, whether the operation set it (SetStatus)
    or the store moved it (the first edit of a new annotation puts it in progress); `statuses`
    holds the status of every annotation touched as the edit left it, and `document_ids` their
    documents, so views update without asking the store again.
    """

    operation: Operation
    inverse: Operation
    added: list[StoredSpan] = field(default_factory=list)
    removed: list[StoredSpan] = field(default_factory=list)
    updated: list[tuple[StoredSpan, StoredSpan]] = field(default_factory=list)  # (before, after)
    status: tuple[Status, Status] | None = None  # (before, after)
    annotation_ids: set[int] = field(default_factory=set)
    statuses: dict[int, Status] = field(default_factory=dict)  # annotation id -> status after
    document_ids: set[int] = field(default_factory=set)

    def merge(self, other: Change) -> None:
        self.added.extend(other.added)
        self.removed.extend(other.removed)
        self.updated.extend(other.updated)
        self.status = other.status or self.status
        self.annotation_ids |= other.annotation_ids
        self.statuses.update(other.statuses)
        self.document_ids |= other.document_ids

    @property
    def spans_changed(self) -> bool:
        return bool(self.added or self.removed or self.updated)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.updated or self.status)


def describe(operation: Operation) -> str:
    """A short human name for menus such as 'Undo relabel span'."""
    names = {
        AddSpan: "add span", DeleteSpan: "delete span", RelabelSpan: "relabel span",
        ResizeSpan: "resize span", AcceptSuggestion: "accept suggestion",
        RejectSuggestion: "reject suggestion", RestoreState: "restore suggestion",
        AcceptAllSuggestions: "accept all suggestions", SetStatus: "set status",
    }
    if isinstance(operation, Batch):
        return operation.name
    return names[type(operation)]
