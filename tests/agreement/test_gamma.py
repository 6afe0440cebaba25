"""Gamma against pygamma-agreement's recorded values, and the exactness of the best alignment.

The fixture (tests/agreement/fixtures/pygamma_gamma.json, made by
tools/record_pygamma_fixtures.py with pygamma-agreement 0.5.9) holds continua from
pygamma-agreement's own tests and generated ones, with pygamma's best alignment, its
gamma-cat and gamma-k disorders, three of its random samples with their best alignments, and
the mean expected disorders of 200 of its samples.
"""

from __future__ import annotations

import json
import math
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from annotator.agreement import gamma_alignment
from annotator.agreement.gamma import (
    Dissimilarity,
    StatisticalSampler,
    best_alignment,
    category_disorders,
    compute_gamma,
    disorders_by_part,
    make_continuum,
)
from annotator.agreement.gamma_alignment import Continuum, _partitions
from annotator.core.errors import AnnotatorError

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "pygamma_gamma.json").read_text())
CASES = FIXTURE["cases"]


def continuum_of(units: list[list[Any]], categories: list[str]) -> Continuum:
    names = sorted({u[0] for u in units})
    return make_continuum([names.index(u[0]) for u in units], [u[2] for u in units],
                          [u[3] for u in units], [categories.index(u[1]) for u in units],
                          annotators=len(names), categories=len(categories))


def dissimilarity_of(case: dict[str, Any]) -> Dissimilarity:
    matrix = None if case["cat_matrix"] is None else np.array(case["cat_matrix"])
    return Dissimilarity(case["alpha"], case["beta"], case["delta_empty"], matrix)


def partition(group: np.ndarray) -> set[frozenset[int]]:
    return {frozenset(np.flatnonzero(group == g).tolist()) for g in np.unique(group)}


def check_alignment(units: list[list[Any]], recorded: dict[str, Any], case: dict[str, Any]
                    ) -> None:
    continuum = continuum_of(units, case["categories"])
    dis = dissimilarity_of(case)
    alignment = best_alignment(continuum, dis)
    assert alignment.disorder == pytest.approx(recorded["disorder"], rel=1e-5, abs=1e-6)
    theirs = {frozenset(g) for g in recorded["unitary_alignments"]}
    if partition(alignment.group) != theirs:
        # an equally good alignment (a tie): its disorder matched above
        return
    cats = category_disorders(continuum, alignment, dis)
    by_part, _ = disorders_by_part(continuum, alignment, dis, np.zeros(len(continuum), np.int64), 1)
    assert by_part[0] == pytest.approx(alignment.disorder, rel=1e-12)
    assert cats.cat == pytest.approx(recorded["cat_disorder"], rel=1e-5, abs=1e-6)
    for k, name in enumerate(case["categories"]):
        if name not in recorded["k_disorders"]:  # a sample without this category
            assert cats.per_category[k] is None
            continue
        assert cats.per_category[k] == pytest.approx(recorded["k_disorders"][name], rel=1e-5,
                                                     abs=1e-6)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_best_alignment_matches_pygamma(case: dict[str, Any]) -> None:
    check_alignment(case["units"], case["observed"], case)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_best_alignment_of_pygamma_samples(case: dict[str, Any]) -> None:
    for sample in case["sampled"]:
        check_alignment(sample["units"], sample, case)


def partition_disorder(continuum: Continuum, dis: Dissimilarity, groups: list[list[int]]
                       ) -> float:
    """Disorder of a given alignment, computed directly from the definition."""
    n = continuum.annotators
    c2 = n * (n - 1) // 2
    total = 0.0
    for members in groups:
        pairs = list(combinations(members, 2))
        d = dis(continuum, np.array([a for a, _ in pairs], dtype=np.int64),
                np.array([b for _, b in pairs], dtype=np.int64)) if pairs else np.zeros(0)
        total += (d.sum() + (c2 - len(pairs)) * dis.delta_empty) / c2
    return total / (len(continuum) / n)


