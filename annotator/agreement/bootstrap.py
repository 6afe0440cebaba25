"""95% bootstrap confidence intervals over documents for the corpus-level agreement figures.

A resample draws as many documents as the corpus has, with replacement (seeded: the same
seed gives the same intervals), and each figure is computed on it as if the drawn documents
made the corpus (a document drawn twice counts twice); the interval is the 2.5th and 97.5th
percentiles of the figure over the resamples that define it (percentile bootstrap, Efron &
Tibshirani 1993). Units never cross a document, so every measure here is a function of sums
over documents: per document the sufficient statistics are computed once, and a resample is
a vector of document weights (how often each was drawn) applied to them:

* Krippendorff's alpha (tokens, nominal; overall and label against the rest): per document
  the values of each category in pairable tokens and the diagonal of the coincidence matrix;
* Fleiss' kappa and Gwet's AC1: tokens coded by all, agreeing rater pairs, category counts
  (per label, AC1 of the label against the rest: also the rater pairs who both coded it);
  Gwet's AC2 (when weights are asked for) adds the rater pairs' summed weights;
* Cohen's kappa (mean over pairs; overall and per label): per pair the confusion's diagonal
  and marginals;
* span F1 exact and lenient (mean over pairs, micro; overall and per label): per pair the
  span and match counts by label;
* alpha_u (characters, documents finished by all; overall and per label): per document the
  observed distances and unit terms, and per resample the expected-disagreement sums over gaps
  (each unit's room in the gaps at least as long, with the gaps weighted by their document).

With all weights 1 each figure is exactly the report's value (tests check this, and check a
resample against the measures recomputed on the duplicated documents).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, cast

import numpy as np

from annotator.agreement.spans import exact_matches, lenient_matches
from annotator.agreement.unitizing import UnitizingStudy
from annotator.agreement.units import BoolArray, Corpus, FloatArray, IntArray
from annotator.agreement.weighted import pair_weight_sums, weighted_chance

LEVEL = 0.95
DEFAULT_RESAMPLES = 1000
BATCH_WEIGHTS = 4_000_000  # resamples x documents computed at once (32 MB of weights): few,
# large matrix products (many small ones stall BLAS threads on a busy machine)
OVERALL = ("krippendorff_alpha", "alpha_u", "fleiss_kappa", "gwet_ac1", "gwet_ac2",
           "cohen_kappa", "span_f1_exact", "span_f1_lenient")  # gwet_ac2: with weights only
PER_LABEL = ("krippendorff_alpha", "alpha_u", "cohen_kappa", "gwet_ac1", "span_f1_exact",
             "span_f1_lenient")


@dataclass(frozen=True)
class Interval:
    low: float | None
    high: float | None
    resamples: int  # resamples on which the figure has a value

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "resamples": self.resamples}


@dataclass(frozen=True)
class BootstrapIntervals:
    resamples: int
    seed: int
    level: float
    overall: Mapping[str, Interval]
    per_label: Mapping[str, Mapping[str, Interval]]

    def to_dict(self) -> dict[str, Any]:
        return {"resamples": self.resamples, "seed": self.seed, "level": self.level,
                "unit": "document", "method": "percentile",
                "overall": {k: v.to_dict() for k, v in self.overall.items()},
                "per_label": {label: {k: v.to_dict() for k, v in figures.items()}
                              for label, figures in self.per_label.items()}}


def percentile_interval(values: FloatArray, level: float = LEVEL) -> Interval:
    defined = values[~np.isnan(values)]
    if defined.size == 0:
        return Interval(None, None, 0)
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(defined, [tail, 100 - tail])
    return Interval(float(low), float(high), int(defined.size))


def resample_weights(rng: np.random.Generator, count: int, n_docs: int) -> FloatArray:
    """COUNT rows of document weights: how often each document is drawn in n_docs draws."""
    draws = rng.integers(0, n_docs, size=(count, n_docs))
    keys = (np.arange(count)[:, None] * n_docs + draws).ravel()
    return np.bincount(keys, minlength=count * n_docs).reshape(count, n_docs).astype(np.float64)


def _by_doc(keys: IntArray, size: int, n_docs: int, weights: FloatArray | None = None) -> FloatArray:
    counted = np.bincount(keys, weights=weights, minlength=n_docs * size)
    return counted.astype(np.float64).reshape(n_docs, size)


# ------------------------------------------------------------------ the formulas, vectorised
def _safe_ratio(top: FloatArray, bottom: FloatArray, ok: BoolArray) -> FloatArray:
    out = np.full(np.broadcast(top, bottom).shape, np.nan)
    np.divide(top, bottom, out=out, where=ok & (bottom != 0))
    return out


def _nominal_alpha(n: FloatArray, trace: FloatArray, sum_sq: FloatArray) -> FloatArray:
    expected = n * n - sum_sq
    ok = (n > 1) & (expected > 0)
    return 1.0 - _safe_ratio((n - 1.0) * (n - trace), expected, ok)


def _kappa(observed: FloatArray, chance: FloatArray, ok: BoolArray) -> FloatArray:
    return _safe_ratio(observed - chance, 1.0 - chance, ok & (chance < 1.0))


def _f1(first: FloatArray, second: FloatArray, matched_first: FloatArray,
        matched_second: FloatArray) -> FloatArray:
    precision = np.divide(matched_second, second, out=np.zeros_like(second), where=second > 0)
    recall = np.divide(matched_first, first, out=np.zeros_like(first), where=first > 0)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
    f1[(first == 0) & (second == 0)] = np.nan
    return cast(FloatArray, f1)


def _mean_over_pairs(values: list[FloatArray]) -> FloatArray:
    if not values:
        return np.full(0, np.nan)
    stacked = np.stack(values)
    counted = (~np.isnan(stacked)).sum(axis=0)
    total = np.nansum(stacked, axis=0)
    return cast(FloatArray, np.divide(total, counted, out=np.full(total.shape, np.nan),
                                      where=counted > 0))


# ------------------------------------------------------------------ per-document statistics
class _Ledger:
    """Every per-document statistic side by side in one matrix, so that a batch of weights
    takes one matrix product (many small ones stall BLAS threads on a busy machine)."""

    def __init__(self) -> None:
        self.parts: list[FloatArray] = []
        self.columns: dict[int, tuple[int, int, bool]] = {}  # id -> (first, last, 1-D)
        self.width = 0
        self.stacked: FloatArray | None = None
        self._w: FloatArray | None = None
        self._sums: FloatArray | None = None

    def add(self, matrix: FloatArray) -> None:
        part = matrix.reshape(matrix.shape[0], -1)
        self.columns[id(matrix)] = (self.width, self.width + part.shape[1], matrix.ndim == 1)
        self.width += part.shape[1]
        self.parts.append(part)
        self.stacked = None

    def total(self, matrix: FloatArray, w: FloatArray) -> FloatArray:
        """W @ MATRIX (a per-document statistic summed with each row of weights)."""
        if self.stacked is None:
            self.stacked = np.hstack(self.parts) if self.parts else np.zeros((w.shape[1], 0))
            self._w = None
        if self._w is not w:
            self._w, self._sums = w, w @ self.stacked
        assert self._sums is not None
        first, last, flat = self.columns[id(matrix)]
        block = self._sums[:, first:last]
        return block[:, 0] if flat else block


class _Weighted:
    """Statistics per document, registered with a ledger that sums them per resample."""

    def __init__(self, ledger: _Ledger) -> None:
        self.ledger = ledger

    def register(self, *matrices: FloatArray) -> None:
        for matrix in matrices:
            self.ledger.add(matrix)

    def total(self, matrix: FloatArray, w: FloatArray) -> FloatArray:
        return self.ledger.total(matrix, w)


class _CodingStats(_Weighted):
    """Per-document sufficient statistics of the token measures on CODES (raters x tokens)."""

    def __init__(self, ledger: _Ledger, codes: IntArray, token_doc: IntArray, n_docs: int,
                 size: int, pairs: Sequence[tuple[int, int]], fleiss: bool,
                 ac2_weights: FloatArray | None = None) -> None:
        super().__init__(ledger)
        self.size = size
        self.weights = ac2_weights
        coders = (codes >= 0).sum(axis=0)
        pairable = coders >= 2
        weights = np.zeros(codes.shape[1])
        weights[pairable] = 1.0 / (coders[pairable] - 1)
        self.values = np.zeros((n_docs, size))  # values of each category in pairable tokens
        for row in codes:
            used = pairable & (row >= 0)
            self.values += _by_doc(token_doc[used] * size + row[used], size, n_docs)
        self.diagonal = np.zeros((n_docs, size))  # the coincidence matrix's diagonal
        for i, j in combinations(range(codes.shape[0]), 2):
            same = (codes[i] >= 0) & (codes[i] == codes[j])
            self.diagonal += 2 * _by_doc(token_doc[same] * size + codes[i][same], size, n_docs,
                                         weights[same])
        self.confusions = []  # per pair: (diagonal, first's marginal, second's marginal)
        for i, j in pairs:
            both = (codes[i] >= 0) & (codes[j] >= 0)
            doc = token_doc[both] * size
            same = codes[i][both] == codes[j][both]
            self.confusions.append((_by_doc(doc[same] + codes[i][both][same], size, n_docs),
                                    _by_doc(doc + codes[i][both], size, n_docs),
                                    _by_doc(doc + codes[j][both], size, n_docs)))
        self.raters = codes.shape[0]
        if fleiss:  # tokens every rater coded: count, agreeing rater pairs, categories
            complete = np.all(codes >= 0, axis=0)
            kept, doc = codes[:, complete], token_doc[complete]
            self.subjects = np.bincount(doc, minlength=n_docs).astype(np.float64)
            agreeing = np.zeros(n_docs)
            self.both = np.zeros((n_docs, size))  # rater pairs who both coded the category
            for i, j in combinations(range(self.raters), 2):
                same = kept[i] == kept[j]
                agreeing += np.bincount(doc[same], minlength=n_docs)
                self.both += _by_doc(doc[same] * size + kept[i][same], size, n_docs)
            self.agreeing = agreeing
            self.categories = sum((_by_doc(doc * size + row, size, n_docs) for row in kept),
                                  np.zeros((n_docs, size)))
            self.register(self.subjects, self.agreeing, self.categories, self.both)
            if ac2_weights is not None:  # AC2: the rater pairs' weights summed per document
                self.weighted = np.bincount(doc, weights=pair_weight_sums(kept, ac2_weights),
                                            minlength=n_docs).astype(np.float64)
                self.register(self.weighted)
        self.register(self.values, self.diagonal, *(m for c in self.confusions for m in c))

    def alpha(self, w: FloatArray, category: int | None = None) -> FloatArray:
        values, diagonal = self.total(self.values, w), self.total(self.diagonal, w)
        n = values.sum(axis=1)
        if category is None:
            return _nominal_alpha(n, diagonal.sum(axis=1), (values * values).sum(axis=1))
        inside, total = diagonal[:, category], values[:, category]
        return _nominal_alpha(n, 2 * inside + n - 2 * total, total**2 + (n - total) ** 2)

    def fleiss_and_ac1(self, w: FloatArray) -> tuple[FloatArray, FloatArray]:
        subjects, agreeing, counts = (self.total(m, w) for m in (
            self.subjects, self.agreeing, self.categories))
        r = self.raters
        ok = (subjects > 0) & (r >= 2)
        observed = _safe_ratio(2.0 * agreeing, subjects * r * (r - 1), ok)
        shares = counts / np.where(subjects > 0, subjects * r, 1.0)[:, None]
        kappa = _kappa(observed, (shares * shares).sum(axis=1), ok)
        chance = (shares * (1.0 - shares)).sum(axis=1) / max(self.size - 1, 1)
        ac1 = _kappa(observed, chance, ok & (self.size >= 2))
        return kappa, ac1

    def label_ac1(self, w: FloatArray, category: int) -> FloatArray:
        """AC1 of CATEGORY against the rest (q = 2): a rater pair agrees when both coded it
        or neither did; sum over units of C(r - n, 2) from the sums of n and n^2."""
        subjects, coded, both = (self.total(m, w) for m in (
            self.subjects, self.categories, self.both))
        n, r = coded[:, category], float(self.raters)
        squares = n + 2.0 * both[:, category]
        neither = (subjects * r * r - 2 * r * n + squares - subjects * r + n) / 2.0
        ok = (subjects > 0) & (r >= 2)
        observed = _safe_ratio(2.0 * (both[:, category] + neither), subjects * r * (r - 1), ok)
        share = _safe_ratio(n, subjects * r, ok)
        return _kappa(observed, 2.0 * share * (1.0 - share), ok)

    def ac2(self, w: FloatArray) -> FloatArray:
        """Gwet's AC2 with the weights given at construction."""
        assert self.weights is not None
        subjects, weighted, counts = (self.total(m, w) for m in (
            self.subjects, self.weighted, self.categories))
        r = self.raters
        ok = (subjects > 0) & (r >= 2)
        observed = _safe_ratio(2.0 * weighted, subjects * r * (r - 1), ok)
        shares = counts / np.where(subjects > 0, subjects * r, 1.0)[:, None]
        return _kappa(observed, weighted_chance(shares, self.weights), ok & (self.size >= 2))

    def cohen(self, w: FloatArray, category: int | None = None) -> FloatArray:
        kappas = []
        for diagonal, first, second in self.confusions:
            d, f, s = self.total(diagonal, w), self.total(first, w), self.total(second, w)
            total = f.sum(axis=1)
            ok = total > 0
            t = np.where(ok, total, 1.0)
            if category is None:
                observed, chance = d.sum(axis=1) / t, (f * s).sum(axis=1) / (t * t)
            else:
                both, r, c = d[:, category], f[:, category], s[:, category]
                observed = (2 * both + total - r - c) / t
                chance = (r * c + (total - r) * (total - c)) / (t * t)
            kappas.append(_kappa(observed, chance, ok))
        return _mean_over_pairs(kappas)


