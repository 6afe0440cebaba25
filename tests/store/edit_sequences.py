"""The edits the property test `test_edit_paths_agree.py` draws, and how a drawn step becomes a
domain operation.

A step names its targets by reference, not by id (ids are the database's): `Example` resolves
a reference against what the projects hold when the step runs, so any sequence is meaningful
and shrinks well. Most references hit a live span or a real annotation; some hit a span that
is gone, or an id nothing has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import example
from hypothesis import strategies as st

from annotator.core.model import OverlapPolicy, SpanState, Status
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
    annotation: int  # which annotation (see `Example.annotation`)
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


# Most drawn edits are valid: a refused edit resets the store's span-length bound, so bugs in
# keeping it (the fast path trusts what earlier edits left) show only between valid edits.
offsets = st.integers(-1, len(TEXTS[1]))  # -1, and spans ending past the shorter text: refused
widths = st.integers(-1, 12)  # empty and reversed spans too, and long ones
annotation_refs = st.integers(0, 19)  # 19: an annotation that does not exist
span_refs = st.integers(0, 19)  # 18 and 19: a span that is gone, or none such
labels = st.sampled_from((*LABELS, *LABELS, *LABELS, UNKNOWN_LABEL))


@st.composite
def adds(draw: st.DrawFn) -> Add:
    start = draw(offsets)
    return Add(
        annotation=draw(annotation_refs),
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
    adds(), adds(), adds(), adds(), adds(),  # adds weigh most: the other edits need spans to work on
    st.builds(Relabel, span_refs, labels),
    st.builds(Delete, span_refs),
    st.builds(Reject, span_refs),
    st.builds(SetStatusTo, annotation_refs, st.sampled_from(Status)),
)
steps = st.one_of(
    everyday_edits,
    resizes(),
    st.builds(Accept, span_refs),
    st.builds(Undo, st.integers(0, 6)),
    st.builds(Redo, st.integers(0, 6)),
    st.builds(Reload, annotation_refs),
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
        return MISSING if ref == 19 else self.annotations[ref % len(self.annotations)]

    def span(self, ref: int) -> int:
        if self.live and ref < 18:
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


# ------------------------------------------------------------------ hand-picked sequences
def _add(start: int, end: int, label: str = "PERS", annotation: int = 0,
         state: SpanState = SpanState.ACCEPTED, replace: bool | None = None) -> Add:
    return Add(annotation, start, end, label, state, "manual", None, replace)


# Run before the drawn ones, every time: interplays a random draw finds only now and then.
# (Span references: 0 is the lowest live id, the imported span of annotation 1 at first.)
HAND_PICKED: list[tuple[OverlapPolicy, int, list[Step]]] = [
    # the span-length bound: a span longer than any before, then spans starting inside it
    # (no refusal between them: a refused edit resets the bound)
    (OverlapPolicy.REFUSE, 1, [_add(0, 8), _add(6, 7, replace=True), _add(5, 7, "LOC")]),
    (OverlapPolicy.REPLACE, 1, [_add(0, 8), _add(5, 7, "LOC"), Undo(0), _add(6, 7)]),
    # a colleague's add leaves the view of annotation 1 stale: each edit that changes what the
    # view showed is refused, an add is merged; after a reload edits go through again
    (OverlapPolicy.REFUSE, 2, [
        Colleague(_add(10, 12, annotation=1)), Relabel(0, "LOC"), Delete(0), Reject(0),
        SetStatusTo(1, Status.DONE), _add(14, 16, annotation=1),
        _add(1, 3, annotation=1, replace=True), Reload(1), Relabel(0, "LOC"), Delete(0)]),
    # undo and redo of an add that replaced two suggestions, and of a rejection (its undo
    # restores the span under its id by the fast path)
    (OverlapPolicy.REPLACE, 1, [
        _add(6, 9, state=SpanState.SUGGESTED), _add(10, 12, state=SpanState.SUGGESTED),
        _add(7, 11, "LOC"), Undo(0), Reject(1), Undo(0), Redo(3), Undo(0)]),
]

Test = TypeVar("Test", bound=Callable[..., None])


def hand_picked(test: Test) -> Test:
    """Hypothesis runs these sequences first (decorate the @given test)."""
    for policy, annotation_count, sequence in HAND_PICKED:
        test = example(policy=policy, annotation_count=annotation_count,
                       sequence=sequence)(test)
    return test
