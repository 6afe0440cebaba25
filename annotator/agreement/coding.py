"""Chance-corrected agreement on coded units: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha.

These are the textbook coefficients on a "reliability data" matrix `codes` of shape
(raters, units): `codes[r, u]` is the category code (0..V-1) rater r gave unit u, or -1 when r
did not code u (missing). In this package the units are tokens and the categories "O" plus the
entity labels, but nothing here knows that: the functions are usable on any nominal data.

Everything is vectorised: a pass over the units per rater pair, counted with `np.bincount`.
A coefficient that is undefined for the data (no pairable units, or no variation at all, so
expected disagreement is zero) is returned as None, never as NaN.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt

from annotator.agreement.units import BoolArray, FloatArray, IntArray


def encode_values(
    rows: Sequence[Sequence[Hashable | None]],
) -> tuple[IntArray, tuple[Hashable, ...]]:
    """Turn a raters x units table of values (None = missing) into codes and their categories.

    Categories are sorted when they can be, otherwise kept in order of first appearance.
    """
    found = list(dict.fromkeys(v for row in rows for v in row if v is not None))
    try:
        categories: tuple[Hashable, ...] = tuple(sorted(found))  # type: ignore[type-var]
    except TypeError:
        categories = tuple(found)
    index = {value: i for i, value in enumerate(categories)}
    codes = np.array([[-1 if v is None else index[v] for v in row] for row in rows], dtype=np.int64)
    return codes.reshape(len(rows), -1), categories


def _category_count(codes: IntArray, n_categories: int | None) -> int:
    if n_categories is not None:
        return n_categories
    return int(codes.max()) + 1 if codes.size and codes.max() >= 0 else 0


def _pair_weights(codes: IntArray) -> tuple[IntArray, FloatArray]:
    """Coders per unit, and the weight 1 / (m_u - 1) each pair of values of unit u gets."""
    coders = (codes >= 0).sum(axis=0)
    weights = np.zeros(codes.shape[1], dtype=np.float64)
    pairable = coders >= 2
    weights[pairable] = 1.0 / (coders[pairable] - 1)
    return coders, weights


@dataclass(frozen=True)
class Coincidences:
    """Krippendorff's coincidence matrix and how many units and values went into it."""

    matrix: FloatArray  # (V, V), symmetric; o[c, k] = sum over units of pairs (c, k) / (m_u - 1)
    pairable_units: int  # units with two values or more: the units alpha uses
    pairable_values: int  # n, the number of values in those units
    lone_units: int  # units with exactly one value: left out (fewer than two coders)
    empty_units: int  # units nobody coded: left out


def coincidence_matrix(codes: IntArray, n_categories: int | None = None) -> Coincidences:
    """The coincidence matrix of nominal reliability data with missing values (code -1)."""
    size = _category_count(codes, n_categories)
    coders, weights = _pair_weights(codes)
    ordered = np.zeros(size * size, dtype=np.float64)
    for i, j in combinations(range(codes.shape[0]), 2):
        both = (codes[i] >= 0) & (codes[j] >= 0)
        cell = codes[i][both] * size + codes[j][both]
        ordered += np.bincount(cell, weights=weights[both], minlength=size * size)
    matrix = ordered.reshape(size, size)
    pairable = coders >= 2
    return Coincidences(
        matrix=matrix + matrix.T,
        pairable_units=int(pairable.sum()),
        pairable_values=int(coders[pairable].sum()),
        lone_units=int((coders == 1).sum()),
        empty_units=int((coders == 0).sum()),
    )


def nominal_alpha_from_coincidences(matrix: FloatArray) -> float | None:
    """Krippendorff's alpha, nominal: 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k."""
    totals = matrix.sum(axis=1)
    n = float(totals.sum())
    expected = n * n - float(np.dot(totals, totals))
    if n <= 1 or expected <= 0:
        return None
    observed = n - float(np.trace(matrix))
    return 1.0 - (n - 1.0) * observed / expected


def krippendorff_alpha_nominal(
    codes: IntArray, n_categories: int | None = None
) -> tuple[float | None, Coincidences]:
    """Krippendorff's alpha for nominal data with missing values, and its coincidences.

    Units with fewer than two values are left out (they carry no pairable information), as
    Krippendorff (2011) prescribes; a missing value changes the unit count, not the rule.
    """
    coincidences = coincidence_matrix(codes, n_categories)
    return nominal_alpha_from_coincidences(coincidences.matrix), coincidences


