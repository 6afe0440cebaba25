"""`annotator pretag` works in claimed batches: it says how many batches this process did, how
many others did and how many are left; a finished run is not joined again; the options show in
the help (and no test-only option does)."""

from __future__ import annotations

import json

from annotator.app.project import Project
from annotator.cli import main

LINES = [f"زار لافروف كوريا {i}" for i in range(7)]


def _project(tmp_path, capsys) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "p.db")
    (tmp_path / "docs.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    names = tmp_path / "names.jsonl"
    names.write_text(json.dumps({"text": "لافروف", "label": "PERS"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    assert main(["init", path, "--labels", "PERS,LOC"]) == 0
    assert main(["import", path, str(tmp_path / "docs.txt"), "--split", "line"]) == 0
    capsys.readouterr()
    return path, str(names)


def _suggestions(path: str) -> list[int]:
    project = Project.open(path)
    try:
        return [len(project.spans(project.annotation_id(doc_id, "amal")))
                for doc_id in project.store.document_ids()]
    finally:
        project.close()


def test_pretag_reports_its_batches_and_new_run_starts_over(tmp_path, capsys):
    path, names = _project(tmp_path, capsys)
    assert main(["pretag", path, "--gazetteer", names, "--annotator", "amal",
                 "--batch-documents", "3"]) == 0
    out = capsys.readouterr().out
    assert "Pre-tagged 7 of 7 document(s)" in out
    assert "run 1: 3 batch(es), 3 done by this process, 0 by others, 0 left" in out
    assert main(["pretag", path, "--gazetteer", names, "--annotator", "amal",
                 "--new-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["run"], report["joined"], report["batches"]) == (2, False, 1)
    assert (report["suggestions_added"], report["identical_skipped"]) == (0, 7)


def test_more_local_workers_share_one_run(tmp_path, capsys):
    path, names = _project(tmp_path, capsys)
    assert main(["pretag", path, "--gazetteer", names, "--annotator", "amal",
                 "--batch-documents", "1", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "1 more local worker process(es) shared the run" in out
    assert "7 batch(es)" in out and ", 0 left" in out
    assert _suggestions(path) == [1] * len(LINES)  # every document once, by whichever worker


def test_joining_a_run_by_id_checks_it_is_the_same_run(tmp_path, capsys):
    path, names = _project(tmp_path, capsys)
    assert main(["pretag", path, "--gazetteer", names, "--annotator", "amal", "--json"]) == 0
    capsys.readouterr()
    assert main(["pretag", path, "--gazetteer", names, "--annotator", "amal", "--run", "9"]) == 2
    assert "E145" in capsys.readouterr().err
    assert main(["pretag", path, "--gazetteer", names, "--annotator", "badr", "--run", "1"]) == 2
    err = capsys.readouterr().err
    assert "E146" in err and "annotator 'amal', not 'badr'" in err
    assert main(["pretag", path, "--gazetteer", names, "--annotator", "amal", "--run", "1",
                 "--json"]) == 0  # a finished run: nothing left to do
    report = json.loads(capsys.readouterr().out)
    assert (report["joined"], report["batches_done_here"], report["batches_left"]) == (True, 0, 0)


def test_pretag_help_names_the_run_options(capsys):
    try:
        main(["pretag", "--help"])
    except SystemExit:
        pass
    help_text = capsys.readouterr().out
    for option in ("--resume", "--new-run", "--run", "--workers", "--lease", "--batch-documents"):
        assert option in help_text
    assert "delay" not in help_text.lower()
