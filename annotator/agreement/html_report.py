"""An agreement report as one self-contained HTML page: tables and inline SVG figures.

No external asset (no script, stylesheet, font or image link): the page can be mailed or
archived as it is. The page carries `<html lang=... dir=...>`; every piece of corpus text
(titles, labels, annotator names) stays as stored, in an element with dir="auto", so the
browser shapes Arabic and orders mixed text itself. Text is never reshaped here. The charts
(`svg_charts`) are mirrored on a right-to-left page and give every text its own direction
and anchor; the words are `report_words`' (Arabic page: all in Arabic, Western digits).

Each table is a list of `Column`s (heading, kind of cell, how to read the cell from a row):
a new measure is one more entry in PAIR_COLUMNS, LABEL_COLUMNS or DOCUMENT_COLUMNS (and its
words in `report_words`); the overall table lists every figure of `report.overall`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Generic, TypeVar

from annotator.agreement.presentation import (
    MATRIX_MEASURES,
    RankedDocument,
    documents_by_agreement,
    fmt,
    interval_rows,
    label_gamma,
)
from annotator.agreement.report import AgreementReport, Figure, LabelAgreement, PairAgreement
from annotator.agreement.report_words import Words, words
from annotator.agreement.svg_charts import Series, heatmap_svg, label_bars_svg

__all__ = ["BAR_MEASURES", "DOCUMENT_COLUMNS", "LABEL_COLUMNS", "PAIR_COLUMNS", "Column",
           "LabelRow", "heatmap_svg", "label_bars_svg", "render_html"]

Row = TypeVar("Row")


@dataclass(frozen=True)
class Column(Generic[Row]):
    heading: str  # a heading or a measure key, said in the page's language by `Words`
    kind: str  # "n" numeric, "t" corpus text (dir=auto), "" plain
    cell: Callable[[Row, Words], str]


@dataclass(frozen=True)
class LabelRow:
    label: str
    figures: LabelAgreement
    gamma: float | None


PAIR_COLUMNS: list[Column[PairAgreement]] = [
    Column("first", "t", lambda p, w: p.first),
    Column("second", "t", lambda p, w: p.second),
    Column("documents", "n", lambda p, w: fmt(p.documents)),
    Column("cohen_kappa", "n", lambda p, w: fmt(p.cohen_kappa.value)),
    Column("span_f1_exact", "n", lambda p, w: fmt(p.exact.micro.f1)),
    Column("span_f1_lenient", "n", lambda p, w: fmt(p.lenient.micro.f1)),
    Column("alpha_u", "n", lambda p, w: fmt(p.alpha_u.value)),
]
LABEL_COLUMNS: list[Column[LabelRow]] = [
    Column("label", "t", lambda r, w: r.label),
    Column("krippendorff_alpha", "n", lambda r, w: fmt(r.figures.krippendorff_alpha.value)),
    Column("cohen_kappa", "n", lambda r, w: fmt(r.figures.cohen_kappa.value)),
    Column("alpha_u", "n", lambda r, w: fmt(r.figures.alpha_u.value)),
    Column("span_f1_exact", "n", lambda r, w: fmt(r.figures.exact_f1.value)),
    Column("span_f1_lenient", "n", lambda r, w: fmt(r.figures.lenient_f1.value)),
    Column("spans", "n", lambda r, w: fmt(sum(r.figures.spans.values()))),
    Column("gamma", "n", lambda r, w: fmt(r.gamma)),
]
DOCUMENT_COLUMNS: list[Column[tuple[RankedDocument, str]]] = [
    Column("document", "n", lambda r, w: str(r[0].document.doc_id)),
    Column("krippendorff_alpha", "n", lambda r, w: fmt(r[0].document.krippendorff_alpha)),
    Column("alpha_u", "n", lambda r, w: fmt(r[0].document.alpha_u)),
    Column("span_f1_exact", "n", lambda r, w: fmt(r[0].document.exact_f1)),
    Column("missing", "t", lambda r, w: w.comma.join(r[0].document.missing)),
    Column("title", "t", lambda r, w: r[1]),
]
# the per-label chart: (measure key, colour, the label's figure); bars are drawn for 0..1
BAR_MEASURES: list[tuple[str, str, Callable[[LabelRow], float | None]]] = [
    ("span_f1_exact", "#0072B2", lambda r: r.figures.exact_f1.value),
    ("span_f1_lenient", "#56B4E9", lambda r: r.figures.lenient_f1.value),
    ("krippendorff_alpha", "#009E73", lambda r: r.figures.krippendorff_alpha.value),
    ("alpha_u", "#E69F00", lambda r: r.figures.alpha_u.value),
]
STYLE = """body{font-family:system-ui,'Noto Sans Arabic','Segoe UI',sans-serif;margin:2em;
color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;
padding:.25em .6em}td.n{text-align:end;font-variant-numeric:tabular-nums}
td[dir=auto]{overflow-wrap:anywhere}figure{display:inline-block;margin:0;
margin-inline-end:1.5em;margin-block-end:1.5em;vertical-align:top;max-width:100%}
svg{max-width:100%;height:auto}"""


def _cell(kind: str, text: str) -> str:
    attrs = ' class="n"' if kind == "n" else ' dir="auto"' if kind == "t" else ""
    return f"<td{attrs}>{escape(text)}</td>"


def _table(header: Sequence[str], rows: Sequence[Sequence[tuple[str, str]]]) -> str:
    """ROWS of (kind, text) cells: kind "n" numeric, "t" corpus text (dir=auto), "" plain."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(_cell(k, t) for k, t in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def column_table(columns: Sequence[Column[Row]], rows: Sequence[Row], w: Words) -> str:
    return _table([w(c.heading) for c in columns],
                  [[(c.kind, c.cell(row, w)) for c in columns] for row in rows])


