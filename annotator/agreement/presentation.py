"""What every view of an agreement report shares: measure names, number formatting, the
documents ranked from least to most agreement, and (by option) Arabic shaped for terminals.

Used by the command line's table (`text_report`), the HTML page (`html_report`) and the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.agreement.report import AgreementReport, DocumentAgreement

OVERALL_MEASURES: dict[str, str] = {
    "krippendorff_alpha": "Krippendorff's alpha (tokens, nominal)",
    "fleiss_kappa": "Fleiss' kappa (tokens)",
    "gwet_ac1": "Gwet's AC1 (tokens, nominal)",
    "gwet_ac2": "Gwet's AC2 (tokens, weighted)",
    "cohen_kappa": "Cohen's kappa (tokens, mean over pairs)",
    "alpha_u": "Unitizing alpha_u (characters)",
    "span_f1_exact": "Span F1, exact (mean over pairs)",
    "span_f1_lenient": "Span F1, lenient (mean over pairs)",
    "span_macro_f1_exact": "Span macro F1, exact",
    "span_macro_f1_lenient": "Span macro F1, lenient",
    "gamma": "Gamma (spans, Mathet et al. 2015)",
    "gamma_cat": "Gamma-cat (spans)",
}
MATRIX_MEASURES: dict[str, str] = {
    "cohen_kappa": "Cohen's kappa",
    "span_f1_exact": "Span F1 (exact)",
    "span_f1_lenient": "Span F1 (lenient)",
    "alpha_u": "alpha_u",
}
DOCUMENT_MEASURES = ("krippendorff_alpha", "alpha_u", "observed_agreement", "span_f1_exact",
                     "span_f1_lenient")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def fmt(value: float | int | None, digits: int = 3) -> str:
    """A figure for people: "-" when it could not be computed."""
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.{digits}f}"


@dataclass(frozen=True)
class RankedDocument:
    document: DocumentAgreement
    value: float | None  # of the ranking measure


def documents_by_agreement(report: AgreementReport, measure: str = "krippendorff_alpha",
                           ) -> list[RankedDocument]:
    """The report's documents from least to most agreement on MEASURE (one of
    DOCUMENT_MEASURES); documents without a value come last, in report order."""
    if measure not in DOCUMENT_MEASURES:
        raise KeyError(measure)
    attribute = {"span_f1_exact": "exact_f1", "span_f1_lenient": "lenient_f1"}.get(measure,
                                                                                   measure)
    ranked = [RankedDocument(d, getattr(d, attribute)) for d in report.per_document]
    return sorted(ranked, key=lambda r: (r.value is None, r.value if r.value is not None else 0))


@dataclass(frozen=True)
class IntervalRow:
    label: str | None  # None: overall
    measure: str  # key in report.overall or per label
    value: float | None  # the report's figure
    low: float | None
    high: float | None
    resamples: int  # resamples on which the figure has a value


def interval_rows(report: AgreementReport) -> list[IntervalRow]:
    """The report's bootstrap intervals next to their figures: overall first, then per label
    (empty when the report was computed without a bootstrap)."""
    intervals = report.bootstrap
    if intervals is None:
        return []
    rows = [IntervalRow(None, name, report.overall[name].value, i.low, i.high, i.resamples)
            for name, i in intervals.overall.items()]
    for label, figures in intervals.per_label.items():
        a = report.per_label[label]
        values = {"krippendorff_alpha": a.krippendorff_alpha, "alpha_u": a.alpha_u,
                  "cohen_kappa": a.cohen_kappa, "span_f1_exact": a.exact_f1,
                  "span_f1_lenient": a.lenient_f1, "gwet_ac1": a.gwet_ac1}
        rows += [IntervalRow(label, name, figure.value, i.low, i.high, i.resamples)
                 for name, i in figures.items() if (figure := values[name]) is not None]
    return rows


def interval_heading(report: AgreementReport) -> str:
    b = report.bootstrap
    return "" if b is None else (f"{b.level:.0%} confidence intervals (bootstrap over documents, "
                                 f"{b.resamples:,} resamples, seed {b.seed})")
def gamma_note(report: AgreementReport) -> str:
    """How gamma was estimated, in one line ("" when the report has no gamma)."""
    g = report.gamma
    if g is None:
        return ""
    return (f"Gamma: expected disorder from {g.samples} sampled continua (seed {g.seed}, at most "
            f"{g.sample_units:,} units per annotator), standard error {fmt(g.precision, 4)}; "
            f"alpha {g.alpha:g}, beta {g.beta:g}, delta_empty {g.delta_empty:g}; "
            f"{g.overall.used:,} spans of {g.documents:,} documents finished by all")


def weights_note(report: AgreementReport) -> str:
    """AC2's weights and scale in one line ("" when the report has no AC2)."""
    w = report.weights
    if w is None:
        return ""
    return (f"Gwet's AC2: {w.kind} weights (Gwet 2014, ch. 3) on the ordered scale "
            f"{' < '.join(w.scale)}")


def label_gamma(report: AgreementReport, label: str) -> float | None:
    """gamma-k of LABEL (None without gamma in the report)."""
    g = report.gamma
    return None if g is None or label not in g.per_label else g.per_label[label].value


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def shape_for_terminal(text: str) -> str:
    """TEXT joined and reordered for a terminal that neither shapes Arabic nor applies the
    bidi algorithm (arabic-reshaper, then python-bidi). Only for display: never store it."""
    if not has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))
