"""Span F1 between annotators: exact and lenient, micro and macro, and the reference side."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import AgreementDocument, compute_agreement
from annotator.agreement.spans import f1_scores
from annotator.core.model import Span

TOKENS = [(k * 5, k * 5 + 4) for k in range(10)]  # ten tokens of four code points, length 49


def _report(a: list[Span], b: list[Span], **kwargs):
    doc = AgreementDocument(1, 49, TOKENS, {"a": a, "b": b})
    return compute_agreement([doc], **kwargs)


def test_precision_and_recall_take_the_first_annotator_as_reference() -> None:
    report = _report([Span(0, 4, "PERS"), Span(10, 14, "LOC")], [Span(0, 4, "PERS")])
    micro = report.pair("a", "b").exact.micro
    assert (micro.precision, micro.recall) == (1.0, 0.5)
    assert micro.f1 == pytest.approx(2 / 3)
    swapped = _report([Span(0, 4, "PERS")], [Span(0, 4, "PERS"), Span(10, 14, "LOC")])
    assert swapped.pair("a", "b").exact.micro.f1 == pytest.approx(micro.f1)
    assert (swapped.pair("a", "b").exact.micro.precision,
            swapped.pair("a", "b").exact.micro.recall) == (0.5, 1.0)


def test_lenient_matching_needs_an_overlap_and_the_same_label() -> None:
    long = [Span(0, 14, "ORG")]
    report = _report(long, [Span(0, 4, "ORG"), Span(10, 14, "ORG")])
    pair = report.pair("a", "b")
    assert pair.exact.micro.f1 == 0.0
    assert (pair.lenient.micro.matched_first, pair.lenient.micro.matched_second) == (1, 2)
    assert pair.lenient.micro.f1 == 1.0
    relabelled = _report(long, [Span(0, 4, "LOC")]).pair("a", "b")
    assert relabelled.lenient.micro.f1 == 0.0
    touching = _report([Span(0, 4, "ORG")], [Span(4, 9, "ORG")]).pair("a", "b")
    assert touching.lenient.micro.f1 == 0.0  # [0,4) and [4,9) share no code point


def test_macro_f1_averages_the_labels_either_annotator_used() -> None:
    report = _report(
        [Span(0, 4, "PERS"), Span(10, 14, "PERS"), Span(20, 24, "LOC")],
        [Span(0, 4, "PERS"), Span(10, 14, "PERS"), Span(25, 29, "LOC")],
        labels=["PERS", "LOC", "ORG"],
    )
    exact = report.pair("a", "b").exact
    assert exact.per_label["PERS"].f1 == 1.0
    assert exact.per_label["LOC"].f1 == 0.0
    assert exact.per_label["ORG"].f1 is None
    assert (exact.macro_f1, exact.macro_labels) == (0.5, 2)
    assert exact.micro.f1 == pytest.approx(2 * 2 / 6)


def test_spans_of_documents_the_other_did_not_finish_are_left_out() -> None:
    docs = [
        AgreementDocument(1, 49, TOKENS, {"a": [Span(0, 4, "PERS")], "b": [Span(0, 4, "PERS")]}),
        AgreementDocument(2, 49, TOKENS, {"a": [Span(0, 4, "PERS"), Span(5, 9, "LOC")], "b": None}),
    ]
    pair = compute_agreement(docs).pair("a", "b")
    assert pair.exact.micro.f1 == 1.0
    assert pair.exact.used == 2
    assert pair.exact.left_out == {"missing_annotator": 2}
    assert pair.documents == 1


def test_f1_edge_cases() -> None:
    assert f1_scores(0, 0, 0, 0) == (None, None, None)
    assert f1_scores(3, 0, 0, 0) == (None, 0.0, 0.0)
    assert f1_scores(2, 2, 2, 2) == (1.0, 1.0, 1.0)


@st.composite
def two_annotators(draw: st.DrawFn) -> tuple[list[Span], list[Span]]:
    def spans() -> list[Span]:
        out = []
        for _ in range(draw(st.integers(0, 8))):
            start = draw(st.integers(0, 48))
            end = draw(st.integers(start + 1, 49))
            out.append(Span(start, end, draw(st.sampled_from(["LOC", "PERS"]))))
        return out

    return spans(), spans()


@settings(max_examples=200, deadline=None)
@given(two_annotators())
def test_matching_agrees_with_a_plain_loop(case) -> None:
    a, b = case
    pair = _report(a, b, labels=["LOC", "PERS"]).pair("a", "b")
    ua, ub = set(a), set(b)
    assert pair.exact.micro.matched_first == len(ua & ub) == pair.exact.micro.matched_second
    lenient_a = sum(any(x.label == y.label and x.overlaps(y) for y in ub) for x in ua)
    lenient_b = sum(any(x.label == y.label and x.overlaps(y) for y in ua) for x in ub)
    assert (pair.lenient.micro.matched_first, pair.lenient.micro.matched_second) == (lenient_a, lenient_b)
    assert (pair.exact.micro.first_spans, pair.exact.micro.second_spans) == (len(ua), len(ub))
