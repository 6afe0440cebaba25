"""Gamma agreement (Mathet, Widlöcher & Métivier 2015), gamma-k per category and gamma-cat.

    gamma = 1 - observed disorder / expected disorder

The observed disorder is the best alignment's (`gamma_alignment`, found exactly). The
expected disorder is the mean best-alignment disorder of random continua drawn by
pygamma-agreement's "statistical" sampler: per annotator, a number of units, then for each unit
a gap and a length, all from normal distributions with the observed means and standard
deviations, and a category drawn with the observed frequencies. Sampling is seeded; its
precision is the standard error of that mean. A sampled continuum holds at most
`sample_units` units per annotator (the number of units and its spread are scaled down
together): disorder is a mean per unit, so a shorter continuum estimates the same expectation.

gamma-k and gamma-cat follow pygamma-agreement 0.5.9 (`Alignment.gamma_k_disorder`, Mathet
2018 section 4.2.5): over the unitary alignments of the best alignment, every pair of units
adds cat_d * w with weight w = max(0, 1 - alpha * d_pos) / (units in the alignment - 1), and
every pair of a unit and an empty position adds delta^2 with weight delta; the disorder is the
weighted mean. gamma-k keeps the pairs in which a unit has category k.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from annotator.agreement.gamma_alignment import (
    Alignment,
    BoolArray,
    Continuum,
    Dissimilarity,
    FloatArray,
    IntArray,
    best_alignment,
    make_continuum,
)
from annotator.core.errors import AnnotatorError, E

__all__ = ["CategoryDisorder", "Continuum", "Dissimilarity", "GammaResult", "StatisticalSampler",
           "best_alignment", "category_disorders", "compute_gamma", "make_continuum"]

SEGMENT_PRECISION = 1e-6  # pyannote's: a sampled unit shorter than this is drawn again


@dataclass(frozen=True)
class CategoryDisorder:
    """gamma-cat disorder (`cat`) and gamma-k disorders (`per_category`), None: no unit of k."""

    cat: float
    per_category: tuple[float | None, ...]


def _within_pairs(group: IntArray, width: int) -> tuple[IntArray, IntArray, IntArray]:
    """Every pair of units in one unitary alignment, and each unit's alignment size."""
    order = np.argsort(group, kind="stable")
    sorted_group = group[order]
    sizes = np.bincount(group) if group.size else np.zeros(0, np.int64)
    first: list[IntArray] = []
    second: list[IntArray] = []
    for step in range(1, width):
        same = sorted_group[step:] == sorted_group[:-step]
        first.append(order[:-step][same])
        second.append(order[step:][same])
    i = np.concatenate(first) if first else np.zeros(0, np.int64)
    j = np.concatenate(second) if second else np.zeros(0, np.int64)
    return i, j, sizes[group] if group.size else np.zeros(0, np.int64)


def category_disorders(units: Continuum, alignment: Alignment, dis: Dissimilarity
                       ) -> CategoryDisorder:
    """gamma-cat and gamma-k disorders of ALIGNMENT, as pygamma-agreement computes them."""
    return disorders_by_part(units, alignment, dis, np.zeros(len(units), np.int64), 1)[1][0]


