"""The label set's edits in the window, and which history Edit › Undo steps back.

A label operation (rename, recolour, merge ...) is project-wide: it belongs to no document, so
it has a history of its own, one `History` over `Project.apply`, each operation one step. The
window passes each change to `MainWindow.refresh` (the label bar, the editor's colours, the
Spans panel and the document list follow). `UndoOrder` keeps Edit › Undo and Redo linear over
both kinds of step: they step back the label change or the open document's edit, whichever
was done (or redone) last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.operations import Change, LabelOperation

ORDER_LIMIT = 5000  # steps remembered for the order (each history keeps its own limit too)


class LabelEditing(QObject):
    changed = Signal(object)  # Change of a label operation, its undo or its redo
    failed = Signal(str)  # a refused operation: one line with its error code

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history = History(project.apply)

    def apply(self, operation: LabelOperation) -> Change | None:
        """Apply OPERATION as one undoable step; None (and `failed`) when it is refused."""
        return self._step(lambda: self.history.do(operation))

    def undo(self) -> Change | None:
        return self._step(self.history.undo)

    def redo(self) -> Change | None:
        return self._step(self.history.redo)

    def _step(self, step: Callable[[], Change | None]) -> Change | None:
        try:
            change = step()
        except AnnotatorError as err:
            self.failed.emit(str(err))
            return None
        if change is not None:
            self.changed.emit(change)
        return change


class UndoOrder:
    """The order in which steps of several histories were done, so that Undo takes back the
    latest of those at hand (the label set's, the open document's)."""

    def __init__(self) -> None:
        self._done: list[History] = []
        self._undone: list[History] = []

    def did(self, history: History) -> None:
        """A new step in HISTORY: its redo steps are gone."""
        self._done.append(history)
        del self._done[:-ORDER_LIMIT]
        self._undone = [h for h in self._undone if h is not history]

    def to_undo(self, candidates: Sequence[History]) -> History | None:
        """Of CANDIDATES that can undo, the one whose step was done last."""
        return self._latest(self._done, [h for h in candidates if h.can_undo])

    def to_redo(self, candidates: Sequence[History]) -> History | None:
        return self._latest(self._undone, [h for h in candidates if h.can_redo])

    def undone(self, history: History) -> None:
        _move_last(history, self._done, self._undone)

    def redone(self, history: History) -> None:
        _move_last(history, self._undone, self._done)

    @staticmethod
    def _latest(log: list[History], candidates: list[History]) -> History | None:
        for history in reversed(log):
            if any(history is c for c in candidates):
                return history
        return candidates[0] if candidates else None  # steps from before the log began


def _move_last(history: History, source: list[History], target: list[History]) -> None:
    for i in range(len(source) - 1, -1, -1):
        if source[i] is history:
            del source[i]
            break
    target.append(history)
