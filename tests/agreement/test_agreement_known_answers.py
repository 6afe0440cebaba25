"""Published examples: each coefficient must give the value its author printed."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.agreement import (
    cohen_kappa,
    cohen_kappa_from_confusion,
    encode_values,
    fleiss_kappa,
    fleiss_kappa_from_table,
    krippendorff_alpha_nominal,
    unitizing_alpha,
)

# Krippendorff (2011) "Computing Krippendorff's alpha-reliability", section C: 4 observers,
# 12 units, values 1..5, None = missing.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses (1 depression, 2 personality
# disorder, 3 schizophrenia, 4 neurosis, 5 other); one row per patient, one diagnosis per rater.
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]

# Cohen (1960), Table 1: 200 cases, two judges, three categories (proportions .44 .07 .09 /
# .05 .20 .05 / .01 .03 .06); p_o = .70, p_c = .41, kappa = .492.
COHEN_1960 = np.array([[88, 14, 18], [10, 40, 10], [2, 6, 12]])

# Krippendorff (2004), Content Analysis 2nd ed., p. 254 (the example DKPro Statistics tests):
# continuum [150, 450), two observers, categories c and k; (rater, start, end, category).
KRIPPENDORFF_2004 = [
    (0, 225, 295, "c"), (0, 370, 400, "c"), (1, 220, 300, "c"), (1, 355, 375, "c"),
    (1, 400, 420, "c"), (0, 180, 240, "k"), (0, 300, 350, "k"), (1, 180, 240, "k"),
    (1, 300, 350, "k"),
]


def test_krippendorff_2011_nominal_alpha_is_0_743() -> None:
    codes, categories = encode_values(KRIPPENDORFF_2011)
    alpha, coincidences = krippendorff_alpha_nominal(codes)
    assert categories == (1, 2, 3, 4, 5)
    assert round(alpha, 3) == 0.743
    # the paper's bookkeeping: unit 12 has one value and is left out; n = 40 pairable values
    assert coincidences.pairable_units == 11
    assert coincidences.lone_units == 1
    assert coincidences.pairable_values == 40


def test_fleiss_1971_kappa_is_0_430() -> None:
    ratings = np.array(FLEISS_1971) - 1
    table = np.stack([np.bincount(row, minlength=5) for row in ratings])
    assert round(fleiss_kappa_from_table(table), 3) == 0.430
    kappa, used, left_out = fleiss_kappa(ratings.T, 5)
    assert round(kappa, 3) == 0.430
    assert (used, left_out) == (30, 0)
    assert kappa == pytest.approx(fleiss_kappa_from_table(table), abs=1e-12)


def test_cohen_1960_kappa_is_0_492() -> None:
    assert round(cohen_kappa_from_confusion(COHEN_1960), 3) == 0.492
    first = np.repeat(np.repeat(np.arange(3), 3), COHEN_1960.ravel())
    second = np.repeat(np.tile(np.arange(3), 3), COHEN_1960.ravel())
    assert round(cohen_kappa(first, second), 3) == 0.492


def test_krippendorff_2004_unitizing_example_per_category() -> None:
    result = unitizing_alpha(KRIPPENDORFF_2004, raters=2, length=300, begin=150)
    alpha_c, observed_c, expected_c = result.categories["c"]
    alpha_k, observed_k, expected_k = result.categories["k"]
    assert (round(observed_c, 4), round(expected_c, 4), round(alpha_c, 4)) == (0.0144, 0.0532, 0.7286)
    assert (round(observed_k, 4), round(expected_k, 4), round(alpha_k, 4)) == (0.0, 0.0490, 1.0)


def test_krippendorff_2004_unitizing_alpha_is_0_8591() -> None:
    """Krippendorff prints alpha_u = .8591, computed from his four-decimal intermediates.

    1 - .0144 / (.0532 + .0490) = .8591. Unrounded, the same formulas give .85867 (DKPro
    Statistics' implementation gives the same and tests it against .8591 +- .0005).
    """
    result = unitizing_alpha(KRIPPENDORFF_2004, raters=2, length=300, begin=150)
    observed = sum(round(o, 4) for _, o, _ in result.categories.values())
    expected = sum(round(e, 4) for _, _, e in result.categories.values())
    assert round(1 - observed / expected, 4) == 0.8591
    assert round(result.alpha, 5) == 0.85867
    assert result.alpha == pytest.approx(0.8591, abs=0.0005)


def test_unitizing_distances_of_the_2004_example() -> None:
    """Krippendorff (2004) lists the pairwise distances: 50 and 850 (overlaps), 400 (a unit of
    one observer in the other's gap): D_o(c) = 2 * 1300 / (2 * 1 * 300^2)."""
    result = unitizing_alpha(KRIPPENDORFF_2004, raters=2, length=300, begin=150)
    assert result.categories["c"][1] == pytest.approx(2 * (50 + 850 + 400) / (2 * 300**2))


def _krippendorff_1995(stretch: float) -> list[tuple[int, int, int, str]]:
    """Krippendorff (1995), p. 57: four pairs of observers on a 24-position continuum."""
    layout = {
        "A": [(0, 2, 8), (0, 14, 6), (1, 4, 4), (1, 15, 2)],
        "B": [(0, 0, 18), (1, 0, 2), (1, 2, 1), (1, 3, 1), (1, 4, 1), (1, 5, 1), (1, 6, 3), (1, 9, 1)],
        "C": [(0, 2, 6), (0, 10, 2), (0, 14, 4), (0, 20, 2), (1, 0, 2), (1, 4, 4), (1, 10, 4),
              (1, 16, 2), (1, 20, 2)],
        "D": [(0, 0, 2), (0, 2, 8), (0, 10, 4), (0, 14, 6), (0, 20, 4), (1, 0, 4), (1, 4, 4),
              (1, 8, 7), (1, 15, 2), (1, 17, 7)],
    }
    return [
        (r, int(offset * stretch), int(offset * stretch) + int(length * stretch), category)
        for category, units in layout.items() for r, offset, length in units
    ]


def test_krippendorff_1995_observed_disagreement() -> None:
    result = unitizing_alpha(_krippendorff_1995(1), raters=2, length=24)
    observed = {c: round(v[1], 5) for c, v in result.categories.items()}
    assert observed == {"A": 0.03125, "B": 2.26736, "C": 0.02778, "D": 0.38715}


def test_krippendorff_1995_expected_disagreement_and_alpha_on_a_fine_continuum() -> None:
    """The 1995 paper's D_e carries a small error (DKPro notes it); its tests allow 0.005 on
    D_e and 0.02 on alpha, and so do we."""
    result = unitizing_alpha(_krippendorff_1995(50000), raters=2, length=24 * 50000)
    published = {"A": (0.553, 0.06990), "B": (-0.926, 1.17731), "C": (0.679, 0.08642),
                  "D": (0.066, 0.41445)}
    for category, (alpha, expected) in published.items():
        assert result.categories[category][2] == pytest.approx(expected, abs=0.005)
        assert result.categories[category][0] == pytest.approx(alpha, abs=0.02)


def test_unitizing_examples_of_dkpro() -> None:
    """DKPro Statistics' UnitizingAgreementTest: -11111111- against --1-1-1---."""
    result = unitizing_alpha([(0, 1, 9, "A"), (1, 2, 3, "A"), (1, 4, 5, "A"), (1, 6, 7, "A")],
                             raters=2, length=10)
    alpha, observed, expected = result.categories["A"]
    assert (round(observed, 4), round(expected, 4), round(alpha, 4)) == (0.91, 0.5352, -0.7003)
    single = unitizing_alpha([(0, 0, 1, "X")], raters=3, length=20)
    assert single.alpha == 0.0
    assert unitizing_alpha([], raters=3, length=20).alpha is None
