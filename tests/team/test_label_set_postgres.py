"""The label set on a team server: a manager's rename or merge reaches every member's spans,
those of a blind project included (which the manager's role may read, but the rename would
reach them whatever it could read: the database cascades it); a member may not change the
label set (E172) and nothing changes."""

from __future__ import annotations

import pytest

from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import Role, SourceDocument
from annotator.core.operations import AddSpan, MergeLabels, RenameLabel, SetLabelHotkey
from annotator.store import ProjectStore, team
from annotator.store.ingest import IngestOptions, ingest

pytestmark = pytest.mark.postgres
PASSWORD = "s3cret-Pa55"


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


def test_members_spans_follow_a_rename_and_a_member_may_not_change_labels(pg_url) -> None:
    store = ProjectStore.create(pg_url, labels=["PERS", "LOC", "GPE"])
    with store.write() as c:
        ingest(c, [SourceDocument("زار لافروف القاهرة", source="s")],
               store.project().overlap_policy, IngestOptions())
    store.update_project(blind=True)
    for name in ("amal", "badr"):
        team.add_member(store, name, Role.ANNOTATOR, password=PASSWORD)
    doc = store.document_ids()[0]
    for name in ("amal", "badr"):
        with Project.open(as_role(pg_url, name)) as mine:
            mine.apply(AddSpan(mine.annotation_id(doc, name), 11, 18, "LOC"))
    with Project.open(as_role(pg_url, "amal")) as amal:
        for op in (RenameLabel("LOC", "PLACE"), SetLabelHotkey("LOC", "l"),
                   MergeLabels("GPE", "LOC")):
            with pytest.raises(AnnotatorError, match=r"\[E172\]"):
                amal.apply(op)
        assert [x.name for x in amal.labels()] == ["PERS", "LOC", "GPE"]
    with Project(store) as owner:  # the manager role that owns the project
        change = owner.apply(RenameLabel("LOC", "PLACE"))
        assert change.label_report.spans_relabelled == 2
        owner.apply(MergeLabels("GPE", "PLACE"))
    for name in ("amal", "badr"):
        with Project.open(as_role(pg_url, name)) as mine:
            assert [s.label for s in mine.spans(mine.annotation_id(doc, name))] == ["PLACE"]
