"""Gwet's AC2 (weighted): Gwet's weights, irrCAC's values, identity = AC1, the report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from test_bootstrap import LABELS, assert_same, random_documents, report_values

from annotator.agreement import compute_agreement, gwet_ac1
from annotator.agreement.bootstrap import resample_weights
from annotator.agreement.compute import _Computation
from annotator.agreement.units import prepare_corpus
from annotator.agreement.weighted import (
    WEIGHTS,
    code_weights,
    gwet_ac2,
    gwet_ac2_from_table,
    gwet_weights,
)
from annotator.core.errors import AnnotatorError

FIXTURE = Path(__file__).parent / "fixtures" / "irrcac_gwet.json"


def test_gwets_weights_on_a_scale_of_four() -> None:
    assert np.array_equal(gwet_weights("identity", 4), np.eye(4))
    assert gwet_weights("linear", 4)[0].tolist() == pytest.approx([1, 2 / 3, 1 / 3, 0])
    assert gwet_weights("quadratic", 4)[0].tolist() == pytest.approx([1, 8 / 9, 5 / 9, 0])
    # ordinal: 1 - C(|k - l| + 1, 2) / C(4, 2): pairs of points 1, 3, 6 of 6
    assert gwet_weights("ordinal", 4)[0].tolist() == pytest.approx([1, 5 / 6, 1 / 2, 0])
    for kind in WEIGHTS:
        w = gwet_weights(kind, 5)
        assert np.array_equal(w, w.T) and np.all(np.diag(w) == 1) and w.min() >= 0


def test_agrees_with_irrcac_on_recorded_sets() -> None:
    recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
    names = {data["name"] for data in recorded["sets"]}
    assert {"irrcac_raw_4raters", "irrcac_distrib_6raters", "fleiss_1971"} <= names
    for data in recorded["sets"]:
        categories = data["categories"]
        index = {c: k for k, c in enumerate(categories)}
        codes = np.array([[index[v] for v in row] for row in data["ratings"]]).T
        table = np.stack([np.bincount(unit, minlength=len(categories)) for unit in codes.T])
        for kind, expected in data["gwet_ac2"].items():
            weights = gwet_weights(kind, len(categories))
            value, used, left_out = gwet_ac2(codes, weights)
            assert value == pytest.approx(expected, abs=5e-6), (data["name"], kind)
            assert (used, left_out) == (codes.shape[1], 0)
            assert gwet_ac2_from_table(table, weights) == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("seed", range(8))
def test_identity_weights_give_ac1_on_random_data(seed: int) -> None:
    rng = np.random.default_rng(seed)
    q = int(rng.integers(2, 7))
    codes = rng.integers(0, q, size=(int(rng.integers(2, 6)), int(rng.integers(5, 200))))
    codes[rng.random(codes.shape) < 0.1] = -1  # missing: left out by both
    assert gwet_ac2(codes, gwet_weights("identity", q)) == pytest.approx(gwet_ac1(codes, q))


@pytest.mark.parametrize("seed", range(4))
def test_reversing_the_scale_keeps_ac2(seed: int) -> None:
    # reversing the scale keeps every distance between two points, so every weight
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 5, size=(3, 80))
    for kind in WEIGHTS:
        w = gwet_weights(kind, 5)
        reversed_codes = 4 - codes
        assert gwet_ac2(reversed_codes, w)[0] == pytest.approx(gwet_ac2(codes, w)[0], abs=1e-12)


def test_in_the_report_with_its_interval_and_scale() -> None:
    documents = random_documents(11, n_docs=20)
    plain = compute_agreement(documents, labels=LABELS, bootstrap=100, seed=2)
    assert "gwet_ac2" not in plain.overall and plain.to_dict()["weights"] is None
    same = compute_agreement(documents, labels=LABELS, bootstrap=100, seed=2, weights="identity")
    assert same.overall["gwet_ac2"].value == pytest.approx(same.overall["gwet_ac1"].value)
    assert same.bootstrap.overall["gwet_ac2"] == same.bootstrap.overall["gwet_ac1"]
    ordered = compute_agreement(documents, labels=LABELS, bootstrap=100, seed=2,
                                weights="quadratic", scale=["ORG", "PERS", "LOC", "DATE"])
    out = ordered.to_dict()
    assert out["weights"] == {"kind": "quadratic", "scale": ["O", "ORG", "PERS", "LOC"]}
    ac2 = out["overall"]["gwet_ac2"]
    assert ac2["unit"] == "token" and ac2["used"] == out["overall"]["fleiss_kappa"]["used"]
    interval = out["bootstrap"]["overall"]["gwet_ac2"]
    assert interval["low"] <= ac2["value"] <= interval["high"]
    # by hand: the report's codes are O, PERS, LOC, ORG; the scale puts ORG first
    corpus = prepare_corpus(documents, None, LABELS)
    codes = _Computation(corpus).codes
    rank = np.array([0, 2, 3, 1])
    expected = gwet_ac2(np.where(codes >= 0, rank[np.maximum(codes, 0)], -1),
                        gwet_weights("quadratic", 4))[0]
    assert ac2["value"] == pytest.approx(expected, abs=1e-12)
    rows = [r for r in ordered.to_csv_rows() if r["measure"] == "gwet_ac2"]
    assert rows and rows[0]["section"] == "overall"


@pytest.mark.parametrize("seed", [3, 4])
def test_a_resample_is_the_corpus_of_the_drawn_documents(seed: int) -> None:
    documents = random_documents(seed)
    weights, _ = code_weights("ordinal", list(LABELS), None)
    computation = _Computation(prepare_corpus(documents, None, LABELS),
                               (weights, code_weights("ordinal", list(LABELS), None)[1]))
    figures = computation.bootstrap_figures()
    report = compute_agreement(documents, labels=LABELS, weights="ordinal")
    assert_same(figures.values(np.ones((1, len(documents)))), report_values(report))
    w = resample_weights(np.random.default_rng(seed), 1, len(documents))
    drawn = [type(d)(1000 * k + d.doc_id, d.length, d.tokens, d.annotations)
             for d, times in zip(documents, w[0].astype(int), strict=True) for k in range(times)]
    expected = report_values(compute_agreement(drawn, labels=LABELS, weights="ordinal"))
    assert_same(figures.values(w), expected)


def test_unknown_weights_and_a_label_off_the_scale_are_refused() -> None:
    documents = random_documents(1)
    with pytest.raises(AnnotatorError, match="E514"):
        compute_agreement(documents, labels=LABELS, weights="cubic")
    with pytest.raises(AnnotatorError, match="E515.*'LOC'"):
        compute_agreement(documents, labels=LABELS, weights="linear", scale=["PERS", "ORG"])


@pytest.mark.parametrize("nested", [False, True])
def test_per_label_ac1_is_ac1_of_the_label_against_the_rest(nested: bool) -> None:
    documents = random_documents(6, nested=nested)
    report = compute_agreement(documents, labels=LABELS, bootstrap=50)
    computation = _Computation(prepare_corpus(documents, None, LABELS))
    for k, label in enumerate(LABELS):
        codes = computation._label_codes(k + 1)
        if codes is None:
            codes = computation.codes
            codes = np.where(codes >= 0, (codes == k + 1).astype(np.int64), -1)
        expected, used, _ = gwet_ac1(codes, 2)
        figure = report.per_label[label].gwet_ac1
        assert figure.value == pytest.approx(expected, abs=1e-12) and figure.used == used
        assert report.bootstrap.per_label[label]["gwet_ac1"].resamples > 0
        assert report.to_dict()["per_label"][label]["gwet_ac1"]["value"] == figure.value


@pytest.mark.parametrize("seed", range(6))
def test_per_category_ac1_in_one_pass_is_ac1_of_the_recoded_data(seed: int) -> None:
    from annotator.agreement.coding import gwet_ac1_per_category

    rng = np.random.default_rng(seed)
    q = int(rng.integers(2, 6))
    codes = rng.integers(0, q, size=(int(rng.integers(2, 5)), 150))
    codes[rng.random(codes.shape) < 0.1] = -1
    values, used, left_out = gwet_ac1_per_category(codes, q)
    for c in range(q):
        recoded = np.where(codes >= 0, (codes == c).astype(np.int64), -1)
        expected, used_c, left_c = gwet_ac1(recoded, 2)
        assert values[c] == pytest.approx(expected, abs=1e-12)
        assert (used, left_out) == (used_c, left_c)
