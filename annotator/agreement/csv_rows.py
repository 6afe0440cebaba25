"""Flatten an `AgreementReport` into CSV rows (one figure per row).

Columns (`report.CSV_COLUMNS`): section ("overall", "annotator", "pair", "pair_label",
"pair_confusion", "label", "document", "confusion", "interval": the bootstrap's bounds,
measure "<figure>_low" / "<figure>_high", used = resamples with a value), measure, annotator, other_annotator,
label, other_label, doc_id, value, unit, used, left_out ("reason=count;..."), reason.
Cells that do not apply are empty (None).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from annotator.agreement.presentation import interval_rows
from annotator.agreement.report import CSV_COLUMNS, CsvRow, Figure, SpanAgreement

if TYPE_CHECKING:
    from annotator.agreement.report import AgreementReport


def _left_out(counts: Mapping[str, int]) -> str:
    return ";".join(f"{reason}={count}" for reason, count in counts.items())


class _Rows:
    def __init__(self) -> None:
        self.rows: list[CsvRow] = []

    def add(self, section: str, measure: str, value: float | int | None, **cells: object) -> None:
        row: CsvRow = dict.fromkeys(CSV_COLUMNS)
        row.update({"section": section, "measure": measure, "value": value})
        for key, cell in cells.items():
            row[key] = cell  # type: ignore[assignment]
        self.rows.append(row)

    def figure(self, section: str, measure: str, figure: Figure, **cells: object) -> None:
        self.add(section, measure, figure.value, unit=figure.unit, used=figure.used,
                 left_out=_left_out(figure.left_out), reason=figure.reason, **cells)

    def spans(self, mode: str, spans: SpanAgreement, **cells: object) -> None:
        left_out = _left_out(spans.left_out)
        for name in ("precision", "recall", "f1"):
            self.add("pair", f"span_{name}_{mode}", getattr(spans.micro, name), unit="span",
                     used=spans.used, left_out=left_out, **cells)
        self.add("pair", f"span_macro_f1_{mode}", spans.macro_f1, unit="label",
                 used=spans.macro_labels, **cells)
        for label, scores in spans.per_label.items():
            for name in ("precision", "recall", "f1"):
                self.add("pair_label", f"span_{name}_{mode}", getattr(scores, name), unit="span",
                         used=scores.first_spans + scores.second_spans, label=label, **cells)


def report_rows(report: AgreementReport) -> list[CsvRow]:
    out = _Rows()
    for name, figure in report.overall.items():
        out.figure("overall", name, figure)
    for annotator, summary in report.annotator_summaries.items():
        for name, count in summary.to_dict().items():
            out.add("annotator", name, count, annotator=annotator)
    categories = ("O", *report.labels)
    for p in report.pairs:
        who = {"annotator": p.first, "other_annotator": p.second}
        out.figure("pair", "cohen_kappa", p.cohen_kappa, **who)
        out.add("pair", "observed_agreement", p.observed_agreement, unit="token",
                used=p.cohen_kappa.used, **who)
        out.figure("pair", "alpha_u", p.alpha_u, **who)
        out.spans("exact", p.exact, **who)
        out.spans("lenient", p.lenient, **who)
        for x, row in enumerate(p.confusion):
            for y, count in enumerate(row):
                out.add("pair_confusion", "tokens", count, unit="token", label=categories[x],
                        other_label=categories[y], **who)
    for label, detail in report.per_label.items():
        out.figure("label", "krippendorff_alpha", detail.krippendorff_alpha, label=label)
        out.figure("label", "alpha_u", detail.alpha_u, label=label)
        out.figure("label", "span_f1_exact", detail.exact_f1, label=label)
        out.figure("label", "span_f1_lenient", detail.lenient_f1, label=label)
        out.figure("label", "cohen_kappa", detail.cohen_kappa, label=label)
        if report.gamma is not None and label in report.gamma.per_label:
            out.figure("label", "gamma", report.gamma.per_label[label], label=label)
        for annotator, count in detail.spans.items():
            out.add("label", "spans", count, unit="span", label=label, annotator=annotator)
        for annotator, count in detail.tokens.items():
            out.add("label", "tokens", count, unit="token", label=label, annotator=annotator)
    for doc in report.per_document:
        for name, value, unit in (
            ("krippendorff_alpha", doc.krippendorff_alpha, "token"),
            ("alpha_u", doc.alpha_u, "character"),
            ("observed_agreement", doc.observed_agreement, "token"),
            ("span_f1_exact", doc.exact_f1, "span"),
            ("span_f1_lenient", doc.lenient_f1, "span"),
        ):
            out.add("document", name, value, unit=unit, doc_id=doc.doc_id,
                    used=doc.length if unit == "character" else doc.tokens,
                    reason=doc.reason)
    for x, row in enumerate(report.confusion):
        for y, count in enumerate(row):
            out.add("confusion", "tokens", count, unit="token", label=categories[x],
                    other_label=categories[y])
    for r in interval_rows(report):  # bootstrap: used = resamples with a value
        for bound, value in (("low", r.low), ("high", r.high)):
            out.add("interval", f"{r.measure}_{bound}", value, unit="document",
                    used=r.resamples, label=r.label)
    return out.rows
