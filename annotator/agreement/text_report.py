"""An agreement report as a plain-text table for a terminal (`annotator agreement`).

Text is kept as stored (logical order) unless SHAPE is true: then every cell holding Arabic
is shaped and reordered for terminals that do neither (`presentation.shape_for_terminal`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from annotator.agreement.presentation import (
    OVERALL_MEASURES,
    documents_by_agreement,
    fmt,
    gamma_note,
    interval_heading,
    interval_rows,
    label_gamma,
    shape_for_terminal,
    weights_note,
)
from annotator.agreement.report import AgreementReport, Figure

TITLE_WIDTH = 40


def _left_out(figure: Figure) -> str:
    parts = [f"{reason.replace('_', ' ')} {n:,}" for reason, n in figure.left_out.items() if n]
    text = f"{figure.used:,} {figure.unit}(s)" + (f"; left out: {', '.join(parts)}" if parts else "")
    return text + (f" ({figure.reason.replace('_', ' ')})" if figure.reason else "")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> list[str]:
    """Columns padded to their widest cell; ALIGN has one letter per column: l or r."""
    cells = [list(header), *[list(row) for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [c.rjust(w) if a == "r" else c.ljust(w)
                 for c, w, a in zip(row, widths, align, strict=True)]
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def format_report(report: AgreementReport, *, shape: bool = False,
                  titles: Mapping[int, str] | None = None, worst: int = 10) -> str:
    """REPORT as readable text: overall figures, pairs, labels, the WORST documents."""
    show: Callable[[str], str] = shape_for_terminal if shape else str
    corpus = report.corpus
    by_coders = ", ".join(f"{k} annotator(s): {v:,}"
                          for k, v in corpus["documents_by_coders"].items() if v)
    lines = [
        f"Agreement between {show(', '.join(report.annotators))} "
        f"({len(report.annotators)} annotators); labels: {show(', '.join(report.labels)) or '-'}",
        f"Documents {corpus['documents']:,} (finished by {by_coders or 'nobody'}); "
        f"tokens {corpus['tokens']:,}; characters {corpus['characters']:,}",
        "", "Overall",
    ]
    overall = [(OVERALL_MEASURES.get(name, name), fmt(figure.value), _left_out(figure))
               for name, figure in report.overall.items()]
    lines += _table(("measure", "value", "units"), overall, "lrl")
    if report.gamma is not None:
        lines.append("  " + gamma_note(report))
    if report.weights is not None:
        lines.append("  " + show(weights_note(report)))
    lines += ["", "Annotator pairs"]
    pairs = [(show(p.first), show(p.second), fmt(p.documents), fmt(p.cohen_kappa.value),
              fmt(p.observed_agreement), fmt(p.exact.micro.f1), fmt(p.lenient.micro.f1),
              fmt(p.alpha_u.value)) for p in report.pairs]
    lines += _table(("first", "second", "documents", "Cohen kappa", "observed", "F1 exact",
                     "F1 lenient", "alpha_u"), pairs, "llrrrrrr")
    lines += ["", "Per label"]
    labels = [(show(label), fmt(a.krippendorff_alpha.value), fmt(a.cohen_kappa.value),
               fmt(a.alpha_u.value), fmt(a.exact_f1.value), fmt(a.lenient_f1.value),
               fmt(sum(a.spans.values())), fmt(label_gamma(report, label)))
              for label, a in report.per_label.items()]
    lines += _table(("label", "alpha", "Cohen kappa", "alpha_u", "F1 exact", "F1 lenient",
                     "spans", "gamma"), labels, "lrrrrrrr")
    intervals = interval_rows(report)
    if intervals:
        lines += ["", interval_heading(report)]
        lines += _table(("label", "measure", "value", "low", "high"), [
            (show(r.label or "(overall)"), r.measure, fmt(r.value), fmt(r.low), fmt(r.high))
            for r in intervals], "llrrr")
    ranked = documents_by_agreement(report)[:worst]
    if ranked:
        lines += ["", f"Least agreement (documents by Krippendorff's alpha, {len(ranked)} of "
                  f"{len(report.per_document):,})"]
        rows = []
        for r in ranked:
            d = r.document
            title = (titles or {}).get(d.doc_id, "")
            title = title if len(title) <= TITLE_WIDTH else title[:TITLE_WIDTH - 1] + "…"
            rows.append((str(d.doc_id), fmt(d.krippendorff_alpha), fmt(d.alpha_u),
                         fmt(d.exact_f1), ", ".join(d.missing) or "-", show(title)))
        lines += _table(("document", "alpha", "alpha_u", "F1 exact", "missing", "title"), rows,
                        "rrrrll")
    return "\n".join(lines)
