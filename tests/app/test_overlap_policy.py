"""The overlap policy use-case and `annotator project overlap`: a change is refused, with the
overlapping spans named and nothing deleted, whenever spans would break the new policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.overlaps import overlapping_spans, set_overlap_policy
from annotator.app.project import Project
from annotator.cli import main
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy, SourceDocument, Span, Status
from annotator.core.operations import AddSpan, DeleteSpan
from annotator.store.ingest import IngestOptions, ingest

TEXT = "وقال رئيس جامعة القاهرة إن الطلاب عادوا إلى القاهرة."


def nested_project(path: Path) -> Project:
    project = Project.create(path, labels=["PERS", "LOC", "ORG"], overlap_policy=OverlapPolicy.ALLOW)
    outer = TEXT.index("جامعة القاهرة")
    inner = TEXT.index("القاهرة")
    spans = [Span(outer, outer + len("جامعة القاهرة"), "ORG"), Span(inner, inner + 7, "LOC"),
             Span(TEXT.rindex("القاهرة"), TEXT.rindex("القاهرة") + 7, "LOC")]
    with project.store.engine.begin() as c:
        ingest(c, [SourceDocument(TEXT, source="t.txt", spans=spans)], OverlapPolicy.ALLOW,
               IngestOptions(annotator="amal", status=Status.IN_PROGRESS))
    return project


def test_the_census_finds_each_span_that_overlaps_another(tmp_path):  # type: ignore[no-untyped-def]
    with nested_project(tmp_path / "p.db") as project:
        census = overlapping_spans(project)
        assert (census.count, census.annotations) == (1, 1)
        example = census.examples[0]
        assert example.span[2:] == ("LOC", "القاهرة") and example.other[2] == "ORG"
        assert "inside" in example.describe()


@pytest.mark.parametrize("policy", [OverlapPolicy.REFUSE, OverlapPolicy.REPLACE])
def test_leaving_allow_is_refused_while_spans_overlap_and_nothing_is_deleted(tmp_path, policy):  # type: ignore[no-untyped-def]
    with nested_project(tmp_path / "p.db") as project:
        annotation = project.annotation_id(1, "amal")
        before = project.spans(annotation)
        with pytest.raises(AnnotatorError) as refused:
            set_overlap_policy(project, policy)
        assert refused.value.code is E.E120
        assert "1 span(s)" in str(refused.value) and "القاهرة" in str(refused.value)
        assert project.info().overlap_policy is OverlapPolicy.ALLOW
        assert project.spans(annotation) == before
        inner = next(s for s in before if s.label == "LOC" and s.start < 20)
        project.apply(DeleteSpan(inner.id))  # resolved: now it goes through
        report = set_overlap_policy(project, policy)
        assert report.changed and report.changes.project
        assert project.info().overlap_policy is policy
        assert len(project.spans(annotation)) == len(before) - 1
        # and the store follows the new policy at once
        with pytest.raises(AnnotatorError) as overlap:
            project.apply(AddSpan(annotation, inner.start, inner.end, "LOC",
                                  replace_overlapping=False))
        assert overlap.value.code is E.E107


def test_moving_to_allow_and_back_with_no_overlap(tmp_path):  # type: ignore[no-untyped-def]
    with Project.create(tmp_path / "flat.db", labels=["LOC"]) as project:
        assert set_overlap_policy(project, OverlapPolicy.ALLOW).changes.project
        unchanged = set_overlap_policy(project, OverlapPolicy.ALLOW)
        assert not unchanged.changed and not unchanged.changes.anything
        assert set_overlap_policy(project, OverlapPolicy.REFUSE).after is OverlapPolicy.REFUSE


def test_the_command_shows_and_changes_the_policy(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.db"
    nested_project(path).close()
    assert main(["project", "overlap", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Overlap policy: allow" in out and "1 span(s) in 1 annotation(s)" in out
    assert main(["project", "overlap", str(path), "refuse"]) == 2
    err = capsys.readouterr().err
    assert "[E120]" in err and f"annotator project overlap {path} --list" in err
    assert main(["project", "overlap", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["policy"] == "allow" and shown["overlapping_spans"] == 1
    assert shown["spans"][0]["overlaps"]["label"] == "ORG"
