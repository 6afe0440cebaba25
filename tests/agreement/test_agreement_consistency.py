"""The report's breakdowns agree with the measures computed on the pieces they stand for."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import AgreementDocument, compute_agreement, unitizing_alpha
from annotator.agreement.tokens import label_all_tokens
from annotator.agreement.units import prepare_corpus
from annotator.core.model import Span

NAMES = ("ali", "huda", "omar")
LABELS = ("LOC", "ORG", "PERS")


@st.composite
def corpora(draw: st.DrawFn) -> list[AgreementDocument]:
    docs = []
    for doc_id in range(draw(st.integers(1, 4))):
        length = draw(st.integers(5, 40))
        tokens = [(k, min(k + 3, length)) for k in range(0, length, 4)]
        annotations: dict[str, list[Span] | None] = {}
        for name in NAMES:
            if draw(st.integers(0, 4)) == 0:
                annotations[name] = None
                continue
            spans = []
            for _ in range(draw(st.integers(0, 4))):
                start = draw(st.integers(0, length - 1))
                end = draw(st.integers(start + 1, min(length, start + 8)))
                spans.append(Span(start, end, draw(st.sampled_from(LABELS))))
            annotations[name] = spans
        docs.append(AgreementDocument(doc_id, length, tokens, annotations))
    return docs


def _close(ours: float | None, theirs: float | None) -> bool:
    if ours is None or theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
        return ours is None and (theirs is None or math.isnan(theirs))
    return ours == pytest.approx(theirs, abs=1e-9)


def _merged(spans: list[Span]) -> list[Span]:
    """Union of overlapping same-label spans (alpha_u merges them the same way)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: (x.label, x.start, x.end)):
        if out and out[-1].label == s.label and s.start < out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end), s.label)
        else:
            out.append(s)
    return out


@settings(max_examples=80, deadline=None)
@given(corpora())
def test_breakdowns_match_direct_computations(docs: list[AgreementDocument]) -> None:
    report = compute_agreement(docs, annotators=NAMES, labels=LABELS)

    for doc, row in zip(docs, report.per_document, strict=True):
        coders = [n for n in NAMES if doc.annotations.get(n) is not None]
        assert row.coders == tuple(coders)
        if len(coders) < 2:
            assert row.alpha_u is None and row.reason == "fewer_than_two_coders"
            continue
        units = [(r, s.start, s.end, s.label) for r, n in enumerate(coders)
                 for s in _merged(list(doc.annotations[n] or []))]
        assert _close(row.alpha_u, unitizing_alpha(units, len(coders), doc.length).alpha)
        alone = compute_agreement([doc], annotators=coders, labels=LABELS)
        assert _close(row.krippendorff_alpha, alone.overall["krippendorff_alpha"].value)

    for pair in report.pairs:
        shared = [d for d in docs if d.annotations.get(pair.first) is not None
                  and d.annotations.get(pair.second) is not None]
        assert pair.documents == len(shared)
        if not shared:
            assert pair.alpha_u.value is None and pair.cohen_kappa.value is None
            continue
        alone = compute_agreement(shared, annotators=[pair.first, pair.second], labels=LABELS)
        assert _close(pair.alpha_u.value, alone.overall["alpha_u"].value)
        assert _close(pair.cohen_kappa.value, alone.pair(pair.first, pair.second).cohen_kappa.value)
        assert pair.exact.micro == alone.pair(pair.first, pair.second).exact.micro

    codes, _ = label_all_tokens(prepare_corpus(docs, NAMES, LABELS))
    data = np.where(codes < 0, np.nan, codes.astype(float))
    values = codes[codes >= 0]
    pairable = ((codes >= 0).sum(axis=0) >= 2).any()
    if pairable and np.unique(values).size >= 2:
        with np.errstate(all="ignore"):
            theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                        value_domain=list(range(len(LABELS) + 1)))
        assert _close(report.overall["krippendorff_alpha"].value, float(theirs))
    corpus = prepare_corpus(docs, NAMES, LABELS)
    nested = any(s.overlapping for s in corpus.spans)  # then labels are read in every layer
    for k, label in enumerate(LABELS, start=1):
        binary = np.where(codes < 0, np.nan, (codes == k).astype(float))
        if nested:
            binary = np.where(codes < 0, np.nan, _covered_by(corpus, k).astype(float))
        if pairable and np.unique(binary[~np.isnan(binary)]).size == 2:
            with np.errstate(all="ignore"):
                theirs = krippendorff.alpha(reliability_data=binary, level_of_measurement="nominal")
            assert _close(report.per_label[label].krippendorff_alpha.value, float(theirs))


def _covered_by(corpus, label: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    """(R, T): whether a span of LABEL covers more than half of each token, in any layer
    (written plainly, loop by loop, to check the vectorised rule)."""
    out = np.zeros((len(corpus.annotators), corpus.token_start.size), dtype=bool)
    for r, spans in enumerate(corpus.spans):
        for start, end, code in zip(spans.start, spans.end, spans.label, strict=True):
            if code != label:
                continue
            for t, (a, b) in enumerate(zip(corpus.token_start, corpus.token_end, strict=True)):
                if 2 * (min(b, end) - max(a, start)) > b - a:
                    out[r, t] = True
    return out
