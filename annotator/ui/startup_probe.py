"""Start-up marks for `bench/bench_launch.py`: when ANNOTATOR_STARTUP_PROBE is set, the app
prints `annotator-startup WHAT SECONDS` to stderr (SECONDS: the wall clock, `time.time()`, so
the bench can subtract the moment it started the process) once for each of:

- `identity`: the first run's "Who is annotating?" dialog has painted;
- `window`: the editor has painted its first screen of the opened document.

Each mark is printed from a zero-delay timer after the paint, so Qt has handed the painted
frame to the window system (on xcb: flushed to the X server) by then. With the value `exit`,
the app quits (closing as usual) right after the `window` mark. Unset, nothing is installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "ANNOTATOR_STARTUP_PROBE"
PREFIX = "annotator-startup"
_marked: set[str] = set()


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def mark(what: str) -> None:
    print(f"{PREFIX} {what} {time.time():.6f}", file=sys.stderr, flush=True)


def after_paint(what: str, then_quit: bool = False) -> None:
    """Print the mark once the event loop runs again (the painted frame is out by then); each
    WHAT once per process."""
    if what in _marked:
        return
    _marked.add(what)

    def report() -> None:
        mark(what)
        if then_quit and os.environ.get(ENV) == "exit":
            app = QCoreApplication.instance()
            if app is not None:
                app.quit()
    QTimer.singleShot(0, report)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, what: str) -> None:
        super().__init__(widget)
        self.what = what
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            after_paint(self.what)
        return False


def watch_first_paint(widget: QWidget, what: str) -> None:
    """Mark WHAT after WIDGET's first paint (when the probe is on)."""
    if enabled():
        _FirstPaint(widget, what)
