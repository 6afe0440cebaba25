"""Nested gazetteer suggestions: in a project that allows overlapping spans the gazetteer
proposes `القاهرة` inside `جامعة القاهرة` when both are entries; flat projects get the longest
match only, as before."""

from __future__ import annotations

import pytest

from annotator.app.gazetteer import import_names
from annotator.app.pretagging import pretag_documents, pretagger_context
from annotator.app.project import Project
from annotator.core.model import Name, OverlapPolicy, SourceDocument
from annotator.nlp.gazetteer import matcher_for
from annotator.nlp.pretaggers import load_pretagger
from annotator.store.ingest import IngestOptions, ingest

TEXT = "درس في جامعة القاهرة ثم زار القاهرة ووزارة الخارجية المصرية."
NAMES = [Name("جامعة القاهرة", "ORG"), Name("القاهرة", "LOC"),
         Name("وزارة الخارجية المصرية", "ORG"), Name("المصرية", "LOC")]


def _found(nested: bool) -> list[tuple[str, str]]:
    return [(TEXT[m.start:m.end], m.label) for m in matcher_for(NAMES, "ar").find(TEXT, nested)]


def test_the_matcher_finds_inner_names_only_when_asked():
    assert _found(False) == [("جامعة القاهرة", "ORG"), ("القاهرة", "LOC"),
                             ("وزارة الخارجية المصرية", "ORG")]
    assert _found(True) == [("جامعة القاهرة", "ORG"), ("القاهرة", "LOC"), ("القاهرة", "LOC"),
                            ("وزارة الخارجية المصرية", "ORG"), ("المصرية", "LOC")]


@pytest.mark.parametrize("policy, expected", [
    (OverlapPolicy.ALLOW, {("جامعة القاهرة", "ORG"), ("القاهرة", "LOC"),
                           ("وزارة الخارجية المصرية", "ORG"), ("المصرية", "LOC")}),
    (OverlapPolicy.REFUSE, {("جامعة القاهرة", "ORG"), ("وزارة الخارجية المصرية", "ORG")}),
])
def test_pretagging_a_project_follows_its_overlap_policy(tmp_path, policy, expected):
    project = Project.create(tmp_path / "p.db", labels=["ORG", "LOC"], overlap_policy=policy)
    with project.store.write() as c:
        ingest(c, [SourceDocument(TEXT, source="t")], policy, IngestOptions())
    import_names(project, NAMES)
    context = pretagger_context(project)
    assert context.nested is (policy is OverlapPolicy.ALLOW)
    report = pretag_documents(project, load_pretagger("gazetteer", "project", context),
                              annotator="amal")
    [doc_id] = project.document_ids()
    spans = project.spans(project.annotation_id(doc_id, "amal"))
    texts = {(TEXT[s.span.start:s.span.end], s.span.label) for s in spans}
    # the second, free-standing القاهرة is found under both policies
    assert texts == expected | {("القاهرة", "LOC")}
    assert len(spans) == len(expected) + 1 and all(s.state == "suggested" for s in spans)
    assert not report.suggestions.overlapping_suggested
    project.close()
