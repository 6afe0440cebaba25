"""annotator agreement | adjudicate | assign | annotators, and export --gold, end to end."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from annotator.cli import main

TEXTS = ["زار لافروف بيونغ يانغ أمس", "قالت وكالة الأنباء الكورية"]
AMAL = [[[4, 10, "PERS"], [11, 21, "LOC"]], [[5, 26, "ORG"]]]
BADR = [[[4, 10, "PERS"], [11, 16, "LOC"]], [[5, 26, "ORG"]]]


def doccano(path: Path, labels: list[list[list[object]]]) -> str:
    path.write_text("".join(json.dumps({"text": t, "label": s}, ensure_ascii=False) + "\n"
                            for t, s in zip(TEXTS, labels, strict=True)), encoding="utf-8")
    return str(path)


@pytest.fixture
def project(tmp_path: Path, capsys) -> str:
    """Two annotators' doccano files of the same texts, imported with --annotator."""
    project = str(tmp_path / "p.db")
    assert main(["init", project, "--labels", "PERS,LOC,ORG,MISC"]) == 0
    for name, labels in (("amal", AMAL), ("badr", BADR)):
        assert main(["import", project, doccano(tmp_path / f"{name}.jsonl", labels),
                     "--format", "doccano", "--annotator", name]) == 0
    capsys.readouterr()
    return project


