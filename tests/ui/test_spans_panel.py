"""The Spans panel follows the editor both ways, filters by label, state and text (Arabic
normalised for matching), and the Counts panel moves with each edit and its undo: real keys
and clicks throughout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ANNOTATOR, LTR_TEXT, make_project, occurrence
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from annotator.app.project import Project
from annotator.core.model import Span, SpanState
from annotator.core.operations import AcceptSuggestion

CTRL = Qt.KeyboardModifier.ControlModifier
LABELS = ["PERS", "LOC", "ORG", "MISC"]


def word_spans(text: str) -> list[Span]:
    """Every Arabic word of TEXT as a span, the labels in turn."""
    return [Span(m.start(), m.end(), LABELS[i % 4])
            for i, m in enumerate(re.finditer(r"[\u0621-\u064a]+", text))]


@pytest.fixture
def store(tmp_path: Path, seed: str) -> Iterator[Project]:
    """The seed with every word a suggestion, and every third accepted."""
    project = make_project(tmp_path / "p.db", [seed, LTR_TEXT], {0: word_spans(seed)}, suggested=True)
    annotation = project.annotation_id(project.document_ids()[0], ANNOTATOR)
    for span in project.spans(annotation)[::3]:
        project.apply(AcceptSuggestion(span.id))
    yield project
    project.close()


def selected_row(window) -> int | None:  # type: ignore[no-untyped-def]
    rows = window.span_panel.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def followed(qtbot, window, row: int | None) -> None:  # type: ignore[no-untyped-def]
    """The panel follows the editor after a short pause: wait for ROW (None: no row) selected."""
    qtbot.waitUntil(lambda: selected_row(window) == row, timeout=2000)


def row_on_screen(window, row: int) -> bool:  # type: ignore[no-untyped-def]
    panel = window.span_panel
    rect = panel.visualRect(window.span_model.index(row))
    return rect.isValid() and panel.viewport().rect().contains(rect)


def click_row(qtbot, window, row: int) -> None:  # type: ignore[no-untyped-def]
    panel = window.span_panel
    index = window.span_model.index(row)
    panel.scrollTo(index)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, panel.visualRect(index).center())


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key presses and releases carrying Arabic characters (QTest's keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def shown(window) -> list:  # type: ignore[no-untyped-def]
    model = window.span_model
    return [model.span_at_row(r) for r in range(model.rowCount())]


def test_tab_in_the_editor_selects_and_scrolls_the_row(qtbot, window):  # type: ignore[no-untyped-def]
    view, model = window.editor.view, window.span_model
    assert model.rowCount() > 200 and selected_row(window) is None
    view.place_cursor(0)
    for _ in range(150):  # far past the panel's first screen
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    current = window.editor.current_span()
    assert current is not None and model.row_of(current) == 149
    followed(qtbot, window, 149)
    assert row_on_screen(window, 149)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    followed(qtbot, window, 148)
    assert row_on_screen(window, 148)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # no current span: no row
    followed(qtbot, window, None)


def test_a_new_and_a_relabelled_span_are_selected_in_the_panel(qtbot, window, seed):  # type: ignore[no-untyped-def]
    view, model = window.editor.view, window.span_model
    start, end = occurrence(seed, "2024")  # no span there yet
    view.select_range(start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    current = window.editor.current_span()
    assert (current.start, current.end, current.label) == (start, end, "LOC")
    followed(qtbot, window, model.row_of(current))
    assert row_on_screen(window, selected_row(window))
    qtbot.keyClick(view, Qt.Key.Key_3)  # relabel the current span: its row stays selected
    followed(qtbot, window, model.row_of(current))
    assert model.span_at_row(selected_row(window)).label == "ORG"


def test_a_row_clicked_or_reached_by_arrows_selects_the_span_in_the_editor(qtbot, window):  # type: ignore[no-untyped-def]
    view, model = window.editor.view, window.span_model
    row = model.rowCount() * 2 // 3  # far down the document: the editor scrolls to it
    view.verticalScrollBar().setValue(0)
    click_row(qtbot, window, row)
    span = model.span_at_row(row)
    assert window.editor.current_span() == span
    assert view.selected_range() == (span.start, span.end)
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.cursorRect())
    qtbot.keyClick(window.span_panel, Qt.Key.Key_Down)
    assert window.editor.current_span() == model.span_at_row(row + 1)
    assert selected_row(window) == row + 1
    qtbot.keyClick(window.span_panel, Qt.Key.Key_Up)
    assert window.editor.current_span() == span


def test_filter_by_label_and_state(qtbot, window):  # type: ignore[no-untyped-def]
    filters, index = window.spans_pane.filters, window.session.index
    filters.label.setFocus()
    qtbot.keyClick(filters.label, Qt.Key.Key_Down)  # All labels -> PERS
    assert filters.label.currentText() == "PERS"
    assert shown(window) == [s for s in index if s.label == "PERS"] and shown(window)
    qtbot.keyClick(filters.state, Qt.Key.Key_Down)  # -> Accepted
    accepted = [s for s in index if s.label == "PERS" and s.state is SpanState.ACCEPTED]
    assert shown(window) == accepted and 0 < len(accepted) < len([s for s in index if s.label == "PERS"])
    assert window.spans_pane.shown.text() == f"{len(accepted)} of {len(index)} spans shown"
    qtbot.keyClick(filters.state, Qt.Key.Key_Down)  # -> Suggested
    assert shown(window) == [s for s in index if s.label == "PERS" and s.state is SpanState.SUGGESTED]
    qtbot.keyClick(filters.label, Qt.Key.Key_Up)  # All labels, suggestions only
    assert shown(window) == [s for s in index if s.state is SpanState.SUGGESTED]


def test_filter_by_text_ignores_alef_forms_tatweel_and_harakat(qtbot, window, seed):  # type: ignore[no-untyped-def]
    words = window.spans_pane.filters.words
    words.setFocus()
    type_text(words, "اعادة")  # the text has إعادة
    qtbot.keyClick(words, Qt.Key.Key_Return)
    assert [seed[s.start:s.end] for s in shown(window)] == ["إعادة"]
    qtbot.keyClick(words, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(words, Qt.Key.Key_Delete)
    type_text(words, "أُوكـرانيا")  # a damma and a tatweel the text does not have
    qtbot.waitUntil(lambda: len(shown(window)) == seed.count("أوكرانيا"))  # after the pause
    assert {seed[s.start:s.end] for s in shown(window)} == {"أوكرانيا"}


def test_edits_while_filtered_insert_and_remove_rows_without_a_reset(qtbot, window, seed):  # type: ignore[no-untyped-def]
    view, model, filters = window.editor.view, window.span_model, window.spans_pane.filters
    filters.label.setFocus()
    qtbot.keyClick(filters.label, Qt.Key.Key_Down)
    qtbot.keyClick(filters.label, Qt.Key.Key_Down)  # LOC
    assert filters.label.currentText() == "LOC"
    signals: list[str] = []
    model.modelReset.connect(lambda: signals.append("reset"))
    model.rowsInserted.connect(lambda *_a: signals.append("insert"))
    model.rowsRemoved.connect(lambda *_a: signals.append("remove"))
    view.setFocus()
    start, end = occurrence(seed, "2024")
    view.select_range(start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)  # a new LOC span: a row comes in, selected
    assert signals == ["insert"]
    followed(qtbot, window, window.span_model.row_of(window.editor.current_span()))
    qtbot.keyClick(view, Qt.Key.Key_1)  # relabelled PERS: out of the LOC list
    assert signals == ["insert", "remove"]
    followed(qtbot, window, None)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # undo: LOC again, back in the list
    assert signals[-1] == "insert"
    assert shown(window) == [s for s in window.session.index if s.label == "LOC"]
    assert "reset" not in signals


def counts(window, label: str) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """(document accepted, suggested, project accepted, suggested) as the panel shows them."""
    return tuple(int(n.replace(",", "")) for c in (1, 2)
                 for n in window.counts.cell(label, c).split("/"))


def stats_of(project: Project, label: str) -> tuple[int, int]:
    found = project.stats()["spans_per_label"].get(label, {"accepted": 0, "suggested": 0})  # type: ignore[union-attr]
    return found["accepted"], found["suggested"]


def test_counts_follow_an_edit_and_its_undo(qtbot, window, store, seed):  # type: ignore[no-untyped-def]
    view, index = window.editor.view, window.session.index

    def expected(label: str) -> tuple[int, ...]:
        document = [s for s in index if s.label == label]
        accepted = sum(s.state is SpanState.ACCEPTED for s in document)
        return (accepted, len(document) - accepted, *stats_of(store, label))

    before = {label: expected(label) for label in LABELS}
    assert {label: counts(window, label) for label in LABELS} == before
    reads: list[int] = []
    store.label_counts = lambda *a: reads.append(1)  # no read of the store per keystroke
    suggestion = next(s for s in index if s.state is SpanState.SUGGESTED and s.label == "PERS")
    window.editor.select_span(suggestion)
    qtbot.keyClick(view, Qt.Key.Key_2)  # PERS suggestion accepted as LOC
    assert counts(window, "PERS")[1] == before["PERS"][1] - 1
    assert counts(window, "PERS")[3] == before["PERS"][3] - 1
    assert counts(window, "LOC")[0] == before["LOC"][0] + 1
    assert counts(window, "LOC")[2] == before["LOC"][2] + 1
    assert {label: counts(window, label) for label in LABELS} == {
        label: expected(label) for label in LABELS}
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert {label: counts(window, label) for label in LABELS} == before
    assert reads == []
    total = sum(counts(window, label)[0] + counts(window, label)[1] for label in LABELS)
    assert window.counts.cell("Total", 1) == (
        f"{sum(before[lb][0] for lb in LABELS):,}/{sum(before[lb][1] for lb in LABELS):,}")
    assert total == len(index)


def test_progress_in_the_counts_panel(qtbot, window):  # type: ignore[no-untyped-def]
    assert window.counts.progress.text() == "0 of 2 documents done · 2 to go"
    qtbot.keyClick(window.editor.view, Qt.Key.Key_Return, CTRL)  # done, and the next
    assert window.counts.progress.text() == "1 of 2 documents done · 1 to go"
