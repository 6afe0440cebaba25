"""The best alignment of a continuum for gamma (Mathet, Widlöcher & Métivier 2015), found exactly.

A continuum is a set of units (annotator, start, end, category). A unitary alignment takes at
most one unit of each of the n annotators (the others are "empty"); an alignment partitions
all units into unitary alignments. The disorder of a unitary alignment S is the mean, over the
C = n(n-1)/2 pairs of its n positions, of the dissimilarity of the pair, where a pair holding
an empty unit costs delta_empty (pygamma-agreement's convention, also for two empties):

    disorder(S) = delta + (1/C) * sum over the pairs u, v of units in S of (d(u, v) - delta)

and the disorder of an alignment is the sum over its unitary alignments divided by the mean
number of units per annotator. The best alignment minimises it.

Why components are exact (SCHEMA.md has the long form): merging two unitary alignments S1, S2
changes the total by -delta + (1/C) * sum over the cross pairs of (d - delta). When every cross
pair has d >= (C + 1) * delta the change is >= 0, so an optimal alignment never needs to join
units that no chain of pairs with d < (C + 1) * delta connects. The graph of those pairs
splits the continuum into independent components, each solved exactly: by enumerating every set
partition (vectorised, components of up to `ENUMERATED` units), else by an integer programme
over its candidate unitary alignments (scipy's HiGHS, no optimality gap).

Dissimilarity (pygamma's CombinedCategoricalDissimilarity): d = alpha * d_pos + beta * d_cat,
d_pos = ((|s1 - s2| + |e1 - e2|) / ((e1 - s1) + (e2 - s2)))^2 * delta, d_cat = 0/1 (or a matrix
value in [0, 1]) * delta.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import combinations

import numpy as np
import numpy.typing as npt

from annotator.core.errors import AnnotatorError, E

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ENUMERATED = 8  # components up to this many units: every set partition is tried (Bell(8) = 4140)
_INFEASIBLE = 1e12  # two units of one annotator in one unitary alignment
_CHUNK = 2048  # components per vectorised block
_BATCH = 1500  # units of large components per integer programme


@dataclass(frozen=True)
class Continuum:
    """Units as arrays. Units of different `section`s (documents) are never aligned together;
    `section_start` is where each section begins (for the sampler's first gap)."""

    annotator: IntArray  # 0..annotators-1
    start: FloatArray
    end: FloatArray
    category: IntArray  # 0..categories-1
    section: IntArray
    annotators: int
    categories: int
    section_start: FloatArray

    def __len__(self) -> int:
        return int(self.start.size)


def make_continuum(annotator: npt.ArrayLike, start: npt.ArrayLike, end: npt.ArrayLike,
                   category: npt.ArrayLike, *, annotators: int, categories: int,
                   section: npt.ArrayLike | None = None,
                   section_start: npt.ArrayLike | None = None) -> Continuum:
    """A checked `Continuum` (E512 when a unit is empty, reversed or names no annotator)."""
    a = np.asarray(annotator, dtype=np.int64).ravel()
    s = np.asarray(start, dtype=np.float64).ravel()
    e = np.asarray(end, dtype=np.float64).ravel()
    c = np.asarray(category, dtype=np.int64).ravel()
    sec = np.zeros(a.size, np.int64) if section is None else np.asarray(section, np.int64).ravel()
    starts = (np.zeros(int(sec.max()) + 1 if sec.size else 1) if section_start is None
              else np.asarray(section_start, dtype=np.float64).ravel())
    if not (a.size == s.size == e.size == c.size == sec.size):
        raise AnnotatorError(E.E512, reason="the unit arrays differ in length")
    if annotators < 2:
        raise AnnotatorError(E.E512, reason=f"gamma needs at least two annotators, got {annotators}")
    if a.size and (a.min() < 0 or a.max() >= annotators or c.min() < 0 or c.max() >= categories):
        raise AnnotatorError(E.E512, reason="a unit names an annotator or category out of range")
    if a.size and not bool(np.all(np.isfinite(s) & np.isfinite(e) & (e > s))):
        raise AnnotatorError(E.E512, reason="a unit is empty, reversed or not a finite number")
    if sec.size and (sec.min() < 0 or sec.max() >= starts.size):
        raise AnnotatorError(E.E512, reason="a unit names a section out of range")
    return Continuum(a, s, e, c, sec, annotators, categories, starts)


@dataclass(frozen=True)
class Dissimilarity:
    """Combined positional and categorical dissimilarity, weights alpha and beta."""

    alpha: float = 1.0
    beta: float = 1.0
    delta_empty: float = 1.0
    matrix: FloatArray | None = None  # categories x categories, values in [0, 1]; None: 0/1

    def __post_init__(self) -> None:
        if not (np.isfinite(self.alpha) and self.alpha > 0):
            raise AnnotatorError(E.E507, value=self.alpha)
        if not (np.isfinite(self.beta) and self.beta >= 0):
            raise AnnotatorError(E.E508, value=self.beta)
        if not (np.isfinite(self.delta_empty) and self.delta_empty > 0):
            raise AnnotatorError(E.E509, value=self.delta_empty)
        m = self.matrix
        if m is not None:
            problem = None
            if m.ndim != 2 or m.shape[0] != m.shape[1]:
                problem = "not square"
            elif not np.all(np.isfinite(m)) or m.min() < 0 or m.max() > 1:
                problem = "a value outside [0, 1]"
            elif not np.allclose(m, m.T) or np.any(np.diag(m) != 0):
                problem = "not symmetric with a zero diagonal"
            if problem:
                raise AnnotatorError(E.E510, reason=problem)

    def positional(self, units: Continuum, i: IntArray, j: IntArray) -> FloatArray:
        s, e = units.start, units.end
        ratio = (np.abs(s[i] - s[j]) + np.abs(e[i] - e[j])) / ((e[i] - s[i]) + (e[j] - s[j]))
        return np.asarray(ratio * ratio * self.delta_empty, dtype=np.float64)

    def categorical(self, units: Continuum, i: IntArray, j: IntArray) -> FloatArray:
        ci, cj = units.category[i], units.category[j]
        if self.matrix is None:
            return np.asarray((ci != cj) * self.delta_empty, dtype=np.float64)
        if self.matrix.shape[0] < units.categories:
            raise AnnotatorError(E.E510, reason=f"{self.matrix.shape[0]} rows for "
                                                f"{units.categories} categories")
        return np.asarray(self.matrix[ci, cj] * self.delta_empty, dtype=np.float64)

    def __call__(self, units: Continuum, i: IntArray, j: IntArray) -> FloatArray:
        return np.asarray(self.alpha * self.positional(units, i, j)
                          + self.beta * self.categorical(units, i, j), dtype=np.float64)


@dataclass(frozen=True)
class Alignment:
    """The best alignment: `group[u]` is the unitary alignment of unit u (0..size-1)."""

    group: IntArray
    size: int  # number of unitary alignments
    disorder: float | None  # None when the continuum holds no unit
    components: int
    largest_component: int


def _windows(lo: IntArray, hi: IntArray) -> tuple[IntArray, IntArray]:
    """(row, column) for every column in [lo[row], hi[row])."""
    counts = np.maximum(hi - lo, 0)
    rows = np.repeat(np.arange(lo.size, dtype=np.int64), counts)
    first = np.cumsum(counts) - counts
    cols = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(first - lo, counts)
    return rows, cols


def candidate_pairs(units: Continuum, dis: Dissimilarity) -> tuple[IntArray, IntArray, FloatArray]:
    """Every pair (i < j) of units of different annotators, in one section, whose
    dissimilarity is below (C + 1) * delta_empty, with that dissimilarity.

    Two disjoint units at gap g >= 0 have d_pos = (1 + 2g / (L1 + L2))^2 * delta, so
    alpha * d_pos >= T once g >= c * (L1 + L2) / 2, c = sqrt(T / (alpha * delta)) - 1; a pair
    closer than that has g < c * max(L1, L2): it is found from the longer unit's window."""
    n = units.annotators
    threshold = (n * (n - 1) // 2 + 1) * dis.delta_empty
    c = max(float(np.sqrt(threshold / (dis.alpha * dis.delta_empty))) - 1.0, 0.0) * (1 + 1e-9)
    s, e = units.start, units.end
    length = e - s
    by_start = np.argsort(s, kind="stable")
    s_sorted = s[by_start]
    hi = np.searchsorted(s_sorted, e[by_start] + c * length[by_start], side="left")
    rows, cols = _windows(np.arange(1, s.size + 1, dtype=np.int64), hi.astype(np.int64))
    first, second = by_start[rows], by_start[cols]
    if c > 0:
        by_end = np.argsort(e, kind="stable")
        e_sorted = e[by_end]
        lo = np.searchsorted(e_sorted, s - c * length, side="right")
        hi2 = np.searchsorted(e_sorted, s, side="right")
        rows2, cols2 = _windows(lo.astype(np.int64), hi2.astype(np.int64))
        first = np.concatenate([first, by_end[cols2]])
        second = np.concatenate([second, rows2])
    keep = (units.annotator[first] != units.annotator[second]) & (
        units.section[first] == units.section[second])
    i, j = np.minimum(first, second)[keep], np.maximum(first, second)[keep]
    if i.size:
        key = np.unique(i * s.size + j)
        i, j = key // s.size, key % s.size
    d = dis(units, i, j)
    below = d < threshold
    return i[below], j[below], d[below]


def _components(size: int, i: IntArray, j: IntArray) -> IntArray:
    """Connected components of the graph of candidate pairs (hook to the smaller root,
    then pointer jumping, until stable); labels 0..components-1."""
    label = np.arange(size, dtype=np.int64)
    while True:
        li, lj = label[i], label[j]
        low = np.minimum(li, lj)
        hooked = label.copy()
        np.minimum.at(hooked, li, low)
        np.minimum.at(hooked, lj, low)
        while True:
            jumped = hooked[hooked]
            if np.array_equal(jumped, hooked):
                break
            hooked = jumped
        if np.array_equal(hooked, label):
            break
        label = hooked
    return np.asarray(np.unique(label, return_inverse=True)[1], dtype=np.int64)


@cache
def _partitions(k: int) -> tuple[IntArray, IntArray, FloatArray]:
    """Every set partition of k elements as block labels (B x k), their block counts (B,) and
    the same-block indicator of every pair of elements (B x k(k-1)/2), pairs in
    `combinations(range(k), 2)` order."""
    found: list[list[int]] = []

    def grow(prefix: list[int], top: int) -> None:
        if len(prefix) == k:
            found.append(prefix.copy())
            return
        for label in range(top + 2):
            prefix.append(label)
            grow(prefix, max(top, label))
            prefix.pop()

    grow([0], 0) if k else found.append([])
    found.sort(key=lambda row: max(row, default=0))  # fewest unitary alignments first (ties)
    labels = np.array(found, dtype=np.int64).reshape(len(found), k)
    pairs = list(combinations(range(k), 2))
    first = np.array([a for a, _ in pairs], dtype=np.int64)
    second = np.array([b for _, b in pairs], dtype=np.int64)
    together = (labels[:, first] == labels[:, second]).astype(np.float64)
    blocks = labels.max(axis=1) + 1 if k else np.zeros(1, np.int64)
    return labels, blocks.astype(np.int64), together


def _enumerate(units: Continuum, dis: Dissimilarity, members: IntArray, c2: int,
               ) -> tuple[IntArray, FloatArray]:
    """Best partitions of many components of k units each (MEMBERS: m x k unit indices):
    block labels (m x k) and their total cost, in units of delta/C."""
    m, k = members.shape
    labels, blocks, together = _partitions(k)
    pairs = list(combinations(range(k), 2))
    weights = np.empty((m, len(pairs)))
    delta = dis.delta_empty
    for p, (a, b) in enumerate(pairs):
        ua, ub = members[:, a], members[:, b]
        w = dis(units, ua, ub) - delta
        weights[:, p] = np.where(units.annotator[ua] == units.annotator[ub], _INFEASIBLE, w)
    cost = blocks[None, :] * (c2 * delta) + weights @ together.T
    best = np.argmin(cost, axis=1)
    return labels[best], cost[np.arange(m), best]


def _connected_sets(units: Continuum, members: IntArray, i: IntArray, j: IntArray
                    ) -> list[IntArray]:
    """Every set of 2..n MEMBERS of distinct annotators that the candidate pairs (i, j)
    connect, by size: arrays of sorted unit indices (sets x size). Grown one neighbour at a
    time, vectorised, duplicates dropped."""
    src = np.concatenate([i, j])
    dst = np.concatenate([j, i])
    by_src = np.argsort(src, kind="stable")
    src, dst = src[by_src], dst[by_src]
    size = len(units)
    starts = np.searchsorted(src, np.arange(size + 1))
    current = members[:, None]
    found = []
    for _ in range(units.annotators - 1):
        grown = []
        for p in range(current.shape[1]):
            rows, at = _windows(starts[current[:, p]], starts[current[:, p] + 1])
            new = dst[at]
            keep = np.ones(new.size, dtype=bool)
            for q in range(current.shape[1]):
                member = current[rows, q]
                keep &= (member != new) & (units.annotator[member] != units.annotator[new])
            grown.append(np.column_stack([current[rows[keep]], new[keep]]))
        if not grown or not any(g.size for g in grown):
            break
        current = _unique_rows(np.sort(np.concatenate(grown), axis=1), size)
        found.append(current)
    return found


def _unique_rows(rows: IntArray, size: int) -> IntArray:
    """The distinct rows of ROWS (values below SIZE), sorted; as one integer key when it fits."""
    width = rows.shape[1]
    if size ** width < 2 ** 62:
        key = np.zeros(rows.shape[0], dtype=np.int64)
        for column in range(width):
            key = key * size + rows[:, column]
        key = np.unique(key)
        out = np.empty((key.size, width), dtype=np.int64)
        for column in range(width - 1, -1, -1):
            out[:, column] = key % size
            key = key // size
        return out
    return np.asarray(np.unique(rows, axis=0), dtype=np.int64)


def _solve_large(units: Continuum, dis: Dissimilarity, members: IntArray, c2: int,
                 i: IntArray, j: IntArray) -> tuple[IntArray, float]:
    """Every component of more than `ENUMERATED` units at once, exactly: one integer
    programme (scipy's HiGHS) choosing disjoint candidate unitary alignments of least total
    gain; its linear relaxation is solved first and, when integral (the usual case), is the
    optimum; else the integer programme runs with no optimality gap. Candidates are the sets of units of distinct annotators
    the candidate pairs connect (a set they do not connect never beats splitting it, see the
    module docstring) that beat leaving their units alone. Returns each member's group
    (0..) and the total cost in units of delta/C."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix

    delta = dis.delta_empty
    row_of = np.full(len(units), -1, dtype=np.int64)
    row_of[members] = np.arange(members.size)
    rows_parts, cols_parts, gains, firsts = [], [], [], []
    count = 0
    for found in _connected_sets(units, members, i, j):
        width = found.shape[1]
        gain = np.full(found.shape[0], -(width - 1) * c2 * delta)
        for a, b in combinations(range(width), 2):
            gain += dis(units, found[:, a], found[:, b]) - delta
        kept = row_of[found[gain < 0]]
        rows_parts.append(kept.ravel())
        cols_parts.append(np.repeat(np.arange(count, count + kept.shape[0]), width))
        firsts.append(kept[:, 0])
        gains.append(gain[gain < 0])
        count += kept.shape[0]
    labels = np.arange(members.size, dtype=np.int64)
    total = members.size * c2 * delta
    if count:
        gain_all = np.concatenate(gains)
        rows, cols = np.concatenate(rows_parts), np.concatenate(cols_parts)
        matrix = csr_matrix((np.ones(rows.size), (rows, cols)), shape=(members.size, count))
        packing = LinearConstraint(matrix, -np.inf, 1.0)
        # the linear relaxation first: when its optimum is integral it is the integer optimum
        result = milp(gain_all, constraints=packing, integrality=np.zeros(count),
                      bounds=Bounds(0, 1))
        if result.x is None or np.any(np.minimum(result.x, 1 - result.x) > 1e-9):
            result = milp(gain_all, constraints=packing, integrality=np.ones(count),
                          bounds=Bounds(0, 1), options={"mip_rel_gap": 0.0})
        if result.x is None:
            raise AnnotatorError(E.E513, units=members.size, status=str(result.message))
        chosen = np.zeros(count, dtype=bool)
        chosen[result.x > 0.5] = True
        taken = chosen[cols]
        labels[rows[taken]] = np.concatenate(firsts)[cols[taken]]
        total += float(gain_all[chosen].sum())
    _, labels = np.unique(labels, return_inverse=True)
    return labels.astype(np.int64), float(total)


def best_alignment(units: Continuum, dis: Dissimilarity) -> Alignment:
    """The alignment of least disorder (exact; among equal ones, components of up to
    `ENUMERATED` units take the fewest unitary alignments)."""
    n_units = len(units)
    c2 = units.annotators * (units.annotators - 1) // 2
    if n_units == 0:
        return Alignment(np.zeros(0, np.int64), 0, None, 0, 0)
    i, j, _ = candidate_pairs(units, dis)
    component = _components(n_units, i, j)
    order = np.lexsort((units.start, component))  # by component, then along the text
    sizes = np.bincount(component)
    first = np.cumsum(sizes) - sizes
    group = np.empty(n_units, dtype=np.int64)
    next_group, total = 0, 0.0
    for k in np.unique(sizes).tolist():
        comps = np.flatnonzero(sizes == k)
        if k > ENUMERATED:
            continue
        for block in range(0, comps.size, _CHUNK):
            chunk = comps[block:block + _CHUNK]
            members = order[first[chunk][:, None] + np.arange(k)[None, :]]
            labels, cost = _enumerate(units, dis, members, c2)
            width = labels.max(axis=1) + 1
            offsets = next_group + np.cumsum(width) - width
            group[members] = labels + offsets[:, None]
            next_group += int(width.sum())
            total += float(cost.sum())
    big = sizes > ENUMERATED
    if big.any():
        # independent programmes of about _BATCH units each (whole components)
        batch = np.cumsum(np.where(big, sizes, 0)) // _BATCH
        for b in np.unique(batch[big]).tolist():
            chosen = big & (batch == b)
            large = np.flatnonzero(chosen[component])
            inside = chosen[component[i]]
            labels, large_cost = _solve_large(units, dis, large, c2, i[inside], j[inside])
            group[large] = labels + next_group
            next_group += int(labels.max()) + 1
            total += large_cost
    average_units = n_units / units.annotators
    return Alignment(group, next_group, total / c2 / average_units, int(sizes.size),
                     int(sizes.max()))
