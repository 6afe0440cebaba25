"""The edits the property test `test_edit_paths_agree.py` draws, and how a drawn step becomes a
domain operation.

A step names its targets by reference, not by id (ids are the database's): `Example` resolves
a reference against what the projects hold when the step runs, so any sequence is meaningful
and shrinks well. Most references hit a live span or a real annotation; some hit a span that
is gone, or an id nothing has.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from annotator.core.model import SpanState, Status
from annotator.core.operations import (
    AcceptSuggestion,
    AddSpan,
    DeleteSpan,
    Operation,
    RejectSuggestion,
    RelabelSpan,
    ResizeSpan,
    SetStatus,
)

TEXTS = ("كتب أحمد إلى سارة في موسكو", "زارَ عليٌّ القاهرة")  # the second has diacritics
LABELS = ("PERS", "LOC", "مكان")
UNKNOWN_LABEL = "ORG"
MISSING = 10**6  # no span or annotation has this id


@dataclass(frozen=True)
class Add:
    annotation: int  # which annotation (see `Example.annotation`); 9: one that does not exist
    start: int
    end: int
    label: str
    state: SpanState
    origin: str
    score: float | None
    replace: bool | None


@dataclass(frozen=True)
class Relabel:
    span: int  # which span id (see `Example.span`)
    label: str


@dataclass(frozen=True)
class Delete:
    span: int


@dataclass(frozen=True)
class Reject:
    span: int


@dataclass(frozen=True)
class SetStatusTo:
    annotation: int
    status: Status


@dataclass(frozen=True)
class Undo:
    change: int  # which earlier change, counted back from the latest (0: the latest)


@dataclass(frozen=True)
class Redo:
    change: int  # re-apply an earlier change's (pinned) operation


@dataclass(frozen=True)
class Reload:
    annotation: int  # the store reads the spans again: its view of the annotation is current


@dataclass(frozen=True)
class Resize:
    span: int  # not an everyday edit: both paths take the general one; it is here because the
    start: int  # fast path then relies on what the general path left (the span-length bound)
    end: int


@dataclass(frozen=True)
class Accept:
    span: int  # not an everyday edit either: makes accepted spans out of suggestions


Edit = Add | Relabel | Delete | Reject | SetStatusTo | Resize | Accept


@dataclass(frozen=True)
class Colleague:
    edit: Edit  # another store on the project (with no view of it) makes this edit, by the same
    # path: this store's view of the annotation goes stale


Step = Edit | Undo | Redo | Reload | Colleague


offsets = st.integers(-1, len(TEXTS[0]) + 1)
widths = st.integers(-1, 8)  # empty and reversed spans too
span_refs = st.integers(0, 15)
labels = st.sampled_from((*LABELS, UNKNOWN_LABEL))


@st.composite
def adds(draw: st.DrawFn) -> Add:
    start = draw(offsets)
    return Add(
        annotation=draw(st.integers(0, 9)),
        start=start,
        end=start + draw(widths),
        label=draw(labels),
        state=draw(st.sampled_from(SpanState)),
        origin=draw(st.sampled_from(("manual", "imported", "model:ar_core", "معجم"))),
        score=draw(st.none() | st.sampled_from((0.0, 1.0)) | st.floats(0, 1)),
        replace=draw(st.none() | st.booleans()),
    )


@st.composite
def resizes(draw: st.DrawFn) -> Resize:
    span, start = draw(span_refs), draw(offsets)
    return Resize(span, start, start + draw(widths))


everyday_edits = st.one_of(
    adds(), adds(), adds(),  # adds weigh most: the other edits need spans to work on
    st.builds(Relabel, span_refs, labels),
    st.builds(Delete, span_refs),
    st.builds(Reject, span_refs),
    st.builds(SetStatusTo, st.integers(0, 9), st.sampled_from(Status)),
)
steps = st.one_of(
    everyday_edits,
    resizes(),
    st.builds(Accept, span_refs),
    st.builds(Undo, st.integers(0, 6)),
    st.builds(Redo, st.integers(0, 6)),
    st.builds(Reload, st.integers(0, 9)),
    st.builds(Colleague, everyday_edits),
)
# hypothesis keeps most lists short; the second branch makes long sequences common, and a
# failure can still shrink to a short one
sequences = st.lists(steps, max_size=10) | st.lists(steps, min_size=10, max_size=40)


@dataclass
class Example:
    """What the references of the steps resolve against: the annotations of the example, and
    the span ids the projects hold (the same in both while the paths agree)."""

    annotations: list[int]
    live: list[int]  # the span ids the projects hold now
    gone: set[int]  # and those they held once (deleted or replaced: E109)

    def annotation(self, ref: int) -> int:
        return MISSING if ref == 9 else self.annotations[ref % len(self.annotations)]

    def span(self, ref: int) -> int:
        if self.live and ref < 12:
            return self.live[ref % len(self.live)]
        candidates = [*sorted(self.gone), MISSING]
        return candidates[ref % len(candidates)]

    def add(self, step: Add) -> AddSpan:
        return AddSpan(self.annotation(step.annotation), step.start, step.end, step.label,
                       step.state, step.origin, step.score, replace_overlapping=step.replace)


def operation(example: Example, step: Edit) -> Operation:
    """The domain operation STEP stands for, now."""
    if isinstance(step, Add):
        return example.add(step)
    if isinstance(step, Relabel):
        return RelabelSpan(example.span(step.span), step.label)
    if isinstance(step, Delete):
        return DeleteSpan(example.span(step.span))
    if isinstance(step, Reject):
        return RejectSuggestion(example.span(step.span))
    if isinstance(step, Resize):
        return ResizeSpan(example.span(step.span), step.start, step.end)
    if isinstance(step, Accept):
        return AcceptSuggestion(example.span(step.span))
    return SetStatus(example.annotation(step.annotation), step.status)
