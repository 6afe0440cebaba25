"""CoNLL columns that are no entity tags (CoNLL-2003's `token POS CHUNK NER`) are kept per token
on import (document meta `conll_columns`) and written back on export, byte for byte; the import
report says how many entities nest and how deep."""

from __future__ import annotations

import re

import pytest

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy
from annotator.core.operations import AddSpan
from annotator.formats.conll import OTHER_COLUMNS_KEY
from annotator.store.ingest import IMPORT_ANNOTATOR, IngestOptions

CONLL_2003 = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
to TO B-VP O
boycott VB I-VP O
British JJ B-NP B-MISC
lamb NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O

"""


def _import(tmp_path, text: str, name: str = "c03.conll", overlap=OverlapPolicy.REFUSE):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "p.db", labels=["PER", "LOC"], overlap_policy=overlap)
    report = import_paths(project, [source], "conll",
                          ingest_options=IngestOptions(create_labels=True))
    return project, report


def test_conll_2003_round_trips_byte_for_byte(tmp_path):
    project, report = _import(tmp_path, CONLL_2003)
    assert any("2 column(s) between token and tag" in m for m in report.notes.messages)
    export_project(project, tmp_path / "o.conll", ExportOptions(
        format="conll", all_documents=True, write=_docstart()))
    assert (tmp_path / "o.conll").read_text(encoding="utf-8") == CONLL_2003
    project.close()


def test_tab_separated_columns_round_trip_too(tmp_path):
    text = CONLL_2003.replace(" ", "\t")
    project, _report = _import(tmp_path, text)
    export_project(project, tmp_path / "o.conll", ExportOptions(
        format="conll", all_documents=True, write=_docstart(separator="\t")))
    assert (tmp_path / "o.conll").read_text(encoding="utf-8") == text
    project.close()


def _add(project: Project, start: int, end: int, label: str) -> None:
    [doc_id] = project.document_ids()
    project.apply(AddSpan(project.annotation_id(doc_id, IMPORT_ANNOTATOR), start, end, label))


def test_a_token_split_at_a_span_edge_gets_underscores(tmp_path):
    project, _report = _import(tmp_path, "EU-wide NNP B-NP O\nplan NN I-NP O\n")
    _add(project, 0, 2, "PER")  # `EU` inside the token `EU-wide`
    report = export_project(project, tmp_path / "o.conll",
                            ExportOptions(format="conll", all_documents=True))
    assert len(report.token_splits) == 1
    assert (tmp_path / "o.conll").read_text(encoding="utf-8") == (
        "EU NNP B-NP B-PER\n-wide _ _ O\nplan NN I-NP O\n\n")
    project.close()


def test_nested_entities_and_pos_columns_ask_for_flatten(tmp_path):
    project, _report = _import(tmp_path, "Bank NNP B-NP B-ORG\nof IN I-NP I-ORG\n"
                               "England NNP I-NP I-ORG\n", overlap=OverlapPolicy.ALLOW)
    [doc_id] = project.document_ids()
    assert project.document_meta(doc_id)[OTHER_COLUMNS_KEY] == [
        ["NNP", "B-NP"], ["IN", "I-NP"], ["NNP", "I-NP"]]
    _add(project, 8, 15, "LOC")  # England inside Bank of England
    with pytest.raises(AnnotatorError) as err:
        export_project(project, tmp_path / "o.conll",
                       ExportOptions(format="conll", all_documents=True))
    assert err.value.code is E.E316 and not (tmp_path / "o.conll").exists()
    assert str(err.value).startswith(f"[E316] {tmp_path / 'o.conll'}: ")  # not the temporary file
    report = export_project(project, tmp_path / "o.conll", ExportOptions(
        format="conll", all_documents=True, flatten="innermost"))
    assert (tmp_path / "o.conll").read_text(encoding="utf-8") == (
        "Bank NNP B-NP O\nof IN I-NP O\nEngland NNP I-NP B-LOC\n\n")
    assert [(p.start, p.end, p.label) for p in report.flattened_out] == [(0, 15, "ORG")]
    project.close()


def test_files_without_such_columns_keep_no_meta(tmp_path, shared_data):
    project = Project.create(tmp_path / "a.db", labels=["PERS"])
    report = import_paths(project, [shared_data / "arabic" / "anercorp_sample.conll"], "conll",
                          ingest_options=IngestOptions(create_labels=True))
    assert not any("between token and tag" in m for m in report.notes.messages)
    assert all(OTHER_COLUMNS_KEY not in project.document_meta(i) for i in project.document_ids())
    project.close()


def test_wojood_import_reports_entities_per_depth(tmp_path, shared_data):
    project = Project.create(tmp_path / "w.db", labels=["ORG"], overlap_policy=OverlapPolicy.ALLOW)
    report = import_paths(project, [shared_data / "arabic" / "wojood_sample_train.txt"], "conll",
                          ingest_options=IngestOptions(create_labels=True))
    message = next(m for m in report.notes.messages if "multi-tag" in m)
    per_depth = dict(map(int, pair.split(": ")) for pair in
                     re.search(r"entities per depth: (.*)$", message).group(1).split(", "))
    assert sum(per_depth.values()) == 2883 and per_depth[1] == 2883 - 571
    assert max(per_depth) == 4
    project.close()


def _docstart(separator: str = " "):
    from annotator.formats.writing import WriteOptions
    return WriteOptions(docstart=True, separator=separator)