def disorders_by_part(units: Continuum, alignment: Alignment, dis: Dissimilarity,
                      part: IntArray, parts: int) -> tuple[FloatArray, list[CategoryDisorder]]:
    """The disorder and the gamma-cat and gamma-k disorders of each of PARTS independent parts
    of the continuum (`part[u]` is unit u's; no unitary alignment spans two parts), as if
    each part were a continuum of its own: how the sampled continua are scored in one go."""
    i, j, size = _within_pairs(alignment.group, units.annotators)
    delta, n = dis.delta_empty, units.annotators
    c2 = n * (n - 1) // 2
    pair_part = part[i]
    units_in = np.bincount(part, minlength=parts).astype(np.float64)
    heads = np.zeros(alignment.size, dtype=np.int64)
    heads[alignment.group] = part  # each unitary alignment lies in one part
    alignments_in = np.bincount(heads, minlength=parts).astype(np.float64)
    pair_cost = np.bincount(pair_part, weights=dis(units, i, j) - delta, minlength=parts)
    disorder = (alignments_in * c2 * delta + pair_cost) / c2 / np.maximum(units_in / n, 1e-300)
    members = size[i].astype(np.float64)
    confidence = np.maximum(0.0, 1.0 - dis.alpha * dis.positional(units, i, j))
    weight = confidence / np.maximum(members - 1, 1)
    weighted_cat = dis.categorical(units, i, j) * weight
    empties = (n - size).astype(np.float64)  # empty positions beside each unit

    def disorder_of(pair_mask: BoolArray, unit_mask: BoolArray) -> FloatArray:
        where = pair_part[pair_mask]
        counted = np.bincount(where, minlength=parts)
        total_weight = np.bincount(where, weights=weight[pair_mask], minlength=parts)
        total = np.bincount(where, weights=weighted_cat[pair_mask], minlength=parts)
        lonely = np.bincount(part[unit_mask], weights=empties[unit_mask], minlength=parts)
        total, total_weight = total + lonely * delta * delta, total_weight + lonely * delta
        value = np.divide(total, total_weight, out=np.zeros(parts), where=total != 0)
        return np.asarray(np.where(counted == 0, np.where(lonely > 0, 0.0, 1.0), value),
                          dtype=np.float64)

    every_pair = np.ones(i.size, dtype=bool)
    every_unit = np.ones(len(units), dtype=bool)
    cat = disorder_of(every_pair, every_unit)
    per_k: list[FloatArray] = []
    present: list[npt.NDArray[np.int64]] = []
    for k in range(units.categories):
        of_k = units.category == k
        per_k.append(disorder_of(of_k[i] | of_k[j], of_k))
        present.append(np.bincount(part[of_k], minlength=parts))
    out = [CategoryDisorder(float(cat[p]), tuple(
        float(per_k[k][p]) if present[k][p] else None for k in range(units.categories)))
        for p in range(parts)]
    return disorder, out


@dataclass(frozen=True)
class StatisticalSampler:
    """pygamma-agreement's StatisticalContinuumSampler, seeded and vectorised."""

    annotators: int
    categories: int
    units_mean: float
    units_std: float
    gap_mean: float
    gap_std: float
    length_mean: float
    length_std: float
    category_weights: FloatArray

    @classmethod
    def of(cls, units: Continuum) -> StatisticalSampler:
        counts = np.bincount(units.annotator, minlength=units.annotators).astype(np.float64)
        order = np.lexsort((units.end, units.start, units.section, units.annotator))
        a, sec = units.annotator[order], units.section[order]
        s, e = units.start[order], units.end[order]
        follows = (a[1:] == a[:-1]) & (sec[1:] == sec[:-1])
        gaps = [np.zeros(1), (s[1:] - e[:-1])[follows]]
        opens = np.ones(s.size, dtype=bool)
        opens[1:] = ~follows
        lead = s[opens] - units.section_start[sec[opens]]
        gaps.append(lead[lead > 0])
        gap = np.concatenate(gaps)
        length = units.end - units.start
        weights = np.bincount(units.category, minlength=units.categories).astype(np.float64)
        return cls(units.annotators, units.categories, float(counts.mean()), float(counts.std()),
                   float(gap.mean()), float(gap.std()),
                   float(length.mean()) if length.size else 1.0,
                   float(length.std()) if length.size else 0.0,
                   weights / max(weights.sum(), 1.0))

    def sample(self, rng: np.random.Generator, max_units: int | None = None) -> Continuum:
        scale = 1.0
        if max_units is not None and self.units_mean > max_units:
            scale = max_units / self.units_mean
        parts: list[tuple[int, FloatArray, FloatArray, IntArray]] = []
        total = 0
        for annotator in range(self.annotators):
            count = abs(int(rng.normal(self.units_mean * scale, self.units_std * scale)))
            if total == 0:
                count = max(1, count)
            gap = rng.normal(self.gap_mean, self.gap_std, count)
            length = np.abs(rng.normal(self.length_mean, self.length_std, count))
            short = length < SEGMENT_PRECISION
            while short.any():
                length[short] = np.abs(rng.normal(self.length_mean, self.length_std,
                                                  int(short.sum())))
                short = length < SEGMENT_PRECISION
            before = np.concatenate([[0.0], np.cumsum(length)[:-1]])
            start = np.cumsum(gap) + before
            category = rng.choice(self.categories, size=count, p=self.category_weights)
            parts.append((annotator, start, start + length, category.astype(np.int64)))
            total += count
        return make_continuum(
            np.concatenate([np.full(p[1].size, p[0], dtype=np.int64) for p in parts]),
            np.concatenate([p[1] for p in parts]), np.concatenate([p[2] for p in parts]),
            np.concatenate([p[3] for p in parts]), annotators=self.annotators,
            categories=self.categories)