def binary_alpha(matrix: FloatArray, category: int) -> float | None:
    """Alpha for "category" against everything else, from the full coincidence matrix.

    Equal to nominal alpha on the data recoded to two values (collapsing a coincidence matrix
    is exactly what recoding does to it).
    """
    inside = matrix[category, category]
    across = matrix[category].sum() - inside
    rest = matrix.sum() - inside - 2 * across
    return nominal_alpha_from_coincidences(np.array([[inside, across], [across, rest]]))


def nominal_alpha_by_group(
    codes: IntArray, groups: IntArray, n_groups: int, n_categories: int
) -> tuple[FloatArray, IntArray]:
    """Nominal alpha of each group of units (e.g. each document), NaN where undefined.

    Computed from per-group value counts and observed agreement, without building a coincidence
    matrix per group. Returns (alpha per group, pairable units per group).
    """
    coders, weights = _pair_weights(codes)
    pairable = coders >= 2
    agreeing = np.zeros(n_groups, dtype=np.float64)
    for i, j in combinations(range(codes.shape[0]), 2):
        same = (codes[i] >= 0) & (codes[i] == codes[j])
        agreeing += np.bincount(groups[same], weights=weights[same], minlength=n_groups)
    values = np.zeros(n_groups * n_categories, dtype=np.float64)
    for row in codes:
        used = pairable & (row >= 0)
        values += np.bincount(groups[used] * n_categories + row[used], minlength=values.size)
    per_category = values.reshape(n_groups, n_categories)
    n = per_category.sum(axis=1)
    expected = n * n - (per_category * per_category).sum(axis=1)
    observed = n - 2.0 * agreeing
    alpha = np.full(n_groups, np.nan)
    ok = (n > 1) & (expected > 0)
    alpha[ok] = 1.0 - (n[ok] - 1.0) * observed[ok] / expected[ok]
    units = np.bincount(groups[pairable], minlength=n_groups).astype(np.int64)
    return alpha, units


def confusion_matrix(first: IntArray, second: IntArray, n_categories: int) -> IntArray:
    """Counts of units coded (c by `first`, k by `second`); units either left missing are skipped."""
    both = (first >= 0) & (second >= 0)
    cell = first[both] * n_categories + second[both]
    counts = np.bincount(cell, minlength=n_categories * n_categories)
    return counts.reshape(n_categories, n_categories).astype(np.int64)


def cohen_kappa_from_confusion(confusion: npt.NDArray[np.integer]) -> float | None:
    """Cohen's (1960) kappa: (p_o - p_e) / (1 - p_e), p_e from the two raters' own marginals."""
    total = float(confusion.sum())
    if total == 0:
        return None
    observed = float(np.trace(confusion)) / total
    chance = float(np.dot(confusion.sum(axis=1), confusion.sum(axis=0))) / (total * total)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1.0 - chance)


def binary_cohen_kappa(confusion: npt.NDArray[np.integer], category: int) -> float | None:
    """Cohen's kappa of CATEGORY against every other category: CONFUSION (first rater's codes
    as rows, second's as columns) collapsed to 2 x 2, "this category" or "anything else"."""
    c = np.asarray(confusion, dtype=np.int64)
    both = int(c[category, category])
    first_only = int(c[category, :].sum()) - both
    second_only = int(c[:, category].sum()) - both
    neither = int(c.sum()) - both - first_only - second_only
    return cohen_kappa_from_confusion(np.array([[neither, first_only], [second_only, both]]))


def cohen_kappa(first: IntArray, second: IntArray, n_categories: int | None = None) -> float | None:
    """Cohen's kappa of two raters over the units both coded."""
    size = _category_count(np.concatenate([first, second]), n_categories)
    return cohen_kappa_from_confusion(confusion_matrix(first, second, size))


def fleiss_kappa_from_table(table: npt.NDArray[np.integer]) -> float | None:
    """Fleiss' (1971) kappa from a subjects x categories table of rater counts.

    Every subject must have been rated by the same number n >= 2 of raters.
    """
    counts = np.asarray(table, dtype=np.float64)
    subjects = counts.shape[0]
    raters = counts.sum(axis=1)
    if subjects == 0 or raters[0] < 2 or not np.all(raters == raters[0]):
        return None
    n = float(raters[0])
    shares = counts.sum(axis=0) / (subjects * n)
    mean_agreement = float(((counts * counts).sum(axis=1) - n).sum()) / (subjects * n * (n - 1))
    chance = float(np.dot(shares, shares))
    if chance >= 1.0:
        return None
    return float((mean_agreement - chance) / (1.0 - chance))


