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


def _spans(project: str) -> list[tuple[str, str]]:
    from annotator.app.project import Project

    store = Project.open(project)
    found = []
    for doc_id in store.document_ids():
        text = store.document_text(doc_id)
        for _id, name, _role in store.annotators():
            found += [(" ".join(text[s.span.start:s.span.end].split()), s.span.label)
                      for s in store.spans(store.annotation_id(doc_id, name))]
    count = len(store.document_ids())
    store.close()
    return [(str(count), "documents"), *sorted(found)]


def test_conll_keeps_document_boundaries_only_with_docstart_and_says_so(tmp_path, capsys,
                                                                         shared_data):
    source = shared_data / "tool_exports" / "doccano_export_sequence_labeling_example.jsonl"
    project = str(tmp_path / "p.db")
    main(["init", project])
    assert main(["import", project, str(source), "--create-labels"]) == 0
    original = _spans(project)
    assert original[0] == ("3", "documents") and len(original) == 5
    for docstart, documents in ((False, "1"), (True, "3")):
        out = tmp_path / f"out-{docstart}.conll"
        capsys.readouterr()
        assert main(["export", project, str(out), "--format", "conll",
                     *(["--docstart"] if docstart else [])]) == 0
        printed = capsys.readouterr().out
        assert ("3 documents without -DOCSTART- lines" in printed) is not docstart
        back = str(tmp_path / f"back-{docstart}.db")
        main(["init", back])
        assert main(["import", back, str(out), "--format", "conll", "--create-labels"]) == 0
        assert _spans(back) == [(documents, "documents"), *original[1:]]


def test_the_docstart_note_names_the_file_written_not_its_temporary(tmp_path, capsys):
    project = str(tmp_path / "p.db")
    main(["init", project, "--labels", "PERS,LOC"])
    main(["import", project, str(EXAMPLES / "example.doccano.jsonl")])
    capsys.readouterr()
    assert main(["export", project, str(tmp_path / "o.conll"), "--format", "conll", "--all"]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if "without -DOCSTART-" in line]
    assert notes == ["  note: 2 documents without -DOCSTART- lines; importing the file gives one "
                     "document (export with --docstart to keep document boundaries)"]
    assert main(["export", project, str(tmp_path / "parts"), "--format", "conll", "--all",
                 "--split", "train=0.5,dev=0.5", "--sentences-per-doc", "1"]) == 0
    out = capsys.readouterr().out
    assert ".partial" not in out and "train.conll: " in out


def test_a_conll_export_does_not_import_spacy(tmp_path):
    """Only the spaCy writers need a Vocab: the others start as fast as the CLI does."""
    import subprocess
    import sys

    project = str(tmp_path / "p.db")
    main(["init", project, "--labels", "PERS,LOC"])
    main(["import", project, str(EXAMPLES / "example.doccano.jsonl")])
    script = ("import sys; from annotator.cli import main; "
              f"code = main(['export', {project!r}, {str(tmp_path / 'o.conll')!r}, '--format', 'conll', "
              "'--all']); print(code, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.stdout.split()[-2:] == ["0", "False"], done.stderr
    assert "B-PERS" in (tmp_path / "o.conll").read_text(encoding="utf-8")


def test_without_format_the_extension_chooses_it_and_an_unknown_one_is_refused(tmp_path, capsys):
    project = str(tmp_path / "p.db")
    main(["init", project, "--labels", "PERS,LOC"])
    main(["import", project, str(EXAMPLES / "example.doccano.jsonl"), "--annotator", "alice",
          "--status", "done"])
    capsys.readouterr()
    for name, fmt in (("o.conll", "conll"), ("o.jsonl", "jsonl"), ("o.spacy", "spacy"),
                      ("o.json", "labelstudio"), ("o", "spacy")):
        assert main(["export", project, str(tmp_path / name), "--json"]) == 0, name
        assert json.loads(capsys.readouterr().out)["format"] == fmt, name
    assert (tmp_path / "o.conll").read_text(encoding="utf-8").split()[1] in {"O", "B-PERS", "B-LOC"}
    assert json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
    assert main(["export", project, str(tmp_path / "o.txt")]) == 2
    assert "E413" in capsys.readouterr().err and not (tmp_path / "o.txt").exists()
    assert main(["export", project, str(tmp_path / "o.txt"), "--format", "conll"]) == 0
