"""Gwet's AC2: the weighted agreement coefficient for ordered (ordinal, interval) categories.

Gwet (2014), "Handbook of Inter-Rater Reliability", 4th ed., ch. 3 (weights: § 3.5): with
weights w_kl in [0, 1] (w_kk = 1) saying how much a pair of ratings (k, l) agrees,

    pa = (1 / n) sum_i sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)),  r*_ik = sum_l w_kl r_il
    pe = T_w / (q (q - 1)) * sum_k pi_k (1 - pi_k),               T_w = sum_kl w_kl
    AC2 = (pa - pe) / (1 - pe)

on the same units as Fleiss' kappa (coded by every rater, so r_i = r). Since
sum_k r_ik r*_ik = r + 2 * sum over rater pairs (a, b) of w(c_a, c_b), pa is the mean weight of
the rater pairs' ratings, computed here pair by pair without a units x categories table.
With identity weights AC2 is AC1.

Categories are points 0..q-1 of the scale in order; the weights (irrCAC's `weights.py` names):

* identity:  w_kl = 1 if k = l else 0 (AC2 = AC1, for nominal categories);
* linear:    1 - |k - l| / (q - 1);
* quadratic: 1 - (k - l)^2 / (q - 1)^2;
* ordinal:   1 - M_kl / M_max, M_kl = C(|k - l| + 1, 2) (the pairs of points from k to l),
             M_max = C(q, 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt

from annotator.agreement.units import OUTSIDE, BoolArray, FloatArray, IntArray
from annotator.core.errors import AnnotatorError, E

WEIGHTS = ("identity", "linear", "quadratic", "ordinal")


def gwet_weights(kind: str, q: int) -> FloatArray:
    """The q x q weights of KIND (one of WEIGHTS) for a scale of q ordered categories."""
    if kind not in WEIGHTS:
        raise ValueError(f"unknown weights {kind!r}; known: {', '.join(WEIGHTS)}")
    points = np.arange(q, dtype=np.float64)
    distance = np.abs(points[:, None] - points[None, :])
    if kind == "identity" or q < 2:
        return np.eye(q)
    span = float(q - 1)
    if kind == "linear":
        return 1.0 - distance / span
    if kind == "quadratic":
        return 1.0 - distance**2 / span**2
    pairs = (distance + 1.0) * distance / 2.0  # C(|k - l| + 1, 2)
    ordinal: FloatArray = 1.0 - pairs / float(pairs.max())
    return ordinal


def weighted_chance(shares: npt.NDArray[np.floating], weights: FloatArray) -> FloatArray:
    """Gwet's pe from category shares (the last axis: categories) and the weights."""
    q = weights.shape[0]
    total = float(weights.sum())
    return np.asarray(total * (shares * (1.0 - shares)).sum(axis=-1) / (q * (q - 1)))


def gwet_ac2_from_table(table: npt.NDArray[np.integer], weights: FloatArray) -> float | None:
    """AC2 from a subjects x categories table of rater counts (every subject rated by the same
    number of raters, two or more; columns in scale order)."""
    counts = np.asarray(table, dtype=np.float64)
    subjects, q = counts.shape
    raters = counts.sum(axis=1)
    if subjects == 0 or q < 2 or raters[0] < 2 or not np.all(raters == raters[0]):
        return None
    r = float(raters[0])
    weighted = counts @ weights
    observed = float(((counts * (weighted - 1.0)).sum(axis=1) / (r * (r - 1))).mean())
    chance = float(weighted_chance(counts.sum(axis=0) / (subjects * r), weights))
    return (observed - chance) / (1.0 - chance) if chance < 1.0 else None


def pair_weight_sums(codes: IntArray, weights: FloatArray) -> FloatArray:
    """Per unit, the sum over rater pairs of the weight of their two codes (codes >= 0)."""
    total = np.zeros(codes.shape[1])
    for i, j in combinations(range(codes.shape[0]), 2):
        total += weights[codes[i], codes[j]]
    return total


def gwet_ac2(codes: IntArray, weights: FloatArray) -> tuple[float | None, int, int]:
    """AC2 over the units coded by every rater (as `coding.fleiss_kappa`): (AC2, used, left out).

    CODES is raters x units, code -1 missing, codes indexing the rows of WEIGHTS (scale order).
    """
    q = weights.shape[0]
    raters, units = codes.shape
    complete: BoolArray = np.all(codes >= 0, axis=0)
    subjects = int(complete.sum())
    if raters < 2 or subjects == 0 or q < 2:
        return None, subjects, units - subjects
    kept = codes[:, complete]
    observed = 2.0 * float(pair_weight_sums(kept, weights).sum()) / (subjects * raters * (raters - 1))
    shares = np.bincount(kept.ravel(), minlength=q) / (subjects * raters)
    chance = float(weighted_chance(shares, weights))
    if chance >= 1.0:
        return None, subjects, units - subjects
    return (observed - chance) / (1.0 - chance), subjects, units - subjects


@dataclass(frozen=True)
class Weighting:
    """The weights AC2 was computed with, and the scale: "O" (outside any entity) is the
    first point, then the labels in SCALE order (the project's label order)."""

    kind: str
    scale: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "scale": list(self.scale)}


def check_weights(kind: str) -> str:
    if kind not in WEIGHTS:
        raise AnnotatorError(E.E514, value=kind, known=", ".join(WEIGHTS))
    return kind


def code_weights(kind: str, labels: Sequence[str],
                 scale: Sequence[str] | None) -> tuple[FloatArray, Weighting]:
    """Weights indexed by token code (0 "O", i + 1 LABELS[i]) for KIND on the scale "O" then
    SCALE (labels of SCALE not compared are skipped; default: LABELS in their order).
    Raises E514 for an unknown KIND, E515 for a compared label missing from SCALE."""
    check_weights(kind)
    order = list(labels) if scale is None else [lbl for lbl in dict.fromkeys(scale)
                                                if lbl in labels]
    for label in labels:
        if label not in order:
            raise AnnotatorError(E.E515, label=label, scale=", ".join(order) or "empty")
    rank = np.zeros(len(labels) + 1, dtype=np.int64)
    for point, label in enumerate(order, start=1):
        rank[labels.index(label) + 1] = point
    weights = gwet_weights(kind, len(labels) + 1)
    return weights[rank[:, None], rank[None, :]], Weighting(kind, (OUTSIDE, *order))
