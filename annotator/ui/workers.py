"""Run a domain call on a background thread: progress, a result or a message, and Cancel.

`Worker(job)` runs `job(progress, should_stop)` on its own QThread. The job is plain Python
(pretag_documents, export_project, train_model ...): it reports `progress(done, total)` and
checks `should_stop()`, the cancel flag, between units of work. Exactly one of `finished(result)`
or `failed(message)` follows; an `AnnotatorError` becomes its one-line message with its code,
anything else a short message (its traceback goes to stderr, never to the user's screen).

Connect the signals to methods of QObjects living on the GUI thread (dialogs, windows): Qt
then queues them to that thread.

`ProcessWorker(child)` has the same face for a job in a separate OS process (training: spaCy
holds the interpreter lock, so on a thread it would starve the window).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from annotator.core.errors import AnnotatorError, E

if TYPE_CHECKING:  # multiprocessing loads with the first child process, not with the window
    from annotator.app.child_process import ChildProcess, Ended, Event

Progress = Callable[[int, int], None]  # (done, total)
ShouldStop = Callable[[], bool]  # the cancel flag, checked between units of work
Job = Callable[[Progress, ShouldStop], object]


class Worker(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message for the user

    def __init__(self, job: Job) -> None:
        super().__init__()  # no parent: the worker moves to its thread
        self._job = job
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("annotator-worker")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)
        self.result: object = None
        self.error: str | None = None

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it finishes with what it has done."""
        self._stop.set()

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = -1) -> bool:
        """Block until the thread has ended (True) or MILLISECONDS passed (False)."""
        if milliseconds < 0:
            return self._thread.wait()
        return self._thread.wait(milliseconds)

    def stop_and_wait(self) -> None:
        """For closing windows: cancel, then wait for the job to reach its next check."""
        self.cancel()
        self._thread.quit()
        self._thread.wait()

    def _report(self, done: int, total: int) -> None:
        self.progress.emit(int(done), int(total))

    @Slot()
    def _run(self) -> None:
        try:
            result = self._job(self._report, self._stop.is_set)
        except AnnotatorError as err:
            self.error = str(err)
            self.failed.emit(self.error)
        except Exception as err:  # a bug or a library failure: a message, not a traceback
            traceback.print_exc(file=sys.stderr)
            self.error = str(AnnotatorError(
                E.E900, message=f"Unexpected error: {type(err).__name__}: {err}"[:480]))
            self.failed.emit(self.error)
        else:
            self.result = result
            self.finished.emit(result)
        finally:
            self._thread.quit()


class ProcessWorker(QObject):
    """A `Worker` for a use-case running in a separate OS process (`app.child_process`).

    A QTimer on the GUI thread polls the child's pipe (never blocking): each progress value is
    `reported`, and `measure(value)` turns it into `progress(done, total)`. When the child has
    ended (joined, its temporary files removed) exactly one of `finished(result)` or
    `failed(message)` follows: a child cancelled and stopped before its result finishes with
    None; one that ended without a result otherwise fails with E424 and its exit code.
    """

    progress = Signal(int, int)
    reported = Signal(object)  # each progress value the child sent
    finished = Signal(object)
    failed = Signal(str)
    POLL_MS = 50

    def __init__(self, child: ChildProcess,
                 measure: Callable[[object], tuple[int, int] | None] | None = None) -> None:
        super().__init__()
        self.child = child
        self._measure = measure or (lambda _value: None)
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._outcome: tuple[str, object] | None = None
        self.result: object = None
        self.error: str | None = None

    def start(self) -> None:
        """Start listening (the child was started by the use-case that made it)."""
        self._timer.start()

    def cancel(self) -> None:
        self.child.cancel()

    def cancelled(self) -> bool:
        return self.child.cancelled()

    def is_running(self) -> bool:
        return self.child.running()

    def wait(self, milliseconds: int = -1) -> bool:
        self._handle(self.child.wait(milliseconds / 1000 if milliseconds >= 0 else 3600.0))
        return not self.child.running()

    def stop_and_wait(self) -> None:
        self._handle(self.child.stop_and_wait())

    @Slot()
    def _poll(self) -> None:
        self._handle(self.child.poll())

    def _handle(self, events: list[Event]) -> None:
        from annotator.app.child_process import Ended

        for event in events:
            if isinstance(event, Ended):
                self._timer.stop()
                self._conclude(event)
                continue
            kind, value = event
            if kind == "progress":
                self.reported.emit(value)
                measured = self._measure(value)
                if measured is not None:
                    self.progress.emit(int(measured[0]), int(measured[1]))
            else:
                self._outcome = (kind, value)

    def _conclude(self, ended: Ended) -> None:
        kind, value = self._outcome or ("", None)
        if kind == "done" or (not kind and ended.cancelled):
            self.result = value
            self.finished.emit(value)
            return
        if kind == "failed":
            self.error = str(value)
        elif kind == "unexpected":
            self.error = str(AnnotatorError(E.E900, message=f"Unexpected error: {value}"))
        else:
            self.error = str(AnnotatorError(E.E424, exit_code=ended.exit_code))
        self.failed.emit(self.error)


BackgroundWorker = Worker | ProcessWorker
