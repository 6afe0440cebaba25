"""Agreement read as columns (`agreement_columns`) on blind mode's access path (migration
0008): a curator gets the report the document path gives; an annotator, who sees only her own
work through `annotator_api`, gets the same refusal from both paths."""

from __future__ import annotations

import pytest

from annotator.app.agreement import project_agreement, project_tokenize
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import Role, SourceDocument, Status
from annotator.core.operations import AddSpan, Batch, SetStatus
from annotator.store import ProjectStore, team
from annotator.store.ingest import IngestOptions, ingest

pytestmark = pytest.mark.postgres
PASSWORD = "s3cret-Pa55"
TEXTS = ["زار لافروف بيونغ يانغ أمس\r\n😀 وبيونج", "التقى كيم جونغ أون الوزير", "لم يحدث شيء"]


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


@pytest.fixture
def blind_url(pg_url: str) -> str:
    store = ProjectStore.create(pg_url, labels=["PERS", "LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument(t) for t in TEXTS], store.project().overlap_policy,
               IngestOptions())
    for name, role in (("amal", Role.ANNOTATOR), ("badr", Role.ANNOTATOR),
                       ("cora", Role.CURATOR)):
        team.add_member(store, name, role, password=PASSWORD)
    team.set_blind(store, True)
    store.close()
    spans = {"amal": [(0, 4, 10, "PERS"), (0, 11, 21, "LOC"), (1, 6, 18, "PERS")],
             "badr": [(0, 4, 10, "PERS"), (0, 11, 16, "LOC"), (2, 0, 2, "LOC")]}
    for name, marks in spans.items():
        with Project.open(as_role(pg_url, name)) as mine:
            ids = mine.document_ids()
            for number, doc_id in enumerate(ids):
                own = mine.annotation_id(doc_id, name)
                ops = [AddSpan(own, s, e, label) for d, s, e, label in marks if d == number]
                mine.apply(Batch((*ops, SetStatus(own, Status.DONE)), "test"))
    return pg_url


def both_paths(url: str) -> tuple[object, object]:
    with Project.open(url) as project:
        results = []
        for tokenize in (project_tokenize(project.info().language), None):
            try:
                results.append(project_agreement(project, tokenize=tokenize, gamma=None,
                                                 bootstrap=20).to_dict())
            except AnnotatorError as error:
                results.append(str(error))
        return results[0], results[1]


def test_a_curator_gets_the_same_report_from_columns_on_a_blind_project(blind_url):
    before, after = both_paths(as_role(blind_url, "cora"))
    assert isinstance(after, dict) and after["annotators"] == ["amal", "badr"]
    assert after == before


def test_a_blind_annotator_gets_the_same_answer_from_both_paths(blind_url):
    before, after = both_paths(as_role(blind_url, "amal"))
    assert after == before
    assert "E501" in str(after)  # she sees one annotator: her own work