def _left_out(figure: Figure, w: Words) -> str:
    parts = [f"{w.reason(k)} {v:,}" for k, v in figure.left_out.items() if v]
    return w.comma.join(parts) or (w.reason(figure.reason) if figure.reason else "")


def label_rows(report: AgreementReport) -> list[LabelRow]:
    return [LabelRow(label, a, label_gamma(report, label)) for label, a in report.per_label.items()]


def label_chart(report: AgreementReport, w: Words) -> str:
    rows = label_rows(report)
    series = [Series(w(key), colour, [value(r) for r in rows])
              for key, colour, value in BAR_MEASURES]
    return label_bars_svg([r.label for r in rows], series, w("Agreement per label"), rtl=w.rtl)


def render_html(report: AgreementReport, *, titles: Mapping[int, str] | None = None,
                lang: str = "en", title: str = "", worst: int = 20) -> str:
    """The whole page. LANG "ar" writes it in Arabic and lays it out right to left."""
    w = words(lang)
    heading, corpus = escape(w("Agreement report")), report.corpus
    out = [f'<!DOCTYPE html>\n<html lang="{escape(lang)}" dir="{"rtl" if w.rtl else "ltr"}">'
           f'<head><meta charset="utf-8"><title>{heading}{" - " if title else ""}'
           f"{escape(title)}</title><style>{STYLE}</style></head><body>",
           f'<h1>{heading}{": " if title else ""}<span dir="auto">{escape(title)}</span></h1>',
           f'<p>{escape(w("annotators"))}: '
           f'{w.comma.join(f"<bdi>{escape(n)}</bdi>" for n in report.annotators)}{w.semicolon}'
           f'{escape(w("Documents"))} {corpus["documents"]:,}{w.semicolon}{escape(w("tokens"))} '
           f'{corpus["tokens"]:,}{w.semicolon}{escape(w("characters"))} '
           f'{corpus["characters"]:,}</p>', f'<h2>{escape(w("Overall"))}</h2>']
    out.append(_table([w(h) for h in ("measure", "value", "units used", "left out")], [
        [("", w.measure(name)), ("n", fmt(f.value)), ("n", fmt(f.used)), ("", _left_out(f, w))]
        for name, f in report.overall.items()]))
    if report.gamma is not None:
        out.append(f"<p>{escape(w.gamma_note(report))}</p>")
    if report.weights is not None:
        out.append(f"<p>{escape(w.weights_note(report))}</p>")
    out.append(f'<h2>{escape(w("Pairwise matrices"))}</h2>')
    for measure in MATRIX_MEASURES:
        caption = w.matrix_caption(measure)
        chart = heatmap_svg(report.annotators, report.matrix(measure), caption, rtl=w.rtl)
        out.append(f"<figure>{chart}<figcaption>{escape(caption)}</figcaption></figure>")
    out.append(f'<h2>{escape(w("Annotator pairs"))}</h2>')
    out.append(column_table(PAIR_COLUMNS, report.pairs, w))
    out.append(f'<h2>{escape(w("Per label"))}</h2><figure>{label_chart(report, w)}</figure>')
    out.append(column_table(LABEL_COLUMNS, label_rows(report), w))
    intervals = interval_rows(report)
    if intervals:
        out.append(f"<h2>{escape(w.interval_heading(report))}</h2>")
        out.append(_table([w(h) for h in ("label", "measure", "value", "low", "high")], [
            [("t", r.label) if r.label else ("", w("Overall")), ("", w.short_measure(r.measure)),
             ("n", fmt(r.value)), ("n", fmt(r.low)), ("n", fmt(r.high))] for r in intervals]))
    ranked = [(r, (titles or {}).get(r.document.doc_id, ""))
              for r in documents_by_agreement(report)[:worst]]
    out.append(f'<h2>{escape(w("Least agreement"))}</h2>')
    out.append(column_table(DOCUMENT_COLUMNS, ranked, w))
    out.append("</body></html>\n")
    return "".join(out)
