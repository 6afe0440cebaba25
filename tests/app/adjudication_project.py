"""The project the adjudication and bulk-curation tests share: three documents amal and badr
annotated, the first with a disagreement, the second agreed, the third finished by amal only."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.app.project import Project
from annotator.core.model import GOLD_ANNOTATOR, SourceDocument, Span, Status
from annotator.core.operations import AddSpan, Batch, SetStatus
from annotator.store.ingest import IngestOptions, ingest

TEXTS = ["زار لافروف بيونغ يانغ أمس", "قالت وكالة الأنباء الكورية إن الزيارة مهمة",
         "لا كيانات هنا"]


def annotate(store: Project, doc_id: int, name: str, spans: list[Span],
             status: Status = Status.DONE) -> None:
    annotation = store.annotation_id(doc_id, name)
    store.apply(Batch((*(AddSpan(annotation, s.start, s.end, s.label) for s in spans),
                       SetStatus(annotation, status)), "test"))


def adjudication_project(path: Path, more_texts: Sequence[str] = ()) -> Project:
    """TEXTS and then MORE_TEXTS (not annotated) in a new project at PATH. First document: amal
    and badr agree on a PERS and differ on a LOC's end (F1 0.5); second: both mark the same ORG
    (F1 1); third: amal done with nothing, badr in progress with a MISC (not up for
    adjudication)."""
    store = Project.create(path, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.store.write() as c:
        ingest(c, [SourceDocument(t) for t in [*TEXTS, *more_texts]],
               store.info().overlap_policy, IngestOptions())
    first, second, third = store.document_ids()[:3]
    annotate(store, first, "amal", [Span(4, 10, "PERS"), Span(11, 20, "LOC")])
    annotate(store, first, "badr", [Span(4, 10, "PERS"), Span(11, 16, "LOC")])
    annotate(store, second, "amal", [Span(5, 26, "ORG")])
    annotate(store, second, "badr", [Span(5, 26, "ORG")])
    annotate(store, third, "amal", [])
    annotate(store, third, "badr", [Span(0, 2, "MISC")], Status.IN_PROGRESS)
    return store


def gold_spans(store: Project, doc_id: int) -> list[tuple[int, int, str, str]]:
    annotation = store.annotation_id(doc_id, GOLD_ANNOTATOR)
    return [(s.start, s.end, s.label, s.origin) for s in store.spans(annotation)]
