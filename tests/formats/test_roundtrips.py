"""Round trips: for each format, export then import gives back the same text and spans, on
generated hostile text (emoji, CRLF, double spaces, bidi marks, proclitics) and on the
third-party exports in ../shared/data."""

from __future__ import annotations

import json
import re

from format_helpers import contents, export_import, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.model import Span
from annotator.formats.registry import ReadOptions
from annotator.formats.writing import WriteOptions
from annotator.store.ingest import IngestOptions
from annotator.text.plain import SEPARATOR_CLASS

EXACT_FORMATS = ["spacy", "jsonl", "doccano", "brat", "prodigy", "labelstudio", "conll"]
EXACT_WRITE = {"conll": WriteOptions(docstart=True, columns=("space",))}

WORDS = ["لافروف", "كوريا", "لكوريا", "موسكو.", "Wonsan", "KCTV", "😀", "🇸🇦", "30،000", "“دعم", "سيرجي",
         "و\u200fبوتين", "x"]
GAPS = [" ", "  ", "\r\n", "\n\n", "\t", " \u200f", "\u200f "]
SEPARATORS = re.compile(f"[{SEPARATOR_CLASS}]+")


@st.composite
def documents(draw) -> tuple[str, list[Span]]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    text, spans, previous_end = draw(st.sampled_from(["", " ", "\n"])), [], -1
    for i, word in enumerate(words):
        if i:
            text += draw(st.sampled_from(GAPS))
        start = len(text)
        text += word
        core = word.strip(".“") if word not in ("😀", "🇸🇦") else word
        offset = word.index(core)
        if core.startswith("ل") and core != "لافروف":
            offset += 1  # the entity without its proclitic
        s, e = start + offset, start + word.index(core) + len(core)
        if s < e and s > previous_end and draw(st.booleans()):
            spans.append(Span(s, e, draw(st.sampled_from(["PERS", "LOC"]))))
            previous_end = e
    text += draw(st.sampled_from(["", "\n", " "]))
    return text, spans


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(documents(), min_size=1, max_size=3, unique_by=lambda d: d[0]))
def test_generated_documents_come_back_exactly(tmp_path_factory, docs):
    tmp_path = tmp_path_factory.mktemp("rt")
    store = make_project(tmp_path / "p.db", docs)
    expected = sorted((text, sorted(spans)) for text, spans in docs)
    for fmt in EXACT_FORMATS:
        back = export_import(store, tmp_path, fmt, write=EXACT_WRITE.get(fmt))
        assert sorted(contents(back, "back")) == expected, fmt
        back.close()
    store.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(documents(), min_size=1, max_size=3, unique_by=lambda d: d[0]))
def test_plain_conll_keeps_tokens_and_entities(tmp_path_factory, docs):
    """Without the space column, CoNLL keeps tokens and tags; export again: the same file."""
    tmp_path = tmp_path_factory.mktemp("conll")
    store = make_project(tmp_path / "p.db", docs)
    first = tmp_path / "first.conll"
    export_project(store, first, ExportOptions(format="conll"))
    back = Project.create(tmp_path / "back.db", labels=["PERS", "LOC"])
    import_paths(back, [first], "conll")
    second = tmp_path / "second.conll"
    export_project(back, second, ExportOptions(format="conll"))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    # the same tokens: the text between them (spaces, line breaks, invisible marks such as the
    # U+200F in و\u200fبوتين, which the project tokenizer treats as separators) is one space now
    mentions = sorted(SEPARATORS.sub("", t[s.start:s.end]) for t, spans in docs for s in spans)
    assert sorted(SEPARATORS.sub("", t[s.start:s.end]) for t, spans in contents(back) for s in spans) == mentions


def test_doccano_export_comes_back_as_doccano_wrote_it(tmp_path, shared_data):
    source = shared_data / "tool_exports" / "doccano_export_sequence_labeling_example.jsonl"
    store = Project.create(tmp_path / "p.db", labels=["ORG", "MISC", "PERSON"])
    report = import_paths(store, [source], "auto")
    assert report.formats[str(source)] == "doccano"
    export_project(store, tmp_path / "out.jsonl", ExportOptions(format="doccano"))
    original = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines()]
    exported = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["text"], r["label"]) for r in exported] == [(r["text"], r["label"]) for r in original]


def test_doccano_legacy_users_and_numeric_labels(tmp_path, shared_data):
    source = shared_data / "tool_exports" / "doccano_legacy_download_example.jsonl"
    store = Project.create(tmp_path / "p.db", labels=["PERSON", "ORG"])
    report = import_paths(store, [source], "doccano", ReadOptions(label_map={"1": "PERSON", "2": "ORG"}))
    assert report.ingest.annotators == {"doccano-1"}
    assert [(t[s.start:s.end], s.label) for t, spans in contents(store) for s in spans] == [
        ("EU", "ORG"), ("Peter Blackburn", "PERSON"), ("Obama", "PERSON")]


