"""The disagreement view on nested spans: each annotator's inner and outer spans are both
drawn (on separate band rows), and only the layer they differ on is ringed."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.app.project import Project
from annotator.core.model import OverlapPolicy, SourceDocument, Span, Status
from annotator.core.operations import AddSpan, Batch, SetStatus
from annotator.store.ingest import IngestOptions, ingest

TEXT = "درس في جامعة نابلس وزير الخارجية الروسي"


def _span(first: str, last: str, label: str) -> Span:
    start = TEXT.index(first)
    return Span(start, TEXT.index(last) + len(last), label)


OUTER, INNER = _span("جامعة", "نابلس", "ORG"), _span("نابلس", "نابلس", "GPE")


def test_nested_spans_of_each_annotator_are_drawn_and_only_the_inner_difference_ringed(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from annotator.ui.agreement.disagreement_view import DisagreementDialog
    from annotator.ui.editor.span_painter import visible_blocks
    from annotator.ui.fonts import text_font

    project = Project.create(tmp_path / "n.db", labels=["ORG", "GPE", "LOC"],
                             overlap_policy=OverlapPolicy.ALLOW)
    with project.store.write() as c:
        ingest(c, [SourceDocument(TEXT)], project.info().overlap_policy, IngestOptions())
    (doc_id,) = project.document_ids()
    for name, spans in (("amal", [OUTER, INNER]), ("badr", [OUTER])):
        annotation = project.annotation_id(doc_id, name)
        project.apply(Batch((*(AddSpan(annotation, s.start, s.end, s.label) for s in spans),
                             SetStatus(annotation, Status.DONE)), "test"))
    try:
        dialog = DisagreementDialog(project, doc_id, "cora", text_font("", 14), None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        view = dialog.views["amal"]
        view.viewport().repaint()
        block, _origin = next(iter(visible_blocks(view)))
        fragments = view.span_geometry.plan(block).fragments  # type: ignore[union-attr]
        rows = {f.span.span: f.row for f in fragments}
        assert set(rows) == {OUTER, INNER} and rows[OUTER] != rows[INNER]
        tags = [f.tag for f in fragments]
        assert not tags[0].intersects(tags[1])  # both labels readable
        assert {s.span for s in view.differences} == {INNER}
        assert {s.span for s in dialog.views["badr"].differences} == set()
        assert re.search(r"\b1\b", dialog.headers["amal"].text())
    finally:
        project.close()
