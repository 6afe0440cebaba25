"""The vectorised coefficients against reference implementations, on random data (to 1e-9).

krippendorff (alpha), statsmodels (Fleiss' kappa), scikit-learn (Cohen's kappa); for alpha_u,
which no installed library computes, a slow loop written straight from the formulas.
"""

from __future__ import annotations

import math
import warnings
from itertools import combinations

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

from annotator.agreement import (
    cohen_kappa,
    fleiss_kappa,
    fleiss_kappa_from_table,
    krippendorff_alpha_nominal,
    unitizing_alpha,
)
from annotator.agreement.coding import nominal_alpha_by_group
from annotator.agreement.unitizing import UnitizingStudy

TOLERANCE = 1e-9


@st.composite
def reliability_data(draw: st.DrawFn, min_raters: int = 2, missing: bool = True) -> np.ndarray:
    raters = draw(st.integers(min_raters, 5))
    units = draw(st.integers(1, 40))
    categories = draw(st.integers(2, 5))
    cells = st.integers(-1 if missing else 0, categories - 1)
    values = draw(st.lists(cells, min_size=raters * units, max_size=raters * units))
    return np.array(values, dtype=np.int64).reshape(raters, units)


def _library_alpha(codes: np.ndarray) -> float:
    data = np.where(codes < 0, np.nan, codes.astype(float))
    present = codes[codes >= 0]
    if np.unique(present).size < 2 or (codes >= 0).sum(axis=0).max() < 2:
        return math.nan  # the package refuses: one value in all, or no unit with two coders
    with np.errstate(all="ignore"):  # the package divides 0 by 0 when a unit set has no variation
        return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


@settings(max_examples=300, deadline=None)
@given(reliability_data())
def test_alpha_matches_krippendorff_package(codes: np.ndarray) -> None:
    ours, _ = krippendorff_alpha_nominal(codes)
    theirs = _library_alpha(codes)
    if ours is None:
        assert math.isnan(theirs) or (codes >= 0).sum(axis=0).max() < 2
    else:
        assert ours == pytest.approx(theirs, abs=TOLERANCE)


@settings(max_examples=100, deadline=None)
@given(reliability_data(), st.integers(1, 4), st.randoms(use_true_random=False))
def test_alpha_per_group_matches_alpha_of_each_group(codes: np.ndarray, n_groups: int, rnd) -> None:
    groups = np.array(sorted(rnd.randrange(n_groups) for _ in range(codes.shape[1])))
    alphas, units = nominal_alpha_by_group(codes, groups, n_groups, int(codes.max(initial=0)) + 1)
    for g in range(n_groups):
        ours, coincidences = krippendorff_alpha_nominal(codes[:, groups == g])
        assert units[g] == coincidences.pairable_units
        if ours is None:
            assert math.isnan(alphas[g])
        else:
            assert alphas[g] == pytest.approx(ours, abs=TOLERANCE)


@settings(max_examples=300, deadline=None)
@given(reliability_data(min_raters=2, missing=False))
def test_fleiss_matches_statsmodels(codes: np.ndarray) -> None:
    table, _ = aggregate_raters(codes.T)
    with np.errstate(all="ignore"):
        theirs = float(statsmodels_fleiss(table))
    ours, used, left_out = fleiss_kappa(codes)
    from_table = fleiss_kappa_from_table(table)
    assert (used, left_out) == (codes.shape[1], 0)
    if math.isnan(theirs):
        assert ours is None and from_table is None
    else:
        assert ours == pytest.approx(theirs, abs=TOLERANCE)
        assert from_table == pytest.approx(theirs, abs=TOLERANCE)


@settings(max_examples=100, deadline=None)
@given(reliability_data(min_raters=3, missing=True))
def test_fleiss_uses_only_units_every_rater_coded(codes: np.ndarray) -> None:
    complete = (codes >= 0).all(axis=0)
    ours, used, left_out = fleiss_kappa(codes)
    assert (used, left_out) == (int(complete.sum()), int((~complete).sum()))
    if complete.any():
        table, _ = aggregate_raters(codes[:, complete].T)
        with np.errstate(all="ignore"):
            theirs = float(statsmodels_fleiss(table))
        assert (ours is None) == math.isnan(theirs)
        if ours is not None:
            assert ours == pytest.approx(theirs, abs=TOLERANCE)


@settings(max_examples=300, deadline=None)
@given(reliability_data(min_raters=2, missing=True))
def test_cohen_matches_scikit_learn(codes: np.ndarray) -> None:
    first, second = codes[0], codes[1]
    both = (first >= 0) & (second >= 0)
    ours = cohen_kappa(first, second)
    if not both.any():
        assert ours is None
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn warns when kappa is undefined (0 / 0)
        theirs = float(cohen_kappa_score(first[both], second[both]))
    if math.isnan(theirs):
        assert ours is None
    else:
        assert ours == pytest.approx(theirs, abs=TOLERANCE)


