"""Agreement read from a project: done annotations only, accepted spans only, gold never."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.app.agreement import (
    agreement_annotators,
    agreement_documents,
    document_titles,
    project_agreement,
)
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD_ANNOTATOR, SourceDocument, Span, SpanState, Status
from annotator.core.operations import AddSpan, Batch, SetStatus
from annotator.store.ingest import IngestOptions, ingest

TEXTS = ["زار لافروف بيونغ يانغ أمس", "التقى كيم جونغ أون الوزير", "لم يحدث شيء"]


def annotate(store: Project, doc_id: int, name: str, spans: list[Span],
             status: Status = Status.DONE, state: SpanState = SpanState.ACCEPTED) -> None:
    annotation = store.annotation_id(doc_id, name)
    store.apply(Batch((*(AddSpan(annotation, s.start, s.end, s.label, state=state)
                         for s in spans), SetStatus(annotation, status)), "test"))


@pytest.fixture
def store(tmp_path: Path):
    store = Project.create(tmp_path / "p.db", labels=["PERS", "LOC"])
    with store.store.write() as c:
        ingest(c, [SourceDocument(t) for t in TEXTS], store.info().overlap_policy,
               IngestOptions())
    first, second, third = store.document_ids()
    annotate(store, first, "amal", [Span(4, 10, "PERS"), Span(11, 21, "LOC")])
    annotate(store, first, "badr", [Span(4, 10, "PERS"), Span(11, 16, "LOC")])
    annotate(store, second, "amal", [Span(6, 18, "PERS")])
    annotate(store, second, "badr", [Span(6, 18, "PERS")], Status.IN_PROGRESS)
    annotate(store, third, "badr", [Span(0, 2, "LOC")], state=SpanState.SUGGESTED)
    annotate(store, first, GOLD_ANNOTATOR, [Span(0, 3, "LOC")])
    yield store
    store.close()


def test_documents_carry_done_annotations_accepted_spans_and_project_tokens(store) -> None:
    first, second, third = store.document_ids()
    assert agreement_annotators(store) == ["amal", "badr"]
    documents = list(agreement_documents(store, batch=2))
    assert [d.doc_id for d in documents] == [first, second, third]
    one, two, three = documents
    assert one.annotations == {"amal": [Span(4, 10, "PERS"), Span(11, 21, "LOC")],
                               "badr": [Span(4, 10, "PERS"), Span(11, 16, "LOC")]}
    assert list(map(tuple, one.tokens)) == [(0, 3), (4, 10), (11, 16), (17, 21), (22, 25)]
    assert two.annotations == {"amal": [Span(6, 18, "PERS")]}  # badr did not finish: missing
    assert three.annotations == {"badr": []}  # a suggestion is not an annotation
    assert [d.doc_id for d in agreement_documents(store, ["amal"])] == [first, second]


def test_project_agreement_counts_unfinished_work_as_missing(store) -> None:
    report = project_agreement(store)
    assert report.annotators == ("amal", "badr")
    assert report.corpus["documents_by_coders"] == {"0": 0, "1": 2, "2": 1}
    pair = report.pair("amal", "badr")
    assert pair.documents == 1
    # tokens of document 1: O PERS LOC LOC O (amal) vs O PERS LOC O O (badr)
    assert pair.observed_agreement == pytest.approx(4 / 5)
    assert pair.exact.micro.f1 == pytest.approx(0.5)
    assert pair.lenient.micro.f1 == pytest.approx(1.0)
    assert report.overall["krippendorff_alpha"].used == 5


def test_label_and_annotator_filters_are_checked(store) -> None:
    with pytest.raises(AnnotatorError, match="E104"):
        project_agreement(store, labels=["NOPE"])
    with pytest.raises(AnnotatorError, match="E116"):
        project_agreement(store, annotators=["amal", GOLD_ANNOTATOR])
    with pytest.raises(AnnotatorError, match="E505"):
        project_agreement(store, annotators=["amal", "nobody"])
    only_pers = project_agreement(store, labels=["PERS"])
    assert only_pers.labels == ("PERS",)
    assert only_pers.pair("amal", "badr").exact.micro.f1 == pytest.approx(1.0)


def test_titles_are_the_first_words(store) -> None:
    first = store.document_ids()[0]
    assert document_titles(store, [first])[first].startswith("زار لافروف")


def test_the_projects_ordered_label_set_gives_ac2_on_its_label_order(store) -> None:
    from annotator.app.agreement import agreement_weights, set_agreement_weights

    assert agreement_weights(store) is None  # labels are nominal until declared ordered
    set_agreement_weights(store, "linear")
    assert agreement_weights(store) == "linear"
    report = project_agreement(store, weights=agreement_weights(store), gamma=None)
    assert report.weights is not None and report.weights.scale == ("O", "PERS", "LOC")
    assert report.overall["gwet_ac2"].used == report.overall["fleiss_kappa"].used == 5
    set_agreement_weights(store, None)
    assert agreement_weights(store) is None
    with pytest.raises(AnnotatorError, match="E514"):
        set_agreement_weights(store, "cubic")
    store.update_settings(agreement_weights="cubic")  # e.g. a hand-edited setting
    with pytest.raises(AnnotatorError, match="E514"):
        agreement_weights(store)
