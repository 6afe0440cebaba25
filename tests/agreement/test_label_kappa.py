"""Per-label Cohen's kappa (this label against everything else, on tokens, mean over pairs)
against scikit-learn's cohen_kappa_score on the binarised token labels."""

from __future__ import annotations

import math
import random
import warnings
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.agreement import AgreementDocument, compute_agreement
from annotator.agreement.coding import binary_cohen_kappa, confusion_matrix
from annotator.core.model import Span

LABELS = ("LOC", "ORG", "PERS")
TOLERANCE = 1e-9


def _sklearn_kappa(first: list[bool], second: list[bool]) -> float | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns and gives nan when kappa is undefined
        value = float(cohen_kappa_score(first, second, labels=[False, True]))
    return None if math.isnan(value) else value


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 5).flatmap(lambda k: st.tuples(
    st.just(k), st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1)), max_size=60))))
def test_binary_kappa_of_a_confusion_matrix_matches_sklearn(data) -> None:  # type: ignore[no-untyped-def]
    categories, pairs = data
    first = np.array([a for a, _ in pairs], dtype=np.int64)
    second = np.array([b for _, b in pairs], dtype=np.int64)
    confusion = confusion_matrix(first, second, categories)
    for k in range(categories):
        ours = binary_cohen_kappa(confusion, k)
        theirs = _sklearn_kappa(list(first == k), list(second == k)) if pairs else None
        if theirs is None:
            assert ours is None
        else:
            assert ours == pytest.approx(theirs, abs=TOLERANCE)


def _codes(rng: random.Random, tokens: int) -> list[str | None]:
    return [rng.choice((None, None, *LABELS)) for _ in range(tokens)]


def test_report_per_label_kappa_is_the_mean_over_pairs_of_sklearns_kappa() -> None:
    """One-character tokens, each labelled (or not) by a one-token span, so every annotator's
    token labels are known exactly; c did not finish the second document (missing, not O)."""
    rng = random.Random(7)
    names = ("a", "b", "c")
    lengths = (40, 25, 30)
    codes = {(d, n): _codes(rng, length) for d, length in enumerate(lengths) for n in names}
    codes[(1, "b")] = [c if rng.random() < 0.3 else codes[(1, "a")][i]  # b mostly agrees with a
                       for i, c in enumerate(codes[(1, "b")])]
    missing = {(1, "c")}
    documents = []
    for d, length in enumerate(lengths):
        annotations: dict[str, list[Span] | None] = {}
        for n in names:
            annotations[n] = None if (d, n) in missing else [
                Span(i, i + 1, label) for i, label in enumerate(codes[(d, n)]) if label]
        documents.append(AgreementDocument(d, length, [(i, i + 1) for i in range(length)],
                                           annotations))
    report = compute_agreement(documents)
    assert report.labels == LABELS
    for label in LABELS:
        expected = []
        for first, second in combinations(names, 2):
            shared = [d for d in range(len(lengths)) if (d, first) not in missing
                      and (d, second) not in missing]
            a = [c == label for d in shared for c in codes[(d, first)]]
            b = [c == label for d in shared for c in codes[(d, second)]]
            value = _sklearn_kappa(a, b)
            if value is not None:
                expected.append(value)
        figure = report.per_label[label].cohen_kappa
        assert figure.value == pytest.approx(float(np.mean(expected)), abs=TOLERANCE)
        assert (figure.unit, figure.used) == ("annotator pair", len(expected))
        assert report.to_dict()["per_label"][label]["cohen_kappa"]["value"] == figure.value
