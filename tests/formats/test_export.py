"""Export: the seed article's entities stay exact, misaligned spans stop the export or are
listed, whose annotations and which documents are exported, splits by document."""

from __future__ import annotations

import json
import re

import pytest
from format_helpers import make_project

from annotator.app.exporting import (
    ExportOptions,
    assign_splits,
    export_project,
    merge_spans,
    parse_split,
)
from annotator.core.errors import AnnotatorError
from annotator.core.model import (
    GOLD_ANNOTATOR,
    OverlapPolicy,
    SourceDocument,
    Span,
    SpanState,
    Status,
)
from annotator.core.operations import AddSpan, SetStatus
from annotator.formats.writing import WriteOptions
from annotator.store.ingest import IngestOptions, ingest

NAMES = {
    "سيرجي لافروف": "PERS", "لافروف": "PERS", "كوريا الشمالية": "LOC", "موسكو": "LOC",
    "أوكرانيا": "LOC", "فلاديمير بوتين": "PERS", "بوتين": "PERS", "كيم جونغ أون": "PERS",
    "وونسان": "LOC", "Wonsan": "LOC", "KCTV": "ORG", "روسيا": "LOC", "كورسك": "LOC",
    "تاس": "ORG", "بيونج يانغ": "LOC", "تشوي سون هوي": "PERS",
}


def seed_spans(text: str) -> list[Span]:
    """Every mention of NAMES (longest first, no overlaps), also inside words (لكوريا)."""
    taken: list[Span] = []
    for name in sorted(NAMES, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            span = Span(match.start(), match.end(), NAMES[name])
            if not any(span.overlaps(t) for t in taken):
                taken.append(span)
    return sorted(taken)


def conll_entities(path) -> list[str]:
    entities, current = [], []
    for line in path.read_text(encoding="utf-8").split("\n") + [""]:
        parts = line.split(" ")
        tag = parts[-1] if len(parts) > 1 else "O"
        if tag.startswith("B-") or tag == "O":
            if current:
                entities.append(" ".join(current))
            current = [parts[0]] if tag.startswith("B-") else []
        else:
            current.append(parts[0])
    return entities


@pytest.mark.parametrize("fmt", ["conll", "spacy"])
def test_seed_article_entities_are_exact(tmp_path, seed_text, fmt):
    spans = seed_spans(seed_text)
    assert len(spans) >= 31
    assert any(seed_text[s.start - 1] == "ل" for s in spans)  # لكوريا: a proclitic before it
    assert any(seed_text[s.end:s.end + 1] == "." for s in spans)  # موسكو. and أوكرانيا.
    store = make_project(tmp_path / "p.db", [(seed_text, spans)])
    out = tmp_path / f"seed.{fmt}"
    report = export_project(store, out, ExportOptions(format=fmt))
    assert report.spans == len(spans) and report.misaligned == []
    mentions = [" ".join(seed_text[s.start:s.end].split()) for s in spans]
    if fmt == "conll":
        assert conll_entities(out) == mentions
        text = out.read_text(encoding="utf-8")
        assert text.count("\n\n") > 10  # sentences, not one line of the whole document
    else:
        import spacy
        from spacy.tokens import DocBin

        [doc] = DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab)
        assert doc.text == seed_text
        assert [e.text for e in doc.ents] == [seed_text[s.start:s.end] for s in spans]


def test_span_edge_inside_a_token_splits_it_and_says_so(tmp_path):
    text = "زار الوفدُ لكوريابسرعة أمس."
    inner = text.index("كوريا")
    store = make_project(tmp_path / "p.db", [(text, [Span(inner, inner + 5, "LOC")])])
    report = export_project(store, tmp_path / "o.conll", ExportOptions(format="conll"))
    assert [str(s.offset) for s in report.token_splits] == [str(inner), str(inner + 5)]
    assert "كوريا B-LOC" in (tmp_path / "o.conll").read_text(encoding="utf-8")
    with pytest.raises(AnnotatorError, match="E301") as err:
        export_project(store, tmp_path / "o2.conll",
                       ExportOptions(format="conll", split_at_spans=False))
    assert not (tmp_path / "o2.conll").exists() and not list(tmp_path.glob(".o2*"))
    problems = err.value.details["problems"]
    assert [(p.start, p.end, p.text) for p in problems] == [(inner, inner + 5, "كوريا")]
    report = export_project(store, tmp_path / "o3.conll", ExportOptions(
        format="conll", split_at_spans=False, skip_misaligned=True))
    assert report.spans == 0 and len(report.misaligned) == 1


