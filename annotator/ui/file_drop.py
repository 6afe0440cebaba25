"""Files and folders dropped on the main window are imported into the open project.

A drop opens the Import dialog with the dropped paths in its list (or adds them to the one
already open), so the user confirms the format and the other choices and presses Import: the
import then runs as File › Import documents… does, in one transaction. Before the dialog
opens, each dropped file's format is told from its name and content as the importer does; a
file it cannot read (an image, say) gets the importer's own message (E210) and nothing opens
or changes. A drop with no local file in it (a web link, some text) is E148. Folders go to the
dialog as they are: the import run reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from annotator.core.errors import AnnotatorError, E


def dropped_paths(mime: QMimeData) -> list[str]:
    """The local files and folders in MIME; E148 when there are none."""
    urls = mime.urls() if mime.hasUrls() else []
    paths = [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]
    if not paths:
        what = ", ".join(url.toString() for url in urls) or (mime.text() if mime.hasText() else "")
        raise AnnotatorError(E.E148, what=_shortened(what or ", ".join(mime.formats())))
    return paths


def check_dropped(paths: list[str]) -> None:
    """Raise the importer's error for the first dropped file it could not read (folders are
    left to the import run)."""
    from annotator.app.importing import expand_inputs  # the formats load on the first drop

    files = [p for p in paths if not Path(p).is_dir()]
    if files:
        expand_inputs(files, "auto")


def _shortened(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class FileDrop(QObject):
    """Takes drops of files on TARGETS (the window and the text view, which would take them
    for itself otherwise) and hands the paths to IMPORT_PATHS; a refusal goes to FAILED."""

    def __init__(self, targets: list[QWidget], import_paths: Callable[[list[str]], object],
                 failed: Callable[[str], None]) -> None:
        super().__init__(targets[0])
        self.import_paths = import_paths
        self.failed = failed
        for target in targets:
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if not event.mimeData().hasUrls():
                return False
            event.acceptProposedAction()
            self.drop(event.mimeData())
            return True
        return False

    def drop(self, mime: QMimeData) -> None:
        try:
            paths = dropped_paths(mime)
            check_dropped(paths)
        except AnnotatorError as err:
            self.failed(str(err))
            return
        self.import_paths(paths)
