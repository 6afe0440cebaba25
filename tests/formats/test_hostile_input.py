"""Hostile input for every annotation reader: a clear error naming the file and the line, and
the project exactly as it was."""

from __future__ import annotations

import json

import pytest

from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError

GOOD = json.dumps({"text": "Paris is big", "label": [[0, 5, "LOC"]]})
CASES = {
    "doccano_bad_json": ("doccano", "d.jsonl", GOOD + "\n{\"text\": \"x\", \"label\": [[0, 1\n", 2, "E205"),
    "doccano_out_of_range": ("doccano", "d.jsonl", GOOD + "\n" + json.dumps({"text": "abc", "label": [[1, 9, "LOC"]]}), 2, "E217"),
    "doccano_reversed": ("doccano", "d.jsonl", json.dumps({"text": "abc", "label": [[2, 1, "LOC"]]}), 1, "E217"),
    "doccano_not_a_span": ("doccano", "d.jsonl", json.dumps({"text": "abc", "label": [[0, "LOC"]]}), 1, "E211"),
    "doccano_no_text": ("doccano", "d.jsonl", json.dumps({"body": "abc", "label": []}), 1, "E207"),
    "doccano_array_record": ("doccano", "d.jsonl", GOOD + "\n[1, 2]\n", 2, "E206"),
    "doccano_unknown_label": ("doccano", "d.jsonl", json.dumps({"text": "abc", "label": [[0, 1, "CITY"]]}), None, "E214"),
    "prodigy_mention_mismatch": ("prodigy", "p.jsonl", json.dumps({"text": "Paris", "answer": "accept", "spans": [{"start": 0, "end": 3, "label": "LOC", "text": "Paris"}]}), 1, "E218"),
    "prodigy_bad_answer": ("prodigy", "p.jsonl", json.dumps({"text": "Paris", "answer": "maybe"}), 1, "E211"),
    "prodigy_float_offsets": ("prodigy", "p.jsonl", json.dumps({"text": "Paris", "spans": [{"start": 0.0, "end": 5, "label": "LOC"}]}), 1, "E211"),
    "labelstudio_truncated": ("labelstudio", "l.json", '[{"data": {"text": "Paris"}, "annotations": []},\n {"data": {"text": "Ro', 2, "E205"),
    "labelstudio_unclosed": ("labelstudio", "l.json", '[{"data": {"text": "Paris"}, "annotations": []}\n', 2, "E205"),
    "labelstudio_wrong_mention": ("labelstudio", "l.json", json.dumps([{"data": {"text": "Paris"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 2, "text": "Rome", "labels": ["LOC"]}}]}]}]), 1, "E218"),
    "brat_bad_offsets": ("brat", "b.ann", "T1\tLOC 0 x\tParis\n", 1, "E211"),
    "brat_outside": ("brat", "b.ann", "T1\tLOC 0 5\tParis\nT2\tLOC 3 99\tx\n", 2, "E217"),
    "brat_unknown_line": ("brat", "b.ann", "T1\tLOC 0 5\tParis\nhello\n", 2, "E211"),
}


@pytest.fixture
def store(tmp_path):
    s = Project.create(tmp_path / "p.db", labels=["LOC"])
    import_paths(s, [_write(tmp_path / "existing.jsonl", GOOD)], "doccano")
    yield s
    s.close()


def _write(path, body):
    path.write_text(body, encoding="utf-8")
    return path


def _snapshot(store):
    return store.stats(), [store.document_text(i) for i in store.document_ids()]


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_names_file_and_line_and_changes_nothing(store, tmp_path, case):
    fmt, name, body, line, code = CASES[case]
    path = _write(tmp_path / name, body)
    if fmt == "brat":
        (tmp_path / "b.txt").write_text("Paris and Rome", encoding="utf-8")
    before = _snapshot(store)
    with pytest.raises(AnnotatorError) as err:
        import_paths(store, [path], fmt)
    message = str(err.value)
    assert code in message and name in message
    if line is not None:
        assert f"line {line}" in message
    assert _snapshot(store) == before


@pytest.mark.parametrize("fmt,name", [("doccano", "x.jsonl"), ("prodigy", "x.jsonl"),
                                      ("labelstudio", "x.json"), ("conll", "x.conll"),
                                      ("spacy", "x.spacy")])
def test_binary_and_empty_files(store, tmp_path, fmt, name):
    before = _snapshot(store)
    binary = tmp_path / name
    binary.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(AnnotatorError, match="E202|E219") as err:
        import_paths(store, [binary], fmt)
    assert name in str(err.value)
    binary.write_bytes(b"")
    with pytest.raises(AnnotatorError, match="E204|E212"):
        import_paths(store, [binary], fmt)
    assert _snapshot(store) == before


def test_truncated_docbin(store, tmp_path):
    from annotator.app.exporting import ExportOptions, export_project

    export_project(store, tmp_path / "ok.spacy", ExportOptions(format="spacy"))
    data = (tmp_path / "ok.spacy").read_bytes()
    (tmp_path / "cut.spacy").write_bytes(data[: len(data) // 2])
    before = _snapshot(store)
    with pytest.raises(AnnotatorError, match="E219.*cut.spacy"):
        import_paths(store, [tmp_path / "cut.spacy"])
    assert _snapshot(store) == before