class _SpanStats(_Weighted):
    """Per pair, per document and label: spans of each side and those matched (exact, lenient)."""

    def __init__(self, ledger: _Ledger, corpus: Corpus, pairs: Sequence[tuple[int, int]],
                 n_labels: int, stride: int) -> None:
        super().__init__(ledger)
        n_docs = corpus.doc_ids.size
        self.n_labels = n_labels
        self.exact: list[tuple[FloatArray, ...]] = []
        self.lenient: list[tuple[FloatArray, ...]] = []
        for i, j in pairs:
            a, b = corpus.spans[i], corpus.spans[j]
            a, b = a.take(corpus.present[j][a.doc]), b.take(corpus.present[i][b.doc])
            key_a, key_b = a.doc * n_labels + a.label, b.doc * n_labels + b.label
            for hits, out in ((exact_matches(a, b), self.exact),
                              (lenient_matches(a, b, stride), self.lenient)):
                out.append(tuple(_by_doc(k, n_labels, n_docs) for k in (
                    key_a, key_b, key_a[hits[0]], key_b[hits[1]])))
                self.register(*out[-1])

    def f1(self, w: FloatArray, lenient: bool, label: int | None = None) -> FloatArray:
        scores = []
        for counts in self.lenient if lenient else self.exact:
            summed = [self.total(c, w) for c in counts]
            picked = [s.sum(axis=1) if label is None else s[:, label] for s in summed]
            scores.append(_f1(*picked))
        return _mean_over_pairs(scores)


