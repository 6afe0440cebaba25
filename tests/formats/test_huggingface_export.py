"""Hugging Face export: rows of tokens and IOB2 tag ids, loaded back with `datasets` from local
files (JSONL and Parquet), label names in id order, nested spans as more tag columns or
flattened with a count, the same splits as the spaCy export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from format_helpers import make_project

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.model import OverlapPolicy, Span, Status
from annotator.formats.registry import ReadOptions
from annotator.store.ingest import IngestOptions

datasets = pytest.importorskip("datasets")

TEXT = "درس في جامعة القاهرة. ثم سافر إلى جامعة نابلس."
UNIVERSITY, CAIRO = Span(7, 20, "ORG"), Span(13, 20, "LOC")
NABLUS_UNI, NABLUS = Span(34, 45, "ORG"), Span(40, 45, "LOC")
NAMES = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))


def _tags(row: dict[str, object], column: str = "ner_tags") -> list[str]:
    return [NAMES[i] for i in row[column]]  # type: ignore[attr-defined]


def test_parquet_and_jsonl_load_with_datasets_with_label_names_in_order(tmp_path: Path) -> None:
    assert TEXT[CAIRO.start:CAIRO.end] == "القاهرة" and TEXT[NABLUS.start:NABLUS.end] == "نابلس"
    project = make_project(tmp_path / "p.db", [(TEXT, [UNIVERSITY, NABLUS])])
    report = export_project(project, tmp_path / "hf", ExportOptions(format="hf"))
    assert sorted(Path(f).name for f in report.files) == [
        "data.jsonl", "data.parquet", "dataset_info.json"]
    info = json.loads((tmp_path / "hf" / "dataset_info.json").read_text(encoding="utf-8"))
    assert info["label_names"] == NAMES
    parquet = datasets.load_dataset("parquet", data_files=str(tmp_path / "hf" / "data.parquet"),
                                    split="train")
    assert parquet.features["ner_tags"].feature.names == NAMES  # ClassLabel from the metadata
    rows = list(parquet)
    # one row per sentence, the words of the text, IOB2 ids
    assert [r["tokens"] for r in rows] == [["درس", "في", "جامعة", "القاهرة", "."],
                                           ["ثم", "سافر", "إلى", "جامعة", "نابلس", "."]]
    assert _tags(rows[0]) == ["O", "O", "B-ORG", "I-ORG", "O"]
    assert _tags(rows[1]) == ["O", "O", "O", "O", "B-LOC", "O"]
    jsonl = datasets.load_dataset(
        "json", data_files=str(tmp_path / "hf" / "data.jsonl"), split="train",
        features=datasets.Features.from_dict(info["features"]))
    assert list(jsonl) == rows


def test_nested_spans_get_one_column_per_layer_or_flatten_counts_them(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p.db", [(TEXT, [UNIVERSITY, CAIRO, NABLUS_UNI, NABLUS])],
                           overlap=OverlapPolicy.ALLOW)
    report = export_project(project, tmp_path / "hf", ExportOptions(format="hf"))
    assert any("2 tag columns" in note for note in report.notes)
    rows = list(datasets.load_dataset("parquet", data_files=str(tmp_path / "hf" / "data.parquet"),
                                      split="train"))
    assert _tags(rows[0]) == ["O", "O", "B-ORG", "I-ORG", "O"]
    assert _tags(rows[0], "ner_tags_layer2") == ["O", "O", "O", "B-LOC", "O"]
    assert _tags(rows[1], "ner_tags_layer2") == ["O", "O", "O", "O", "B-LOC", "O"]
    flat = export_project(project, tmp_path / "flat", ExportOptions(
        format="hf", flatten="outermost"))
    assert len(flat.flattened_out) == 2
    row = json.loads((tmp_path / "flat" / "data.jsonl").read_text(encoding="utf-8").splitlines()[1])
    assert set(row) == {"id", "document_id", "tokens", "ner_tags"}
    assert _tags(row) == ["O", "O", "O", "B-ORG", "I-ORG", "O"]


def test_splits_are_the_spacy_exports_and_bad_labels_extend_the_names(tmp_path: Path) -> None:
    documents = [(f"زار سمير مدينة رقم {i}.", [Span(4, 8, "PERS")]) for i in range(10)]
    project = make_project(tmp_path / "p.db", documents)
    split = {"train": 0.8, "dev": 0.2}
    hf = export_project(project, tmp_path / "hf", ExportOptions(format="hf", splits=split))
    spacy = export_project(project, tmp_path / "sp", ExportOptions(format="spacy", splits=split))
    assert hf.split_documents == spacy.split_documents and hf.documents == {"train": 8, "dev": 2}
    loaded = datasets.load_dataset("parquet", data_files={
        name: str(tmp_path / "hf" / name / "data.parquet") for name in split})
    assert {name: sorted(set(loaded[name]["document_id"])) for name in split} == {
        name: sorted(ids) for name, ids in spacy.split_documents.items()}
    assert all(_tags(row)[1] == "B-PERS" for row in loaded["train"])


@pytest.mark.skipif(not Path("../shared/data/arabic/anercorp_sample.conll").exists(),
                    reason="../shared/data/arabic/anercorp_sample.conll is absent")
def test_anercorp_sample_exports_every_entity(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "a.db", labels=["PERS", "LOC", "ORG", "MISC"],
                             language="ar")
    import_paths(project, [Path("../shared/data/arabic/anercorp_sample.conll")], "auto", ReadOptions(),
                 IngestOptions(annotator="ali", status=Status.DONE))
    report = export_project(project, tmp_path / "hf", ExportOptions(
        format="hf", splits={"train": 0.8, "dev": 0.2}))
    loaded = datasets.load_dataset("parquet", data_files={
        name: str(tmp_path / "hf" / name / "data.parquet") for name in ("train", "dev")})
    assert loaded["train"].num_rows + loaded["dev"].num_rows > 700  # one row per sentence
    begins = sum(NAMES[t].startswith("B-") for name in ("train", "dev")
                 for tags in loaded[name]["ner_tags"] for t in tags)
    assert begins == report.spans
