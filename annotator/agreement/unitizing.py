"""Krippendorff's unitizing alpha (alpha_u) on a continuum of character offsets.

What it measures: how well raters agree on WHERE units are and what category they have, with
partial credit for near misses. Per category c, every rater's continuum is cut into units of c
and gaps (everything else); for each pair of raters each overlapping (segment, segment) pair
contributes a squared distance (Krippendorff 1995; 2004, "Measuring the reliability of
qualitative text analysis data"; the formulas as implemented in DKPro Statistics'
`KrippendorffAlphaUnitizingAgreement`, which reproduces his 2004 example, alpha_u = 0.8591):

* two overlapping units: (start difference)^2 + (end difference)^2;
* a unit lying wholly inside a gap of the other rater: length^2;
* anything else (a gap against a gap, a unit only partly inside a gap): 0.

D_o(c) = 2 / (R (R - 1) L^2) * sum over rater pairs of those distances, and

D_e(c) = 2 / L * sum over units u of c [ (N_c - 1) (2 l^3 - 3 l^2 + l) / 3
         + l^2 * sum over gaps g (of every rater) with l_g >= l of (l_g - l + 1) ]
         / (R L (R L - 1) - sum over units of c of l (l - 1)),

with R raters, L the continuum length, N_c the number of units of c and l a unit's length.
alpha_u(c) = 1 - D_o(c) / D_e(c); the overall alpha_u = 1 - sum_c D_o(c) / sum_c D_e(c).

The continuum here is made of sections (the documents) laid end to end: L is the sum of their
lengths, and a gap never runs across a section boundary (a unit cannot be placed across two
documents, so the expected disagreement only counts placements inside one). Within one rater
and category, overlapping units are merged first (the measure assumes they do not overlap);
the caller is told how many were merged. Everything is vectorised (searchsorted over sorted
interval lists, bincount for the sums); there is no loop over units or positions.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import cast

import numpy as np

from annotator.agreement.tokens import expand_ranges
from annotator.agreement.units import BoolArray, FloatArray, IntArray
from annotator.core.errors import AnnotatorError, E


def _weighted(keys: IntArray, weights: FloatArray, size: int) -> FloatArray:
    """np.bincount with weights, always float (bincount of nothing would be an int array)."""
    return np.bincount(keys, weights=weights, minlength=size).astype(np.float64, copy=False)


def _ratio_alpha(observed: float, expected: float) -> float | None:
    if not expected > 0:
        return None
    return 1.0 - observed / expected


@dataclass(frozen=True)
class UnitizingTerms:
    """Observed and expected disagreement per (group, category); groups are sets of sections."""

    observed: FloatArray  # (G, C)
    expected: FloatArray  # (G, C)
    units: IntArray  # (G, C) units of each category in each group (all raters)
    length: IntArray  # (G,) continuum length of each group, in code points
    raters: IntArray  # (G,) raters of each group

    def alpha(self, group: int = 0) -> float | None:
        """alpha_u of one group over all categories."""
        return _ratio_alpha(float(self.observed[group].sum()), float(self.expected[group].sum()))

    def category_alpha(self, group: int, category: int) -> float | None:
        return _ratio_alpha(float(self.observed[group, category]), float(self.expected[group, category]))

    def alphas(self) -> FloatArray:
        """alpha_u of every group over all categories, NaN where undefined."""
        observed, expected = self.observed.sum(axis=1), self.expected.sum(axis=1)
        result = np.full(observed.shape, np.nan)
        ok = expected > 0
        result[ok] = 1.0 - observed[ok] / expected[ok]
        return result


class UnitizingStudy:
    """Units of R raters over sections of a continuum, some sections missing for some raters.

    `rater`, `category` (0..C-1), `start`, `end` (absolute positions, end exclusive) and
    `section` describe one unit each; `present[r, s]` says whether rater r unitized section s
    (units of a rater in a section it did not unitize are an error).
    """

    def __init__(
        self,
        rater: IntArray,
        category: IntArray,
        start: IntArray,
        end: IntArray,
        section: IntArray,
        section_begin: IntArray,
        section_length: IntArray,
        present: BoolArray,
        n_categories: int,
    ) -> None:
        self.n_raters, self.n_sections = present.shape
        self.n_categories = n_categories
        self.section_begin = section_begin
        self.section_length = section_length
        self.present = present
        self.stride = int((section_begin + section_length).max(initial=0)) + 1
        if start.size and not bool(present[rater, section].all()):
            raise AnnotatorError(E.E506, reason="a unit lies in a section its rater did not unitize")
        order = np.lexsort((end, start, category, rater))
        rater, category, start, end, section = (a[order] for a in (rater, category, start, end, section))
        lane = rater * n_categories + category
        x = lane * self.stride + start
        reach = np.maximum.accumulate(lane * self.stride + end) if x.size else x
        opens = np.ones(x.size, dtype=np.bool_)
        opens[1:] = x[1:] >= reach[:-1]
        closes = np.flatnonzero(np.append(opens[1:], True)) if x.size else x
        self.merged = int(x.size - opens.sum())
        self.rater, self.category, self.section = rater[opens], category[opens], section[opens]
        self.start = start[opens]
        self.end = reach[closes] - lane[closes] * self.stride
        self._pair_sums: dict[tuple[int, int], FloatArray] = {}
        self._gap_table: tuple[IntArray, IntArray, IntArray, IntArray] | None = None

    # observed disagreement -------------------------------------------------------------------

    def pair_sums(self, i: int, j: int) -> FloatArray:
        """Sum of distances between raters i and j per (section, category), shape (S, C)."""
        if (i, j) not in self._pair_sums:
            self._pair_sums[(i, j)] = self._compute_pair_sums(i, j)
        return self._pair_sums[(i, j)]

    def _side(self, r: int, other: int) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        mask = (self.rater == r) & self.present[other][self.section]
        return self.category[mask], self.start[mask], self.end[mask], self.section[mask]

    def _compute_pair_sums(self, i: int, j: int) -> FloatArray:
        size = self.n_sections * self.n_categories
        a_cat, a_start, a_end, a_sec = self._side(i, j)
        b_cat, b_start, b_end, b_sec = self._side(j, i)
        b_x, b_y = b_cat * self.stride + b_start, b_cat * self.stride + b_end
        low = np.searchsorted(b_y, a_cat * self.stride + a_start, side="right")
        high = np.searchsorted(b_x, a_cat * self.stride + a_end, side="left")
        owner, member = expand_ranges(low, np.maximum(high - low, 0))
        a_key = a_sec * self.n_categories + a_cat
        b_key = b_sec * self.n_categories + b_cat
        both = (a_start[owner] - b_start[member]) ** 2 + (a_end[owner] - b_end[member]) ** 2
        sums = _weighted(a_key[owner], both.astype(np.float64), size)
        a_alone = high <= low
        a_length = (a_end - a_start).astype(np.float64)
        sums += _weighted(a_key[a_alone], a_length[a_alone] ** 2, size)
        b_alone = np.ones(b_key.size, dtype=np.bool_)
        b_alone[member] = False
        b_length = (b_end - b_start).astype(np.float64)
        sums += _weighted(b_key[b_alone], b_length[b_alone] ** 2, size)
        return sums.reshape(self.n_sections, self.n_categories)

    # expected disagreement -------------------------------------------------------------------

    def _gaps(self) -> tuple[IntArray, IntArray, IntArray, IntArray]:
        """(rater, category, section, length) of every gap, per rater, category and section."""
        c_count, s_count = self.n_categories, self.n_sections
        lane = (self.rater * c_count + self.category) * s_count + self.section
        first = np.ones(lane.size, dtype=np.bool_)
        first[1:] = lane[1:] != lane[:-1]
        last = np.append(first[1:], True)
        previous_end = np.where(first, self.section_begin[self.section], np.roll(self.end, 1))
        before = self.start - previous_end
        after = self.section_begin[self.section] + self.section_length[self.section] - self.end
        occupied = np.zeros(self.n_raters * c_count * s_count, dtype=np.bool_)
        occupied[lane] = True
        empty = ~occupied.reshape(self.n_raters, c_count, s_count) & self.present[:, None, :]
        e_rater, e_cat, e_sec = np.nonzero(empty)
        pieces = (
            (self.rater[before > 0], self.category[before > 0], self.section[before > 0], before[before > 0]),
            (self.rater[last & (after > 0)], self.category[last & (after > 0)],
             self.section[last & (after > 0)], after[last & (after > 0)]),
            (e_rater, e_cat, e_sec, self.section_length[e_sec]),
        )
        rater, category, section, length = (
            np.concatenate([p[k] for p in pieces]).astype(np.int64) for k in range(4)
        )
        keep = length > 0
        return rater[keep], category[keep], section[keep], length[keep]

    def terms(
        self,
        group_of_section: IntArray,
        n_groups: int,
        raters: Sequence[int] | None = None,
    ) -> UnitizingTerms:
        """D_o and D_e per (group, category) for the given raters (default: all).

        Sections with group -1 are left out. Within a group every selected rater must have
        unitized every section (the caller groups accordingly); R of a group is the number of
        selected raters present in its sections.
        """
        selected = np.zeros(self.n_raters, dtype=np.bool_)
        selected[list(range(self.n_raters)) if raters is None else list(raters)] = True
        chosen = [r for r in range(self.n_raters) if selected[r]]
        c_count = self.n_categories
        in_group = group_of_section >= 0
        lengths = np.bincount(group_of_section[in_group], weights=self.section_length[in_group],
                              minlength=n_groups).round().astype(np.int64)
        per_section_raters = self.present[selected].sum(axis=0)
        rater_count = np.zeros(n_groups, dtype=np.int64)
        np.maximum.at(rater_count, group_of_section[in_group], per_section_raters[in_group])

        sums = np.zeros((self.n_sections, c_count), dtype=np.float64)
        for i, j in combinations(chosen, 2):
            sums += self.pair_sums(i, j)
        observed_sum = np.zeros((n_groups, c_count), dtype=np.float64)
        np.add.at(observed_sum, group_of_section[in_group], sums[in_group])
        r_f, l_f = rater_count.astype(np.float64), lengths.astype(np.float64)
        norm = r_f * (r_f - 1) * l_f * l_f
        observed = np.divide(2.0 * observed_sum, norm[:, None], out=np.zeros_like(observed_sum),
                             where=norm[:, None] > 0)

        unit_ok = selected[self.rater] & in_group[self.section]
        u_key = group_of_section[self.section[unit_ok]] * c_count + self.category[unit_ok]
        length = (self.end[unit_ok] - self.start[unit_ok]).astype(np.float64)
        size = n_groups * c_count
        units = np.bincount(u_key, minlength=size)
        squares = _weighted(u_key, length * (length - 1), size)

        if self._gap_table is None:
            self._gap_table = self._gaps()
        g_rater, g_cat, g_sec, g_len = self._gap_table
        gap_ok = selected[g_rater] & in_group[g_sec]
        g_key = group_of_section[g_sec[gap_ok]] * c_count + g_cat[gap_ok]
        g_len = g_len[gap_ok]
        room = self._room_for(u_key, length, g_key, g_len)
        term = (units[u_key] - 1) * (2 * length**3 - 3 * length**2 + length) / 3 + length**2 * room
        numerator = _weighted(u_key, term, size).reshape(n_groups, c_count)
        total = r_f * l_f
        denominator = (total * (total - 1))[:, None] - squares.reshape(n_groups, c_count)
        scale = np.divide(2.0, l_f, out=np.zeros_like(l_f), where=l_f > 0)[:, None]
        expected = np.divide(scale * numerator, denominator, out=np.zeros_like(numerator),
                             where=denominator > 0)
        return UnitizingTerms(observed, expected, units.reshape(n_groups, c_count), lengths, rater_count)

    @staticmethod
    def _room_for(u_key: IntArray, length: FloatArray, g_key: IntArray, g_len: IntArray) -> FloatArray:
        """For each unit: sum over gaps of its (group, category) at least as long of (l_g - l + 1)."""
        if u_key.size == 0:
            return np.zeros(0)
        base = int(max(int(g_len.max(initial=0)), int(length.max()))) + 2
        combined = np.sort(g_key * base + g_len)
        sorted_len = (combined % base).astype(np.float64)
        running = np.concatenate([[0.0], np.cumsum(sorted_len)])
        unit_len = length.astype(np.int64)
        low = np.searchsorted(combined, u_key * base + unit_len, side="left")
        high = np.searchsorted(combined, (u_key + 1) * base, side="left")
        return cast(FloatArray, (running[high] - running[low]) - (high - low) * (length - 1))


@dataclass(frozen=True)
class UnitizingResult:
    """alpha_u of a single-continuum study, overall and per category."""

    alpha: float | None
    observed: float  # sum over categories of D_o(c)
    expected: float  # sum over categories of D_e(c)
    categories: dict[Hashable, tuple[float | None, float, float]]  # category: (alpha, D_o, D_e)
    merged_units: int


def unitizing_alpha(
    units: Iterable[tuple[int, int, int, Hashable]],
    raters: int,
    length: int,
    begin: int = 0,
) -> UnitizingResult:
    """alpha_u of `raters` raters on the continuum [begin, begin + length).

    `units` are (rater index, start, end, category) with end exclusive; every rater is taken to
    have unitized the whole continuum. DKPro's averages of D_o and D_e over categories are
    reported here as sums (the ratio, hence alpha_u, is the same).
    """
    rows = list(units)
    categories = tuple(dict.fromkeys(row[3] for row in rows))
    index = {c: i for i, c in enumerate(categories)}
    table = np.array([(r, index[c], s, e) for r, s, e, c in rows], dtype=np.int64).reshape(-1, 4)
    if ((table[:, 2] < begin) | (table[:, 3] > begin + length) | (table[:, 3] <= table[:, 2])).any():
        raise AnnotatorError(E.E506, reason="a unit is empty or outside the continuum")
    if ((table[:, 0] < 0) | (table[:, 0] >= raters)).any():
        raise AnnotatorError(E.E506, reason="a unit names a rater outside 0..raters-1")
    study = UnitizingStudy(
        table[:, 0], table[:, 1], table[:, 2], table[:, 3], np.zeros(len(rows), dtype=np.int64),
        np.array([begin]), np.array([length]), np.ones((raters, 1), dtype=np.bool_),
        len(categories),
    )
    terms = study.terms(np.zeros(1, dtype=np.int64), 1)
    per_category = {
        c: (terms.category_alpha(0, i), float(terms.observed[0, i]), float(terms.expected[0, i]))
        for c, i in index.items()
    }
    return UnitizingResult(
        terms.alpha(0), float(terms.observed[0].sum()), float(terms.expected[0].sum()),
        per_category, study.merged,
    )
