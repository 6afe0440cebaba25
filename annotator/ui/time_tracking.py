"""The window's annotation clock: Qt events in, `core.timing.TimeRecorder` records out, stored.

`TimeTracker` watches the editor (keys, mouse, wheel: activity) and the main window
(activation: focus in and out), is told when a document is opened and which span decisions an
edit made (`app.annotation_time.decisions_of`), and saves the recorder's records to the
project every minute, on a document switch and when the window closes. Everything it counts is
the recorder's rule: gaps longer than the idle threshold and time with the window inactive
count nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from annotator.app.annotation_time import decisions_of, had_pretags, record_times
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import StoredSpan
from annotator.core.operations import Change
from annotator.core.timing import DEFAULT_IDLE_THRESHOLD, TimeRecorder

SAVE_EVERY_MS = 60_000
ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
})

# the clock the window's tracker reads (seconds, monotonic); tests put a fake one here
clock: Callable[[], float] = time.monotonic


class TimeTracker(QObject):
    failed = Signal(str)  # a save the project refused, as a one-line coded message

    def __init__(self, project: Project, window: QWidget, watched: Iterable[QWidget],
                 idle_threshold: float = DEFAULT_IDLE_THRESHOLD) -> None:
        super().__init__(window)
        self.project = project
        self.recorder = TimeRecorder(lambda: clock(), idle_threshold)
        window.installEventFilter(self)
        for widget in watched:
            widget.installEventFilter(self)
        self.saver = QTimer(self)
        self.saver.setInterval(SAVE_EVERY_MS)
        self.saver.timeout.connect(self.save_open_document)
        self.saver.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in ACTIVITY:
            self.recorder.activity()
        elif kind == QEvent.Type.WindowActivate:
            self.recorder.focus_in()
        elif kind == QEvent.Type.WindowDeactivate:
            self.recorder.focus_out()
        return False  # only watching: every event goes on to its widget

    # ------------------------------------------------------------------ from the window
    def document_opened(self, annotator: str, doc_id: int, spans: Iterable[StoredSpan]) -> None:
        """A document is open (the one before, if any, is closed and its time saved)."""
        self.recorder.document_opened(annotator, doc_id, had_pretags(spans))
        self.save()

    def decided(self, change: Change) -> None:
        """The annotator's edit CHANGE (never an undo or redo): time its span decisions."""
        for decision, span in decisions_of(change):
            self.recorder.span_decided(decision, span.label, span.id, span.start, span.end)

    def save_open_document(self) -> None:
        """Save the open document's time so far (every minute: a crash loses at most that)."""
        self.recorder.flush_open_document()
        self.save()

    def close(self) -> None:
        """The window closes: the open document's time and every decision are saved."""
        self.saver.stop()
        self.recorder.document_closed()
        self.save()

    def save(self) -> int:
        records = self.recorder.drain()
        if not records:
            return 0
        try:
            return record_times(self.project, records)
        except AnnotatorError as err:  # said in the status bar; the edits themselves are safe
            self.failed.emit(str(err))
            return 0


def add_time_action(tools: QMenu, window: QWidget, tracker: TimeTracker,
                    annotator: str) -> QAction:
    """Tools › Annotation time…: the figures of `annotator times`, saved up to this moment."""
    action = QAction(QCoreApplication.translate("TimeTracker", "Annotation &time…"), window)
    action.setObjectName("annotation_time_action")

    def show() -> None:
        from annotator.ui.dialogs.time_dialog import TimeDialog

        tracker.save_open_document()
        dialog = TimeDialog(tracker.project, annotator, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(lambda _checked=False: show())
    tools.addAction(action)
    return action
