"""`annotator evaluate`: a trained model scored on the documents it never saw, with figures
equal to an independent conlleval-style scorer (seqeval) on the file it writes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "nlp"))
from pretag_support import evaluation_tags, trained_model  # noqa: E402

from annotator.app.evaluation import evaluate_model, held_out_documents  # noqa: E402
from annotator.app.project import Project  # noqa: E402
from annotator.cli import main  # noqa: E402
from annotator.core.errors import AnnotatorError  # noqa: E402
from annotator.core.model import Span  # noqa: E402
from annotator.nlp.evaluation import span_errors  # noqa: E402

seqeval = pytest.importorskip("seqeval.metrics")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return trained_model(tmp_path_factory)


def test_the_model_is_scored_on_what_it_was_held_out_from(tiny_model, tmp_path):
    path, trained = tiny_model
    assert held_out_documents(path) == trained.held_out_documents
    assert len(trained.held_out_documents) == trained.documents["test"] == 40
    with Project.open(path.parent / "train.db") as project:
        report = evaluate_model(project, path, conll=tmp_path / "eval.conll")
    assert report.held_out and sorted(report.documents) == trained.held_out_documents
    assert report.source == trained.source
    gold, predicted = evaluation_tags(tmp_path / "eval.conll")
    assert report.overall.precision == pytest.approx(seqeval.precision_score(gold, predicted))
    assert report.overall.recall == pytest.approx(seqeval.recall_score(gold, predicted))
    assert report.overall.f1 == pytest.approx(seqeval.f1_score(gold, predicted))
    assert report.tokens == sum(map(len, gold))
    assert 0 < report.overall.f1 < 1 and report.overall.support > 40
    kinds = set(report.errors)
    assert kinds <= {"missed", "spurious", "wrong label", "wrong boundary"} and kinds
    missed = sum(row.get("(none)", 0) for label, row in report.confusion.items() if label != "(none)")
    assert missed >= report.errors.get("missed", 0)


def test_the_command_line_json_and_a_choice_of_documents(tiny_model, tmp_path, capsys):
    path, trained = tiny_model
    db = str(path.parent / "train.db")
    assert main(["evaluate", db, "--model", str(path), "--documents", "1-5", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 5 and result["held_out"] is False
    assert set(result["overall"]) >= {"precision", "recall", "f1", "support"}
    for score in [result["overall"], *result["per_label"].values()]:
        assert 0 <= score["precision"] <= 1 and 0 <= score["recall"] <= 1
    assert main(["evaluate", db, "--model", str(path)]) == 0
    out = capsys.readouterr().out
    assert "held out when it was trained" in out and "FB1:" in out


def test_a_model_without_a_record_of_its_held_out_documents_needs_a_choice(tiny_model, tmp_path):
    import spacy

    path, _trained = tiny_model
    nlp = spacy.load(path)
    nlp.to_disk(tmp_path / "copy")
    meta = json.loads((tmp_path / "copy" / "meta.json").read_text(encoding="utf-8"))
    meta.pop("annotator_held_out_documents", None)
    (tmp_path / "copy" / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with Project.open(path.parent / "train.db") as project, \
            pytest.raises(AnnotatorError, match="E420"):
        evaluate_model(project, tmp_path / "copy")


def test_errors_by_kind():
    gold = [Span(0, 5, "LOC"), Span(10, 15, "PERS"), Span(20, 25, "ORG"), Span(30, 35, "LOC")]
    predicted = [Span(0, 5, "LOC"), Span(10, 15, "ORG"), Span(20, 27, "ORG"), Span(40, 45, "LOC")]
    assert [(e.kind, e.gold, e.predicted) for e in span_errors(gold, predicted)] == [
        ("wrong label", gold[1], predicted[1]), ("wrong boundary", gold[2], predicted[2]),
        ("missed", gold[3], None), ("spurious", None, predicted[3])]
