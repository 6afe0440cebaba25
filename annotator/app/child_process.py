"""Run a use-case in a separate OS process: progress, a result or a message, and Cancel.

Why: spaCy's training loop holds the interpreter lock most of the time, so on a thread of the
app it starves the window (keystrokes and repaints wait for it). A child process has its own
interpreter; the window only reads the child's messages when it polls.

`ChildProcess(target, args)` starts `target(*args, progress=..., should_stop=...)` in a process
made with multiprocessing's 'spawn' context (a fresh interpreter: no copy of the app's Qt
state, the same on every platform). The target is a plain function of the app layer
(`app.training.train_in_child`); its arguments and result must pickle. The child sends over a
pipe:

    ("progress", value)        whatever the target reports
    ("done", result)           the target's return value
    ("failed", message)        an AnnotatorError: its one line with its code
    ("unexpected", message)    any other exception (its traceback goes to the child's stderr)

and the parent sends "stop" when the user cancels. The child's `should_stop()` is true once
"stop" came or the parent went away (the pipe closed), so a child never outlives its app.

`poll()` (never blocks) returns what arrived, and once the child has ended an `Ended` event
with its exit code; an end without a result is reported by the caller (the UI's worker: E424).
`cancel(grace)` asks the child to stop at its next check; if it has not ended GRACE seconds
later it is terminated (SIGTERM, then SIGKILL), unless its last progress was `finishing`
(moving a finished result into place: killing it then could leave half of it). After the end
the process is joined (no zombie) and `cleanup()` runs in the parent, whatever the way it ended
(for training: removing the temporary folder the child worked in).
"""

from __future__ import annotations

import multiprocessing
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from annotator.core.errors import AnnotatorError

KILL_AFTER = 2.0  # seconds between SIGTERM and SIGKILL


@dataclass(frozen=True)
class Ended:
    """The child has ended (joined): its exit code (negative: killed by that signal)."""

    exit_code: int | None
    cancelled: bool  # the parent asked it to stop


Event = tuple[str, Any] | Ended


def _child_main(target: Callable[..., object], args: tuple[object, ...],
                channel: Connection) -> None:
    """The child's entry point (spawn imports this module and calls it)."""
    stopped = False

    def should_stop() -> bool:
        nonlocal stopped
        try:
            while not stopped and channel.poll():
                stopped = channel.recv() == "stop"
        except (EOFError, OSError):  # the parent is gone: stop, nobody will read the result
            stopped = True
        return stopped

    def progress(value: object) -> None:
        try:
            channel.send(("progress", value))
        except (BrokenPipeError, OSError):
            pass

    try:
        result = target(*args, progress=progress, should_stop=should_stop)
    except AnnotatorError as err:
        message: tuple[str, object] = ("failed", str(err))
    except Exception as err:  # a bug or a library failing: a message, the traceback on stderr
        traceback.print_exc(file=sys.stderr)
        message = ("unexpected", f"{type(err).__name__}: {err}"[:480])
    else:
        message = ("done", result)
    try:
        channel.send(message)
    except (BrokenPipeError, OSError):
        pass
    finally:
        channel.close()


class ChildProcess:
    def __init__(self, target: Callable[..., object], args: tuple[object, ...] = (),
                 cleanup: Callable[[], None] | None = None,
                 finishing: Callable[[object], bool] | None = None) -> None:
        self._target, self._args = target, args
        self._cleanup = cleanup
        self._finishing = finishing or (lambda _value: False)
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._channel: Connection | None = None
        self._cancel_at: float | None = None  # when Cancel was pressed
        self._terminated_at: float | None = None
        self._protected = False  # the last progress said the child is finishing
        self._ended: Ended | None = None
        self.grace = 3.0

    @property
    def pid(self) -> int | None:
        return None if self._process is None else int(self._process.pid)

    def start(self) -> None:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_child_main, args=(self._target, self._args, child),
                                        name="annotator-child", daemon=True)
        try:
            process.start()
        finally:
            child.close()  # the parent keeps only its end: EOF when the child is gone
        self._process, self._channel = process, parent

    def running(self) -> bool:
        return self._process is not None and self._ended is None

    def cancelled(self) -> bool:
        return self._cancel_at is not None

    def cancel(self, grace: float | None = None) -> None:
        """Ask the child to stop; `poll()` terminates it GRACE seconds later if it has not."""
        if not self.running() or self._cancel_at is not None:
            return
        if grace is not None:
            self.grace = grace
        self._cancel_at = time.monotonic()
        try:
            assert self._channel is not None
            self._channel.send("stop")
        except (BrokenPipeError, OSError):
            pass

    def poll(self) -> list[Event]:
        """The messages that arrived, then `Ended` once the child has ended (once)."""
        if self._process is None or self._ended is not None:
            return []
        alive = self._process.is_alive()  # before reading: a dead child's last words are in
        events: list[Event] = []
        channel = self._channel
        assert channel is not None
        try:
            while channel.poll():
                kind, value = channel.recv()
                if kind == "progress":
                    self._protected = self._finishing(value)
                events.append((kind, value))
        except (EOFError, OSError):
            pass  # the child closed its end: it is ending
        if alive:
            self._escalate()
        else:
            events.append(self._end())
        return events

    def wait(self, timeout: float) -> list[Event]:
        """Poll until the child ends or TIMEOUT seconds pass (cancel first to make it end)."""
        deadline = time.monotonic() + timeout
        events: list[Event] = []
        while self.running() and time.monotonic() < deadline:
            events += self.poll()
            if self.running():
                self._process.join(0.05)
        return events

    def stop_and_wait(self) -> list[Event]:
        """For closing windows: cancel, then wait for the child to end (killed if it must)."""
        self.cancel()
        return self.wait(self.grace + KILL_AFTER + 30.0)

    def _escalate(self) -> None:
        if self._cancel_at is None or self._protected:
            return
        now = time.monotonic()
        if self._terminated_at is None and now - self._cancel_at >= self.grace:
            self._process.terminate()
            self._terminated_at = now
        elif self._terminated_at is not None and now - self._terminated_at >= KILL_AFTER:
            self._process.kill()

    def _end(self) -> Ended:
        self._process.join()
        assert self._channel is not None
        self._channel.close()
        try:
            if self._cleanup is not None:
                self._cleanup()
        finally:
            self._ended = Ended(self._process.exitcode, self._cancel_at is not None)
        return self._ended
