"""End to end on Arabic documents: what the report says, and its JSON and CSV shapes."""

from __future__ import annotations

import csv
import io
import json
import math

import krippendorff
import numpy as np
import pytest

from annotator.agreement import CSV_COLUMNS, SCHEMA, AgreementDocument, compute_agreement
from annotator.agreement.tokens import label_all_tokens
from annotator.agreement.units import prepare_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span

TEXTS = [
    "أشاد وزير الخارجية الروسي سيرجي لافروف بالتحالف العسكري مع كوريا الشمالية يوم السبت .",
    "وقال لافروف في مدينة وونسان إن الرئيس فلاديمير بوتين سيزور بيونغ يانغ قريبا .",
    "وصل الوفد والقاهرة تستعد لاستقبال وزير الخارجية المصري في مطار القاهرة الدولي .",
]
GOLD = [
    [("سيرجي لافروف", "PERS"), ("كوريا الشمالية", "LOC")],
    [("لافروف", "PERS"), ("وونسان", "LOC"), ("فلاديمير بوتين", "PERS"), ("بيونغ يانغ", "LOC")],
    [("والقاهرة", "LOC"), ("مطار القاهرة الدولي", "ORG")],
]


@pytest.fixture()
def gold_spans(find_span) -> list[list[Span]]:
    return [[find_span(text, m, label) for m, label in mentions]
            for text, mentions in zip(TEXTS, GOLD, strict=True)]


def _everyone_values(report) -> list[float | None]:
    values = [f.value for f in report.overall.values()]
    values += [p.alpha_u.value for p in report.pairs] + [p.cohen_kappa.value for p in report.pairs]
    for label in report.per_label.values():
        values += [label.krippendorff_alpha.value, label.alpha_u.value, label.exact_f1.value,
                   label.lenient_f1.value]
    for doc in report.per_document:
        values += [doc.krippendorff_alpha, doc.alpha_u, doc.observed_agreement, doc.exact_f1,
                   doc.lenient_f1]
    return values


def test_identical_annotations_give_one_everywhere(make_document, gold_spans) -> None:
    docs = [make_document(i, t, {"a": s, "b": s, "c": s})
            for i, (t, s) in enumerate(zip(TEXTS, gold_spans, strict=True))]
    report = compute_agreement(docs)
    assert all(v == pytest.approx(1.0) for v in _everyone_values(report))
    assert report.overall["fleiss_kappa"].used == report.corpus["tokens"]


def test_a_near_miss_keeps_partial_credit_in_alpha_u(make_document, gold_spans) -> None:
    """Annotator b leaves the conjunction و out of والقاهرة: an exact miss, a lenient match,
    the same token labels (the span still covers most of the token) and 0 < alpha_u < 1."""
    near = [list(s) for s in gold_spans]
    near[2][0] = Span(near[2][0].start + 1, near[2][0].end, "LOC")
    docs = [make_document(i, TEXTS[i], {"a": gold_spans[i], "b": near[i]}) for i in range(3)]
    report = compute_agreement(docs)
    pair = report.pair("a", "b")
    assert pair.exact.micro.f1 == pytest.approx(2 * 7 / 16)
    assert pair.lenient.micro.f1 == 1.0
    assert pair.cohen_kappa.value == 1.0
    assert 0.9 < report.overall["alpha_u"].value < 1.0
    assert report.per_label["LOC"].alpha_u.value < 1.0
    assert report.per_label["PERS"].alpha_u.value == 1.0
    assert report.annotator_summaries["b"].misaligned_spans == 1
    assert report.annotator_summaries["b"].partially_covered_tokens == 1
    assert [d.alpha_u == 1.0 for d in report.per_document] == [True, True, False]


