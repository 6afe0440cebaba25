"""`compute_agreement`: every agreement measure of a set of documents, in one report.

Units, per measure:

* token measures (Cohen's kappa per pair, Fleiss' kappa, Krippendorff's alpha nominal, the
  label confusion matrix): every token is a unit, coded "O" or with its entity label by the
  rule in `tokens.py`; a token of a document an annotator did not finish is missing for that
  annotator. Cohen uses the tokens both annotators coded, Fleiss the tokens all coded, alpha
  every token with at least two coders (Krippendorff's prescription for missing data);
* alpha_u: code points of the documents every compared annotator finished (per pair: both);
* span F1: spans, over the documents both annotators of a pair finished.

Nested spans: the overall token measures code a token inside two entities with the outer one
(`tokens.py`); the per-label token measures (alpha and Cohen's kappa of "L against everything
else") then code each label on its own, so a token inside an inner span counts for its label.
Without overlapping spans both readings are the same and the cheaper one is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations
from typing import cast

import numpy as np

from annotator.agreement.bootstrap import BootstrapFigures
from annotator.agreement.coding import (
    Coincidences,
    binary_alpha,
    binary_cohen_kappa,
    cohen_kappa,
    cohen_kappa_from_confusion,
    confusion_matrix,
    fleiss_kappa,
    gwet_ac1,
    gwet_ac1_per_category,
    krippendorff_alpha_nominal,
    nominal_alpha_by_group,
)
from annotator.agreement.gamma_report import GammaOptions, corpus_gamma
from annotator.agreement.report import (
    AgreementReport,
    AnnotatorSummary,
    DocumentAgreement,
    Figure,
    LabelAgreement,
    PairAgreement,
    SpanAgreement,
    SpanScores,
)
from annotator.agreement.spans import MatchCounts, PairMatches, f1_by_row, f1_scores, match_pair
from annotator.agreement.tokens import (
    TokenAlignment,
    binary_label_codes,
    label_all_tokens,
    label_coverage,
)
from annotator.agreement.unitizing import UnitizingStudy, UnitizingTerms
from annotator.agreement.units import (
    AgreementDocument,
    Corpus,
    CorpusColumns,
    FloatArray,
    IntArray,
    prepare_corpus,
)
from annotator.agreement.weighted import Weighting, code_weights, gwet_ac2

PAIR = "annotator pair"


def compute_agreement(
    documents: Iterable[AgreementDocument] | CorpusColumns,
    *,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    bootstrap: int = 0,
    seed: int = 0,
    gamma: GammaOptions | None = None,
    weights: str | None = None,
    scale: Sequence[str] | None = None,
) -> AgreementReport:
    """All agreement measures of `documents` (or the same as `CorpusColumns`), optionally
    restricted to some annotators/labels.

    Spans with labels outside `labels` are left out (their tokens count as "O") and counted.
    With BOOTSTRAP > 0, 95% confidence intervals from that many resamples of the documents
    (seeded by SEED; `bootstrap.py`). Raises AnnotatorError (E501-E505) on bad input; see
    `units.prepare_corpus`. GAMMA sets the gamma computation (`gamma_report.GammaOptions`);
    None (the default here; the app and the command line ask for it) leaves gamma out.
    WEIGHTS (one of `weighted.WEIGHTS`) adds Gwet's AC2 with those weights on the ordered
    scale "O" then SCALE (the labels in order; default: the compared labels' order); E514 for
    unknown weights, E515 for a compared label not on SCALE. None: no AC2.
    """
    corpus = prepare_corpus(documents, annotators, labels)
    filters = {"annotators": None if annotators is None else tuple(annotators),
               "labels": None if labels is None else tuple(labels)}
    weighting = None if weights is None else code_weights(weights, list(corpus.labels), scale)
    computation = _Computation(corpus, weighting)
    report = computation.report(filters, gamma)
    if bootstrap > 0:
        report = replace(report, bootstrap=computation.bootstrap_figures().intervals(bootstrap, seed))
    return report


def _value(x: float) -> float | None:
    return None if np.isnan(x) else float(x)


def _mean_figure(values: Sequence[float | None]) -> Figure:
    """The mean of per-pair values; pairs without a value are left out."""
    defined = [v for v in values if v is not None]
    return Figure(
        value=float(np.mean(defined)) if defined else None, unit=PAIR, used=len(defined),
        left_out={"no_value": len(values) - len(defined)},
        reason=None if defined else "no_units",
    )


def _unitizing_figure(terms: UnitizingTerms, category: int | None, used: int, total: int) -> Figure:
    if category is None:
        value, observed, expected = terms.alpha(0), terms.observed[0].sum(), terms.expected[0].sum()
        units = int(terms.units[0].sum())
    else:
        value = terms.category_alpha(0, category)
        observed, expected = terms.observed[0, category], terms.expected[0, category]
        units = int(terms.units[0, category])
    reason = None if value is not None else ("no_units" if used == 0 or units == 0 else "no_variation")
    return Figure(value, "character", used, {"missing_annotator": total - used}, reason,
                  {"observed_disagreement": float(observed),
                   "expected_disagreement": float(expected), "spans": units})


class _Computation:
    def __init__(self, corpus: Corpus,
                 weighting: tuple[FloatArray, Weighting] | None = None) -> None:
        self.corpus = corpus
        self.weighting = weighting
        self.names = corpus.annotators
        self.n_categories = len(corpus.labels) + 1
        self.codes, self.alignment = label_all_tokens(corpus)
        self.pairs = list(combinations(range(len(self.names)), 2))
        self.stride = corpus.total_length + 1
        self.study = self._unitizing_study()
        self.nested = any(s.overlapping for s in corpus.spans)  # a token can be in two spans
        self._coverage: list[tuple[IntArray, IntArray]] | None = None
        self._label_code_cache: dict[int, IntArray] = {}  # the last label's codes only
        self._label_ac1: tuple[FloatArray, int, int] | None = None
        self.matches = [
            match_pair(corpus.spans[i], corpus.spans[j], corpus.present[i], corpus.present[j],
                       self.n_categories, self.stride)
            for i, j in self.pairs
        ]

    def _unitizing_study(self) -> UnitizingStudy:
        spans = self.corpus.spans
        rater = np.concatenate([np.full(len(s), r, dtype=np.int64) for r, s in enumerate(spans)])
        return UnitizingStudy(
            rater,
            np.concatenate([s.label for s in spans]) - 1,
            np.concatenate([s.start for s in spans]),
            np.concatenate([s.end for s in spans]),
            np.concatenate([s.doc for s in spans]),
            self.corpus.doc_offsets, self.corpus.doc_lengths, self.corpus.present,
            len(self.corpus.labels),
        )

    # ------------------------------------------------------------------------------------------

    def report(self, filters: dict[str, tuple[str, ...] | None],
               gamma_options: GammaOptions | None = None) -> AgreementReport:
        corpus = self.corpus
        alpha, coincidences = krippendorff_alpha_nominal(self.codes, self.n_categories)
        complete = corpus.present.all(axis=0)
        everyone = self.study.terms(np.where(complete, 0, -1), 1)
        used_chars = int(corpus.doc_lengths[complete].sum())
        pairs = [self._pair(p, i, j) for p, (i, j) in enumerate(self.pairs)]
        overall = {
            "krippendorff_alpha": self._alpha_figure(alpha, coincidences),
            "fleiss_kappa": self._fleiss_figure(),
            "gwet_ac1": self._gwet_figure(),
            **({} if self.weighting is None else {"gwet_ac2": self._ac2_figure(self.weighting[0])}),
            "alpha_u": _unitizing_figure(everyone, None, used_chars, corpus.total_length),
            "cohen_kappa": _mean_figure([p.cohen_kappa.value for p in pairs]),
            "span_f1_exact": _mean_figure([p.exact.micro.f1 for p in pairs]),
            "span_f1_lenient": _mean_figure([p.lenient.micro.f1 for p in pairs]),
            "span_macro_f1_exact": _mean_figure([p.exact.macro_f1 for p in pairs]),
            "span_macro_f1_lenient": _mean_figure([p.lenient.macro_f1 for p in pairs]),
        }
        gamma = None if gamma_options is None else corpus_gamma(corpus, gamma_options)
        if gamma is not None:
            overall["gamma"], overall["gamma_cat"] = gamma.overall, gamma.gamma_cat
        per_label = {
            label: LabelAgreement(
                label=label,
                krippendorff_alpha=self._label_alpha_figure(coincidences, k + 1),
                alpha_u=_unitizing_figure(everyone, k, used_chars, corpus.total_length),
                exact_f1=_mean_figure([p.exact.per_label[label].f1 for p in pairs]),
                lenient_f1=_mean_figure([p.lenient.per_label[label].f1 for p in pairs]),
                cohen_kappa=_mean_figure(self._label_kappas(pairs, k + 1)),
                gwet_ac1=self._label_ac1_figure(k + 1),
                spans={n: int((corpus.spans[r].label == k + 1).sum()) for r, n in enumerate(self.names)},
                tokens=self._label_tokens(k + 1),
            )
            for k, label in enumerate(corpus.labels)
        }
        pooled = sum((np.asarray(p.confusion) + np.asarray(p.confusion).T for p in pairs),
                     np.zeros((self.n_categories,) * 2, dtype=np.int64))
        return AgreementReport(
            annotators=self.names,
            labels=corpus.labels,
            filters=filters,
            corpus=self._corpus_summary(),
            annotator_summaries={n: self._summary(r) for r, n in enumerate(self.names)},
            overall=overall,
            pairs=tuple(pairs),
            per_label=per_label,
            per_document=self._documents(),
            confusion=tuple(tuple(int(x) for x in row) for row in pooled),
            gamma=gamma,
            weights=None if self.weighting is None else self.weighting[1],
        )

    def bootstrap_figures(self) -> BootstrapFigures:
        return BootstrapFigures(self.corpus, self.codes, self.study, self.pairs,
                                self._label_codes, self.stride,
                                None if self.weighting is None else self.weighting[0])

    def _alpha_figure(self, value: float | None, coincidences: Coincidences) -> Figure:
        missing = int((self.codes < 0).sum())
        reason = None if value is not None else (
            "no_units" if coincidences.pairable_units == 0 else "no_variation")
        return Figure(
            value, "token", coincidences.pairable_units,
            {"fewer_than_two_coders": coincidences.lone_units, "no_coder": coincidences.empty_units},
            reason,
            {"pairable_values": coincidences.pairable_values, "missing_values": missing},
        )

    def _label_codes(self, label: int) -> IntArray | None:
        """Per-label binary token codes when spans nest (None: the single codes serve)."""
        if not self.nested:
            return None
        if label not in self._label_code_cache:
            if self._coverage is None:
                self._coverage = [label_coverage(self.corpus, r) for r in range(len(self.names))]
            self._label_code_cache = {label: binary_label_codes(self.corpus, self._coverage, label)}
        return self._label_code_cache[label]

    def _label_tokens(self, label: int) -> dict[str, int]:
        """Tokens each annotator labelled LABEL (in any layer when spans nest)."""
        codes = self._label_codes(label)
        rows = self.codes == label if codes is None else codes == 1
        return {n: int(rows[r].sum()) for r, n in enumerate(self.names)}

    def _label_alpha_figure(self, coincidences: Coincidences, label: int) -> Figure:
        codes = self._label_codes(label)
        if codes is None:
            return self._binary_alpha_figure(coincidences.matrix, label, coincidences.pairable_units)
        value, binary = krippendorff_alpha_nominal(codes, 2)
        reason = None if value is not None else (
            "no_units" if binary.pairable_units == 0 else "no_variation")
        return Figure(value, "token", binary.pairable_units,
                      {"fewer_than_two_coders": codes.shape[1] - binary.pairable_units}, reason)

    def _label_kappas(self, pairs: list[PairAgreement], label: int) -> list[float | None]:
        codes = self._label_codes(label)
        if codes is None:
            return [binary_cohen_kappa(np.asarray(p.confusion), label) for p in pairs]
        kappas = []
        for i, j in self.pairs:
            both = (codes[i] >= 0) & (codes[j] >= 0)
            kappas.append(cohen_kappa(codes[i][both], codes[j][both], 2) if both.any() else None)
        return kappas

    def _binary_alpha_figure(self, matrix: FloatArray, category: int, units: int) -> Figure:
        value = binary_alpha(matrix, category)
        total = self.codes.shape[1]
        reason = None if value is not None else ("no_units" if units == 0 else "no_variation")
        return Figure(value, "token", units, {"fewer_than_two_coders": total - units}, reason)

    def _fleiss_figure(self) -> Figure:
        value, used, left = fleiss_kappa(self.codes, self.n_categories)
        reason = None if value is not None else ("no_units" if used == 0 else "no_variation")
        return Figure(value, "token", used, {"missing_annotator": left}, reason,
                      {"raters": len(self.names)})

    def _gwet_figure(self) -> Figure:
        value, used, left = gwet_ac1(self.codes, self.n_categories)
        reason = None if value is not None else "no_units"
        return Figure(value, "token", used, {"missing_annotator": left}, reason,
                      {"raters": len(self.names), "categories": self.n_categories})

    def _ac2_figure(self, weights: FloatArray) -> Figure:
        value, used, left = gwet_ac2(self.codes, weights)
        reason = None if value is not None else ("no_units" if used == 0 else "no_variation")
        return Figure(value, "token", used, {"missing_annotator": left}, reason,
                      {"raters": len(self.names), "categories": self.n_categories})

    def _label_ac1_figure(self, label: int) -> Figure:
        """AC1 of LABEL against everything else, on the tokens every annotator coded."""
        codes = self._label_codes(label)
        if codes is None:  # one pass for every label
            if self._label_ac1 is None:
                self._label_ac1 = gwet_ac1_per_category(self.codes, self.n_categories)
            values, used, left = self._label_ac1
            value = _value(values[label])
        else:
            value, used, left = gwet_ac1(codes, 2)
        return Figure(value, "token", used, {"missing_annotator": left},
                      None if value is not None else "no_units", {"raters": len(self.names)})

    def _pair(self, p: int, i: int, j: int) -> PairAgreement:
        corpus = self.corpus
        confusion = confusion_matrix(self.codes[i], self.codes[j], self.n_categories)
        used = int(confusion.sum())
        kappa = cohen_kappa_from_confusion(confusion)
        reason = None if kappa is not None else ("no_units" if used == 0 else "no_variation")
        both = corpus.present[i] & corpus.present[j]
        terms = self.study.terms(np.where(both, 0, -1), 1, raters=(i, j))
        chars = int(corpus.doc_lengths[both].sum())
        matches = self.matches[p]
        return PairAgreement(
            first=self.names[i],
            second=self.names[j],
            documents=int(both.sum()),
            cohen_kappa=Figure(kappa, "token", used,
                               {"missing_annotator": self.codes.shape[1] - used}, reason),
            observed_agreement=float(np.trace(confusion)) / used if used else None,
            alpha_u=_unitizing_figure(terms, None, chars, corpus.total_length),
            exact=self._span_agreement(matches, matches.exact_by_label),
            lenient=self._span_agreement(matches, matches.lenient_by_label),
            confusion=tuple(tuple(int(x) for x in row) for row in confusion),
        )

    def _span_agreement(self, matches: PairMatches, counts: MatchCounts) -> SpanAgreement:
        def scores(first: int, second: int, matched_first: int, matched_second: int) -> SpanScores:
            precision, recall, f1 = f1_scores(first, second, matched_first, matched_second)
            return SpanScores(precision, recall, f1, first, second, matched_first, matched_second)

        per_label = {
            label: scores(int(counts.first[k + 1]), int(counts.second[k + 1]),
                          int(counts.matched_first[k + 1]), int(counts.matched_second[k + 1]))
            for k, label in enumerate(self.corpus.labels)
        }
        label_f1 = [s.f1 for s in per_label.values() if s.f1 is not None]
        micro = scores(*counts.total())
        return SpanAgreement(
            micro=micro,
            macro_f1=float(np.mean(label_f1)) if label_f1 else None,
            macro_labels=len(label_f1),
            per_label=per_label,
            used=micro.first_spans + micro.second_spans,
            left_out={"missing_annotator": matches.left_out},
        )

    def _documents(self) -> tuple[DocumentAgreement, ...]:
        corpus = self.corpus
        n_docs = corpus.doc_ids.size
        coders = corpus.present.sum(axis=0)
        groups = np.where(coders >= 2, np.arange(n_docs), -1)
        alpha_u = self.study.terms(groups, n_docs).alphas()
        token_alpha, _ = nominal_alpha_by_group(self.codes, corpus.token_doc, n_docs, self.n_categories)
        agree, compared = np.zeros(n_docs), np.zeros(n_docs)
        for i, j in self.pairs:
            both = (self.codes[i] >= 0) & (self.codes[j] >= 0)
            compared += np.bincount(corpus.token_doc[both], minlength=n_docs)
            same = both & (self.codes[i] == self.codes[j])
            agree += np.bincount(corpus.token_doc[same], minlength=n_docs)
        observed = np.divide(agree, compared, out=np.full(n_docs, np.nan), where=compared > 0)
        exact = _mean_rows([f1_by_row(m.exact_by_doc) for m in self.matches], n_docs)
        lenient = _mean_rows([f1_by_row(m.lenient_by_doc) for m in self.matches], n_docs)
        result = []
        present_by_doc = corpus.present.T.tolist()
        for d in range(n_docs):
            present = present_by_doc[d]
            result.append(DocumentAgreement(
                doc_id=int(corpus.doc_ids[d]),
                length=int(corpus.doc_lengths[d]),
                tokens=int(corpus.doc_token_counts[d]),
                coders=tuple(n for n, p in zip(self.names, present, strict=True) if p),
                missing=tuple(n for n, p in zip(self.names, present, strict=True) if not p),
                krippendorff_alpha=_value(token_alpha[d]),
                alpha_u=_value(alpha_u[d]),
                observed_agreement=_value(observed[d]),
                exact_f1=_value(exact[d]),
                lenient_f1=_value(lenient[d]),
                reason="fewer_than_two_coders" if coders[d] < 2 else None,
            ))
        return tuple(result)

    def _summary(self, r: int) -> AnnotatorSummary:
        spans = self.corpus.spans[r]
        alignment: TokenAlignment = self.alignment[r]
        return AnnotatorSummary(
            documents=int(self.corpus.present[r].sum()),
            spans=len(spans),
            labelled_tokens=int((self.codes[r] > 0).sum()),
            misaligned_spans=alignment.misaligned_spans,
            partially_covered_tokens=alignment.partially_covered_tokens,
            spans_without_tokens=alignment.spans_without_tokens,
            duplicate_spans=spans.duplicates,
            overlapping_spans=spans.overlapping,
            merged_for_alpha_u=len(spans) - int((self.study.rater == r).sum()),
            spans_outside_label_filter=spans.outside_label_filter,
        )

    def _corpus_summary(self) -> dict[str, object]:
        coders = np.bincount(self.corpus.present.sum(axis=0), minlength=len(self.names) + 1)
        return {
            "documents": int(self.corpus.doc_ids.size),
            "tokens": int(self.corpus.token_start.size),
            "characters": self.corpus.total_length,
            "documents_by_coders": {str(k): int(n) for k, n in enumerate(coders)},
        }


def _mean_rows(rows: list[FloatArray], size: int) -> FloatArray:
    """Mean over pairs of per-document values, ignoring NaN (NaN where no pair has a value)."""
    if not rows:
        return np.full(size, np.nan)
    stacked = np.vstack(rows)
    counted = (~np.isnan(stacked)).sum(axis=0)
    total = np.nansum(stacked, axis=0)
    return cast(FloatArray, np.divide(total, counted, out=np.full(size, np.nan),
                                      where=counted > 0))