def test_two_imports_with_annotator_names_are_enough_for_agreement(project, capsys) -> None:
    assert main(["agreement", project, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "annotator.agreement/1"
    assert report["annotators"] == ["amal", "badr"]
    assert report["corpus"]["documents"] == 2 and report["corpus"]["tokens"] == 9
    pair = report["pairs"][0]
    # tokens: O PERS LOC LOC O | O ORG ORG ORG  against  O PERS LOC O O | O ORG ORG ORG
    assert pair["observed_agreement"] == pytest.approx(8 / 9)
    # Gwet's AC1 on the same 18 values: O 7, PERS 2, LOC 3, ORG 6; q = 4 ("O" and the three
    # labels the spans use; MISC is unused, so not in the report's labels)
    shares = [7 / 18, 2 / 18, 3 / 18, 6 / 18]
    chance = sum(p * (1 - p) for p in shares) / 3
    assert report["overall"]["gwet_ac1"]["value"] == pytest.approx((8 / 9 - chance) / (1 - chance))
    assert report["overall"]["gwet_ac1"]["used"] == 9
    assert pair["cohen_kappa"]["value"] == pytest.approx(48 / 57)
    assert pair["span_f1_exact"]["micro"]["f1"] == pytest.approx(2 / 3)
    assert pair["span_f1_lenient"]["micro"]["f1"] == pytest.approx(1.0)
    assert report["matrices"]["cohen_kappa"] == [[None, pytest.approx(48 / 57)],
                                                 [pytest.approx(48 / 57), None]]
    assert main(["agreement", project, "--labels", "ORG", "--json"]) == 0
    only_org = json.loads(capsys.readouterr().out)
    assert only_org["pairs"][0]["span_f1_exact"]["micro"]["f1"] == pytest.approx(1.0)


def test_the_table_and_the_report_files(project, tmp_path, capsys) -> None:
    html_path, csv_path = tmp_path / "r.html", tmp_path / "r.csv"
    assert main(["agreement", project, "--csv", str(csv_path), "--html", str(html_path),
                 "--lang", "ar"]) == 0
    out = capsys.readouterr().out
    assert "Agreement between amal, badr" in out and "زار لافروف" in out
    assert "0.842" in out  # Cohen's kappa of the pair
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    kappa = [r for r in rows if r["section"] == "pair" and r["measure"] == "cohen_kappa"]
    assert float(kappa[0]["value"]) == pytest.approx(48 / 57)
    page = html_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in page
    assert "زار لافروف" in page and "<script" not in page and "href=" not in page
    assert page.count("<svg") == 5  # four pairwise heatmaps and the per-label bars
    assert main(["agreement", project, "--shape"]) == 0
    shaped = capsys.readouterr().out
    assert "زار لافروف" not in shaped and "\ufe8d" in shaped  # presentation forms, reordered


class _Checker(HTMLParser):
    VOID = {"meta", "br", "img", "rect", "input", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:  # type: ignore[no-untyped-def]
        self.seen.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:  # type: ignore[no-untyped-def]
        self.seen.append(tag)

    def handle_endtag(self, tag) -> None:  # type: ignore[no-untyped-def]
        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)
        self.stack.pop()


def test_the_html_page_is_well_formed_and_carries_its_figures(project, tmp_path) -> None:
    path = tmp_path / "r.html"
    assert main(["agreement", project, "--html", str(path), "--json"]) == 0
    checker = _Checker()
    checker.feed(path.read_text(encoding="utf-8"))
    checker.close()
    assert checker.stack == []
    assert checker.seen.count("svg") == 5 and checker.seen.count("rect") > 8
    page = path.read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in page and 'dir="auto">زار لافروف' in page


def test_adjudicate_then_export_gold(project, tmp_path, capsys) -> None:
    assert main(["adjudicate", project]) == 0
    assert "0 of 2 document(s) done" in capsys.readouterr().out
    assert main(["adjudicate", project, "--auto", "--finish"]) == 0
    out = capsys.readouterr().out
    assert "Pre-merged 2 agreed span(s)" in out and "1 of 2 document(s) done" in out
    out_file = tmp_path / "gold.jsonl"
    assert main(["export", project, str(out_file), "--gold", "--format", "doccano",
                 "--json"]) == 0
    exported = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [(r["text"], r["label"]) for r in exported] == [(TEXTS[1], [[5, 26, "ORG"]])]

    from annotator.app.adjudication import load_document, pick_version, set_gold_status
    from annotator.app.project import Project

    with Project.open(project) as store:
        first = store.document_ids()[0]
        document = load_document(store, first)
        conflict = document.adjudication.conflicts[0]
        store.apply(pick_version(store, document, conflict, conflict.versions[0].spans))
        set_gold_status(store, first)
    capsys.readouterr()
    assert main(["adjudicate", project, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["progress"]["done"] == 2
    assert main(["export", project, str(out_file), "--gold", "--format", "doccano",
                 "--overwrite"]) == 0
    exported = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [r["label"] for r in exported] == [[[4, 10, "PERS"], [11, 21, "LOC"]],
                                              [[5, 26, "ORG"]]]


def test_assign_annotators_and_errors(project, capsys) -> None:
    assert main(["assign", project, "--annotators", "amal,badr,carim", "--per-document", "2",
                 "--shared", "1", "--seed", "4", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 2 and len(report["shared"]) == 1
    assert sum(report["per_annotator"].values()) == 3 + 2
    assert main(["annotators", project, "--json"]) == 0
    people = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert people["amal"]["documents"]["done"] == 2 and people["carim"]["spans"] == 0
    assert sum(p["assigned"] for p in people.values()) == 5
    for argv, code in ((["agreement", project, "--annotators", "amal,gold"], "E116"),
                       (["agreement", project, "--labels", "NOPE"], "E104"),
                       (["assign", project, "--annotators", "amal", "--per-document", "2"],
                        "E116"),
                       (["adjudicate", project, "--finish"], "E116")):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert code in err and len(err.strip().splitlines()) == 1


def test_gamma_options_and_its_observed_disorder(project, capsys) -> None:
    assert main(["agreement", project, "--json", "--gamma-samples", "8", "--gamma-seed", "3"]) == 0
    gamma = json.loads(capsys.readouterr().out)["gamma"]
    assert gamma["samples"] == 8 and gamma["seed"] == 3 and gamma["units"] == 6
    # PERS and ORG identical; LOC [11, 21) against [11, 16): d_pos = (5 / 15)^2 = 1/9; three
    # pairs aligned, three units per annotator
    assert gamma["observed_disorder"] == pytest.approx(1 / 27)
    assert gamma["unitary_alignments"] == 3
    assert main(["agreement", project, "--json", "--no-gamma"]) == 0
    assert json.loads(capsys.readouterr().out)["gamma"] is None
    assert main(["agreement", project, "--gamma-samples", "1"]) != 0
    assert "E511" in capsys.readouterr().err
