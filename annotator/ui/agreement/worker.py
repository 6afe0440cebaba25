"""Run a computation on the thread pool and hand its result back on the GUI thread.

Agreement on a big project takes about a second (tokenizing included); the views stay
responsive meanwhile. Each request carries a generation number so that a result computed for
filters the user has since changed is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class BackgroundJob(QObject):
    """`run(fn)`: FN on a pool thread; `finished(generation, result)` or `failed(generation,
    message)` arrive on this object's (the GUI) thread."""

    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.pool = QThreadPool.globalInstance()

    def run(self, fn: Callable[[], object]) -> int:
        self.generation += 1
        self.pool.start(_Task(fn, self, self.generation))
        return self.generation

    def is_current(self, generation: int) -> bool:
        return generation == self.generation

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (for tests and for closing)."""
        return self.pool.waitForDone(msecs)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], job: BackgroundJob, generation: int) -> None:
        super().__init__()
        self.fn = fn
        self.job = job
        self.generation = generation

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as err:  # noqa: BLE001 (shown to the user, never swallowed)
            self.job.failed.emit(self.generation, str(err) or type(err).__name__)
            return
        self.job.finished.emit(self.generation, result)
