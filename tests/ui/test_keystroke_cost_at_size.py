"""A label keystroke in the main window costs the same at 30 and at 300 documents (issue 13):
the same SQL statements, no read of the whole document list, no page of it read again."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, quiet_window
from PySide6.QtCore import Qt
from sqlalchemy import event
from test_list_cost_per_edit import count_list_reads

WORDS = ["وثيقة", "رقم", "في", "القائمة", "الطويلة", "جدا", "للتجربة"]


def keystroke_costs(qtbot, path: Path, documents: int) -> tuple[list[int], int, int]:  # type: ignore[no-untyped-def]
    """(SQL statements per keystroke, whole-list reads, list pages read) for 3 keystrokes."""
    texts = [f"{' '.join(WORDS)} {i}" for i in range(documents)]
    project = make_project(path, texts)
    window = quiet_window(qtbot, project)
    model = window.documents
    pages_before = model.pages_read
    list_reads = count_list_reads(project)
    sent = 0

    def count(*_args: object) -> None:
        nonlocal sent
        sent += 1

    event.listen(project.store.engine, "before_cursor_execute", count)
    statements = []
    view = window.editor.view
    position = 0
    for word in WORDS[:3]:
        view.select_range(position, position + len(word))
        sent = 0
        qtbot.keyClick(view, Qt.Key.Key_2)
        statements.append(sent)
        position += len(word) + 1
    assert len(window.session.index) == 3, "the keystrokes did not label the words"
    pages = model.pages_read - pages_before
    event.remove(project.store.engine, "before_cursor_execute", count)
    window.close()
    project.close()
    return statements, sum(list_reads.values()), pages


def test_a_keystroke_costs_the_same_whatever_the_number_of_documents(qtbot, tmp_path: Path) -> None:
    small = keystroke_costs(qtbot, tmp_path / "small.db", 30)
    large = keystroke_costs(qtbot, tmp_path / "large.db", 300)
    assert small[1:] == large[1:] == (0, 0), (
        f"whole-list work per keystroke (list reads, pages read): {small[1:]} at 30, {large[1:]} at 300")
    assert small[0][1:] == large[0][1:], (
        f"SQL statements per keystroke differ with the corpus size: {small[0]} vs {large[0]}")
    assert max(large[0]) <= 12, f"{large[0]} statements per keystroke"
