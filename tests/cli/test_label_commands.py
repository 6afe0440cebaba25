"""`annotator labels PROJECT list|add`: the label set after init; bad input is one coded line
(exit 2) and changes nothing."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main


@pytest.fixture
def project(tmp_path, capsys) -> str:
    path = str(tmp_path / "p.db")
    assert main(["init", path, "--lang", "ar", "--labels", "PERS,LOC"]) == 0
    capsys.readouterr()
    return path


def _labels(project: str, capsys) -> list[dict[str, str]]:
    assert main(["labels", project, "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_add_with_defaults_and_with_every_field(project, capsys):
    assert main(["labels", project, "add", "ORG"]) == 0
    assert "Added label ORG, hotkey 3" in capsys.readouterr().out
    assert main(["labels", project, "add", "EVENT", "--color", "#123456", "--hotkey", "e",
                 "--description", "حدث: مؤتمر، حرب، انتخابات"]) == 0
    capsys.readouterr()
    labels = _labels(project, capsys)
    assert [x["name"] for x in labels] == ["PERS", "LOC", "ORG", "EVENT"]
    assert labels[3] == {"name": "EVENT", "color": "#123456", "hotkey": "e",
                         "description": "حدث: مؤتمر، حرب، انتخابات"}
    assert main(["labels", project, "list"]) == 0
    assert "[e] EVENT" in capsys.readouterr().out


@pytest.mark.parametrize("args,code", [
    (["add", "GPE", "--hotkey", "1"], "E340"),  # PERS has 1
    (["add", "GPE", "--hotkey", "ab"], "E342"),
    (["add", "GPE", "--color", "red"], "E341"),
    (["add", "LOC"], "E111"),
    (["add", "O"], "E111"),
])
def test_bad_input_is_one_coded_line_and_changes_nothing(project, capsys, args, code):
    before = _labels(project, capsys)
    assert main(["labels", project, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(code) or f"[{code}]" in err or code in err.splitlines()[0]
    assert len(err.strip().splitlines()) == 1
    assert _labels(project, capsys) == before


def test_a_taken_default_hotkey_is_left_empty(project, capsys):
    assert main(["labels", project, "add", "ORG", "--hotkey", "4"]) == 0
    assert main(["labels", project, "add", "MISC"]) == 0  # its default, 4, is ORG's
    capsys.readouterr()
    assert _labels(project, capsys)[-1]["hotkey"] == ""


@pytest.fixture
def annotated(tmp_path, capsys) -> str:
    """PERS, LOC, ORG; amal's spans: PERS, LOC, ORG, and an ORG suggestion on LOC's offsets."""
    from annotator.app.project import Project
    from annotator.core.model import OverlapPolicy, SourceDocument, SpanState
    from annotator.core.operations import AddSpan
    from annotator.store.ingest import IngestOptions, ingest

    path = str(tmp_path / "a.db")
    with Project.create(path, labels=["PERS", "LOC", "ORG"],
                        overlap_policy=OverlapPolicy.ALLOW) as project:
        with project.store.write() as c:
            ingest(c, [SourceDocument("Ali met Omar in Cairo", source="t")],
                   OverlapPolicy.ALLOW, IngestOptions())
        annotation = project.annotation_id(project.document_ids()[0], "amal")
        for start, end, label, state in ((0, 3, "PERS", SpanState.ACCEPTED),
                                         (8, 12, "ORG", SpanState.ACCEPTED),
                                         (16, 21, "LOC", SpanState.ACCEPTED),
                                         (16, 21, "ORG", SpanState.SUGGESTED)):
            project.apply(AddSpan(annotation, start, end, label, state))
    return path


def _span_labels(path: str) -> list[tuple[int, str, str]]:
    from annotator.app.project import Project

    with Project.open(path) as project:
        annotation = project.annotation_id(project.document_ids()[0], "amal")
        return [(s.start, s.label, str(s.state)) for s in project.spans(annotation)]


def _one_line(capsys) -> str:
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1, out
    return out.strip()


def test_rename_recolor_hotkey_describe_reorder_each_report_one_line(annotated, capsys):
    assert main(["labels", annotated, "rename", "ORG", "ORGANISATION"]) == 0
    assert _one_line(capsys) == "Renamed ORG to ORGANISATION: 2 spans keep it"
    assert ("ORGANISATION" in {label for _, label, _ in _span_labels(annotated)})
    assert main(["labels", annotated, "recolor", "LOC", "#112233"]) == 0
    assert _one_line(capsys) == "LOC's colour is now #112233"
    assert main(["labels", annotated, "hotkey", "LOC", "l"]) == 0
    assert _one_line(capsys) == "LOC's hotkey is now l"
    assert main(["labels", annotated, "hotkey", "PERS", ""]) == 0
    assert _one_line(capsys) == "PERS has no hotkey now"
    assert main(["labels", annotated, "describe", "LOC", "مدن وبلدان"]) == 0
    assert _one_line(capsys) == "LOC's description is set"
    assert main(["labels", annotated, "reorder", "LOC"]) == 0
    assert _one_line(capsys) == "Labels in order: LOC, PERS, ORGANISATION"
    assert _labels(annotated, capsys) == [
        {"name": "LOC", "color": "#112233", "hotkey": "l", "description": "مدن وبلدان"},
        {"name": "PERS", "color": "#E69F00", "hotkey": "", "description": ""},
        {"name": "ORGANISATION", "color": "#009E73", "hotkey": "3", "description": ""}]


def test_merge_keeps_every_span_and_reports_the_duplicate_kept_once(annotated, capsys):
    assert main(["labels", annotated, "merge", "ORG", "LOC"]) == 0
    line = _one_line(capsys)
    assert line.startswith("Merged ORG into LOC: 1 span now LOC; 1 span on the same offsets")
    assert "[16, 21) LOC, accepted" in line and line.endswith("; ORG removed")
    assert _span_labels(annotated) == [(0, "PERS", "accepted"), (8, "LOC", "accepted"),
                                       (16, "LOC", "accepted")]
    assert [x["name"] for x in _labels(annotated, capsys)] == ["PERS", "LOC"]


def test_remove_refuses_a_label_in_use_until_told_what_becomes_of_its_spans(annotated, capsys):
    before = _span_labels(annotated)
    assert main(["labels", annotated, "remove", "PERS"]) == 2
    err = capsys.readouterr().err
    assert "[E343]" in err and "1 span(s)" in err and len(err.strip().splitlines()) == 1
    assert main(["labels", annotated, "remove", "PERS", "--spans-to", "X",
                 "--delete-spans"]) == 2  # one or the other
    assert "[E344]" in capsys.readouterr().err
    assert _span_labels(annotated) == before
    assert main(["labels", annotated, "remove", "PERS", "--spans-to", "ORG"]) == 0
    assert _one_line(capsys) == "Removed PERS: 1 span now ORG"
    assert main(["labels", annotated, "remove", "ORG", "--delete-spans"]) == 0
    assert _one_line(capsys) == ("Removed ORG and deleted 3 spans, 0 gazetteer names, "
                                 "0 time records")
    assert _span_labels(annotated) == [(16, "LOC", "accepted")]
    assert main(["labels", annotated, "add", "GPE"]) == 0
    capsys.readouterr()
    assert main(["labels", annotated, "remove", "GPE"]) == 0
    assert _one_line(capsys) == "Removed GPE (it was not in use)"


@pytest.mark.parametrize("args,code", [
    (["rename", "LOC", "PERS"], "E111"),
    (["rename", "NOPE", "X"], "E104"),
    (["hotkey", "LOC", "1"], "E340"),
    (["hotkey", "LOC", "!"], "E342"),
    (["recolor", "LOC", "#12345"], "E341"),
    (["merge", "LOC", "LOC"], "E344"),
    (["reorder", "LOC", "GPE"], "E171"),
])
def test_bad_changes_are_one_coded_line_and_change_nothing(project, capsys, args, code):
    before = _labels(project, capsys)
    assert main(["labels", project, *args]) == 2
    err = capsys.readouterr().err
    assert f"[{code}]" in err and len(err.strip().splitlines()) == 1
    assert _labels(project, capsys) == before
