"""The Counts panel's project counts (`Project.label_counts`): the whole project's from the
tallies on SQLite, the annotator's own on PostgreSQL (blind mode's views included)."""

from __future__ import annotations

import pytest

from annotator.app.project import Project
from annotator.core.model import Role, SpanState
from annotator.core.operations import AddSpan, DeleteSpan, RelabelSpan
from annotator.store import ProjectStore, team
from annotator.store.queries import counted_stats

PASSWORD = "s3cret-Pa55"


def edit(project: Project) -> None:
    """amal: two LOC, a PERS suggestion, one relabelled and one deleted; badr: a LOC, an ORG."""
    first, second = project.document_ids()[:2]
    amal, badr = (project.annotation_id(first, name) for name in ("amal", "badr"))
    for start, end in ((0, 4), (5, 11), (12, 19)):
        project.apply(AddSpan(amal, start, end, "LOC"))
    project.apply(AddSpan(amal, 20, 24, "PERS", SpanState.SUGGESTED))
    spans = project.spans(amal)
    project.apply(RelabelSpan(spans[1].id, "MISC"))
    project.apply(DeleteSpan(spans[2].id))
    project.apply(AddSpan(badr, 0, 4, "LOC"))
    project.apply(AddSpan(project.annotation_id(second, "badr"), 0, 2, "ORG"))


def test_the_whole_project_on_sqlite_and_her_own_on_postgresql(shared_project: ProjectStore):
    project = Project(shared_project)
    edit(project)
    counts, whole = project.label_counts("amal")
    if shared_project.engine.dialect.name == "sqlite":
        assert whole
        assert counts == {"LOC": (2, 0), "MISC": (1, 0), "ORG": (1, 0), "PERS": (0, 1)}
        with shared_project.engine.connect() as c:
            expected = counted_stats(c)["spans_per_label"]
        assert counts == {label: (v["accepted"], v["suggested"])
                          for label, v in expected.items()}  # type: ignore[union-attr]
    else:
        assert not whole
        assert counts == {"LOC": (1, 0), "MISC": (1, 0), "PERS": (0, 1)}
    assert project.label_counts("nobody") == ({} if not whole else counts, whole)


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


@pytest.mark.postgres
def test_a_blind_annotator_counts_her_own_spans_through_the_views(pg_url: str, seed_text: str):
    from annotator.core.model import SourceDocument
    from annotator.store.ingest import IngestOptions, ingest

    store = ProjectStore.create(pg_url, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.write() as c:
        ingest(c, [SourceDocument(seed_text, source="seed"), SourceDocument("نص ثان", source="b")],
               store.project().overlap_policy, IngestOptions())
    for name in ("amal", "badr"):
        team.add_member(store, name, Role.ANNOTATOR, password=PASSWORD)
    team.set_blind(store, True)
    edit(Project(store))  # as the owner: both annotators' spans
    store.close()
    with Project.open(as_role(pg_url, "amal")) as amal:
        assert amal.label_counts("amal") == (
            {"LOC": (1, 0), "MISC": (1, 0), "PERS": (0, 1)}, False)
        assert amal.label_counts("badr") == ({}, False)  # her colleague's: nothing shows