def test_whitespace_edges_and_overlaps_are_reported_not_dropped(tmp_path):
    text = "Peter Blackburn visited  New York."
    spans = [Span(0, 5, "PERS"), Span(0, 15, "PERS"), Span(24, 33, "LOC")]  # overlap; " New York"
    store = make_project(tmp_path / "p.db", [(text, spans)], language="en",
                         overlap=OverlapPolicy.ALLOW)
    # " New York" (an older project may hold it) is trimmed to "New York" and listed, and
    # nothing is refused
    report = export_project(store, tmp_path / "o.spacy", ExportOptions(format="spacy"))
    # spaCy keeps the overlap in doc.spans; only doc.ents leaves the inner span out (listed)
    assert report.spans == 3 and report.misaligned == []
    assert [(p.start, p.end, p.text) for p in report.trimmed] == [(24, 33, " New York")]
    assert "exported as [25, 33)" in report.trimmed[0].reason
    assert [(p.start, p.end) for p in report.ents_left_out] == [(0, 5)]
    # formats without tokens keep overlapping spans as they are, trimmed by the same rule
    report = export_project(store, tmp_path / "o.jsonl", ExportOptions(format="doccano"))
    assert report.spans == 3 and len(report.trimmed) == 1
    line = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert [25, 33, "LOC"] in [list(label) for label in line["label"]]


def _two_annotators(tmp_path):
    text_a, text_b, text_c = "Paris and Rome", "Berlin is big", "Oslo"
    store = make_project(tmp_path / "p.db", [(text_a, [Span(0, 5, "LOC")]), (text_b, [Span(0, 6, "LOC")])],
                         annotator="alice", language="en")
    with store.store.engine.begin() as c:
        ingest(c, [SourceDocument(text_a, spans=[Span(0, 5, "LOC"), Span(10, 14, "LOC")], annotated=True),
                   SourceDocument(text_b, spans=[Span(0, 6, "ORG")], annotated=True),
                   SourceDocument(text_c, annotated=True)],
               store.info().overlap_policy, IngestOptions(annotator="bob", status=Status.IN_PROGRESS))
    return store


def test_which_annotations_and_which_documents(tmp_path):
    store = _two_annotators(tmp_path)
    with pytest.raises(AnnotatorError, match="E304.*alice, bob"):
        export_project(store, tmp_path / "x.jsonl", ExportOptions(format="doccano"))

    def exported(name, **options):
        out = tmp_path / f"{name}.jsonl"
        export_project(store, out, ExportOptions(format="doccano", **options))
        return [(r["text"], r["label"]) for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())]

    assert exported("alice", annotator="alice") == [
        ("Paris and Rome", [[0, 5, "LOC"]]), ("Berlin is big", [[0, 6, "LOC"]])]
    with pytest.raises(AnnotatorError, match="E303"):  # bob has nothing done
        exported("bob", annotator="bob")
    assert exported("bob_all", annotator="bob", all_documents=True) == [
        ("Paris and Rome", [[0, 5, "LOC"], [10, 14, "LOC"]]), ("Berlin is big", [[0, 6, "ORG"]]),
        ("Oslo", [])]
    assert exported("union", merge="union", all_documents=True)[1] == (
        "Berlin is big", [[0, 6, "LOC"], [0, 6, "ORG"]])
    assert exported("inter", merge="intersection", all_documents=True)[:2] == [
        ("Paris and Rome", [[0, 5, "LOC"]]), ("Berlin is big", [])]
    with pytest.raises(AnnotatorError, match="E303.*gold"):
        exported("gold", gold=True)
    doc_id = store.document_ids()[0]
    gold = store.annotation_id(doc_id, GOLD_ANNOTATOR)
    store.apply(AddSpan(gold, 10, 14, "LOC"))
    store.apply(SetStatus(gold, Status.DONE))
    assert exported("gold2", gold=True) == [("Paris and Rome", [[10, 14, "LOC"]])]
    assert exported("default") == [("Paris and Rome", [[10, 14, "LOC"]])]  # gold when there is one


