"""Real mouse drags and key presses on the seed document (right to left) and an English one:
the stored offsets are exactly the words aimed at, in either direction of dragging."""

from __future__ import annotations

import pytest
from conftest import (
    ANNOTATOR,
    LTR_TEXT,
    char_point,
    drag,
    drag_over,
    occurrence,
    reveal,
    stored,
)
from PySide6.QtCore import QPoint, Qt

ALT = Qt.KeyboardModifier.AltModifier


@pytest.mark.parametrize("word,nth", [("لافروف", 0), ("موسكو", 1), ("Wonsan", 0),
                                      ("KCTV", 0), ("2024", 0), ("30،000", 0)])
@pytest.mark.parametrize("backwards", [False, True], ids=["first-to-last", "last-to-first"])
def test_dragging_from_first_to_last_letter_selects_exactly_the_word(
        qtbot, window, store, seed, word, nth, backwards):
    start, end = occurrence(seed, word, nth)
    view = window.editor.view
    first, last = (end - 1, start) if backwards else (start, end - 1)
    drag_over(qtbot, view, first, last)
    assert view.selected_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(store, window) == [(start, end, "LOC", "accepted")]


def test_a_partial_drag_snaps_to_the_tokens_it_touches(qtbot, window, store, seed):
    start, end = occurrence(seed, "كوريا الشمالية")
    view = window.editor.view
    drag_over(qtbot, view, start + 2, end - 3)  # from inside the first word into the second
    assert view.selected_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(store, window) == [(start, end, "LOC", "accepted")]
    assert seed[start:end] == "كوريا الشمالية"


@pytest.mark.parametrize("backwards", [False, True])
def test_a_span_across_a_latin_word_inside_arabic(qtbot, window, store, seed, backwards):
    start, end = occurrence(seed, "قناة KCTV")
    view = window.editor.view
    drag_over(qtbot, view, *((end - 1, start) if backwards else (start, end - 1)))
    assert view.selected_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored(store, window) == [(start, end, "ORG", "accepted")]


@pytest.mark.parametrize("backwards", [False, True])
def test_alt_drag_selects_exact_characters_after_a_proclitic(qtbot, window, store, seed,
                                                             backwards):
    word_start, word_end = occurrence(seed, "وبيونج يانغ")
    start, end = word_start + 1, word_end  # بيونج يانغ without the conjunction و
    view = window.editor.view
    drag_over(qtbot, view, *((end - 1, start) if backwards else (start, end - 1)), modifier=ALT)
    assert view.selected_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(store, window) == [(start, end, "LOC", "accepted")]
    assert seed[start:end] == "بيونج يانغ"


def test_character_mode_toggle_and_token_mode_on_a_clitic(qtbot, window, store, seed):
    word_start, word_end = occurrence(seed, "لكوريا")
    view = window.editor.view
    drag_over(qtbot, view, word_start + 1, word_end - 1)  # token mode: the whole token
    assert view.selected_range() == (word_start, word_end)
    window.set_character_mode(True)
    drag_over(qtbot, view, word_start + 1, word_end - 1)
    assert view.selected_range() == (word_start + 1, word_end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(store, window) == [(word_start + 1, word_end, "LOC", "accepted")]
    assert seed[word_start + 1:word_end] == "كوريا"


def test_double_click_selects_a_token(qtbot, window, seed):
    start, end = occurrence(seed, "فلاديمير")
    view = window.editor.view
    reveal(view, start, end)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, start + 3))
    assert view.selected_range() == (start, end)


def test_shift_arrows_extend_by_tokens_in_reading_order(qtbot, window, seed):
    start, end = occurrence(seed, "سيرجي لافروف")
    view = window.editor.view
    reveal(view, start, end)
    view.place_cursor(start)
    # right to left: Shift+Left reads on (forward), Shift+Right goes back
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (start, start + len("سيرجي"))
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (start, start + len("سيرجي"))


def test_a_left_to_right_document_works_the_same(qtbot, window, store):
    window.open_position(2)
    view = window.editor.view
    assert not view.right_to_left
    start, end = occurrence(LTR_TEXT, "Wonsan")
    drag_over(qtbot, view, end - 1, start)
    assert view.selected_range() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    annotation = store.annotation_id(store.document_ids()[1], ANNOTATOR)
    assert [(s.start, s.end, s.label) for s in store.spans(annotation)] == [(start, end, "LOC")]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() is not None


def test_the_seed_is_laid_out_right_to_left_and_right_aligned(window, seed):
    view = window.editor.view
    assert view.right_to_left
    first_word_end = seed.index(" ")
    right = char_point(view, 0)
    left = char_point(view, first_word_end - 1)
    assert right.x() > left.x()  # the first letter is on the right
    assert right.x() > view.viewport().width() * 0.8  # right aligned


@pytest.mark.parametrize("backwards", [False, True])
def test_alt_drag_onto_the_space_after_a_word_stores_no_space(qtbot, window, store, seed,
                                                              backwards):
    """Issue 15: an Alt+drag ending on the space past 'كوريا' stored 'كوريا ' (and every later
    export stopped with E301); the selection is trimmed, so the space is never stored."""
    word_start, word_end = occurrence(seed, "لكوريا")
    assert seed[word_end].isspace()
    view = window.editor.view
    reveal(view, word_start, word_end + 2)
    inside, last = char_point(view, word_start + 1), char_point(view, word_end - 1)
    # right to left: the word's last letter is its left end; step left off it, then 2 px more
    x = last.x()
    while view.character_at(QPoint(x, last.y())) == word_end - 1:
        x -= 1
    on_space = QPoint(x - 2, last.y())
    assert view.character_at(on_space) in (word_end, None)  # the space (here the line's end)
    drag(qtbot, view, *((on_space, inside) if backwards else (inside, on_space)), modifier=ALT)
    assert view.selected_range() == (word_start + 1, word_end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(store, window) == [(word_start + 1, word_end, "LOC", "accepted")]


def test_a_selection_made_past_a_word_is_labelled_without_the_space(qtbot, window, store, seed):
    """Any selection path (here the cursor's own selection, as Shift+arrows leave it in
    character mode) is trimmed before it becomes a span; only spaces selected labels nothing."""
    word_start, word_end = occurrence(seed, "لكوريا")
    view = window.editor.view
    window.set_character_mode(True)
    view.select_range(word_start + 1, word_end + 1)
    assert view.selected_range() == (word_start + 1, word_end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored(store, window) == [(word_start + 1, word_end, "LOC", "accepted")]
    view.select_range(word_end, word_end + 1)  # the space alone
    assert view.selected_range() is None
