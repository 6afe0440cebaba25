"""Spans to token labels: the rule, the missing documents, and the counts of what does not fit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import AgreementDocument
from annotator.agreement.tokens import label_all_tokens, label_tokens
from annotator.agreement.units import prepare_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span

# four tokens: [0,4) [5,9) [10,14) [15,20)
TOKENS = [(0, 4), (5, 9), (10, 14), (15, 20)]


def _codes(spans: list[Span], labels: list[str] | None = None) -> tuple[list[int], object]:
    doc = AgreementDocument(1, 20, TOKENS, {"a": spans, "b": []})
    corpus = prepare_corpus([doc], labels=labels)
    codes, alignment = label_tokens(corpus, 0)
    return codes.tolist(), alignment


def test_tokens_inside_an_aligned_span_take_its_label() -> None:
    codes, alignment = _codes([Span(5, 14, "LOC")])
    assert codes == [0, 1, 1, 0]
    assert (alignment.misaligned_spans, alignment.partially_covered_tokens,
            alignment.spans_without_tokens) == (0, 0, 0)


def test_a_token_mostly_covered_takes_the_label_and_is_counted() -> None:
    codes, alignment = _codes([Span(6, 14, "LOC")])  # covers 3 of the 4 code points of [5,9)
    assert codes == [0, 1, 1, 0]
    assert alignment.misaligned_spans == 1
    assert alignment.partially_covered_tokens == 1


def test_a_token_covered_by_half_or_less_stays_outside() -> None:
    codes, alignment = _codes([Span(7, 14, "LOC")])  # 2 of 4
    assert codes == [0, 0, 1, 0]
    assert alignment.partially_covered_tokens == 1


def test_a_span_inside_one_token_may_label_nothing() -> None:
    codes, alignment = _codes([Span(11, 12, "LOC")])
    assert codes == [0, 0, 0, 0]
    assert alignment.spans_without_tokens == 1
    assert alignment.misaligned_spans == 1


def test_overlapping_spans_the_larger_cover_then_the_earlier_start_wins() -> None:
    codes, _ = _codes([Span(0, 9, "PERS"), Span(5, 14, "LOC")])
    labels = ["LOC", "PERS"]  # codes: LOC 1, PERS 2
    assert [(["O", *labels])[c] for c in codes] == ["PERS", "PERS", "LOC", "O"]
    codes, _ = _codes([Span(6, 20, "LOC"), Span(5, 7, "PERS")])  # token [5,9): LOC 3, PERS 2
    assert codes[1] == 1


def test_spans_with_labels_outside_the_filter_are_left_out_and_counted() -> None:
    doc = AgreementDocument(1, 20, TOKENS, {"a": [Span(0, 4, "PERS"), Span(5, 9, "MISC")], "b": []})
    corpus = prepare_corpus([doc], labels=["PERS"])
    codes, _ = label_tokens(corpus, 0)
    assert codes.tolist() == [1, 0, 0, 0]
    assert corpus.spans[0].outside_label_filter == 1


def test_duplicates_and_overlaps_are_counted() -> None:
    doc = AgreementDocument(1, 20, TOKENS, {
        "a": [Span(0, 4, "PERS"), Span(0, 4, "PERS"), Span(0, 9, "LOC")], "b": []})
    spans = prepare_corpus([doc]).spans[0]
    assert (len(spans), spans.duplicates, spans.overlapping, spans.given) == (2, 1, 1, 3)


def test_a_document_an_annotator_did_not_finish_is_missing_not_outside() -> None:
    docs = [
        AgreementDocument(1, 20, TOKENS, {"a": [Span(0, 4, "PERS")], "b": None}),
        AgreementDocument(2, 9, [(0, 4), (5, 9)], {"a": [], "b": [Span(5, 9, "PERS")]}),
    ]
    codes, _ = label_all_tokens(prepare_corpus(docs))
    assert codes.tolist() == [[1, 0, 0, 0, 0, 0], [-1, -1, -1, -1, 0, 1]]


@pytest.mark.parametrize(
    ("tokens", "spans"),
    [
        ([(0, 4), (3, 9)], []),  # overlapping tokens
        ([(0, 4), (5, 25)], []),  # token past the end
        ([(4, 4)], []),  # empty token
        (TOKENS, [Span(15, 21, "PERS")]),  # span past the end
        (TOKENS, [Span(4, 4, "PERS")]),  # empty span
    ],
)
def test_offsets_outside_the_document_are_refused(tokens, spans) -> None:
    doc = AgreementDocument(7, 20, tokens, {"a": spans, "b": []})
    with pytest.raises(AnnotatorError) as caught:
        prepare_corpus([doc])
    assert "7" in str(caught.value)
    assert caught.value.code.name in {"E503", "E504"}


def naive_label(tokens: list[tuple[int, int]], spans: list[Span], labels: list[str]) -> list[int]:
    """The rule written as plainly as possible, for comparison."""
    codes = []
    for ts, te in tokens:
        best = None
        for s in spans:
            cover = min(te, s.end) - max(ts, s.start)
            if 2 * cover > te - ts:
                key = (-cover, s.start, labels.index(s.label))
                if best is None or key < best[0]:
                    best = (key, labels.index(s.label) + 1)
        codes.append(0 if best is None else best[1])
    return codes


@st.composite
def tokens_and_spans(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]], list[Span]]:
    length = draw(st.integers(1, 60))
    cuts = sorted(set(draw(st.lists(st.integers(0, length), min_size=2, max_size=20))))
    tokens = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1) if draw(st.booleans())]
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, length - 1))
        end = draw(st.integers(start + 1, length))
        spans.append(Span(start, end, draw(st.sampled_from(["LOC", "ORG", "PERS"]))))
    return length, tokens, spans


@settings(max_examples=300, deadline=None)
@given(tokens_and_spans())
def test_vectorised_labelling_follows_the_rule(case) -> None:
    length, tokens, spans = case
    doc = AgreementDocument(1, length, tokens, {"a": spans, "b": []})
    corpus = prepare_corpus([doc], labels=["LOC", "ORG", "PERS"])
    codes, _ = label_tokens(corpus, 0)
    unique = sorted(set(spans))
    assert codes.tolist() == naive_label(tokens, unique, ["LOC", "ORG", "PERS"])
    assert np.all(codes >= 0)
