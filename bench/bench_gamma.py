"""Benchmark: gamma (Mathet et al. 2015) on 3 annotators x 10k, 100k and 1M tokens.

Prints the figures and saves them to bench/results/gamma.json. Never a pass/fail on time.

Corpus: bench_agreement's (ANERcorp sentences reshuffled into documents, annotator "gold" with
the corpus' entities, "x" and "y" noisy copies that leave some documents unfinished; a
synthetic Arabic-like corpus when the data is absent). Timed, medians of --runs runs, per size:

* the best alignment of the observed spans alone (candidate pairs, components, exact solve);
* the whole gamma computation (`gamma_report.corpus_gamma`: the alignment, gamma-cat and
  gamma-k disorders, and --samples sampled continua of at most 1,000 units per annotator);
* at the largest size, `compute_agreement` with every measure and gamma (the issue's budget:
  under 5 s on 3 x 1M tokens), side by side with the same call without gamma.

The growth exponent is the least-squares slope of log(time) against log(units).

    .venv/bin/python bench/bench_gamma.py [--sizes 10000,100000,1000000] [--runs 3]

With --budget, only the issue's budget with everything on, at every size: `compute_agreement`
with every measure, gamma, Gwet's AC2 (quadratic weights) and the default 1000 bootstrap
resamples, side by side in each round with the same call without gamma, without the
bootstrap and without either (medians of --runs interleaved rounds); saved to
bench/results/agreement_budget.json.

    .venv/bin/python bench/bench_gamma.py --budget [--sizes 10000,100000,1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_agreement import build_corpus, make_tokenizer  # noqa: E402

from annotator.agreement import AgreementDocument, GammaOptions, compute_agreement  # noqa: E402
from annotator.agreement.gamma import Dissimilarity, best_alignment, make_continuum  # noqa: E402
from annotator.agreement.gamma_report import corpus_gamma  # noqa: E402
from annotator.agreement.units import prepare_corpus  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "gamma.json"
BUDGET_RESULTS = ROOT / "bench" / "results" / "agreement_budget.json"
BUDGET_S = 5.0  # the budget: every measure on 3 annotators x 1M tokens
RESAMPLES = 1000  # the CLI's and the app's default


def median_time(fn: Callable[[], Any], runs: int) -> tuple[float, list[float], Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, result


def documents_of(tokens: int) -> tuple[list[AgreementDocument], str]:
    texts, annotations, source = build_corpus(tokens)
    tokenize, _ = make_tokenizer()
    offsets = tokenize(texts)
    docs = [AgreementDocument(i, len(t), o, a)
            for i, (t, o, a) in enumerate(zip(texts, offsets, annotations, strict=True))]
    return docs, source


def growth(sizes: list[int], times: list[float]) -> float:
    return float(np.polyfit(np.log(sizes), np.log(times), 1)[0])


def budget(sizes: list[int], runs: int, options: GammaOptions) -> None:
    """Everything on (gamma, AC2, 1000 resamples) against the same call with parts off."""
    settings = {
        "everything": {"gamma": options, "bootstrap": RESAMPLES, "weights": "quadratic"},
        "without_gamma": {"gamma": None, "bootstrap": RESAMPLES, "weights": "quadratic"},
        "without_bootstrap": {"gamma": options, "bootstrap": 0, "weights": "quadratic"},
        "without_either": {"gamma": None, "bootstrap": 0, "weights": "quadratic"},
    }
    load_before = os.getloadavg()[0]
    best_alignment(make_continuum([0, 1], [0, 0], [1, 1], [0, 0], annotators=2, categories=1),
                   Dissimilarity())  # warm the caches (set partitions)
    rows: list[dict[str, Any]] = []
    source = ""
    for size in sizes:
        docs, source = documents_of(size)
        compute_agreement(docs[:50], **settings["everything"])  # warm imports and caches
        times: dict[str, list[float]] = {name: [] for name in settings}
        loads = []
        for _ in range(runs):  # interleaved: each round runs every setting once
            loads.append(round(os.getloadavg()[0], 2))
            for name, kwargs in settings.items():
                start = time.perf_counter()
                report = compute_agreement(docs, **kwargs)  # type: ignore[arg-type]
                times[name].append(time.perf_counter() - start)
                if name == "everything":
                    assert report.bootstrap is not None and report.gamma is not None
                    assert "gwet_ac2" in report.overall
        medians = {name: statistics.median(t) for name, t in times.items()}
        rows.append({"tokens": int(prepare_corpus(docs, None, None).token_start.size),
                     "documents": len(docs), "median_s": medians, "runs_s": times,
                     "load_average_per_round": loads,
                     "ratio_everything_to_without_either":
                         medians["everything"] / medians["without_either"]})
        print(f"{rows[-1]['tokens']:>9,} tokens: everything on {medians['everything']:.3f} s; "
              f"without gamma {medians['without_gamma']:.3f} s, without bootstrap "
              f"{medians['without_bootstrap']:.3f} s, without either "
              f"{medians['without_either']:.3f} s (medians of {runs}; load {loads})", flush=True)
    tokens = [r["tokens"] for r in rows]
    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_average_before_after": [round(load_before, 2),
                                                  round(os.getloadavg()[0], 2)]},
        "corpus": source, "annotators": 3, "gamma_samples": options.samples,
        "bootstrap_resamples": RESAMPLES, "ac2_weights": "quadratic", "runs": runs,
        "settings": {k: {**v, "gamma": v["gamma"] is not None} for k, v in settings.items()},
        "sizes": rows, "budget_s": BUDGET_S,
        "largest_tokens": tokens[-1],
        "everything_at_largest_s": rows[-1]["median_s"]["everything"],
        "within_budget": rows[-1]["median_s"]["everything"] < BUDGET_S,
        "growth_exponent_everything": growth(tokens, [r["median_s"]["everything"] for r in rows])
        if len(rows) > 1 else None,
        "growth_exponent_without_either":
            growth(tokens, [r["median_s"]["without_either"] for r in rows])
        if len(rows) > 1 else None,
    }
    BUDGET_RESULTS.parent.mkdir(exist_ok=True)
    BUDGET_RESULTS.write_text(json.dumps(result, indent=1) + "\n")
    print(f"growth exponent (time ~ tokens^k): everything {result['growth_exponent_everything']}, "
          f"without either {result['growth_exponent_without_either']}; everything at "
          f"{tokens[-1]:,} tokens {result['everything_at_largest_s']:.3f} s (budget {BUDGET_S} s); "
          f"saved {BUDGET_RESULTS.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--budget", action="store_true",
                        help="time only the budget with everything on (agreement_budget.json)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    options = GammaOptions(samples=args.samples)
    if args.budget:
        budget(sizes, args.runs, options)
        return
    load_before = os.getloadavg()[0]
    rows: list[dict[str, Any]] = []
    docs: list[AgreementDocument] = []
    source = ""
    best_alignment(make_continuum([0, 1], [0, 0], [1, 1], [0, 0], annotators=2, categories=1),
                   Dissimilarity())  # warm the caches (set partitions)
    for size in sizes:
        docs, source = documents_of(size)
        corpus = prepare_corpus(docs, None, None)
        complete = corpus.present.all(axis=0)
        spans = [s.take(complete[s.doc]) for s in corpus.spans]
        units = make_continuum(
            np.concatenate([np.full(len(s), r) for r, s in enumerate(spans)]),
            np.concatenate([s.start for s in spans]), np.concatenate([s.end for s in spans]),
            np.concatenate([s.label for s in spans]) - 1, annotators=len(spans),
            categories=len(corpus.labels), section=np.concatenate([s.doc for s in spans]),
            section_start=corpus.doc_offsets)
        align_s, align_runs, alignment = median_time(
            lambda u=units: best_alignment(u, Dissimilarity()), args.runs)
        gamma_s, gamma_runs, gamma = median_time(
            lambda c=corpus: corpus_gamma(c, options), args.runs)
        rows.append({
            "tokens": int(corpus.token_start.size), "documents": int(corpus.doc_ids.size),
            "units": len(units), "components": alignment.components,
            "largest_component": alignment.largest_component,
            "unitary_alignments": alignment.size, "alignment_s": align_s,
            "alignment_runs_s": align_runs, "gamma_s": gamma_s, "gamma_runs_s": gamma_runs,
            "gamma": gamma.overall.value, "gamma_cat": gamma.gamma_cat.value,
            "precision": gamma.precision,
            "per_label": {k: v.value for k, v in gamma.per_label.items()},
        })
        print(f"{rows[-1]['tokens']:>9,} tokens {len(units):>8,} units: alignment "
              f"{align_s:.3f} s, gamma ({args.samples} samples) {gamma_s:.3f} s; components "
              f"{alignment.components:,} (largest {alignment.largest_component}); gamma "
              f"{gamma.overall.value:.4f} ± {gamma.precision:.4f} (stderr of expected "
              f"disorder), gamma-cat {gamma.gamma_cat.value:.4f}", flush=True)
    # the budget: every measure with gamma at the largest size, side by side with no gamma
    with_gamma, without = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        compute_agreement(docs, gamma=options)
        with_gamma.append(time.perf_counter() - start)
        start = time.perf_counter()
        compute_agreement(docs, gamma=None)
        without.append(time.perf_counter() - start)
    units_axis = [r["units"] for r in rows]
    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_average_before_after": [round(load_before, 2),
                                                  round(os.getloadavg()[0], 2)]},
        "corpus": source, "annotators": 3, "samples": args.samples,
        "sample_units": options.sample_units, "runs": args.runs, "sizes": rows,
        "growth_exponent_alignment": growth(units_axis, [r["alignment_s"] for r in rows])
        if len(rows) > 1 else None,
        "growth_exponent_gamma": growth(units_axis, [r["gamma_s"] for r in rows])
        if len(rows) > 1 else None,
        "compute_agreement_with_gamma_s": statistics.median(with_gamma),
        "compute_agreement_without_gamma_s": statistics.median(without),
        "compute_agreement_runs_s": {"with_gamma": with_gamma, "without_gamma": without},
        "largest_tokens": rows[-1]["tokens"],
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n")
    print(f"growth exponent (time ~ units^k): alignment {result['growth_exponent_alignment']}, "
          f"gamma {result['growth_exponent_gamma']}")
    print(f"compute_agreement at {rows[-1]['tokens']:,} tokens: every measure with gamma "
          f"{result['compute_agreement_with_gamma_s']:.3f} s, without gamma "
          f"{result['compute_agreement_without_gamma_s']:.3f} s (medians of {args.runs}, side "
          f"by side); saved {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
