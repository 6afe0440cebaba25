"""The label set as named domain operations: rename, recolour, hotkey, describe, reorder,
remove, merge. Each is one transaction; a rename or merge keeps every span (suggestions and
every annotator's); a label in use is never removed silently; undo lands on the very same rows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from annotator.app.annotation_time import record_times
from annotator.app.gazetteer import add_to_gazetteer
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.model import LabelSpec, OverlapPolicy, SourceDocument, SpanState
from annotator.core.operations import (
    AddLabel,
    AddSpan,
    MergeLabels,
    RecolorLabel,
    RemoveLabel,
    RenameLabel,
    ReorderLabels,
    SetLabelDescription,
    SetLabelHotkey,
)
from annotator.core.timing import Decision, SpanTime
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.tables import TABLES, table_of

TEXT = "Ali met Omar in Cairo and Paris before Rome"
#       0   4   8    13 16    22  26    32     39


@pytest.fixture
def team(fresh_project_url) -> Project:
    """Two annotators' spans (accepted and suggested), gazetteer names and a time record."""
    project = Project.create(fresh_project_url, labels=["PERS", "LOC", "ORG", "MISC"],
                             overlap_policy=OverlapPolicy.ALLOW)
    with project.store.write() as c:
        ingest(c, [SourceDocument(TEXT, source="t")], OverlapPolicy.ALLOW, IngestOptions())
    doc = project.document_ids()[0]
    amal, badr = project.annotation_id(doc, "amal"), project.annotation_id(doc, "badr")
    for annotation, start, end, label, state in (
            (amal, 0, 3, "PERS", SpanState.ACCEPTED), (amal, 16, 21, "LOC", SpanState.ACCEPTED),
            (amal, 26, 31, "ORG", SpanState.ACCEPTED), (amal, 26, 31, "LOC", SpanState.SUGGESTED),
            (badr, 8, 12, "PERS", SpanState.SUGGESTED), (badr, 16, 21, "ORG", SpanState.SUGGESTED),
            (badr, 16, 21, "LOC", SpanState.ACCEPTED), (badr, 39, 43, "ORG", SpanState.ACCEPTED)):
        project.apply(AddSpan(annotation, start, end, label, state))
    add_to_gazetteer(project, "Cairo", "LOC")
    add_to_gazetteer(project, "Cairo", "ORG")
    add_to_gazetteer(project, "Rome", "ORG")
    record_times(project, [SpanTime("amal", doc, "ORG", Decision.CREATED, 4.0, False, 3, 26, 31)])
    yield project
    project.close()


USES = ("label", "span", "gazetteer_entry", "span_time")


def rows(project: Project) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the labels and of the tables that name one, in id order: what 'the very
    same rows' means (annotation rows move their versions on every edit, undo included; a
    label is known by its name, its row id is no one's reference)."""
    with project.store.engine.connect() as c:
        found = {t.name: sorted(tuple(r) for r in c.execute(select(table_of(t))).all())
                 for t in TABLES if t.name in USES}
    found["label"] = sorted(r[1:] for r in found["label"])
    return found


def spans_by_label(project: Project) -> dict[str, list[tuple[int, int, int, str]]]:
    found: dict[str, list[tuple[int, int, int, str]]] = {}
    doc = project.document_ids()[0]
    for name in ("amal", "badr"):
        for s in project.spans(project.annotation_id(doc, name)):
            found.setdefault(s.label, []).append((s.annotation_id, s.start, s.end, str(s.state)))
    return found


def test_rename_keeps_every_span_name_and_record_and_undo_restores_the_rows(team):
    before = rows(team)
    change = team.apply(RenameLabel("ORG", "ORGANISATION"))
    found = spans_by_label(team)
    assert "ORG" not in found
    assert sorted(found["ORGANISATION"]) == [(1, 26, 31, "accepted"), (2, 16, 21, "suggested"),
                                            (2, 39, 43, "accepted")]
    report = change.label_report
    assert (report.spans_relabelled, report.gazetteer_relabelled,
            report.time_records_relabelled) == (3, 2, 1)
    assert change.labels and change.annotation_ids == {1, 2} and change.document_ids
    assert [x.name for x in team.labels()] == ["PERS", "LOC", "ORGANISATION", "MISC"]
    team.apply(change.inverse)
    assert rows(team) == before


def test_a_rename_moves_the_versions_so_a_colleagues_poll_sees_both_annotations(team):
    colleague = Project.open(team.url)
    try:
        token = colleague.poll(None).token
        team.apply(RenameLabel("PERS", "PER"))
        changes = colleague.poll(token).changes
        assert changes.labels and changes.annotations == {1, 2}
    finally:
        colleague.close()


def test_merge_keeps_one_of_two_identical_spans_the_accepted_one_and_reports_it(team):
    before = rows(team)
    change = team.apply(MergeLabels("ORG", "LOC"))
    found = spans_by_label(team)
    assert "ORG" not in found and "ORG" not in [x.name for x in team.labels()]
    # amal: ORG accepted and LOC suggested on [26, 31): the accepted one stays, as LOC;
    # badr: ORG suggested and LOC accepted on [16, 21): LOC's stays
    assert sorted(found["LOC"]) == [(1, 16, 21, "accepted"), (1, 26, 31, "accepted"),
                                    (2, 16, 21, "accepted"), (2, 39, 43, "accepted")]
    report = change.label_report
    assert len(report.duplicates) == 2 and report.spans_deleted == 2
    kept = {(k.annotation_id, k.start, k.label, k.state) for k, _ in report.duplicates}
    assert kept == {(1, 26, "LOC", SpanState.ACCEPTED), (2, 16, "LOC", SpanState.ACCEPTED)}
    assert {(d.label, d.state) for _, d in report.duplicates} == {
        ("LOC", SpanState.SUGGESTED), ("ORG", SpanState.SUGGESTED)}
    assert report.spans_relabelled == 2  # amal's [26, 31) and badr's [39, 43)
    assert report.gazetteer_deleted == 1 and report.gazetteer_relabelled == 1  # Cairo, Rome
    assert report.time_records_relabelled == 1
    team.apply(change.inverse)
    assert rows(team) == before


