"""The entity-level scorer gives conlleval's figures: checked against seqeval (whose default
mode reproduces conlleval.pl) on random tag sequences, stray I- tags, IOB1 and IOB2 mixed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp.scoring import chunks, conlleval_line, score_sentences

seqeval = pytest.importorskip("seqeval.metrics")

TAGS = st.sampled_from(["O", "O", "O", "B-LOC", "I-LOC", "B-PER", "I-PER", "I-ORG", "B-ORG"])
SENTENCE = st.integers(1, 12).flatmap(lambda n: st.tuples(st.lists(TAGS, min_size=n, max_size=n),
                                                          st.lists(TAGS, min_size=n, max_size=n)))


def test_stray_inside_tags_start_chunks_as_conlleval_reads_them():
    assert chunks(["I-LOC", "I-LOC", "O", "I-PER", "B-PER", "I-LOC"]) == [
        (0, 2, "LOC"), (3, 4, "PER"), (4, 5, "PER"), (5, 6, "LOC")]


@settings(max_examples=300, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6))
def test_figures_equal_seqevals_conlleval_mode(sentences):
    gold = [list(g) for g, _p in sentences]
    predicted = [list(p) for _g, p in sentences]
    ours = score_sentences(sentences)
    assert ours.overall.precision == pytest.approx(seqeval.precision_score(gold, predicted))
    assert ours.overall.recall == pytest.approx(seqeval.recall_score(gold, predicted))
    assert ours.overall.f1 == pytest.approx(seqeval.f1_score(gold, predicted))
    report = seqeval.classification_report(gold, predicted, output_dict=True, zero_division=0)
    for label, score in ours.per_label.items():
        if score.support:  # seqeval lists only labels that occur in the gold tags
            assert score.precision == pytest.approx(report[label]["precision"])
            assert score.recall == pytest.approx(report[label]["recall"])
            assert score.support == report[label]["support"]


def test_the_printed_line_has_conllevals_precision():
    scores = score_sentences([(["B-LOC", "I-LOC", "O"], ["B-LOC", "O", "O"])])
    assert conlleval_line(scores.overall) == "precision:   0.00%; recall:   0.00%; FB1:   0.00"
    scores = score_sentences([(["B-LOC", "O", "B-PER"], ["B-LOC", "O", "B-LOC"])])
    assert conlleval_line(scores.overall) == "precision:  50.00%; recall:  50.00%; FB1:  50.00"
