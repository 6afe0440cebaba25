"""Nested and overlapping spans survive every format that carries them (spaCy DocBin via
doc.spans, spaCy JSONL, doccano, brat, Prodigy, Label Studio), both ways; a project that
refuses overlaps lists every span of such a file it does not keep."""

from __future__ import annotations

from format_helpers import contents, make_project
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.model import OverlapPolicy, Span
from annotator.formats.registry import ReadOptions
from annotator.store.ingest import IngestOptions

NESTED_FORMATS = ["spacy", "jsonl", "doccano", "brat", "prodigy", "labelstudio"]
WORDS = ["جامعة", "القاهرة", "وزير", "الخارجية", "الروسي", "نابلس", "في", "😀", "Wonsan"]
LABELS = ["ORG", "GPE", "OCC", "PERS"]


@st.composite
def nested_documents(draw) -> tuple[str, list[Span]]:
    """Words joined by spaces; spans over runs of whole words, any of them nested in or
    overlapping another (never two identical spans: a project holds each once)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=8))
    starts, text = [], ""
    for word in words:
        starts.append(len(text))
        text += word + " "
    text = text[:-1]
    ranges = draw(st.sets(st.tuples(st.integers(0, len(words) - 1), st.integers(1, 3)),
                          max_size=5))
    spans = {Span(starts[first], starts[min(first + size, len(words)) - 1]
                  + len(words[min(first + size, len(words)) - 1]), draw(st.sampled_from(LABELS)))
             for first, size in ranges}
    unique = {(s.start, s.end): s for s in spans}  # one label per extent
    return text, sorted(unique.values())


def _round_trip(store: Project, tmp_path, fmt: str) -> Project:
    out = tmp_path / f"rt-{fmt}"
    export_project(store, out, ExportOptions(format=fmt))
    back = Project.create(tmp_path / f"rt-{fmt}.db", labels=LABELS,
                          overlap_policy=OverlapPolicy.ALLOW)
    import_paths(back, [out], fmt, ReadOptions(), IngestOptions(annotator="back"))
    return back


@settings(max_examples=5, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # no slow shrinking
@given(docs=st.lists(nested_documents(), min_size=1, max_size=3, unique_by=lambda d: d[0]))
def test_nested_spans_come_back_exactly_in_every_format_that_carries_them(tmp_path_factory, docs):
    tmp_path = tmp_path_factory.mktemp("nested")
    store = make_project(tmp_path / "p.db", docs, labels=LABELS, overlap=OverlapPolicy.ALLOW)
    expected = sorted((text, sorted(spans)) for text, spans in docs)
    for fmt in NESTED_FORMATS:
        back = _round_trip(store, tmp_path, fmt)
        assert sorted(contents(back, "back")) == expected, fmt
        back.close()
    store.close()


def test_refusing_project_lists_every_overlapping_span_it_does_not_keep(tmp_path):
    text = "درس في جامعة القاهرة ثم زار نابلس."
    spans = [Span(7, 20, "ORG"), Span(13, 20, "GPE"), Span(28, 33, "GPE")]
    store = make_project(tmp_path / "p.db", [(text, spans)], labels=LABELS,
                         overlap=OverlapPolicy.ALLOW)
    for fmt in NESTED_FORMATS:
        out = tmp_path / f"o-{fmt}"
        export_project(store, out, ExportOptions(format=fmt))
        refusing = Project.create(tmp_path / f"r-{fmt}.db", labels=LABELS)
        report = import_paths(refusing, [out], fmt, ReadOptions(), IngestOptions(annotator="r"))
        assert len(report.ingest.spans_not_kept) == 1, fmt
        assert "[13, 20) GPE 'القاهرة' overlaps [7, 20) ORG" in report.ingest.spans_not_kept[0], fmt
        kept = contents(refusing, "r")[0][1]
        assert kept == [Span(7, 20, "ORG"), Span(28, 33, "GPE")], fmt
        refusing.close()