def test_where_alignments_differ_from_pygamma_they_tie() -> None:
    differ = 0
    for case in CASES:
        continuum = continuum_of(case["units"], case["categories"])
        dis = dissimilarity_of(case)
        ours = best_alignment(continuum, dis)
        theirs = case["observed"]["unitary_alignments"]
        if partition(ours.group) != {frozenset(g) for g in theirs}:
            differ += 1
            mine = [np.flatnonzero(ours.group == g).tolist() for g in range(ours.size)]
            assert partition_disorder(continuum, dis, mine) == pytest.approx(
                partition_disorder(continuum, dis, theirs), rel=1e-9)
    assert differ <= 2


SLOW_SAMPLING = {"3by100.csv"}  # over twenty seconds


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.slow) if c["name"] in SLOW_SAMPLING else c for c in CASES
], ids=[c["name"] for c in CASES])
def test_expected_disorder_matches_pygamma(case: dict[str, Any]) -> None:
    continuum = continuum_of(case["units"], case["categories"])
    result = compute_gamma(continuum, dissimilarity_of(case), samples=150, seed=3)
    theirs = case["expected"]
    assert result.precision is not None and result.expected is not None
    tolerance = 4 * np.hypot(result.precision, theirs["stderr"])
    assert abs(result.expected - theirs["disorder"]) < tolerance
    assert result.expected_cat is not None
    assert abs(result.expected_cat - theirs["cat_disorder"]) < 0.06
    assert result.observed == pytest.approx(case["observed"]["disorder"], rel=1e-5)
    assert result.gamma == pytest.approx(1 - result.observed / result.expected)


def test_disorder_of_identical_annotations_is_zero() -> None:
    units = make_continuum([0, 0, 1, 1], [0, 10, 0, 10], [5, 20, 5, 20], [0, 1, 0, 1],
                           annotators=2, categories=2)
    result = compute_gamma(units, samples=10)
    assert result.observed == 0 and result.gamma == 1.0 and result.gamma_cat == 1.0


def test_sampling_is_seeded() -> None:
    case = CASES[0]
    continuum = continuum_of(case["units"], case["categories"])
    first = compute_gamma(continuum, samples=20, seed=5)
    assert compute_gamma(continuum, samples=20, seed=5) == first
    assert compute_gamma(continuum, samples=20, seed=6).expected != first.expected


def test_samples_scored_together_equal_samples_scored_alone() -> None:
    from annotator.agreement.gamma import _stacked

    case = next(c for c in CASES if c["name"] == "generated-3x15-seed2")
    continuum = continuum_of(case["units"], case["categories"])
    dis = dissimilarity_of(case)
    sampler = StatisticalSampler.of(continuum)
    rng = np.random.default_rng(8)
    samples = [sampler.sample(rng) for _ in range(6)]
    stacked, part = _stacked(samples)
    together, cats = disorders_by_part(stacked, best_alignment(stacked, dis), dis, part, 6)
    for k, sample in enumerate(samples):
        alone = best_alignment(sample, dis)
        assert together[k] == pytest.approx(alone.disorder, rel=1e-9)
        assert cats[k] == category_disorders(sample, alone, dis) or cats[k].cat == pytest.approx(
            category_disorders(sample, alone, dis).cat, rel=1e-9)


def test_sampler_draws_from_the_observed_statistics() -> None:
    case = next(c for c in CASES if c["name"] == "3by100.csv")
    continuum = continuum_of(case["units"], case["categories"])
    sampler = StatisticalSampler.of(continuum)
    sample = sampler.sample(np.random.default_rng(0), 60)  # scaled down to 60 per annotator
    counts = np.bincount(sample.annotator, minlength=3)
    assert abs(counts.mean() - 60) < 10
    many = [sampler.sample(np.random.default_rng(s)) for s in range(20)]
    lengths = np.concatenate([m.end - m.start for m in many])
    mu, sigma = sampler.length_mean, sampler.length_std  # lengths are |N(mu, sigma)|
    folded = sigma * math.sqrt(2 / math.pi) * math.exp(-mu * mu / (2 * sigma * sigma)) + mu * math.erf(
        mu / (sigma * math.sqrt(2)))
    assert abs(lengths.mean() - folded) < 0.3
    assert abs(np.bincount(sample.category, minlength=4).sum() - counts.sum()) == 0


