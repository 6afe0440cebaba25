"""Views of a report: ranking documents, the terminal table, Arabic shaping, the HTML page."""

from __future__ import annotations

import pytest

from annotator.agreement import AgreementDocument, compute_agreement
from annotator.agreement.html_report import heatmap_svg, render_html
from annotator.agreement.presentation import documents_by_agreement, fmt, shape_for_terminal
from annotator.agreement.text_report import format_report
from annotator.core.model import Span

TOKENS = [(0, 3), (4, 10), (11, 16), (17, 21)]
P, L = "شخص", "مكان"  # Arabic label names


def _report():
    docs = [AgreementDocument(1, 21, TOKENS, {"a": [Span(4, 10, P)], "b": [Span(4, 10, P)],
                                              "c": [Span(4, 10, P)]}),
            AgreementDocument(2, 21, TOKENS, {"a": [Span(4, 10, P)], "b": [Span(4, 10, L)],
                                              "c": None}),
            AgreementDocument(3, 21, TOKENS, {"a": [Span(11, 21, L)], "b": [Span(11, 16, L)],
                                              "c": [Span(11, 21, L)]})]
    return compute_agreement(docs)


def test_documents_rank_from_least_to_most_agreement() -> None:
    report = _report()
    ranked = documents_by_agreement(report)
    values = [r.value for r in ranked if r.value is not None]
    assert values == sorted(values)
    assert ranked[-1].document.doc_id == 1 and ranked[0].document.doc_id == 2
    assert [r.document.doc_id for r in documents_by_agreement(report, "span_f1_exact")][0] == 2
    with pytest.raises(KeyError):
        documents_by_agreement(report, "nonsense")


def test_numbers_and_shaping() -> None:
    assert (fmt(None), fmt(1234), fmt(0.84210526)) == ("-", "1,234", "0.842")
    assert shape_for_terminal("Cohen kappa") == "Cohen kappa"
    shaped = shape_for_terminal("لافروف")
    assert shaped != "لافروف" and all("\ufb50" <= ch <= "\ufeff" for ch in shaped)


def test_the_table_keeps_text_as_stored_unless_asked_to_shape() -> None:
    report = _report()
    plain = format_report(report, titles={2: "وثيقة ثانية"})
    assert "Agreement between a, b, c (3 annotators)" in plain
    assert P in plain and "وثيقة ثانية" in plain and "missing" in plain
    shaped = format_report(report, shape=True, titles={2: "وثيقة ثانية"})
    assert P not in shaped and shape_for_terminal(P) in shaped


def test_the_page_is_self_contained_and_leaves_arabic_to_the_browser() -> None:
    page = render_html(_report(), titles={2: "وثيقة ثانية"}, lang="ar", title="مشروع")
    assert '<html lang="ar" dir="rtl">' in page and "<title>تقرير الاتفاق - مشروع</title>" in page
    assert f'<td dir="auto">{P}</td>' in page and 'dir="auto">وثيقة ثانية' in page
    assert shape_for_terminal(P) not in page  # never reshaped
    assert "<script" not in page and "src=" not in page and "href=" not in page
    svg = heatmap_svg(["a", "b"], [[None, 1.0], [1.0, None]], "kappa")
    assert svg.count("<rect") == 4 and 'fill="#084594"' in svg and ">1.00<" in svg


def test_the_table_and_the_page_show_each_labels_kappa() -> None:
    report = _report()
    for label, figures in report.per_label.items():
        kappa = fmt(figures.cohen_kappa.value)
        row = next(line for line in format_report(report).splitlines()
                   if line.strip().startswith(label) and kappa in line)
        assert fmt(figures.krippendorff_alpha.value) in row
    page = render_html(report)
    assert page.count("Cohen kappa") >= 2  # the pairs table and the per-label table