# --- alpha_u against a slow loop written from the formulas ---------------------------------


def naive_unitizing(units: list[tuple[int, int, int, int]], raters: int,
                    sections: list[tuple[int, int]]) -> dict[int, tuple[float, float]]:
    """(D_o, D_e) per category; units (rater, start, end, category) must not overlap per
    (rater, category); gaps are cut at section boundaries."""
    total_length = sum(length for _, length in sections)
    result = {}
    for category in sorted({u[3] for u in units}):
        segments: dict[int, list[tuple[int, int, bool]]] = {r: [] for r in range(raters)}
        for r in range(raters):
            mine = sorted((s, e) for rr, s, e, c in units if rr == r and c == category)
            for begin, length in sections:
                position = begin
                for s, e in mine:
                    if begin <= s and e <= begin + length:
                        if s > position:
                            segments[r].append((position, s, False))
                        segments[r].append((s, e, True))
                        position = e
                if position < begin + length:
                    segments[r].append((position, begin + length, False))
        distance = 0.0
        for i, j in combinations(range(raters), 2):
            for gs, ge, g_unit in segments[i]:
                for hs, he, h_unit in segments[j]:
                    if not (gs < he and hs < ge):
                        continue
                    if g_unit and h_unit:
                        distance += (gs - hs) ** 2 + (ge - he) ** 2
                    elif g_unit and hs <= gs and ge <= he:
                        distance += (ge - gs) ** 2
                    elif h_unit and gs <= hs and he <= ge:
                        distance += (he - hs) ** 2
        observed = 2 * distance / (raters * (raters - 1) * total_length**2)
        lengths = [e - s for _, s, e, c in units if c == category]
        gaps = [e - s for r in segments for s, e, unit in segments[r] if not unit]
        count = len(lengths)
        numerator = sum(
            (count - 1) * (2 * n**3 - 3 * n**2 + n) / 3 + n**2 * sum(g - n + 1 for g in gaps if g >= n)
            for n in lengths
        )
        denominator = raters * total_length * (raters * total_length - 1) - sum(n * (n - 1) for n in lengths)
        result[category] = (observed, 2 / total_length * numerator / denominator)
    return result


@st.composite
def unitizing_study(draw: st.DrawFn) -> tuple[list[tuple[int, int, int, int]], int, list[tuple[int, int]]]:
    raters = draw(st.integers(2, 4))
    lengths = draw(st.lists(st.integers(1, 30), min_size=1, max_size=3))
    sections, begin = [], 0
    for length in lengths:
        sections.append((begin, length))
        begin += length
    units = []
    for r in range(raters):
        for category in range(draw(st.integers(1, 3))):
            for begin, length in sections:
                cuts = sorted(set(draw(st.lists(st.integers(0, length), max_size=6))))
                for k in range(0, len(cuts) - 1, 2):
                    if draw(st.booleans()):
                        units.append((r, begin + cuts[k], begin + cuts[k + 1], category))
    return units, raters, sections


@settings(max_examples=200, deadline=None)
@given(unitizing_study())
def test_alpha_u_matches_the_formulas(study) -> None:
    units, raters, sections = study
    expected = naive_unitizing(units, raters, sections)
    table = np.array(units, dtype=np.int64).reshape(-1, 4)
    begins = np.array([b for b, _ in sections])
    section_of = np.searchsorted(begins, table[:, 1], side="right") - 1
    n_categories = int(table[:, 3].max(initial=-1)) + 1
    model = UnitizingStudy(table[:, 0], table[:, 3], table[:, 1], table[:, 2], section_of,
                           begins, np.array([n for _, n in sections]),
                           np.ones((raters, len(sections)), dtype=bool), n_categories)
    terms = model.terms(np.zeros(len(sections), dtype=np.int64), 1)
    for category, (observed, expect) in expected.items():
        assert terms.observed[0, category] == pytest.approx(observed, abs=TOLERANCE)
        assert terms.expected[0, category] == pytest.approx(expect, abs=TOLERANCE)
    if len(sections) == 1:
        single = unitizing_alpha([(r, s, e, c) for r, s, e, c in units], raters, sections[0][1])
        total_o = sum(o for o, _ in expected.values())
        total_e = sum(e for _, e in expected.values())
        if total_e > 0:
            assert single.alpha == pytest.approx(1 - total_o / total_e, abs=TOLERANCE)