def test_a_missing_document_changes_the_unit_count_as_krippendorff_prescribes(
        make_document, gold_spans) -> None:
    rng = np.random.default_rng(7)
    noisy = [[s for s in spans if rng.random() < 0.6] for spans in gold_spans]
    complete = [make_document(i, TEXTS[i], {"a": gold_spans[i], "b": noisy[i], "c": gold_spans[i][:1]})
                for i in range(3)]
    partial = complete[:2] + [make_document(2, TEXTS[2], {"a": gold_spans[2], "b": noisy[2], "c": None})]
    full, missing = compute_agreement(complete), compute_agreement(partial)

    a_full, a_missing = full.overall["krippendorff_alpha"], missing.overall["krippendorff_alpha"]
    tokens_doc3 = complete[2].tokens
    assert a_full.used == a_missing.used  # every token still has two coders ...
    assert a_full.details["pairable_values"] - a_missing.details["pairable_values"] == len(tokens_doc3)
    assert a_missing.details["missing_values"] == len(tokens_doc3)  # ... one value fewer each
    codes, _ = label_all_tokens(prepare_corpus(partial))
    data = np.where(codes < 0, np.nan, codes.astype(float))
    reference = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                   value_domain=list(range(codes.max() + 1)))
    assert a_missing.value == pytest.approx(reference, abs=1e-12)
    as_outside = np.where(codes < 0, 0, codes)  # reading "not finished" as "all O" differs
    assert krippendorff.alpha(reliability_data=as_outside, level_of_measurement="nominal") != \
        pytest.approx(a_missing.value)
    assert missing.overall["fleiss_kappa"].left_out == {"missing_annotator": len(tokens_doc3)}
    assert missing.overall["gwet_ac1"].left_out == {"missing_annotator": len(tokens_doc3)}
    assert missing.overall["gwet_ac1"].used == missing.overall["fleiss_kappa"].used
    assert missing.overall["alpha_u"].used == len(TEXTS[0]) + len(TEXTS[1])


def test_with_two_annotators_a_missing_document_drops_out_of_alpha(make_document, gold_spans) -> None:
    noisy = [spans[1:] for spans in gold_spans]
    docs = [make_document(i, TEXTS[i], {"a": gold_spans[i], "b": noisy[i]}) for i in range(3)]
    unfinished = docs[:2] + [make_document(2, TEXTS[2], {"a": gold_spans[2]})]  # b absent
    without = compute_agreement(docs[:2]).overall["krippendorff_alpha"]
    figure = compute_agreement(unfinished).overall["krippendorff_alpha"]
    assert figure.value == pytest.approx(without.value, abs=1e-12)
    assert figure.left_out["fewer_than_two_coders"] == len(docs[2].tokens)
    report = compute_agreement(unfinished)
    assert report.per_document[2].reason == "fewer_than_two_coders"
    assert report.per_document[2].krippendorff_alpha is None
    assert report.corpus["documents_by_coders"] == {"0": 0, "1": 1, "2": 2}


def test_filters_select_annotators_and_labels(make_document, gold_spans) -> None:
    docs = [make_document(i, TEXTS[i], {"a": gold_spans[i], "b": gold_spans[i], "c": []})
            for i in range(3)]
    report = compute_agreement(docs, annotators=["b", "a"], labels=["PERS"])
    assert report.annotators == ("b", "a")
    assert report.labels == ("PERS",)
    assert report.overall["krippendorff_alpha"].value == 1.0
    assert report.annotator_summaries["a"].spans_outside_label_filter == 5
    assert report.to_dict()["filters"] == {"annotators": ["b", "a"], "labels": ["PERS"]}
    with pytest.raises(AnnotatorError, match="E505"):
        compute_agreement(docs, annotators=["a", "zed"])
    with pytest.raises(AnnotatorError, match="E501"):
        compute_agreement(docs, annotators=["a"])
    with pytest.raises(AnnotatorError, match="E502"):
        compute_agreement(docs + docs[:1])