def fleiss_kappa(codes: IntArray, n_categories: int | None = None) -> tuple[float | None, int, int]:
    """Fleiss' kappa over the units coded by every rater: (kappa, units used, units left out).

    Units some rater left missing are left out (Fleiss' kappa needs the same raters on every
    unit). Meant for three raters or more; with two it equals Scott's pi.
    Computed from agreeing rater pairs (sum_j n_ij^2 - n = 2 * agreeing pairs of unit i), so no
    units x categories table is built.
    """
    size = _category_count(codes, n_categories)
    raters, units = codes.shape
    complete: BoolArray = np.all(codes >= 0, axis=0)
    subjects = int(complete.sum())
    if raters < 2 or subjects == 0:
        return None, subjects, units - subjects
    kept = codes[:, complete]
    agreeing = sum(int((kept[i] == kept[j]).sum()) for i, j in combinations(range(raters), 2))
    mean_agreement = 2.0 * agreeing / (subjects * raters * (raters - 1))
    shares = np.bincount(kept.ravel(), minlength=size) / (subjects * raters)
    chance = float(np.dot(shares, shares))
    if chance >= 1.0:
        return None, subjects, units - subjects
    return (mean_agreement - chance) / (1.0 - chance), subjects, units - subjects


def gwet_ac1_from_table(table: npt.NDArray[np.integer],
                        n_categories: int | None = None) -> float | None:
    """Gwet's (2008) AC1 from a subjects x categories table of rater counts (nominal).

    Same units and observed agreement as Fleiss' kappa; chance agreement is
    pe = sum_k pi_k (1 - pi_k) / (q - 1), q the number of categories on the scale
    (the table's columns unless `n_categories` says more).
    """
    counts = np.asarray(table, dtype=np.float64)
    subjects = counts.shape[0]
    raters = counts.sum(axis=1)
    q = n_categories if n_categories is not None else counts.shape[1]
    if subjects == 0 or q < 2 or raters[0] < 2 or not np.all(raters == raters[0]):
        return None
    n = float(raters[0])
    shares = counts.sum(axis=0) / (subjects * n)
    observed = float(((counts * counts).sum(axis=1) - n).sum()) / (subjects * n * (n - 1))
    chance = float(np.dot(shares, 1.0 - shares)) / (q - 1)
    return float((observed - chance) / (1.0 - chance))


def gwet_ac1(codes: IntArray, n_categories: int | None = None) -> tuple[float | None, int, int]:
    """Gwet's AC1 over the units coded by every rater, as `fleiss_kappa`: (AC1, used, left out).

    q is the number of categories on the scale (`n_categories`: outside plus every label),
    whether or not a category was used.
    """
    size = _category_count(codes, n_categories)
    raters, units = codes.shape
    complete: BoolArray = np.all(codes >= 0, axis=0)
    subjects = int(complete.sum())
    if raters < 2 or subjects == 0 or size < 2:
        return None, subjects, units - subjects
    kept = codes[:, complete]
    agreeing = sum(int((kept[i] == kept[j]).sum()) for i, j in combinations(range(raters), 2))
    observed = 2.0 * agreeing / (subjects * raters * (raters - 1))
    shares = np.bincount(kept.ravel(), minlength=size) / (subjects * raters)
    chance = float(np.dot(shares, 1.0 - shares)) / (size - 1)
    return (observed - chance) / (1.0 - chance), subjects, units - subjects


def gwet_ac1_per_category(codes: IntArray, n_categories: int) -> tuple[FloatArray, int, int]:
    """AC1 of each category against all the others (q = 2), on the units coded by every rater,
    in one pass: (AC1 per category, NaN where undefined; units used; left out).

    A rater pair agrees on "c or not" when both coded c or neither did; with n_u raters coding c
    on unit u, sum_u C(r - n_u, 2) follows from sum n_u and sum n_u^2 = sum n_u + 2 * (pairs
    who both coded c). Equal to `gwet_ac1` on the recoded 0/1 data (a test checks it).
    """
    raters, units = codes.shape
    complete: BoolArray = np.all(codes >= 0, axis=0)
    subjects = int(complete.sum())
    values = np.full(n_categories, np.nan)
    if raters < 2 or subjects == 0:
        return values, subjects, units - subjects
    kept = codes[:, complete]
    coded = np.bincount(kept.ravel(), minlength=n_categories).astype(np.float64)
    both = np.zeros(n_categories)
    for i, j in combinations(range(raters), 2):
        same = kept[i] == kept[j]
        both += np.bincount(kept[i][same], minlength=n_categories)
    r, s = float(raters), float(subjects)
    neither = (s * r * r - 2 * r * coded + coded + 2 * both - s * r + coded) / 2.0
    observed = 2.0 * (both + neither) / (s * r * (r - 1))
    share = coded / (s * r)
    chance = 2.0 * share * (1.0 - share)
    values[:] = (observed - chance) / (1.0 - chance)
    return values, subjects, units - subjects
