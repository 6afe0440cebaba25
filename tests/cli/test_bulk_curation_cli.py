"""annotator adjudicate --accept-above: bulk curation end to end, text and --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from doccano_projects import two_annotator_project

from annotator.cli import main

TEXTS = ["زار لافروف بيونغ يانغ أمس", "قالت وكالة الأنباء الكورية", "لا كيانات هنا"]
AMAL = [[[4, 10, "PERS"], [11, 21, "LOC"]], [[5, 26, "ORG"]], []]
BADR = [[[4, 10, "PERS"], [11, 16, "LOC"]], [[5, 26, "ORG"]], []]


@pytest.fixture
def project(tmp_path: Path, capsys) -> str:
    project = two_annotator_project(tmp_path, TEXTS, AMAL, BADR)
    capsys.readouterr()
    return project


def test_accept_above_a_threshold_lists_accepted_and_left(project, tmp_path, capsys) -> None:
    assert main(["adjudicate", project, "--accept-above", "0.8", "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["bulk"]["applied"] is False and dry["progress"]["done"] == 0
    assert main(["adjudicate", project, "--accept-above", "0.8"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("Accepted 1 document(s) into the gold set (span_f1 >= 0.8; agreed spans: "
                      "unanimous), 1 span(s) added")
    assert out[1].split()[:4] == ["document", "2", "1.000", "1"]
    assert out[2] == "Left for review: 2 document(s)"
    assert out[3].split()[:3] == ["document", "1", "0.500"] and "below the threshold" in out[3]
    assert "n/a" in out[4] and "no value" in out[4]
    assert out[5] == "Adjudication: 1 of 3 document(s) done (33%)"
    gold = tmp_path / "gold.jsonl"
    assert main(["export", project, str(gold), "--gold", "--format", "doccano"]) == 0
    exported = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert [(r["text"], r["label"]) for r in exported] == [(TEXTS[1], [[5, 26, "ORG"]])]

    capsys.readouterr()
    assert main(["adjudicate", project, "--accept-above", "0.4", "--measure", "span_f1_lenient",
                 "--agreed", "majority", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["bulk"]
    assert (result["measure"], result["threshold"], result["agreed"]) == (
        "span_f1_lenient", 0.4, "majority")
    assert [(d["doc_id"], d["value"], d["spans_added"]) for d in result["accepted"]] == [
        (1, 1.0, 1)]  # lenient: LOC [11, 21) and [11, 16) overlap; only PERS is agreed exactly
    assert [(d["doc_id"], d["reason"]) for d in result["left"]] == [(2, "gold_done"),
                                                                    (3, "no_value")]


def test_bulk_options_refused_with_one_line_errors(project, capsys) -> None:
    for argv, code in ((["--accept-above", "1.2"], "E523"),
                       (["--accept-above", "0.5", "--measure", "gamma_ray"], "E522"),
                       (["--accept-above", "0.5", "--agreed", "most"], "E524"),
                       (["--measure", "alpha"], "E525"),
                       (["--dry-run"], "E525"),
                       (["--accept-above", "0.5", "--auto"], "E526")):
        assert main(["adjudicate", project, *argv]) == 2
        err = capsys.readouterr().err
        assert code in err and len(err.strip().splitlines()) == 1
    assert main(["adjudicate", project, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["progress"]["done"] == 0  # nothing written
