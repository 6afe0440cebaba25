"""Refresh from others: poll `Project.poll` and hand colleagues' changes to the views.

Every few seconds (four small aggregate queries when nothing changed) the poll asks what changed
since the last look, and passes it to the window's `refresh` like any other change: changed
documents get their list rows updated in place (the list keeps its selection and sort), new or
removed documents list again, and when someone else changed the annotation open in the editor
its spans are read again, keeping the selection and scroll position. The status bar says what
happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.app.project import ChangeToken
    from annotator.core.changes import ProjectChanges
    from annotator.ui.workbench import Workbench

POLL_MS = 3000


class TeamRefresh(QObject):
    refreshed = Signal(object)  # ProjectChanges that changed something on screen

    def __init__(self, bench: Workbench, interval_ms: int = POLL_MS) -> None:
        super().__init__(bench.window())
        self.bench = bench
        self.token: ChangeToken | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        if self.token is None:
            self.token = self.bench.project.poll(None).token
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        if self.bench.window().isVisible():  # a closed window stops looking
            self.poll()

    def poll(self) -> ProjectChanges | None:
        bench = self.bench
        try:
            found = bench.project.poll(self.token)
        except AnnotatorError as err:
            bench.show_message(str(err))
            return None
        except Exception as err:  # the server went away: say so, try again at the next tick
            bench.show_message(self.tr("Could not check for changes: %1").replace("%1", type(err).__name__))
            return None
        first = self.token is None
        self.token = found.token
        changes = found.changes
        if first or not changes.anything:
            return changes
        done = bench.refresh(changes)
        if done.open_document_reloaded:
            bench.show_message(self.tr("A colleague changed this document: its spans were reloaded"))
        elif changes.by_others and done.rows_changed:
            bench.show_message(self.tr("Updated %1 document(s) changed by others")
                               .replace("%1", str(done.rows_changed)))
        if done.open_document_reloaded or done.rows_changed:
            self.refreshed.emit(changes)
        return changes
