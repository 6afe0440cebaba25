"""Record gamma values from pygamma-agreement into tests/agreement/fixtures/pygamma_gamma.json.

Not part of the package, and not run by the tests: pygamma-agreement (numba, cvxpy) lives in a
throwaway venv because its numba import fails next to coverage:

    python3 -m venv /tmp/pg && /tmp/pg/bin/pip install pygamma-agreement
    /tmp/pg/bin/python tools/record_pygamma_fixtures.py [CSV_DIR] [--samples N]

CSV_DIR holds continua from pygamma-agreement's own tests (tests/data/*.csv: annotator,
category, start, end); the script adds generated continua (seeded). For every continuum it
records what is deterministic (the best alignment's disorder and unitary alignments, the
gamma-cat and gamma-k disorders of that alignment), a few of pygamma's own random samples with
their best-alignment disorders (so the alignment of sampled continua is checked exactly too),
and the expected disorders of N sampled continua (mean and standard error).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

import numpy as np
from pyannote.core import Segment
from pygamma_agreement import CombinedCategoricalDissimilarity, Continuum
from pygamma_agreement.dissimilarity import PrecomputedCategoricalDissimilarity
from pygamma_agreement.sampler import StatisticalContinuumSampler

OUT = Path(__file__).resolve().parent.parent / "tests/agreement/fixtures/pygamma_gamma.json"
CSV_CASES = {  # file: (alpha, beta) as pygamma's own tests use them
    "AlexPaulSuzan.csv": (3.0, 1.0),
    "annotation_paul_suzann_alex.csv": (1.0, 1.0),
    "example_figure10.csv": (1.0, 1.0),
    "3by100.csv": (3.0, 1.0),
}


def read_csv(path: Path) -> list[list[object]]:
    units = []
    for line in path.read_text().splitlines():
        if line.strip():
            annotator, category, start, end = line.split(",")
            units.append([annotator, category, float(start), float(end)])
    return units


def generated(seed: int, annotators: int, truth_units: int) -> list[list[object]]:
    """A reference segmentation plus per-annotator noise: shifted bounds, misses, extra units,
    splits and category changes (integer positions, like code points)."""
    rng = random.Random(seed)
    truth, at = [], 0
    for _ in range(truth_units):
        at += rng.randint(2, 12)
        length = rng.randint(2, 15)
        truth.append((at, at + length, rng.choice("ABC")))
        at += length
    units: list[list[object]] = []
    for a in range(annotators):
        name = f"coder{a + 1}"
        for start, end, category in truth:
            roll = rng.random()
            if roll < 0.1:
                continue  # missed
            if roll < 0.17 and end - start >= 4:  # split in two
                cut = rng.randint(start + 1, end - 1)
                units.append([name, category, float(start), float(cut)])
                units.append([name, category, float(cut), float(end)])
                continue
            s = start + rng.choice((0, 0, 0, -1, 1, -2, 2))
            e = end + rng.choice((0, 0, 0, -1, 1, -3, 2))
            if e <= s:
                s, e = start, end
            if rng.random() < 0.12:
                category = rng.choice("ABC")
            units.append([name, category, float(s), float(e)])
        for _ in range(rng.randint(0, 2)):  # spurious units
            s = rng.randint(0, at)
            units.append([name, rng.choice("ABC"), float(s), float(s + rng.randint(1, 8))])
    return units


def continuum_of(units: list[list[object]]) -> Continuum:
    continuum = Continuum()
    for annotator, category, start, end in units:
        continuum.add(str(annotator), Segment(float(start), float(end)), str(category))
    return continuum


def units_of(continuum: Continuum) -> list[list[object]]:
    return [[str(a), str(u.annotation), float(u.segment.start), float(u.segment.end)]
            for a, u in continuum]


def dissimilarity(continuum: Continuum, alpha: float, beta: float, matrix: list[list[float]] | None
                  ) -> CombinedCategoricalDissimilarity:
    if matrix is None:
        return CombinedCategoricalDissimilarity(alpha=alpha, beta=beta, delta_empty=1.0)
    cat = PrecomputedCategoricalDissimilarity(continuum.categories, np.array(matrix, dtype=np.float32))
    return CombinedCategoricalDissimilarity(alpha=alpha, beta=beta, delta_empty=1.0, cat_dissim=cat)


def alignment_record(continuum: Continuum, d: CombinedCategoricalDissimilarity) -> dict[str, object]:
    index = {(a, u.segment.start, u.segment.end, u.annotation): i
             for i, (a, u) in enumerate(continuum)}
    best = continuum.get_best_alignment(d)
    groups = sorted(sorted(index[(a, u.segment.start, u.segment.end, u.annotation)]
                           for a, u in ua.n_tuple if u is not None) for ua in best)
    return {
        "disorder": float(best.disorder),
        "unitary_alignments": groups,
        "cat_disorder": float(best.gamma_k_disorder(d, None)),
        "k_disorders": {str(k): float(best.gamma_k_disorder(d, k)) for k in continuum.categories},
    }


def record(name: str, units: list[list[object]], alpha: float, beta: float, samples: int,
           matrix: list[list[float]] | None = None) -> dict[str, object]:
    started = time.perf_counter()
    continuum = continuum_of(units)
    units = units_of(continuum)  # pygamma's order: annotators, then units sorted
    d = dissimilarity(continuum, alpha, beta, matrix)
    observed = alignment_record(continuum, d)
    sampler = StatisticalContinuumSampler()
    sampler.init_sampling(continuum)
    checked, disorders, cats = [], [], []
    ks: dict[str, list[float]] = {str(k): [] for k in continuum.categories}
    for i in range(samples):
        sample = sampler.sample_from_continuum
        best = sample.get_best_alignment(d)
        disorders.append(float(best.disorder))
        cats.append(float(best.gamma_k_disorder(d, None)))
        for k in ks:
            ks[k].append(float(best.gamma_k_disorder(d, k)))
        if i < 3:
            checked.append({"units": units_of(sample), **alignment_record(sample, d)})
    expected = float(np.mean(disorders))
    print(f"{name}: {len(units)} units, observed {observed['disorder']:.5f}, expected "
          f"{expected:.5f} ({samples} samples, {time.perf_counter() - started:.1f} s)",
          file=sys.stderr)
    return {
        "name": name, "units": units, "alpha": alpha, "beta": beta, "delta_empty": 1.0,
        "categories": [str(c) for c in continuum.categories], "cat_matrix": matrix,
        "observed": observed,
        "expected": {
            "samples": samples, "disorder": expected,
            "stderr": float(np.std(disorders, ddof=1) / np.sqrt(samples)),
            "cat_disorder": float(np.mean(cats)),
            "cat_stderr": float(np.std(cats, ddof=1) / np.sqrt(samples)),
            "k_disorders": {k: float(np.mean(v)) for k, v in ks.items()},
            "k_stderr": {k: float(np.std(v, ddof=1) / np.sqrt(samples)) for k, v in ks.items()},
        },
        "sampled": checked,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv_dir", nargs="?", type=Path, default=Path("/tmp/pgdata"))
    parser.add_argument("--samples", type=int, default=100)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # "CBC solver not installed. Using GLPK." per alignment
    np.random.seed(20261204)
    cases = []
    for file, (alpha, beta) in CSV_CASES.items():
        path = args.csv_dir / file
        if path.exists():
            cases.append(record(file, read_csv(path), alpha, beta, args.samples))
    for seed, (annotators, size, alpha, beta) in enumerate(
            [(2, 20, 1.0, 1.0), (3, 15, 1.0, 1.0), (3, 15, 2.0, 0.5), (4, 8, 1.0, 1.0)]):
        cases.append(record(f"generated-{annotators}x{size}-seed{seed}",
                            generated(seed, annotators, size), alpha, beta, args.samples))
    matrix = [[0.0, 0.5, 1.0], [0.5, 0.0, 0.5], [1.0, 0.5, 0.0]]
    cases.append(record("generated-3x12-matrix", generated(7, 3, 12), 1.0, 1.0, args.samples,
                        matrix))
    import pygamma_agreement

    OUT.write_text(json.dumps({
        "source": f"pygamma-agreement {getattr(pygamma_agreement, '__version__', '0.5.9')} "
                  "(StatisticalContinuumSampler, CombinedCategoricalDissimilarity, GLPK)",
        "made_by": "tools/record_pygamma_fixtures.py", "cases": cases}, indent=1) + "\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
