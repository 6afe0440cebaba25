"""Several sessions on one project, on SQLite and PostgreSQL alike: nobody silently overwrites a
colleague's change, edits to one annotation wait for each other, and polls see what changed."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import insert, select, update

from annotator.core.errors import AnnotatorError
from annotator.core.model import SourceDocument, Status
from annotator.core.operations import (
    AddSpan,
    DeleteSpan,
    RelabelSpan,
    ResizeSpan,
    SetStatus,
)
from annotator.store import ProjectStore
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.tables import Annotation, SpanRow, table_of, utcnow

N, S = table_of(Annotation), table_of(SpanRow)


@pytest.fixture
def two_desktops(shared_project):
    """Two sessions on amal's annotation of the first document, both showing its spans."""
    doc = shared_project.document_ids()[0]
    annotation = shared_project.annotation_id(doc, "amal")
    span = shared_project.apply(AddSpan(annotation, 5, 11, "PERS")).added[0]
    other = ProjectStore.open(shared_project.url)
    assert shared_project.spans(annotation) == other.spans(annotation)  # both views loaded
    yield shared_project, other, annotation, span
    other.close()


def version(store: ProjectStore, annotation: int) -> int:
    with store.engine.connect() as c:
        return int(c.execute(select(N.c.version).where(N.c.id == annotation)).scalar_one())


@pytest.mark.parametrize("stale_edit", [
    lambda ann, span: RelabelSpan(span.id, "LOC"),
    lambda ann, span: ResizeSpan(span.id, 5, 9),
    lambda ann, span: DeleteSpan(span.id),
    lambda ann, span: SetStatus(ann, Status.SKIPPED),
], ids=["relabel", "resize", "delete", "status"])
def test_a_stale_view_cannot_overwrite_a_colleagues_change(two_desktops, stale_edit):
    mine, theirs, annotation, span = two_desktops
    theirs.apply(RelabelSpan(span.id, "ORG"))
    theirs.apply(SetStatus(annotation, Status.DONE))
    before = version(mine, annotation)
    with pytest.raises(AnnotatorError, match="E114"):
        mine.apply(stale_edit(annotation, span))
    assert version(mine, annotation) == before  # nothing written
    assert [(s.label, s.start, s.end) for s in mine.spans(annotation)] == [("ORG", 5, 11)]
    assert mine.annotation_status(annotation) is Status.DONE
    mine.apply(stale_edit(annotation, span))  # reloaded: now it is a deliberate change
    # and the colleague, whose view is now the stale one, is refused in turn
    with pytest.raises(AnnotatorError, match="E114"):
        theirs.apply(SetStatus(annotation, Status.NEW))


def test_a_stale_view_may_add_spans_that_do_not_clash_and_stays_stale(two_desktops):
    mine, theirs, annotation, span = two_desktops
    theirs.apply(AddSpan(annotation, 20, 30, "LOC"))
    added = mine.apply(AddSpan(annotation, 42, 44, "ORG")).added[0]  # merged
    with pytest.raises(AnnotatorError, match="E107"):  # checked against the colleague's span
        mine.apply(AddSpan(annotation, 25, 35, "ORG"))
    with pytest.raises(AnnotatorError, match="E114"):  # still stale: no changes yet
        mine.apply(DeleteSpan(added.id))
    assert [(s.start, s.end) for s in mine.spans(annotation)] == [(5, 11), (20, 30), (42, 44)]
    mine.apply(DeleteSpan(added.id))


def test_own_edits_keep_a_view_current(two_desktops):
    mine, _, annotation, span = two_desktops
    mine.apply(RelabelSpan(span.id, "ORG"))
    mine.apply(ResizeSpan(span.id, 5, 8))
    mine.apply(SetStatus(annotation, Status.DONE))
    assert mine.changes_since(None).changes.by_others == frozenset()


