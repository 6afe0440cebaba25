"""spaCy export of nested spans: every span in doc.spans[key], the outermost layer in
doc.ents (what it leaves out listed), and a DocBin read back gives every span again."""

from __future__ import annotations

import json

from format_helpers import make_project
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from annotator.app.exporting import ExportOptions, export_project
from annotator.core.model import OverlapPolicy, Span
from annotator.formats.registry import ReadOptions
from annotator.formats.spacy_docbin import read_docbin
from annotator.formats.writing import WriteOptions

TEXT = "درس في جامعة القاهرة ثم سافر إلى جامعة نابلس."
UNIVERSITY, CAIRO = Span(7, 20, "ORG"), Span(13, 20, "LOC")
NABLUS_UNI, NABLUS = Span(33, 44, "ORG"), Span(39, 44, "LOC")
SPANS = [UNIVERSITY, CAIRO, NABLUS_UNI, NABLUS]


def _project(tmp_path):
    assert TEXT[CAIRO.start:CAIRO.end] == "القاهرة" and TEXT[NABLUS.start:NABLUS.end] == "نابلس"
    return make_project(tmp_path / "p.db", [(TEXT, SPANS), ("لا شيء هنا.", [])],
                        overlap=OverlapPolicy.ALLOW)


def test_docbin_holds_every_span_in_doc_spans_and_the_outer_layer_in_doc_ents(tmp_path):
    report = export_project(_project(tmp_path), tmp_path / "o.spacy",
                            ExportOptions(format="spacy"))
    assert report.spans == 4 and not report.misaligned
    assert sorted((p.start, p.end, p.label) for p in report.ents_left_out) == [
        (13, 20, "LOC"), (39, 44, "LOC")]
    docs = list(DocBin().from_disk(tmp_path / "o.spacy").get_docs(Vocab()))
    doc = docs[0]
    assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == sorted(
        (s.start, s.end, s.label) for s in SPANS)
    assert [(e.text, e.label_) for e in doc.ents] == [("جامعة القاهرة", "ORG"), ("جامعة نابلس", "ORG")]
    assert not docs[1].spans and not docs[1].ents
    # reading the DocBin back gives every span, none twice
    back = list(read_docbin(tmp_path / "o.spacy", ReadOptions()))
    assert back[0].text == TEXT and sorted(back[0].spans) == sorted(SPANS)


def test_span_key_is_configurable_and_jsonl_carries_nested_spans(tmp_path):
    store = _project(tmp_path)
    export_project(store, tmp_path / "o.spacy", ExportOptions(
        format="spacy", write=WriteOptions(span_key="ner_nested")))
    doc = next(DocBin().from_disk(tmp_path / "o.spacy").get_docs(Vocab()))
    assert list(doc.spans) == ["ner_nested"] and len(doc.spans["ner_nested"]) == 4
    export_project(store, tmp_path / "o.jsonl", ExportOptions(format="jsonl"))
    record = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert sorted((s["start"], s["end"], s["label"]) for s in record["spans"]) == sorted(
        (s.start, s.end, s.label) for s in SPANS)
