"""No label, tag or bracket is ever painted over a glyph: at many window widths, font sizes
and zoom levels, right to left and left to right, with flat and nested spans, every tag and
bracket box (from the plans the painter paints) is checked against the ink box of every glyph
of the laid-out text (from Qt's glyph runs and the font's own glyph bounds)."""

from __future__ import annotations

import re

import pytest
from conftest import ANNOTATOR, LTR_TEXT
from PySide6.QtCore import QRectF

from annotator.app.project import Project
from annotator.core.model import Direction, OverlapPolicy, SourceDocument, Span, SpanState
from annotator.store.ingest import IngestOptions, ingest
from annotator.ui.editor.editor_widget import EditorWidget
from annotator.ui.fonts import text_font
from annotator.ui.session import DocumentSession

WORD = re.compile(r"\w+")
WIDTHS = range(330, 1400, 61)
FONT_SIZES = (10.5, 15, 23)


def spans_on_words(text: str) -> list[Span]:
    """Every word a span (so every line ends in one), every third a suggestion; and outer
    spans over each run of three words (nested)."""
    words = [m.span() for m in WORD.finditer(text)]
    spans = [Span(s, e, ("LOC", "PERS", "ORG", "MISC")[i % 4]) for i, (s, e) in enumerate(words)]
    spans += [Span(words[i][0], words[i + 2][1], "ORG") for i in range(0, len(words) - 2, 5)
              if "\n" not in text[words[i][0]:words[i + 2][1]]]
    return spans


def open_editor(qtbot, tmp_path, text: str, spans: list[Span]):  # type: ignore[no-untyped-def]
    project = Project.create(tmp_path / "tags.db", labels=["PERS", "LOC", "ORG", "MISC"],
                             overlap_policy=OverlapPolicy.ALLOW)
    suggested = spans[2::3]
    for state, group in ((SpanState.ACCEPTED, [s for s in spans if s not in suggested]),
                         (SpanState.SUGGESTED, suggested)):
        with project.store.engine.begin() as c:
            ingest(c, [SourceDocument(text, source="t.txt", spans=group)], OverlapPolicy.ALLOW,
                   IngestOptions(annotator=ANNOTATOR, span_state=state))
    editor = EditorWidget(project.labels(), text_font("DejaVu Sans", 15), "ar")
    qtbot.addWidget(editor)
    session = DocumentSession(project, project.document_ids()[0], ANNOTATOR)
    assert len(session.index) == len(set(spans))
    editor.open_session(session, Direction.AUTO)
    editor.resize(700, 900)
    with qtbot.waitSignal(editor.view.first_painted):
        editor.show()
    return project, editor


def glyph_ink(block) -> list[QRectF]:  # type: ignore[no-untyped-def]
    """The ink box of every glyph of BLOCK (layout coordinates), marks included."""
    boxes = []
    layout = block.layout()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        for run in layout.glyphRuns(line.textStart(), line.textLength()):
            font = run.rawFont()
            for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True):
                ink = font.boundingRect(glyph)
                if ink.width() > 0 and ink.height() > 0:
                    boxes.append(ink.translated(position))
    return boxes


def annotation_boxes(view, block) -> list[tuple[object, QRectF]]:  # type: ignore[no-untyped-def]
    """Every tag and bracket box the painter paints for BLOCK (layout coordinates)."""
    return [(f.span, box) for f in view.painter.fragments(block) for box in (f.tag, f.bar)]


def covered_glyphs(view) -> tuple[list[str], int, int]:  # type: ignore[no-untyped-def]
    """Every (tag or bracket, glyph) pair that meets, over all blocks; and how many tags end
    a line, and how many boxes were checked."""
    problems, at_line_end, checked = [], 0, 0
    block = view.document().firstBlock()
    while block.isValid():
        view.blockBoundingRect(block)  # laid out, and its bands made, like on screen
        ink = glyph_ink(block)
        layout = block.layout()
        line_ends = {layout.lineAt(i).textStart() + layout.lineAt(i).textLength()
                     for i in range(layout.lineCount())}
        for span, box in annotation_boxes(view, block):
            checked += 1
            hit = [glyph for glyph in ink if glyph.intersects(box)]
            if hit:
                problems.append(f"{span} at {box} covers a glyph at {hit[0]}")
        for fragment in view.painter.fragments(block):
            end = view.offsets.to_qt(fragment.span.end) - block.position()
            at_line_end += any(end <= e <= end + 2 for e in line_ends)
        block = block.next()
    return problems, at_line_end, checked


@pytest.mark.parametrize("right_to_left", [True, False])
def test_no_tag_or_bracket_covers_a_glyph_at_any_width_font_size_or_direction(
        qtbot, tmp_path, seed, right_to_left):  # type: ignore[no-untyped-def]
    text = "\n\n".join(seed.split("\n\n")[:4]) if right_to_left else "\n\n".join(
        [LTR_TEXT, LTR_TEXT.replace("Lavrov", "Sergei Lavrov"), LTR_TEXT])
    project, editor = open_editor(qtbot, tmp_path, text, spans_on_words(text))
    view = editor.view
    assert view.right_to_left is right_to_left
    line_end_tags = checked = 0
    for size in FONT_SIZES:
        editor.set_text_font(text_font("DejaVu Sans", size))
        for width in WIDTHS:
            editor.resize(width, 900)
            qtbot.wait(1)
            problems, at_line_end, boxes = covered_glyphs(view)
            assert problems == [], (size, width, problems[:3])
            line_end_tags += at_line_end
            checked += boxes
    assert line_end_tags > 200 and checked > 2000  # the hard cases were there
    project.close()


def test_nested_spans_stack_inner_below_outer_and_every_tag_is_on_its_span(
        qtbot, tmp_path):  # type: ignore[no-untyped-def]
    text = "وقال رئيس جامعة القاهرة إن الطلاب عادوا."
    outer = Span(*re.search("جامعة القاهرة", text).span(), "ORG")  # type: ignore[union-attr]
    inner = Span(*re.search("القاهرة", text).span(), "LOC")  # type: ignore[union-attr]
    title = Span(*re.search("رئيس جامعة القاهرة", text).span(), "PERS")  # type: ignore[union-attr]
    project, editor = open_editor(qtbot, tmp_path, text, [inner, outer, title])
    view = editor.view
    block = view.document().firstBlock()
    rows = {f.span.label: f for f in view.painter.fragments(block)}
    assert rows["LOC"].row == 0 and rows["ORG"].row == 1 and rows["PERS"].row == 2
    for fragment in rows.values():  # each bar spans exactly its text, its tag centred on it
        text_box = fragment.boxes[0]
        assert abs(fragment.bar.left() - text_box.left()) < 1
        assert abs(fragment.bar.right() - text_box.right()) < 1
        assert abs(fragment.tag.center().x() - text_box.center().x()) < 1
        assert fragment.tag.bottom() < text_box.top()  # above the text: in the band
    assert rows["PERS"].tag.bottom() <= rows["ORG"].tag.top() <= rows["LOC"].tag.top()
    line = block.layout().lineAt(0)
    assert line.y() >= 3 * editor.span_style.row_height  # the band is in the layout
    project.close()
