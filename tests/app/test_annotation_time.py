"""Annotation time stored and reported: known records give known figures; bad records write
nothing; the time travels with the project (db copy); decisions are read off edits."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from annotator.app.annotation_time import decisions_of, had_pretags, record_times, time_report
from annotator.app.copying import copy_project, project_digest
from annotator.app.project import Project
from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.model import SpanState, Status
from annotator.core.operations import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    AddSpan,
    Batch,
    DeleteSpan,
    RecordTime,
    RejectSuggestion,
    RelabelSpan,
    ResizeSpan,
    SetStatus,
)
from annotator.core.timing import Decision, DocumentTime, SpanTime
from annotator.store.tables import DocumentTimeRow, SpanTimeRow, table_of


def _three_documents(project: Project) -> list[int]:
    from annotator.core.model import SourceDocument
    from annotator.store.ingest import IngestOptions, ingest

    with project.store.write() as c:
        ingest(c, [SourceDocument(f"نص رقم {i} في القاهرة وبغداد", source=f"{i}.txt")
                   for i in range(2)], project.info().overlap_policy, IngestOptions())
    return project.document_ids()


def _known_times(project: Project) -> list[int]:
    """amal: doc 1 without pre-tags, 600 s, 3 created LOC/PERS spans (done);
    doc 2 pre-tagged, 300 s in two stretches, 3 accepted + 1 rejected + 1 corrected (done);
    doc 3 pre-tagged, 300 s, not done. badr: doc 1, 1200 s, 2 created (not done)."""
    docs = _three_documents(project)
    for doc in docs:
        project.annotation_id(doc, "amal")
    project.annotation_id(docs[0], "badr")
    for doc in docs[:2]:
        project.apply(SetStatus(project.annotation_id(doc, "amal"), Status.DONE))
    d1, d2, d3 = docs
    records = [
        DocumentTime("amal", d1, 600.0, False),
        SpanTime("amal", d1, "LOC", Decision.CREATED, 100.0, False, None, 0, 3),
        SpanTime("amal", d1, "LOC", Decision.CREATED, 200.0, False),
        SpanTime("amal", d1, "PERS", Decision.CREATED, 150.0, False),
        DocumentTime("amal", d2, 200.0, True),
        DocumentTime("amal", d2, 100.0, True),
        *(SpanTime("amal", d2, "LOC", Decision.ACCEPTED, 20.0, True) for _ in range(3)),
        SpanTime("amal", d2, "LOC", Decision.REJECTED, 10.0, True),
        SpanTime("amal", d2, "PERS", Decision.CORRECTED, 40.0, True),
        DocumentTime("amal", d3, 300.0, True),
        DocumentTime("badr", d1, 1200.0, False),
        SpanTime("badr", d1, "LOC", Decision.CREATED, 300.0, False),
        SpanTime("badr", d1, "LOC", Decision.CREATED, 300.0, False),
    ]
    assert record_times(project, records) == len(records)
    return docs


def test_known_recorded_times_give_known_figures(project: Project) -> None:
    _known_times(project)
    report = time_report(project).to_dict()
    amal = report["annotators"]["amal"]
    assert amal["without_pretags"] == {
        "active_seconds": 600.0, "documents": 1, "documents_done": 1,
        "documents_per_hour": 6.0, "entities": 3, "entities_per_hour": 18.0,
        "seconds_per_entity": 200.0,
        "decisions": {"accepted": 0, "corrected": 0, "rejected": 0, "created": 3}}
    # two pre-tagged documents, 600 s in all, one done: 6 documents/h; 4 entities kept: 24/h
    assert amal["with_pretags"]["active_seconds"] == 600.0
    assert amal["with_pretags"]["documents"] == 2
    assert amal["with_pretags"]["documents_per_hour"] == 6.0
    assert amal["with_pretags"]["entities"] == 4
    assert amal["with_pretags"]["entities_per_hour"] == 24.0
    assert amal["with_pretags"]["decisions"]["rejected"] == 1
    assert amal["all"]["active_seconds"] == 1200.0
    assert amal["all"]["entities_per_hour"] == 21.0
    assert amal["speed_up"] == round(24 / 18, 2)
    # per label: LOC without pre-tags 2 entities in 300 s of decisions: 24/h
    loc = amal["per_label"]["LOC"]
    assert loc["without_pretags"]["entities_per_hour"] == 24.0
    assert loc["with_pretags"]["active_seconds"] == 70.0  # 3 x 20 accepted + 10 rejected
    assert loc["with_pretags"]["entities"] == 3
    assert loc["with_pretags"]["seconds_per_entity"] == round(70 / 3, 1)
    assert "documents_per_hour" not in loc["all"]
    badr = report["annotators"]["badr"]
    assert badr["all"]["documents_per_hour"] == 0.0
    assert badr["all"]["entities_per_hour"] == 6.0
    assert badr["speed_up"] is None
    overall = report["overall"]
    assert overall["all"]["active_seconds"] == 2400.0
    assert overall["without_pretags"]["entities"] == 5
    assert overall["without_pretags"]["entities_per_hour"] == 10.0  # 5 in 1800 s


@pytest.mark.parametrize("bad, code", [
    (DocumentTime("amal", 999, 5.0), "E180"),
    (DocumentTime("amal", 1, -1.0), "E181"),
    (DocumentTime("amal", 1, float("nan")), "E181"),
    (DocumentTime("nobody", 1, 5.0), "E182"),
    (SpanTime("amal", 1, "NOPE", Decision.CREATED, 5.0), "E182"),
    (SpanTime("amal", 1, "LOC", Decision.CREATED, 5.0, False, None, 7, 3), "E182"),
])
def test_a_bad_record_is_refused_with_its_code_and_nothing_is_written(
        project: Project, bad: DocumentTime | SpanTime, code: str) -> None:
    project.annotation_id(project.document_ids()[0], "amal")
    good = DocumentTime("amal", project.document_ids()[0], 10.0)
    with pytest.raises(AnnotatorError) as err:
        project.store.record_time(RecordTime((good, bad)))
    assert err.value.code.name == code
    with project.store.engine.connect() as c:
        for table in (DocumentTimeRow, SpanTimeRow):
            assert c.execute(select(func.count()).select_from(table_of(table))).scalar() == 0


def test_recorded_time_is_copied_with_the_project(project: Project, tmp_path) -> None:
    _known_times(project)
    report = copy_project(project.url, tmp_path / "copy.db")
    assert report.rows["document_time"] == 5 and report.rows["span_time"] == 10
    assert project_digest(tmp_path / "copy.db") == project_digest(project.url)
    with Project.open(tmp_path / "copy.db") as copied:
        assert time_report(copied).to_dict() == time_report(project).to_dict()


def test_times_command_and_stats_section(project: Project, capsys) -> None:
    _known_times(project)
    location = str(project.url).removeprefix("sqlite:///")
    assert main(["times", location, "--json"]) == 0
    times = json.loads(capsys.readouterr().out)
    assert times["annotators"]["amal"]["with_pretags"]["entities_per_hour"] == 24.0
    assert main(["stats", location, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["times"] == times
    assert main(["times", location]) == 0
    table = capsys.readouterr().out
    assert "amal" in table and "with pre-tags" in table and "24.0" in table


def test_times_of_a_project_without_records_says_so(project: Project, capsys) -> None:
    location = str(project.url).removeprefix("sqlite:///")
    assert main(["times", location]) == 0
    assert "No annotation time recorded yet" in capsys.readouterr().out


# ----------------------------------------------------------------------------- decisions
def _annotation_with_suggestions(project: Project) -> tuple[int, list[int]]:
    annotation = project.annotation_id(project.document_ids()[0], "amal")
    ids = [project.apply(AddSpan(annotation, s, e, "LOC", SpanState.SUGGESTED, "gazetteer")
                         ).added[0].id for s, e in ((0, 3), (10, 15), (20, 24), (31, 35))]
    return annotation, ids


def test_decisions_read_off_each_kind_of_edit(project: Project) -> None:
    annotation, (a, b, c, d) = _annotation_with_suggestions(project)
    kinds = lambda change: [(k, s.label) for k, s in decisions_of(change)]  # noqa: E731
    assert kinds(project.apply(AcceptSuggestion(a))) == [(Decision.ACCEPTED, "LOC")]
    assert kinds(project.apply(RejectSuggestion(b))) == [(Decision.REJECTED, "LOC")]
    relabelled = project.apply(Batch((RelabelSpan(c, "PERS"), AcceptSuggestion(c)), "label"))
    assert kinds(relabelled) == [(Decision.CORRECTED, "PERS")]
    assert kinds(project.apply(ResizeSpan(a, 0, 4))) == [(Decision.CORRECTED, "LOC")]
    created = project.apply(AddSpan(annotation, 45, 48, "ORG"))
    assert kinds(created) == [(Decision.CREATED, "ORG")]
    assert kinds(project.apply(DeleteSpan(created.added[0].id))) == []  # own span: no decision
    assert kinds(project.apply(DeleteSpan(d))) == [(Decision.REJECTED, "LOC")]
    assert decisions_of(project.apply(SetStatus(annotation, Status.DONE))) == []


def test_accept_all_is_one_decision_per_suggestion(project: Project) -> None:
    annotation, ids = _annotation_with_suggestions(project)
    decided = decisions_of(project.apply(AcceptAllSuggestions(annotation)))
    assert sorted(s.id for _, s in decided) == sorted(ids)
    assert {k for k, _ in decided} == {Decision.ACCEPTED}


def test_a_new_span_replacing_a_suggestion_is_a_correction(tmp_path) -> None:
    from annotator.core.model import OverlapPolicy

    project = Project.create(tmp_path / "r.db", labels=["LOC", "PERS"],
                             overlap_policy=OverlapPolicy.REPLACE)
    _three_documents(project)
    annotation = project.annotation_id(project.document_ids()[0], "amal")
    project.apply(AddSpan(annotation, 0, 2, "LOC", SpanState.SUGGESTED, "gazetteer"))
    change = project.apply(AddSpan(annotation, 0, 6, "PERS"))
    assert [(k, s.label) for k, s in decisions_of(change)] == [(Decision.CORRECTED, "PERS")]
    project.close()


def test_pretags_are_suggestions_or_spans_a_pretagger_made(project: Project) -> None:
    annotation, ids = _annotation_with_suggestions(project)
    assert had_pretags(project.spans(annotation))
    project.apply(AcceptAllSuggestions(annotation))
    assert had_pretags(project.spans(annotation))  # accepted, still the gazetteer's
    other = project.annotation_id(project.document_ids()[0], "badr")
    project.apply(AddSpan(other, 0, 3, "LOC"))
    assert not had_pretags(project.spans(other))
