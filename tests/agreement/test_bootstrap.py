"""Bootstrap intervals over documents: exact on any resample, and ~95% coverage on simulations."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.agreement import AgreementDocument, compute_agreement
from annotator.agreement.bootstrap import OVERALL, PER_LABEL, percentile_interval, resample_weights
from annotator.agreement.compute import _Computation
from annotator.agreement.units import prepare_corpus
from annotator.core.model import Span

LABELS = ("PERS", "LOC", "ORG")
NAMES = ("amal", "badr", "carim")


def random_documents(seed: int, n_docs: int = 12, nested: bool = False) -> list[AgreementDocument]:
    """Documents of 2-code-point tokens with random spans of 1-3 tokens, partly copied from
    a shared 'truth' so annotators agree more than by chance; some documents unfinished."""
    rng = np.random.default_rng(seed)
    documents = []
    for d in range(n_docs):
        n_tokens = int(rng.integers(3, 30))
        tokens = [(3 * t, 3 * t + 2) for t in range(n_tokens)]
        truth = _spans(rng, n_tokens, nested)
        annotations: dict[str, list[Span] | None] = {}
        for name in NAMES:
            if rng.random() < 0.15:
                annotations[name] = None  # did not finish
                continue
            kept = [s for s in truth if rng.random() < 0.7]
            extra = _spans(rng, n_tokens, nested)[:2]
            spans = sorted(set(kept + extra))
            if not nested:  # drop overlaps: keep the first of overlapping spans
                flat: list[Span] = []
                for s in spans:
                    if not flat or s.start >= flat[-1].end:
                        flat.append(s)
                spans = flat
            annotations[name] = spans
        if sum(a is not None for a in annotations.values()) < 1:
            annotations["amal"] = []
        documents.append(AgreementDocument(100 + d, 3 * n_tokens, tokens, annotations))
    return documents


def _spans(rng: np.random.Generator, n_tokens: int, nested: bool) -> list[Span]:
    spans = []
    t = 0
    while t < n_tokens:
        if rng.random() < 0.3:
            width = int(rng.integers(1, 4))
            end = min(n_tokens, t + width)
            spans.append(Span(3 * t, 3 * end - 1, LABELS[int(rng.integers(0, 3))]))
            if nested and end - t > 1 and rng.random() < 0.5:
                spans.append(Span(3 * t, 3 * t + 2, LABELS[int(rng.integers(0, 3))]))
            t = end
        t += 1
    return spans


def report_values(report) -> dict[tuple[str | None, str], float | None]:  # type: ignore[no-untyped-def]
    found: dict[tuple[str | None, str], float | None] = {
        (None, m): report.overall[m].value for m in OVERALL if m in report.overall}
    for label, figures in report.per_label.items():
        by_name = {"krippendorff_alpha": figures.krippendorff_alpha, "alpha_u": figures.alpha_u,
                   "cohen_kappa": figures.cohen_kappa, "span_f1_exact": figures.exact_f1,
                   "span_f1_lenient": figures.lenient_f1, "gwet_ac1": figures.gwet_ac1}
        found.update({(label, m): by_name[m].value for m in PER_LABEL})
    return found


def assert_same(computed: dict, expected: dict) -> None:  # type: ignore[type-arg]
    assert set(computed) == set(expected)
    for key, value in expected.items():
        got = float(computed[key][0])
        if value is None:
            assert math.isnan(got), key
        else:
            assert got == pytest.approx(value, rel=1e-9, abs=1e-12), key


def figures_of(documents: list[AgreementDocument]):  # type: ignore[no-untyped-def]
    return _Computation(prepare_corpus(documents, None, LABELS)).bootstrap_figures()


@pytest.mark.parametrize("nested", [False, True])
def test_weights_of_one_give_the_reports_figures(nested: bool) -> None:
    documents = random_documents(1, nested=nested)
    figures = figures_of(documents)
    report = compute_agreement(documents, labels=LABELS)
    assert_same(figures.values(np.ones((1, len(documents)))), report_values(report))


@pytest.mark.parametrize(("seed", "nested"), [(2, False), (3, False), (4, True)])
def test_a_resample_is_the_corpus_of_the_drawn_documents(seed: int, nested: bool) -> None:
    documents = random_documents(seed, nested=nested)
    w = resample_weights(np.random.default_rng(seed), 1, len(documents))
    drawn = [AgreementDocument(1000 * k + d.doc_id, d.length, d.tokens, d.annotations)
             for d, times in zip(documents, w[0].astype(int), strict=True) for k in range(times)]
    expected = report_values(compute_agreement(drawn, labels=LABELS))
    assert_same(figures_of(documents).values(w), expected)


def test_intervals_are_seeded_and_in_the_json() -> None:
    documents = random_documents(5, n_docs=20)
    report = compute_agreement(documents, labels=LABELS, bootstrap=200, seed=7)
    again = compute_agreement(documents, labels=LABELS, bootstrap=200, seed=7)
    other = compute_agreement(documents, labels=LABELS, bootstrap=200, seed=8)
    assert report.bootstrap == again.bootstrap and report.bootstrap != other.bootstrap
    out = report.to_dict()["bootstrap"]
    assert (out["resamples"], out["seed"], out["level"]) == (200, 7, 0.95)
    alpha = out["overall"]["krippendorff_alpha"]
    assert alpha["low"] < report.overall["krippendorff_alpha"].value < alpha["high"]
    assert set(out["overall"]) == set(OVERALL) - {"gwet_ac2"}  # AC2: with weights only
    assert set(out["per_label"]) == set(LABELS)
    assert compute_agreement(documents, labels=LABELS).to_dict()["bootstrap"] is None


def test_percentile_interval_leaves_out_undefined_resamples() -> None:
    values = np.concatenate([np.linspace(0.0, 1.0, 1001), [np.nan] * 10])
    interval = percentile_interval(values)
    assert (interval.low, interval.high, interval.resamples) == (
        pytest.approx(0.025), pytest.approx(0.975), 1001)
    assert percentile_interval(np.full(3, np.nan)).low is None


def simulated_study(rng: np.random.Generator, n_docs: int, reliability: float,
                    shares: np.ndarray) -> list[AgreementDocument]:
    """Two coders who each copy a token's true category with probability RELIABILITY and
    otherwise draw one from SHARES: kappa, alpha and Fleiss' kappa tend to RELIABILITY**2."""
    documents = []
    for d in range(n_docs):
        n_tokens = int(rng.integers(10, 40))
        truth = rng.choice(len(shares), size=n_tokens, p=shares)
        annotations = {}
        for name in NAMES[:2]:
            codes = np.where(rng.random(n_tokens) < reliability, truth,
                             rng.choice(len(shares), size=n_tokens, p=shares))
            annotations[name] = [Span(3 * t, 3 * t + 2, LABELS[c - 1])
                                 for t, c in enumerate(codes) if c > 0]
        documents.append(AgreementDocument(d + 1, 3 * n_tokens,
                                           [(3 * t, 3 * t + 2) for t in range(n_tokens)],
                                           annotations))
    return documents


@pytest.mark.slow  # ~30 s: 200 studies x 200 resamples
def test_about_95_percent_of_intervals_hold_the_true_value() -> None:
    rng = np.random.default_rng(2026)
    reliability, shares = 0.8, np.array([0.6, 0.2, 0.12, 0.08])
    true_value = reliability**2
    held = {"krippendorff_alpha": 0, "fleiss_kappa": 0, "cohen_kappa": 0}
    studies = 200
    for _ in range(studies):
        documents = simulated_study(rng, 25, reliability, shares)
        figures = figures_of(documents)
        intervals = figures.intervals(200, int(rng.integers(0, 2**31)))
        for name in held:
            interval = intervals.overall[name]
            held[name] += interval.low <= true_value <= interval.high
    for name, count in held.items():
        assert 0.90 <= count / studies <= 0.99, (name, count)
