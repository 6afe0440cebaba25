"""The command line contract: init, import, stats --json; user errors are one line, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from annotator.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, timeout=120)


def test_init_import_stats_json(tmp_path, capsys, seed_text):
    project = str(tmp_path / "p.db")
    assert main(["init", project, "--lang", "ar", "--labels", "PERS,LOC,ORG,MISC"]) == 0
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(seed_text, encoding="utf-8")
    (seeds / "b.txt").write_text(seed_text, encoding="utf-8")  # a duplicate
    assert main(["import", project, str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 document(s)" in out and "1 duplicate(s) skipped" in out
    assert main(["stats", project, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 1
    assert stats["characters"] == len(seed_text)
    assert set(stats) >= {"project", "language", "documents", "characters", "spans",
                          "spans_per_label", "annotations_per_status", "annotators"}


def test_import_json_report_and_annotator(tmp_path, capsys):
    project = str(tmp_path / "p.db")
    main(["init", project])
    data = tmp_path / "d.jsonl"
    data.write_text('{"text": "في موسكو", "spans": [{"start": 3, "end": 8, "label": "LOC"}]}\n',
                    encoding="utf-8")
    capsys.readouterr()
    assert main(["import", project, str(data), "--annotator", "amal", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents_added"] == 1 and report["spans_added"] == 1
    main(["stats", project, "--json"])
    stats = json.loads(capsys.readouterr().out)
    assert stats["annotators"]["amal"]["spans"] == 1
    assert stats["annotators"]["amal"]["documents"]["done"] == 1
    assert stats["spans_per_label"]["LOC"] == {"accepted": 1, "suggested": 0}


@pytest.mark.parametrize("args,code", [
    (["stats", "{tmp}/missing.db"], "E101"),
    (["import", "{tmp}/p.db", "{tmp}/nothing-here.txt"], "E201"),
    (["init", "{tmp}/p.db"], "E102"),
    (["import", "{tmp}/p.db", "{tmp}/p.db", "--format", "klingon"], "E209"),
    (["import", "{tmp}/p.db", "{tmp}/bad.jsonl"], "E205"),
    (["import", "{tmp}/p.db", "{tmp}/bad.jsonl", "--status", "sleeping"], "E116"),
    (["train", "{tmp}/p.db", "--out", "{tmp}/bad.jsonl/model"], "E901"),  # under a file
    (["db", "upgrade", "{tmp}/missing.db"], "E101"),
    (["db", "upgrade", "{tmp}/bad.jsonl"], "E103"),
])
def test_user_errors_are_one_line_without_traceback(tmp_path, args, code):
    assert run("init", str(tmp_path / "p.db")).returncode == 0
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"}\nnot json\n', encoding="utf-8")
    result = run(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and code in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "missing.db").exists()  # asking never creates a project file


def test_python_dash_m_and_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("annotator ")


def test_a_file_system_refusal_is_one_line_and_writes_nothing(tmp_path, seed_text):
    project = str(tmp_path / "p.db")
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    assert run("init", project).returncode == 0
    assert run("import", project, str(tmp_path / "seed.txt")).returncode == 0
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("export", project, str(tmp_path / "a-file" / "out.spacy"), "--all")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "[E901]" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before



def test_a_closed_pipe_ends_the_output_quietly_with_status_0(tmp_path):
    """`annotator stats P --json | head -1`: the reader is gone before the output is written."""
    import os

    assert run("init", str(tmp_path / "p.db")).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: every write fails with EPIPE
    try:
        done = subprocess.run([sys.executable, "-m", "annotator", "stats", str(tmp_path / "p.db"),
                               "--json"], stdout=write_end, stderr=subprocess.PIPE, text=True,
                              timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and done.stderr == ""


def test_a_failed_init_leaves_no_file_behind(tmp_path):
    project = tmp_path / "q.db"
    failed = run("init", str(project), "--labels", "PERS,bad label")
    assert failed.returncode == 2 and "[E111]" in failed.stderr
    assert list(tmp_path.iterdir()) == []
    assert run("init", str(project), "--labels", "PERS,LOC").returncode == 0
    assert json.loads(run("stats", str(project), "--json").stdout)["documents"] == 0
