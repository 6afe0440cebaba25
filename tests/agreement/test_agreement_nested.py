"""Agreement and adjudication on nested spans (Wojood-style `[جامعة [نابلس]GPE]ORG`): span F1,
alpha_u, the per-label token measures in every layer, the disagreement groups and picking a
version into gold in a project that allows overlaps."""

from __future__ import annotations

import re
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import AgreementDocument, compute_agreement
from annotator.agreement.adjudication import compare_annotations
from annotator.core.model import GOLD_ANNOTATOR, OverlapPolicy, SourceDocument, Span

TEXT = "درس في جامعة نابلس وزير الخارجية الروسي"
TOKENS = [(m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)]


def at(word: str, last: str | None = None, label: str = "ORG") -> Span:
    start = TEXT.index(word)
    end = TEXT.index(last) + len(last) if last else start + len(word)
    return Span(start, end, label)


UNIVERSITY, NABLUS = at("جامعة", "نابلس"), at("نابلس", label="GPE")
MINISTER, RUSSIAN = at("وزير", "الروسي", "OCC"), at("الروسي", label="GPE")


def report(*annotations: dict[str, list[Span]]):
    docs = [AgreementDocument(i + 1, len(TEXT), TOKENS, a) for i, a in enumerate(annotations)]
    return compute_agreement(docs)


def test_agreeing_on_both_layers_is_perfect_agreement_for_every_label() -> None:
    both = [UNIVERSITY, NABLUS, MINISTER, RUSSIAN]
    result = report({"a": both, "b": both}, {"a": [UNIVERSITY], "b": [UNIVERSITY]})
    assert result.overall["span_f1_exact"].value == 1.0
    assert result.overall["alpha_u"].value == pytest.approx(1.0)
    gpe = result.per_label["GPE"]
    assert gpe.krippendorff_alpha.value == pytest.approx(1.0)  # the inner layer is read
    assert gpe.tokens == {"a": 2, "b": 2}
    assert gpe.alpha_u.value == pytest.approx(1.0)
    assert result.annotator_summaries["a"].spans_without_tokens == 0  # inner spans label tokens


def test_a_missed_inner_span_costs_the_inner_label_not_the_outer_one() -> None:
    result = report({"a": [UNIVERSITY, NABLUS], "b": [UNIVERSITY]},
                    {"a": [MINISTER, RUSSIAN], "b": [MINISTER, RUSSIAN]})
    pair = result.pair("a", "b")
    assert pair.exact.per_label["ORG"].f1 == 1.0
    assert (pair.exact.per_label["GPE"].recall, pair.exact.per_label["GPE"].precision) == (0.5, 1.0)
    assert result.per_label["ORG"].krippendorff_alpha.value == pytest.approx(1.0)
    gpe = result.per_label["GPE"].krippendorff_alpha.value
    assert gpe is not None and gpe < 1.0
    assert result.per_label["GPE"].alpha_u.value < 1.0


def _covered(spans: list[Span], label: str, start: int, end: int) -> bool:
    return any(s.label == label and 2 * (min(end, s.end) - max(start, s.start)) > end - start
               for s in spans)


NESTABLE = [UNIVERSITY, NABLUS, MINISTER, RUSSIAN, at("جامعة", label="ORG"),
            at("وزير", "الخارجية", "OCC"), at("نابلس", label="LOC"), at("درس", label="PERS")]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sets(st.sampled_from(range(len(NESTABLE)))), min_size=3, max_size=3),
                min_size=1, max_size=4))
def test_per_label_token_alpha_equals_the_krippendorff_library_in_every_layer(choices) -> None:
    annotations = [{name: [NESTABLE[k] for k in sorted(picked)]
                    for name, picked in zip("abc", doc, strict=True)} for doc in choices]
    result = report(*annotations)
    for label in result.labels:
        data = np.array([[1 if _covered(doc[name], label, *token) else 0
                          for doc in annotations for token in TOKENS] for name in "abc"], float)
        if len(np.unique(data)) < 2:
            assert result.per_label[label].krippendorff_alpha.value is None
            continue
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert result.per_label[label].krippendorff_alpha.value == pytest.approx(expected)


def test_disagreement_on_the_inner_layer_is_a_conflict_the_outer_is_agreed() -> None:
    compared = compare_annotations(1, {"a": [UNIVERSITY, NABLUS], "b": [UNIVERSITY, at("نابلس", label="LOC")]})
    assert compared.agreed == (UNIVERSITY,)
    (conflict,) = compared.conflicts
    assert conflict.by_annotator == {"a": (NABLUS,), "b": (at("نابلس", label="LOC"),)}


def test_picking_an_inner_version_keeps_the_agreed_outer_span_in_gold(tmp_path: Path) -> None:
    from annotator.app.adjudication import load_document, pick_version, premerge
    from annotator.app.project import Project
    from annotator.core.model import Status
    from annotator.core.operations import AddSpan, Batch, SetStatus
    from annotator.store.ingest import IngestOptions, ingest

    project = Project.create(tmp_path / "p.db", labels=["ORG", "GPE", "LOC", "OCC", "PERS"],
                             overlap_policy=OverlapPolicy.ALLOW)
    with project.store.write() as c:
        ingest(c, [SourceDocument(TEXT)], project.info().overlap_policy, IngestOptions())
    (doc_id,) = project.document_ids()
    for name, spans in (("a", [UNIVERSITY, NABLUS, MINISTER, RUSSIAN]),
                        ("b", [UNIVERSITY, MINISTER, RUSSIAN])):
        annotation = project.annotation_id(doc_id, name)
        project.apply(Batch((*(AddSpan(annotation, s.start, s.end, s.label) for s in spans),
                             SetStatus(annotation, Status.DONE)), "test"))
    assert premerge(project).spans_added == 3  # both layers of the minister, the outer ORG
    document = load_document(project, doc_id)
    (conflict,) = document.adjudication.conflicts
    project.apply(pick_version(project, document, conflict, conflict.by_annotator["a"]))
    gold = project.spans(project.annotation_id(doc_id, GOLD_ANNOTATOR))
    assert sorted(s.span for s in gold) == sorted([UNIVERSITY, NABLUS, MINISTER, RUSSIAN])
    project.close()
