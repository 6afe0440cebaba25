"""Training the project model (a tiny pipeline, once a session) and pre-tagging with it."""

from __future__ import annotations

import json

import pytest
from pretag_support import TINY, anercorp_sentences, make_project, trained_model

from annotator.app.pretagging import pretag_documents, pretagger_context
from annotator.app.training import TrainOptions, recorded_models, train_model
from annotator.core.errors import AnnotatorError
from annotator.core.model import SpanState, Status
from annotator.nlp.pretaggers import load_pretagger
from annotator.text.tokenizer import ProjectTokenizer, load_pipeline


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    return trained_model(tmp_path_factory)


def test_training_reports_per_label_scores_on_held_out_documents(tiny_model):
    path, report = tiny_model
    assert report.documents["test"] == 40 and sum(report.documents.values()) == 200
    assert report.spans["train"] > 250 and report.spans["test"] > 40
    assert report.labels == ["LOC", "MISC", "ORG", "PERS"]
    assert set(report.scores) == {"LOC", "MISC", "ORG", "PERS"}
    for scores in [*report.scores.values(), report.overall]:
        assert 0 <= scores.precision <= 1 and 0 <= scores.recall <= 1 and 0 <= scores.f1 <= 1
    assert report.overall.support == report.spans["test"]
    assert report.overall.f1 > 0.05  # a tiny model, but it has learnt something
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert set(meta["annotator_heldout_scores"]) == set(report.scores)
    # spans left out of training are each named, never only counted
    assert len(report.misaligned) == report.misaligned_skipped
    assert all(line.startswith("document ") and "[" in line for line in report.misaligned)


def test_the_saved_pipeline_uses_the_project_tokenizer(tiny_model):
    path, _report = tiny_model
    nlp = load_pipeline(path)
    assert isinstance(nlp.tokenizer, ProjectTokenizer) and nlp.pipe_names == ["tok2vec", "ner"]
    assert len(nlp.tokenizer.lexicon) > 100  # the project's span texts travel with it
    text = "وقال لكوريا"
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.tokenizer(text)]


def test_pretagging_untouched_documents_with_the_project_model(tiny_model, tmp_path):
    path, _report = tiny_model
    sentences = anercorp_sentences(230)
    store = make_project(tmp_path / "p.db", sentences[200:], status=Status.NEW,
                         annotator="amal")
    store.store.update_project(settings={"trained_models": [{"path": str(path)}]})
    pretagger = load_pretagger("project-model", "", pretagger_context(store))
    assert pretagger.origin.startswith("spacy/ar_") and pretagger.labels() == [
        "LOC", "MISC", "ORG", "PERS"]
    with store.store.write() as c:  # clear the imported gold spans: documents as nobody touched them
        c.exec_driver_sql("DELETE FROM span")
    report = pretag_documents(store, pretagger, untouched_only=True)
    assert report.documents_tagged == 30 and report.suggestions.added > 0
    spans = [s for d in store.document_ids() for s in store.spans(store.annotation_id(d, "amal"))]
    assert all(s.state is SpanState.SUGGESTED and s.origin == pretagger.origin for s in spans)
    again = pretag_documents(store, pretagger, untouched_only=True)
    assert again.suggestions.added == 0 and again.suggestions.identical == report.suggestions.added


def test_a_pipeline_folder_without_ner_is_refused(tmp_path):
    import spacy

    spacy.blank("ar").to_disk(tmp_path / "blank")
    with pytest.raises(AnnotatorError, match="E402"):
        load_pretagger("spacy", str(tmp_path / "blank"))
    with pytest.raises(AnnotatorError, match="E401"):
        load_pretagger("spacy", "no_such_pipeline_package")
    with pytest.raises(AnnotatorError, match="E405"):
        load_pretagger("crystal-ball", "")


def test_no_trained_model_yet(project):
    with pytest.raises(AnnotatorError, match="E407"):
        load_pretagger("project-model", "", pretagger_context(project))


def test_too_little_data_and_an_occupied_folder(tmp_path):
    store = make_project(tmp_path / "few.db", anercorp_sentences(3))
    # too few documents for a split by document: the count is of sentence pieces, and says so
    with pytest.raises(AnnotatorError, match=r"E403.* sentence piece\(s\) of done documents"):
        train_model(store, tmp_path / "m", TINY)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(AnnotatorError, match="E306"):
        train_model(store, tmp_path / "full", TINY)
    nothing_done = make_project(tmp_path / "new.db", anercorp_sentences(20), status=Status.NEW)
    with pytest.raises(AnnotatorError, match="E403"):
        train_model(nothing_done, tmp_path / "m2", TINY)


def test_cancel_leaves_no_model_and_records_nothing(tmp_path):
    store = make_project(tmp_path / "p.db", anercorp_sentences(40))
    stages = []
    report = train_model(store, tmp_path / "model", TrainOptions(**{**TINY.__dict__,
                                                                    "eval_frequency": 5}),
                         progress=lambda p: stages.append(p.stage),
                         should_stop=lambda: "training" in stages)
    assert report.cancelled and not (tmp_path / "model").exists()
    assert recorded_models(store) == []
    assert list(tmp_path.glob(".model.training-*")) == []


def test_a_trained_model_is_recorded_in_the_project(tiny_model, tmp_path_factory):
    from annotator.app.project import Project

    path, report = tiny_model
    with Project.open(path.parent / "train.db") as store:
        [record] = recorded_models(store)
    assert record["path"] == str(path) and record["f1"] == round(report.overall.f1, 4)
