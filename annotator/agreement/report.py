"""The agreement report: what `compute_agreement` returns, as JSON-able dicts and flat CSV rows.

`AgreementReport.to_dict()` -- schema "annotator.agreement/1" (keys are stable; a value that
cannot be computed is null and its figure says why in "reason"):

    schema        str    "annotator.agreement/1"
    annotators    [str]  annotators compared, in report order
    labels        [str]  entity labels compared; token measures add the category "O"
    filters       {"annotators": [str] | null, "labels": [str] | null}   as asked
    corpus        {"documents": int, "tokens": int, "characters": int,
                   "documents_by_coders": {"<number of annotators who finished>": int}}
    annotator_summaries  {name: {"documents": int finished, "spans": int compared,
                   "labelled_tokens": int (not "O"), "misaligned_spans": int,
                   "partially_covered_tokens": int, "spans_without_tokens": int,
                   "duplicate_spans": int, "overlapping_spans": int,
                   "merged_for_alpha_u": int, "spans_outside_label_filter": int}}
    overall       {name: FIGURE} for "krippendorff_alpha" (tokens, nominal, missing data),
                   "fleiss_kappa" (tokens coded by all; with two annotators it is Scott's
                   pi), "gwet_ac1" (Gwet's AC1, nominal, the same units as Fleiss' kappa;
                   q = outside plus every label in `labels`), "alpha_u" (characters, documents
                   finished by all), "cohen_kappa", "span_f1_exact", "span_f1_lenient",
                   "span_macro_f1_exact", "span_macro_f1_lenient" (these five: means over
                   annotator pairs, unit "annotator pair"); with weights asked for,
                   "gwet_ac2" (Gwet's AC2, weighted, the units of Fleiss' kappa; `weighted.py`)
    pairs         [PAIR]
    matrices      {"annotators": [str], "cohen_kappa" | "span_f1_exact" | "span_f1_lenient" |
                   "alpha_u": [[float | null]]}   symmetric, diagonal null
    per_label     {label: {"krippendorff_alpha": FIGURE (tokens, label vs everything else),
                   "alpha_u": FIGURE (characters), "span_f1_exact": FIGURE,
                   "span_f1_lenient": FIGURE (means over pairs), "cohen_kappa": FIGURE
                   (tokens, label vs everything else, mean over pairs), "gwet_ac1": FIGURE
                   (tokens coded by all, label vs everything else, q = 2: on two
                   categories every AC2 weighting is the identity, so this is AC2 too),
                   "spans": {annotator: int}, "tokens": {annotator: int}}}
    per_document  [{"doc_id": int, "length": int, "tokens": int, "coders": [str],
                   "missing": [str], "krippendorff_alpha": float | null,
                   "alpha_u": float | null, "observed_agreement": float | null,
                   "span_f1_exact": float | null, "span_f1_lenient": float | null,
                   "reason": str | null}]   (F1 values: means over the pairs of coders)
    confusion     {"categories": ["O", *labels], "matrix": [[int]]}  token counts summed over
                   ordered annotator pairs (symmetric): cell [x][y] = tokens one annotator
                   labelled x and another y, over documents both finished
    bootstrap     null, or {"resamples": int, "seed": int, "level": 0.95, "unit": "document",
                   "method": "percentile", "overall": {name: INTERVAL} for krippendorff_alpha,
                   alpha_u, fleiss_kappa, gwet_ac1, gwet_ac2 (with weights), cohen_kappa,
                   span_f1_exact,
                   span_f1_lenient, "per_label": {label: {name: INTERVAL}} for
                   krippendorff_alpha, alpha_u, cohen_kappa, gwet_ac1, span_f1_exact,
                   span_f1_lenient}
                   INTERVAL = {"low": float | null, "high": float | null, "resamples": int
                   on which the figure has a value}   (`bootstrap.py`)
    gamma         {"overall": float | null, "gamma_cat": float | null,
                   "per_label": {label: float | null}, "samples": int, "precision": float |
                   null (standard error of the expected disorder), "seed": int,
                   "sample_units": int, "alpha": float, "beta": float, "delta_empty": float,
                   "documents": int (finished by all), "units": int (spans), "unitary_alignments":
                   int, "components": int, "largest_component": int, "observed_disorder",
                   "expected_disorder": float | null, "reason": str | null} | null (not asked)
                   Mathet et al. 2015 gamma on the spans (SCHEMA.md, "Gamma"); the same values
                   are the FIGUREs overall."gamma", overall."gamma_cat" and per_label.*."gamma"
    weights       {"kind": "identity" | "linear" | "quadratic" | "ordinal", "scale": ["O",
                   *labels in scale order]} | null (no AC2 asked for)   Gwet (2014) ch. 3

    FIGURE = {"value": float | null, "unit": "token" | "character" | "span" |
              "annotator pair", "used": int units that went in, "left_out": {reason: int},
              "reason": str | null (why value is null), "details": {str: number | null}}
    PAIR = {"first": str, "second": str, "documents": int both finished,
            "cohen_kappa": FIGURE, "observed_agreement": float | null (share of tokens
            labelled alike), "alpha_u": FIGURE, "span_f1_exact": SPANS,
            "span_f1_lenient": SPANS, "confusion": [[int]] (rows: first annotator)}
    SPANS = {"micro": SCORES, "macro_f1": float | null, "macro_labels": int,
             "per_label": {label: SCORES}, "used": int spans, "left_out": {reason: int}}
    SCORES = {"precision": float | null, "recall": float | null, "f1": float | null,
              "first_spans": int, "second_spans": int, "matched_first": int,
              "matched_second": int}     (the first annotator is the reference)

Reasons for units left out: "missing_annotator" (a document an annotator did not finish),
"fewer_than_two_coders" (a unit only one annotator coded), "no_coder". Reasons for a null
value: "no_units", "no_variation" (expected disagreement is zero), "no_spans".

`to_csv_rows()` flattens the same content into rows with the columns `CSV_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.agreement.bootstrap import BootstrapIntervals
from annotator.agreement.weighted import Weighting

SCHEMA = "annotator.agreement/1"
CSV_COLUMNS = (
    "section", "measure", "annotator", "other_annotator", "label", "other_label", "doc_id",
    "value", "unit", "used", "left_out", "reason",
)
CsvRow = dict[str, str | int | float | None]


@dataclass(frozen=True)
class Figure:
    """One coefficient, the units it used, the units it left out (by reason)."""

    value: float | None
    unit: str
    used: int
    left_out: Mapping[str, int] = field(default_factory=dict)
    reason: str | None = None
    details: Mapping[str, float | int | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "used": self.used,
                "left_out": dict(self.left_out), "reason": self.reason, "details": dict(self.details)}


@dataclass(frozen=True)
class SpanScores:
    precision: float | None
    recall: float | None
    f1: float | None
    first_spans: int
    second_spans: int
    matched_first: int
    matched_second: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class SpanAgreement:
    """Span F1 of one annotator pair in one matching mode (exact or lenient)."""

    micro: SpanScores
    macro_f1: float | None  # mean F1 over labels either annotator used
    macro_labels: int
    per_label: Mapping[str, SpanScores]
    used: int
    left_out: Mapping[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"micro": self.micro.to_dict(), "macro_f1": self.macro_f1,
                "macro_labels": self.macro_labels,
                "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
                "used": self.used, "left_out": dict(self.left_out)}


@dataclass(frozen=True)
class PairAgreement:
    first: str
    second: str
    documents: int
    cohen_kappa: Figure
    observed_agreement: float | None
    alpha_u: Figure
    exact: SpanAgreement
    lenient: SpanAgreement
    confusion: tuple[tuple[int, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"first": self.first, "second": self.second, "documents": self.documents,
                "cohen_kappa": self.cohen_kappa.to_dict(),
                "observed_agreement": self.observed_agreement,
                "alpha_u": self.alpha_u.to_dict(), "span_f1_exact": self.exact.to_dict(),
                "span_f1_lenient": self.lenient.to_dict(),
                "confusion": [list(row) for row in self.confusion]}


@dataclass(frozen=True)
class LabelAgreement:
    label: str
    krippendorff_alpha: Figure
    alpha_u: Figure
    exact_f1: Figure
    lenient_f1: Figure
    spans: Mapping[str, int]
    tokens: Mapping[str, int]
    cohen_kappa: Figure  # tokens, this label against everything else; mean over pairs
    gwet_ac1: Figure | None = None  # tokens coded by all, this label against everything else

    def to_dict(self) -> dict[str, Any]:
        return {"krippendorff_alpha": self.krippendorff_alpha.to_dict(),
                "gwet_ac1": None if self.gwet_ac1 is None else self.gwet_ac1.to_dict(),
                "alpha_u": self.alpha_u.to_dict(), "span_f1_exact": self.exact_f1.to_dict(),
                "span_f1_lenient": self.lenient_f1.to_dict(),
                "cohen_kappa": self.cohen_kappa.to_dict(),
                "spans": dict(self.spans),
                "tokens": dict(self.tokens)}


@dataclass(frozen=True)
class DocumentAgreement:
    doc_id: int
    length: int
    tokens: int
    coders: tuple[str, ...]
    missing: tuple[str, ...]
    krippendorff_alpha: float | None
    alpha_u: float | None
    observed_agreement: float | None
    exact_f1: float | None
    lenient_f1: float | None
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "length": self.length, "tokens": self.tokens,
                "coders": list(self.coders), "missing": list(self.missing),
                "krippendorff_alpha": self.krippendorff_alpha, "alpha_u": self.alpha_u,
                "observed_agreement": self.observed_agreement,
                "span_f1_exact": self.exact_f1, "span_f1_lenient": self.lenient_f1,
                "reason": self.reason}


@dataclass(frozen=True)
class AnnotatorSummary:
    documents: int
    spans: int
    labelled_tokens: int
    misaligned_spans: int
    partially_covered_tokens: int
    spans_without_tokens: int
    duplicate_spans: int
    overlapping_spans: int
    merged_for_alpha_u: int
    spans_outside_label_filter: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class GammaAgreement:
    """Gamma (Mathet et al. 2015) of the spans of the documents every annotator finished."""

    overall: Figure
    gamma_cat: Figure
    per_label: Mapping[str, Figure]
    samples: int
    precision: float | None  # standard error of the expected disorder
    seed: int
    sample_units: int
    alpha: float
    beta: float
    delta_empty: float
    documents: int
    unitary_alignments: int
    components: int
    largest_component: int

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.value, "gamma_cat": self.gamma_cat.value,
                "per_label": {k: v.value for k, v in self.per_label.items()},
                "samples": self.samples, "precision": self.precision, "seed": self.seed,
                "sample_units": self.sample_units, "alpha": self.alpha, "beta": self.beta,
                "delta_empty": self.delta_empty, "documents": self.documents,
                "units": self.overall.used, "unitary_alignments": self.unitary_alignments,
                "components": self.components, "largest_component": self.largest_component,
                "observed_disorder": self.overall.details.get("observed_disorder"),
                "expected_disorder": self.overall.details.get("expected_disorder"),
                "reason": self.overall.reason}


@dataclass(frozen=True)
class AgreementReport:
    """Every agreement figure of a set of documents; see the module docstring for the schema."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    filters: Mapping[str, tuple[str, ...] | None]
    corpus: Mapping[str, Any]
    annotator_summaries: Mapping[str, AnnotatorSummary]
    overall: Mapping[str, Figure]
    pairs: tuple[PairAgreement, ...]
    per_label: Mapping[str, LabelAgreement]
    per_document: tuple[DocumentAgreement, ...]
    confusion: tuple[tuple[int, ...], ...]
    bootstrap: BootstrapIntervals | None = None  # 95% intervals, when asked for
    gamma: GammaAgreement | None = None  # None when not asked for (--no-gamma)
    weights: Weighting | None = None  # AC2's weights and scale; None: no AC2 asked for

    def pair(self, first: str, second: str) -> PairAgreement:
        """The pair (first, second) as computed (the report holds each pair once)."""
        for p in self.pairs:
            if (p.first, p.second) in ((first, second), (second, first)):
                return p
        raise KeyError((first, second))

    def matrix(self, measure: str) -> list[list[float | None]]:
        """annotator x annotator values of "cohen_kappa", "span_f1_exact", "span_f1_lenient"
        or "alpha_u" (symmetric; the diagonal is None)."""
        index = {name: i for i, name in enumerate(self.annotators)}
        grid: list[list[float | None]] = [[None] * len(index) for _ in index]
        for p in self.pairs:
            value = _pair_value(p, measure)
            grid[index[p.first]][index[p.second]] = value
            grid[index[p.second]][index[p.first]] = value
        return grid

    def to_dict(self) -> dict[str, Any]:
        measures = ("cohen_kappa", "span_f1_exact", "span_f1_lenient", "alpha_u")
        return {
            "schema": SCHEMA,
            "annotators": list(self.annotators),
            "labels": list(self.labels),
            "filters": {k: None if v is None else list(v) for k, v in self.filters.items()},
            "corpus": dict(self.corpus),
            "annotator_summaries": {k: v.to_dict() for k, v in self.annotator_summaries.items()},
            "overall": {k: v.to_dict() for k, v in self.overall.items()},
            "pairs": [p.to_dict() for p in self.pairs],
            "matrices": {"annotators": list(self.annotators),
                         **{m: self.matrix(m) for m in measures}},
            "per_label": {k: self._label_dict(k, v) for k, v in self.per_label.items()},
            "per_document": [d.to_dict() for d in self.per_document],
            "confusion": {"categories": ["O", *self.labels],
                          "matrix": [list(row) for row in self.confusion]},
            "bootstrap": None if self.bootstrap is None else self.bootstrap.to_dict(),
            "gamma": None if self.gamma is None else self.gamma.to_dict(),
            "weights": None if self.weights is None else self.weights.to_dict(),
        }

    def _label_dict(self, label: str, agreement: LabelAgreement) -> dict[str, Any]:
        out = agreement.to_dict()
        if self.gamma is not None and label in self.gamma.per_label:
            out["gamma"] = self.gamma.per_label[label].to_dict()
        return out

    def to_csv_rows(self) -> list[CsvRow]:
        """One row per figure, columns `CSV_COLUMNS`; ready for csv.DictWriter."""
        from annotator.agreement.csv_rows import report_rows

        return report_rows(self)


def _pair_value(p: PairAgreement, measure: str) -> float | None:
    if measure == "cohen_kappa":
        return p.cohen_kappa.value
    if measure == "alpha_u":
        return p.alpha_u.value
    if measure == "span_f1_exact":
        return p.exact.micro.f1
    if measure == "span_f1_lenient":
        return p.lenient.micro.f1
    raise KeyError(measure)