def test_suggestions_only_when_asked(tmp_path):
    store = make_project(tmp_path / "p.db", [("Paris and Rome", [Span(0, 5, "LOC")])], language="en")
    annotation = store.annotation_id(store.document_ids()[0], "ann")
    store.apply(AddSpan(annotation, 10, 14, "LOC", state=SpanState.SUGGESTED))
    plain = export_project(store, tmp_path / "a.jsonl", ExportOptions(format="doccano"))
    with_suggestions = export_project(store, tmp_path / "b.jsonl",
                                      ExportOptions(format="doccano", suggestions=True))
    assert (plain.spans, with_suggestions.spans) == (1, 2)


def test_majority_merge_rule():
    a, b, c = Span(0, 1, "X"), Span(2, 3, "X"), Span(4, 5, "X")
    assert merge_spans([{a, b}, {a, c}, {a, b}], "majority") == [a, b]
    assert merge_spans([{a, b}, {a, c}], "majority") == [a]
    assert merge_spans([{a, b}, {a, c}], "union") == [a, b, c]


def test_splits_by_document_with_a_seed(tmp_path):
    ids = list(range(1, 101))
    first = assign_splits(ids, parse_split("train=0.8,dev=0.1,test=0.1"), 7)
    assert first == assign_splits(ids, parse_split("train=0.8,dev=0.1,test=0.1"), 7)
    assert first != assign_splits(ids, parse_split("train=0.8,dev=0.1,test=0.1"), 8)
    assert sorted(list(first.values()).count(n) for n in ("train", "dev", "test")) == [10, 10, 80]
    for bad in ("train=0.8,dev=0.3", "train=x", "a b=1", "train=0.5,train=0.5"):
        with pytest.raises(AnnotatorError, match="E305"):
            parse_split(bad)
    docs = [(f"Document number {i} in Paris", [Span(len(f"Document number {i} in "), len(f"Document number {i} in Paris"), "LOC")]) for i in range(10)]
    store = make_project(tmp_path / "p.db", docs, language="en")
    report = export_project(store, tmp_path / "corpus", ExportOptions(
        format="spacy", splits={"train": 0.7, "dev": 0.3}, seed=1))
    assert report.documents == {"train": 7, "dev": 3}
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["dev.spacy", "train.spacy"]
    with pytest.raises(AnnotatorError, match="E306"):
        export_project(store, tmp_path / "corpus", ExportOptions(format="spacy", splits={"train": 1.0}))
    export_project(store, tmp_path / "corpus", ExportOptions(format="spacy", splits={"train": 1.0},
                                                             overwrite=True))
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["train.spacy"]


def test_conll_options(tmp_path):
    store = make_project(tmp_path / "p.db", [("Peter Blackburn met EU officials. They talked.",
                                              [Span(0, 15, "PERS"), Span(20, 22, "ORG")])], language="en")
    export_project(store, tmp_path / "o.conll", ExportOptions(format="conll", write=WriteOptions(
        scheme="bilou", docstart=True, columns=("start", "end"), separator="\t")))
    lines = (tmp_path / "o.conll").read_text(encoding="utf-8").split("\n")
    assert lines[0] == "# global.columns = TOKEN START END TAG"
    assert lines[1] == "-DOCSTART-\t0\t0\tO"
    assert lines[3:5] == ["Peter\t0\t5\tB-PERS", "Blackburn\t6\t15\tL-PERS"]
    assert "EU\t20\t22\tU-ORG" in lines and "" in lines[7:-2]  # a sentence break


@pytest.mark.parametrize("fmt", ["conll", "spacy"])
def test_the_report_counts_tokens_not_lines(tmp_path, fmt):
    """Two sentences of two tokens are four tokens, whatever the line breaks between them."""
    text = "Paris is.\nRome was."
    store = make_project(tmp_path / "p.db", [(text, [Span(0, 5, "LOC")])], labels=["LOC"],
                         language="en")
    report = export_project(store, tmp_path / f"o.{fmt}", ExportOptions(format=fmt))
    assert report.tokens == 6  # Paris is . Rome was .
