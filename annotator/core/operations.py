"""Edits as named domain operations.

Every change an annotator makes is one of these values. The store applies an operation in one
committed transaction and returns a `Change`: what was added, removed, updated, and the
operation that undoes it. Undo/redo (core.history) replays those inverses; the UI only wraps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import ORIGIN_MANUAL, LabelSpec, SpanState, Status, StoredSpan
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


# ---------------------------------------------------------------- the label set
# Project-wide edits of the labels (store/label_edits.py applies them, each in one
# transaction). A rename or merge keeps every span: suggestions and every annotator's spans.


@dataclass(frozen=True)
class AddLabel:
    spec: LabelSpec


@dataclass(frozen=True)
class RenameLabel:
    name: str
    new_name: str


@dataclass(frozen=True)
class RecolorLabel:
    name: str
    color: str  # #RRGGBB


@dataclass(frozen=True)
class SetLabelHotkey:
    name: str
    hotkey: str  # one letter or digit, unique; "" for none


@dataclass(frozen=True)
class SetLabelDescription:
    name: str
    description: str


@dataclass(frozen=True)
class ReorderLabels:
    names: tuple[str, ...]  # every label, once, in the new order


@dataclass(frozen=True)
class RemoveLabel:
    """Remove a label. One in use (spans, gazetteer names, time records) is refused unless
    told what becomes of them: `spans_to` relabels them (as `MergeLabels` does), or
    `delete_spans` deletes them; nothing is ever dropped silently."""

    name: str
    spans_to: str | None = None
    delete_spans: bool = False


@dataclass(frozen=True)
class MergeLabels:
    """Every span of SOURCE becomes TARGET and SOURCE is removed. Where a span of SOURCE and
    one of TARGET lie on the same offsets in one annotation, one is kept (the accepted one,
    else TARGET's) and the Change's `label_report` names it."""

    source: str
    target: str


Row = tuple[tuple[str, object], ...]  # a table row as (column, value) pairs


@dataclass(frozen=True)
class RestoreLabel:
    """The inverse of removing or merging a label: put it back at POSITION, relabel the rows
    moved to MOVED_TO back, insert the deleted rows again under their ids."""

    spec: LabelSpec
    position: int
    moved_to: str | None = None
    moved: tuple[tuple[str, tuple[int, ...]], ...] = ()  # table -> ids relabelled to moved_to
    deleted: tuple[tuple[str, Row], ...] = ()  # (table, row) deleted with the label


LabelOperation = (
    AddLabel | RenameLabel | RecolorLabel | SetLabelHotkey | SetLabelDescription
    | ReorderLabels | RemoveLabel | MergeLabels | RestoreLabel
)
LABEL_OPERATIONS = (AddLabel, RenameLabel, RecolorLabel, SetLabelHotkey, SetLabelDescription,
                    ReorderLabels, RemoveLabel, MergeLabels, RestoreLabel)

Operation = (
    AddSpan | DeleteSpan | RelabelSpan | ResizeSpan | AcceptSuggestion | RejectSuggestion
    | RestoreState | AcceptAllSuggestions | SetStatus | Batch | LabelOperation
)


@dataclass(frozen=True)
class LabelReport:
    """What a label operation did to the rows that use the label."""

    spans_relabelled: int = 0
    spans_deleted: int = 0
    duplicates: tuple[tuple[StoredSpan, StoredSpan], ...] = ()  # (kept, dropped) on merging
    gazetteer_relabelled: int = 0
    gazetteer_deleted: int = 0  # deleted, or dropped as the same name under both labels
    time_records_relabelled: int = 0
    time_records_deleted: int = 0


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
    labels: bool = False  # the label set changed (a label operation)
    label_report: LabelReport | None = None

    def merge(self, other: Change) -> None:
        self.added.extend(other.added)
        self.removed.extend(other.removed)
        self.updated.extend(other.updated)
        self.status = other.status or self.status
        self.annotation_ids |= other.annotation_ids
        self.statuses.update(other.statuses)
        self.document_ids |= other.document_ids
        self.labels = self.labels or other.labels

    @property
    def spans_changed(self) -> bool:
        return bool(self.added or self.removed or self.updated)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.updated or self.status or self.labels)


def describe(operation: Operation) -> str:
    """A short human name for menus such as 'Undo relabel span'."""
    names = {
        AddSpan: "add span", DeleteSpan: "delete span", RelabelSpan: "relabel span",
        ResizeSpan: "resize span", AcceptSuggestion: "accept suggestion",
        RejectSuggestion: "reject suggestion", RestoreState: "restore suggestion",
        AcceptAllSuggestions: "accept all suggestions", SetStatus: "set status",
        AddLabel: "add label", RenameLabel: "rename label", RecolorLabel: "recolour label",
        SetLabelHotkey: "set label hotkey", SetLabelDescription: "describe label",
        ReorderLabels: "reorder labels", RemoveLabel: "remove label",
        MergeLabels: "merge labels", RestoreLabel: "restore label",
    }
    if isinstance(operation, Batch):
        return operation.name
    return names[type(operation)]