def test_a_label_in_use_is_never_removed_silently(team):
    before = rows(team)
    with pytest.raises(AnnotatorError, match=r"\[E343\].*ORG.*3 span\(s\), 2 gazetteer name"):
        team.apply(RemoveLabel("ORG"))
    with pytest.raises(AnnotatorError, match=r"\[E344\]"):
        team.apply(RemoveLabel("ORG", spans_to="LOC", delete_spans=True))
    assert rows(team) == before
    assert team.apply(RemoveLabel("MISC")).label_report.spans_deleted == 0  # not in use


def test_remove_with_its_spans_relabelled_is_a_merge(team):
    change = team.apply(RemoveLabel("PERS", spans_to="MISC"))
    assert isinstance(change.operation, RemoveLabel)
    assert sorted(spans_by_label(team)["MISC"]) == [(1, 0, 3, "accepted"), (2, 8, 12, "suggested")]
    assert change.label_report.spans_relabelled == 2


def test_remove_deleting_its_spans_deletes_names_and_records_too_and_undo_restores(team):
    before = rows(team)
    change = team.apply(RemoveLabel("ORG", delete_spans=True))
    report = change.label_report
    assert (report.spans_deleted, report.gazetteer_deleted, report.time_records_deleted) == (
        3, 2, 1)
    assert "ORG" not in spans_by_label(team)
    assert {s.id for s in change.removed} == {r[0] for r in before["span"] if r[4] == "ORG"}
    team.apply(change.inverse)
    assert rows(team) == before
    assert [x.name for x in team.labels()] == ["PERS", "LOC", "ORG", "MISC"]  # its place back


def test_hotkeys_stay_unique_and_colours_and_keys_are_checked(team):
    before = rows(team)
    for op, code in ((SetLabelHotkey("LOC", "1"), "E340"), (SetLabelHotkey("LOC", "ab"), "E342"),
                     (RecolorLabel("LOC", "blue"), "E341"), (RenameLabel("LOC", "PERS"), "E111"),
                     (RenameLabel("LOC", "two words"), "E111"), (RenameLabel("NOPE", "X"), "E104"),
                     (MergeLabels("LOC", "LOC"), "E344"), (MergeLabels("LOC", "NOPE"), "E104"),
                     (AddLabel(LabelSpec("GPE", "#123456", "2")), "E340")):
        with pytest.raises(AnnotatorError, match=rf"\[{code}\]"):
            team.apply(op)
    assert rows(team) == before
    team.apply(SetLabelHotkey("LOC", "l"))
    with pytest.raises(AnnotatorError, match=r"\[E340\].*LOC's"):
        team.apply(SetLabelHotkey("ORG", "L"))  # the editor reads keys without their case
    team.apply(SetLabelHotkey("PERS", "2"))  # LOC's old key is free now
    team.apply(RecolorLabel("LOC", "#AbCdEf"))
    team.apply(SetLabelDescription("LOC", "أماكن: مدن، بلدان"))
    assert team.labels()[:2] == [LabelSpec("PERS", team.labels()[0].color, "2"),
                                 LabelSpec("LOC", "#AbCdEf", "l", "أماكن: مدن، بلدان")]


def test_restoring_a_label_whose_hotkey_was_taken_meanwhile_is_refused_cleanly(team):
    removed = team.apply(RemoveLabel("MISC"))  # MISC had hotkey 4
    team.apply(SetLabelHotkey("LOC", "4"))
    before = rows(team)
    with pytest.raises(AnnotatorError, match=r"\[E340\]"):
        team.apply(removed.inverse)
    assert rows(team) == before


def test_reorder_needs_every_label_once(team):
    for names, reason in ((("LOC", "PERS", "ORG"), "MISC not placed"),
                          (("LOC", "PERS", "ORG", "MISC", "GPE"), "'GPE' is not a label"),
                          (("LOC", "LOC", "PERS", "ORG", "MISC"), "LOC is named twice")):
        with pytest.raises(AnnotatorError, match=rf"\[E171\].*{reason}"):
            team.apply(ReorderLabels(names))
    change = team.apply(ReorderLabels(("MISC", "LOC", "PERS", "ORG")))
    assert [x.name for x in team.labels()] == ["MISC", "LOC", "PERS", "ORG"]
    team.apply(change.inverse)
    assert [x.name for x in team.labels()] == ["PERS", "LOC", "ORG", "MISC"]


def test_a_history_of_label_operations_undoes_and_redoes_onto_the_same_rows(team):
    history = History(team.apply)
    operations = [AddLabel(LabelSpec("GPE", "#123456", "g")), RenameLabel("ORG", "ORGANISATION"),
                  MergeLabels("ORGANISATION", "LOC"), RemoveLabel("PERS", spans_to="GPE"),
                  RecolorLabel("GPE", "#654321"), SetLabelHotkey("GPE", "9"),
                  ReorderLabels(("GPE", "MISC", "LOC")), RemoveLabel("GPE", delete_spans=True),
                  SetLabelDescription("LOC", "places")]
    states = [rows(team)]
    for op in operations:
        history.do(op)
        states.append(rows(team))
    for state in reversed(states[:-1]):
        history.undo()
        assert rows(team) == state
    for state in states[1:]:
        history.redo()
        assert rows(team) == state
