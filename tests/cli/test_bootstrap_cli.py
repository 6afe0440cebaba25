"""annotator agreement --bootstrap N --seed S: intervals in the JSON, CSV, HTML and terminal."""

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
BADR = [[[4, 10, "PERS"], [11, 16, "LOC"]], [[5, 26, "ORG"]], [[6, 16, "PERS"], [20, 26, "LOC"]],
        [[0, 2, "MISC"]]]


@pytest.fixture
def project(tmp_path: Path, capsys) -> str:
    project = two_annotator_project(tmp_path, TEXTS, AMAL, BADR)
    capsys.readouterr()
    return project


def test_intervals_by_default_seeded_and_off_with_zero(project, tmp_path, capsys) -> None:
    assert main(["agreement", project, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    bootstrap = report["bootstrap"]
    assert (bootstrap["resamples"], bootstrap["seed"], bootstrap["level"]) == (1000, 0, 0.95)
    f1 = bootstrap["overall"]["span_f1_exact"]
    assert f1["low"] <= report["overall"]["span_f1_exact"]["value"] <= f1["high"]
    assert set(bootstrap["per_label"]) == set(report["labels"])
    assert main(["agreement", project, "--json", "--bootstrap", "200", "--seed", "3"]) == 0
    other = json.loads(capsys.readouterr().out)["bootstrap"]
    assert (other["resamples"], other["seed"]) == (200, 3)
    assert main(["agreement", project, "--json", "--bootstrap", "200", "--seed", "3"]) == 0
    assert json.loads(capsys.readouterr().out)["bootstrap"] == other  # the same seed
    assert main(["agreement", project, "--json", "--bootstrap", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["bootstrap"] is None

    table, page = tmp_path / "r.csv", tmp_path / "r.html"
    assert main(["agreement", project, "--bootstrap", "300", "--csv", str(table),
                 "--html", str(page)]) == 0
    text = capsys.readouterr().out
    assert "95% confidence intervals (bootstrap over documents, 300 resamples, seed 0)" in text
    line = next(x for x in text.splitlines() if "(overall)" in x and "krippendorff_alpha" in x)
    assert len(line.split()) == 5  # label, measure, value, low, high
    rows = [r for r in csv.DictReader(table.open(encoding="utf-8")) if r["section"] == "interval"]
    low = next(r for r in rows if r["measure"] == "span_f1_exact_low" and not r["label"])
    assert float(low["value"]) <= report["overall"]["span_f1_exact"]["value"]
    assert low["unit"] == "document" and int(low["used"]) > 0
    assert {r["label"] for r in rows} >= set(report["labels"])
    html = page.read_text(encoding="utf-8")
    assert "95% confidence intervals (bootstrap over documents, 300 resamples, seed 0)" in html
    assert main(["agreement", project, "--bootstrap", "100", "--html", str(page),
                 "--lang", "ar"]) == 0
    assert "فترات الثقة 95%" in page.read_text(encoding="utf-8")


def test_bad_bootstrap_options_are_one_line_errors(project, capsys) -> None:
    for argv, code in ((["--bootstrap", "-1"], "E527"), (["--seed", "-5"], "E528")):
        assert main(["agreement", project, *argv]) == 2
        err = capsys.readouterr().err
        assert code in err and len(err.strip().splitlines()) == 1
