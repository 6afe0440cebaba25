"""`annotator pretag` / `pretaggers` from the command line: label mapping, new labels, a
selection of documents, origins with name and version, and what is said when no spaCy pipeline
is installed."""

from __future__ import annotations

import json

import pytest

from annotator.app.project import Project
from annotator.cli import main
from annotator.nlp import pretaggers

LINES = ["زار لافروف كوريا الشمالية", "وصل الوفد إلى مصر", "عاد لافروف من كوريا"]
RULES = [{"label": "PERSON", "pattern": "لافروف"}, {"label": "GPE", "pattern": "كوريا"},
         {"label": "GPE", "pattern": "مصر"}]


@pytest.fixture
def project(tmp_path, capsys) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "p.db")
    (tmp_path / "docs.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    rules = tmp_path / "names.jsonl"
    rules.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RULES) + "\n",
                     encoding="utf-8")
    assert main(["init", path, "--labels", "PERS,LOC"]) == 0
    assert main(["import", path, str(tmp_path / "docs.txt"), "--split", "line"]) == 0
    capsys.readouterr()
    return path, str(rules)


def _pretag(capsys, *args: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    assert main(["pretag", *args, "--annotator", "amal", "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _stored(path: str) -> dict[int, list[tuple[str, str, str]]]:
    store = Project.open(path)
    try:
        texts = {doc_id: store.document_text(doc_id) for doc_id in store.document_ids()}
        return {doc_id: [(text[s.start:s.end], s.label, s.origin)
                         for s in store.spans(store.annotation_id(doc_id, "amal"))]
                for doc_id, text in texts.items()}
    finally:
        store.close()


def test_unmapped_labels_are_dropped_with_a_hint_then_added_on_request(project, capsys):
    path, rules = project
    assert main(["pretag", path, "--rules", rules, "--map", "PERSON=PERS",
                 "--annotator", "amal"]) == 0
    captured = capsys.readouterr()
    assert "GPE" in captured.err and "--new-labels add" in captured.err
    assert "unmapped labels dropped: GPE 3" in captured.out
    assert {label for spans in _stored(path).values() for _t, label, _o in spans} == {"PERS"}

    report = _pretag(capsys, path, "--rules", rules, "--map", "PERSON=PERS",
                     "--new-labels", "add")
    assert report["labels_added"] == ["GPE"] and report["suggestions_added"] == 3
    assert report["identical_skipped"] == 2  # the PERS suggestions of the first run
    store = Project.open(path)
    assert [label.name for label in store.labels()] == ["PERS", "LOC", "GPE"]
    store.close()


def test_a_mapping_for_one_kind_of_pretagger_only(project, capsys):
    path, rules = project
    assert main(["gazetteer", "add", path, "مصر", "LOC"]) == 0
    capsys.readouterr()
    report = _pretag(capsys, path, "--rules", rules, "--gazetteer", "--map", "PERSON=PERS",
                     "--map", "rules:GPE=LOC,rules:PERSON=-", "--new-labels", "add")
    assert report["labels_added"] == [] and report["unmapped_labels"] == {}
    assert sorted({(t, label) for spans in _stored(path).values() for t, label, _o in spans}) \
        == [("كوريا", "LOC"), ("مصر", "LOC")]  # rules' PERSON dropped for the rules only


def test_mapping_to_dash_drops_without_comment(project, capsys):
    path, rules = project
    report = _pretag(capsys, path, "--rules", rules, "--map", "PERSON=PERS,GPE=-")
    assert report["unmapped_labels"] == {} and report["suggestions_added"] == 2


def test_a_selection_of_documents_and_origins_with_name_and_version(project, capsys):
    path, rules = project
    report = _pretag(capsys, path, "--rules", rules, "--map", "PERSON=PERS,GPE=LOC",
                     "--documents", "1,3")
    assert (report["documents_selected"], report["documents_tagged"]) == (2, 2)
    stored = _stored(path)
    origin = pretaggers.load_pretagger("rules", rules).origin
    assert origin.startswith("rules/names.jsonl:") and len(origin.split(":")[-1]) == 10
    assert stored == {1: [("لافروف", "PERS", origin), ("كوريا", "LOC", origin)],
                      2: [],
                      3: [("لافروف", "PERS", origin), ("كوريا", "LOC", origin)]}
    report = _pretag(capsys, path, "--rules", rules, "--map", "PERSON=PERS,GPE=LOC",
                     "--documents", "2-3")
    assert (report["suggestions_added"], report["identical_skipped"]) == (1, 2)
    assert main(["pretag", path, "--rules", rules, "--documents", "1,x"]) == 2
    assert "--documents" in capsys.readouterr().err


def test_without_an_installed_pipeline_the_tool_says_so_and_how_to_add_one(project, capsys,
                                                                          monkeypatch):
    path, _rules = project
    kind = pretaggers.PRETAGGER_KINDS["spacy"]
    monkeypatch.setattr(kind, "choices", lambda _context: [])
    assert main(["pretaggers", path]) == 0
    out = capsys.readouterr().out
    assert pretaggers.NO_PIPELINE_HELP in out
    assert "pip" in out and "annotator train" in out and "--model PATH" in out
    monkeypatch.setattr(kind, "choices", lambda _context: ["xx_fake_ner"])
    assert main(["pretaggers", path]) == 0
    out = capsys.readouterr().out
    assert "xx_fake_ner" in out and pretaggers.NO_PIPELINE_HELP not in out
    assert pretaggers.missing_pipeline_help({"spacy": [], "project-model": ["/m"]}) is None
    assert pretaggers.missing_pipeline_help({"spacy": [], "rules": []}) == \
        pretaggers.NO_PIPELINE_HELP

    assert main(["pretag", path, "--model", "xx_no_such_pipeline"]) == 2
    err = capsys.readouterr().err
    assert "E401" in err and "pip install" in err and "annotator train" in err
    assert main(["pretag", path, "--model", "project"]) == 2
    assert "E407" in capsys.readouterr().err


def test_an_empty_project_gazetteer_is_an_error_that_says_how_to_fill_it(project, capsys):
    path, _rules = project
    assert main(["pretag", path, "--gazetteer", "--annotator", "amal"]) == 2
    err = capsys.readouterr().err
    assert "[E411]" in err and "gazetteer import PROJECT --starter" in err
    assert all(not spans for spans in _stored(path).values())


def test_the_sample_project_comes_with_the_starter_gazetteer(tmp_path, monkeypatch, capsys):
    from annotator.app.gazetteer import gazetteer_entries as gazetteer_names
    from annotator.app.sample import ensure_sample_project

    monkeypatch.setattr("annotator.paths.sample_project_path", lambda: tmp_path / "sample.db")
    path = ensure_sample_project()
    with Project.open(path) as store:
        assert len(gazetteer_names(store)) > 500
    result = _pretag(capsys, str(path), "--gazetteer")
    assert isinstance(result["suggestions_added"], int) and result["suggestions_added"] >= 10
    texts = {text for spans in _stored(str(path)).values() for text, _label, _origin in spans}
    assert {"موسكو", "أوكرانيا"} <= texts
