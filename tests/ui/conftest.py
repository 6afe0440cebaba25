"""UI test fixtures: Qt offscreen, settings in a temporary folder, the seed project opened.

Helpers here find the screen position of a character from Qt's own text layout, so drags in
the tests land on the letters a person would aim at, in right-to-left and mixed runs alike.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402

from annotator.app.project import Project  # noqa: E402
from annotator.core.model import SourceDocument, Span, SpanState  # noqa: E402
from annotator.store.ingest import IngestOptions, ingest  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "lavrov_north_korea_ar.txt"
ANNOTATOR = "amal"
LTR_TEXT = "The North Korean broadcaster KCTV showed Lavrov in Wonsan on Saturday, 12 July 2025."


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings write to a fresh temporary folder: no test reads or changes a user's settings."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "user"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder / "system"))
    yield folder


@pytest.fixture
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def make_project(path: Path, texts: list[str], spans: dict[int, list[Span]] | None = None,
                 suggested: bool = False) -> Project:
    store = Project.create(path, labels=["PERS", "LOC", "ORG", "MISC"],
                                guidelines="PERS: people. LOC: places.")
    documents = [SourceDocument(text, source=f"doc{i}.txt", spans=(spans or {}).get(i, []))
                 for i, text in enumerate(texts)]
    options = IngestOptions(annotator=ANNOTATOR, status=_new(),
                            span_state=SpanState.SUGGESTED if suggested else SpanState.ACCEPTED,
                            origin="pretagger" if suggested else "imported")
    with store.store.engine.begin() as c:
        ingest(c, documents, store.info().overlap_policy, options)
    return store


def _new():  # type: ignore[no-untyped-def]
    from annotator.core.model import Status

    return Status.NEW


@pytest.fixture
def store(tmp_path: Path, seed: str) -> Iterator[Project]:
    """The seed document (and a short English one second) with no spans yet."""
    project = make_project(tmp_path / "project.db", [seed, LTR_TEXT])
    yield project
    project.close()


def occurrence(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    position = -1
    for _ in range(nth + 1):
        position = text.index(needle, position + 1)
    return position, position + len(needle)


# ---------------------------------------------------------------------- geometry helpers
def char_point(view, offset: int) -> QPoint:  # type: ignore[no-untyped-def]
    """The viewport point at the middle of the character at code point OFFSET."""
    position = view.offsets.to_qt(offset)
    block = view.document().findBlock(position)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    relative = position - block.position()
    runs = block.layout().glyphRuns(relative, 1)
    rect = runs[0].boundingRect()
    for run in runs[1:]:
        rect = rect.united(run.boundingRect())
    center = rect.center() + origin
    return QPoint(round(center.x()), round(center.y()))


def drag(qtbot, view, start: QPoint, end: QPoint,  # type: ignore[no-untyped-def]
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A real mouse drag in the viewport: press, move in steps, release."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    steps = 4
    for i in range(1, steps + 1):
        point = QPoint(start.x() + (end.x() - start.x()) * i // steps,
                       start.y() + (end.y() - start.y()) * i // steps)
        qtbot.mouseMove(viewport, point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def drag_over(qtbot, view, first: int, last: int,  # type: ignore[no-untyped-def]
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Drag from the middle of the character at FIRST to the middle of the one at LAST."""
    reveal(view, min(first, last), max(first, last) + 1)
    drag(qtbot, view, char_point(view, first), char_point(view, last), modifier)


def reveal(view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Scroll [start, end) into view and leave the cursor at END without a selection."""
    view.select_range(start, end)
    view.centerCursor()
    view.place_cursor(end)


def shown_window(qtbot, project: Project):  # type: ignore[no-untyped-def]
    """The main window on PROJECT's first document, sized like a laptop screen, shown, with
    the focus in the editor."""
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    win = MainWindow(project, ANNOTATOR, AppSettings())
    qtbot.addWidget(win)
    win.open_position(1)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    win.editor.view.setFocus()
    return win


def quiet_window(qtbot, project: Project):  # type: ignore[no-untyped-def]
    """The main window on PROJECT's first document, shown, with no saved layout and no
    background work: what it does can be counted."""
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    win = MainWindow(project, ANNOTATOR, AppSettings())
    qtbot.addWidget(win)
    win.remember_layout = False
    win.background_work = False
    win.open_position(1)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, store: Project):  # type: ignore[no-untyped-def]
    """The main window on the seed document, sized like a laptop screen."""
    return shown_window(qtbot, store)


def stored(store: Project, window) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    annotation = window.session.annotation_id
    return [(s.start, s.end, s.label, str(s.state)) for s in store.spans(annotation)]
