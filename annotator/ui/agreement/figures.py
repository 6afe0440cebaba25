"""Rows for the agreement view's tables, from an `AgreementReport` (no Qt here).

Every number shown is a value of the report (the per-label Cohen's kappa too: the mean over
annotator pairs of each pair's kappa of "this label" against everything else, on tokens).
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.app.agreement import AgreementReport, Figure, PairAgreement
from annotator.ui.agreement.table_models import Value, left_to_right

MEASURE_KEYS = ("cohen_kappa", "span_f1_exact", "span_f1_lenient", "alpha_u")
# the documents table's column that matches each pairwise measure (token measures: alpha)
DOCUMENT_COLUMN = {"cohen_kappa": 5, "span_f1_exact": 3, "span_f1_lenient": 4, "alpha_u": 6}


def figure_tooltip(figure: Figure) -> str:
    parts = [f"{figure.used:,} {figure.unit}(s) used"]
    parts += [f"{n:,} left out: {why.replace('_', ' ')}" for why, n in figure.left_out.items() if n]
    if figure.reason:
        parts.append(f"no value: {figure.reason.replace('_', ' ')}")
    return "\n".join(parts)


# the per-label table's measures, in column order after the label (then gamma-k and counts)
LABEL_MEASURES = ("span_f1_exact", "span_f1_lenient", "cohen_kappa", "krippendorff_alpha",
                  "alpha_u", "gwet_ac1")
LabelTable = tuple[list[list[Value]], list[list[str | None]], list[list[str | None]]]


def label_rows(report: AgreementReport) -> LabelTable:
    """Rows, tooltips and notes (each measure's 95% interval, the line under its value) of
    the per-label table: label, F1 exact, F1 lenient, Cohen's kappa, alpha, alpha_u, AC1
    (label against the rest), gamma-k (None without gamma), spans, tokens used, left out."""
    rows: list[list[Value]] = []
    tips: list[list[str | None]] = []
    notes: list[list[str | None]] = []
    for label, found in report.per_label.items():
        alpha = found.krippendorff_alpha
        gamma = None if report.gamma is None else report.gamma.per_label.get(label)
        figures: list[Figure | None] = [found.exact_f1, found.lenient_f1, found.cohen_kappa,
                                        alpha, found.alpha_u, found.gwet_ac1]
        ci, short = _label_intervals(report, label)
        rows.append([label, *(None if f is None else f.value for f in figures),
                     None if gamma is None else gamma.value,
                     sum(found.spans.values()), alpha.used, sum(alpha.left_out.values())])
        spans = ", ".join(f"{name}: {n}" for name, n in found.spans.items())
        tips.append([None, *(None if f is None else figure_tooltip(f) + ci(m)
                             for f, m in zip(figures, LABEL_MEASURES, strict=True)),
                     None if gamma is None else figure_tooltip(gamma), spans,
                     figure_tooltip(alpha), figure_tooltip(alpha)])
        notes.append([None, *(short(m) for m in LABEL_MEASURES), None, None, None, None])
    return rows, tips, notes


def _label_intervals(report: AgreementReport,
                     label: str) -> tuple[Callable[[str], str], Callable[[str], str | None]]:
    """measure -> "\n95% interval [low, high]" of LABEL's figure ("" without a bootstrap),
    and measure -> "[low, high]" to 2 decimals for the cell (None without one)."""
    found = report.bootstrap.per_label.get(label, {}) if report.bootstrap else {}

    def line(measure: str) -> str:
        i = found.get(measure)
        if i is None or i.low is None or i.high is None:
            return ""
        return f"\n95% interval [{i.low:.3f}, {i.high:.3f}] ({i.resamples} resamples)"

    def short(measure: str) -> str | None:
        i = found.get(measure)
        if i is None or i.low is None or i.high is None:
            return None
        return left_to_right(f"[{i.low:.2f}, {i.high:.2f}]")

    return line, short


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
