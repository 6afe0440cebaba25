"""A corpus that arrives as one document (one CoNLL -DOCSTART-) is split over sentences: the
DocBin export writes pieces of N sentences as its docs, training holds out sentences, and
`annotator evaluate` scores the model on exactly those sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "nlp"))
from pretag_support import TINY, anercorp_sentences, evaluation_tags, make_project  # noqa: E402

from annotator.app.evaluation import evaluate_model, held_out_sentences  # noqa: E402
from annotator.app.exporting import ExportOptions, export_project  # noqa: E402
from annotator.app.sentence_units import sentence_starts  # noqa: E402
from annotator.app.training import train_model  # noqa: E402
from annotator.core.model import Span  # noqa: E402
from annotator.formats.tokens import project_tokenizer  # noqa: E402

seqeval = pytest.importorskip("seqeval.metrics")


def _one_document(sentences: int) -> tuple[str, list[Span]]:
    text, spans = "", []
    for sentence, sentence_spans in anercorp_sentences(sentences):
        spans += [Span(s.start + len(text), s.end + len(text), s.label) for s in sentence_spans]
        text += sentence + "\n"
    return text, spans


def _docbin(path: Path) -> list:
    import spacy
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))


def test_docbin_export_groups_sentences_into_docs(tmp_path):
    text, spans = _one_document(30)
    with make_project(tmp_path / "one.db", [(text, spans)]) as project:
        report = export_project(project, tmp_path / "by3", ExportOptions(
            splits={"train": 0.8, "dev": 0.2}, sentences_per_doc=3, skip_misaligned=True))
        auto = export_project(project, tmp_path / "auto", ExportOptions(
            splits={"train": 0.8, "dev": 0.2}, skip_misaligned=True))
    assert report.sentences_per_doc == 3 and auto.sentences_per_doc == 1
    docs = _docbin(tmp_path / "by3" / "train.spacy") + _docbin(tmp_path / "by3" / "dev.spacy")
    pieces3 = sorted(p for split in report.split_pieces.values() for p in split)
    assert len(docs) == sum(report.documents.values()) == len(pieces3)
    sentences = len(sentence_starts(text, {}, project_tokenizer("ar")))  # >= 30 lines
    assert sentences // 3 - 2 <= len(pieces3) <= -(-sentences // 3)  # a span may join two
    assert [start for _d, start, _e in pieces3] == [0] + [end for _d, _s, end in pieces3[:-1]]
    assert pieces3[-1][2] == len(text)  # the pieces tile the document, in order
    assert sorted(d.text for d in docs) == sorted(text[s:e] for _d, s, e in pieces3)
    assert sum(len(d.ents) for d in docs) == len(spans) - len(report.misaligned)
    total = sum(auto.documents.values())
    assert total >= 30 and auto.documents["dev"] == round(total * 0.2)
    assert len(_docbin(tmp_path / "auto" / "train.spacy")) == auto.documents["train"]


def test_one_document_corpus_trains_and_evaluates_on_held_out_sentences(tmp_path):
    text, spans = _one_document(150)
    with make_project(tmp_path / "one.db", [(text, spans)]) as project:
        trained = train_model(project, tmp_path / "model", TINY)
        assert trained.held_out_pieces and not trained.held_out_documents
        held = len(trained.held_out_pieces)
        assert trained.documents["test"] == held >= 30
        assert trained.overall is not None and trained.overall.support > 30
        recorded = held_out_sentences(tmp_path / "model")
        assert recorded is not None and sum(map(len, recorded.values())) == held
        report = evaluate_model(project, tmp_path / "model", conll=tmp_path / "eval.conll")
    assert report.held_out and report.sentences == held and report.documents == [1]
    gold, predicted = evaluation_tags(tmp_path / "eval.conll")
    assert report.overall.f1 == pytest.approx(seqeval.f1_score(gold, predicted))
    assert report.overall.support == trained.overall.support
    assert 0 < report.overall.f1 < 1
