"""Gamma in the agreement report: JSON, CSV, text and HTML, and its units (finished documents)."""

from __future__ import annotations

import json
from collections.abc import Callable

import numpy as np
import pytest

from annotator.agreement import AgreementDocument, GammaOptions, compute_agreement
from annotator.agreement.gamma import Dissimilarity, compute_gamma, make_continuum
from annotator.agreement.html_report import render_html
from annotator.agreement.text_report import format_report
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span

TEXT = "Omar Khalid visited the National Museum in Amman with Sara on Monday ."


def spans(*items: tuple[str, str]) -> list[Span]:
    out = []
    for mention, label in items:
        start = TEXT.index(mention)
        out.append(Span(start, start + len(mention), label))
    return out


@pytest.fixture()
def documents(make_document: Callable[..., AgreementDocument]) -> list[AgreementDocument]:
    a = spans(("Omar Khalid", "PER"), ("National Museum", "ORG"), ("Amman", "LOC"), ("Sara", "PER"))
    b = spans(("Omar", "PER"), ("National Museum in Amman", "ORG"), ("Sara", "PER"))
    c = spans(("Omar Khalid", "PER"), ("Museum", "LOC"), ("Amman", "LOC"), ("Monday", "PER"))
    return [make_document(1, TEXT, {"a": a, "b": b, "c": c}),
            make_document(2, TEXT, {"a": b, "b": a, "c": a}),
            make_document(3, TEXT, {"a": a, "b": None, "c": c})]  # b did not finish it


def test_report_carries_gamma_everywhere(documents: list[AgreementDocument]) -> None:
    report = compute_agreement(documents, gamma=GammaOptions(samples=40, seed=2))
    data = json.loads(json.dumps(report.to_dict()))
    gamma = data["gamma"]
    assert gamma["samples"] == 40 and gamma["seed"] == 2 and gamma["documents"] == 2
    assert gamma["units"] == 22  # the spans of documents 1 and 2 only
    assert data["overall"]["gamma"]["value"] == gamma["overall"]
    assert data["overall"]["gamma"]["left_out"] == {"missing_annotator": 8}
    assert data["overall"]["gamma_cat"]["value"] == gamma["gamma_cat"]
    assert gamma["precision"] > 0 and gamma["overall"] < 1
    assert set(gamma["per_label"]) == {"LOC", "ORG", "PER"}
    assert data["per_label"]["PER"]["gamma"]["value"] == gamma["per_label"]["PER"]
    rows = report.to_csv_rows()
    assert any(r["section"] == "overall" and r["measure"] == "gamma" for r in rows)
    assert any(r["section"] == "label" and r["measure"] == "gamma" and r["label"] == "ORG"
               for r in rows)
    assert "Gamma (spans, Mathet et al. 2015)" in format_report(report)
    assert "40 sampled continua" in render_html(report)


def test_report_gamma_is_gamma_of_the_spans(documents: list[AgreementDocument]) -> None:
    report = compute_agreement(documents, gamma=GammaOptions(samples=25, seed=4))
    labels = list(report.labels)
    annotator, start, end, category, section = [], [], [], [], []
    offset = 0
    for d, doc in enumerate(documents[:2]):
        for r, name in enumerate(("a", "b", "c")):
            for s in doc.annotations[name] or []:
                annotator.append(r)
                start.append(s.start + offset)
                end.append(s.end + offset)
                category.append(labels.index(s.label))
                section.append(d)
        offset += doc.length
    units = make_continuum(annotator, start, end, category, annotators=3,
                           categories=len(labels), section=section,
                           section_start=[0, documents[0].length])
    direct = compute_gamma(units, Dissimilarity(), samples=25, seed=4)
    assert report.gamma is not None
    assert report.gamma.overall.value == pytest.approx(direct.gamma)
    assert report.gamma.overall.details["observed_disorder"] == pytest.approx(direct.observed)
    assert report.gamma.gamma_cat.value == pytest.approx(direct.gamma_cat)


def test_agreeing_annotators_have_gamma_one(make_document: Callable[..., AgreementDocument]
                                            ) -> None:
    same = spans(("Omar Khalid", "PER"), ("Amman", "LOC"))
    report = compute_agreement([make_document(1, TEXT, {"a": same, "b": same})],
                               gamma=GammaOptions(samples=10))
    assert report.overall["gamma"].value == 1.0
    assert report.overall["gamma_cat"].value == 1.0


def test_no_gamma_leaves_it_out(documents: list[AgreementDocument]) -> None:
    report = compute_agreement(documents, gamma=None)
    assert report.to_dict()["gamma"] is None
    assert "gamma" not in report.overall
    assert "gamma" not in report.to_dict()["per_label"]["PER"]
    assert "Gamma:" not in format_report(report)


def test_bad_gamma_settings_are_refused(documents: list[AgreementDocument]) -> None:
    with pytest.raises(AnnotatorError) as error:
        compute_agreement(documents, gamma=GammaOptions(samples=1))
    assert error.value.code.name == "E511"
    with pytest.raises(AnnotatorError) as error:
        compute_agreement(documents, gamma=GammaOptions(alpha=-1))
    assert error.value.code.name == "E507"


def test_gamma_is_seeded(documents: list[AgreementDocument]) -> None:
    first = compute_agreement(documents, gamma=GammaOptions(samples=12, seed=9)).gamma
    again = compute_agreement(documents, gamma=GammaOptions(samples=12, seed=9)).gamma
    assert first is not None and again is not None
    assert first.overall.value == again.overall.value
    assert np.isfinite(first.precision or np.nan)