def test_to_dict_is_json_with_the_documented_keys(make_document, gold_spans) -> None:
    docs = [make_document(i, TEXTS[i], {"a": gold_spans[i], "b": gold_spans[i][:1], "c": None})
            for i in range(3)]
    data = json.loads(json.dumps(compute_agreement(docs).to_dict(), allow_nan=False))
    assert data["schema"] == SCHEMA
    assert set(data) == {"schema", "annotators", "labels", "filters", "corpus",
                         "annotator_summaries", "overall", "pairs", "matrices", "per_label",
                         "per_document", "confusion", "bootstrap", "gamma", "weights"}
    assert data["gamma"] is None  # compute_agreement leaves gamma out unless asked
    assert data["weights"] is None  # and AC2
    assert set(data["overall"]) == {"krippendorff_alpha", "fleiss_kappa", "gwet_ac1", "alpha_u", "cohen_kappa",
                                    "span_f1_exact", "span_f1_lenient", "span_macro_f1_exact",
                                    "span_macro_f1_lenient"}
    figure = data["overall"]["fleiss_kappa"]
    assert set(figure) == {"value", "unit", "used", "left_out", "reason", "details"}
    assert figure["value"] is None and figure["reason"] == "no_units"  # c finished nothing
    matrix = data["matrices"]["cohen_kappa"]
    assert [matrix[i][i] for i in range(3)] == [None, None, None]
    assert matrix[0][1] == matrix[1][0] is not None
    assert matrix[0][2] is None  # no document shared with c
    assert set(data["pairs"][0]) == {"first", "second", "documents", "cohen_kappa",
                                     "observed_agreement", "alpha_u", "span_f1_exact",
                                     "span_f1_lenient", "confusion"}
    assert data["confusion"]["categories"] == ["O", "LOC", "ORG", "PERS"]
    pooled = np.array(data["confusion"]["matrix"])
    assert (pooled == pooled.T).all()
    assert pooled.sum() == 2 * sum(len(d.tokens) for d in docs)  # one pair, both orders


def test_csv_rows_have_the_columns_and_write_as_csv(make_document, gold_spans) -> None:
    docs = [make_document(i, TEXTS[i], {"a": gold_spans[i], "b": gold_spans[i][:1]}) for i in range(3)]
    rows = compute_agreement(docs).to_csv_rows()
    assert all(tuple(row) == CSV_COLUMNS for row in rows)
    sink = io.StringIO()
    writer = csv.DictWriter(sink, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    assert sink.getvalue().count("\n") == len(rows) + 1
    sections = {row["section"] for row in rows}
    assert sections == {"overall", "annotator", "pair", "pair_label", "pair_confusion", "label",
                        "document", "confusion"}
    alpha = next(r for r in rows if r["section"] == "overall" and r["measure"] == "krippendorff_alpha")
    assert alpha["unit"] == "token" and alpha["left_out"].startswith("fewer_than_two_coders=")


def test_no_labels_at_all_is_reported_not_crashed(make_document) -> None:
    docs = [make_document(i, TEXTS[i], {"a": [], "b": []}) for i in range(2)]
    report = compute_agreement(docs)
    assert report.overall["krippendorff_alpha"].reason == "no_variation"
    assert report.overall["alpha_u"].value is None
    assert report.pair("a", "b").exact.micro.f1 is None
    json.dumps(report.to_dict(), allow_nan=False)


def test_anercorp_with_simulated_annotators_agrees_with_the_libraries(anercorp, tokenize) -> None:
    """Real Arabic NER (ANERcorp): gold for one annotator, noisy copies for two others."""
    rng = np.random.default_rng(2024)
    docs = []
    for k in range(0, 300, 10):
        sentences = anercorp[k:k + 10]
        text = " ".join(t for t, _ in sentences)
        offsets = np.cumsum([0] + [len(t) + 1 for t, _ in sentences])
        gold = [Span(s.start + int(o), s.end + int(o), s.label)
                for (_, spans), o in zip(sentences, offsets, strict=False) for s in spans]
        def noisy(spans: list[Span]) -> list[Span]:
            out = []
            for s in spans:
                roll = rng.random()
                if roll < 0.1:
                    continue
                if roll < 0.2 and s.end - s.start > 2:
                    s = Span(s.start + 1, s.end, s.label)
                elif roll < 0.25:
                    s = Span(s.start, s.end, "MISC" if s.label != "MISC" else "ORG")
                out.append(s)
            return out
        annotations = {"gold": gold, "x": noisy(gold), "y": noisy(gold) if k % 70 else None}
        docs.append(AgreementDocument(k, len(text), tokenize(text), annotations))
    report = compute_agreement(docs)
    codes, _ = label_all_tokens(prepare_corpus(docs))
    data = np.where(codes < 0, np.nan, codes.astype(float))
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert report.overall["krippendorff_alpha"].value == pytest.approx(alpha, abs=1e-9)
    assert 0.5 < report.overall["alpha_u"].value < 1.0
    assert 0.5 < report.overall["span_f1_exact"].value < report.overall["span_f1_lenient"].value < 1
    assert not math.isnan(report.overall["fleiss_kappa"].value)