def test_doccano_overlaps_and_duplicates_are_reported(tmp_path, shared_data):
    folder = shared_data / "tool_exports"
    store = Project.create(tmp_path / "p.db", labels=["LOC", "ORG", "PER"])
    report = import_paths(store, [folder / "doccano_api_tests_sequence_labeling_example.jsonl",
                                  folder / "doccano_api_tests_example_overlapping.jsonl"], "doccano")
    assert report.ingest.spans_merged == 1  # [0, 1, LOC] twice in one record
    assert len(report.ingest.spans_not_kept) == 3  # overlaps refused by the project's policy
    assert report.ingest.annotations_to_duplicates == 2  # "example" again: its spans are kept
    assert all("overlaps" in line for line in report.ingest.spans_not_kept)


def test_prodigy_emoji_offsets_and_round_trip(tmp_path, shared_data):
    source = shared_data / "tool_exports" / "prodigy_fashion_brands_eval.jsonl"
    store = Project.create(tmp_path / "p.db", labels=["FASHION_BRAND"])
    report = import_paths(store, [source])
    assert report.formats[str(source)] == "prodigy" and report.ingest.spans_added == 238
    records = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines()]
    by_text = {r["text"]: sorted((s["start"], s["end"]) for s in r["spans"]) for r in records}
    astral = [t for t in by_text if any(ord(ch) > 0xFFFF for ch in t)]
    assert len(astral) == 16
    stored = {t: sorted((s.start, s.end) for s in spans) for t, spans in contents(store)}
    assert stored == by_text
    for fmt in ("prodigy", "doccano", "spacy"):
        back = export_import(store, tmp_path, fmt)
        assert {t: sorted((s.start, s.end) for s in spans) for t, spans in contents(back, "back")} == by_text, fmt


def test_doccano_counts_utf16_units(tmp_path):
    text = "😀 Paris"
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": text, "label": [[3, 8, "LOC"]]}), encoding="utf-8")
    store = Project.create(tmp_path / "p.db", labels=["LOC"])
    report = import_paths(store, [path], "doccano")
    assert contents(store) == [(text, [Span(2, 7, "LOC")])]
    assert report.notes.counts == {"doccano: spans converted from utf16 offsets": 1}
    export_project(store, tmp_path / "o.jsonl", ExportOptions(format="doccano"))
    assert json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))["label"] == [[3, 8, "LOC"]]


def test_brat_spanish_round_trip(tmp_path, shared_data):
    folder = shared_data / "tool_exports" / "brat_conll2002_esp"
    store = Project.create(tmp_path / "p.db", labels=["ORG", "PER", "LOC", "MISC"])
    report = import_paths(store, [folder])
    assert report.formats[str(folder)] == "brat" and report.ingest.spans_added == 192
    export_project(store, tmp_path / "out", ExportOptions(format="brat"))

    def entities(path):
        return sorted(tuple(line.split("\t")[1:]) for ann in sorted(path.glob("*.ann"))
                      for line in ann.read_text(encoding="utf-8").splitlines())

    assert entities(tmp_path / "out") == entities(folder)
    assert "[entities]" in (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")


def test_label_studio_export_with_two_annotators(tmp_path):
    text = "Peter Blackburn 😀 visited Paris"
    tasks = [{"id": 7, "data": {"text": text}, "annotations": [
        {"completed_by": 1, "result": [
            {"type": "labels", "value": {"start": 0, "end": 15, "text": "Peter Blackburn", "labels": ["PER"]}},
            # an older Label Studio counted UTF-16 units after the emoji
            {"type": "labels", "value": {"start": 27, "end": 32, "text": "Paris", "labels": ["LOC"]}},
            {"type": "relation", "from_id": "a", "to_id": "b"}]},
        {"completed_by": {"email": "b@example.org"}, "result": [
            {"type": "labels", "value": {"start": 26, "end": 31, "text": "Paris", "labels": ["LOC"]}}]},
        {"completed_by": 3, "was_cancelled": True, "result": []}],
        "predictions": [{"result": []}]}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    store = Project.create(tmp_path / "p.db", labels=["PER", "LOC"])
    report = import_paths(store, [path])
    assert report.ingest.annotators == {"labelstudio-1", "b@example.org"}
    assert contents(store, "labelstudio-1") == [(text, [Span(0, 15, "PER"), Span(26, 31, "LOC")])]
    assert contents(store, "b@example.org") == [(text, [Span(26, 31, "LOC")])]
    assert report.notes.counts == {
        "labelstudio: regions converted from utf16 offsets": 1,
        "labelstudio: relation results not imported": 1,
        "labelstudio: cancelled annotations skipped": 1,
        "labelstudio: predictions not imported": 1}
    overridden = Project.create(tmp_path / "q.db", labels=["PER", "LOC"])
    report = import_paths(overridden, [path], "auto", ReadOptions(), IngestOptions(annotator="me"))
    assert report.ingest.annotators == {"me"} and report.ingest.spans_merged == 1
