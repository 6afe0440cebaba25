"""A CLI-made project with two annotators' doccano imports, for the agreement and curation tests."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.cli import main

Spans = list[list[list[object]]]  # per document: [start, end, label] each


def two_annotator_project(tmp_path: Path, texts: list[str], amal: Spans, badr: Spans) -> str:
    """`init` a project labelled PERS, LOC, ORG, MISC and import AMAL's and BADR's spans of
    TEXTS through the doccano importer, as a user would."""
    project = str(tmp_path / "p.db")
    assert main(["init", project, "--labels", "PERS,LOC,ORG,MISC"]) == 0
    for name, labels in (("amal", amal), ("badr", badr)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"text": t, "label": s}, ensure_ascii=False) + "\n"
                                for t, s in zip(texts, labels, strict=True)), encoding="utf-8")
        assert main(["import", project, str(path), "--format", "doccano",
                     "--annotator", name]) == 0
    return project
