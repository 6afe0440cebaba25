"""One annotator's work on one document: its text, spans and undo history.

Every edit goes through `Project.apply` (wrapped by `History` for undo/redo) and is committed
before `apply` returns. The span index and the status are updated from the returned `Change`
(the status move the store made is part of it), and `changed` tells the views what to
repaint; nothing is reloaded from the store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.model import Direction, SpanState
from annotator.core.operations import Change, Operation
from annotator.text.plain import detect_direction
from annotator.ui.span_index import SpanIndex


class DocumentSession(QObject):
    changed = Signal(object)  # Change, after the index is up to date
    failed = Signal(str)  # a refused edit, as a one-line message with its error code
    decided = Signal(object)  # Change of an edit the annotator made (not an undo or redo)

    def __init__(self, project: Project, doc_id: int, annotator: str,
                 history: History | None = None) -> None:
        super().__init__()
        self.project = project
        self.doc_id = doc_id
        self.annotator = annotator
        self.text = project.document_text(doc_id)
        self.annotation_id = project.annotation_id(doc_id, annotator)
        self.index = SpanIndex(project.spans(self.annotation_id))
        self.history = history if history is not None else History(project.apply)
        self.status = project.annotation_status(self.annotation_id)
        self.dirty_ranges: list[tuple[int, int]] = []

    def detected_direction(self) -> Direction:
        """RTL or LTR from the first strong character (LTR when there is none)."""
        return detect_direction(self.text, default=Direction.LTR)

    # ------------------------------------------------------------------ edits
    def apply(self, operation: Operation) -> Change | None:
        """Apply and store OPERATION; None (and `failed`) when the store refuses it."""
        try:
            change = self.history.do(operation)
        except AnnotatorError as err:
            self.failed.emit(str(err))
            return None
        self._absorb(change)
        self.decided.emit(change)
        return change

    def undo(self) -> Change | None:
        return self._replay(self.history.undo)

    def redo(self) -> Change | None:
        return self._replay(self.history.redo)

    def _replay(self, step: Callable[[], Change | None]) -> Change | None:
        try:
            change = step()
        except AnnotatorError as err:
            self.failed.emit(str(err))
            return None
        return self._absorb(change) if change is not None else None

    def _absorb(self, change: Change) -> Change:
        self.dirty_ranges = self.index.apply(change)
        self.status = change.statuses.get(self.annotation_id, self.status)
        self.changed.emit(change)
        return change

    def reload(self) -> None:
        """Read the spans and status again (someone else, or a bulk job, changed them); the
        undo history is kept: its steps are checked against the store when replayed."""
        self.index = SpanIndex(self.project.spans(self.annotation_id))
        self.status = self.project.annotation_status(self.annotation_id)

    # ------------------------------------------------------------------ counts
    @property
    def suggestion_count(self) -> int:
        return sum(1 for s in self.index if s.state is SpanState.SUGGESTED)
