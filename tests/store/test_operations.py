"""Edits are domain operations: each returns what changed, and undo/redo replays inverses.
Every test runs on SQLite and on PostgreSQL (`project` here is built on `fresh_project_url`)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.model import OverlapPolicy, SpanState, Status
from annotator.core.operations import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    AddSpan,
    DeleteSpan,
    RejectSuggestion,
    RelabelSpan,
    ResizeSpan,
    SetStatus,
)


@pytest.fixture
def project(seed_store):
    """The seed document in a fresh project, on each backend (tests/conftest.py)."""
    return seed_store


@pytest.fixture
def annotation(project) -> int:
    return project.annotation_id(project.document_ids()[0], "amal")


def _offsets(seed_text: str, word: str) -> tuple[int, int]:
    start = seed_text.index(word)
    return start, start + len(word)


def snapshot(store, annotation):
    return [(s.id, s.start, s.end, s.label, s.state) for s in store.spans(annotation)]


def test_add_span_returns_the_change_and_stores_it(project, annotation, seed_text):
    start, end = _offsets(seed_text, "لافروف")
    change = project.apply(AddSpan(annotation, start, end, "PERS"))
    assert [(s.start, s.end, s.label) for s in change.added] == [(start, end, "PERS")]
    assert isinstance(change.inverse, DeleteSpan)
    stored = project.spans(annotation)
    assert [(s.start, s.end, s.label) for s in stored] == [(start, end, "PERS")]
    assert seed_text[stored[0].start:stored[0].end] == "لافروف"
    assert project.annotation_status(annotation) is Status.IN_PROGRESS


@pytest.mark.parametrize("start,end,code", [(-1, 2, "E105"), (3, 3, "E106"), (5, 2, "E106"),
                                            (0, 10**6, "E105")])
def test_bad_offsets_are_refused_in_code(project, annotation, start, end, code):
    with pytest.raises(AnnotatorError, match=code):
        project.apply(AddSpan(annotation, start, end, "LOC"))
    assert project.spans(annotation) == []


def test_unknown_label_and_duplicate_are_refused(project, annotation):
    with pytest.raises(AnnotatorError, match="E104"):
        project.apply(AddSpan(annotation, 0, 4, "CITY"))
    project.apply(AddSpan(annotation, 0, 4, "LOC"))
    with pytest.raises(AnnotatorError, match="E108"):
        project.apply(AddSpan(annotation, 0, 4, "LOC"))


def test_overlap_refused_by_default_replaced_on_request(project, annotation):
    project.apply(AddSpan(annotation, 10, 19, "LOC"))
    with pytest.raises(AnnotatorError, match="E107"):
        project.apply(AddSpan(annotation, 15, 24, "ORG"))
    change = project.apply(AddSpan(annotation, 15, 24, "ORG", replace_overlapping=True))
    assert [(s.start, s.end) for s in change.removed] == [(10, 19)]
    assert [(s.start, s.end, s.label) for s in project.spans(annotation)] == [(15, 24, "ORG")]


def test_project_policy_replace_and_allow(project, annotation):
    project.update_project(overlap_policy=OverlapPolicy.ALLOW)
    project.apply(AddSpan(annotation, 10, 19, "LOC"))
    project.apply(AddSpan(annotation, 15, 24, "ORG"))
    assert len(project.spans(annotation)) == 2
    project.update_project(overlap_policy=OverlapPolicy.REPLACE)
    project.apply(AddSpan(annotation, 12, 30, "PERS"))
    assert [(s.start, s.end) for s in project.spans(annotation)] == [(12, 30)]


def test_every_operation_undoes_and_redoes_exactly(project, annotation):
    history = History(project.apply)
    states = [snapshot(project, annotation)]
    a = history.do(AddSpan(annotation, 0, 4, "LOC")).added[0].id
    states.append(snapshot(project, annotation))
    b = history.do(AddSpan(annotation, 10, 15, "PERS", state=SpanState.SUGGESTED,
                           origin="model-x", score=0.9)).added[0].id
    states.append(snapshot(project, annotation))
    history.do(RelabelSpan(a, "ORG"))
    states.append(snapshot(project, annotation))
    history.do(ResizeSpan(a, 1, 6))
    states.append(snapshot(project, annotation))
    history.do(AcceptSuggestion(b))
    states.append(snapshot(project, annotation))
    history.do(DeleteSpan(a))
    states.append(snapshot(project, annotation))
    history.do(AddSpan(annotation, 2, 8, "MISC", replace_overlapping=True))
    states.append(snapshot(project, annotation))
    history.do(SetStatus(annotation, Status.DONE))
    assert project.annotation_status(annotation) is Status.DONE
    history.undo()
    assert project.annotation_status(annotation) is Status.IN_PROGRESS
    for expected in reversed(states[:-1]):
        history.undo()
        assert snapshot(project, annotation) == expected
    assert not history.can_undo
    for expected in states[1:]:
        history.redo()
        assert snapshot(project, annotation) == expected
    history.redo()
    assert project.annotation_status(annotation) is Status.DONE
    assert not history.can_redo


def test_reject_and_accept_all_suggestions(project, annotation):
    ids = [project.apply(AddSpan(annotation, s, s + 3, "LOC", state=SpanState.SUGGESTED,
                                 origin="rules")).added[0].id for s in (0, 10, 20)]
    history = History(project.apply)
    history.do(RejectSuggestion(ids[0]))
    change = history.do(AcceptAllSuggestions(annotation))
    assert len(change.updated) == 2
    assert {s.state for s in project.spans(annotation)} == {SpanState.ACCEPTED}
    with pytest.raises(AnnotatorError, match="E112"):
        project.apply(RejectSuggestion(ids[1]))
    history.undo()
    assert {s.state for s in project.spans(annotation)} == {SpanState.SUGGESTED}
    history.undo()
    assert [s.id for s in project.spans(annotation)] == ids


def test_failed_edit_changes_nothing(project, annotation):
    project.apply(AddSpan(annotation, 10, 19, "LOC"))
    before = snapshot(project, annotation)
    version_before = _version(project, annotation)
    with pytest.raises(AnnotatorError):
        project.apply(ResizeSpan(before[0][0], 10, 10**7))
    assert snapshot(project, annotation) == before
    assert _version(project, annotation) == version_before


def _version(store, annotation):
    with store.engine.connect() as c:
        return c.execute(text("SELECT version FROM annotation WHERE id = :id"),
                         {"id": annotation}).scalar()


def test_every_edit_bumps_the_annotation_version(project, annotation):
    v0 = _version(project, annotation)
    span = project.apply(AddSpan(annotation, 0, 3, "LOC")).added[0].id
    project.apply(RelabelSpan(span, "ORG"))
    project.apply(DeleteSpan(span))
    assert _version(project, annotation) == v0 + 3


def test_relabel_follows_label_rename(project, annotation):
    project.apply(AddSpan(annotation, 0, 3, "LOC"))
    with project.write() as c:
        c.exec_driver_sql("UPDATE label SET name = 'PLACE' WHERE name = 'LOC'")
    assert project.spans(annotation)[0].label == "PLACE"


def test_overlap_check_sees_a_long_span_added_by_another_process(project, annotation):
    """The span-length bound is per annotation version: another writer's edit invalidates it."""
    from annotator.store import ProjectStore

    project.apply(AddSpan(annotation, 0, 2, "LOC"))  # this store now knows: longest span is 2
    other = ProjectStore.open(project.url)
    other.apply(AddSpan(annotation, 100, 400, "ORG"))  # a long span, written elsewhere
    with pytest.raises(AnnotatorError, match="E107"):
        project.apply(AddSpan(annotation, 390, 395, "PERS"))
    span = project.apply(AddSpan(annotation, 500, 502, "LOC")).added[0]
    other.apply(ResizeSpan(span.id, 450, 900))  # grown elsewhere
    with pytest.raises(AnnotatorError, match="E107"):
        project.apply(AddSpan(annotation, 881, 889, "PERS"))
    other.close()


def test_overlap_check_after_a_failed_batch_is_still_exact(project, annotation):
    from annotator.core.operations import Batch

    with pytest.raises(AnnotatorError):
        project.apply(Batch((AddSpan(annotation, 10, 300, "LOC"), AddSpan(annotation, 5, 6, "NOPE"))))
    assert project.spans(annotation) == []
    project.apply(AddSpan(annotation, 10, 300, "LOC"))
    with pytest.raises(AnnotatorError, match="E107"):
        project.apply(AddSpan(annotation, 290, 294, "ORG"))
