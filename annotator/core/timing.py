"""Annotation time: how long an annotator actively worked on a document and on each span.

A pure recorder, no Qt and no I/O. The window forwards events (any key or mouse activity,
focus in and out, a document opened (with or without pre-tags) or closed, a span accepted,
corrected, rejected or created) and the recorder turns them into records the store writes in
batches (`drain`). Time comes from an
injected clock (seconds, monotonic), so tests drive it with a fake one.

What counts as active time: the stretch between two consecutive events while a document is
open and the window has focus, as long as that stretch is no longer than `idle_threshold`.
A longer gap (the annotator went for coffee) counts nothing, and neither does any time with
the window unfocused. The time to a span is the active time since the previous span decision
in that document (or since the document was opened).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

DEFAULT_IDLE_THRESHOLD = 60.0


class Decision(Enum):
    ACCEPTED = "accepted"    # a suggestion (pre-tag) kept as it was
    CORRECTED = "corrected"  # a suggestion (or a span) kept with another label or boundary
    REJECTED = "rejected"    # a suggestion deleted
    CREATED = "created"      # a new span the annotator made where no suggestion was


@dataclass(frozen=True)
class DocumentTime:
    """Active seconds one annotator spent on one document during one opening."""

    annotator: str
    doc_id: int
    active_seconds: float
    pretagged: bool = False  # the document held pre-tags (suggestions) when it was opened


@dataclass(frozen=True)
class SpanTime:
    """Active seconds from the previous decision in the document to this one."""

    annotator: str
    doc_id: int
    label: str
    decision: Decision
    active_seconds: float
    pretagged: bool = False
    span_id: int | None = None  # the span decided on (a rejected one no longer exists)
    start: int | None = None
    end: int | None = None


TimeRecord = DocumentTime | SpanTime


class TimeRecorder:
    def __init__(self, clock: Callable[[], float],
                 idle_threshold: float = DEFAULT_IDLE_THRESHOLD) -> None:
        if idle_threshold <= 0:
            raise ValueError("idle_threshold must be positive")
        self._clock = clock
        self._idle_threshold = idle_threshold
        self._focused = True
        self._annotator: str | None = None
        self._doc_id: int | None = None
        self._pretagged = False
        self._last_event = 0.0
        self._document_seconds = 0.0
        self._since_decision = 0.0
        self._pending: list[TimeRecord] = []

    @property
    def open_document(self) -> int | None:
        return self._doc_id

    def _tick(self) -> None:
        """Count the stretch since the last event if it was active, then start a new one."""
        now = self._clock()
        if self._doc_id is not None and self._focused:
            gap = now - self._last_event
            if 0 <= gap <= self._idle_threshold:
                self._document_seconds += gap
                self._since_decision += gap
        self._last_event = now

    def activity(self) -> None:
        self._tick()

    def focus_in(self) -> None:
        self._tick()
        self._focused = True

    def focus_out(self) -> None:
        self._tick()
        self._focused = False

    def document_opened(self, annotator: str, doc_id: int, pretagged: bool = False) -> None:
        self.document_closed()
        self._annotator, self._doc_id, self._pretagged = annotator, doc_id, pretagged
        self._document_seconds = self._since_decision = 0.0
        self._last_event = self._clock()

    def document_closed(self) -> None:
        self.flush_open_document()
        self._annotator = self._doc_id = None

    def span_decided(self, decision: Decision, label: str, span_id: int | None = None,
                     start: int | None = None, end: int | None = None) -> None:
        if self._doc_id is None or self._annotator is None:
            return
        self._tick()
        self._pending.append(SpanTime(self._annotator, self._doc_id, label, decision,
                                      self._since_decision, self._pretagged, span_id, start,
                                      end))
        self._since_decision = 0.0

    def flush_open_document(self) -> None:
        """Hand over the open document's time so far (for a periodic save); keeps it open."""
        if self._doc_id is None or self._annotator is None:
            return
        self._tick()
        if self._document_seconds > 0:
            self._pending.append(DocumentTime(self._annotator, self._doc_id,
                                              self._document_seconds, self._pretagged))
        self._document_seconds = 0.0

    def drain(self) -> list[TimeRecord]:
        """The records made since the last drain, oldest first, for one batched write."""
        records, self._pending = self._pending, []
        return records