# -- exactness: independent checks of the component argument and of the large solver --------

def brute_force(continuum: Continuum, dis: Dissimilarity) -> float:
    """Least disorder over every set partition of all units (no components, no pruning)."""
    labels, _, _ = _partitions(len(continuum))
    n = continuum.annotators
    c2 = n * (n - 1) // 2
    best = np.inf
    for row in labels:
        total, ok = 0.0, True
        for g in np.unique(row):
            members = np.flatnonzero(row == g)
            if len(set(continuum.annotator[members].tolist())) < members.size:
                ok = False
                break
            pairs = list(combinations(members.tolist(), 2))
            d = dis(continuum, np.array([a for a, _ in pairs], dtype=np.int64),
                    np.array([b for _, b in pairs], dtype=np.int64)) if pairs else np.zeros(0)
            empty_pairs = c2 - len(pairs)
            total += (d.sum() + empty_pairs * dis.delta_empty) / c2
        if ok:
            best = min(best, total)
    return float(best / (len(continuum) / n))


def random_continuum(rng: np.random.Generator, units: int, annotators: int, spread: float
                     ) -> Continuum:
    start = rng.uniform(0, spread, units).round()
    return make_continuum(np.arange(units) % annotators, start, start + rng.integers(1, 12, units),
                          rng.integers(0, 2, units), annotators=annotators, categories=2)


@pytest.mark.parametrize("annotators", [2, 3, 4])
def test_components_give_the_brute_force_optimum(annotators: int) -> None:
    rng = np.random.default_rng(annotators)
    for trial in range(12):
        continuum = random_continuum(rng, 7, annotators, spread=30 + 10 * (trial % 3))
        dis = Dissimilarity(alpha=float(rng.choice([0.5, 1, 3])), beta=float(rng.choice([0, 1, 2])))
        assert best_alignment(continuum, dis).disorder == pytest.approx(
            brute_force(continuum, dis), rel=1e-9)


def test_large_component_solver_agrees_with_enumeration(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(11)
    cases = [random_continuum(rng, int(rng.integers(12, 30)), int(rng.integers(2, 5)), 60)
             for _ in range(15)]
    dis = Dissimilarity()
    enumerated = [best_alignment(c, dis).disorder for c in cases]
    monkeypatch.setattr(gamma_alignment, "ENUMERATED", 0)  # every component by the programme
    programmed = [best_alignment(c, dis).disorder for c in cases]
    assert programmed == pytest.approx(enumerated, rel=1e-9)


def test_units_of_different_sections_are_never_aligned() -> None:
    one = make_continuum([0, 1], [0, 0], [5, 5], [0, 0], annotators=2, categories=1)
    two = make_continuum([0, 1], [0, 0], [5, 5], [0, 0], annotators=2, categories=1,
                         section=[0, 1], section_start=[0, 10])
    assert best_alignment(one, Dissimilarity()).disorder == 0
    assert best_alignment(two, Dissimilarity()).disorder == pytest.approx(2.0)


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"alpha": 0}, "E507"), ({"beta": -1}, "E508"), ({"delta_empty": 0}, "E509"),
    ({"matrix": np.array([[0, 2], [2, 0]])}, "E510"),
    ({"matrix": np.array([[0, 0.5], [0.2, 0]])}, "E510"),
])
def test_bad_settings_are_refused(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(AnnotatorError) as error:
        Dissimilarity(**kwargs)
    assert error.value.code.name == code


def test_bad_units_and_samples_are_refused() -> None:
    with pytest.raises(AnnotatorError) as error:
        make_continuum([0, 1], [3, 0], [3, 5], [0, 0], annotators=2, categories=1)
    assert error.value.code.name == "E512"
    units = make_continuum([0, 1], [0, 0], [5, 5], [0, 0], annotators=2, categories=1)
    with pytest.raises(AnnotatorError) as error:
        compute_gamma(units, samples=1)
    assert error.value.code.name == "E511"
