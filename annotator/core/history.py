"""Undo and redo over domain operations: each step replays the inverse the store returned."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.operations import Change, Operation

Apply = Callable[[Operation], Change]


class History:
    """A linear undo/redo history. `apply` is the store's transactional apply function."""

    def __init__(self, apply: Apply, limit: int = 1000) -> None:
        self._apply = apply
        self._limit = limit
        self._undo: list[Change] = []
        self._redo: list[Change] = []

    def do(self, operation: Operation) -> Change:
        change = self._apply(operation)
        if not change.empty:
            self._undo.append(change)
            del self._undo[: -self._limit]
            self._redo.clear()
        return change

    def undo(self) -> Change | None:
        if not self._undo:
            return None
        change = self._apply(self._undo[-1].inverse)
        self._redo.append(self._undo.pop())
        # the redo entry must re-apply the forward operation; ids restored by the inverse match
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        forward = self._redo.pop()
        change = self._apply(forward.operation)
        self._undo.append(change)
        return change

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)
