"""Blind mode at the application level: who sees whose annotations (SQLite; RLS is in team/)."""

from __future__ import annotations

import pytest

from annotator.app.adjudication import load_document
from annotator.app.team import (
    require_sees_everyone,
    sees_everyone,
    viewer_role,
    visible_annotations,
)
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD_ANNOTATOR, Role, Status
from annotator.core.operations import AddSpan, SetStatus


@pytest.fixture
def doc(project) -> int:
    doc_id = project.document_ids()[0]
    project.annotator_id("carla", role=Role.CURATOR)
    for name, end in (("amal", 6), ("badr", 7), (GOLD_ANNOTATOR, 6)):
        annotation = project.annotation_id(doc_id, name)
        project.apply(AddSpan(annotation, 0, end, "PERS"))
        project.apply(SetStatus(annotation, Status.DONE))
    return doc_id


def names(project, doc_id: int, viewer: str) -> list[str]:
    return [a.annotator for a in visible_annotations(project, doc_id, viewer)]


def test_an_open_project_shows_everyone_everything_with_gold_last(project, doc) -> None:
    assert names(project, doc, "amal") == ["amal", "badr", GOLD_ANNOTATOR]
    assert visible_annotations(project, doc, "amal")[1].accepted()[0].end == 7


def test_a_blind_project_shows_an_annotator_only_their_own_work(project, doc) -> None:
    project.store.update_project(blind=True)
    assert names(project, doc, "amal") == ["amal"]
    assert names(project, doc, "stranger") == []
    assert viewer_role(project, "stranger") is Role.ANNOTATOR
    assert names(project, doc, "carla") == ["amal", "badr", GOLD_ANNOTATOR]
    assert sees_everyone(project, "carla") and not sees_everyone(project, "badr")
    with pytest.raises(AnnotatorError, match="E521"):
        require_sees_everyone(project, "badr")
    with pytest.raises(AnnotatorError, match="E521"):
        load_document(project, doc, viewer="badr")
    assert load_document(project, doc, viewer="carla").adjudication.annotators == ("amal", "badr")
