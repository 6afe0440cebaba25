"""annotator agreement --weights W [--keep-weights]: Gwet's AC2 in the JSON, CSV, HTML, text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from doccano_projects import two_annotator_project

from annotator.cli import main

TEXTS = ["زار لافروف بيونغ يانغ أمس", "قالت وكالة الأنباء الكورية", "التقى كيم جونغ أون في وونسان",
         "لا كيانات هنا"]
AMAL = [[[4, 10, "PERS"], [11, 21, "LOC"]], [[5, 26, "ORG"]], [[6, 16, "PERS"]], []]
BADR = [[[4, 10, "LOC"], [11, 16, "LOC"]], [[5, 26, "ORG"]], [[6, 16, "PERS"], [20, 26, "LOC"]],
        [[0, 2, "MISC"]]]


@pytest.fixture
def project(tmp_path: Path, capsys) -> str:
    project = two_annotator_project(tmp_path, TEXTS, AMAL, BADR)
    capsys.readouterr()
    return project


def _json(capsys, *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["agreement", *args, "--json", "--bootstrap", "100", "--no-gamma"]) == 0
    return json.loads(capsys.readouterr().out)


def test_weights_add_ac2_on_the_projects_label_order(project, tmp_path, capsys) -> None:
    plain = _json(capsys, project)
    assert "gwet_ac2" not in plain["overall"] and plain["weights"] is None
    same = _json(capsys, project, "--weights", "identity")
    assert same["overall"]["gwet_ac2"]["value"] == pytest.approx(
        same["overall"]["gwet_ac1"]["value"], abs=1e-12)
    report = _json(capsys, project, "--weights", "quadratic")
    # the scale: O, then the project's labels in their order (init --labels PERS,LOC,ORG,MISC)
    assert report["weights"] == {"kind": "quadratic", "scale": ["O", "PERS", "LOC", "ORG", "MISC"]}
    ac2 = report["overall"]["gwet_ac2"]
    assert ac2["value"] != pytest.approx(report["overall"]["gwet_ac1"]["value"])
    interval = report["bootstrap"]["overall"]["gwet_ac2"]
    assert interval["low"] <= ac2["value"] <= interval["high"]
    table, page = tmp_path / "r.csv", tmp_path / "r.html"
    assert main(["agreement", project, "--weights", "quadratic", "--bootstrap", "100",
                 "--no-gamma", "--csv", str(table), "--html", str(page)]) == 0
    text = capsys.readouterr().out
    assert "Gwet's AC2 (tokens, weighted)" in text
    assert "quadratic weights (Gwet 2014, ch. 3) on the ordered scale O < PERS < LOC < ORG" in text
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert any(r["section"] == "overall" and r["measure"] == "gwet_ac2" for r in rows)
    assert any(r["section"] == "interval" and r["measure"] == "gwet_ac2_low" for r in rows)
    html = page.read_text(encoding="utf-8")
    assert "Gwet&#x27;s AC2 (tokens, weighted)" in html and "quadratic weights" in html


def test_keep_weights_makes_it_the_projects_choice(project, capsys) -> None:
    assert main(["agreement", project, "--weights", "ordinal", "--keep-weights",
                 "--bootstrap", "0", "--no-gamma"]) == 0
    capsys.readouterr()
    assert _json(capsys, project)["weights"]["kind"] == "ordinal"  # no --weights: the project's
    assert _json(capsys, project, "--weights", "none")["weights"] is None  # this run only
    assert _json(capsys, project)["weights"]["kind"] == "ordinal"
    assert main(["agreement", project, "--weights", "none", "--keep-weights",
                 "--bootstrap", "0", "--no-gamma"]) == 0
    capsys.readouterr()
    assert _json(capsys, project)["weights"] is None


def test_unknown_weights_and_keep_without_weights_are_one_line_errors(project, capsys) -> None:
    assert main(["agreement", project, "--weights", "cubic"]) != 0
    err = capsys.readouterr().err
    assert "E514" in err and "identity, linear, quadratic, ordinal" in err
    assert "Traceback" not in err
    assert main(["agreement", project, "--keep-weights"]) != 0
    err = capsys.readouterr().err
    assert "E529" in err and "--weights W" in err
