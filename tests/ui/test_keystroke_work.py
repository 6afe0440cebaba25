"""The work of one label keystroke in the main window, counted (issue 13): what the database
does, what each view is told, and the Python calls, the same at 30 and at 300 documents.

Counts, not seconds: a change that makes a keystroke do more (a trigger that fires on a span,
a view that repaints a whole list, a panel that reads the store) fails here on any machine.
"""

from __future__ import annotations

import cProfile
import pstats
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from conftest import make_project, quiet_window
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

WORDS = ["وثيقة", "رقم", "في", "القائمة", "الطويلة", "جدا", "للتجربة", "الأخيرة"]
KEYS = 4  # keystrokes counted, after one that warms the caches
CALLS_CEILING = 4000  # Python calls in a keystroke before the repaint (about 2,000 in 2026-12)


@dataclass
class Work:
    statements: list[list[str]] = field(default_factory=list)  # per keystroke, first words
    rows_changed: list[int] = field(default_factory=list)  # by the database, triggers included
    list_cells: list[int] = field(default_factory=list)  # document list cells said changed
    list_ranges: list[int] = field(default_factory=list)  # of those, ranges of several cells
    span_rows: list[int] = field(default_factory=list)  # rows inserted in the Spans panel
    layouts: list[int] = field(default_factory=list)  # widgets that asked to be laid out again
    resets: int = 0  # either model reset
    pages_read: int = 0
    python_calls: list[int] = field(default_factory=list)


class LayoutRequests(QObject):
    """Counts the layout requests of every widget (installed on the application)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def first_words(sql: str) -> str:
    return " ".join(sql.split()[:2]).upper()


def keystroke_work(qtbot, path: Path, documents: int, extra_sql: str = "") -> Work:  # type: ignore[no-untyped-def]
    """The work of KEYS keystrokes, each labelling a word of the first of DOCUMENTS; EXTRA_SQL
    is run on the project first."""
    project = make_project(path, [f"{' '.join(WORDS)} {i}" for i in range(documents)])
    if extra_sql:
        with project.store.engine.begin() as c:
            for statement in extra_sql.split(";;"):
                c.exec_driver_sql(statement)
    window = quiet_window(qtbot, project)
    work = Work()
    sent: list[str] = []
    writer: list[tuple[object, int]] = []  # the keystroke's sqlite3 connection, its count then

    def before(conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        sent.append(first_words(statement))
        dbapi = conn.connection.dbapi_connection
        if not writer:  # rows a statement changes are counted when it completes: at the end
            writer.append((dbapi, dbapi.total_changes))

    cells: list[int] = []
    model, spans = window.documents, window.span_model
    model.dataChanged.connect(lambda top, bottom, *_r: cells.append(
        (bottom.row() - top.row() + 1) * (bottom.column() - top.column() + 1)))
    inserted: list[int] = []
    spans.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    resets = [0]
    for reset in (model.modelReset, spans.modelReset):
        reset.connect(lambda: resets.__setitem__(0, resets[0] + 1))
    layouts = LayoutRequests()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(layouts)
    view = window.editor.view
    position = 0
    pages_before = model.pages_read
    for key in range(KEYS + 1):
        word = WORDS[key]
        view.select_range(position, position + len(word))
        position += len(word) + 1
        qtbot.wait(1)
        sent.clear()
        cells.clear()
        inserted.clear()
        writer.clear()
        QApplication.processEvents()
        layouts.count = 0
        event.listen(project.store.engine, "before_cursor_execute", before)
        profile = cProfile.Profile()
        profile.enable()
        qtbot.keyClick(view, Qt.Key.Key_2)
        profile.disable()
        QApplication.processEvents()  # the repaints and layouts the keystroke asked for
        event.remove(project.store.engine, "before_cursor_execute", before)
        if key == 0:  # warming: statements compiled, pages and tag images cached
            continue
        work.statements.append(list(sent))
        dbapi, base = writer[0]
        work.rows_changed.append(dbapi.total_changes - base)  # type: ignore[attr-defined]
        work.list_cells.append(sum(cells))
        work.list_ranges.append(sum(1 for n in cells if n > 1))
        work.span_rows.append(sum(inserted))
        work.layouts.append(layouts.count)
        work.python_calls.append(int(pstats.Stats(profile).total_calls))  # type: ignore[attr-defined]
    assert len(window.session.index) == KEYS + 1, "the keystrokes did not label the words"
    app.removeEventFilter(layouts)
    work.resets = resets[0]
    work.pages_read = model.pages_read - pages_before
    window.close()
    project.close()
    return work


def test_one_keystroke_does_a_fixed_small_amount_of_work(qtbot, tmp_path: Path) -> None:
    small = keystroke_work(qtbot, tmp_path / "small.db", 30)
    large = keystroke_work(qtbot, tmp_path / "large.db", 300)
    for work in (small, large):
        # the store: the bump of the annotation, the read of the overlapping spans, the insert
        assert work.statements == [["BEGIN IMMEDIATE", "UPDATE ANNOTATION", "SELECT SPAN.ID,",
                                    "INSERT INTO"]] * KEYS, work.statements
        # rows written: the annotation's version, the span, its label's tally, the list's
        # counters of the annotation and their tally (migration 0014); no trigger of the search
        # index (a span is not a document) nor any other row
        assert work.rows_changed == [5] * KEYS, work.rows_changed
        # the document list is told of one cell, the span count; no page read, no reset
        assert work.list_cells == [1] * KEYS and work.list_ranges == [0] * KEYS, work.list_cells
        assert work.pages_read == 0 and work.resets == 0
        assert work.span_rows == [1] * KEYS, work.span_rows
        # the Spans panel's count changes ("5 spans"): no widget, dock or window laid out again
        assert work.layouts == [0] * KEYS, work.layouts
        assert max(work.python_calls) <= CALLS_CEILING, work.python_calls
    # and the same Python work whatever the number of documents
    assert max(large.python_calls) <= 1.05 * max(small.python_calls) + 50, (
        small.python_calls, large.python_calls)


def test_the_counters_see_a_trigger_that_fires_on_a_span(qtbot, tmp_path: Path) -> None:
    """A trigger that writes a row for each span added (as the search index's would, were it
    on spans) shows in the rows counted: the count above is the database's whole work."""
    work = keystroke_work(qtbot, tmp_path / "p.db", 3, extra_sql=(
        "CREATE TABLE span_log (span_id INTEGER);;"
        "CREATE TRIGGER span_logged AFTER INSERT ON span BEGIN "
        "INSERT INTO span_log VALUES (NEW.id); END"))
    assert work.rows_changed == [6] * KEYS, work.rows_changed
    assert Counter(len(statements) for statements in work.statements) == {4: KEYS}