def test_an_edit_waits_for_a_colleagues_edit_in_flight_and_then_sees_it(shared_project):
    doc = shared_project.document_ids()[0]
    annotation = shared_project.annotation_id(doc, "amal")
    other = ProjectStore.open(shared_project.url)
    outcome: dict[str, object] = {}

    def colleague_adds_overlapping_span() -> None:
        try:
            outcome["result"] = other.apply(AddSpan(annotation, 15, 24, "PERS"))
        except AnnotatorError as err:
            outcome["result"] = err
        outcome["at"] = time.monotonic()

    with shared_project.write() as c:  # an edit in flight: locked, written, not yet committed
        c.execute(select(N.c.id).where(N.c.id == annotation).with_for_update(key_share=True))
        c.execute(insert(S).values(annotation_id=annotation, start=10, end=20, label="LOC",
                                   state="accepted", origin="manual", created_at=utcnow(),
                                   updated_at=utcnow()))
        c.execute(update(N).where(N.c.id == annotation).values(version=N.c.version + 1))
        thread = threading.Thread(target=colleague_adds_overlapping_span)
        thread.start()
        time.sleep(0.4)
        assert thread.is_alive(), "the second edit did not wait for the first"
        committed = time.monotonic()
    thread.join(15)
    other.close()
    assert isinstance(outcome["result"], AnnotatorError) and "E107" in str(outcome["result"])
    assert outcome["at"] >= committed  # type: ignore[operator]
    assert [(s.start, s.end) for s in shared_project.spans(annotation)] == [(10, 20)]


def test_two_sessions_opening_the_same_new_annotation_get_the_same_one(shared_project):
    doc = shared_project.document_ids()[1]
    amal = shared_project.annotator_id("amal")
    other = ProjectStore.open(shared_project.url)
    outcome: dict[str, object] = {}

    def open_annotation() -> None:
        try:
            outcome["id"] = other.annotation_id(doc, "amal")
        except Exception as err:  # noqa: BLE001 - reported below
            outcome["id"] = err

    with shared_project.write() as c:
        created = c.execute(insert(N).values(
            document_id=doc, annotator_id=amal, status="new", version=0, created_at=utcnow(),
            updated_at=utcnow())).inserted_primary_key[0]
        thread = threading.Thread(target=open_annotation)
        thread.start()
        time.sleep(0.4)
    thread.join(15)
    other.close()
    assert outcome["id"] == created


def test_polling_tells_what_colleagues_changed(shared_project):
    mine = shared_project
    theirs = ProjectStore.open(mine.url)
    first, second = mine.document_ids()
    my_annotation = mine.annotation_id(first, "amal")
    their_annotation = theirs.annotation_id(second, "badr")
    start = mine.changes_since(None)
    assert start.changes.anything and start.changes.document_set and start.changes.labels
    assert mine.changes_since(start.token).changes.anything is False

    theirs.apply(AddSpan(their_annotation, 0, 2, "LOC"))
    theirs.apply(SetStatus(their_annotation, Status.DONE))
    seen = mine.changes_since(start.token)
    assert seen.changes.annotations == seen.changes.by_others == {their_annotation}
    assert seen.changes.documents == {second}
    assert not (seen.changes.document_set or seen.changes.labels or seen.changes.project)

    mine.spans(my_annotation)
    mine.apply(AddSpan(my_annotation, 5, 11, "PERS"))
    own = mine.changes_since(seen.token)  # this store's own edit reached its views already
    assert not own.changes.anything and own.changes.by_others == frozenset()

    theirs.add_label("DATE")
    theirs.update_project(guidelines="الأسماء فقط")
    with theirs.write() as c:
        ingest(c, [SourceDocument("وثيقة ثالثة")], theirs.project().overlap_policy,
               IngestOptions())
    last = mine.changes_since(own.token)
    assert last.changes.labels and last.changes.project and last.changes.document_set
    assert not last.changes.annotations
    theirs.close()
