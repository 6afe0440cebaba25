"""`export --flatten outermost|innermost`: one layer of non-overlapping spans, every span left
out listed; the doc.ents layer comes from the registry flag `writes_ents`, not a format name."""

from __future__ import annotations

import pytest
from format_helpers import make_project

from annotator.app.exporting import ExportOptions, export_project
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy, Span
from annotator.formats.flatten import flatten_spans
from annotator.formats.registry import load_formats

TEXT = "درس في جامعة القاهرة ثم سافر إلى جامعة نابلس."
UNIVERSITY, CAIRO = Span(7, 20, "ORG"), Span(13, 20, "LOC")
NABLUS_UNI, NABLUS = Span(33, 44, "ORG"), Span(39, 44, "LOC")
TRAVEL = Span(24, 28, "MISC")  # flat, nested in nothing
SPANS = [UNIVERSITY, CAIRO, TRAVEL, NABLUS_UNI, NABLUS]


def _project(tmp_path):
    return make_project(tmp_path / "p.db", [(TEXT, SPANS)], overlap=OverlapPolicy.ALLOW)


def test_only_the_docbin_writer_has_a_doc_ents_layer():
    formats = load_formats()
    assert {name for name, f in formats.items() if f.writes_ents} == {"spacy"}


def test_outermost_and_innermost_layers():
    assert flatten_spans(SPANS, "outermost") == ([UNIVERSITY, TRAVEL, NABLUS_UNI], [CAIRO, NABLUS])
    assert flatten_spans(SPANS, "innermost") == ([CAIRO, TRAVEL, NABLUS], [UNIVERSITY, NABLUS_UNI])
    # three deep: the innermost is the leaf, the outermost the root
    deep = [Span(0, 10, "A"), Span(2, 8, "B"), Span(3, 5, "C")]
    assert flatten_spans(deep, "innermost")[0] == [Span(3, 5, "C")]
    assert flatten_spans(deep, "outermost")[0] == [Span(0, 10, "A")]
    # crossing spans (neither holds the other): the first to start (outer) or to end (inner)
    crossing = [Span(0, 6, "A"), Span(4, 9, "B")]
    assert flatten_spans(crossing, "outermost") == ([Span(0, 6, "A")], [Span(4, 9, "B")])
    assert flatten_spans(crossing, "innermost") == ([Span(0, 6, "A")], [Span(4, 9, "B")])
    flat = [Span(0, 3, "A"), Span(4, 6, "B")]
    assert flatten_spans(flat, "outermost") == flatten_spans(flat, "innermost") == (flat, [])


@pytest.mark.parametrize("layer, kept, out", [
    ("outermost", ["B-ORG", "I-ORG", "B-MISC", "B-ORG", "I-ORG"], [CAIRO, NABLUS]),
    ("innermost", ["O", "B-LOC", "B-MISC", "O", "B-LOC"], [UNIVERSITY, NABLUS_UNI]),
])
def test_conll_flatten_writes_one_tag_column_and_lists_what_it_left_out(tmp_path, layer, kept, out):
    report = export_project(_project(tmp_path), tmp_path / "o.conll",
                            ExportOptions(format="conll", flatten=layer))
    lines = [line.split(" ") for line in (tmp_path / "o.conll").read_text("utf-8").splitlines()
             if line]
    assert all(len(line) == 2 for line in lines)  # one tag column: no nested layer written
    words = ["جامعة", "القاهرة", "سافر", "جامعة", "نابلس"]
    assert [tag for word, tag in lines if word in words] == kept
    assert [(p.start, p.end, p.label) for p in report.flattened_out] == [
        (s.start, s.end, s.label) for s in out]
    assert all(f"--flatten {layer}" in p.reason for p in report.flattened_out)
    assert report.to_dict()["spans_left_out_by_flatten"][0]["document"] == 1
    assert report.spans == 3


def test_without_flatten_conll_keeps_the_multi_tag_layout(tmp_path):
    report = export_project(_project(tmp_path), tmp_path / "o.conll", ExportOptions(format="conll"))
    widths = {len(line.split(" ")) for line in (tmp_path / "o.conll").read_text("utf-8").splitlines()
              if line}
    assert widths == {2, 3} and not report.flattened_out and report.spans == 5


def test_docbin_flattened_has_nothing_left_out_of_doc_ents(tmp_path):
    report = export_project(_project(tmp_path), tmp_path / "o.spacy",
                            ExportOptions(format="spacy", flatten="innermost"))
    assert not report.ents_left_out and len(report.flattened_out) == 2 and report.spans == 3


def test_a_bad_layer_is_a_coded_error_and_writes_nothing(tmp_path):
    with pytest.raises(AnnotatorError) as err:
        export_project(_project(tmp_path), tmp_path / "o.conll",
                       ExportOptions(format="conll", flatten="middle"))
    assert err.value.code is E.E315 and not (tmp_path / "o.conll").exists()
