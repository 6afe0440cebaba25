"""Where label tags land: past the end of a line when the span ends it (a paragraph end or a
wrap point), never over the letters of the text; inside the span when a letter follows it."""

from __future__ import annotations

import re

from conftest import ANNOTATOR, make_project
from PySide6.QtCore import QRectF

from annotator.core.model import Direction, Span
from annotator.ui.editor.editor_widget import EditorWidget
from annotator.ui.editor.span_painter import visible_blocks
from annotator.ui.editor.span_style import TAG_MARGIN
from annotator.ui.fonts import text_font
from annotator.ui.session import DocumentSession

WORD = re.compile(r"\w+")


def open_editor(qtbot, tmp_path, text: str, spans: list[Span]):  # type: ignore[no-untyped-def]
    store = make_project(tmp_path / "tags.db", [text], {0: spans})
    editor = EditorWidget(store.labels(), text_font("DejaVu Sans", 15), "ar")
    qtbot.addWidget(editor)
    editor.open_session(DocumentSession(store, store.document_ids()[0], ANNOTATOR), Direction.AUTO)
    editor.resize(700, 900)
    with qtbot.waitSignal(editor.view.first_painted):  # the visible blocks get their formats
        editor.show()
    return store, editor


def letter_rects(view, block) -> list[QRectF]:  # type: ignore[no-untyped-def]
    """The glyph boxes of BLOCK's letters and digits (layout coordinates)."""
    rects = []
    text = block.text()
    for i, ch in enumerate(text):
        if ch.isalnum():
            rects += [run.boundingRect() for run in block.layout().glyphRuns(i, 1)]
    return [r for r in rects if r.width() > 0]


def test_tags_of_spans_that_end_a_line_sit_past_its_end_and_cover_no_letter(
        qtbot, tmp_path, seed):  # type: ignore[no-untyped-def]
    paragraphs = seed.split("\n\n")[:6]
    text = "\n\n".join(paragraphs)
    words = [m.span() for m in WORD.finditer(text)]
    spans = [Span(s, e, "LOC") for s, e in words[::3]]  # every third word, some end lines
    store, editor = open_editor(qtbot, tmp_path, text, spans)
    view, painter = editor.view, editor.view.painter
    past_line_end = full_lines = 0
    for block, _origin in visible_blocks(view):
        letters = letter_rects(view, block)
        for shape in painter.shapes(block):
            if shape.tag is None:
                continue
            covered = [r for r in letters if r.intersected(shape.tag).width() > 1.5]
            line = block.layout().lineForTextPosition(shape.span.end - 1 - block.position())
            natural = line.naturalTextRect()
            if shape.tag.right() <= natural.left() + 0.5:  # right to left: past the line's end
                past_line_end += 1
                assert natural.top() <= shape.tag.center().y() <= natural.bottom()
            if covered:  # allowed only when the line is full: tucked into the span's corner
                assert natural.left() - line.x() < shape.tag.width() + 2 * TAG_MARGIN, shape.span
                assert shape.rects[-1].contains(shape.tag.center()), shape.span
                full_lines += 1
    assert past_line_end >= 2  # paragraph ends at least
    assert full_lines <= 2
    store.close()


def test_a_span_ending_inside_a_word_keeps_its_tag_on_the_span(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    text = "سافر كيم إلى منتجع وونسان على شاطئ البحر لتحية ضيفه."
    start = text.index("وونسان")
    span = Span(start, start + 4, "LOC")  # a letter follows: no gap for the tag
    store, editor = open_editor(qtbot, tmp_path, text, [span])
    view = editor.view
    block = view.document().firstBlock()
    shape = view.painter.shapes(block)[0]
    assert shape.tag is not None
    span_box = shape.rects[0]
    assert span_box.left() - 1 <= shape.tag.center().x() <= span_box.right() + 1
    store.close()