class _UnitizingStats(_Weighted):
    """alpha_u on the documents every rater finished, per category, as sums over documents."""

    def __init__(self, ledger: _Ledger, study: UnitizingStudy, complete: BoolArray) -> None:
        super().__init__(ledger)
        self.raters = study.n_raters
        c_count = self.n_categories = study.n_categories
        n_docs = study.n_sections
        self.length = study.section_length.astype(np.float64)
        observed = np.zeros((n_docs, c_count))
        for i, j in combinations(range(self.raters), 2):
            observed += study.pair_sums(i, j)
        self.observed = observed
        keep = complete[study.section]
        self.u_sec, self.u_cat = study.section[keep], study.category[keep]
        self.u_len = (study.end[keep] - study.start[keep]).astype(np.float64)
        key = self.u_sec * c_count + self.u_cat
        self.units = _by_doc(key, c_count, n_docs)
        self.squares = _by_doc(key, c_count, n_docs, self.u_len * (self.u_len - 1))
        length = self.u_len
        self.shape = _by_doc(key, c_count, n_docs, (2 * length**3 - 3 * length**2 + length) / 3)
        # the expected disagreement's sum over (unit, gap) pairs, l^2 (l_g - l + 1) for each
        # gap at least as long as the unit, is bilinear in the weights of the unit's and the
        # gap's documents: by kind of unit (category, length), the units' l^2 per document
        # times, per document, the gaps' room for a unit of that kind
        unit_len = self.u_len.astype(np.int64)
        _, g_cat, g_sec, g_len = study._gaps()
        g_keep = complete[g_sec]
        g_cat, g_sec, g_len = g_cat[g_keep], g_sec[g_keep], g_len[g_keep]
        base = int(max(int(g_len.max(initial=0)), int(unit_len.max(initial=0)))) + 2
        kinds, kind_of_unit = np.unique(self.u_cat * base + unit_len, return_inverse=True)
        k_cat, k_len = kinds // base, kinds % base
        self.kind_category = np.zeros((kinds.size, c_count))
        self.kind_category[np.arange(kinds.size), k_cat] = 1.0
        self.kind_squares = _by_doc(self.u_sec * kinds.size + kind_of_unit.ravel(), kinds.size,
                                    n_docs, self.u_len**2)
        gap_key = np.sort((g_sec * c_count + g_cat) * base + g_len)
        running = np.concatenate([[0.0], np.cumsum((gap_key % base).astype(np.float64))])
        docs = np.arange(n_docs)[:, None]
        low = np.searchsorted(gap_key, (docs * c_count + k_cat) * base + k_len, side="left")
        high = np.searchsorted(gap_key, (docs * c_count + k_cat + 1) * base, side="left")
        self.kind_room = (running[high] - running[low]) - (high - low) * (k_len - 1.0)
        # documents some rater did not finish are not in alpha_u: their weight is 0
        mask = complete.astype(np.float64)
        for name in ("length", "observed", "units", "shape", "squares", "kind_squares",
                     "kind_room"):
            matrix = getattr(self, name)
            setattr(self, name, matrix * (mask if matrix.ndim == 1 else mask[:, None]))
            self.register(getattr(self, name))

    def alpha(self, w: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(overall alpha_u, alpha_u per category) of each weight row."""
        r = float(self.raters)
        length = self.total(self.length, w)
        observed = 2.0 * self.total(self.observed, w) / np.where(
            length > 0, r * (r - 1) * length**2, 1.0)[:, None]
        units = self.total(self.units, w)
        numerator = (units - 1.0) * self.total(self.shape, w)
        numerator += (self.total(self.kind_squares, w) * self.total(self.kind_room, w)
                      ) @ self.kind_category
        total = r * length
        denominator = (total * (total - 1))[:, None] - self.total(self.squares, w)
        scale = np.divide(2.0, length, out=np.zeros_like(length), where=length > 0)[:, None]
        expected = np.divide(scale * numerator, denominator, out=np.zeros_like(numerator),
                             where=denominator > 0)
        overall = 1.0 - _safe_ratio(observed.sum(axis=1), expected.sum(axis=1),
                                    expected.sum(axis=1) > 0)
        return overall, 1.0 - _safe_ratio(observed, expected, expected > 0)


# ------------------------------------------------------------------ putting it together
class BootstrapFigures:
    """Every figure of `OVERALL` and `PER_LABEL` as a function of document weights."""

    def __init__(self, corpus: Corpus, codes: IntArray, study: UnitizingStudy,
                 pairs: Sequence[tuple[int, int]],
                 label_codes: Callable[[int], IntArray | None], stride: int,
                 weights: FloatArray | None = None) -> None:
        """LABEL_CODES(label code): the binary token codes of one label when spans nest (the
        per-label token measures then code each label on its own), else None. WEIGHTS: AC2's
        weights by token code (None: no AC2)."""
        n_docs = corpus.doc_ids.size
        self.labels = corpus.labels
        size = len(corpus.labels) + 1
        ledger = _Ledger()
        self.coding = _CodingStats(ledger, codes, corpus.token_doc, n_docs, size, pairs,
                                   fleiss=True, ac2_weights=weights)
        self.nested: dict[int, _CodingStats] = {}  # label vs the rest, when spans nest
        for code in range(1, size):
            binary = label_codes(code)
            if binary is not None:
                self.nested[code] = _CodingStats(ledger, binary, corpus.token_doc, n_docs, 2,
                                                 pairs, fleiss=True)
        self.spans = _SpanStats(ledger, corpus, pairs, size, stride)
        self.unitizing = _UnitizingStats(ledger, study, np.asarray(corpus.present.all(axis=0)))
        self.n_docs = n_docs

    def values(self, w: FloatArray) -> dict[tuple[str | None, str], FloatArray]:
        """(label or None, figure) -> the figure on each row of weights W."""
        fleiss, ac1 = self.coding.fleiss_and_ac1(w)
        alpha_u, alpha_u_by_category = self.unitizing.alpha(w)
        found: dict[tuple[str | None, str], FloatArray] = {
            (None, "krippendorff_alpha"): self.coding.alpha(w), (None, "alpha_u"): alpha_u,
            (None, "fleiss_kappa"): fleiss, (None, "gwet_ac1"): ac1,
            (None, "cohen_kappa"): self.coding.cohen(w),
            (None, "span_f1_exact"): self.spans.f1(w, False),
            (None, "span_f1_lenient"): self.spans.f1(w, True)}
        if self.coding.weights is not None:
            found[(None, "gwet_ac2")] = self.coding.ac2(w)
        for k, label in enumerate(self.labels):
            code = k + 1
            if code in self.nested:
                alpha, kappa = self.nested[code].alpha(w), self.nested[code].cohen(w)
                ac1 = self.nested[code].label_ac1(w, 1)
            else:
                alpha, kappa = self.coding.alpha(w, code), self.coding.cohen(w, code)
                ac1 = self.coding.label_ac1(w, code)
            found[(label, "gwet_ac1")] = ac1
            found[(label, "krippendorff_alpha")] = alpha
            found[(label, "alpha_u")] = alpha_u_by_category[:, k]
            found[(label, "cohen_kappa")] = kappa
            found[(label, "span_f1_exact")] = self.spans.f1(w, False, code)
            found[(label, "span_f1_lenient")] = self.spans.f1(w, True, code)
        return found

    def intervals(self, resamples: int, seed: int, level: float = LEVEL) -> BootstrapIntervals:
        rng = np.random.default_rng(seed)
        collected: dict[tuple[str | None, str], list[FloatArray]] = {}
        batch = max(1, BATCH_WEIGHTS // max(self.n_docs, 1))
        for first in range(0, resamples, batch):
            w = resample_weights(rng, min(batch, resamples - first), self.n_docs)
            for key, values in self.values(w).items():
                collected.setdefault(key, []).append(values)
        merged = {key: np.concatenate(parts) for key, parts in collected.items()}
        return BootstrapIntervals(
            resamples, seed, level,
            overall={m: percentile_interval(merged[(None, m)], level) for m in OVERALL
                     if (None, m) in merged},
            per_label={label: {m: percentile_interval(merged[(label, m)], level)
                               for m in PER_LABEL} for label in self.labels})
