"""annotator export and annotation imports from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.cli import main

EXAMPLES = Path(__file__).parents[1] / "formats" / "examples"


def test_import_status_annotator_then_export_with_split(tmp_path, capsys):
    project = str(tmp_path / "p.db")
    main(["init", project, "--labels", "PERS,LOC"])
    capsys.readouterr()
    assert main(["import", project, str(EXAMPLES / "example.doccano.jsonl"), "--annotator", "alice",
                 "--status", "in-progress", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["annotators"] == ["alice"] and report["spans_added"] == 6
    # nothing is done yet: the export says so and writes nothing
    assert main(["export", project, str(tmp_path / "none.spacy")]) == 2
    assert "E303" in capsys.readouterr().err and not (tmp_path / "none.spacy").exists()
    assert main(["export", project, str(tmp_path / "corpus"), "--all", "--split",
                 "train=0.5,dev=0.5", "--seed", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == {"train": 1, "dev": 1} and report["source"] == "annotator alice"
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["dev.spacy", "train.spacy"]


def test_export_conll_stops_on_misaligned_spans_and_lists_them(tmp_path, capsys):
    project = str(tmp_path / "p.db")
    main(["init", project, "--labels", "PERS,LOC"])
    source = tmp_path / "d.jsonl"
    source.write_text(json.dumps({"text": "Mr Blackburn visited Paris.",
                                  "label": [[3, 8, "PERS"], [21, 26, "LOC"]]}), encoding="utf-8")
    main(["import", project, str(source)])
    capsys.readouterr()
    out = tmp_path / "o.conll"
    assert main(["export", project, str(out), "--format", "conll", "--no-split-at-spans"]) == 2
    err = capsys.readouterr().err
    assert "E301" in err and "misaligned: document 1 (d.jsonl:1) [3, 8) PERS 'Black'" in err
    assert not out.exists()
    assert main(["export", project, str(out), "--format", "conll", "--scheme", "bilou",
                 "--docstart"]) == 0
    printed = capsys.readouterr().out
    assert "Exported 1 document(s), 2 span(s)" in printed
    assert "token 'Blackburn' split at 8" in printed
    assert "Black U-PERS\nburn O\n" in out.read_text(encoding="utf-8")
    assert main(["export", project, str(out), "--format", "conll"]) == 2  # exists
    assert "E306" in capsys.readouterr().err


def test_export_unknown_format(tmp_path, capsys):
    project = str(tmp_path / "p.db")
    main(["init", project])
    assert main(["export", project, str(tmp_path / "x"), "--format", "csv"]) == 2
    assert "E307" in capsys.readouterr().err
