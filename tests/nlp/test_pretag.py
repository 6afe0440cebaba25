"""Batch pre-tagging: suggestions never overwrite people's spans, re-runs add nothing twice,
labels are mapped, the right annotations receive them, and a cancelled or crashed run leaves
every document fully pre-tagged or untouched."""

from __future__ import annotations

import pytest
from pretag_support import ListPretagger, add_plain_documents, make_project

from annotator.app.pretagging import (
    parse_label_map,
    plan_labels,
    pretag_documents,
    split_label_maps,
)
from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.model import OverlapPolicy, Span, SpanState, Status
from annotator.core.operations import AddSpan, SetStatus
from annotator.nlp.pretaggers import CombinedPretagger

TEXT = "زار لافروف كوريا الشمالية"  # لافروف [4, 10), كوريا الشمالية [11, 25)
FIXED = {TEXT: [(4, 10, "PERSON"), (11, 25, "GPE"), (11, 16, "GPE")]}
MAP = {"PERSON": "PERS", "GPE": "LOC"}


def spans_of(store, doc_id, annotator):
    return sorted((s.start, s.end, s.label, s.state, s.origin)
                  for s in store.spans(store.annotation_id(doc_id, annotator)))


def test_suggestions_are_stored_with_origin_and_score_and_the_status_stays_new(tmp_path):
    store = make_project(tmp_path / "p.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, [TEXT])
    report = pretag_documents(store, ListPretagger(FIXED, score=0.75), annotator="amal",
                              label_map=MAP)
    stored = store.spans(store.annotation_id(1, "amal"))
    assert [(s.start, s.end, s.label, s.state, s.origin, s.score) for s in stored] == [
        (4, 10, "PERS", SpanState.SUGGESTED, "test/fixed:1", 0.75),
        (11, 25, "LOC", SpanState.SUGGESTED, "test/fixed:1", 0.75)]
    assert report.suggestions.added == 2 and report.suggestions.overlapping_suggested == 1
    assert store.annotation_status(store.annotation_id(1, "amal")) is Status.NEW


def test_running_again_adds_nothing_twice(tmp_path):
    store = make_project(tmp_path / "p.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, [TEXT])
    pretag_documents(store, ListPretagger(FIXED), annotator="amal", label_map=MAP)
    before = spans_of(store, 1, "amal")
    again = pretag_documents(store, ListPretagger(FIXED, origin="test/other:2"),
                             annotator="amal", label_map=MAP)
    assert spans_of(store, 1, "amal") == before
    assert again.suggestions.added == 0 and again.suggestions.identical == 2


def test_accepted_and_manual_spans_are_never_touched(tmp_path):
    store = make_project(tmp_path / "p.db", [(TEXT, [Span(11, 16, "LOC")])],
                         status=Status.IN_PROGRESS, labels=["PERS", "LOC"])
    annotation = store.annotation_id(1, "amal")
    store.apply(AddSpan(annotation, 4, 10, "PERS"))  # identical to a suggestion: kept as is
    before = spans_of(store, 1, "amal")
    report = pretag_documents(store, ListPretagger(FIXED), label_map=MAP)
    assert spans_of(store, 1, "amal") == before  # nothing added, changed or removed
    counts = report.suggestions
    assert (counts.added, counts.identical, counts.overlapping_accepted) == (0, 2, 1)


def test_overlaps_with_earlier_suggestions_are_dropped_but_allowed_by_the_allow_policy(tmp_path):
    store = make_project(tmp_path / "p.db", [(TEXT, [Span(11, 16, "MISC")])],
                         status=Status.IN_PROGRESS, labels=["PERS", "LOC", "MISC"],
                         overlap_policy=OverlapPolicy.ALLOW)
    report = pretag_documents(store, ListPretagger(FIXED), label_map=MAP)
    assert report.suggestions.added == 3  # overlapping spans are what ALLOW projects want
    same_label = ListPretagger({TEXT: [(11, 25, "MISC")]})
    assert pretag_documents(store, same_label).suggestions.overlapping_accepted == 1


def test_label_mapping_unmapped_labels_and_new_labels(tmp_path):
    store = make_project(tmp_path / "p.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, [TEXT])
    pretagger = ListPretagger({TEXT: [(4, 10, "PERSON"), (11, 25, "GPE"), (0, 3, "DATE")]})
    assert plan_labels(store, pretagger, MAP) == ({"GPE": "LOC", "PERSON": "PERS"}, ["DATE"])
    assert plan_labels(store, pretagger, {**MAP, "DATE": ""})[1] == []
    report = pretag_documents(store, pretagger, annotator="amal", label_map=MAP)
    assert report.unmapped == {"DATE": 1}
    assert [s[2] for s in spans_of(store, 1, "amal")] == ["PERS", "LOC"]
    report = pretag_documents(store, pretagger, annotator="amal", label_map=MAP, new_labels="add")
    assert report.labels_added == ["DATE"] and report.suggestions.added == 1
    assert "DATE" in {label.name for label in store.labels()}


def test_parse_label_map():
    assert parse_label_map(["GPE=LOC", "PERSON=PERS,DATE=-"]) == {
        "GPE": "LOC", "PERSON": "PERS", "DATE": ""}
    with pytest.raises(AnnotatorError, match="E406"):
        parse_label_map(["GPE"])
    assert split_label_maps(["GPE=LOC,spacy:PERSON=PERS", "rules:ORG=-", "X:Y=Z"],
                            ["spacy", "rules"]) == (
        {"GPE": "LOC", "X:Y": "Z"}, {"spacy": {"PERSON": "PERS"}, "rules": {"ORG": ""}})


def test_whose_annotations_receive_suggestions(tmp_path):
    docs = [(f"{TEXT} {i}", []) for i in range(4)]
    store = make_project(tmp_path / "p.db", docs, labels=["PERS", "LOC"], status=Status.NEW)
    ids = store.document_ids()
    store.apply(SetStatus(store.annotation_id(ids[0], "amal"), Status.DONE))
    store.apply(SetStatus(store.annotation_id(ids[1], "amal"), Status.IN_PROGRESS))
    add_plain_documents(store, ["نص بلا تعليق"])  # nobody has an annotation of it
    pretagger = ListPretagger({text: [(4, 10, "PERS")] for text, _ in docs})
    report = pretag_documents(store, pretagger, untouched_only=True)
    assert (report.documents_to_tag, report.started_skipped, report.without_open_annotation) \
        == (2, 1, 2)  # the done one counts as having no open annotation
    assert [len(store.spans(store.annotation_id(d, "amal"))) for d in ids] == [0, 0, 1, 1]
    report = pretag_documents(store, pretagger)
    assert [len(store.spans(store.annotation_id(d, "amal"))) for d in ids] == [0, 1, 1, 1]
    report = pretag_documents(store, pretagger, annotator="bob", doc_ids=ids[:2])
    assert report.documents_tagged == 2 and report.suggestions.added == 2
    assert store.annotation_status(store.annotation_id(ids[0], "bob")) is Status.NEW
    store.apply(SetStatus(store.annotation_id(ids[0], "bob"), Status.SKIPPED))
    assert pretag_documents(store, pretagger, annotator="bob", doc_ids=ids[:2]).finished_skipped == 1
    with pytest.raises(AnnotatorError, match="E110"):
        pretag_documents(store, pretagger, annotator="bob", doc_ids=[999])


def _documents(count: int) -> list[str]:
    return [f"{TEXT} {i}" for i in range(count)]


def _full_run(tmp_path, texts):
    store = make_project(tmp_path / "full.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, texts)
    pretag_documents(store, ListPretagger({t: FIXED[TEXT] for t in texts}), annotator="amal",
                     label_map=MAP)
    return {d: spans_of(store, d, "amal") for d in store.document_ids()}


@pytest.mark.parametrize("commit_every", [(0.0, 1), (10.0, 7)])
def test_cancel_in_the_middle_leaves_documents_whole_or_untouched(tmp_path, commit_every):
    texts = _documents(30)
    expected = _full_run(tmp_path, texts)
    store = make_project(tmp_path / "p.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, texts)
    calls: list[tuple[int, int]] = []
    report = pretag_documents(store, ListPretagger({t: FIXED[TEXT] for t in texts}),
                              annotator="amal", label_map=MAP, batch_size=4,
                              commit_every=commit_every, progress=lambda d, t: calls.append((d, t)),
                              should_stop=lambda: len(calls) >= 3 if commit_every[1] == 1 else
                              _stop_after(store, 12))
    assert report.cancelled and 0 < report.documents_tagged < 30
    whole = [d for d in store.document_ids() if spans_of(store, d, "amal") == expected[d]]
    empty = [d for d in store.document_ids() if not store.spans(store.annotation_id(d, "amal"))]
    assert len(whole) == report.documents_tagged
    assert sorted(whole + empty) == store.document_ids()
    rest = pretag_documents(store, ListPretagger({t: FIXED[TEXT] for t in texts}),
                            annotator="amal", label_map=MAP)
    assert rest.suggestions.added == 2 * (30 - report.documents_tagged)
    assert {d: spans_of(store, d, "amal") for d in store.document_ids()} == expected


def _stop_after(store, count, state={"n": 0}):  # noqa: B006 - a counter shared by calls
    state["n"] += 1
    if state["n"] > count:
        state["n"] = 0
        return True
    return False


def test_a_crash_in_the_middle_leaves_documents_whole_or_untouched(tmp_path):
    texts = _documents(20)
    expected = _full_run(tmp_path, texts)
    store = make_project(tmp_path / "p.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, texts)
    crashing = ListPretagger({t: FIXED[TEXT] for t in texts}, fail_after=13)
    with pytest.raises(RuntimeError, match="crashed"):
        pretag_documents(store, crashing, annotator="amal", label_map=MAP, commit_every=(10.0, 5))
    states = [spans_of(store, d, "amal") for d in store.document_ids()]
    assert states[:10] == [expected[d] for d in store.document_ids()[:10]]  # two groups of 5
    assert states[10:] == [[]] * 10  # the group in flight was rolled back as a whole


def test_combined_pretaggers_first_one_wins_overlaps(tmp_path):
    store = make_project(tmp_path / "p.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, [TEXT])
    first = ListPretagger({TEXT: [(11, 16, "LOC")]}, origin="a/first:1")
    second = ListPretagger({TEXT: [(11, 25, "LOC"), (4, 10, "PERS")]}, origin="b/second:1")
    pretag_documents(store, CombinedPretagger([first, second]), annotator="amal", batch_size=1)
    assert [(s[0], s[1], s[4]) for s in spans_of(store, 1, "amal")] == [
        (4, 10, "b/second:1"), (11, 16, "a/first:1")]


def test_cli_pretag_with_the_gazetteer_and_clear(tmp_path, capsys, seed_text):
    project = str(tmp_path / "p.db")
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    assert main(["init", project]) == 0
    assert main(["import", project, str(tmp_path / "seed.txt")]) == 0
    assert main(["gazetteer", "import", project, "--starter"]) == 0
    assert main(["gazetteer", "add", project, "لافروف", "PERS"]) == 0
    capsys.readouterr()
    assert main(["pretag", project, "--gazetteer", "--annotator", "amal", "--json"]) == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["documents_tagged"] == 1 and report["suggestions_added"] >= 15
    assert main(["pretag", project, "--gazetteer", "--annotator", "amal"]) == 0
    assert "0 suggestion(s) added" in capsys.readouterr().out
    assert main(["pretag", project, "--clear", "--annotator", "amal"]) == 0
    assert f"Removed {report['suggestions_added']} suggestion(s)" in capsys.readouterr().out
    assert main(["pretag", project]) == 2
    assert "E410" in capsys.readouterr().err
