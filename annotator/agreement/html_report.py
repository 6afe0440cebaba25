"""An agreement report as one self-contained HTML page: tables and inline SVG figures.

No external asset (no script, stylesheet, font or image link): the page can be mailed or
archived as it is. The page carries `<html lang=... dir=...>`; every piece of corpus text
(titles, labels, annotator names) stays as stored, in an element with dir="auto" (SVG text:
`unicode-bidi: plaintext`), so the browser shapes Arabic and orders mixed text itself.
Text is never reshaped here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from annotator.agreement.presentation import (
    MATRIX_MEASURES,
    OVERALL_MEASURES,
    documents_by_agreement,
    fmt,
    gamma_note,
    interval_heading,
    interval_rows,
    label_gamma,
    weights_note,
)
from annotator.agreement.report import AgreementReport

WORDS: dict[str, dict[str, str]] = {
    "ar": {"Agreement report": "تقرير الاتفاق", "Overall": "الإجمالي", "measure": "المقياس",
           "value": "القيمة", "units used": "الوحدات المستخدمة", "left out": "المستبعد",
           "Annotator pairs": "أزواج المعلّقين", "Per label": "حسب التصنيف",
           "label": "التصنيف", "spans": "المقاطع", "Documents": "الوثائق",
           "Least agreement": "الوثائق الأقل اتفاقاً", "document": "الوثيقة",
           "title": "العنوان", "missing": "لم يُنهِها", "first": "الأول", "second": "الثاني",
           "documents": "الوثائق", "annotators": "المعلّقون", "tokens": "الرموز",
           "characters": "المحارف", "Pairwise matrices": "المصفوفات الزوجية",
           "low": "الحد الأدنى", "high": "الحد الأعلى"},
}
BAR_MEASURES = (("span_f1_exact", "F1 exact", "#0072B2"),
                ("span_f1_lenient", "F1 lenient", "#56B4E9"),
                ("krippendorff_alpha", "alpha", "#009E73"), ("alpha_u", "alpha_u", "#E69F00"))
STYLE = """body{font-family:system-ui,'Noto Sans Arabic','Segoe UI',sans-serif;margin:2em;
color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;
padding:.25em .6em}td.n{text-align:end;font-variant-numeric:tabular-nums}
figure{display:inline-block;margin:0 1.5em 1.5em 0}svg text{font-size:12px}"""


def _interval_heading(report: AgreementReport, lang: str) -> str:
    b = report.bootstrap
    if lang != "ar" or b is None:
        return interval_heading(report)
    return (f"فترات الثقة {b.level:.0%} (إعادة المعاينة بالتمهيد على الوثائق، {b.resamples:,} عينة، "
            f"البذرة {b.seed})")


def _t(lang: str, text: str) -> str:
    return escape(WORDS.get(lang, {}).get(text, text))


def _colour(value: float | None) -> str:
    """White (0 or less) to deep blue (1); grey for no value."""
    if value is None:
        return "#dddddd"
    v = max(0.0, min(1.0, value))
    r, g, b = (round(255 + (c - 255) * v) for c in (0x08, 0x45, 0x94))
    return f"#{r:02x}{g:02x}{b:02x}"


def _svg_text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
            f'style="unicode-bidi:plaintext"{extra}>{escape(text)}</text>')


def heatmap_svg(names: Sequence[str], grid: Sequence[Sequence[float | None]], caption: str) -> str:
    """A square heatmap of an annotator x annotator matrix, values written in the cells."""
    cell, left, top = 46, 110, 100
    size = len(names)
    width, height = left + cell * size + 10, top + cell * size + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img">',
             f"<title>{escape(caption)}</title>"]
    for i, name in enumerate(names):
        y = top + cell * i + cell / 2 + 4
        parts.append(_svg_text(left - 6, y, name, "end"))
        x = left + cell * i + cell / 2
        parts.append(_svg_text(x, top - 6, name, "start", f' transform="rotate(-45 {x:.1f} '
                                                          f'{top - 6})"'))
        for j, value in enumerate(grid[i]):
            cx, cy = left + cell * j, top + cell * i
            parts.append(f'<rect x="{cx}" y="{cy}" width="{cell}" height="{cell}" '
                         f'fill="{_colour(value)}" stroke="#fff"/>')
            ink = "#fff" if value is not None and value > 0.6 else "#222"
            parts.append(f'<text x="{cx + cell / 2}" y="{cy + cell / 2 + 4}" text-anchor="middle"'
                         f' fill="{ink}">{"" if i == j else fmt(value, 2)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def label_bars_svg(report: AgreementReport) -> str:
    """Grouped horizontal bars per label: F1 exact, F1 lenient, alpha and alpha_u (0..1)."""
    labels = list(report.per_label)
    bar, gap, left, scale = 11, 10, 110, 320
    group = bar * len(BAR_MEASURES) + gap
    height = 30 + group * len(labels)
    width = left + scale + 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="bars" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img">',
             "<title>Agreement per label</title>"]
    for k, (_, name, colour) in enumerate(BAR_MEASURES):
        parts.append(f'<rect x="{left + 90 * k}" y="4" width="10" height="10" fill="{colour}"/>')
        parts.append(_svg_text(left + 90 * k + 14, 13, name))
    for i, label in enumerate(labels):
        agreement = report.per_label[label]
        figures = {"span_f1_exact": agreement.exact_f1, "span_f1_lenient": agreement.lenient_f1,
                   "krippendorff_alpha": agreement.krippendorff_alpha,
                   "alpha_u": agreement.alpha_u}
        y0 = 24 + group * i
        parts.append(_svg_text(left - 6, y0 + group / 2, label, "end"))
        for k, (key, _, colour) in enumerate(BAR_MEASURES):
            value = figures[key].value
            length = scale * max(0.0, min(1.0, value or 0.0))
            y = y0 + bar * k
            parts.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar - 2}" '
                         f'fill="{colour}"/>')
            parts.append(f'<text x="{left + length + 4:.1f}" y="{y + bar - 3}">{fmt(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(header: Sequence[str], rows: Sequence[Sequence[tuple[str, str]]]) -> str:
    """ROWS of (kind, text) cells: kind "n" numeric, "t" corpus text (dir=auto), "" plain."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = []
    for row in rows:
        cells = []
        for kind, text in row:
            attrs = ' class="n"' if kind == "n" else ' dir="auto"' if kind == "t" else ""
            cells.append(f"<td{attrs}>{escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(report: AgreementReport, *, titles: Mapping[int, str] | None = None,
                lang: str = "en", title: str = "", worst: int = 20) -> str:
    """The whole page. LANG "ar" writes the headings in Arabic and lays the page right to left."""
    direction = "rtl" if lang in ("ar", "fa", "ur", "he") else "ltr"
    heading = _t(lang, "Agreement report")
    corpus = report.corpus
    out = [f'<!DOCTYPE html>\n<html lang="{escape(lang)}" dir="{direction}"><head>'
           f'<meta charset="utf-8"><title>{heading}{" - " if title else ""}'
           f"{escape(title)}</title><style>{STYLE}</style></head><body>",
           f'<h1>{heading}{": " if title else ""}<span dir="auto">{escape(title)}</span></h1>',
           f'<p>{_t(lang, "annotators")}: <span dir="auto">{escape(", ".join(report.annotators))}'
           f'</span>; {_t(lang, "Documents")} {corpus["documents"]:,}; {_t(lang, "tokens")} '
           f'{corpus["tokens"]:,}; {_t(lang, "characters")} {corpus["characters"]:,}</p>',
           f'<h2>{_t(lang, "Overall")}</h2>']
    out.append(_table([_t(lang, w) for w in ("measure", "value", "units used", "left out")], [
        [("", OVERALL_MEASURES.get(name, name)), ("n", fmt(f.value)), ("n", fmt(f.used)),
         ("", ", ".join(f"{k} {v:,}" for k, v in f.left_out.items() if v) or (f.reason or ""))]
        for name, f in report.overall.items()]))
    if report.gamma is not None:
        out.append(f"<p>{escape(gamma_note(report))}</p>")
    if report.weights is not None:
        out.append(f'<p dir="auto">{escape(weights_note(report))}</p>')
    out.append(f'<h2>{_t(lang, "Pairwise matrices")}</h2>')
    for measure, caption in MATRIX_MEASURES.items():
        out.append(f"<figure>{heatmap_svg(report.annotators, report.matrix(measure), caption)}"
                   f"<figcaption>{escape(caption)}</figcaption></figure>")
    out.append(f'<h2>{_t(lang, "Annotator pairs")}</h2>')
    out.append(_table([_t(lang, "first"), _t(lang, "second"), _t(lang, "documents"),
                       "Cohen kappa", "F1 exact", "F1 lenient", "alpha_u"], [
        [("t", p.first), ("t", p.second), ("n", fmt(p.documents)), ("n", fmt(p.cohen_kappa.value)),
         ("n", fmt(p.exact.micro.f1)), ("n", fmt(p.lenient.micro.f1)), ("n", fmt(p.alpha_u.value))]
        for p in report.pairs]))
    out.append(f'<h2>{_t(lang, "Per label")}</h2><figure>{label_bars_svg(report)}</figure>')
    out.append(_table([_t(lang, "label"), "alpha", "Cohen kappa", "alpha_u", "F1 exact",
                       "F1 lenient", _t(lang, "spans"), "gamma"], [
        [("t", label), ("n", fmt(a.krippendorff_alpha.value)), ("n", fmt(a.cohen_kappa.value)),
         ("n", fmt(a.alpha_u.value)),
         ("n", fmt(a.exact_f1.value)), ("n", fmt(a.lenient_f1.value)),
         ("n", fmt(sum(a.spans.values()))), ("n", fmt(label_gamma(report, label)))]
        for label, a in report.per_label.items()]))
    intervals = interval_rows(report)
    if intervals:
        out.append(f"<h2>{escape(_interval_heading(report, lang))}</h2>")
        out.append(_table([_t(lang, w) for w in ("label", "measure", "value", "low", "high")], [
            [("t", r.label or _t(lang, "Overall")), ("", r.measure), ("n", fmt(r.value)),
             ("n", fmt(r.low)), ("n", fmt(r.high))] for r in intervals]))
    ranked = documents_by_agreement(report)[:worst]
    out.append(f'<h2>{_t(lang, "Least agreement")}</h2>')
    out.append(_table([_t(lang, "document"), "alpha", "alpha_u", "F1 exact", _t(lang, "missing"),
                       _t(lang, "title")], [
        [("n", str(r.document.doc_id)), ("n", fmt(r.document.krippendorff_alpha)),
         ("n", fmt(r.document.alpha_u)), ("n", fmt(r.document.exact_f1)),
         ("t", ", ".join(r.document.missing)), ("t", (titles or {}).get(r.document.doc_id, ""))]
        for r in ranked]))
    out.append("</body></html>\n")
    return "".join(out)
