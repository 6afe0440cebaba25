"""Rows for the agreement view's tables, from an `AgreementReport` (no Qt here).

Every number shown is a value of the report (the per-label Cohen's kappa too: the mean over
annotator pairs of each pair's kappa of "this label" against everything else, on tokens).
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.app.agreement import AgreementReport, Figure, PairAgreement
from annotator.ui.agreement.table_models import Value

MEASURE_KEYS = ("cohen_kappa", "span_f1_exact", "span_f1_lenient", "alpha_u")
# the documents table's column that matches each pairwise measure (token measures: alpha)
DOCUMENT_COLUMN = {"cohen_kappa": 5, "span_f1_exact": 3, "span_f1_lenient": 4, "alpha_u": 6}


def figure_tooltip(figure: Figure) -> str:
    parts = [f"{figure.used:,} {figure.unit}(s) used"]
    parts += [f"{n:,} left out: {why.replace('_', ' ')}" for why, n in figure.left_out.items() if n]
    if figure.reason:
        parts.append(f"no value: {figure.reason.replace('_', ' ')}")
    return "\n".join(parts)


def label_rows(report: AgreementReport) -> tuple[list[list[Value]], list[list[str | None]]]:
    """Label, F1 exact, F1 lenient, Cohen's kappa, alpha, alpha_u, spans, tokens used, left
    out, gamma-k (None without gamma)."""
    rows: list[list[Value]] = []
    tips: list[list[str | None]] = []
    for label, found in report.per_label.items():
        alpha = found.krippendorff_alpha
        gamma = None if report.gamma is None else report.gamma.per_label.get(label)
        rows.append([label, found.exact_f1.value, found.lenient_f1.value,
                     found.cohen_kappa.value, alpha.value, found.alpha_u.value,
                     sum(found.spans.values()), alpha.used, sum(alpha.left_out.values()),
                     None if gamma is None else gamma.value])
        spans = ", ".join(f"{name}: {n}" for name, n in found.spans.items())
        ci = _label_intervals(report, label)
        tips.append([None, figure_tooltip(found.exact_f1) + ci("span_f1_exact"),
                     figure_tooltip(found.lenient_f1) + ci("span_f1_lenient"),
                     figure_tooltip(found.cohen_kappa) + ci("cohen_kappa"),
                     figure_tooltip(alpha) + ci("krippendorff_alpha"),
                     figure_tooltip(found.alpha_u) + ci("alpha_u"), spans, figure_tooltip(alpha),
                     figure_tooltip(alpha), None if gamma is None else figure_tooltip(gamma)])
    return rows, tips


def _label_intervals(report: AgreementReport, label: str) -> Callable[[str], str]:
    """measure -> "\n95% interval [low, high]" of LABEL's figure ("" without a bootstrap)."""
    found = report.bootstrap.per_label.get(label, {}) if report.bootstrap else {}

    def line(measure: str) -> str:
        i = found.get(measure)
        if i is None or i.low is None or i.high is None:
            return ""
        return f"\n95% interval [{i.low:.3f}, {i.high:.3f}] ({i.resamples} resamples)"

    return line


def document_rows(report: AgreementReport, titles: dict[int, str]) -> list[list[Value]]:
    """Title, annotators, missing, F1 exact, F1 lenient, alpha, alpha_u, tokens labelled alike."""
    return [[titles.get(d.doc_id, f"#{d.doc_id}"), ", ".join(d.coders), ", ".join(d.missing),
             d.exact_f1, d.lenient_f1, d.krippendorff_alpha, d.alpha_u, d.observed_agreement]
            for d in report.per_document]


def pair_tooltip(pair: PairAgreement) -> str:
    def show(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    return (f"{pair.first} × {pair.second}: {pair.documents} document(s) both finished\n"
            f"Cohen's κ {show(pair.cohen_kappa.value)} · α_u {show(pair.alpha_u.value)}\n"
            f"F1 exact {show(pair.exact.micro.f1)} · lenient {show(pair.lenient.micro.f1)}")
