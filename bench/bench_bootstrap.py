"""Benchmark: 95% bootstrap intervals over documents on 3 annotators x ~1 million tokens, and
their coverage on simulated studies with a known true value.

Cost: the corpus of bench_agreement.py (ANERcorp reshuffled, or synthetic), tokenized once;
`compute_agreement` without intervals and with --resamples resamples, side by side in each
round (medians over --runs rounds), and the two parts of the bootstrap alone: the
per-document statistics (built once) and the resamples.

Coverage: --studies simulated studies of two coders who copy a token's true category with
probability 0.8 (else draw from fixed shares), so Krippendorff's alpha, Fleiss' and Cohen's
kappa tend to 0.8^2 = 0.64; the share of the 95% intervals (--coverage-resamples each) that
hold 0.64. The same simulation as tests/agreement/test_bootstrap.py, more studies.

Prints the figures and saves them to bench/results/bootstrap.json. Never a pass/fail.

    .venv/bin/python bench/bench_bootstrap.py [--tokens 1000000] [--runs 3] [--resamples 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_agreement import build_corpus, make_tokenizer  # noqa: E402

from annotator.agreement import AgreementDocument, compute_agreement  # noqa: E402
from annotator.agreement.compute import _Computation  # noqa: E402
from annotator.agreement.units import prepare_corpus  # noqa: E402
from annotator.core.model import Span  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "bootstrap.json"
LABELS = ("PERS", "LOC", "ORG")


def timed(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def simulated_study(rng: np.random.Generator, n_docs: int, reliability: float,
                    shares: np.ndarray) -> list[AgreementDocument]:
    documents = []
    for d in range(n_docs):
        n_tokens = int(rng.integers(10, 40))
        truth = rng.choice(len(shares), size=n_tokens, p=shares)
        annotations = {}
        for name in ("amal", "badr"):
            codes = np.where(rng.random(n_tokens) < reliability, truth,
                             rng.choice(len(shares), size=n_tokens, p=shares))
            annotations[name] = [Span(3 * t, 3 * t + 2, LABELS[c - 1])
                                 for t, c in enumerate(codes) if c > 0]
        documents.append(AgreementDocument(d + 1, 3 * n_tokens,
                                           [(3 * t, 3 * t + 2) for t in range(n_tokens)],
                                           annotations))
    return documents


def coverage(studies: int, resamples: int, n_docs: int, seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    reliability, shares = 0.8, np.array([0.6, 0.2, 0.12, 0.08])
    truth = reliability**2
    held = {"krippendorff_alpha": 0, "fleiss_kappa": 0, "cohen_kappa": 0}
    widths: dict[str, list[float]] = {name: [] for name in held}
    for _ in range(studies):
        documents = simulated_study(rng, n_docs, reliability, shares)
        figures = _Computation(prepare_corpus(documents, None, LABELS)).bootstrap_figures()
        intervals = figures.intervals(resamples, int(rng.integers(0, 2**31)))
        for name in held:
            i = intervals.overall[name]
            assert i.low is not None and i.high is not None
            held[name] += i.low <= truth <= i.high
            widths[name].append(i.high - i.low)
    return {"studies": studies, "resamples": resamples, "documents_per_study": n_docs,
            "true_value": truth, "held": held,
            "share_held": {k: v / studies for k, v in held.items()},
            "median_width": {k: statistics.median(v) for k, v in widths.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--studies", type=int, default=500)
    parser.add_argument("--coverage-resamples", type=int, default=500)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    texts, annotations, source = build_corpus(args.tokens)
    tokenize, tokenizer = make_tokenizer()
    tokens = tokenize(texts)
    documents = [AgreementDocument(i + 1, len(t), tok, a)
                 for i, (t, tok, a) in enumerate(zip(texts, tokens, annotations, strict=True))]
    plain, with_intervals, statistics_s, resampling_s = [], [], [], []
    for _ in range(args.runs):  # side by side in each round
        plain.append(timed(lambda: compute_agreement(documents))[0])
        seconds, report = timed(lambda: compute_agreement(documents, bootstrap=args.resamples))
        with_intervals.append(seconds)
        computation = _Computation(prepare_corpus(documents, None, None))
        seconds, figures = timed(computation.bootstrap_figures)
        statistics_s.append(seconds)
        resampling_s.append(timed(partial(figures.intervals, args.resamples, 0))[0])
    median = statistics.median
    result: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_average_before_after": [load_before, os.getloadavg()[0]]},
        "corpus": {"source": source, "tokenizer": tokenizer, **report.corpus,
                   "annotators": len(report.annotators), "labels": len(report.labels)},
        "runs": args.runs, "resamples": args.resamples,
        "compute_agreement_s": median(plain),
        "compute_agreement_with_intervals_s": median(with_intervals),
        "ratio_with_to_without": median(w / p for w, p in zip(with_intervals, plain, strict=True)),
        "bootstrap_statistics_s": median(statistics_s),
        "bootstrap_resamples_s": median(resampling_s),
        "every_run_s": {"without": plain, "with": with_intervals, "statistics": statistics_s,
                        "resamples": resampling_s},
        "overall": {name: {"value": report.overall[name].value, **i.to_dict()}
                    for name, i in report.bootstrap.overall.items()},
        "coverage": coverage(args.studies, args.coverage_resamples, 25, 2026),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"corpus: {result['corpus']['documents']:,} documents, {result['corpus']['tokens']:,} "
          f"tokens, 3 annotators ({source})")
    print(f"compute_agreement: {result['compute_agreement_s']:.2f} s; with {args.resamples} "
          f"resamples: {result['compute_agreement_with_intervals_s']:.2f} s "
          f"(x{result['ratio_with_to_without']:.2f}); statistics "
          f"{result['bootstrap_statistics_s']:.2f} s, resamples {result['bootstrap_resamples_s']:.2f} s")
    for name, row in result["overall"].items():
        print(f"  {name:<20} {row['value']:.4f}  [{row['low']:.4f}, {row['high']:.4f}]")
    c = result["coverage"]
    print(f"coverage of {c['true_value']:.2f} by {c['studies']} intervals "
          f"({c['resamples']} resamples each): " + ", ".join(
              f"{k} {v:.3f}" for k, v in c["share_held"].items()))
    print(f"saved {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