@dataclass(frozen=True)
class GammaResult:
    """Gamma, gamma-cat and gamma-k with the disorders they come from."""

    gamma: float | None
    observed: float | None
    expected: float | None
    precision: float | None  # standard error of the expected disorder
    gamma_cat: float | None
    observed_cat: float | None
    expected_cat: float | None
    per_category: tuple[tuple[float | None, float | None, float | None], ...]  # k, obs, exp
    samples: int
    seed: int
    sample_units: int  # most units per annotator in a sampled continuum
    units: int
    unitary_alignments: int
    components: int
    largest_component: int
    reason: str | None  # why gamma is None


def _stacked(samples: list[Continuum]) -> tuple[Continuum, IntArray]:
    """SAMPLES as one continuum of separate sections, laid apart along the axis (dissimilarity
    depends on differences only), and each unit's sample."""
    shifted, at = [], 0.0
    for sample in samples:
        shift = at - float(sample.start.min()) + 1.0
        shifted.append((sample.start + shift, sample.end + shift))
        at = float(sample.end.max()) + shift + 1.0
    part = np.concatenate([np.full(len(s), k, dtype=np.int64) for k, s in enumerate(samples)])
    return make_continuum(
        np.concatenate([s.annotator for s in samples]), np.concatenate([a for a, _ in shifted]),
        np.concatenate([b for _, b in shifted]), np.concatenate([s.category for s in samples]),
        annotators=samples[0].annotators, categories=samples[0].categories, section=part,
        section_start=np.zeros(len(samples))), part


def _ratio(observed: float | None, expected: float | None) -> float | None:
    if observed is None or expected is None:
        return None
    if observed == 0:
        return 1.0
    return None if expected == 0 else 1.0 - observed / expected


def compute_gamma(units: Continuum, dis: Dissimilarity | None = None, *, samples: int = 30,
                  seed: int = 0, sample_units: int = 1000) -> GammaResult:
    """Gamma of UNITS: the exact best alignment, the expected disorder from SAMPLES seeded
    random continua of at most SAMPLE_UNITS units per annotator."""
    dis = dis or Dissimilarity()
    if samples < 2:
        raise AnnotatorError(E.E511, value=samples)
    observed = best_alignment(units, dis)
    if observed.disorder is None:
        return GammaResult(None, None, None, None, None, None, None,
                           tuple((None, None, None) for _ in range(units.categories)), 0, seed,
                           sample_units, 0, 0, 0, 0, "no_units")
    cats = category_disorders(units, observed, dis)
    sampler = StatisticalSampler.of(units)
    rng = np.random.default_rng(seed)
    k_disorders: list[list[float]] = [[] for _ in range(units.categories)]
    chance, part = _stacked([sampler.sample(rng, sample_units) for _ in range(samples)])
    chance_disorders, chance_cats = disorders_by_part(
        chance, best_alignment(chance, dis), dis, part, samples)
    disorders = chance_disorders.tolist()
    cat_disorders = [c.cat for c in chance_cats]
    for one in chance_cats:
        for k, value in enumerate(one.per_category):
            k_disorders[k].append(1.0 if value is None else value)
    expected = float(np.mean(disorders))
    precision = float(np.std(disorders, ddof=1) / np.sqrt(samples))
    expected_cat = float(np.mean(cat_disorders))
    per_category = []
    for k, obs_k in enumerate(cats.per_category):
        exp_k = float(np.mean(k_disorders[k])) if obs_k is not None else None
        per_category.append((_ratio(obs_k, exp_k), obs_k, exp_k))
    gamma = _ratio(observed.disorder, expected)
    return GammaResult(
        gamma, observed.disorder, expected, precision, _ratio(cats.cat, expected_cat), cats.cat,
        expected_cat, tuple(per_category), samples, seed, sample_units, len(units),
        observed.size, observed.components, observed.largest_component,
        None if gamma is not None else "no_variation")
